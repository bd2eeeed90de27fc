"""Loading and validation: every bad input gives its line-numbered message, all at once."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from timeline import store, yamledit, yamlread
from timeline.store import Problem, TimelineError

DATA = Path(__file__).parent / "data"

HEAD = """documents:
  - id: doc
    published: 2024-01-31
    text: "Russia attacked the village on Monday. Talks followed on Friday."
events:
"""


def event(extra: str = "", eid: str = "a", type_: str = "attack") -> str:
    return f"  - id: {eid}\n    title: Something\n    type: {type_}\n{extra}"


def problems(text: str) -> list[Problem]:
    with pytest.raises(TimelineError) as caught:
        store.loads(text)
    return caught.value.problems


def only(text: str) -> Problem:
    found = problems(text)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_problem_str_has_file_line_column_path_message():
    problem = Problem("events.yaml", 12, 5, "events[3].date", "bad")
    assert str(problem) == "events.yaml:12:5: events[3].date: bad"
    assert str(Problem("x.yaml", None, None, "", "no such file")) == "x.yaml: no such file"


def test_valid_text_loads_with_typed_fields():
    timeline = store.loads(HEAD + event("    date: 2023-09\n    confidence: 0.5\n    curated: true\n"))
    e = timeline.events[0]
    assert (e.date, e.confidence, e.curated) == ("2023-09", 0.5, True)
    assert timeline.documents[0].published.isoformat() == "2024-01-31"


@pytest.mark.parametrize("value", ["2023", "2023-09", "2023-09-19", "../2024-01-31"])
def test_unquoted_dates_stay_edtf_strings(value):
    assert store.loads(HEAD + event(f"    date: {value}\n")).events[0].date == value


def test_numbers_and_words_in_text_fields_stay_text():
    timeline = store.loads("events:\n  - id: a\n    title: 1984\n    type: attack\n    actors: [yes, 'no', 2023]\n")
    assert timeline.events[0].title == "1984"
    assert timeline.events[0].actors == ["yes", "no", "2023"]


CASES = [
    ("unknown type", event(type_="atack"), 8, "events[0].type", "unknown event type 'atack'"),
    ("bad EDTF", event("    date: 2023-13\n"), 9, "events[0].date", "not a valid EDTF date"),
    ("unknown key", event("    titel: x\n"), 9, "events[0].titel", "did you mean 'title'"),
    ("missing title", "  - id: a\n    type: attack\n", 6, "events[0].title", "required field is missing"),
    ("bad id", event(eid="Bad_Id"), 6, "events[0].id", "not a valid id"),
    ("not a bool", event("    curated: maybe\n"), 9, "events[0].curated", "true or false"),
    ("out of range", event("    confidence: 2\n"), 9, "events[0].confidence", "at most 1"),
    ("bad modality", event("    modality: maybe\n"), 9, "events[0].modality", "is not one of"),
    ("python tag", event("    notes: !!python/object:os.system x\n"), 9, "events[0].notes", "tags"),
    ("str tag", event("    notes: !!str x\n"), 9, "events[0].notes", "tags"),
    ("anchor", event("    notes: &n x\n"), 9, "events[0].notes", "anchors"),
    ("duplicate key", event("    title: again\n"), 9, "events[0].title", "duplicate key 'title'"),
    ("list for a mapping", "  - just text\n", 6, "events[0]", "mapping of fields"),
    ("scalar for a list", event("    actors: Armenia\n"), 9, "events[0].actors", "must be a list"),
    ("duplicate id", event() + event(), 9, "events[1].id", "duplicate id 'a'"),
    ("unknown target", event("    relations:\n      - {relation: before, target: b}\n"), 10,
     "events[0].relations[0].target", "no event has id 'b'"),
    ("unknown document", event("    sources:\n      - document: other\n        quote: x\n"), 10,
     "events[0].sources[0].document", "no document has id 'other'"),
    ("quote not in text", event("    sources:\n      - document: doc\n        quote: Talks failed\n"), 11,
     "events[0].sources[0].quote", "quote not found"),
    ("offsets miss quote", event("    sources:\n      - {document: doc, quote: Russia, start: 1, end: 7}\n"), 10,
     "events[0].sources[0].start", "not the quote; it is at 0-6"),
    ("offsets disagree with quote length", event("    sources:\n      - {document: doc, quote: Russia, start: 0, end: 9}\n"),
     10, "events[0].sources[0]", "quote has 6 characters"),
    ("self relation", event("    relations:\n      - {relation: before, target: a}\n"), 10,
     "events[0].relations[0].target", "against itself"),
]


@pytest.mark.parametrize("name,body,line,path,words", CASES, ids=[c[0] for c in CASES])
def test_each_bad_input_is_reported_with_its_line(name, body, line, path, words):
    problem = only(HEAD + body)
    assert (problem.line, problem.path) == (line, path), str(problem)
    assert words in problem.message
    assert str(problem).startswith(f"events.yaml:{line}:")


def test_ordering_cycle_is_reported():
    body = event("    relations:\n      - {relation: before, target: b}\n") + event(
        "    relations:\n      - {relation: before, target: a}\n", eid="b")
    problem = only(HEAD + body)
    assert "cycle" in problem.message and problem.line == 10


def test_before_relation_contradicting_dates_is_reported():
    body = event("    date: 2023-05\n    relations:\n      - {relation: before, target: b}\n") + event(
        "    date: 2022\n", eid="b")
    problem = only(HEAD + body)
    assert problem.path == "events[0].relations[0]" and problem.line == 11
    assert "2022-12-31" in problem.message


def test_rejected_id_still_present_is_reported():
    problem = only(HEAD + event() + "rejected: [a]\n")
    assert problem.path == "events[0].id" and "rejected" in problem.message


def test_record_with_a_bad_field_is_still_checked_across_events():
    body = event(type_="atack") + event()
    found = {(p.path, p.line) for p in problems(HEAD + body)}
    assert found == {("events[0].type", 8), ("events[1].id", 9)}


def test_every_problem_is_listed_at_once():
    body = event(type_="atack") + event("    curated: maybe\n", eid="b") + event(eid="c") + event(eid="c")
    assert len(problems(HEAD + body)) == 3


@pytest.mark.parametrize(
    "text,words,line",
    [
        ("events:\n  - id: a\n    title: [unclosed\n", "YAML syntax error", 4),
        ("events:\n  - id: a\n   title: x\n", "YAML syntax error", 3),
        ('events:\n  - id: "open\n', "YAML syntax error", 3),
        ("- id: a\n  title: x\n", "top level must be a mapping", 1),
        ("just words\n", "top level must be a mapping", 1),
        ("events: []\n---\nevents: []\n", "several YAML documents", None),
    ],
)
def test_syntax_and_shape_errors_are_clear(text, words, line):
    problem = only(text)
    assert words in problem.message
    if line is not None:
        assert problem.line == line, str(problem)


def test_syntax_error_has_no_rapidyaml_noise_on_stderr(capfd):
    problems("events:\n  - id: a\n    title: [unclosed\n")
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize(
    "raw,words,line",
    [
        (b"", "empty", 1),
        (b"# only a comment\n\n", "empty", 1),
        (b"events:\n  - id: a\n    title: caf\xe9\n", "not UTF-8", 3),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary", 1),
    ],
)
def test_unreadable_files_get_a_clear_message(tmp_path, raw, words, line):
    path = tmp_path / "events.yaml"
    path.write_bytes(raw)
    with pytest.raises(TimelineError) as caught:
        store.load(path)
    (problem,) = caught.value.problems
    assert words in problem.message and problem.line == line


def test_missing_file_and_folder(tmp_path):
    for target, words in ((tmp_path / "nope.yaml", "no such file"), (tmp_path, "folder")):
        with pytest.raises(TimelineError, match=words):
            store.load(target)


def test_load_returns_digest_of_bytes(tmp_path):
    path = tmp_path / "events.yaml"
    path.write_text(HEAD + event(), encoding="utf-8")
    loaded = store.load(path)
    assert loaded.digest == store.digest_of(path.read_bytes()) and loaded.path == path


def test_origin_is_read_relative_to_the_timeline_folder(tmp_path):
    (tmp_path / "article.txt").write_text("The army withdrew on Tuesday.", encoding="utf-8")
    text = ("documents:\n  - id: art\n    origin: article.txt\nevents:\n"
            + event("    sources:\n      - document: art\n        quote: the navy withdrew\n"))
    path = tmp_path / "events.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(TimelineError, match="quote not found"):
        store.load(path)
    path.write_text(text.replace("the navy", "The army"), encoding="utf-8")
    assert store.load(path).timeline.events[0].sources[0].quote == "The army withdrew"


def test_broken_fixture_lists_each_marked_error_with_its_line():
    path = DATA / "broken_events.yaml"
    expected = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        marker = re.search(r"# ERROR (.+)$", line)
        if marker and not line.lstrip().startswith("#"):
            expected.update((number, path.split()[0]) for path in marker.group(1).split(","))
    with pytest.raises(TimelineError) as caught:
        store.load(path)
    found = {(p.line, p.path) for p in caught.value.problems}
    assert found == expected
    assert all(str(p).startswith(f"{path}:{p.line}:") for p in caught.value.problems)


# --- the fast reader and the careful reader agree ------------------------------------------------

AGREEMENT = [
    "a: ~\nb: null\nc:\nd: ''\ne: 'null'\n",
    "h: |\n  line1\n   line2\n\ni: >-\n  folded\n  text\n\n  para\n",
    'j: "esc \\u00e9 \\t x"\nk: \'it\'\'s\'\n',
    "m: [a, 'b', {x: 1}]\nn:\n  - - nested\n  - x - y\no: plain # comment\n",
    "q: 2023-09\nr: 2024-01-31\ns: 1984\nt: yes\nu: 0.5\nv: 1e3\nw: -0\ny: 1.50\nz: true\n",
    "x: +3\n",
    "k: !!str x\n",
    "k: &a x\nl: *a\n",
    "a: 1\na: 2\n",
]


@pytest.mark.skipif(yamlread.ryml is None, reason="rapidyaml is not installed")
@pytest.mark.parametrize("text", AGREEMENT)
def test_rapidyaml_and_event_reader_give_the_same_data(text):
    fast, fast_issues = yamlread.read_ryml(text.encode())
    careful, careful_issues, _ = yamlread.read_events(text)
    assert fast == careful
    assert sorted(i.message for i in fast_issues) == sorted(i.message for i in careful_issues)
    fastest = yamlread.read_json(text.encode())
    if fastest is not None:  # None sends the text down the walk: always allowed, never wrong
        assert _booleans_as_text(fastest) == careful
    if fast_issues:
        assert fastest is None


def _booleans_as_text(value):
    """The JSON route's one difference from the walk: plain true/false arrive as booleans."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return {k: _booleans_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_booleans_as_text(v) for v in value]
    return value


