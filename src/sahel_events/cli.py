"""The ``sahel-events`` command line: parses arguments and calls the library."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .yamlio import InputError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="sahel-events")
def main() -> None:
    """sahel-events: build, validate and cite evidence-backed tables of articles,
    actors, events and claims about the conflict in Mali and the Sahel."""


# Commands defined in their own modules register here, one line each.


@main.command()
@click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help="Repository root holding data/sources, data/annotations, data/reference and schemas.",
)
@click.option("--strict", is_flag=True, help="Stop at the first bad source instead of building the rest.")
def build(root: Path, strict: bool) -> None:
    """Build data/tables and datapackage.json from sources, annotations and reference.

    Two builds of the same inputs are byte-identical. A bad source is reported
    (file, line, fix) and the others are still built; the exit code is then 1.
    """
    from .build import collect, write_package

    root = root.resolve()
    n = len([p for p in (root / "data" / "sources").glob("*") if p.suffix in (".txt", ".html", ".htm")])
    try:
        with click.progressbar(length=n, label="Coding articles", file=sys.stderr, show_pos=True, show_eta=True) as bar:

            def progress(paths):
                for p in paths:
                    yield p
                    bar.update(1)

            result = collect(root, strict=strict, progress=progress)
    except InputError as err:
        raise click.ClickException(str(err)) from None
    write_package(root, result.tables)
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
    click.echo(f"Built {root / 'data' / 'tables'}: {counts}", err=True)
    if result.failures:
        click.echo(f"{len(result.failures)} source(s) failed and were left out:", err=True)
        for err in result.failures:
            click.echo(f"  {err}", err=True)
        sys.exit(1)


@main.command()
@click.argument("datapackage", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-frictionless", is_flag=True, help="Skip the Frictionless pass; run only the extra checks.")
def validate(datapackage: Path | None, no_frictionless: bool) -> None:
    """Validate DATAPACKAGE (default: the installed package's datapackage.json).

    Runs Frictionless (schemas, types, constraints, keys, hashes), then the checks it
    cannot do: evidence offsets, Parquet twins, text hashes, ACLED sub-types,
    every event with an actor, every claim with a cue and content. Exits 1 on any error.
    """
    from .paths import datapackage_path
    from .validate import package_problems, summarise

    path = datapackage or datapackage_path()
    if not path.exists():
        raise click.ClickException(f"{path} does not exist; run `sahel-events build` first or name a datapackage.json")
    problems = package_problems(path, run_frictionless=not no_frictionless)
    if not problems:
        click.echo(f"{path}: valid (frictionless{' skipped' if no_frictionless else ''}; offsets, twins, hashes, typology, actors, claims checked)")
        return
    for p in problems:
        click.echo(str(p), err=True)
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(summarise(problems).items()))
    click.echo(f"{path}: INVALID, {len(problems)} error(s) ({kinds})", err=True)
    sys.exit(1)


from .cli_cite import cite_command  # noqa: E402
main.add_command(cite_command)
