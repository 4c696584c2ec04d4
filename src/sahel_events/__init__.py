"""sahel-events: evidence-backed tables of articles, actors, events and claims
about the conflict in Mali and the Sahel.

>>> import sahel_events as se
>>> events = se.load("events")
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .citation import cite
from .loader import load, load_all, tables
from .paths import datapackage_path

try:
    __version__ = version("sahel-events")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__", "cite", "datapackage_path", "load", "load_all", "tables"]
