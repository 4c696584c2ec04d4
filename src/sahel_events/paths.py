"""Where the package's data lives: inside an installed wheel, or at the repository root."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

#: The tables of the data package, in the order they are built and documented.
TABLES: tuple[str, ...] = ("articles", "actors", "places", "mentions", "events", "event_actors", "claims")


def package_root() -> Path:
    """Folder holding ``datapackage.json``, ``schemas/`` and ``data/``.

    A wheel carries them under ``sahel_events/_data``; an editable install or a
    source checkout falls back to the repository root, so relative paths in
    ``datapackage.json`` resolve the same way in both.
    """
    bundled = Path(str(files("sahel_events"))) / "_data"
    if (bundled / "schemas").is_dir():
        return bundled
    repo = Path(__file__).resolve().parents[2]
    if (repo / "schemas").is_dir():
        return repo
    raise FileNotFoundError(
        "sahel_events cannot find its data: neither sahel_events/_data (installed wheel) "
        f"nor a repository checkout at {repo}. Reinstall the package."
    )


def datapackage_path() -> Path:
    """Path of the package's ``datapackage.json`` (pass it to ``frictionless validate``)."""
    return package_root() / "datapackage.json"
