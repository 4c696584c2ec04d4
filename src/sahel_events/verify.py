"""``sahel-events verify``: check published rows against source texts a user holds.

Texts whose licence forbids republishing are withheld from the ``articles``
table, but their hash and length are kept, and every event, claim and mention
keeps its offsets and quoted span. Anyone who holds the original capture can
clean it exactly as the build did and check all of that.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from .ingest import SOURCE_SUFFIXES, parse_article
from .yamlio import InputError

SPANS = {
    "events": [("evidence_start", "evidence_end", "evidence_text")],
    "mentions": [("start", "end", "text")],
    "claims": [("claimant_start", "claimant_end", "claimant_text"), ("cue_start", "cue_end", "cue"), ("content_start", "content_end", "content_text")],
}
ID_FIELDS = {"events": "event_id", "mentions": "mention_id", "claims": "claim_id"}


@dataclass
class ArticleCheck:
    article_id: str
    status: str  # verified | mismatch | missing | unreadable
    rows_checked: int = 0
    problems: list[str] = field(default_factory=list)


def _meta_from_row(row: dict[str, Any]) -> dict[str, Any]:
    return {"title": row["title"], "published": row["published"], "license": row["license"]}


def verify(descriptor_path: Path, sources: Path, *, only_withheld: bool = False) -> list[ArticleCheck]:
    """One check per article of the package: its text hash and every span of its rows."""
    root = Path(descriptor_path).parent
    desc = json.loads(Path(descriptor_path).read_text(encoding="utf-8"))
    paths = {r["name"]: root / r["parquet"]["path"] for r in desc["resources"]}
    articles = pq.read_table(paths["articles"]).to_pylist()
    if only_withheld:
        articles = [a for a in articles if a["text_withheld"]]
    held: dict[str, Path] = {}
    for a in articles:
        for suffix in SOURCE_SUFFIXES:
            candidate = Path(sources) / f"{a['article_id']}{suffix}"
            if candidate.exists():
                held[a["article_id"]] = candidate
                break
    rows: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for table in SPANS:
        for row in pq.read_table(paths[table]).to_pylist():
            if row["article_id"] in held:
                rows[row["article_id"]].append((table, row))
    checks = []
    for a in articles:
        aid = a["article_id"]
        if aid not in held:
            checks.append(ArticleCheck(aid, "missing"))
            continue
        try:
            text = parse_article(held[aid], held[aid].read_bytes(), _meta_from_row(a)).text
        except InputError as err:
            checks.append(ArticleCheck(aid, "unreadable", problems=[str(err)]))
            continue
        check = ArticleCheck(aid, "verified")
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != a["text_sha256"] or len(text) != a["text_length"]:
            check.status = "mismatch"
            check.problems.append(
                f"{held[aid].name}: the cleaned text does not match text_sha256/text_length "
                "(a different capture or edition of the article?)"
            )
            checks.append(check)
            continue
        for table, row in rows[aid]:
            check.rows_checked += 1
            for start_f, end_f, text_f in SPANS[table]:
                if row[start_f] is None:
                    continue
                if text[row[start_f]:row[end_f]] != row[text_f]:
                    check.status = "mismatch"
                    check.problems.append(f"{table} {row[ID_FIELDS[table]]}: {text_f} {row[text_f]!r} != text[{row[start_f]}:{row[end_f]}]")
        checks.append(check)
    return checks
