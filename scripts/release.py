"""Make a release of the data package (maintainers only).

    python scripts/release.py --dry-run   # rehearse: nothing in the repository changes
    python scripts/release.py             # write CITATION.cff and releases/<version>/SHA256SUMS

Checks the version bump against the previous release tag, regenerates the
citation file, builds sdist and wheel, installs the wheel in a fresh virtual
environment, loads every table and validates the package from the installed
copy, and writes the checksums of every table file.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))

from citation_files import project, release_date, render_cff  # noqa: E402
from release_checks import (  # noqa: E402
    bump_level,
    bump_ok,
    keys_at,
    previous_tag,
    required_level,
    row_changes,
    schema_changes,
    schemas_at,
)

ROOT = Path(__file__).resolve().parents[1]

# Runs inside the fresh environment, from a folder outside the checkout.
SMOKE = """
import sys, sahel_events as se
assert se.__version__ == sys.argv[1], (se.__version__, sys.argv[1])
assert "site-packages" in str(se.datapackage_path()), se.datapackage_path()
for name in se.tables():
    print(f"  loaded {name}: {len(se.load(name))} rows")
assert f"version = {{{sys.argv[1]}}}" in se.cite("bibtex")
print("  cite(): version", sys.argv[1])
"""


class ReleaseError(click.ClickException):
    pass


def say(msg: str) -> None:
    click.echo(msg)


def run(cmd: list[str], cwd: Path, what: str) -> str:
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise ReleaseError(f"{what} failed ({' '.join(map(str, cmd))}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return proc.stdout


def check_bump(version: str) -> None:
    prev = previous_tag(ROOT, version)
    if prev is None:
        say("1. Version bump: no previous release tag (vX.Y.Z): this is the first release, nothing to compare.")
        return
    old_schemas, new_schemas = schemas_at(ROOT, prev), schemas_at(ROOT, None)
    changes = schema_changes(old_schemas, new_schemas)
    changes += row_changes(keys_at(ROOT, prev, old_schemas), keys_at(ROOT, None, new_schemas))
    required, actual = required_level(changes), bump_level(prev[1:], version)
    say(f"1. Version bump: {prev[1:]} -> {version} is a {actual} bump; the changes since {prev} need {required}:")
    for level, reason in changes or [("none", "no schema or row-set change")]:
        say(f"   [{level}] {reason}")
    if not bump_ok(required, actual):
        raise ReleaseError(f"version {version} is a {actual} bump but the changes need at least {required}: "
                           "raise [project] version in pyproject.toml (and add the CHANGELOG.md section)")


def check_versions(version: str) -> None:
    date = release_date((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), version)
    say(f"   CHANGELOG.md: [{version}] released {date}")
    dp = json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))
    if dp.get("version") != version:
        raise ReleaseError(f"datapackage.json has version {dp.get('version')} but pyproject.toml {version}: run `sahel-events build`")


def write_citation(out: Path, dry_run: bool) -> None:
    text = render_cff(ROOT)
    current = (ROOT / "CITATION.cff").read_text(encoding="utf-8") if (ROOT / "CITATION.cff").exists() else None
    (out / "CITATION.cff").write_text(text, encoding="utf-8")
    state = "up to date" if current == text else "REGENERATED (differs from the committed file)"
    say(f"2. CITATION.cff: {state}; written to {out / 'CITATION.cff'}")
    if dry_run and current != text:
        say("   (dry run: the repository's CITATION.cff was not changed; the wheel below carries the committed one)")


def build(dist: Path) -> Path:
    run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], ROOT, "python -m build")
    wheels = sorted(dist.glob("*.whl"))
    sdists = sorted(dist.glob("*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise ReleaseError(f"expected one wheel and one sdist in {dist}, found {[p.name for p in dist.iterdir()]}")
    say(f"3. Built {sdists[0].name} and {wheels[0].name}")
    return wheels[0]


def try_wheel(wheel: Path, version: str, work: Path) -> Path:
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)], work, "creating a virtual environment")
    py = venv / "bin" / "python"
    run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], work, "installing the wheel")
    say(f"4. Installed {wheel.name} in a fresh environment ({venv})")
    outside = work / "elsewhere"
    outside.mkdir()
    say(run([str(py), "-c", SMOKE, version], outside, "loading the tables from the installed wheel").rstrip())
    report = run([str(venv / "bin" / "sahel-events"), "validate"], outside, "sahel-events validate (installed wheel)")
    say("   sahel-events validate: " + report.strip().splitlines()[-1])
    where = run([str(py), "-c", "import sahel_events; print(sahel_events.datapackage_path().parent)"], outside, "locating the data")
    return Path(where.strip())


def checksums(out: Path, version: str, installed: Path) -> Path:
    """SHA-256 of every table file and datapackage.json; the installed wheel must carry the same bytes."""
    files = [p for p in sorted((ROOT / "data" / "tables").iterdir()) if p.is_file()] + [ROOT / "datapackage.json"]
    lines = []
    for p in files:
        rel = p.relative_to(ROOT).as_posix()
        digest = hashlib.sha256(p.read_bytes()).hexdigest()
        shipped = installed / rel
        if not shipped.exists() or hashlib.sha256(shipped.read_bytes()).hexdigest() != digest:
            raise ReleaseError(f"the wheel's copy of {rel} differs from the checkout's (or is missing)")
        lines.append(f"{digest}  {rel}")
    target = out / "releases" / version / "SHA256SUMS"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    say(f"5. Checksums of {len(lines)} files (the wheel's copies match) written to {target}:")
    for line in lines:
        say(f"   {line}")
    return target


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--dry-run", is_flag=True, help="Rehearse: write everything to a temporary folder, change nothing here.")
@click.option("--keep", is_flag=True, help="Keep the temporary folder (wheel, environment) for inspection.")
def main(dry_run: bool, keep: bool) -> None:
    """Check, build, install, validate and checksum a release of sahel-events."""
    version = project(ROOT)["version"]
    say(f"Release {version}{' (dry run)' if dry_run else ''} from {ROOT}")
    dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    if dirty and not dry_run:
        raise ReleaseError("the working tree has uncommitted changes; commit them (or use --dry-run)")
    check_bump(version)
    check_versions(version)
    work = Path(tempfile.mkdtemp(prefix=f"sahel-events-release-{version}-"))
    try:
        out = work / "out" if dry_run else ROOT
        out.mkdir(parents=True, exist_ok=True)
        write_citation(out, dry_run)
        wheel = build(work / "dist" if dry_run else ROOT / "dist")
        installed = try_wheel(wheel, version, work)
        checksums(out, version, installed)
    finally:
        if keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if dry_run:
        say(f"Dry run complete: release {version} would pass. Nothing in the repository was changed.")
    else:
        say(f"Release {version} prepared. Now: git add CITATION.cff releases/{version} && "
            f"git commit -m 'Release {version}' && git tag v{version}")


if __name__ == "__main__":
    main()
