"""The stage list (``pipeline.yaml``) resolved to functions, and one document run through it."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from pathlib import Path

import yaml

from ..models import Document
from .state import DocState

Stage = Callable[[DocState, object], DocState]
PIPELINE_FILE = Path(__file__).with_name("pipeline.yaml")


@cache
def stages() -> tuple[tuple[str, Stage], ...]:
    """(name, function) for every stage, in the order the data file lists them."""
    with open(PIPELINE_FILE, encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)["stages"]
    out = []
    for entry in entries:
        module_name, _, function = entry["function"].partition(":")
        module = importlib.import_module(f"{__package__}.{module_name}")
        out.append((entry["name"], getattr(module, function)))
    return tuple(out)


def run(document: Document, options) -> DocState:
    """All stages over one document."""
    published = document.published or options.published
    state = DocState(document=document, text=document.text or "", published=published)
    for _name, stage in stages():
        state = stage(state, options)
    return state
