"""Readers for the timex gold corpora: TempEval-3 platinum (TIMEX3), WikiWars (TIMEX2), the
TIME_* markables of EventStoryLine (ESC, CAT XML), split by topic into a development part and a
held-out part, and timex-unseen, the repository's own TE3-style files written before the tagger
ever ran on them (tests/data/timex-unseen).

All give ``GoldDoc``s whose gold spans are character offsets into ``text``: for TE3 and WikiWars
the annotated TEXT section with its tags stripped and XML entities decoded, for ESC the text
rebuilt from its tokens by the events harness (``esc.parse``: blanks between tokens, a line
break between sentences).
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import html
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import esc

_ESC = "eventstoryline/v1.5"
CORPORA = {"te3-platinum": "te3-platinum/gold", "wikiwars": "wikiwars/keyinline",
           "esc": _ESC, "esc-dev": _ESC, "esc-heldout": _ESC, "timex-unseen": "tests/data/timex-unseen"}
MODES = {"te3-platinum": "news", "wikiwars": "narrative", "esc": "news", "esc-dev": "news", "esc-heldout": "news",
         "timex-unseen": "news"}
# Corpora kept in the repository itself (their CORPORA path is relative to its root), not in ../shared.
IN_REPOSITORY = frozenset({"timex-unseen"})
_PATTERNS = {"te3-platinum": "*.tml", "wikiwars": "*.key.xml", "timex-unseen": "*.tml"}
# ESC is split by topic, once and for all: odd-numbered topics are looked at while developing the
# tagger, even-numbered ones are only ever read as figures (docs/evaluation.md).
_ESC_PARTS = {"esc": lambda topic: True, "esc-dev": lambda topic: topic % 2 == 1,
              "esc-heldout": lambda topic: topic % 2 == 0}
# Corpora whose gold writes clock times in UTC, converted with offsets the text does not give
# (and often not the right ones): their clock times are scored up to a zone's shift.
UTC_CLOCKS = frozenset(_ESC_PARTS)
_ESC_TYPES = {"TIME_DATE": "DATE", "TIME_OF_THE_DAY": "TIME", "TIME_DURATION": "DURATION",
              "TIME_REPETITION": "SET"}
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
    scored: list[tuple[int, int]] | None = None  # the only stretches annotated (None: all the text)


def shared_dir() -> Path:
    """../shared/data beside the repository, or $TIMELINE_SHARED/data."""
    override = os.environ.get("TIMELINE_SHARED")
    base = Path(override) if override else Path(__file__).resolve().parents[3] / "shared"
    return base / "data"


def corpus_dir(name: str) -> Path:
    """The gold folder of a corpus, or CorpusMissing saying where it was looked for."""
    if name not in CORPORA:
        raise ValueError(f"unknown corpus {name!r}; choose one of {sorted(CORPORA)}")
    base = Path(__file__).resolve().parents[2] if name in IN_REPOSITORY else shared_dir()
    folder = base / CORPORA[name]
    if not folder.is_dir():
        raise CorpusMissing(f"corpus {name} not found at {folder}")
    return folder


def gold_files(name: str) -> list[Path]:
    """The gold files of a corpus, sorted by name (ESC: in topic order, the part's topics only)."""
    folder = corpus_dir(name)
    if name in _ESC_PARTS:
        return [p for p in esc.document_paths(folder) if _ESC_PARTS[name](int(p.parent.name))]
    return sorted(folder.glob(_PATTERNS[name]))


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


_ZERO_PAD = re.compile(r"^(\d{4})[-:](\d{1,2})(?:[-:](\d{1,2}))?(?:T(\d{1,2})(:.*))?$")
_UNWRITTEN_DIGITS = re.compile(r"^(\d{2,3})X+$")


def esc_value(raw: str | None) -> str:
    """An ESC value in the TIMEX3 form the other corpora use. Only the writing changes, never
    what it denotes: digits padded (2009-12-7 -> 2009-12-07, T3:25Z -> T03:25Z), a colon used
    between date fields made a dash, a decade's unwritten digit dropped (193X -> 193, as TIMEX3
    writes the 1930s), PRES_REF spelled PRESENT_REF, 2013W24 given its dash."""
    value = (raw or "").strip()
    found = _ZERO_PAD.match(value)
    if found:
        year, month, day, hour, rest = found.groups()
        value = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
        value += f"T{int(hour):02d}{rest}" if hour else ""
    value = _UNWRITTEN_DIGITS.sub(r"\1", value)
    value = re.sub(r"^(\d{4})W(\d{2})", r"\1-W\2", value)
    return "PRESENT_REF" if value == "PRES_REF" else value


def read_esc(path: Path) -> GoldDoc:
    """One ESC document: its token-anchored TIME_* markables (the DCT's mention in the text
    included), each span once; instance descriptors without tokens are not in the text. Like
    ECB+, ESC annotates only some sentences of a document: the sentences that carry any
    markable are the ones scored."""
    text, markables, dct = esc.parse(path)
    seen: set[GoldTimex] = set()
    timexes: list[GoldTimex] = []
    annotated: list[int] = []
    for markable, span in markables:
        if span is None:
            continue
        annotated.append(span[0])
        if markable.tag not in _ESC_TYPES:
            continue
        timex = GoldTimex(span[0], span[1], _ESC_TYPES[markable.tag], esc_value(markable.get("value")))
        if timex not in seen:
            seen.add(timex)
            timexes.append(timex)
    timexes.sort(key=lambda t: (t.start, -t.end))
    published = dct.earliest if dct else _dct_day(markables)
    return GoldDoc(path.name.split(".")[0], text, published, timexes, _lines_holding(text, sorted(annotated)))


def _dct_day(markables: esc.Markables) -> dt.date | None:
    """The creation day from a DCT value esc.py cannot read as written ('2009:02:03T17:59:13Z')."""
    for markable, _span in markables:
        value = esc_value(markable.get("value")) if markable.get("DCT") == "TRUE" else ""
        if re.match(r"^\d{4}-\d{2}-\d{2}", value):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def _lines_holding(text: str, offsets: list[int]) -> list[tuple[int, int]]:
    """Character ranges of the lines (ESC: sentences) in which one of the sorted offsets lies."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        first = bisect.bisect_left(offsets, start)
        if first < len(offsets) and offsets[first] <= end:
            spans.append((start, end))
        start = end + 1
    return spans


_READERS = {"te3-platinum": read_te3, "wikiwars": read_wikiwars, "timex-unseen": read_te3}


def read_corpus(name: str) -> Iterator[GoldDoc]:
    """Every gold document of a corpus, in file-name (ESC: topic) order."""
    reader = _READERS.get(name, read_esc)
    for path in gold_files(name):
        yield reader(path)
