"""Fatalities from the words of a report: "over 500", "at least 21 people", "a peacekeeper was killed".

ACLED's conventions: the lowest figure the text supports is the minimum; a vague
quantity ("dozens") is a minimum only; "up to N" is a maximum only.
"""

from __future__ import annotations

import re

from ..reference import Reference
from .text import Span

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    "a dozen": 12, "dozens": 12, "dozens of": 12, "scores of": 20, "hundreds": 100, "hundreds of": 100, "thousands": 1000,
    "thousands of": 1000,
}


_FATALITIES = re.compile(
    r"(?<![\w-])(?:(?P<mod>(?i:over|more\s+than|at\s+least|nearly|almost|about|around|some|up\s+to|approximately|roughly))\s+)?"
    r"(?P<n>\d[\d,]*|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"a\s+dozen|dozens(?:\s+of)?|scores\s+of|hundreds(?:\s+of)?|thousands(?:\s+of)?))\s+"
    r"(?:(?:[A-Za-z.]+|[a-z]+-[a-z]+)\s+){0,2}?"
    r"(?P<who>people|persons|men|women|children|dead|personnel|(?!(?:days|weeks|months|years|hours|minutes|times|decades|kilometres|kilometers|miles|metres|meters)\b)[A-Z]?[a-z]+s)\b",
)


_ONE_VICTIM = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|execut(?:es|ed|ing))\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:commander|leader|soldier|civilian|man|woman|child|boy|girl|officer|peacekeeper|official|member|fighter|militant|"
    r"jihadist|chief|imam|mayor|journalist|teacher|farmer|herder|driver|gendarme|policeman)\b",
    re.I,
)


_HURT_AFTER = re.compile(r"\s+(?:(?:were|was|are)\s+)?(?:\w+ly\s+)?(?:wounded|injured|hurt|missing|arrested|detained|abducted)\b", re.I)


_ONE_SUBJECT = re.compile(
    r"\s*(?:A|An|One)\s+(?:[\w-]+\s+){0,2}?(?:peacekeeper|soldier|civilian|man|woman|child|officer|official|policeman|gendarme|"
    r"journalist|worker|fighter|militant)\b"
)


def toll(text: str, span: Span, kind: str, victims: list[str], reference: Reference, passive: bool) -> tuple[int | None, int | None]:
    if kind != "kill":
        return None, None
    comma = text.find(",", span[0] + 1, span[1])
    end = comma if comma != -1 else span[1]  # the toll stands in the object, before any comma
    m = next((f for f in _FATALITIES.finditer(text, span[0], end) if not _HURT_AFTER.match(text, f.end())), None)
    if m is None and passive and _ONE_SUBJECT.match(text, span[0], end):
        return 1, 1  # "A peacekeeper was killed"
    if m:
        raw = m.group("n").lower().replace(",", "")
        raw = re.sub(r"\s+", " ", raw)
        n = int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw)
        if n is not None:
            mod = (m.group("mod") or "").lower()
            vague = not raw.isdigit() and raw not in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty")
            if mod.startswith("up"):
                return None, n
            if mod in ("over", "more than", "at least", "some") or re.match(r"more|at", mod) or vague:
                return n, None
            return n, n
    if passive and len(victims) == 1 and reference.actors.get(victims[0], {}).get("actor_type") == "person":
        return 1, 1  # "X was killed": one death
    if _ONE_VICTIM.search(text, span[0], end):
        return 1, 1  # "killed a senior commander"
    return None, None


_PART = re.compile(
    r"\s*(?:(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)|(?P<one>a|an))\s+(?:[\w-]+\s+){0,2}?"
    r"(?:men|women|children|boys|girls|people|civilians|soldiers|villagers|man|woman|child|boy|girl|civilian|soldier|villager)\b",
    re.I,
)


def summed_toll(text: str, span: Span) -> tuple[int | None, int | None]:
    """"Four men, two women and a small girl were killed": the parts of a listed subject add up
    (7), when the subject is nothing but that list."""
    lead = max(text.rfind(":", span[0], span[1]), text.rfind(";", span[0], span[1]), text.rfind("—", span[0], span[1]))
    pos, total, parts = (lead + 1 if lead != -1 else span[0]), 0, 0
    while True:
        m = _PART.match(text, pos, span[1])
        if m is None:
            break
        raw = (m.group("n") or "1").lower()
        total += int(raw) if raw.isdigit() else _NUMBER_WORDS.get(raw, 1)
        parts += 1
        sep = re.match(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[m.end() : span[1]])
        if sep is None:
            pos = m.end()
            break
        pos = m.end() + sep.end()
    if parts >= 2 and re.fullmatch(r"\s*(?:were|have\s+been|had\s+been)?\s*", text[pos : span[1]]):
        return total, total
    return None, None

