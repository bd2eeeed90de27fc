"""What the app does besides layout: loading with an mtime cache, selection, evidence, edits, saving.

Everything here is plain Python over the package's public functions, so it is tested without a
browser; ``app.py`` only arranges widgets around it. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import store
from .documents import read_document
from .filters import EventTable, build_table, describe_date
from .models import MODALITIES, RELATION_KINDS, Document, Event, Relation, Source, Timeline
from .narrow import Report as NarrowReport
from .narrow import accept, narrowings
from .sequence import Order, around, build_order
from .taxonomy import event_types

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")


@dataclass
class LoadResult:
    """A timeline file as the app sees it: the timeline, or the problems that stop it loading."""

    path: Path
    timeline: Timeline | None
    digest: str | None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # warnings that leave the file usable (an article not found)

    @property
    def ok(self) -> bool:
        return self.timeline is not None


@dataclass
class SaveResult:
    """What a save did; on a file changed on disk nothing is written and the app's next run
    reloads it through the mtime cache."""

    ok: bool
    digest: str | None
    message: str


class FormError(ValueError):
    """An edit form with invalid fields; ``messages`` says what to fix, field by field."""

    def __init__(self, messages: list[str]):
        self.messages = messages
        super().__init__("; ".join(messages))


# --- which files the app may reach ---------------------------------------------------------------


def serving_root() -> Path | None:
    """The folder set by ``timeline app --root`` (or by a --host beyond this machine): articles
    are read only inside it, and then the file box opens only files inside it."""
    value = os.environ.get("TIMELINE_ROOT")
    return Path(value).resolve() if value else None


def allowed_file(typed: str, default: str) -> tuple[str, str | None]:
    """The file the box may open, and why ``typed`` was refused: when the app serves other
    machines (TIMELINE_REMOTE), only files inside the root, relative paths read from there."""
    root = serving_root()
    if not os.environ.get("TIMELINE_REMOTE") or root is None:
        return typed, None
    path = (root / typed).resolve()
    if path.is_relative_to(root):
        return str(path), None
    return default, (f"{typed} is outside {root}: this app serves other machines, so it opens only "
                     "timeline files inside that folder")


# --- loading ------------------------------------------------------------------------------------


def file_key(path: Path | str) -> tuple[str, int, int]:
    """(path, mtime_ns, size): changes whenever the file is edited on disk, so caches refresh."""
    p = Path(path)
    try:
        st = p.stat()
    except OSError:
        return (str(p), -1, -1)
    return (str(p.resolve()), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=8)
def _load_key(key: tuple[str, int, int]) -> LoadResult:
    path = Path(key[0])
    try:
        loaded = store.load(path, serving_root())
    except store.TimelineError as exc:
        return LoadResult(path, None, None, [str(p) for p in exc.problems] or [str(exc)])
    return LoadResult(path, loaded.timeline, loaded.digest, notes=[str(p) for p in loaded.warnings])


# the last version of each file that loaded, for every session of this server: a page reloaded
# while the file is broken (half-way through an edit) still shows it, read-only
_LAST_GOOD: dict[str, LoadResult] = {}


def load(path: Path | str) -> LoadResult:
    """Load through the store, cached on the file's mtime and size; never raises for bad files."""
    result = _load_key(file_key(path))
    if result.ok:
        _LAST_GOOD[str(result.path.resolve())] = result
    return result


def last_good(path: Path | str) -> LoadResult | None:
    """The last version of ``path`` that loaded in this process, read-only (no digest), or None."""
    good = _LAST_GOOD.get(str(Path(path).resolve()))
    return LoadResult(good.path, good.timeline, None) if good is not None else None


@lru_cache(maxsize=8)
def _table_key(key: tuple[str, int, int]) -> EventTable | None:
    result = _load_key(key)
    return build_table(result.timeline) if result.ok else None


def table(path: Path | str) -> EventTable | None:
    """The column table of the file's current version (cached like ``load``)."""
    return _table_key(file_key(path))


# --- sequence view and live narrowing (computed once per file version) ---------------------------

