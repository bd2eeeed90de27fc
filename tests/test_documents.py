"""Reading articles: text, Markdown, HTML, JSON lines, folders and stdin."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest

from timeline.documents import DocumentError, for_storage, guess_format, read_path, read_text
from timeline.ids import document_id


def test_plain_text_keeps_file_text_and_finds_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Headline\n\nSite Updated on 2024-01-31\n\nTroops withdrew.\n", encoding="utf-8")
    [doc] = read_path(path)
    assert doc.id == document_id("a", doc.text) and doc.id.startswith("a-")
    assert doc.text == path.read_text(encoding="utf-8") and doc.origin == str(path)
    assert doc.published == dt.date(2024, 1, 31)


def test_given_date_wins(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("# Title\n\nUpdated on 2024-01-31\n", encoding="utf-8")
    [doc] = read_path(path, published=dt.date(2020, 5, 1))
    assert doc.published == dt.date(2020, 5, 1)


def test_jsonl_one_document_per_line(tmp_path):
    rows = [{"id": "x1", "published": "1990-01-03", "title": "T", "text": "Rebels attacked a post."},
            {"id": "x2", "text": "Troops withdrew."}]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = read_path(path)
    assert [d.id for d in docs] == ["x1", "x2"] and docs[0].published == dt.date(1990, 1, 3)
    assert docs[0].title == "T" and docs[0].origin is None


def test_bad_jsonl_line_names_file_and_line_and_keeps_the_others(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "ok"}\nnot json\n{"text": "also ok"}\n', encoding="utf-8")
    warnings: list[str] = []
    docs = read_path(path, warn=warnings.append)
    assert [d.text for d in docs] == ["ok", "also ok"]
    assert len(warnings) == 1 and re.search(r"d.jsonl:2: not a JSON object .*; line skipped", warnings[0])


def test_bad_published_value_is_reported():
    warnings: list[str] = []
    assert read_text('{"text": "a", "published": "yesterday"}', "s", "jsonl", warn=warnings.append) == []
    assert warnings == ["s:1: published: must be YYYY-MM-DD, not 'yesterday'; line skipped"]


def test_a_json_lines_own_date_wins_over_the_callers():
    text = '{"id": "a", "published": "1990-01-03", "text": "x"}\n{"id": "b", "text": "y"}\n'
    docs = read_text(text, "s", "jsonl", published=dt.date(2020, 5, 1))
    assert [d.published for d in docs] == [dt.date(1990, 1, 3), dt.date(2020, 5, 1)]


def test_html_main_text_without_navigation():
    html = ("<html><head><title>Clash</title><meta property='article:published_time' content='2023-09-19'></head>"
            "<body><nav>Home | Related Pages</nav><article><p>" + "Azerbaijan launched an attack on the region. " * 6
            + "</p></article><footer>Copyright</footer></body></html>")
    [doc] = read_text(html, "h", "html")
    assert "Azerbaijan launched an attack" in doc.text and "Related Pages" not in doc.text
    assert doc.published == dt.date(2023, 9, 19)


def test_folder_is_read_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "two.md").write_text("B text.", encoding="utf-8")
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    assert sorted(d.id.split("-")[0] for d in read_path(tmp_path)) == ["one", "two"]


def test_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"id": "s1", "text": "Troops withdrew."}\n'))
    assert [d.id for d in read_path("-")] == ["s1"]


def test_missing_path_is_a_clear_error(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_path(tmp_path / "nope.txt")


def test_guess_format():
    assert guess_format("x.htm") == "html" and guess_format("", '{"text": 1}') == "jsonl"
    assert guess_format("", "plain words") == "text"


def test_for_storage_points_at_file(tmp_path):
    path = tmp_path / "art" / "a.txt"
    path.parent.mkdir()
    path.write_text("Text.", encoding="utf-8")
    [doc] = read_path(path)
    stored = for_storage(doc, tmp_path / "out", root=tmp_path)
    assert stored.origin == "../art/a.txt" and stored.text is None


def test_headline_becomes_the_title(tmp_path):
    path = tmp_path / "h.md"
    path.write_text("# Rebels take the town\n\nRebels captured the town of Gao on Monday.\n", encoding="utf-8")
    [doc] = read_path(path)
    assert doc.title == "Rebels take the town"
