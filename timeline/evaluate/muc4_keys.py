"""Read the MUC-4 answer keys (``shared/data/muc4-keys``): one incident template per block.

A block is lines ``N.  SLOT NAME`` with the fill from column 36; a line whose slot part is blank
continues the slot above. Fills: ``-`` empty, ``*`` not applicable, ``"..."`` a string quoted from
the report, ``A / B`` alternatives, ``SET: "..."`` a set value tied to a string, a leading ``?``
an optional fill. Dates: a day (``30 DEC 89``), on or before a day (``- 16 NOV 89``) or a range
(``10 NOV 89 - 16 NOV 89``), alternatives joined by ``/``. See the task documentation in
``muc4-keys/documentation/templ-doc-basic``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..dates import Bounds
from .gold import shared_dir

SPLITS = {"train": ("train", "key-dev-*.muc4"), "dev": ("dev", "key-tst*")}
_SLOT = re.compile(r"^\s*(\d+)\.\s+(.*?)\s*$")
_FILL_COLUMN = 36
_MONTHS = {m: i for i, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split(), 1)}
_DAY = re.compile(r"(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*(?:\s+(\d{2})\b)?")
_QUOTED = re.compile(r'"([^"]+)"')


@dataclass(frozen=True)
class Template:
    """One incident as the key records it; strings are the report's own words."""

    message: str
    number: str
    optional: bool
    types: tuple[str, ...]
    stages: tuple[str, ...]
    dates: tuple[Bounds, ...]  # alternatives; empty when the key gives no date
    places: tuple[str, ...]  # location names below the country, most specific last
    country: str | None
    perp_orgs: tuple[tuple[str, ...], ...]  # each organisation: its alternative names
    perp_people: tuple[tuple[str, ...], ...]
    human_targets: tuple[tuple[str, ...], ...]  # names and descriptions
    physical_targets: tuple[tuple[str, ...], ...]
    instruments: tuple[tuple[str, ...], ...]

    @property
    def one_day(self) -> bool:
        """Every alternative is a single day."""
        return bool(self.dates) and all(b.earliest == b.latest and b.earliest is not None for b in self.dates)

    def strings(self) -> list[str]:
        """Every string of the report the key cites, the place names included."""
        groups = [*self.perp_orgs, *self.perp_people, *self.human_targets, *self.physical_targets, *self.instruments]
        return [s for group in groups for s in group] + list(self.places)


@dataclass
class _Block:
    slots: dict[str, list[str]] = field(default_factory=dict)


def _split_files(split: str, folder: Path | None) -> list[Path]:
    """The key files of a split, or a clear error for a split that does not exist here."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; choose one of: {', '.join(SPLITS)}")
    sub, pattern = SPLITS[split]
    return sorted(((folder or default_dir()) / sub).glob(pattern))


def read_split(split: str, folder: Path | None = None) -> list[Template]:
    """Every incident template of a split (``train`` or ``dev``), reports without one left out."""
    paths = _split_files(split, folder)
    if not paths:
        raise FileNotFoundError(f"no MUC-4 keys in {(folder or default_dir()) / SPLITS[split][0]}")
    blocks = [b for p in paths for b in _blocks(p.read_text(encoding="latin-1"))]
    return [t for b in blocks if (t := _template(b)) is not None]


def messages(split: str, folder: Path | None = None) -> list[str]:
    """The report ids a split's keys cover, incident or not."""
    out: list[str] = []
    for path in _split_files(split, folder):
        for block in _blocks(path.read_text(encoding="latin-1")):
            message = _message_id(block)
            if message and message not in out:
                out.append(message)
    return out


def default_dir() -> Path:
    return shared_dir() / "data" / "muc4-keys"


def _blocks(text: str) -> list[_Block]:
    out, current, slot = [], None, None
    for line in text.splitlines():
        if not line.strip():
            current, slot = None, None
            continue
        head, fill = line[:_FILL_COLUMN], line[_FILL_COLUMN:].strip()
        found = _SLOT.match(head)
        if found:
            if current is None:
                current = _Block()
                out.append(current)
            slot = found.group(2)
            current.slots[slot] = [fill] if fill else []
        elif current is not None and slot is not None and fill:
            current.slots[slot].append(fill)
    return out


def _message_id(block: _Block) -> str | None:
    value = " ".join(block.slots.get("MESSAGE: ID", []))
    return value.split()[0] if value else None


def _template(block: _Block) -> Template | None:
    kind = " ".join(block.slots.get("INCIDENT: TYPE", ["*"])).strip()
    if kind in ("*", "", "-"):
        return None
    number = " ".join(block.slots.get("MESSAGE: TEMPLATE", [""]))
    message = _message_id(block) or ""
    country, places = _location(" ".join(block.slots.get("INCIDENT: LOCATION", [])))
    return Template(
        message=message,
        number=number.split()[0] if number else "",
        optional="OPTIONAL" in number,
        types=tuple(t.strip() for t in kind.split("/") if t.strip()),
        stages=tuple(s.strip() for s in " ".join(block.slots.get("INCIDENT: STAGE OF EXECUTION", [])).split("/")
                     if s.strip() not in ("", "*", "-")),
        dates=parse_date(" ".join(block.slots.get("INCIDENT: DATE", []))),
        places=places,
        country=country,
        perp_orgs=_strings(block, "PERP: ORGANIZATION ID"),
        perp_people=_strings(block, "PERP: INDIVIDUAL ID"),
        human_targets=_strings(block, "HUM TGT: NAME") + _strings(block, "HUM TGT: DESCRIPTION"),
        physical_targets=_strings(block, "PHYS TGT: ID"),
        instruments=_strings(block, "INCIDENT: INSTRUMENT ID"),
    )


def _strings(block: _Block, slot: str) -> tuple[tuple[str, ...], ...]:
    """Each fill line's quoted strings (its alternatives); a fill with none is skipped."""
    out = []
    for line in block.slots.get(slot, []):
        quoted = tuple(q.strip() for q in _QUOTED.findall(line) if q.strip())
        if quoted:
            out.append(quoted)
    return tuple(out)


def _location(value: str) -> tuple[str | None, tuple[str, ...]]:
    """'EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS (TOWN)' -> country, (SAN MIGUEL, SAN LUIS)."""
    value = value.split("/")[0].strip()
    if value in ("", "-", "*"):
        return None, ()
    parts = [re.sub(r"\s*\([^)]*\)", "", p).strip(" ?") for p in value.split(":")]
    parts = [p for p in parts if p and p not in ("-", "*")]
    return (parts[0] if parts else None), tuple(parts[1:])


def parse_date(value: str) -> tuple[Bounds, ...]:
    """A key's INCIDENT: DATE as bounds, one per alternative ('-' and '*' give none; a day
    written without its year is left out rather than guessed)."""
    out = []
    for alternative in value.split("/"):
        found = _alternative(alternative.strip().strip("()").strip())
        if found is not None:
            out.append(found)
    return tuple(out)


def _alternative(text: str) -> Bounds | None:
    if text in ("", "-", "*"):
        return None
    open_start = text.startswith("-")
    days = [_day(m) for m in _DAY.finditer(text)]
    if not days or None in days:
        return None
    if open_start:
        return Bounds(None, days[-1], "open")
    if len(days) == 1:
        return Bounds(days[0], days[0], "day")
    return Bounds(days[0], days[-1], "interval")


def _day(found: re.Match) -> dt.date | None:
    month = _MONTHS.get(found.group(2).upper())
    if month is None or found.group(3) is None:
        return None
    try:
        return dt.date(1900 + int(found.group(3)), month, int(found.group(1)))
    except ValueError:
        return None
