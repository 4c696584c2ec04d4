"""Sources in, :class:`Article` out: read a capture and its metadata, check both, clean the text."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .clean import Cleaned, clean_html, clean_text
from .licenses import license_problem, redistributable
from .yamlio import InputError, line_of, load_yaml

ARTICLE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SOURCE_SUFFIXES = (".txt", ".html", ".htm")
REQUIRED = ("title", "publisher", "url", "published", "language", "license")
OPTIONAL = (
    "published_precision",
    "published_certainty",
    "published_window",
    "byline",
    "publisher_article_id",
    "license_note",
    "completeness",
    "capture_format",
)
_SPDX_SHAPE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+-]*$")
# News articles are a few KB; anything this large is not one article.
MAX_SOURCE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Article:
    """A cleaned source article with its checked metadata."""

    article_id: str
    meta: dict[str, Any]
    text: str
    title: str | None
    caption: str | None
    dropped: tuple[tuple[str, str], ...] = ()
    source: str | None = None

    @property
    def published(self) -> dt.date | None:
        return self.meta.get("published")

    @property
    def text_sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def _as_date(value: Any, path: Path, line: int | None, key: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise InputError(path, f"`{key}` must be a date written YYYY-MM-DD, got {value!r}", line)


def check_metadata(raw: Any, path: Path) -> dict[str, Any]:
    """Validate a source's metadata mapping; return it with defaults filled and dates parsed."""
    if not isinstance(raw, dict):
        raise InputError(path, "metadata must be a YAML mapping of field: value (title, publisher, url, published, language, license)")
    known = set(REQUIRED) | set(OPTIONAL)
    for key in raw:
        if key in known or str(key).endswith("_note"):
            continue
        close = difflib.get_close_matches(str(key), sorted(known), n=1)
        if close:
            raise InputError(path, f"unknown field `{key}`; did you mean `{close[0]}`?", line_of(raw, key))
    missing = [k for k in REQUIRED if k not in raw]
    if missing:
        raise InputError(
            path,
            f"missing required field(s): {', '.join(missing)}. Add them (title may be `null` when the capture has none).",
            line_of(raw),
        )
    meta: dict[str, Any] = {k: raw.get(k) for k in (*REQUIRED, *OPTIONAL)}
    for key in ("publisher", "url", "language", "license"):
        if not isinstance(meta[key], str) or not meta[key].strip():
            raise InputError(path, f"`{key}` must be a non-empty string", line_of(raw, key))
    if meta["title"] is not None and not isinstance(meta["title"], str):
        raise InputError(path, "`title` must be a string or null", line_of(raw, "title"))
    meta["published"] = _as_date(meta["published"], path, line_of(raw, "published"), "published")
    meta["published_precision"] = meta["published_precision"] or "day"
    meta["published_certainty"] = meta["published_certainty"] or "exact"
    if meta["published_precision"] not in ("day", "month", "year"):
        raise InputError(path, "`published_precision` must be day, month or year", line_of(raw, "published_precision"))
    if meta["published_certainty"] not in ("exact", "estimated"):
        raise InputError(path, "`published_certainty` must be exact or estimated", line_of(raw, "published_certainty"))
    window = meta.pop("published_window")
    meta["published_earliest"] = meta["published_latest"] = None
    if window is not None:
        line = line_of(raw, "published_window")
        if not isinstance(window, list) or len(window) != 2:
            raise InputError(path, "`published_window` must be a list of two dates: [earliest, latest]", line)
        lo, hi = (_as_date(v, path, line, "published_window") for v in window)
        if not lo <= meta["published"] <= hi:
            raise InputError(path, "`published` must lie within `published_window`", line)
        meta["published_earliest"], meta["published_latest"] = lo, hi
    if not re.fullmatch(r"[a-z]{2}", meta["language"]):
        raise InputError(path, f"`language` must be an ISO 639-1 code such as `en`, got {meta['language']!r}", line_of(raw, "language"))
    problem = license_problem(meta["license"])
    if problem is None and not _SPDX_SHAPE.match(meta["license"]):
        problem = f"`license` {meta['license']!r} is not an SPDX identifier, `public-domain`, `proprietary` or `unknown`"
    if problem:
        raise InputError(path, problem, line_of(raw, "license"))
    if meta["publisher_article_id"] is not None:
        meta["publisher_article_id"] = str(meta["publisher_article_id"])
    return meta


def decode_source(data: bytes, path: Path) -> str:
    if not data.strip():
        raise InputError(path, "the source file is empty; capture the article's text or remove the file")
    if b"\x00" in data[:8192]:
        raise InputError(path, "the source file looks binary (it contains NUL bytes); sources must be .txt or .html text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path,
            f"not valid UTF-8 (byte {exc.start}: {exc.reason}); re-save the capture as UTF-8",
        ) from None


