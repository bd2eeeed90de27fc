"""One long document costs the same per character as a short one, and reports progress.

Time is measured by benchmarks/bench_long_document.py, not here: these tests count work
(Python lines run inside the extraction stages), which does not depend on the machine.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline.extract as extract_package
from timeline.cli import main
from timeline.extract import Options, coreference, extract, extract_document, lookup, pipeline, sentences
from timeline.models import Document

ARTICLES = sorted((Path(__file__).parent / "data" / "articles").glob("*.txt"))
EXTRACT_DIR = str(Path(extract_package.__file__).parent)
PUBLISHED = dt.date(2024, 1, 31)


def _long_text(copies: int) -> str:
    """Real articles, joined by blank lines and told ``copies`` times over."""
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in ARTICLES)
    return "\n\n".join([text] * copies)


def _lines_run_in_stages(text: str) -> int:
    """Python lines executed inside timeline/extract by the stages of one document (and its drafts)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        count += event == "line"
        return local

    def calls(frame, event, arg):
        return local if frame.f_code.co_filename.startswith(EXTRACT_DIR) else None

    document = Document(id="long", published=PUBLISHED, text=text)
    extract_document(document)  # lexicons compiled before counting
    sys.settrace(calls)
    try:
        extract_document(document)
    finally:
        sys.settrace(None)
    return count


def test_work_per_character_does_not_grow_with_the_document(monkeypatch):
    monkeypatch.setattr(coreference, "WINDOW", 3)  # reached early: the bound itself is tested below
    short, long = _lines_run_in_stages(_long_text(3)), _lines_run_in_stages(_long_text(12))
    assert long / short < 4 * 1.05, f"4 times the text took {long / short:.2f} times the work"


def test_coreference_compares_a_mention_with_a_bounded_window():
    compared = []
    original = coreference._repeats

    def counting(earlier, later, first, second):
        compared.append(id(later))
        return original(earlier, later, first, second)

    coreference._repeats = counting
    try:
        found = extract([Document(id="long", published=PUBLISHED, text=_long_text(6))], Options(solve=False))
    finally:
        coreference._repeats = original
    per_mention = max(compared.count(m) for m in set(compared))
    assert found.events and 0 < per_mention <= coreference.WINDOW


def test_one_document_reports_each_step_then_the_timeline():
    heard = []
    extract([Document(id="one", published=PUBLISHED, text=ARTICLES[0].read_text(encoding="utf-8"))], Options(),
            on_stage=lambda name, done, total: heard.append((name, done, total)))
    names = [name for name, _ in pipeline.stages()] + [pipeline.FINAL_STEP]
    assert heard == [(name, n, len(names)) for n, name in enumerate(names, 1)]


def test_cli_draws_a_step_bar_for_one_document(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    out = tmp_path / "out.yaml"
    assert main(["extract", str(ARTICLES[0]), "--published", "2024-01-31", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    steps = pipeline.steps()
    assert "\r" in err and f"{steps}/{steps}" in err and "steps/s" in err and "timeline done" in err


# --- the indices answer as the whole-document scans they replace -----------------------------

def _state_of(text: str):
    return pipeline.run(Document(id="doc", published=PUBLISHED, text=text), Options())


@pytest.fixture(scope="module")
def state():
    return _state_of(_long_text(2))


def test_span_lookups_match_a_scan(state):
    ends = sorted({c.end for c in state.clauses} | {e.trigger.start for e in state.events})
    for start, end in zip(ends, ends[3:]):
        assert lookup.timexes_in(state, start, end) == [t for t in state.timexes if start <= t.start and t.end <= end]
        assert lookup.mentions_in(state, start, end) == [m for m in state.mentions if start <= m.start and m.end <= end]
        assert lookup.timex_starts_in(state, start, end) == any(
            start <= t.start < end and t.edtf for t in state.timexes)
    for position in ends:
        people = [m for m in state.mentions if m.kind == "person" and m.end <= position]
        assert lookup.last_person(state, position) == (people[-1] if people else None)
        assert lookup.skipped(state, position) == any(a <= position < b for a, b in state.skip)


def test_position_and_trigger_lookups_match_a_scan(state):
    """The seizure stage's look-ups (the clause at a position, triggers starting in a span, any
    trigger overlapping a span) answer as the whole-list scans they replaced, which were quadratic."""
    told = lookup.merged_spans([(t.start, t.end) for t in state.triggers])
    positions = sorted({c.start for c in state.clauses} | {c.end for c in state.clauses} | {t.start for t in state.triggers})
    for position in positions:
        assert lookup.clause_at(state, position) == next((c for c in state.clauses if c.start <= position < c.end), None)
    for start, end in zip(positions, positions[2:]):
        assert lookup.triggers_starting_in(state, start, end) == [t for t in state.triggers if start <= t.start <= end]
        assert lookup.overlaps_union(told, start, end) == any(t.start < end and start < t.end for t in state.triggers)


def test_clause_lookups_match_a_scan(state):
    for clause in state.clauses:
        same = [c for c in state.clauses if c.sentence == clause.sentence]
        assert lookup.clauses_before(state, clause) == [c for c in same if c.end <= clause.start]
        assert lookup.clauses_after(state, clause) == [c for c in same if c.start >= clause.end]
        assert lookup.events_of(state, clause) == [e for e in state.events if e.clause == clause]


def test_clauses_of_a_sentence_match_a_scan_in_any_order(state):
    original, shuffled = state.clauses, list(state.clauses)
    random.Random(7).shuffle(shuffled)
    try:
        for clauses in (original, shuffled):
            state.clauses = clauses
            for sentence in range(-1, len(state.sentences) + 1):
                assert lookup.sentence_clauses(state, sentence) == [c for c in clauses if c.sentence == sentence]
    finally:
        state.clauses = original


def test_an_index_follows_the_list_the_state_holds(state):
    first = lookup.mentions_in(state, 0, len(state.text))
    state.mentions = first[1:]  # a stage replaces a list: the index must not answer from the old one
    assert lookup.mentions_in(state, 0, len(state.text)) == first[1:]
    state.mentions = first


_RANGES = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 60)), max_size=12).map(
    lambda pairs: sorted((a, a + width) for a, width in pairs))


