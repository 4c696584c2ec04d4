"""The checks Frictionless cannot do, vectorised over typed Arrow tables.

Same checks, same messages and same order as :func:`.validate.row_problems`
(which works on Python rows and stays the reference): text hashes, lengths and
word counts; the offset invariant ``articles.text[start:end] == quoted``;
ACLED sub-types; every event with an actor; claims with a cue and content;
mentions naming an actor or a place. Lengths count code points
(``utf8_length``); word counts and blank checks are RE2 kernels, with Python's
Unicode whitespace (``str.split``, ``str.strip``) spelled out below. The offset
invariant and the text hashes stay in Python, a batch at a time: one call per
article or span, no per-row dicts (see :func:`_span_problems`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .typology import SUB_EVENT_TYPES
from .validate import Problem

# Every character for which Python's str.isspace() is true.
_WS = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_WORD = f"[^{_WS}]+"
_BLANK = f"^[{_WS}]*$"

SPAN_BATCH = 250_000  # rows whose span columns are Python objects at once

SPANS: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "events": ("event_id", [("evidence_start", "evidence_end", "evidence_text")]),
    "mentions": ("mention_id", [("start", "end", "text")]),
    "claims": ("claim_id", [("claimant_start", "claimant_end", "claimant_text"), ("cue_start", "cue_end", "cue"),
                            ("content_start", "content_end", "content_text")]),
}


def _np(arr: Any) -> np.ndarray:
    return pc.fill_null(arr, False).to_numpy(zero_copy_only=False).astype(bool)


def _col(table: pa.Table, name: str) -> pa.ChunkedArray:
    if name in table.column_names:
        return table[name]
    return pa.chunked_array([pa.nulls(table.num_rows)])


def _greater(a: Any, b: Any) -> np.ndarray:
    """a > b, False where either is null (or a column is missing altogether)."""
    if pa.types.is_null(a.type) or pa.types.is_null(b.type):
        return np.zeros(len(a), bool)
    return _np(pc.greater(a, b))


def _article_texts(articles: pa.Table) -> dict[str, str | None]:
    """article_id -> text, the last row winning (as in row_problems)."""
    return dict(zip(_col(articles, "article_id").to_pylist(), _col(articles, "text").cast(pa.string()).to_pylist()))


def _sha256(text: pa.ChunkedArray) -> pa.Array:
    """SHA-256 (hex) of each text's UTF-8 bytes, a batch at a time; null for null."""
    out: list[str | None] = []
    for lo in range(0, len(text), SPAN_BATCH):
        out += [None if t is None else hashlib.sha256(t.encode("utf-8")).hexdigest()
                for t in text.slice(lo, SPAN_BATCH).to_pylist()]
    return pa.array(out, pa.string())


def _article_problems(articles: pa.Table) -> list[tuple[int, int, Problem]]:
    text = _col(articles, "text").cast(pa.string())
    digests = _sha256(text)
    has = _np(pc.is_valid(text))
    length = pc.utf8_length(text)
    words = pc.count_substring_regex(text, _WORD)
    ids = _col(articles, "article_id").to_pylist()
    bad_hash = has & ~_np(pc.equal(digests, _col(articles, "text_sha256")))
    bad_len = has & ~_np(pc.equal(length.cast(pa.int64()), _col(articles, "text_length")))
    bad_words = has & ~_np(pc.equal(words.cast(pa.int64()), _col(articles, "word_count")))
    out = []
    tl, wc = _col(articles, "text_length"), _col(articles, "word_count")
    for i in np.flatnonzero(bad_hash | bad_len | bad_words):
        n = int(i) + 1
        if bad_hash[i]:
            out.append((n, 0, Problem("articles", n, ids[i], "text_sha256 is not the SHA-256 of text", "text-hash")))
        if bad_len[i]:
            out.append((n, 1, Problem("articles", n, ids[i], f"text_length {tl[i].as_py()} != len(text) {length[i].as_py()}", "text-hash")))
        if bad_words[i]:
            out.append((n, 2, Problem("articles", n, ids[i], f"word_count {wc[i].as_py()} != {words[i].as_py()}", "text-hash")))
    return out


def _span_problems(name: str, table: pa.Table, texts: dict[str, str | None]) -> list[tuple[int, int, Problem]]:
    """The offset invariant, a batch of rows at a time.

    Python slices strings by code point in O(1) (PEP 393). That measured faster
    than DuckDB's ``substring`` (which also counts code points: 0.7 s against
    1.8 s for a million spans over non-ASCII texts), needs no extra dependency,
    and is the invariant's own definition.
    """
    key, spans = SPANS[name]
    out = []
    n = table.num_rows
    for k, (start_f, end_f, text_f) in enumerate(spans):
        for lo in range(0, n, SPAN_BATCH):
            part = table.slice(lo, SPAN_BATCH)
            ids = _col(part, "article_id").to_pylist()
            starts, ends = _col(part, start_f).to_pylist(), _col(part, end_f).to_pylist()
            quoted = _col(part, text_f).to_pylist()
            keys = None
            for i, (a, s, e, q) in enumerate(zip(ids, starts, ends, quoted)):
                if s is None and e is None and q is None:
                    continue
                if s is None or e is None or q is None:
                    msg = f"{start_f}, {end_f} and {text_f} must be all set or all empty"
                elif not 0 <= s < e:
                    msg = f"bad span {start_f}={s} {end_f}={e} (need 0 <= start < end)"
                else:
                    text = texts.get(a)
                    if text is None or text[s:e] == q:
                        continue
                    msg = f"{text_f} {q!r} does not match articles.text[{s}:{e}] = {text[s:e]!r}"
                keys = keys or _col(part, key).to_pylist()
                out.append((lo + i + 1, k, Problem(name, lo + i + 1, keys[i], msg, "offsets")))
    return out


