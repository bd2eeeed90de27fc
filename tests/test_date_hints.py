"""A date EDTF does not read, as a person writes it in events.yaml ('19 December 2018', '2018-12-19
to 2018-12-21', 'before ...'), gets what to write instead after the parser's message
(timeline/date_hints.yaml), each example tried; the line and column stay first."""

from __future__ import annotations

import pytest

from timeline import date_hints, dates
from timeline.cli import main

EXAMPLES = date_hints.words()["examples"]


@pytest.mark.parametrize("typed", list(EXAMPLES))
def test_each_example_gets_its_hint(typed):
    assert date_hints.hint(typed) == EXAMPLES[typed]


@pytest.mark.parametrize("typed", list(EXAMPLES))
def test_every_example_is_a_date_the_parser_refuses(typed):
    with pytest.raises(dates.DateError):
        dates.parse(typed)


@pytest.mark.parametrize("typed", ["yesterday", "soon", "2018-12-19 or so", "32 December 2018", "Smarch 2018"])
def test_no_guess_without_a_likely_meaning(typed):
    assert date_hints.hint(typed) is None


def test_every_suggested_date_reads():
    for hint in EXAMPLES.values():
        if hint.startswith("write ") and " if " not in hint:
            dates.parse(hint.removeprefix("write ").split(" (")[0].split(": ")[-1])


def test_validate_shows_line_column_and_what_to_write(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text("events:\n  - id: raid\n    title: Raid on the depot\n    type: attack\n"
                    "    date: 3 March 2031\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.startswith(f"{path}:5:5: events[0].date: '3 March 2031' is not a valid EDTF date")
    assert first.endswith("; write 2031-03-03")


def test_a_publication_date_gets_a_day_hint_only(tmp_path, capsys):
    """A 'published:' line (one day) gets the day a person meant, never a month or an interval."""
    path = tmp_path / "events.yaml"
    path.write_text("documents:\n  - id: wire\n    text: Gunmen raided a depot.\n    published: Dec 19 2031\n"
                    "  - id: other\n    text: Rebels shelled a town.\n    published: 2031-02-29\nevents: []\n",
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"{path}:4:5: documents[0].published: 'Dec 19 2031' is not a date like 2024-01-31; write 2031-12-19"
    assert err[1] == f"{path}:7:5: documents[1].published: '2031-02-29' is not a date like 2024-01-31; February 2031 has 28 days"
    assert date_hints.day_hint("December 2031") is None and date_hints.day_hint("2031-12-19 to 2031-12-21") is None
