"""General rules added after an error analysis on held-out texts. Every sentence here
is SYNTHETIC, written for the test; none is quoted or paraphrased from a source."""

import datetime as dt

from sahel_events.extract import extract, sentence_events
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
        "Synthetic: Mali's junta decided on Monday to close the border. "
        "The junta also decided that schools shall stay shut.",
        reference,
    )
    assert len(r.events) == 1
    assert r.events[0]["date_rule"] == "weekday"


# --- mentions --------------------------------------------------------------------------


def test_anaphoric_description_also_matches_in_lower_case(reference):
    text = "Synthetic: the mission opened a clinic. MINUSMA built a well. Later the mission closed the clinic."
    r = run(text, reference)
    hits = [(m["text"], m["actor_id"]) for m in r.mentions if m["text"].lower() == "the mission"]
    assert hits == [("the mission", "minusma")]  # the first one comes before the actor is named


# --- claims ----------------------------------------------------------------------------


def claim_rows(result):
    return [(c["claimant_text"], c["claimant_actor_id"], c["cue"], c["content_text"], c["modality"]) for c in result.claims]


def test_stance_with_a_copula_is_a_claim_of_its_subject(reference):
    r = run("Synthetic: The United Nations is deeply concerned about attacks on schools in the Mopti region.", reference)
    assert claim_rows(r) == [
        ("The United Nations", "united-nations", "is deeply concerned about", "attacks on schools in the Mopti region", "reported")
    ]


def test_stance_verbs_with_a_noun_phrase_complement(reference):
    r = run(
        "Synthetic: The Security Council reaffirms its commitment to the peace agreement. "
        "MINUSMA condemned the abduction of three aid workers near Gao.",
        reference,
    )
    assert [(c[0], c[1], c[2]) for c in claim_rows(r)] == [
        ("The Security Council", "un-security-council", "reaffirms"),
        ("MINUSMA", "minusma", "condemned"),
    ]
    assert r.claims[1]["content_text"] == "the abduction of three aid workers near Gao"


def test_pronoun_stance_claimant_takes_the_previous_subject(reference):
    r = run("Synthetic: The United Nations met donors in Dakar. It also recalls the ceasefire signed last year.", reference)
    assert claim_rows(r)[-1][:3] == ("It", "united-nations", "recalls")


def test_manner_phrase_belongs_to_the_cue(reference):
    r = run("Synthetic: The United Nations noted with concern that aid deliveries to Menaka had stopped.", reference)
    assert claim_rows(r)[0][2] == "noted with concern"


def test_infinitival_stance_takes_the_clause_subject(reference):
    r = run("Synthetic: Several ministers gathered in Niamey to express support for a new road project.", reference)
    assert claim_rows(r) == [("Several ministers", None, "express support for", "a new road project", "reported")]


def test_as_previously_reported(reference):
    r = run("As previously reported, two wells were dug near the market.", reference)
    assert claim_rows(r) == [(None, None, "As previously reported", "two wells were dug near the market", "reported")]
    r = run("As MINUSMA reported, two wells were dug near the market.", reference)
    assert claim_rows(r) == [("MINUSMA", "minusma", "As MINUSMA reported", "two wells were dug near the market", "reported")]


def test_as_clause_without_a_reporting_verb_is_no_claim(reference):
    r = run("As the rains began, two wells were dug near the market.", reference)
    assert r.claims == []


def test_two_that_clauses_are_two_claims(reference):
    r = run("Synthetic: Local officials said that the market had reopened, and that the school will open in May.", reference)
    assert [c[3] for c in claim_rows(r)] == ["the market had reopened", "the school will open in May"]
    assert {c[2] for c in claim_rows(r)} == {"said"}


def test_dateline_is_not_part_of_the_claimant(reference):
    r = run("Bamako – The United Nations is alarmed by the closure of schools in the north.", reference)
    assert claim_rows(r)[0][:2] == ("The United Nations", "united-nations")


# --- events: plans, deadlines, movements, restrictions ------------------------------


def dated(e):
    return (e["event_status"], e["date_start"], e["date_end"], e["date_precision"], e["date_rule"], e["date_text"])


def test_deadline_dates_a_plan_from_the_publication_date(reference):
    r = run("Synthetic: French forces will leave Gao by 31 December 2023.", reference)
    [e] = r.events
    assert dated(e) == ("planned", DCT, dt.date(2023, 12, 31), "range", "explicit", "by 31 December 2023")


def test_deadline_phrase_and_commitment_governor(reference):
    r = run("Synthetic: MINUSMA pledged to complete its withdrawal within the deadline of 30 November 2023.", reference)
    [e] = r.events
    assert dated(e)[:4] == ("planned", DCT, dt.date(2023, 11, 30), "range")
    assert e["sub_event_type"] == "Change to group/activity"


def test_withdrawal_of_x_makes_x_the_actor(reference):
    r = run("Synthetic: The ministry is determined to finish the withdrawal of French forces by 15 March 2024.", reference)
    [e] = r.events
    assert actors_of(r, e) == {("actor1", "french-armed-forces")}


def test_participle_with_a_deadline_is_a_planned_step(reference):
    r = run("Synthetic: The ministry approved a new calendar for Barkhane on Monday, withdrawing its staff by 15 December 2023.", reference)
    [e] = r.events
    assert dated(e)[:3] == ("planned", DCT, dt.date(2023, 12, 15))
    assert actors_of(r, e) == {("actor1", "french-armed-forces")}


def test_participle_without_a_deadline_is_still_no_event(reference, monkeypatch):
    # The rule is pinned here, with the sentence model silenced: the model may give a second
    # opinion on a sentence the rules turned down, and that opinion is measured on held-out
    # codings (docs/decisions.md, seventh pass), not pinned sentence by sentence.
    model = sentence_events.load_model()
    monkeypatch.setattr(sentence_events, "load_model", lambda: {**model, "threshold": 1.01})
    r = run("Synthetic: The Security Council met on Monday, withdrawing its earlier draft.", reference)
    assert r.events == []


def test_moving_participle_after_a_mover_is_ongoing(reference):
    r = run("Synthetic: A column of Malian soldiers heading to Kidal crossed the river.", reference)
    [e] = r.events
    assert (e["sub_event_type"], e["event_status"], e["place_id"], e["date_rule"]) == ("Other", "ongoing", "kidal", "present")
    assert actors_of(r, e) == {("actor1", "malian-armed-forces")}


def test_passive_discontinuation_of_an_activity(reference):
    r = run("Synthetic: The French army's support to the air force will be suspended from March.", reference)
    [e] = r.events
    assert (e["sub_event_type"], e["event_status"], e["date_start"], e["date_precision"]) == (
        "Change to group/activity", "planned", dt.date(2024, 3, 1), "month")
    assert actors_of(r, e) == {("actor1", "french-armed-forces")}


def test_passive_suspension_of_people_is_no_activity_change(reference):
    r = run("Synthetic: Two officers of the Malian army were suspended on Monday.", reference)
    assert [e for e in r.events if e["sub_event_type"] == "Change to group/activity"] == []


def test_movement_restriction_with_a_fronted_since(reference):
    r = run("Synthetic: Barkhane said that, since 2 October, its supply boats have been prevented from leaving Timbuktu.", reference)
    [e] = r.events
    assert (e["event_type"], e["sub_event_type"], e["event_status"]) == ("Strategic developments", "Other", "ongoing")
    assert (e["date_start"], e["date_end"], e["date_rule"]) == (dt.date(2023, 10, 2), DCT, "since")
    assert actors_of(r, e) == {("actor2", "french-armed-forces")}


def test_scheduled_phase_takes_its_owner_from_the_previous_sentence(reference):
    r = run(
        "Synthetic: The ministers discussed Barkhane's redeployment and drawdown. "
        "The drawdown will end on 5 February 2024.",
        reference,
    )
    [e] = r.events
    assert dated(e)[:3] == ("planned", dt.date(2024, 2, 5), dt.date(2024, 2, 5))
    assert actors_of(r, e) == {("actor1", "french-armed-forces")}


# --- hedges in the article's own voice ------------------------------------------------


def test_epistemic_modal_is_a_hedged_claim_without_claimant(reference):
    r = run("Synthetic: The closure of the camp could delay food deliveries to Menaka.", reference)
    assert claim_rows(r) == [(None, None, "could", "Synthetic: The closure of the camp could delay food deliveries to Menaka", "hedged")]


def test_modals_that_are_not_hedges(reference):
    for text in (
        "Synthetic: Residents could hear gunfire all night.",
        "Synthetic: The attack could have been prevented.",
        "Synthetic: Officials could not confirm the toll.",
        "Synthetic: The talks will resume in May.",
        "Synthetic: Could the talks resume soon?",
        "Synthetic: The bridge was repaired so that trucks could reach the market.",
    ):
        assert run(text, reference).claims == [], text


def test_raised_likelihood_is_a_hedged_claim(reference):
    r = run("Synthetic: The floods raise the risk of cholera in the camps.", reference)
    assert claim_rows(r) == [(None, None, "raise the risk of", "cholera in the camps", "hedged")]


def test_modal_inside_attributed_content_is_not_a_second_claim(reference):
    r = run("Synthetic: Local officials said that the closure could delay food deliveries.", reference)
    assert [c[2] for c in claim_rows(r)] == ["said"]


def test_group_noun_after_an_anaphoric_head(reference):
    text = "Synthetic: The Security Council met on Monday. Later the Council adopted a text. Council members said that the vote was close."
    r = run(text, reference)
    assert [(m["text"], m["actor_id"]) for m in r.mentions if m["text"] == "Council"] == [("Council", "un-security-council")]
    assert claim_rows(r)[0][:2] == ("Council members", "un-security-council")
    r = run("Synthetic: Council members met in Bamako on Monday.", reference)
    assert [m for m in r.mentions if m["text"] == "Council"] == []


def test_movement_participle_describing_the_victims_is_not_its_own_event(reference):
    r = run("Synthetic: Peacekeepers heading to Menaka were attacked by gunmen on Monday.", reference)
    assert [e["event_type"] for e in r.events] == ["Battles"]


def test_reiterated_that_is_a_reporting_cue(reference):
    r = run("Synthetic: The Malian government reiterated that elections would be held in 2024.", reference)
    assert claim_rows(r) == [("The Malian government", "malian-military-junta", "reiterated", "elections would be held in 2024", "reported")]


# --- wire-report patterns (second pass, before the unseen held-out set was scored) -------
# Every sentence below is SYNTHETIC. "Mali is in Africa." names the country, as a real
# article does somewhere, so that the country-level rules have something to go on.

MALI = "Synthetic: Mali is in Africa. "


def only_event(r):
    assert len(r.events) == 1, [e["evidence_text"] for e in r.events]
    return r.events[0]


def test_a_capitalised_modifier_bounds_the_toll_from_below(reference):
    r = run("Synthetic: At least 20 soldiers were killed when jihadists attacked a post near Menaka on Tuesday.", reference)
    e = only_event(r)
    assert (e["fatalities_min"], e["fatalities_max"]) == (20, None)


