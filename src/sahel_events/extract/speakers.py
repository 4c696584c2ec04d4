"""Who a claimant stands for, when the dictionary does not name it in the claimant itself.

News text names a speaker once in full ("government spokesperson Colonel John
Roe", "Head of MINUSMA, Jane Doe") and later by surname, title or pronoun.
A coder codes every later claim to the same actor; these rules do the same:

1. a name or title said earlier in a noun phrase that contains a dictionary actor
   ("Head of MINUSMA, Jane Doe" -> MINUSMA);
2. a role word of a state in the article's country ("government spokesperson" ->
   the government; "army officer" -> the armed forces);
3. a pronoun ("he", "she", "it") -> the actor of the previous claim, up to three
   sentences back;
4. a country that speaks ("Mali says") -> its government; the Secretary-General
   -> the United Nations;
5. a document ("the statement") -> as a pronoun; "the group" -> the armed group
   named last; "the force" -> the armed force or mission named last.

A role word qualified by another state ("British minister", "Moroccan
authorities") or sitting in a modifier ("rebels fighting government forces")
is not of the article's country.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from ..reference import Reference
from .claims import _SPEAKER_MODIFIER, Claim
from .matching import Mention
from .text import Span

_PRONOUN = re.compile(r"^(?:he|she|it|they)$", re.I)
# "the statement", "its communique": a document of the speaker already quoted
_DOCUMENT = re.compile(r"^(?:the|its|their|this|that)\s+(?:\w+\s+)?(?:statement|communiqu[eé]|press\s+release|release|message|messages|letter|video)$", re.I)
# "the group", "the jihadist group": the armed group named before
_GROUP_WORD = re.compile(r"^(?:the|this)\s+(?:\w+\s+)?(?:group|movement)$", re.I)
_MEDIA = re.compile(r"(?:the\s+)?(?:Reuters|AFP|Agence\s+France-Presse|AP|Associated\s+Press|Xinhua|ANI|Sputnik|TASS|RFI|BBC|"
                    r"Al\s+Jazeera|France\s+24|VOA|Anadolu)(?:\s+news\s+agency)?")
_FORCE_WORD = re.compile(r"^the\s+(?:force|mission)$", re.I)
_UN_CHIEF = re.compile(r"\bSecretary[- ]General\b")
_OTHER_BODY = re.compile(r"\b(?:ECOWAS|AU|African\s+Union|NATO|OIC|AES|Arab\s+League|G5)\b")
_GOVERNMENT_ROLE = re.compile(r"\b(?:government|governmental|presidency|ministry|minister|junta|regime|authorities|transition)\b", re.I)
_FORCES_ROLE = re.compile(r"\b(?:army|military|armed\s+forces|soldiers?|troops|officers?|commanders?)\b", re.I)
_VERB = re.compile(r"\b(?:said|says|say|told|tells|accused|accuses|reported|reports|announced|added|stated|claimed|denied|called|urged|"
                   r"has|have|had|is|are|was|were|will|would)\b")
_NAME_TAIL = re.compile(r"(?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]{2,}$")


# Another state named in the speaker's phrase ("British Armed Forces Minister", "Moroccan authorities"):
# its role words are not of the article's country.
_FOREIGN = re.compile(
    r"\b(?:British|French|Moroccan|Algerian|Russian|American|U\.?S\.?|Ivorian|Senegalese|Nigerien|Nigerian|Burkinab[eé]|Chadian|"
    r"Mauritanian|Guinean|Togolese|Beninese|Ghanaian|German|Chinese|Ukrainian|Emirati|Egyptian|Spanish|Italian|Indian|Turkish|"
    r"Canadian|Swedish|Danish|Dutch|Belgian|Norwegian|Estonian|European|Western|"
    r"France|Britain|Russia|Morocco|Algeria|Ukraine|Germany|China|Ivory\s+Coast|Senegal|Mauritania|Guinea|Togo|Benin|Ghana|"
    r"Burkina\s+Faso|Niger|Nigeria|Chad|Washington|Paris|Moscow|London|Algiers|Rabat|Kyiv|Kiev)\b"
)


def _role_actor(words: str, reference: Reference, countries: list[str]) -> str | None:
    cut = _SPEAKER_MODIFIER.search(words)  # the speaker's own noun phrase: "rebels fighting government forces" are the rebels
    words = words[: cut.start()] if cut else words
    if _FOREIGN.search(words):
        return None
    for country in countries:
        if _GOVERNMENT_ROLE.search(words):
            return reference.state_actor(country, "government")
        if _FORCES_ROLE.search(words):
            return reference.state_actor(country, "state_forces")
    return None


def _earlier_phrase_actor(text: str, name: str, before: int, actors: list[Mention], spans: list[Span]) -> tuple[str | None, str]:
    """The actor in the noun phrase around the first earlier use of ``name``, and that phrase."""
    first = re.compile(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])").search(text, 0, before)
    if first is None:
        return None, ""
    at = first.start()
    starts = [s for s, _ in spans]
    s0, s1 = spans[max(0, bisect_right(starts, at) - 1)]
    lo = max(s0, text.rfind(".", s0, at) + 1, at - 100)
    comma = text.find(",", at + len(name), s1)
    verb = _VERB.search(text, at + len(name), s1)  # "HRW said Malian troops ...": the noun phrase ends at its verb
    hi = min(s1, at + len(name) + 60, comma if comma != -1 else s1, verb.start() if verb else s1)
    phrase = text[lo:hi]
    inside = [m for m in actors if lo <= m.start and m.end <= hi and not (at <= m.start < at + len(name))]
    after = [m for m in inside if m.start >= at + len(name)]
    pick = after[-1] if after else (max(inside, key=lambda m: m.end) if inside else None)
    return (pick.actor_id if pick else None), phrase


def _country_actor(claimant: Span, mentions: list[Mention], reference: Reference) -> str | None:
    """A country that speaks ("Mali says ...") speaks through its government."""
    for m in mentions:
        if (m.start, m.end) == claimant and m.place_id and reference.places.get(m.place_id, {}).get("feature") == "country":
            return reference.state_actor(reference.places[m.place_id].get("country", ""), "government")
    return None


def resolve_claimants(text: str, claims: list[Claim], mentions: list[Mention], reference: Reference, spans: list[Span]) -> None:
    """Fill ``claimant_actor`` where the rules above find one (in place; text order)."""
    actors = [m for m in mentions if m.entity_type == "actor" and m.actor_id]
    # the article's countries, most named first: a role word ("army spokesman") is of the country the story is about
    named = Counter(reference.places[m.place_id].get("country") for m in mentions if m.place_id in reference.places)
    named.pop(None, None)
    countries = [c for c, _ in sorted(named.items(), key=lambda kv: (-kv[1], kv[0]))]
    starts = [s for s, _ in spans]
    previous: list[tuple[int, str]] = []  # (sentence number, actor) of earlier resolved claims
    for c in sorted(claims, key=lambda c: c.cue[0]):
        sentence = bisect_right(starts, c.cue[0]) - 1
        if c.claimant is not None and c.claimant_actor is None:
            who = text[c.claimant[0] : c.claimant[1]]
            if _MEDIA.fullmatch(who):
                pass  # "Reuters could not verify ...": a news agency is a source, never a party
            elif _PRONOUN.match(who) or _DOCUMENT.match(who):
                recent = [a for n, a in previous if sentence - n <= 3]
                c.claimant_actor = recent[-1] if recent else None
            elif _GROUP_WORD.match(who) or _FORCE_WORD.match(who):
                # "the group said": the armed group named last before it; "the force said": the force named last
                inters = (2, 3) if _GROUP_WORD.match(who) else (1, 8)
                earlier = [m.actor_id for m in actors if m.end <= c.claimant[0]
                           and reference.actors.get(m.actor_id or "", {}).get("acled_inter") in inters
                           and reference.actors.get(m.actor_id or "", {}).get("actor_type") != "government"]
                c.claimant_actor = earlier[-1] if earlier else None
            else:
                name = _NAME_TAIL.search(who)
                key = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.I)
                for probe in (key, name.group(0) if name else None):
                    if c.claimant_actor is None and probe and len(probe) >= 3:
                        actor, phrase = _earlier_phrase_actor(text, probe, c.claimant[0], actors, spans)
                        c.claimant_actor = actor or (_role_actor(phrase, reference, countries) if phrase else None)
                if c.claimant_actor is None:
                    c.claimant_actor = _role_actor(who, reference, countries)
                if c.claimant_actor is None and _UN_CHIEF.search(who) and not _OTHER_BODY.search(who) and "united-nations" in reference.actors:
                    c.claimant_actor = "united-nations"  # the Secretary-General speaks for the UN (a title, not a name)
                if c.claimant_actor is None:
                    c.claimant_actor = _country_actor(c.claimant, mentions, reference)
        if c.claimant_actor:
            previous.append((sentence, c.claimant_actor))
