"""``sahel-events validate``: Frictionless validation, then the checks Frictionless cannot do.

Extra checks: the Parquet twins (hash, bytes, same rows as the CSV), the
evidence-offset invariant (``text[start:end] == evidence_text`` for events,
mentions and claims), text hashes and lengths, ACLED sub-types within their
type, every event with an actor, every claim with a cue and content.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .io import file_sha256, read_csv_rows, read_parquet_rows
from .schema import TableSchema
from .typology import sub_type_fits


@dataclass(frozen=True)
class Problem:
    """One error: where (table; data row, 1 = the first row after the header; the row's id) and what."""

    table: str | None
    row: int | None
    key: str | None
    message: str
    check: str

    def __str__(self) -> str:
        where = self.table or "package"
        if self.row is not None:
            where += f" row {self.row}"
        if self.key:
            where += f" ({self.key})"
        return f"{where}: {self.message} [{self.check}]"


def frictionless_problems(descriptor_path: Path) -> list[Problem]:
    from frictionless import Package, system

    with system.use_context(trusted=False):
        package = Package(str(descriptor_path))
        report = package.validate()
    problems = []
    for task in report.tasks:
        key_field = None
        if task.name in package.resource_names:
            pk = package.get_resource(task.name).schema.primary_key
            key_field = pk[0] if len(pk) == 1 else None
        for err in task.errors:
            row_number = getattr(err, "row_number", None)
            key = None
            cells = getattr(err, "cells", None)
            if key_field and cells:
                names = package.get_resource(task.name).schema.field_names
                if key_field in names and names.index(key_field) < len(cells):
                    key = cells[names.index(key_field)] or None
            problems.append(
                Problem(
                    task.name,
                    row_number - 1 if row_number else None,  # Frictionless counts the header as row 1
                    key,
                    err.message,
                    f"frictionless:{err.type}",
                )
            )
    for err in report.errors:
        problems.append(Problem(None, None, None, err.message, f"frictionless:{err.type}"))
    return problems


def _schema_of(root: Path, resource: dict[str, Any]) -> TableSchema:
    schema = resource["schema"]
    if isinstance(schema, str):
        schema = json.loads((root / schema).read_text(encoding="utf-8"))
    return TableSchema(resource["name"], schema)


def _span_checks(table: str, rows: list[dict[str, Any]], texts: dict[str, str | None], key: str, spans: list[tuple[str, str, str]]) -> Iterator[Problem]:
    for n, row in enumerate(rows, start=1):
        text = texts.get(row.get("article_id"))
        for start_f, end_f, text_f in spans:
            start, end, quoted = row.get(start_f), row.get(end_f), row.get(text_f)
            if start is None and end is None and quoted is None:
                continue
            if start is None or end is None or quoted is None:
                yield Problem(table, n, row.get(key), f"{start_f}, {end_f} and {text_f} must be all set or all empty", "offsets")
            elif not 0 <= start < end:
                yield Problem(table, n, row.get(key), f"bad span {start_f}={start} {end_f}={end} (need 0 <= start < end)", "offsets")
            elif text is not None and text[start:end] != quoted:
                yield Problem(
                    table, n, row.get(key),
                    f"{text_f} {quoted!r} does not match articles.text[{start}:{end}] = {text[start:end]!r}",
                    "offsets",
                )


def row_problems(tables: dict[str, list[dict[str, Any]]]) -> list[Problem]:
    """Checks on the rows themselves (Python values, from CSV or Parquet)."""
    problems: list[Problem] = []
    texts: dict[str, str | None] = {}
    for n, a in enumerate(tables.get("articles", []), start=1):
        texts[a["article_id"]] = a.get("text")
        text = a.get("text")
        if text is None:
            continue
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != a.get("text_sha256"):
            problems.append(Problem("articles", n, a["article_id"], "text_sha256 is not the SHA-256 of text", "text-hash"))
        if a.get("text_length") != len(text):
            problems.append(Problem("articles", n, a["article_id"], f"text_length {a.get('text_length')} != len(text) {len(text)}", "text-hash"))
        if a.get("word_count") != len(text.split()):
            problems.append(Problem("articles", n, a["article_id"], f"word_count {a.get('word_count')} != {len(text.split())}", "text-hash"))
    problems += _span_checks("events", tables.get("events", []), texts, "event_id", [("evidence_start", "evidence_end", "evidence_text")])
    problems += _span_checks("mentions", tables.get("mentions", []), texts, "mention_id", [("start", "end", "text")])
    problems += _span_checks(
        "claims", tables.get("claims", []), texts, "claim_id",
        [("claimant_start", "claimant_end", "claimant_text"), ("cue_start", "cue_end", "cue"), ("content_start", "content_end", "content_text")],
    )
    with_actor = {r["event_id"] for r in tables.get("event_actors", [])}
    for n, e in enumerate(tables.get("events", []), start=1):
        if not sub_type_fits(e.get("event_type"), e.get("sub_event_type")):
            problems.append(Problem("events", n, e["event_id"], f"sub_event_type {e.get('sub_event_type')!r} is not a sub-type of {e.get('event_type')!r}", "typology"))
        if e["event_id"] not in with_actor:
            problems.append(Problem("events", n, e["event_id"], "event has no actor in event_actors", "event-actor"))
        if e.get("date_start") and e.get("date_end") and e["date_start"] > e["date_end"]:
            problems.append(Problem("events", n, e["event_id"], "date_start is after date_end", "dates"))
        lo, hi = e.get("fatalities_min"), e.get("fatalities_max")
        if lo is not None and hi is not None and lo > hi:
            problems.append(Problem("events", n, e["event_id"], "fatalities_min is larger than fatalities_max", "fatalities"))
    for n, c in enumerate(tables.get("claims", []), start=1):
        if not (c.get("cue") or "").strip() or not (c.get("content_text") or "").strip():
            problems.append(Problem("claims", n, c["claim_id"], "a claim needs a cue and content", "claim"))
    for n, m in enumerate(tables.get("mentions", []), start=1):
        if m.get("entity_type") == "actor" and m.get("place_id") is not None or m.get("entity_type") == "place" and m.get("actor_id") is not None:
            problems.append(Problem("mentions", n, m["mention_id"], "a mention names either an actor or a place, per entity_type", "mention"))
    return problems


def package_problems(descriptor_path: Path, *, run_frictionless: bool = True) -> list[Problem]:
    """Every problem found in the package at ``descriptor_path``."""
    descriptor_path = Path(descriptor_path)
    root = descriptor_path.parent
    try:
        desc = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [Problem(None, None, None, f"cannot read {descriptor_path}: {exc}", "descriptor")]
    problems = frictionless_problems(descriptor_path) if run_frictionless else []
    tables: dict[str, list[dict[str, Any]]] = {}
    for res in desc.get("resources", []):
        name = res.get("name")
        csv_path = root / res["path"]
        if not csv_path.exists():
            problems.append(Problem(name, None, None, f"missing file {res['path']}", "files"))
            continue
        schema = _schema_of(root, res)
        rows = read_csv_rows(csv_path, schema)
        tables[name] = rows
        twin = res.get("parquet")
        if not twin:
            problems.append(Problem(name, None, None, "no Parquet twin listed in datapackage.json", "parquet"))
            continue
        pq_path = root / twin["path"]
        if not pq_path.exists():
            problems.append(Problem(name, None, None, f"missing Parquet twin {twin['path']}", "parquet"))
            continue
        if f"sha256:{file_sha256(pq_path)}" != twin.get("hash"):
            problems.append(Problem(name, None, None, f"{twin['path']} does not match the hash in datapackage.json (rebuild with `sahel-events build`)", "parquet"))
        if pq_path.stat().st_size != twin.get("bytes"):
            problems.append(Problem(name, None, None, f"{twin['path']} has {pq_path.stat().st_size} bytes, datapackage.json says {twin.get('bytes')}", "parquet"))
        pq_rows = read_parquet_rows(pq_path)
        if len(pq_rows) != len(rows):
            problems.append(Problem(name, None, None, f"CSV has {len(rows)} rows, Parquet twin {len(pq_rows)}", "twins"))
        else:
            for n, (a, b) in enumerate(zip(rows, pq_rows), start=1):
                diff = sorted(k for k in schema.field_names if a.get(k) != b.get(k))
                if diff:
                    problems.append(Problem(name, n, None, f"CSV and Parquet differ in {', '.join(diff)}", "twins"))
                    break
    problems += row_problems(tables)
    return problems


def summarise(problems: list[Problem]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for p in problems:
        counts[p.check.split(":")[0]] += 1
    return dict(counts)
