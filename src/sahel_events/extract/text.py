"""Sentences, clauses and language: the light segmentation the rules work on.

Plain regular expressions, no statistical model: fast, deterministic and
good enough for edited news prose. All spans are (start, end) offsets into the
cleaned article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Span = tuple[int, int]

# A sentence ends at . ! ? before a capital, at a blank line, at a line break; and, in
# captures that lost the space ("...reached the town.A ceremony followed"), at a full stop
# between a lowercase word and a capitalised one.
_BOUNDARY = re.compile(r'[.!?]["”’)]*(?=\s+["“‘(]?[A-Z0-9])|(?<=[a-z]{2})[.!?]["”’)]*(?=["“]?(?:[A-Z][a-z]|[AI]\s))|\n\s*\n|\n(?=\S)')
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Capt|Sgt|Maj|St|No|Nos|Vol|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|vs|etc|Rev|Prof)"
    r"|\b[A-Z](?:\.[A-Z])*|\b[a-z]\.[a-z])\.$"
)
# Where a sentence breaks into clauses: before relative and subordinate words,
# appositions (", a ..."), coordinated clauses (", and the ..."), semicolons,
# and the opening quote of a direct quotation.
_CLAUSE = re.compile(
    r",\s+(?=(?:which|who|whom|whose|when|where|while|whereas|a|an|and|but|after|before|although|though|"
    r"because|as|our|we|they|their|its|it|the|this|these|he|she|his|her|amid|following|causing|ceasing|"
    r"transferring|withdrawing|including|to|during)\b)"
    r"|,\s+(?=(?:was|were|is|are|has|had|have|will|would)\s)"
    r"|\s+(?=(?:after|before|because|while|although|whereas|following)\s)"
    r"|;\s*|\s+(?=[\"“])|\bthat\s+(?=[\"“])|(?<=[,.!?][\"”])\s+",
)
_LEADING = re.compile(r"(?:[,;:\s\"“”]|and\s|but\s)+")
_INTRO = re.compile(r"(?:As|When|While|After|Before|Since|Although|Though|If|Once|Because|Despite|Following|In|On|Amid)\b[^,]{0,120},\s+")


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    first: str  # first word, lowercased: tells relative/appositive clauses apart


def sentences(text: str) -> list[Span]:
    """Sentence spans, trimmed of surrounding whitespace; abbreviations do not end a sentence."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group(0)[0] == "." and _ABBREV.search(text, max(0, m.start() - 12), m.start() + 1):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    out: list[Span] = []
    for s, e in _bounded(text, spans):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


#: No real sentence is this long; a longer "sentence" (a table, a list, a broken
#: capture) is cut at whitespace so the per-sentence rules stay linear in the text.
MAX_SENTENCE = 1500


def _bounded(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s, e in spans:
        while e - s > MAX_SENTENCE:
            cut = text.rfind(" ", s + MAX_SENTENCE // 2, s + MAX_SENTENCE)
            cut = cut if cut != -1 else s + MAX_SENTENCE
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def clauses(text: str, sentence: Span) -> list[Clause]:
    """Clause spans of one sentence (approximate: punctuation and function words)."""
    s, e = sentence
    cuts = [s]
    intro = _INTRO.match(text, s, e)
    if intro:
        cuts.append(intro.end())
    cuts.extend(m.end() for m in _CLAUSE.finditer(text, s, e))
    cuts.append(e)
    cuts = sorted(set(cuts))
    out: list[Clause] = []
    for a, b in zip(cuts, cuts[1:]):
        m = _LEADING.match(text, a, b)
        if m:
            a = m.end()
        while b > a and text[b - 1] in " ,;.\"”“":
            b -= 1
        if b > a:
            word = re.match(r"\w+", text[a:b])
            out.append(Clause(a, b, word.group(0).lower() if word else ""))
    return out


# The most frequent English function words: a text with few of them is not English.
_STOPWORDS = frozenset(
    "the of and to a in is that for it as was with be by on not he i this are or his from at which but have an "
    "they you were their has its had been one we will would there all can more who she her when also than after".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def english_ratio(text: str, limit: int = 5000) -> tuple[float, int]:
    """Share of the first ``limit`` words that are common English function words, and the word count."""
    words = _WORD.findall(text[: limit * 8].lower())[:limit]
    if not words:
        return 0.0, 0
    return sum(w in _STOPWORDS for w in words) / len(words), len(words)


def looks_english(text: str) -> bool:
    """English prose has 25-50 % function words; French, Arabic or Bambara far fewer of these."""
    ratio, n = english_ratio(text)
    return n < 8 or ratio >= 0.12
