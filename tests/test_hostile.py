"""Hostile and broken input: each is reported with file, line and fix; good articles are still built."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from sahel_events.cli import main
from sahel_events.synthetic import synthetic_metadata, write_corpus

SEED = "voa-2023-10-mali-russia-troops-relocate"
GOOD_TEXT = "A synthetic sentence about a convoy near Gao.\n"


def add_source(project, name, data, meta=None, suffix=".txt"):
    src = project / "data" / "sources"
    (src / f"{name}{suffix}").write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    meta = synthetic_metadata(1) if meta is None else meta
    if meta is not False:
        (src / f"{name}.yaml").write_text(meta, encoding="utf-8")


def build_report(project, *args):
    result = CliRunner().invoke(main, ["build", "--root", str(project), "--no-cache", "-q", *args])
    report = json.loads((project / "build-report.json").read_text()) if (project / "build-report.json").exists() else None
    return result, report


def assert_reported(project, file_part, message_part, error=None):
    result, report = build_report(project)
    assert result.exit_code == 1, result.output
    hits = [f for f in report["failures"] if file_part in f["file"] and message_part in f["message"]]
    assert hits, report["failures"]
    if error:
        assert hits[0]["error"] == error
    assert report["built"] == 1  # the seed article is still built
    assert SEED in (project / "data" / "tables" / "articles.csv").read_text(encoding="utf-8")
    return hits[0]


def test_empty_file(project):
    add_source(project, "empty-file", b"")
    assert_reported(project, "empty-file.txt", "empty", "source")


def test_binary_file(project):
    add_source(project, "binary-file", bytes(range(256)) * 8)
    assert_reported(project, "binary-file.txt", "binary")


def test_non_utf8_file(project):
    add_source(project, "latin-one", "Une dépêche synthétique à Gao.\n".encode("latin-1"))
    hit = assert_reported(project, "latin-one.txt", "not valid UTF-8")
    assert "re-save" in hit["message"]


def test_fifty_megabyte_text(project):
    add_source(project, "huge-text", (GOOD_TEXT * (50 * 2**20 // len(GOOD_TEXT) + 1)).encode())
    assert_reported(project, "huge-text.txt", "limit for one article")


def test_deeply_nested_html(project):
    html = "<html><body>" + "<div>" * 100_000 + "Synthetic deep text." + "</div>" * 100_000 + "</body></html>"
    add_source(project, "deep-html", html, suffix=".html")
    result, report = build_report(project)
    # Either extracted sensibly or refused clearly; never a crash or a lost seed.
    assert report["built"] >= 1
    for f in report["failures"]:
        assert f["error"] != "internal", f


def test_malformed_html_is_read(project):
    body = " ".join(f"Synthetic sentence {i} about Malian soldiers in Gao." for i in range(20))
    html = f"<html><body><p>{body}<p>Second synthetic paragraph <b>unclosed <i>tags here.</body>"
    add_source(project, "malformed-html", html, suffix=".html")
    (project / "data" / "annotations" / "malformed-html.yaml").write_text(
        "mentions:\n  - {quote: Synthetic sentence 3 about Malian soldiers, actor: malian-armed-forces}\n", encoding="utf-8"
    )
    result, report = build_report(project)
    assert result.exit_code == 0, report
    assert report["built"] == 2


def test_yaml_alias_bomb(project):
    bomb = synthetic_metadata(1) + 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
    add_source(project, "yaml-bomb", GOOD_TEXT, meta=bomb)
    hit = assert_reported(project, "yaml-bomb.yaml", "aliases")
    assert hit["line"] is not None


def test_path_separators_in_ids(project):
    add_source(project, "dot.dot-name", GOOD_TEXT)  # "." is not allowed in an id
    (project / "data" / "annotations" / "Up-Case.yaml").write_text("article_id: ../../etc/passwd\n", encoding="utf-8")
    result, report = build_report(project)
    messages = " ".join(f["message"] for f in report["failures"])
    assert "not a valid article id" in messages
    assert "has no source" in messages
    assert not (project.parent / "etc").exists()


def test_annotation_article_id_traversal(project):
    add_source(project, "traversal-check", GOOD_TEXT)
    (project / "data" / "annotations" / "traversal-check.yaml").write_text("article_id: ../../etc/passwd\n", encoding="utf-8")
    hit = assert_reported(project, "traversal-check.yaml", "does not match the file name")
    assert hit["line"] == 1


def test_two_sources_same_id(project):
    add_source(project, "same-id", GOOD_TEXT)
    add_source(project, "same-id", f"<html><body><p>{GOOD_TEXT}</p></body></html>", meta=False, suffix=".html")
    hit = assert_reported(project, "same-id", "share the article id", "duplicate-id")
    assert "same-id.html" in hit["message"] and "same-id.txt" in hit["message"]


def test_invalid_date(project):
    add_source(project, "bad-date", GOOD_TEXT, meta=synthetic_metadata(1).replace("2023-01-02", "2023-02-30"))
    hit = assert_reported(project, "bad-date.yaml", "YYYY-MM-DD", "metadata")
    assert hit["line"] == 4


def test_licence_typo(project):
    add_source(project, "licence-typo", GOOD_TEXT, meta=synthetic_metadata(1).replace("public-domain", "CC-BY-4"))
    hit = assert_reported(project, "licence-typo.yaml", "did you mean `CC-BY-4.0`")
    assert hit["line"] == 6


def test_annotation_quote_not_there(project):
    add_source(project, "quote-missing", GOOD_TEXT)
    (project / "data" / "annotations" / "quote-missing.yaml").write_text(
        "mentions:\n  - {quote: Kidal, place: kidal}\n", encoding="utf-8"
    )
    hit = assert_reported(project, "quote-missing.yaml", "not in the text", "annotation")
    assert hit["line"] == 2


def test_strict_stops_at_first_error(project):
    add_source(project, "empty-file", b"")
    result, _ = build_report(project, "--strict")
    assert result.exit_code == 1
    assert "empty-file.txt" in result.output
    assert not (project / "data" / "tables").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_killed_build_leaves_previous_tables(project):
    result, _ = build_report(project)
    assert result.exit_code == 0
    before = {p.name: p.read_bytes() for p in (project / "data" / "tables").iterdir()}
    descriptor = (project / "datapackage.json").read_bytes()
    write_corpus(project / "data" / "sources", 4000, words=300, annotations=project / "data" / "annotations")
    proc = subprocess.Popen(
        [sys.executable, "-c", "from sahel_events.cli import main; main()", "build", "--root", str(project), "--no-cache", "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    time.sleep(2.0)
    assert proc.poll() is None, "the build finished before it could be killed; make the corpus larger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    after = {p.name: p.read_bytes() for p in (project / "data" / "tables").iterdir()}
    assert after == before
    assert (project / "datapackage.json").read_bytes() == descriptor
    result = CliRunner().invoke(main, ["validate", str(project / "datapackage.json")])
    assert result.exit_code == 0, result.output


def test_non_english_article_without_annotation(project):
    text = "Les soldats maliens sont arrivés à Tessalit jeudi, selon un responsable militaire qui a parlé sous couvert d'anonymat.\n"
    add_source(project, "depeche-francaise", text, meta=synthetic_metadata(1).replace("language: en", "language: fr"))
    hit = assert_reported(project, "depeche-francaise.yaml", "English", "extraction")
    assert "fr" in hit["message"]
