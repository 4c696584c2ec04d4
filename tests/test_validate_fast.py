"""The fast engine reports what Frictionless reports: same table, row and error type.

Errors are seeded as raw CSV cells (synthetic values, made up here) into a copy
of the built package; the descriptor's hash and size are then updated, except
where the hash itself is the seeded error.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil

import pyarrow as pa
import pytest

from sahel_events.fast_checks import extra_problems
from sahel_events.validate import package_problems, row_problems
from sahel_events.validate_fast import fast_problems


@pytest.fixture
def pkg(built, tmp_path):
    root = tmp_path / "pkg"
    shutil.copytree(built, root)
    return root


def read(root, table):
    with open(root / "data" / "tables" / f"{table}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def write(root, table, rows, *, keep_hash=False):
    """Write raw CSV rows; update the descriptor's hash and bytes unless ``keep_hash``."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    data = buf.getvalue().encode("utf-8")
    (root / "data" / "tables" / f"{table}.csv").write_bytes(data)
    if not keep_hash:
        path = root / "datapackage.json"
        desc = json.loads(path.read_text(encoding="utf-8"))
        res = next(r for r in desc["resources"] if r["name"] == table)
        res["hash"] = f"sha256:{hashlib.sha256(data).hexdigest()}"
        res["bytes"] = len(data)
        path.write_text(json.dumps(desc, indent=2), encoding="utf-8")


def set_cells(root, table, edits, **kw):
    """edits: {(data row from 1, field): raw cell text}."""
    rows = read(root, table)
    header = rows[0]
    for (row, field), value in edits.items():
        rows[row][header.index(field)] = value
    write(root, table, rows, **kw)


def cell(root, table, row, field):
    rows = read(root, table)
    return rows[row][rows[0].index(field)]


# Each kind: a function seeding it, and what both engines must then report.
def seed_type(root):
    set_cells(root, "events", {(2, "geo_precision"): "two", (3, "date_start"): "2023-02-30"})
    set_cells(root, "places", {(1, "latitude"): "north"})
    set_cells(root, "actors", {(2, "aliases"): "not json"})
    set_cells(root, "claims", {(1, "direct_quote"): "yes"})
    return {("events", 2, "frictionless:type-error"), ("events", 3, "frictionless:type-error"),
            ("places", 1, "frictionless:type-error"), ("actors", 2, "frictionless:type-error"),
            ("claims", 1, "frictionless:type-error")}


def seed_required(root):
    set_cells(root, "events", {(4, "event_status"): ""})
    set_cells(root, "mentions", {(2, "text"): ""})
    return {("events", 4, "frictionless:constraint-error"), ("mentions", 2, "frictionless:constraint-error")}


def seed_enum(root):
    set_cells(root, "events", {(5, "event_status"): "rumoured"})
    set_cells(root, "event_actors", {(1, "role"): "bystander"})
    return {("events", 5, "frictionless:constraint-error"), ("event_actors", 1, "frictionless:constraint-error")}


def seed_pattern(root):
    set_cells(root, "actors", {(3, "country"): "Mli"})
    set_cells(root, "places", {(2, "admin1"): "ML 8"})
    return {("actors", 3, "frictionless:constraint-error"), ("places", 2, "frictionless:constraint-error")}


def seed_bounds(root):
    set_cells(root, "events", {(6, "geo_precision"): "9", (7, "fatalities_min"): "-3"})
    set_cells(root, "places", {(3, "latitude"): "91.5", (4, "longitude"): "-180.25"})
    set_cells(root, "actors", {(4, "acled_inter"): "0"})
    return {("events", 6, "frictionless:constraint-error"), ("events", 7, "frictionless:constraint-error"),
            ("places", 3, "frictionless:constraint-error"), ("places", 4, "frictionless:constraint-error"),
            ("actors", 4, "frictionless:constraint-error")}


def seed_unique(root):
    first = cell(root, "places", 1, "place_id")
    set_cells(root, "places", {(5, "place_id"): first})
    return {("places", 5, "frictionless:unique-error"), ("places", 5, "frictionless:primary-key")}


def seed_primary_key(root):
    rows = read(root, "event_actors")
    rows.append(list(rows[2]))
    write(root, "event_actors", rows)
    return {("event_actors", len(rows) - 1, "frictionless:primary-key")}


