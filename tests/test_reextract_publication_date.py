"""An article first extracted without a publication date (its dateline has no year) and then
again with --published: the listed article takes the date, so the timeline says what its events
were dated from, and a later run without --published reads the article with that date instead of
undoing the events' dates. A date the file already gives is never replaced."""

from __future__ import annotations

import datetime as dt

from timeline import store
from timeline.cli import main
from timeline.merge import MergeReport, merge
from timeline.models import Document, Timeline

ARTICLE = ("Militia burns market in Ashford\n\nASHFORD, May 4 - Militia fighters burned the main market in "
           "Ashford on Monday, officials said on Tuesday.\n")


def _extract(tmp_path, *extra: str) -> int:
    return main(["extract", str(tmp_path / "market.txt"), "--no-progress", "--into", str(tmp_path / "events.yaml"), *extra])


def test_the_date_is_added_then_used(tmp_path, capsys):
    (tmp_path / "market.txt").write_text(ARTICLE, encoding="utf-8")
    assert _extract(tmp_path) == 0
    assert store.load(tmp_path / "events.yaml").timeline.documents[0].published is None
    assert _extract(tmp_path, "--published", "2031-05-04") == 0
    assert "publication date added to 1 listed article" in capsys.readouterr().err
    dated = store.load(tmp_path / "events.yaml").timeline
    assert dated.documents[0].published == dt.date(2031, 5, 4)
    before = (tmp_path / "events.yaml").read_bytes()
    assert _extract(tmp_path) == 0  # no --published: the listed date is the article's
    err = capsys.readouterr().err
    assert "read with the publication date 2031-05-04 that" in err and "nothing new, file left as it was" in err
    assert "no publication date found" not in err and (tmp_path / "events.yaml").read_bytes() == before


def test_a_listed_date_is_never_replaced():
    listed = Timeline(documents=[Document(id="market", text=ARTICLE, published=dt.date(2031, 5, 4))])
    again = Timeline(documents=[Document(id="market", text=ARTICLE, published=dt.date(2031, 6, 1))])
    merged, report = merge(listed, again)
    assert merged.documents[0].published == dt.date(2031, 5, 4) and report.dated_documents == []


def test_the_same_text_under_another_name_is_dated_too():
    listed = Timeline(documents=[Document(id="market", text=ARTICLE)])
    pasted = Timeline(documents=[Document(id="pasted-1", text=ARTICLE, published=dt.date(2031, 5, 4))])
    merged, report = merge(listed, pasted)
    assert [d.id for d in merged.documents] == ["market"] and merged.documents[0].published == dt.date(2031, 5, 4)
    assert report.dated_documents == ["market"] and report.words(True).endswith("publication date added to 1 listed article")


def test_the_count_of_dated_articles_reads_as_english():
    """One listed article, two listed articles: the CLI, the app and promote print the same words."""
    assert MergeReport(dated_documents=["a", "b"]).words(True).endswith("publication date added to 2 listed articles")
    assert "publication date" not in MergeReport().words(True)


def test_articles_listed_outside_the_file_s_folder_are_read_inside_root(tmp_path, capsys):
    """With --root, the listed article lies outside the timeline's folder: it is still recognised, so
    a run without --published keeps the dates instead of undoing them (it once read none of it)."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "articles" / "market.txt").write_text(ARTICLE, encoding="utf-8")
    into = tmp_path / "out" / "events.yaml"
    args = ["extract", str(tmp_path / "articles" / "market.txt"), "--no-progress", "--into", str(into), "--root", str(tmp_path)]
    assert main([*args, "--published", "2031-05-04"]) == 0
    before = into.read_bytes()
    capsys.readouterr()
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "read with the publication date 2031-05-04 that" in err and "nothing new, file left as it was" in err
    assert into.read_bytes() == before
