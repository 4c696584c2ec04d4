"""Events from trigger words, one clause at a time.

Precision first: a trigger becomes an event only when the clause names a
participant (an actor, a place, or a word such as "troops" or "convoy"), and
never when the clause is hypothetical ("could", "if", "whether", "able to") or
negated. Infinitives count only under a governor that makes them an event
("meant to replace": planned; "seeking to take over": ongoing). Two triggers of
the same kind with the same first actor and status are one event (an article
often restates its main event).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..reference import Reference
from .claims import Claim, _subject_before
from .lexicon import EXPLOSION_SUBTYPES, TRIGGER_RE, Trigger, trigger_of
from .matching import ABROAD, NEIGHBOURS, Mention
from .text import Clause, Span
from .eventdates import date_fields, event_date, is_deadline
from .retelling import dedupe, retells, retold_earlier
from .timex import Timex
from .tolls import summed_toll, toll

_HYPOTHETICAL = re.compile(r"\b(?:[Cc]ould|[Ww]ould|[Mm]ight|may|[Ii]f|[Uu]nless|[Ss]hould|able\s+to|[Ww]hether|avoided)\b")
_NEGATION = re.compile(r"\b(?:not|never|no\s+longer|refused\s+to|failed\s+to|denied)\s+(?:\w+\s+){0,3}$", re.I)
_PLANNED = re.compile(
    r"\b(?:will|shall|plans?\s+(?:to|for)|planned|planning|meant\s+to|set\s+to|expected\s+to|scheduled\s+to|intends?\s+to|"
    r"intended\s+to|going\s+to|is\s+to|are\s+to|about\s+to|in\s+the\s+coming|plan\s+for|prepar(?:e|es|ing)\s+to|ready\s+to|"
    r"(?:determination|determined|commitment|committed|intention|resolve|resolved|pledged?|vowed?|promised?)\s+to)\b",
    re.I,
)
_ONGOING = re.compile(
    r"\b(?:is|are|am)\s+(?:\w+ly\s+)?(?:seeking|trying|attempting|beginning|continuing|\w+ing)\b|\bbegins?\s+to\b|\bcontinues?\s+to\b|"
    r"\bin\s+the\s+process\s+of\b|\bnow\b|\bstill\b",
    re.I,
)
_INFINITIVE_GOVERNOR = re.compile(
    r"\b(?:meant|seeking|seek|seeks|plans?|planning|planned|begins?|began|beginning|set|expected|scheduled|going|intends?|"
    r"intended|about|continues?|started?|trying|tried|attempting|attempted|is|are|was|were|prepar(?:e|es|ed|ing)|ready|"
    r"determination|determined|commitment|committed|intention|resolve|resolved|pledged?|vowed?|promised?)\s+to\s+(?:\w+ly\s+)?$",
    re.I,
)
_GERUND_GOVERNOR = re.compile(r"\b(?:process\s+of|accused\s+of|plans?\s+for|after|before|while|is|are|was|were|been|began|started|continued)\s+(?:\w+ly\s+)?$", re.I)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)
_PARTICIPANTS = re.compile(
    r"\b(?:troops|soldiers|forces|convoys?|aircraft|planes?|helicopters?|gunmen|militants|jihadists|fighters|rebels|civilians|"
    r"people|villagers|peacekeepers|personnel|camps?|bases?|patrols?|police|army|military|government|junta|assailants|attackers|"
    r"terrorists|insurgents|militiamen|residents|houses|homes|shops|markets?|nationals|foreigners|hostages|workers|journalists|"
    r"passengers|travell?ers|students|teachers|traders|farmers|herders|women|children|men|others|victims|officials|miners|drivers)\b",
    re.I,
)
_POSSESSED = re.compile(r"\s*(?:Its|its|Their|their)\s+(?:\w+\s+)?(?:convoy|patrol|base|camp|aircraft|plane|helicopter|vehicles?|positions?|troops|soldiers|peacekeepers|men|fighters)\b")
_OWNED = re.compile(r"\bthe\s+(convoy|patrol|base|camp|aircraft|plane|helicopter|vehicles?)\b", re.I)
# A moving participant right before a movement participle: "a column heading to Menaka" (ongoing).
_MOVER = re.compile(
    r"\b(?:convoys?|troops|columns?|vehicles|trucks|forces|soldiers|patrols?|aircraft|planes?|boats?|fighters|militants|"
    r"refugees|people|personnel|peacekeepers)\s+$",
    re.I,
)
# What a passive "be discontinued/suspended" must be about to be a change in an actor's activity.
_ACTIVITY = re.compile(
    r"\b(?:mandate|operations?|activities|activity|presence|mission|patrols?|flights?|deployment|support|cooperation|"
    r"programmes?|programs?|assistance|services?)\b",
    re.I,
)
_FRONTED = re.compile(r"\s*,\s*")
_FRONTED_LEAD = re.compile(r"(?:^|[,;:]|\bthat)\s*$")
_POSSESSIVE = re.compile(r"\b(?:its|their)\b", re.I)
_BY_AGENT = re.compile(r"\bby\s+$", re.I)
_NOUN_BY = re.compile(r"\s+(?:(?:\w+\s+){0,2}?(?:carried\s+out|perpetrated|launched|committed)\s+)?by\s+(?:the\s+)?", re.I)
_PRONOUN_OBJECT = re.compile(r"\b(?:their|them|its|it)\b", re.I)
_FIRST_PERSON = re.compile(r"\b(?:our|we)\b", re.I)
_COORD = re.compile(r"^\s*(?:,\s*)?(?:and|,|and\s+(?:the|its|their)|as\s+well\s+as|with)\s*$", re.I)
_GEO = {"populated_place": 1, "admin_region": 3, "country": 4}
# Attackers the text does not identify: a violent event in the article's country by an unidentified armed group.
_ATTACKERS = re.compile(
    r"\b(?:gunmen|assailants|attackers|militants|jihadists|terrorists|insurgents|armed\s+(?:men|groups?|individuals)|"
    r"(?:jihadist|islamist|extremist|armed)\s+fighters|"
    r"unidentified|unknown\s+(?:men|assailants|attackers)|suspected\s+\w+)\b",
    re.I,
)
# A reporting verb and "that" before "would": the future seen from the past, not a hypothesis.
_REPORTED_FUTURE = re.compile(r"\b(?:announced|said|stated|declared|decided|confirmed|indicated)\s+(?:\w+\s+){0,3}?that\s+(?:[\w’'-]+\s+){1,6}?$", re.I)
# A plural event noun said to be or do something in general is no particular event.
_BARE_PLURAL = re.compile(r"(?i:attacks|ambushes|raids|assaults|clashes|coups(?:\s+d['’]état)?|air\s*strikes|drone\s*strikes|killings|abductions|kidnappings|bombings)")
# "accused Malian troops and foreign personnel of executing ...": the accused act (an allegation, see claims)
_ACCUSED_OF = re.compile(r"\baccus(?:ed|es|e|ing)\s+[^.;]{0,120}?\bof\s+$", re.I)
_NOUN_BEFORE = re.compile(
    r"\b(?:in|during|of|after|before|amid|following|the|these|those|several|two|three|four|five|multiple|twin|separate|successive|deadly|heavy|fierce|"
    r"recent|repeated|new|fresh|further|similar|coordinated|simultaneous|jihadist|terrorist|militant|rebel|\d+)\s+$",
    re.I,
)
_GENERIC_AFTER = re.compile(r"\b(?:may|can|could|might|must|would|should|constitutes?|amounts?\s+to|occur|happen|take\s+place)\b")
_NOUN_TRIGGER = re.compile(r"(?i:attacks?|ambush(?:es)?|clash(?:es)?|raids?|assaults?|(?:air|drone)\s*strikes?|bombings?|killings?|offensive)")
_SUMMARY = re.compile(
    r"\b(?:in|during|by)\s+(?:two|three|four|five|twin|separate|several|multiple|a\s+series\s+of)\s+(?:\w+\s+){0,2}?"
    r"(?:attacks|strikes|ambushes|raids|clashes|assaults|bombings)\b",
    re.I,
)
_SCENE = re.compile(r"\b(?:as|while|when)\s+(?:it|they|he|she|the\s+\w+|its\s+\w+|their\s+\w+)\s+(?:\w+ly\s+)?$", re.I)
_VICTIM_BEFORE = re.compile(r"\b(?:soldiers|civilians|people|villagers|peacekeepers|fighters|militants|attackers|men|women|children|troops|\d+)\s+$", re.I)
# "Sunday's attack comes as ...": an attack named by its day, already reported
_DAYS_EVENT = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|[Yy]esterday|[Tt]oday)['’]s\s+(?:\w+\s+)?$")
_HABITUAL_ADV = re.compile(r"\b(?:often|frequently|regularly|repeatedly|routinely|usually|habitually|sometimes)\s+(?:\w+\s+)?$", re.I)
_HABITUAL_VERB = re.compile(r"\b(?:launch|carry\s+out|stage|conduct|mount|commit|perpetrate|claim|face|suffer)\s+(?:\w+\s+)?$", re.I)
_GENERIC_BEFORE = re.compile(r"\b(?:(?:kinds?|types?|sorts?|forms?|risk|threat|wave|spate|host|string|series|litany|number|scene)\s+of|prey\s+to|"
                             r"frequent|repeated|recurrent|numerous|countless)\s+(?:\w+\s+){0,2}$", re.I)
# "condemns this attack": a noun pointing back to an event already reported is no new event
_ANAPHORIC_NOUN = re.compile(r"\b(?:this|that|these|those|the\s+(?:latest|recent|same|first|second|deadly|latest|previous|earlier|\w+est|worst|most\s+\w+))\s+(?:\w+\s+)?$", re.I)
# State forces the dictionary could not resolve ("the army" before Mali is named): not an unidentified group.
_STATE_WORDS = re.compile(r"\b(?:army|military|soldiers|troops|forces|government|junta|police|gendarmes?|gendarmerie)\b", re.I)
# "its soldiers", "their convoy": the reporting actor's own people or property.
_OWN_PARTICIPANT = re.compile(r"\b(?:its|their|our)\s+(?:\w+\s+)?(?:soldiers|troops|forces|men|fighters|personnel|units?|peacekeepers|patrols?|convoys?|aircraft|planes?|helicopters?|drones?|vehicles?|bases?|camps?)\b", re.I)
# A clause whose subject is left out ("... and then withdrew", "after withdrawing"): it borrows the sentence's.
_ELIDED_SUBJECT = re.compile(r"\s*(?:(?:then|later|also|subsequently|\w+ly|has|have|had|was|were|is|are|been|being)\s+)*", re.I)
# "The attack was claimed by JNIM" / "JNIM claimed responsibility for the attack": the claimant is the attacker.
_CLAIMED_BY = re.compile(r"\bclaimed\s+(?:\w+\s+)?by\s+$", re.I)


@dataclass
class Event:
    kind: str
    trigger: Span
    evidence: Span
    event_type: str
    sub_type: str
    status: str
    date: dict[str, Any]
    place_id: str | None
    geo_precision: int | None
    fatalities: tuple[int | None, int | None]
    roles: dict[str, list[str]] = field(default_factory=dict)
    violent: bool = False


def _merge_violence(text: str, event: Event, t: Trigger, trig: re.Match[str], clause: Clause, reference: Reference) -> None:
    """A second violent trigger of the same report adds detail to the first event:
    an explosive means refines its type, a death toll fills its fatalities, and its clause joins
    the evidence."""
    if clause.end > event.evidence[1]:
        event.evidence = (event.evidence[0], clause.end)
    if t.kind == "explosion":
        for rx, sub in EXPLOSION_SUBTYPES:
            if rx.search(trig.group(0)):
                event.event_type, event.sub_type = t.event_type, sub
                break
        else:
            event.event_type, event.sub_type = t.event_type, t.sub_type
    if t.kind == "kill" and (event.event_type, event.sub_type) == ("Battles", "Armed clash") and not event.roles.get("actor2") \
            and _CIVILIAN_VICTIMS.match(text[trig.end() : clause.end]):
        event.event_type, event.sub_type = "Violence against civilians", "Attack"  # "attacked a wedding and killed 21 people"
    if t.kind == "kill" and event.fatalities == (None, None):
        if _PASSIVE.search(text, clause.start, trig.start()):  # "in which two peacekeepers were killed"
            event.fatalities = toll(text, (_after_comma(text, clause.start, trig.start()), trig.start()), "kill", [], reference, True)
        if event.fatalities == (None, None):
            event.fatalities = toll(text, (trig.start(), clause.end), "kill", [], reference, False)


def _each_coup(text: str, ev: Event, trig: re.Match[str], clause_dates: list[Timex], dct: dt.date | None) -> list[Event]:
    """"two coups, in March 2012 and August 2020": one event per date (the first keeps the trigger's event)."""
    dated = [d for d in clause_dates if d.start > trig.end() and d.rule in ("explicit", "month", "year") and d.date_start]
    if ev.kind != "coup" or not trig.group(0).lower().startswith("coups") or len(dated) < 2:
        return []
    first, rest = dated[0], dated[1:]
    ev.evidence = (trig.start(), first.end)
    ev.date = date_fields(first.text, first.date_start, first.date_end, first.precision, first.rule)
    extra = []
    for d in rest:
        extra.append(Event(ev.kind, (d.start, d.end), (d.start, d.end), ev.event_type, ev.sub_type, ev.status,
                           date_fields(d.text, d.date_start, d.date_end, d.precision, d.rule), ev.place_id, ev.geo_precision,
                           (None, None), dict(ev.roles)))
    return extra


_NOMINAL = re.compile(r"(?i:withdrawal|departure|pull-?out|deployment|arrival|redeployment|expulsion)\s+of")
_FIGHTING_NOUN = re.compile(r"\b(?:recent|renewed|heavy|fierce|intense|new|fresh|sporadic|deadly|violent|in|after|amid|triggered|sparked|"
                            r"(?:days|weeks|months|years)\s+of)\s+$", re.I)
_CROWD = re.compile(r"\b(?:Malians|people|residents|demonstrators|protesters|supporters|crowds?|thousands|hundreds|women|youths?|"
                    r"students|activists|villagers|traders|citizens|inhabitants|members\s+of\s+the\s+public)\b", re.I)
# "its withdrawal from the G5 force": leaving a body is a political act.
_FROM_BODY = re.compile(r"\s+from\s+(?:all\s+)?(?:the\s+)?(?:organs\s+of\s+(?:the\s+)?)?(?:G5|ECOWAS|AES|African\s+Union|regional|organi[sz]ation|bloc|agreement|accord|peace|institutions|"
                        r"International\s+(?:Criminal\s+Court|Organi[sz]ation)|Economic\s+Community|(?-i:[A-Z]{2,}))", re.I)
# "fighters linked to JNIM": the actor after "linked to" qualifies the subject, it is not the subject.
_MODIFIER_OF = re.compile(r"\b(?:linked|affiliated|allied|loyal|close|tied|connected)\s+(?:to|with)\s+(?:the\s+)?$|\bsuch\s+as\s+$", re.I)
# "Niger, where soldiers overthrew ...": a coup in a neighbouring country named just before.
_FOREIGN_COUP = re.compile(rf"\b(?:{NEIGHBOURS})(?:['’]s)?\b(?![^.;]{{0,60}}\bMali\b)[^.;]{{0,50}}$")
# "Tens of thousands of villagers have been killed": a tally over years, not one event.
_TALLY = re.compile(r"\b(?:thousands|tens\s+of\s+thousands|hundreds\s+of\s+thousands|millions)\b[^.;]{0,60}?\b(?:have|has)\s+been\s+(?:\w+ly\s+)?$", re.I)
_ATTRIBUTIVE = re.compile(r"(?i)[a-z]+(?:ed|en)")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|our|these|those|his|her)\s+(?:\w+ly\s+)?$", re.I)
_NOUN_AFTER = re.compile(r"\s+(?!(?:by|in|at|on|to|from|and|or|was|were|is|are|had|have|has|after|during|near|since|last|this|over|with)\b)(?:[a-z]+\s+)?"
                         r"(?:soldiers|troops|personnel|peacekeepers|people|civilians|men|women|children|workers|passengers|villagers|officers|"
                         r"detainees|prisoners|hostages|nationals|staff|victims|persons|members|leaders|officials|journalists)\b")
