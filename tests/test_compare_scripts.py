"""The comparison scripts: inter-coder agreement and the sentence baseline."""

import datetime as dt
import json

import yaml
from click.testing import CliRunner

import _scripts  # noqa: F401  (puts scripts/ on sys.path)
from agreement import agreement
from agreement import main as agreement_main
from conftest import copy_project
from sahel_events.ingest import Article
from sentence_baseline import baseline_rows
from sentence_baseline import main as baseline_main


def _second_coder(tmp_path, drop_event=None):
    """A copy of the project whose seed coding lost one event (one no claim links to)."""
    root = copy_project(tmp_path / "second")
    ann = next((root / "data" / "annotations").glob("*.yaml"))
    doc = yaml.safe_load(ann.read_text(encoding="utf-8"))
    if drop_event is not None:
        linked = {c.get("event") for c in doc["claims"]}
        key = next(e["key"] for e in doc["events"] if e["key"] not in linked)
        doc["events"] = [e for e in doc["events"] if e["key"] != key]
    ann.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root, len(doc["events"])


def test_identical_codings_agree_fully(repo, tmp_path):
    second, _ = _second_coder(tmp_path)
    total = agreement(repo, second)["total"]
    assert total["events"]["f1"] == total["claims"]["f1"] == total["mentions"]["all"]["f1"] == 1.0


def test_a_missing_event_lowers_recall_only(repo, tmp_path):
    second, kept = _second_coder(tmp_path, drop_event=True)
    events = agreement(repo, second)["total"]["events"]
    assert (events["predicted"], events["gold"], events["tp"]) == (kept, kept + 1, kept)
    assert events["precision"] == 1.0 and events["recall"] < 1.0


def test_agreement_cli_lists_sources_coded_once_and_writes_json(repo, tmp_path):
    second, _ = _second_coder(tmp_path)
    for ann in (second / "data" / "annotations").glob("*.yaml"):
        ann.unlink()
    out = tmp_path / "agreement.json"
    result = CliRunner().invoke(agreement_main, [str(repo), str(second), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "coded in one folder only" in result.output
    assert json.loads(out.read_text())["total"] is None


def _synthetic(text):
    meta = {"title": None, "publisher": "SYNTHETIC", "url": "synthetic:", "published": dt.date(2024, 3, 5),
            "published_precision": "day", "published_certainty": "exact", "published_earliest": None,
            "published_latest": None, "language": "en", "license": "unknown"}
    return Article("synthetic-baseline", meta, text, None, None, (), None)


def test_baseline_one_event_per_trigger_sentence_and_one_claim_per_cue_sentence():
    text = ("Synthetic: gunmen attacked a well near Gao and killed two herders. "
            "The mayor said the road was open. The market was quiet.")
    rows = baseline_rows(_synthetic(text))
    assert [(e["event_type"], text[e["evidence_start"] : e["evidence_end"]]) for e in rows["events"]] == [
        ("Battles", "Synthetic: gunmen attacked a well near Gao and killed two herders.")]
    assert rows["events"][0]["date_start"] == dt.date(2024, 3, 5)
    assert [text[c["content_start"] : c["content_end"]] for c in rows["claims"]] == ["The mayor said the road was open."]
    assert rows["claims"][0]["claimant_text"] is None


def test_baseline_cli_scores_the_seed(repo):
    result = CliRunner().invoke(baseline_main, ["--root", str(repo)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].split() == ["P", "R", "F1", "auto", "gold", "match"]
    assert any(line.startswith("events ") for line in result.output.splitlines())


# --- event ceilings (scripts/event_ceilings.py) -------------------------------------------


def test_ceilings_on_the_seed(repo):
    from event_ceilings import ceilings
    from sahel_events.extract.text import sentences
    from sahel_events.ingest import read_article, source_files

    result = ceilings([repo])
    oracle, every = result["oracle_sentences"], result["every_sentence"]
    assert oracle["precision"] == 1.0 and 0 < oracle["recall"] <= 1.0
    # every sentence finds what the oracle finds, and predicts one event per sentence of the text
    assert every["tp"] == oracle["tp"]
    n_sentences = sum(len(sentences(read_article(p).text)) for p in source_files(repo / "data" / "sources"))
    assert every["predicted"] == n_sentences > oracle["predicted"]
    assert result["oracle_clauses"]["f1"] >= oracle["f1"]
    # the extractor scores F1 1.0 on the seed's events (the gate), so it flags every coded sentence
    assert result["sentence_detection"]["extractor"]["recall"] == 1.0


def test_ceilings_cli_bootstrap_is_seeded_and_brackets_the_figure(repo, tmp_path):
    from event_ceilings import main as ceilings_main

    outs = [tmp_path / "a.json", tmp_path / "b.json"]
    for out in outs:
        result = CliRunner().invoke(ceilings_main, [str(repo), "--draws", "50", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert "oracle_sentences" in result.output and "95%" in result.output
    assert outs[0].read_bytes() == outs[1].read_bytes()
    for s in json.loads(outs[0].read_text())["bootstrap"]["scores"].values():
        assert s["low"] <= s["f1"] <= s["high"]


def test_ceilings_cli_names_a_folder_that_is_not_a_project(tmp_path):
    from event_ceilings import main as ceilings_main

    result = CliRunner().invoke(ceilings_main, [str(tmp_path)])
    assert result.exit_code != 0
    assert "data/sources" in result.output
