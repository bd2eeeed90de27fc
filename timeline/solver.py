"""A simple temporal network: stated dates + relations + publication dates -> bounds per event.

Model (day granularity, integer day numbers). Each event has an unknown extent ``[s, e]`` with
``s <= e``; its *window* is ``[earliest s, latest e]``, which is what ``Solution.bounds`` holds.

Constraints, as difference constraints between endpoints (``x <= y``, weight 0 days):

* stated date ``[L, H]`` (an event's ``date`` that is not a machine inference):
  ``L <= s`` and ``e <= H``;
* ``a before b``: ``e_a <= s_b`` (same day allowed in days, but *strict* in the order graph, so a
  cycle ``a before b before a`` is a contradiction even without dates); ``a after b`` is
  ``b before a``;
* ``a during b``: ``s_b <= s_a`` and ``e_a <= e_b`` (a's window shrinks into b's);
* ``a overlaps b``: the two windows must share a day. It is checked after propagation, not
  propagated: news text pairs "while" with "after" loosely ("during the exercises, X then
  attacked"), so overlaps never makes a cycle and never tightens a window. ``OrderGraph`` (what
  the relations entail, for scoring) does read it as ``s_a <= e_b`` and ``s_b <= e_a``;
* publication: an ``asserted`` or ``negated`` event with a source in a document published on day
  P happened no later than P (``e <= P``, the earliest such P); a ``future`` or ``hypothetical``
  event has not happened by P (``P <= s``, the latest such P): a hypothetical is an unrealised
  possibility at publication, so if it happens at all it happens after.

Bounds propagate along the edges to a fixpoint (a worklist; values only ever move to one of the
finitely many stated day numbers, so it terminates; O(V*E) worst case). Contradictions come back as
``Conflict`` objects naming the events and relations involved: an endpoint whose earliest day is
after its latest day (``kind="empty"``), windows that must overlap but do not
(``kind="disjoint"``), a cycle through a strict ``before`` (``kind="cycle"``), and relations to
unknown events (``kind="unknown-target"``). Nothing is dropped: every relation is either used or reported.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict, deque
from dataclasses import dataclass, field

from . import dates
from .dates import Bounds
from .models import Event, Timeline

Triple = tuple[str, str, str]
Node = tuple[str, str]  # (event id, "s" | "e")
_PAST = ("asserted", "negated")
_LATER = ("future", "hypothetical")


@dataclass
class Conflict:
    """A contradiction: the events and relations that cannot all hold together."""

    event_ids: list[str]
    relations: list[Triple]
    message: str
    kind: str = "empty"  # empty | disjoint | cycle | unknown-target


@dataclass
class Solution:
    """Tightest window per event id, and every contradiction found."""

    bounds: dict[str, Bounds]
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass(frozen=True)
class _Edge:
    """``tail <= head`` between endpoints, from one relation (or an event's own s <= e)."""

    tail: Node
    head: Node
    strict: bool
    relation: Triple | None


# Why a bound has its value: ("date", event), ("published", event, document), or ("edge", _Edge).
_Why = tuple


def is_stated(event: Event) -> bool:
    """A date a person or the text gave: anything but a machine inference nobody confirmed."""
    return event.date is not None and (not event.date_inferred or event.curated)


def _edges_for(event: Event, known: set[str], overlaps: bool = False) -> tuple[list[_Edge], list[Conflict]]:
    """Endpoint edges of one event's relations (overlaps only on request); unknown targets are conflicts."""
    edges = [_Edge((event.id, "s"), (event.id, "e"), False, None)]
    conflicts = []
    for rel in event.relations:
        triple = (event.id, rel.relation, rel.target)
        a, b = event.id, rel.target
        if b not in known:
            conflicts.append(Conflict([a], [triple], f"{a} {rel.relation} {b}: no event has id {b!r}", "unknown-target"))
            continue
        if rel.relation == "after":
            a, b = b, a
        if rel.relation in ("before", "after"):
            edges.append(_Edge((a, "e"), (b, "s"), True, triple))
        elif rel.relation == "during":
            edges += [_Edge((b, "s"), (a, "s"), False, triple), _Edge((a, "e"), (b, "e"), False, triple)]
        elif overlaps:  # each starts no later than the other ends
            edges += [_Edge((a, "s"), (b, "e"), False, triple), _Edge((b, "s"), (a, "e"), False, triple)]
    return edges, conflicts


def _published_limits(event: Event, published: dict[str, dt.date]) -> tuple[tuple | None, tuple | None]:
    """(lower, upper) limits from the publication dates of the event's documents, with their why."""
    days = sorted((published[s.document], s.document) for s in event.sources if s.document in published)
    if not days:
        return None, None
    if event.modality in _PAST:
        return None, (days[0][0].toordinal(), ("published", event.id, days[0][1]))
    if event.modality in _LATER:
        return (days[-1][0].toordinal(), ("published", event.id, days[-1][1])), None
    return None, None


class _Network:
    """Endpoint bounds with the reason for each, propagated along ``<=`` edges."""

    def __init__(self, edges: list[_Edge]) -> None:
        self.edges = edges
        self.out: dict[Node, list[_Edge]] = defaultdict(list)
        self.inc: dict[Node, list[_Edge]] = defaultdict(list)
        for edge in edges:
            self.out[edge.tail].append(edge)
            self.inc[edge.head].append(edge)
        self.lo: dict[Node, tuple[int, _Why]] = {}
        self.hi: dict[Node, tuple[int, _Why]] = {}

    def raise_lo(self, node: Node, day: int, why: _Why) -> bool:
        if node in self.lo and self.lo[node][0] >= day:
            return False
        self.lo[node] = (day, why)
        return True

    def lower_hi(self, node: Node, day: int, why: _Why) -> bool:
        if node in self.hi and self.hi[node][0] <= day:
            return False
        self.hi[node] = (day, why)
        return True

    def propagate(self) -> None:
        """Push earliest days forward and latest days backward until nothing changes.

        The two directions never read each other, so each runs as its own worklist, and a node
        waits in a worklist at most once at a time.
        """
        self._sweep(self.lo, self.out, lambda e: e.head, lambda old, new: new > old)
        self._sweep(self.hi, self.inc, lambda e: e.tail, lambda old, new: new < old)

    @staticmethod
    def _sweep(table: dict, edges: dict, far, better) -> None:
        queue = deque(sorted(table))
        waiting = set(queue)
        while queue:
            node = queue.popleft()
            waiting.discard(node)
            day = table[node][0]
            for edge in edges.get(node, ()):
                nxt = far(edge)
                if nxt not in table or better(table[nxt][0], day):
                    table[nxt] = (day, ("edge", edge))
                    if nxt not in waiting:
                        waiting.add(nxt)
                        queue.append(nxt)

    def explain(self, node: Node, side: str) -> tuple[set[str], set[Triple], str]:
        """Events and relations on the chain that gave ``node`` its bound on ``side``, and its origin."""
        table = self.lo if side == "lo" else self.hi
        events: set[str] = set()
        relations: set[Triple] = set()
        seen: set[Node] = set()
        origin = "no stated date"
        while node in table and node not in seen:
            seen.add(node)
            events.add(node[0])
            why = table[node][1]
            if why[0] != "edge":
                tense = "still to come" if side == "lo" else "past"
                origin = f"the date of {why[1]}" if why[0] == "date" else f"{why[1]} is reported as {tense} in {why[2]}"
                break
            edge: _Edge = why[1]
            if edge.relation:
                relations.add(edge.relation)
            node = edge.tail if side == "lo" else edge.head
        return events, relations, origin


def _seed(net: _Network, timeline: Timeline) -> None:
    """Stated dates and publication limits as the network's starting bounds."""
    published = {d.id: d.published for d in timeline.documents if d.published}
    for event in timeline.events:
        s, e = (event.id, "s"), (event.id, "e")
        if is_stated(event):
            b = event.bounds
            if b.earliest:
                net.raise_lo(s, b.earliest.toordinal(), ("date", event.id))
            if b.latest:
                net.lower_hi(e, b.latest.toordinal(), ("date", event.id))
        lower, upper = _published_limits(event, published)
        if lower:
            net.raise_lo(s, *lower)
        if upper:
            net.lower_hi(e, *upper)


def _day(number: int | None) -> dt.date | None:
    return None if number is None else dt.date.fromordinal(number)


def _window(net: _Network, event_id: str) -> Bounds:
    lo = net.lo.get((event_id, "s"), (None,))[0]
    hi = net.hi.get((event_id, "e"), (None,))[0]
    if lo is not None and hi is not None and lo > hi:
        return Bounds(_day(lo), _day(hi), "empty")
    return Bounds(_day(lo), _day(hi), _precision(dates.format_interval(_day(lo), _day(hi))))


def _precision(text: str) -> str:
    """Precision of an EDTF string ``format_interval`` wrote, read off its shape (the parser is slow)."""
    if "/" in text:
        return "open" if ".." in text else "interval"
    return {10: "day", 7: "month", 4: "year"}[len(text)]


def _fmt(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


def _empty_conflicts(net: _Network) -> list[Conflict]:
    """Endpoints whose earliest day is after their latest day, each explained by its two chains."""
    found: list[Conflict] = []
    told = _Told()
    for node in sorted(set(net.lo) & set(net.hi)):
        lo, hi = net.lo[node][0], net.hi[node][0]
        if lo <= hi:
            continue
        ev_lo, rel_lo, why_lo = net.explain(node, "lo")
        ev_hi, rel_hi, why_hi = net.explain(node, "hi")
        events, rels = ev_lo | ev_hi, rel_lo | rel_hi
        if told.within(events, rels):
            continue
        told.add(events, rels)
        message = (
            f"{node[0]} cannot be dated: it must be on or after {_fmt(lo)} "
            f"({_describe(why_lo, sorted(rel_lo))}) and on or before {_fmt(hi)} "
            f"({_describe(why_hi, sorted(rel_hi))})"
        )
        found.append(Conflict(sorted(events), sorted(rels), message, "empty"))
    return found


class _Told:
    """The events and relations of each conflict found, filed under its least event id: an earlier
    conflict within a new one has its least event among the new one's events, so only the conflicts
    filed under those are asked, not all (a long document's one large group finds thousands: the
    scan of all of them for each was quadratic, 1.4 s of the solver's 7.8 at 15 MB)."""

    def __init__(self) -> None:
        self.by_event: dict[str, list[tuple[frozenset[str], frozenset[Triple]]]] = {}

    def add(self, events: set[str], relations: set[Triple]) -> None:
        """File a conflict found (never empty: it holds the event whose endpoint it is)."""
        entry = (frozenset(events), frozenset(relations))
        self.by_event.setdefault(min(events), []).append(entry)

    def within(self, events: set[str], relations: set[Triple]) -> bool:
        """Whether some conflict found has all its events and relations among these."""
        return any(old_events <= events and old_relations <= relations
                   for event in events for old_events, old_relations in self.by_event.get(event, ()))


def _describe(origin: str, relations: list[Triple]) -> str:
    if relations:
        return origin + ", via " + ", ".join(" ".join(r) for r in relations)
    return origin


def _disjoint_conflicts(timeline: Timeline, net: _Network, known: set[str], broken: set[str]) -> list[Conflict]:
    """``a overlaps b`` needs the two windows to share a day (events already in conflict aside)."""
    found = []
    for event in timeline.events:
        for rel in event.relations:
            if rel.relation != "overlaps" or rel.target not in known or {event.id, rel.target} & broken:
                continue
            a, b = _window(net, event.id), _window(net, rel.target)
            if (a.latest and b.earliest and a.latest < b.earliest) or (b.latest and a.earliest and b.latest < a.earliest):
                message = (f"{event.id} overlaps {rel.target}, but their dates do not meet "
                           f"({dates.format_interval(a.earliest, a.latest)} and {dates.format_interval(b.earliest, b.latest)})")
                found.append(Conflict(sorted({event.id, rel.target}), [(event.id, "overlaps", rel.target)], message, "disjoint"))
    return found


def _sccs(nodes: list[Node], out: dict[Node, list[_Edge]]) -> dict[Node, int]:
    """Strongly connected components (iterative Tarjan): node -> component number."""
    index: dict[Node, int] = {}
    low: dict[Node, int] = {}
    comp: dict[Node, int] = {}
    stack: list[Node] = []
    counter = components = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(out.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        while work:
            node, edges = work[-1]
            edge = next(edges, None)
            if edge is not None:
                head = edge.head
                if head not in index:
                    index[head] = low[head] = counter
                    counter += 1
                    stack.append(head)
                    work.append((head, iter(out.get(head, ()))))
                elif head not in comp:
                    low[node] = min(low[node], index[head])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    comp[member] = components
                    if member == node:
                        break
                components += 1
    return comp


def _cycle_through(edge: _Edge, out: dict[Node, list[_Edge]], comp: dict[Node, int]) -> list[_Edge]:
    """Shortest path from ``edge.head`` back to ``edge.tail`` inside one component, plus ``edge``."""
    target, members = edge.tail, comp[edge.tail]
    back: dict[Node, _Edge | None] = {edge.head: None}
    queue = deque([edge.head])
    while queue and target not in back:
        node = queue.popleft()
        for nxt in out.get(node, ()):
            if nxt.head not in back and comp.get(nxt.head) == members:
                back[nxt.head] = nxt
                queue.append(nxt.head)
    path, node = [edge], target
    while back.get(node) is not None:
        path.append(back[node])
        node = back[node].tail
    return path


def _cycle_conflicts(net: _Network) -> list[Conflict]:
    """A strict ``before`` inside a cycle of the order graph cannot hold, dates or not."""
    nodes = sorted({n for e in net.edges for n in (e.tail, e.head)})
    comp = _sccs(nodes, net.out)
    found: list[Conflict] = []
    done: set[int] = set()
    for edge in net.edges:
        if not edge.strict or comp[edge.tail] != comp[edge.head] or comp[edge.tail] in done:
            continue
        done.add(comp[edge.tail])
        path = _cycle_through(edge, net.out, comp)
        rels = sorted({p.relation for p in path if p.relation})
        events = sorted({n for p in path for n in (p.tail[0], p.head[0])})
        message = "these relations form a cycle, so they cannot all hold: " + "; ".join(" ".join(r) for r in rels)
        found.append(Conflict(events, rels, message, "cycle"))
    return found


def solve(timeline: Timeline) -> Solution:
    """Tightest earliest/latest window for every event, and every contradiction, named."""
    known = {e.id for e in timeline.events}
    edges: list[_Edge] = []
    conflicts: list[Conflict] = []
    for event in timeline.events:
        more, bad = _edges_for(event, known)
        edges += more
        conflicts += bad
    net = _Network(edges)
    _seed(net, timeline)
    net.propagate()
    conflicts += _cycle_conflicts(net) + _empty_conflicts(net)
    broken = {i for c in conflicts if c.kind != "unknown-target" for i in c.event_ids}
    conflicts += _disjoint_conflicts(timeline, net, known, broken)
    broken = {i for c in conflicts if c.kind != "unknown-target" for i in c.event_ids}
    bounds = {e.id: (_fallback(e, timeline) if e.id in broken else _window(net, e.id)) for e in timeline.events}
    return Solution(bounds, conflicts)


def _fallback(event: Event, timeline: Timeline) -> Bounds:
    """An event caught in a contradiction keeps only its own evidence: its stated date and publication."""
    alone = Timeline(documents=timeline.documents, events=[event.model_copy(update={"relations": []})])
    net = _Network(_edges_for(alone.events[0], {event.id})[0])
    _seed(net, alone)
    net.propagate()
    return _window(net, event.id)


def apply(timeline: Timeline, solution: Solution) -> Timeline:
    """Write solved windows into events without a stated date, marked ``date_inferred``.

    Stated dates and events a person flagged or edited (``curated``, or a fingerprint that no
    longer matches) are never touched; an event whose window is wholly open loses a stale inferred
    date instead of keeping one nothing supports any more. A valid fingerprint is refreshed, so
    the solver's own writes never look like hand edits.
    """
    from .merge import fingerprint, is_hand_edited

    events = []
    for event in timeline.events:
        if is_hand_edited(event) or is_stated(event) or event.id not in solution.bounds:
            events.append(event)
            continue
        b = solution.bounds[event.id]
        if b.earliest is None and b.latest is None:
            new = event.model_copy(update={"date": None, "date_inferred": False})
        else:
            new = event.model_copy(update={"date": dates.format_interval(b.earliest, b.latest), "date_inferred": True})
        if new != event and event.fingerprint is not None:
            new = new.model_copy(update={"fingerprint": fingerprint(new)})
        events.append(new)
    return timeline.model_copy(update={"events": events})


class OrderGraph:
    """What the relations alone entail about two events, directly, inverted or transitively."""

    def __init__(self, timeline: Timeline) -> None:
        known = {e.id for e in timeline.events}
        self.out: dict[Node, list[_Edge]] = defaultdict(list)
        self.inc: dict[Node, list[_Edge]] = defaultdict(list)
        for event in timeline.events:
            for edge in _edges_for(event, known, overlaps=True)[0]:
                self.out[edge.tail].append(edge)
                self.inc[edge.head].append(edge)

    def _spread(self, src: Node, forward: bool = True) -> dict[Node, bool]:
        """Every endpoint a path from ``src`` reaches (against the edges when not ``forward``),
        mapped to whether some such path goes through a strict edge."""
        edges, far = (self.out, lambda e: e.head) if forward else (self.inc, lambda e: e.tail)
        reached: dict[Node, bool] = {src: False}
        queue = deque([(src, False)])
        while queue:
            node, through_strict = queue.popleft()
            for edge in edges.get(node, ()):
                nxt, strict = far(edge), through_strict or edge.strict
                if nxt not in reached or (strict and not reached[nxt]):
                    reached[nxt] = strict
                    queue.append((nxt, strict))
        return reached

    def _reach(self, src: Node, dst: Node, strict: bool) -> bool:
        """Is there a path ``src <= ... <= dst`` (through a strict edge when ``strict``)?"""
        reached = self._spread(src)
        return dst in reached and (reached[dst] or not strict)

    def around(self, event_id: str) -> tuple[set[str], set[str]]:
        """(before, after): the events the relations put wholly before and wholly after this one."""
        after = {n[0] for n, strict in self._spread((event_id, "e")).items() if strict and n[1] == "s"}
        before = {n[0] for n, strict in self._spread((event_id, "s"), False).items() if strict and n[1] == "e"}
        return before - {event_id}, after - {event_id}

    def entails(self, a: str, relation: str, b: str) -> bool:
        """Whether ``a relation b`` (before, after, during, overlaps or same) follows."""
        if relation == "before":
            return self._reach((a, "e"), (b, "s"), True)
        if relation == "after":
            return self.entails(b, "before", a)
        if relation == "during":
            return self._reach((b, "s"), (a, "s"), False) and self._reach((a, "e"), (b, "e"), False)
        if relation == "same":
            return self.entails(a, "during", b) and self.entails(b, "during", a)
        if relation == "overlaps":
            meet = self._reach((a, "s"), (b, "e"), False) and self._reach((b, "s"), (a, "e"), False)
            return meet or self.entails(a, "during", b) or self.entails(b, "during", a)
        raise ValueError(f"unknown relation {relation!r}")
