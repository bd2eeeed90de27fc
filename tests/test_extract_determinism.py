"""The same input gives the same output whatever the hash seed: a merge into a hand-edited
events.yaml compares fingerprints, and a fingerprint covers an event's relations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Three reports of one day. The first links a march to two later acts; the other two each put
# those acts after a raid and the raid after them, so the merged events hold two cycles in one
# group of related events. The solver drops the relations of the first cycle it meets, and which
# one that was depended on the order of a set of event ids, that is, on the hash seed.
REPORTS = {
    "a.txt": "Protest in Bogota\n\nStudents marched in Bogota on March 3. FARC rebels blew up a bridge "
             "near Medellin on March 3 after the students marched in Bogota. Police arrested two farmers "
             "in Medellin on March 3 after the students marched in Bogota.\n",
    "b.txt": "Raid in Antioquia\n\nArmy soldiers raided the village of Santa Rita in Antioquia on March 3 "
             "after FARC rebels blew up a bridge near Medellin on March 3. Army soldiers raided Santa Rita "
             "after police arrested two farmers in Medellin on March 3.\n",
    "c.txt": "Bridge attack near Medellin\n\nFARC rebels blew up a bridge near Medellin on March 3 after "
             "army soldiers raided the village of Santa Rita in Antioquia on March 3. Police arrested two "
             "farmers in Medellin on March 3 after army soldiers raided Santa Rita.\n",
}


def _extract(folder: Path, seed: str) -> bytes:
    """``timeline extract`` in a fresh interpreter with this hash seed: its JSON output."""
    out = folder.parent / f"out_{seed}.json"
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT)}
    run = [sys.executable, "-m", "timeline.cli", "extract", "--no-progress", "--published", "1991-03-05",
           "--format", "json", "-o", str(out), str(folder)]
    subprocess.run(run, env=env, check=True, capture_output=True, cwd=ROOT)
    return out.read_bytes()


def test_two_hash_seeds_give_byte_identical_output(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    first, second = _extract(folder, "1"), _extract(folder, "2")
    assert b'"relation": "after"' in first  # the cycles are there to be broken
    assert first == second