@settings(max_examples=200, deadline=None)
@given(skip=_RANGES, start=st.integers(0, 220), length=st.integers(0, 80))
def test_the_part_outside_skipped_ranges_is_that_of_a_full_scan(skip, start, length):
    reach, first = -1, 0
    for a, b in skip:
        reach = max(reach, b)
        first += reach <= start
    assert sentences._outside((start, start + length), skip, first) == _outside_by_scan((start, start + length), skip)


def _outside_by_scan(span, skip):
    start, end = span
    for a, b in skip:
        if a <= start < b:
            start = b
        elif start < a < end:
            end = a
    return (start, end) if end - start > 2 else None


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab.U S1 \n", max_size=300), seed=st.integers(0, 10**6))
def test_the_word_before_a_full_stop_is_that_of_a_scan_from_the_sentence_start(text, seed):
    stops = [m.start() + 1 for m in re.finditer(r"\.", text)]
    if not stops:
        return
    rng = random.Random(seed)
    stop = rng.choice(stops)
    begin = rng.randint(0, stop)
    expected = re.search(r"([\w.]+) ?\.+$", text[begin:stop])
    found = sentences._word_before(text, begin, stop)
    assert (found and (found.start(), found.group(1))) == (expected and (expected.start() + begin, expected.group(1)))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 40)), max_size=30), st.integers(0, 220),
       st.integers(1, 40))
def test_the_overlap_index_of_names_matches_a_scan(known, start, length):
    """Groups that overlap a known name are found by bisection, as a scan over every name finds them."""
    spans = [(a, a + n) for a, n in known]
    end = start + length
    scanned = any(a < end and start < b for a, b in spans)
    assert lookup.overlaps_union(lookup.merged_spans(spans), start, end) == scanned


def test_drafts_built_from_the_lean_state_are_those_of_the_whole_state():
    """``build.for_drafts`` keeps only the text and the mentions, so that a long document does not
    hold every stage's lists while its drafts are built; the drafts are the same."""
    from timeline.extract import build
    from timeline.extract.narrowing import fingerprinter

    document = Document(id="long", published=PUBLISHED, text=_long_text(1))
    whole = build.drafts_of(pipeline.run(document, Options()), 0.5)
    lean = build.drafts_of(build.for_drafts(pipeline.run(document, Options())), 0.5)
    for drafts in (whole, lean):
        build.assign_ids(drafts)
    assert len(whole) > 20
    assert [build.to_event(d, fingerprinter()) for d in lean] == [build.to_event(d, fingerprinter()) for d in whole]


def test_the_solver_copies_only_the_events_it_changes():
    """Most undated events keep the window they had: the timeline keeps those very events, not
    copies (which would double a long document's events in memory while the solver runs)."""
    from timeline.extract.narrowing import narrowed

    unsolved = extract([Document(id="long", published=PUBLISHED, text=_long_text(1))], Options(solve=False))
    solved = narrowed(unsolved)
    kept = [a is b for a, b in zip(unsolved.events, solved.events) if a == b]
    assert len(kept) > 20 and all(kept)
    assert solved.events != unsolved.events  # some windows did narrow


def test_events_are_made_from_the_drafts_in_order_as_the_drafts_are_let_go():
    from timeline.extract import build
    from timeline.extract.narrowing import fingerprinter

    def drafts():
        found = extract_document(Document(id="long", published=PUBLISHED, text=_long_text(1)))
        build.assign_ids(found)
        return found

    expected = [build.to_event(d, fingerprinter()) for d in drafts()]
    given = drafts()
    assert build.events_of(given, fingerprinter()) == expected and given == [] and len(expected) > 20


def test_no_full_collection_while_extracting_and_the_thresholds_back_after():
    """Extraction holds back Python's full garbage collections (their cost grew with the square of
    a long document) and its young ones to every ``YOUNG`` allocations, and gives the thresholds
    back after, also when it fails."""
    import gc

    before = gc.get_threshold()
    with extract_package.no_full_collections():
        inside = gc.get_threshold()
    with pytest.raises(ValueError), extract_package.no_full_collections():
        raise ValueError("a bad document")
    assert inside == (max(before[0], extract_package.YOUNG), before[1], extract_package.NEVER)
    assert gc.get_threshold() == before


_GROUP_WORDS = ["Red", "Red Hand", "Red Hand Front", "RHF", "RHF2", "Hand"]


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(_GROUP_WORDS + ["the", "-", "and", "  ", ","]), max_size=14),
       defined=st.sets(st.sampled_from(_GROUP_WORDS), min_size=1))
def test_defined_names_are_found_as_the_longest_first_alternation_finds_them(words, defined):
    """The names a document defined, matched as a prefix tree, give the mentions an alternation of
    them, longest first, gave ('Red Hand Front' before 'Red Hand' before 'Red')."""
    from timeline.extract.groups import acronyms_in

    text = " ".join(words)
    names = {name: name.upper() for name in defined}
    pattern = re.compile(r"(?<![\w-])(%s)(?![\w-])" % "|".join(map(re.escape, sorted(names, key=len, reverse=True))))
    expected = [(m.start(), m.end(), names[m.group(1)]) for m in pattern.finditer(text)]
    assert [(m.start, m.end, m.name) for m in acronyms_in(text, 0, len(text), names)] == expected
