"""Load the published tables into pandas with the dtypes the schemas give."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .paths import TABLES, package_root
from .schema import load_schema

if TYPE_CHECKING:  # pandas is imported when a table is loaded, not with the package
    import pandas as pd


def tables() -> list[str]:
    """Names of the tables in the package."""
    return list(TABLES)


def table_path(name: str, fmt: str = "parquet", root: Path | None = None) -> Path:
    load_schema(name)  # raises with the valid names on a typo
    return (root or package_root()) / "data" / "tables" / f"{name}.{fmt}"


def load(name: str) -> "pd.DataFrame":
    """One table as a DataFrame: dates as datetime64, vocabularies as categoricals,
    nullable integers and booleans, lists for array fields."""
    import pyarrow.parquet as pq

    schema = load_schema(name)
    path = table_path(name)
    if not path.exists():
        raise FileNotFoundError(f"table {name!r} has not been built: {path} is missing (run `sahel-events build`)")
    frame = pq.read_table(path).to_pandas()
    for field in schema.fields:
        column = frame[field.name]
        if field.type == "array":
            frame[field.name] = column.map(lambda v: None if v is None else list(v))
        else:
            frame[field.name] = column.astype(field.pandas_dtype())
    return frame


def load_all() -> dict[str, "pd.DataFrame"]:
    """Every table, by name."""
    return {name: load(name) for name in TABLES}
