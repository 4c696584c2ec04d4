"""`sahel-events extract` and `draft` through Click's test runner."""

import json

from click.testing import CliRunner

from sahel_events.annotations import curated_rows
from sahel_events.cli import main
from sahel_events.ingest import read_article

SYNTHETIC = "Synthetic test text: Malian troops arrived in Gao on Thursday, local officials said.\n"


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_extract_prints_valid_json_with_the_invariant(seed_path):
    result = run("extract", seed_path)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc) == {"article", "actors", "places", "mentions", "events", "event_actors", "claims", "timexes"}
    text = doc["article"]["text"]
    assert doc["article"]["published"] == "2023-10-13"
    for m in doc["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    for e in doc["events"]:
        assert text[e["evidence_start"] : e["evidence_end"]] == e["evidence_text"]
        assert e["coding"] == "auto"
    assert any(e["date_start"] == "2023-10-12" for e in doc["events"])


def test_compact_is_one_line(seed_path):
    result = run("extract", seed_path, "--compact")
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1


def test_missing_file_is_a_clear_error(tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = run("extract", missing)
    assert result.exit_code != 0
    assert str(missing) in result.stderr and "no such file" in result.stderr


def test_without_metadata_warns_and_keeps_nulls(tmp_path):
    src = tmp_path / "My Capture.txt"
    src.write_text(SYNTHETIC, encoding="utf-8")
    result = run("extract", src)
    assert result.exit_code == 0, result.output
    assert "no publication date" in result.stderr
    doc = json.loads(result.stdout)
    art = doc["article"]
    assert art["article_id"] == "my-capture"
    assert art["text"].startswith("Synthetic test text")  # printed even though the licence is unknown
    assert (art["published"], art["url"], art["publisher"], art["license"]) == (None, None, None, "unknown")
    (event,) = doc["events"]
    assert (event["date_start"], event["date_rule"]) == (None, "none")
    assert [t["rule"] for t in doc["timexes"]] == ["weekday"]


def test_published_flag_resolves_relative_dates(tmp_path):
    src = tmp_path / "synthetic.txt"
    src.write_text(SYNTHETIC, encoding="utf-8")
    result = run("extract", src, "--published", "2023-10-13", "--publisher", "Synthetic Wire")
    assert result.exit_code == 0
    assert "no publication date" not in result.stderr
    doc = json.loads(result.stdout)
    assert doc["article"]["publisher"] == "Synthetic Wire"
    assert doc["events"][0]["date_start"] == "2023-10-12"


def test_bad_date_flag(tmp_path):
    src = tmp_path / "synthetic.txt"
    src.write_text(SYNTHETIC, encoding="utf-8")
    result = run("extract", src, "--published", "13/10/2023")
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr


def test_bad_metadata_names_file_and_line(tmp_path):
    src = tmp_path / "synthetic.txt"
    src.write_text(SYNTHETIC, encoding="utf-8")
    (tmp_path / "synthetic.yaml").write_text("title: null\npublisher: X\nurl: u\npublished: yesterday\nlanguage: en\nlicense: unknown\n")
    result = run("extract", src)
    assert result.exit_code == 1
    assert "synthetic.yaml:4" in result.stderr


def test_non_english_is_an_error(tmp_path):
    src = tmp_path / "texte.txt"
    src.write_text("Texte synthétique : les soldats sont arrivés à Gao jeudi, selon les responsables de la ville.\n", encoding="utf-8")
    result = run("extract", src)
    assert result.exit_code == 1 and "English" in result.stderr


def test_draft_is_read_back_by_the_annotation_parser(seed_path, reference, tmp_path):
    out = tmp_path / f"{seed_path.stem}.yaml"
    result = run("draft", seed_path, "-o", out)
    assert result.exit_code == 0, result.output
    assert "status: draft" in out.read_text(encoding="utf-8")
    rows = curated_rows(read_article(seed_path), reference, out)
    auto = json.loads(run("extract", seed_path).stdout)
    assert len(rows["events"]) == len(auto["events"])
    assert sorted((m["start"], m["end"]) for m in rows["mentions"]) == sorted((m["start"], m["end"]) for m in auto["mentions"])
    assert [(c["content_start"], c["cue_start"]) for c in rows["claims"]] == [(c["content_start"], c["cue_start"]) for c in auto["claims"]]
    again = run("draft", seed_path, "-o", out)
    assert again.exit_code == 1 and "exists" in again.stderr
