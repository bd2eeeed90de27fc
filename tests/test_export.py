"""Exports: every format keeps the honest date, escapes hostile text, counts what it wrote, and the
CLI says so. PLOVER and ACLED conformance have their own files; rendering in a real browser is in
test_export_browser.py."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from timeline import export, store
from timeline.cli import EXPORT_FORMATS, main
from timeline.export_viewers import ORDER_GROUP, STEP, place
from timeline.filters import hover_text
from timeline.models import Document, Event, Source, Timeline

HOSTILE = '<script>alert("x")</script> **bold** [link](javascript:alert(1))'


def timeline() -> Timeline:
    src = [Source(document="doc", quote="They clashed.")]
    return Timeline(
        title='Test <timeline> "quoted"',
        documents=[Document(id="doc", title="Daily news", published="2024-01-31", text="They clashed.")],
        events=[
            Event(id="clash", title="Border clash", type="armed_clash", date="2023-09-19",
                  actors=["Armenia", "Azerbaijan"], sources=src),
            Event(id="week", title="Week of withdrawal", type="withdrawal", date="2023-09-11/2023-09-15", sources=src),
            Event(id="month", title="Exercises", type="military_exercise", date="2023-09", sources=src),
            Event(id="truce", title="Truce", type="ceasefire", date="2023-10", sources=src),
            Event(id="before", title="Earlier fighting", type="attack", date="../2024-01-31", date_inferred=True,
                  relations=[{"relation": "before", "target": "first"}]),
            Event(id="first", title="Then talks", type="negotiation", date="../2024-01-31", date_inferred=True),
            Event(id="maybe", title="Peace treaty", type="agreement", date="2024-01-31/..", modality="hypothetical"),
            Event(id="nodate", title="=HYPERLINK(\"http://x\")", type="statement"),
            Event(id="hostile", title=HOSTILE, type="protest", date="2023-09-20", sources=src),
        ],
    )


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_keeps_edtf_and_bounds_and_defuses_formulas():
    written = export.write(timeline(), "csv")
    table = {r["id"]: r for r in rows(written.text)}
    assert (table["month"]["date"], table["month"]["earliest"], table["month"]["latest"], table["month"]["precision"]) \
        == ("2023-09", "2023-09-01", "2023-09-30", "month")
    assert table["before"]["earliest"] == "" and table["before"]["latest"] == "2024-01-31"
    assert table["clash"]["actors"] == "Armenia; Azerbaijan"
    assert table["nodate"]["title"].startswith("'=")  # a spreadsheet shows it, never runs it
    assert written.count == 9 and written.summary() == "9 rows from 9 events"


def test_json_round_trips_with_bounds():
    data = json.loads(export.export(timeline(), "json"))
    again = Timeline.model_validate({**data, "events": [{k: v for k, v in e.items() if k != "bounds"}
                                                        for e in data["events"]]})
    assert again == timeline()
    assert data["events"][4]["bounds"] == {"earliest": None, "latest": "2024-01-31", "precision": "open"}


def test_timelinejs_spans_closed_windows_and_places_open_ones_by_order():
    data = json.loads(export.export(timeline(), "timelinejs"))
    slides = {s["unique_id"]: s for s in data["events"]}
    assert slides["week"]["start_date"] == {"year": 2023, "month": 9, "day": 11} and slides["week"]["end_date"]["day"] == 15
    assert slides["month"]["end_date"] == {"year": 2023, "month": 9, "day": 30}  # a month is a span, not a point
    assert "end_date" not in slides["clash"]
    before, first = slides["before"], slides["first"]
    assert before["group"] == first["group"] == ORDER_GROUP and before["display_date"].startswith("on or before")
    assert (before["start_date"]["day"], before["start_date"]["month"]) != (31, 1)  # not a point at its known end
    assert [before["start_date"], first["start_date"]] == sorted([before["start_date"], first["start_date"]],
                                                                 key=lambda d: (d["year"], d["month"], d["day"]))
    assert data["eras"][0]["text"]["headline"] == "Order from the text, not dates"
    text = json.dumps(data)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert data["title"]["text"]["headline"] == "Test &lt;timeline&gt; &quot;quoted&quot;"


def test_open_events_are_one_step_apart_in_the_texts_order_and_before_their_bound():
    placed = {p.event.id: p for p in place(timeline())}
    assert placed["before"].by_order and placed["first"].by_order and placed["maybe"].by_order
    assert placed["first"].start - placed["before"].start == STEP  # 'before' precedes 'first' (relation)
    assert placed["first"].start < placed["first"].window.latest
    assert placed["maybe"].start > placed["maybe"].window.earliest  # open at the end: after its bound
    assert not placed["week"].by_order and placed["week"].end.isoformat() == "2023-09-15"


def test_vis_items_leave_type_to_vis_and_end_at_the_end_of_their_last_day():
    written = export.write(timeline(), "vis")
    data = json.loads(written.text)
    items = {i["id"]: i for i in data["items"]}
    assert all("type" not in i for i in data["items"])
    assert all(i.keys() <= {"id", "content", "start", "end", "group", "title", "className"} for i in data["items"])
    assert (items["week"]["start"], items["week"]["end"]) == ("2023-09-11", "2023-09-16")
    assert (items["month"]["start"], items["month"]["end"]) == ("2023-09-01", "2023-10-01")
    assert "end" not in items["clash"] and items["before"]["className"] == "date-unknown"
    assert {g["id"] for g in data["groups"]} == {i["group"] for i in data["items"]}
    assert "&lt;script&gt;" in items["hostile"]["content"] and "<script>" not in written.text
    assert written.count == 9 and "placed in the text's order" in written.summary()


def test_html_is_standalone_escaped_and_titled_once():
    page = export.export(timeline(), "html")
    assert re.search(r"<script[^>]*\bsrc=", page) is None  # plotly.js inlined, nothing fetched: works offline
    assert "Plotly.newPlot" in page and len(page) > 1_000_000
    assert HOSTILE not in page and "&lt;script&gt;alert" in page
    assert page.count("Test &lt;timeline&gt;") == 2  # <title> and <h1>; the chart has no title of its own
    assert "&amp;quot;" not in page and "&quot;quoted&quot;" not in page.split("<body>")[1].split("</h1>")[1]


def test_plotly_text_escapes_tags_but_not_quotes():
    event = Event(id="q", title='He said "no" & <b>left</b>', type="statement", date="2023-09-19")
    hover = hover_text(event)
    assert '"no"' in hover and "&quot;" not in hover and "&lt;b&gt;" in hover and "&amp;" in hover


def test_the_cli_offers_every_format():
    assert set(EXPORT_FORMATS) == set(export.FORMATS)


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="choose one of"):
        export.export(timeline(), "xml")


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "events.yaml"
    path.write_text(store.dumps(timeline()), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", list(export.FORMATS))
def test_cli_writes_every_format_and_says_what_it_wrote(fmt: str, tmp_path: Path, capsys):
    out = tmp_path / f"out.{fmt}"
    assert main(["export", str(_file(tmp_path)), "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 100
    message = capsys.readouterr().err
    written = export.write(store.load(_file(tmp_path)).timeline, fmt)
    assert message.startswith(f"wrote {out} ({fmt}): {written.count} ") and "17 events" not in message
    for ids in written.left_out.values():
        assert all(i in message for i in ids)


def test_cli_counts_records_not_events(tmp_path: Path, capsys):
    assert main(["export", str(_file(tmp_path)), "--format", "acled", "-o", str(tmp_path / "a.csv")]) == 0
    err = capsys.readouterr().err
    assert "4 ACLED rows from 9 events; 5 left out:" in err
    assert "dated less precisely than a month (ACLED's coarsest time precision): before" in err


def test_cli_fails_when_nothing_can_be_written(tmp_path: Path, capsys):
    only_words = Timeline(events=[Event(id="said", title="Said", type="statement", date="2023-09-19")])
    path = tmp_path / "events.yaml"
    path.write_text(store.dumps(only_words), encoding="utf-8")
    assert main(["export", str(path), "--format", "acled", "-o", str(tmp_path / "a.csv")]) == 1
    assert "nothing written (acled): 0 ACLED rows from 1 event" in capsys.readouterr().err
    assert not (tmp_path / "a.csv").exists()


def test_cli_reports_a_bad_file(tmp_path: Path, capsys):
    bad = tmp_path / "events.yaml"
    bad.write_text("events:\n  - id: x\n    title: [unclosed\n", encoding="utf-8")
    assert main(["export", str(bad), "--format", "csv"]) == 1
    assert "events.yaml" in capsys.readouterr().err


def test_international_codes_name_organisations_of_the_lexicon():
    """export_lexicons.yaml's UNO/EUR/IGO/NGO/IMG lists use organisations.yaml's canonical names, and
    an alias gets its organisation's code ('MONUSCO' by its full name)."""
    from timeline.export_common import international_code, lexicons
    from timeline.extract import lexicon

    canonical = {o["name"] for o in lexicon.load("organisations")["organisations"]}
    listed = [name for names in lexicons()["international"]["codes"].values() for name in names]
    assert [name for name in listed if name not in canonical] == []
    for example in lexicons()["international"]["examples"]:
        assert international_code(example["actor"]) == example["code"]
