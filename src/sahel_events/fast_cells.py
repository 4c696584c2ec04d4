"""Type and constraint checks of one CSV column, vectorised, with Frictionless' semantics.

Frictionless reads each cell with its field's cell reader (``int(cell.strip())``,
``datetime.strptime(cell, "%Y-%m-%d")``, ``json.loads`` ...), then checks the
field's constraints in the order of ``field.supported_constraints``; a cell with a
type error gets no constraint check. Doing that a million times in Python is the
slow part of ``frictionless validate``.

Here a column is split in two. *Canonical* cells (the shape our writer emits,
e.g. ``-?[0-9]+`` for an integer) are typed and checked with pyarrow compute
kernels. Every other non-empty cell (``" 3 "``, ``"+4"``, ``"2023-2-3"``, a
pattern value ending in a newline, any unusual type or format) is *odd*: its
distinct values go through Frictionless' own cell reader, so the result is
Frictionless' by construction. Odd cells are rare in practice, so the column
stays vectorised.
"""

from __future__ import annotations

import decimal
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

ARROW_TYPES: dict[str, pa.DataType] = {
    "integer": pa.int64(),
    "number": pa.float64(),
    "date": pa.date32(),
    "boolean": pa.bool_(),
}

# Shapes whose Frictionless reading we reproduce exactly with Arrow kernels.
_CANONICAL = {
    "integer": r"^-?[0-9]{1,18}$",
    # At most 15 significant digits: the float64 is then exact enough for every comparison.
    "number": r"^-?[0-9]{1,7}(\.[0-9]{1,8})?$",
    "date": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
    "array": r'^\[("[^"\\\x00-\x1f]*"(, "[^"\\\x00-\x1f]*")*)?\]$',
    "uri": r"^https?://[!-~]+$",
}
# Python regex features that RE2 (pyarrow) reads differently or not at all.
_PY_ONLY = re.compile(r"\\[dDwWsSbBZ]|\(\?[^:]|\\[0-9]")
_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")


@dataclass
class ColumnResult:
    """A typed column plus its errors, as row indices (0-based within the batch)."""

    typed: pa.Array
    missing: np.ndarray  # bool: the cell is a missing value (blank)
    # (rows, kind, rank, note): kind is the Frictionless error type, rank orders errors within a cell
    errors: list[tuple[np.ndarray, str, int, str]] = field(default_factory=list)


def _mask(arr: pa.Array) -> np.ndarray:
    return pc.fill_null(arr, False).to_numpy(zero_copy_only=False).astype(bool)


def _rows(mask: np.ndarray) -> np.ndarray:
    return np.flatnonzero(mask)


def _to_arrow(values: list[Any], type_: str) -> pa.Array:
    """Typed Python values (from Frictionless' reader) as an Arrow array of the column's type."""
    arrow = ARROW_TYPES.get(type_)
    if arrow is None:
        return pa.array([None if v is None else str(v) for v in values], pa.string())
    out = []
    for v in values:
        if isinstance(v, decimal.Decimal):
            v = float(v)
        if type_ == "integer" and isinstance(v, int) and not -(2**63) <= v < 2**63:
            v = None  # beyond int64: kept as an error-free null (documented limit)
        out.append(v)
    return pa.array(out, arrow)


def _with_nulls(raw: pa.Array, valid: np.ndarray) -> pa.Array:
    """``raw`` with nulls where not ``valid``, sharing its string data (no copy) when it can."""
    if valid.all():
        return raw
    if raw.offset == 0 and raw.null_count == 0:
        bitmap = pa.array(valid).buffers()[1]
        return pa.Array.from_buffers(raw.type, len(raw), [bitmap, *raw.buffers()[1:]], null_count=int((~valid).sum()))
    return pc.if_else(pa.array(valid), raw, pa.scalar(None, raw.type))


