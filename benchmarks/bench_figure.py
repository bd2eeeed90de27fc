"""Figure and filter speed at scale: 100,000 generated events (and smaller sizes).

Measures, after a warm-up, the median CPU time (the machine is shared) of several runs of:
  table    timeline -> column table (done once per file version; the app caches it)
  figure   table + mask -> plotly figure -> to_dict -> JSON, exactly what st.plotly_chart does
  rerun    a filter change: mask + figure + JSON (the app's rerun cost besides Streamlit)
and the same chart drawn by the usual peer, plotly express (``px.timeline``, one bar per event
from a pandas DataFrame), in the same run, printing our time / peer time.

Run: python benchmarks/bench_figure.py [--sizes 1000 10000 100000] [--repeat 5] [--app 20000]
(--app also times a real app rerun after a filter change, with Streamlit's AppTest.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from pathlib import Path

from timeline import figure, filters
from timeline.models import Document, Event, Source, Timeline
from timeline.taxonomy import type_names

ACTORS = ("Armenia", "Azerbaijan", "Russia", "Turkey", "Iran", "United States", "France", "EU", "CSTO")


def _date(rng: random.Random) -> str:
    """A mix of the precisions real timelines hold: days, months, years, intervals, open ends."""
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    kind = rng.random()
    if kind < 0.4:
        return day.isoformat()
    if kind < 0.6:
        return f"{day.year:04d}-{day.month:02d}"
    if kind < 0.7:
        return f"{day.year:04d}"
    if kind < 0.85:
        return f"{day.isoformat()}/{(day + dt.timedelta(days=rng.randrange(1, 60))).isoformat()}"
    return f"../{day.isoformat()}" if kind < 0.95 else f"{day.isoformat()}/.."


def generate(n: int, seed: int = 7) -> Timeline:
    """A timeline of ``n`` plausible events over ten years and 50 documents."""
    rng = random.Random(seed)
    types = type_names()
    docs = [Document(id=f"doc-{k}", published=dt.date(2015, 1, 1) + dt.timedelta(days=73 * k)) for k in range(50)]
    events = []
    for i in range(n):
        events.append(Event.model_construct(
            id=f"event-{i}", title=f"Generated event {i} of type {types[i % len(types)]}",
            type=rng.choice(types), date=_date(rng), date_inferred=rng.random() < 0.3,
            actors=rng.sample(ACTORS, rng.randrange(1, 3)), people=[], location=None,
            modality=rng.choice(("asserted",) * 8 + ("negated", "hypothetical")),
            sources=[Source.model_construct(document=f"doc-{rng.randrange(50)}", quote="q", start=None, end=None)],
            relations=[], confidence=None, tags=[], notes=None, curated=False, fingerprint=None,
        ))
    return Timeline.model_construct(title="generated", documents=docs, events=events, rejected=[])


def _median_ms(fn, repeat: int) -> float:
    """Median CPU time of ``fn`` after a warm-up: CPU time, because the machine is shared."""
    fn()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return statistics.median(times) * 1000


def _peer(timeline: Timeline):
    """plotly express timeline from a DataFrame: the usual way to draw a Gantt-like chart."""
    import pandas as pd
    import plotly.express as px

    rows = []
    for e in timeline.events:
        b = e.bounds  # the same dates as ours
        lo = b.earliest or b.latest
        hi = (b.latest or b.earliest) + dt.timedelta(days=1)  # open sides: a one-day bar at the known end
        rows.append({"id": e.id, "type": e.type, "start": lo, "end": hi, "title": e.title})
    df = pd.DataFrame(rows)
    return lambda: px.timeline(df, x_start="start", x_end="end", y="type", color="type",
                               hover_name="title", custom_data=["id"]).to_json()


def run(n: int, repeat: int) -> None:
    timeline = generate(n)
    start = time.process_time()
    table = filters.build_table(timeline)
    table_ms = (time.process_time() - start) * 1000
    everything = filters.apply(table, filters.Filters())
    fig_ms = _median_ms(lambda: figure.to_json(figure.build_figure(timeline, table, everything)), repeat)
    flt = filters.Filters(types=frozenset(type_names()[:8]), text="event", start=dt.date(2017, 1, 1))

    def rerun() -> None:
        mask = filters.apply(table, flt)
        filters.facets(table, mask)
        figure.to_json(figure.build_figure(timeline, table, mask))

    rerun_ms = _median_ms(rerun, repeat)
    peer_ms = _median_ms(_peer(timeline), max(1, repeat // 2))
    print(f"{n:>8,} events  table {table_ms:8.1f} ms (once)  figure+json {fig_ms:7.1f} ms  "
          f"filter rerun {rerun_ms:7.1f} ms  | peer px.timeline+json {peer_ms:8.1f} ms  "
          f"ratio ours/peer {fig_ms / peer_ms:5.2f}")


def _write_file(n: int, path: Path) -> None:
    """An events.yaml of ``n`` events (400 distinct days, so loading stays quick) for the app."""
    rng = random.Random(3)
    types = type_names()
    pool = [d for k in range(400) for d in _pool_dates(dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650)))]
    lines = ["title: generated", "documents:", "  - id: doc", "    published: 2025-01-31", "    text: x", "events:"]
    for i in range(n):
        lines += [f"  - id: event-{i}", f"    title: Generated event {i}", f"    type: {rng.choice(types)}",
                  f"    date: '{rng.choice(pool)}'", f"    actors: [Actor {rng.randrange(9)}]"]
    path.write_text("\n".join(lines + ["rejected: []"]) + "\n", encoding="utf-8")


def _pool_dates(day: dt.date) -> list[str]:
    return [day.isoformat(), f"{day.year:04d}-{day.month:02d}", f"../{day.isoformat()}"]


def run_app(n: int, repeat: int) -> None:
    """A real app rerun after a filter change (Streamlit AppTest, file already loaded and cached)."""
    import os
    import tempfile

    from streamlit.testing.v1 import AppTest

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.yaml"
        _write_file(n, path)
        os.environ["TIMELINE_FILE"] = str(path)
        at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app.py"), default_timeout=900)
        start = time.perf_counter()
        at.run()
        first = time.perf_counter() - start
        assert not at.exception, at.exception
        words = iter(["event", "generated", "1", "2", "3", "4", "5", "6", "7", "8", "9"] * 3)
        times = []
        for _ in range(repeat):
            at.sidebar.text_input(key="f_text").set_value(next(words))
            start = time.perf_counter()
            at.run()
            times.append(time.perf_counter() - start)
            assert not at.exception, at.exception
    print(f"{n:>8,} events  app first run (load + table) {first * 1000:9.0f} ms  "
          f"filter rerun (AppTest, wall) median {statistics.median(times) * 1000:7.0f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--app", type=int, nargs="*", default=[], metavar="N",
                        help="also time real app reruns (AppTest) on a generated file of N events")
    args = parser.parse_args()
    for n in args.sizes:
        run(n, args.repeat)
    for n in args.app:
        run_app(n, args.repeat)


if __name__ == "__main__":
    main()
