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


def _halves():
    """benchmarks/timex_halves.py as a module (the benchmarks folder is no package)."""
    folder = SCRIPTS[0].parent
    sys.path.insert(0, str(folder))
    try:
        import timex_halves
    finally:
        sys.path.remove(str(folder))
    return timex_halves


def test_the_timex_halves_script_starts_and_sorts_a_wrong_value_by_the_form_of_the_two_values():
    """benchmarks/timex_halves.py, the tagger rounds' aid: it starts, and puts a wrong value under
    the cause its form shows."""
    script = SCRIPTS[0].parent / "timex_halves.py"
    done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "usage:" in done.stdout, done.stderr
    wrong_cause = _halves().wrong_cause
    assert wrong_cause("2026-03-09", "2025-03-09") == "reference time (another year)"
    assert wrong_cause("2026-03-09TNI", "2026-03-09") == "a part of the day against its day"
    assert wrong_cause("XXXX-XX-XXT06:30", "2026-03-09T06:30") == "a clock on another day"
    assert wrong_cause("P3D", "2026-03-09") == "a length against a point"
    assert wrong_cause("2026-03", "2026-03-09") == "granularity"


MISSED_SHAPES = [("41-year-old", "an age"), ("the seventies", "a decade"), ("early  November", "early / late / mid"),
                 ("dawn", "a part of the day"), ("the same time", "a unit as an anaphor"), ("Lady Day", "a holiday"),
                 ("at the very moment", "other")]


@pytest.mark.parametrize(("phrase", "shape"), MISSED_SHAPES)
def test_the_timex_halves_script_counts_a_missed_expression_under_the_shape_of_its_phrase(phrase, shape):
    """benchmarks/timex_halves.py --shapes: a miss is counted by the form of its words, the first
    shape that fits, so that the corpora's misses can be compared class by class."""
    assert _halves().shape_of(phrase).startswith(shape)


EXTRA_SHAPES = [("recently", "arrested", "'currently', 'recently'"), ("12-year", "veteran", "a length as a modifier"),
                ("four days", "before the vote", "N units before"), ("two weeks later", "", "N units before"),
                ("quarterly", "", "a rate"), ("late Monday", "", "'early / late'"), ("Monday evening", "", "a day with its part"),
                ("that night", "", "a part of the day"), ("the same day", "", "a unit as an anaphor"),
                ("three seconds", "remaining", "a length"), ("June 3", "", "a day, month or year"),
                ("at the very moment", "", "other")]


@pytest.mark.parametrize(("phrase", "after", "shape"), EXTRA_SHAPES)
def test_the_timex_halves_script_counts_an_extra_or_wrongly_typed_prediction_under_its_shape(phrase, after, shape):
    """benchmarks/timex_halves.py --precision: an unmatched or wrongly typed prediction is counted by
    the form of its words and the word after it (round 26's precision and type classes)."""
    assert _halves().extra_shape(phrase, after).startswith(shape)


def test_the_timex_halves_script_prints_wrong_values_by_cause(capsys):
    """benchmarks/timex_halves.py --causes: the wrong values on found spans, one row a cause of
    timeline.evaluate.timex_causes, one column a corpus or esc-dev half."""
    import collections

    from timeline.evaluate.timex_causes import CAUSES
    halves = _halves()
    cause = "a weekday: the other direction (within a week of the gold)"
    halves.print_shapes({"esc-dev": collections.Counter({(cause, "topics 3 mod 4"): 2})}, list(CAUSES[:-1]))
    assert f"| {cause} | 2 |" in capsys.readouterr().out
