"""Reading one source for ``extract``/``draft``: with its ``<stem>.yaml`` when there
is one, otherwise with metadata from flags and nulls (never invented values)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from ..ingest import ARTICLE_ID, MAX_SOURCE_BYTES, SOURCE_SUFFIXES, Article, check_metadata, clean_source, decode_source
from ..yamlio import InputError, load_yaml

NO_DATE_WARNING = (
    "{name}: no publication date (no `published` in metadata, no --published): relative dates "
    "(weekdays, months without a year, 'today', 'since ...') are left unresolved (null). "
    "Pass --published YYYY-MM-DD to resolve them."
)


def _slug(stem: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "article"


def bare_meta(title: str | None, publisher: str | None, published: dt.date | None) -> dict[str, Any]:
    """Metadata for a file without a ``.yaml``: what the flags say, null for the rest."""
    return {
        "title": title,
        "publisher": publisher,
        "url": None,
        "published": published,
        "published_precision": "day" if published else None,
        "published_certainty": "exact" if published else None,
        "published_earliest": None,
        "published_latest": None,
        "language": None,  # unknown: the extractor checks the text itself
        "license": "unknown",
        "license_note": None,
        "byline": None,
        "publisher_article_id": None,
        "completeness": None,
        "capture_format": None,
    }


def load_source(
    path: Path,
    *,
    published: dt.date | None = None,
    title: str | None = None,
    publisher: str | None = None,
) -> tuple[Article, list[str]]:
    """The cleaned article and the warnings to show. Flags override the metadata file."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder; name one .txt or .html source file")
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        raise InputError(path, f"unsupported source type {path.suffix!r}; use .txt or .html")
    if path.stat().st_size > MAX_SOURCE_BYTES:
        raise InputError(path, f"source is larger than {MAX_SOURCE_BYTES // 2**20} MB; split or trim the capture")
    meta_path = path.with_suffix(".yaml")
    if meta_path.exists():
        meta = check_metadata(load_yaml(meta_path), meta_path)
        if title is not None:
            meta["title"] = title
        if publisher is not None:
            meta["publisher"] = publisher
        if published is not None:
            meta["published"] = published
            meta["published_precision"], meta["published_certainty"] = "day", "exact"
    else:
        meta = bare_meta(title, publisher, published)
    raw = decode_source(path.read_bytes(), path)
    cleaned = clean_source(raw, path.suffix.lower(), meta.get("title"))
    if not cleaned.text.strip():
        raise InputError(path, "no article text is left after cleaning; check the capture")
    stem = path.stem if ARTICLE_ID.match(path.stem) else _slug(path.stem)
    article = Article(stem, meta, cleaned.text, cleaned.title, cleaned.caption, cleaned.dropped, path.name)
    warnings = [] if meta.get("published") else [NO_DATE_WARNING.format(name=path)]
    return article, warnings
