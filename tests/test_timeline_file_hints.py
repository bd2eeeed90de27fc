"""A missing timeline or an article given where the timeline belongs says what to run instead,
for every command that opens a timeline and for the app before its server starts."""

from __future__ import annotations

import pytest

from timeline.cli import main

ARTICLE = "PORTVILLE, 5 May 2031 - Rebels shelled the port on Sunday, officials said.\n"


@pytest.mark.parametrize("command", [["validate"], ["show"], ["narrow"], ["export", "-f", "csv"]])
def test_missing_default_file_names_the_way_to_make_one(tmp_path, monkeypatch, capsys, command):
    monkeypatch.chdir(tmp_path)
    assert main(command) == 1
    err = capsys.readouterr().err
    assert "events.yaml: no such file" in err and "timeline extract ARTICLE -o events.yaml" in err


@pytest.mark.parametrize("command", [["validate"], ["show"]])
def test_article_given_as_timeline(tmp_path, capsys, command):
    article = tmp_path / "shelling.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(command + [str(article)]) == 1
    err = capsys.readouterr().err
    assert f"{article}:1:1: the top level must be a mapping" in err
    assert f"looks like an article, not a timeline: run 'timeline extract {article} -o events.yaml'" in err


def test_app_refuses_an_article_before_serving(tmp_path, capsys, monkeypatch):
    import os

    article = tmp_path / "shelling.md"
    article.write_text("# Port shelled\n\n" + ARTICLE, encoding="utf-8")
    monkeypatch.setattr(os, "execv", lambda *a: pytest.fail("the server was started"))
    assert main(["app", str(article)]) == 1
    assert "looks like an article" in capsys.readouterr().err


def test_timeline_with_a_text_suffix_still_loads(tmp_path, capsys):
    path = tmp_path / "timeline.txt"
    path.write_text("events:\n  - {id: shelling, title: The port is shelled, type: shelling, date: 2031-05-04}\n",
                    encoding="utf-8")
    assert main(["validate", str(path)]) == 0
    assert "article" not in capsys.readouterr().err
