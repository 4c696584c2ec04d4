"""The ``sahel-events`` command line: parses arguments and calls the library."""

from __future__ import annotations

import sys
import time
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


def _dir(exists: bool = True):
    return click.Path(file_okay=False, exists=exists, path_type=Path)


@main.command()
@click.option("--root", type=_dir(), default=".", show_default=True,
              help="Project folder with data/sources, data/annotations, data/reference, schemas and pyproject.toml.")
@click.option("--sources", type=_dir(), help="Folder of sources (.txt/.html + .yaml metadata). [default: ROOT/data/sources]")
@click.option("--annotations", type=_dir(exists=False), help="Folder of curated annotations. [default: ROOT/data/annotations]")
@click.option("--out", type=_dir(exists=False),
              help="Where to write data/tables, datapackage.json and build-report.json. [default: ROOT]")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run the per-article work locally or on Dask distributed.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (e.g. tcp://host:8786); default: a local cluster of --jobs workers.")
@click.option("--cache", "cache_dir", type=_dir(exists=False), help="Result cache folder. [default: OUT/.cache]")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--force", is_flag=True, help="Recode every article, ignoring cached results.")
@click.option("--strict", is_flag=True, help="Stop at the first bad source instead of building the rest.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(root, sources, annotations, out, jobs, executor, scheduler, cache_dir, no_cache, force, strict, quiet) -> None:
    """Build the tables and datapackage.json from sources, annotations and reference.

    Articles with an annotation file get its curated rows; the others get
    automatic rows. Streaming and deterministic: memory stays flat, and serial,
    parallel (--jobs) and Dask builds write the same bytes. Unchanged articles
    come from the cache. A bad source is reported (file, line, fix) in
    build-report.json and on stderr, the rest is still built, and the exit code
    is 1; --strict stops at the first. The previous tables stay in place until
    the new ones are complete.
    """
    from .build import Inputs
    from .build import build as run_build

    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    inputs = Inputs.resolve(root, sources, annotations, out)
    cache_dir = None if no_cache else (cache_dir or inputs.out / ".cache")
    bar = None
    started = time.perf_counter()
    state = {"done": 0}

    def live_rate(_item: object) -> str:
        return f"{state['done'] / max(time.perf_counter() - started, 1e-9):.0f} articles/s"

    def progress(done: int, total: int) -> None:
        nonlocal bar
        state["done"] = done
        if quiet:
            return
        if bar is None:
            bar = click.progressbar(length=total, label="Coding articles", file=sys.stderr, show_pos=True,
                                    show_eta=True, item_show_func=live_rate)
            bar.__enter__()
        bar.update(1)

    try:
        result = run_build(inputs, strict=strict, jobs=jobs, executor=executor, scheduler=scheduler,
                           cache_dir=cache_dir, use_cache=not no_cache, force=force, progress=progress)
    except InputError as err:
        raise click.ClickException(str(err)) from None
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
    rate = (result.cached + result.coded) / result.seconds if result.seconds else 0.0
    click.echo(f"Built {inputs.out}: {counts}", err=True)
    click.echo(f"{result.coded} article(s) coded, {result.cached} from cache, in {result.seconds:.1f} s ({rate:.1f} articles/s)", err=True)
    if result.failures:
        click.echo(f"{len(result.failures)} problem(s); see {inputs.out / 'build-report.json'}:", err=True)
        for f in result.failures:
            where = f"{f['file']}:{f['line']}" if f["line"] else f["file"]
            click.echo(f"  {where}: {f['message']} [{f['error']}]", err=True)
        sys.exit(1)


@main.command()
@click.argument("datapackage", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--no-frictionless", is_flag=True, help="Skip the schema checks (Frictionless' errors); run only the extra checks.")
@click.option("--engine", type=click.Choice(["fast", "frictionless"]), default="fast", show_default=True,
              help="fast: vectorised, same errors as Frictionless, for millions of rows; frictionless: Frictionless itself (slow).")
def validate(datapackage: Path | None, no_frictionless: bool, engine: str) -> None:
    """Validate DATAPACKAGE (default: the installed package's datapackage.json).

    Finds the errors Frictionless reports (schemas, types, constraints, keys,
    hashes; with a vectorised engine by default, or with Frictionless itself via
    --engine frictionless), then the checks it cannot do: evidence offsets,
    Parquet twins, text hashes, ACLED sub-types, every event with an actor,
    every claim with a cue and content. Exits 1 on any error.
    """
    from .paths import datapackage_path
    from .validate import package_problems, summarise

    path = datapackage or datapackage_path()
    if not path.exists():
        raise click.ClickException(f"{path} does not exist; run `sahel-events build` first or name a datapackage.json")
    problems = package_problems(path, run_frictionless=not no_frictionless, engine=engine)
    if not problems:
        schema_checks = "schema checks skipped" if no_frictionless else f"schema checks by the {engine} engine"
        click.echo(f"{path}: valid ({schema_checks}; offsets, twins, hashes, typology, actors, claims checked)")
        return
    for p in problems:
        click.echo(str(p), err=True)
    kinds = ", ".join(f"{k} {v}" for k, v in sorted(summarise(problems).items()))
    click.echo(f"{path}: INVALID, {len(problems)} error(s) ({kinds})", err=True)
    sys.exit(1)


@main.command()
@click.option("--sources", required=True, type=_dir(), help="Folder holding your copies of the sources (<article_id>.txt or .html).")
@click.argument("datapackage", required=False, type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--withheld-only", is_flag=True, help="Check only articles whose text the package withholds.")
def verify(sources: Path, datapackage: Path | None, withheld_only: bool) -> None:
    """Check DATAPACKAGE's rows against source texts you hold.

    Each of your files is cleaned as the build cleans it; its hash must equal
    text_sha256, and every event, claim and mention span must quote it exactly.
    This is how rows of withheld (copyrighted) texts are verified. Articles with
    no file in --sources are listed as not checked. Exits 1 on any mismatch.
    """
    from .paths import datapackage_path
    from .verify import verify as run_verify

    checks = run_verify(datapackage or datapackage_path(), sources, only_withheld=withheld_only)
    by_status: dict[str, int] = {}
    for check in checks:
        by_status[check.status] = by_status.get(check.status, 0) + 1
        if check.status in ("mismatch", "unreadable"):
            for problem in check.problems:
                click.echo(f"{check.article_id}: {problem}", err=True)
    rows = sum(c.rows_checked for c in checks)
    summary = ", ".join(f"{v} {k}" for k, v in sorted(by_status.items()))
    click.echo(f"{len(checks)} article(s): {summary}; {rows} row(s) checked")
    if by_status.get("missing"):
        click.echo(f"{by_status['missing']} article(s) have no file in {sources} and were not checked", err=True)
    if by_status.get("mismatch") or by_status.get("unreadable"):
        sys.exit(1)


from .cli_extract import draft, evaluate, extract  # noqa: E402

main.add_command(extract)
main.add_command(draft)
main.add_command(evaluate)


from .cli_cite import cite_command  # noqa: E402
main.add_command(cite_command)