_MODIFIER_NOUN = re.compile(r"\s+(?:helicopters?|aircraft|jets?|planes?|drones?|boats?|vessels?|capabilit(?:y|ies)|units?|squads?|dogs?)\b", re.I)
_REPORTED_BACK = re.compile(r"\b(?:the\s+(?:reported|alleged|said)|these|those|such)\s+$", re.I)
_CAUSED = re.compile(r"(?i)\b(?:precipitated|hastened|accelerated|forced|prompted|triggered|caused|led\s+to|resulted\s+in|completed|finali[sz]ed)"
                     r"\s+(?:the|its|their)\s+(?:\w+\s+)?$")
_ANTECEDENT_GAP = re.compile(r"(?:\s+(?:fighters|forces|troops|soldiers|militants|rebels|members|units|men|group|movement))?[\s,]*", re.I)
_OPERATION_BY = re.compile(r"\b(?:operations?|raids?|patrols?|offensives?|sweeps?)\s+(?:\w+\s+)?(?:carried\s+out|conducted|led|launched)\s+by\s+(?:the\s+)?", re.I)
_UNDATED_NOMINAL_OK = re.compile(r"(?i)\b(?:the|its|their)\s+(?:recent\s+|controversial\s+|planned\s+)?$")
_NOMINAL_ARGUMENT = re.compile(r"(?i)\b(?:for|until|till|to|before|pending|ahead\s+of|demanded|demanding|"
                               r"requested|requesting|seeking|sought|ordered|urged|called\s+for|calls\s+for)\s+(?:\w+\s+)?(?:the|its|their)\s+\w*\s*$")
