"""Automatic extraction: a cleaned :class:`~sahel_events.ingest.Article` in,
rows of the mentions, events, event_actors and claims tables out (``coding: auto``).

Rule-based and model-free (regular expressions over the reference dictionaries
and trigger lexicons), so it is fast, deterministic and installs without any
model download. Every row carries offsets into ``article.text``.

>>> from sahel_events.extract import extract
>>> result = extract(article, load_reference())   # doctest: +SKIP
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..ids import auto_id
from ..ingest import Article, article_row
from ..reference import Reference
from .claims import Claim, find_claims
from .events import Event, find_events
from .matching import Mention, matcher_for, unknown_names
from .sentence_events import flagged_sentence_events
from .speakers import resolve_claimants
from .text import Span, clauses, english_ratio, looks_english, sentences
from .timex import Timex, find_timexes

__all__ = ["Extraction", "LanguageError", "extract"]


class LanguageError(ValueError):
    """The article is not in a language the extractor handles (English only)."""


@dataclass
class Extraction:
    """Everything the extractor found in one article, as table rows."""

    article: dict[str, Any]  # the articles-table row (licence-aware: its text may be withheld)
    text: str = ""  # the cleaned text every offset refers to, always present
    actors: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_actors: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    timexes: list[dict[str, Any]] = field(default_factory=list)

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        return {
            "actors": self.actors,
            "places": self.places,
            "mentions": self.mentions,
            "events": self.events,
            "event_actors": self.event_actors,
            "claims": self.claims,
            "timexes": self.timexes,
        }


def check_language(article: Article) -> None:
    """Raise :class:`LanguageError` unless the article is English (metadata, else a function-word check)."""
    lang = article.meta.get("language")
    where = article.source or article.article_id
    if lang is not None and lang != "en":
        raise LanguageError(f"{where}: language is {lang!r}; the extractor handles English (en) text only")
    if lang is None and not looks_english(article.text):
        ratio, n = english_ratio(article.text)
        raise LanguageError(
            f"{where}: the text does not look like English (only {ratio:.0%} of {n} words are common English "
            "function words); the extractor handles English text only. Set `language` in the metadata if this is wrong."
        )


def _mention_rows(aid: str, mentions: list[Mention]) -> list[dict[str, Any]]:
    return [
        {
            "mention_id": auto_id("mn", aid, m.start, m.end, m.entity_type, m.entity or ""),
            "article_id": aid,
            "entity_type": m.entity_type,
            "actor_id": m.actor_id,
            "place_id": m.place_id,
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "coding": "auto",
        }
        for m in mentions
    ]


def _event_rows(aid: str, text: str, events: list[Event]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    rows, parts = [], []
    for e in events:
        eid = auto_id("ev", aid, e.evidence[0], e.evidence[1], e.kind)
        rows.append(
            {
                "event_id": eid,
                "article_id": aid,
                "event_type": e.event_type,
                "sub_event_type": e.sub_type,
                "event_status": e.status,
                "date_start": e.date["date_start"],
                "date_end": e.date["date_end"],
                "date_precision": e.date["date_precision"],
                "date_text": e.date["date_text"],
                "date_rule": e.date["date_rule"],
                "place_id": e.place_id,
                "geo_precision": e.geo_precision,
                "fatalities_min": e.fatalities[0],
                "fatalities_max": e.fatalities[1],
                "summary": None,
                "evidence_start": e.evidence[0],
                "evidence_end": e.evidence[1],
                "evidence_text": text[e.evidence[0] : e.evidence[1]],
                "coding": "auto",
            }
        )
        seen = set()
        for role in ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2"):
            for actor in e.roles.get(role, []):
                if (actor, role) not in seen:
                    seen.add((actor, role))
                    parts.append({"event_id": eid, "actor_id": actor, "role": role})
    return rows, parts


def _claim_rows(aid: str, text: str, claims: list[Claim], event_ids: list[str]) -> list[dict[str, Any]]:
    rows = []
    for c in claims:
        s, e = c.content
        rows.append(
            {
                "claim_id": auto_id("cl", aid, s, e, c.cue[0]),
                "article_id": aid,
                "claimant_actor_id": c.claimant_actor,
                "claimant_text": text[c.claimant[0] : c.claimant[1]] if c.claimant else None,
                "claimant_start": c.claimant[0] if c.claimant else None,
                "claimant_end": c.claimant[1] if c.claimant else None,
                "cue": text[c.cue[0] : c.cue[1]],
                "cue_start": c.cue[0],
                "cue_end": c.cue[1],
                "content_start": s,
                "content_end": e,
                "content_text": text[s:e],
                "direct_quote": c.direct,
                "modality": c.modality,
                "event_id": event_ids[c.event] if c.event is not None else None,
                "coding": "auto",
            }
        )
    return rows


def _link(claims: list[Claim], events: list[Event]) -> None:
    """A claim reports the first event whose trigger lies in its content: the
    content's main clause comes first; later triggers sit in appositions or relatives."""
    for c in claims:
        inside = [i for i, e in enumerate(events) if c.content[0] <= e.trigger[0] < c.content[1]]
        c.event = min(inside, key=lambda i: events[i].trigger[0]) if inside else None


def reference_date(article: Article) -> dt.date | None:
    """The date relative expressions resolve against: the publication date, or the last
    day of its month or year when only that is known (news reports what has happened, so
    "on March 8" in a March article is this March, not last year's)."""
    published = article.published
    precision = article.meta.get("published_precision", "day")
    if published is None or precision == "day":
        return published
    if precision == "year":
        return dt.date(published.year, 12, 31)
    return dt.date(published.year, published.month, calendar.monthrange(published.year, published.month)[1])


def extract(article: Article, reference: Reference) -> Extraction:
    """Run every extraction stage on one article. Pure: no files, no clock, no network."""
    check_language(article)
    text, aid, dct = article.text, article.article_id, reference_date(article)
    spans = sentences(text)
    clause_lists = [clauses(text, s) for s in spans]
    found = matcher_for(reference).find(text)
    mentions = sorted(found + unknown_names(text, found), key=lambda m: (m.start, m.end))
    timexes: list[Timex] = find_timexes(text, dct, spans, clause_lists)
    claims = find_claims(text, spans, mentions)
    resolve_claimants(text, claims, mentions, reference, spans)
    vetoed: list[Span] = []  # sentences the rules ruled out for good (negated, hypothetical, abroad)
    events = find_events(text, spans, clause_lists, mentions, timexes, claims, reference, dct, vetoed)
    events += flagged_sentence_events(text, spans, mentions, timexes, claims, events, reference, set(vetoed), dct)
    events.sort(key=lambda e: (e.evidence[0], e.trigger[0]))
    _link(claims, events)
    event_rows, parts = _event_rows(aid, text, events)
    used_actors = sorted({m.actor_id for m in mentions if m.actor_id} | {p["actor_id"] for p in parts} | {c.claimant_actor for c in claims if c.claimant_actor})
    used_places = sorted({m.place_id for m in mentions if m.place_id} | {e.place_id for e in events if e.place_id})
    return Extraction(
        article=article_row(article),
        text=text,
        actors=[reference.actors[a] for a in used_actors if a in reference.actors],
        places=[reference.places[p] for p in used_places if p in reference.places],
        mentions=_mention_rows(aid, mentions),
        events=event_rows,
        event_actors=parts,
        claims=_claim_rows(aid, text, claims, [r["event_id"] for r in event_rows]),
        timexes=[t.row() for t in timexes],
    )
