"""The ``sahel-events`` command line: parses arguments and calls the library."""

from __future__ import annotations

import click

from . import __version__

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="sahel-events")
def main() -> None:
    """sahel-events: build, validate and cite evidence-backed tables of articles,
    actors, events and claims about the conflict in Mali and the Sahel."""


# Commands defined in their own modules register here, one line each.
from .cli_cite import cite_command  # noqa: E402
main.add_command(cite_command)