_STATE_ACTS = ("order", "withdraw", "arrest", "agreement", "cease", "takeover", "move", "presence", "operate", "operation", "ally")
_MILITARY_ACTS = ("withdraw", "move", "presence", "operate", "operation")  # a country that sends or withdraws troops acts through its forces


# Between a subject country and its verb: "Mali's", "Mali has formally", "Mali on Sunday", and the
# other states of a coordinated subject ("Mali, Burkina Faso and Niger have jointly ...").
_SUBJECT_GAP = re.compile(
    r"(?:(?:\s*,\s*(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)*\s*,?\s+and\s+(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)?"
    r"(?:['’]s)?\s+(?:(?:has|have|had|been|also|now|then|later|earlier|already|previously|recently|finally|formally|officially|jointly|"
    r"on\s+\w+day)\s+)*"
)


def _country_subject(text: str, trig: re.Match[str], clause: Clause, places: list[Mention], reference: Reference,
                     kind: str) -> tuple[str, Mention] | None:
    """The state of a country named as the subject of a political act ("Mali expelled ...",
    "Mali has asked ...", "Burkina Faso, Mali and Niger have announced ...") or as the agent of a
    request ("the request by Mali"), with the mention: its government, or its forces for a military
    move ("France has been sending soldiers"), when the dictionary holds that actor."""
    found = None
    for m in places:
        row = reference.places.get(m.place_id or "", {})
        if row.get("feature") != "country":
            continue
        if clause.start <= m.start and m.end <= trig.start() and _SUBJECT_GAP.fullmatch(text, m.end, trig.start()):
            found = m
        elif trig.group(0).lower().startswith("request") and 0 <= m.start - trig.end() <= 2:
            found = m
    if found is None:
        return None
    country = reference.places[found.place_id or ""].get("country")
    order = ("state_forces", "government") if kind in _MILITARY_ACTS else ("government",)
    actor = next((a for a in (reference.state_actor(country, k) for k in order) if a), None)
    return (actor, found) if actor else None


_SAHEL_COUNTRY = re.compile(rf"(?:Mali|{NEIGHBOURS})\b")
_NEIGHBOURS = re.compile(rf"\b(?:in|across)\s+(?:{_SAHEL_COUNTRY.pattern}(?:\s*,\s*|\s+and\s+)?)+")


def _abroad_or_regional(text: str, clause: Clause, places: list[Mention], reference: Reference, main_country: str | None) -> bool:
    """Violence the clause places in another country only, or in several countries at once (a regional
    tally): not an event in the article's country."""
    home = reference.places.get(main_country or "", {})
    home_named = any(clause.start <= p.start < clause.end and reference.places.get(p.place_id or "", {}).get("country") == home.get("country")
                     for p in places)
    for m in _NEIGHBOURS.finditer(text, clause.start, clause.end):
        named = _SAHEL_COUNTRY.findall(m.group(0))
        if len(named) >= 2 or (named and named[0] != home.get("name") and not home_named):
            return True
    return False


def _scare_quoted(text: str, trig: re.Match[str], sentence: Span) -> bool:
    """The trigger sits inside a short quotation of a few words ('a “terrorist attack”')."""
    before = text[sentence[0] : trig.start()]
    marks = [(i, ch) for i, ch in enumerate(before) if ch in '"“”']
    straight = sum(1 for _, ch in marks if ch == '"')
    if not marks or not (marks[-1][1] == "“" or (marks[-1][1] == '"' and straight % 2 == 1)):
        return False  # no quotation open at the trigger
    closing = re.search(r'["”]', text[trig.end() : sentence[1]])
    if closing is None:
        return False
    inside = text[sentence[0] + marks[-1][0] + 1 : trig.end() + closing.start()]
    return len(inside.split()) <= 6


def _main_country(places: list[Mention], reference: Reference) -> str | None:
    """The country-level place of the country the article is about: the one whose places, towns
    and regions included, the text names most ("Down with France" at a rally in Bamako is still
    about Mali); ties go to the country named first."""
    country_place = {row.get("country"): pid for pid, row in reference.places.items() if row.get("feature") == "country"}
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in places:
        code = reference.places.get(m.place_id or "", {}).get("country")
        if code in country_place:
            counts[code] += 1
            first.setdefault(code, m.start)
    if not counts:
        return None
    best = min(counts, key=lambda c: (-counts[c], first[c]))
    return country_place[best]


