"""The story's order as the solver knows it, laid out left to right for a picture.

``build_order`` runs once per timeline version. It solves the timeline (``solver.solve``), keeps
the relations the solver found no contradiction in, and gives every event a *rank*: the length of
the longest chain of "must come before" that ends at it. Such a chain steps through a stated
``before``/``after`` relation, or through two events whose windows cannot meet (one's latest day is
earlier than the other's earliest, the solved windows holding relations and dates together). Events
linked by ``during`` or ``overlaps`` share a rank, as one block (unless something orders them
against each other). Events that nothing orders against any other are *unordered*.

Date-only order is never listed pair by pair (it is quadratic): the days at which windows end
form a chain of time points, each window's end feeds its point and each window's start reads the
point just before it, so the longest-path pass over groups plus points is linear after a sort.

``lay_out`` runs per filter change: the shown events' ranks become columns (empty ones dropped),
each thread of related events gets a band of rows, events ordered by their dates alone share a
band, and unordered ones fill a grid at the bottom. Label geometry is estimated in pixels
(``label_boxes``) so that tests can check that no two labels overlap. No plotly, no Streamlit.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from . import dates
from .filters import day_number
from .models import Timeline
from .solver import Conflict, OrderGraph, Solution, solve

COLUMN_PX = 176  # nominal width of one rank column on screen
ROW_PX = 76  # height of one row: marker, up to three lines of title, one line of date
MAX_VISIBLE = 5  # columns in the first view: 5 x 176 px fits a chart 880 px wide; the rest pans
WRAP = 24  # characters per title line (11 px text)
TITLE_LINES = 3
FONT_PX, DATE_FONT_PX = 11.0, 10.0
CHAR_EM = 0.62  # upper bound of a character's width in em for the chart's sans-serif fonts
LINE_EM = 1.3
MARKER_GAP_PX = 9.0  # from a marker's centre to the top of its label


@dataclass(frozen=True)
class Link:
    """A stated relation between two events (positions in ``timeline.events``): ``tail kind head``."""

    tail: int
    head: int
    kind: str  # before | during | overlaps
    bad: bool  # named in a contradiction by the solver


@dataclass
class Order:
    """Everything about the order that does not depend on filters (built once per file version)."""

    ids: list[str]
    lo: np.ndarray  # solved window, day numbers, NaN when open
    hi: np.ndarray
    rank: np.ndarray  # -1: unordered
    group: np.ndarray  # block of events linked by during/overlaps (an event alone is its own)
    thread: np.ndarray  # component of events linked by relations, -1 when none
    links: list[Link]
    conflicts: list[Conflict]
    titles: list[list[str]]  # wrapped title lines
    date_words: list[str]
    consistent: Timeline  # the timeline without the relations in a contradiction
    index: dict[str, int] = field(default_factory=dict)
    _graph: OrderGraph | None = None

    def __post_init__(self) -> None:
        self.index = {event_id: i for i, event_id in enumerate(self.ids)}

    @property
    def graph(self) -> OrderGraph:
        """What the consistent relations entail (built on the first selection, not before)."""
        if self._graph is None:
            self._graph = OrderGraph(self.consistent)
        return self._graph


@dataclass(frozen=True)
class Around:
    """What must come before and after one event, and what happens at the same time."""

    before: frozenset[str]
    after: frozenset[str]
    same_time: frozenset[str]


@dataclass(frozen=True)
class Band:
    """A horizontal band of rows: one thread of related events, or a named group."""

    title: str | None
    top: float
    bottom: float


@dataclass(frozen=True)
class Layout:
    """Where each shown event goes; arrays are aligned with ``idx`` (rows of the timeline)."""

    idx: np.ndarray
    x: np.ndarray
    y: np.ndarray
    columns: int  # rank columns among the shown events
    visible: int  # columns in the first view
    bands: list[Band]
    links: list[tuple[int, int, str, bool]]  # positions into idx: tail, head, kind, bad
    blocks: list[tuple[list[int], str]]  # positions into idx drawn as one block, and during|overlaps
    height_rows: float

    def __len__(self) -> int:
        return len(self.idx)


# --- the order (once per file version) ----------------------------------------------------------


def build_order(timeline: Timeline, solution: Solution | None = None) -> Order:
    """Ranks, blocks and threads of every event, from the solver's windows and the relations."""
    solution = solution if solution is not None else solve(timeline)
    events = timeline.events
    ids = [e.id for e in events]
    conflicts = [c for c in solution.conflicts if c.kind != "unknown-target"]
    bad = {tuple(r) for c in conflicts for r in c.relations}
    links = _links(timeline, bad)
    lo, hi = _windows(ids, solution, {i for c in conflicts for i in c.event_ids})
    group = _groups(len(ids), links, lo, hi)
    rank = _ranks(group, links, lo, hi)
    good = [ln for ln in links if not ln.bad]
    return Order(
        ids=ids, lo=lo, hi=hi, rank=rank, group=group, thread=_threads(len(ids), good), links=links,
        conflicts=conflicts, titles=[wrap(e.title) for e in events],
        date_words=[dates.words(e.date) for e in events], consistent=_without(timeline, bad),
    )