SCALARS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"), max_size=30)
# number-like and special words, where YAML readers and JSON emitters like to differ
TRICKY = st.text(alphabet="0123456789.+-eEinfaINFAulLxob_: ~TtrRsS", max_size=8)


def _dump(data) -> str:
    buf = io.StringIO()
    yamledit.round_trip_yaml().dump(data, buf)
    return buf.getvalue()


@pytest.mark.skipif(yamlread.ryml is None, reason="rapidyaml is not installed")
@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.one_of(st.from_regex(r"[a-z]{1,8}", fullmatch=True), TRICKY.filter(str.strip)),
                       st.one_of(SCALARS, TRICKY, st.lists(st.one_of(SCALARS, TRICKY), max_size=3)), max_size=5))
@example({"a": "\u2028"})  # found by hypothesis: ruamel folded the old line break, rapidyaml kept it
@example({"a": ["x\u2029y", "\x85"]})
def test_readers_agree_on_dumped_data(data):
    text = _dump(data)
    walked, _ = yamlread.read_ryml(text.encode())
    careful, _, _ = yamlread.read_events(text)
    assert walked == careful == data
    fastest = yamlread.read_json(text.encode())
    if fastest is not None:
        assert _booleans_as_text(fastest) == data


def test_a_date_shared_by_two_documents_is_written_out_twice(tmp_path):
    """Two articles given one --published date share one date object: no YAML alias is written."""
    import datetime as dt

    from timeline.models import Document, Timeline

    day = dt.date(2023, 9, 21)
    documents = [Document(id="a", published=day, text="A."), Document(id="b", published=day, text="B.")]
    timeline = Timeline(documents=documents)
    path = tmp_path / "t.yaml"
    store.save(path, timeline, None)
    assert "&" not in path.read_text(encoding="utf-8") and store.load(path).timeline == timeline


def test_deleting_the_last_event_leaves_a_file_that_loads(tmp_path):
    """The app deletes events one by one; after the last one the file read 'events:\\n\\n[]'."""
    from timeline.models import Document, Event, Timeline

    path = tmp_path / "t.yaml"
    events = [Event(id="a", title="A", type="attack"), Event(id="b", title="B", type="attack")]
    store.save(path, Timeline(documents=[Document(id="d", text="x")], events=events), None)
    for gone in ("a", "b"):
        loaded = store.load(path)
        left = [e for e in loaded.timeline.events if e.id != gone]
        rejected = [*loaded.timeline.rejected, gone]
        store.save(path, loaded.timeline.model_copy(update={"events": left, "rejected": rejected}), loaded.digest)
    assert store.load(path).timeline.rejected == ["a", "b"] and "events: []" in path.read_text(encoding="utf-8")
