"""Event types and their mapping to PLOVER and ACLED, read from ``taxonomy.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    label: str
    description: str
    plover_event: str | None
    plover_mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None


def _from_entry(name: str, entry: dict) -> EventType:
    plover = entry.get("plover") or {}
    acled = entry.get("acled") or {}
    return EventType(
        name=name,
        label=entry["label"],
        description=entry["description"],
        plover_event=plover.get("event"),
        plover_mode=plover.get("mode"),
        acled_event_type=acled.get("event_type"),
        acled_sub_event_type=acled.get("sub_event_type"),
    )


@cache
def event_types() -> dict[str, EventType]:
    """All event types by name, in the order the data file lists them."""
    text = resources.files("timeline").joinpath("taxonomy.yaml").read_text(encoding="utf-8")
    return {name: _from_entry(name, entry) for name, entry in yaml.safe_load(text).items()}


def type_names() -> tuple[str, ...]:
    return tuple(event_types())
