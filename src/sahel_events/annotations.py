"""Curated coding: data/annotations/<article_id>.yaml -> table rows.

A coder anchors every row by quoting the article text (with ``occurrence`` or a
longer ``within`` quote where a quote repeats), never by typing offsets; this
module finds the quotes and computes the offsets. Every mistake is an
:class:`~sahel_events.yamlio.InputError` naming the file, the line and the fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .ids import curated_id
from .ingest import Article
from .reference import Reference
from .schema import load_schema
from .typology import SUB_EVENT_TYPES, sub_type_fits
from .yamlio import InputError, line_of, load_yaml

TOP_KEYS = ("article_id", "coder", "status", "notes", "mentions", "events", "claims")
MENTION_KEYS = ("quote", "actor", "place", "occurrence", "within")
EVENT_KEYS = (
    "key", "summary", "evidence", "within", "occurrence", "type", "sub_type", "status",
    "date", "place", "geo_precision", "fatalities", "actors", "notes",
)
DATE_KEYS = ("text", "start", "end", "precision", "rule")
CLAIM_KEYS = (
    "key", "within", "occurrence", "claimant", "claimant_actor", "cue", "content",
    "direct_quote", "modality", "event", "notes",
)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_quote(text: str, quote: str, lo: int = 0, hi: int | None = None) -> list[int]:
    """Start offsets of ``quote`` in ``text[lo:hi]``, at word boundaries."""
    hi = len(text) if hi is None else hi
    starts = []
    i = text.find(quote, lo, hi)
    while i != -1:
        end = i + len(quote)
        left_ok = i == 0 or not (_is_word(quote[0]) and _is_word(text[i - 1]))
        right_ok = end >= len(text) or not (_is_word(quote[-1]) and _is_word(text[end]))
        if left_ok and right_ok:
            starts.append(i)
        i = text.find(quote, i + 1, hi)
    return starts


@dataclass
class _Ctx:
    path: Path
    article: Article

    def error(self, message: str, node: Any = None, key: str | None = None) -> InputError:
        return InputError(self.path, message, line_of(node, key) if node is not None else None)

    def not_found(self, quote: str, node: Any, key: str) -> InputError:
        text = self.article.text
        hint = "copy the words exactly as they stand in the cleaned article text"
        squashed = " ".join(quote.split()).casefold()
        if squashed and squashed in " ".join(text.split()).casefold():
            hint = "the words are there with different case or spacing; copy them exactly"
        elif self.article.caption and quote in self.article.caption:
            hint = "that text is in the photo caption, which is not part of the article body"
        elif any(quote in line for _, line in self.article.dropped):
            hint = "that text is in a line removed by cleaning (navigation or header), not in the body"
        return self.error(f"{key} quote {quote!r} is not in the text of article {self.article.article_id}; {hint}", node, key)

    def locate(
        self, node: Any, key: str, *, within: tuple[int, int] | None = None, occurrence: Any = None, many: bool = False
    ) -> list[tuple[int, int]]:
        """Spans of the quote ``node[key]``: one, or with ``many`` a list of occurrences or ``all``."""
        quote = node.get(key)
        if not isinstance(quote, str) or not quote.strip():
            raise self.error(f"`{key}` must be a non-empty quote of the article text", node, key)
        if quote != quote.strip():
            raise self.error(f"`{key}` quote {quote!r} has leading or trailing spaces; remove them", node, key)
        lo, hi = within if within else (0, len(self.article.text))
        starts = find_quote(self.article.text, quote, lo, hi)
        if not starts:
            if within:
                raise self.error(f"{key} quote {quote!r} is not inside the `within` quote", node, key)
            raise self.not_found(quote, node, key)
        if occurrence == "all" and many:
            return [(s, s + len(quote)) for s in starts]
        if occurrence is None:
            if len(starts) > 1:
                raise self.error(
                    f"{key} quote {quote!r} is ambiguous: it occurs {len(starts)} times; "
                    f"add `occurrence: N` (1 to {len(starts)}) or a longer `within` quote",
                    node,
                    key,
                )
            return [(starts[0], starts[0] + len(quote))]
        if not many and (occurrence == "all" or isinstance(occurrence, list)):
            raise self.error("`occurrence` must be one number here (lists and `all` are for mentions only)", node, "occurrence")
        wanted = occurrence if isinstance(occurrence, list) else [occurrence]
        for n in wanted:
            if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(starts):
                raise self.error(
                    f"`occurrence` must be a number from 1 to {len(starts)} (or, for mentions, a list of them or `all`), got {occurrence!r}",
                    node,
                    "occurrence",
                )
        return [(starts[n - 1], starts[n - 1] + len(quote)) for n in wanted]

    def scope(self, node: Any) -> tuple[int, int] | None:
        if node.get("within") is None:
            return None
        return self.locate(node, "within")[0]

    def check_keys(self, node: Any, allowed: tuple[str, ...], what: str) -> None:
        if not isinstance(node, dict):
            raise self.error(f"each {what} must be a mapping of fields", node)
        for k in node:
            if k not in allowed:
                close = difflib.get_close_matches(str(k), allowed, n=1)
                tip = f"did you mean `{close[0]}`?" if close else f"allowed: {', '.join(allowed)}"
                raise self.error(f"unknown field `{k}` in {what}; {tip}", node, k)

    def row_key(self, node: Any, seen: Any, what: str) -> str:
        """The coder's ``key`` of an event or claim: present, and unique in the file."""
        key = node.get("key")
        if not isinstance(key, str) or not key:
            raise self.error(f"every {what} needs a `key` (a short name unique in this file)", node)
        if key in seen:
            raise self.error(f"{what} key {key!r} is used twice; keys must be unique in the file", node, "key")
        return key

    def enum(self, node: Any, key: str, table: str, field: str, *, default: Any = None) -> Any:
        value = node.get(key, default)
        allowed = load_schema(table).field(field).enum or []
        if value not in allowed:
            raise self.error(f"`{key}` {value!r} is not one of: {', '.join(map(str, allowed))}", node, key)
        return value


