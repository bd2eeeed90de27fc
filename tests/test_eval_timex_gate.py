"""CI gate: the tagger's scores on TempEval-3 platinum, WikiWars and both parts of EventStoryLine
(the development topics and the held-out ones) must not fall below the pinned floors."""

import pytest

from timeline.evaluate.corpora import CorpusMissing, corpus_dir
from timeline.evaluate.timex import evaluate
from timeline.evaluate.timex_gate import FloorError, below_floors, load_floors, update_floors


def _corpus_or_skip(name):
    try:
        corpus_dir(name)
    except CorpusMissing as exc:
        pytest.skip(f"{exc}: the gate needs ../shared/data (or $TIMELINE_SHARED)")


GATED_CORPORA = ("te3-platinum", "wikiwars", "esc-dev", "esc-heldout")


@pytest.mark.parametrize("corpus", GATED_CORPORA)
def test_corpus_meets_floors(corpus):
    _corpus_or_skip(corpus)
    report = evaluate(corpus)
    assert below_floors(report, load_floors()) == []


@pytest.mark.parametrize("corpus", GATED_CORPORA)
def test_floors_are_pinned(corpus):
    floors = load_floors()[corpus]
    assert {"gold_sha256", "strict_f1", "relaxed_f1", "value_f1"} <= floors.keys()
    assert all(0 < floors[k] <= 1 for k in ("strict_f1", "relaxed_f1", "value_f1"))


def _report(value_f1, sha="abc"):
    row = {"system": "timeline", "strict_f1": 0.9, "relaxed_f1": 0.9, "value_f1": value_f1}
    return {"corpus": "demo", "gold_sha256": sha, "results": [row]}


def test_lowering_a_floor_needs_the_flag(tmp_path):
    path = tmp_path / "floors.json"
    update_floors(_report(0.8), path=path)
    with pytest.raises(FloorError, match="allow-lower"):
        update_floors(_report(0.7), path=path)
    floors = update_floors(_report(0.7), allow_lower=True, path=path)
    assert floors["demo"]["value_f1"] == 0.7


def test_raising_is_allowed_and_a_drop_is_reported(tmp_path):
    path = tmp_path / "floors.json"
    floors = update_floors(_report(0.8), path=path)
    floors = update_floors(_report(0.85), path=path)
    assert floors["demo"]["value_f1"] == 0.85
    assert below_floors(_report(0.84), floors) == ["demo: value_f1 0.8400 < floor 0.8500"]


def test_changed_gold_is_reported(tmp_path):
    floors = update_floors(_report(0.8), path=tmp_path / "f.json")
    assert "gold changed" in below_floors(_report(0.9, sha="other"), floors)[0]
