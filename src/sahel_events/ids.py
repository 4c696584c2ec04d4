"""Deterministic identifiers: same input, same id, on every rebuild."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object) -> str:
    """``<prefix>-<16 hex>`` from the parts (e.g. article id and coder's key, or an evidence span)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:16]}"


def curated_id(prefix: str, article_id: str, key: str) -> str:
    """Id of a curated row: from its article and the coder's key."""
    return stable_id(prefix, "curated", article_id, key)


def auto_id(prefix: str, article_id: str, start: int, end: int, *extra: object) -> str:
    """Id of an automatic row: from its article and its evidence span."""
    return stable_id(prefix, "auto", article_id, start, end, *extra)
