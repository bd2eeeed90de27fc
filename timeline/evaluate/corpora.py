"""Readers for the timex gold corpora: TempEval-3 platinum (TIMEX3) and WikiWars (TIMEX2).

Both give ``GoldDoc``s whose ``text`` is the annotated TEXT section with its tags stripped and
XML entities decoded, and whose gold spans are character offsets into that text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

CORPORA = {"te3-platinum": "te3-platinum/gold", "wikiwars": "wikiwars/keyinline"}
MODES = {"te3-platinum": "news", "wikiwars": "narrative"}
_TAG = re.compile(r"<(/?)([A-Za-z0-9]+)((?:\s+[^>]*?)?)\s*(/?)>")
_ATTR = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_DCT = re.compile(r'<DCT>\s*<TIMEX3[^>]*\bvalue="(\d{4}-\d{2}-\d{2})', re.DOTALL)


class CorpusMissing(FileNotFoundError):
    """The shared corpus folder is not there (tests skip, the CLI says where it looked)."""


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str


@dataclass
class GoldDoc:
    id: str
    text: str
    published: dt.date | None
    timexes: list[GoldTimex] = field(default_factory=list)


def shared_dir() -> Path:
    """../shared/data beside the repository, or $TIMELINE_SHARED/data."""
    override = os.environ.get("TIMELINE_SHARED")
    base = Path(override) if override else Path(__file__).resolve().parents[3] / "shared"
    return base / "data"


def corpus_dir(name: str) -> Path:
    """The gold folder of a corpus, or CorpusMissing saying where it was looked for."""
    if name not in CORPORA:
        raise ValueError(f"unknown corpus {name!r}; choose one of {sorted(CORPORA)}")
    folder = shared_dir() / CORPORA[name]
    if not folder.is_dir():
        raise CorpusMissing(f"corpus {name} not found at {folder}")
    return folder


def gold_files(name: str) -> list[Path]:
    """The gold files of a corpus, sorted by name."""
    pattern = "*.tml" if name == "te3-platinum" else "*.key.xml"
    return sorted(corpus_dir(name).glob(pattern))


def gold_hash(name: str) -> str:
    """sha256 over the gold files (names and bytes), to pin floors to one version of the gold."""
    digest = hashlib.sha256()
    for path in gold_files(name):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def strip_tags(marked: str, tag: str) -> tuple[str, list[tuple[int, int, dict]]]:
    """Plain text and (start, end, attributes) of every ``tag`` element (nesting allowed)."""
    out: list[str] = []
    length = 0
    open_stack: list[tuple[int, dict]] = []
    spans: list[tuple[int, int, dict]] = []
    cursor = 0
    for found in _TAG.finditer(marked):
        piece = html.unescape(marked[cursor:found.start()])
        out.append(piece)
        length += len(piece)
        cursor = found.end()
        closing, name, attrs, selfclosing = found.groups()
        if name != tag or selfclosing:
            continue
        if closing:
            start, attributes = open_stack.pop()
            spans.append((start, length, attributes))
        else:
            open_stack.append((length, dict(_ATTR.findall(attrs))))
    out.append(html.unescape(marked[cursor:]))
    return "".join(out), sorted(spans, key=lambda s: (s[0], -s[1]))


def read_te3(path: Path) -> GoldDoc:
    """One TempEval-3 gold file: TEXT, DCT and the TIMEX3 in TEXT (the DCT itself is not scored)."""
    raw = path.read_text(encoding="utf-8")
    dct = _DCT.search(raw)
    text, spans = strip_tags(_TEXT.search(raw).group(1), "TIMEX3")
    timexes = [GoldTimex(s, e, a.get("type", "DATE"), a.get("value", "")) for s, e, a in spans]
    published = dt.date.fromisoformat(dct.group(1)) if dct else None
    return GoldDoc(path.name.removesuffix(".tml"), text, published, timexes)


def timex2_type(attrs: dict) -> str:
    """TIMEX2 has no type attribute: derive the TIMEX3 type from val and set."""
    value = attrs.get("val", "")
    if attrs.get("set"):
        return "SET"
    if value.startswith("P"):
        return "DURATION"
    if re.search(r"T(?:\d|MO|AF|EV|NI|DT)", value):
        return "TIME"
    return "DATE"


def read_wikiwars(path: Path) -> GoldDoc:
    """One WikiWars inline key file; timexes without a val are kept (they count for spans)."""
    raw = path.read_text(encoding="utf-8")
    text, spans = strip_tags(_TEXT.search(raw).group(1), "TIMEX2")
    timexes = [GoldTimex(s, e, timex2_type(a), a.get("val", "")) for s, e, a in spans]
    return GoldDoc(path.name.split(".")[0], text, None, timexes)


def read_corpus(name: str) -> Iterator[GoldDoc]:
    """Every gold document of a corpus, in file-name order."""
    reader = read_te3 if name == "te3-platinum" else read_wikiwars
    for path in gold_files(name):
        yield reader(path)
