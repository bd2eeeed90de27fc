"""Small things a new user meets: leftover temp files, mistyped options, folders given as files,
and README usage lines that work as written."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from timeline import store
from timeline.cli import main
from timeline.models import Timeline

REPO = Path(__file__).resolve().parents[1]


def test_temp_files_of_a_killed_save_are_removed_by_the_next_save(tmp_path):
    path = tmp_path / "events.yaml"
    store.save(path, Timeline(title="t"), None)
    dead = tmp_path / ".events.yaml.999999999.k1ll3d.tmp"  # no process has this id
    old = tmp_path / ".events.yaml.x7q2ab.tmp"  # written before temp files named their process
    in_progress = tmp_path / f".events.yaml.{os.getpid()}.busy.tmp"  # another save of this process
    young = tmp_path / ".events.yaml.y8r3cd.tmp"
    for temp in (dead, old, in_progress, young):
        temp.write_bytes(b"partial")
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    store.save(path, Timeline(title="again"), store.load(path).digest)
    assert not dead.exists() and not old.exists()
    assert in_progress.exists() and young.exists()


def test_an_unknown_option_is_named_with_the_nearest_known_one(tmp_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["export", str(tmp_path / "events.yaml"), "--fromat", "html"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "--fromat" in err and "did you mean --format?" in err and "required" not in err


def test_options_are_never_abbreviated(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Rebels attacked a post on Monday.\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["extract", str(article), "--in", str(tmp_path / "events.yaml")])
    assert "--in" in capsys.readouterr().err and not (tmp_path / "events.yaml").exists()


@pytest.mark.parametrize("flag", ["-o", "--into"])
def test_a_folder_given_as_the_output_file_is_a_clear_error(tmp_path, capsys, flag):
    article = tmp_path / "a.txt"
    article.write_text("Rebels attacked a post on Monday.\n", encoding="utf-8")
    (tmp_path / "somedir").mkdir()
    assert main(["extract", str(article), flag, str(tmp_path / "somedir"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err and "Errno" not in err


def test_app_on_a_folder_says_it_is_a_folder(tmp_path, capsys):
    (tmp_path / "somedir").mkdir()
    assert main(["app", str(tmp_path / "somedir")]) == 1
    assert "is a folder" in capsys.readouterr().err
    (tmp_path / "somedir" / "events.yaml").write_text("events: []\n", encoding="utf-8")
    assert main(["app", str(tmp_path / "somedir")]) == 1
    assert f"did you mean {tmp_path / 'somedir' / 'events.yaml'}" in capsys.readouterr().err


def test_readme_says_where_the_command_lives_and_that_the_app_keeps_its_terminal():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    usage = readme[readme.index("## Use it"):readme.index("## Editing")]
    assert ".venv/bin/timeline" in usage or "source .venv/bin/activate" in usage
    assert "second" in usage and "terminal" in usage