def test_a_passive_toll_is_its_subject_not_the_wounded(reference):
    r = run(MALI + "Three soldiers were killed and five others wounded when their vehicle struck an improvised explosive device near Gao.", reference)
    e = only_event(r)
    assert (e["event_type"], e["sub_event_type"]) == ("Explosions/Remote violence", "Remote explosive/landmine/IED")
    assert (e["fatalities_min"], e["fatalities_max"]) == (3, 3)


def test_a_toll_in_a_relative_clause_belongs_to_the_attack(reference):
    r = run("Synthetic: The Secretary-General condemns the attack on a MINUSMA convoy on 5 October, in which two peacekeepers were killed.", reference)
    e = only_event(r)
    assert (e["fatalities_min"], e["fatalities_max"], str(e["date_start"])) == (2, 2, "2023-10-05")
    assert ("actor2", "minusma") in actors_of(r, e)


def test_unidentified_attackers_in_the_articles_country(reference):
    r = run(MALI + "The assailants arrived on motorbikes and opened fire on the crowd, killing at least 10 people.", reference)
    e = only_event(r)
    assert e["place_id"] == "mali" and e["geo_precision"] == 4
    assert actors_of(r, e) == {("actor1", "unidentified-armed-group-mali")}
    assert (e["fatalities_min"], e["fatalities_max"]) == (10, None)


def test_unresolved_state_forces_are_not_an_unidentified_group(reference):
    # "the army" before any Malian place is named cannot be resolved: no event rather than a wrong actor
    r = run("Synthetic: The army regained control of Kidal on 14 November 2023.", reference)
    assert not any(("actor1", "unidentified-armed-group-mali") in actors_of(r, e) for e in r.events)


def test_the_army_in_an_article_about_mali_is_the_malian_army(reference):
    r = run(MALI + "The army launched an offensive to retake Kidal in October.", reference)
    e = only_event(r)
    assert ("actor1", "malian-armed-forces") in actors_of(r, e)
    assert e["place_id"] == "kidal" and str(e["date_start"]) == "2023-10-01"


def test_the_army_in_an_article_naming_no_malian_place_is_not_resolved(reference):
    r = run("Synthetic: The army launched an offensive in the east.", reference)
    assert not [m for m in r.mentions if m["text"] == "army"]
    assert not [m for m in r.mentions if m["actor_id"] == "malian-armed-forces"]


def test_the_attacker_named_by_claimed_by_is_actor1(reference):
    r = run(MALI + "The attack was claimed by JNIM.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor1", "jnim")}


def test_nominal_withdrawal_with_a_verb_is_an_event_of_its_owner(reference):
    r = run(MALI + "The withdrawal of MINUSMA began on 1 July.", reference)
    e = only_event(r)
    assert (e["sub_event_type"], e["event_status"], str(e["date_start"])) == ("Change to group/activity", "occurred", "2023-07-01")
    assert actors_of(r, e) == {("actor1", "minusma")}


def test_a_clause_with_its_own_subject_does_not_borrow_the_sentences(reference):
    r = run(MALI + "Malian troops entered Kidal on Tuesday after the rebels withdrew.", reference)
    e = only_event(r)
    assert e["evidence_text"] == "Malian troops entered Kidal on Tuesday"
    assert str(e["date_start"]) == "2023-10-10"


def test_requests_and_votes_are_decisions(reference):
    r = run("Synthetic: Mali's military government asked the UN to withdraw its peacekeeping mission in June.", reference)
    e = only_event(r)
    assert (e["sub_event_type"], str(e["date_start"]), str(e["date_end"])) == ("Other", "2023-06-01", "2023-06-30")
    assert actors_of(r, e) == {("actor1", "malian-military-junta"), ("actor2", "united-nations")}
    r = run("Synthetic: The UN Security Council voted unanimously on Friday to end the mission's mandate.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor1", "un-security-council")} and str(e["date_start"]) == "2023-10-13"


def test_shelling_and_looting(reference):
    r = run(MALI + "Several people were wounded when a mortar shell hit the camp in Gao on Monday.", reference)
    assert only_event(r)["sub_event_type"] == "Shelling/artillery/missile attack"
    r = run(MALI + "The militants burned the market.", reference)
    assert only_event(r)["sub_event_type"] == "Looting/property destruction"


def test_quote_then_speaker_with_an_anonymity_tail(reference):
    r = run(MALI + '"We lost three vehicles," a Malian officer told Reuters on condition of anonymity.', reference)
    assert claim_rows(r) == [("a Malian officer", "malian-armed-forces", "told", "We lost three vehicles", "reported")]  # a role word of the state


def test_trailing_allegation_is_a_hedged_claim(reference):
    r = run(MALI + "Soldiers executed about 300 people in March 2022, Human Rights Watch alleged.", reference)
    [c] = claim_rows(r)
    assert c[:3] == ("Human Rights Watch", None, "alleged") and c[4] == "hedged"


def test_speaker_with_an_appositive(reference):
    r = run(MALI + "Jane Roe, a spokeswoman for MINUSMA, said the last peacekeepers left Kidal on Tuesday.", reference)
    # the coders' convention: the claimant is the whole noun phrase, appositive included
    assert claim_rows(r) == [("Jane Roe, a spokeswoman for MINUSMA", "minusma", "said", "the last peacekeepers left Kidal on Tuesday", "reported")]


def test_noun_phrase_claims_responsibility_denial_accusation(reference):
    r = run(MALI + "JNIM claimed responsibility for the ambush.", reference)
    assert claim_rows(r) == [("JNIM", "jnim", "claimed responsibility for", "the ambush", "hedged")]
    r = run(MALI + "The Malian government has denied the allegations.", reference)
    assert claim_rows(r) == [("The Malian government", "malian-military-junta", "denied", "the allegations", "denied")]
    r = run(MALI + "The governor confirmed the attack but gave no toll.", reference)
    assert claim_rows(r) == [("The governor", None, "confirmed", "the attack", "reported")]
    r = run(MALI + "The army accused the rebels of violating the ceasefire.", reference)
    assert claim_rows(r) == [("The army", "malian-armed-forces", "accused", "the rebels of violating the ceasefire", "reported")]


def test_a_passive_accusation_does_not_make_the_accused_a_claimant(reference):
    r = run(MALI + "The army has been accused by two charities of mistreating herders.", reference)
    assert not [c for c in r.claims if c["cue"] == "accused"]


def test_protesters_are_actor1_and_their_target_is_no_party(reference):
    r = run(MALI + "Hundreds of people protested against the presence of French troops in Bamako on Friday.", reference)
    e = only_event(r)
    assert e["event_type"] == "Protests" and actors_of(r, e) == {("actor1", "protesters-mali")}


def test_a_span_of_days_is_a_range(reference):
    r = run(MALI + "More than 500 people were killed in Moura between 27 and 31 March 2022.", reference)
    e = only_event(r)
    assert (str(e["date_start"]), str(e["date_end"]), e["date_precision"], e["date_text"]) == (
        "2022-03-27", "2022-03-31", "range", "between 27 and 31 March 2022")


def test_the_source_of_a_report_is_not_a_party_to_a_passive_event(reference):
    r = run(MALI + "According to the UN, more than 500 people were killed in the village.", reference)
    e = only_event(r)
    assert ("actor2", "united-nations") not in actors_of(r, e)
    assert actors_of(r, e) == {("actor1", "unidentified-armed-group-mali")}


def test_the_claimants_own_forces_act(reference):
    r = run(MALI + "The Malian military said on Sunday that its soldiers had killed 20 militants near Gao.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor1", "malian-armed-forces")}
    assert (str(e["date_start"]), e["date_rule"]) == ("2023-10-08", "report_date")  # the report's day dates a fresh event


def test_victims_who_died_are_not_the_attackers(reference):
    r = run(MALI + "At least 49 civilians died in attacks on a boat on Thursday.", reference)
    e = only_event(r)
    assert ("actor1", "civilians-mali") not in actors_of(r, e)
    assert (e["fatalities_min"], e["fatalities_max"]) == (49, None)


def test_a_passive_kidnapping_with_no_agent_is_by_an_unidentified_group(reference):
    r = run(MALI + "Two foreign nationals were kidnapped last week.", reference)
    e = only_event(r)
    assert e["sub_event_type"] == "Abduction/forced disappearance"
    assert actors_of(r, e) == {("actor1", "unidentified-armed-group-mali")}


def test_the_next_sentence_retelling_an_attack_is_the_same_event(reference):
    r = run(MALI + "Suspected jihadists attacked a camp on Sunday, killing at least 15 soldiers. "
            "The assailants stormed the camp at dawn and set fire to several vehicles.", reference)
    e = only_event(r)
    assert (e["fatalities_min"], str(e["date_start"])) == (15, "2023-10-08")


def test_a_new_dated_attack_in_the_next_sentence_is_its_own_event(reference):
    r = run(MALI + "Suspected jihadists attacked a camp on Sunday, killing at least 15 soldiers. "
            "Gunmen attacked a village near Gao on Tuesday.", reference)
    assert len(r.events) == 2


def test_nobody_is_no_claimant(reference):
    r = run(MALI + "No faction has yet claimed responsibility for the raid.", reference)
    assert not r.claims


def test_events_spoken_of_in_general_are_not_events(reference):
    r = run(MALI + "The Secretary-General reiterates that raids against aid convoys could be war crimes.", reference)
    assert not r.events
    assert [c["cue"] for c in r.claims] == ["reiterates"]


def test_saddened_by_is_a_stance(reference):
    r = run(MALI + "The United Nations is deeply saddened by the death of two peacekeepers.", reference)
    assert claim_rows(r) == [("The United Nations", "united-nations", "is deeply saddened by", "the death of two peacekeepers", "reported")]


def test_wounded_in_the_same_report_is_part_of_the_attack(reference):
    r = run(MALI + "MINUSMA left Tessalit on Saturday. Its truck convoy was ambushed on the road, and four peacekeepers were wounded.", reference)
    attacks = [e for e in r.events if e["event_type"] == "Battles"]
    assert len(attacks) == 1
    assert ("actor2", "minusma") in actors_of(r, attacks[0])


def test_a_death_outside_violence_and_time_units_are_no_toll(reference):
    r = run(MALI + "Yevgeny Prigozhin led a mutiny in June 2023. He died in a plane crash two months later.", reference)
    assert all(e["event_type"] != "Violence against civilians" for e in r.events)
    assert all(e["fatalities_min"] is None for e in r.events)


def test_a_state_description_is_resolved_by_a_place_later_in_its_sentence(reference):
    r = run("Synthetic: The junta ordered MINUSMA to leave Mali in June 2023.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor1", "malian-military-junta"), ("actor2", "minusma")}


def test_by_the_end_of_the_year_is_a_deadline(reference):
    r = run(MALI + "MINUSMA is expected to finish its pull-out by the end of the year.", reference)
    e = only_event(r)
    assert (e["event_status"], str(e["date_start"]), str(e["date_end"])) == ("planned", "2023-10-13", "2023-12-31")