VIEWS = {"sequence": "Sequence", "time": "Time axis", "map": "Map"}
SEQUENCE_LIMIT = 5000  # above this many shown events the sequence view asks for narrower filters
NARROW_AUTO_LIMIT = 20000  # above this many events the solver runs for narrowing only when asked (~1 s per 20,000)


def default_view(n_events: int) -> str:
    """The story's order first, while the sequence view can draw the whole file; else the time axis."""
    return "sequence" if n_events <= SEQUENCE_LIMIT else "time"


@lru_cache(maxsize=8)
def _order_key(key: tuple[str, int, int]) -> Order | None:
    result = _load_key(key)
    return build_order(result.timeline) if result.ok else None


def sequence_order(result: LoadResult) -> Order:
    """The order behind the sequence view: cached per file version, fresh for a last good copy."""
    cached = _order_key(file_key(result.path)) if result.digest else None
    return cached if cached is not None else build_order(result.timeline)


def around_words(order: Order, event_id: str | None) -> str | None:
    """'Before it: 1 event · after it: 4 · at the same time: 1', for the selected event."""
    if event_id is None or event_id not in order.index:
        return None
    near = around(order, event_id)
    plural = "" if len(near.before) == 1 else "s"
    return (f"Before it: {len(near.before)} event{plural} · after it: {len(near.after)} · "
            f"at the same time: {len(near.same_time)} (the others are faded)")


@lru_cache(maxsize=8)
def _narrowing_key(key: tuple[str, int, int]) -> NarrowReport | None:
    result = _load_key(key)
    return narrowings(result.timeline) if result.ok else None


def pending_narrowings(result: LoadResult) -> NarrowReport | None:
    """What the solver can narrow in the file's current version (None for a read-only copy)."""
    return _narrowing_key(file_key(result.path)) if result.digest else None


def accept_narrowings(result: LoadResult, report: NarrowReport, ids: set[str], digest: str | None) -> SaveResult:
    """Save the accepted narrowings (only ``ids``) through the store, as any edit is saved."""
    return save(result.path, accept(result.timeline, report.narrowings, ids), digest)


# --- selection and details ----------------------------------------------------------------------


def selected_id(selection: Any) -> str | None:
    """The event id of the first clicked point in a plotly selection (ids travel in customdata)."""
    if not selection:
        return None
    points = selection.get("points", []) if hasattr(selection, "get") else []
    for point in points:
        value = point.get("customdata")
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str):
            return value
    return None


def _paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The blank-line (or line) separated block around [start, end)."""
    lo = max(text.rfind("\n", 0, start) + 1, 0)
    hi = text.find("\n", end)
    return lo, len(text) if hi < 0 else hi


def _sentence(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The sentence around [start, end) inside the paragraph [lo, hi)."""
    s_lo, s_hi = lo, hi
    for m in _SENTENCE_END.finditer(text, lo, hi):
        if m.end() <= start:
            s_lo = m.end()
        elif m.start() >= end:
            s_hi = m.start()
            break
    return s_lo, s_hi


def highlight(text: str, start: int, end: int) -> str:
    """The quote's paragraph as escaped HTML: sentence in <mark>, the quote itself in <strong>."""
    lo, hi = _paragraph(text, start, end)
    s_lo, s_hi = _sentence(text, lo, hi, start, end)
    esc = html.escape
    return (
        f"{esc(text[lo:s_lo])}<mark>{esc(text[s_lo:start])}<strong>{esc(text[start:end])}</strong>"
        f"{esc(text[end:s_hi])}</mark>{esc(text[s_hi:hi])}"
    )


@dataclass
class Evidence:
    document: str
    quote: str
    html: str  # escaped paragraph with the sentence highlighted (or the escaped quote alone)
    found: bool  # the quote was found in the document text at its offsets (or by search)
    readable: bool = True  # False: the article itself could not be read (said once, above the chart)


