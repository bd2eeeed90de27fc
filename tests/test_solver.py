"""Temporal network: stated dates + relations + publication dates -> windows and named conflicts."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.models import Document, Event, Relation, Source, Timeline
from timeline.solver import apply, solve

D = dt.date


def ev(event_id, date=None, rel=(), modality="asserted", doc=None, **fields):
    """A small event: ``rel`` is a list of (relation, target)."""
    sources = [Source(document=doc, quote="x")] if doc else []
    return Event(
        id=event_id, title=event_id, type="attack", date=date, modality=modality, sources=sources,
        relations=[Relation(relation=r, target=t) for r, t in rel], **fields,
    )


def tl(*events, published=None):
    docs = [Document(id="d", published=published)] if published else []
    return Timeline(documents=docs, events=list(events))


def window(solution, event_id):
    b = solution.bounds[event_id]
    return b.earliest, b.latest


def test_before_tightens_both_sides():
    s = solve(tl(ev("a", rel=[("before", "b")]), ev("b", "2023-09-19"), ev("c", "2023-09-01", rel=[("before", "a")])))
    assert window(s, "a") == (D(2023, 9, 1), D(2023, 9, 19))
    assert s.conflicts == []


def test_after_is_inverse_before():
    s = solve(tl(ev("a", rel=[("after", "b")]), ev("b", "2023-09")))
    assert window(s, "a") == (D(2023, 9, 1), None)


def test_during_puts_window_inside_the_other():
    s = solve(tl(ev("a", rel=[("during", "b")]), ev("b", "2023-12-25/2023-12-26")))
    assert window(s, "a") == (D(2023, 12, 25), D(2023, 12, 26))
    assert s.bounds["a"].precision == "interval"


def test_overlaps_never_shrinks_a_window():
    s = solve(tl(ev("a", rel=[("overlaps", "b")]), ev("b", "2023-09-19")))
    assert window(s, "a") == (None, None) and s.conflicts == []


def test_overlaps_with_a_loose_after_is_no_contradiction():
    """'During the exercises, X then attacked': news pairs overlap with after loosely."""
    s = solve(tl(ev("x", rel=[("overlaps", "a")]), ev("a", rel=[("after", "x")])))
    assert s.conflicts == []


def test_publication_date_bounds_past_and_future_events():
    s = solve(
        tl(ev("past", doc="d"), ev("plan", modality="future", doc="d"), ev("maybe", modality="hypothetical", doc="d"),
           published=D(2024, 1, 31))
    )
    assert window(s, "past") == (None, D(2024, 1, 31))
    assert window(s, "plan") == (D(2024, 1, 31), None)
    assert window(s, "maybe") == (D(2024, 1, 31), None)


def test_chain_through_publication_date():
    s = solve(tl(ev("a", doc="d", rel=[("after", "b")]), ev("b", "2023-09"), published=D(2024, 1, 31)))
    assert window(s, "a") == (D(2023, 9, 1), D(2024, 1, 31))


def test_contradicting_dates_name_events_and_relations():
    s = solve(tl(ev("a", "2024-02", rel=[("before", "b")]), ev("b", "2024-01")))
    (conflict,) = s.conflicts
    assert conflict.kind == "empty"
    assert conflict.event_ids == ["a", "b"]
    assert conflict.relations == [("a", "before", "b")]
    assert "2024-02-01" in conflict.message and "2024-01-31" in conflict.message


def test_conflict_through_a_chain_names_every_link():
    s = solve(tl(ev("a", "2024-03-01", rel=[("before", "m")]), ev("m", rel=[("before", "b")]), ev("b", "2024-01-01")))
    assert len(s.conflicts) == 1
    assert set(s.conflicts[0].relations) == {("a", "before", "m"), ("m", "before", "b")}
    assert set(s.conflicts[0].event_ids) == {"a", "m", "b"}


def test_pure_before_cycle_without_dates_is_a_conflict():
    s = solve(tl(ev("a", rel=[("before", "b")]), ev("b", rel=[("before", "c")]), ev("c", rel=[("before", "a")])))
    cycles = [c for c in s.conflicts if c.kind == "cycle"]
    assert len(cycles) == 1
    assert cycles[0].event_ids == ["a", "b", "c"]
    assert len(cycles[0].relations) == 3


def test_before_and_after_same_pair_is_a_cycle():
    s = solve(tl(ev("a", rel=[("before", "b"), ("after", "b")]), ev("b")))
    assert [c.kind for c in s.conflicts] == ["cycle"]


def test_mutual_during_is_not_a_cycle():
    s = solve(tl(ev("a", rel=[("during", "b")]), ev("b", rel=[("during", "a")])))
    assert s.conflicts == []


def test_disjoint_overlap_is_reported():
    s = solve(tl(ev("a", "2023-01", rel=[("overlaps", "b")]), ev("b", "2023-05")))
    assert [c.kind for c in s.conflicts] == ["disjoint"]
    assert s.conflicts[0].relations == [("a", "overlaps", "b")] and "2023-01" in s.conflicts[0].message


def test_unknown_target_is_reported_not_dropped():
    s = solve(tl(ev("a", rel=[("before", "ghost")])))
    assert [c.kind for c in s.conflicts] == ["unknown-target"]
    assert "ghost" in s.conflicts[0].message


def test_future_event_contradicting_past_relation():
    s = solve(tl(ev("plan", modality="future", doc="d", rel=[("before", "x")]), ev("x", "2023-05"),
                 published=D(2024, 1, 31)))
    assert s.conflicts and "plan" in s.conflicts[0].event_ids


def test_conflicting_events_fall_back_to_own_evidence():
    s = solve(tl(ev("a", "2024-02", rel=[("before", "b")]), ev("b", "2024-01")))
    assert window(s, "a") == (D(2024, 2, 1), D(2024, 2, 29))


def test_machine_inferred_dates_are_recomputed_not_trusted():
    s = solve(tl(ev("a", "2020", date_inferred=True, rel=[("after", "b")]), ev("b", "2023-09")))
    assert window(s, "a") == (D(2023, 9, 1), None)
    assert s.conflicts == []


def test_apply_writes_inferred_dates_and_keeps_stated_and_curated():
    t = tl(
        ev("a", rel=[("before", "b")]), ev("b", "2023-09-19"),
        ev("c", rel=[("before", "b")], curated=True), ev("d", "2020", date_inferred=True),
    )
    out = apply(t, solve(t))
    assert (out.event("a").date, out.event("a").date_inferred) == ("../2023-09-19", True)
    assert (out.event("b").date, out.event("b").date_inferred) == ("2023-09-19", False)
    assert out.event("c").date is None and not out.event("c").date_inferred
    assert out.event("d").date is None and not out.event("d").date_inferred


def test_apply_uses_compact_edtf():
    t = tl(ev("a", rel=[("during", "b")]), ev("b", "2023-09"))
    assert apply(t, solve(t)).event("a").date == "2023-09"


def test_long_chain_is_fast_and_exact():
    n = 2000
    events = [ev(f"e{i}", rel=[("before", f"e{i + 1}")]) for i in range(n)] + [ev(f"e{n}", "2023-09-19")]
    events[0] = ev("e0", "2023-01-01", rel=[("before", "e1")])
    s = solve(tl(*events))
    assert window(s, "e1000") == (D(2023, 1, 1), D(2023, 9, 19))
    assert s.conflicts == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5)), max_size=8), st.lists(st.integers(0, 40), min_size=6, max_size=6))
def test_solved_windows_contain_a_consistent_assignment(pairs, days):
    """When a point assignment satisfies everything, the solver finds no conflict and every window holds it."""
    base = D(2023, 1, 1)
    rels = {i: [] for i in range(6)}
    for a, b in pairs:
        if days[a] < days[b]:
            rels[a].append(("before", f"e{b}"))
    events = [ev(f"e{i}", (base + dt.timedelta(days[i])).isoformat() if i % 2 else None, rel=rels[i]) for i in range(6)]
    s = solve(tl(*events))
    assert s.conflicts == []
    for i in range(6):
        b = s.bounds[f"e{i}"]
        day = base + dt.timedelta(days[i])
        assert (b.earliest is None or b.earliest <= day) and (b.latest is None or day <= b.latest)


def test_order_graph_entails_transitively_and_inverted():
    from timeline.solver import OrderGraph

    g = OrderGraph(tl(ev("a", rel=[("before", "b")]), ev("b", rel=[("during", "c")]), ev("c", rel=[("before", "d")]), ev("d")))
    assert g.entails("a", "before", "b") and g.entails("b", "after", "a")
    assert g.entails("b", "before", "d")  # b inside c, c before d
    assert g.entails("b", "during", "c") and g.entails("b", "overlaps", "c")
    assert not g.entails("a", "before", "c")  # a before b says nothing about c's start
    assert not g.entails("b", "before", "a") and not g.entails("a", "same", "b")


def test_apply_skips_hand_edits_and_refreshes_fingerprints():
    from timeline.merge import fingerprint, is_curated, stamped

    fresh = stamped(ev("a", rel=[("before", "b")]))
    edited = stamped(ev("c", rel=[("before", "b")])).model_copy(update={"title": "changed by hand"})
    t = tl(fresh, ev("b", "2023-09-19"), edited)
    out = apply(t, solve(t))
    assert out.event("a").date == "../2023-09-19" and not is_curated(out.event("a"))
    assert out.event("a").fingerprint == fingerprint(out.event("a"))
    assert out.event("c") == edited


def _feasible(stated, relations, days=4):
    """Brute force: every (start, end) per event on days 0..days-1 that meets all constraints."""
    import itertools

    spans = [(s, e) for s in range(days) for e in range(s, days)]
    ok = []
    for choice in itertools.product(spans, repeat=len(stated)):
        if any(lo is not None and not (lo <= s and e <= hi) for (s, e), (lo, hi) in zip(choice, stated)):
            continue
        if all(_holds(choice[a], rel, choice[b]) for a, rel, b in relations):
            ok.append(choice)
    return ok


def _holds(a, relation, b):
    if relation == "before":
        return a[1] <= b[0]
    if relation == "after":
        return b[1] <= a[0]
    return b[0] <= a[0] and a[1] <= b[1]  # during


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.tuples(st.integers(0, 3), st.integers(0, 3)).map(sorted)), min_size=3, max_size=3),
    st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["before", "after", "during"]), st.integers(0, 2)), max_size=4),
)
def test_windows_are_exactly_the_feasible_range(stated, relations):
    """Against brute force: no conflict iff feasible, and each window is the tightest one."""
    relations = [(a, r, b) for a, r, b in relations if a != b]
    base = D(2023, 1, 1)
    day = lambda n: (base + dt.timedelta(n)).isoformat()  # noqa: E731
    events = [
        ev(f"e{i}", None if s is None else f"{day(s[0])}/{day(s[1])}", rel=[(r, f"e{b}") for a, r, b in relations if a == i])
        for i, s in enumerate(stated)
    ]
    solution = solve(tl(*events))
    if any(c.kind == "cycle" for c in solution.conflicts):
        return  # strict order cycles are contradictions the day grid cannot see
    stated_days = [(None, None) if s is None else (s[0], s[1]) for s in stated]
    feasible = _feasible(stated_days, relations)
    assert bool(solution.conflicts) == (not feasible)
    if not feasible:
        return
    for i in range(3):
        lo, hi = min(c[i][0] for c in feasible), max(c[i][1] for c in feasible)
        b = solution.bounds[f"e{i}"]
        got_lo = (b.earliest - base).days if b.earliest else 0  # open ends: the grid's edge
        got_hi = (b.latest - base).days if b.latest else 3
        assert (max(got_lo, 0), min(got_hi, 3)) == (lo, hi)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from("abcde"), min_size=1), st.sets(st.sampled_from("xyz"))), max_size=8),
       st.sets(st.sampled_from("abcde"), min_size=1), st.sets(st.sampled_from("xyz")))
def test_a_conflict_already_told_is_found_among_those_sharing_an_event_as_among_all(found, events, relations):
    """The conflicts filed under their events answer 'is this one told already' as a scan of every
    conflict found did (the scan was quadratic in a long document's one large group)."""
    from timeline.solver import _Told

    told = _Told()
    for old_events, old_relations in found:
        told.add(old_events, old_relations)
    expected = any(old_events <= events and old_relations <= relations for old_events, old_relations in found)
    assert told.within(events, relations) == expected
