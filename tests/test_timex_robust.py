"""Bad and pathological input: clear output or a clear error, and linear time."""

import datetime as dt
import time

import pytest

from timeline.timex import tag

PUBLISHED = dt.date(2024, 1, 31)
ADVERSARIAL = {
    "digits": "7" * 200_000,
    "spaces": " " * 200_000,
    "digit_runs": "12 " * 66_000,
    "dashes": "1-" * 100_000,
    "colons": "1:2:3:4:" * 25_000,
    "repeated_dates": "January 1, 2020 and " * 10_000,
    "month_words": "may march the last " * 10_000,
}


def test_empty_and_dateless_text():
    assert tag("", PUBLISHED) == []
    assert tag("No dates here, only words and 42 apples.", PUBLISHED) == []


def test_one_megabyte_of_adversarial_text_in_linear_time():
    """1 MB in total, under a generous bound (a quadratic regex would take minutes)."""
    began = time.perf_counter()
    for text in ADVERSARIAL.values():
        for timex in tag(text, PUBLISHED):
            assert text[timex.start:timex.end] == timex.text
    assert time.perf_counter() - began < 60


@pytest.mark.parametrize("name", ["digits", "dashes"])
def test_time_grows_linearly(name):
    """Doubling the input must not quadruple the time."""
    small = ADVERSARIAL[name][: len(ADVERSARIAL[name]) // 4]
    big = small * 2
    t_small = _timed(small)
    t_big = _timed(big)
    assert t_big < 4 * t_small + 0.05


def _timed(text, tries: int = 3):
    """The best of a few runs in CPU time: a busy machine slows a run, never speeds one."""
    best = float("inf")
    for _ in range(tries):
        began = time.process_time()
        tag(text, PUBLISHED)
        best = min(best, time.process_time() - began)
    return best


def test_large_texts_are_tagged_in_chunks_with_exact_offsets(monkeypatch):
    from timeline.timex import matcher

    text = "The talks of 5 May 2021 failed.\nTroops left on Tuesday and came back last week.\n" * 400
    whole = [(t.start, t.text, t.value) for t in tag(text, PUBLISHED)]
    monkeypatch.setattr(matcher, "CHUNK", 1000)
    chunked = [(t.start, t.text, t.value) for t in tag(text, PUBLISHED)]
    assert chunked == whole and len(whole) == 1200
