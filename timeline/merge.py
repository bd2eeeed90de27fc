"""Merge a freshly extracted timeline into the curated one without losing anything a person did.

* An event counts as **curated** when ``curated: true``, when its ``fingerprint`` no longer matches
  its content (someone edited it by hand or in the app), or when it has no fingerprint at all (a
  person wrote it). Curated events are never changed.
* An extracted event matches a current event by **id** when both cite the same document (an id
  written by hand, or by a version before evidence tags, may name an event of another article; a
  new event that wants a taken id gets ``-2``, ``-3`` ...), else by **co-reference**: same type,
  overlapping actors (or none on either side) and overlapping evidence in the same document. Each
  current event is matched at most once per merge, identical evidence first.
* A match that is not curated is **updated** (the current id is kept: ids are stable); no match is
  **added**; an id in ``current.rejected`` is **never** added back (the decision stays in the file),
  nor under another id: extracted ids end with a tag of their evidence (``timeline.ids``), and an
  extracted event that cites a rejected id's evidence is skipped too, whatever order articles
  arrived in.
* Events the extraction no longer produces are kept; relations of new content are rewritten to the
  ids they got in the merged file, and relations to rejected events are left out of new content.
* Documents the current file lacks are added; existing ones are kept as they are. An article
  already listed (the same text, read under another name) keeps its listed id; an id listed for
  another text is an error (``documents.DocumentError``) and nothing is merged.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import ids
from .documents import document_text, reconcile
from .models import Document, Event, Relation, Source, Timeline

_NOT_CONTENT = {"curated", "fingerprint"}
# Fields added after fingerprints were first written: left out of the content while empty, so
# that an event extracted before they existed still matches its fingerprint.
_LATER_FIELDS = ("targets",)


@dataclass
class MergeReport:
    """What the merge did, by event id (ids as they are in the merged file)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_curated: list[str] = field(default_factory=list)
    skipped_rejected: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    dated_documents: list[str] = field(default_factory=list)  # listed without a publication date: given this run's

    def summary(self) -> str:
        """One line for the CLI (the events' outcomes)."""
        parts = [f"{len(v)} {k.replace('_', ' ')}" for k, v in vars(self).items() if k != "dated_documents"]
        return ", ".join(parts)

    def words(self, changed: bool) -> str:
        """What the merge did, for every front end alike: a merge that changes nothing says so."""
        if not changed:
            return (f"nothing new, file left as it was ({len(self.kept_curated)} curated kept, "
                    f"{len(self.skipped_rejected)} rejected skipped, {len(self.unchanged)} already there)")
        count = len(self.dated_documents)
        dated = f", publication date added to {count} listed article{'' if count == 1 else 's'}" if count else ""
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.kept_curated)} curated kept, "
                f"{len(self.skipped_rejected)} rejected skipped{dated}")


def fingerprint(event: Event) -> str:
    """Short stable hash of the extracted content: any later edit of a field changes it."""
    content = _content(event, _NOT_CONTENT)
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]


def _content(event: Event, exclude: set[str]) -> dict:
    """The event's fields as plain data, without ``exclude`` and without empty later fields."""
    empty_later = {name for name in _LATER_FIELDS if not getattr(event, name)}
    return event.model_dump(mode="json", exclude=exclude | empty_later)


def is_curated(event: Event) -> bool:
    """Flagged, hand-edited since extraction, or written by a person."""
    return event.curated or event.fingerprint is None or event.fingerprint != fingerprint(event)


def is_hand_edited(event: Event) -> bool:
    """Flagged or edited since extraction (a fingerprint-less event may still be fresh extraction)."""
    return event.curated or (event.fingerprint is not None and event.fingerprint != fingerprint(event))


def stamped(event: Event) -> Event:
    """The event as extraction writes it: not curated, with its fingerprint."""
    fresh = event.model_copy(update={"curated": False, "fingerprint": None})
    return fresh.model_copy(update={"fingerprint": fingerprint(fresh)})


def _spans(event: Event) -> list[tuple[str, int, int, str]]:
    return [(s.document, s.start if s.start is not None else -1, s.end if s.end is not None else -1, s.quote) for s in event.sources]