def _event_problems(events: pa.Table, event_actors: pa.Table | None) -> list[tuple[int, int, Problem]]:
    ids = _col(events, "event_id").cast(pa.string())
    et, st = _col(events, "event_type").cast(pa.string()), _col(events, "sub_event_type").cast(pa.string())
    pairs = [f"{a}\x00{b}" for a, subs in SUB_EVENT_TYPES.items() for b in subs]
    joined = pc.binary_join_element_wise(et, st, "\x00")
    bad_type = ~_np(pc.is_in(joined, value_set=pa.array(pairs)))
    with_actor = _col(event_actors, "event_id").cast(pa.string()) if event_actors is not None else pa.array([], pa.string())
    with_actor = with_actor.combine_chunks() if isinstance(with_actor, pa.ChunkedArray) else with_actor
    no_actor = ~_np(pc.is_in(ids, value_set=with_actor, skip_nulls=False))
    ds, de = _col(events, "date_start"), _col(events, "date_end")
    bad_dates = _greater(ds, de)
    lo, hi = _col(events, "fatalities_min"), _col(events, "fatalities_max")
    bad_fat = _greater(lo, hi)
    out = []
    for i in np.flatnonzero(bad_type | no_actor | bad_dates | bad_fat):
        n, key = int(i) + 1, ids[i].as_py()
        if bad_type[i]:
            msg = f"sub_event_type {st[i].as_py()!r} is not a sub-type of {et[i].as_py()!r}"
            out.append((n, 0, Problem("events", n, key, msg, "typology")))
        if no_actor[i]:
            out.append((n, 1, Problem("events", n, key, "event has no actor in event_actors", "event-actor")))
        if bad_dates[i]:
            out.append((n, 2, Problem("events", n, key, "date_start is after date_end", "dates")))
        if bad_fat[i]:
            out.append((n, 3, Problem("events", n, key, "fatalities_min is larger than fatalities_max", "fatalities")))
    return out


def _claim_problems(claims: pa.Table) -> list[tuple[int, int, Problem]]:
    def blank(name: str) -> np.ndarray:
        col = _col(claims, name).cast(pa.string())
        return ~_np(pc.is_valid(col)) | _np(pc.match_substring_regex(col, _BLANK))

    bad = blank("cue") | blank("content_text")
    ids = _col(claims, "claim_id").cast(pa.string())
    return [(int(i) + 1, 0, Problem("claims", int(i) + 1, ids[i].as_py(), "a claim needs a cue and content", "claim"))
            for i in np.flatnonzero(bad)]


def _mention_problems(mentions: pa.Table) -> list[tuple[int, int, Problem]]:
    et = _col(mentions, "entity_type").cast(pa.string())
    bad = (_np(pc.equal(et, "actor")) & _np(pc.is_valid(_col(mentions, "place_id")))) | (
        _np(pc.equal(et, "place")) & _np(pc.is_valid(_col(mentions, "actor_id"))))
    ids = _col(mentions, "mention_id").cast(pa.string())
    return [(int(i) + 1, 0, Problem("mentions", int(i) + 1, ids[i].as_py(), "a mention names either an actor or a place, per entity_type", "mention"))
            for i in np.flatnonzero(bad)]


def extra_problems(tables: dict[str, pa.Table]) -> list[Problem]:
    """The row checks of :func:`.validate.row_problems`, in the same order."""
    sections: list[Iterable[tuple[int, int, Problem]]] = []
    articles = tables.get("articles")
    texts = _article_texts(articles) if articles is not None else {}
    if articles is not None:
        sections.append(_article_problems(articles))
    for name in ("events", "mentions", "claims"):
        if tables.get(name) is not None:
            # row_problems checks each span of a row before the next row
            sections.append(sorted(_span_problems(name, tables[name], texts), key=lambda x: (x[0], x[1])))
    if tables.get("events") is not None:
        sections.append(_event_problems(tables["events"], tables.get("event_actors")))
    if tables.get("claims") is not None:
        sections.append(_claim_problems(tables["claims"]))
    if tables.get("mentions") is not None:
        sections.append(_mention_problems(tables["mentions"]))
    return [p for section in sections for _, _, p in section]


def twin_problems(name: str, csv_table: pa.Table, parquet_path: Path, field_types: dict[str, str]) -> list[Problem]:
    """CSV and Parquet twins hold the same rows: the first differing row, as row_problems' caller reports it."""
    pq_table = pq.read_table(parquet_path)
    if pq_table.num_rows != csv_table.num_rows:
        return [Problem(name, None, None, f"CSV has {csv_table.num_rows} rows, Parquet twin {pq_table.num_rows}", "twins")]
    n = csv_table.num_rows
    differs: dict[str, np.ndarray] = {}
    for field, type_ in field_types.items():
        a = _col(csv_table, field)
        b = _col(pq_table, field)
        if type_ == "array":
            left = [None if v is None else json.loads(v) for v in a.to_pylist()]
            right = b.to_pylist()
            differs[field] = np.array([x != y for x, y in zip(left, right)], bool)
            continue
        try:
            b = b.cast(a.type)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            differs[field] = np.ones(n, bool)
            continue
        same = _np(pc.equal(a, b)) | (_np(pc.is_null(a)) & _np(pc.is_null(b)))
        differs[field] = ~same
    any_diff = np.zeros(n, bool)
    for d in differs.values():
        any_diff |= d
    hits = np.flatnonzero(any_diff)
    if not len(hits):
        return []
    i = int(hits[0])
    diff = sorted(k for k, d in differs.items() if d[i])
    return [Problem(name, i + 1, None, f"CSV and Parquet differ in {', '.join(diff)}", "twins")]