def _date(ctx: _Ctx, node: Any, key: str) -> dt.date | None:
    value = node.get(key)
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ctx.error(f"`{key}` must be a date written YYYY-MM-DD or null, got {value!r}", node, key) from None


def _actor(ctx: _Ctx, ref: Reference, node: Any, key: str, value: Any) -> str:
    if value not in ref.actors:
        close = difflib.get_close_matches(str(value), list(ref.actors), n=1)
        tip = f"did you mean `{close[0]}`?" if close else "add it to data/reference/actors.yaml first"
        raise ctx.error(f"unknown actor id {value!r}; {tip}", node, key)
    return value


def _place(ctx: _Ctx, ref: Reference, node: Any, key: str) -> str | None:
    value = node.get(key)
    if value is None:
        return None
    if value not in ref.places:
        close = difflib.get_close_matches(str(value), list(ref.places), n=1)
        tip = f"did you mean `{close[0]}`?" if close else "add it to data/reference/places.yaml first"
        raise ctx.error(f"unknown place id {value!r}; {tip}", node, key)
    return value


def _list(ctx: _Ctx, doc: Any, key: str) -> list[Any]:
    items = doc.get(key) or []
    if not isinstance(items, list):
        raise ctx.error(f"`{key}` must be a list", doc, key)
    return items


