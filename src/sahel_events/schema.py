"""Table schemas: ``schemas/<table>.schema.json`` is the single source of truth.

A :class:`TableSchema` mirrors the Frictionless Table Schema and converts itself
to the pyarrow schema used for Parquet and to the pandas dtypes used by the loader.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa

from .paths import TABLES, package_root

_ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "array": pa.list_(pa.string()),
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str
    constraints: dict[str, Any]

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))

    @property
    def enum(self) -> list[str] | None:
        return self.constraints.get("enum")

    def pandas_dtype(self) -> Any:
        import pandas as pd

        if self.enum is not None:
            return pd.CategoricalDtype(self.enum)
        return {
            "string": pd.StringDtype(),
            "integer": pd.Int64Dtype(),
            "number": pd.Float64Dtype(),
            "boolean": pd.BooleanDtype(),
            "date": "datetime64[s]",
            "array": object,
        }[self.type]


@dataclass(frozen=True)
class TableSchema:
    name: str
    descriptor: dict[str, Any]

    @property
    def fields(self) -> list[Field]:
        return [
            Field(f["name"], f["type"], f.get("description", ""), f.get("constraints", {}))
            for f in self.descriptor["fields"]
        ]

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.descriptor["fields"]]

    @property
    def primary_key(self) -> list[str]:
        return list(self.descriptor.get("primaryKey", []))

    @property
    def foreign_keys(self) -> list[dict[str, Any]]:
        return list(self.descriptor.get("foreignKeys", []))

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"table {self.name!r} has no field {name!r}")

    def arrow_schema(self) -> pa.Schema:
        return pa.schema(
            [
                pa.field(
                    f.name,
                    _ARROW[f.type],
                    nullable=not f.required,
                    metadata={"description": f.description},
                )
                for f in self.fields
            ]
        )

    def pandas_dtypes(self) -> dict[str, Any]:
        return {f.name: f.pandas_dtype() for f in self.fields}


def schema_path(name: str, root: Path | None = None) -> Path:
    return (root or package_root()) / "schemas" / f"{name}.schema.json"


@cache
def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


class UnknownTableError(KeyError):
    """A table name that is not in the package; the message lists the valid ones."""

    def __str__(self) -> str:
        return str(self.args[0])


def load_schema(name: str, root: Path | None = None) -> TableSchema:
    """The schema of table ``name``; an unknown name lists the valid ones."""
    if name not in TABLES:
        raise UnknownTableError(f"unknown table {name!r}; valid tables are: {', '.join(TABLES)}")
    return TableSchema(name, _load(schema_path(name, root)))