def _evidence_overlaps(a: Event, b: Event) -> bool:
    """Same document and overlapping offsets (or, without offsets, one quote inside the other)."""
    for doc_a, start_a, end_a, quote_a in _spans(a):
        for doc_b, start_b, end_b, quote_b in _spans(b):
            if doc_a != doc_b:
                continue
            if min(start_a, start_b) >= 0 and max(start_a, start_b) < min(end_a, end_b):
                return True
            if min(start_a, start_b) < 0 and (quote_a in quote_b or quote_b in quote_a):
                return True
    return False


def _share_document(a: Event, b: Event) -> bool:
    return bool({s.document for s in a.sources} & {s.document for s in b.sources})


def corefers(a: Event, b: Event) -> bool:
    """One event mentioned twice: same type, compatible actors, overlapping evidence."""
    actors_ok = not a.actors or not b.actors or bool(set(a.actors) & set(b.actors))
    return a.type == b.type and actors_ok and _evidence_overlaps(a, b)


def _content_key(event: Event) -> str:
    """The content that extraction controls, apart from ids (relations point at ids)."""
    content = _content(event, _NOT_CONTENT | {"id", "relations"})
    return json.dumps(content, sort_keys=True, ensure_ascii=False)


def _match_all(current: list[Event], extracted: list[Event], skip: set[int]) -> dict[int, int]:
    """Extracted index -> current index: same id and content, same content, same id, co-reference.

    Each pass runs over every extracted event before the next starts, so a second merge of the
    same extraction finds exactly what the first one wrote (idempotence).
    """
    by_id = {e.id: i for i, e in reversed(list(enumerate(current)))}
    matches: dict[int, int] = {}
    claimed: set[int] = set()

    def claim(x: int, index: int | None) -> None:
        if index is not None and index not in claimed:
            matches[x] = index
            claimed.add(index)

    keys: dict[str, list[int]] = {}
    for i, event in enumerate(current):
        keys.setdefault(_content_key(event), []).append(i)
    for x, event in enumerate(extracted):  # what an earlier merge of this event wrote
        index = by_id.get(event.id)
        if x not in skip and index is not None and index in keys.get(_content_key(event), []):
            claim(x, index)
    twins = _shared_contents(extracted)
    for x, event in enumerate(extracted):  # twins differ only in ids and relations: content tells them not apart
        if x not in skip and x not in matches and _content_key(event) not in twins:
            claim(x, next((i for i in keys.get(_content_key(event), []) if i not in claimed), None))
    for x, event in enumerate(extracted):  # the same id names the same event only within a document
        index = by_id.get(event.id)
        if x not in skip and x not in matches and index is not None and _share_document(event, current[index]):
            claim(x, index)
    by_document: dict[str, list[int]] = {}
    for i, event in enumerate(current):
        for document in {s.document for s in event.sources}:
            by_document.setdefault(document, []).append(i)
    for x, event in enumerate(extracted):
        if x not in skip and x not in matches:
            nearby = sorted({i for s in event.sources for i in by_document.get(s.document, ())})
            candidates = [i for i in nearby if i not in claimed and corefers(event, current[i])]
            exact = [i for i in candidates if sorted(_spans(current[i])) == sorted(_spans(event))]
            claim(x, (exact or candidates or [None])[0])
    return matches


def _shared_contents(events: list[Event]) -> set[str]:
    """Content keys that more than one event has (events alike but for their ids and relations)."""
    seen: set[str] = set()
    shared: set[str] = set()
    for event in events:
        key = _content_key(event)
        (shared if key in seen else seen).add(key)
    return shared


