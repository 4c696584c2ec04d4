"""How to cite this version: rendered from CITATION.cff, which ships with the data."""

from __future__ import annotations

import re
import warnings
from pathlib import Path
from typing import Any

from .paths import package_root

FORMATS = ("bibtex", "apa", "cff")


def citation_path() -> Path:
    """CITATION.cff of the installed package (or of the checkout)."""
    return package_root() / "CITATION.cff"


def citation_metadata(path: Path | None = None) -> dict[str, Any]:
    """CITATION.cff parsed (default: the package's), dates as ISO strings."""
    import yaml

    data = yaml.safe_load((path or citation_path()).read_text(encoding="utf-8"))
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


def _authors(meta: dict[str, Any]) -> list[str]:
    names = []
    for a in meta.get("authors", []):
        if "name" in a:
            names.append(a["name"])
        else:
            names.append(", ".join(p for p in (a.get("family-names"), a.get("given-names")) if p))
    return names


def _doi(meta: dict[str, Any]) -> str | None:
    if meta.get("doi"):
        return meta["doi"]
    for ident in meta.get("identifiers") or []:
        if ident.get("type") == "doi":
            return ident["value"]
    return None


def _url(meta: dict[str, Any]) -> str | None:
    return meta.get("url") or meta.get("repository-code") or meta.get("repository")


def bibtex(meta: dict[str, Any]) -> str:
    """A BibTeX ``@misc`` entry (classic BibTeX has no dataset type; biblatex users may change it to ``@dataset``)."""
    version = str(meta["version"])
    year = str(meta.get("date-released", ""))[:4]
    key = re.sub(r"[^a-z0-9]+", "_", f"{meta['title'].split(':')[0]} {version}".lower()).strip("_")
    # Entity authors go in double braces so BibTeX does not split them into first and last names.
    fields = [
        ("author", " and ".join(f"{{{n}}}" if "," not in n else n for n in _authors(meta))),
        ("title", f"{{{meta['title']}}}"),
        ("year", year),
        ("version", version),
        ("note", f"Dataset, version {version}" + (f", released {meta['date-released']}" if meta.get("date-released") else "")),
    ]
    if _doi(meta):
        fields.append(("doi", _doi(meta)))
    if _url(meta):
        fields.append(("url", _url(meta)))
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields if v)
    return f"@misc{{{key},\n{body}\n}}\n"


def apa(meta: dict[str, Any]) -> str:
    """APA 7 reference for a data set."""
    year = str(meta.get("date-released", ""))[:4] or "n.d."
    authors = ", ".join(_authors(meta))
    parts = [f"{authors}. ({year}). {meta['title']} (Version {meta['version']}) [Data set]."]
    if _doi(meta):
        parts.append(f"https://doi.org/{_doi(meta)}")
    elif _url(meta):
        parts.append(_url(meta))
    return " ".join(parts) + "\n"


def cite(format: str = "bibtex") -> str:  # noqa: A002 - the public name the docs promise
    """The citation of the installed version as ``bibtex``, ``apa`` or ``cff`` text."""
    if format not in FORMATS:
        raise ValueError(f"unknown citation format {format!r}; use one of: {', '.join(FORMATS)}")
    if format == "cff":
        return citation_path().read_text(encoding="utf-8")
    meta = citation_metadata()
    from . import __version__

    if __version__ != "0+unknown" and str(meta.get("version")) != __version__:
        warnings.warn(
            f"CITATION.cff describes version {meta.get('version')} but sahel_events is {__version__}; "
            "regenerate it with scripts/release.py",
            stacklevel=2,
        )
    return bibtex(meta) if format == "bibtex" else apa(meta)
