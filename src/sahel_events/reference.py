"""The curated dictionaries of actors and places (data/reference), checked against the schemas."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .paths import package_root
from .schema import load_schema
from .yamlio import InputError, line_of, load_yaml


@dataclass(frozen=True)
class Reference:
    """Actors and places by id, as rows of the ``actors`` and ``places`` tables."""

    actors: dict[str, dict[str, Any]]
    places: dict[str, dict[str, Any]]

    def state_actor(self, country: str | None, actor_type: str) -> str | None:
        """The one actor of ``actor_type`` ("government", "state_forces") of ``country``, or None.
        For a government, the government of the day: an entry for a former civilian government
        is passed over when there is another."""
        ids = [a for a, row in self.actors.items() if country and row.get("country") == country and row.get("actor_type") == actor_type]
        if actor_type == "government":
            ids = [a for a in ids if "civilian" not in a] or ids
        return ids[0] if len(ids) == 1 else None


def _rows(path: Path, table: str, id_field: str) -> dict[str, dict[str, Any]]:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise InputError(path, f"expected a mapping of {id_field} to its fields")
    schema = load_schema(table)
    names = [f.name for f in schema.fields if f.name != id_field]
    rows: dict[str, dict[str, Any]] = {}
    for key, entry in data.items():
        line = line_of(data, key)
        if not isinstance(entry, dict):
            raise InputError(path, f"entry {key!r} must be a mapping of fields", line)
        unknown = sorted(set(entry) - set(names))
        if unknown:
            raise InputError(path, f"entry {key!r} has unknown field(s) {', '.join(unknown)}; allowed: {', '.join(names)}", line)
        row = {id_field: key, **{n: entry.get(n) for n in names}}
        for field in schema.fields:
            value = row[field.name]
            if field.required and value is None:
                raise InputError(path, f"entry {key!r}: `{field.name}` is required", line)
            if value is not None and field.enum is not None and value not in field.enum:
                raise InputError(path, f"entry {key!r}: `{field.name}` {value!r} is not one of {', '.join(field.enum)}", line)
            if field.type == "array":
                row[field.name] = [str(v) for v in (value or [])]
        rows[key] = row
    return dict(sorted(rows.items()))


def load_reference(root: Path | None = None) -> Reference:
    """Read data/reference/actors.yaml and places.yaml under ``root`` (default: the package's)."""
    ref = (root or package_root()) / "data" / "reference"
    return Reference(
        actors=_rows(ref / "actors.yaml", "actors", "actor_id"),
        places=_rows(ref / "places.yaml", "places", "place_id"),
    )
