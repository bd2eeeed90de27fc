"""Reading the MUC-4 answer keys: slot blocks, fills, dates, and a split's reports.

Every key here is written for this test in the keys' layout (slot name, fill from column 36); the
real corpus is not read.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.dates import Bounds
from timeline.evaluate import muc4_keys
from timeline.evaluate.muc4_keys import Template, messages, parse_date, read_split

D = dt.date


SLOTS = {"MESSAGE: ID": 0, "MESSAGE: TEMPLATE": 1, "INCIDENT: DATE": 2, "INCIDENT: LOCATION": 3, "INCIDENT: TYPE": 4,
         "INCIDENT: STAGE OF EXECUTION": 5, "INCIDENT: INSTRUMENT ID": 6, "PERP: INDIVIDUAL ID": 9,
         "PERP: ORGANIZATION ID": 10, "PERP: ORGANIZATION CONFIDENCE": 11, "PHYS TGT: ID": 12, "HUM TGT: NAME": 18,
         "HUM TGT: DESCRIPTION": 19, "HUM TGT: TYPE": 20}


def block(fills: dict[str, str | list[str]]) -> str:
    """A key block: 'N.  SLOT NAME' padded to column 36, then the fill; a list's further fills go
    on continuation lines, whose slot part is blank."""
    lines = []
    for name, fill in fills.items():
        first, *rest = [fill] if isinstance(fill, str) else fill
        lines.append(f"{SLOTS[name]}.".ljust(4) + name.ljust(32) + first)
        lines += [" " * 36 + more for more in rest]
    return "\n".join(lines)


KIDNAPPING = block({
    "MESSAGE: ID": "DEV-MUC3-9001 (TESTS)", "MESSAGE: TEMPLATE": "1", "INCIDENT: DATE": "- 16 NOV 89",
    "INCIDENT: LOCATION": "PERU: HUALLAGA (DEPARTMENT): PUERTO VERDE (TOWN)", "INCIDENT: TYPE": "KIDNAPPING",
    "INCIDENT: STAGE OF EXECUTION": "ACCOMPLISHED", "INCIDENT: INSTRUMENT ID": ['"RIFLES"', '"MACHETES"'],
    "PERP: INDIVIDUAL ID": '? "ARMED MEN"',
    "PERP: ORGANIZATION ID": ['"RED DAWN LIBERATION FRONT" / "RDLF"', '"ANDEAN COMMANDOS"'],
    "PERP: ORGANIZATION CONFIDENCE": 'REPORTED AS FACT: "RDLF"', "PHYS TGT: ID": "*",
    "HUM TGT: NAME": '"TOMAS QUILLA"', "HUM TGT: DESCRIPTION": '"TWO AGRONOMISTS"',
    "HUM TGT: TYPE": 'CIVILIAN: "TWO AGRONOMISTS"',
})
OPTIONAL_ARSON = block({
    "MESSAGE: ID": "DEV-MUC3-9001 (TESTS)", "MESSAGE: TEMPLATE": "2 (OPTIONAL)", "INCIDENT: DATE": "03 JAN 90",
    "INCIDENT: LOCATION": "PERU", "INCIDENT: TYPE": "ARSON", "INCIDENT: STAGE OF EXECUTION": "ATTEMPTED",
    "PERP: ORGANIZATION ID": "-", "PHYS TGT: ID": '"THE GRAIN SILO"',
})
NO_INCIDENT = block({"MESSAGE: ID": "DEV-MUC3-9002 (TESTS)", "MESSAGE: TEMPLATE": "*", "INCIDENT: DATE": "*",
                     "INCIDENT: TYPE": "*"})
DEV_BOMBING = block({"MESSAGE: ID": "TST1-MUC3-9100 (TESTS)", "MESSAGE: TEMPLATE": "1",
                     "INCIDENT: DATE": "10 NOV 89 - 16 NOV 89", "INCIDENT: TYPE": "ATTACK / BOMBING",
                     "INCIDENT: STAGE OF EXECUTION": "ACCOMPLISHED"})


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    """A key folder in the corpus's layout: train/key-dev-*.muc4 and dev/key-tst*."""
    (tmp_path / "train").mkdir()
    (tmp_path / "dev").mkdir()
    (tmp_path / "train" / "key-dev-0001.muc4").write_text(f"{KIDNAPPING}\n\n{OPTIONAL_ARSON}\n\n", encoding="latin-1")
    (tmp_path / "train" / "key-dev-0101.muc4").write_text(f"\n{NO_INCIDENT}\n", encoding="latin-1")
    (tmp_path / "dev" / "key-tst1.v7").write_text(DEV_BOMBING + "\n", encoding="latin-1")
    return tmp_path


def test_a_block_reads_into_a_template(keys):
    """Slots become the template's fields: the report id without its tag, the place below the
    country with its kind dropped, the key's strings as written."""
    first = read_split("train", keys)[0]
    assert (first.message, first.number, first.optional) == ("DEV-MUC3-9001", "1", False)
    assert (first.types, first.stages) == (("KIDNAPPING",), ("ACCOMPLISHED",))
    assert (first.country, first.places) == ("PERU", ("HUALLAGA", "PUERTO VERDE"))
    assert first.dates == (Bounds(None, D(1989, 11, 16), "open"),)


def test_continuation_lines_are_further_fills_of_the_slot_above(keys):
    """A line with a blank slot part adds one more organisation (or instrument) to the slot above."""
    first = read_split("train", keys)[0]
    assert first.instruments == (("RIFLES",), ("MACHETES",))
    assert first.perp_orgs == (("RED DAWN LIBERATION FRONT", "RDLF"), ("ANDEAN COMMANDOS",))


