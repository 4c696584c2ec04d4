"""Assemble per-article rows into the package's tables, in a fixed order."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .paths import TABLES

Rows = list[dict[str, Any]]
ROW_TABLES = ("mentions", "events", "event_actors", "claims")
_ROLE_ORDER = {"actor1": 0, "assoc_actor_1": 1, "actor2": 2, "assoc_actor_2": 3}


def _none_last(value: Any) -> tuple[bool, Any]:
    return (value is None, value if value is not None else 0)


SORT_KEYS = {
    "articles": lambda r: r["article_id"],
    "actors": lambda r: r["actor_id"],
    "places": lambda r: r["place_id"],
    "mentions": lambda r: (r["article_id"], r["start"], r["end"], r["entity_type"], r["mention_id"]),
    "events": lambda r: (r["article_id"], r["evidence_start"], r["evidence_end"], r["event_id"]),
    "claims": lambda r: (r["article_id"], r["content_start"], r["content_end"], r["claim_id"]),
}


class DuplicateIdError(ValueError):
    pass


def assemble(
    articles: Iterable[Mapping[str, Any]],
    per_article: Iterable[Mapping[str, Rows]],
    actors: Iterable[Mapping[str, Any]],
    places: Iterable[Mapping[str, Any]],
) -> dict[str, Rows]:
    """All seven tables, rows sorted deterministically (events by article, then position in the text)."""
    tables: dict[str, Rows] = {name: [] for name in TABLES}
    tables["articles"] = [dict(r) for r in articles]
    tables["actors"] = [dict(r) for r in actors]
    tables["places"] = [dict(r) for r in places]
    for rows in per_article:
        for name in ROW_TABLES:
            tables[name].extend(dict(r) for r in rows.get(name, []))
    for name, key in SORT_KEYS.items():
        tables[name].sort(key=key)
    event_order = {r["event_id"]: i for i, r in enumerate(tables["events"])}
    tables["event_actors"].sort(
        key=lambda r: (event_order.get(r["event_id"], len(event_order)), r["event_id"], _ROLE_ORDER[r["role"]], r["actor_id"])
    )
    _check_unique(tables)
    return tables


def _check_unique(tables: Mapping[str, Rows]) -> None:
    keys = {"articles": "article_id", "actors": "actor_id", "places": "place_id", "mentions": "mention_id", "events": "event_id", "claims": "claim_id"}
    for name, key in keys.items():
        seen: set[str] = set()
        for row in tables[name]:
            if row[key] in seen:
                raise DuplicateIdError(f"{name}: the id {row[key]!r} is produced twice (two rows with the same key or span)")
            seen.add(row[key])
