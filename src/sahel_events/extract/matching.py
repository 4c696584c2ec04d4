"""Mentions of actors and places: the reference dictionaries' names, aliases and
descriptions, found with one compiled trie-shaped regular expression (linear in
the text, longest match wins), plus conservative detection of named
organisations and people that are not in the dictionaries (null ``actor_id``)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from ..reference import Reference


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    entity_type: str  # actor | place
    actor_id: str | None
    place_id: str | None

    @property
    def entity(self) -> str | None:
        return self.actor_id if self.entity_type == "actor" else self.place_id


@dataclass(frozen=True)
class _Entry:
    entity_type: str
    entity_id: str
    anaphoric: bool  # "the army", "the paramilitary group": only after the actor was named
    trim: int  # leading characters that are a title, not the name ("Russian President ")


def _trie_regex(words: list[str]) -> str:
    """A regex equivalent to ``a|b|c...`` but shaped as a character trie, so the
    engine tries one branch per position instead of every alias."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


def _variants(alias: str) -> set[str]:
    out = {alias}
    if alias[:1].islower():
        out.add(alias[:1].upper() + alias[1:])
    if alias.lower().startswith("the ") and alias[4:5].isupper() and " " not in alias[4:]:
        # "the Mission" is also written "the mission"; a one-word description only,
        # and (being anaphoric) only after the actor was named by a proper alias
        out.add("the " + alias[4:].lower())
        out.add("The " + alias[4:].lower())
    for v in list(out):
        out.add(v.replace("'", "’"))
        out.add(v.replace("’", "'"))
    return out


