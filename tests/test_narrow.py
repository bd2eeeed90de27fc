"""Live narrowing: after a date is set, the solver tightens inferred dates, never wider, never a person's.

Also ``timeline narrow`` (the command-line equivalent) and the property that holds for any file:
narrowing never widens an interval and never changes a stated or curated date.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import dates, store
from timeline.cli import main
from timeline.merge import stamped
from timeline.models import Document, Event, Relation, Source, Timeline
from timeline.narrow import accept, narrowings, recomputable

ROOT = Path(__file__).resolve().parents[1]
PUBLISHED = dt.date(2024, 1, 31)


def ev(event_id, date=None, inferred=False, rel=(), curated=False, modality="asserted"):
    return Event(id=event_id, title=event_id.replace("-", " ").capitalize(), type="attack", date=date,
                 date_inferred=inferred, modality=modality, curated=curated,
                 sources=[Source(document="doc", quote="x")],
                 relations=[Relation(relation=r, target=t) for r, t in rel])


def tl(*events):
    return Timeline(documents=[Document(id="doc", published=PUBLISHED)], events=list(events))


def before_anchors() -> Timeline:
    """The seed's events as they were before any anchor: every date open up to publication."""
    seed = store.loads((ROOT / "events.yaml").read_text(encoding="utf-8"))
    events = []
    for event in seed.events:
        if event.modality == "asserted":
            event = event.model_copy(update={"date": "../2024-01-31", "date_inferred": True, "curated": False})
        events.append(event)
    return seed.model_copy(update={"events": events})


def test_setting_the_exercises_dates_narrows_the_attack_during_them():
    """The issue's example: an analyst types 11-20 Sep 2023 for the exercises."""
    timeline = before_anchors()
    assert narrowings(timeline).narrowings == []  # nothing to narrow before a date is set
    exercises = timeline.event("joint-exercises").model_copy(
        update={"date": "2023-09-11/2023-09-20", "date_inferred": False, "curated": True})
    timeline = timeline.model_copy(update={"events": [exercises if e.id == exercises.id else e for e in timeline.events]})
    found = {n.event_id: n for n in narrowings(timeline).narrowings}
    attack = found["azerbaijan-attack"]
    assert attack.words() == ("Azerbaijan launches another attack on Nagorno-Karabakh: "
                              "on or before 31 Jan 2024 -> 11 to 20 Sep 2023")
    assert found["us-calls-for-dialogue"].new == "2023-09-11/2024-01-31"  # what the text orders after it
    assert found["fighting-resumes"].new == "../2023-09-20"  # the earlier round, before "another attack"
    assert "joint-exercises" not in found and "russia-waits" not in found  # a person's date; unconstrained


def test_the_embedded_file_is_up_to_date():
    """events.yaml ships with its narrowings accepted: the first screen already tells the story."""
    seed = store.loads((ROOT / "events.yaml").read_text(encoding="utf-8"))
    report = narrowings(seed)
    assert report.narrowings == [] and report.stale == [] and report.conflicts == []
    anchors = {e.id for e in seed.events if e.curated}
    assert anchors == {"joint-exercises", "cis-summit-handshake"}
    assert all(not seed.event(i).date_inferred and "other reporting" in seed.event(i).notes for i in anchors)


def test_stated_and_curated_dates_never_change():
    timeline = tl(ev("a", "2023-09-19"), ev("b", "../2024-01-31", True, [("after", "a")], curated=True),
                  ev("c", "../2024-01-31", True, [("after", "a")]), ev("d", "2023", False, [("after", "a")]))
    found = {n.event_id: n.new for n in narrowings(timeline).narrowings}
    assert found == {"c": "2023-09-19/2024-01-31"}


def test_an_undated_event_gets_an_inferred_date():
    timeline = tl(ev("a", "2023-09-19"), ev("b", rel=[("before", "a")]))
    [item] = narrowings(timeline).narrowings
    assert (item.event_id, item.old, item.new) == ("b", None, "../2023-09-19")
    assert accept(timeline, [item]).event("b").date_inferred is True


def test_an_inferred_date_outside_the_window_is_stale_not_rewritten():
    timeline = tl(ev("a", "2023-09-19"), ev("b", "../2023-01-01", True, [("after", "a")]))
    report = narrowings(timeline)
    assert report.narrowings == [] and [(s.event_id, s.new) for s in report.stale] == [("b", "2023-09-19/2024-01-31")]


def test_accept_takes_only_what_was_accepted_and_skips_changed_events():
    timeline = tl(ev("a", "2023-09-19"), ev("b", "../2024-01-31", True, [("after", "a")]),
                  ev("c", "../2024-01-31", True, [("after", "a")]))
    proposals = narrowings(timeline).narrowings
    only_b = accept(timeline, proposals, {"b"})
    assert only_b.event("b").date == "2023-09-19/2024-01-31" and only_b.event("c").date == "../2024-01-31"
    edited = timeline.model_copy(update={"events": [*timeline.events[:2], timeline.events[2].model_copy(update={"date": "2023"})]})
    assert accept(edited, proposals).event("c").date == "2023"  # changed since the proposal: left alone


def test_accept_refreshes_a_valid_fingerprint():
    from timeline.merge import is_hand_edited

    timeline = tl(ev("a", "2023-09-19"), stamped(ev("b", "../2024-01-31", True, [("after", "a")])))
    narrowed = accept(timeline, narrowings(timeline).narrowings).event("b")
    assert narrowed.date == "2023-09-19/2024-01-31" and not is_hand_edited(narrowed)


