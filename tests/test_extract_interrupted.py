"""Ctrl-C during an extraction says what it left: the target as it was, nothing to resume; a store
run leaves no half-made store behind and the old store whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline import bulk, cli
from timeline.cli import main

ARTICLE = "Rebels attacked an army base in Korvel on 12 June 2023, the ministry said."


def _interrupt(*args, **kwargs):
    raise KeyboardInterrupt


@pytest.mark.parametrize("store", [False, True])
def test_an_interrupted_extraction_leaves_its_target_as_it_was(tmp_path, capsys, monkeypatch, store):
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    target = tmp_path / ("events.parquet" if store else "events.yaml")
    assert main(["extract", str(article), "-o", str(target), "--no-progress"]) == 0
    before = {p: p.read_bytes() for p in sorted(target.rglob("*") if store else [target]) if p.is_file()}
    monkeypatch.setattr(bulk, "stage_partition", _interrupt)
    monkeypatch.setattr(cli, "_read_articles", _interrupt)
    option = ["-o", str(target)] if store else ["--into", str(target)]
    capsys.readouterr()
    assert main(["extract", str(article), *option, "--no-progress"]) == 130
    err = capsys.readouterr().err
    assert f"interrupted: nothing was written, {target} is as it was" in err and "start over" in err
    after = {p: p.read_bytes() for p in sorted(target.rglob("*") if store else [target]) if p.is_file()}
    assert after == before and not Path(f"{target}.partial").exists()


def test_other_commands_just_say_interrupted(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cli, "_run_show", _interrupt)
    assert main(["show", str(tmp_path / "x.yaml")]) == 130
    assert capsys.readouterr().err.strip() == "interrupted"
