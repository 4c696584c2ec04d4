"""Events for the sentences the sentence model flags where the rules found none.

The model speaks only on sentences without a rule event, including those whose
event word the rules turned down: leave-one-set-out runs over the tuning sets
showed the model's second opinion there gains more events than it adds errors
(docs/decisions.md, fifth pass). A sentence the rules ruled out for good (negated,
hypothetical, abroad, a tally) stays out, and so does one inside a denied or
uncertain claim. A flagged sentence must carry a resolved date: without an event
word or a date it is more often a description than an event. It needs no actor
of its own (docs/decisions.md, sixth pass: that condition cost more events than
errors it saved): its actor is the sentence's first dictionary actor, a country
that is the subject of a political act (standing for its government), or else
the article's last actor named before it, as a coder reads "they" or "the
fighters"; an article that has named none gets no event. The event is the whole
sentence as evidence, with the type the model's type part scores highest
(Strategic developments / Other for a model without one), planned when the
sentence speaks of the future, with the sentence's first date, its first
gazetteer place and that actor.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection

from ..reference import Reference
from .claims import Claim
from .eventdates import date_fields, is_deadline
from .events import _GEO, Event, _is_dateline, _main_country
from .lexicon import SD
from .matching import Mention
from .sentence_model import event_type, features, load_model, probability
from .text import Span
from .timex import Timex

_FUTURE = re.compile(r"\b(?:will|shall|plans?\s+to|planned\s+to|intends?\s+to|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to|(?:is|are)\s+to)\b", re.I)
_MAX_WORDS = 70
# "Mali announced ...", "Burkina Faso, Mali and Niger signed ...": a country acting as the
# subject of a political act is its government. The country opens the sentence (after a
# dateline or a short time phrase at most), other countries may follow it, then a finite verb.
_LEAD = re.compile(r"(?:[A-Za-z ,().]{0,40}(?:—|–|\s-|:)\s*)?(?:(?:On|In|Last|Earlier|Late)\b[^,]{0,30},\s*)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:,\s*|\s+and\s+))*$")
_VERB_AFTER = re.compile(r"(?:(?:,\s*|\s+and\s+)[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*\s+(?:(?:has|have|had|also|officially|formally|jointly)\s+)*"
                         r"(?:[a-z]+ed|announced|signed|cut|left|quit|broke|severed|formed)\b")


def _country_as_subject(text: str, sentence: Span, places: list[Mention], reference: Reference) -> list[Mention]:
    """The country that is the subject of the sentence, standing for its government (as an actor mention);
    only the sentence's first country is tried."""
    for m in places:
        if not sentence[0] <= m.start < sentence[1] or reference.places.get(m.place_id or "", {}).get("feature") != "country":
            continue
        state = reference.state_actor(reference.places[m.place_id or ""].get("country", ""), "government")
        if state and _LEAD.fullmatch(text, sentence[0], m.start) and _VERB_AFTER.match(text, m.end, sentence[1]):
            return [Mention(m.start, m.end, m.text, "actor", state, None)]
        return []
    return []


def flagged_sentence_events(text: str, sentence_list: list[Span], mentions: list[Mention], timexes: list[Timex],
                            claims: list[Claim], events: list[Event], reference: Reference,
                            vetoed: Collection[Span] = (), dct: dt.date | None = None) -> list[Event]:
    model = load_model()
    actors = [m for m in mentions if m.entity_type == "actor" and m.actor_id]
    places = [m for m in mentions if m.entity_type == "place" and m.place_id]
    main_country = _main_country(places, reference)
    out: list[Event] = []
    seen: set[str] = set()
    for sentence in sentence_list:
        s0, s1 = sentence
        said = " ".join(text[s0:s1].split()).casefold()
        if said in seen:
            continue  # a headline repeated as the lead: the event is the first one's
        seen.add(said)
        if any(s0 <= e.evidence[0] < s1 for e in events) or sentence in vetoed:
            continue  # the rules found an event here (the model adds none beside it), or ruled one out for good
        if len(text[s0:s1].split()) > _MAX_WORDS:
            continue  # a run-on capture or a list, not one sentence: too vague to be evidence
        if any(c.modality in ("uncertain", "denied") and c.content[0] < s1 and s0 < c.content[1] for c in claims):
            continue
        status = "planned" if _FUTURE.search(text, s0, s1) else "occurred"
        dated = [d for d in timexes if d.kind == "date" and s0 <= d.start < s1 and d.date_start is not None
                 and (status == "planned" or not is_deadline(text, d, s0))]  # "by 31 May" dates only a plan
        if not dated:
            continue  # no event word and no date: more often a description ("X faces threats from Y") than an event
        feats = features(text, sentence, any(s0 <= m.start < s1 for m in actors), timexes, dct)
        if probability(model, feats) < model["threshold"]:
            continue
        s_actors = [m for m in actors if s0 <= m.start < s1] or _country_as_subject(text, sentence, places, reference)
        if not s_actors:
            s_actors = [m for m in actors if m.end <= s0][-1:]  # the actor the story is about so far
            if not s_actors:
                continue
        d = dated[0]
        date = date_fields(d.text, d.date_start, d.date_end, d.precision, d.rule)
        actor = s_actors[0]
        inside = s0 <= actor.start < s1
        s_places = [m for m in places if s0 <= m.start < s1 and not _is_dateline(text, m) and m.start != actor.start]
        place_id = s_places[0].place_id if s_places else None
        if place_id is None and reference.actors.get(actor.actor_id or "", {}).get("actor_type") != "person":
            place_id = main_country
        geo = _GEO.get(reference.places.get(place_id, {}).get("feature"), 2) if place_id else None
        anchor = (actor.start, actor.end) if inside else (s0, s0)
        kind = event_type(model, feats) or (SD, "Other")
        out.append(Event("sentence", anchor, sentence, kind[0], kind[1], status, date, place_id, geo, (None, None),
                         {"actor1": [actor.actor_id or ""]}))
    return out
