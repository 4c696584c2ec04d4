"""General rules added after an error analysis on held-out texts. Every sentence here
is SYNTHETIC, written for the test; none is quoted or paraphrased from a source."""

import datetime as dt

from sahel_events.extract import extract
from sahel_events.ingest import Article

DCT = dt.date(2023, 10, 13)  # a Friday


def run(text, reference, published=DCT):
    meta = {
        "title": None, "publisher": "SYNTHETIC", "url": "synthetic:", "published": published,
        "published_precision": "day", "published_certainty": "exact", "published_earliest": None,
        "published_latest": None, "language": "en", "license": "unknown",
    }
    result = extract(Article("synthetic-general", meta, text, None, None, (), None), reference)
    for e in result.events:
        assert text[e["evidence_start"] : e["evidence_end"]] == e["evidence_text"]
    for c in result.claims:
        assert text[c["content_start"] : c["content_end"]] == c["content_text"]
        assert text[c["cue_start"] : c["cue_end"]] == c["cue"]
    return result


def actors_of(result, event):
    return {(p["role"], p["actor_id"]) for p in result.event_actors if p["event_id"] == event["event_id"]}


# --- event types ---------------------------------------------------------------------


def test_withdrawal_without_a_new_holder_is_a_change_of_activity(reference):
    r = run("Synthetic: French forces withdrew from Gao on 3 March 2022.", reference)
    [e] = r.events
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Change to group/activity")


def test_withdrawal_with_a_named_new_holder_is_a_transfer_of_territory(reference):
    r = run("Synthetic: French forces withdrew from Gao on 3 March 2022, handing their camp over to Malian troops.", reference)
    e = r.events[0]
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Non-violent transfer of territory")


def test_restated_decision_is_one_event(reference):
    r = run(
        "Synthetic: The Security Council decided today to extend the sanctions regime. "
        "The Council also decided that the panel of experts shall report every month.",
        reference,
    )
    assert len(r.events) == 1
    assert r.events[0]["date_rule"] == "present"


# --- mentions --------------------------------------------------------------------------


def test_anaphoric_description_also_matches_in_lower_case(reference):
    text = "Synthetic: the mission opened a clinic. MINUSMA built a well. Later the mission closed the clinic."
    r = run(text, reference)
    hits = [(m["text"], m["actor_id"]) for m in r.mentions if m["text"].lower() == "the mission"]
    assert hits == [("the mission", "minusma")]  # the first one comes before the actor is named
