"""Reading and writing tables: deterministic CSV and Parquet twins, driven by the schema."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
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
    "compression_level": 3,
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


def arrow_table(rows: Iterable[Row], schema: TableSchema) -> pa.Table:
    names = schema.field_names
    return pa.Table.from_pylist([{n: r.get(n) for n in names} for r in rows], schema=schema.arrow_schema())


def parquet_bytes(rows: Iterable[Row], schema: TableSchema) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(arrow_table(rows, schema), sink, **PARQUET_OPTIONS)
    return sink.getvalue().to_pybytes()


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


def csv_body(rows: Iterable[Row], schema: TableSchema) -> bytes:
    """CSV lines of ``rows`` without the header (a worker serialises its own article)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    fields = schema.fields
    for row in rows:
        writer.writerow([csv_value(row.get(f.name), f.type) for f in fields])
    return buf.getvalue().encode("utf-8")


def _csv_convert_options(schema: TableSchema) -> "pa.csv.ConvertOptions":
    from pyarrow import csv as pacsv

    return pacsv.ConvertOptions(
        column_types={f.name: _ARROW_CSV[f.type] for f in schema.fields},
        null_values=[""],
        true_values=["true"],
        false_values=["false"],
        strings_can_be_null=True,
        quoted_strings_can_be_null=True,
    )


_ARROW_CSV = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(), "date": pa.date32()}


class TableWriter:
    """Streams one table to CSV, then derives its Parquet twin from that CSV.

    Workers (or the cache) hand over ready CSV bytes per article, so the main
    process only copies bytes; the Parquet file is then read back from the CSV
    in blocks by pyarrow and written in fixed-size row groups, so its bytes do
    not depend on how the rows arrived and both twins hold the same values.
    """

    def __init__(self, schema: TableSchema, folder: Path):
        self.schema = schema
        self.csv_path = folder / f"{schema.name}.csv"
        self.parquet_path = folder / f"{schema.name}.parquet"
        self._csv = open(self.csv_path, "wb")
        self._csv.write((",".join(schema.field_names) + "\n").encode("utf-8"))
        self._group = ROW_GROUP_ROWS.get(schema.name, DEFAULT_ROW_GROUP_ROWS)
        self.rows = 0

    def write(self, rows: Iterable[Row]) -> None:
        rows = list(rows)
        self.write_body(csv_body(rows, self.schema), len(rows))

    def write_body(self, data: bytes, nrows: int) -> None:
        self._csv.write(data)
        self.rows += nrows

    def _batches(self) -> Iterable[pa.Table]:
        if any(f.type not in _ARROW_CSV for f in self.schema.fields):
            # Small dictionary tables with array fields: parse in Python.
            yield arrow_table(read_csv_rows(self.csv_path, self.schema), self.schema)
            return
        from pyarrow import csv as pacsv

        reader = pacsv.open_csv(
            self.csv_path,
            read_options=pacsv.ReadOptions(block_size=1 << 20),
            parse_options=pacsv.ParseOptions(newlines_in_values=True),
            convert_options=_csv_convert_options(self.schema),
        )
        target = self.schema.arrow_schema()
        for batch in reader:
            yield pa.Table.from_batches([batch]).cast(target)

    def close(self) -> dict[str, dict[str, Any]]:
        """Finish both files; return their SHA-256 and size."""
        self._csv.close()
        target = self.schema.arrow_schema()
        with pq.ParquetWriter(self.parquet_path, target, **PARQUET_OPTIONS) as writer:
            pending: list[pa.Table] = []
            held = 0
            for table in self._batches():
                pending.append(table)
                held += table.num_rows
                while held >= self._group:
                    whole = pa.concat_tables(pending).combine_chunks()
                    writer.write_table(whole.slice(0, self._group), row_group_size=self._group)
                    rest = whole.slice(self._group)
                    pending, held = [rest], rest.num_rows
            if held or self.rows == 0:
                whole = pa.concat_tables(pending).combine_chunks() if pending else target.empty_table()
                writer.write_table(whole, row_group_size=self._group)
        return {
            fmt: {"hash": file_sha256(path), "bytes": path.stat().st_size}
            for fmt, path in (("csv", self.csv_path), ("parquet", self.parquet_path))
        }

    def abort(self) -> None:
        try:
            self._csv.close()
        except Exception:  # noqa: BLE001 - best effort while failing
            pass
