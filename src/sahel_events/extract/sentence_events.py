"""Events for the sentences the rules left without one but the sentence model flags.

Each such event is the whole sentence as evidence, typed by the sentence's first
lexicon trigger (Strategic developments / Other without one), with the rules'
status test on that trigger, the sentence's first resolved date, its first
gazetteer place and its first dictionary actor. Only sentences that name a
dictionary actor qualify (every event has an actor), and none inside a denied or
uncertain claim.
"""

from __future__ import annotations

import datetime as dt
import re

from ..reference import Reference
from .claims import Claim
from .eventdates import date_fields, is_deadline
from .events import _GEO, Event, _is_dateline, _main_country, _status
from .lexicon import SD, TRIGGER_RE, trigger_of
from .matching import Mention
from .sentence_model import features, load_model, probability
from .text import Clause, Span
from .timex import Timex

_FUTURE = re.compile(r"\b(?:will|shall|plans?\s+to|planned\s+to|intends?\s+to|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to|(?:is|are)\s+to)\b", re.I)
_VIOLENT_TYPES = ("Battles", "Violence against civilians", "Explosions/Remote violence")
_MAX_WORDS = 70
# "Mali announced ...", "Burkina Faso, Mali and Niger signed ...": a country acting as the
# subject of a political act is its government. The country opens the sentence (after a
# dateline or a short time phrase at most), other countries may follow it, then a finite verb.
_LEAD = re.compile(r"(?:[A-Za-z ,().]{0,40}(?:—|–|\s-|:)\s*)?(?:(?:On|In|Last|Earlier|Late)\b[^,]{0,30},\s*)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:,\s*|\s+and\s+))*$")
_VERB_AFTER = re.compile(r"(?:(?:,\s*|\s+and\s+)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*\s+(?:(?:has|have|had|also|officially|formally|jointly)\s+)*"
                         r"(?:[a-z]+ed|announced|signed|cut|left|quit|broke|severed|formed)\b")


def _country_subject(text: str, sentence: Span, places: list[Mention], reference: Reference) -> list[Mention]:
    """The country that is the subject of the sentence, standing for its government (as an actor mention)."""
    for m in places:
        if not sentence[0] <= m.start < sentence[1] or reference.places.get(m.place_id or "", {}).get("feature") != "country":
            continue
        state = reference.state_actor(reference.places[m.place_id or ""].get("country", ""), "government")
        if state and _LEAD.fullmatch(text, sentence[0], m.start) and _VERB_AFTER.match(text, m.end, sentence[1]):
            return [Mention(m.start, m.end, m.text, "actor", state, None)]
        return []
    return []


def flagged_sentence_events(text: str, sentence_list: list[Span], clause_lists: list[list[Clause]], mentions: list[Mention],
                            timexes: list[Timex], claims: list[Claim], events: list[Event], reference: Reference,
                            dct: dt.date | None) -> list[Event]:
    model = load_model()
    actors = [m for m in mentions if m.entity_type == "actor" and m.actor_id]
    places = [m for m in mentions if m.entity_type == "place" and m.place_id]
    main_country = _main_country(places, reference)
    out: list[Event] = []
    seen: set[str] = set()
    for sentence, cls in zip(sentence_list, clause_lists):
        s0, s1 = sentence
        said = " ".join(text[s0:s1].split()).casefold()
        if said in seen or any(s0 <= e.evidence[0] < s1 for e in events):
            continue  # a headline repeated as the lead: the event is the first one's
        seen.add(said)
        s_actors = [m for m in actors if s0 <= m.start < s1] or _country_subject(text, sentence, places, reference)
        if len(text[s0:s1].split()) > _MAX_WORDS:
            continue  # a run-on capture or a list, not one sentence: too vague to be evidence
        if not s_actors or any(c.modality in ("uncertain", "denied") and c.content[0] < s1 and s0 < c.content[1] for c in claims):
            continue
        if probability(model, features(text, sentence, True)) < model["threshold"]:
            continue
        trig = TRIGGER_RE.search(text, s0, s1)
        if trig is not None:
            t = trigger_of(trig)
            clause = next((c for c in cls if c.start <= trig.start() < c.end), cls[0])
            status = _status(text, clause, trig, sentence, False, t.kind)
            if status is None:
                continue  # negated, hypothetical, habitual: the rules' reading of the trigger stands
            event_type, sub_type, anchor = t.event_type, t.sub_type, (trig.start(), trig.end())
        else:
            status = "planned" if _FUTURE.search(text, s0, s1) else "occurred"
            event_type, sub_type, anchor = SD, "Other", (s_actors[0].start, s_actors[0].end)
        dated = [d for d in timexes if d.kind == "date" and s0 <= d.start < s1 and d.date_start is not None
                 and (status == "planned" or not is_deadline(text, d, s0))]
        if dated:
            d = dated[0]
            date = date_fields(d.text, d.date_start, d.date_end, d.precision, d.rule)
        elif status == "ongoing" and dct is not None:
            date = date_fields(None, dct, dct, "day", "present")
        else:
            date = date_fields(None, None, None, "unknown", "none")
        s_places = [m for m in places if s0 <= m.start < s1 and not _is_dateline(text, m) and m.start != s_actors[0].start]
        place_id = s_places[0].place_id if s_places else None
        if place_id is None and reference.actors.get(s_actors[0].actor_id or "", {}).get("actor_type") != "person":
            place_id = main_country
        geo = _GEO.get(reference.places.get(place_id, {}).get("feature"), 2) if place_id else None
        roles = {"actor1": [s_actors[0].actor_id or ""]}
        other = next((m.actor_id for m in s_actors if m.actor_id != s_actors[0].actor_id), None)
        if other and event_type in _VIOLENT_TYPES:
            roles["actor2"] = [other]
        out.append(Event("sentence", anchor, sentence, event_type, sub_type, status, date, place_id, geo, (None, None), roles))
    return out