class Matcher:
    """Finds dictionary mentions; build once per reference (see :func:`matcher_for`)."""

    def __init__(self, reference: Reference):
        entries: dict[str, _Entry] = {}
        for table, rows, key in (("actor", reference.actors, "actor_id"), ("place", reference.places, "place_id")):
            for entity_id, row in rows.items():
                names = [row["name"], *row.get("aliases", [])] if table == "place" else list(row.get("aliases", []))
                person = row.get("actor_type") == "person"
                for alias in names:
                    if not alias or not alias.strip():
                        continue
                    trim = 0
                    if person:  # a person's mention is the name, not the title before it
                        suffixes = [a for a in names if a != alias and alias.endswith(" " + a)]
                        prefix = alias[: len(alias) - len(max(suffixes, key=len))] if suffixes else ""
                        if suffixes and any(w in PERSON_TITLES for w in prefix.split()):
                            trim = len(alias) - len(max(suffixes, key=len))
                    anaphoric = alias.lower().startswith("the ")
                    for v in _variants(alias):
                        entries.setdefault(v, _Entry(table, entity_id, anaphoric, trim))
        # "UN mission in Mali": the actor's short name plus the place, as a coder marks them.
        self.splits: dict[str, tuple[int, int]] = {}
        for alias, entry in entries.items():
            head, sep, tail = alias.rpartition(" in ")
            if sep and head in entries and entries[head].entity_id == entry.entity_id:
                place = entries.get(tail)
                if place is not None and place.entity_type == "place" and entry.entity_type == "actor":
                    self.splits[alias] = (len(head), len(head) + len(sep))
        self.entries = entries
        # "the army" / "the junta" in an article about Mali: a state actor's anaphoric
        # description also counts once a place in its country has been named.
        self.state_country = {
            a: row["country"] for a, row in reference.actors.items()
            if row.get("country") and row.get("actor_type") in ("state_forces", "government")
        }
        self.place_country = {p: row.get("country") for p, row in reference.places.items()}
        countries = sorted(set(self.state_country.values()))
        self.governments = {c: a for c in countries if (a := reference.state_actor(c, "government"))}
        self.forces = {c: a for c in countries if (a := reference.state_actor(c, "state_forces"))}
        self.pattern = re.compile(r"(?<![\w’'-])(?:" + _trie_regex(sorted(entries)) + r")(?![\w-])")

    def find(self, text: str) -> list[Mention]:
        named: set[str] = set()
        countries: set[str] = set()
        out: list[Mention] = []
        pending: list[tuple[re.Match[str], _Entry]] = []
        skip_until = 0
        for m in self.pattern.finditer(text):
            if m.start() < skip_until:
                continue
            entry = self.entries[m.group(0)]
            if entry.anaphoric:
                # "The military junta": a longer name that starts after "the" wins over "the military"
                inner = self.pattern.match(text, m.start() + 4)
                if inner is not None and inner.end() > m.end():
                    m, entry = inner, self.entries[inner.group(0)]
                    skip_until = m.end()
                elif _STATE_MODIFIER.match(text, m.end()):
                    continue  # "the military transitional government": a modifier of another noun
            if entry.anaphoric and entry.entity_id not in named and self.state_country.get(entry.entity_id) not in countries:
                if entry.entity_id in self.state_country:
                    pending.append((m, entry))  # licensed later if its own sentence names a place in its country
                continue
            if entry.entity_type == "place" and (_RIVER_AFTER.match(text, m.end()) or _RIVER_BEFORE.search(text, max(0, m.start() - 10), m.start())):
                continue  # "the Niger River", "the River Niger": the river, not the country
            if not entry.anaphoric:
                named.add(entry.entity_id)
            if entry.entity_type == "place" and self.place_country.get(entry.entity_id):
                countries.add(self.place_country[entry.entity_id])
            s = m.start() + entry.trim
            e = m.end()
            split = self.splits.get(m.group(0))
            if split is not None:
                e = m.start() + split[0]
                tail = self.entries[m.group(0)[split[1]:]]
                ps = m.start() + split[1]
                out.append(Mention(s, e, text[s:e], "actor", entry.entity_id, None))
                out.append(Mention(ps, m.end(), text[ps : m.end()], "place", None, tail.entity_id))
                continue
            actor = entry.entity_id if entry.entity_type == "actor" else None
            place = entry.entity_id if entry.entity_type == "place" else None
            out.append(Mention(s, e, text[s:e], entry.entity_type, actor, place))
        for m, entry in pending:  # "The junta ordered MINUSMA to leave Mali": the country follows in the sentence
            stop = _SENTENCE_END.search(text, m.end())
            end = stop.start() if stop else len(text)
            country = self.state_country[entry.entity_id]
            if any(p.place_id and m.end() <= p.start < end and self.place_country.get(p.place_id) == country for p in out):
                out.append(Mention(m.start(), m.end(), m.group(0), "actor", entry.entity_id, None))
        out.extend(self._bare_soldiers(text, out))
        phrases = self._state_phrases(text, out)
        out = [o for o in out if not (o.entity_type == "place" and any(p.start <= o.start and o.end <= p.end for p in phrases))] + phrases
        out.sort(key=lambda x: (x.start, x.end))
        return _group_heads(text, out, self.entries)

    def _state_phrases(self, text: str, found: list[Mention]) -> list[Mention]:
        out = []
        for m in _STATE_PHRASE.finditer(text):  # the phrase names Mali
            actor = (self.governments if m.group("gov") else self.forces).get("MLI")
            if actor and not any(o.start < m.end() and m.start() < o.end and o.entity_type == "actor" for o in found + out):
                out.append(Mention(m.start(), m.end(), m.group(0), "actor", actor, None))
        return out

    def _bare_soldiers(self, text: str, found: list[Mention]) -> list[Mention]:
        """Bare "soldiers"/"troops" ("authorities"/"junta") in an article about one country are its armed
        forces (its government), as a coder reads them: only after a place of that country is named,
        when its places outnumber every other country's, and never after another qualifier ("French
        soldiers" is a name of its own; "UN troops", "foreign troops", "our troops" are not them)."""
        first_place: dict[str, int] = {}
        count: Counter[str] = Counter()
        for m in found:
            c = self.place_country.get(m.place_id or "")
            if c:
                first_place.setdefault(c, m.start)
                count[c] += 1
        ranked = count.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return []
        country = ranked[0][0]
        at = first_place[country]
        out = []
        for m in _BARE_FORCES.finditer(text, at):
            actor = (self.governments if m.group("gov") else self.forces).get(country)
            before = text[max(0, m.start() - 25) : m.start()]
            stop = _SENTENCE_END.search(text, m.end())
            abroad = ABROAD.search(text, m.end(), stop.start() if stop else len(text))
            if abroad or _QUALIFIED.search(before) or _OWNED_AFTER.match(text, m.end()) or any(o.start < m.end() and m.start() < o.end for o in found):
                continue
            if actor:
                out.append(Mention(m.start(), m.end(), m.group(0), "actor", actor, None))
        return out


