"""What a release must bump: the schema and row diff against the previous release tag.

Frictionless data versioning: major when a field (or table, or key) is renamed,
removed or changes type; minor when rows, tables or fields are added; patch for
corrections. Pure functions plus thin git readers, so the rules are testable.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

LEVELS = ("none", "patch", "minor", "major")
TAG = re.compile(r"^v(\d+)\.(\d+)\.(\d+)$")


def parse_version(text: str) -> tuple[int, int, int]:
    m = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", text.strip())
    if not m:
        raise ValueError(f"version {text!r} is not MAJOR.MINOR.PATCH")
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def bump_level(old: str, new: str) -> str:
    """How far ``new`` is from ``old``: none, patch, minor, major, or ``downgrade``."""
    a, b = parse_version(old), parse_version(new)
    if b < a:
        return "downgrade"
    if b == a:
        return "none"
    if b[0] > a[0]:
        return "major"
    return "minor" if b[1] > a[1] else "patch"


def schema_changes(old: dict[str, dict], new: dict[str, dict]) -> list[tuple[str, str]]:
    """(level, reason) for every difference between two sets of table schemas."""
    out: list[tuple[str, str]] = []
    for table in sorted(set(old) - set(new)):
        out.append(("major", f"table {table} removed"))
    for table in sorted(set(new) - set(old)):
        out.append(("minor", f"table {table} added"))
    for table in sorted(set(old) & set(new)):
        before = {f["name"]: f for f in old[table]["fields"]}
        after = {f["name"]: f for f in new[table]["fields"]}
        for name in sorted(set(before) - set(after)):
            out.append(("major", f"{table}.{name} removed or renamed"))
        for name in sorted(set(after) - set(before)):
            out.append(("minor", f"{table}.{name} added"))
        for name in sorted(set(before) & set(after)):
            if before[name]["type"] != after[name]["type"]:
                out.append(("major", f"{table}.{name} type {before[name]['type']} -> {after[name]['type']}"))
            old_enum = set(before[name].get("constraints", {}).get("enum") or [])
            new_enum = set(after[name].get("constraints", {}).get("enum") or [])
            if old_enum - new_enum:
                out.append(("major", f"{table}.{name} allowed values removed: {', '.join(sorted(old_enum - new_enum))}"))
            if new_enum - old_enum and old_enum:
                out.append(("minor", f"{table}.{name} allowed values added: {', '.join(sorted(new_enum - old_enum))}"))
            if before[name] != after[name] and not any(r.startswith(f"{table}.{name} ") for _, r in out):
                out.append(("patch", f"{table}.{name} description or constraints corrected"))
        if old[table].get("primaryKey") != new[table].get("primaryKey"):
            out.append(("major", f"{table} primary key changed"))
    return out


def row_changes(old: dict[str, set], new: dict[str, set]) -> list[tuple[str, str]]:
    """(level, reason) from the primary-key values of each table's rows."""
    out = []
    for table in sorted(set(old) & set(new)):
        added, removed = new[table] - old[table], old[table] - new[table]
        if added:
            out.append(("minor", f"{table}: {len(added)} row(s) added"))
        if removed:
            out.append(("patch", f"{table}: {len(removed)} row(s) removed (corrections)"))
    return out


def required_level(changes: list[tuple[str, str]]) -> str:
    return max((lvl for lvl, _ in changes), key=LEVELS.index, default="none")


def bump_ok(required: str, actual: str) -> bool:
    """A release needs some bump, at least as large as its changes require."""
    if actual in ("none", "downgrade"):
        return False
    return LEVELS.index(actual) >= LEVELS.index(required)


# --- reading a git revision -------------------------------------------------


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


def release_tags(root: Path) -> list[str]:
    """Tags ``vX.Y.Z``, oldest first."""
    tags = [t for t in git(root, "tag", "--list", "v*").split() if TAG.match(t)]
    return sorted(tags, key=lambda t: parse_version(t[1:]))


def previous_tag(root: Path, version: str) -> str | None:
    """The highest release tag below ``version`` (None: this is the first release)."""
    older = [t for t in release_tags(root) if parse_version(t[1:]) < parse_version(version)]
    return older[-1] if older else None


def schemas_at(root: Path, ref: str | None) -> dict[str, dict]:
    """Table schemas at a git revision (``None``: the working tree)."""
    if ref is None:
        return {p.name.removesuffix(".schema.json"): json.loads(p.read_text(encoding="utf-8"))
                for p in sorted((root / "schemas").glob("*.schema.json"))}
    names = [n for n in git(root, "ls-tree", "--name-only", f"{ref}:schemas").split() if n.endswith(".schema.json")]
    return {n.removesuffix(".schema.json"): json.loads(git(root, "show", f"{ref}:schemas/{n}")) for n in names}


def keys_at(root: Path, ref: str | None, schemas: dict[str, dict]) -> dict[str, set]:
    """Primary-key values of every table's CSV at a revision (missing file: no rows)."""
    out = {}
    for table, schema in schemas.items():
        path = f"data/tables/{table}.csv"
        try:
            text = (root / path).read_text(encoding="utf-8") if ref is None else git(root, "show", f"{ref}:{path}")
        except (FileNotFoundError, subprocess.CalledProcessError):
            text = ""
        key = schema.get("primaryKey") or [f["name"] for f in schema["fields"]]
        out[table] = {tuple(row.get(k) for k in key) for row in csv.DictReader(io.StringIO(text))}
    return out
