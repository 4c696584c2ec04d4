"""Attribution: claimant, cue, content, modality. Sentences are SYNTHETIC, written for the test."""

import datetime as dt

import pytest

from sahel_events.extract import extract
from sahel_events.ingest import Article


def claims(text, reference):
    meta = {
        "title": None, "publisher": "SYNTHETIC", "url": "synthetic:", "published": dt.date(2023, 10, 13),
        "published_precision": "day", "published_certainty": "exact", "published_earliest": None,
        "published_latest": None, "language": "en", "license": "unknown",
    }
    result = extract(Article("synthetic-claims", meta, text, None, None, (), None), reference)
    for c in result.claims:
        assert text[c["content_start"] : c["content_end"]] == c["content_text"]
        assert text[c["cue_start"] : c["cue_end"]] == c["cue"]
    return [(c["claimant_text"], c["claimant_actor_id"], c["cue"], c["content_text"], c["direct_quote"], c["modality"]) for c in result.claims], result


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Synthetic: on Monday, local officials reported that the convoy had reached Gao.",
            ("local officials", None, "reported", "the convoy had reached Gao", False, "reported"),
        ),
        (
            "Synthetic: a Malian military official said that \"our soldiers are in Gao.\"",
            ("a Malian military official", "malian-armed-forces", "said", "our soldiers are in Gao.", True, "reported"),
        ),
        (
            "\"We will not leave Gao,\" the spokesman said.",
            ("the spokesman", None, "said", "We will not leave Gao", True, "reported"),
        ),
        (
            "According to the United Nations, the convoy was stopped near Gao.",
            ("the United Nations", "united-nations", "According to", "the convoy was stopped near Gao", False, "reported"),
        ),
        (
            "Synthetic: the convoy was stopped near Gao, according to local residents.",
            ("local residents", None, "according to", "Synthetic: the convoy was stopped near Gao", False, "reported"),
        ),
        (
            "Synthetic: some analysts believe that JNIM is growing stronger.",
            ("some analysts", None, "believe", "JNIM is growing stronger", False, "hedged"),
        ),
        (
            "It is unclear whether the army can hold Gao.",
            (None, None, "It is unclear whether", "the army can hold Gao", False, "uncertain"),
        ),
        (
            "Synthetic: JNIM denied that its fighters attacked the town.",
            ("JNIM", "jnim", "denied", "its fighters attacked the town", False, "denied"),
        ),
    ],
)
def test_attribution_patterns(reference, text, expected):
    found, _ = claims(text, reference)
    assert found == [expected]


def test_reportedly_is_a_hedge_without_claimant(reference):
    found, _ = claims("The Wagner Group is reportedly training Malian soldiers in Gao.", reference)
    assert found == [(None, None, "reportedly", "The Wagner Group is reportedly training Malian soldiers in Gao", False, "hedged")]


def test_pronoun_claimant_takes_the_previous_subject(reference):
    text = "The United Nations is concerned about Gao. In this respect, it notes that convoys have been blocked since May."
    found, _ = claims(text, reference)
    assert found[-1][:3] == ("it", "united-nations", "notes")


def test_claim_links_to_the_event_it_reports(reference):
    found, result = claims("Synthetic: on Friday, local officials reported that Malian troops had arrived in Tessalit.", reference)
    (claim,) = result.claims
    (event,) = result.events
    assert claim["event_id"] == event["event_id"]
    assert (event["date_start"], event["date_rule"]) == (dt.date(2023, 10, 13), "report_date")


def test_no_claim_without_cue(reference):
    found, _ = claims("Synthetic: the army recaptured the town after heavy fighting and the road reopened.", reference)
    assert found == []


def test_seed_claims(seed_article, reference):
    result = extract(seed_article, reference)
    got = {(c["claimant_text"], c["cue"], c["modality"], c["direct_quote"]) for c in result.claims}
    assert got == {
        ("local officials", "reported", "reported", False),
        (None, "reportedly", "hedged", False),
        ("a Malian military official", "said", "reported", True),
        (None, "It is unclear whether", "uncertain", False),
        ("some experts", "believe", "hedged", False),
        ("a United Nations report", "stated", "reported", False),
    }


def test_sentence_final_attribution(reference):
    found, result = claims("Synthetic: MINUSMA handed over its camp in Gao to the army on 9 October, the mission said in a statement.", reference)
    assert found == [("the mission", "minusma", "said", "Synthetic: MINUSMA handed over its camp in Gao to the army on 9 October", False, "reported")]
    assert result.claims[0]["event_id"] == result.events[0]["event_id"]


