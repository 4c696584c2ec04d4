"""A small statistical check: does this sentence report an event a coder would code?

The rules find events precisely but miss a long tail (background events, nominal
events, verbs outside the lexicon). A logistic model over the sentence's words
(unigrams and bigrams), the lexicon's trigger kinds in it and whether it names a
dictionary actor flags the sentences that hold a coded event; one logistic
model per ACLED type and sub-type, over the same features, types the flagged
sentence's event. Their weights ship with the package (``event_sentences.json``,
written by ``scripts/train_sentence_model.py`` from curated codings); scoring is
a sum of weights in plain Python: no numpy, no download.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from .lexicon import TRIGGER_RE, trigger_of
from .text import Span

MODEL_FILE = "event_sentences.json"
_TOKEN = re.compile(r"\w+")


def features(text: str, span: Span, names_actor: bool) -> set[str]:
    """The sentence's features; training and scoring both use this function."""
    words = [w.lower() for w in _TOKEN.findall(text, span[0], span[1])]
    out = {"u=" + w for w in words} | {f"b={a} {b}" for a, b in zip(words, words[1:])}
    out |= {"k=" + trigger_of(m).kind for m in TRIGGER_RE.finditer(text, span[0], span[1])}
    if names_actor:
        out.add("x=actor")
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
