"""``sahel-events build``: sources + annotations + reference -> data/tables + datapackage.json.

Deterministic: the same inputs give the same bytes (sorted rows, fixed writer
settings, no clock values). Tables are written to a scratch folder and swapped
into place only when all of them are complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .annotations import curated_rows
from .datapackage import descriptor, dumps, project_version
from .ingest import Article, article_row, read_article, source_files
from .io import atomic_write, csv_bytes, parquet_bytes, sha256_hex
from .paths import TABLES
from .reference import Reference, load_reference
from .schema import load_schema
from .tables import Rows, assemble
from .yamlio import InputError

Progress = Callable[[Iterable[Path]], Iterable[Path]]


@dataclass
class BuildResult:
    tables: dict[str, Rows]
    failures: list[InputError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def article_rows(article: Article, reference: Reference, annotation: Path | None) -> dict[str, Rows]:
    """Curated rows when the article has an annotation file, automatic ones otherwise."""
    if annotation is not None and annotation.exists():
        return curated_rows(article, reference, annotation)
    try:
        from .extract import extract
    except ImportError as exc:
        raise InputError(
            article.source,
            f"no annotation (data/annotations/{article.article_id}.yaml) and the automatic extractor "
            f"is unavailable ({exc}); install the build extra: pip install 'sahel-events[build]'",
        ) from None
    result = extract(article, reference)
    return {name: list(getattr(result, name)) for name in ("mentions", "events", "event_actors", "claims")}


def collect(root: Path, *, strict: bool = False, progress: Progress | None = None) -> BuildResult:
    """Read and code every source; a bad article is reported, never silently dropped."""
    reference = load_reference(root)
    sources_dir = root / "data" / "sources"
    annotations_dir = root / "data" / "annotations"
    if not sources_dir.is_dir():
        raise InputError(sources_dir, "no data/sources folder here; run the build from the repository root or pass --root")
    paths = source_files(sources_dir)
    ids = {p.stem for p in paths}
    failures: list[InputError] = []
    if annotations_dir.is_dir():
        for ann in sorted(annotations_dir.glob("*.yaml")):
            if ann.stem not in ids:
                err = InputError(ann, f"annotation for article {ann.stem!r}, which has no source in data/sources; add the source or remove the file")
                if strict:
                    raise err
                failures.append(err)
    articles, per_article = [], []
    for path in progress(paths) if progress else paths:
        try:
            article = read_article(path)
            rows = article_rows(article, reference, annotations_dir / f"{article.article_id}.yaml")
        except InputError as err:
            if strict:
                raise
            failures.append(err)
            continue
        articles.append(article_row(article))
        per_article.append(rows)
    tables = assemble(articles, per_article, reference.actors.values(), reference.places.values())
    return BuildResult(tables=tables, failures=failures, counts={k: len(v) for k, v in tables.items()})


def write_package(root: Path, tables: dict[str, Rows]) -> dict[str, Any]:
    """Write CSV and Parquet twins and datapackage.json under ``root``; return the descriptor."""
    out = root / "data" / "tables"
    out.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".tables-", dir=out.parent))
    files: dict[str, dict[str, dict[str, Any]]] = {}
    try:
        for name in TABLES:
            schema = load_schema(name, root)
            files[name] = {}
            for fmt, data in (("csv", csv_bytes(tables[name], schema)), ("parquet", parquet_bytes(tables[name], schema))):
                (scratch / f"{name}.{fmt}").write_bytes(data)
                files[name][fmt] = {"path": f"data/tables/{name}.{fmt}", "hash": sha256_hex(data), "bytes": len(data)}
        old = None
        if out.exists():
            old = out.parent / f".tables-old-{os.getpid()}"
            os.replace(out, old)
        os.replace(scratch, out)
        os.chmod(out, 0o755)
        if old is not None:
            shutil.rmtree(old)
    finally:
        if scratch.exists():
            shutil.rmtree(scratch)
    desc = descriptor(project_version(root), tables["articles"], files)
    atomic_write(root / "datapackage.json", dumps(desc))
    return desc


def build(root: Path, *, strict: bool = False, progress: Progress | None = None) -> BuildResult:
    result = collect(root, strict=strict, progress=progress)
    write_package(root, result.tables)
    return result