def test_an_accusation_after_a_participial_appositive_and_its_allies(reference):
    r = run(MALI + "The northern armed movements, united in a coalition, accused Malian forces and their Wagner partners "
            "of carrying out drone strikes that killed 9 civilians near Kidal on 4 October.", reference)
    [c] = r.claims
    assert (c["claimant_text"], c["cue"]) == ("The northern armed movements, united in a coalition", "accused")
    e = only_event(r)
    assert e["sub_event_type"] == "Air/drone strike" and (e["fatalities_min"], e["fatalities_max"]) == (9, 9)
    assert {("actor1", "malian-armed-forces"), ("assoc_actor_1", "wagner-group")} <= actors_of(r, e)
    assert c["event_id"] == e["event_id"]


def test_a_toll_in_the_next_sentence_belongs_to_the_attack(reference):
    r = run(MALI + "Rebels attacked army positions in Gao on Sunday. The army said 10 soldiers were killed and 13 wounded.", reference)
    e = only_event(r)
    assert (e["fatalities_min"], e["fatalities_max"], str(e["date_start"])) == (10, 10, "2023-10-08")


def test_would_in_reported_speech_is_a_plan(reference):
    r = run(MALI + "Mali's junta announced on Thursday that the country would withdraw from the regional force.", reference)
    e = only_event(r)
    assert e["event_status"] == "planned"
    r = run(MALI + "Officials fear the mission would withdraw from the region.", reference)
    assert not r.events


def test_an_indefinite_attack_in_the_next_sentence_is_a_new_event(reference):
    r = run(MALI + "On 7 September, JNIM fighters attacked a boat, killing dozens of civilians. "
            "The following day, an attack on an army camp left several soldiers dead.", reference)
    assert len(r.events) == 2
    assert ("actor1", "unidentified-armed-group-mali") in actors_of(r, r.events[1])


def test_the_accused_are_the_perpetrators_of_the_alleged_killing(reference):
    r = run(MALI + 'The United Nations has accused Malian troops and "foreign military personnel" of executing '
            "at least 500 people in March 2022. The government rejected the report.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor1", "malian-armed-forces")}
    assert (e["fatalities_min"], str(e["date_start"])) == (500, "2022-03-01")
    assert [(c["cue"], c["modality"]) for c in r.claims] == [("accused", "reported"), ("rejected", "denied")]
    assert r.claims[0]["event_id"] == e["event_id"]


def test_a_plural_event_noun_after_a_preposition_is_not_present_tense(reference):
    r = run(MALI + "Wagner lost dozens of fighters in clashes near Kidal in late July 2023.", reference)
    e = only_event(r)
    assert (e["event_status"], str(e["date_start"]), str(e["date_end"])) == ("occurred", "2023-07-21", "2023-07-31")


# --- third pass: rules generalised from the errors on the first unseen set (heldout2) ----
# Sentences are SYNTHETIC and written for the rule, not copied from those texts.


def test_a_later_surname_is_the_actor_of_its_first_full_mention(reference):
    r = run(MALI + "Head of MINUSMA, Jane Doe, visited Gao. Doe said the mission would stay until December.", reference)
    assert [(c["claimant_text"], c["claimant_actor_id"]) for c in r.claims] == [("Doe", "minusma")]


def test_a_state_role_word_names_the_state_actor(reference):
    r = run(MALI + "The talks ended, government spokesperson John Roe said on Thursday.", reference)
    assert [(c["claimant_text"], c["claimant_actor_id"]) for c in r.claims] == [("government spokesperson John Roe", "malian-military-junta")]


def test_a_pronoun_speaker_is_the_previous_speaker(reference):
    r = run(MALI + 'MINUSMA said the convoy was safe. "We will leave on time," he added.', reference)
    assert [c["claimant_actor_id"] for c in r.claims] == ["minusma", "minusma"]


def test_a_quotation_over_two_sentences_is_one_direct_claim(reference):
    r = run(MALI + '"The last unit left at noon. The base was handed over this morning," the French army said in a statement.', reference)
    [c] = r.claims
    assert c["direct_quote"] and c["content_text"] == "The last unit left at noon. The base was handed over this morning"
    assert c["claimant_actor_id"] == "french-armed-forces"


def test_a_report_or_statement_named_after_the_cue_is_the_channel_not_the_content(reference):
    r = run(MALI + "Armed groups are committing abuses in the centre, the rights group said in a report released on Wednesday. "
            "Ten people were killed near Gao, the governor said in a statement shared Monday.", reference)
    assert [(c["claimant_text"], c["cue"], c["content_text"]) for c in r.claims] == [
        ("the rights group", "said", "Armed groups are committing abuses in the centre"),
        ("the governor", "said", "Ten people were killed near Gao"),
    ]


def test_an_inverted_speaker_after_a_comma_is_the_claimant_not_the_content(reference):
    r = run(MALI + "Gunmen killed 20 civilians in two hamlets, a few kilometres north of Gao, said a police officer who asked not to be named. "
            "Colonel Diarra, the army spokesman, said the attack killed ten people.", reference)
    assert [(c["claimant_text"], c["content_text"]) for c in r.claims] == [
        ("a police officer who asked not to be named", "Gunmen killed 20 civilians in two hamlets, a few kilometres north of Gao"),
        ("Colonel Diarra, the army spokesman", "the attack killed ten people"),
    ]


def test_a_time_after_the_cue_before_a_participle_or_a_dash_is_not_content(reference):
    r = run(MALI + "Nine civilians were killed near Gao, a rebel coalition said late on Saturday, accusing the army. "
            "The troops left the base, it said — a move long expected.", reference)
    assert [(c["claimant_text"], c["cue"], c["content_text"]) for c in r.claims] == [
        ("a rebel coalition", "said", "Nine civilians were killed near Gao"),
        ("a rebel coalition", "accusing", "the army"),
        ("it", "said", "The troops left the base"),
    ]


def test_a_watchdog_or_a_regime_can_be_a_claimant(reference):
    r = run(MALI + "Fighters killed 45 people in two villages, the watchdog said in its report. "
            "The president later flew to Bamako, the regime said on its website.", reference)
    assert [(c["claimant_text"], c["content_text"]) for c in r.claims] == [
        ("the watchdog", "Fighters killed 45 people in two villages"),
        ("the regime", "The president later flew to Bamako"),
    ]


def test_unverified_and_unclear_are_uncertain(reference):
    r = run(MALI + "It was not yet possible to confirm the figure. The exact number of victims remains unclear.", reference)
    assert [(c["cue"], c["content_text"], c["modality"]) for c in r.claims] == [
        ("It was not yet possible to confirm", "the figure", "uncertain"),
        ("remains unclear", "The exact number of victims", "uncertain"),
    ]


def test_bare_says_before_a_toll_and_announced_before_a_pronoun_clause(reference):
    r = run(MALI + "The mayor says at least 9 people are dead. Days earlier the army announced it had flown drones near Gao.", reference)
    assert [(c["cue"], c["content_text"][:12]) for c in r.claims] == [("says", "at least 9 p"), ("announced", "it had flown")]


def test_said_on_social_media_that(reference):
    r = run(MALI + "The Malian military said on its social media account that a ferry was shelled near Gao.", reference)
    assert [(c["claimant_actor_id"], c["content_text"]) for c in r.claims] == [("malian-armed-forces", "a ferry was shelled near Gao")]


def test_a_fronted_participial_cue_shares_the_main_claimant(reference):
    r = run(MALI + "Recalling that assaults on aid workers are crimes, the United Nations stresses that the culprits must be found.", reference)
    assert [(c["cue"], c["claimant_actor_id"]) for c in r.claims] == [("Recalling", "united-nations"), ("stresses", "united-nations")]


def test_weeks_ago_and_this_morning(reference):
    r = run(MALI + "MINUSMA vacated the camp in Kidal two weeks ago. The army handed over the base in Gao to the police this morning.", reference)
    left, handed = r.events
    assert (str(left["date_start"]), str(left["date_end"]), left["date_precision"]) == ("2023-09-25", "2023-10-01", "week")
    assert (str(handed["date_start"]), handed["date_rule"]) == ("2023-10-13", "present")


def test_the_new_holder_of_a_handover_is_actor1(reference):
    r = run(MALI + "MINUSMA handed over its camp in Ber to the Malian army on Sunday.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor1", "malian-armed-forces"), ("actor2", "minusma")}


def test_a_dateline_is_not_where_the_event_happened(reference):
    r = run("BAMAKO, Mali (AP) — A roadside bomb killed three peacekeepers on Wednesday.", reference)
    e = only_event(r)
    assert e["place_id"] == "mali"


def test_two_coups_with_two_dates_are_two_events(reference):
    r = run(MALI + "The crisis deepened with two successive coups in March 2012 and August 2020.", reference)
    assert [(e["event_status"], str(e["date_start"])) for e in r.events] == [("occurred", "2012-03-01"), ("occurred", "2020-08-01")]
    assert all(actors_of(r, e) == {("actor1", "malian-military-junta")} for e in r.events)


def test_an_attack_named_again_is_not_a_new_event(reference):
    r = run(MALI + "Gunmen attacked a camp near Gao on Sunday. The United Nations condemns this attack. It added that the attack destroyed two trucks.", reference)
    assert len(r.events) == 1


def test_blockades_protests_and_ended_deals(reference):
    r = run(MALI + "Gao has been besieged by gunmen since late July.", reference)
    e = only_event(r)
    assert (e["event_status"], e["place_id"], str(e["date_start"])) == ("ongoing", "gao", "2023-07-21")
    assert actors_of(r, e) == {("actor1", "unidentified-armed-group-mali")}
    r = run(MALI + "Activists staged protests in Bamako on Friday.", reference)
    assert only_event(r)["event_type"] == "Protests"
    r = run(MALI + "Mali's military rulers have ended a peace deal with the rebels.", reference)
    assert actors_of(r, only_event(r)) == {("actor1", "malian-military-junta")}


def test_a_relative_clause_after_a_plain_noun_does_not_reach_back(reference):
    r = run(MALI + "The army claimed that attackers who killed 12 soldiers in Menaka on 3 May had outside help.", reference)
    e = only_event(r)
    assert ("actor1", "malian-armed-forces") not in actors_of(r, e)
    assert (e["fatalities_min"], str(e["date_start"])) == (12, "2023-05-03")


def mention_rows(result):
    return [(m["text"], m["actor_id"]) for m in result.mentions if m["entity_type"] == "actor"]


def test_news_agencies_are_mentions_outside_the_dictionary(reference):
    r = run(MALI + "Gunmen attacked a camp, officials told AFP and Reuters.", reference)
    assert ("AFP", None) in mention_rows(r) and ("Reuters", None) in mention_rows(r)


def test_bare_soldiers_in_an_article_about_mali_are_the_malian_army(reference):
    r = run(MALI + "Gunmen killed four soldiers near Gao. French soldiers left. Our troops arrived. Troops from Chad stayed.", reference)
    assert mention_rows(r).count(("soldiers", "malian-armed-forces")) == 1
    assert ("French soldiers", "french-armed-forces") in mention_rows(r)
    assert not [m for m in mention_rows(r) if m[0] in ("troops", "Troops")]


