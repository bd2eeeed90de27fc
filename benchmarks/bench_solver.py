"""Solver and merge speed at scale, against the textbook fixpoint measured in the same run.

Generates timelines of N events: 20% with a stated date, every event reported in one of 50
documents, each later event ordered after one or two earlier ones (about 1.5 relations per event),
listed in that order and shuffled.
It measures the best of several runs of:
  solve        timeline.solver.solve (worklist propagation + cycle check + conflicts)
  textbook     Bellman-Ford-style rounds relaxing every endpoint edge until nothing changes, the
               peer (same constraints; its windows are checked equal to ours)
  merge        timeline.merge.merge of a re-extraction (same events, new titles) into the file
  merge again  the same merge once more (idempotent: nothing changes)

Run: python benchmarks/bench_solver.py [--sizes 1000 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import random
import time

from timeline import solver
from timeline.merge import merge, stamped
from timeline.models import Document, Event, Relation, Source, Timeline


def generate(n: int, seed: int = 11, shuffled: bool = False) -> Timeline:
    """``n`` events over ten years; a DAG of after-relations, so there are no contradictions.

    Unshuffled, the events come in the order of the DAG, the textbook peer's best case (a couple of
    rounds); shuffled, as a hand-edited or merged file holds them, it needs many more rounds.
    """
    rng = random.Random(seed)
    docs = [Document(id=f"doc-{k}", published=dt.date(2025, 1, 1) + dt.timedelta(days=k)) for k in range(50)]
    events = []
    for i in range(n):
        date = None
        if rng.random() < 0.2:
            date = (dt.date(2015, 1, 1) + dt.timedelta(days=i * 3650 // n)).isoformat()
        relations = [Relation(relation="after", target=f"e{rng.randrange(i)}") for _ in range(rng.choice((1, 2)))] if i else []
        source = Source(document=f"doc-{rng.randrange(50)}", quote=f"event {i}", start=i * 20, end=i * 20 + len(f"event {i}"))
        events.append(Event(id=f"e{i}", title=f"event {i}", type="attack", date=date, sources=[source], relations=relations))
    if shuffled:
        rng.shuffle(events)
    return Timeline(documents=docs, events=events)


def textbook(timeline: Timeline) -> dict[str, tuple[int | None, int | None]]:
    """Relax every edge in rounds until stable: earliest start and latest end per event."""
    known = {e.id for e in timeline.events}
    edges = [edge for e in timeline.events for edge in solver._edges_for(e, known)[0]]
    net = solver._Network(edges)
    solver._seed(net, timeline)
    lo = {k: v[0] for k, v in net.lo.items()}
    hi = {k: v[0] for k, v in net.hi.items()}
    changed = True
    while changed:
        changed = False
        for edge in edges:
            if edge.tail in lo and lo.get(edge.head, -1) < lo[edge.tail]:
                lo[edge.head], changed = lo[edge.tail], True
            if edge.head in hi and hi.get(edge.tail, 10**9) > hi[edge.head]:
                hi[edge.tail], changed = hi[edge.head], True
    return {e.id: (lo.get((e.id, "s")), hi.get((e.id, "e"))) for e in timeline.events}


def best(func, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return min(times), result


def run(n: int, repeat: int, shuffled: bool) -> None:
    timeline = generate(n, shuffled=shuffled)
    solver.solve(generate(50))  # warm-up
    t_solve, solution = best(lambda: solver.solve(timeline), repeat)
    t_book, reference = best(lambda: textbook(timeline), repeat)
    ours = {k: (b.earliest.toordinal() if b.earliest else None, b.latest.toordinal() if b.latest else None) for k, b in solution.bounds.items()}
    assert ours == reference and not solution.conflicts, "solver and textbook disagree"
    current = timeline.model_copy(update={"events": [stamped(e) for e in timeline.events]})
    extracted = timeline.model_copy(update={"events": [e.model_copy(update={"title": e.title + "!"}) for e in timeline.events]})
    t_merge, (merged, _) = best(lambda: merge(current, extracted), repeat)
    t_again, _ = best(lambda: merge(merged, extracted), repeat)
    relations = sum(len(e.relations) for e in timeline.events)
    order = "shuffled" if shuffled else "in order"
    print(f"{n:>7} events {relations:>7} relations {order:>8} | solve {t_solve:7.3f}s  textbook {t_book:7.3f}s  "
          f"ratio {t_solve / t_book:5.2f} | merge {t_merge:6.3f}s  again {t_again:6.3f}s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="timeline sizes (events)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is printed")
    args = parser.parse_args()
    print(f"Python {platform.python_version()} on {platform.machine()}; best of {args.repeat}; ratio < 1 means faster than the peer")
    for n in args.sizes:
        for shuffled in (False, True):
            run(n, args.repeat, shuffled)


if __name__ == "__main__":
    main()
