"""Speed and memory of extraction on ONE long document, from 0.1 MB to 50 MB: is it linear?

    python benchmarks/bench_long_document.py [SIZE_MB ...] [--docs PATH] [--split-up-to MB]

Each long document is real news text: MUC-3 reports (../shared/data/muc3/docs.jsonl, or
$TIMELINE_SHARED) joined by blank lines into one document, cycling through the corpus again
when a size needs more text than it holds. Every size is measured in a fresh subprocess, so the
peak RSS printed is that size's own. For each size the table gives seconds, characters per second
(flat from the smallest to the largest size = linear), events and peak RSS; as a baseline in the
same run, the same text given as its separate reports (many short documents, which were always
linear) for sizes up to --split-up-to MB ("x one": their speed over the one document's).
Characters per second are counted on the process's CPU time, less disturbed than wall time by
other work on a shared machine; both are printed. Compare the rows of one run, not runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_SIZES = (0.1, 0.25, 1.0, 5.0, 10.0, 50.0)
SEPARATOR = "\n\n"


def default_corpus() -> Path:
    shared = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "muc3" / "docs.jsonl"


def reports(corpus: Path, megabytes: float) -> list[dict]:
    """Whole reports, in corpus order and cycling, until their joined text reaches the size."""
    with open(corpus, encoding="utf-8") as handle:
        records = [json.loads(line) for line in handle if line.strip()]
    wanted, total, out = int(megabytes * 1_000_000), 0, []
    while total < wanted:
        for record in records:
            out.append(record)
            total += len(record["text"]) + len(SEPARATOR)
            if total >= wanted:
                break
    return out


def measure(corpus: Path, megabytes: float, split: bool) -> dict:
    """One size, in this process: the figures as a dict (run in a fresh subprocess per size)."""
    import datetime as dt

    from timeline.extract import Options, extract
    from timeline.models import Document

    chosen = reports(corpus, megabytes)
    published, first = dt.date.fromisoformat(chosen[0]["published"]), chosen[0]["text"]
    if split:
        docs = [Document(id=f"r{n}", published=published, text=r["text"]) for n, r in enumerate(chosen)]
    else:
        docs = [Document(id="long", published=published, text=SEPARATOR.join(r["text"] for r in chosen))]
    del chosen  # the reports beside their joined text were this script's memory, counted as extraction's
    extract([Document(id="warm", published=published, text=first)], Options())  # lexicons compiled
    started, cpu = time.perf_counter(), time.process_time()
    timeline = extract(docs, Options())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"megabytes": megabytes, "split": split, "documents": len(docs), "chars": sum(len(d.text) for d in docs),
            "seconds": seconds, "cpu": cpu, "events": len(timeline.events),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def in_subprocess(corpus: Path, megabytes: float, split: bool, timeout: float) -> dict | None:
    """The figures of one size from a fresh interpreter; None when it timed out or failed."""
    command = [sys.executable, __file__, "--one", str(megabytes), "--docs", str(corpus)] + (["--split"] if split else [])
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        print(f"  {megabytes} MB: no result within {timeout:.0f} s", file=sys.stderr)
        return None
    except subprocess.CalledProcessError as exc:
        print(f"  {megabytes} MB failed:\n{exc.stderr}", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_row(row: dict, single_rate: float | None) -> None:
    rate = row["chars"] / row["cpu"]
    label = "one document" if not row["split"] else f"{row['documents']} documents"
    ratio = f"{rate / single_rate:>8.2f}" if single_rate else f"{'':>8}"
    print(f"{row['megabytes']:>7.2f} {label:<17} {row['chars']:>12,} {row['seconds']:>8.1f} {row['cpu']:>8.1f} "
          f"{rate:>10,.0f} {ratio} {row['events']:>8,} {row['peak_rss_mb']:>8.0f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="Example: python benchmarks/bench_long_document.py 0.1 1 10")
    parser.add_argument("sizes", nargs="*", type=float, default=list(DEFAULT_SIZES), metavar="SIZE_MB",
                        help="document sizes in MB (10^6 characters); default: 0.1 0.25 1 5 10 50")
    parser.add_argument("--docs", type=Path, default=default_corpus(), help="JSON lines corpus (default: MUC-3)")
    parser.add_argument("--split-up-to", type=float, default=5.0, metavar="MB",
                        help="also time the same text as separate reports, for sizes up to MB (default 5; 0: never)")
    parser.add_argument("--timeout", type=float, default=1800.0, metavar="S",
                        help="give up on a size after S seconds (default 1800)")
    parser.add_argument("--one", type=float, help=argparse.SUPPRESS)
    parser.add_argument("--split", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not args.docs.exists():
        print(f"corpus not found: {args.docs} (set TIMELINE_SHARED)", file=sys.stderr)
        return 1
    if args.one is not None:
        print(json.dumps(measure(args.docs, args.one, args.split)))
        return 0
    from importlib.metadata import version

    print(f"corpus: {args.docs}; python {sys.version.split()[0]}, timeline {version('timeline')}; "
          f"{os.cpu_count()} CPUs visible")
    print(f"{'MB':>7} {'as':<17} {'chars':>12} {'wall s':>8} {'CPU s':>8} {'chars/s':>10} {'x one':>8} "
          f"{'events':>8} {'RSS MB':>8}")
    for size in args.sizes:
        single = in_subprocess(args.docs, size, False, args.timeout)
        if single:
            print_row(single, None)
        if size <= args.split_up_to:
            split = in_subprocess(args.docs, size, True, args.timeout)
            if split:
                print_row(split, single["chars"] / single["cpu"] if single else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
