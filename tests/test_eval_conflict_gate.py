"""CI gate: the extractor on conflict reporting it was not built from (the MUC-4 answer keys,
train and dev, and the PLOVER gold standard records) stays above pinned floors and beats the
baselines run beside it.

Floors live in ``timeline/evaluate/floors_conflict.json`` (measured figure minus a margin).
"""

import pytest

from timeline.evaluate import events as ev
from timeline.evaluate import muc4, plover
from timeline.evaluate.muc4_keys import default_dir


@pytest.fixture(scope="module")
def report():
    if not default_dir().is_dir() or not plover.default_file().is_file():
        pytest.skip(f"MUC-4 keys or PLOVER records not found under {default_dir().parent} (set TIMELINE_SHARED)")
    return {"muc4": {split: muc4.evaluate(split)["figures"] for split in ("train", "dev")},
            "plover": plover.evaluate()["figures"]}


def test_floors_name_real_figures(report):
    floors = ev.read_floors(ev.CONFLICT_FLOORS_FILE)
    assert floors and all(ev._lookup(report, key) is not None for key in floors)


def test_scores_stay_above_pinned_floors(report):
    assert ev.floor_failures(report, ev.read_floors(ev.CONFLICT_FLOORS_FILE)) == []


@pytest.mark.parametrize("split", ["train", "dev"])
def test_muc4_beats_the_baselines(report, split):
    figures = report["muc4"][split]
    assert figures["recall"] > 0.0  # 'nothing'
    assert figures["day_sound"] > figures["day_pub_sound"]  # the publication day alone


def test_plover_beats_the_most_frequent_category(report):
    figures = report["plover"]
    assert figures["category"] > figures["baseline_majority_category"]