def seed_foreign_key(root):
    set_cells(root, "events", {(8, "place_id"): "atlantis-synthetic"})
    set_cells(root, "event_actors", {(5, "actor_id"): "nobody-synthetic"})
    set_cells(root, "mentions", {(3, "place_id"): ""})  # a null foreign key is fine
    return {("events", 8, "frictionless:foreign-key"), ("event_actors", 5, "frictionless:foreign-key")}


def seed_offsets(root):
    start = int(cell(root, "events", 9, "evidence_start"))
    set_cells(root, "events", {(9, "evidence_start"): str(start + 1)})
    return {("events", 9, "offsets")}


def seed_hash(root):
    rows = read(root, "places")
    rows[1][rows[0].index("name")] += " (synthetic edit)"
    write(root, "places", rows, keep_hash=True)
    return {("places", None, "frictionless:hash-count"), ("places", None, "frictionless:byte-count")}


def seed_blank_row(root):
    rows = read(root, "mentions")
    rows.insert(4, [""] * len(rows[0]))
    write(root, "mentions", rows)
    return {("mentions", 4, "frictionless:blank-row"), ("mentions", 4, "frictionless:primary-key")}


def seed_several_in_a_row(root):
    set_cells(root, "events", {(10, "event_type"): "Skirmish", (10, "event_id"): "EV-SYNTHETIC",
                               (10, "fatalities_max"): "many", (10, "date_end"): "2023-13-01"})
    return {("events", 10, "frictionless:constraint-error"), ("events", 10, "frictionless:type-error")}


SEEDS = {
    "type": seed_type, "required": seed_required, "enum": seed_enum, "pattern": seed_pattern,
    "min-max": seed_bounds, "unique": seed_unique, "primary-key": seed_primary_key,
    "foreign-key": seed_foreign_key, "offsets": seed_offsets, "hash": seed_hash,
    "blank-row": seed_blank_row, "several-in-a-row": seed_several_in_a_row,
}


def report(root, engine):
    return [(p.table, p.row, p.check) for p in package_problems(root / "datapackage.json", engine=engine)]


def assert_same(root, expected):
    fast, slow = report(root, "fast"), report(root, "frictionless")
    assert sorted(fast, key=repr) == sorted(slow, key=repr)
    assert expected <= set(fast), expected - set(fast)
    return fast


@pytest.mark.parametrize("kind", sorted(SEEDS))
def test_each_kind_alone(pkg, kind):
    expected = SEEDS[kind](pkg)
    assert_same(pkg, expected)


def test_every_kind_at_once(pkg):
    expected = set()
    for seed in SEEDS.values():
        expected |= seed(pkg)
    found = assert_same(pkg, expected)
    # the same error types, in the same order per table, as Frictionless reports them
    fast = [p for p in package_problems(pkg / "datapackage.json") if p.check.startswith("frictionless:")]
    slow = [p for p in package_problems(pkg / "datapackage.json", engine="frictionless") if p.check.startswith("frictionless:")]
    assert [(p.table, p.row, p.check, p.key) for p in fast] == [(p.table, p.row, p.check, p.key) for p in slow]
    assert [p.message for p in fast] == [p.message for p in slow]
    assert len(found) >= len(expected)


def test_values_frictionless_reads_leniently(pkg):
    """Cells our writer never emits but Frictionless accepts (or rejects) in its own way."""
    set_cells(pkg, "events", {
        (1, "geo_precision"): " 3 ", (2, "fatalities_min"): "+4", (3, "fatalities_max"): "1_0",
        (4, "date_start"): "2023-2-3", (5, "date_end"): "0000-01-01", (6, "date_start"): "\u0661\u0662\u0663\u0664-01-01",
        (7, "geo_precision"): "\u0663", (8, "summary"): "caf\u00e9 \u2019synthetic\u2019",
        (9, "fatalities_min"): "1.0", (10, "fatalities_max"): "", (11, "summary"): "synthetic\nsummary on\r\ntwo lines",
    })
    set_cells(pkg, "places", {(1, "latitude"): " 1e1 ", (2, "longitude"): "NaN", (3, "latitude"): "90.0000000000000001",
                              (4, "place_id"): cell(pkg, "places", 4, "place_id") + "\n"})
    set_cells(pkg, "claims", {(1, "direct_quote"): "True", (2, "direct_quote"): "TRUE ", (3, "direct_quote"): "1"})
    set_cells(pkg, "actors", {(1, "aliases"): '["a",  "b"]', (2, "aliases"): '{"a": 1}', (3, "aliases"): "[]"})
    fast = [(p.table, p.row, p.check, p.message) for p in fast_problems(pkg / "datapackage.json").problems]
    slow = [(p.table, p.row, p.check, p.message) for p in
            package_problems(pkg / "datapackage.json", engine="frictionless") if p.check.startswith("frictionless:")]
    assert fast == slow
    assert ("events", 5, "frictionless:type-error") in [x[:3] for x in fast]


