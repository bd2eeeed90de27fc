"""Exports: every format keeps the honest date, escapes hostile text, and the CLI writes them."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from timeline import export
from timeline.cli import main
from timeline.models import Document, Event, Source, Timeline

HOSTILE = '<script>alert("x")</script> **bold** [link](javascript:alert(1))'


def timeline() -> Timeline:
    src = [Source(document="doc", quote="They clashed.")]
    return Timeline(
        title="Test <timeline>",
        documents=[Document(id="doc", title="Daily news", published="2024-01-31", text="They clashed.")],
        events=[
            Event(id="clash", title="Border clash", type="armed_clash", date="2023-09-19",
                  actors=["Armenia", "Azerbaijan"], sources=src),
            Event(id="week", title="Week of withdrawal", type="withdrawal", date="2023-09-11/2023-09-15", sources=src),
            Event(id="month", title="Exercises", type="military_exercise", date="2023-09", sources=src),
            Event(id="truce", title="Truce", type="ceasefire", date="2023-10", sources=src),
            Event(id="before", title="Earlier fighting", type="attack", date="../2024-01-31", date_inferred=True),
            Event(id="maybe", title="Peace treaty", type="agreement", date="2024-01-31/..", modality="hypothetical"),
            Event(id="nodate", title="=HYPERLINK(\"http://x\")", type="statement"),
            Event(id="hostile", title=HOSTILE, type="protest", date="2023-09-20", sources=src),
        ],
    )


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_keeps_edtf_and_bounds_and_defuses_formulas():
    table = {r["id"]: r for r in rows(export.to_csv(timeline()))}
    assert table["month"]["date"] == "2023-09"
    assert (table["month"]["earliest"], table["month"]["latest"], table["month"]["precision"]) == \
        ("2023-09-01", "2023-09-30", "month")
    assert table["before"]["earliest"] == "" and table["before"]["latest"] == "2024-01-31"
    assert table["clash"]["actors"] == "Armenia; Azerbaijan"
    assert table["nodate"]["title"].startswith("'=")  # a spreadsheet shows it, never runs it


def test_json_round_trips_with_bounds():
    data = json.loads(export.to_json(timeline()))
    again = Timeline.model_validate({**data, "events": [{k: v for k, v in e.items() if k != "bounds"}
                                                        for e in data["events"]]})
    assert again == timeline()
    assert data["events"][4]["bounds"] == {"earliest": None, "latest": "2024-01-31", "precision": "open"}


def test_plover_has_only_events_that_happened():
    records = [json.loads(line) for line in export.to_plover(timeline()).splitlines()]
    ids = [r["id"] for r in records]
    assert "maybe" not in ids  # hypothetical
    clash = records[ids.index("clash")]
    assert (clash["event_type"], clash["event_date"], clash["story_date"]) == ("ASSAULT", "2023-09-19", "2024-01-31")
    assert records[ids.index("truce")]["mode"] == ["ceasefire"]
    before = records[ids.index("before")]
    assert before["event_date"] is None and before["event_date_latest"] == "2024-01-31"


def test_acled_time_precision_follows_the_interval():
    table = {r["event_id_cnty"]: r for r in rows(export.to_acled(timeline()))}
    assert (table["clash"]["event_date"], table["clash"]["time_precision"]) == ("2023-09-19", "1")
    assert (table["week"]["event_date"], table["week"]["time_precision"]) == ("2023-09-13", "2")  # middle of it
    assert table["truce"]["time_precision"] == "3"
    assert table["before"]["time_precision"] == "3" and table["before"]["timeline_date"] == "../2024-01-31"
    assert "maybe" not in table and "month" not in table  # not happened / no ACLED category
    assert table["truce"]["event_type"] == "Strategic developments"


def test_timelinejs_escapes_html_and_skips_undated():
    data = json.loads(export.to_timelinejs(timeline()))
    ids = [e["unique_id"] for e in data["events"]]
    assert "nodate" not in ids
    week = data["events"][ids.index("week")]
    assert week["start_date"] == {"year": 2023, "month": 9, "day": 11} and week["end_date"]["day"] == 15
    text = json.dumps(data)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert data["title"]["text"]["headline"] == "Test &lt;timeline&gt;"


def test_html_is_standalone_and_escaped():
    page = export.to_html(timeline())
    assert re.search(r"<script[^>]*\bsrc=", page) is None  # plotly.js inlined, nothing fetched: works offline
    assert "Plotly.newPlot" in page and len(page) > 1_000_000
    assert HOSTILE not in page and "&lt;script&gt;alert" in page


def test_unknown_format_is_a_clear_error():
    with pytest.raises(ValueError, match="choose one of"):
        export.export(timeline(), "xml")


def test_cli_writes_every_format(tmp_path: Path):
    src = Path(__file__).resolve().parents[1] / "events.yaml"
    for fmt in ("csv", "json", "plover", "acled", "timelinejs"):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", str(src), "--format", fmt, "-o", str(out)]) == 0
        assert out.stat().st_size > 100


def test_cli_reports_a_bad_file(tmp_path: Path, capsys):
    bad = tmp_path / "events.yaml"
    bad.write_text("events:\n  - id: x\n    title: [unclosed\n", encoding="utf-8")
    assert main(["export", str(bad), "--format", "csv"]) == 1
    assert "events.yaml" in capsys.readouterr().err