def _links(timeline: Timeline, bad: set[tuple[str, str, str]]) -> list[Link]:
    """Relations between known, distinct events; ``after`` is turned round into ``before``."""
    index = {e.id: i for i, e in enumerate(timeline.events)}
    out = []
    for i, event in enumerate(timeline.events):
        for rel in event.relations:
            j = index.get(rel.target)
            if j is None or j == i:
                continue
            flagged = (event.id, rel.relation, rel.target) in bad
            tail, head = (j, i) if rel.relation == "after" else (i, j)
            out.append(Link(tail, head, "before" if rel.relation == "after" else rel.relation, flagged))
    return out


def _without(timeline: Timeline, bad: set[tuple[str, str, str]]) -> Timeline:
    """The timeline minus the relations in a contradiction (for before/after questions)."""
    if not bad:
        return timeline
    events = []
    for event in timeline.events:
        keep = [r for r in event.relations if (event.id, r.relation, r.target) not in bad]
        events.append(event if len(keep) == len(event.relations) else event.model_copy(update={"relations": keep}))
    return timeline.model_copy(update={"events": events})


def _windows(ids: list[str], solution: Solution, broken: set[str]) -> tuple[np.ndarray, np.ndarray]:
    """Solved windows as day numbers; open (NaN) for events in a contradiction, whose windows
    hold only their own evidence and so cannot order them against the rest."""
    lo = np.full(len(ids), np.nan)
    hi = np.full(len(ids), np.nan)
    for i, event_id in enumerate(ids):
        b = solution.bounds.get(event_id)
        if b is not None and b.precision != "empty" and event_id not in broken:
            lo[i] = np.nan if b.earliest is None else day_number(b.earliest)
            hi[i] = np.nan if b.latest is None else day_number(b.latest)
    return lo, hi


class _Sets:
    """Union-find over event positions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)

    def labels(self) -> np.ndarray:
        return np.array([self.find(i) for i in range(len(self.parent))], dtype=np.int64)


def _groups(n: int, links: list[Link], lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Blocks of events tied by during/overlaps; a block that something orders inside is split up."""
    sets = _Sets(n)
    for ln in links:
        if not ln.bad and ln.kind != "before":
            sets.join(ln.tail, ln.head)
    group = sets.labels()
    split = {group[ln.tail] for ln in links if not ln.bad and ln.kind == "before" and group[ln.tail] == group[ln.head]}
    members: dict[int, list[int]] = defaultdict(list)
    for i, g in enumerate(group.tolist()):
        members[g].append(i)
    for g, rows in members.items():
        if len(rows) > 1 and np.nanmin(hi[rows], initial=np.inf) < np.nanmax(lo[rows], initial=-np.inf):
            split.add(g)  # one member ends before another starts: not one block in time
    for g in split:
        group[members[g]] = members[g]
    return group


