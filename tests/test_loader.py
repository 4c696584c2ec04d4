"""Loading: one line to a DataFrame with the schema's dtypes."""

import pandas as pd
import pytest

import sahel_events as se
from sahel_events.schema import load_schema


def test_tables_listed():
    assert se.tables() == ["articles", "actors", "places", "mentions", "events", "event_actors", "claims"]


@pytest.mark.parametrize("name", se.tables())
def test_dtypes_follow_schema(name):
    frame = se.load(name)
    schema = load_schema(name)
    assert list(frame.columns) == schema.field_names
    assert len(frame) > 0
    for field in schema.fields:
        dtype = frame[field.name].dtype
        if field.enum is not None:
            assert isinstance(dtype, pd.CategoricalDtype), field.name
            assert list(dtype.categories) == field.enum
        elif field.type == "date":
            assert pd.api.types.is_datetime64_dtype(dtype), field.name
        elif field.type == "integer":
            assert dtype == pd.Int64Dtype(), field.name
        elif field.type == "boolean":
            assert dtype == pd.BooleanDtype(), field.name
        elif field.type == "array":
            assert all(v is None or isinstance(v, list) for v in frame[field.name])


def test_values_round_trip():
    events = se.load("events")
    arrival = events[events.date_text == "on Thursday"].iloc[0]
    assert arrival.date_start == pd.Timestamp("2023-10-12")
    assert arrival.event_status == "occurred"
    moura = events[events.fatalities_min == 500].iloc[0]
    assert pd.isna(moura.fatalities_max)
    actors = se.load("actors")
    assert "Wagner" in actors.set_index("actor_id").loc["wagner-group", "aliases"]


def test_unknown_table_lists_valid_names():
    with pytest.raises(KeyError) as err:
        se.load("event")
    assert "unknown table 'event'" in str(err.value)
    assert "events" in str(err.value) and "claims" in str(err.value)


def test_load_all():
    frames = se.load_all()
    assert set(frames) == set(se.tables())


def test_datapackage_path_exists():
    assert se.datapackage_path().name == "datapackage.json"
    assert se.datapackage_path().exists()