def test_bare_soldiers_before_any_place_are_not_resolved(reference):
    r = run("Synthetic: Gunmen killed four soldiers. Later they fled to Gao.", reference)
    assert ("soldiers", "malian-armed-forces") not in mention_rows(r)


# --- fourth pass: rules generalised from the errors on the second unseen set (heldout3) --
# Sentences are SYNTHETIC and written for the rule.


def test_told_a_described_agency_then_content(reference):
    r = run(MALI + "A senior police officer told British news agency Reuters that order had returned to the town.", reference)
    assert [(c["claimant_text"], c["cue"], c["content_text"]) for c in r.claims] == [
        ("A senior police officer", "told", "order had returned to the town")]


def test_told_an_agency_then_a_toll_without_that(reference):
    r = run(MALI + "A village chief told Reuters at least 11 herders were killed.", reference)
    assert [(c["cue"], c["content_text"]) for c in r.claims] == [("told", "at least 11 herders were killed")]


def test_a_weekday_after_the_claimant_is_not_part_of_it(reference):
    r = run(MALI + "Rebel fighters on Monday claimed they seized the town of Gao.", reference)
    assert [c["claimant_text"] for c in r.claims] == ["Rebel fighters"]
    r = run(MALI + "Gunmen raided a market and killed at least 13 people, witnesses said Thursday.", reference)
    assert [(c["claimant_text"], c["content_text"][:6]) for c in r.claims] == [("witnesses", "Gunmen")]


def test_adding_that_is_a_second_claim_of_the_same_speaker(reference):
    r = run(MALI + "MINUSMA said its patrol came under fire, adding that two medics had been flown out.", reference)
    assert [(c["claimant_actor_id"], c["cue"], c["content_text"]) for c in r.claims] == [
        ("minusma", "said", "its patrol came under fire"),
        ("minusma", "adding", "two medics had been flown out"),
    ]


def test_passive_accusation_and_unable_to_confirm(reference):
    r = run(MALI + "Malian troops are accused by two NGOs of killing more than 40 traders in May. "
            "Reuters was unable to confirm the figure.", reference)
    assert [(c["claimant_text"], c["cue"], c["modality"]) for c in r.claims] == [
        ("two NGOs", "are accused by", "reported"), ("Reuters", "was unable to confirm", "uncertain")]
    e = only_event(r)
    assert actors_of(r, e) >= {("actor1", "malian-armed-forces")} and e["fatalities_min"] == 40


def test_more_cues(reference):
    r = run(MALI + "The government affirmed in July that it would block the inquiry. "
            "The charity suggested the killings lasted two days. Sweden announced the pull-out of its contingent.", reference)
    assert [(c["cue"], c["modality"]) for c in r.claims] == [("affirmed", "reported"), ("suggested", "hedged"), ("announced", "reported")]
    r = run(MALI + "Raids by suspected bandits hit a camp in Gao.", reference)
    assert not r.claims


def test_habitual_attacks_are_not_events(reference):
    r = run(MALI + "The insurgents now launch attacks on isolated hamlets. "
            "The faction often targets the area. Militants have repeatedly stormed outposts in the east.", reference)
    assert not r.events


def test_an_arrival_that_leads_into_a_fight_is_the_fight(reference):
    r = run(MALI + "Malian soldiers arrived in the village by truck on 2 April and exchanged fire with armed men.", reference)
    e = only_event(r)
    assert (e["event_type"], str(e["date_start"])) == ("Battles", "2023-04-02")


def test_a_later_account_of_the_same_strikes_is_not_a_new_event(reference):
    r = run(MALI + "At least 8 civilians were killed on Monday by drone strikes near Gao. The rebels blamed the army. "
            "A village elder told Reuters at least 10 civilians died in these strikes on Monday.", reference)
    e = only_event(r)
    assert e["fatalities_min"] == 8


def test_a_fight_in_a_skirmish_and_targeted_and_hostilities(reference):
    r = run(MALI + 'The army said four soldiers died and 19 fighters from "terrorist groups" lost their lives during a firefight on Friday.', reference)
    assert len(r.events) == 1 and r.events[0]["event_type"] == "Battles"
    r = run(MALI + "Islamist militants targeted the largest military base on Friday.", reference)
    assert only_event(r)["event_type"] == "Battles"
    r = run(MALI + "Hostilities between the army and the rebels resumed in August 2023.", reference)
    assert str(only_event(r)["date_start"]) == "2023-08-01"


def test_killing_civilians_makes_an_attack_violence_against_civilians(reference):
    r = run(MALI + "Armed men attacked a baptism and killed at least 17 people.", reference)
    e = only_event(r)
    assert (e["event_type"], e["fatalities_min"]) == ("Violence against civilians", 17)


def test_over_the_weekend(reference):
    r = run(MALI + "MINUSMA began its departure from the base at Tessalit over the weekend.", reference)  # DCT is a Friday
    e = only_event(r)
    assert (str(e["date_start"]), str(e["date_end"])) == ("2023-10-07", "2023-10-08")


def test_a_progressive_is_not_a_passive(reference):
    r = run(MALI + "Malian troops and their Wagner partners are fighting the separatists near Gao.", reference)
    e = only_event(r)
    assert {("actor1", "malian-armed-forces"), ("assoc_actor_1", "wagner-group")} <= actors_of(r, e)
    assert ("actor2", "malian-armed-forces") not in actors_of(r, e)


def test_the_town_right_after_the_country_is_the_place(reference):
    r = run(MALI + "MINUSMA began leaving its base in eastern Mali, near Gao, over the weekend.", reference)
    assert only_event(r)["place_id"] == "gao"


def test_a_date_later_in_the_reported_content_beats_the_report_date(reference):
    r = run(MALI + 'The army on Friday said four soldiers died and 19 fighters from "terrorist groups" lost their lives during a firefight on Thursday.', reference)
    assert str(only_event(r)["date_start"]) == "2023-10-12"  # not the report's Friday, 2023-10-13


def test_a_plural_noun_before_its_verb_is_not_present_tense(reference):
    r = run(MALI + "Hostilities between the army and the rebels resumed in August 2023.", reference)
    assert only_event(r)["event_status"] == "occurred"


def test_a_named_departure_placed_in_time_by_its_preposition(reference):
    r = run(MALI + "The army has been battling rebels near Kidal following the departure of UN peacekeepers two weeks ago.", reference)
    fight, left = r.events
    assert (fight["event_status"], left["event_status"], left["sub_event_type"]) == ("ongoing", "occurred", "Change to group/activity")
    assert actors_of(r, left) == {("actor1", "minusma")} and left["date_precision"] == "week"
    r = run(MALI + "Tensions rose ahead of the withdrawal of MINUSMA.", reference)
    assert only_event(r)["event_status"] == "planned"
    r = run(MALI + "Farmers planted after the departure of the rains.", reference)
    assert not r.events


def test_a_sum_over_several_attacks_is_not_an_event(reference):
    r = run(MALI + "At least 37 people died on Tuesday in two raids on a market and a checkpoint.", reference)
    assert not r.events


def test_would_blocks_only_its_own_clause(reference):
    r = run(MALI + "The government said in July that it would not permit an investigation, notably at a hamlet where Malian troops "
            "are accused by two NGOs of killing more than 40 traders in May.", reference)
    e = only_event(r)
    assert e["fatalities_min"] == 40 and ("actor1", "malian-armed-forces") in actors_of(r, e)


def test_a_movement_with_no_mover_is_not_an_event(reference):
    r = run(MALI + "Two planes arrived at the airfield on Monday with the 30 recruits.", reference)
    assert not r.events


# --- fifth pass: rules generalised from the errors on the third unseen set (heldout4) ---
# Sentences are SYNTHETIC and written for the rule.


def test_possessive_state_phrases_name_the_state(reference):
    r = run(MALI + "Mali's interim military government has formally expelled the Danish envoy.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor1", "malian-military-junta")}
    assert (str(e["date_start"]), e["date_rule"]) == ("2023-10-13", "present")  # present perfect: news of the day
    assert ("Mali's interim military government", "malian-military-junta") in mention_rows(r)
    r = run(MALI + "On Monday the old base at Gao was handed over to Mali's government.", reference)
    assert actors_of(r, only_event(r)) == {("actor1", "malian-military-junta")}


def test_the_military_before_another_noun_is_a_modifier(reference):
    r = run(MALI + "Sanctions hit the military transitional government.", reference)
    assert ("the military", "malian-armed-forces") not in mention_rows(r)


def test_a_toll_sentence_after_an_attack_is_its_toll(reference):
    r = run(MALI + "Gunmen ambushed a MINUSMA patrol near Gao on Tuesday. One peacekeeper was killed and two others were hurt.", reference)
    e = only_event(r)
    assert (e["fatalities_min"], e["fatalities_max"]) == (1, 1)


def test_victims_before_killed_without_an_auxiliary(reference):
    r = run(MALI + "Jihadists stormed a post in Gao on Sunday. A later tally listed 9 soldiers and 2 civilians killed.", reference)
    e = only_event(r)
    assert ("actor1", "civilians-mali") not in actors_of(r, e)


def test_sanctions_ties_and_a_coup_abroad(reference):
    r = run(MALI + "Canada imposed travel sanctions on Wagner in February.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor2", "wagner-group")} and e["date_precision"] == "month"
    r = run(MALI + "The junta left the bloc weeks after soldiers staged a coup in neighbouring Burkina Faso.", reference)
    assert not [e for e in r.events if e["sub_event_type"] == "Other" and "coup" in e["evidence_text"]]


def test_participial_claims_and_call_for(reference):
    r = run(MALI + "The government expelled the ambassador, citing hostile statements. "
            "Mali's Foreign Minister called for the swift departure of MINUSMA.", reference)
    assert [(c["cue"], c["claimant_actor_id"]) for c in r.claims] == [("citing", "malian-military-junta"), ("called for", "malian-military-junta")]


def test_a_country_acting_politically_is_its_government(reference):
    r = run(MALI + "Mali has expelled the Danish envoy.", reference)
    assert actors_of(r, only_event(r)) == {("actor1", "malian-military-junta")}
    r = run(MALI + "The Council ended the mandate after a request by Mali to wind it down.", reference)
    assert ("actor1", "malian-military-junta") in actors_of(r, only_event(r))
    r = run(MALI + "Gunmen from Mali attacked a convoy.", reference)  # violence is not coded to a country's government
    assert all(("actor1", "malian-military-junta") not in actors_of(r, e) for e in r.events)


def test_more_stance_cues(reference):
    r = run(MALI + "Prime Minister John Roe praised Russia for blocking the statement. "
            "The United Nations urged restraint. The European Union welcomed the release.", reference)
    assert [c["cue"] for c in r.claims] == ["praised", "urged", "welcomed"]


def test_bare_authorities_and_junta_in_an_article_about_mali(reference):
    r = run(MALI + "Authorities in Bamako said calm had returned. Since 2020 Mali has been ruled by a junta. US authorities said nothing.", reference)
    rows = mention_rows(r)
    assert ("junta", "malian-military-junta") in rows
    assert ("authorities", "malian-military-junta") not in rows  # after "US"


