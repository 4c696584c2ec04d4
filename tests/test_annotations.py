"""Curated annotations: quotes become offsets; every coding mistake is a clear error."""

import textwrap

import pytest

from sahel_events.annotations import curated_rows, find_quote
from sahel_events.yamlio import InputError

SEED_ANN = "voa-2023-10-mali-russia-troops-relocate.yaml"


def rows_for(tmp_path, article, reference, yaml_text):
    path = tmp_path / f"{article.article_id}.yaml"
    path.write_text(textwrap.dedent(yaml_text), encoding="utf-8")
    return curated_rows(article, reference, path)


EVENT = """
events:
  - key: arrival
    evidence: our troops arrived in Tessalit on Thursday
    type: Strategic developments
    sub_type: Non-violent transfer of territory
    status: occurred
    date: {text: on Thursday, start: 2023-10-12, end: 2023-10-12, precision: day, rule: weekday}
    place: tessalit
    geo_precision: 1
    actors: {actor1: [malian-armed-forces]}
"""


def test_seed_annotation_offsets_hold(repo, seed_article, reference):
    rows = curated_rows(seed_article, reference, repo / "data" / "annotations" / SEED_ANN)
    text = seed_article.text
    for e in rows["events"]:
        assert text[e["evidence_start"]:e["evidence_end"]] == e["evidence_text"]
    for m in rows["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for c in rows["claims"]:
        assert text[c["content_start"]:c["content_end"]] == c["content_text"]
        assert text[c["cue_start"]:c["cue_end"]] == c["cue"]


def test_seed_dates_resolved(repo, seed_article, reference):
    rows = curated_rows(seed_article, reference, repo / "data" / "annotations" / SEED_ANN)
    by_text = {e["date_text"]: e for e in rows["events"] if e["date_text"]}
    assert str(by_text["on Thursday"]["date_start"]) == "2023-10-12"
    assert str(by_text["On Friday"]["date_start"]) == "2023-10-13"
    assert (str(by_text["in August"]["date_start"]), str(by_text["in August"]["date_end"])) == ("2023-08-01", "2023-08-31")
    assert by_text["in August"]["date_precision"] == "month"


def test_event_row(tmp_path, seed_article, reference):
    rows = rows_for(tmp_path, seed_article, reference, EVENT)
    (event,) = rows["events"]
    assert event["evidence_text"] == "our troops arrived in Tessalit on Thursday"
    assert event["event_id"].startswith("ev-")
    assert rows["event_actors"] == [{"event_id": event["event_id"], "actor_id": "malian-armed-forces", "role": "actor1"}]


def test_ids_stable_and_keyed(tmp_path, seed_article, reference):
    a = rows_for(tmp_path, seed_article, reference, EVENT)["events"][0]["event_id"]
    b = rows_for(tmp_path, seed_article, reference, EVENT)["events"][0]["event_id"]
    c = rows_for(tmp_path, seed_article, reference, EVENT.replace("key: arrival", "key: other"))["events"][0]["event_id"]
    assert a == b != c


def test_quote_not_in_text(tmp_path, seed_article, reference):
    with pytest.raises(InputError) as err:
        rows_for(tmp_path, seed_article, reference, EVENT.replace("our troops arrived", "our soldiers arrived"))
    msg = str(err.value)
    assert f"{seed_article.article_id}.yaml:4" in msg
    assert "not in the text" in msg


def test_quote_from_caption_explained(tmp_path, seed_article, reference):
    yaml_text = "mentions:\n  - {quote: A French soldier joins MINUSMA troops, actor: minusma}\n"
    with pytest.raises(InputError, match="photo caption"):
        rows_for(tmp_path, seed_article, reference, yaml_text)


def test_ambiguous_quote(tmp_path, seed_article, reference):
    yaml_text = "mentions:\n  - {quote: JNIM, actor: jnim}\n"
    with pytest.raises(InputError) as err:
        rows_for(tmp_path, seed_article, reference, yaml_text)
    assert ".yaml:2" in str(err.value)
    assert "occurs 2 times" in str(err.value)
    assert "occurrence" in str(err.value)


def test_occurrence_picks_one(tmp_path, seed_article, reference):
    rows = rows_for(tmp_path, seed_article, reference, "mentions:\n  - {quote: JNIM, actor: jnim, occurrence: 2}\n")
    (m,) = rows["mentions"]
    assert m["start"] == seed_article.text.rindex("JNIM")


def test_unknown_actor(tmp_path, seed_article, reference):
    with pytest.raises(InputError) as err:
        rows_for(tmp_path, seed_article, reference, EVENT.replace("[malian-armed-forces]", "[malian-armed-force]"))
    assert "unknown actor id 'malian-armed-force'" in str(err.value)
    assert "did you mean `malian-armed-forces`" in str(err.value)
    assert ".yaml:11" in str(err.value)


def test_bad_enum(tmp_path, seed_article, reference):
    with pytest.raises(InputError) as err:
        rows_for(tmp_path, seed_article, reference, EVENT.replace("status: occurred", "status: happened"))
    assert "`status` 'happened' is not one of: occurred, ongoing" in str(err.value)
    assert ".yaml:7" in str(err.value)


def test_sub_type_must_fit_type(tmp_path, seed_article, reference):
    with pytest.raises(InputError, match="does not belong to type 'Battles'"):
        rows_for(tmp_path, seed_article, reference, EVENT.replace("type: Strategic developments", "type: Battles"))


def test_overlapping_mentions(tmp_path, seed_article, reference):
    yaml_text = "mentions:\n  - {quote: Wagner Group, actor: wagner-group, occurrence: 1}\n  - {quote: Wagner, actor: wagner-group, occurrence: 1}\n"
    with pytest.raises(InputError, match="overlaps"):
        rows_for(tmp_path, seed_article, reference, yaml_text)


def test_misspelt_field(tmp_path, seed_article, reference):
    with pytest.raises(InputError, match="did you mean `evidence`"):
        rows_for(tmp_path, seed_article, reference, EVENT.replace("evidence:", "evidense:"))


def test_claim_event_must_exist(tmp_path, seed_article, reference):
    yaml_text = EVENT + """
claims:
  - key: c
    claimant: a Malian military official
    cue: said
    content: our troops arrived in Tessalit on Thursday.
    modality: reported
    event: no-such-event
"""
    with pytest.raises(InputError, match="not an event key"):
        rows_for(tmp_path, seed_article, reference, yaml_text)


def test_find_quote_respects_word_boundaries():
    assert find_quote("Mali and Malians in Mali.", "Mali") == [0, 20]


def test_duplicate_event_key(tmp_path, seed_article, reference):
    twice = EVENT + EVENT.replace("events:\n", "").replace("our troops arrived in Tessalit on Thursday", "Malian military and Wagner forces are meant to replace them")
    with pytest.raises(InputError, match="event key 'arrival' is used twice"):
        rows_for(tmp_path, seed_article, reference, twice)