def _mentions(ctx: _Ctx, ref: Reference, doc: Any) -> list[dict[str, Any]]:
    aid = ctx.article.article_id
    rows: list[dict[str, Any]] = []
    taken: dict[tuple[int, int], Any] = {}
    for node in _list(ctx, doc, "mentions"):
        ctx.check_keys(node, MENTION_KEYS, "mention")
        has_actor, has_place = "actor" in node, "place" in node
        if has_actor == has_place:
            raise ctx.error("a mention names either `actor:` (an actor id or null) or `place:` (a place id or null)", node)
        actor_id = place_id = None
        if has_actor and node["actor"] is not None:
            actor_id = _actor(ctx, ref, node, "actor", node["actor"])
        if has_place:
            place_id = _place(ctx, ref, node, "place")
        for start, end in ctx.locate(node, "quote", within=ctx.scope(node), occurrence=node.get("occurrence"), many=True):
            for (s, e), other in taken.items():
                if start < e and s < end:
                    raise ctx.error(
                        f"mention {node['quote']!r} at {start}-{end} overlaps the mention on line {line_of(other)} "
                        f"({ctx.article.text[s:e]!r}); give each span once, or use `occurrence`",
                        node,
                        "quote",
                    )
            taken[(start, end)] = node
            rows.append(
                {
                    "mention_id": curated_id("mn", aid, f"{start}:{end}"),
                    "article_id": aid,
                    "entity_type": "actor" if has_actor else "place",
                    "actor_id": actor_id,
                    "place_id": place_id,
                    "start": start,
                    "end": end,
                    "text": ctx.article.text[start:end],
                    "coding": "curated",
                }
            )
    return rows


def _event_date(ctx: _Ctx, node: Any) -> dict[str, Any]:
    date = node.get("date")
    if date is None:
        return {"date_start": None, "date_end": None, "date_precision": "unknown", "date_text": None, "date_rule": "none"}
    ctx.check_keys(date, DATE_KEYS, "event date")
    start, end = _date(ctx, date, "start"), _date(ctx, date, "end")
    if end is None:
        end = start
    if start is None and end is not None:
        raise ctx.error("a date with an `end` needs a `start`", date, "end")
    if start and end and start > end:
        raise ctx.error(f"date start {start} is after end {end}", date, "start")
    precision = ctx.enum(date, "precision", "events", "date_precision", default="unknown" if start is None else None)
    rule = ctx.enum(date, "rule", "events", "date_rule", default="none" if start is None else None)
    if start is None and precision != "unknown":
        raise ctx.error("a date without `start` must have precision `unknown`", date, "precision")
    text = date.get("text")
    if text is not None:
        ctx.locate(date, "text", occurrence="all", many=True)  # must stand in the text
    return {"date_start": start, "date_end": end, "date_precision": precision, "date_text": text, "date_rule": rule}


def _count(ctx: _Ctx, node: Any, key: str) -> int | None:
    value = node.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ctx.error(f"`{key}` must be a whole number of deaths (0 or more) or null, got {value!r}", node, key)
    return value


def _events(ctx: _Ctx, ref: Reference, doc: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, str]]:
    aid = ctx.article.article_id
    events, parts, ids = [], [], {}
    roles = load_schema("event_actors").field("role").enum or []
    for node in _list(ctx, doc, "events"):
        ctx.check_keys(node, EVENT_KEYS, "event")
        key = ctx.row_key(node, ids, "event")
        event_id = curated_id("ev", aid, key)
        ids[key] = event_id
        (start, end), = ctx.locate(node, "evidence", within=ctx.scope(node), occurrence=node.get("occurrence"))
        event_type = ctx.enum(node, "type", "events", "event_type")
        sub_type = ctx.enum(node, "sub_type", "events", "sub_event_type")
        if not sub_type_fits(event_type, sub_type):
            raise ctx.error(
                f"sub_type {sub_type!r} does not belong to type {event_type!r}; use one of: "
                f"{', '.join(SUB_EVENT_TYPES[event_type])}",
                node,
                "sub_type",
            )
        place_id = _place(ctx, ref, node, "place")
        geo = node.get("geo_precision")
        if place_id is None and geo is not None:
            raise ctx.error("`geo_precision` needs a `place`", node, "geo_precision")
        if place_id is not None and geo not in (1, 2, 3, 4):
            raise ctx.error("`geo_precision` must be 1 (town), 2 (near a town / part of a region), 3 (region) or 4 (country)", node, "geo_precision")
        fat = node.get("fatalities") or {}
        if not isinstance(fat, dict):
            raise ctx.error("`fatalities` must be a mapping {min: N, max: N}", node, "fatalities")
        fmin, fmax = _count(ctx, fat, "min"), _count(ctx, fat, "max")
        if fmin is not None and fmax is not None and fmin > fmax:
            raise ctx.error(f"fatalities min {fmin} is larger than max {fmax}", fat, "min")
        actors = node.get("actors")
        if not isinstance(actors, dict) or not actors:
            raise ctx.error("every event needs `actors:` with at least one role (actor1, actor2, assoc_actor_1, assoc_actor_2)", node, "actors")
        for role, ids_ in actors.items():
            if role not in roles:
                raise ctx.error(f"role {role!r} is not one of: {', '.join(roles)}", actors, role)
            for actor_id in ids_ if isinstance(ids_, list) else [ids_]:
                parts.append({"event_id": event_id, "actor_id": _actor(ctx, ref, actors, role, actor_id), "role": role})
        events.append(
            {
                "event_id": event_id,
                "article_id": aid,
                "event_type": event_type,
                "sub_event_type": sub_type,
                "event_status": ctx.enum(node, "status", "events", "event_status"),
                **_event_date(ctx, node),
                "place_id": place_id,
                "geo_precision": geo,
                "fatalities_min": fmin,
                "fatalities_max": fmax,
                "summary": node.get("summary"),
                "evidence_start": start,
                "evidence_end": end,
                "evidence_text": ctx.article.text[start:end],
                "coding": "curated",
            }
        )
    return events, parts, ids


