"""The benchmark scripts still import and parse their options (they are run by hand, not in CI)."""

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPTS = sorted((Path(__file__).resolve().parents[1] / "benchmarks").glob("bench_*.py"))


def test_there_are_benchmarks():
    assert len(SCRIPTS) >= 5


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.stem for s in SCRIPTS])
def test_benchmark_script_starts(script):
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


def test_the_timex_halves_script_starts_and_sorts_a_wrong_value_by_the_form_of_the_two_values():
    """benchmarks/timex_halves.py, the tagger rounds' aid: it starts, and puts a wrong value under
    the cause its form shows."""
    script = SCRIPTS[0].parent / "timex_halves.py"
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "usage:" in done.stdout, done.stderr
    sys.path.insert(0, str(script.parent))
    try:
        from timex_halves import wrong_cause
    finally:
        sys.path.remove(str(script.parent))
    assert wrong_cause("2026-03-09", "2025-03-09") == "reference time (another year)"
    assert wrong_cause("2026-03-09TNI", "2026-03-09") == "a part of the day against its day"
    assert wrong_cause("XXXX-XX-XXT06:30", "2026-03-09T06:30") == "a clock on another day"
    assert wrong_cause("P3D", "2026-03-09") == "a length against a point"
    assert wrong_cause("2026-03", "2026-03-09") == "granularity"


def test_the_timex_halves_script_counts_a_missed_expression_under_the_shape_of_its_phrase():
    """benchmarks/timex_halves.py --shapes: a miss is counted by the form of its words, the first
    shape that fits, so that the corpora's misses can be compared class by class."""
    script = SCRIPTS[0].parent / "timex_halves.py"
    sys.path.insert(0, str(script.parent))
    try:
        from timex_halves import shape_of
    finally:
        sys.path.remove(str(script.parent))
    assert shape_of("41-year-old").startswith("an age")
    assert shape_of("the seventies").startswith("a decade")
    assert shape_of("early  November").startswith("early / late / mid")
    assert shape_of("dawn").startswith("a part of the day")
    assert shape_of("the same time").startswith("a unit as an anaphor")
    assert shape_of("Lady Day").startswith("a holiday")
    assert shape_of("at the very moment") == "other"


def test_the_timex_halves_script_counts_an_extra_or_wrongly_typed_prediction_under_its_shape():
    """benchmarks/timex_halves.py --precision: an unmatched or wrongly typed prediction is counted by
    the form of its words and the word after it (round 26's precision and type classes)."""
    script = SCRIPTS[0].parent / "timex_halves.py"
    sys.path.insert(0, str(script.parent))
    try:
        from timex_halves import extra_shape
    finally:
        sys.path.remove(str(script.parent))
    assert extra_shape("recently", "arrested").startswith("'now'")
    assert extra_shape("12-year", "veteran").startswith("a length as a modifier")
    assert extra_shape("four days", "before the vote").startswith("N units before")
    assert extra_shape("two weeks later").startswith("N units before")
    assert extra_shape("quarterly").startswith("a rate")
    assert extra_shape("late Monday").startswith("'early / late'")
    assert extra_shape("Monday evening").startswith("a day with its part")
    assert extra_shape("that night").startswith("a part of the day")
    assert extra_shape("the same day").startswith("a unit as an anaphor")
    assert extra_shape("three seconds", "remaining").startswith("a length")
    assert extra_shape("June 3").startswith("a day, month or year")
    assert extra_shape("at the very moment") == "other"
