"""Reading and writing tables: deterministic CSV and Parquet twins, driven by the schema."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .schema import TableSchema

Row = Mapping[str, Any]

#: Fixed Parquet writer settings: the same rows always give the same bytes
#: (with the pyarrow version pinned by the ``build`` extra).
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 9,
    "version": "2.6",
    "use_dictionary": True,
    "write_statistics": True,
    "store_schema": True,
}


def csv_value(value: Any, type_: str) -> str:
    """Serialise one value the way Frictionless reads it back."""
    if value is None:
        return ""
    if type_ == "boolean":
        return "true" if value else "false"
    if type_ == "date":
        return value.isoformat()
    if type_ == "array":
        return json.dumps(list(value), ensure_ascii=False)
    if type_ == "number":
        return repr(float(value))
    return str(value)


def parse_csv_value(text: str, type_: str) -> Any:
    """Inverse of :func:`csv_value`."""
    if text == "":
        return None
    if type_ == "boolean":
        return {"true": True, "false": False}[text]
    if type_ == "date":
        return dt.date.fromisoformat(text)
    if type_ == "array":
        return json.loads(text)
    if type_ == "number":
        return float(text)
    if type_ == "integer":
        return int(text)
    return text


def csv_bytes(rows: Iterable[Row], schema: TableSchema) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    fields = schema.fields
    writer.writerow([f.name for f in fields])
    for row in rows:
        writer.writerow([csv_value(row.get(f.name), f.type) for f in fields])
    return buf.getvalue().encode("utf-8")


def arrow_table(rows: Iterable[Row], schema: TableSchema) -> pa.Table:
    names = schema.field_names
    return pa.Table.from_pylist([{n: r.get(n) for n in names} for r in rows], schema=schema.arrow_schema())


def parquet_bytes(rows: Iterable[Row], schema: TableSchema) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(arrow_table(rows, schema), sink, **PARQUET_OPTIONS)
    return sink.getvalue().to_pybytes()


def atomic_write(path: Path, data: bytes) -> None:
    """Write a file so a reader never sees it half-written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_csv_rows(path: Path, schema: TableSchema) -> list[dict[str, Any]]:
    """Rows of a CSV table as Python values (for comparing twins and checking invariants)."""
    types = {f.name: f.type for f in schema.fields}
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return [{k: parse_csv_value(v, types.get(k, "string")) for k, v in row.items()} for row in reader]


def read_parquet_rows(path: Path) -> list[dict[str, Any]]:
    return pq.read_table(path).to_pylist()


# Rows per Parquet row group: bounded memory while writing, and fixed, so bytes are deterministic.
ROW_GROUP_ROWS = {"articles": 2_000}
DEFAULT_ROW_GROUP_ROWS = 100_000


class TableWriter:
    """Streams one table to its CSV and Parquet twins, a row group at a time."""

    def __init__(self, schema: TableSchema, folder: Path):
        self.schema = schema
        self.csv_path = folder / f"{schema.name}.csv"
        self.parquet_path = folder / f"{schema.name}.parquet"
        self._csv = open(self.csv_path, "w", encoding="utf-8", newline="")
        self._writer = csv.writer(self._csv, lineterminator="\n")
        self._fields = schema.fields
        self._writer.writerow([f.name for f in self._fields])
        self._arrow_schema = schema.arrow_schema()
        self._parquet = pq.ParquetWriter(self.parquet_path, self._arrow_schema, **PARQUET_OPTIONS)
        self._buffer: list[Row] = []
        self._group = ROW_GROUP_ROWS.get(schema.name, DEFAULT_ROW_GROUP_ROWS)
        self.rows = 0

    def write(self, rows: Iterable[Row]) -> None:
        for row in rows:
            self._writer.writerow([csv_value(row.get(f.name), f.type) for f in self._fields])
            self._buffer.append(row)
            self.rows += 1
            if len(self._buffer) >= self._group:
                self._flush()

    def _flush(self) -> None:
        if self._buffer:
            self._parquet.write_table(arrow_table(self._buffer, self.schema), row_group_size=self._group)
            self._buffer = []

    def close(self) -> dict[str, dict[str, Any]]:
        """Finish both files; return their path name, SHA-256 and size."""
        self._flush()
        if self.rows == 0:
            self._parquet.write_table(arrow_table([], self.schema))
        self._parquet.close()
        self._csv.close()
        return {
            fmt: {"hash": file_sha256(path), "bytes": path.stat().st_size}
            for fmt, path in (("csv", self.csv_path), ("parquet", self.parquet_path))
        }

    def abort(self) -> None:
        for closer in (self._parquet.close, self._csv.close):
            try:
                closer()
            except Exception:  # noqa: BLE001 - best effort while failing
                pass
