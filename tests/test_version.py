"""One version: pyproject.toml, datapackage.json, CITATION.cff, __version__, docs and changelog agree."""

from __future__ import annotations

import json
import re
import tomllib

import yaml
from _docs_site import DOCS, ROOT, built_site

import sahel_events as se


def versions() -> dict[str, str]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        pyproject = tomllib.load(fh)["project"]["version"]
    return {
        "pyproject.toml": pyproject,
        "datapackage.json": json.loads((ROOT / "datapackage.json").read_text(encoding="utf-8"))["version"],
        "CITATION.cff": str(yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))["version"]),
        "sahel_events.__version__": se.__version__,
    }


def test_all_copies_of_the_version_agree():
    found = versions()
    assert len(set(found.values())) == 1, f"versions differ: {found} (reinstall the package after a bump; rebuild; regenerate CITATION.cff)"


def test_changelog_has_a_dated_section_for_the_version():
    version = versions()["pyproject.toml"]
    log = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}\s*$", log, re.MULTILINE)


def test_docs_take_the_version_from_pyproject():
    version = versions()["pyproject.toml"]
    site = built_site()
    assert f"sahel-events {version}" in (site / "index.html").read_text(encoding="utf-8")
    assert f"Version: <strong>{version}</strong>" in (site / "index.html").read_text(encoding="utf-8")
    citing = re.sub(r"<[^>]+>", "", (site / "citing.html").read_text(encoding="utf-8"))  # drop highlighting spans
    assert f"version = {{{version}}}" in citing and f"(Version {version}) [Data set]" in citing
    # No page or config may hard-code a version number of its own.
    for path in [ROOT / "mkdocs.yml", *DOCS.glob("*.md")]:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b\d+\.\d+\.\d+\b", text.replace("1.1.0/", "")), f"{path.name} hard-codes a version"