def test_a_named_event_with_its_own_date_is_an_event_a_bare_topic_is_not(reference):
    r = run(MALI + "Tensions grew after the deployment of Wagner in late 2021.", reference)
    e = only_event(r)
    assert actors_of(r, e) == {("actor1", "wagner-group")} and e["date_rule"] == "part_of_year"
    r = run(MALI + "Talks covered the withdrawal of MINUSMA.", reference)
    assert not r.events


def test_a_standing_deployment_is_ongoing(reference):
    r = run(MALI + "MINUSMA maintains some 8,500 soldiers across the region.", reference)
    e = only_event(r)
    assert (e["event_status"], str(e["date_start"]), e["date_rule"]) == ("ongoing", "2023-10-13", "present")


def test_the_requester_named_by_by_or_a_possessive(reference):
    r = run(MALI + "MINUSMA left. The United Nations moved after a request by Mali to end the mission of MINUSMA.", reference)
    e = next(e for e in r.events if "request" in e["evidence_text"])
    assert ("actor1", "malian-military-junta") in actors_of(r, e) and ("actor1", "united-nations") not in actors_of(r, e)
    r = run(MALI + "The vote answers Mali’s request for MINUSMA’s swift exit.", reference)
    assert actors_of(r, only_event(r)) == {("actor1", "malian-military-junta"), ("actor2", "minusma")}


def test_more_reporting_verbs_before_that(reference):
    r = run(MALI + "The army admitted that two soldiers had died. The mission pointed out that the road was closed. "
            "The CSP denounced the strikes. The army agreed the terms.", reference)
    assert [c["cue"] for c in r.claims] == ["admitted", "pointed out", "denounced"]  # "agreed the terms" has no "that"


# --- claims: attributions after the content, told-objects, documents (third pass) -------------


def claim_of(result, cue):
    return next(c for c in result.claims if c["cue"] == cue)


def test_attribution_with_a_told_object_closes_the_content(reference):
    r = run("Synthetic: The convoy reached Gao late on Sunday, two drivers told the agency.", reference)
    c = claim_of(r, "told")
    assert (c["claimant_text"], c["content_text"]) == ("two drivers", "Synthetic: The convoy reached Gao late on Sunday")


def test_attribution_before_a_subordinate_clause_still_counts(reference):
    r = run("Synthetic: Armed men burned a market near Mopti, herders said Sunday, as the rains began.", reference)
    c = claim_of(r, "said")
    assert (c["claimant_text"], c["content_text"]) == ("herders", "Synthetic: Armed men burned a market near Mopti")


def test_quote_speaker_with_an_appositive_and_a_told_object(reference):
    text = '"Our patrols will go on," Doe, speaking after the parade, told a gathering of elders.'
    c = claim_of(run(text, reference), "told")
    assert (c["claimant_text"], c["content_text"], c["direct_quote"]) == ("Doe", "Our patrols will go on", True)


def test_quote_followed_by_wrote_is_a_claim(reference):
    c = claim_of(run('"The road to Gao is closed to our trucks," the company wrote in a notice.', reference), "wrote")
    assert c["claimant_text"] == "the company"


def test_told_an_organisation_with_an_acronym_is_not_the_content(reference):
    r = run("Synthetic: Troops searched the market on 2 May, three traders told Amnesty International (AI).", reference)
    c = claim_of(r, "told")
    assert c["content_text"] == "Synthetic: Troops searched the market on 2 May"


def test_pronoun_claimant_after_a_time_phrase(reference):
    r = run("Synthetic: The army was silent, but last month it stated that it had bombed a depot near Gao.", reference)
    c = claim_of(r, "stated")
    assert (c["claimant_text"], c["content_text"]) == ("it", "it had bombed a depot near Gao")


def test_informed_with_an_addressee_before_that(reference):
    c = claim_of(run("Synthetic: Jane Roe informed the press that six activists were held.", reference), "informed")
    assert c["content_text"] == "six activists were held"


def test_rebels_inside_a_relative_clause_claim(reference):
    r = run("Synthetic: Gao saw a long fight during which the rebels claimed to have seized nine trucks.", reference)
    c = claim_of(r, "claimed")
    assert (c["claimant_text"], c["modality"]) == ("the rebels", "hedged")


def test_statement_accusing_is_the_issuers_claim(reference):
    r = run("Synthetic: The union issued a short statement accusing the police of beating its members.", reference)
    c = claim_of(r, "accusing")
    assert (c["claimant_text"], c["content_text"]) == ("The union", "the police of beating its members")


def test_named_claimant_between_commas_before_an_adverb(reference):
    r = run("Synthetic: The envoy of the bloc in the region, Jane Roe, firmly condemns this raid.", reference)
    c = claim_of(r, "condemns")
    assert (c["claimant_text"], c["content_text"]) == ("Jane Roe", "this raid")


def test_claimant_before_a_time_phrase_between_commas(reference):
    r = run("Synthetic: The raid follows a warning from the northern alliance, the CSP, on Friday said it would hold Gao.", reference)
    c = claim_of(r, "said")
    assert (c["claimant_text"], c["claimant_actor_id"]) == ("the CSP", "csp")


def test_attribution_with_a_delay_and_after_a_quote_with_however(reference):
    r = run("Synthetic: In the raid, four of its guards were hurt, the operator added some hours later.", reference)
    assert claim_of(r, "added")["claimant_text"] == "the operator"
    assert claim_of(run('"We shall stay in Gao," she explained however.', reference), "explained")["content_text"] == "We shall stay in Gao"


def test_quoted_phrase_opening_a_content_is_kept_whole(reference):
    r = run('Synthetic: A rebel spokesman said in the communiqué that "fierce combat" came before the fall of the camp.', reference)
    c = claim_of(r, "said")
    assert (c["content_text"], c["direct_quote"]) == ('"fierce combat" came before the fall of the camp', False)


def test_passive_stance_verb_with_an_adverb_is_not_a_claim(reference):
    r = run("Synthetic: John Roe, a colonel who led the coup, is broadly praised by voters despite the sanctions.", reference)
    assert not [c for c in r.claims if c["cue"] == "praised"]


# --- events: states by their country, nominal events, protests (third pass) ------------------


def test_country_sending_troops_acts_through_its_forces_and_is_not_the_place(reference):
    r = run("Synthetic: France has been sending soldiers into Mali since 2015.", reference)
    [e] = r.events
    assert actors_of(r, e) == {("actor1", "french-armed-forces")}
    assert (e["place_id"], e["event_status"]) == ("mali", "ongoing")


def test_undated_nominal_deployment_is_an_event_once(reference):
    text = ("Synthetic: Tension grew in Mali over the deployment of Wagner fighters to the north. "
            "Critics in Bamako also objected to the deployment of Wagner fighters.")
    r = run(text, reference)
    moves = [e for e in r.events if e["sub_event_type"] == "Other"]
    assert len(moves) == 1
    assert actors_of(r, moves[0]) == {("actor1", "wagner-group")}


def test_nominal_withdrawal_asked_for_is_not_an_event(reference):
    r = run("Synthetic: In Mali, the junta pressed for the departure of MINUSMA troops.", reference)
    assert not [e for e in r.events if e["sub_event_type"] == "Change to group/activity"]


def test_protest_named_by_its_demonstrators_takes_the_tense_of_their_verb(reference):
    r = run("Synthetic: Hundreds of demonstrators rallied in Bamako on Sunday.", reference)
    [e] = r.events
    assert (e["event_type"], e["event_status"]) == ("Protests", "occurred")


def test_a_merged_violent_clause_joins_the_evidence(reference):
    text = "Synthetic: The second raid hit the village of Gao, when soldiers had to push back a raid on their camp."
    r = run(text, reference)
    [e] = [e for e in r.events if e["event_type"] == "Battles"]
    assert e["evidence_text"].endswith("push back a raid on their camp")


def test_curfew_war_and_troop_cuts_are_events(reference):
    r = run("Synthetic: In Mali, the junta imposed a new curfew on Timbuktu on Sunday.", reference)
    [e] = r.events
    assert (e["sub_event_type"], e["date_start"]) == ("Other", dt.date(2023, 10, 8))
    r = run("Synthetic: In Mali, the CMA declared war on the junta in August.", reference)
    [e] = r.events
    assert actors_of(r, e) == {("actor1", "cma"), ("actor2", "malian-military-junta")}
    r = run("Synthetic: MINUSMA will halve its troops in Mali next year.", reference)
    [e] = r.events
    assert (e["sub_event_type"], e["event_status"]) == ("Change to group/activity", "planned")


def test_a_toll_for_the_strikes_paragraphs_later_is_the_earlier_strike(reference):
    text = ("Synthetic: Drone strikes hit a market near Gao on Sunday. "
            "The army said it was hunting terrorists in the area. "
            "Officials in the town spoke of heavy damage to shops. "
            "A trader told the agency that at least 12 villagers died in the strikes.")
    r = run(text, reference)
    violent = [e for e in r.events if e["event_type"] != "Strategic developments"]
    assert len(violent) == 1
    assert (violent[0]["fatalities_min"], violent[0]["fatalities_max"]) == (12, None)  # "at least 12"


def test_soldiers_deployed_as_part_of_a_mission_without_a_named_mover_are_not_an_event(reference):
    r = run("Synthetic: About 900 Danish soldiers were deployed within MINUSMA over the decade.", reference)
    assert not r.events


def test_participle_after_an_act_is_the_named_actors_claim(reference):
    c = claim_of(run("Synthetic: The African Union suspended Mali in June, accusing it of delaying the vote.", reference), "accusing")
    assert (c["claimant_text"], c["content_text"]) == ("African Union", "it of delaying the vote")


def test_with_a_group_demanding_is_the_groups_claim(reference):
    r = run("Synthetic: Activists met at a teacher's home, with the coalition demanding the release of two men.", reference)
    c = claim_of(r, "demanding")
    assert (c["claimant_text"], c["content_text"]) == ("the coalition", "the release of two men")


def test_coordinated_stance_verbs_share_their_subject_and_split_the_content(reference):
    text = "Synthetic: The envoy left after the Swedish minister spoke of growing unrest and questioned the army's campaign."
    r = run(text, reference)
    assert claim_of(r, "spoke of")["content_text"] == "growing unrest"
    c = claim_of(r, "questioned")
    assert (c["claimant_text"], c["content_text"]) == ("the Swedish minister", "the army's campaign")


def test_the_articles_country_counts_its_towns_not_only_its_name(reference):
    text = ("Synthetic: Crowds in Bamako waved signs against France. Traders in Gao echoed them. "
            "France said nothing. After a coup in 2021, elections were promised.")
    r = run(text, reference)
    [coup] = [e for e in r.events if e["evidence_text"].startswith("After a coup")]
    assert actors_of(r, coup) == {("actor1", "malian-military-junta")}
    assert coup["place_id"] == "mali"


def test_a_foreign_country_on_the_other_side_of_a_relation_is_not_the_place(reference):
    r = run("Synthetic: In Bamako, Mali's junta severed ties with France on Monday.", reference)
    [e] = r.events
    assert e["place_id"] != "france"
    r = run("Synthetic: French troops were deployed in France on Monday.", reference)
    assert [e["place_id"] for e in r.events] == ["france"]


