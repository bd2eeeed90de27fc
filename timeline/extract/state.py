"""The records that flow through the extraction stages: one ``DocState`` per document."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..models import Document


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence: ``text[start:end]``; ``lead`` is its opening connective, lower-cased."""

    start: int
    end: int
    sentence: int
    lead: str = ""
    answered: bool = False  # cut off a reaction's clause: it names the event the reaction answers to
    evidence: tuple[int, int] | None = None  # the words to quote when they are more than the clause


@dataclass(frozen=True, slots=True)
class Trigger:
    """A lexicon hit: the words that name an event of ``type``."""

    start: int
    end: int
    type: str
    rule: str
    kind: str  # verb | noun
    weight: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A place, actor or person named in the text, already mapped to its canonical name."""

    start: int
    end: int
    kind: str  # actor | person | place
    name: str
    state: str | None = None  # a person's state, or a place's country


@dataclass(slots=True)
class EventMention:
    """One event as one clause states it; co-reference later joins mentions into events (slots:
    a long document holds one per clause that names an event, 140,000 at 50 MB)."""

    clause: Clause
    trigger: Trigger
    others: tuple[Trigger, ...] = ()  # only ever read: most are empty, and share the one empty tuple
    actors: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    location: str | None = None
    modality: str = "asserted"
    date: str | None = None
    date_stated: bool = False
    confidence: float = 0.5
    cues: list[str] = field(default_factory=list)
    relations: list[tuple[str, int]] = field(default_factory=list)  # (relation, index of other mention)
    same_as: int | None = None  # index of the mention this one co-refers with

    @property
    def type(self) -> str:
        return self.trigger.type


@dataclass
class DocState:
    """Everything the stages know about one document; each stage returns an updated copy.

    A stage that changes a list replaces it (never appends to the state's list in place):
    ``lookups`` holds indices over those lists and tells them apart by identity."""

    document: Document
    text: str
    published: dt.date | None
    caps: bool = False  # written in capitals (wire copy): case says nothing about names
    skip: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)  # paragraph number of each sentence
    clauses: list[Clause] = field(default_factory=list)
    timexes: list = field(default_factory=list)
    timex_starts: list[int] = field(default_factory=list)  # every time expression's, dated or not ('the next day')
    triggers: list[Trigger] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    home: str | None = None  # the state the story is about (``names.find_names``): whose agents act unnamed
    lookups: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # see lookup.py
