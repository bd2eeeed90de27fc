"""CI gate: the extractor's scores on the gold timelines and EventStoryLine stay above pinned floors.

Floors live in ``timeline/evaluate/floors_events.json``; raise them with
``timeline eval events --esc --update-floors`` (and ``--gold tests/data/unseen --update-floors``
for a test folder's floors, named after the folder); lowering one needs ``--allow-lower-floors``.
"""

import pytest

from timeline.evaluate import esc
from timeline.evaluate import events as ev
from pathlib import Path

from timeline.evaluate.gold import shared_dir

GOLD = shared_dir() / "gold"
TEST_DATA = Path(__file__).resolve().parent / "data"
# the own articles, the unseen ones (scored as first runs, then kept) and Wikinews gold written
# before its first run: their floors are named after the folder ("unseen.overall.f1")
TEST_FOLDERS = ("articles", "unseen", "wikinews")


@pytest.fixture(scope="module")
def report():
    if not GOLD.is_dir() or not esc.default_dir().is_dir():
        pytest.skip(f"gold timelines or EventStoryLine not found under {shared_dir()} (set TIMELINE_SHARED)")
    figures = ev.evaluate_gold(GOLD)
    figures["esc"] = esc.evaluate(systems=("extractor", "dct"))
    for folder in TEST_FOLDERS:
        figures[folder] = ev.evaluate_gold(TEST_DATA / folder)
    return figures


def test_floors_file_names_real_figures(report):
    floors = ev.read_floors()
    assert floors, "floors_events.json is empty"
    assert {k for k in floors if ev._lookup(report, k) is None} <= {k for k in floors if k.startswith("esc.timex")}


def test_scores_stay_above_pinned_floors(report):
    assert ev.floor_failures(report, ev.read_floors()) == []


@pytest.mark.parametrize("folder", [None, *TEST_FOLDERS])
def test_extractor_beats_the_baselines(report, folder):
    overall = (report[folder] if folder else report)["overall"]
    assert overall["f1"] > 0.0  # the 'nothing' baseline
    assert overall["soundness"] >= overall["baseline_soundness"]
    assert overall["ordering"] >= overall["baseline_ordering"]


def test_extractor_anchors_eventstoryline_better_than_the_publication_date(report):
    """Issue 5's target: exact anchoring above the baseline that dates every event on its publication day."""
    assert report["esc"]["extractor"]["exact"] > report["esc"]["dct"]["exact"]
    assert report["esc"]["extractor"]["within"] > report["esc"]["dct"]["within"]
