"""How high can an extractor score on events under `sahel-events evaluate`'s matching?

`evaluate` pairs events one to one by overlapping evidence, so a method that
gives at most one event per sentence cannot find two coded events that share a
sentence. This script scores, on curated folders, what such methods reach at
best, and how often the extractor and the sentence baseline flag the right
sentences at all:

- oracle sentences: one event for each sentence that holds a coded event;
- oracle clauses: one event for each clause that holds a coded event's start;
- every sentence: one event for each sentence, coded or not;
- sentence-level detection of the extractor and of the sentence baseline
  (`scripts/sentence_baseline.py`): a sentence counts as found when it holds a
  coded event and one of the method's events.

The oracles read the curated codings they are scored against: they are
ceilings, not methods. With ``--draws N`` the extractor's pooled events and
claims F1 also get a 95% bootstrap interval over articles (seeded: same
folders, same figures).

    python scripts/event_ceilings.py ROOT [ROOT ...] --draws 2000 --out build/ceilings.json
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from sahel_events.annotations import curated_rows
from sahel_events.evaluation import evaluate, prf
from sahel_events.extract import extract
from sahel_events.extract.text import clauses, sentences
from sahel_events.ingest import Article, read_article, source_files
from sahel_events.reference import Reference, load_reference
from sahel_events.yamlio import InputError
from sentence_baseline import baseline_rows

Span = tuple[int, int]


def _coded(root: Path) -> list[tuple[Article, dict[str, list[dict[str, Any]]]]]:
    reference = load_reference(root)
    out = []
    for path in source_files(root / "data" / "sources"):
        ann = root / "data" / "annotations" / f"{path.stem}.yaml"
        if ann.exists():
            article = read_article(path)
            out.append((article, curated_rows(article, reference, ann)))
    return out


def _oracle(root: Path, units: Callable[[str], list[Span]], coded: Callable[[Span, list[dict[str, Any]]], bool]) -> dict[str, Any]:
    """Events F1 of one event per unit (sentence or clause) that ``coded`` says holds a curated event."""
    gold = {article.article_id: rows["events"] for article, rows in _coded(root)}

    def predict(article: Article, reference: Reference) -> dict[str, list[dict[str, Any]]]:
        events = gold[article.article_id]
        spans = [u for u in units(article.text) if coded(u, events)]
        return {"events": [{"event_id": f"oracle-{i}", "event_type": "", "sub_event_type": "", "event_status": "",
                            "evidence_start": a, "evidence_end": b, "date_start": None, "date_end": None, "date_text": None}
                           for i, (a, b) in enumerate(spans)],
                "claims": [], "mentions": []}

    return evaluate(root, predict=predict)


def _clause_spans(text: str) -> list[Span]:
    return [(c.start, c.end) for s in sentences(text) for c in clauses(text, s)]


def _holds_evidence(span: Span, events: list[dict[str, Any]]) -> bool:
    return any(span[0] < e["evidence_end"] and e["evidence_start"] < span[1] for e in events)


def _holds_start(span: Span, events: list[dict[str, Any]]) -> bool:
    return any(span[0] <= e["evidence_start"] < span[1] for e in events)


def _pool(results: list[dict[str, Any]], key: str = "events") -> dict[str, Any]:
    totals = [r["total"][key] for r in results if r["total"] is not None]
    return prf(sum(t["tp"] for t in totals), sum(t["predicted"] for t in totals), sum(t["gold"] for t in totals))


def sentence_detection(roots: list[Path]) -> dict[str, dict[str, Any]]:
    """Sentence-level precision, recall and F1 of the extractor and the baseline."""
    counts = {"extractor": [0, 0, 0], "sentence_baseline": [0, 0, 0]}
    for root in roots:
        reference = load_reference(root)
        for article, rows in _coded(root):
            spans = sentences(article.text)
            gold = {s for s in spans if _holds_start(s, rows["events"])}
            for name, events in (("extractor", extract(article, reference).tables()["events"]),
                                 ("sentence_baseline", baseline_rows(article, reference)["events"])):
                found = {s for s in spans if _holds_start(s, events)}
                c = counts[name]
                c[0], c[1], c[2] = c[0] + len(found & gold), c[1] + len(found), c[2] + len(gold)
    return {name: prf(*c) for name, c in counts.items()}


def bootstrap(roots: list[Path], draws: int, seed: int = 0) -> dict[str, dict[str, float]]:
    """95% intervals of the extractor's pooled F1 (events, claims, and their strict forms), resampling articles."""
    per = [a for root in roots for a in evaluate(root)["articles"].values()]
    if not per:
        return {}

    def f1(sample: list[dict[str, Any]], key: str, strict: bool) -> float:
        tp = sum((a[key]["strict"] if strict else a[key])["tp"] for a in sample)
        denominator = sum(a[key]["predicted"] + a[key]["gold"] for a in sample)
        return 2 * tp / denominator if denominator else 0.0

    rng = random.Random(seed)
    out = {}
    for key in ("events", "claims"):
        for strict in (False, True):
            values = sorted(f1([rng.choice(per) for _ in per], key, strict) for _ in range(draws))
            name = f"{key}_strict" if strict else key
            out[name] = {"f1": round(f1(per, key, strict), 4), "low": round(values[int(0.025 * draws)], 4),
                         "high": round(values[min(draws - 1, int(0.975 * draws))], 4)}
    return out


def ceilings(roots: list[Path], draws: int = 0) -> dict[str, Any]:
    result: dict[str, Any] = {
        "oracle_sentences": _pool([_oracle(r, sentences, _holds_evidence) for r in roots]),
        "oracle_clauses": _pool([_oracle(r, _clause_spans, _holds_start) for r in roots]),
        "every_sentence": _pool([_oracle(r, sentences, lambda span, events: True) for r in roots]),
        "sentence_detection": sentence_detection(roots),
    }
    if draws:
        result["bootstrap"] = {"draws": draws, "scores": bootstrap(roots, draws)}
    return result


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("roots", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--draws", type=click.IntRange(0), default=0, show_default=True,
              help="Bootstrap draws for the extractor's F1 intervals (0: none).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also write the figures to this JSON file.")
def main(roots: tuple[Path, ...], draws: int, out: Path | None) -> None:
    """Ceilings of sentence- and clause-level event detection on the curated folders ROOTS."""
    try:
        result = ceilings([r.resolve() for r in roots], draws)
    except InputError as err:
        raise click.ClickException(str(err)) from None
    except FileNotFoundError as err:
        raise click.ClickException(f"{err.filename} not found: each ROOT needs data/sources, data/annotations and data/reference") from None
    for name in ("oracle_sentences", "oracle_clauses", "every_sentence"):
        s = result[name]
        click.echo(f"{name:30} events F1 {s['f1']:.3f}  (P {s['precision']:.3f}, R {s['recall']:.3f})")
    for name, s in result["sentence_detection"].items():
        click.echo(f"{'sentences, ' + name:30} F1 {s['f1']:.3f}  (P {s['precision']:.3f}, R {s['recall']:.3f})")
    for name, s in result.get("bootstrap", {}).get("scores", {}).items():
        click.echo(f"{'extractor ' + name:30} F1 {s['f1']:.3f}  95% [{s['low']:.3f}, {s['high']:.3f}]")
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        click.echo(f"wrote {out}", err=True)


if __name__ == "__main__":
    main()
