"""Shared fixtures: the repository, the seed article, and scratch copies of the project to build in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED_ID = "voa-2023-10-mali-russia-troops-relocate"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return REPO / "data" / "sources" / f"{SEED_ID}.txt"


@pytest.fixture(scope="session")
def seed_article(seed_path):
    from sahel_events.ingest import read_article

    return read_article(seed_path)


@pytest.fixture(scope="session")
def reference():
    from sahel_events.reference import load_reference

    return load_reference(REPO)


def copy_project(dest: Path) -> Path:
    """A scratch copy of what the build reads (sources, annotations, reference, schemas, version)."""
    for sub in ("data/sources", "data/annotations", "data/reference", "schemas"):
        shutil.copytree(REPO / sub, dest / sub)
    shutil.copy(REPO / "pyproject.toml", dest / "pyproject.toml")
    return dest


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def build_project(root: Path, **options):
    from sahel_events.build import Inputs, build

    return build(Inputs.resolve(root), **options)


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """A project built once per session, to corrupt copies of."""
    root = copy_project(tmp_path_factory.mktemp("built") / "project")
    result = build_project(root, use_cache=False)
    assert not result.failures
    return root
