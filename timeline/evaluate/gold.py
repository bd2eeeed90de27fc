"""Read the gold timelines (``shared/gold/*.yaml``) and the article text each one annotates.

A gold file names its article by ``document``: a path relative to the shared folder (the seed) or,
with ``source_file``, the ``url`` of a row in ``shared/data/wikinews/<source_file>``. Each quote is
located in that text (``occurrence: N`` picks the N-th), so scoring works on character spans.

``scope: partial`` (with a ``scope_note`` saying which events are annotated) marks a gold file that
covers only part of its article, e.g. the conflict events of a long campaign overview: the scorer
then counts as false only the predictions told in a sentence that holds a gold quote.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from .. import dates
from ..yamlread import decode
from .goldcheck import check


class GoldError(ValueError):
    """A gold file that cannot be read or whose quotes are not in its article."""


@dataclass(frozen=True)
class GoldEvent:
    """One annotated event: its evidence spans (quote first, then ``also``) and its facts."""

    id: str
    type: str
    spans: tuple[tuple[int, int], ...]
    actors: frozenset[str]
    people: frozenset[str]
    modality: str
    required: bool
    bounds: dates.Bounds | None
    real_date: dates.Bounds | None


@dataclass
class GoldDoc:
    """A gold file with its article text, publication date and relations."""

    name: str  # the gold file's stem: the document id the harness gives the article
    document: str  # as written in the gold file (path or url)
    published: dt.date | None
    text: str
    events: list[GoldEvent]
    relations: list[tuple[str, str, str]] = field(default_factory=list)
    scope: str = "full"  # "partial": only some of the article's events are annotated
    scope_note: str = ""  # what a partial gold file covers, in the annotator's words

    @cached_property
    def regions(self) -> list[tuple[int, int]] | None:
        """The stretches a partial gold file speaks for: the sentences holding a gold quote or
        ``also`` quote (None for a full gold file: the whole article)."""
        if self.scope != "partial":
            return None
        quoted = [span for event in self.events for span in event.spans]
        return [s for s in sentence_spans(self.text) if any(a < s[1] and s[0] < b for a, b in quoted)]

    @cached_property
    def aliases(self) -> set[str]:
        """Ids a prediction may use for this document: file stem, url/path, the path's stem, and
        the id `timeline extract` gives the article (its stem and a hash of its text)."""
        from ..ids import document_id

        names = {self.name, self.document, Path(self.document).stem, Path(self.document).name}
        return names | {document_id(Path(self.document).name, self.text), document_id(self.name, self.text)}


def shared_dir() -> Path:
    """``shared/`` beside the repository (or ``$TIMELINE_SHARED``)."""
    env = os.environ.get("TIMELINE_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "shared"


@cache
def _csv_rows(path: Path) -> dict[str, dict[str, str]]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["url"]: row for row in csv.DictReader(handle)}


def _article_text(raw: dict, gold_path: Path, shared: Path) -> str:
    """The text the gold quotes refer to."""
    document = raw.get("document") or ""
    if raw.get("source_file"):
        csv_path = shared / "data" / "wikinews" / raw["source_file"]
        if not csv_path.exists():
            raise GoldError(f"{csv_path} not found")
        row = _csv_rows(csv_path).get(document)
        if row is None:
            raise GoldError(f"no row with url {document!r} in {csv_path.name}")
        return row["text"]
    bases = (shared, gold_path.parent, gold_path.parent.parent)
    for base in bases:
        candidate = base / document
        if candidate.is_file():
            try:
                return candidate.read_text(encoding="utf-8")
            except UnicodeDecodeError as exc:  # named, not a bare codec error
                raise GoldError(f"the article {candidate} is not UTF-8 text (byte {exc.start}: {exc.reason})") from None
    raise GoldError(f"the article {document!r} is not in {', '.join(str(b) for b in bases)}")


_SENTENCE = re.compile(r"\S[^\n]*?(?:[.!?]+[\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])|$)", re.MULTILINE)
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Maj|Adm|Jr|Sr|Prof|Rev|Hon|No)"
                           r"|\b[A-Za-z](?:\.[A-Za-z])*)\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences cut plainly (a stop before a capital, or a line end; not after a title or an
    initial), independent of the extractor's own splitter so the scorer does not lean on what it
    scores."""
    spans: list[tuple[int, int]] = []
    for start, end in (m.span() for m in _SENTENCE.finditer(text)):
        previous = spans[-1] if spans else None
        if previous and "\n" not in text[previous[1]:start] and _ABBREVIATION.search(text, previous[0], previous[1]):
            spans[-1] = (previous[0], end)
        else:
            spans.append((start, end))
    return spans


