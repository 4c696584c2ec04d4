"""The build: deterministic, complete, and honest about bad input."""

import shutil

from click.testing import CliRunner

from conftest import build_project
from sahel_events.cli import main

OUTPUTS = ["datapackage.json"]


def output_files(root):
    files = sorted((root / "data" / "tables").iterdir()) + [root / "datapackage.json"]
    return {f.relative_to(root).as_posix(): f.read_bytes() for f in files}


def test_two_builds_are_byte_identical(project):
    build_project(project)
    first = output_files(project)
    shutil.rmtree(project / "data" / "tables")
    build_project(project)
    assert output_files(project) == first


def test_committed_tables_are_what_the_build_makes(repo, project):
    """`sahel-events build` on a clean checkout leaves git clean."""
    build_project(project)
    fresh = output_files(project)
    committed = {name: (repo / name).read_bytes() for name in fresh}
    stale = sorted(name for name in fresh if fresh[name] != committed[name])
    assert not stale, f"committed files differ from a fresh build: {stale}; run `sahel-events build` and commit"


def test_every_table_has_rows(project):
    result = build_project(project)
    assert all(result.counts[name] > 0 for name in result.counts), result.counts


def test_bad_article_reported_others_built(project):
    sources = project / "data" / "sources"
    (sources / "broken-article.txt").write_text("A synthetic body.\n", encoding="utf-8")
    (sources / "broken-article.yaml").write_text("title: null\npublisher: Synthetic\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--root", str(project)])
    assert result.exit_code == 1
    assert "broken-article.yaml" in result.output and "missing required field" in result.output
    articles = (project / "data" / "tables" / "articles.csv").read_text(encoding="utf-8")
    assert "voa-2023-10-mali-russia-troops-relocate" in articles
    assert "broken-article" not in articles


def test_strict_stops(project):
    (project / "data" / "sources" / "broken-article.txt").write_text("A synthetic body.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--strict", "--root", str(project)])
    assert result.exit_code == 1
    assert "no metadata" in result.output
    assert not (project / "data" / "tables").exists()


def test_annotation_error_names_file_and_line(project):
    ann = project / "data" / "annotations" / "voa-2023-10-mali-russia-troops-relocate.yaml"
    text = ann.read_text(encoding="utf-8").replace("evidence: our troops arrived", "evidence: our soldiers arrived")
    ann.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if "our soldiers arrived" in ln)
    result = CliRunner().invoke(main, ["build", "--strict", "--root", str(project)])
    assert result.exit_code == 1
    assert f"voa-2023-10-mali-russia-troops-relocate.yaml:{line}" in result.output


def test_orphan_annotation_reported(project):
    shutil.copy(
        project / "data" / "annotations" / "voa-2023-10-mali-russia-troops-relocate.yaml",
        project / "data" / "annotations" / "no-such-article.yaml",
    )
    result = CliRunner().invoke(main, ["build", "--root", str(project)])
    assert result.exit_code == 1
    assert "no-such-article.yaml" in result.output and "has no source" in result.output
