"""Release rules: the version bump the schema and row diff require, and the dry run end to end."""

from __future__ import annotations

import copy
import os
import subprocess
import sys

import _scripts  # noqa: F401
import pytest
from release_checks import (
    bump_level,
    bump_ok,
    keys_at,
    previous_tag,
    required_level,
    row_changes,
    schema_changes,
    schemas_at,
)

ROOT = _scripts.SCRIPTS.parent
SCHEMA = {
    "fields": [
        {"name": "event_id", "type": "string"},
        {"name": "kind", "type": "string", "constraints": {"enum": ["a", "b"]}},
        {"name": "deaths", "type": "integer"},
    ],
    "primaryKey": ["event_id"],
}


def changed(**edits):
    new = copy.deepcopy(SCHEMA)
    for name, edit in edits.items():
        edit(new)
    return new


def level(old, new):
    return required_level(schema_changes({"events": old}, {"events": new}))


def test_bump_levels():
    assert bump_level("0.1.0", "0.1.1") == "patch"
    assert bump_level("0.1.0", "0.2.0") == "minor"
    assert bump_level("0.9.3", "1.0.0") == "major"
    assert bump_level("0.2.0", "0.2.0") == "none"
    assert bump_level("0.2.0", "0.1.9") == "downgrade"


def test_schema_diff_levels():
    assert level(SCHEMA, SCHEMA) == "none"
    assert level(SCHEMA, changed(x=lambda s: s["fields"].pop())) == "major"  # field removed
    assert level(SCHEMA, changed(x=lambda s: s["fields"][2].update(name="fatalities"))) == "major"  # renamed
    assert level(SCHEMA, changed(x=lambda s: s["fields"][2].update(type="number"))) == "major"  # type changed
    assert level(SCHEMA, changed(x=lambda s: s["fields"].append({"name": "new", "type": "string"}))) == "minor"
    assert level(SCHEMA, changed(x=lambda s: s["fields"][1]["constraints"]["enum"].append("c"))) == "minor"
    assert level(SCHEMA, changed(x=lambda s: s["fields"][1]["constraints"]["enum"].remove("b"))) == "major"
    assert level(SCHEMA, changed(x=lambda s: s["fields"][2].update(description="fixed"))) == "patch"
    assert required_level(schema_changes({"events": SCHEMA}, {})) == "major"
    assert required_level(schema_changes({}, {"events": SCHEMA})) == "minor"


def test_row_diff_levels():
    old = {"events": {("e1",), ("e2",)}}
    assert required_level(row_changes(old, {"events": {("e1",), ("e2",), ("e3",)}})) == "minor"
    assert required_level(row_changes(old, {"events": {("e1",)}})) == "patch"
    assert required_level(row_changes(old, old)) == "none"


def test_bump_must_cover_the_changes():
    assert bump_ok("minor", "minor") and bump_ok("minor", "major") and bump_ok("none", "patch")
    assert not bump_ok("major", "minor")
    assert not bump_ok("none", "none")  # a release always bumps


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_diff_against_the_previous_tag(tmp_path):
    import json

    repo = tmp_path
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.invalid")
    _git(repo, "config", "user.name", "test")
    (repo / "schemas").mkdir()
    (repo / "data" / "tables").mkdir(parents=True)
    (repo / "schemas" / "events.schema.json").write_text(json.dumps(SCHEMA))
    (repo / "data" / "tables" / "events.csv").write_text("event_id,kind,deaths\ne1,a,\n")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    _git(repo, "tag", "v0.1.0")
    assert previous_tag(repo, "0.1.0") is None
    assert previous_tag(repo, "0.2.0") == "v0.1.0"
    (repo / "data" / "tables" / "events.csv").write_text("event_id,kind,deaths\ne1,a,\ne2,b,3\n")
    old, new = schemas_at(repo, "v0.1.0"), schemas_at(repo, None)
    changes = schema_changes(old, new) + row_changes(keys_at(repo, "v0.1.0", old), keys_at(repo, None, new))
    assert required_level(changes) == "minor"
    assert changes == [("minor", "events: 1 row(s) added")]


@pytest.mark.skipif(not os.environ.get("SAHEL_RELEASE_TEST"),
                    reason="builds a wheel and a virtual environment (about a minute): set SAHEL_RELEASE_TEST=1")
def test_release_dry_run_end_to_end():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "release.py"), "--dry-run"],
                          cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    out = proc.stdout
    assert "Dry run complete" in out
    for table in ("articles", "actors", "places", "mentions", "events", "event_actors", "claims"):
        assert f"loaded {table}:" in out
    assert "sahel-events validate:" in out and "valid" in out
    assert "SHA256SUMS" in out
