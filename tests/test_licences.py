"""Licence-aware publishing: withheld texts keep hashes and spans; `verify` checks them."""

import json

import pytest
from click.testing import CliRunner

from conftest import build_project
from sahel_events.cli import main
from sahel_events.io import read_csv_rows
from sahel_events.licenses import redistributable
from sahel_events.schema import load_schema
from sahel_events.synthetic import article_id, write_corpus


@pytest.fixture
def mixed(project):
    """The seed (public domain) plus SYNTHETIC articles under a proprietary and an unknown licence."""
    src, ann = project / "data" / "sources", project / "data" / "annotations"
    write_corpus(src, 1, annotations=ann, license="proprietary", start=1)
    write_corpus(src, 1, annotations=ann, license="unknown", start=2)
    write_corpus(src, 1, annotations=ann, license="CC-BY-NC-4.0", start=3)
    result = build_project(project)
    assert not result.failures, result.failures
    return project


def rows(project, table):
    return read_csv_rows(project / "data" / "tables" / f"{table}.csv", load_schema(table))


def test_redistributable_values():
    assert redistributable("public-domain") and redistributable("CC-BY-4.0")
    assert not any(redistributable(v) for v in ("proprietary", "unknown", "CC-BY-NC-4.0", "CC-BY-ND-4.0"))


def test_withheld_text_keeps_hash_and_spans(mixed):
    articles = {a["article_id"]: a for a in rows(mixed, "articles")}
    for i in (1, 2, 3):
        a = articles[article_id(i)]
        assert a["text"] is None and a["caption"] is None and a["text_withheld"] is True
        assert len(a["text_sha256"]) == 64 and a["text_length"] > 0
    assert articles["voa-2023-10-mali-russia-troops-relocate"]["text_withheld"] is False
    events = [e for e in rows(mixed, "events") if e["article_id"] == article_id(1)]
    assert events[0]["evidence_text"] == "Synthetic marker 1: Malian troops arrived in Tessalit."
    result = CliRunner().invoke(main, ["validate", str(mixed / "datapackage.json")])
    assert result.exit_code == 0, result.output


def test_articles_resource_lists_text_licences(mixed):
    desc = json.loads((mixed / "datapackage.json").read_text())
    articles = next(r for r in desc["resources"] if r["name"] == "articles")
    titles = " ".join(lic.get("title", "") for lic in articles["licenses"])
    assert "Public domain" in titles
    assert "proprietary" not in titles and "unknown" not in titles


def test_verify_with_held_sources(mixed, tmp_path):
    held = tmp_path / "held"
    held.mkdir()
    for i in (1, 2):
        name = f"{article_id(i)}.txt"
        (held / name).write_bytes((mixed / "data" / "sources" / name).read_bytes())
    result = CliRunner().invoke(main, ["verify", "--sources", str(held), "--withheld-only", str(mixed / "datapackage.json")])
    assert result.exit_code == 0, result.output
    assert "2 verified" in result.output and "1 missing" in result.output
    assert "not checked" in result.output


def test_verify_detects_a_different_text(mixed, tmp_path):
    held = tmp_path / "held"
    held.mkdir()
    name = f"{article_id(1)}.txt"
    text = (mixed / "data" / "sources" / name).read_text(encoding="utf-8").replace("Tessalit", "Kidal")
    (held / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["verify", "--sources", str(held), str(mixed / "datapackage.json")])
    assert result.exit_code == 1
    assert "does not match text_sha256" in result.output
