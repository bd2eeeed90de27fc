"""docs/extraction.md's pipeline table has a row for every stage of pipeline.yaml, so a new stage
is not left out of the page a reader learns the order from (two were, in the seventeenth session)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def test_every_stage_has_a_row_in_the_pipeline_table():
    stages = [s["name"] for s in yaml.safe_load((REPO / "timeline" / "extract" / "pipeline.yaml").read_text(encoding="utf-8"))["stages"]]
    docs = (REPO / "docs" / "extraction.md").read_text(encoding="utf-8")
    table = docs[docs.index("## Pipeline"):].split("\n\n")[2]  # heading, sentence, then the table
    rows = {m.group(1) for m in re.finditer(r"^\| ([a-z_]+) \|", table, re.M)} - {"stage"}
    assert len(stages) > 20 and [s for s in stages if s not in rows] == [] and rows <= set(stages)
