"""Inter-coder agreement: a second coder's annotations scored against the first's.

Both folders hold the same sources (the FIRST folder's texts are read) and each
its own data/annotations. The matching rules are `sahel-events evaluate`'s
(docs/evaluation.md), with the second coding in the extractor's place, so the
figures say how far two careful coders agree under the codebook: the ceiling
an extractor can be held to on that text. F1 is symmetric in the two codings;
precision and recall swap if the folders do.

    python scripts/agreement.py FIRST SECOND --out build/agreement.json
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from sahel_events.annotations import curated_rows
from sahel_events.evaluation import evaluate, table_lines, write_json
from sahel_events.ingest import Article
from sahel_events.reference import Reference
from sahel_events.yamlio import InputError

FOLDER = click.Path(exists=True, file_okay=False, path_type=Path)


def agreement(first: Path, second: Path) -> dict[str, Any]:
    """Scores of every source coded in both folders; the sources coded in only one are listed."""
    def second_coding(article: Article, reference: Reference) -> dict[str, list[dict[str, Any]]] | None:
        ann = second / "data" / "annotations" / f"{article.article_id}.yaml"
        return curated_rows(article, reference, ann) if ann.exists() else None

    result = evaluate(first, predict=second_coding)
    stems = lambda root: {p.stem for p in (root / "data" / "annotations").glob("*.yaml")}  # noqa: E731
    result["coded_once"] = sorted(stems(first) ^ stems(second))
    return result


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("first", type=FOLDER)
@click.argument("second", type=FOLDER)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Also write the figures to this JSON file.")
def main(first: Path, second: Path, out: Path | None) -> None:
    """Agreement of SECOND's coding with FIRST's (folders with data/sources and data/annotations)."""
    try:
        result = agreement(first.resolve(), second.resolve())
    except InputError as err:
        raise click.ClickException(str(err)) from None
    for line in table_lines(result):
        click.echo(line.replace("auto", "2nd ").replace("gold", "1st "))
    if result["coded_once"]:
        click.echo(f"coded in one folder only (left out): {', '.join(result['coded_once'])}")
    if out is not None:
        write_json(result, out)
        click.echo(f"wrote {out}", err=True)


if __name__ == "__main__":
    main()
