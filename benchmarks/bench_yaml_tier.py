"""The curated tier at archive size: MUC-3 x16 merged into events.yaml, then opened by the app.

    python benchmarks/bench_yaml_tier.py [--size 16] [--work DIR]

``timeline extract CORPUS --into x.yaml`` on MUC-3 repeated --size times (``scaled.py``), then in
a fresh process each: ``timeline validate``, and the Streamlit app (AppTest) opening the file
(first run) and a rerun after a filter change, with peak RSS. Target at 16x (about 78,000 events
before this issue's merge fixes): the app opens it, RSS under 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline.staging import peak_rss_mb  # noqa: E402

from apprun import open_app  # noqa: E402
from scaled import muc3_path, write_scaled  # noqa: E402


def child_app(path: Path) -> dict:
    at, first = open_app(path, 600)
    problems = [str(e.value) for e in at.exception] + [e.value for e in at.error]
    started = time.perf_counter()
    at.sidebar.text_input(key="f_text").input("attack").run()
    rerun = time.perf_counter() - started
    return {"first_s": first, "rerun_s": rerun, "problems": problems[:3], "caption": at.caption[0].value if at.caption else "",
            "rss_mb": peak_rss_mb()}


def _timed(cmd: list[str]) -> tuple[float, float, str]:
    """Seconds, peak RSS (MB) of the child and its stderr's last line."""
    started = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, rss, (done.stderr.strip().splitlines() or [""])[-1] + (done.stdout.strip().splitlines() or [""])[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=16, help="copies of MUC-3 (default 16)")
    parser.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_app(args.child)))
        return 0
    if not muc3_path().exists():
        print(f"corpus not found: {muc3_path()} (set TIMELINE_SHARED)", file=sys.stderr)
        return 1
    work = args.work or Path(tempfile.mkdtemp(prefix="bench-yaml-"))
    corpus = write_scaled(muc3_path(), args.size, work / f"muc{args.size}x")
    target = work / f"x{args.size}.yaml"
    target.unlink(missing_ok=True)
    timeline = [sys.executable, "-m", "timeline.cli"]
    seconds, rss, said = _timed([*timeline, "extract", str(corpus), "--into", str(target), "--no-progress"])
    size = target.stat().st_size / 2**20
    print(f"MUC-3 x{args.size} --into {target.name}: {seconds:.1f} s, peak RSS {rss:.0f} MB, {size:.0f} MiB ({said})")
    seconds, _, said = _timed([*timeline, "validate", str(target)])
    print(f"validate: {seconds:.1f} s ({said})")
    done = subprocess.run([sys.executable, __file__, "--child", str(target)], capture_output=True, text=True)
    if done.returncode:
        print(done.stderr[-2000:], file=sys.stderr)
        return 1
    app = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"app: first run {app['first_s']:.1f} s, rerun after a search {app['rerun_s']:.2f} s, peak RSS "
          f"{app['rss_mb']:.0f} MB; {app['caption']}; problems: {app['problems'] or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
