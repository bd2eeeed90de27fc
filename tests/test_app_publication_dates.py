"""Articles extracted without a publication date (datelines without a year): the page says how many,
and the Extract tab takes a date per article and reads them again, with the very result of writing
'published:' under each in the file and running `timeline extract ... --into` (curated kept)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline import redate, store
from timeline.cli import main

APP = str(Path(__file__).resolve().parents[1] / "app.py")
ARTICLES = {
    "market.txt": "Militia burns market in Ashford\n\nASHFORD, May 4 - Militia fighters burned the main market "
                  "in Ashford on Monday, officials said on Tuesday.\n",
    "bridge.txt": "Rebels blow up bridge near Corran\n\nCORRAN, June 9 - Rebels blew up a road bridge near Corran "
                  "on Sunday, the army said.\n",
}
DAYS = {"market.txt": "2031-05-04", "bridge.txt": "2031-06-09"}


def _folder(path: Path) -> Path:
    path.mkdir()
    for name, text in ARTICLES.items():
        (path / name).write_text(text, encoding="utf-8")
    assert main(["extract", *(str(path / n) for n in ARTICLES), "--no-progress", "-o", str(path / "events.yaml")]) == 0
    return path / "events.yaml"


def _by_hand(target: Path) -> None:
    """The command-line route: a 'published:' line under each article, then extract --into."""
    text = target.read_text(encoding="utf-8")
    for name, day in DAYS.items():
        text = text.replace(f"origin: {name}\n", f"origin: {name}\n    published: {day}\n")
    target.write_text(text, encoding="utf-8")
    assert main(["extract", *(str(target.parent / n) for n in ARTICLES), "--no-progress", "--into", str(target)]) == 0


@pytest.fixture
def two_files(tmp_path, monkeypatch):
    in_app, by_hand = _folder(tmp_path / "app"), _folder(tmp_path / "cli")
    monkeypatch.setenv("TIMELINE_FILE", str(in_app))
    return in_app, by_hand


def test_dates_set_in_the_app_equal_the_command_line_route(two_files):
    in_app, by_hand = two_files
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert any("2 of 2 articles have no publication date" in c.value for c in at.caption)
    docs = {Path(d.origin).name: d.id for d in store.load(in_app).timeline.documents}
    for name, day in DAYS.items():
        at.date_input(key=f"pub_{docs[name]}").set_value(day)
    next(b for b in at.button if b.label == "Set these dates and read the articles again").click().run()
    assert any("publication date set for 2 articles" in s.value for s in at.success)
    assert not any("no publication date" in c.value for c in at.caption)
    _by_hand(by_hand)
    got, want = store.load(in_app).timeline, store.load(by_hand).timeline
    assert [d.published for d in got.documents] == [d.published for d in want.documents]
    assert got.events == want.events and any(e.date == "2031-04-28" for e in got.events)


def test_no_date_given_changes_nothing(two_files):
    in_app, _ = two_files
    before = in_app.read_bytes()
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    next(b for b in at.button if b.label == "Set these dates and read the articles again").click().run()
    assert any("nothing was changed" in w.value for w in at.warning)
    assert in_app.read_bytes() == before


def test_an_article_that_cannot_be_read_is_named_and_keeps_no_date(tmp_path):
    target = _folder(tmp_path / "gone")
    (tmp_path / "gone" / "bridge.txt").unlink()
    timeline = store.load(target).timeline
    days = {d.id: dt.date(2031, 6, 9) for d in timeline.documents if d.origin == "bridge.txt"}
    done = redate.redate(timeline, days, target.parent)
    assert len(done.unread) == 1 and "article not found" in done.unread[0] and "its date was not set" in done.unread[0]
    assert done.timeline == timeline


def test_the_page_note_counts_articles():
    from timeline.models import Document, Timeline

    one = Timeline(documents=[Document(id="a", text="x")])
    assert redate.summary(one).startswith("The article has no publication date")
    dated = Timeline(documents=[Document(id="a", text="x", published="2031-01-01")])
    assert redate.summary(dated) is None


def test_a_file_of_many_undated_articles_lists_a_page_of_them(tmp_path, monkeypatch):
    """An archive's file may list thousands of undated articles: one form holds the first 40 boxes."""
    docs = "".join(f"  - id: wire-{n}\n    text: Gunmen raided depot number {n}.\n" for n in range(45))
    path = tmp_path / "events.yaml"
    path.write_text(f"documents:\n{docs}events: []\n", encoding="utf-8")
    monkeypatch.setenv("TIMELINE_FILE", str(path))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    assert len([d for d in at.date_input if d.key and d.key.startswith("pub_")]) == 40
    assert any("The first 40 are listed" in c.value for c in at.caption)
