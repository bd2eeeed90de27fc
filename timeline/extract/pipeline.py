"""The stage list (``pipeline.yaml``) resolved to functions, and one document run through it."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

from ..models import Document
from ..packaged import load_yaml
from .casing import shouting
from .state import DocState

Stage = Callable[[DocState, object], DocState]
PIPELINE_FILE = Path(__file__).with_name("pipeline.yaml")


@cache
def stages() -> tuple[tuple[str, Stage], ...]:
    """(name, function) for every stage, in the order the data file lists them."""
    with open(PIPELINE_FILE, encoding="utf-8") as handle:
        entries = load_yaml(handle)["stages"]
    out = []
    for entry in entries:
        module_name, _, function = entry["function"].partition(":")
        module = importlib.import_module(f"{__package__}.{module_name}")
        out.append((entry["name"], getattr(module, function)))
    return tuple(out)


# What ``extract`` does after the last stage (merge, ids, solver): the last step a progress
# report counts, so that a bar over one long document ends when the work does.
FINAL_STEP = "timeline"
OnStage = Callable[[str, int, int], None]  # (name of the step just done, steps done, steps in all)


def steps() -> int:
    """Steps a progress report counts: the stages, then ``FINAL_STEP``."""
    return len(stages()) + 1


def run(document: Document, options, on_stage: OnStage | None = None) -> DocState:
    """All stages over one document; ``on_stage`` hears of each one done (long documents)."""
    published = document.published or options.published
    text = document.text or ""
    state = DocState(document=document, text=text, published=published, caps=shouting(text))
    for number, (name, stage) in enumerate(stages(), 1):
        state = stage(state, options)
        if on_stage is not None:
            on_stage(name, number, steps())
    return state
