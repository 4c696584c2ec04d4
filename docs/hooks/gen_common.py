"""Shared helpers of the docs hooks: where the data is, and reading it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pyarrow.parquet as pq


def table_names(root: Path) -> list[str]:
    """Tables in the package's order first, then any other schema found."""
    from sahel_events.paths import TABLES

    found = sorted(p.name.removesuffix(".schema.json") for p in (root / "schemas").glob("*.schema.json"))
    return [t for t in TABLES if t in found] + [t for t in found if t not in TABLES]


def project_version(root: Path) -> str:
    """The one version: ``[project] version`` of pyproject.toml."""
    with open(root / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def read_table(root: Path, name: str):
    """A built table as a pandas DataFrame; a clear error when it is missing."""
    path = root / "data" / "tables" / f"{name}.parquet"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `sahel-events build` before building the docs")
    # Integers with nulls stay integers (500, not 500.0); nulls are None or NaN.
    return pq.read_table(path).to_pandas(integer_object_nulls=True)


def citation(root: Path, fmt: str) -> str:
    """The citation block rendered from the checkout's CITATION.cff (not the installed one)."""
    from sahel_events import citation as cit

    meta = cit.citation_metadata(root / "CITATION.cff")
    text = cit.bibtex(meta) if fmt == "bibtex" else cit.apa(meta)
    return f"```{'bibtex' if fmt == 'bibtex' else 'text'}\n{text}```\n"
