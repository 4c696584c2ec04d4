"""``sahel-events draft``: an annotation file pre-filled by the extractor, in the
curated format (quotes, not offsets), for a coder to review and mark ``reviewed``."""

from __future__ import annotations

import re
from typing import Any

import yaml

from ..annotations import find_quote
from . import Extraction
from .text import sentences


def _occurrence(text: str, quote: str, start: int) -> int | None:
    starts = find_quote(text, quote)
    return None if len(starts) <= 1 else starts.index(start) + 1


def _mentions(text: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str, str | None], list[int]] = {}
    for r in rows:
        key = "actor" if r["entity_type"] == "actor" else "place"
        groups.setdefault((r["text"], key, r["actor_id"] if key == "actor" else r["place_id"]), []).append(r["start"])
    out = []
    for (quote, key, entity), starts in groups.items():
        every = find_quote(text, quote)
        entry: dict[str, Any] = {"quote": quote, key: entity}
        idx = [every.index(s) + 1 for s in starts if s in every]
        if len(every) > 1:
            entry["occurrence"] = "all" if len(idx) == len(every) else (idx[0] if len(idx) == 1 else idx)
        out.append(entry)
    return out


def _key(base: str, used: set[str]) -> str:
    n = 1
    while f"{base}-{n}" in used:
        n += 1
    used.add(f"{base}-{n}")
    return f"{base}-{n}"


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    return next((s for s in spans if s[0] <= pos < s[1]), (0, 0))


def draft_document(result: Extraction) -> dict[str, Any]:
    """The annotation mapping for one extraction."""
    text = result.text
    spans = sentences(text)
    used: set[str] = set()
    event_keys: dict[str, str] = {}
    events = []
    roles: dict[str, dict[str, list[str]]] = {}
    for p in result.event_actors:
        roles.setdefault(p["event_id"], {}).setdefault(p["role"], []).append(p["actor_id"])
    for e in result.events:
        word = re.sub(r"[^a-z]+", "-", e["sub_event_type"].lower()).strip("-")
        key = _key(word, used)
        event_keys[e["event_id"]] = key
        date = None
        if e["date_start"] is not None or e["date_text"] is not None:
            date = {"text": e["date_text"], "start": e["date_start"], "end": e["date_end"], "precision": e["date_precision"], "rule": e["date_rule"]}
        events.append(
            {
                "key": key,
                "summary": None,
                "evidence": e["evidence_text"],
                "occurrence": _occurrence(text, e["evidence_text"], e["evidence_start"]),
                "type": e["event_type"],
                "sub_type": e["sub_event_type"],
                "status": e["event_status"],
                "date": date,
                "place": e["place_id"],
                "geo_precision": e["geo_precision"],
                "fatalities": {"min": e["fatalities_min"], "max": e["fatalities_max"]},
                "actors": roles.get(e["event_id"], {}),
            }
        )
    claims = []
    for c in result.claims:
        s = _sentence_of(spans, c["cue_start"])
        s = (min(s[0], c["content_start"]), max(s[1], c["content_end"]))
        within = text[s[0] : s[1]]
        claims.append(
            {
                "key": _key("claim", used),
                "within": within if len(find_quote(text, within)) == 1 else None,
                "claimant": c["claimant_text"],
                "claimant_actor": c["claimant_actor_id"],
                "cue": c["cue"],
                "content": c["content_text"],
                "direct_quote": c["direct_quote"],
                "modality": c["modality"],
                "event": event_keys.get(c["event_id"]) if c["event_id"] else None,
            }
        )
    return {
        "article_id": result.article["article_id"],
        "coder": None,
        "status": "draft",
        "mentions": _mentions(text, result.mentions),
        "events": events,
        "claims": claims,
    }


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # the project's YAML reader refuses aliases
        return True


def draft_yaml(result: Extraction) -> str:
    """The annotation file's text, with a header saying it is an unreviewed draft."""
    header = (
        f"# DRAFT coding of {result.article['article_id']}, written by `sahel-events draft` (automatic extractor).\n"
        "# Review every row against the text, fill `summary` and `coder`, then set `status: reviewed`.\n"
    )
    body = yaml.dump(draft_document(result), Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    return header + body
