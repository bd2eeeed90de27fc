"""Time of giving extracted events their ids, at 1x, 4x and 16x the MUC-3 corpus.

    python benchmarks/bench_ids.py [--docs PATH] [--limit N] [--scales 1,4,16]

Extracts the corpus's per-document events once, then repeats them as if the corpus held the same
reports several times under other names (the worst case for ids: every readable slug repeats), and
times ``build.assign_ids`` on 1x, 4x, 16x of them. The baseline in the same run is making the
readable slugs alone (no uniqueness, no evidence tag): the least any id scheme must do. Linear
means both columns grow with the number of events and their ratio stays flat.
Corpus: ../shared/data/muc3/docs.jsonl (or $TIMELINE_SHARED).
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.documents import iter_path  # noqa: E402
from timeline.extract import Options, build, extract_document  # noqa: E402


def default_corpus() -> Path:
    shared = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "muc3" / "docs.jsonl"


def repeated(drafts: list[build.Draft], digests: dict[str, str], times: int) -> tuple[list, dict[str, str]]:
    """The drafts ``times`` over, each copy citing its own document (another name, another text)."""
    out, out_digests = [], {}
    for copy in range(times):
        for draft in drafts:
            name = f"{draft.document}~{copy}"
            out.append(dataclasses.replace(draft, document=name, id="", reported_by=list(draft.reported_by)))
            out_digests[name] = hashlib.sha256(f"{digests[draft.document]}{copy}".encode()).hexdigest()
    return out, out_digests


def slugs_only(drafts: list[build.Draft]) -> list[str]:
    """Baseline: the readable part of every id, nothing else."""
    return [build.slug(d.head.actors[0] if d.head.actors else d.head.location, d.head.type) for d in drafts]


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=default_corpus(), help="JSON lines corpus (default: MUC-3)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--scales", default="1,4,16", help="corpus multiples to time (default 1,4,16)")
    args = parser.parse_args()
    if not args.docs.exists():
        print(f"corpus not found: {args.docs} (set TIMELINE_SHARED)", file=sys.stderr)
        return 1
    docs = list(itertools.islice(iter_path(args.docs), args.limit))
    digests = {d.id: hashlib.sha256((d.text or "").encode()).hexdigest() for d in docs}
    drafts = [draft for d in docs for draft in extract_document(d, Options())]
    print(f"corpus: {args.docs.name}, {len(docs)} documents, {len(drafts)} events; python {sys.version.split()[0]}")
    print(f"{'scale':>5} {'events':>8} {'assign_ids s':>13} {'slugs only s':>13} {'ratio':>7} {'us/event':>9}")
    for scale in (int(s) for s in args.scales.split(",")):
        many, many_digests = repeated(drafts, digests, scale)
        ids_s = timed(lambda: build.assign_ids(many, many_digests))
        base_s = timed(lambda: slugs_only(many))
        assert len({d.id for d in many}) == len(many), "ids are not unique"
        print(f"{scale:>4}x {len(many):>8} {ids_s:>13.3f} {base_s:>13.3f} {ids_s / base_s:>7.1f} "
              f"{1e6 * ids_s / len(many):>9.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