def test_structural_errors_fall_back_to_frictionless(pkg):
    rows = read(pkg, "events")
    rows[3] = rows[3] + ["extra"]
    rows[4] = rows[4][:5]
    write(pkg, "events", rows)
    result = fast_problems(pkg / "datapackage.json")
    assert "events" in result.fallback
    fast = [(p.table, p.row, p.check) for p in result.problems]
    slow = [x for x in report(pkg, "frictionless") if x[2].startswith("frictionless:")]
    assert fast == slow
    assert ("events", 3, "frictionless:extra-cell") in fast


def test_error_limit_like_frictionless(pkg):
    rows = read(pkg, "mentions")
    for r in rows[1:]:
        r[rows[0].index("entity_type")] = "deity"
    write(pkg, "mentions", rows)
    from frictionless import Package

    from sahel_events.validate import report_problems

    package = Package(str(pkg / "datapackage.json"))
    slow = [(p.table, p.row, p.check) for p in report_problems(package.validate(limit_errors=7), package)]
    fast = [(p.table, p.row, p.check) for p in fast_problems(pkg / "datapackage.json", limit_errors=7).problems]
    assert fast == slow
    assert len([x for x in fast if x[0] == "mentions"]) == 7


@pytest.mark.parametrize("breakage", ["renamed", "bad-field-type", "no-path"])
def test_descriptor_errors_as_frictionless(pkg, breakage):
    path = pkg / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    if breakage == "renamed":
        desc["resources"][0]["name"] = "synthetic-renamed"
    elif breakage == "bad-field-type":
        desc["resources"][1]["schema"] = {"fields": [{"name": "actor_id", "type": "synthetic-type"}]}
    else:
        del desc["resources"][2]["path"]
    path.write_text(json.dumps(desc), encoding="utf-8")
    fast = [(p.table, p.row, p.check) for p in fast_problems(path).problems]
    slow = [x for x in report(pkg, "frictionless") if x[2].startswith("frictionless:")]
    assert fast and fast == slow


def test_offsets_count_code_points():
    """DuckDB's substring counts code points, like Python slicing: ’ and é are one each."""
    text = "Synthetic: caf\u00e9\u2019s e\u0301 \u2019quote\u2019 ends."
    start = text.index("\u2019quote")
    rows = {
        "articles": [{"article_id": "synthetic-a", "text": text, "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
                      "text_length": len(text), "word_count": len(text.split())}],
        "events": [
            {"event_id": "ev-1", "article_id": "synthetic-a", "event_type": "Battles", "sub_event_type": "Armed clash",
             "evidence_start": start, "evidence_end": start + 7, "evidence_text": "\u2019quote\u2019"},
            {"event_id": "ev-2", "article_id": "synthetic-a", "event_type": "Battles", "sub_event_type": "Armed clash",
             "evidence_start": start + 1, "evidence_end": start + 8, "evidence_text": "\u2019quote\u2019"},
            {"event_id": "ev-3", "article_id": "synthetic-a", "event_type": "Battles", "sub_event_type": "Armed clash",
             "evidence_start": text.index("e\u0301"), "evidence_end": text.index("e\u0301") + 2, "evidence_text": "e\u0301"},
        ],
        "event_actors": [{"event_id": "ev-1"}, {"event_id": "ev-2"}, {"event_id": "ev-3"}],
    }
    tables = {name: pa.Table.from_pylist(r) for name, r in rows.items()}
    fast = [(p.table, p.row, p.check, p.message) for p in extra_problems(tables)]
    slow = [(p.table, p.row, p.check, p.message) for p in row_problems(rows)]
    assert fast == slow
    assert [x[:3] for x in fast] == [("events", 2, "offsets")]


def test_cli_engine_option(pkg):
    from click.testing import CliRunner

    from sahel_events.cli import main

    seed_offsets(pkg)
    for engine in ("fast", "frictionless"):
        result = CliRunner().invoke(main, ["validate", "--engine", engine, str(pkg / "datapackage.json")])
        assert result.exit_code == 1, result.output
        assert "events row 9" in result.output


