"""`timeline extract SEED --into events.yaml` never changes a curated event, byte for byte."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.evaluate.gold import shared_dir

REPO = Path(__file__).resolve().parents[1]
SEED = shared_dir() / "seeds" / "000_b6a62961ae883b3c.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed article not found (../shared or $TIMELINE_SHARED)")
_BLOCK = re.compile(r"^  - id: (\S+)\n(?:(?!  - id: |\S).*\n|\n)*", re.MULTILINE)


def _blocks(text: str) -> dict[str, str]:
    """Each event's YAML block as written (from its '- id:' line to the next event)."""
    events = text[text.index("\nevents:"):]
    return {m.group(1): m.group(0).rstrip("\n") for m in _BLOCK.finditer(events)}


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A temp copy of the repo's events.yaml with the seed where its `origin` points, and a copy in ../shared."""
    (tmp_path / "repo").mkdir()
    (tmp_path / "shared" / "seeds").mkdir(parents=True)
    shutil.copy(REPO / "events.yaml", tmp_path / "repo" / "events.yaml")
    shutil.copy(SEED, tmp_path / "shared" / "seeds" / SEED.name)
    (tmp_path / "repo" / "articles").mkdir()
    shutil.copy(SEED, tmp_path / "repo" / "articles" / SEED.name)
    return tmp_path


def test_curated_events_survive_byte_for_byte(workspace: Path):
    target = workspace / "repo" / "events.yaml"
    before = target.read_text(encoding="utf-8")
    seed = workspace / "shared" / "seeds" / SEED.name
    assert main(["extract", str(seed), "--into", str(target), "--no-progress"]) == 0
    after = target.read_text(encoding="utf-8")
    old, new = _blocks(before), _blocks(after)
    assert old, "no curated events found in the repo's events.yaml"
    for event_id, block in old.items():
        if "curated: true" in block:
            assert new.get(event_id) == block, f"curated event {event_id} changed"
    assert after.startswith(before[: before.index("\ndocuments:")])  # header comments kept


def test_second_run_changes_nothing(workspace: Path):
    target = workspace / "repo" / "events.yaml"
    seed = workspace / "shared" / "seeds" / SEED.name
    assert main(["extract", str(seed), "--into", str(target), "--no-progress"]) == 0
    once = target.read_bytes()
    assert main(["extract", str(seed), "--into", str(target), "--no-progress"]) == 0
    assert target.read_bytes() == once


def test_output_file_validates(workspace: Path, capsys):
    out = workspace / "repo" / "new.yaml"
    seed = workspace / "shared" / "seeds" / SEED.name
    assert main(["extract", str(seed), "-o", str(out), "--no-progress"]) == 0
    assert main(["validate", str(out)]) == 0
    json_out = workspace / "repo" / "new.json"
    assert main(["extract", str(seed), "-o", str(json_out), "--no-progress"]) == 0
    assert json_out.read_text(encoding="utf-8").lstrip().startswith("{")


def test_bad_input_is_a_clear_error(workspace: Path, capsys):
    assert main(["extract", str(workspace / "missing.txt"), "--no-progress"]) == 1
    assert "no such file" in capsys.readouterr().err


def test_docs_cover_every_extract_option():
    from timeline.cli import build_parser

    parser = build_parser()
    extract_parser = parser._subparsers._group_actions[0].choices["extract"]
    options = [s for a in extract_parser._actions for s in a.option_strings if s.startswith("--") and s != "--help"]
    docs = (REPO / "docs" / "extraction.md").read_text(encoding="utf-8")
    assert [o for o in options if o not in docs] == []
