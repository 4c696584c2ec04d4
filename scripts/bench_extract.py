"""Benchmark of the automatic extractor on a SYNTHETIC corpus.

The corpus is generated here from sentence templates filled with the reference
dictionaries' names, a seeded RNG and made-up numbers and dates: it is synthetic
text, labelled as such, never real reporting. Measures throughput (articles/s,
words/s, one core), peak Python memory (tracemalloc) at two corpus sizes (flat
memory = streaming), and, when a statistical spaCy model (en_core_web_sm) is
installed, the same text through it as a baseline.

    python scripts/bench_extract.py --articles 2000 --out build/bench_extract.json
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import platform
import random
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import click

from sahel_events.extract import extract
from sahel_events.ingest import Article
from sahel_events.reference import load_reference

REPO = Path(__file__).resolve().parents[1]

TEMPLATES = (
    "On {weekday}, {actor} said that {actor2} had attacked a convoy near {place}, killing {n} soldiers.",
    "{actor} troops arrived in {place} on {weekday}, according to {actor2}.",
    "Local officials reported that {actor} had withdrawn from its base in {place} on {day} {month} {year}.",
    "It is unclear whether {actor} will be able to hold {place} in the coming {unit}.",
    "{actor} is reportedly planning to deploy more forces to {place}.",
    "Some analysts believe that {actor} is losing ground in the region around {place}.",
    "A spokesman for {actor} told reporters that \"the situation in {place} is under control.\"",
    "The attack came {n} {unit} after {actor} seized power in a coup in {year}.",
    "{actor} and {actor2} clashed in {place} in {month}, leaving dozens dead.",
    "Residents of {place} may leave if the fighting continues, aid workers warned.",
    "{actor} has operated in {place} since late {year}, and its presence is contested.",
    "Unknown gunmen killed over {n} civilians in a village near {place} on {weekday}.",
    "The mission is meant to hand over its camp in {place} to {actor} by {day} {month} {year}.",
    "Markets in {place} reopened as traders returned after weeks of uncertainty.",
    "Officials in {place} said prices of fuel and food had risen sharply since {month}.",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")


def synthetic_articles(n: int, seed: int, sentences: tuple[int, int] = (18, 36)) -> Iterator[Article]:
    """``n`` SYNTHETIC articles, generated lazily (the corpus is never held in memory)."""
    rng = random.Random(seed)
    ref = load_reference()
    actors = sorted(a for row in ref.actors.values() for a in row["aliases"] if not a.lower().startswith("the "))
    places = sorted(a for row in ref.places.values() if row["feature"] == "populated_place" for a in row["aliases"])
    for i in range(n):
        body = []
        for _ in range(rng.randint(*sentences)):
            t = rng.choice(TEMPLATES)
            body.append(
                t.format(
                    actor=rng.choice(actors), actor2=rng.choice(actors), place=rng.choice(places),
                    weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS), day=rng.randint(1, 28),
                    year=rng.randint(2012, 2024), n=rng.randint(2, 600), unit=rng.choice(("days", "weeks", "months")),
                )
            )
        paragraphs = [" ".join(body[j : j + 3]) for j in range(0, len(body), 3)]
        text = "\n\n".join(paragraphs)
        meta = {
            "title": f"Synthetic article {i}", "publisher": "SYNTHETIC (bench_extract.py)", "url": "synthetic:",
            "published": dt.date(2024, 1, 1) + dt.timedelta(days=i % 365), "published_precision": "day",
            "published_certainty": "exact", "published_earliest": None, "published_latest": None,
            "language": "en", "license": "unknown",
        }
        yield Article(f"synthetic-{i:06d}", meta, text, meta["title"], None, (), None)


def run_extractor(n: int, seed: int) -> dict[str, float]:
    ref = load_reference()
    texts = list(synthetic_articles(n, seed))  # generation is not timed
    words = sum(len(a.text.split()) for a in texts)
    extract(texts[0], ref)  # warm the compiled patterns
    gc.collect()
    t0, c0 = time.perf_counter(), time.process_time()
    rows = 0
    for a in texts:
        r = extract(a, ref)
        rows += len(r.mentions) + len(r.events) + len(r.claims) + len(r.timexes)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time is the single-core figure; wall time also counts other load on the machine.
    return {"articles": n, "words": words, "cpu_seconds": round(cpu, 3), "wall_seconds": round(secs, 3),
            "articles_per_s": round(n / cpu, 1), "words_per_s": round(words / cpu), "words_per_s_wall": round(words / secs), "rows": rows}


def run_seed(repeat: int) -> dict[str, float]:
    """The committed seed article (public domain, real prose) ``repeat`` times: text of
    realistic density, as a check on the synthetic figure."""
    from sahel_events.ingest import read_article

    ref = load_reference()
    # The seed lives in the repository (sources are not shipped in the wheel).
    article = read_article(REPO / "data" / "sources" / "voa-2023-10-mali-russia-troops-relocate.txt")
    extract(article, ref)
    words = len(article.text.split()) * repeat
    c0 = time.process_time()
    for _ in range(repeat):
        extract(article, ref)
    cpu = time.process_time() - c0
    return {"articles": repeat, "words": words, "cpu_seconds": round(cpu, 3), "words_per_s": round(words / cpu)}


def peak_memory(n: int, seed: int) -> int:
    """Peak traced memory (bytes) while streaming ``n`` articles through the extractor."""
    ref = load_reference()
    gc.collect()
    tracemalloc.start()
    for a in synthetic_articles(n, seed):
        extract(a, ref)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def spacy_baselines(n: int, seed: int) -> dict[str, object]:
    out: dict[str, object] = {}
    texts = [a.text for a in synthetic_articles(n, seed)]
    words = sum(len(t.split()) for t in texts)
    try:
        import spacy
    except ImportError:
        return {"spacy": "not installed"}
    nlp = spacy.blank("en")
    c0 = time.process_time()
    for _ in nlp.pipe(texts):
        pass
    out["spacy_blank_tokenizer_words_per_s"] = round(words / (time.process_time() - c0))
    try:
        model = spacy.load("en_core_web_sm")
    except (OSError, ImportError):
        out["en_core_web_sm"] = "not installed (no statistical baseline in this run)"
        return out
    c0 = time.process_time()
    for _ in model.pipe(texts):
        pass
    out["en_core_web_sm_words_per_s"] = round(words / (time.process_time() - c0))
    return out


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--articles", default=2000, show_default=True, help="Synthetic articles for the throughput run.")
@click.option("--seed", default=20231013, show_default=True, help="RNG seed of the synthetic corpus.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("build/bench_extract.json"), show_default=True)
def main(articles: int, seed: int, out: Path) -> None:
    """Throughput and memory of `extract` on a synthetic corpus (figures to stdout and OUT)."""
    result: dict[str, object] = {
        "corpus": "SYNTHETIC: generated from sentence templates in scripts/bench_extract.py",
        "seed": seed,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    result["extract"] = run_extractor(articles, seed)
    result["extract_seed_article_repeated"] = run_seed(max(50, articles // 4))
    small, large = max(10, articles // 20), max(40, articles // 5)
    result["peak_memory_bytes"] = {str(small): peak_memory(small, seed), str(large): peak_memory(large, seed)}
    base = spacy_baselines(min(articles, 400), seed)
    result["baselines"] = base
    ours = result["extract"]["words_per_s"]  # type: ignore[index]
    if isinstance(base.get("en_core_web_sm_words_per_s"), int):
        result["speedup_vs_en_core_web_sm"] = round(ours / base["en_core_web_sm_words_per_s"], 2)  # type: ignore[operator]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    click.echo(json.dumps(result, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
