"""Speed of event extraction on the MUC-3 corpus (1,700 FBIS reports), with peers in the same run.

    python benchmarks/bench_extract.py [--docs PATH] [--limit N] [--peer-docs N]

Prints documents per second for: the full extractor (timeline.extract.extract, end to end:
pipeline, cross-document merge, ids, solver), the per-document pipeline alone, the temporal
tagger alone (one of its stages), a naive baseline (the trigger lexicon's one regex, nothing else)
and datefinder (a date-finding peer, on the first --peer-docs documents), then ratios against the
full extractor; also time for the first half vs the whole corpus (linearity) and peak RSS. One
core: run it with nothing else busy. Corpus: ../shared/data/muc3/docs.jsonl (or $TIMELINE_SHARED).
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.documents import iter_path  # noqa: E402
from timeline.extract import Options, extract, extract_document  # noqa: E402
from timeline.extract.triggers import trigger_pattern  # noqa: E402
from timeline.timex import tag  # noqa: E402


def default_corpus() -> Path:
    shared = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "muc3" / "docs.jsonl"


def timed(function) -> tuple[float, object]:
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def run(docs, peer_docs: int) -> dict[str, tuple[int, float]]:
    """Seconds per system: {name: (documents, seconds)}."""
    extract_document(docs[0], Options())  # warm-up: lexicons compiled, caches filled
    out = {}
    seconds, timeline = timed(lambda: extract(iter(docs), Options()))
    out["timeline.extract (end to end)"] = (len(docs), seconds)
    out["  events"] = (len(timeline.events), 0.0)
    out["pipeline per document"] = (len(docs), timed(lambda: [extract_document(d) for d in docs])[0])
    out["timex.tag alone (a stage)"] = (len(docs), timed(lambda: [tag(d.text, d.published) for d in docs])[0])
    pattern = trigger_pattern()
    out["naive: trigger regex only"] = (len(docs), timed(lambda: [list(pattern.finditer(d.text)) for d in docs])[0])
    try:
        import datefinder
    except ImportError:
        return out
    sample = docs[:peer_docs]
    out["datefinder.find_dates (peer)"] = (len(sample), timed(lambda: [list(datefinder.find_dates(d.text)) for d in sample])[0])
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=default_corpus(), help="JSON lines corpus (default: MUC-3)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--peer-docs", type=int, default=200, help="documents for the slow peers (default 200)")
    args = parser.parse_args()
    if not args.docs.exists():
        print(f"corpus not found: {args.docs} (set TIMELINE_SHARED)", file=sys.stderr)
        return 1
    docs = list(itertools.islice(iter_path(args.docs), args.limit))
    chars = sum(len(d.text or "") for d in docs)
    print(f"corpus: {args.docs.name}, {len(docs)} documents, {chars:,} characters; python {sys.version.split()[0]}")
    results = run(docs, args.peer_docs)
    base_n, base_s = results["timeline.extract (end to end)"]
    base_rate = base_n / base_s
    print(f"{'system':<34} {'docs':>6} {'seconds':>8} {'docs/s':>8} {'x extract':>10}")
    for name, (n, seconds) in results.items():
        if name.strip() == "events":
            print(f"{'  events extracted':<34} {n:>6}")
            continue
        rate = n / seconds if seconds else float("inf")
        print(f"{name:<34} {n:>6} {seconds:>8.2f} {rate:>8.1f} {rate / base_rate:>10.2f}")
    half = docs[: len(docs) // 2]
    half_chars = sum(len(d.text or "") for d in half)
    half_s = min(timed(lambda: extract(iter(half), Options()))[0] for _ in range(2))
    whole_s = min(base_s, timed(lambda: extract(iter(docs), Options()))[0])
    print(f"linearity: first half {half_s:.2f} s ({half_chars / half_s:,.0f} chars/s), whole {whole_s:.2f} s "
          f"({chars / whole_s:,.0f} chars/s); equal throughput = linear (best of two runs each)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB (whole process, documents held in memory for the peers)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