# --- claims: fourth pass (after held-out sets 6 and 7 were scored) ---------------------------


def test_channel_network_and_full_date_after_the_cue_are_not_contents(reference):
    r = run('"Job done. We go home," the unit announced via its account on the messaging app.', reference)
    assert [c["content_text"] for c in r.claims if c["cue"] == "announced"] == ["Job done. We go home"]
    r = run("Synthetic: Three guards died in a raid near Gao, the ministry announced on social networks.", reference)
    assert [c["content_text"] for c in r.claims] == ["Synthetic: Three guards died in a raid near Gao"]
    r = run("Synthetic: Rebels held the road near Gao for a week, local chiefs said Tuesday 3 May 2022.", reference)
    assert [c["content_text"] for c in r.claims] == ["Synthetic: Rebels held the road near Gao for a week"]


def test_a_dateline_is_not_part_of_the_content(reference):
    r = run("Gao, Mali — Three guards died in a raid on their post, the army announced.", reference)
    assert claim_of(r, "announced")["content_text"] == "Three guards died in a raid on their post"


def test_claimant_behind_a_name_or_a_place_between_commas(reference):
    r = run("Synthetic: On 3 May, an al-Qaeda ally, JNIM, claimed responsibility for a raid near Gao.", reference)
    c = claim_of(r, "claimed responsibility for")
    assert (c["claimant_text"], c["claimant_actor_id"]) == ("JNIM", "jnim")
    r = run("Synthetic: A council source in Gao, near the river, said the gunmen burned the market.", reference)
    assert claim_of(r, "said")["claimant_text"] == "Synthetic: A council source in Gao"[len("Synthetic: "):]


def test_a_relative_clause_in_the_claimant_does_not_hide_it(reference):
    r = run("Synthetic: An army source who wished to stay anonymous said the convoy was hit near Gao.", reference)
    assert claim_of(r, "said")["content_text"] == "the convoy was hit near Gao"


def test_report_and_show_verbs_before_a_quantity(reference):
    r = run("Synthetic: Local monitors have reported at least 14 deaths near Gao.", reference)
    assert claim_of(r, "reported")["content_text"] == "at least 14 deaths near Gao"
    r = run("Synthetic: Videos posted online showed dozens of fighters near the camp.", reference)
    assert claim_of(r, "showed")["claimant_text"] == "Videos posted online"


def test_a_negated_cue_makes_no_claim(reference):
    r = run("Synthetic: She did not state how many trucks were seized.", reference)
    assert not r.claims


def test_attribution_before_a_with_clause(reference):
    r = run("Synthetic: Nine in ten ballots backed the plan, the election commission said, with turnout at 40 percent.", reference)
    c = claim_of(r, "said")
    assert (c["claimant_text"], c["content_text"]) == ("the election commission", "Synthetic: Nine in ten ballots backed the plan")


# --- events: fourth pass (after held-out sets 6 and 7 were scored) ---------------------------


def test_listed_victims_add_up_and_operations_by_x_name_the_perpetrator(reference):
    text = ("Synthetic: Four men, two women and a small girl were killed near Mopti on 9 March 2023, during sweeps "
            "conducted by the Malian army, backed by personnel from Wagner.")
    r = run(text, reference)
    [e] = r.events
    assert (e["fatalities_min"], e["fatalities_max"]) == (7, 7)
    roles = actors_of(r, e)
    assert ("actor1", "malian-armed-forces") in roles and ("assoc_actor_1", "wagner-group") in roles


def test_an_armed_group_taking_control_of_a_town_overtakes_it(reference):
    r = run("Synthetic: In Mali, the CSP fighters, who drove in on pickups, took control of Menaka on Friday.", reference)
    [e] = r.events
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Non-state actor overtakes territory")
    assert actors_of(r, e) == {("actor1", "csp")}


def test_violence_abroad_or_across_the_region_is_not_an_event_here(reference):
    r = run("Synthetic: In Mali, JNIM also claimed raids on army posts in Niger and Burkina Faso.", reference)
    assert not [e for e in r.events if e["event_type"] == "Battles"]
    r = run("Synthetic: In Mali, over 300 soldiers have died in attacks since April in Mali, Niger and Chad.", reference)
    assert not r.events


def test_quantified_plural_attacks_are_a_pattern_not_an_event(reference):
    r = run("Synthetic: In Mali, JNIM has claimed a string of raids across central Mali.", reference)
    assert not r.events


def test_handing_over_to_civilians_is_not_a_transfer_of_territory(reference):
    r = run("Synthetic: In Mali, the junta broke its pledge to hand over to a civilian cabinet in 2022.", reference)
    assert not [e for e in r.events if e["sub_event_type"] == "Non-violent transfer of territory"]


def test_political_measures_and_coming_to_power_are_events(reference):
    for text in ("Synthetic: In Mali, ECOWAS decided on Sunday to lift the trade sanctions on the junta.",
                 "Synthetic: In Mali, the CMA said in May it had suspended its participation in peace talks.",
                 "Synthetic: In Mali, the junta dissolved all political parties on Tuesday.",
                 "Synthetic: In Mali, the colonels came to power in 2021."):
        r = run(text, reference)
        assert [e["event_type"] for e in r.events] == ["Strategic developments"], text


def test_a_state_operation_launch_is_an_event_an_armed_groups_is_not(reference):
    r = run("Synthetic: In Mali, the army launched a new military operation near Gao in June.", reference)
    [e] = r.events
    assert (e["sub_event_type"], actors_of(r, e)) == ("Change to group/activity", {("actor1", "malian-armed-forces")})
    r = run("Synthetic: In Mali, the CSP said it launched an operation near Gao in June.", reference)
    assert not r.events


def test_a_withdrawal_that_something_precipitated_happened(reference):
    r = run("Synthetic: In Mali, the fighting precipitated the final departure of MINUSMA from Gao.", reference)
    [e] = r.events
    assert (e["sub_event_type"], e["event_status"]) == ("Change to group/activity", "occurred")


def test_a_weekday_possessive_points_back_to_the_days_attack(reference):
    text = ("Synthetic: Suicide bombers struck an army camp near Mopti on Saturday. The governor visited the town. "
            "Residents gave blood. An official said all those killed in Saturday's blasts were civilians.")
    r = run(text, reference)
    assert len([e for e in r.events if e["event_type"] != "Strategic developments"]) == 1


def test_a_clause_opened_by_during_is_its_own_evidence(reference):
    r = run("Synthetic: Five herders were killed near Mopti on 3 June 2023, during sweeps conducted by the Malian army.", reference)
    [e] = r.events
    assert e["evidence_text"] == "Synthetic: Five herders were killed near Mopti on 3 June 2023"


def test_fighting_as_a_noun_after_an_adjective_is_an_event(reference):
    r = run("Synthetic: In Mali, at least nine soldiers died in fierce fighting near Gao on Monday.", reference)
    assert [e["event_type"] for e in r.events] == ["Battles"]
    r = run("Synthetic: In Mali, the fighting forced traders out of Gao.", reference)
    assert not [e for e in r.events if e["event_type"] == "Battles"]


def test_a_blockade_held_for_days_is_ongoing_and_an_armed_groups(reference):
    r = run("Synthetic: In Mali, jihadist fighters have had the town of Gao under a blockade for weeks.", reference)
    [e] = r.events
    assert (e["event_status"], actors_of(r, e)) == ("ongoing", {("actor1", "unidentified-armed-group-mali")})


def test_pressing_for_a_departure_is_a_demand(reference):
    r = run("Synthetic: In Mali, the junta kept pressing for MINUSMA to go.", reference)
    [e] = r.events
    assert actors_of(r, e) == {("actor1", "malian-military-junta"), ("actor2", "minusma")}


def test_two_decisions_with_two_verbs_are_two_events_also_one(reference):
    text = ("Synthetic: In Mali, the junta dissolved the national assembly. Later the junta issued a decree barring all rallies. "
            "It also ordered the closure of two radio stations.")
    r = run(text, reference)
    assert len([e for e in r.events if e["event_type"] == "Strategic developments"]) == 2


def test_the_reported_arrests_point_back(reference):
    r = run("Synthetic: In Mali, the junta gave no word on the reported arrests.", reference)
    assert not r.events


def test_a_scare_quoted_label_for_the_attack_is_not_another_attack(reference):
    text = ('Synthetic: Gunmen attacked an army camp near Mopti on Friday. '
            'A governor called it a “complex assault” aimed at the airport.')
    r = run(text, reference)
    assert len([e for e in r.events if e["event_type"] != "Strategic developments"]) == 1


# --- fifth pass (after held-out sets 8 and 9 were scored) ------------------------------------


def test_attacks_by_x_on_y_name_attacker_and_victims(reference):
    r = run("Synthetic: In Mali, about 20 villagers were killed in raids by unknown gunmen on two hamlets near Mopti.", reference)
    [e] = r.events
    assert ("actor1", "unidentified-armed-group-mali") in actors_of(r, e)


def test_superlatives_and_the_wounded_point_back(reference):
    text = ("Synthetic: Gunmen ambushed a bus near Gao on Monday, killing 11 passengers. "
            "It was the worst raid on travellers this year. Soldiers took 6 wounded to the clinic.")
    r = run(text, reference)
    assert len([e for e in r.events if e["event_type"] != "Strategic developments"]) == 1


def test_a_later_definite_report_dates_an_undated_lead(reference):
    text = "Synthetic: Gunmen have attacked a market in Mali, killing nine traders. The attack took place Sunday near Gao."
    r = run(text, reference)
    [e] = r.events
    assert (str(e["date_start"]), e["place_id"]) == ("2023-10-08", "gao")


def test_a_foreign_country_is_a_place_only_after_in(reference):
    r = run("Synthetic: In Bamako, the junta threw out French forces and turned to Russia for help.", reference)
    assert all(e["place_id"] != "russia" for e in r.events)


def test_expulsions_handovers_and_requests_with_an_adverb(reference):
    r = run("Synthetic: In Mali, the junta declared the envoy persona non grata on Sunday.", reference)
    assert [e["sub_event_type"] for e in r.events] == ["Other"]
    r = run("Synthetic: MINUSMA completed the handover of the Gao camp to the Malian army.", reference)
    [e] = r.events
    assert (e["sub_event_type"], actors_of(r, e)) == ("Non-violent transfer of territory",
                                                      {("actor1", "malian-armed-forces"), ("actor2", "minusma")})
    r = run("Synthetic: In Mali, the junta asked the UN to swiftly withdraw its mission.", reference)
    assert [e["sub_event_type"] for e in r.events] == ["Other"]
    r = run("Synthetic: Gao hosts a camp still to be handed over by the UN mission in Mali.", reference)
    assert not [e for e in r.events if e["event_status"] == "occurred"]


