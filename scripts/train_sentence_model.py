"""Train the sentence model the extractor ships (src/sahel_events/extract/event_sentences.json).

Reads curated codings: every source with an annotation under each ROOT (folders
with data/sources, data/annotations and data/reference). A sentence is positive
when a curated event's evidence overlaps it. Features are
`sahel_events.extract.sentence_model.features`, kept only when they occur in at
least --min-articles different articles, so that no feature belongs to one
text. An L1-regularised logistic regression (scikit-learn, liblinear, fixed
seed) keeps few weights; same codings, same bytes. Needs the `train` extra.

The same run trains the event-type model that types the flagged sentences'
events: over the sentences holding a curated event, one L1 logistic regression
per (event type, sub-event type) of the first such event (one-vs-rest); the
extractor takes the type with the highest score.

    python scripts/train_sentence_model.py ROOT [ROOT ...] --out src/sahel_events/extract/event_sentences.json
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import click

from sahel_events.annotations import curated_rows
from sahel_events.extract import reference_date
from sahel_events.extract.matching import matcher_for
from sahel_events.extract.sentence_model import features
from sahel_events.extract.text import clauses, sentences
from sahel_events.extract.timex import find_timexes
from sahel_events.ingest import read_article, source_files
from sahel_events.reference import load_reference
from sahel_events.yamlio import InputError


Row = tuple[set[str], int, "str | None"]


def labelled_sentences(roots: list[Path]) -> list[list[Row]]:
    """Per curated article, each sentence's features, label and the type of its first curated event
    ("Event type|Sub-event type", None for a sentence without one)."""
    articles = []
    for root in roots:
        reference = load_reference(root)
        matcher = matcher_for(reference)
        for path in source_files(root / "data" / "sources"):
            ann = root / "data" / "annotations" / f"{path.stem}.yaml"
            if not ann.exists():
                continue
            article = read_article(path)
            gold = sorted(curated_rows(article, reference, ann)["events"], key=lambda e: (e["evidence_start"], e["evidence_end"]))
            text, dct = article.text, reference_date(article)
            actor_starts = [m.start for m in matcher.find(text) if m.entity_type == "actor" and m.actor_id]
            spans = sentences(text)
            timexes = find_timexes(text, dct, spans, [clauses(text, s) for s in spans])  # as extract() reads them
            rows: list[Row] = []
            for s0, s1 in spans:
                here = [e for e in gold if s0 < e["evidence_end"] and e["evidence_start"] < s1]
                kind = f"{here[0]['event_type']}|{here[0]['sub_event_type']}" if here else None
                feats = features(text, (s0, s1), any(s0 <= a < s1 for a in actor_starts), timexes, dct)
                rows.append((feats, int(bool(here)), kind))
            articles.append(rows)
    return articles


def _vocabulary(articles: list[list[Row]], min_articles: int) -> list[str]:
    seen = Counter(f for rows in articles for f in set().union(*(feats for feats, *_ in rows)))
    vocab = sorted(f for f, n in seen.items() if n >= min_articles)
    if not vocab:
        raise ValueError(f"no feature occurs in {min_articles} articles of {len(articles)}: lower --min-articles or add codings")
    return vocab


def _matrix(vocab: list[str], feature_sets: list[set[str]]) -> Any:
    from sklearn.preprocessing import MultiLabelBinarizer

    kept = set(vocab)
    X = MultiLabelBinarizer(classes=vocab, sparse_output=True).fit_transform([f & kept for f in feature_sets]).astype("float64")
    X.indices, X.indptr = X.indices.astype("int32"), X.indptr.astype("int32")  # liblinear takes 32-bit indices only
    return X


def _weights(vocab: list[str], coef: Any) -> dict[str, float]:
    return {f: round(float(w), 6) for f, w in zip(vocab, coef) if round(float(w), 6) != 0.0}


def train_types(articles: list[list[Row]], min_articles: int, c: float) -> dict[str, Any]:
    """One-vs-rest L1 logistic regressions over the sentences that hold a curated event."""
    from sklearn.linear_model import LogisticRegression

    pairs = [(feats, kind) for rows in articles for feats, _, kind in rows if kind is not None]
    kinds = sorted({kind for _, kind in pairs})
    if len(kinds) < 2:
        raise ValueError("the codings hold fewer than two event types: the type model needs at least two")
    vocab = _vocabulary(articles, min_articles)
    X = _matrix(vocab, [feats for feats, _ in pairs])
    classes = {}
    for kind in kinds:
        y = [int(k == kind) for _, k in pairs]
        clf = LogisticRegression(C=c, l1_ratio=1.0, solver="liblinear", random_state=0, max_iter=5000).fit(X, y)
        classes[kind] = {"intercept": round(float(clf.intercept_[0]), 6), "weights": dict(sorted(_weights(vocab, clf.coef_[0]).items()))}
    return {
        "about": "Which ACLED type and sub-type is the event of a flagged sentence? One logistic model per "
                 "'Event type|Sub-event type' (one-vs-rest); the highest score wins.",
        "trained_on": {"sentences": len(pairs)},
        "settings": {"min_articles": min_articles, "C": c, "penalty": "l1", "solver": "liblinear", "multi_class": "one-vs-rest"},
        "classes": classes,
    }


def train(articles: list[list[Row]], min_articles: int, c: float, threshold: float) -> dict[str, Any]:
    from sklearn.linear_model import LogisticRegression

    vocab = _vocabulary(articles, min_articles)
    pairs = [(feats, label) for rows in articles for feats, label, _ in rows]
    X = _matrix(vocab, [feats for feats, _ in pairs])
    y = [label for _, label in pairs]
    clf = LogisticRegression(C=c, l1_ratio=1.0, solver="liblinear", class_weight="balanced", random_state=0, max_iter=5000).fit(X, y)
    weights = _weights(vocab, clf.coef_[0])
    if not weights:
        raise ValueError(f"every weight is zero at C={c} (too few codings for this much regularisation): raise --c or add codings")
    return {
        "about": "Does a sentence hold an event a coder would code? Logistic weights over "
                 "sahel_events.extract.sentence_model.features; see docs/extraction.md.",
        "trained_on": {"articles": len(articles), "sentences": len(pairs), "positive_sentences": sum(y)},
        "settings": {"min_articles": min_articles, "C": c, "penalty": "l1", "solver": "liblinear", "class_weight": "balanced"},
        "threshold": threshold,
        "intercept": round(float(clf.intercept_[0]), 6),
        "weights": dict(sorted(weights.items())),
    }


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("roots", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Where to write the model JSON.")
@click.option("--min-articles", type=click.IntRange(1), default=3, show_default=True, help="Keep a feature seen in at least this many articles.")
@click.option("--c", "c", type=click.FloatRange(min=0, min_open=True), default=0.3, show_default=True, help="Inverse regularisation strength.")
@click.option("--threshold", type=click.FloatRange(0, 1), default=0.5, show_default=True, help="Probability from which a sentence is flagged.")
@click.option("--type-c", "type_c", type=click.FloatRange(min=0, min_open=True), default=1.0, show_default=True, help="Inverse regularisation strength of the event-type model.")
def main(roots: tuple[Path, ...], out: Path, min_articles: int, c: float, threshold: float, type_c: float) -> None:
    """Train the sentence model and its event-type model on the curated codings under ROOTS."""
    try:
        articles = labelled_sentences([r.resolve() for r in roots])
    except InputError as err:
        raise click.ClickException(str(err)) from None
    except FileNotFoundError as err:
        raise click.ClickException(f"{err.filename} not found: each ROOT needs data/sources, data/annotations and data/reference") from None
    if not articles or not any(label for rows in articles for _, label, _ in rows):
        raise click.ClickException("no curated event to learn from: each ROOT needs data/annotations with events")
    try:
        model = train(articles, min_articles, c, threshold)
        model["types"] = train_types(articles, min_articles, type_c)
    except ValueError as err:
        raise click.ClickException(str(err)) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    t = model["trained_on"]
    click.echo(f"{t['articles']} articles, {t['sentences']} sentences ({t['positive_sentences']} with an event): "
               f"{len(model['weights'])} weights, {len(model['types']['classes'])} event types -> {out}")


if __name__ == "__main__":
    main()
