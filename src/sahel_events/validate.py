"""``sahel-events validate``: Frictionless' errors, then the checks Frictionless cannot do.

Two engines find the same Frictionless errors: ``fast`` (default;
:mod:`.validate_fast`, vectorised, for millions of rows) and ``frictionless``
(Frictionless itself; the slow reference). The extra checks run on Arrow tables
(:mod:`.fast_checks`) or, for the reference engine, on Python rows
(:func:`row_problems`).

Extra checks: the Parquet twins (hash, bytes, same rows as the CSV), the
evidence-offset invariant (``text[start:end] == evidence_text`` for events,
mentions and claims), text hashes and lengths, ACLED sub-types within their
type, every event with an actor, every claim with a cue and content.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .io import file_sha256, parse_csv_value, read_parquet_rows
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


def report_problems(report: Any, package: Any) -> list[Problem]:
    """A Frictionless report as Problems: data rows count from 1, the key is the row's single-field primary key."""
    problems = []
    for task in report.tasks:
        names: list[str] = []
        key_field = None
        if task.name in package.resource_names:
            schema = package.get_resource(task.name).schema
            names = schema.field_names
            pk = schema.primary_key
            key_field = pk[0] if len(pk) == 1 else None
        for err in task.errors:
            row_number = getattr(err, "row_number", None)
            key = None
            cells = getattr(err, "cells", None)
            if key_field and cells and key_field in names and names.index(key_field) < len(cells):
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


def frictionless_problems(descriptor_path: Path) -> list[Problem]:
    """Frictionless' own validation of the package, rows included (the reference; slow at scale)."""
    from frictionless import FrictionlessException, Package, system

    with system.use_context(trusted=False):
        try:
            package = Package(str(descriptor_path))
        except FrictionlessException as exc:
            return [Problem(None, None, None, e.message, f"frictionless:{e.type}") for e in exc.to_errors()]
        report = package.validate()
    return report_problems(report, package)


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


ENGINES = ("fast", "frictionless")


def _read_rows_lenient(path: Path, schema: TableSchema) -> list[dict[str, Any]]:
    """CSV rows as Python values; a cell that does not parse is None (its error is reported elsewhere)."""
    types = {f.name: f.type for f in schema.fields}
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            row = {}
            for k, v in raw.items():
                try:
                    row[k] = parse_csv_value(v, types.get(k, "string")) if isinstance(v, str) else None
                except (ValueError, KeyError, TypeError):
                    row[k] = None
            rows.append(row)
    return rows


def _rows_as_arrow(rows: list[dict[str, Any]], schema: TableSchema):
    """Python rows as the fast engine's typed table (arrays stay JSON text)."""
    import pyarrow as pa

    fields = []
    for f in schema.fields:
        typ = pa.string() if f.type == "array" else schema.arrow_schema().field(f.name).type
        fields.append(pa.field(f.name, typ))
    data = {f.name: [] for f in schema.fields}
    for row in rows:
        for f in schema.fields:
            v = row.get(f.name)
            if f.type == "array" and v is not None:
                v = json.dumps(v, ensure_ascii=False)
            data[f.name].append(v)
    arrays = []
    for f, af in zip(schema.fields, fields):
        try:
            arrays.append(pa.array(data[f.name], af.type))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arrays.append(pa.nulls(len(rows), af.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def _file_problems(root: Path, res: dict[str, Any]) -> tuple[list[Problem], Path | None, Path | None]:
    """The CSV exists; its Parquet twin is listed, exists and matches its hash and size.

    Returns the problems, the CSV's path (None when missing) and the twin's (None when unusable).
    """
    name = res.get("name")
    problems: list[Problem] = []
    if not isinstance(res.get("path"), str):
        return [Problem(name, None, None, "no single path listed in datapackage.json", "files")], None, None
    csv_path = root / res["path"]
    if not csv_path.is_file():
        return [Problem(name, None, None, f"missing file {res['path']}", "files")], None, None
    twin = res.get("parquet")
    if not twin:
        return [Problem(name, None, None, "no Parquet twin listed in datapackage.json", "parquet")], csv_path, None
    pq_path = root / twin["path"]
    if not pq_path.exists():
        return [Problem(name, None, None, f"missing Parquet twin {twin['path']}", "parquet")], csv_path, None
    if f"sha256:{file_sha256(pq_path)}" != twin.get("hash"):
        problems.append(Problem(name, None, None, f"{twin['path']} does not match the hash in datapackage.json (rebuild with `sahel-events build`)", "parquet"))
    if pq_path.stat().st_size != twin.get("bytes"):
        problems.append(Problem(name, None, None, f"{twin['path']} has {pq_path.stat().st_size} bytes, datapackage.json says {twin.get('bytes')}", "parquet"))
    return problems, csv_path, pq_path


def _resources(root: Path, desc: dict[str, Any], problems: list[Problem]) -> Iterator[tuple[str, TableSchema, Path, Path | None]]:
    """Each resource whose CSV can be read: (name, schema, CSV path, usable Parquet twin or None).
    File problems are appended to ``problems`` on the way."""
    for res in desc.get("resources", []):
        found, csv_path, pq_path = _file_problems(root, res)
        problems += found
        if csv_path is not None:
            yield res.get("name"), _schema_of(root, res), csv_path, pq_path


def package_problems(descriptor_path: Path, *, run_frictionless: bool = True, engine: str = "fast") -> list[Problem]:
    """Every problem found in the package at ``descriptor_path``.

    ``engine="fast"`` (default) finds the errors Frictionless would report with
    vectorised code (:mod:`.validate_fast`) and runs the extra checks on Arrow
    tables (:mod:`.fast_checks`): fit for millions of rows. ``"frictionless"``
    runs Frictionless itself and the extra checks on Python rows: the slow
    reference. ``run_frictionless=False`` leaves out the schema errors.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    descriptor_path = Path(descriptor_path)
    root = descriptor_path.parent
    try:
        desc = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [Problem(None, None, None, f"cannot read {descriptor_path}: {exc}", "descriptor")]
    if engine == "fast":
        return _fast_package_problems(descriptor_path, desc, run_frictionless)
    problems = frictionless_problems(descriptor_path) if run_frictionless else []
    tables: dict[str, list[dict[str, Any]]] = {}
    for name, schema, csv_path, pq_path in _resources(root, desc, problems):
        rows = _read_rows_lenient(csv_path, schema)
        tables[name] = rows
        if pq_path is None:
            continue
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


def _fast_package_problems(descriptor_path: Path, desc: dict[str, Any], run_frictionless: bool) -> list[Problem]:
    from .fast_checks import extra_problems, twin_problems
    from .validate_fast import fast_problems

    root = descriptor_path.parent
    result = fast_problems(descriptor_path)
    problems = list(result.problems) if run_frictionless else []
    tables = {}
    for name, schema, csv_path, pq_path in _resources(root, desc, problems):
        table = result.tables.get(name)
        if table is None:  # read by Frictionless: fall back to Python rows for this one
            table = _rows_as_arrow(_read_rows_lenient(csv_path, schema), schema)
        tables[name] = table
        if pq_path is not None:
            problems += twin_problems(name, table, pq_path, {f.name: f.type for f in schema.fields})
    problems += extra_problems(tables)
    return problems


def summarise(problems: list[Problem]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for p in problems:
        counts[p.check.split(":")[0]] += 1
    return dict(counts)
