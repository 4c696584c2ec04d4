"""The date interval of an event: its nearest relevant time expression, a deadline of a plan,
the report's own date, or the publication date for what is going on now."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .claims import Claim
from .text import Clause, Span
from .timex import Timex

# A deadline before a time expression: "by 31 May", "until June", "within the deadline of ...".
_DEADLINE_TEXT = re.compile(r"(?i)(?:until|by|before|no\s+later\s+than)\b")


_DEADLINE_BEFORE = re.compile(
    r"(?:\b(?:within|by)\s+(?:the\s+)?(?:timeline|deadline|time\s*frame|period|end)\s+of|\bno\s+later\s+than|\bdeadline\s+of)\s+$", re.I
)


# "In February, the authorities said they had arrested ...": a month opening the sentence dates the report.
_FRONTED_MONTH = re.compile(r"\s*(?:In|Last|Earlier\s+in|Late\s+in|Early\s+in)?\s*[A-Z]\w+(?:\s+\d{4})?$")


def is_deadline(text: str, timex: Timex, lo: int) -> bool:
    """A time expression that bounds a plan rather than dating it ("by 31 May", "within the deadline of 31 May")."""
    return bool(_DEADLINE_TEXT.match(timex.text) or _DEADLINE_BEFORE.search(text, max(lo, timex.start - 40), timex.start))


def date_fields(text: str | None, start: dt.date | None, end: dt.date | None, precision: str, rule: str) -> dict[str, Any]:
    return {"date_text": text, "date_start": start, "date_end": end, "date_precision": precision if start else "unknown", "date_rule": rule if start else "none"}


def event_date(text: str, trig: re.Match[str], clause: Clause, sentence: Span, cls: list[Clause], clause_dates: list[Timex],
          dates: list[Timex], claims: list[Claim], status: str, dct: dt.date | None) -> dict[str, Any]:
    """The nearest relevant time expression: in the clause (inside the reported content when the
    event is reported), else the report's own date, else the sentence's opening time phrase."""
    claim = next((c for c in claims if c.content[0] <= trig.start() < c.content[1] and c.claimant), None)
    if claim is not None:  # a date outside the content dates the report, not the event
        clause_dates = [d for d in clause_dates if claim.content[0] <= d.start < claim.content[1]]
    # "until"/"by" give a deadline: it dates only a planned event
    clause_dates = [d for d in clause_dates if status == "planned" or not re.match(r"(?i)(?:until|by|before)\b", d.text)]
    if clause_dates:
        t = min(clause_dates, key=lambda d: min(abs(d.start - trig.end()), abs(trig.start() - d.end)))
        if status == "planned" and dct is not None and t.date_end is not None and dct <= t.date_end and is_deadline(text, t, clause.start):
            # A deadline bounds the plan: from the publication date to the deadline.
            return date_fields(t.text, dct, t.date_end, "range", t.rule)
        return date_fields(t.text, t.date_start, t.date_end, t.precision, t.rule)
    if claim is None and clause.first == "when":
        prev = [d for d in dates if sentence[0] <= d.start and d.end <= clause.start and clause.start - d.end <= 3]
        if prev:
            d = prev[-1]
            if d.rule == "since" and d.point:
                bare = re.sub(r"^(?i:since)\s+", "", d.text)
                s = d.start + len(d.text) - len(bare)
                return date_fields(text[s : d.end], d.point[0], d.point[1], d.point[2], d.point[3])
            return date_fields(d.text, d.date_start, d.date_end, d.precision, d.rule)
    if claim is not None:
        # a date elsewhere in the reported content of this sentence ("said six soldiers died and ... on Friday")
        later = [d for d in dates if claim.content[0] <= d.start < min(claim.content[1], sentence[1]) and d.start > trig.end()
                 and d.precision in ("day", "week") and not re.match(r"(?i)(?:until|by|before|since)\b", d.text)]
        if later and status == "occurred":
            d = later[0]
            return date_fields(d.text, d.date_start, d.date_end, d.precision, d.rule)
    if claim is not None:
        # Only a day-precise report date dates a fresh event ("On Friday, officials reported that ...");
        # a month-old report ("since May, when a report stated ...") does not.
        # the report's date: before the cue, or between the cue and the content ("said on Sunday that")
        # A month right after the cue ("announced in December that ...") or opening the sentence
        # ("In February, X said ...") dates the report too.
        report = [d for d in dates if sentence[0] <= d.start < sentence[1] and (
                  (d.precision == "day" and (d.end <= claim.cue[0] or (claim.cue[1] <= d.start and d.end <= claim.content[0])
                                             or claim.content[1] <= claim.cue[0] <= claim.cue[1] <= d.start))
                  or (d.precision == "month" and d.rule == "month" and claim.cue[1] <= d.start and d.end <= claim.content[0])
                  or (d.precision == "month" and d.rule == "month" and d.end <= claim.cue[0] and _FRONTED_MONTH.match(text, sentence[0], d.end)))]
        if report and status == "occurred":
            d = report[-1]
            return date_fields(d.text, d.date_start, d.date_end, d.precision, "report_date")
    intro = cls[0] if cls and cls[0].start == sentence[0] and cls[0] is not clause else None
    if claim is None and intro is not None and clause.first not in ("which", "who", "when"):
        lead = [d for d in dates if intro.start <= d.start < intro.end and d.precision in ("day", "month", "year")]
        if lead:
            d = lead[0]
            return date_fields(d.text, d.date_start, d.date_end, d.precision, d.rule)
    if status == "ongoing" and dct is not None:
        return date_fields(None, dct, dct, "day", "present")
    if status == "occurred" and dct is not None and claim is None and re.search(r"\b(?:has|have)\s+(?:\w+ly\s+)?$", text[clause.start : trig.start()], re.I):
        return date_fields(None, dct, dct, "day", "present")  # "The junta has expelled the ambassador": news of the day
    return date_fields(None, None, None, "unknown", "none")
