"""Citation: CITATION.cff is valid CFF 1.2.0 for a dataset, and cite() renders this version."""

from __future__ import annotations

import re

import _scripts  # noqa: F401
import pytest
import yaml
from click.testing import CliRunner

import sahel_events as se
from sahel_events.cli import main
from sahel_events.citation import FORMATS, citation_path

ROOT = _scripts.SCRIPTS.parent
CFF_KEYS = {  # the root keys of the CFF 1.2.0 schema
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi", "identifiers",
    "keywords", "license", "license-url", "message", "preferred-citation", "references", "repository",
    "repository-artifact", "repository-code", "title", "type", "url", "version",
}


def cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_cff_follows_the_schema():
    data = cff()
    assert set(data) <= CFF_KEYS, set(data) - CFF_KEYS
    assert {"authors", "cff-version", "message", "title"} <= set(data)
    assert data["cff-version"] == "1.2.0" and data["type"] == "dataset"
    assert isinstance(data["version"], str) and isinstance(data["date-released"], str)  # quoted, as the schema wants
    assert re.fullmatch(r"\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])", data["date-released"])
    assert data["authors"] and all(set(a) == {"name"} and a["name"] for a in data["authors"])
    assert data["authors"] == [{"name": "sahel-events contributors"}]
    assert all(isinstance(k, str) and k for k in data.get("keywords", [1]))
    assert data.get("identifiers", [{"type": "doi"}]), "identifiers, when present, needs at least one item"
    assert "doi" not in data or re.fullmatch(r"10\.\d{4,9}(\.\d+)?/\S+", data["doi"])


def test_citation_cff_is_generated_from_the_repository():
    from citation_files import render_cff

    assert (ROOT / "CITATION.cff").read_text(encoding="utf-8") == render_cff(ROOT), \
        "CITATION.cff is out of date: run python scripts/citation_files.py"


def test_release_date_comes_from_the_changelog():
    from citation_files import release_date

    log = "# Changelog\n\n## [Unreleased]\n\n## [1.2.0] - 2030-01-02\n\n## [1.1.0] - 2029-05-06\n"
    assert release_date(log, "1.1.0") == "2029-05-06"
    with pytest.raises(ValueError, match="no heading"):
        release_date(log, "9.9.9")
    with pytest.raises(ValueError, match="no date"):
        release_date("## [2.0.0]\n", "2.0.0")


def test_cite_bibtex_carries_the_installed_version():
    text = se.cite()
    assert text == se.cite("bibtex")
    assert text.startswith("@misc{")
    assert f"version = {{{se.__version__}}}" in text
    assert "{{sahel-events contributors}}" in text
    assert cff()["date-released"][:4] in text


def test_cite_apa_and_cff():
    apa = se.cite("apa")
    assert apa.startswith("sahel-events contributors. (") and f"(Version {se.__version__}) [Data set]." in apa
    assert se.cite("cff") == citation_path().read_text(encoding="utf-8")


def test_cite_rejects_unknown_format():
    with pytest.raises(ValueError, match="bibtex, apa, cff"):
        se.cite("mla")


@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_cite(fmt):
    result = CliRunner().invoke(main, ["cite", "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.output == se.cite(fmt)


def test_cli_cite_default_is_bibtex_and_has_help():
    runner = CliRunner()
    assert f"version = {{{se.__version__}}}" in runner.invoke(main, ["cite"]).output
    assert "--format" in runner.invoke(main, ["cite", "-h"]).output
    assert runner.invoke(main, ["cite", "--format", "mla"]).exit_code != 0
