"""One article's rows, in the fixed order the tables are written in.

Tables are written article by article in article-id order; within an article,
mentions, events and claims follow their position in the text, and an event's
actors follow the event (then ACLED's column order). So the whole table is
sorted without ever being held in memory.
"""

from __future__ import annotations

from typing import Any

Rows = list[dict[str, Any]]
ROW_TABLES = ("mentions", "events", "event_actors", "claims")
ROLE_ORDER = {"actor1": 0, "assoc_actor_1": 1, "actor2": 2, "assoc_actor_2": 3}
SORT_KEYS = {
    "mentions": lambda r: (r["start"], r["end"], r["entity_type"], r["mention_id"]),
    "events": lambda r: (r["evidence_start"], r["evidence_end"], r["event_id"]),
    "claims": lambda r: (r["content_start"], r["content_end"], r["claim_id"]),
}
ID_FIELDS = {"mentions": "mention_id", "events": "event_id", "claims": "claim_id"}


def sort_article_rows(rows: dict[str, Rows]) -> dict[str, Rows]:
    out = {name: sorted(rows.get(name, []), key=key) for name, key in SORT_KEYS.items()}
    order = {e["event_id"]: i for i, e in enumerate(out["events"])}
    out["event_actors"] = sorted(
        rows.get("event_actors", []),
        key=lambda r: (order.get(r["event_id"], len(order)), r["event_id"], ROLE_ORDER[r["role"]], r["actor_id"]),
    )
    return out


def duplicate_ids(rows: dict[str, Rows]) -> list[str]:
    """Tables in which two rows of one article got the same id."""
    return [name for name, key in ID_FIELDS.items() if len({r[key] for r in rows[name]}) != len(rows[name])]
