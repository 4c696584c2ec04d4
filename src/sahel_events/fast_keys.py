"""Unique, primary-key and foreign-key checks on typed Arrow columns, as Frictionless does them.

Frictionless remembers, per unique field (and for the primary key), the last row
holding each typed value; a later row with the same value is an error that
names that earlier row. Nulls are never duplicates of a unique field; a primary
key whose cells are all null is an error of its own (and is not remembered).
A foreign key whose cells are all null is skipped; otherwise the typed tuple must
occur among the referenced resource's rows whose key cells are not all null.

Sorting the rows by key, then by row number, puts each duplicate right after the
occurrence Frictionless would name, so a shifted comparison finds them all.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def _np(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    return pc.fill_null(arr, False).to_numpy(zero_copy_only=False).astype(bool)


def all_null(columns: Sequence[pa.ChunkedArray | pa.Array]) -> np.ndarray:
    """Rows whose cells in ``columns`` are all null."""
    out = np.ones(len(columns[0]), bool)
    for col in columns:
        out &= _np(pc.is_null(col))
    return out


def duplicates(columns: Sequence[pa.ChunkedArray | pa.Array], rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Among ``rows`` (0-based indices), those repeating an earlier row's key, and that earlier row.

    Nulls compare equal to nulls (as ``None == None`` in a Python tuple).
    """
    if len(rows) < 2:
        return np.array([], np.int64), np.array([], np.int64)
    take = pa.array(rows)
    every = len(rows) == len(columns[0])  # rows are 0..n-1: no need to copy the columns
    table = pa.table({f"k{i}": col if every else col.take(take) for i, col in enumerate(columns)} | {"_row": take})
    keys = [f"k{i}" for i in range(len(columns))]
    order = pc.sort_indices(table, sort_keys=[(k, "ascending", "at_end") for k in keys] + [("_row", "ascending", "at_end")])
    ordered = table.take(order)
    same = np.ones(len(ordered) - 1, bool)
    for k in keys:
        col = ordered[k].combine_chunks() if isinstance(ordered[k], pa.ChunkedArray) else ordered[k]
        a, b = col.slice(1), col.slice(0, len(col) - 1)
        eq = _np(pc.equal(a, b))
        both_null = _np(pc.and_(pc.is_null(a), pc.is_null(b)))
        same &= eq | both_null
    row = ordered["_row"].to_numpy()
    hits = np.flatnonzero(same)
    return row[hits + 1], row[hits]


def missing_references(target: Sequence[pa.ChunkedArray], reference: Sequence[pa.ChunkedArray]) -> np.ndarray:
    """Rows (0-based) whose foreign-key tuple is not all null and not found in ``reference``."""
    n = len(target[0])
    skip = all_null(target)
    keep_ref = ~all_null(reference) if len(reference[0]) else np.zeros(0, bool)
    if len(target) == 1 and target[0].type == reference[0].type:
        values = reference[0]
        if len(values) and not keep_ref.all():
            values = values.filter(pa.array(keep_ref))
        if not len(values):
            values = pa.array([], target[0].type)
        found = _np(pc.is_in(target[0], value_set=values, skip_nulls=True))
        return np.flatnonzero(~found & ~skip)
    # Several fields, or differing types: compare Python values, like Frictionless.
    ref_rows = zip(*(c.to_pylist() for c in reference))
    lookup = {cells for cells, keep in zip(ref_rows, keep_ref) if keep}
    tgt_rows = zip(*(c.to_pylist() for c in target))
    return np.array([i for i, cells in enumerate(tgt_rows) if not skip[i] and cells not in lookup], np.int64)[:n]
