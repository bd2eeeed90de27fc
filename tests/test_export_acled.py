"""ACLED export: rows checked against the ACLED Codebook's column list and time precision rule.

The expectations below are the codebook's own (ACLED Knowledge Base, "ACLED Codebook": Table 1
"Data Columns", Table 2 event and sub-event types, "Time precision codes"), written out here
independently of the module so that a change to either shows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import export_acled
from timeline.dates import Bounds
from timeline.export_common import lexicons
from timeline.models import Document, Event, Source, Timeline
from timeline.taxonomy import event_types

CODEBOOK_COLUMNS = [  # Table 1, in its order
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
CODEBOOK_TYPES = {  # Table 2: event type -> sub-event types
    "Battles": {"Government regains territory", "Non-state actor overtakes territory", "Armed clash"},
    "Protests": {"Excessive force against protesters", "Protest with intervention", "Peaceful protest"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
INTER_TEXT = {"", "State forces", "Rebel group", "Political militia", "Identity militia", "Rioters", "Protesters",
              "Civilians", "External/Other forces"}
PRECISION_DAYS = {"1": 1, "2": 7, "3": 31}  # the widest window each time precision may stand for


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def timeline() -> Timeline:
    src = [Source(document="doc", quote="They clashed.")]
    return Timeline(documents=[Document(id="doc", title="Daily news", published="2024-01-31")], events=[
        Event(id="clash", title="Border clash", type="armed_clash", date="2023-09-19", actors=["Armenia", "Azerbaijan"],
              location="Syunik", sources=src),
        Event(id="week", title="Troops pulled out", type="withdrawal", date="2023-09-11/2023-09-15",
              actors=["Russia"], location="Nagorno-Karabakh", sources=src),
        Event(id="month", title="Protest", type="protest", date="2023-10", actors=["Protesters"], location="Yerevan",
              sources=src),
        Event(id="shelled", title="Village shelled", type="shelling", date="2023-09-20", actors=["Azerbaijan"],
              targets=["villagers", "a school"], location="Syunik", sources=src),
        Event(id="raid", title="Village attacked", type="attack", date="2023-09-21", actors=["Azerbaijan", "Turkey"],
              targets=["civilians"], location="Syunik", sources=src),
        Event(id="truce", title="Ceasefire", type="ceasefire", date="2023-09-20", actors=["Russia", "Armenia", "Azerbaijan"],
              location="Nagorno-Karabakh", sources=src),
        Event(id="season", title="Fighting", type="armed_clash", date="2023-21", actors=["Armenia"], sources=src),
        Event(id="before", title="Earlier fighting", type="attack", date="../2024-01-31", sources=src),
        Event(id="year", title="War", type="armed_clash", date="2020", sources=src),
        Event(id="maybe", title="Attack feared", type="attack", date="2024-02-01", modality="hypothetical"),
        Event(id="summit", title="Summit", type="summit", date="2023-10-06"),
    ])


def test_header_is_the_codebooks_column_list_in_order():
    assert list(csv.reader(io.StringIO(export_acled.to_acled(timeline()).text)))[0] == CODEBOOK_COLUMNS


def test_rows_use_the_codebooks_values():
    for row in rows(export_acled.to_acled(timeline()).text):
        assert row["sub_event_type"] in CODEBOOK_TYPES[row["event_type"]], row
        assert row["disorder_type"] in {"Political violence", "Demonstrations", "Strategic developments",
                                        "Political violence; Demonstrations"}
        assert row["inter1"] in INTER_TEXT and row["inter2"] in INTER_TEXT
        assert row["civilian_targeting"] in ("", "Civilians targeted")
        assert row["geo_precision"] in ("", "1", "2", "3") and row["time_precision"] in PRECISION_DAYS
        assert row["year"] == row["event_date"][:4] and int(row["timestamp"]) > 0 and row["fatalities"] == "0"


def test_precision_location_actors_and_ids():
    table = {r["tags"].split("timeline id: ")[1].split(";")[0]: r for r in rows(export_acled.to_acled(timeline()).text)}
    clash, week, month = table["clash"], table["week"], table["month"]
    assert (clash["event_date"], clash["time_precision"]) == ("2023-09-19", "1")
    assert (week["event_date"], week["time_precision"]) == ("2023-09-13", "2")  # the middle of the week
    assert (month["event_date"], month["time_precision"]) == ("2023-10-16", "3")  # the middle of the month
    assert (clash["country"], clash["iso"], clash["event_id_cnty"]) == ("Armenia", "51", "ARM1")
    assert (clash["actor1"], clash["actor2"], clash["assoc_actor_1"]) == ("Armenia", "Azerbaijan", "")
    assert (clash["inter1"], clash["inter2"], clash["interaction"]) == ("State forces", "External/Other forces",
                                                                     "State forces-External/Other forces")
    assert week["country"] == "Azerbaijan" and float(week["latitude"]) == 39.9 and week["geo_precision"] == "2"
    assert table["shelled"]["assoc_actor_2"] == "a school" and table["shelled"]["civilian_targeting"] == "Civilians targeted"
    raid = table["raid"]  # an attack on civilians is Violence against civilians, the target Actor 2
    assert (raid["event_type"], raid["sub_event_type"], raid["actor2"], raid["assoc_actor_1"]) == \
        ("Violence against civilians", "Attack", "civilians", "Turkey")
    assert raid["inter2"] == "Civilians" and raid["interaction"] == "External/Other forces-Civilians"  # as Table 3 writes 78
    assert table["truce"]["actor2"] == "Armenia" and "Also involved: Azerbaijan." in table["truce"]["notes"]
    assert {r["event_id_cnty"] for r in table.values()} >= {"ARM1", "ARM2", "ARM3", "AZE1"}


def test_what_acled_cannot_record_is_left_out_and_counted():
    written = export_acled.to_acled(timeline())
    assert written.count == 6
    assert written.left_out["dated less precisely than a month (ACLED's coarsest time precision)"] == \
        ("season", "before", "year")
    assert written.left_out["hypothetical (ACLED records what happened)"] == ("maybe",)
    assert written.left_out["of a type ACLED does not record"] == ("summit",)
    assert "6 ACLED rows from 11 events; 5 left out" in written.summary()


@given(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1)), st.integers(0, 400))
def test_time_precision_never_claims_more_than_the_window(start, extra):
    window = Bounds(start, start + dt.timedelta(days=extra), "interval")
    coded = export_acled.acled_date(window)
    if extra + 1 > 31:
        assert coded is None  # "ACLED does not include events with less temporal information"
        return
    day, precision = coded
    assert window.earliest <= day <= window.latest
    assert extra + 1 <= PRECISION_DAYS[str(precision)] and (precision == 1) == (extra == 0)
    assert precision == 3 or extra + 1 <= 7
    assert abs((day - window.earliest).days - (window.latest - day).days) <= 1  # the middle of the period


@pytest.mark.parametrize("name", sorted(event_types()))
def test_taxonomy_codings_are_the_codebooks(name):
    kind = event_types()[name]
    for coding in (kind.acled, kind.acled_civilian_targets):
        if coding is not None:
            assert coding.sub_event_type in CODEBOOK_TYPES[coding.event_type]


@pytest.mark.parametrize("example", lexicons()["civilians"]["examples"])
def test_civilian_words(example):
    assert export_acled.is_civilians(example["target"]) is example["civilians"]