_DAYS = np.array([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def _iso_dates(source: pa.Array, canonical: np.ndarray) -> tuple[np.ndarray, pa.Array]:
    """Validity and date32 values of canonical ``YYYY-MM-DD`` strings (others: null)."""
    def part(start: int, stop: int) -> np.ndarray:
        digits = pc.utf8_slice_codeunits(source, start, stop)
        return pc.fill_null(digits.cast(pa.int64()), 0).to_numpy(zero_copy_only=False)

    year, month, day = part(0, 4), part(5, 7), part(8, 10)
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    month_ok = (month >= 1) & (month <= 12)
    last = _DAYS[np.where(month_ok, month, 0)] + (leap & (month == 2))
    ok = canonical & (year >= 1) & month_ok & (day >= 1) & (day <= last)
    # days since 1970-01-01 (proleptic Gregorian), computed with numpy's datetime64
    y = np.where(ok, year, 1970)
    m = np.where(ok, month, 1)
    d = np.where(ok, day, 1)
    months = (y - 1970) * 12 + (m - 1)
    days = months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64) + (d - 1)
    typed = pa.array(days.astype(np.int32), pa.date32(), mask=~ok)
    return ok, typed


class ColumnChecker:
    """Checks the cells of one Frictionless field; build once per field, call per batch."""

    def __init__(self, fl_field: Any, missing_values: list[str]):
        self.field = fl_field
        self.type: str = fl_field.type
        self.format: str = fl_field.format or "default"
        self.constraints: dict[str, Any] = dict(fl_field.constraints or {})
        self.missing_values = pa.array(missing_values, pa.string())
        self.reader = fl_field.create_cell_reader()
        self.value_reader = fl_field.create_value_reader()
        order = list(fl_field.supported_constraints)
        self.rank = {name: i + 1 for i, name in enumerate(order)}
        self.active = [n for n in order if self.constraints.get(n) is not None]
        self.type_note = f'type is "{self.type}/{self.format}"'
        self.notes = {n: f'constraint "{n}" is "{self.constraints[n]}"' for n in self.active}
        self.re2_pattern: str | None = None
        self.repeats: bool | None = None  # do this column's values repeat enough to judge distinct values?
        self.all_odd = False  # every present cell goes through Frictionless' reader
        if self.type == "string" and self.format not in ("default", "uri"):
            self.all_odd = True
        elif self.type not in ("string", "integer", "number", "date", "boolean", "array"):
            self.all_odd = True
        elif self.type == "array" and ({"minLength", "maxLength", "enum"} & set(self.active)):
            self.all_odd = True
        elif self.type == "date" and self.format != "default":
            self.all_odd = True  # "any" or a strptime pattern of its own
        elif self.type in ("integer", "number") and any(
                fl_field.has_defined(p) for p in ("bare_number", "group_char", "decimal_char", "float_number")):
            self.all_odd = True
        if "pattern" in self.active and not self.all_odd:
            pattern = "^{0}$".format(self.constraints["pattern"])  # exactly as Frictionless builds it
            if _PY_ONLY.search(pattern):
                self.all_odd = True
            else:
                try:
                    pc.match_substring_regex(pa.array(["x"]), pattern)
                    self.re2_pattern = pattern
                except pa.ArrowInvalid:
                    self.all_odd = True
        self.enum_values: pa.Array | None = None
        if "enum" in self.active and not self.all_odd:
            try:
                typed = [self.value_reader(v) for v in self.constraints["enum"]]
                self.enum_values = _to_arrow(typed, self.type) if self.type != "string" else pa.array(typed, pa.string())
            except (pa.ArrowException, TypeError, ValueError):
                self.all_odd = True
        self.bounds: dict[str, Any] = {}
        for name in _BOUNDS:
            if name in self.active:
                bound = self.value_reader(self.constraints[name])
                if isinstance(bound, decimal.Decimal):
                    bound = float(bound)
                self.bounds[name] = bound

    # -- the column -------------------------------------------------------

    def check(self, raw: pa.Array) -> ColumnResult:
        """Type and constraint errors of ``raw`` (strings as read from the CSV)."""
        if isinstance(raw, pa.ChunkedArray):
            raw = raw.combine_chunks()
        n = len(raw)
        missing = _mask(pc.is_in(raw, value_set=self.missing_values))
        present = ~missing
        result = ColumnResult(typed=pa.nulls(n, ARROW_TYPES.get(self.type, pa.string())), missing=missing)
        if "required" in self.active and self.constraints["required"]:
            result.errors.append((_rows(missing), "constraint-error", self.rank["required"], self.notes["required"]))
        if not present.any():
            return result

        if self.all_odd:
            canonical = np.zeros(n, bool)
        else:
            canonical = present & self._canonical(raw)
        odd = present & ~canonical
        if self.all_odd:
            typed, type_ok = result.typed, np.ones(n, bool)
        else:
            typed, type_ok = self._type(raw, canonical)
        type_error = canonical & ~type_ok
        if type_error.any():
            result.errors.append((_rows(type_error), "type-error", 0, self.type_note))
        good = canonical & type_ok
        if good.any():
            self._constraints(raw, typed, good, result)
        if odd.any():
            typed = self._odd(raw, odd, typed, result)
        result.typed = typed
        return result

    def _canonical(self, raw: pa.Array) -> np.ndarray:
        if self.type == "string":
            if self.format == "uri":
                ok = _mask(pc.match_substring_regex(raw, _CANONICAL["uri"]))
            else:
                ok = np.ones(len(raw), bool)
            if self.re2_pattern is not None:
                # Python's "$" also matches before a final newline: leave those to Python.
                ok &= ~_mask(pc.ends_with(raw, "\n"))
            return ok
        if self.type == "boolean":
            return np.ones(len(raw), bool)  # the reader is a plain mapping: exact with is_in
        ok = _mask(pc.match_substring_regex(raw, _CANONICAL[self.type]))
        if self.type == "date":
            ok &= ~_mask(pc.starts_with(raw, "0000"))  # year 0 does not exist in Python
        return ok

    def _type(self, raw: pa.Array, canonical: np.ndarray) -> tuple[pa.Array, np.ndarray]:
        """Typed values (null where not canonical or not valid) and the validity of canonical cells."""
        n = len(raw)
        sel = pa.array(canonical)
        if self.type in ("string", "array"):
            return _with_nulls(raw, canonical), np.ones(n, bool)
        if self.type == "boolean":
            trues = pa.array(self.field.true_values, pa.string())
            falses = pa.array(self.field.false_values, pa.string())
            is_true, is_false = _mask(pc.is_in(raw, value_set=trues)), _mask(pc.is_in(raw, value_set=falses))
            ok = is_true | is_false
            typed = pc.if_else(pa.array(canonical & ok), pa.array(is_true), pa.scalar(None, pa.bool_()))
            return typed, ok
        source = pc.if_else(sel, raw, pa.scalar(None, pa.string()))
        if self.type == "integer":
            return source.cast(pa.int64()), np.ones(n, bool)
        if self.type == "number":
            return source.cast(pa.float64()), np.ones(n, bool)
        # date: YYYY-MM-DD, a real day of a year from 1 (Arrow's strptime would roll 02-30 over to 03-02).
        # Dates repeat: judge each distinct string once.
        encoded = pc.dictionary_encode(source)
        uniques = encoded.dictionary
        ok_u, typed_u = _iso_dates(uniques, np.ones(len(uniques), bool))
        typed = typed_u.take(encoded.indices)
        ok = canonical & _mask(pc.is_valid(typed))
        return typed, ok | ~canonical

    def _constraints(self, raw: pa.Array, typed: pa.Array, good: np.ndarray, result: ColumnResult) -> None:
        for name in self.active:
            if name == "required":
                continue
            if name == "pattern":
                fail = ~_mask(self._matches(raw))
            elif name == "enum":
                fail = ~_mask(pc.is_in(typed, value_set=self.enum_values))
            elif name in self.bounds:
                bound = self.bounds[name]
                if bound is None:
                    continue
                op = {"minimum": pc.greater_equal, "maximum": pc.less_equal,
                      "exclusiveMinimum": pc.greater, "exclusiveMaximum": pc.less}[name]
                ok = op(typed, pa.scalar(bound, typed.type))
                if self.type == "number":
                    ok = pc.and_(ok, pc.invert(pc.is_nan(typed)))
                fail = ~_mask(ok)
            elif name == "minLength":
                fail = ~_mask(pc.greater_equal(pc.utf8_length(raw), self.constraints[name]))
            elif name == "maxLength":
                fail = ~_mask(pc.less_equal(pc.utf8_length(raw), self.constraints[name]))
            else:
                continue
            fail &= good
            if fail.any():
                result.errors.append((_rows(fail), "constraint-error", self.rank[name], self.notes[name]))

    def _matches(self, raw: pa.Array) -> pa.Array:
        """The pattern on each cell; on each distinct value when values repeat (ids of a few articles, places)."""
        if self.repeats is not False:
            encoded = pc.dictionary_encode(raw)
            if self.repeats is None:
                self.repeats = len(encoded.dictionary) * 4 <= len(raw)  # decided on the first batch
            if self.repeats:
                return pc.match_substring_regex(encoded.dictionary, self.re2_pattern).take(encoded.indices)
        return pc.match_substring_regex(raw, self.re2_pattern)

    def _odd(self, raw: pa.Array, odd: np.ndarray, typed: pa.Array, result: ColumnResult) -> pa.Array:
        """Frictionless' own reader on the distinct odd values, broadcast back to their rows."""
        idx = np.flatnonzero(odd)
        values = raw.take(pa.array(idx))
        encoded = pc.dictionary_encode(values)
        uniques = encoded.dictionary.to_pylist()
        codes = encoded.indices.to_numpy(zero_copy_only=False)
        outs = [self.reader(v) for v in uniques]
        has = {}
        for k, (_, notes) in enumerate(outs):
            for name in (notes or {}):
                has.setdefault(name, np.zeros(len(uniques), bool))[k] = True
        for name, flags in has.items():
            rows = idx[flags[codes]]
            if name == "type":
                result.errors.append((rows, "type-error", 0, self.type_note))
            else:
                result.errors.append((rows, "constraint-error", self.rank.get(name, 99), self.notes.get(name, f'constraint "{name}"')))
        if self.type == "array":
            odd_typed = [None if notes else v for v, (_, notes) in zip(uniques, outs)]
        else:
            odd_typed = [None if (notes or {}).get("type") else t for t, notes in outs]
        typed_uniques = _to_arrow(odd_typed, self.type)
        scattered = typed_uniques.take(pa.array(codes))
        # put the odd rows' typed values in place
        full_codes = np.full(len(raw), -1, np.int64)
        full_codes[idx] = np.arange(len(idx))
        pos = pa.array(np.where(odd, full_codes, 0))
        return pc.if_else(pa.array(odd), scattered.take(pos), typed)