def test_a_hand_edited_event_counts_as_curated():
    edited = stamped(ev("b", "../2024-01-31", True, [("after", "a")])).model_copy(update={"title": "Edited by hand"})
    assert not recomputable(edited)
    assert narrowings(tl(ev("a", "2023-09-19"), edited)).narrowings == []


def test_contradictions_are_reported_and_their_events_left_alone():
    timeline = tl(ev("a", "2023-09-19", rel=[("before", "b")]), ev("b", "2023-09-01"),
                  ev("c", "../2024-01-31", True, [("after", "a"), ("before", "b")]))
    report = narrowings(timeline)
    assert report.conflicts and {"a", "b"} <= set(report.conflicts[0].event_ids)
    assert "c" not in {n.event_id for n in report.narrowings}


# --- property: never wider, never a person's date ---------------------------------------------

DATES = st.sampled_from([None, "2023-09-19", "2023-09", "2023-09-11/2023-09-20", "../2024-01-31", "2023-06-01/..",
                         "2023", "../2023-10-01"])


@st.composite
def timelines(draw):
    n = draw(st.integers(2, 7))
    events = []
    for i in range(n):
        date = draw(DATES)
        rels = draw(st.lists(st.tuples(st.sampled_from(["before", "after", "during", "overlaps"]),
                                       st.integers(0, n - 1).filter(lambda j, i=i: j != i)), max_size=2))
        event = ev(f"e{i}", date, draw(st.booleans()) and date is not None, [(r, f"e{j}") for r, j in rels],
                   curated=draw(st.booleans()), modality=draw(st.sampled_from(["asserted", "asserted", "hypothetical"])))
        events.append(stamped(event) if draw(st.booleans()) and not event.curated else event)
    return tl(*events)


@settings(max_examples=150, deadline=None)
@given(timelines())
def test_narrowing_never_widens_and_never_changes_a_persons_date(timeline):
    report = narrowings(timeline)
    after = accept(timeline, report.narrowings)
    for old, new in zip(timeline.events, after.events):
        if old.curated or not old.date_inferred and old.date is not None:
            assert new == old  # a curated event, or a date a person or the text gave: untouched
        assert old.bounds.contains(new.bounds)  # never wider
        assert new.model_dump(exclude={"date", "date_inferred", "fingerprint"}) == old.model_dump(
            exclude={"date", "date_inferred", "fingerprint"})
    again = narrowings(after)
    assert again.narrowings == []  # accepting once is enough: the result is a fixpoint


# --- the command line ---------------------------------------------------------------------------

FILE = """\
# a comment that must survive --write
documents:
  - {id: doc, published: 2024-01-31}
events:
  - id: exercises
    title: Joint exercises
    type: military_exercise
    date: 2023-09-11/2023-09-20
    curated: true
  - id: attack
    title: An attack during the exercises
    type: attack
    date: ../2024-01-31   # inferred from publication
    date_inferred: true
    sources: [{document: doc, quote: attack}]
    relations:
      - {relation: during, target: exercises}
"""


def test_cli_lists_then_writes_and_keeps_comments(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text(FILE, encoding="utf-8")
    assert main(["narrow", str(path)]) == 0
    out = capsys.readouterr().out
    assert "attack: on or before 31 Jan 2024 -> 11 to 20 Sep 2023" in out and "--write" in out
    assert path.read_text(encoding="utf-8") == FILE  # a dry run writes nothing
    assert main(["narrow", str(path), "--check"]) == 1
    assert main(["narrow", str(path), "--write"]) == 0
    text = path.read_text(encoding="utf-8")
    assert "date: 2023-09-11/2023-09-20 " in text.split("id: attack")[1]
    assert "# inferred from publication" in text and "# a comment that must survive" in text
    capsys.readouterr()
    assert main(["narrow", str(path), "--check"]) == 0
    assert "nothing to narrow" in capsys.readouterr().out


def test_cli_reports_a_contradiction_as_validate_does(tmp_path, capsys):
    path = tmp_path / "events.yaml"
    path.write_text(FILE.replace("during, target: exercises", "before, target: exercises")
                    .replace("../2024-01-31   # inferred", "2023-09-25   # stated").replace("    date_inferred: true\n", ""),
                    encoding="utf-8")
    assert main(["narrow", str(path)]) == 1
    narrow_err = capsys.readouterr().err
    assert main(["validate", str(path)]) == 1
    validate_err = capsys.readouterr().err
    assert "cannot be dated" in narrow_err and narrow_err.splitlines()[0] == validate_err.splitlines()[0]


def test_cli_help_explains(capsys):
    with pytest.raises(SystemExit):
        main(["narrow", "--help"])
    text = capsys.readouterr().out
    assert "never" in text and "--write" in text and "curated" in text


def test_words_for_dates():
    assert dates.words("2023-09-11/2023-09-20") == "11 to 20 Sep 2023"
    assert dates.words("../2024-01-31") == "on or before 31 Jan 2024"
    assert dates.words("2024-01-31/..") == "on or after 31 Jan 2024"
    assert dates.words("2023-09-11/2024-01-31") == "11 Sep 2023 to 31 Jan 2024"
    assert dates.words("2023-09-11/2023-10-02") == "11 Sep to 2 Oct 2023"
    assert (dates.words("2023-09"), dates.words("2023"), dates.words(None)) == ("Sep 2023", "2023", "date unknown")