def _fresh_id(wanted: str, taken: set[str]) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3`` ... when taken."""
    candidate, n = wanted, 1
    while candidate in taken:
        n += 1
        candidate = f"{wanted}-{n}"
    return candidate


def _plan(current: Timeline, extracted: Timeline, report: MergeReport,
          skip: set[int]) -> tuple[dict[str, str], dict[int, Event], list[Event]]:
    """Decide each extracted event's fate: extracted id -> merged id, updates by index, additions."""
    rejected = set(current.rejected)
    matches = _match_all(current.events, extracted.events, skip)
    taken = {e.id for e in current.events} | rejected
    new = [x for x in range(len(extracted.events)) if x not in skip and x not in matches]
    keep = {x for x in new if extracted.events[x].id not in taken}  # free ids are kept
    taken |= {e.id for e in extracted.events}  # and no fresh id takes another extracted event's id
    mapping: dict[str, str] = {}
    updates: dict[int, Event] = {}
    additions: list[Event] = []
    for x, event in enumerate(extracted.events):
        if x in skip:
            report.skipped_rejected.append(event.id)
        elif x not in matches:
            new_id = event.id if x in keep else _fresh_id(event.id, taken)
            taken.add(new_id)
            mapping.setdefault(event.id, new_id)
            additions.append(event.model_copy(update={"id": new_id}))
        else:
            target = current.events[matches[x]]
            mapping.setdefault(event.id, target.id)
            if is_curated(target):
                report.kept_curated.append(target.id)
            else:
                updates[matches[x]] = event.model_copy(update={"id": target.id})
    return mapping, updates, additions


def _remap(event: Event, mapping: dict[str, str], rejected: set[str], skipped: set[str]) -> Event:
    """Point relations at merged ids; leave out relations to rejected events, and to extracted
    events skipped as rejected (recognised by their evidence, they bear an id the file never had)."""
    relations = []
    for rel in event.relations:
        target = mapping.get(rel.target, rel.target)
        if rel.target in rejected or rel.target in skipped or target in rejected or target == event.id:
            continue
        relations.append(Relation(relation=rel.relation, target=target))
    return stamped(event.model_copy(update={"relations": relations}))


def _without_repeats(extracted: Timeline) -> Timeline:
    """One event extracted twice word for word is one event: later copies go, and relations to
    them point at the first (else a second merge could pair the copies differently)."""
    first: dict[str, str] = {}
    kept, renamed = [], {}
    for event in extracted.events:
        key = _content_key(event) + json.dumps([(r.relation, r.target) for r in event.relations])
        if key in first:
            renamed.setdefault(event.id, first[key])
            continue
        first[key] = event.id
        kept.append(event)
    if not renamed:
        return extracted
    kept = [e.model_copy(update={"relations": [Relation(relation=r.relation, target=renamed.get(r.target, r.target))
                                               for r in e.relations]}) for e in kept]
    return extracted.model_copy(update={"events": kept})


def _unique_ids(extracted: Timeline, rejected: set[str]) -> Timeline:
    """Rename repeated extracted ids ``x`` to ``x-2``, ``x-3`` ... (relations keep the first)."""
    taken: set[str] = set()
    events = []
    for event in extracted.events:
        new_id = event.id if event.id in rejected else _fresh_id(event.id, taken)
        taken.add(new_id)
        events.append(event if new_id == event.id else event.model_copy(update={"id": new_id}))
    return extracted.model_copy(update={"events": events})


def digests(documents: list[Document], base_dir: Path | None, root: Path | None = None) -> dict[str, str | None]:
    """Each document id's text digest (None when its text cannot be read); the first of an id counts."""
    out: dict[str, str | None] = {}
    for document in documents:
        if document.id not in out:
            text = document_text(document, base_dir, root)
            out[document.id] = ids.text_digest(text) if text is not None else None
    return out


def _source_tags(sources: list[Source], digest: dict[str, str | None]) -> set[str]:
    return {ids.evidence_tag(digest[s.document], s.start, s.end) for s in sources if digest.get(s.document)}


def _rejected_indices(events: list[Event], rejected: list[str], digest: dict[str, str | None]) -> set[int]:
    """Extracted events a person rejected: by id, or, for a rejected id no extracted event bears
    any more (its readable part changed, or it had a suffix), citing the evidence it was made from.
    Events that share one quote (violence at a list of places, one event per place) keep their
    own ids, so rejecting one of them leaves the others."""
    names, borne = set(rejected), {e.id for e in events}
    tags = {t for r in rejected if r not in borne and (t := ids.tag_of(r))}
    return {x for x, e in enumerate(events) if e.id in names or (tags and _source_tags(e.sources, digest) & tags)}