def _claims(ctx: _Ctx, ref: Reference, doc: Any, event_ids: dict[str, str]) -> list[dict[str, Any]]:
    aid = ctx.article.article_id
    rows, keys = [], set()
    for node in _list(ctx, doc, "claims"):
        ctx.check_keys(node, CLAIM_KEYS, "claim")
        key = ctx.row_key(node, keys, "claim")
        keys.add(key)
        scope = ctx.scope(node)
        claimant = None
        if node.get("claimant") is not None:
            claimant = ctx.locate(node, "claimant", within=scope)[0]
        (cue_s, cue_e), = ctx.locate(node, "cue", within=scope)
        (con_s, con_e), = ctx.locate(node, "content", within=scope, occurrence=node.get("occurrence"))
        actor = node.get("claimant_actor")
        if actor is not None:
            actor = _actor(ctx, ref, node, "claimant_actor", actor)
        event = node.get("event")
        if event is not None and event not in event_ids:
            raise ctx.error(f"claim refers to event {event!r}, which is not an event key in this file", node, "event")
        direct = node.get("direct_quote", False)
        if not isinstance(direct, bool):
            raise ctx.error("`direct_quote` must be true or false", node, "direct_quote")
        text = ctx.article.text
        rows.append(
            {
                "claim_id": curated_id("cl", aid, key),
                "article_id": aid,
                "claimant_actor_id": actor,
                "claimant_text": text[claimant[0]:claimant[1]] if claimant else None,
                "claimant_start": claimant[0] if claimant else None,
                "claimant_end": claimant[1] if claimant else None,
                "cue": text[cue_s:cue_e],
                "cue_start": cue_s,
                "cue_end": cue_e,
                "content_start": con_s,
                "content_end": con_e,
                "content_text": text[con_s:con_e],
                "direct_quote": direct,
                "modality": ctx.enum(node, "modality", "claims", "modality"),
                "event_id": event_ids.get(event) if event else None,
                "coding": "curated",
            }
        )
    return rows


def curated_rows(
    article: Article, reference: Reference, path: Path, text: str | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows of the mentions, events, event_actors and claims tables coded in ``path`` (or in ``text``)."""
    path = Path(path)
    ctx = _Ctx(path, article)
    doc = load_yaml(path, text)
    if not isinstance(doc, dict):
        raise InputError(path, "an annotation file is a mapping with article_id, mentions, events and claims")
    ctx.check_keys(doc, TOP_KEYS, "annotation file")
    if doc.get("article_id") not in (None, article.article_id):
        raise ctx.error(f"article_id {doc.get('article_id')!r} does not match the file name ({article.article_id})", doc, "article_id")
    events, parts, event_ids = _events(ctx, reference, doc)
    return {
        "mentions": _mentions(ctx, reference, doc),
        "events": events,
        "event_actors": parts,
        "claims": _claims(ctx, reference, doc, event_ids),
    }
