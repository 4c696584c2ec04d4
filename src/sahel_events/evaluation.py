"""``sahel-events evaluate``: the automatic extractor scored against curated coding.

Matching rules (also in docs/evaluation.md):

- mentions: exact span (start, end) and the same entity (actor_id or place_id;
  a null id matches a null id). Scored for actors, places and both.
- time values: the dated events of each side (date_start not null) as a
  multiset of (date_start, date_end); an automatic value matches a curated one
  with the same interval and, when both have a date_text, overlapping wording
  (ignoring a leading "on/in/since/..."). Measures whether the extractor
  resolves the dates a coder resolves, independent of event matching.
- events: one-to-one, greedily by the largest character overlap of the
  evidence spans (ties: same type first). On matched pairs: type accuracy
  (event_type and sub_event_type both equal), event_type accuracy, date accuracy
  (same date_start and date_end; both null counts as equal), status accuracy.
- claims: one-to-one by the largest overlap of the content spans. On matched
  pairs: claimant accuracy (same claimant text, case-insensitive, both null
  equal, and same claimant_actor_id), cue accuracy (same cue, case-insensitive),
  modality accuracy, event-link accuracy (the linked events are a matched pair,
  or both null).

Strict scores count a matched event only when its type and date are right,
and a matched claim only when its claimant and cue are right: what a row is
worth to a user, and what a baseline that names no claimant or cue lacks.

Precision = matched / automatic rows; recall = matched / curated rows;
F1 their harmonic mean; all micro-averaged over articles. Deterministic: no
timestamps, sorted keys, figures rounded to 4 decimals.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .annotations import curated_rows
from .extract import extract
from .ingest import Article, read_article, source_files
from .reference import Reference, load_reference

Row = dict[str, Any]
_PREP = re.compile(r"^(?:on|in|since|until|by|from|during|as of|before|after)\s+", re.I)


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else (1.0 if not n_pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "predicted": n_pred, "gold": n_gold, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_spans(pred: list[Row], gold: list[Row], span: Callable[[Row], tuple[int, int]], tie: Callable[[Row, Row], bool]) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) by largest overlap, greedily."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            ov = _overlap(span(p), span(g))
            if ov > 0:
                cands.append((-ov, not tie(p, g), i, j))
    cands.sort()
    used_p, used_g, pairs = set(), set(), []
    for _, _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _mention_scores(pred: list[Row], gold: list[Row], entity_type: str | None) -> dict[str, Any]:
    def keys(rows: list[Row]) -> set[tuple[Any, ...]]:
        return {
            (r["start"], r["end"], r["entity_type"], r["actor_id"], r["place_id"])
            for r in rows
            if entity_type is None or r["entity_type"] == entity_type
        }

    p, g = keys(pred), keys(gold)
    return prf(len(p & g), len(p), len(g))


def _norm_date_text(t: str | None) -> str | None:
    return None if t is None else _PREP.sub("", t.strip()).casefold()


def _time_scores(pred: list[Row], gold: list[Row]) -> dict[str, Any]:
    P = [e for e in pred if e["date_start"] is not None]
    G = [e for e in gold if e["date_start"] is not None]
    used, tp = set(), 0
    for p in P:
        for j, g in enumerate(G):
            if j in used or (p["date_start"], p["date_end"]) != (g["date_start"], g["date_end"]):
                continue
            a, b = _norm_date_text(p["date_text"]), _norm_date_text(g["date_text"])
            if a is not None and b is not None and a not in b and b not in a:
                continue
            used.add(j)
            tp += 1
            break
    return prf(tp, len(P), len(G))


def _acc(pairs: list[tuple[Row, Row]], same: Callable[[Row, Row], bool]) -> dict[str, Any]:
    n = sum(1 for p, g in pairs if same(p, g))
    return {"correct": n, "pairs": len(pairs), "accuracy": round(n / len(pairs), 4) if pairs else None}


def score_article(auto: dict[str, list[Row]], gold: dict[str, list[Row]]) -> dict[str, Any]:
    """Raw counts and scores of one article (rows as the tables hold them)."""
    pe, ge = auto["events"], gold["events"]
    epairs = match_spans(pe, ge, lambda r: (r["evidence_start"], r["evidence_end"]),
                         lambda p, g: (p["event_type"], p["sub_event_type"]) == (g["event_type"], g["sub_event_type"]))
    ev_map = {pe[i]["event_id"]: ge[j]["event_id"] for i, j in epairs}
    ep = [(pe[i], ge[j]) for i, j in epairs]
    pc, gc = auto["claims"], gold["claims"]
    cpairs = match_spans(pc, gc, lambda r: (r["content_start"], r["content_end"]), lambda p, g: p["cue"].casefold() == g["cue"].casefold())
    cp = [(pc[i], gc[j]) for i, j in cpairs]
    fold = lambda s: None if s is None else " ".join(s.split()).casefold()  # noqa: E731
    same_type = lambda p, g: (p["event_type"], p["sub_event_type"]) == (g["event_type"], g["sub_event_type"])  # noqa: E731
    same_date = lambda p, g: (p["date_start"], p["date_end"]) == (g["date_start"], g["date_end"])  # noqa: E731
    same_claimant = lambda p, g: fold(p["claimant_text"]) == fold(g["claimant_text"]) and p["claimant_actor_id"] == g["claimant_actor_id"]  # noqa: E731
    same_cue = lambda p, g: fold(p["cue"]) == fold(g["cue"])  # noqa: E731
    return {
        "mentions": {
            "actors": _mention_scores(auto["mentions"], gold["mentions"], "actor"),
            "places": _mention_scores(auto["mentions"], gold["mentions"], "place"),
            "all": _mention_scores(auto["mentions"], gold["mentions"], None),
        },
        "time_values": _time_scores(pe, ge),
        "events": {
            **prf(len(ep), len(pe), len(ge)),
            "type": _acc(ep, same_type),
            "event_type": _acc(ep, lambda p, g: p["event_type"] == g["event_type"]),
            "date": _acc(ep, same_date),
            "status": _acc(ep, lambda p, g: p["event_status"] == g["event_status"]),
            # a match counts only with its type and date right
            "strict": prf(sum(1 for p, g in ep if same_type(p, g) and same_date(p, g)), len(pe), len(ge)),
        },
        "claims": {
            **prf(len(cp), len(pc), len(gc)),
            "claimant": _acc(cp, same_claimant),
            "cue": _acc(cp, same_cue),
            # a match counts only with its claimant and cue right
            "strict": prf(sum(1 for p, g in cp if same_claimant(p, g) and same_cue(p, g)), len(pc), len(gc)),
            "modality": _acc(cp, lambda p, g: p["modality"] == g["modality"]),
            "event_link": _acc(cp, lambda p, g: (ev_map.get(p["event_id"]) if p["event_id"] else None) == g["event_id"]),
        },
    }


def _sum(scores: list[dict[str, Any]]) -> dict[str, Any]:
    """Micro-average: add the counts, recompute the ratios."""
    first = scores[0]
    out: dict[str, Any] = {}
    for key, value in first.items():
        if isinstance(value, dict) and "pairs" not in value:
            out[key] = _sum([s[key] for s in scores])
        elif isinstance(value, dict):
            c, n = sum(s[key]["correct"] for s in scores), sum(s[key]["pairs"] for s in scores)
            out[key] = {"correct": c, "pairs": n, "accuracy": round(c / n, 4) if n else None}
    # prf fields of the level itself (events, claims)
    if "tp" in first:
        out.update(prf(sum(s["tp"] for s in scores), sum(s["predicted"] for s in scores), sum(s["gold"] for s in scores)))
    return out


Predictor = Callable[[Article, Reference], "dict[str, list[Row]] | None"]


def _extractor(article: Article, reference: Reference) -> dict[str, list[Row]]:
    return extract(article, reference).tables()


def evaluate(root: Path, reference: Reference | None = None, predict: Predictor = _extractor) -> dict[str, Any]:
    """Scores of every source in ``root/data/sources`` that has a curated annotation.

    ``predict`` gives the rows scored against the curated ones: the extractor by
    default; a second coder's annotations or a baseline for the scripts that
    compare (None skips the article)."""
    reference = reference or load_reference(root)
    per: dict[str, Any] = {}
    for path in source_files(root / "data" / "sources"):
        ann = root / "data" / "annotations" / f"{path.stem}.yaml"
        if not ann.exists():
            continue
        article = read_article(path)
        gold = curated_rows(article, reference, ann)
        auto = predict(article, reference)
        if auto is None:
            continue
        per[article.article_id] = score_article(auto, gold)
    if not per:
        return {"articles": {}, "total": None}
    return {"articles": per, "total": _sum(list(per.values()))}


def table_lines(result: dict[str, Any]) -> list[str]:
    """A plain-text table of the totals."""
    t = result["total"]
    if t is None:
        return ["no curated articles to evaluate (data/annotations is empty)"]
    rows = [
        ("actor mentions", t["mentions"]["actors"]),
        ("place mentions", t["mentions"]["places"]),
        ("all mentions", t["mentions"]["all"]),
        ("time values", t["time_values"]),
        ("events", t["events"]),
        ("events, strict", t["events"]["strict"]),
        ("claims", t["claims"]),
        ("claims, strict", t["claims"]["strict"]),
    ]
    lines = [f"{'':<16} {'P':>6} {'R':>6} {'F1':>6} {'auto':>5} {'gold':>5} {'match':>5}"]
    for name, s in rows:
        lines.append(f"{name:<16} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} {s['predicted']:>5} {s['gold']:>5} {s['tp']:>5}")
    lines.append("accuracy on matched pairs:")
    for group in ("events", "claims"):
        for key, v in t[group].items():
            if isinstance(v, dict) and "accuracy" in v:
                acc = "n/a" if v["accuracy"] is None else f"{v['accuracy']:.3f}"
                lines.append(f"  {group}.{key:<12} {acc:>6} ({v['correct']}/{v['pairs']})")
    lines.append(f"articles: {len(result['articles'])}")
    return lines


def write_json(result: dict[str, Any], out: Path) -> None:
    """The figures as JSON (sorted keys, dates as ISO text): same figures, same bytes."""
    def iso(value: Any) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(f"cannot serialise {type(value).__name__}")

    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, sort_keys=True, default=iso) + "\n", encoding="utf-8")
