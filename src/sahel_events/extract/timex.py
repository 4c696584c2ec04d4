"""Time expressions, resolved against the publication date (the document creation
time, DCT) by the news rules of HeidelTime as adapted in CODEBOOK-NOTES.md.

Rules (each has a ``rule`` name from the events schema's ``date_rule``):

- ``explicit``: a day-precise date ("21 October 2023", "July 1, 2013"; a span of
  days, "between 27 and 31 March 2022", has precision ``range``), also
  without its year ("On 19 October": the text gives the day; the year is the
  DCT's, the previous one when the day lies after the DCT in a past-tense
  clause, the next occurrence in a future-tense clause).
- ``month``: a month with or without a year ("in August", "May 2023"), the
  year found as for a day without a year; "in July this year", "May of last
  year"; two months ("in November and December", "from November to January":
  precision ``range``).
- ``year``: "in 2013", "last year": the whole year.
- ``part_of_year``: "late 2021" (September-December), "early" (January-April),
  "mid" (May-August): precision ``range``.
- ``since``: "since May", "since late 2021": from the start of the point to the DCT.
- ``weekday``: "on Thursday": the latest such day on or before the DCT, or the
  next one in a future-tense clause; also "yesterday"/"tomorrow" and "last
  week" (Monday to Sunday of the week before the DCT's, precision ``week``).
- "early/mid/late October": days 1-10, 11-20, 21-end of that month (rule
  ``month``, precision ``range``).
- ``present``: "today", "this morning": the DCT ("last night": the day before).
- "two weeks ago" counts back from the DCT to that week (Monday to Sunday, rule
  ``weekday``), day, month or year; "a few days ago" has no value.

Durations ("five days") are recognised as ``kind: duration`` and carry no date.
The modal verb "may" is never a month; "May" followed by a verb is not either.
Without a DCT, relative expressions keep their rule and get null dates.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from .text import Clause, Span, clauses, sentences

MONTHS = {
    name.lower(): i
    for i, name in enumerate(calendar.month_name)
    if name
}
MONTHS.update({"jan.": 1, "feb.": 2, "aug.": 8, "sep.": 9, "sept.": 9, "oct.": 10, "nov.": 11, "dec.": 12})
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
_YEAR = r"(?:19|20)\d\d"
_PREP = r"(?:(?P<prep>(?i:since|on|in|until|by|from|during|as of|before|after|between))\s+)?"
_TIMEX = re.compile(
    rf"(?<![\w/]){_PREP}(?:"
    rf"(?P<dr1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|\s(?:to|and)\s)\s*(?P<dr2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<mr>{_MONTH})(?:,?\s+(?P<yr>{_YEAR}))?|"
    rf"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<part>(?i:late|early|mid|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of))[-\s]+(?P<y4>{_YEAR})"
    rf"|(?P<mpart>(?i:early|mid|late))[-\s]+(?P<m4>{_MONTH})(?:\s+(?P<y6>{_YEAR}))?"
    rf"|(?P<m5>{_MONTH})\s+(?:and|to|-|–)\s+(?P<m6>{_MONTH})(?:\s+(?P<y7>{_YEAR}))?"
    rf"|(?P<m7>{_MONTH})\s+(?:of\s+)?(?P<ry>(?i:this|last|next))\s+year"
    rf"|(?P<m3>{_MONTH})(?:\s+(?:of\s+)?(?P<y3>{_YEAR}))?"
    rf"|(?P<y5>{_YEAR})"
    rf"|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|(?P<ago>(?i:(?P<agon>a|one|two|three|four|five|six|\d+|a\s+few|several)\s+(?P<agou>days?|weeks?|months?|years?)\s+ago))"
    rf"|(?P<daypart>(?i:this\s+(?:morning|afternoon|evening)|tonight|last\s+night))"
    rf"|(?P<weekend>(?i:(?:over\s+)?(?:the|this|last)\s+weekend))"
    rf"|(?P<yearend>(?i:(?:the\s+)?end\s+of\s+(?:the|this)\s+year))"
    rf"|(?P<rel>(?i:today|yesterday|tomorrow|this year|last year|next year|this month|last month|next month|earlier this month|earlier this year|earlier this week|last week|this week|next week))"
    rf")(?![\w-])"
)
_NUM = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a few|a couple of|many"
_DURATION = re.compile(
    rf"(?<![\w-])(?P<n>{_NUM})\s+(?:(?:more|additional|consecutive|straight|long)\s+)?"
    rf"(?P<unit>days?|weeks?|months?|years?|hours?|decades?)(?![\w-])(?!\s+ago\b)",
    re.IGNORECASE,
)
_RELATIVE_RANGE = re.compile(r"(?:the\s+(?:past|last|next|coming|previous)|last|next|first|over\s+the)\s+$", re.IGNORECASE)
_MAY_VERB = re.compile(
    r"\s+(?:be|have|not|also|well|still|never|soon|even|only|already|need|take|face|lead|result|affect|allow|"
    r"prove|seem|become|come|continue|help|hit|see|make|get|go|cause|include|require|want|wish|say|do|use)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|shall|going to|is to|are to|set to|(?:is|are|was|were|be)\s+scheduled|scheduled\s+to|expected to|plans? to|planned\s+to|"
    r"(?:is|are|was|were|be)\s+planned|intends? to|would|upcoming|next)\b|\bin the coming\b"
    r"|\b(?-i:may|might)\s+(?!have\b)\w+",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|took|came|went|began|fought|struck|left|fled|said|told|met|held|saw|made|gave|led|"
    r"won|lost|sent|broke|flew|rose|fell|became|shot|overthrew|seized|stole|ran|drove|brought|caught|\w{2,}ed)\b",
    re.IGNORECASE,
)
_PARTS = {
    "late": ((9, 1), (12, 31)),
    "end of": ((9, 1), (12, 31)),
    "early": ((1, 1), (4, 30)),
    "beginning of": ((1, 1), (4, 30)),
    "start of": ((1, 1), (4, 30)),
    "mid": ((5, 1), (8, 31)),
    "middle of": ((5, 1), (8, 31)),
}


@dataclass(frozen=True)
class Timex:
    """A time expression and its value as an interval (``date_start``..``date_end``)."""

    text: str
    start: int
    end: int
    kind: str  # date | duration
    date_start: dt.date | None
    date_end: dt.date | None
    precision: str  # day | week | month | year | range | unknown
    rule: str
    # The point a "since" expression starts from (the coup "in 2021" of "since 2021, when ...").
    point: tuple[dt.date | None, dt.date | None, str, str] | None = None

    def row(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "precision": self.precision,
            "rule": self.rule,
        }


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


# "announced on Thursday plans to ...": the date belongs to the past reporting verb, not to the future it reports.
_REPORTED_ON = re.compile(r"\b(?:said|announced|told|reported|stated|added|confirmed|declared|claimed|noted|warned|revealed|wrote)"
                          r"(?:\s+[A-Z][\w.]*){0,2}\s+$")


def tense(clause_text: str) -> str:
    """future, past or present: enough to place a month or weekday without a year."""
    if _FUTURE.search(clause_text):
        return "future"
    if _PAST.search(clause_text):
        return "past"
    return "present"


def _year_for(month: int, day: int, dct: dt.date, when: str) -> int:
    if when == "future":
        return dct.year if (month, day) >= (dct.month, dct.day) else dct.year + 1
    if when == "past" and (month, day) > (dct.month, dct.day):
        return dct.year - 1
    return dct.year


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _point(m: re.Match[str], dct: dt.date | None, when: str) -> tuple[dt.date | None, dt.date | None, str, str] | None:
    """The value of the bare expression: (start, end, precision, rule), or None to reject the match."""
    g = m.groupdict()
    if g["dr1"]:  # "between 27 and 31 March 2022", "27-31 March": a span of days
        month, d1, d2 = MONTHS[g["mr"].lower()], int(g["dr1"]), int(g["dr2"])
        if not 1 <= d1 < d2 <= 31:
            return None
        if not g["yr"] and dct is None:
            return (None, None, "range", "explicit")
        y = int(g["yr"]) if g["yr"] else _year_for(month, d1, dct, when)  # type: ignore[arg-type]
        lo, hi = _safe_date(y, month, d1), _safe_date(y, month, d2)
        return (lo, hi, "range", "explicit") if lo and hi else None
    if g["m5"]:  # "in November and December": both months
        m_lo, m_hi = MONTHS[g["m5"].lower()], MONTHS[g["m6"].lower()]
        if dct is None and not g["y7"]:
            return (None, None, "range", "month")
        if g["y7"]:
            y_hi = int(g["y7"])
        else:
            y_hi = dct.year  # type: ignore[union-attr]
            if when == "future" and m_hi < dct.month:  # type: ignore[union-attr]
                y_hi += 1
            elif when == "past" and m_hi > dct.month:  # type: ignore[union-attr]
                y_hi -= 1
        y_lo = y_hi - 1 if m_lo > m_hi else y_hi
        return (dt.date(y_lo, m_lo, 1), _month_end(y_hi, m_hi), "range", "month")
    if g["m7"]:  # "in July this year", "May of last year"
        if dct is None:
            return (None, None, "month", "month")
        y = dct.year + {"this": 0, "last": -1, "next": 1}[g["ry"].lower()]
        month = MONTHS[g["m7"].lower()]
        return (dt.date(y, month, 1), _month_end(y, month), "month", "month")
    day = g["d1"] or g["d2"]
    month_word = g["m1"] or g["m2"] or g["m3"]
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"] or g["y5"]
    if g["mpart"]:
        month_word = year = day = None
    if day and month_word:
        month, d = MONTHS[month_word.lower()], int(day)
        if not 1 <= d <= 31:
            return None
        if year:
            date = _safe_date(int(year), month, d)
            return (date, date, "day", "explicit") if date else None
        if dct is None:
            return (None, None, "day", "explicit")
        date = _safe_date(_year_for(month, d, dct, when), month, d)
        return (date, date, "day", "explicit") if date else None
    if g["mpart"]:
        month = MONTHS[g["m4"].lower()]
        if g["y6"]:
            y = int(g["y6"])
        elif dct is None:
            return (None, None, "range", "month")
        else:
            y = dct.year + (1 if when == "future" and month < dct.month else -1 if when == "past" and month > dct.month else 0)
        lo, hi = {"early": (1, 10), "mid": (11, 20), "late": (21, calendar.monthrange(y, month)[1])}[g["mpart"].lower()]
        return (dt.date(y, month, lo), dt.date(y, month, hi), "range", "month")
    if g["ago"]:  # "two weeks ago": that day, week, month or year counted back from the DCT
        n = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}.get(g["agon"].lower(), None)
        if n is None and g["agon"].isdigit():
            n = int(g["agon"])
        if n is None:
            return None  # "a few days ago": no value
        unit = g["agou"].lower().rstrip("s")
        if dct is None:
            return (None, None, {"day": "day", "week": "week", "month": "month", "year": "year"}[unit], "weekday" if unit in ("day", "week") else unit)
        if unit == "day":
            d = dct - dt.timedelta(days=n)
            return (d, d, "day", "weekday")
        if unit == "week":
            monday = dct - dt.timedelta(days=dct.weekday()) - dt.timedelta(weeks=n)
            return (monday, monday + dt.timedelta(days=6), "week", "weekday")
        if unit == "month":
            y, mo = dct.year, dct.month - n
            while mo < 1:
                y, mo = y - 1, mo + 12
            return (dt.date(y, mo, 1), _month_end(y, mo), "month", "month")
        return (dt.date(dct.year - n, 1, 1), dt.date(dct.year - n, 12, 31), "year", "year")
    if g["weekend"]:  # "over the weekend": the Saturday and Sunday before the DCT (or the DCT's own)
        if dct is None:
            return (None, None, "week", "weekday")
        saturday = dct - dt.timedelta(days=(dct.weekday() - 5) % 7)
        return (saturday, saturday + dt.timedelta(days=1), "week", "weekday")
    if g["daypart"]:  # "this morning": the DCT; "last night": the day before
        if dct is None:
            return (None, None, "day", "present")
        d = dct - dt.timedelta(days=1) if g["daypart"].lower().startswith("last") else dct
        return (d, d, "day", "present" if d == dct else "weekday")
    if g["yearend"]:  # "by the end of the year": late in the DCT's year
        if dct is None:
            return (None, None, "range", "part_of_year")
        (m1, d1), (m2, d2) = _PARTS["end of"]
        return (dt.date(dct.year, m1, d1), dt.date(dct.year, m2, d2), "range", "part_of_year")
    if g["part"]:
        key = g["part"].lower().removeprefix("the ")
        (m1, d1), (m2, d2) = _PARTS[key]
        y = int(year)
        return (dt.date(y, m1, d1), dt.date(y, m2, d2), "range", "part_of_year")
    if month_word:
        month = MONTHS[month_word.lower()]
        if year:
            y = int(year)
        elif dct is None:
            return (None, None, "month", "month")
        else:
            y = dct.year
            if when == "future" and month < dct.month:
                y += 1
            elif when == "past" and month > dct.month:
                y -= 1
        return (dt.date(y, month, 1), _month_end(y, month), "month", "month")
    if year:
        y = int(year)
        return (dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "year")
    if g["wd"]:
        if dct is None:
            return (None, None, "day", "weekday")
        wd = WEEKDAYS[g["wd"].lower()]
        if when == "future":
            delta = (wd - dct.weekday()) % 7 or 7
            date = dct + dt.timedelta(days=delta)
        else:
            date = dct - dt.timedelta(days=(dct.weekday() - wd) % 7)
        return (date, date, "day", "weekday")
    rel = (g["rel"] or "").lower()
    if rel.startswith("earlier ") and dct is not None:
        # "earlier this month": the part of the period already past, up to the publication date
        start, _, _, rule = _value_of_rel(rel.removeprefix("earlier "), dct)
        return (start, dct, "range", rule)
    return _value_of_rel(rel, dct)


def _value_of_rel(rel: str, dct: dt.date | None) -> tuple[dt.date | None, dt.date | None, str, str] | None:
    """this/last/next week, month or year; today, yesterday, tomorrow."""
    if rel.endswith("week"):
        if dct is None:
            return (None, None, "week", "weekday")
        monday = dct - dt.timedelta(days=dct.weekday()) + dt.timedelta(weeks={"this": 0, "last": -1, "next": 1}[rel.split()[0]])
        return (monday, monday + dt.timedelta(days=6), "week", "weekday")
    if rel in ("today", "yesterday", "tomorrow"):
        if dct is None:
            return (None, None, "day", "present" if rel == "today" else "weekday")
        date = dct + dt.timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[rel])
        return (date, date, "day", "present" if rel == "today" else "weekday")
    if rel.endswith("year"):
        if dct is None:
            return (None, None, "year", "year")
        y = dct.year + {"this": 0, "last": -1, "next": 1}[rel.split()[0]]
        return (dt.date(y, 1, 1), dt.date(y, 12, 31), "year", "year")
    if rel.endswith("month"):
        if dct is None:
            return (None, None, "month", "month")
        y, mo = dct.year, dct.month + {"this": 0, "last": -1, "next": 1}[rel.split()[0]]
        if mo == 0:
            y, mo = y - 1, 12
        elif mo == 13:
            y, mo = y + 1, 1
        return (dt.date(y, mo, 1), _month_end(y, mo), "month", "month")
    return None


def _reject(text: str, m: re.Match[str]) -> bool:
    g = m.groupdict()
    if g["m3"] == "May" and not g["y3"]:
        if g["prep"] is None and _MAY_VERB.match(text, m.end()):
            return True
    if g["y5"]:
        before = text[max(0, m.start() - 14) : m.start()]
        if re.search(r"(?:resolution|No\.|number|\d)\s*\(?$", before, re.IGNORECASE):
            return True  # "resolution 2690 (2023)": a document number, not a date
        if re.match(r"\s*(?:troops|soldiers|people|men|km|kilometres|kilometers|metres|dollars|tons)\b", text[m.end() :]):
            return True
    return False


def find_timexes(text: str, dct: dt.date | None, spans: list[Span] | None = None, clause_lists: list[list[Clause]] | None = None) -> list[Timex]:
    """All time expressions of ``text``, in order, resolved against ``dct``."""
    out: list[Timex] = []
    spans = spans if spans is not None else sentences(text)
    for i, sent in enumerate(spans):
        cls = clause_lists[i] if clause_lists is not None else None
        for m in _TIMEX.finditer(text, sent[0], sent[1]):
            if _reject(text, m):
                continue
            if cls is None:
                cls = clauses(text, sent)
            clause = next(((c.start, c.end) for c in cls if c.start <= m.start() < c.end), sent)
            when = "past" if _REPORTED_ON.search(text, max(sent[0], m.start() - 40), m.start()) else tense(text[clause[0] : clause[1]])
            if when == "present" and clause != sent:  # "But in November, the junta cancelled ...": a verbless lead takes the sentence's tense
                when = tense(text[sent[0] : sent[1]])
            prep = (m.group("prep") or "").lower()
            point = _point(m, dct, when if prep != "since" else "past")
            if point is None:
                continue
            start, end = m.start(), m.end()
            if prep in ("since",):
                ps, pe, _, _ = point
                if ps is not None and dct is not None and ps > dct:
                    # "since" a point after the publication date: no interval can hold it.
                    out.append(Timex(text[start:end], start, end, "date", None, None, "unknown", "none"))
                    continue
                out.append(Timex(text[start:end], start, end, "date", ps, dct if ps else None, "range", "since", point))
            else:
                out.append(Timex(text[start:end], start, end, "date", point[0], point[1], point[2], point[3]))
        for m in _DURATION.finditer(text, sent[0], sent[1]):
            if _RELATIVE_RANGE.search(text, max(0, m.start() - 16), m.start()):
                continue
            if any(t.start < m.end() and m.start() < t.end for t in out):
                continue
            out.append(Timex(m.group(0), m.start(), m.end(), "duration", None, None, "unknown", "none"))
    out.sort(key=lambda t: t.start)
    return out
