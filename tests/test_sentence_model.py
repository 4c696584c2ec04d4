"""The sentence model: its features, the shipped weights, and the events it adds where the rules found none."""

import datetime as dt
import math

import pytest

import sahel_events.extract.sentence_events as sentence_events
from sahel_events.extract import extract
from sahel_events.extract.lexicon import TRIGGERS
from sahel_events.extract.sentence_model import event_type, features, load_model, probability
from sahel_events.typology import sub_type_fits
from sahel_events.extract.text import clauses, sentences
from sahel_events.extract.timex import find_timexes
from sahel_events.ingest import Article

FEATURE_KINDS = {"u", "b", "k", "x", "t", "ty"}  # words, word pairs, trigger kinds, actor, date rules, date distance


def run(text, reference):
    meta = {"title": None, "publisher": "SYNTHETIC", "url": "synthetic:", "published": dt.date(2024, 6, 12),
            "published_precision": "day", "published_certainty": "exact", "published_earliest": None,
            "published_latest": None, "language": "en", "license": "unknown"}
    return extract(Article("synthetic-sentence-model", meta, text, None, None, (), None), reference)


def test_features_words_pairs_trigger_kinds_and_actor_flag():
    text = "Synthetic: gunmen attacked a well near Gao."
    f = features(text, (0, len(text)), names_actor=False)
    assert {"u=gunmen", "b=gunmen attacked", "k=attack"} <= f
    assert "x=actor" not in f
    assert "x=actor" in features(text, (0, len(text)), names_actor=True)
    assert features(text, (11, 17), names_actor=False) == {"u=gunmen", "t=none"}  # only the span's words


def _date_features(text, published=dt.date(2024, 6, 12)):
    spans = sentences(text)
    timexes = find_timexes(text, published, spans, [clauses(text, s) for s in spans])
    return {f for f in features(text, (0, len(text)), False, timexes, published) if f.startswith(("t=", "ty="))}


def test_date_features_name_the_rule_and_the_distance_from_publication():
    assert _date_features("Synthetic: troops left Gao on Monday.") == {"t=weekday", "ty=days"}
    assert _date_features("Synthetic: fighting erupted last month.") == {"t=month", "ty=weeks"}
    assert _date_features("Synthetic: the rebellion began in 2012.") == {"t=year", "ty=old"}
    assert _date_features("Synthetic: the vote will be held in July.") == {"t=month", "ty=future"}
    assert _date_features("Synthetic: the talks lasted three days.") == {"t=dur", "t=none"}
    assert _date_features("Synthetic: troops left Gao.") == {"t=none"}
    # without a publication date the rules are named but no distance is measured
    assert _date_features("Synthetic: the rebellion began in 2012.", published=None) == {"t=year"}


def test_date_features_count_only_the_spans_own_time_expressions():
    text = "Synthetic: troops left Gao on Monday. The rebellion began in 2012."
    spans = sentences(text)
    timexes = find_timexes(text, dt.date(2024, 6, 12), spans, [clauses(text, s) for s in spans])
    second = {f for f in features(text, spans[1], False, timexes, dt.date(2024, 6, 12)) if f.startswith(("t=", "ty="))}
    assert second == {"t=year", "ty=old"}


def test_shipped_model_is_well_formed():
    model = load_model()
    assert 0 < model["threshold"] <= 1
    assert model["weights"] and all(k.partition("=")[0] in FEATURE_KINDS for k in model["weights"])
    kinds = {t.kind for t in TRIGGERS}
    assert all(k[2:] in kinds for k in model["weights"] if k.startswith("k="))
    assert probability(model, set()) == pytest.approx(1 / (1 + math.exp(-model["intercept"])))


def test_shipped_type_model_names_acled_types_only():
    classes = load_model()["types"]["classes"]
    assert len(classes) >= 2
    assert all(sub_type_fits(*kind.split("|")) for kind in classes)
    assert all(k.partition("=")[0] in FEATURE_KINDS for c in classes.values() for k in c["weights"])


def test_the_type_with_the_highest_score_wins():
    model = {"types": {"classes": {"Battles|Armed clash": {"intercept": -1.0, "weights": {"u=fighting": 3.0}},
                                   "Strategic developments|Other": {"intercept": 0.0, "weights": {}}}}}
    assert event_type(model, {"u=fighting"}) == ("Battles", "Armed clash")
    assert event_type(model, {"u=talks"}) == ("Strategic developments", "Other")
    assert event_type({"weights": {}}, {"u=fighting"}) is None  # a model without types


@pytest.fixture
def convoy_model(monkeypatch):
    """A hand-made model: a sentence about a convoy is flagged, any other is not."""
    model = {"threshold": 0.5, "intercept": -5.0, "weights": {"u=convoy": 10.0}}
    monkeypatch.setattr(sentence_events, "load_model", lambda: model)
    return model


def test_flagged_sentence_with_an_actor_becomes_an_event(reference, convoy_model):
    text = "Synthetic: on 3 May 2024 the convoy of the Malian army stood idle outside Gao."
    r = run(text, reference)
    (e,) = r.events
    assert (e["event_type"], e["sub_event_type"], e["event_status"]) == ("Strategic developments", "Other", "occurred")
    assert (e["evidence_start"], e["evidence_end"]) == (0, len(text))
    assert (e["date_start"], e["date_end"], e["place_id"]) == (dt.date(2024, 5, 3), dt.date(2024, 5, 3), "gao")
    assert [(p["role"], p["actor_id"]) for p in r.event_actors] == [("actor1", "malian-armed-forces")]