_BARE_FORCES = re.compile(r"(?<![\w-])(?:soldiers|soldier|troops|(?P<gov>authorities|junta))(?![\w-])")
# A word before "soldiers" that makes them someone else's, or a name of their own.
_QUALIFIED = re.compile(
    r"(?:(?<![\w’'-])(?-i:[A-Z])[\w’'.-]*|\b(?:peacekeeping|foreign|international|UN|U\.N\.|allied|enemy|rebel|mercenary|"
    r"Russian|French|Chadian|Nigerien|Burkinabe|other|our|its|their|his|her|your|my))\s+$"
)
# ... and after it: "troops that work for Wagner", "soldiers from Chad", "troops loyal to ...".
_OWNED_AFTER = re.compile(r"\s+(?:(?:who|that)\s+(?:work|works|worked|serve|served|fight|fought)\s+for|from|of|loyal\s+to|belonging\s+to|under)\b")
# "the Niger River", "the River Niger": a river, not the place it is named after.
_RIVER_AFTER = re.compile(r"\s+(?:River|river|Delta|delta|Basin|basin)\b")
_RIVER_BEFORE = re.compile(r"\b(?:River|river)\s+$")
# "soldiers staged a coup in neighbouring Burkina Faso": someone else's soldiers.
NEIGHBOURS = r"Niger|Burkina\s+Faso|Guinea|Chad|Sudan|Gabon|Mauritania|Algeria|Senegal|Côte\s+d['’]Ivoire|Ivory\s+Coast"
ABROAD = re.compile(rf"\b(?:neighbou?ring|in\s+(?:{NEIGHBOURS}))\b")
_STATE_MODIFIER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:government|junta|rulers|regime|authorities|leadership|leaders|council|court|transition|officials?|"
    r"spokes(?:man|woman|person)|sources?|chief|command)\b"
)
# Possessive or adjectival state phrases the dictionary cannot list in full ("Mali's transitional
# military government", "the Malian transitional authorities"): the state's government or forces.
_STATE_PHRASE = re.compile(
    r"(?<![\w-])(?:Mali['’]s|Malian|Mali)\s+(?:(?:transitional|military|interim|ruling|new|current|former)\s+){0,3}"
    r"(?:(?P<gov>government|authorities|junta|rulers|leaders|leadership|regime)|(?P<forces>army|military|armed\s+forces|forces|troops|soldiers))\b"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_MEMBERS = r"\s+(?:members|member\s+states|officials|staff|spokes(?:man|woman|person)|personnel|leadership)\b"


def _group_heads(text: str, found: list[Mention], entries: dict[str, _Entry]) -> list[Mention]:
    """"Mission staff" after "the Mission" has referred to an actor: the head word names that actor.
    Only a capitalised head already used in an anaphoric description, before a group noun."""
    heads: dict[str, tuple[int, str]] = {}
    for m in found:
        entry = entries.get(m.text) or entries.get(m.text[:1].lower() + m.text[1:])
        if entry is not None and entry.anaphoric and m.actor_id and " " not in m.text[4:]:
            head = m.text[4:]
            if head[:1].isupper() and head not in heads:
                heads[head] = (m.end, m.actor_id)
    if not heads:
        return found
    extra: list[Mention] = []
    pattern = re.compile(r"(?<![\w’'-])(?<![A-Z][a-z]\s)(?<!the\s)(?<!The\s)(" + "|".join(map(re.escape, heads)) + r")(?=" + _MEMBERS + r")")
    for m in pattern.finditer(text):
        after, actor = heads[m.group(1)]
        prev = text[max(0, m.start() - 30) : m.start()].rstrip().split(" ")[-1:]
        if m.start() < after or (prev and prev[0][:1].isupper() and not prev[0].endswith((".", ","))):
            continue  # before the description was used, or part of a longer name ("Security Council members")
        if any(f.start < m.end() and m.start() < f.end for f in found):
            continue
        extra.append(Mention(m.start(), m.end(), m.group(1), "actor", actor, None))
    return sorted(found + extra, key=lambda x: (x.start, x.end)) if extra else found


_CACHE: dict[tuple[tuple[str, ...], ...], Matcher] = {}


def matcher_for(reference: Reference) -> Matcher:
    """The matcher of a reference, compiled once and reused (compiling costs ~10 ms)."""
    key = tuple(
        (k, *row.get("aliases", []), row.get("name") or "", row.get("actor_type") or "")
        for rows in (reference.actors, reference.places)
        for k, row in rows.items()
    )
    if key not in _CACHE:
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = Matcher(reference)
    return _CACHE[key]


# Named entities outside the dictionaries -------------------------------------------------

_CAP = r"[A-Z][\w’'\-]*"
_NAME_SEQ = re.compile(rf"\b{_CAP}(?:\s+(?:(?:of|for|the|de|du|des|al)\s+)?{_CAP})+")
ORG_HEADS = frozenset(
    "Group Front Movement Coalition Alliance Army Forces Brigade Battalion Party Union Council Committee "
    "Organization Organisation Agency Ministry Mission Office Institute Network Company Corporation "
    "Association Federation Platform Commission Court Bank Programme Program Fund Service Services "
    "Militia Militias Brigades Battalions Police Gendarmerie Guard Watch Movements Groups Fronts Forum Framework".split()
)
ORG_FIRST = frozenset("Ministry Department Office Union Movement Coordination Front Islamic Court Bank Platform Alliance Coalition".split())
PERSON_TITLES = frozenset(
    "President Minister General Gen. Colonel Col. Captain Capt. Lieutenant Lt. Commander Ambassador "
    "Secretary-General Mr. Ms. Mrs. Dr. Prof. Prime Spokesperson Spokesman Spokeswoman Envoy Sheikh Imam "
    "Senator Governor Mayor Chief Defence Defense Foreign".split()
)
_LOWER_TITLES = re.compile(
    r"(?:spokes(?:man|woman|person)|leader|commander|envoy|minister|president|general|official|journalist|reporter|correspondent|"
    r"analyst|researcher|mayor|governor|lawyer|chief)\s+$"
)
# News agencies and broadcasters the text names as sources: organisations outside the dictionary.
_AGENCIES = re.compile(
    r"(?<![\w-])(?:AP|AFP|Reuters|Associated\s+Press|Agence\s+France-Presse|Efe|EFE|Xinhua|Anadolu|ORTM|RFI|BBC|VOA|Al\s+Jazeera|"
    r"SITE\s+Intelligence\s+Group|Human\s+Rights\s+Watch|Amnesty\s+International)(?![\w-])"
)
_SKIP_FIRST = frozenset("The A An This That These Those In On At As For From By With And But If When While".split())
_CALENDAR = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def unknown_names(text: str, known: list[Mention]) -> list[Mention]:
    """Capitalised names with an organisation head ("... Front", "Ministry of ...") or
    after a person's title ("President Assimi Goïta"), that overlap no dictionary mention."""
    taken = [(m.start, m.end) for m in known]
    out: list[Mention] = []
    for m in _NAME_SEQ.finditer(text):
        words = list(re.finditer(r"\S+", m.group(0)))
        base = m.start()
        while words and words[0].group(0) in _SKIP_FIRST:
            words.pop(0)
        title = False
        while words and words[0].group(0) in PERSON_TITLES:
            words.pop(0)
            title = True
        if len(words) < 2 and not (title and words):
            continue
        s, e = base + words[0].start(), base + words[-1].end()
        clash = [a for a, b in taken if a < e and s < b]
        if clash:  # keep the part before a dictionary name ("Goita" of "Goita Bamako")
            words = [w for w in words if base + w.end() <= min(clash)]
            while words and words[-1].group(0) in ("of", "for", "the", "de", "du", "des", "al"):
                words.pop()
            if not words or base + words[0].start() < s:
                continue
            e = base + words[-1].end()
        span = text[s:e]
        if _CALENDAR.search(span):
            continue
        first, last = words[0].group(0), words[-1].group(0)
        is_org = last in ORG_HEADS or first in ORG_FIRST
        is_person = (title or _LOWER_TITLES.search(text, max(0, s - 20), s) is not None) and 2 <= len(words) <= 4
        if (is_org and len(words) >= 2) or is_person:
            out.append(Mention(s, e, span, "actor", None, None))
    for m in _AGENCIES.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken) and not any(o.start < m.end() and m.start() < o.end for o in out):
            out.append(Mention(m.start(), m.end(), m.group(0), "actor", None, None))
    out.sort(key=lambda x: x.start)
    return out