def test_crowds_gathering_and_organised_demonstrations_are_protests(reference):
    r = run("Synthetic: Some 300 Malians gathered in Bamako on Friday to back the junta.", reference)
    assert [e["event_type"] for e in r.events] == ["Protests"]
    r = run("Synthetic: Soldiers gathered in Bamako on Friday for a parade.", reference)
    assert not [e for e in r.events if e["event_type"] == "Protests"]
    r = run("Synthetic: In Mali, the mass rally organised on 3 March drew crowds in Gao.", reference)
    assert [e["event_type"] for e in r.events] == ["Protests"]
    r = run("Synthetic: In Mali, jobs and aid topped the protesters’ list of demands.", reference)
    assert not [e for e in r.events if e["event_type"] == "Protests"]


def test_abuses_committed_by_named_forces_are_violence_against_civilians(reference):
    r = run("Synthetic: In Mali, rights groups cite abuses reportedly committed by Malian troops and Wagner.", reference)
    [e] = [e for e in r.events if e["event_type"] == "Violence against civilians"]
    assert actors_of(r, e) == {("actor1", "malian-armed-forces"), ("assoc_actor_1", "wagner-group"), ("actor2", "civilians-mali")}


def test_the_terrorists_in_the_next_sentence_retell_the_ambush(reference):
    text = ("Synthetic: JNIM said it ambushed a Wagner patrol near Mopti on Saturday. "
            "It said the terrorists killed five of the patrol.")
    r = run(text, reference)
    assert len([e for e in r.events if e["event_type"] != "Strategic developments"]) == 1


def test_more_stance_verbs_and_participles(reference):
    r = run("Synthetic: The rebels decried the junta's refusal to talk.", reference)
    assert claim_of(r, "decried")["content_text"] == "the junta's refusal to talk"
    r = run("Synthetic: The coalition disputes this version of the events.", reference)
    assert claim_of(r, "disputes")["modality"] == "denied"
    r = run("Synthetic: The herders complained of police neglect.", reference)
    assert claim_of(r, "complained of")["content_text"] == "police neglect"
    r = run("Synthetic: The army confirmed the raid, describing it as a “cowardly act”.", reference)
    assert claim_of(r, "confirmed")["content_text"] == "the raid"
    assert claim_of(r, "describing")["claimant_text"] == "The army"


def test_a_statement_phrase_before_the_speaker_and_a_platform_after_the_cue(reference):
    r = run("Synthetic: According to the paper, in a video message a rebel spokesman said the group held the town.", reference)
    assert claim_of(r, "said")["claimant_text"] == "a rebel spokesman"
    r = run('Synthetic: The ministry wrote in a message on X that "heavy fighting was under way near Gao".', reference)
    assert claim_of(r, "wrote")["content_text"] == "heavy fighting was under way near Gao"


def test_first_person_alarm_and_alleged_as_an_adjective_make_no_claimant(reference):
    r = run("Synthetic: We are deeply alarmed by reports that nine herders were killed near Gao.", reference)
    assert not [c for c in r.claims if c["claimant_text"] and c["claimant_text"].startswith("We are")]
    r = run("Synthetic: The army said little on the alleged plot or the men behind it.", reference)
    assert not [c for c in r.claims if c["cue"] == "alleged"]


def test_a_month_right_after_the_cue_dates_the_reported_act(reference):
    r = run("Synthetic: In Mali, the CMA announced in March that it had left the peace talks.", reference)
    [e] = r.events
    assert (str(e["date_start"]), e["date_precision"], e["date_rule"]) == ("2023-03-01", "month", "report_date")


def test_forcing_out_and_allying_are_political_events(reference):
    r = run("Synthetic: In Bamako, the junta kicked out French forces in 2022.", reference)
    assert [e["sub_event_type"] for e in r.events] == ["Other"]
    r = run("Synthetic: In Bamako, the junta threw out the French forces and turned to Moscow for military help.", reference)
    assert len(r.events) == 2
    r = run("Synthetic: In Bamako, the junta teamed up with Wagner in 2021.", reference)
    [e] = r.events
    assert actors_of(r, e) == {("actor1", "malian-military-junta"), ("actor2", "wagner-group")}


def test_coups_that_set_the_scene_occurred(reference):
    r = run("Synthetic: After two coups, the junta in Bamako banned all rallies.", reference)
    assert [e["event_status"] for e in r.events if "coup" in e["evidence_text"]] == ["occurred"]


# --- sixth pass (after held-out sets 10 and 11 were scored) ----------------------------------


def test_promises_vows_and_threats_with_an_infinitive_are_claims(reference):
    r = run("Synthetic: In Mali, the junta had vowed to hold a vote within two years.", reference)
    c = claim_of(r, "had vowed")
    assert (c["claimant_actor_id"], c["content_text"]) == ("malian-military-junta", "to hold a vote within two years")
    r = run("Synthetic: JNIM threatened to target every lorry on the southern road.", reference)
    assert claim_of(r, "threatened")["claimant_actor_id"] == "jnim"


def test_quoted_as_saying_and_council_stances(reference):
    r = run("Synthetic: The radio quoted a farmer as saying that the road was closed for a week.", reference)
    assert claim_of(r, "as saying")["claimant_text"] == "a farmer"
    r = run("Synthetic: Council members stressed the importance of talks between the parties.", reference)
    assert claim_of(r, "stressed")["content_text"] == "the importance of talks between the parties"


def test_a_role_appositive_stays_with_the_name_and_by_telephone_is_not_content(reference):
    r = run("Synthetic: Jane Roe, senior analyst at a think tank, told the agency that abductions had doubled.", reference)
    assert claim_of(r, "told")["claimant_text"] == "Jane Roe, senior analyst at a think tank"
    r = run("Synthetic: Gunmen burned two granaries near Mopti, the village chief said via telephone.", reference)
    assert [c["content_text"] for c in r.claims] == ["Synthetic: Gunmen burned two granaries near Mopti"]


def test_claims_lives_is_a_toll_not_a_claim(reference):
    r = run("Synthetic: In Mali, the conflict claims hundreds of lives every year.", reference)
    assert not r.claims


def test_a_group_linked_to_an_actor_is_not_that_actor(reference):
    r = run("Synthetic: In Mali, fighters linked to JNIM have been active near Mopti for years.", reference)
    assert not [e for e in r.events if ("actor1", "jnim") in actors_of(r, e)]


def test_tallies_and_coups_abroad_are_not_events(reference):
    r = run("Synthetic: In Mali, tens of thousands of villagers have been killed since the war began.", reference)
    assert not [e for e in r.events if e["event_type"] != "Strategic developments"]
    r = run("Synthetic: Mali's ally Niger, where soldiers overthrew the president in July, joined the pact.", reference)
    assert not [e for e in r.events if "overthrew" in e["evidence_text"]]


def test_seized_with_is_not_a_capture(reference):
    r = run("Synthetic: In Mali, ECOWAS remains seized with the matter.", reference)
    assert not r.events


def test_a_dated_placed_imprisonment_is_the_states_arrest(reference):
    r = run("Synthetic: A radio host was jailed on Monday in Bamako over his remarks.", reference)
    [e] = r.events
    assert (e["sub_event_type"], actors_of(r, e)) == ("Arrests", {("actor1", "malian-military-junta")})


def test_leaving_a_regional_body_is_the_governments_act_and_pacts_are_agreements(reference):
    r = run("Synthetic: In Bamako, Mali announced the withdrawal from the G5 force on Sunday.", reference)
    assert [actors_of(r, e) for e in r.events] == [{("actor1", "malian-military-junta")}]
    r = run("Synthetic: In Bamako, the junta signed a joint security pact with Niger on Saturday.", reference)
    assert [e["sub_event_type"] for e in r.events] == ["Agreement"]


def test_more_malian_towns_are_places_and_a_river_is_not_a_country(reference):
    r = run("Synthetic: Gunmen attacked a market in Koutiala on Friday; boats on the Niger River near Djenne were idle.", reference)
    places = {m["text"]: m["place_id"] for m in r.mentions if m["entity_type"] == "place"}
    assert places.get("Koutiala") == "koutiala" and places.get("Djenne") == "djenne"
    assert reference.places["koutiala"]["admin1"] == "ML-3" and reference.places["kayes"]["geonames_id"] == 2455518


def test_a_later_sentence_naming_the_post_retells_the_lead_and_places_it(reference):
    text = ("Synthetic: Three soldiers were killed early on Monday in central Mali in a raid on their post, the army said. "
            "Gunmen raided the Bankass post before dawn, it said.")
    r = run(text, reference)
    violent = [e for e in r.events if e["event_type"] != "Strategic developments"]
    assert [e["place_id"] for e in violent] == ["bankass"]


def test_a_place_that_is_the_scene_of_clashes_and_attacks_is_a_pattern(reference):
    r = run("Synthetic: The Nara area is often the scene of clashes and raids.", reference)
    assert not r.events


def test_a_full_stop_without_its_space_still_ends_a_sentence():
    from sahel_events.extract.text import sentences

    text = "Synthetic: the convoy reached the town.A ceremony followed at the camp. Gen. Doe spoke."
    assert [text[a:b] for a, b in sentences(text)] == [
        "Synthetic: the convoy reached the town.", "A ceremony followed at the camp.", "Gen. Doe spoke."]


def test_month_precision_publication_resolves_against_the_month_end(reference):
    import dataclasses

    from sahel_events.extract import reference_date

    meta = {"title": None, "publisher": "SYNTHETIC", "url": "synthetic:", "published": dt.date(2022, 3, 1),
            "published_precision": "month", "published_certainty": "exact", "published_earliest": None,
            "published_latest": None, "language": "en", "license": "unknown"}
    text = "Synthetic: gunmen attacked a well near Gao on March 8, killing two herders."
    article = Article("synthetic-month", meta, text, None, None, (), None)
    assert reference_date(article) == dt.date(2022, 3, 31)
    (e,) = extract(article, reference).events
    assert (e["date_start"], e["date_end"]) == (dt.date(2022, 3, 8), dt.date(2022, 3, 8))
    year = dataclasses.replace(article, meta={**meta, "published_precision": "year"})
    assert reference_date(year) == dt.date(2022, 12, 31)
    day = dataclasses.replace(article, meta={**meta, "published_precision": "day"})
    assert reference_date(day) == dt.date(2022, 3, 1)


def test_have_been_handing_over_is_ongoing(reference):
    r = run("Synthetic: the blue helmets have been handing over two bases to the Malian army.", reference)
    (e,) = r.events
    assert (e["sub_event_type"], e["event_status"], e["date_start"]) == ("Non-violent transfer of territory", "ongoing", DCT)


def test_a_retelling_dates_an_undated_lead(reference):
    text = ("Synthetic: three foreign engineers were abducted by gunmen in Mali, officials said. "
            "They were seized on Tuesday near a quarry outside Kayes, a local official said.")
    (e,) = run(text, reference).events
    assert (e["date_start"], e["place_id"]) == (dt.date(2023, 10, 10), "kayes")
    assert e["evidence_text"].startswith("Synthetic: three foreign engineers were abducted")


def test_a_further_attack_with_its_own_date_stays_apart(reference):
    text = "Synthetic: gunmen attacked an army post near Gao, killing four soldiers. On Monday, gunmen also attacked a market in Ansongo."
    first, second = run(text, reference).events
    assert first["date_start"] is None and second["date_start"] == dt.date(2023, 10, 9)


