"""Store speed: load + validate and save of N generated rich events, against PyYAML-C and ruamel.

Run: ``python benchmarks/bench_store.py [--events 10000] [--repeat 3]``. Prints seconds (best of
the repeats) and ratios against the peers measured in the same run on the same file:
PyYAML's C safe loader (parse only), ruamel.yaml's round-trip and safe loaders (parse only).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import platform
import random
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import yaml
from ruamel.yaml import YAML

from timeline import dates, store, yamlread
from timeline.models import Document, Event, Relation, Source, Timeline
from timeline.solver import solve
from timeline.taxonomy import type_names

WORDS = "army border talks ceasefire shelling summit drone village minister troops aid corridor".split()
ACTORS = ["Armenia", "Azerbaijan", "Russia", "Iran", "Turkey", "United States", "European Union", "CSTO"]


def _date(rng: random.Random) -> tuple[str, dt.date, dt.date]:
    """A realistic mix of EDTF forms over 2019-2024, with the interval each one denotes."""
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    form = rng.random()
    if form < 0.5:
        return day.isoformat(), day, day
    if form < 0.7:
        first = day.replace(day=1)
        last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return f"{day.year}-{day.month:02d}", first, last
    if form < 0.8:
        return f"../{day.isoformat()}", dt.date.min, day
    if form < 0.9:
        end = day + dt.timedelta(days=rng.randrange(1, 30))
        return f"{day.isoformat()}/{end.isoformat()}", day, end
    return str(day.year), dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def _relation(rng: random.Random, spans: list[tuple[dt.date, dt.date]], i: int) -> list[Relation]:
    """A relation to an earlier event that the dates allow (so the timeline stays consistent)."""
    if not i or rng.random() < 0.5:
        return []
    j = rng.randrange(i)
    (lo, hi), (jlo, jhi) = spans[i], spans[j]
    if jhi <= lo and jlo != dt.date.min:
        return [Relation.model_construct(relation="after", target=f"event-{j}")]
    if jlo <= hi and lo <= jhi:
        return [Relation.model_construct(relation="overlaps", target=f"event-{j}")]
    return []


def make_timeline(n: int, seed: int = 7) -> Timeline:
    """N events with sources, relations, actors, notes: about 400 bytes of YAML each.

    Built with ``model_construct`` (the values are valid by construction) so that generating does
    not parse the dates and warm the EDTF cache before the cold measurement."""
    rng = random.Random(seed)
    docs = [Document(id=f"doc-{d}", title=f"Article {d}", published=dt.date(2025, 1, 1 + d % 28)) for d in range(50)]
    events, spans = [], []
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randrange(6, 14)))
        date, lo, hi = _date(rng)
        spans.append((lo, hi))
        source = Source.model_construct(document=f"doc-{rng.randrange(50)}", quote=words, start=100 * i, end=100 * i + len(words))
        fields = dict(
            id=f"event-{i}", title=words[:60].capitalize(), type=rng.choice(type_names()), date=date,
            actors=rng.sample(ACTORS, rng.randrange(1, 4)), location=rng.choice(["Stepanakert", "Yerevan", "Baku", None]),
            sources=[source], relations=_relation(rng, spans, i), confidence=round(rng.random(), 2),
            notes=f"Other reporting: {words}." if rng.random() < 0.3 else None, curated=rng.random() < 0.2,
        )
        defaults = {k: f.get_default(call_default_factory=True) for k, f in Event.model_fields.items() if k not in fields}
        events.append(Event.model_construct(**fields, **defaults))
    return Timeline.model_construct(title="Generated benchmark timeline", documents=docs, events=events, rejected=[])


def best(fn, repeat: int) -> float:
    """Best wall time of ``repeat`` runs after one warm-up."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def _save_over(path: Path, original: bytes, timeline: Timeline) -> None:
    """A save from the original file (each timed run starts from the same text)."""
    path.write_bytes(original)
    store.save(path, timeline, None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000, help="events to generate (default 10000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per measurement (default 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.yaml"
        timeline = make_timeline(args.events)
        path.write_text(store.dumps(timeline), encoding="utf-8")
        report(path, timeline, args.repeat)
    return 0


def report(path: Path, timeline: Timeline, repeat: int) -> None:
    raw = path.read_bytes()
    text = raw.decode()
    distinct = len({e.date for e in timeline.events})
    dates.parse.cache_clear()
    start = time.perf_counter()
    store.load(path)
    cold = time.perf_counter() - start
    ours = best(lambda: store.load(path), repeat)
    read = best(lambda: yamlread.read_json(raw), repeat)
    walk = best(lambda: yamlread.read_ryml(raw), repeat)
    data = yamlread.read_json(raw)
    validate = best(lambda: Timeline.model_validate(data), repeat)
    loaded = store.load(path)
    checks = best(lambda: store.check(loaded.timeline, path.parent), repeat)
    solver = best(lambda: solve(loaded.timeline), repeat)
    edited = loaded.timeline.model_copy(deep=True)
    edited.events[len(edited.events) // 2].title = "Edited title"
    save = best(lambda: _save_over(path, raw, edited), repeat)
    moved = loaded.timeline.model_copy(update={"events": sorted(loaded.timeline.events, key=lambda e: (e.type, e.id))})
    save_moved = best(lambda: _save_over(path, raw, moved), repeat)
    pyyaml = best(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeat)
    ruamel_rt = best(lambda: YAML(typ="rt").load(text), 1)
    ruamel_save = best(lambda: YAML(typ="rt").dump(YAML(typ="rt").load(text), io.StringIO()), 1)
    versions = {p: metadata.version(p) for p in ("rapidyaml", "PyYAML", "ruamel.yaml", "pydantic", "edtf")}
    print(f"date {dt.date.today()}  python {platform.python_version()}  {platform.machine()}  {versions}")
    print(f"corpus: {len(timeline.events)} events, {len(timeline.documents)} documents, {len(raw) / 1e6:.2f} MB, {distinct} distinct dates")
    print(f"store.load, cold EDTF cache (dates.parse):  {cold:6.2f} s  ({1000 * (cold - ours) / distinct:.1f} ms per distinct date)")
    print(f"store.load, warm (best of {repeat}):              {ours:6.2f} s")
    print(f"  read (rapidyaml -> JSON -> json):        {read:6.2f} s")
    print(f"  (walk over rapidyaml's tree instead:     {walk:6.2f} s)")
    print(f"  validate (pydantic Timeline):            {validate:6.2f} s")
    print(f"  cross-event checks:                      {checks:6.2f} s  (of which solver.solve {solver:.2f} s)")
    print(f"store.save, one event edited (splice):    {save:6.2f} s")
    print(f"store.save, every event moved (sorted):   {save_moved:6.2f} s  -> {save_moved / save:.2f}x a one-edit save")
    print(f"peer PyYAML CSafeLoader, parse only:      {pyyaml:6.2f} s  -> store.load warm is {pyyaml / ours:.1f}x faster; our read {pyyaml / read:.0f}x")
    print(f"peer ruamel rt, parse only:               {ruamel_rt:6.2f} s  -> store.load warm is {ruamel_rt / ours:.1f}x faster")
    print(f"peer ruamel rt, parse + dump (a save):    {ruamel_save:6.2f} s  -> store.save is {ruamel_save / save:.1f}x faster")


if __name__ == "__main__":
    sys.exit(main())