def test_bench_validate_smoke(repo, tmp_path):
    """The benchmark runs on a small synthetic table and finds the same errors as Frictionless."""
    import importlib.util

    from click.testing import CliRunner

    spec = importlib.util.spec_from_file_location("bench_validate", repo / "scripts" / "bench_validate.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(bench.main, ["--rows", "3000", "--errors", "16", "--frictionless-rows", "0", "--repeat", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    figures = json.loads(out.read_text())
    assert figures["synthetic"] and figures["same_errors_as_frictionless_on_timed_rows"]
    assert figures["seeded_errors_found_exactly"] and figures["seeded_errors"] >= 16


FIELDS = [
    {"name": "i", "type": "integer", "constraints": {"minimum": 0, "maximum": 9}},
    {"name": "i2", "type": "integer", "constraints": {"required": True, "enum": [1, 2, 3]}},
    {"name": "n", "type": "number", "constraints": {"minimum": -90, "maximum": 90}},
    {"name": "n2", "type": "number", "decimalChar": ","},
    {"name": "d", "type": "date", "constraints": {"minimum": "2000-01-01"}},
    {"name": "d2", "type": "date", "format": "%d/%m/%Y"},
    {"name": "b", "type": "boolean"},
    {"name": "b2", "type": "boolean", "trueValues": ["yes"], "falseValues": ["no"]},
    {"name": "a", "type": "array"},
    {"name": "s", "type": "string", "constraints": {"pattern": "[a-z]+(-[a-z]+)*", "minLength": 2, "maxLength": 8}},
    {"name": "s2", "type": "string", "constraints": {"pattern": "a|b\\d", "enum": ["a", "b1", "zz"]}},
    {"name": "u", "type": "string", "format": "uri"},
    {"name": "e", "type": "string", "format": "email"},
    {"name": "y", "type": "year"},
]
VALUES = ["", "0", "7", "10", "-1", " 3 ", "+4", "1_0", "1.0", "1.5", "1,5", "90", "90.0000000000000001", "-90.5",
          "NaN", "1e1", "2023-02-28", "2023-02-30", "2024-02-29", "1999-12-31", "0000-01-01", "2023-2-3",
          "28/02/2023", "true", "False", "TRUE ", "1", "yes", "no", "[]", '["a", "b"]', '["a",1]', "{}", "[", "abc",
          "ab-cd", "Ab", "abc\n", "a-", "toolongvalue", "a", "b1", "b1x", "zz", "https://example.org/x",
          "mailto:x@example.org", "not a uri", "x@example.org", "2020", "\u0663", "caf\u00e9"]


@pytest.mark.parametrize("descriptor", FIELDS, ids=[f["name"] for f in FIELDS])
def test_cell_checks_match_frictionless_reader(descriptor):
    """Cell by cell: the vectorised checker gives Frictionless' errors and typed values."""
    from frictionless import Schema

    from sahel_events.fast_cells import ColumnChecker

    field = Schema.from_descriptor({"fields": [descriptor]}).fields[0]
    result = ColumnChecker(field, [""]).check(pa.array(VALUES))
    fast = sorted((int(r), kind, note) for rows, kind, _, note in result.errors for r in rows)
    reader = field.create_cell_reader()
    slow = []
    typed = []
    for r, value in enumerate(VALUES):
        target, notes = reader(value)
        for name, note in (notes or {}).items():
            slow.append((r, "type-error" if name == "type" else "constraint-error", note))
        if descriptor["type"] == "array":
            target = None if target is None or notes and "type" in notes else value
        typed.append(None if notes and "type" in notes else target)
    assert fast == sorted(slow)
    got = result.typed.to_pylist()
    if descriptor["type"] == "number":
        typed = [None if t is None else float(t) for t in typed]
        assert [("nan" if g != g else g) for g in got] == [("nan" if t != t else t) for t in typed]
    elif descriptor["type"] == "year":
        assert [g is None for g in got] == [t is None for t in typed]
    else:
        assert got == typed


def test_declared_row_count_left_to_frictionless(pkg):
    path = pkg / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    next(r for r in desc["resources"] if r["name"] == "places")["rows"] = 999
    path.write_text(json.dumps(desc), encoding="utf-8")
    result = fast_problems(path)
    assert "places" in result.fallback
    fast = [(p.table, p.row, p.check) for p in result.problems]
    slow = [x for x in report(pkg, "frictionless") if x[2].startswith("frictionless:")]
    assert fast == slow and ("places", None, "frictionless:row-count") in fast
