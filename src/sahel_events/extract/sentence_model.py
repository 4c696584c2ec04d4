"""A small statistical check: does this sentence report an event a coder would code?

The rules find events precisely but miss a long tail (background events, nominal
events, verbs outside the lexicon). A logistic model over the sentence's words
(unigrams and bigrams), the lexicon's trigger kinds in it, whether it names a
dictionary actor, and its time expressions (the rule that read each, and how far
its date lies from the publication date) flags the sentences that hold a coded
event; one logistic model per ACLED type and sub-type, over the same features,
types the flagged sentence's event. Their weights ship with the package
(``event_sentences.json``, written by ``scripts/train_sentence_model.py`` from
curated codings); scoring is a sum of weights in plain Python: no numpy, no
download.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any

from .lexicon import TRIGGER_RE, trigger_of
from .text import Span
from .timex import Timex

MODEL_FILE = "event_sentences.json"
_TOKEN = re.compile(r"\w+")


def features(text: str, span: Span, names_actor: bool, timexes: Iterable[Timex] = (), dct: dt.date | None = None) -> set[str]:
    """The sentence's features; training and scoring both use this function. `timexes` may hold
    the whole article's: only those that start inside `span` count."""
    words = [w.lower() for w in _TOKEN.findall(text, span[0], span[1])]
    out = {"u=" + w for w in words} | {f"b={a} {b}" for a, b in zip(words, words[1:])}
    out |= {"k=" + trigger_of(m).kind for m in TRIGGER_RE.finditer(text, span[0], span[1])}
    if names_actor:
        out.add("x=actor")
    return out | _date_features([d for d in timexes if span[0] <= d.start < span[1]], dct)


def _date_features(timexes: list[Timex], dct: dt.date | None) -> set[str]:
    """"t=RULE" for each time expression ("t=dur" for a duration), "t=none" when no date resolved;
    and how far each date lies from the publication date: a weekday last week is news, a year
    a decade back is background (leave-one-set-out events F1 0.633 to 0.645, docs/decisions.md)."""
    out = {"t=" + (d.rule if d.kind == "date" else "dur") for d in timexes}
    dated = [(d.date_start, d.date_end) for d in timexes if d.kind == "date" and d.date_start and d.date_end]
    if not dated:
        out.add("t=none")
    for start, end in dated if dct else ():
        if start > dct:
            out.add("ty=future")
        elif (dct - end).days <= 10:
            out.add("ty=days")
        elif (dct - end).days <= 60:
            out.add("ty=weeks")
        elif (dct - start).days <= 400:
            out.add("ty=year")
        else:
            out.add("ty=old")
    return out


@lru_cache(maxsize=1)
def load_model() -> dict[str, Any]:
    """The shipped model (read once per process)."""
    return json.loads(resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"))


def event_type(model: dict[str, Any], feats: set[str]) -> tuple[str, str] | None:
    """The (event type, sub-event type) whose one-vs-rest score is highest; None for a model without types."""
    classes = model.get("types", {}).get("classes")
    if not classes:
        return None
    score = lambda c: c["intercept"] + sum(c["weights"].get(f, 0.0) for f in feats)  # noqa: E731
    best = max(sorted(classes), key=lambda kind: score(classes[kind]))
    event_type_, _, sub_type = best.partition("|")
    return event_type_, sub_type


def probability(model: dict[str, Any], feats: set[str]) -> float:
    weights = model["weights"]
    z = model["intercept"] + sum(weights.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))
