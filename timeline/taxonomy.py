"""Event types and their mapping to PLOVER and ACLED, read from ``taxonomy.yaml``."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .packaged import load_yaml

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class AcledCoding:
    """ACLED's event type and sub-event type for one kind of event."""

    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    label: str
    kind: str  # violence | happening | act | speech
    description: str
    broader: str | None
    aliases: tuple[str, ...]
    plover_event: str | None  # one of PLOVER_CATEGORIES, or None (see plover_none)
    plover_modes: tuple[str, ...]
    plover_contexts: tuple[str, ...]
    plover_future: tuple[str, tuple[str, ...]] | None  # (category, modes) of a future or hypothetical report
    acled: AcledCoding | None
    acled_civilian_targets: AcledCoding | None  # the coding when the targets are civilians

    @property
    def acled_event_type(self) -> str | None:
        return self.acled.event_type if self.acled else None

    @property
    def acled_sub_event_type(self) -> str | None:
        return self.acled.sub_event_type if self.acled else None


class TaxonomyError(ValueError):
    """taxonomy.yaml says something the code cannot use; the message names the type."""


def _plover(name: str, entry: dict) -> tuple[str | None, tuple[str, ...], tuple[str, ...]]:
    plover = entry.get("plover")
    if plover in (None, "none"):
        return None, (), ()
    _check_category(name, plover.get("event"))
    return plover["event"], tuple(plover.get("mode") or ()), tuple(plover.get("context") or ())


def _check_category(name: str, category: str | None) -> None:
    if category not in PLOVER_CATEGORIES:
        raise TaxonomyError(f"{name}: plover event {category!r} is not one of the 16 categories")


def _plover_future(name: str, entry: dict) -> tuple[str, tuple[str, ...]] | None:
    future = (entry.get("plover") or {}).get("future") if isinstance(entry.get("plover"), dict) else None
    if not future:
        return None
    _check_category(name, future.get("event"))
    return future["event"], tuple(future.get("mode") or ())


def _acled(entry: dict | str | None) -> AcledCoding | None:
    if entry in (None, "none"):
        return None
    return AcledCoding(entry["event_type"], entry["sub_event_type"])


def _from_entry(name: str, entry: dict) -> EventType:
    event, modes, contexts = _plover(name, entry)
    acled = entry.get("acled")
    return EventType(
        name=name,
        label=entry["label"],
        kind=entry["class"],
        description=entry["description"],
        broader=entry.get("broader"),
        aliases=tuple(entry.get("aliases") or ()),
        plover_event=event,
        plover_modes=modes,
        plover_contexts=contexts,
        plover_future=_plover_future(name, entry),
        acled=_acled(acled),
        acled_civilian_targets=_acled(acled.get("civilian_targets")) if isinstance(acled, dict) else None,
    )


@cache
def event_types() -> dict[str, EventType]:
    """All event types by name, in the order the data file lists them."""
    text = resources.files("timeline").joinpath("taxonomy.yaml").read_text(encoding="utf-8")
    return {name: _from_entry(name, entry) for name, entry in load_yaml(text).items()}


def type_names() -> tuple[str, ...]:
    return tuple(event_types())


@cache
def aliases() -> dict[str, str]:
    """Another name a person may write -> the type it stands for."""
    return {alias: t.name for t in event_types().values() for alias in t.aliases}


def canonical(name: str) -> str | None:
    """The type a written name stands for (itself, or the type it is an alias of); None if unknown."""
    return name if name in event_types() else aliases().get(name)


def _folded(name: str) -> str:
    """'Armed clash', 'armed-clash' -> 'armed_clash': how a person may write a type's name."""
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def loose_canonical(name: str) -> str | None:
    """The type a name or alias means, also when written in words ('armed clash'); None if none."""
    return canonical(name) or canonical(_folded(name))


def nearest_type(name: str) -> str | None:
    """The type a mistyped or everyday name most likely meant ('Armed clash', 'atack', 'shooting',
    'car bomb'), for an error message: a name, a close spelling with the same first letter (a typo
    seldom changes it: 'shooting' is not 'looting'), then the one type whose description uses the
    name's words, then a word of the name that is a type."""
    folded = _folded(name)
    if canonical(folded):
        return canonical(folded)
    known = [k for k in list(event_types()) + list(aliases()) if folded and k[0] == folded[0]]
    near = difflib.get_close_matches(folded, known, n=1, cutoff=0.75)
    if near:
        return canonical(near[0])
    words = [w for w in folded.split("_") if w]
    described = {t for w in words for t in _described_by(w)}
    if len(described) == 1:
        return described.pop()
    return next((canonical(w) for w in words if canonical(w)), None)


def _described_by(word: str) -> list[str]:
    """The types whose description uses ``word`` as a whole word."""
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    return [n for n, t in event_types().items() if pattern.search((t.description or "").lower())]


def agrees(narrow: str, wide: str) -> bool:
    """True when ``narrow`` is ``wide`` or one of its refinements ('bombing' agrees with 'attack')."""
    types = event_types()
    while narrow is not None:
        if narrow == wide:
            return True
        narrow = types[narrow].broader if narrow in types else None
    return False


def root(name: str) -> str:
    """The most general type a type refines ('bombing' -> 'attack'); itself when it refines none."""
    types = event_types()
    while name in types and types[name].broader:
        name = types[name].broader
    return name


@cache
def of_class(*kinds: str) -> frozenset[str]:
    """The names of the types of these classes ('speech' -> statement, appeal, ...)."""
    return frozenset(t.name for t in event_types().values() if t.kind in kinds)


UNREAL = frozenset({"future", "hypothetical"})


def plover_coding(event_type: str, modality: str) -> tuple[str | None, tuple[str, ...]]:
    """(PLOVER category, modes) of an event of this type and modality: a future or hypothetical
    report takes the type's ``future`` coding when it has one (promised cooperation is AGREE)."""
    kind = event_types()[event_type]
    if modality in UNREAL and kind.plover_future is not None:
        return kind.plover_future
    return kind.plover_event, kind.plover_modes
