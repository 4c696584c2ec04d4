"""``sahel-events build``: sources + annotations + reference -> tables + datapackage.json.

Streaming: articles are coded one at a time (or by N workers, or on Dask) in
article-id order and their rows written straight to the CSV and Parquet files,
so memory does not grow with the corpus and every executor writes the same
bytes. A content-hash cache skips articles whose inputs did not change. Tables
are written to a scratch folder and swapped into place only when complete, so a
failed or killed build leaves the previous tables intact.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .assemble import ROW_TABLES, duplicate_ids, sort_article_rows
from .cache import ResultCache, code_fingerprint, entry_key, files_fingerprint
from .datapackage import descriptor, dumps, project_version
from .ingest import article_row, list_sources, parse_article, read_metadata
from .io import TableWriter, csv_body
from .paths import TABLES, package_root
from .reference import Reference, load_reference
from .schema import load_schema
from .yamlio import InputError

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Task:
    """What one article's coding needs, as bytes: it can run in another process or on a cluster."""

    source: str  # path as shown in errors
    data: bytes
    meta_path: str
    meta: bytes | None
    annotation_path: str
    annotation: bytes | None


@dataclass
class Outcome:
    """One article's result: its tables' CSV lines (serialised by the worker) or its errors."""

    article_id: str
    publisher: str | None = None
    license: str | None = None
    csv: dict[str, bytes] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class BuildResult:
    counts: dict[str, int]
    failures: list[dict[str, Any]]
    cached: int = 0
    coded: int = 0
    seconds: float = 0.0


def error_record(err: Exception, stage: str, fallback_file: str) -> dict[str, Any]:
    if isinstance(err, InputError):
        return {"file": err.path or fallback_file, "line": err.line, "error": stage, "message": err.detail}
    return {"file": fallback_file, "line": None, "error": "internal", "message": f"{type(err).__name__}: {err}"}


def code_article(task: Task, reference: Reference) -> Outcome:
    """Code one article: curated rows from its annotation, automatic ones otherwise. Never raises."""
    article_id = Path(task.source).stem
    stage = "metadata"
    try:
        if task.meta is None:
            raise InputError(task.source, f"no metadata: create {Path(task.meta_path).name} beside it (title, publisher, url, published, language, license)")
        meta = read_metadata(Path(task.meta_path), _utf8(task.meta, task.meta_path))
        stage = "source"
        article = parse_article(Path(task.source), task.data, meta)
        if task.annotation is not None:
            from .annotations import curated_rows

            stage = "annotation"
            rows = curated_rows(article, reference, Path(task.annotation_path), _utf8(task.annotation, task.annotation_path))
        else:
            stage = "extraction"
            try:
                from .extract import extract
            except ImportError as exc:
                raise InputError(
                    task.source,
                    f"no annotation and the automatic extractor is unavailable ({exc}); install the build extra: pip install 'sahel-events[build]'",
                ) from None
            from .extract import LanguageError

            try:
                result = extract(article, reference)
            except LanguageError as err:
                raise InputError(task.meta_path, str(err).split(": ", 1)[-1]) from None
            rows = {name: list(getattr(result, name)) for name in ROW_TABLES}
        rows = sort_article_rows(rows)
        clashes = duplicate_ids(rows)
        if clashes:
            raise InputError(task.annotation_path if task.annotation else task.source, f"two {', '.join(clashes)} rows of this article get the same id (same key or span)")
        rows["articles"] = [article_row(article)]
        return Outcome(
            article_id,
            publisher=article.meta["publisher"],
            license=article.meta["license"],
            csv={name: csv_body(table, load_schema(name)) for name, table in rows.items()},
            rows={name: len(table) for name, table in rows.items()},
        )
    except Exception as err:  # noqa: BLE001 - one bad article must not stop the others
        return Outcome(article_id, errors=[error_record(err, stage, task.source)])


