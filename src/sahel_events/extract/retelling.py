"""One event per happening: later sentences that retell an event, and restatements, add to it
instead of adding rows."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .events import Event

def _refines(ev: Event, prev: Event, main_country: str | None) -> bool | None:
    """Whether a retelling's place is compatible with the earlier event's (None: it is not), and True
    when it makes that place finer (the lead said only "in Mali", the retelling names the town)."""
    if ev.place_id in (None, main_country, prev.place_id):
        return prev.place_id in (None, main_country) and ev.place_id not in (None, main_country)
    return True if prev.place_id in (None, main_country) else None


def retells(text: str, ev: Event, last: tuple[int, Event], number: int, main_country: str | None) -> bool:
    """A violent event in the sentence after another's that refers back to it ("the assailants",
    "the attack") and adds no other date (it may date an undated lead), place or named attacker retells that event
    (news reports lead with an attack, then describe it); its toll, if any, is the event's."""
    n, prev = last
    same_date = ev.date.get("date_start") is not None and (ev.date["date_start"], ev.date["date_end"]) == (prev.date.get("date_start"), prev.date.get("date_end"))
    dates_it = ev.date.get("date_text") is not None and prev.date.get("date_text") is None and prev.date.get("date_start") is None
    if not 0 < number - n <= 3 or (ev.date.get("date_text") is not None and not same_date and not dates_it):
        return False
    wound = bool(re.search(r"(?i)\b(?:wound|injur)", text[ev.trigger[0] : ev.trigger[1]]))
    if number - n == 3 and not wound:
        return False
    clause = text[ev.evidence[0] : ev.evidence[1]]
    explicit = bool(_BACK_REFERENCE.search(clause))
    toll = number - n <= 2 and ev.kind in ("kill", "attack") and bool(_TOLL.search(clause))
    if not ((ev.kind == "attack" and wound) or toll or explicit) or _NEW_EVENT_NOUN.search(clause):
        return False
    if dates_it and not explicit:
        return False  # "X was killed in August" after an undated report: only a pointer back ("They", "the attack") makes it the same
    if ev.fatalities != (None, None) and prev.fatalities != (None, None) and not explicit:
        return False  # two tolls and nothing pointing back: two events
    refines = _refines(ev, prev, main_country)
    if refines is None:
        return False
    a1 = ev.roles.get("actor1", [])
    prev_all = {a for ids in prev.roles.values() for a in ids}
    if not (not a1 or a1 == ["unidentified-armed-group-mali"] or a1 == prev.roles.get("actor1", []) or (explicit and set(a1) <= prev_all)):
        return False
    if ev.fatalities != (None, None) and prev.fatalities == (None, None):  # "The army said 10 soldiers were killed": the toll of the attack just reported
        prev.fatalities = ev.fatalities
    if refines:  # "... attacked the Niafunke post": the lead's town
        prev.place_id, prev.geo_precision = ev.place_id, ev.geo_precision
    if dates_it:  # "They were seized on Tuesday near ...": the undated lead gets its date
        prev.date = dict(ev.date)
    return True


_BACK_REFERENCE = re.compile(
    r"\b(?:the|this|that|these)\s+(?:\w+\s+)?(?:attacks?|assault|ambush|raid|strikes?|bombing|explosion|blast|assailants|attackers|"
    r"gunmen|militants|jihadists|fighters|rebels|terrorists|insurgents|extremists|separatists|camp|base|post|outpost|position|convoy|village|town|victims|event|incident|operation|ship|boat|vessel|bus|vehicle)\b|^\W*(?:They|He|These|This|It)\b|\b(?:soldiers|people|civilians)\s+were\b",
    re.I,
)


# "One peacekeeper was killed and two others were hurt" right after the attack: its toll.
_TOLL = re.compile(r"\b(?:was|were|are|is)\s+(?:\w+ly\s+)?(?:killed|wounded|injured|dead)\b|\b(?:killed|wounded|injured)\s*(?:[,.;]|$)", re.I)


