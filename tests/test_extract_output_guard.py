"""`timeline extract -o FILE` never overwrites a person's work, and checks its target first.

A user who types -o where --into was meant would lose every curated event; an --into file that
does not load is reported before any article is read, not after minutes of extraction.
"""

from __future__ import annotations

import os

import pytest

from timeline import cli
from timeline.cli import main

ARTICLE = ("HARBOURTOWN, 3 June 2031 - Gunmen attacked a police post in Harbourtown on Monday, "
           "killing two officers, the interior ministry said.\n")
CURATED = """events:
  - id: post-attack
    title: Gunmen attack a police post
    type: attack
    date: 2031-06-02
    curated: true
"""


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "post.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_output_refuses_a_file_with_curated_events(tmp_path, article, capsys):
    target = tmp_path / "events.yaml"
    target.write_text(CURATED, encoding="utf-8")
    assert main(["extract", str(article), "--no-progress", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "1 curated or hand-written event;" in err and f"--into {target}" in err
    assert target.read_text(encoding="utf-8") == CURATED


def test_output_replaces_its_own_earlier_output(tmp_path, article, capsys):
    target = tmp_path / "extracted.yaml"
    assert main(["extract", str(article), "--no-progress", "-o", str(target)]) == 0
    first = target.read_text(encoding="utf-8")
    assert "events:" in first
    assert main(["extract", str(article), "--no-progress", "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8") == first
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_output_refuses_a_file_that_is_not_a_timeline(tmp_path, article, capsys):
    target = tmp_path / "notes.txt"
    target.write_text("my notes on the harbour\n", encoding="utf-8")
    assert main(["extract", str(article), "--no-progress", "-o", str(target)]) == 1
    assert "not a timeline" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my notes on the harbour\n"


def test_broken_into_file_reported_before_extraction(tmp_path, article, capsys, monkeypatch):
    target = tmp_path / "events.yaml"
    target.write_text(CURATED.replace("type: attack", "type: atack"), encoding="utf-8")
    monkeypatch.setattr(cli, "_read_articles", lambda *a: pytest.fail("articles read before the target was checked"))
    assert main(["extract", str(article), "--no-progress", "--into", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{target}:4:5: events[0].type: unknown event type 'atack'" in err


def test_failed_output_write_keeps_the_old_file(tmp_path, article, monkeypatch):
    target = tmp_path / "extracted.yaml"
    assert main(["extract", str(article), "--no-progress", "-o", str(target)]) == 0
    before = target.read_bytes()
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(OSError(28, "No space left on device")))
    assert main(["extract", str(article), "--no-progress", "--published", "2031-06-04", "-o", str(target)]) == 1
    assert target.read_bytes() == before
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]


def test_output_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, article):
    target = tmp_path / "extracted.yaml"
    link = tmp_path / "current.yaml"
    link.symlink_to(target.name)
    assert main(["extract", str(article), "--no-progress", "-o", str(link)]) == 0
    assert link.is_symlink() and "events:" in target.read_text(encoding="utf-8")
    assert main(["export", str(link), "--format", "csv", "-o", str(link.with_suffix(".csv"))]) == 0
    csv_link = tmp_path / "latest.csv"
    csv_link.symlink_to("current.csv")
    assert main(["export", str(link), "--format", "csv", "-o", str(csv_link)]) == 0
    assert csv_link.is_symlink() and (tmp_path / "current.csv").read_text(encoding="utf-8").startswith("id,")


def test_output_to_a_device_is_written_in_place(article, capsys):
    """'-o /dev/stdout' cannot be replaced by a temp file (its folder is /dev or /proc): it is written."""
    assert main(["extract", str(article), "--no-progress", "-o", os.devnull]) == 0
    assert f"{os.devnull}: 1 event written" in capsys.readouterr().err
    assert os.path.exists(os.devnull) and not os.path.isfile(os.devnull)