def test_quoted_alternatives_optional_fills_and_set_fills_give_their_strings(keys):
    """'"A" / "B"' is one party under two names; '? "X"' is an optional fill whose string still
    counts; 'SET: "X"' ties a set value to a string, and the string is what is read."""
    first = read_split("train", keys)[0]
    assert first.perp_orgs[0] == ("RED DAWN LIBERATION FRONT", "RDLF")
    assert first.perp_people == (("ARMED MEN",),)
    block = muc4_keys._blocks(KIDNAPPING)[0]
    assert muc4_keys._strings(block, "HUM TGT: TYPE") == (("TWO AGRONOMISTS",),)
    assert muc4_keys._strings(block, "PERP: ORGANIZATION CONFIDENCE") == (("RDLF",),)


def test_targets_come_from_names_and_descriptions_and_strings_include_places(keys):
    """Human targets join the NAME and DESCRIPTION slots; ``strings`` lists every cited string
    and the place names, which is what an event's evidence is matched on."""
    first = read_split("train", keys)[0]
    assert first.human_targets == (("TOMAS QUILLA",), ("TWO AGRONOMISTS",))
    assert first.physical_targets == ()  # '*': not applicable
    assert set(first.strings()) == {"RED DAWN LIBERATION FRONT", "RDLF", "ANDEAN COMMANDOS", "ARMED MEN",
                                    "TOMAS QUILLA", "TWO AGRONOMISTS", "RIFLES", "MACHETES",
                                    "HUALLAGA", "PUERTO VERDE"}


def test_an_optional_template_and_empty_fills(keys):
    """'2 (OPTIONAL)' is template 2, optional; '-' gives no organisation; a country alone has no places."""
    second = read_split("train", keys)[1]
    assert (second.number, second.optional, second.stages) == ("2", True, ("ATTEMPTED",))
    assert (second.perp_orgs, second.country, second.places) == ((), "PERU", ())
    assert second.physical_targets == (("THE GRAIN SILO",),)


def test_reports_without_an_incident_have_no_template_but_are_messages(keys):
    """A '*' incident type leaves the report out of the templates, not out of the reports scored."""
    assert [t.message for t in read_split("train", keys)] == ["DEV-MUC3-9001", "DEV-MUC3-9001"]
    assert messages("train", keys) == ["DEV-MUC3-9001", "DEV-MUC3-9002"]


def test_the_dev_split_reads_its_own_files(keys):
    """dev reads key-tst* files; a type written 'ATTACK / BOMBING' gives both types."""
    (only,) = read_split("dev", keys)
    assert (only.message, only.types) == ("TST1-MUC3-9100", ("ATTACK", "BOMBING"))
    assert messages("dev", keys) == ["TST1-MUC3-9100"]


def test_an_unknown_split_or_an_empty_folder_is_a_clear_error(tmp_path):
    """The error names the split choices, or the folder where no keys were found."""
    with pytest.raises(ValueError, match="train, dev"):
        read_split("test", tmp_path)
    with pytest.raises(ValueError, match="train, dev"):
        messages("test", tmp_path)
    with pytest.raises(FileNotFoundError, match=str(tmp_path / "train")):
        read_split("train", tmp_path)


def day(y: int, m: int, d: int) -> Bounds:
    return Bounds(D(y, m, d), D(y, m, d), "day")


@pytest.mark.parametrize("value,expected", [
    ("30 DEC 89", (day(1989, 12, 30),)),
    ("04 MARCH 90", (day(1990, 3, 4),)),  # a month written in full
    ("4 Feb 90", (day(1990, 2, 4),)),  # one digit, mixed case
    ("- 16 NOV 89", (Bounds(None, D(1989, 11, 16), "open"),)),  # on or before
    ("-20 MAR 89", (Bounds(None, D(1989, 3, 20), "open"),)),  # on or before, no space
    ("10 NOV 89 - 16 NOV 89", (Bounds(D(1989, 11, 10), D(1989, 11, 16), "interval"),)),
    ("(- 16 NOV 89) / (10 NOV 89 - 16 NOV 89)",
     (Bounds(None, D(1989, 11, 16), "open"), Bounds(D(1989, 11, 10), D(1989, 11, 16), "interval"))),
    ("12 FEB 90 / - 14 FEB 90", (day(1990, 2, 12), Bounds(None, D(1990, 2, 14), "open"))),
    ("-", ()),
    ("*", ()),
    ("", ()),
    ("16 NOV", ()),  # a day without its year is left out, not guessed
    ("- 16 NOV", ()),
    ("NOV 89", ()),  # a month alone gives no day
    ("31 FEB 90", ()),  # no such day
    ("16 NOV / 18 NOV 89", (day(1989, 11, 18),)),  # only the alternative without a year goes
])
def test_parse_date(value, expected):
    """A key's date as one interval per alternative: a day, an open interval, a range; empty fills
    and days without a year give none."""
    assert parse_date(value) == expected


def template(*dates: Bounds) -> Template:
    return Template("M", "1", False, ("ATTACK",), (), dates, (), None, (), (), (), (), ())


@pytest.mark.parametrize("dates,one_day", [
    ((day(1989, 12, 30),), True),
    ((day(1989, 12, 30), day(1989, 12, 31)), True),  # alternatives, each a single day
    ((day(1989, 12, 30), Bounds(None, D(1989, 12, 31), "open")), False),
    ((Bounds(None, D(1989, 12, 31), "open"),), False),
    ((Bounds(D(1989, 12, 1), D(1989, 12, 31), "interval"),), False),
    ((), False),  # no date at all
])
def test_one_day(dates, one_day):
    """Only templates whose every alternative is one day count among the one-day incidents."""
    assert template(*dates).one_day is one_day