def _scope(raw: dict) -> tuple[str, str]:
    """The file's ``scope`` and ``scope_note`` (``goldcheck._check_scope`` has refused, with their
    lines, the values that cannot mean what they say before this reads them)."""
    return raw.get("scope", "full"), raw.get("scope_note", "").strip()


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int] | None:
    """Offsets of the ``occurrence``-th appearance of ``quote`` in ``text`` (1-based)."""
    start = -1
    for _ in range(max(occurrence, 1)):
        start = text.find(quote, start + 1)
        if start < 0:
            return None
    return start, start + len(quote)


def _bounds(value: object) -> dates.Bounds | None:
    return dates.parse(str(value)) if value not in (None, "") else None


def _event(raw: dict, text: str, where: str) -> GoldEvent:
    quotes = [(raw["quote"], int(raw.get("occurrence", 1)))] + [(q, 1) for q in raw.get("also") or []]
    spans = []
    for quote, occurrence in quotes:
        span = locate(text, quote, occurrence)
        if span is None:
            raise GoldError(f"{where}: event {raw.get('id')}: quote not in the article: {quote!r}")
        spans.append(span)
    return GoldEvent(
        id=raw["id"],
        type=raw["type"],
        spans=tuple(spans),
        actors=frozenset(raw.get("actors") or []),
        people=frozenset(raw.get("people") or []),
        modality=raw.get("modality", "asserted"),
        required=str(raw.get("required", "true")).lower() == "true",
        bounds=_bounds(raw.get("bounds")),
        real_date=_bounds(raw.get("real_date")),
    )


def _gold_text(path: Path) -> str:
    """The gold file's text; one not in UTF-8 is named with the line and column of its first bad
    byte (it was a bare codec error naming no file)."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        issue = decode(raw)[1]
        line, column = issue.mark if issue and issue.mark else (1, 1)
        raise GoldError(f"{path}:{line}:{column}: {issue.message if issue else exc.reason}") from None


def read_gold(path: Path, shared: Path | None = None) -> GoldDoc:
    """One gold file with its article."""
    shared = shared or shared_dir()
    source = _gold_text(path)
    texts: list[str] = []  # the article, read once for the check and the scoring
    # parsed once: the check's plain data (every scalar as text) is what the scorer reads
    raw, problems = check(path, source, lambda data: texts.append(_article_text(data, path, shared)) or texts[-1])
    if problems:  # every problem at once, with its line, before any scoring (a non-mapping file is one)
        raise GoldError("\n".join(problems))
    scope, scope_note = _scope(raw)
    text = texts[0] if texts else _article_text(raw, path, shared)
    published = dt.date.fromisoformat(raw["published"]) if raw.get("published") else None
    return GoldDoc(
        name=path.stem,
        document=str(raw.get("document", path.stem)),
        published=published,
        text=text,
        events=[_event(e, text, path.name) for e in raw.get("events") or []],
        relations=[tuple(r) for r in raw.get("relations") or []],
        scope=scope,
        scope_note=scope_note,
    )


def read_gold_dir(folder: Path, shared: Path | None = None) -> list[GoldDoc]:
    """Every ``*.yaml`` gold file in ``folder``, sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a folder of gold files")
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise GoldError(f"{folder}: no *.yaml gold files")
    golds, problems = [], []
    for path in files:  # every file's problems at once, not one file per run
        try:
            golds.append(read_gold(path, shared))
        except GoldError as exc:
            problems.append(str(exc))
    if problems:
        raise GoldError("\n".join(problems))
    return golds
