"""An afternoon baseline, scored like the extractor: a stand-in for the anchor.

The issue's anchor is spaCy's small statistical pipeline with events from
verb-lemma triggers and claims from a cue verb's subject and complement. No
statistical English model installs here (docs/decisions.md), so this is the
same idea without one: every sentence holding an inflected trigger verb is one
event, typed by its trigger and dated by the publication date; every sentence
holding a speech cue is one claim, with no claimant. Evidence and content are
the whole sentence, which is generous under the overlap matching of
`sahel-events evaluate` (any curated row in the sentence can match). Run it on
the same folder as `sahel-events evaluate` to compare the two on the same text.

    python scripts/sentence_baseline.py --root . --out build/baseline.json
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click

from sahel_events.evaluation import evaluate, table_lines, write_json
from sahel_events.extract.text import sentences
from sahel_events.ingest import Article
from sahel_events.reference import Reference
from sahel_events.yamlio import InputError


def _forms(*lemmas: str) -> set[str]:
    """Regular inflections of each lemma, plus the irregular ones listed after a bar."""
    out: set[str] = set()
    for entry in lemmas:
        base, *irregular = entry.split("|")
        out |= {base, base + "s", base + "ed", base + "d", base + "ing", *irregular}
        if base.endswith("e"):
            out.add(base[:-1] + "ing")
    return out


# Most specific type last: a sentence takes the type of its first trigger word.
TRIGGERS: dict[str, tuple[str, str]] = {}
for _words, _type in (
    (_forms("deploy", "arrive", "withdraw|withdrew|withdrawn", "leave|left", "hand|handed", "seize", "capture",
            "take|took|taken|taking", "order", "decide", "overthrow|overthrew|overthrown", "arrest", "expel|expelled|expelling",
            "sanction", "suspend", "dissolve", "sign", "declare", "announce", "appoint", "send|sent", "launch", "end", "terminate"),
     ("Strategic developments", "Other")),
    (_forms("protest", "demonstrate", "rally|rallied"), ("Protests", "Peaceful protest")),
    (_forms("explode", "detonate"), ("Explosions/Remote violence", "Remote explosive/landmine/IED")),
    (_forms("kill", "massacre", "execute", "kidnap|kidnapped|kidnapping", "abduct", "shoot|shot", "strike|struck|striking", "bomb", "shell"),
     ("Violence against civilians", "Attack")),
    (_forms("attack", "ambush", "clash", "fight|fought", "raid", "storm", "overrun|overran"), ("Battles", "Armed clash")),
):
    TRIGGERS.update(dict.fromkeys(_words, _type))
CUES = _forms("say|said|says", "tell|told", "report", "claim", "accuse", "deny|denied|denies", "believe", "state", "add", "warn", "allege")
_WORD = re.compile(r"[A-Za-z]+")


def baseline_rows(article: Article, reference: Reference | None = None) -> dict[str, list[dict[str, Any]]]:
    """Events and claims of the sentence baseline, shaped like the tables' rows."""
    text, published = article.text, article.published
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    for start, end in sentences(text):
        words = [w.group(0).lower() for w in _WORD.finditer(text, start, end)]
        trigger = next((TRIGGERS[w] for w in words if w in TRIGGERS), None)
        if trigger is not None:
            events.append({"event_id": f"baseline-{len(events) + 1}", "event_type": trigger[0], "sub_event_type": trigger[1],
                           "evidence_start": start, "evidence_end": end, "date_start": published, "date_end": published,
                           "date_text": None, "event_status": "occurred"})
        cue = next((w for w in words if w in CUES), None)
        if cue is None and "according to" in text[start:end].lower():
            cue = "according to"
        if cue is not None:
            claims.append({"content_start": start, "content_end": end, "cue": cue, "claimant_text": None,
                           "claimant_actor_id": None, "modality": "reported", "event_id": None})
    return {"events": events, "claims": claims, "mentions": []}


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(exists=True, file_okay=False, path_type=Path), default=".", show_default=True,
              help="Folder holding data/sources and data/annotations.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also write the figures to this JSON file.")
def main(root: Path, out: Path | None) -> None:
    """Score the sentence baseline against every curated annotation under ROOT."""
    try:
        result = evaluate(root.resolve(), predict=baseline_rows)
    except InputError as err:
        raise click.ClickException(str(err)) from None
    for line in table_lines(result):
        click.echo(line)
    if out is not None:
        write_json(result, out)
        click.echo(f"wrote {out}", err=True)


if __name__ == "__main__":
    main()
