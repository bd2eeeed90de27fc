"""MUC-3 repeated k times as JSON-lines shards: the corpus the scale benchmarks run on.

Each copy keeps the publication dates, gets its own document ids (``-r2``, ``-r3`` ...) and a
closing line of its own ("Copy 2."), so that no text is a repeat (``timeline extract`` reads a
repeated text once): a k-times corpus is k reports of every incident, the size of an archive and
the shape of a real one (the same story told again by other wires).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def muc3_path() -> Path:
    shared = Path(os.environ.get("TIMELINE_SHARED", ROOT.parent / "shared"))
    return shared / "data" / "muc3" / "docs.jsonl"


def write_scaled(source: Path, copies: int, folder: Path, shard_lines: int = 500) -> Path:
    """``folder`` filled with shards part-NNNN.jsonl holding ``copies`` copies of ``source``."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("part-*.jsonl"):
        old.unlink()
    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    shard, written, out = 0, 0, None
    for copy in range(1, copies + 1):
        for line in lines:
            if out is None or written == shard_lines:
                if out is not None:
                    out.close()
                out = (folder / f"part-{shard:04d}.jsonl").open("w", encoding="utf-8")
                shard, written = shard + 1, 0
            record = json.loads(line)
            if copy > 1:
                record["id"] = f"{record['id']}-r{copy}"
                record["text"] = f"{record['text'].rstrip()}\n\nCopy {copy}.\n"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    if out is not None:
        out.close()
    return folder