def _cite(event: Event, mapping: dict[str, str]) -> Event:
    """The event citing its documents by their ids in the merged file."""
    if all(mapping.get(s.document, s.document) == s.document for s in event.sources):
        return event
    sources = [s.model_copy(update={"document": mapping.get(s.document, s.document)}) for s in event.sources]
    return event.model_copy(update={"sources": sources})


def merge(current: Timeline, extracted: Timeline, base_dir: Path | None = None,
          root: Path | None = None) -> tuple[Timeline, MergeReport]:
    """The current timeline with the extraction merged in; curated and rejected decisions kept.

    ``base_dir`` is the folder of the current file (documents' origins are read there, or inside
    ``root``), so that an article already listed is recognised by its text."""
    report = MergeReport()
    extracted = _without_repeats(extracted)
    extracted_documents = extracted.documents
    new_digests = digests(extracted.documents, base_dir, root)
    cited, added_documents = reconcile(digests(current.documents, base_dir, root), extracted.documents, new_digests)
    skip = _rejected_indices(extracted.events, current.rejected, new_digests)
    extracted = extracted.model_copy(update={"events": [_cite(e, cited) for e in extracted.events]})
    extracted = _unique_ids(extracted, set(current.rejected))
    mapping, updates, additions = _plan(current, extracted, report, skip)
    rejected, skipped = set(current.rejected), {extracted.events[x].id for x in skip}
    events = []
    for index, old in enumerate(current.events):
        if index not in updates:
            events.append(old)
            continue
        new = _remap(updates[index], mapping, rejected, skipped)
        (report.unchanged if new == old else report.updated).append(new.id)
        events.append(new)
    for event in additions:
        events.append(_remap(event, mapping, rejected, skipped))
        report.added.append(event.id)
    documents = _dated(current.documents, extracted_documents, cited, report) + added_documents
    merged = current.model_copy(update={"events": events, "documents": documents, "rejected": list(current.rejected)})
    return merged, report


def _dated(listed: list[Document], extracted: list[Document], cited: dict[str, str],
           report: MergeReport) -> list[Document]:
    """Listed articles without a publication date take the one this run read them with (never
    replacing a date the file gives: the person's, or an earlier run's)."""
    found = {cited.get(d.id, d.id): d.published for d in extracted if d.published is not None}
    out = []
    for document in listed:
        if document.published is None and found.get(document.id) is not None:
            document = document.model_copy(update={"published": found[document.id]})
            report.dated_documents.append(document.id)
        out.append(document)
    return out


def dated_as_listed(docs: list[Document], listed: list[Document], base_dir: Path | None,
                    root: Path | None = None) -> tuple[list[Document], list[Document]]:
    """Articles read without a publication date take the one the timeline lists for the same text,
    so that re-extracting an article does not undo the dates an earlier run gave its events.
    Returns every article and those so dated."""
    known = digests([d for d in listed if d.published is not None], base_dir, root)
    by_text = {digest: d.published for d in listed if (digest := known.get(d.id)) is not None}
    out, dated = [], []
    for doc in docs:
        date = by_text.get(ids.text_digest(doc.text)) if doc.published is None and doc.text else None
        if date is not None:
            doc = doc.model_copy(update={"published": date})
            dated.append(doc)
        out.append(doc)
    return out, dated


def rejection_ids(event: Event, digest: dict[str, str | None]) -> list[str]:
    """What to write in ``rejected`` when a person deletes ``event``: its id, and the id it gets
    from each other article it cites read alone (its quotes there give that article's tag)."""
    readable, own = ids.readable_part(event.id), ids.tag_of(event.id)
    out = [event.id]
    for document in dict.fromkeys(s.document for s in event.sources):
        tags = _source_tags([s for s in event.sources if s.document == document], digest)
        if tags and own not in tags:
            out.append(f"{readable}-{min(tags)}")
    return out
