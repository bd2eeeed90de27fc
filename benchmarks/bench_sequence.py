"""Sequence view speed: the story's order and its figure for generated timelines (5,000 events and more).

Generates N events in stories of 3 to 15 events, each story ordered by before/after relations with
some during/overlaps, 25% of events dated (days, months, open ends), over ten years and 50
documents, then measures, after a warm-up, the median CPU time (the machine is shared) of:
  order      timeline.sequence.build_order: solve, contradictions, blocks, ranks (once per file version)
  figure     lay_out + build_sequence_figure + JSON, what a rerun of the app's sequence view costs
  build      order + figure: the first view of a new file version (target: < 1 s at 5,000 events)
and, in the same run, two peers:
  time axis  figure.build_figure + JSON for the same events (the app's other view)
  pairwise   the same ranks from every date pair spelled out (an n x n matrix) and Kahn's algorithm,
             the textbook layering; its ranks are checked equal to ours

Run: python benchmarks/bench_sequence.py [--sizes 1000 5000 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import statistics
import time

import numpy as np
import plotly

from timeline import figure, filters, sequence, sequence_figure
from timeline.models import Document, Event, Relation, Source, Timeline
from timeline.taxonomy import type_names

PAIRWISE_UP_TO = 10000  # the peer's n x n matrix: 100 MB at 10,000 events
WORDS = ("Armenia", "Azerbaijan", "talks", "ceasefire", "border", "troops", "summit", "Russia", "attack",
         "statement", "offensive", "withdrawal", "Nagorno-Karabakh", "minister", "agreement", "exercises")


def _date(rng: random.Random, day: dt.date) -> str | None:
    kind = rng.random()
    if kind < 0.12:
        return day.isoformat()
    if kind < 0.18:
        return f"{day.year:04d}-{day.month:02d}"
    if kind < 0.25:
        return f"../{(day + dt.timedelta(days=rng.randrange(30, 200))).isoformat()}"
    return None


def _story(rng: random.Random, start: int, size: int, types: list[str]) -> list[Event]:
    """Events of one story: each after an earlier one, now and then during or overlapping it."""
    base = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
    events = []
    for k in range(size):
        kind = rng.choice(("after",) * 6 + ("during", "overlaps")) if k else None
        relations = [Relation.model_construct(relation=kind, target=f"e{start + rng.randrange(k)}")] if k else []
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(3, 10)))
        date = _date(rng, base + dt.timedelta(days=20 * k)) if kind in (None, "after") else None  # no contradictions
        events.append(Event.model_construct(
            id=f"e{start + k}", title=title.capitalize(), type=rng.choice(types), date=date,
            date_inferred=False, actors=[], targets=[], people=[], location=None, modality="asserted",
            sources=[Source.model_construct(document=f"doc-{rng.randrange(50)}", quote="q", start=None, end=None)],
            relations=relations, confidence=None, tags=[], notes=None, curated=True, fingerprint=None,
        ))
    return events


def generate(n: int, seed: int = 11) -> Timeline:
    rng = random.Random(seed)
    types = type_names()
    docs = [Document(id=f"doc-{k}", published=dt.date(2025, 1, 1) + dt.timedelta(days=k)) for k in range(50)]
    events: list[Event] = []
    while len(events) < n:
        events += _story(rng, len(events), min(rng.randrange(3, 16), n - len(events)), types)
    return Timeline.model_construct(title="generated", documents=docs, events=events, rejected=[])


def pairwise_ranks(order: sequence.Order) -> np.ndarray:
    """Longest paths with every date edge listed: block A before block B when A ends before B starts."""
    blocks, g_of = np.unique(order.group, return_inverse=True)
    n = len(blocks)
    g_lo = np.full(n, -np.inf)
    g_hi = np.full(n, np.inf)
    np.maximum.at(g_lo, g_of, np.where(np.isnan(order.lo), -np.inf, order.lo))
    np.minimum.at(g_hi, g_of, np.where(np.isnan(order.hi), np.inf, order.hi))
    edges = g_hi[:, None] < g_lo[None, :]
    for ln in order.links:
        if not ln.bad and ln.kind == "before" and g_of[ln.tail] != g_of[ln.head]:
            edges[g_of[ln.tail], g_of[ln.head]] = True
    indeg = edges.sum(axis=0)
    rank = np.zeros(n, dtype=np.int64)
    ready = list(np.flatnonzero(indeg == 0))
    while ready:
        v = ready.pop()
        heads = np.flatnonzero(edges[v])
        rank[heads] = np.maximum(rank[heads], rank[v] + 1)
        indeg[heads] -= 1
        ready += [h for h in heads.tolist() if indeg[h] == 0]
    return rank[g_of]


def cpu_median(func, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.process_time()
        result = func()
        times.append(time.process_time() - started)
    return statistics.median(times), result


def run(n: int, repeat: int) -> None:
    timeline = generate(n)
    table = filters.build_table(timeline)
    mask = np.ones(n, dtype=bool)
    t_order, order = cpu_median(lambda: sequence.build_order(timeline), repeat)
    t_fig, _ = cpu_median(lambda: figure.to_json(sequence_figure.build_sequence_figure(timeline, order, table, mask)), repeat)
    t_axis, _ = cpu_median(lambda: figure.to_json(figure.build_figure(timeline, table, mask)), repeat)
    t_ranks, _ = cpu_median(lambda: sequence._ranks(order.group, order.links, order.lo, order.hi), repeat)
    peer = "      (skipped: n x n)"
    if n <= PAIRWISE_UP_TO:
        t_pair, ranks = cpu_median(lambda: pairwise_ranks(order), max(1, repeat // 2))
        ordered = order.rank >= 0
        assert not order.conflicts and np.array_equal(order.rank[ordered], ranks[ordered]), "ranks differ from the peer"
        peer = f"{t_pair * 1e3:7.0f} ms ({t_ranks / t_pair:4.2f})"
    relations = sum(len(e.relations) for e in timeline.events)
    print(f"{n:>7} events {relations:>6} relations {int(order.rank.max()) + 1:>5} columns | order {t_order * 1e3:6.0f} ms  "
          f"figure {t_fig * 1e3:5.0f} ms  build {(t_order + t_fig) * 1e3:6.0f} ms | time axis {t_axis * 1e3:5.0f} ms | "
          f"ranks {t_ranks * 1e3:5.0f} ms, pairwise {peer}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000], help="timeline sizes (events)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the median CPU time is printed")
    args = parser.parse_args()
    print(f"Python {platform.python_version()}, numpy {np.__version__}, plotly {plotly.__version__}, "
          f"{dt.date.today()}; median CPU time of {args.repeat} after a warm-up")
    sequence.build_order(generate(200))  # warm-up: parsers, caches
    for n in args.sizes:
        run(n, args.repeat)


if __name__ == "__main__":
    main()