def test_participles_and_modifiers_that_describe_are_not_events(reference):
    for text in ("Synthetic: the mission chief visited the injured personnel at the clinic.",
                 "Synthetic: the delegation demanded the release of the unjustly arrested soldiers.",
                 "Synthetic: Mali received new attack helicopters and transport aircraft from abroad."):
        assert run(text, reference).events == [], text
    r = run("Synthetic: gunmen attacked a convoy near Gao on Monday, and the wounded soldiers were flown to Bamako.", reference)
    assert [e["event_type"] for e in r.events] == ["Battles"]


# --- fifth pass (session of 2026-11-26, night) ----------------------------------------


def test_a_report_date_after_a_trailing_attribution_dates_the_event(reference):
    # the event comes first, its source and the report's day after it
    r = run("Synthetic: Gunmen have killed nine herders near Gao, two district officials said on Wednesday.", reference)
    [e] = r.events
    assert (str(e["date_start"]), str(e["date_end"]), e["date_rule"]) == ("2023-10-11", "2023-10-11", "report_date")
    # a date inside the reported content still wins over the report's day
    r = run("Synthetic: Gunmen killed nine herders near Gao on Monday, two district officials said on Wednesday.", reference)
    [e] = r.events
    assert (str(e["date_start"]), e["date_rule"]) == ("2023-10-09", "weekday")


def test_coordinated_countries_as_subject_act_through_the_dictionarys_state(reference):
    r = run("Synthetic: Chad, Mali and Togo have formally begun their withdrawal from the regional bloc.", reference)
    [e] = r.events
    assert (e["event_type"], e["sub_event_type"]) == ("Strategic developments", "Other")  # leaving a body: political
    assert actors_of(r, e) == {("actor1", "malian-military-junta")}


def test_leaving_an_international_body_is_a_political_act(reference):
    r = run("Synthetic: Mali began its exit from the International Organisation for Migration on Monday.", reference)
    [e] = r.events
    assert (e["sub_event_type"], str(e["date_start"])) == ("Other", "2023-10-09")
    r = run("Synthetic: Mali began its exit from Menaka on Monday.", reference)  # from a town: a change of activity
    assert [e["sub_event_type"] for e in r.events] == ["Change to group/activity"]


def test_an_attack_on_civilian_targets_with_no_armed_side_is_violence_against_civilians(reference):
    r = run("Synthetic: In Mali, JNIM attacked fuel tankers on the road to Kayes on Tuesday.", reference)
    [e] = r.events
    assert (e["event_type"], e["sub_event_type"]) == ("Violence against civilians", "Attack")
    r = run("Synthetic: In Mali, JNIM attacked fuel tankers and their army escort on the road to Kayes on Tuesday.", reference)
    [e] = r.events
    assert (e["event_type"], e["sub_event_type"]) == ("Battles", "Armed clash")


# --- claimants, fifth pass --------------------------------------------------------------


def speakers(result):
    return [(c["claimant_text"], c["claimant_actor_id"]) for c in result.claims]


def test_a_role_word_of_another_state_or_inside_a_modifier_is_not_the_articles_state(reference):
    r = run(MALI + "The Danish defence minister said the contingent would fly home from Gao.", reference)
    assert speakers(r) == [("The Danish defence minister", None)]
    r = run(MALI + "The movements opposing government troops near Kidal said the truce was over.", reference)
    assert speakers(r) == [("The movements opposing government troops near Kidal", None)]
    r = run(MALI + "The defence minister said the contingent would stay in Gao.", reference)  # unqualified: Mali's
    assert speakers(r) == [("The defence minister", "malian-military-junta")]


def test_a_country_that_speaks_and_the_secretary_general_stand_for_their_bodies(reference):
    r = run(MALI + "Mali says the envoy left Bamako without notice.", reference)
    assert speakers(r) == [("Mali", "malian-military-junta")]
    r = run(MALI + "The Secretary-General deplores the loss of the two drivers near Gao.", reference)
    assert speakers(r) == [("The Secretary-General", "united-nations")]


def test_a_document_the_group_and_the_force_point_back(reference):
    r = run(MALI + "MINUSMA said the road to Gao was closed. The statement added that the convoy would wait.", reference)
    assert speakers(r) == [("MINUSMA", "minusma"), ("The statement", "minusma")]
    r = run(MALI + "JNIM fighters were seen near Gao. The group said it controlled the road.", reference)
    assert speakers(r)[-1] == ("The group", "jnim")
    r = run(MALI + "French troops patrolled near Gao. The force said the patrol met no resistance.", reference)
    assert speakers(r)[-1] == ("The force", "french-armed-forces")


def test_how_a_speaker_spoke_is_not_part_of_the_speaker(reference):
    r = run(MALI + "The CSP in a short communique said the fighters had left Gao.", reference)
    assert speakers(r) == [("The CSP", "csp")]


def test_a_speaker_keeps_the_appositive_that_says_who_they_are(reference):
    r = run(MALI + '"The road is shut," said Fanta Keita, a spokeswoman for the town council.', reference)
    assert speakers(r) == [("Fanta Keita, a spokeswoman for the town council", None)]
    r = run(MALI + "His lawyer, Sekou Bah, said the detention in Bamako was unlawful.", reference)
    assert speakers(r) == [("His lawyer, Sekou Bah", None)]


def test_a_long_inverted_speaker_and_a_clause_going_on_after_it(reference):
    r = run(MALI + "Six rebels were killed near Gao, said the Office of Press and Public Affairs of the National Guard of the Republic.",
            reference)
    assert [(c["claimant_text"], c["content_text"]) for c in r.claims] == [
        ("the Office of Press and Public Affairs of the National Guard of the Republic", "Six rebels were killed near Gao")]
    r = run(MALI + "The last patrol left Gao on Friday, two local officials said, under an order from the governor.", reference)
    assert [(c["claimant_text"], c["content_text"]) for c in r.claims] == [("two local officials", "The last patrol left Gao on Friday")]


def test_a_participle_after_a_quote_shares_its_speaker(reference):
    r = run(MALI + '"The talks are over," the communique said, urging the parties to return to Gao.', reference)
    assert [(c["claimant_text"], c["cue"], c["content_text"]) for c in r.claims] == [
        ("the communique", "said", "The talks are over"), ("the communique", "urging", "the parties to return to Gao")]


def test_diplomatic_judicial_and_political_acts_are_strategic_developments(reference):
    cases = [
        "Synthetic: On Tuesday, Mali summoned the Guinean ambassador over the border incident.",
        "Synthetic: On Tuesday, Mali recalled its ambassador from Dakar for consultations.",
        "Synthetic: On Tuesday, the Malian authorities sentenced two journalists to a year in prison.",
        "Synthetic: On Tuesday, Mali's junta postponed the local elections in the Gao region.",
        "Synthetic: On Tuesday, Mali's junta declared two days of mourning after the attack.",
        "Synthetic: On Tuesday, Mali's junta closed its borders with Guinea until further notice.",
    ]
    for text in cases:
        r = run(text, reference)
        assert [(e["event_type"], e["sub_event_type"], str(e["date_start"])) for e in r.events] == [
            ("Strategic developments", "Other", "2023-10-10")], text
    # the noun is no act: "the sentence", "the summons" name no event of their own
    assert run("Synthetic: The sentence handed to the two journalists in Bamako drew wide criticism.", reference).events == []


def test_a_month_opening_the_sentence_dates_the_report_and_its_event(reference):
    r = run(MALI + "In February, the Malian authorities said they had arrested nine smugglers near Gao.", reference)
    [e] = r.events
    assert (str(e["date_start"]), str(e["date_end"])) == ("2023-02-01", "2023-02-28")


def test_a_time_or_channel_after_the_cue_is_not_content(reference):
    r = run(MALI + "Two posts near Gao were attacked overnight, while three guards remain unaccounted for, the army said late Tuesday.",
            reference)
    assert [(c["claimant_text"], c["content_text"]) for c in r.claims] == [
        ("the army", "Two posts near Gao were attacked overnight, while three guards remain unaccounted for")]
    r = run(MALI + "Rallies have been banned in Gao until further notice, the governor said in a message aired on state radio on Monday.",
            reference)
    assert [(c["claimant_text"], c["content_text"]) for c in r.claims] == [
        ("the governor", "Rallies have been banned in Gao until further notice")]


def test_an_attribution_before_without_or_citing_ends_the_content(reference):
    r = run(MALI + "The ferry sank near Gao on Sunday, the statement said, without naming the owner.", reference)
    assert [(c["claimant_text"], c["content_text"]) for c in r.claims] == [("the statement", "The ferry sank near Gao on Sunday")]
    r = run(MALI + "The consul must leave Bamako within a week, the junta said, citing insulting remarks on television.", reference)
    assert [(c["claimant_text"], c["cue"], c["content_text"]) for c in r.claims] == [
        ("the junta", "said", "The consul must leave Bamako within a week"),
        ("the junta", "citing", "insulting remarks on television")]


def test_more_event_words_from_the_tuning_sets(reference):
    def one(text):
        [e] = run(text, reference).events
        return e["event_type"], e["sub_event_type"]
    assert one(MALI + "On Monday the peacekeepers evacuated their camp near Tessalit.") == (
        "Strategic developments", "Change to group/activity")
    assert one(MALI + "Mali has suspended the broadcasts of two foreign radio stations since Friday.") == ("Strategic developments", "Other")
    assert one(MALI + "On Tuesday ECOWAS appointed a retired general as its envoy to Bamako.") == ("Strategic developments", "Other")
    assert one(MALI + "On Sunday gunmen raped three women near Mopti, a local official said.") == ("Violence against civilians", "Sexual violence")
    # an attack on civilian targets: violence against civilians, also when the attackers are called fighters
    assert one(MALI + "On Sunday JNIM fighters targeted lorries on the road to Kayes.") == ("Violence against civilians", "Attack")


def test_an_adverb_between_a_subject_country_and_its_verb(reference):
    r = run(MALI + "France later announced the departure of its soldiers from Mali in August 2022.", reference)
    [e] = r.events
    assert actors_of(r, e) == {("actor1", "french-armed-forces")}


def test_an_affiliate_speaks_for_itself_and_a_news_agency_for_no_party(reference):
    r = run(MALI + "The al-Qaeda affiliate JNIM said its fighters had left Gao.", reference)
    assert speakers(r) == [("The al-Qaeda affiliate JNIM", "jnim")]
    r = run(MALI + "JNIM fighters seized a truck near Gao, Reuters reported. Reuters was unable to confirm the seizure of the truck.",
            reference)
    assert speakers(r) == [("Reuters", None), ("Reuters", None)]


def test_the_ruling_and_military_junta_are_the_junta(reference):
    r = run(MALI + "Mali's ruling junta said the vote in Gao would go ahead.", reference)
    assert speakers(r) == [("Mali's ruling junta", "malian-military-junta")]
    r = run(MALI + "Mali's military junta said the vote in Gao would go ahead.", reference)
    assert speakers(r) == [("Mali's military junta", "malian-military-junta")]
