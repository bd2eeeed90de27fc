"""Extraction into a columnar store at 1x, 4x and 16x MUC-3, on one and two workers.

    python benchmarks/bench_scale.py [--sizes 1 4 16] [--engines serial pool2 dask2] [--yaml]

MUC-3 (1,700 reports) repeated k times as JSON-lines shards (``scaled.py``). Each run is its own
process, so its memory is its own: characters per second (end to end, and the per-partition
pass alone), peak RSS of the busiest worker and of the driver, and the time of each pass. Flat
characters per second and flat worker memory across sizes mean the store scales linearly;
``pool2`` / ``serial`` is the speed-up of two workers (needs a quiet two-core machine); ``busy s``
is the workers' summed time on partitions: above the serial run's, the cores were shared.
``--yaml`` also times ``-o x.yaml`` against ``-o x.json`` (in-memory tier) at each size.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline.staging import peak_rss_mb  # noqa: E402

from scaled import muc3_path, write_scaled  # noqa: E402

ENGINES = {"serial": (None, 1), "pool2": (None, 2), "dask2": ("local", 2)}


def one_store(corpus: Path, engine: str, out: Path) -> dict:
    """One extraction into a store (run in a child process by ``main``)."""
    from timeline.bulk import extract_to_store
    from timeline.distributed import engine_for
    from timeline.extract import Options, extract_document
    from timeline.models import Document

    extract_document(Document(id="warm", text="Rebels attacked the town on Monday."), Options())  # lexicons
    scheduler, workers = ENGINES[engine]
    started = time.perf_counter()
    stats = extract_to_store([str(corpus)], out, Options(), engine_for(scheduler, workers))
    seconds = time.perf_counter() - started
    driver = peak_rss_mb()
    return {"documents": stats.documents, "characters": stats.characters, "events": stats.events,
            "seconds": seconds, "worker_rss_mb": stats.peak_rss_mb, "driver_rss_mb": driver, "busy": stats.seconds,
            "timings": {k: round(v, 2) for k, v in stats.timings.items()}}


def one_file(corpus: Path, suffix: str, out: Path) -> dict:
    """``timeline extract -o x.yaml`` or ``x.json`` (the in-memory tier), timed whole."""
    from timeline.cli import main as cli

    started = time.perf_counter()
    cli(["extract", str(corpus), "-o", str(out.with_suffix(suffix)), "--no-progress"])
    return {"seconds": time.perf_counter() - started,
            "rss_mb": peak_rss_mb()}


def _child(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1, 4, 16], help="copies of MUC-3 (default 1 4 16)")
    parser.add_argument("--engines", nargs="+", default=["serial", "pool2"], choices=sorted(ENGINES),
                        help="serial (one process), pool2 (two worker processes), dask2 (a local Dask cluster)")
    parser.add_argument("--yaml", action="store_true", help="also time -o x.yaml against -o x.json")
    parser.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, corpus, what, out = args.child
        result = one_store(Path(corpus), what, Path(out)) if kind == "store" else one_file(Path(corpus), what, Path(out))
        print(json.dumps(result))
        return 0
    if not muc3_path().exists():
        print(f"corpus not found: {muc3_path()} (set TIMELINE_SHARED)", file=sys.stderr)
        return 1
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    print(f"MUC-3 x {args.sizes}; python {platform.python_version()}; {time.strftime('%Y-%m-%d')}; scratch {work}")
    print(f"{'size':>4} {'engine':<7} {'docs':>6} {'events':>7} {'MB':>6} {'s':>7} {'chars/s':>9} "
          f"{'worker MB':>9} {'driver MB':>9} {'busy s':>7}  passes (s)")
    for size in args.sizes:
        corpus = write_scaled(muc3_path(), size, work / f"muc{size}x")
        base = None
        for engine in args.engines:
            r = _child(["store", str(corpus), engine, str(work / f"x{size}-{engine}.parquet")])
            rate = r["characters"] / r["seconds"]
            base = base or rate
            print(f"{size:>4} {engine:<7} {r['documents']:>6} {r['events']:>7} {r['characters'] / 1e6:>6.1f} "
                  f"{r['seconds']:>7.1f} {rate:>9,.0f} {r['worker_rss_mb']:>9.0f} {r['driver_rss_mb']:>9.0f} "
                  f"{r['busy']:>7.1f}  "
                  f"{r['timings']}  x{rate / base:.2f} of {args.engines[0]}")
        if args.yaml:
            js = _child(["file", str(corpus), ".json", str(work / f"x{size}")])
            ya = _child(["file", str(corpus), ".yaml", str(work / f"x{size}")])
            print(f"{size:>4} -o x.json {js['seconds']:.1f} s {js['rss_mb']:.0f} MB; -o x.yaml {ya['seconds']:.1f} s "
                  f"{ya['rss_mb']:.0f} MB; yaml/json = {ya['seconds'] / js['seconds']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
