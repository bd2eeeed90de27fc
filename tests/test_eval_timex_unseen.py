"""timex-unseen: the repository's own TE3-style gold, written before the tagger ran on it, is read,
scored beside the 'nothing' baseline and held to its floor when the lead pins one."""

import re

import pytest

from timeline.evaluate.corpora import CorpusMissing, corpus_dir, read_corpus
from timeline.evaluate.timex import evaluate
from timeline.evaluate.timex_gate import below_floors, load_floors

TYPES = {"DATE", "TIME", "DURATION", "SET"}


@pytest.fixture(scope="module")
def docs():
    try:
        corpus_dir("timex-unseen")
    except CorpusMissing as exc:
        pytest.skip(f"{exc}: tests/data/timex-unseen is not in this checkout")
    return list(read_corpus("timex-unseen"))


def test_every_file_has_a_creation_day_and_clean_spans(docs):
    assert len(docs) >= 12 and sum(len(d.timexes) for d in docs) >= 250
    for doc in docs:
        assert doc.published is not None, doc.id
        for timex in doc.timexes:
            surface = doc.text[timex.start:timex.end]
            assert surface == surface.strip() and surface, (doc.id, surface)
            assert timex.type in TYPES and timex.value, (doc.id, surface)


def test_relative_days_are_resolved_against_the_creation_day(docs):
    flood = next(d for d in docs if d.id == "01_valdera_floods")
    values = {flood.text[t.start:t.end]: t.value for t in flood.timexes}
    assert values["last Sunday"] == "2024-03-10" and values["two weeks ago"] == "2024-W09"
    shapes = re.compile(r"\d{2,4}(-[\dWQHSPUFAI]{2,3}(-(\d\d|WE))?)?(T[\dA-Z:]+)?|P(T?)([\dX]+(\.\d+)?([YMWDHS]|DE|CE|WE))+|"
                        r"XXXX-(WXX-(\d|WE)(T[A-Z]{2})?|(XX|\d\d)-\d\d|XX-XXT([A-Z]{2}|\d\d:\d\d)|\d\d|XX|SP|SU|FA|WI)|FY\d{4}|(PRESENT|PAST|FUTURE)_REF")  # every April; the 15th of each month; every February 8; 7 a.m. daily; Friday afternoons; usually mid-month
    assert [t.value for d in docs for t in d.timexes if not shapes.fullmatch(t.value)] == []


def test_scored_beside_the_nothing_baseline_and_held_to_a_pinned_floor(docs):
    report = evaluate("timex-unseen", ["timeline", "nothing"])
    ours, nothing = report["results"]
    assert report["gold_timexes"] == sum(len(d.timexes) for d in docs)
    assert nothing["value_f1"] == 0.0 and ours["value_f1"] > 0.5
    assert below_floors(report, load_floors()) == []