def highlight_many(text: str, spans: list[tuple[int, int]]) -> str:
    """One paragraph holding several quotes: every quote's sentence marked, every quote strong,
    so a paragraph is shown once however many of its phrases the event cites."""
    if len(spans) == 1:
        return highlight(text, *spans[0])
    lo, hi = _paragraph(text, *spans[0])
    marks = [_sentence(text, lo, hi, start, end) for start, end in spans]
    cuts = sorted({lo, hi, *(x for span in marks + spans for x in span)})
    pieces = []
    for a, b in zip(cuts, cuts[1:]):
        piece = html.escape(text[a:b])
        strong = any(s <= a and b <= e for s, e in spans)
        pieces.append((any(s <= a and b <= e for s, e in marks), f"<strong>{piece}</strong>" if strong else piece))
    runs = itertools.groupby(pieces, key=lambda p: p[0])
    return "".join(("<mark>{}</mark>" if marked else "{}").format("".join(p for _, p in run)) for marked, run in runs)


def evidence(timeline: Timeline, event: Event, base_dir: Path | None) -> list[Evidence]:
    """Each source quote in its paragraph, so the analyst sees the words that state the event;
    quotes from one paragraph share it (in the order first cited)."""
    out: list[Evidence] = []
    shared: dict[tuple[str, int, int], tuple[int, list[tuple[int, int]], list[str], str]] = {}
    for source in event.sources:
        doc = timeline.document(source.document)
        text, why = read_document(doc, base_dir, serving_root()) if doc else (None, None)
        span = _locate(text, source)
        title = (doc.title or doc.id) if doc else source.document
        if text is None or span is None:
            out.append(Evidence(title, source.quote, html.escape(source.quote), False, why is None))
            continue
        key = (source.document, *_paragraph(text, *span))
        if key not in shared:
            shared[key] = (len(out), [], [], text)
            out.append(Evidence(title, "", "", True))
        shared[key][1].append(span)
        shared[key][2].append(source.quote)
    for at, spans, quotes, text in shared.values():
        out[at] = Evidence(out[at].document, " … ".join(quotes), highlight_many(text, sorted(spans)), True)
    return out


def _locate(text: str | None, source: Source) -> tuple[int, int] | None:
    if text is None:
        return None
    if source.start is not None and text[source.start : source.end] == source.quote:
        return source.start, source.end
    at = text.find(source.quote)
    return (at, at + len(source.quote)) if at >= 0 else None


_INVERSE = {"before": "after", "after": "before", "overlaps": "overlaps", "during": "contains"}


def related(timeline: Timeline, event: Event) -> list[tuple[str, str, str]]:
    """(relation, other id, other title) from this event's view, both directions."""
    out = []
    for rel in event.relations:
        other = timeline.event(rel.target)
        out.append((rel.relation, rel.target, other.title if other else "(missing event)"))
    for other in timeline.events:
        for rel in other.relations:
            if rel.target == event.id:
                out.append((_INVERSE[rel.relation], other.id, other.title))
    return out


def all_warnings(timeline: Timeline, base_dir: Path | None) -> dict[str, list[str]]:
    """Validation problems and solver contradictions, by the event they name."""
    found: dict[str, list[str]] = {}
    for problem in store.check(timeline, base_dir, serving_root()):
        m = re.match(r"events\[(\d+)\]", problem.path)
        if m and int(m[1]) < len(timeline.events):
            found.setdefault(timeline.events[int(m[1])].id, []).append(problem.message)
    try:
        from .solver import solve

        for conflict in solve(timeline).conflicts:
            for event_id in dict.fromkeys(conflict.event_ids):
                found.setdefault(event_id, []).append(conflict.message)
    except Exception as exc:  # the solver is advisory here: never let it break the details panel
        found.setdefault("*", []).append(f"could not check the order: {exc}")
    return found


@lru_cache(maxsize=8)
def _warnings_key(key: tuple[str, int, int]) -> dict[str, list[str]]:
    result = _load_key(key)
    return all_warnings(result.timeline, result.path.parent) if result.ok else {}


def warnings(path: Path | str, event_id: str) -> list[str]:
    """The warnings for one event of the file's current version (checked once per version)."""
    found = _warnings_key(file_key(path))
    return found.get(event_id, []) + found.get("*", [])


