"""An archive with a binary file, a mis-encoded file, a bad JSON line and a record of the wrong
type: each is named with its file (and line) and skipped, and every readable article is kept,
in the in-memory extraction and in a store alike."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline import query
from timeline.cli import main

GOOD = "Insurgents attacked a police post in the town of Ferrow on 3 May 2021, the army said."


def _archive(folder: Path) -> Path:
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "photo.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "old.txt").write_bytes("Des soldats ont été blessés à Ferrow.".encode("latin-1"))
    lines = [json.dumps({"id": "w1", "published": "2021-05-04", "text": "Troops shelled the village of Ammar on Monday."}),
             "{broken", json.dumps({"id": "w2", "title": 7, "text": "Gunmen kidnapped a judge."}),
             json.dumps({"id": "w3", "published": "May 5th", "text": "A bomb exploded in Ferrow."})]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("target", ["events.json", "events.parquet"])
def test_unreadable_inputs_are_named_and_skipped(tmp_path, capsys, target):
    archive = _archive(tmp_path / "archive")
    out = tmp_path / target
    assert main(["extract", str(archive), "-o", str(out), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert f"{archive / 'photo.txt'}: not UTF-8 text; skipped" in err
    assert f"{archive / 'old.txt'}: not UTF-8 text; skipped" in err
    assert f"{archive / 'wire.jsonl'}:2: not a JSON object" in err
    assert f"{archive / 'wire.jsonl'}:3: title: input should be a valid string; line skipped" in err
    assert f"{archive / 'wire.jsonl'}:4: published: must be YYYY-MM-DD, not 'May 5th'; line skipped" in err
    assert "Traceback" not in err
    if target.endswith(".parquet"):
        documents = {d.id for d in query.timeline(out).documents}
    else:
        documents = {d["id"] for d in json.loads(out.read_text(encoding="utf-8"))["documents"]}
    assert "w1" in documents and len(documents) == 2  # good.txt and w1: nothing readable was lost


def test_a_single_unreadable_file_is_still_an_error(tmp_path, capsys):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)))
    assert main(["extract", str(binary), "-o", str(tmp_path / "x.parquet"), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "not UTF-8 text; skipped" in err and "no articles read" in err
    assert not (tmp_path / "x.parquet").exists()
