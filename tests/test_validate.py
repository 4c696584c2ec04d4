"""`validate` passes on the built package and fails, naming the row, on corrupted copies."""

import json
import shutil

import pytest
from click.testing import CliRunner

from sahel_events.build import write_package
from sahel_events.cli import main
from sahel_events.io import parquet_bytes, read_csv_rows, sha256_hex
from sahel_events.paths import TABLES
from sahel_events.schema import load_schema
from sahel_events.validate import package_problems


@pytest.fixture
def pkg(built, tmp_path):
    """A corruptible copy of a built package."""
    root = tmp_path / "pkg"
    shutil.copytree(built, root)
    return root


def tables_of(root):
    return {name: read_csv_rows(root / "data" / "tables" / f"{name}.csv", load_schema(name)) for name in TABLES}


def rewrite(root, mutate):
    """Corrupt the rows, then write a self-consistent package (hashes match) around them."""
    tables = tables_of(root)
    mutate(tables)
    write_package(root, tables)
    return root / "datapackage.json"


def checks(problems):
    return {p.check for p in problems}


def test_built_package_is_valid(pkg):
    assert package_problems(pkg / "datapackage.json") == []
    result = CliRunner().invoke(main, ["validate", str(pkg / "datapackage.json")])
    assert result.exit_code == 0, result.output
    assert "valid" in result.output


def test_broken_foreign_key(pkg):
    def mutate(t):
        t["event_actors"][3]["actor_id"] = "nobody-known"

    result = CliRunner().invoke(main, ["validate", str(rewrite(pkg, mutate))])
    assert result.exit_code == 1
    assert "event_actors row 4" in result.output
    assert "foreign-key" in result.output


def test_offset_mismatch_names_the_row(pkg):
    def mutate(t):
        t["events"][1]["evidence_start"] += 1

    problems = package_problems(rewrite(pkg, mutate))
    (p,) = [p for p in problems if p.check == "offsets"]
    assert p.table == "events" and p.row == 2
    assert p.key.startswith("ev-")
    assert "does not match articles.text" in p.message


def test_claim_cue_offset_checked(pkg):
    def mutate(t):
        t["claims"][0]["cue"] = "denied"

    problems = package_problems(rewrite(pkg, mutate), run_frictionless=False)
    assert any(p.check == "offsets" and p.table == "claims" and "cue" in p.message for p in problems)


def test_duplicate_id(pkg):
    def mutate(t):
        t["events"].append(dict(t["events"][0]))

    result = CliRunner().invoke(main, ["validate", str(rewrite(pkg, mutate))])
    assert result.exit_code == 1
    assert "events row 15" in result.output
    assert "primary-key" in result.output or "unique" in result.output


def test_event_without_actor(pkg):
    def mutate(t):
        gone = t["events"][0]["event_id"]
        t["event_actors"] = [r for r in t["event_actors"] if r["event_id"] != gone]

    problems = package_problems(rewrite(pkg, mutate))
    assert [(p.table, p.row, p.check) for p in problems] == [("events", 1, "event-actor")]


def test_wrong_sub_type(pkg):
    def mutate(t):
        t["events"][0]["event_type"] = "Battles"

    problems = package_problems(rewrite(pkg, mutate))
    assert ("events", 1, "typology") in [(p.table, p.row, p.check) for p in problems]


def test_text_hash_checked(pkg):
    def mutate(t):
        t["articles"][0]["text_sha256"] = "0" * 64

    problems = package_problems(rewrite(pkg, mutate))
    assert "text-hash" in checks(problems)


def test_csv_edited_by_hand_fails_hash(pkg):
    path = pkg / "data" / "tables" / "places.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("Tessalit", "Tesalit", 1), encoding="utf-8")
    problems = package_problems(pkg / "datapackage.json")
    assert any(p.table == "places" and p.check.startswith("frictionless:hash") for p in problems), problems


def test_parquet_twin_tampered(pkg):
    shutil.copy(pkg / "data" / "tables" / "claims.parquet", pkg / "data" / "tables" / "events.parquet")
    problems = package_problems(pkg / "datapackage.json", run_frictionless=False)
    assert ("events", "parquet") in [(p.table, p.check) for p in problems]


def test_twins_differ(pkg):
    rows = tables_of(pkg)["events"]
    rows[0]["summary"] = "A different summary."
    data = parquet_bytes(rows, load_schema("events"))
    (pkg / "data" / "tables" / "events.parquet").write_bytes(data)
    desc_path = pkg / "datapackage.json"
    desc = json.loads(desc_path.read_text())
    twin = next(r for r in desc["resources"] if r["name"] == "events")["parquet"]
    twin.update(hash=f"sha256:{sha256_hex(data)}", bytes=len(data))
    desc_path.write_text(json.dumps(desc))
    problems = package_problems(desc_path, run_frictionless=False)
    assert [(p.table, p.row, p.check) for p in problems] == [("events", 1, "twins")]
    assert "summary" in problems[0].message


def test_missing_descriptor_is_clear(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "nope.json")])
    assert result.exit_code != 0
    assert "does not exist" in result.output