def details(event: Event) -> list[tuple[str, str]]:
    """Every field as (label, plain text) rows for the details panel."""
    kind = event_types().get(event.type)
    return [
        ("id", event.id), ("title", event.title), ("type", kind.label if kind else event.type),
        ("date (EDTF)", event.date or "(none)"), ("date in words", describe_date(event)),
        ("actors", ", ".join(event.actors) or "-"), ("targets", ", ".join(event.targets) or "-"),
        ("people", ", ".join(event.people) or "-"), ("location", event.location or "-"), ("modality", event.modality),
        ("confidence", "-" if event.confidence is None else f"{event.confidence:.2f}"),
        ("tags", ", ".join(event.tags) or "-"), ("curated", curated_words(event)),
        ("notes", event.notes or "-"),
    ]


def curated_words(event: Event) -> str:
    """Whether extraction may still change the event, as the merge decides it (not the flag alone:
    an extracted event edited by hand is kept as curated although its flag still says false)."""
    from .merge import fingerprint

    if event.curated:
        return "yes"
    if event.fingerprint is None:
        return "yes (written by a person: no extraction fingerprint)"
    if event.fingerprint != fingerprint(event):
        return "yes (edited by hand since extraction)"
    return "no (extraction may update it; Save in the Edit tab keeps it as it is)"


# --- editing ------------------------------------------------------------------------------------


