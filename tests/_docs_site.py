"""Build the documentation site once per test session (shared by the docs tests)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def require_mkdocs() -> None:
    for module in ("mkdocs", "mkdocstrings", "mkdocs_click", "matplotlib"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (pip install '.[docs]')")


@cache
def _build() -> Path:
    site = Path(tempfile.mkdtemp(prefix="sahel-docs-site-"))
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site)],
        cwd=ROOT, capture_output=True, text=True,
    )
    if proc.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed:\n{proc.stdout}\n{proc.stderr}")
    return site


def built_site() -> Path:
    """The site built with ``mkdocs build --strict`` into a temporary folder."""
    require_mkdocs()
    return _build()


def hooks_path() -> Path:
    """Make docs/hooks importable (the generators are plain modules there)."""
    path = str(DOCS / "hooks")
    if path not in sys.path:
        sys.path.insert(0, path)
    return DOCS / "hooks"