def article_id_for(path: Path) -> str:
    stem = path.stem
    if not ARTICLE_ID.match(stem):
        raise InputError(path, f"file name {path.name!r} is not a valid article id: use lowercase letters, digits and single hyphens")
    return stem


def clean_source(text: str, suffix: str, title: str | None) -> Cleaned:
    if suffix in (".html", ".htm"):
        return clean_html(text, title)
    return clean_text(text, title)


def read_metadata(meta_path: Path, text: str | None = None) -> dict[str, Any]:
    """Parse and check a ``<stem>.yaml`` metadata file (or its text)."""
    return check_metadata(load_yaml(meta_path, text), meta_path)


def parse_article(path: Path, data: bytes, meta: dict[str, Any]) -> Article:
    """An :class:`Article` from a source's bytes and checked metadata; ``path`` names it in errors."""
    path = Path(path)
    if path.suffix not in SOURCE_SUFFIXES:
        raise InputError(path, f"unsupported source type {path.suffix!r}; use .txt or .html")
    article_id = article_id_for(path)
    if len(data) > MAX_SOURCE_BYTES:
        raise InputError(
            path,
            f"source is {len(data) / 2**20:.0f} MB, over the {MAX_SOURCE_BYTES // 2**20} MB limit for one article; "
            "split the capture into its articles or trim it",
        )
    text = decode_source(data, path)
    try:
        cleaned = clean_source(text, path.suffix, meta.get("title"))
    except (RecursionError, ValueError) as exc:
        raise InputError(path, f"the page could not be parsed ({type(exc).__name__}: {exc}); save it as plain text") from None
    if not cleaned.text.strip():
        raise InputError(path, "no article text is left after cleaning; check the capture")
    return Article(
        article_id=article_id,
        meta=meta,
        text=cleaned.text,
        title=cleaned.title,
        caption=cleaned.caption,
        dropped=cleaned.dropped,
        source=path.name,
    )


def read_article(path: Path, meta: dict[str, Any] | None = None) -> Article:
    """Read one source and its ``<stem>.yaml`` metadata (or the ``meta`` given)."""
    path = Path(path)
    if path.suffix not in SOURCE_SUFFIXES:
        raise InputError(path, f"unsupported source type {path.suffix!r}; use .txt or .html")
    article_id_for(path)
    if meta is None:
        meta_path = path.with_suffix(".yaml")
        if not meta_path.exists():
            raise InputError(path, f"no metadata: create {meta_path.name} beside it (title, publisher, url, published, language, license)")
        meta = read_metadata(meta_path)
    if path.stat().st_size > MAX_SOURCE_BYTES:
        raise InputError(path, f"source is over the {MAX_SOURCE_BYTES // 2**20} MB limit for one article; split the capture into its articles or trim it")
    return parse_article(path, path.read_bytes(), meta)


def list_sources(directory: Path) -> tuple[list[Path], list[InputError]]:
    """Source captures in ``directory`` sorted by article id, and errors for ids used twice."""
    files = sorted(
        (p for p in Path(directory).iterdir() if p.suffix in SOURCE_SUFFIXES and not p.name.startswith(".")),
        key=lambda p: (p.stem, p.suffix),
    )
    by_id: dict[str, list[Path]] = {}
    for p in files:
        by_id.setdefault(p.stem, []).append(p)
    errors = [
        InputError(ps[-1], f"two sources share the article id {stem!r} ({', '.join(p.name for p in ps)}); keep one")
        for stem, ps in by_id.items()
        if len(ps) > 1
    ]
    return [ps[0] for ps in by_id.values() if len(ps) == 1], errors


def source_files(directory: Path) -> list[Path]:
    """Source captures in ``directory``, sorted by id; two with the same id is an error."""
    files, errors = list_sources(directory)
    if errors:
        raise errors[0]
    return files


def article_row(article: Article) -> dict[str, Any]:
    """The ``articles`` table row of an article."""
    m = article.meta
    publish = redistributable(m["license"])
    return {
        "article_id": article.article_id,
        "title": article.title,
        "publisher": m["publisher"],
        "url": m["url"],
        "published": m["published"],
        "published_precision": m["published_precision"],
        "published_certainty": m["published_certainty"],
        "published_earliest": m["published_earliest"],
        "published_latest": m["published_latest"],
        "language": m["language"],
        "license": m["license"],
        "license_note": m.get("license_note"),
        "byline": m.get("byline"),
        "publisher_article_id": m.get("publisher_article_id"),
        "capture_format": m.get("capture_format"),
        "caption": article.caption if publish else None,
        "text": article.text if publish else None,
        "text_withheld": not publish,
        "text_sha256": article.text_sha256,
        "text_length": len(article.text),
        "word_count": len(article.text.split()),
    }
