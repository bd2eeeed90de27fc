"""The timeline's records: Event, Source, Relation, Document and the Timeline holding them.

These are what ``events.yaml`` holds, field for field. Every model forbids unknown keys so that a
typo in a hand-edited file is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from . import date_hints, dates
from .taxonomy import canonical, nearest_type, type_names

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Modality = Literal["asserted", "negated", "hypothetical", "future"]
RelationKind = Literal["before", "after", "overlaps", "during"]
MODALITIES: tuple[str, ...] = ("asserted", "negated", "hypothetical", "future")
RELATION_KINDS: tuple[str, ...] = ("before", "after", "overlaps", "during")


class _SharedNames(set):
    """A set of field names several records hold (``shared_names``): copied before it grows."""


def _hold_names(record: BaseModel, names: set[str]) -> None:
    """Give a record this set as its fields set: pydantic reads it as ``model_fields_set`` but has no
    setter, so the one write goes to the instance attribute its BaseModel documents (tests guard it)."""
    object.__setattr__(record, "__pydantic_fields_set__", names)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    def __setattr__(self, name: str, value: Any) -> None:
        """Assigning a field adds its name to the record's set of fields set (in place): a set
        other records share is copied first, so that sharing never shows."""
        names = self.model_fields_set
        if type(names) is _SharedNames and name not in names:
            _hold_names(self, set(names))
        super().__setattr__(name, value)


R = TypeVar("R", bound=_Record)
_SHARED_NAMES: dict[frozenset[str], _SharedNames] = {}


def shared_names(record: R) -> R:
    """The record, holding the one set of its fields' names that every record set the same way
    shares: pydantic gives each record its own (728 bytes of an extracted event's 3,300, 216 of a
    source's or relation's), which a long document's 140,000 events multiply."""
    names = frozenset(record.model_fields_set)
    shared = _SHARED_NAMES.get(names)
    if shared is None:
        shared = _SHARED_NAMES[names] = _SharedNames(names)
    _hold_names(record, shared)
    return record


class Source(_Record):
    """Evidence: the exact words of a document that state the event."""

    document: str = Field(min_length=1, description="id of a document in `documents`")
    quote: str = Field(min_length=1, description="exact substring of the document text")
    start: int | None = Field(default=None, ge=0, description="character offset of the quote")
    end: int | None = Field(default=None, ge=0, description="offset just past the quote")

    @model_validator(mode="after")
    def _offsets_match_quote(self) -> "Source":
        if (self.start is None) != (self.end is None):
            raise ValueError("give both start and end offsets, or neither")
        if self.start is not None and self.end - self.start != len(self.quote):
            raise ValueError(
                f"end - start is {self.end - self.start} but the quote has {len(self.quote)} characters: "
                f"after editing a quote, set end to {self.start + len(self.quote)} or delete start and end (both optional)"
            )
        return self


class Relation(_Record):
    """A temporal relation from this event to another: `this <relation> target`."""

    relation: RelationKind
    target: str = Field(pattern=SLUG_PATTERN, description="id of the other event")


class Document(_Record):
    """A source article. `origin` is a path (relative to the timeline file) or a URL."""

    id: str = Field(min_length=1)
    title: str | None = None
    published: dt.date | None = None
    origin: str | None = None
    text: str | None = Field(default=None, description="the article text, when no origin holds it")


class Event(_Record):
    """One event on the timeline, dated as precisely as its evidence allows."""

    id: str = Field(pattern=SLUG_PATTERN, description="readable stable slug, e.g. azerbaijan-attack")
    title: str = Field(min_length=1)
    type: str
    date: str | None = Field(default=None, description="EDTF date or interval; empty = unknown")
    date_inferred: bool = Field(default=False, description="true when solved from relations, not stated")
    actors: list[str] = Field(default_factory=list, description="who acts: the initiators")
    targets: list[str] = Field(
        default_factory=list, description="whom it is done to: recipients or victims (PLOVER recipient, ACLED actor2)"
    )
    people: list[str] = Field(default_factory=list)
    location: str | None = None
    modality: Modality = "asserted"
    sources: list[Source] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    confidence: float | None = Field(default=None, ge=0.0, le=1.0)
    tags: list[str] = Field(default_factory=list)
    notes: str | None = None
    curated: bool = Field(default=False, description="a person edited or confirmed it: never overwritten")
    fingerprint: str | None = Field(default=None, description="written by extraction to detect hand edits")

    @field_validator("type")
    @classmethod
    def _known_type(cls, value: str) -> str:
        name = canonical(value)
        if name is None:
            near = nearest_type(value)
            hint = f"did you mean {near!r}? Or choose" if near else "choose"
            raise ValueError(f"unknown event type {value!r}; {hint} one of: {', '.join(type_names())}")
        return name

    @field_validator("date")
    @classmethod
    def _edtf_date(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        try:
            dates.parse(value)
        except dates.DateError as exc:
            raise ValueError(date_hints.worded(str(exc), value)) from None
        return value.strip()

    @property
    def bounds(self) -> dates.Bounds:
        """Earliest/latest dates and precision derived from `date` (open when unknown)."""
        if self.date is None:
            return dates.Bounds(None, None, "open")
        return dates.parse(self.date)


class Timeline(_Record):
    """Everything in one ``events.yaml``: documents, events, and ids a person rejected."""

    title: str | None = None
    documents: list[Document] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    rejected: list[str] = Field(
        default_factory=list, description="ids of events a person deleted; extraction never re-adds them"
    )

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def document(self, document_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == document_id), None)
