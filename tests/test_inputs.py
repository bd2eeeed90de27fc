"""Input that does nothing is said, and reading nothing at all is an error, never "0 added"."""

from __future__ import annotations

from pathlib import Path

from timeline.cli import main

ARTICLE = "Azerbaijani forces attacked Stepanakert on 19 September 2023.\n"


def _extract(*argv: str) -> int:
    return main(["extract", *argv, "--no-progress"])


def test_an_empty_folder_is_an_error_and_nothing_is_written(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    for target in (["--into", str(tmp_path / "events.yaml")], ["-o", str(tmp_path / "out.yaml")]):
        assert _extract(str(tmp_path / "empty"), *target) == 1
        err = capsys.readouterr().err
        assert "no articles in this folder" in err and "nothing was written" in err
    assert not (tmp_path / "events.yaml").exists() and not (tmp_path / "out.yaml").exists()


def test_files_of_other_types_in_a_folder_are_counted_by_suffix(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "in" / "scan.pdf").write_bytes(b"%PDF")
    (tmp_path / "in" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    assert _extract(str(tmp_path / "in"), "--published", "2023-09-21", "-o", str(tmp_path / "out.yaml")) == 0
    err = capsys.readouterr().err
    assert "skipped 2 file(s)" in err and ".docx" in err and ".pdf" in err


def test_an_empty_file_is_said_and_reading_nothing_fails(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    assert _extract(str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out.yaml")) == 1
    err = capsys.readouterr().err
    assert "empty.txt: empty" in err and not (tmp_path / "out.yaml").exists()


def test_an_empty_file_beside_an_article_is_said_and_the_article_read(tmp_path, capsys):
    (tmp_path / "empty.md").write_text("", encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    assert _extract(str(tmp_path / "empty.md"), str(tmp_path / "article.txt"), "--published", "2023-09-21",
                    "-o", str(tmp_path / "out.yaml")) == 0
    assert "empty.md: empty" in capsys.readouterr().err


def test_yesterday_without_any_publication_date_warns(tmp_path, capsys):
    path = tmp_path / "undated.txt"
    path.write_text("Russian forces attacked the town yesterday, officials said.\n", encoding="utf-8")
    assert _extract(str(path), "-o", str(tmp_path / "out.yaml")) == 0
    err = capsys.readouterr().err
    assert "no publication date" in err and "undated.txt" in err and "--published" in err
    assert _extract(str(path), "--published", "2024-01-31", "-o", str(tmp_path / "out.yaml")) == 0
    assert "no publication date" not in capsys.readouterr().err


def test_an_empty_json_line_is_said(tmp_path, capsys):
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "a", "text": ""}\n{"id": "b", "text": "Rebels attacked a post on Monday."}\n',
                    encoding="utf-8")
    assert _extract(str(path), "--published", "2024-01-31", "-o", str(tmp_path / "out.yaml")) == 0
    assert "docs.jsonl:1: empty text" in capsys.readouterr().err


def test_the_app_says_an_empty_upload_is_empty():
    from timeline import dashboard

    docs, errors = dashboard.read_uploads([("blank.txt", b"   ")])
    assert not docs and errors == ["blank.txt: empty, nothing to read"]


def test_reading_nothing_from_stdin_is_an_error(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert _extract("-", "-o", str(tmp_path / "out.yaml")) == 1
    assert "stdin: empty" in capsys.readouterr().err and not Path(tmp_path / "out.yaml").exists()