def test_told_needs_that_or_a_quote(reference):
    found, _ = claims("\"We will stay in Gao,\" a JNIM commander told reporters on Tuesday.", reference)
    assert found == [("a JNIM commander", "jnim", "told", "We will stay in Gao", True, "reported")]
    assert claims("Synthetic: the minister told reporters in Gao about the plan.", reference)[0] == []


def test_denied_report_is_a_denied_claim_and_no_event(reference):
    found, result = claims("Synthetic: the Malian government denied reports that Russian mercenaries had been deployed to Gao.", reference)
    assert found == [("the Malian government", "malian-military-junta", "denied", "Russian mercenaries had been deployed to Gao", False, "denied")]
    assert result.events == []


def test_told_someone_that(reference):
    found, _ = claims("Synthetic: a local official told Reuters that the convoy had reached Gao.", reference)
    assert found == [("a local official", None, "told", "the convoy had reached Gao", False, "reported")]


# The last-resort reading of a plain reporting verb in a sentence no pattern parsed.
def test_loose_told_agency_then_comma(reference):
    found, _ = claims("Synthetic: Herders near Ansongo told AFP, three wells had been poisoned.", reference)
    assert found == [("Herders near Ansongo", None, "told", "three wells had been poisoned", False, "reported")]


def test_loose_warned_with_an_object(reference):
    found, _ = claims("Synthetic: The leaflets warned drivers from the south not to cross the river.", reference)
    assert found == [("The leaflets", None, "warned", "drivers from the south not to cross the river", False, "reported")]


def test_loose_wrote_a_quotation(reference):
    found, _ = claims('Synthetic: In the letter, she wrote, "The well is dry and the school is shut."', reference)
    assert found == [("she", None, "wrote", "The well is dry and the school is shut.", True, "reported")]


def test_loose_subject_actor_behind_an_adverbial(reference):
    found, _ = claims("Synthetic: The Malian army, once again, said it had suspended all convoys to the north.", reference)
    assert found == [("Malian army", "malian-armed-forces", "said", "it had suspended all convoys to the north", False, "reported")]


@pytest.mark.parametrize("text", [
    "Synthetic: Troops went back to the said town of Gao on Monday.",
    "Synthetic: The figures were confirmed to the agency by two officials in Gao.",
    "Synthetic: The council declared a week of mourning across the region.",
])
def test_loose_leaves_non_speech_alone(reference, text):
    assert claims(text, reference)[0] == []


@pytest.mark.parametrize("text, claimant", [
    ("Synthetic: The talks stalled in Gao, where the army says the rebels broke the truce.", "the army"),
    ("Desert Herald - Malian authorities say the convoy reached Kidal.", "Malian authorities"),
    ("Synthetic: The captain went on to say that the base would be rebuilt.", "The captain"),
    ("Synthetic: The army, which the mayor says lost ten men, left Gao.", "the mayor"),
])
def test_claimant_without_a_leading_subordinator_site_name_or_trailing_verb(reference, text, claimant):
    found, _ = claims(text, reference)
    assert [c[0] for c in found] == [claimant]


def test_a_role_word_speaks_for_the_country_the_story_is_about(reference):
    text = ("Synthetic: France once kept troops in the region. In Gao, in northern Mali, a military regime "
            "spokesman said the road to Kidal was open again.")
    found, _ = claims(text, reference)
    assert [(c[0], c[1]) for c in found] == [("a military regime spokesman", "malian-military-junta")]


def test_a_name_first_seen_as_a_subject_does_not_take_the_actor_after_its_verb(reference):
    text = ("Synthetic: The Sahel Rights Desk accused Malian soldiers of abuses near Gao. "
            "The Sahel Rights Desk said on Monday that two villages were burned.")
    found, _ = claims(text, reference)
    assert ("The Sahel Rights Desk", None, "said") in [(c[0], c[1], c[2]) for c in found]


def test_coordinated_sources_make_one_claimant(reference):
    found, _ = claims("Synthetic: Niamey and the regional bloc have accused the rebels of blocking the road to Gao.", reference)
    assert [c[0] for c in found] == ["Niamey and the regional bloc"]
    found, _ = claims("Synthetic: Troops left Gao and the mayor said the market reopened.", reference)
    assert [c[0] for c in found] == ["the mayor"]  # a clause before "and" is not a source
