"""Who a claimant stands for, when the dictionary does not name it in the claimant itself.

News text names a speaker once in full ("government spokesperson Colonel John
Roe", "Head of MINUSMA, Jane Doe") and later by surname, title or pronoun.
A coder codes every later claim to the same actor; these rules do the same:

1. a name or title said earlier in a noun phrase that contains a dictionary actor
   ("Head of MINUSMA, Jane Doe" -> MINUSMA);
2. a role word of a state in the article's country ("government spokesperson" ->
   the government; "army officer" -> the armed forces);
3. a pronoun ("he", "she", "it") -> the actor of the previous claim, up to three
   sentences back.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from ..reference import Reference
from .claims import Claim
from .matching import Mention
from .text import Span

_PRONOUN = re.compile(r"^(?:he|she|it|they)$", re.I)
_GOVERNMENT_ROLE = re.compile(r"\b(?:government|governmental|presidency|ministry|minister|junta|regime|authorities|transition)\b", re.I)
_FORCES_ROLE = re.compile(r"\b(?:army|military|armed\s+forces|soldiers?|troops|officers?|commanders?)\b", re.I)
_VERB = re.compile(r"\b(?:said|says|say|told|tells|accused|accuses|reported|reports|announced|added|stated|claimed|denied|called|urged|"
                   r"has|have|had|is|are|was|were|will|would)\b")
_NAME_TAIL = re.compile(r"(?:[A-Z][\w’'-]+\s+)*[A-Z][\w’'-]{2,}$")


def _role_actor(words: str, reference: Reference, countries: list[str]) -> str | None:
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
            if _PRONOUN.match(who):
                recent = [a for n, a in previous if sentence - n <= 3]
                c.claimant_actor = recent[-1] if recent else None
            else:
                name = _NAME_TAIL.search(who)
                key = re.sub(r"^(?:the|a|an)\s+", "", who, flags=re.I)
                for probe in (key, name.group(0) if name else None):
                    if c.claimant_actor is None and probe and len(probe) >= 3:
                        actor, phrase = _earlier_phrase_actor(text, probe, c.claimant[0], actors, spans)
                        c.claimant_actor = actor or (_role_actor(phrase, reference, countries) if phrase else None)
                if c.claimant_actor is None:
                    c.claimant_actor = _role_actor(who, reference, countries)
        if c.claimant_actor:
            previous.append((sentence, c.claimant_actor))