def _is_dateline(text: str, m: Mention) -> bool:
    """"BAMAKO, Mali (AP) —", "Bamako, 19 June 2022 –": where the report was filed, not where events happened."""
    lead = m.start < 3 or (m.start < 25 and re.fullmatch(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s*", text[: m.start]))
    return bool(lead) and bool(re.match(r"[^.\n]{0,30}?(?:\(\w+\)\s*)?[—–-]|,\s*\d{1,2}\s+[A-Z]", text[m.end : m.end + 40]))


def _after_comma(text: str, lo: int, pos: int) -> int:
    """Where the stretch before ``pos`` starts after its last comma (a passive's own subject)."""
    return max(lo, text.rfind(",", lo, pos) + 1)


def _group_before(text: str, actors: list[Mention], pos: int, lo: int) -> list[Mention]:
    """The coordinated actor mentions ending nearest before ``pos`` ("Malian soldiers and Russian paramilitary forces")."""
    before = [m for m in actors if lo <= m.start and m.end <= pos and not _MODIFIER_OF.search(text, max(lo, m.start - 25), m.start)]
    if not before:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if _COORD.match(text[m.end : group[0].start]):
            group.insert(0, m)
        else:
            break
    return group


def _group_after(text: str, actors: list[Mention], pos: int, hi: int) -> list[Mention]:
    after = [m for m in actors if pos <= m.start and m.end <= hi]
    if not after:
        return []
    group = [after[0]]
    for m in after[1:]:
        if _COORD.match(text[group[-1].end : m.start]):
            group.append(m)
        else:
            break
    return group


def _ids(ms: list[Mention]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if m.actor_id and m.actor_id not in out:
            out.append(m.actor_id)
    return out




def _unreal(text: str, clause: Clause, trig: re.Match[str], sentence: Span) -> str | None:
    """"unreal" for a hypothetical or negated trigger ("could attack", "did not withdraw"): no event, and
    no second opinion from the sentence model either; "planned" for a future in reported speech."""
    sent_before = text[sentence[0] : trig.start()]
    hypo = next((h for h in _HYPOTHETICAL.finditer(sent_before)
                 if h.group(0).lower() != "would" or sentence[0] + h.start() >= clause.start), None)
    # "would" makes only its own clause hypothetical ("affirmed it would not authorize X, ... where the army is accused ...")
    if hypo and hypo.group(0) == "would" and _REPORTED_FUTURE.search(text, sentence[0], sentence[0] + hypo.start()):
        return "planned"  # "announced that the country would withdraw"
    if hypo or _NEGATION.search(text[clause.start : trig.start()]):
        return "unreal"
    return None


def _status(text: str, clause: Clause, trig: re.Match[str], sentence: Span, since: bool, kind: str = "", deadline: bool = False) -> str | None:
    before = text[clause.start : trig.start()]
    sent_before = text[sentence[0] : trig.start()]
    anchored = re.match(r"(?i)(following|after|since|amid|ahead\s+of|before)\s+the\s", trig.group(0))
    if anchored:  # "following the departure of X": a named withdrawal placed in time by its preposition
        lead = anchored.group(1).lower()
        return "ongoing" if lead == "amid" else "planned" if lead in ("before",) or lead.startswith("ahead") else "occurred"
    if trig.group(0).lower() == "exit" and re.search(r"(?:['’]s|\b(?:the|its|their|a|an|swift|prompt|rapid|orderly|final))\s+$", before, re.I):
        return None  # "MINUSMA's swift exit": a noun naming the withdrawal, not a report of it
    unreal = _unreal(text, clause, trig, sentence)
    if unreal == "planned":
        return "planned"  # "announced that the country would withdraw": a future in reported speech
    if unreal:
        return None
    if _HABITUAL_ADV.search(before):
        return None  # "which often raids the area", "have repeatedly stormed bases": a pattern, not an event
    if _BARE_PLURAL.fullmatch(trig.group(0)) and _HABITUAL_VERB.search(before):
        return None  # "the extremists launch attacks on villages": what they do, not an event
    if _BARE_PLURAL.fullmatch(trig.group(0)) and _GENERIC_BEFORE.search(before):
        return None  # "the sort of raids that happen ...": a kind of event
    if _BARE_PLURAL.fullmatch(trig.group(0)) and _GENERIC_AFTER.search(text, trig.end(), clause.end):
        return None  # "attacks on aid workers could constitute war crimes": a kind of event, not one event
    words = [w for w in trig.group(0).lower().split() if w not in ("was", "were", "been", "has", "have", "had")]
    word = " ".join(words)
    if kind == "presence":
        return "ongoing"  # "MINUSMA maintains some 8,500 soldiers across the region": a standing deployment
    if kind == "coup" and clause.first in ("following", "after", "since", "before"):
        return "occurred"  # "Following two military coups, the junta ...": past events that set the scene
    if kind == "protest" and re.fullmatch(r"(?i)demonstrators|protesters", trig.group(0)):
        # the noun names the actors; the verb after it tells the time ("demonstrators marched", "... gather")
        verb = re.match(r"(?:\s+(?:\w+ly|also|again|then))*\s+(\w+)", text[trig.end() : clause.end])
        if verb and re.fullmatch(r"(?i)\w+ed|took|held|went|came|ran|threw|burnt|gathered|were|had", verb.group(1)):
            return "occurred"
    if kind == "restrict":  # "lorries have not been allowed to leave": a state lasting to the present
        return "ongoing" if since or re.match(r"ha(?:s|ve)\b", trig.group(0), re.I) else "occurred"
    if kind == "blockade" and re.search(r"\b(?:has|have)\s+(?:had|kept|held|placed|put)\b|\b(?:is|are|remains?)\s+(?:still\s+)?$", before, re.I):
        return "ongoing"  # "fighters have had the city under a blockade for days": a state lasting to the present
    if word == "fighting" and _FIGHTING_NOUN.search(before):
        return "occurred"  # "died in recent fighting", "triggered renewed fighting": the noun, not a participle
    infinitive = re.search(r"\bto\s+(?:\w+ly\s+)?(?:be\s+)?$", before, re.I)
    if kind == "move" and not infinitive and words and words[0].endswith("ing") and _MOVER.search(before):
        return "ongoing"  # "a column heading to Menaka": a movement under way
    if infinitive:
        if not _INFINITIVE_GOVERNOR.search(before):
            return None
    elif word.endswith("ing") and not _PASSIVE.search(before) and not _GERUND_GOVERNOR.search(before) and not _ACCUSED_OF.search(sent_before):
        if deadline:
            return "planned"  # "withdrawing its staff by 31 May": a scheduled step
        return None  # a participial or nominal -ing ("ceasing its operations"): part of something else
    if _PLANNED.search(before) or _PLANNED.search(trig.group(0)):
        return "planned"  # also "the drawdown will end": the modal inside the trigger
    if ((words and words[0].endswith("ing")) and re.search(r"\b(?:has|have)\s+been\s+(?:\w+ly\s+)?$", before, re.I)) or _ONGOING.search(before) or since or (word.endswith("ing") and re.search(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?$", before, re.I)):
        return "ongoing"
    if _BARE_PLURAL.fullmatch(trig.group(0)) and _NOUN_BEFORE.search(before):
        return "occurred"  # "lost fighters in clashes near X": a noun, not a present-tense verb
    if re.fullmatch(r"\w+s", word) and not word.endswith("ss") and not _PASSIVE.search(before) and not re.search(r"\b(?:has|have|had)\s+$", before):
        return "ongoing"  # present simple: "MINUSMA now exits Mali"
    return "occurred"




def find_events(
    text: str,
    sentence_list: list[Span],
    clause_lists: list[list[Clause]],
    mentions: list[Mention],
    timexes: list[Timex],
    claims: list[Claim],
    reference: Reference,
    dct: dt.date | None,
    vetoed: list[Span] | None = None,
) -> list[Event]:
    """The rule events; VETOED, when given, collects the sentences whose event words the rules turned
    down for a reason no second opinion may overrule (negated, hypothetical, abroad, a tally, an
    armed group's "operation")."""
    actors = [m for m in mentions if m.entity_type == "actor" and m.actor_id]
    places = [m for m in mentions if m.entity_type == "place" and m.place_id]
    dates = [t for t in timexes if t.kind == "date"]
    main_country = _main_country(places, reference)
    out: list[Event] = []
    a_starts, p_starts, d_starts = [m.start for m in actors], [m.start for m in places], [d.start for d in dates]
    last_violent: tuple[int, Event] | None = None  # the latest violent event and its sentence number
    for number, (sentence, cls) in enumerate(zip(sentence_list, clause_lists)):
        triggers = list(TRIGGER_RE.finditer(text, sentence[0], sentence[1]))
        if not triggers:
            continue
        s_actors = actors[bisect_left(a_starts, sentence[0]) : bisect_left(a_starts, sentence[1])]
        s_places = places[bisect_left(p_starts, sentence[0]) : bisect_left(p_starts, sentence[1])]
        s_dates = dates[bisect_left(d_starts, sentence[0]) : bisect_left(d_starts, sentence[1])]
        s_claims = [c for c in claims if c.content[0] < sentence[1] and sentence[0] < c.content[1]]
        sent_events: list[Event] = []
        retold: Event | None = None  # the earlier event this sentence retells: its other violent words add to it
        for clause in cls:
            kinds_here: set[str] = set()
            for trig in (t for t in triggers if clause.start <= t.start() and t.end() <= clause.end):
                t = trigger_of(trig)
                if t.kind in kinds_here:
                    continue
                violent = next((e for e in reversed(sent_events) if e.violent), None) or retold
                wound = t.kind == "attack" and re.match(r"(?i)wound|injur", trig.group(0))
                if wound and re.search(r"(?:\b\d+|\bthe|\bseveral|\bof)\s+$", text[clause.start : trig.start()]) and re.match(r"\s+(?:to|from|at|in|were|was|and)\b", text[trig.end() : trig.end() + 8]):
                    continue  # "took 6 wounded to the clinic": the wounded, a noun
                relative = re.match(r"(?:in|during|after)\s+which\b", text[clause.start : clause.end], re.I)
                if t.violent and violent is not None and (violent.evidence[0] == clause.start or relative or wound or clause.first in ("which", "that", "killing", "leaving", "wounding", "after", "when", "during")
                                                          or re.match(r"(?i)kill|left", trig.group(0))):
                    _merge_violence(text, violent, t, trig, clause, reference)  # ACLED codes one event by hierarchy
                    continue
                if t.kind in ("coup",) and "coup" in kinds_here:
                    continue
                clause_dates = [d for d in s_dates if clause.start <= d.start < clause.end]
                if not clause_dates:  # a time adverbial fronted just before the clause ("reported that, since May, lorries ...")
                    clause_dates = [d for d in s_dates if d.end <= clause.start and _FRONTED.fullmatch(text, d.end, clause.start)
                                    and _FRONTED_LEAD.search(text, sentence[0], d.start)][-1:]
                since = any(d.rule == "since" for d in clause_dates) and t.kind in ("operate", "move", "restrict", "blockade")
                deadline = any(d.start >= trig.end() and is_deadline(text, d, clause.start) for d in clause_dates)
                if _NOMINAL.fullmatch(trig.group(0)):
                    # "the withdrawal of X in June", "the deployment of Wagner in late 2021": a named event with
                    # its own date in the phrase; without one it is a topic, not an event
                    own = next((d for d in s_dates if 0 <= d.start - trig.end() <= 60 and not re.search(r"[,;.]", text[trig.end() : d.start])
                                and d.date_start is not None), None)
                    if dct is None:
                        continue
                    if own is None:
                        # undated: "the deployment of Wagner mercenaries to Mali" as a past fact of the story,
                        # only once per actor (dedupe keeps the first); an undated withdrawal is often still
                        # to come ("talks covered the withdrawal of X"), so it stays a topic
                        lead = text[max(clause.start, trig.start() - 40) : trig.start()]
                        caused = t.kind == "withdraw" and _CAUSED.search(lead)  # "precipitated the departure of X": it happened
                        if not caused and (t.kind != "move" or not _UNDATED_NOMINAL_OK.search(lead) or _NOMINAL_ARGUMENT.search(lead)):
                            continue  # "a request for the withdrawal of X", "until the departure of X": not a fact
                        status, clause_dates = "occurred", []
                    else:
                        status = "occurred" if own.date_end < dct else "planned" if own.date_start > dct else "ongoing"
                        clause_dates = [own]
                else:
                    status = _status(text, clause, trig, sentence, since, t.kind, deadline)
                if t.kind in ("withdraw", "move") and clause.first in ("as", "while") and any(e.violent for e in sent_events):
                    continue  # "its trucks were attacked as they left Gao": the movement only sets the scene
                if status == "ongoing" and t.kind == "move" and re.match(r"(?i)head|en\s", trig.group(0)) and any(
                        o.start() > trig.end() and o.end() <= clause.end for o in triggers):
                    continue  # "troops heading to Menaka were attacked": the movement only describes the victims
                if status is None:
                    if vetoed is not None and _unreal(text, clause, trig, sentence) == "unreal":
                        vetoed.append(sentence)
                    continue
                if t.violent and _SUMMARY.search(text, clause.start, clause.end):
                    continue  # "51 people died in two attacks on ...": a sum over events coded one by one
                if t.kind == "kill" and not clause_dates and _TALLY.search(text, clause.start, trig.start()):
                    if vetoed is not None:
                        vetoed.append(sentence)
                    continue  # "tens of thousands of villagers have been killed since the war began": a tally
                if t.kind == "coup" and _FOREIGN_COUP.search(text, max(sentence[0], trig.start() - 60), trig.start()):
                    if vetoed is not None:
                        vetoed.append(sentence)
                    continue  # "in neighbouring Niger, where soldiers overthrew ...", "Niger's junta, which staged a coup"
                if t.violent and _abroad_or_regional(text, clause, places, reference, main_country):
                    if vetoed is not None:
                        vetoed.append(sentence)
                    continue  # "raids on posts in Niger and Burkina Faso", "died in raids across Mali, Niger and Chad"
                if t.kind in ("withdraw", "move") and any(e.violent for e in sent_events) and _SCENE.search(text, clause.start, trig.start()):
                    continue  # "its convoy was attacked as it withdrew": the movement sets the scene
                if t.violent and _NOUN_TRIGGER.fullmatch(trig.group(0)) and (out or sent_events) and (
                        _ANAPHORIC_NOUN.search(text, clause.start, trig.start()) or _DAYS_EVENT.search(text, clause.start, trig.start())
                        or (re.search(r"\bthe\s+$", text[clause.start : trig.start()], re.I) and not trig.group(0).lower().endswith("s")
                            and not clause_dates)):
                    continue  # "condemns this attack", "said the attack caused ...": the attack already reported
                if any(c.modality in ("uncertain", "denied") and c.content[0] <= trig.start() < c.content[1] for c in s_claims):
                    continue
                if t.violent and (out or sent_events) and _scare_quoted(text, trig, sentence):
                    continue  # 'called it a "complex assault"': a label for the attack already reported
                if _ATTRIBUTIVE.fullmatch(trig.group(0)) and _DETERMINER_BEFORE.search(text, clause.start, trig.start()) \
                        and _NOUN_AFTER.match(text, trig.end(), clause.end):
                    continue  # "the injured personnel", "the unjustly arrested soldiers": a participle describing people
                if _MODIFIER_NOUN.match(text, trig.end(), clause.end) and not re.search(r"(?i)ed$", trig.group(0)):
                    continue  # "attack helicopters", "strike drones": a kind of aircraft, not an event
                if re.fullmatch(r"(?i)\w+s", trig.group(0)) and _REPORTED_BACK.search(text, clause.start, trig.start()):
                    continue  # "gave no word on the reported arrests": arrests already told, not a new event
                ev = _build(text, t, trig, clause, sentence, cls, status, s_actors, s_places, clause_dates, s_dates, s_claims,
                            reference, dct, main_country, sent_events, sentence_list, actors)
                if ev is None:
                    if vetoed is not None and t.kind == "operation":
                        vetoed.append(sentence)  # an armed group's "operation": its attack is coded from its own words
                    continue
                if t.violent and last_violent is not None and retells(text, ev, last_violent, number, main_country):
                    retold = last_violent[1]
                    if vetoed is not None:
                        vetoed.append(sentence)  # a retelling is the earlier event's: no second event from the model
                    continue  # "The assailants stormed the camp ..." right after the attack's report: the same attack
                earlier = retold_earlier(text, ev, [e for e in out if e.violent], main_country) if t.violent else None
                if earlier is not None:
                    retold = earlier
                    if vetoed is not None:
                        vetoed.append(sentence)
                    continue  # "... died in the strikes", paragraphs after the strikes were reported
                kinds_here.add(t.kind)
                ev.violent = t.violent
                if t.violent:
                    last_violent = (number, ev)
                sent_events.append(ev)
                sent_events.extend(_each_coup(text, ev, trig, clause_dates, dct))
        if any(e.violent for e in sent_events):  # "arrived by helicopter and exchanged fire": the arrival leads into the fight
            sent_events = [e for e in sent_events if not (e.kind == "move" and any(v.violent and v.evidence == e.evidence for v in sent_events))]
        out.extend(sent_events)
    return dedupe(text, out)


def _build(text: str, t: Trigger, trig: re.Match[str], clause: Clause, sentence: Span, cls: list[Clause], status: str,
           actors: list[Mention], places: list[Mention], clause_dates: list[Timex], dates: list[Timex],
           claims: list[Claim], reference: Reference, dct: dt.date | None, main_country: str | None,
           sent_events: list[Event], sentence_list: list[Span], all_actors: list[Mention]) -> Event | None:
    before = text[clause.start : trig.start()]
    if t.kind == "protest" and re.match(r"(?i)gathered|rallied|marched|demonstrated", trig.group(0)) and not _CROWD.search(before[-45:]):
        return None  # "soldiers gathered in the square": only a crowd's gathering is a protest
    passive = (bool(_PASSIVE.search(before)) and t.kind in ("attack", "kill", "abduct", "arrest", "capture", "form", "move", "explosion", "blockade")
               and not trig.group(0).lower().endswith("ing"))  # "are fighting" is progressive, not passive
    passive = passive or bool(re.match(r"(?i)(?:are|were|was|is)\s", trig.group(0)))  # "14 people are dead"
    passive = passive or bool(re.fullmatch(r"(?i)killed|wounded|injured", trig.group(0)) and _VICTIM_BEFORE.search(before)
                              and re.match(r"\s*(?:[.,;]|$|in\b|on\b|at\b|during\b|near\b|when\b|after\b|by\b)", text[trig.end() : trig.end() + 12]))
    passive = passive or trig.group(0).lower() == "died"  # "49 civilians died in ...": the subject is the victim
    reported = next((c for c in claims if c.content[0] <= trig.start() < c.content[1] and c.claimant is not None
                     and not c.content[0] <= c.claimant[0] < c.content[1]), None)
    if reported is not None and (passive or text[reported.cue[0] : reported.cue[1]].lower() == "according to"):
        # Who reports an event is not, for that, a party to it ("According to the UN, 500 people were killed",
        # "the UN said 500 people were killed"); an active report keeps its claimant ("the army said it killed").
        lo, hi = min(reported.claimant[0], reported.cue[0]), max(reported.claimant[1], reported.cue[1])  # type: ignore[index]
        actors = [m for m in actors if not (lo <= m.start and m.end <= hi)]
    subject = _group_before(text, actors, trig.start(), clause.start)
    rel = re.search(r"\b(?:who|which|that)\s+(?:\w+ly\s+)?(?:(?:had|has|have)\s+)?$", before, re.I)
    if subject and rel and re.search(r"\w", text[subject[-1].end : clause.start + rel.start()]):
        subject = []  # "attackers who killed": the subject is the noun before "who", not an actor further back
    accused = _ACCUSED_OF.search(text, sentence[0], trig.start()) if trig.group(0).lower().endswith("ing") else None
    if not subject and accused is not None:  # "accused Malian troops ... of executing": the accused act
        subject = _group_after(text, [m for m in actors if accused.start() < m.start < trig.start()], accused.start(), trig.start())
    if t.kind == "cease":
        # "X's mandate to escort civilians will be suspended": the owner opens the subject
        if not _ACTIVITY.search(before):
            return None
        head = [m for m in actors if clause.start <= m.start and m.end <= trig.start()]
        subject = head[:1]
    if not subject and clause.first.endswith("ing") and clause.start > sentence[0]:
        # A participial clause (", withdrawing its staff by May"): "its" is the actor named
        # last before the clause, otherwise the sentence's subject.
        prior = [m for m in actors if sentence[0] <= m.start and m.end <= clause.start]
        if prior:
            subject = prior[-1:] if _POSSESSIVE.search(text, clause.start, trig.end() + 40) else prior[:1]
    if not subject and t.kind == "withdraw" and re.search(r"(?i)\b(?:such|this|that|the)\s+$", text[max(clause.start, trig.start() - 8) : trig.start()]):
        subject = _owner_before(text, trig.group(0).split()[0], sentence, sentence_list, all_actors)
    if not subject:
        if clause.first in ("which", "who", "a", "an", "whose"):
            prior = [m for m in actors if sentence[0] <= m.start and m.end <= clause.start]
            subject = _group_before(text, prior, clause.start, sentence[0])
            if subject and clause.first in ("which", "who", "whose") and not _ANTECEDENT_GAP.fullmatch(text, subject[-1].end, clause.start):
                subject = []  # "attackers who killed": the antecedent is the noun before "who", not an earlier actor
        elif (clause.first in ("was", "were", "is", "are", "has", "had", "have") or clause.start == sentence[0] or (
                clause.first in ("after", "before", "while", "and")
                and _ELIDED_SUBJECT.fullmatch(text, clause.start + len(clause.first), trig.start()))):
            first = [m for m in actors if sentence[0] <= m.start < clause.start]
            subject = _group_after(text, first, sentence[0], clause.start) if first else []
    if not subject and re.match(r"(?:It|They|it|they)\b", text[clause.start : trig.start()].strip()):
        prev = _subject_before(text, sentence[0], sentence_list, all_actors, False)
        subject = [m for m in all_actors if m.actor_id == prev][-1:] if prev else []
    obj = _group_after(text, actors, trig.end(), clause.end)
    by = _BY_AGENT.search(text, clause.start, trig.end() + 4)
    roles: dict[str, list[str]] = {}
    subj_ids, obj_ids = _ids(subject), _ids(obj)
    if not subj_ids and reported is not None and reported.claimant_actor and (
            _OWN_PARTICIPANT.search(text, max(clause.start, reported.content[0]), trig.start())
            or re.match(r"(?:it|they|we)\b", text[reported.content[0] : trig.start()], re.I)):
        subj_ids = [reported.claimant_actor]  # "the army said it / its soldiers had killed ...": the claimant itself
    by_agent = trig.group(0).lower().startswith("request by")
    if (not subj_ids or by_agent) and t.kind in _STATE_ACTS:
        leaves_body = t.kind == "withdraw" and _FROM_BODY.match(text, trig.end())  # "its withdrawal from G5 bodies": a political act
        state = _country_subject(text, trig, clause, places, reference, "order" if leaves_body else t.kind)
        if state:
            subj_ids = [state[0]]  # "Mali has expelled ...", "the request by Mali": the state acts through its government
            places = [m for m in places if m is not state[1]]  # the acting state is not where the act happens
        elif by_agent:
            subj_ids = []  # "the request by X": only X made it
    if not subj_ids and _FIRST_PERSON.search(before):
        quote = next((c for c in claims if c.direct and c.content[0] <= trig.start() < c.content[1] and c.claimant_actor), None)
        if quote is not None:
            subj_ids = [quote.claimant_actor]  # "our troops" in an official's quote
    if t.kind == "withdraw" and not subj_ids and re.search(r"\sof\s", trig.group(0)):
        inside = [m for m in actors if trig.start() <= m.start and m.end <= trig.end()]
        subj_ids = _ids(inside[:1])  # "the withdrawal of MINUSMA began": MINUSMA withdraws
        obj_ids = [a for a in obj_ids if a not in subj_ids]
    if _NOMINAL.fullmatch(trig.group(0)):
        owner = [m for m in obj if not re.search(r"[,;.]", text[trig.end() : m.start]) and m.start - trig.end() <= 40]
        if not owner:
            return None
        if t.kind == "order":  # "the expulsion of X": X is expelled; who expels is the subject, if any
            obj_ids = _ids(owner[:1])
        else:
            subj_ids, obj_ids = _ids(owner[:1]), []
    elif t.kind == "withdraw" and trig.group(0).lower().endswith(" of"):
        owner = [m for m in obj if not re.search(r"[,;.]", text[trig.end() : m.start]) and m.start - trig.end() <= 40]
        if not owner:
            return None  # "following the departure of the rains": no actor that leaves
        subj_ids, obj_ids = _ids(owner[:1]), []
    if t.kind == "withdraw" and trig.group(0).lower().endswith("withdrawal"):
        of = re.match(r"\s+of\s+(?:the\s+)?", text[trig.end() : trig.end() + 12])
        owner = [m for m in obj if of and m.start == trig.end() + of.end()]
        if owner:  # "complete the withdrawal of X": X withdraws
            subj_ids, obj_ids = _ids(owner), []
    if t.kind == "restrict":
        # The restricted side is acted upon; "its convoys" in reported content are the claimant's.
        if not subj_ids and _POSSESSIVE.search(before):
            claim = next((c for c in claims if c.content[0] <= trig.start() < c.content[1] and c.claimant_actor), None)
            subj_ids = [claim.claimant_actor] if claim else []
        roles["actor2"] = subj_ids[:1]
    elif t.violent and obj and _CLAIMED_BY.search(text, trig.end(), obj[0].start):
        roles["actor1"], roles["actor2"] = _ids(obj[:1]), []  # "the attack was claimed by X"
    elif t.kind == "abuse":  # "abuses committed by troops and Wagner": the agents act, against civilians
        roles["actor1"], roles["assoc_actor_1"] = _ids(obj[:1]), _ids(obj[1:2])
        civ = "civilians-mali" if reference.places.get(main_country or "", {}).get("country") == "MLI" and "civilians-mali" in reference.actors else None
        roles["actor2"] = [civ] if civ else []
    elif t.violent and _NOUN_TRIGGER.fullmatch(trig.group(0)) and _NOUN_BY.match(text, trig.end()):
        # "attacks by unidentified gunmen on two villages": the attackers follow "by"; the victims follow "on"
        by_end = trig.end() + _NOUN_BY.match(text, trig.end()).end()
        agent = [m for m in obj if m.start - by_end <= 2]
        roles["actor1"] = _ids(agent[:1])
        victims = [m for m in obj if m.start > by_end and re.search(r"\b(?:on|against)\s+(?:the\s+)?$", text[max(by_end, m.start - 15) : m.start])]
        roles["actor2"] = _ids(victims[:1]) or ([a for a in subj_ids if a not in roles["actor1"]][:1] if passive else [])
    elif passive and t.violent:
        agent = [m for m in obj if by and text[trig.end() : m.start].strip().lower().startswith("by")]
        roles["actor2"] = subj_ids
        roles["actor1"] = _ids(agent)
        if not agent:  # "were killed ... during operations carried out by X, accompanied by Y": X, with Y
            op = _OPERATION_BY.search(text, trig.end(), sentence[1])
            if op is not None:
                after = [m for m in actors if m.start >= op.end()]
                if after and after[0].start - op.end() <= 4:
                    roles["actor1"] = [after[0].actor_id]
                    with_ = re.match(r"[^.;]{0,40}?\b(?:accompanied|supported|backed|assisted)\s+by\b", text[after[0].end : sentence[1]])
                    more = [m for m in actors if with_ and after[0].end + with_.end() <= m.start <= after[0].end + with_.end() + 120]
                    roles["assoc_actor_1"] = [a for a in _ids(more[:1]) if a not in roles["actor1"]]
    elif t.kind == "move":
        roles["actor1"], roles["assoc_actor_1"] = subj_ids[:1], subj_ids[1:] + [a for a in obj_ids if a not in subj_ids]
    else:
        roles["actor1"], roles["assoc_actor_1"] = subj_ids[:1], subj_ids[1:]
        roles["actor2"] = [a for a in obj_ids if a not in subj_ids][:1]
    if t.kind == "takeover" and re.match(r"(?i)hand", trig.group(0)) and re.match(r"\s+(?:power\s+)?to\s+(?:a\s+)?civilian", text[trig.end() : trig.end() + 30], re.I):
        return None  # "hand over to civilians": a transition of power, not territory
    if t.kind == "takeover" and re.search(r"(?i)\bhand", trig.group(0)):
        # ACLED: in a transfer of territory actor1 gains it. "X handed the camp over to Y": Y, then X.
        to = [m for m in actors if trig.end() <= m.start < clause.end and re.search(r"\bto\s+(?:the\s+)?$", text[max(trig.end(), m.start - 12) : m.start])]
        if to:
            giver = roles.get("actor1", []) + roles.get("assoc_actor_1", [])
            roles["actor1"], roles["assoc_actor_1"] = _ids(to[:1]), []
            roles["actor2"] = [a for a in giver if a not in roles["actor1"]][:1]
    if t.kind == "takeover" and not roles.get("actor2") and _PRONOUN_OBJECT.search(text[trig.start() : clause.end]):
        earlier = [m for m in actors if sentence[0] <= m.start and (not subject or m.end <= subject[0].start)]
        if earlier:
            roles["actor2"] = [earlier[-1].actor_id]  # "take their place": the one that leaves
    if t.violent and not roles.get("actor2"):
        owned = _OWNED.search(text, clause.start, trig.start())
        if owned:
            owner = next((e for e in reversed(sent_events) if owned.group(1).lower() in text[e.evidence[0]:e.evidence[1]].lower() and e.roles.get("actor1")), None)
            if owner:
                roles["actor2"] = owner.roles["actor1"][:1]
        elif passive and _POSSESSED.match(text, clause.start):
            # "Its convoy was attacked": the owner is the subject of the sentence before
            prev = _subject_before(text, sentence[0], sentence_list, all_actors, False)
            roles["actor2"] = [prev] if prev else []
    clause_places = [m for m in places if clause.start <= m.start < clause.end]
    has_support = any(roles.values()) or clause_places or _PARTICIPANTS.search(text, sentence[0] if passive else clause.start, clause.end) or (
        t.kind == "coup" and reference.places.get(main_country or "", {}).get("country") == "MLI")
    if not has_support:
        return None
    # Place: the clause, then the sentence, then the article's country for non-person actors.
    # A country on the other side of a relation ("severed ties with France", "backed by France",
    # "Russia's Wagner") is not where the event happens, nor is another country than the article's
    # unless the text puts the event in it ("in France"; "to"/"into" for a movement).
    foreign = {m.start for m in places if reference.places.get(m.place_id or "", {}).get("feature") == "country"
               and (re.search(r"\b(?:with|against|by|from|of|towards?|and)\s+$", text[max(0, m.start - 12) : m.start])
                    or re.match(r"['’]s\b", text[m.end : m.end + 3])
                    or (m.place_id != main_country and not re.search(r"\b(?:in|inside|into|within|across|throughout)\s+$", text[max(0, m.start - 12) : m.start])
                        and not (t.kind in ("move", "withdraw") and re.search(r"\bto\s+$", text[max(0, m.start - 4) : m.start]))))}
    clause_places = [m for m in clause_places if m.start not in foreign]
    sent_places = [m for m in places if sentence[0] <= m.start < sentence[1] and not _is_dateline(text, m) and m.start not in foreign]
    after = [m for m in clause_places if m.start >= trig.start()]
    pick = (after or clause_places or sent_places or [None])[0]
    place_id = pick.place_id if pick else None
    if place_id and reference.places.get(place_id, {}).get("feature") == "country":
        # "in central Mali, close to Mopti": the one more precise place the sentence gives, in that country
        finer = {m.place_id for m in sent_places if reference.places.get(m.place_id, {}).get("feature") != "country"
                 and reference.places.get(m.place_id, {}).get("country") == reference.places[place_id].get("country")
                 and pick is not None and 0 <= m.start - pick.end <= 40}
        if len(finer) == 1:
            place_id = finer.pop()
    all_ids = [a for ids in roles.values() for a in ids]
    if place_id is None and all_ids and any(reference.actors.get(a, {}).get("actor_type") != "person" for a in all_ids):
        place_id = main_country
    state_subject = _STATE_WORDS.search(text, clause.start, trig.start()) and not _ATTACKERS.search(text, clause.start, trig.start())
    if place_id is None and t.violent and not all_ids and (passive or not state_subject):
        place_id = main_country  # "gunmen opened fire ...": somewhere in the country the article is about
    geo = _GEO.get(reference.places.get(place_id, {}).get("feature"), 2) if place_id else None
    if t.violent and not roles.get("actor1") and not (state_subject and not passive) and "unidentified-armed-group-mali" in reference.actors:
        if place_id and reference.places.get(place_id, {}).get("country") == "MLI":
            roles["actor1"] = ["unidentified-armed-group-mali"]
    if t.kind == "coup" and not roles.get("actor1") and reference.places.get(place_id or main_country or "", {}).get("country") == "MLI" \
            and not ABROAD.search(text, clause.start, clause.end):
        junta = reference.state_actor("MLI", "government")  # Mali's coups: the colonels now in power
        roles["actor1"] = [junta] if junta else []
        place_id = place_id or main_country
    if t.kind == "blockade" and not roles.get("actor1") and _ATTACKERS.search(text, clause.start, clause.end):
        country = reference.places.get(place_id or main_country or "", {}).get("country")
        roles["actor1"] = ["unidentified-armed-group-mali"] if country == "MLI" and "unidentified-armed-group-mali" in reference.actors else []
        place_id = place_id or main_country
    if t.kind == "arrest" and passive and not roles.get("actor1") and clause_dates and clause_places \
            and reference.places.get(place_id or main_country or "", {}).get("country") == "MLI":
        state = reference.state_actor("MLI", "government")  # "X was arrested/imprisoned in Bamako": by the state
        roles["actor1"] = [state] if state else []
    if t.kind in ("move", "operate", "presence") and not roles.get("actor1"):
        return None  # "Two aircraft arrived ... with the 49 soldiers", "900 soldiers were deployed within X": no mover named
    if t.kind == "protest":  # ACLED: the protesters are actor1; what they protest against is not a party
        country = reference.places.get(place_id or "", {}).get("country")
        roles = {"actor1": ["protesters-mali"]} if country == "MLI" and "protesters-mali" in reference.actors else {}
    if not any(roles.values()):
        return None  # every event names at least one actor (validate checks it)
    if t.kind == "operation" and not all(reference.actors.get(a, {}).get("acled_inter") in (1, 8) for a in roles.get("actor1", [None])):
        return None  # an armed group's "operation" is the attack itself, coded from its own words
    event_type, sub_type = _refine(t, trig.group(0), roles, reference, place_id, text, sentence, text[trig.end() : min(clause.end, trig.end() + 60)], actors,
                                   trig.end())
    date = event_date(text, trig, clause, sentence, cls, clause_dates, dates, claims, status, dct)
    # "Three soldiers were killed and five others wounded": a passive's toll is its subject.
    fat = summed_toll(text, (clause.start, trig.start())) if passive and t.kind == "kill" else (None, None)
    if passive and fat == (None, None):
        fat = toll(text, (_after_comma(text, clause.start, trig.start()), trig.start()), t.kind, roles.get("actor2", []), reference, passive)
    if fat == (None, None):
        fat = toll(text, (trig.start(), clause.end), t.kind, roles.get("actor2", []), reference, passive)
    roles = {k: v for k, v in roles.items() if v}
    return Event(t.kind, (trig.start(), trig.end()), (clause.start, clause.end), event_type, sub_type, status, date,
                 place_id, geo, fat, roles)


_ARMED_VICTIMS = re.compile(r"^(?:\W*\w+){0,4}?\W*\b(?:jihadists|militants|fighters|rebels|soldiers|troops|terrorists|insurgents|gunmen|attackers|assailants|combatants|peacekeepers|gendarmes|policemen|officers)\b", re.I)
_CIVILIAN_TARGETS = re.compile(r"^(?:\W*\w+){0,3}?\W*\b(?:villages?|tankers|trucks|lorries|buses|markets?|weddings?|mosques?|churches|schools?|"
                               r"factories|mines|homes|houses|shops|civilians|villagers|residents|passengers|worshippers|travell?ers)\b", re.I)
_ARMED_SIDE = re.compile(r"\b(?:soldiers|troops|army|military|forces|peacekeepers|gendarmes|police|escort(?:s|ed)?|fighters|militia)\b", re.I)
_CIVILIAN_VICTIMS = re.compile(r"^(?:\W*\w+){0,4}?\W*\b(?:civilians|villagers|residents|people|men|women|children|worshippers|farmers|herders|traders|passengers|a\s+man|a\s+woman)\b", re.I)


def _owner_before(text: str, noun: str, sentence: Span, sentence_list: list[Span], actors: list[Mention]) -> list[Mention]:
    """The actor whose NOUN an earlier sentence names ("X's redeployment and drawdown",
    "the drawdown of X"): what "the drawdown" refers to. Up to two sentences back."""
    earlier = [sp for sp in sentence_list if sp[1] <= sentence[0]][-2:]
    for s, e in reversed(earlier):
        for m in re.finditer(rf"\b{re.escape(noun)}\b", text[s:e], re.I):
            at = s + m.start()
            of = [a for a in actors if a.start >= at and a.start - (at + len(noun)) <= 9 and re.match(r"\s+of\s+(?:the\s+)?$", text[at + len(noun) : a.start], re.I)]
            if of:
                return of[:1]
            poss = [a for a in actors if a.end <= at and at - a.end <= 60 and re.match(r"[’']s\b", text[a.end : a.end + 2])]
            if poss and not re.search(r"[.;]", text[poss[-1].end : at]):
                return poss[-1:]
    return []


def _refine(t: Trigger, word: str, roles: dict[str, list[str]], reference: Reference, place_id: str | None, text: str, sentence: Span,
            after: str = "", sent_actors: list[Mention] | None = None, trig_end: int = 0) -> tuple[str, str]:
    inter = lambda ids: [reference.actors.get(a, {}).get("acled_inter") for a in ids]  # noqa: E731
    victims = roles.get("actor2", [])
    if t.kind in ("kill", "attack") and not victims and after:
        if _ARMED_VICTIMS.match(after):
            return "Battles", "Armed clash"
        if t.kind == "kill" and _CIVILIAN_VICTIMS.match(after):
            return "Violence against civilians", "Attack"
        if t.kind == "attack" and _CIVILIAN_TARGETS.match(after) and not _ARMED_SIDE.search(text, trig_end, sentence[1]):
            return "Violence against civilians", "Attack"  # "attacked fuel tankers", "assaults on a village": no armed side hit
    if t.kind == "explosion":
        for rx, sub in EXPLOSION_SUBTYPES:
            if rx.search(word):
                return t.event_type, sub
    if t.kind in ("kill", "attack") and victims:
        v = inter(victims)
        if t.kind == "kill" and any(x in (1, 2, 3, 8) for x in v):
            return "Battles", "Armed clash"
        if t.kind == "attack" and all(x == 7 for x in v):
            return "Violence against civilians", "Attack"
        if t.kind == "kill" and not roles.get("actor1") and all(reference.actors.get(a, {}).get("actor_type") == "person" for a in victims):
            return "Strategic developments", "Other"
    if t.kind == "capture":
        a1 = inter(roles.get("actor1", []))
        if 1 in a1:
            return "Battles", "Government regains territory"
        if not a1 or 8 in a1:
            return "Strategic developments", "Non-violent transfer of territory"
    if t.kind == "takeover" and re.match(r"(?i)t(?:ake|akes|aking|aken|ook)\s+control", word) and roles.get("actor1") \
            and all(reference.actors.get(a, {}).get("acled_inter") in (2, 3) for a in roles["actor1"]):
        return "Battles", "Non-state actor overtakes territory"  # an armed group takes a town: by force (ACLED)
    if t.kind == "move" and re.search(r"\btake\s*over|takeover|hand\s*over|handover|take\s+(?:their|its)\s+place", text[sentence[0]:sentence[1]], re.I):
        return "Strategic developments", "Non-violent transfer of territory"
    if t.kind == "withdraw" and _FROM_BODY.match(after):
        return "Strategic developments", "Other"  # leaving ECOWAS or the ICC: a political act, not a change in activity
    if t.kind == "withdraw" and place_id and reference.places.get(place_id, {}).get("feature") == "populated_place":
        # A withdrawal from a town is a transfer of territory only when the sentence names
        # the new holder ("... handing the camp over to the army"); otherwise it is a change
        # in the leaving actor's activity (Change to group/activity).
        if _NEW_HOLDER.search(text, sentence[0], sentence[1]) and _other_actor(roles, sent_actors or []):
            return "Strategic developments", "Non-violent transfer of territory"
    return t.event_type, t.sub_type


_NEW_HOLDER = re.compile(
    r"\b(?:take\s*over|takeover|took\s+over|taking\s+over|hand(?:s|ed|ing)?\s+(?:\w+\s+){0,3}?over|handover|"
    r"tak(?:e|es|ing)\s+(?:their|its|his|her|the)\s+place|took\s+(?:their|its|his|her|the)\s+place|replac(?:e|es|ed|ing)|"
    r"transferr?(?:ed|ing|s)?\s+(?:\w+\s+){0,4}?to)\b",
    re.I,
)


def _other_actor(roles: dict[str, list[str]], sent_actors: list[Mention]) -> bool:
    """Whether the sentence names an actor besides the one that leaves (a candidate new holder)."""
    mine = set(roles.get("actor1", [])) | set(roles.get("assoc_actor_1", []))
    return any(m.actor_id not in mine for m in sent_actors)










