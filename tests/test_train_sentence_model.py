"""scripts/train_sentence_model.py: same codings, same bytes; a model the extractor can read; clear errors."""

import json
import shutil

import pytest
from click.testing import CliRunner

import _scripts  # noqa: F401  (puts scripts/ on sys.path)
from sahel_events.extract.sentence_model import features, probability
from sahel_events.typology import sub_type_fits
from train_sentence_model import labelled_sentences, main, train_types


def test_training_on_the_seed_is_deterministic_and_usable(repo, tmp_path):
    outs = []
    for name in ("a.json", "b.json"):
        out = tmp_path / name
        result = CliRunner().invoke(main, [str(repo), "--out", str(out), "--min-articles", "1", "--c", "1"])
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    model = json.loads(outs[0])
    assert model["trained_on"]["articles"] == 1 and model["trained_on"]["positive_sentences"] > 0
    assert model["threshold"] == 0.5 and model["weights"]
    kinds = model["types"]["classes"]
    assert len(kinds) >= 2 and all(sub_type_fits(*k.split("|")) for k in kinds)
    assert any(c["weights"] for c in kinds.values())
    text = "Synthetic: troops arrived in Gao."
    assert 0.0 < probability(model, features(text, (0, len(text)), True)) < 1.0


def test_training_reads_the_seeds_dates_as_the_extractor_does(repo):
    [rows] = labelled_sentences([repo])
    dated = [feats for feats, label, _ in rows if "t=none" not in feats]
    assert dated and all(any(f.startswith("t=") for f in feats) for feats, *_ in rows)
    # the seed's events are recent news: some dated sentence is days from publication
    assert any("ty=days" in feats for feats in dated)


def test_a_model_with_no_weight_is_an_error_not_a_file(repo, tmp_path):
    out = tmp_path / "m.json"
    result = CliRunner().invoke(main, [str(repo), "--out", str(out), "--min-articles", "1", "--c", "0.001"])
    assert result.exit_code != 0 and not out.exists()
    assert "every weight is zero at C=0.001" in result.output and "raise --c or add codings" in result.output


def test_a_feature_must_be_seen_in_enough_articles(repo, tmp_path):
    result = CliRunner().invoke(main, [str(repo), "--out", str(tmp_path / "m.json"), "--min-articles", "2"])
    assert result.exit_code != 0  # one article: no feature is in two
    assert "no feature occurs in 2 articles of 1: lower --min-articles" in result.output


def test_a_root_without_codings_or_reference_is_an_error(repo, tmp_path):
    (tmp_path / "data" / "sources").mkdir(parents=True)
    result = CliRunner().invoke(main, [str(tmp_path), "--out", str(tmp_path / "m.json")])
    assert result.exit_code != 0
    assert "actors.yaml not found: each ROOT needs data/sources, data/annotations and data/reference" in result.output
    shutil.copytree(repo / "data" / "reference", tmp_path / "data" / "reference")
    result = CliRunner().invoke(main, [str(tmp_path), "--out", str(tmp_path / "m.json")])
    assert result.exit_code != 0
    assert "no curated event to learn from" in result.output
    assert not (tmp_path / "m.json").exists()


def test_a_type_model_needs_two_types():
    rows = [[({"u=ambush"}, 1, "Battles|Armed clash"), ({"u=talks"}, 0, None)]]
    with pytest.raises(ValueError, match="fewer than two event types"):
        train_types(rows, 1, 1.0)