def test_a_type_model_types_the_flagged_event(reference, convoy_model, monkeypatch):
    types = {"classes": {"Protests|Peaceful protest": {"intercept": -2.0, "weights": {"u=idle": 4.0}},
                         "Strategic developments|Other": {"intercept": 0.0, "weights": {}}}}
    monkeypatch.setattr(sentence_events, "load_model", lambda: {**convoy_model, "types": types})
    (e,) = run("Synthetic: on 3 May 2024 the convoy of the Malian army stood idle outside Gao.", reference).events
    assert (e["event_type"], e["sub_event_type"]) == ("Protests", "Peaceful protest")
    (e,) = run("Synthetic: on 3 May 2024 the convoy of the Malian army waited outside Gao.", reference).events
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Other")


def test_flagged_future_sentence_is_planned(reference, convoy_model):
    (e,) = run("Synthetic: the convoy of the Malian army will stay outside Gao on 30 June 2024.", reference).events
    assert (e["event_status"], e["date_start"]) == ("planned", dt.date(2024, 6, 30))


def test_a_flagged_sentence_without_an_actor_takes_the_last_one_named(reference, convoy_model):
    text = "Synthetic: the Malian army reached Gao on 2 May 2024. On 3 May 2024 the convoy stood idle outside Kidal."
    r = run(text, reference)
    second = text.index("On 3 May")
    (e,) = [e for e in r.events if e["evidence_start"] == second]
    assert (e["sub_event_type"], e["date_start"], e["place_id"]) == ("Other", dt.date(2024, 5, 3), "kidal")
    assert [p["actor_id"] for p in r.event_actors if p["event_id"] == e["event_id"]] == ["malian-armed-forces"]


@pytest.mark.parametrize("text", [
    "Synthetic: the convoy stood idle outside the town on 3 May 2024.",  # no dictionary actor in the article: no event
    "Synthetic: the convoy of the Malian army did not withdraw from Gao on 3 May 2024.",  # negated: ruled out for good
    "Synthetic: the convoy of the Malian army could withdraw from Gao on 3 May 2024.",  # hypothetical: ruled out for good
    "Synthetic: on 3 May 2024 a convoy of the Malian army saw raids on posts in Niger and Chad.",  # violence abroad: ruled out
    "Synthetic: the convoy of the Malian army stood idle outside Gao.",  # no event word and no date: a description
    "Synthetic: it is unclear whether on 3 May 2024 the convoy of the Malian army stood outside Gao.",  # inside an uncertain claim
    "Synthetic: the market of the Malian army stood idle outside Gao on 3 May 2024.",  # not flagged by the model
])
def test_sentences_left_alone(reference, convoy_model, text):
    assert run(text, reference).events == []


def test_a_sentence_whose_event_word_the_rules_turned_down_gets_a_second_opinion(reference, convoy_model, monkeypatch):
    # "leaving" as a bare participle is no rule event; the model may still flag the sentence
    text = "Synthetic: on 3 May 2024 the convoy of the Malian army was seen leaving Gao."
    (e,) = run(text, reference).events
    assert (e["sub_event_type"], e["evidence_start"], e["evidence_end"]) == ("Other", 0, len(text))
    monkeypatch.setattr(sentence_events, "load_model", lambda: {**convoy_model, "threshold": 1.01})
    assert run(text, reference).events == []


def test_no_second_event_where_the_rules_found_one(reference, convoy_model, monkeypatch):
    text = "Synthetic: the convoy of the Malian army withdrew from Gao on Tuesday."
    with_model = run(text, reference).events
    monkeypatch.setattr(sentence_events, "load_model", lambda: {**convoy_model, "threshold": 1.01})
    assert len(with_model) == 1 and with_model == run(text, reference).events


def test_a_country_as_subject_acts_through_its_government(reference, monkeypatch):
    model = {"threshold": 0.5, "intercept": -5.0, "weights": {"u=charter": 10.0}}
    monkeypatch.setattr(sentence_events, "load_model", lambda: model)
    r = run("Synthetic: Burkina Faso, Mali and Niger agreed on a charter on trade in Bamako on 3 May 2024.", reference)
    (e,) = r.events
    assert e["place_id"] == "bamako"
    assert [(p["role"], p["actor_id"]) for p in r.event_actors] == [("actor1", "malian-military-junta")]
    # a country that is not the subject does not act
    assert run("Synthetic: a charter on trade was discussed by officials in Mali and Niger on 3 May 2024.", reference).events == []


def test_a_run_on_capture_is_not_evidence(reference, convoy_model):
    text = "Synthetic: on 3 May 2024 the convoy of the Malian army stood idle outside Gao " + "and waited " * 40 + "for orders."
    assert run(text, reference).events == []


def test_a_headline_repeated_as_the_lead_is_one_event(reference, convoy_model):
    line = "Synthetic: the convoy of the Malian army stood idle outside Gao on 3 May 2024."
    r = run(line + "\n\n" + line + " Officials in Gao gave no reason for the convoy's stop.", reference)
    assert len(r.events) == 1 and r.events[0]["evidence_end"] <= len(line)
