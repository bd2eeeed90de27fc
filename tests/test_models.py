"""Event model validation: EDTF dates, the type taxonomy, unknown keys, evidence offsets."""

import datetime as dt

import pytest
from pydantic import ValidationError

from timeline.models import Event, Source, Timeline


def make(**fields):
    base = {"id": "azerbaijan-attack", "title": "Azerbaijan attacks", "type": "attack"}
    return Event(**(base | fields))


@pytest.mark.parametrize(
    "date, earliest, latest, precision",
    [
        ("2023-09-19", dt.date(2023, 9, 19), dt.date(2023, 9, 19), "day"),
        ("2023-09", dt.date(2023, 9, 1), dt.date(2023, 9, 30), "month"),
        ("2023~", dt.date(2023, 1, 1), dt.date(2023, 12, 31), "year"),
        ("2023-09-11/2023-09-20", dt.date(2023, 9, 11), dt.date(2023, 9, 20), "interval"),
        ("../2024-01-31", None, dt.date(2024, 1, 31), "open"),
        ("2024-01-31/..", dt.date(2024, 1, 31), None, "open"),
    ],
)
def test_good_edtf_dates_give_bounds(date, earliest, latest, precision):
    bounds = make(date=date).bounds
    assert (bounds.earliest, bounds.latest, bounds.precision) == (earliest, latest, precision)


@pytest.mark.parametrize("date", ["2023-02-30", "September 2023", "2024-01-31/2023-01-01", "2023/09/19"])
def test_bad_edtf_dates_are_rejected(date):
    with pytest.raises(ValidationError, match="date"):
        make(date=date)


def test_missing_date_means_unbounded():
    assert make().bounds.earliest is None and make().bounds.latest is None


def test_unknown_type_names_the_choices():
    with pytest.raises(ValidationError, match="unknown event type 'batle'.*armed_clash"):
        make(type="batle")


def test_a_type_alias_reads_as_its_type():
    assert make(type="kidnapping").type == "abduction"


def test_extra_key_is_an_error():
    with pytest.raises(ValidationError, match="colour"):
        make(colour="red")


def test_id_must_be_a_slug():
    with pytest.raises(ValidationError, match="id"):
        make(id="Azerbaijan Attack")


def test_source_offsets_must_span_the_quote():
    Source(document="d", quote="held joint exercises", start=10, end=30)
    with pytest.raises(ValidationError, match="characters"):
        Source(document="d", quote="held joint exercises", start=10, end=12)


def test_timeline_finds_events_by_id():
    timeline = Timeline(events=[make()])
    assert timeline.event("azerbaijan-attack").title == "Azerbaijan attacks"
    assert timeline.event("nope") is None


def test_shared_field_names_are_one_set_and_never_show():
    """Records set the same way hold one set of field names; assigning a field not yet set to one
    of them copies its set first, so the other's fields set and its unset-excluding dump stay."""
    from timeline.models import shared_names

    first, second = shared_names(make(date="2023-09-19")), shared_names(make(date="2023-09-20"))
    assert first.model_fields_set is second.model_fields_set
    assert first.model_fields_set == {"id", "title", "type", "date"}
    first.notes = "checked by hand"
    first.date = "2023-09-18"
    assert first.model_fields_set == {"id", "title", "type", "date", "notes"}
    assert second.model_fields_set == {"id", "title", "type", "date"}
    assert second.model_dump(exclude_unset=True) == {"id": "azerbaijan-attack", "title": "Azerbaijan attacks",
                                                       "type": "attack", "date": "2023-09-20"}
    assert shared_names(make(date="2024-01-01")).model_fields_set is second.model_fields_set


def test_shared_field_names_never_show_through_a_copy():
    """model_copy(update=...) (narrowing, the solver, the app's store views) adds the updated names
    to the copy's set: that must be a set of the copy's own, never the one its original shares."""
    from timeline.models import shared_names

    first, second = shared_names(make(date="2023-09-19")), shared_names(make(date="2023-09-20"))
    copied = first.model_copy(update={"notes": "narrowed"})
    copied.confidence = 0.5
    assert copied.model_fields_set == {"id", "title", "type", "date", "notes", "confidence"}
    assert first.model_fields_set == second.model_fields_set == {"id", "title", "type", "date"}
