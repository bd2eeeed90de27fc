"""Re-extracting articles already merged leaves the timeline file untouched (bytes and mtime)
and says so, rather than reporting '0 added' after rewriting the file."""

from __future__ import annotations

import os

from timeline.cli import main

ARTICLE = ("RIVERTON, 9 August 2031 - Soldiers arrested six protesters in Riverton on Friday, "
           "a human rights group said.\n")


def test_second_merge_writes_nothing(tmp_path, capsys):
    article = tmp_path / "arrests.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / "events.yaml"
    assert main(["extract", str(article), "--no-progress", "--into", str(target)]) == 0
    assert "1 event written" in capsys.readouterr().err
    os.utime(target, (1_000_000_000, 1_000_000_000))
    before = target.read_bytes()
    assert main(["extract", str(article), "--no-progress", "--into", str(target)]) == 0
    err = capsys.readouterr().err
    assert f"{target}: nothing new, file left as it was" in err and "added" not in err
    assert target.read_bytes() == before and target.stat().st_mtime == 1_000_000_000


def test_a_new_article_is_still_merged(tmp_path, capsys):
    first, second = tmp_path / "arrests.txt", tmp_path / "release.txt"
    first.write_text(ARTICLE, encoding="utf-8")
    second.write_text("RIVERTON, 12 August 2031 - The six protesters were released on Monday, their lawyer said.\n",
                      encoding="utf-8")
    target = tmp_path / "events.yaml"
    assert main(["extract", str(first), "--no-progress", "--into", str(target)]) == 0
    assert main(["extract", str(second), "--no-progress", "--into", str(target)]) == 0
    err = capsys.readouterr().err
    assert "nothing new" not in err and "added" in err and "release" in target.read_text(encoding="utf-8")
