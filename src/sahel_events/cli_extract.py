"""The ``extract``, ``draft`` and ``evaluate`` commands: argument parsing only;
the work is done by :mod:`sahel_events.extract` and :mod:`sahel_events.evaluation`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import click

from .yamlio import InputError

# The same settings as the `main` group in cli.py (not imported from there: cli.py
# imports this module to register the commands).
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


def _run(path: Path, published: dt.date | None, title: str | None, publisher: str | None):
    from .extract import LanguageError, extract
    from .extract.source import load_source
    from .reference import load_reference

    try:
        article, warnings = load_source(path, published=published, title=title, publisher=publisher)
        for w in warnings:
            click.echo(f"warning: {w}", err=True)
        return extract(article, load_reference())
    except (InputError, LanguageError) as err:
        raise click.ClickException(str(err)) from None


_FILE = click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
_PUBLISHED = click.option("--published", callback=_date_option, metavar="YYYY-MM-DD", help="Publication date (overrides the metadata file).")
_TITLE = click.option("--title", help="Article title (overrides the metadata file).")
_PUBLISHER = click.option("--publisher", help="Publisher (overrides the metadata file).")


@click.command(context_settings=CONTEXT)
@_FILE
@_PUBLISHED
@_TITLE
@_PUBLISHER
@click.option("--pretty/--compact", default=True, show_default=True, help="Indented or one-line JSON.")
def extract(file: Path, published: dt.date | None, title: str | None, publisher: str | None, pretty: bool) -> None:
    """Extract actors, places, dates, events and claims from FILE (.txt or .html).

    Reads FILE's <stem>.yaml metadata when there is one (the flags override it);
    without it, unknown metadata stays null. Prints JSON: the cleaned `article`
    (with its `text`) and the lists `actors`, `places`, `mentions`, `events`,
    `event_actors`, `claims`, `timexes`, with offsets into `article.text`.
    """
    result = _run(file, published, title, publisher)
    # The user holds this file, so the text is printed whatever its licence (the
    # offsets refer to it); `text_withheld` tells whether the published table would withhold it.
    doc = {"article": {**result.article, "text": result.text}, **result.tables()}
    click.echo(json.dumps(doc, default=_json_default, ensure_ascii=False, indent=2 if pretty else None))


@click.command(context_settings=CONTEXT)
@_FILE
@_PUBLISHED
@_TITLE
@_PUBLISHER
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of standard output.")
def draft(file: Path, published: dt.date | None, title: str | None, publisher: str | None, out: Path | None) -> None:
    """Write an annotation YAML for FILE pre-filled by the extractor, for a coder to review.

    Save it as data/annotations/<article_id>.yaml, check every row against the
    text, then set `status: reviewed`.
    """
    from .extract.draft import draft_yaml

    text = draft_yaml(_run(file, published, title, publisher))
    if out is None:
        click.echo(text, nl=False)
        return
    if out.exists():
        raise click.ClickException(f"{out} exists; remove it or choose another --out (a reviewed coding is never overwritten)")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    click.echo(f"wrote {out}", err=True)


@click.command(context_settings=CONTEXT)
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="Repository root holding data/sources and data/annotations.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="JSON file for the figures [default: <root>/build/evaluation.json].")
def evaluate(root: Path, out: Path | None) -> None:
    """Score the automatic extractor against every curated annotation.

    Precision, recall and F1 for mentions, time values, events (matched by
    overlapping evidence) and claims (matched by overlapping content), plus
    accuracies on matched pairs. Matching rules: docs/evaluation.md.
    """
    from .evaluation import evaluate as run, table_lines, write_json

    try:
        result = run(root.resolve())
    except InputError as err:
        raise click.ClickException(str(err)) from None
    for line in table_lines(result):
        click.echo(line)
    out = out or root / "build" / "evaluation.json"
    write_json(result, out)
    click.echo(f"wrote {out}", err=True)
