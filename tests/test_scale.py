"""Parallel, Dask and cached builds write the same bytes as a serial build from scratch."""

import shutil

import pytest

from conftest import build_project, copy_project
from sahel_events.synthetic import write_corpus

N = 60


def outputs(root):
    files = sorted((root / "data" / "tables").iterdir()) + [root / "datapackage.json", root / "build-report.json"]
    return {f.relative_to(root).as_posix(): f.read_bytes() for f in files}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The project plus SYNTHETIC articles, half of them with curated annotations."""
    root = copy_project(tmp_path_factory.mktemp("scale") / "project")
    write_corpus(root / "data" / "sources", N // 2, words=200, annotations=root / "data" / "annotations")
    write_corpus(root / "data" / "sources", N // 2, words=200, start=N // 2, annotations=root / "data" / "annotations")
    return root


@pytest.fixture(scope="module")
def serial(corpus, tmp_path_factory):
    root = tmp_path_factory.mktemp("serial") / "p"
    shutil.copytree(corpus, root)
    result = build_project(root)
    assert not result.failures, result.failures
    return outputs(root)


def fresh(corpus, tmp_path):
    root = tmp_path / "p"
    shutil.copytree(corpus, root)
    return root


def test_parallel_equals_serial(corpus, serial, tmp_path):
    root = fresh(corpus, tmp_path)
    build_project(root, jobs=2)
    assert outputs(root) == serial


def test_dask_local_cluster_equals_serial(corpus, serial, tmp_path):
    pytest.importorskip("distributed")
    root = fresh(corpus, tmp_path)
    build_project(root, executor="dask", jobs=2)
    assert outputs(root) == serial


def test_out_folder_has_the_package_layout(corpus, serial, tmp_path):
    from sahel_events.build import Inputs, build

    out = tmp_path / "out"
    build(Inputs.resolve(corpus, out=out))
    assert (out / "schemas" / "events.schema.json").exists()
    got = outputs(out)
    assert got == serial


def test_incremental_rebuild_recodes_only_the_change(corpus, serial, tmp_path):
    root = fresh(corpus, tmp_path)
    cache = tmp_path / "cache"
    first = build_project(root, cache_dir=cache)
    assert first.coded == N + 1 and first.cached == 0
    assert outputs(root) == serial
    again = build_project(root, cache_dir=cache)
    assert (again.coded, again.cached) == (0, N + 1)
    assert outputs(root) == serial
    src = root / "data" / "sources" / "synthetic-0000007.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("Synthetic marker 7:", "Synthetic marker 7 (revised):"), encoding="utf-8")
    ann = root / "data" / "annotations" / "synthetic-0000007.yaml"
    ann.write_text(ann.read_text(encoding="utf-8").replace("Synthetic marker 7:", "Synthetic marker 7 (revised):"), encoding="utf-8")
    changed = build_project(root, cache_dir=cache)
    assert (changed.coded, changed.cached) == (1, N)
    cached_bytes = outputs(root)
    forced = build_project(root, cache_dir=cache, force=True)
    assert forced.coded == N + 1
    assert outputs(root) == cached_bytes


def test_reference_change_invalidates_everything(corpus, tmp_path):
    root = fresh(corpus, tmp_path)
    cache = tmp_path / "cache"
    build_project(root, cache_dir=cache)
    actors = root / "data" / "reference" / "actors.yaml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("aliases: [Prigozhin,", "aliases: [Prigojine, Prigozhin,"), encoding="utf-8")
    result = build_project(root, cache_dir=cache)
    assert result.coded == N + 1 and result.cached == 0