_NEW_EVENT_NOUN = re.compile(r"\b(?:an?|another|second|new)\s+(?:\w+\s+)?(?:attack|assault|ambush|raid|strike|bombing|explosion|blast)\b", re.I)


# "the strikes", "these attacks": a definite reference to violence the story has already reported.
_DEFINITE_VIOLENCE = re.compile(
    r"\b(?:the|these|those|this|that|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today)['’]s)\s+(?:(?:\w+|drone|air)\s+)?(?P<noun>attacks?|assaults?|ambush(?:es)?|raids?|strikes?|airstrikes?|bombings?|"
    r"explosions?|blasts?|killings?|massacres?|violence|fighting|clashes)\b|^\W*(?:These|Those)\b",
    re.I,
)


def retold_earlier(text: str, ev: Event, earlier: list[Event], main_country: str | None) -> Event | None:
    """The earlier violent event that a later clause refers back to by a definite noun ("15 civilians
    died in the strikes"), however far back, when the clause adds no other date, place or
    attacker of its own; its toll, if any, fills the earlier event's."""
    if not earlier or _NEW_EVENT_NOUN.search(text, ev.evidence[0], ev.evidence[1]):
        return None
    ref = _DEFINITE_VIOLENCE.search(text, ev.evidence[0], ev.evidence[1])
    if ref is None:
        return None
    strikes = bool(ref.group("noun") and re.match(r"(?i)(?:air)?strike|bomb|explos|blast", ref.group("noun")))
    for prev in reversed(earlier):
        if strikes and prev.event_type != "Explosions/Remote violence":
            continue
        dates_it = ev.date.get("date_text") is not None and prev.date.get("date_text") is None
        if ev.date.get("date_text") is not None and not dates_it and (ev.date.get("date_start"), ev.date.get("date_end")) != (prev.date.get("date_start"), prev.date.get("date_end")):
            continue  # a date of its own that is not the earlier event's: another event
        refines = _refines(ev, prev, main_country)
        if refines is None:
            continue
        a1 = ev.roles.get("actor1", [])
        prev_all = {a for ids in prev.roles.values() for a in ids}
        if a1 and a1 != ["unidentified-armed-group-mali"] and not set(a1) <= prev_all:
            continue
        if ev.fatalities != (None, None) and prev.fatalities == (None, None):
            prev.fatalities = ev.fatalities
        if refines:
            prev.place_id, prev.geo_precision = ev.place_id, ev.geo_precision
        if dates_it:  # "The attack took place Sunday near Gao": the undated lead gets its date
            prev.date = dict(ev.date)
        return prev
    return None


def dedupe(text: str, events: list[Event]) -> list[Event]:
    """One event per (kind, first actor, status, place): restatements of the same event that add no
    date are dropped ("The junta decided on Monday ... It also decided that ..." is one decision).
    Orders and decisions are restated with the same verb; another verb ("dissolved the parties" ...
    "issued a decree") is another decision."""
    verbs: dict[tuple[str, str, str, str], set[str]] = {}  # the order verbs seen per key
    out: list[Event] = []
    for e in events:
        a1 = (e.roles.get("actor1") or [""])[0]
        key = (e.kind, a1, e.status, e.place_id or "")
        verb = text[e.trigger[0] : e.trigger[1]].split()[0].lower()[:4] if e.kind == "order" else ""
        also = re.search(r"\balso\s+$", text[max(0, e.trigger[0] - 12) : e.trigger[0]])  # "It also requested ...": a further provision
        same = key in verbs and (e.kind != "order" or also or verb in verbs[key])
        if a1 and same and e.kind in ("withdraw", "takeover", "move", "operate", "form", "coup", "order"):
            if e.date.get("date_text") is None:
                continue
        verbs.setdefault(key, set()).add(verb)
        out.append(e)
    return out
