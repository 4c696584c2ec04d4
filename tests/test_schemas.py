"""The schemas: one meaning per column name, documented fields, keys that resolve."""

import json
from collections import defaultdict

import pytest

from sahel_events.paths import TABLES
from sahel_events.schema import load_schema

# Columns that DESIGN.md names the same in two tables with different meanings.
HOMONYMS = {"text", "name", "aliases", "note", "country", "wikidata_id"}


@pytest.mark.parametrize("name", TABLES)
def test_fields_documented_and_typed(name):
    schema = load_schema(name)
    assert schema.primary_key, name
    for field in schema.fields:
        assert field.description.strip(), f"{name}.{field.name} has no description"
        assert field.type in {"string", "integer", "number", "boolean", "date", "array"}


def test_same_name_same_type_and_meaning():
    seen = defaultdict(list)
    for name in TABLES:
        for field in load_schema(name).fields:
            seen[field.name].append((name, field.type, json.dumps(field.constraints.get("enum"))))
    for column, uses in seen.items():
        assert len({u[1] for u in uses}) == 1, f"{column} has different types: {uses}"
        if column not in HOMONYMS:
            assert len({u[2] for u in uses}) == 1, f"{column} has different vocabularies: {uses}"


@pytest.mark.parametrize("name", TABLES)
def test_foreign_keys_resolve(name):
    schema = load_schema(name)
    for fk in schema.foreign_keys:
        target = load_schema(fk["reference"]["resource"])
        for mine, theirs in zip(fk["fields"], fk["reference"]["fields"]):
            assert schema.field(mine).type == target.field(theirs).type
            assert theirs in target.primary_key