def _utf8(data: bytes, path: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 (byte {exc.start}: {exc.reason}); save the file as UTF-8") from None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


@dataclass
class Inputs:
    root: Path
    sources: Path
    annotations: Path
    reference: Path
    schemas: Path
    out: Path

    @classmethod
    def resolve(cls, root: Path, sources: Path | None = None, annotations: Path | None = None, out: Path | None = None) -> Inputs:
        root = root.resolve()
        base = root if (root / "data" / "reference").is_dir() else package_root()
        return cls(
            root=root,
            sources=(sources or root / "data" / "sources").resolve(),
            annotations=(annotations or root / "data" / "annotations").resolve(),
            reference=base / "data" / "reference",
            schemas=(root if (root / "schemas").is_dir() else package_root()) / "schemas",
            out=(out or root).resolve(),
        )

    def version(self) -> str:
        if (self.root / "pyproject.toml").exists():
            return project_version(self.root)
        from . import __version__

        return __version__


def build(
    inputs: Inputs,
    *,
    strict: bool = False,
    jobs: int = 1,
    executor: str = "local",
    scheduler: str | None = None,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    force: bool = False,
    progress: Progress | None = None,
) -> BuildResult:
    """Build the package into ``inputs.out``; see the module docstring."""
    started = time.perf_counter()
    if not inputs.sources.is_dir():
        raise InputError(inputs.sources, "no such sources folder; run from the repository root or pass --sources DIR")
    reference = load_reference(inputs.reference.parent.parent)
    paths, failures = list_sources(inputs.sources)
    failures_out = [error_record(e, "duplicate-id", str(e.path)) for e in failures]
    if strict and failures_out:
        raise failures[0]
    ids = {p.stem for p in paths} | {Path(e.path).stem for e in failures}
    if inputs.annotations.is_dir():
        for ann in sorted(inputs.annotations.glob("*.yaml")):
            if ann.stem not in ids:
                err = InputError(_display(ann, inputs.root), f"annotation for article {ann.stem!r}, which has no source; add the source or remove the file")
                if strict:
                    raise err
                failures_out.append(error_record(err, "orphan-annotation", ann.name))

    context = "|".join(
        [code_fingerprint(), files_fingerprint(inputs.reference.glob("*.yaml")), files_fingerprint(inputs.schemas.glob("*.json"))]
    )
    cache = ResultCache(cache_dir if use_cache else None, read=not force)

    def tasks():
        for p in paths:
            meta_p = p.with_suffix(".yaml")
            ann_p = inputs.annotations / f"{p.stem}.yaml"
            yield Task(_display(p, inputs.root), p.read_bytes(), _display(meta_p, inputs.root), _read(meta_p), _display(ann_p, inputs.root), _read(ann_p))

    def keyed():
        """Each task with its cache key and its cached outcome (None when it must be coded)."""
        for task in tasks():
            key = entry_key(context, task.source, task.data, task.meta, task.annotation)
            hit = cache.get(key)
            yield key, task, hit

    coded = 0
    package = PackageWriter(inputs.out, inputs.schemas, inputs.version(), copy_schemas=inputs.out != inputs.root)
    try:
        package.write("actors", reference.actors.values())
        package.write("places", reference.places.values())
        done = 0
        for key, outcome in _execute(keyed(), reference, jobs=jobs, executor=executor, scheduler=scheduler):
            if key is not None:
                cache.put(key, outcome)
                coded += 1
            done += 1
            if progress:
                progress(done, len(paths))
            if outcome.errors:
                if strict:
                    e = outcome.errors[0]
                    raise InputError(e["file"], e["message"], e["line"])
                failures_out.extend(outcome.errors)
                continue
            package.add(outcome)
        counts = package.finish(failures_out, sources=len(paths) + len(failures))
    except BaseException:
        package.abort()
        raise
    cache.prune()
    return BuildResult(counts=counts, failures=failures_out, cached=cache.hits, coded=coded, seconds=time.perf_counter() - started)


class PackageWriter:
    """Writes a package into a scratch folder beside ``out`` and swaps it in when complete."""

    def __init__(self, out: Path, schemas: Path, version: str, *, copy_schemas: bool):
        self.out, self.schemas, self.version = out, schemas, version
        self.copy_schemas = copy_schemas or not (out / "schemas").is_dir()
        out.mkdir(parents=True, exist_ok=True)
        _clean_stale(out)
        self.scratch = out / f".build-{os.getpid()}"
        (self.scratch / "data" / "tables").mkdir(parents=True)
        self.writers = {name: TableWriter(load_schema(name, schemas.parent), self.scratch / "data" / "tables") for name in TABLES}
        self.publishers: dict[str, dict[str, Any]] = {}

    def _count(self, publisher: str, license: str) -> None:
        pub = self.publishers.setdefault(publisher, {"articles": 0, "licenses": set()})
        pub["articles"] += 1
        pub["licenses"].add(license)

    def write(self, name: str, rows) -> None:
        rows = list(rows)
        if name == "articles":
            for row in rows:
                self._count(row["publisher"], row["license"])
        self.writers[name].write(rows)

    def add(self, outcome: Outcome) -> None:
        """Append one coded article (CSV lines made by the worker)."""
        self._count(outcome.publisher, outcome.license)
        for name in ("articles", *ROW_TABLES):
            self.writers[name].write_body(outcome.csv[name], outcome.rows[name])

    def finish(self, failures: list[dict[str, Any]], *, sources: int) -> dict[str, int]:
        # Each table's Parquet twin is written from its CSV; pyarrow releases the GIL, so in parallel.
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            closed = dict(zip(self.writers, pool.map(TableWriter.close, self.writers.values())))
        files = {
            name: {fmt: {"path": f"data/tables/{name}.{fmt}", **v} for fmt, v in info.items()} for name, info in closed.items()
        }
        counts = {name: self.writers[name].rows for name in TABLES}
        failures.sort(key=lambda f: (f["file"], f["line"] or 0, f["error"], f["message"]))
        (self.scratch / "datapackage.json").write_bytes(dumps(descriptor(self.version, self.publishers, files)))
        report = {"version": self.version, "sources": sources, "built": counts["articles"], "counts": counts, "failures": failures}
        (self.scratch / "build-report.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        if self.copy_schemas:
            shutil.copytree(self.schemas, self.scratch / "schemas")
        _swap_into_place(self.scratch, self.out)
        shutil.rmtree(self.scratch, ignore_errors=True)
        return counts

    def abort(self) -> None:
        for writer in self.writers.values():
            writer.abort()
        shutil.rmtree(self.scratch, ignore_errors=True)


def write_package(out: Path, tables: dict[str, list[dict[str, Any]]], version: str | None = None) -> dict[str, int]:
    """Write in-memory tables as a package under ``out`` (rows as given, in order)."""
    inputs = Inputs.resolve(out)
    package = PackageWriter(inputs.out, inputs.schemas, version or inputs.version(), copy_schemas=False)
    try:
        for name in TABLES:
            package.write(name, tables.get(name, []))
        return package.finish([], sources=len(tables.get("articles", [])))
    except BaseException:
        package.abort()
        raise


#: Articles handed out at once: bounds memory whatever the corpus size.
BATCH = 1_000


def _execute(items, reference: Reference, *, jobs: int, executor: str, scheduler: str | None):
    """Yield (cache key, or None when the outcome came from the cache; outcome) in input order."""
    from itertools import islice

    from .executors import make_executor

    runner = None
    try:
        it = iter(items)
        while batch := list(islice(it, BATCH)):
            todo = [task for _, task, hit in batch if hit is None]
            if todo and runner is None:
                runner = make_executor(code_article, reference, executor=executor, jobs=jobs, scheduler=scheduler)
            done = iter(runner.map(todo) if todo else [])
            for key, _, hit in batch:
                yield (None, hit) if hit is not None else (key, next(done))
    finally:
        if runner is not None:
            runner.close()


def _clean_stale(out: Path) -> None:
    for stale in out.glob(".build-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def _swap_into_place(scratch: Path, out: Path) -> None:
    """Move the finished package into ``out``: the tables folder first, then the descriptor."""
    tables, new_tables = out / "data" / "tables", scratch / "data" / "tables"
    tables.parent.mkdir(parents=True, exist_ok=True)
    old = scratch / "old-tables"
    if tables.exists():
        os.replace(tables, old)
    os.replace(new_tables, tables)
    os.chmod(tables, 0o755)
    if (scratch / "schemas").exists():
        if (out / "schemas").exists():
            os.replace(out / "schemas", scratch / "old-schemas")
        os.replace(scratch / "schemas", out / "schemas")
    os.replace(scratch / "build-report.json", out / "build-report.json")
    os.replace(scratch / "datapackage.json", out / "datapackage.json")
