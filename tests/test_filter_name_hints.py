"""A --actor or --place that matches nothing because names match exactly (case included) gets
the names the timeline holds that were likely meant, on show and export, file and store."""

from __future__ import annotations

import pytest

from timeline.cli import main
from timeline.namehints import near_names

ARTICLE = "The Southern Brigade shelled the Harrow valley on 2 March 2022, killing four people, officials said."


def test_near_names_prefers_case_then_containment_then_spelling():
    known = ["Southern Brigade", "Northern Front", "Harrow Valley"]
    assert near_names("southern brigade", known) == ["Southern Brigade"]
    assert near_names("northern", known) == ["Northern Front"]
    assert near_names("Nothern Frnt", known) == ["Northern Front"]
    assert near_names("Eastern Guard", known) == []


@pytest.mark.parametrize("suffix", ["json", "parquet"])
@pytest.mark.parametrize("command", ["show", "export"])
def test_an_unmatched_name_is_answered_with_the_likely_one(tmp_path, capsys, suffix, command):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / f"events.{suffix}"
    assert main(["extract", str(article), "-o", str(target), "--no-progress"]) == 0
    capsys.readouterr()
    extra = ["-f", "csv"] if command == "export" else []
    assert main([command, str(target), *extra, "--actor", "southern"]) == 1
    err = capsys.readouterr().err
    assert f"timeline {command}: no event matches --actor southern" in err
    assert "--actor southern: no actor is named exactly so; did you mean 'Southern Brigade'?" in err
    assert main([command, str(target), *extra, "--actor", "Southern Brigade", "--place", "Nowhere"]) == 1
    err = capsys.readouterr().err
    assert "--place Nowhere: no place is named exactly so" in err and "--actor Southern Brigade:" not in err