def _split(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def event_to_form(event: Event | None) -> dict[str, Any]:
    """Form field values for an event (or a blank new one): lists become comma-separated text."""
    e = event or Event(id="new-event", title="New event", type=next(iter(event_types())))
    return {
        "id": e.id, "title": e.title, "type": e.type, "date": e.date or "", "date_inferred": e.date_inferred,
        "actors": ", ".join(e.actors), "targets": ", ".join(e.targets), "people": ", ".join(e.people),
        "location": e.location or "",
        "modality": e.modality, "tags": ", ".join(e.tags), "notes": e.notes or "",
        "relations": "\n".join(f"{r.relation} {r.target}" for r in e.relations),
        "confidence": e.confidence,
    }


def _relations(text: str) -> tuple[list[Relation], list[str]]:
    """Lines like 'before azerbaijan-attack' -> relations, plus messages for bad lines."""
    out, bad = [], []
    for n, line in enumerate((text or "").splitlines(), 1):
        words = line.split()
        if not words:
            continue
        if len(words) != 2 or words[0] not in RELATION_KINDS:
            bad.append(f"relations line {n}: write '<{'|'.join(RELATION_KINDS)}> <event-id>', not {line.strip()!r}")
            continue
        try:
            out.append(Relation(relation=words[0], target=words[1]))
        except ValidationError:
            bad.append(f"relations line {n}: {words[1]!r} is not an event id (lower-case words joined by hyphens)")
    return out, bad


def _messages(exc: ValidationError) -> list[str]:
    return [f"{'.'.join(str(p) for p in err['loc']) or 'event'}: {err['msg'].removeprefix('Value error, ')}"
            for err in exc.errors()]


def form_to_event(values: dict[str, Any], original: Event | None = None) -> Event:
    """A curated event from the form (sources and fingerprint kept); FormError lists every mistake."""
    relations, problems = _relations(values.get("relations", ""))
    if values.get("modality", "asserted") not in MODALITIES:
        problems.append(f"modality: choose one of {', '.join(MODALITIES)}")
    date = (values.get("date") or "").strip() or None
    data = {
        "id": (values.get("id") or "").strip(), "title": (values.get("title") or "").strip(),
        "type": values.get("type"), "date": date,
        "date_inferred": _inferred(date, bool(values.get("date_inferred")), original), "actors": _split(values.get("actors", "")),
        "targets": _split(values.get("targets", "")), "people": _split(values.get("people", "")),
        "location": (values.get("location") or "").strip() or None,
        "modality": values.get("modality", "asserted"), "tags": _split(values.get("tags", "")),
        "notes": (values.get("notes") or "").strip() or None, "relations": relations,
        "confidence": values.get("confidence"), "curated": True,
        "sources": list(original.sources) if original else [],
        "fingerprint": original.fingerprint if original else None,
    }
    try:
        event = Event.model_validate(data)
    except ValidationError as exc:
        raise FormError(problems + _messages(exc)) from None
    if problems:
        raise FormError(problems)
    return event


def _inferred(date: str | None, ticked: bool, original: Event | None) -> bool:
    """A date a person types is stated: a changed date is no longer inferred unless the box was changed too."""
    if original is not None and date != original.date and ticked == original.date_inferred:
        return False
    return ticked and date is not None


def _check_ids(timeline: Timeline, event: Event, replacing: str | None) -> None:
    if event.id != replacing and timeline.event(event.id) is not None:
        raise FormError([f"id: another event already has the id {event.id!r}"])
    if event.id in timeline.rejected and event.id != replacing:
        raise FormError([f"id: {event.id!r} was deleted before (it is in 'rejected'); choose another id"])
    unknown = [r.target for r in event.relations if r.target != replacing and timeline.event(r.target) is None]
    if unknown:
        raise FormError([f"relations: no event with the id {', '.join(map(repr, unknown))}"])


_BOOKKEEPING = {"curated", "fingerprint"}


def save_message(original: Event | None, event: Event) -> tuple[bool | None, str]:
    """What pressing Save means: (None, ...) nothing to write; (True, ...) what the write does.
    An unchanged extracted event saved is a person confirming it, and the message says so."""
    if original is None:
        return True, f"added {event.id}"
    if event.model_dump(exclude=_BOOKKEEPING) != original.model_dump(exclude=_BOOKKEEPING):
        return True, f"saved {event.id}"
    from .merge import is_curated

    if is_curated(original):
        return None, f"nothing to save: {event.id} is unchanged"
    return True, f"confirmed {event.id}: marked curated, so extraction and narrowing leave it as it is"


def replace_event(timeline: Timeline, event_id: str, event: Event) -> Timeline:
    """The timeline with one event replaced (relations pointing at a renamed id follow it)."""
    _check_ids(timeline, event, event_id)
    events = []
    for e in timeline.events:
        if e.id == event_id:
            events.append(event)
        elif event.id != event_id and any(r.target == event_id for r in e.relations):
            rels = [r.model_copy(update={"target": event.id}) if r.target == event_id else r for r in e.relations]
            events.append(e.model_copy(update={"relations": rels}))
        else:
            events.append(e)
    return timeline.model_copy(update={"events": events})


def add_event(timeline: Timeline, event: Event) -> Timeline:
    """The timeline with a new (curated) event appended."""
    _check_ids(timeline, event, None)
    return timeline.model_copy(update={"events": [*timeline.events, event]})


def delete_event(timeline: Timeline, event_id: str, base_dir: Path | None = None) -> tuple[Timeline, int]:
    """Remove an event and remember it in ``rejected`` so extraction never re-adds it.

    Besides its id, ``rejected`` gets the id it would have from each other article it cites
    (``merge.rejection_ids``; those articles are read from ``base_dir``). Relations that pointed
    at it would dangle, so they go too; the count is returned to tell the user.
    """
    from .merge import digests, rejection_ids

    gone = timeline.event(event_id)
    names = [event_id]
    if gone is not None:
        cited = {s.document for s in gone.sources}
        names = rejection_ids(gone, digests([d for d in timeline.documents if d.id in cited], base_dir, serving_root()))
    events, dropped = [], 0
    for e in timeline.events:
        if e.id == event_id:
            continue
        keep = [r for r in e.relations if r.target != event_id]
        dropped += len(e.relations) - len(keep)
        events.append(e if len(keep) == len(e.relations) else e.model_copy(update={"relations": keep}))
    present = {e.id for e in events}
    added = [n for n in names if n not in present and n not in timeline.rejected]
    return timeline.model_copy(update={"events": events, "rejected": [*timeline.rejected, *added]}), dropped


def save(path: Path | str, timeline: Timeline, digest: str | None) -> SaveResult:
    """Write through the store; a file changed on disk meanwhile is reported, never overwritten."""
    try:
        new_digest = store.save(path, timeline, digest)
    except store.ConcurrentModificationError:
        return SaveResult(False, None, f"{path} changed on disk since it was loaded: it was reloaded and your "
                                       "change was NOT written. Make it again on the fresh version.")
    except store.TimelineError as exc:
        return SaveResult(False, None, "not saved: " + "; ".join(str(p) for p in exc.problems))
    except OSError as exc:
        return SaveResult(False, None, f"not saved: cannot write {path}: {exc.strerror or exc}")
    return SaveResult(True, new_digest, f"saved {path}")


# --- extraction in the app ----------------------------------------------------------------------


def read_uploads(files: list[tuple[str, bytes]], pasted: str = "",
                 published: dt.date | None = None) -> tuple[list[Document], list[str]]:
    """Documents from uploaded files (text, HTML, Markdown, JSON lines) and pasted text; errors listed.
    ``published`` dates them as ``timeline extract --published`` does (a JSON line's own date wins).
    Two uploads with one name are two articles; the same text uploaded twice is read once."""
    from .documents import DocumentError, guess_format, read_text, unique_documents

    docs, errors = [], []
    for name, raw in files:
        try:
            text = raw.decode("utf-8")
            docs += read_text(text, name, guess_format(name, text), published, errors.append)
        except UnicodeDecodeError:
            errors.append(f"{name}: not UTF-8 text")
        except DocumentError as exc:
            errors.append(str(exc))
    if pasted.strip():
        docs += read_text(pasted, "pasted-text", guess_format("pasted", pasted), published)
    try:
        return unique_documents(docs, errors.append), errors
    except DocumentError as exc:
        return [], errors + [str(exc)]


def run_extraction(documents: list[Document], progress=None) -> Timeline:
    """Proposed events for review (the extractor's own timeline; nothing is saved yet)."""
    from .extract import Options, extract

    return extract(documents, Options(), progress=progress)


def dated_as_listed(documents: list[Document], result: LoadResult) -> tuple[list[Document], list[Document]]:
    """Uploaded articles without a date take the one the open file lists for the same text."""
    from .merge import dated_as_listed

    return dated_as_listed(documents, result.timeline.documents, result.path.parent, serving_root())


def merge_accepted(current: Timeline, proposed: Timeline, accepted: set[str], base_dir: Path | None = None):
    """Merge only the accepted proposals (relations to left-out proposals are dropped); the
    current file's articles are read from ``base_dir`` to recognise one uploaded again."""
    from .merge import merge

    keep = [e for e in proposed.events if e.id in accepted]
    kept_ids = {e.id for e in keep}
    keep = [e.model_copy(update={"relations": [r for r in e.relations if r.target in kept_ids]}) for e in keep]
    used_docs = {s.document for e in keep for s in e.sources}
    docs = [d for d in proposed.documents if d.id in used_docs]
    return merge(current, proposed.model_copy(update={"events": keep, "documents": docs}), base_dir, serving_root())


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_escape(text: str) -> str:
    """User text for st.markdown: shown literally, never as markup, links or HTML."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def default_path(argv: list[str], environ: dict[str, str], here: Path) -> str:
    """The timeline file: TIMELINE_FILE, else the first script argument, else events.yaml."""
    if environ.get("TIMELINE_FILE"):
        return environ["TIMELINE_FILE"]
    args = [a for a in argv[1:] if not a.startswith("-")]
    if args:
        return args[0]
    local = Path("events.yaml")
    return str(local if local.exists() else here / "events.yaml")


def details_html(event: Event) -> str:
    """The details rows as an escaped HTML table (wraps long values, never renders user markup)."""
    rows = "".join(
        f"<tr><th style='text-align:left;padding:3px 10px 3px 0;color:#666;font-weight:500;vertical-align:top;"
        f"white-space:nowrap'>{html.escape(label)}</th><td style='padding:3px 0'>{html.escape(value)}</td></tr>"
        for label, value in details(event)
    )
    return f"<table style='border-collapse:collapse;font-size:0.92rem'>{rows}</table>"


def pick_options(table: EventTable, mask, selected: str | None, limit: int = 1000) -> list[str]:
    """Ids for the Event box: the shown dated events in time order (at most ``limit``), then the
    undated ones (at most ``limit``: the chart leaves them off, so this box is where they are found),
    plus the selected one."""
    import numpy as np

    idx = np.flatnonzero(mask)
    idx = idx[np.argsort(table.rank[idx], kind="stable")]
    no_date = np.isnan(table.lo_day[idx]) & np.isnan(table.hi_day[idx])
    ids = table.ids[idx[~no_date][:limit]].tolist() + table.ids[idx[no_date][:limit]].tolist()
    if selected and selected not in ids and selected in set(table.ids.tolist()):
        ids.insert(0, selected)
    return ids
