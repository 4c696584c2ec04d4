"""Worked examples for the codebook: the seed article's rows, read from the built tables."""

from __future__ import annotations

from pathlib import Path

from gen_common import read_table

SEED = "voa-2023-10-mali-russia-troops-relocate"


def _cell(value) -> str:
    import pandas as pd

    if not hasattr(value, "__len__") and pd.isna(value):
        return "null"
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        return ", ".join(str(v) for v in value) or "[]"
    return str(value).replace("|", "\\|").replace("\n", " ")


def _table(frame, columns: list[str]) -> str:
    def cell(column: str, value) -> str:
        text = _cell(value)
        if text == "null":
            return text
        if column.endswith("_id"):
            return f"`{text}`"  # ids as code, kept on one line
        if hasattr(value, "isoformat"):
            return f'<span class="nowrap">{text}</span>'
        return text

    head = "| " + " | ".join(f"`{c}`" for c in columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = "".join("| " + " | ".join(cell(c, row[c]) for c in columns) + " |\n" for _, row in frame.iterrows())
    return head + body


def render(root: Path, what: str) -> str:
    """Markdown table of the seed article's rows of one kind (events, event_dates, claims, actors, event_actors)."""
    if what in ("events", "event_dates"):
        ev = read_table(root, "events")
        ev = ev[ev["article_id"] == SEED].sort_values(["evidence_start", "event_id"])
        if what == "events":
            return _table(ev, ["event_id", "evidence_text", "event_type", "sub_event_type", "event_status", "coding"])
        return _table(ev, ["event_id", "date_text", "date_rule", "date_start", "date_end", "date_precision",
                           "place_id", "geo_precision", "fatalities_min", "fatalities_max"])
    if what == "claims":
        cl = read_table(root, "claims")
        cl = cl[cl["article_id"] == SEED].sort_values(["content_start", "claim_id"])
        return _table(cl, ["claimant_text", "claimant_actor_id", "cue", "modality", "direct_quote",
                           "content_text", "event_id", "coding"])
    if what == "event_actors":
        ev = read_table(root, "events")
        ev = ev[ev["article_id"] == SEED][["event_id", "sub_event_type"]]
        ea = read_table(root, "event_actors").merge(ev, on="event_id").sort_values(["event_id", "role", "actor_id"])
        return _table(ea, ["event_id", "sub_event_type", "actor_id", "role"])
    if what == "actors":
        ac = read_table(root, "actors").sort_values("actor_id")
        return _table(ac, ["actor_id", "name", "actor_type", "country", "acled_inter", "wikidata_id"])
    raise ValueError(f"unknown example table {what!r}")
