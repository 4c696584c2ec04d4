"""``sahel-events cite``: the citation of the installed version."""

from __future__ import annotations

import click

from .citation import FORMATS, cite


@click.command("cite", context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="bibtex",
    show_default=True,
    help="Citation style: BibTeX entry, APA reference, or the CITATION.cff file.",
)
def cite_command(fmt: str) -> None:
    """Print how to cite this version of the dataset."""
    click.echo(cite(fmt), nl=False)