def _ranks(group: np.ndarray, links: list[Link], lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Longest chain of 'must come before' ending at each event's block; -1 for unordered events."""
    blocks = np.unique(group)
    where = {int(g): k for k, g in enumerate(blocks.tolist())}
    g_of = np.array([where[int(g)] for g in group.tolist()], dtype=np.int64)
    n = len(blocks)
    g_lo = np.full(n, -np.inf)
    g_hi = np.full(n, np.inf)
    np.maximum.at(g_lo, g_of, np.where(np.isnan(lo), -np.inf, lo))
    np.minimum.at(g_hi, g_of, np.where(np.isnan(hi), np.inf, hi))
    strict = [(int(g_of[ln.tail]), int(g_of[ln.head])) for ln in links if not ln.bad and ln.kind == "before"]
    strict = [(a, b) for a, b in strict if a != b]
    rank = _longest_paths(n, strict, g_lo, g_hi)
    size = np.bincount(g_of, minlength=n)
    touched = np.zeros(n, dtype=bool)
    for a, b in strict:
        touched[a] = touched[b] = True
    dated_before = g_hi < (g_lo.max() if n else -np.inf)  # some other block starts after it ends
    dated_after = g_lo > (g_hi.min() if n else np.inf)
    ordered = touched | dated_before | dated_after | (size > 1)
    return np.where(ordered[g_of], rank[g_of], -1)


def _longest_paths(n: int, strict: list[tuple[int, int]], g_lo: np.ndarray, g_hi: np.ndarray) -> np.ndarray:
    """Kahn's longest path over blocks plus a chain of time points (one per distinct end day)."""
    points = sorted(set(g_hi[np.isfinite(g_hi)].tolist()))
    out: list[list[tuple[int, int]]] = [[] for _ in range(n + len(points))]
    for a, b in strict:
        out[a].append((b, 1))
    for g in np.flatnonzero(np.isfinite(g_hi)).tolist():
        out[g].append((n + bisect.bisect_left(points, g_hi[g]), 0))
    for k in range(len(points) - 1):
        out[n + k].append((n + k + 1, 0))
    for g in np.flatnonzero(np.isfinite(g_lo)).tolist():
        k = bisect.bisect_left(points, g_lo[g]) - 1  # the last end day strictly before this start
        if k >= 0:
            out[n + k].append((g, 1))
    return np.array(_kahn(out)[:n], dtype=np.int64)


def _kahn(out: list[list[tuple[int, int]]]) -> list[int]:
    """Longest weighted path to every node; a leftover cycle is broken at its first node."""
    indeg = [0] * len(out)
    for edges in out:
        for head, _ in edges:
            indeg[head] += 1
    rank = [0] * len(out)
    ready = [v for v in range(len(out)) if indeg[v] == 0]
    done = [False] * len(out)
    next_forced = 0
    while ready or next_forced < len(out):
        if not ready:  # only a cycle is left (the solver reports it): force its first node
            while next_forced < len(out) and done[next_forced]:
                next_forced += 1
            if next_forced == len(out):
                break
            ready.append(next_forced)
        v = ready.pop()
        if done[v]:
            continue
        done[v] = True
        for head, weight in out[v]:
            rank[head] = max(rank[head], rank[v] + weight)
            indeg[head] -= 1
            if indeg[head] == 0 and not done[head]:
                ready.append(head)
    return rank


def _threads(n: int, links: list[Link]) -> np.ndarray:
    """Components of events linked by any relation; -1 for events with none."""
    sets = _Sets(n)
    linked = np.zeros(n, dtype=bool)
    for ln in links:
        sets.join(ln.tail, ln.head)
        linked[ln.tail] = linked[ln.head] = True
    return np.where(linked, sets.labels(), -1)


def wrap(title: str, width: int = WRAP, lines: int = TITLE_LINES) -> list[str]:
    """A title in at most ``lines`` lines of ``width`` characters (long words cut, an ellipsis if cut)."""
    out: list[str] = []
    current = ""
    words = [w[i : i + width] for w in title.split() for i in range(0, len(w), width)]
    for n, word in enumerate(words):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = ""
            if len(out) == lines:
                return _ellipsis(out, width)
        current = f"{current} {word}" if current else word
        if n == len(words) - 1:
            out.append(current)
    return out or [""]


def _ellipsis(lines: list[str], width: int) -> list[str]:
    last = lines[-1]
    lines[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "\u2026"
    return lines


def around(order: Order, event_id: str) -> Around:
    """What the relations and the dates put before and after ``event_id``, and its block-mates."""
    i = order.index[event_id]
    before, after = order.graph.around(event_id)
    with np.errstate(invalid="ignore"):
        before |= {order.ids[j] for j in np.flatnonzero(order.hi < order.lo[i]).tolist()}
        after |= {order.ids[j] for j in np.flatnonzero(order.lo > order.hi[i]).tolist()}
    same = {order.ids[j] for j in np.flatnonzero(order.group == order.group[i]).tolist()} - {event_id}
    return Around(frozenset(before), frozenset(after), frozenset(same - before - after))


# --- the picture's geometry (per filter change) -------------------------------------------------

HEADING_ROWS = 0.55  # a named band's title line


def lay_out(order: Order, mask: np.ndarray, max_visible: int = MAX_VISIBLE) -> Layout:
    """Columns from ranks, a band of rows per thread, then dated-only and unordered events."""
    idx = np.flatnonzero(mask)
    rank = order.rank[idx]
    distinct = np.unique(rank[rank >= 0])
    column = np.searchsorted(distinct, rank).astype(float)
    columns = len(distinct)
    unordered = np.flatnonzero(rank < 0)
    grid = min(max_visible, max(columns, min(len(unordered), max_visible), 1))
    y = np.zeros(len(idx))
    x = np.where(rank >= 0, column, 0.0)
    bands: list[Band] = []
    cursor = 0.0
    ties = _Ties(order, idx)
    for track in _tracks(_thread_bands(order, idx, column), column):
        height = max(_stack(order, idx, members, column, y, cursor, ties) for members in track)
        bands.append(Band(None, cursor, cursor + height))
        cursor += height
    dated = [k for k in np.flatnonzero((rank >= 0) & (order.thread[idx] < 0)).tolist()]
    if dated:
        height = _stack(order, idx, dated, column, y, cursor + HEADING_ROWS, ties)
        bands.append(Band("Ordered by their dates alone", cursor, cursor + HEADING_ROWS + height))
        cursor += HEADING_ROWS + height
    if len(unordered):
        top = cursor + HEADING_ROWS
        x[unordered] = np.arange(len(unordered)) % grid
        y[unordered] = top + np.arange(len(unordered)) // grid
        rows = (len(unordered) + grid - 1) // grid
        bands.append(Band("Not ordered against any other event", cursor, top + rows))
        cursor = top + rows
    visible = min(max_visible, max(columns, grid)) if len(idx) else 1
    links, blocks = _shown_links(order, idx)
    return Layout(idx, x, y, columns, visible, bands, links, blocks, cursor)


def _thread_bands(order: Order, idx: np.ndarray, column: np.ndarray) -> list[list[int]]:
    """Positions of the shown ordered events of each thread, threads by first column then file order."""
    by_thread: dict[int, list[int]] = defaultdict(list)
    for k, (t, r) in enumerate(zip(order.thread[idx].tolist(), order.rank[idx].tolist())):
        if t >= 0 and r >= 0:
            by_thread[t].append(k)
    return sorted(by_thread.values(), key=lambda ks: (min(column[k] for k in ks), min(ks)))


def _tracks(threads: list[list[int]], column: np.ndarray) -> list[list[list[int]]]:
    """Threads packed into shared bands of rows where their columns do not meet (first fit)."""
    tracks: list[list[list[int]]] = []
    ends: list[float] = []
    for members in threads:
        first, last = min(column[k] for k in members), max(column[k] for k in members)
        slot = next((n for n, end in enumerate(ends) if end + 1 < first), None)
        if slot is None:
            tracks.append([members])
            ends.append(last)
        else:
            tracks[slot].append(members)
            ends[slot] = last
    return tracks


class _Ties:
    """The shown events' stated relations, by position: what comes right before each, what is inside another."""

    def __init__(self, order: Order, idx: np.ndarray) -> None:
        pos = {int(row): k for k, row in enumerate(idx.tolist())}
        self.preds: dict[int, list[int]] = defaultdict(list)
        self.inside: set[int] = set()
        for ln in order.links:
            a, b = pos.get(ln.tail), pos.get(ln.head)
            if a is None or b is None or ln.bad:
                continue
            if ln.kind == "before":
                self.preds[b].append(a)
            elif ln.kind == "during":
                self.inside.add(a)


def _stack(order: Order, idx: np.ndarray, members: list[int], column: np.ndarray, y: np.ndarray, top: float,
           ties: _Ties) -> float:
    """Rows for one band, column by column; blocks stay together; returns the band's height."""
    by_column: dict[float, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for k in members:
        by_column[column[k]][int(order.group[idx[k]])].append(k)
    height = 0
    for col in sorted(by_column):
        placed = 0
        for ks in sorted(by_column[col].values(), key=lambda ks: _barycentre(ks, ties.preds, y)):
            for k in sorted(ks, key=lambda k: (k in ties.inside, k)):  # the container first
                y[k] = top + placed
                placed += 1
        height = max(height, placed)
    return float(height)


def _barycentre(block: list[int], preds: dict[int, list[int]], y: np.ndarray) -> tuple[float, int]:
    """Sources first (file order), then blocks in the mean row of what comes right before them."""
    rows = [y[p] for k in block for p in preds.get(k, ())]
    return (sum(rows) / len(rows) if rows else -1.0, min(block))


def _shown_links(order: Order, idx: np.ndarray) -> tuple[list[tuple[int, int, str, bool]], list[tuple[list[int], str]]]:
    """Relations between shown events (positions), and the blocks of two or more shown events."""
    pos = {int(row): k for k, row in enumerate(idx.tolist())}
    links = [(pos[ln.tail], pos[ln.head], ln.kind, ln.bad) for ln in order.links if ln.tail in pos and ln.head in pos]
    members: dict[int, list[int]] = defaultdict(list)
    for k, g in enumerate(order.group[idx].tolist()):
        members[g].append(k)
    during = {order.group[idx[a]] for a, b, kind, bad in links if kind == "during" and not bad}
    blocks = [(ks, "during" if g in during else "overlaps") for g, ks in members.items() if len(ks) > 1]
    return links, blocks


def y_range(layout: Layout) -> tuple[float, float]:
    """(bottom, top) of the y axis in rows: room for the first marker and the last label."""
    return layout.height_rows - 1 + 0.9, -0.45


def label_lines(order: Order, row: int) -> tuple[list[str], str]:
    """A node's title lines and its date in words."""
    return order.titles[row], order.date_words[row]


def label_boxes(order: Order, layout: Layout, plot_width_px: float) -> np.ndarray:
    """Estimated pixel boxes (left, top, right, bottom) of every label, upper bounds of the text.

    The x axis shows ``layout.visible`` columns in ``plot_width_px``; rows are ``ROW_PX`` apart.
    """
    per_column = plot_width_px / max(layout.visible, 1)
    top_row = y_range(layout)[1]
    boxes = np.zeros((len(layout), 4))
    for k, row in enumerate(layout.idx.tolist()):
        title, when = label_lines(order, row)
        width = max(max(len(t) for t in title) * CHAR_EM * FONT_PX, len(when) * CHAR_EM * DATE_FONT_PX)
        height = len(title) * LINE_EM * FONT_PX + LINE_EM * DATE_FONT_PX
        cx = (layout.x[k] + 0.5) * per_column
        top = (layout.y[k] - top_row) * ROW_PX + MARKER_GAP_PX
        boxes[k] = (cx - width / 2, top, cx + width / 2, top + height)
    return boxes


def overlaps(boxes: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of boxes that intersect (sweep over left edges)."""
    order = np.argsort(boxes[:, 0], kind="stable")
    found = []
    for a_pos, a in enumerate(order.tolist()):
        for b in order[a_pos + 1 :].tolist():
            if boxes[b, 0] >= boxes[a, 2]:
                break
            if boxes[b, 1] < boxes[a, 3] and boxes[a, 1] < boxes[b, 3]:
                found.append((min(a, b), max(a, b)))
    return found
