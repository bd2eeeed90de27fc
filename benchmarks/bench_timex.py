"""Speed of the timex tagger against its peers on the MUC-3 news reports, in one run.

    python benchmarks/bench_timex.py [--docs N] [--peers dateparser,datefinder]

Every system tags the same documents (publication date from the corpus), after a warm-up on
the first one; the script prints docs/s, characters/s and the ratio of our speed to each peer's.
Times are CPU seconds of this process (time.process_time), so other work on a shared machine
does not skew the ratio; systems also take turns document by document.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.evaluate.corpora import shared_dir  # noqa: E402
from timeline.evaluate.timex_peers import PEERS, version  # noqa: E402
from timeline.documents import published_day  # noqa: E402


def load_docs(limit: int | None) -> list[tuple[str, object]]:
    """(text, publication date) of the first ``limit`` MUC-3 reports (all when None)."""
    path = shared_dir() / "muc3" / "docs.jsonl"
    if not path.is_file():
        sys.exit(f"bench_timex: {path} not found (set TIMELINE_SHARED)")
    docs = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            docs.append((doc["text"], published_day(doc.get("published"), doc["id"])))
            if limit and len(docs) >= limit:
                break
    return docs


def measure(names: list[str], docs: list) -> dict[str, tuple[float, int]]:
    """Seconds each system spends on all docs and how many expressions it finds. Systems take
    turns document by document (after one warm-up call each), so a busy machine slows all alike."""
    adapters = {name: PEERS[name][0] for name in names}
    for adapter in adapters.values():
        adapter(docs[0][0], docs[0][1], "news")
    seconds = dict.fromkeys(names, 0.0)
    found = dict.fromkeys(names, 0)
    for text, published in docs:
        for name, adapter in adapters.items():
            began = time.process_time()
            found[name] += len(adapter(text, published, "news"))
            seconds[name] += time.process_time() - began
    return {name: (seconds[name], found[name]) for name in names}


def main() -> None:
    """Parse options, measure, print one line per system."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300, help="documents to tag (default 300; 0 = all 1,700)")
    parser.add_argument("--peers", default="dateparser,datefinder", help="comma-separated peers to compare")
    args = parser.parse_args()
    docs = load_docs(args.docs or None)
    chars = sum(len(text) for text, _ in docs)
    print(f"MUC-3: {len(docs)} documents, {chars:,} characters; Python {platform.python_version()}; CPU time")
    peers = [p for p in args.peers.split(",") if p]
    results = measure(["timeline", *peers], docs)
    ours = results["timeline"][0]
    for name, (seconds, found) in results.items():
        ratio = "" if name == "timeline" else f"   timeline is {seconds / ours:.1f}x faster"
        print(f"{name:12} {version(PEERS[name][1]):10} {len(docs) / seconds:9.1f} docs/s "
              f"{chars / seconds / 1e3:9.1f} kchar/s {found:6} expressions{ratio}")


if __name__ == "__main__":
    main()
