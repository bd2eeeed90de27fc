"""From per-document event mentions to timeline Events: evidence, ids, dates, relations."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from .. import dates, ids
from ..models import Event, Relation, Source, shared_names
from ..taxonomy import agrees, of_class, root as family
from . import lexicon
from .anchoring import FRONTED_FROM, default_date
from .coreference import compatible, dates_the_event, group_of
from .groups import is_armed_group
from .lookup import root_of
from .modality import type_of_record
from .roles import SOUGHT
from .state import DocState, EventMention
from .triggers import is_definite, participle_clause

_LEADING = re.compile(r"^(?:(?:and|but|or|so|yet|then|also|when|while|whether|if|that|which|who)\b[\s,]*)+", re.IGNORECASE)
_SLUG = re.compile(r"[^a-z0-9]+")
_VIOLENCE = of_class("violence")
_SHOOTING = re.compile(r"\b(?:shot|shoot(?:s|ing)?|machine-?gunned|machine-?gunning|gunned|riddled)\b", re.IGNORECASE)


@dataclass(slots=True)
class Draft:
    """One event being assembled: its first mention decides type and arguments (slots: a long
    document holds one per event, 140,000 at 50 MB)."""

    head: EventMention
    document: str
    published: object
    sources: list[Source] = field(default_factory=list)
    relations: list[tuple[str, "Draft"]] = field(default_factory=list)
    id: str = ""
    reported_by: list = field(default_factory=list)  # publication dates of every document telling it
    window: tuple | None = None  # days all its reports can share (see ``window``); () when none

    def __post_init__(self) -> None:
        if not self.reported_by and self.published is not None:
            self.reported_by = [self.published]


def source_of(state: DocState, mention: EventMention) -> Source:
    """The clause as evidence, without its opening connective."""
    start, end = mention.clause.evidence or (mention.clause.start, mention.clause.end)
    lead = _LEADING.match(state.text[start:end])
    if lead and start + lead.end() <= mention.trigger.start:
        start += lead.end()
    while end > start and state.text[end - 1] in ".,;: ":
        end -= 1
    return shared_names(Source(document=state.document.id, quote=state.text[start:end], start=start, end=end))


def for_drafts(state: DocState) -> DocState:
    """Only what ``drafts_of`` reads (the text and the event mentions): the stages' other lists
    (clauses, names, triggers, time expressions and their look-ups) are let go before the drafts
    are built, where a long document used to reach its peak memory holding both."""
    return DocState(document=state.document, text=state.text, published=state.published, caps=state.caps,
                    events=list(state.events))  # a list of its own, which ``drafts_of`` empties as it reads


def drafts_of(state: DocState, threshold: float) -> list[Draft]:
    """One draft per kept event of a document, with every mention as a source. A mention that
    tells an earlier one again is let go (its place in ``state.events`` set to None) once read:
    more than half of a long document's mentions, freed before its drafts reach their peak."""
    by_index: dict[int, Draft] = {}
    quoted: dict[int, set[int]] = {}  # root -> where its sources start
    shot: set[int] = set()  # roots whose chain has told gunfire
    roots = [root_of(state, i) for i in range(len(state.events))]
    for i, root in enumerate(roots):
        mention = state.events[i]
        if root != i:
            state.events[i] = None
        if state.events[root].confidence < threshold:
            continue
        if mention.confidence < threshold:
            _armed_groups_join(state.events[root], mention)
            _kind_told_back(state.text, by_index.get(root), mention, root in shot)
            continue
        if root not in by_index:
            by_index[root] = Draft(state.events[root], state.document.id, state.published)
            quoted[root] = set()
        source = source_of(state, mention)
        if source.start not in quoted[root]:
            by_index[root].sources.append(source)
            quoted[root].add(source.start)
        head = by_index[root].head
        head.location = head.location or mention.location  # "... and struck the plant at Abqaiq"
        if mention is not head:  # who did it and to whom, as the later mentions tell it too
            _join(head.actors, mention.actors, head.targets)
            _join(head.targets, mention.targets, head.actors)
            _join(head.people, mention.people, ())
        if (mention.type != head.type and agrees(mention.type, head.type) and not participle_clause(state.text, mention.clause)
                and not _shot(state.text, head, mention.type, root in shot)):
            # 'the attack' told as a bombing (not 'attacked ..., killing three': the toll of an attack)
            head.trigger = replace(head.trigger, type=mention.type)
        if _gunfire(state.text, mention.trigger):
            shot.add(root)
        if mention.date_stated and compatible(mention.type, head.type) and (
                not head.date_stated or _dates_it_closer(state.text, head, mention)):
            # 'Perez was kidnapped on 5 January' told later; not 'the arrest was made last month' joined to a refusal
            head.date, head.date_stated = mention.date, True
    for root, draft in by_index.items():
        draft.relations = [(rel, by_index[t]) for rel, t in state.events[root].relations if t in by_index]
    return list(by_index.values())


def _dates_it_closer(text: str, head: EventMention, mention: EventMention) -> bool:
    """'a shooting last year ... the shooting occurred on 9 May': a clause that exists to date an act
    of the attack family (done at one moment) gives the day inside the wider date its first telling
    had; a campaign or a hearing lasts beyond one day told of it, and a date told in passing may be
    another moment of the story, so only the dating clause narrows."""
    return family(head.type) == "attack" and dates_the_event(text, mention) and _narrower_inside(mention.date, head.date)


def _narrower_inside(value: str | None, than: str | None) -> bool:
    """A closed date lying inside another closed date and narrower than it ('9 May 2023' in '2023')."""
    if not (value and than):
        return False
    inner, outer = dates.parse(value), dates.parse(than)
    return dates.within(inner, outer) and inner.latest - inner.earliest < outer.latest - outer.earliest


def _gunfire(text: str, trigger) -> bool:
    return trigger.kind == "verb" and _SHOOTING.search(text, trigger.start, trigger.end) is not None


def _shot(text: str, head: EventMention, later_type: str, shot_before: bool = False) -> bool:
    """An incident told by gunfire ('was shot to death', or a mention of its chain so far: 'four
    youths shot at the policemen') is no bombing because a later mention its chain took in names
    one ('for these two murders or for the placement of the explosive', 'maimed by bombs'): MUC
    and ACLED keep an attack with firearms and explosives an attack."""
    return later_type == "bombing" and (shot_before or _gunfire(text, head.trigger))


def _kind_told_back(text: str, draft: Draft | None, weak: EventMention, shot_before: bool = False) -> None:
    """A mention too weak to quote that points back by a definite noun ('at the scene of the
    bombing') still tells what kind of attack the event it repeats was."""
    head = draft.head if draft else None
    if (head and weak.type != head.type and agrees(weak.type, head.type) and is_definite(text, weak.trigger)
            and not _shot(text, head, weak.type, shot_before)):
        head.trigger = replace(head.trigger, type=weak.type)


def _armed_groups_join(head: EventMention, weak: EventMention) -> None:
    """A mention too weak to quote ('the MRTA terrorist act', 'this FMLN aggression') still tells
    which armed group did the violence; a state or speaker it names is more often the teller."""
    if weak.type in _VIOLENCE:
        _join(head.actors, [a for a in weak.actors if is_armed_group(a)], head.targets)


def _join(names: list[str], more: list[str], elsewhere) -> None:
    """Add the names not yet there, nor on the other side (an attacker is no victim)."""
    names += [n for n in more if n not in names and n not in elsewhere]


def same_across(a: Draft, b: Draft) -> bool:
    """Across documents: same type, place and a shared party (actor or target: one report's
    attacker may be another's victim), and dates and report windows that agree."""
    x, y = a.head, b.head
    if a.document == b.document or not compatible(x.type, y.type) or not _parties(x) & _parties(y):
        return False
    if not _same_place(x.location, y.location) or {x.modality, y.modality} - {"asserted", "negated"}:
        return False
    if _meet(window(a), window(b)) is None:
        return False
    if not (_told_by_then(x, b.reported_by) and _told_by_then(y, a.reported_by)):
        return False
    if x.date_stated and y.date_stated:
        return _overlap(x.date, y.date)
    return x.date_stated != y.date_stated


def _parties(mention: EventMention) -> set[str]:
    return set(mention.actors) | set(mention.targets)


MERGE_WINDOW_DAYS = 14  # an undated report tells an incident of the fortnight before its publication
_WIDE_DAYS = 400  # windows wider than this are looked up apart (a year, a decade)


def window(draft: Draft) -> tuple[dt.date, dt.date] | None:
    """The days on which the reports merged into ``draft`` can all be about one incident.

    A stated date with both bounds is its own window; otherwise the fortnight up to the first
    report's publication (inside a stated open bound). Merging keeps the intersection of the
    members' windows, so every member of an event shares a day with all the others: incidents
    weeks apart never become one event, however many reports chain between them.
    """
    if draft.window is None:
        draft.window = _own_window(draft.head, draft.published)
    return draft.window or None


def _own_window(head: EventMention, published) -> tuple[dt.date, dt.date] | tuple[()]:
    bounds = dates.parse(head.date) if head.date_stated and head.date else None
    if bounds is not None and bounds.earliest is not None and bounds.latest is not None:
        return bounds.earliest, bounds.latest
    if not isinstance(published, dt.date):
        return ()  # no date and no publication day: no evidence of the same incident
    week = (published - dt.timedelta(days=MERGE_WINDOW_DAYS), published)
    return _meet(week, (bounds.earliest or week[0], bounds.latest or week[1]) if bounds else week) or ()


def _meet(a: tuple | None, b: tuple | None) -> tuple[dt.date, dt.date] | None:
    if a is None or b is None:
        return None
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def _same_place(a: str | None, b: str | None) -> bool:
    """One place, or a place and the country it lies in ('Abqaiq' and 'Saudi Arabia'); two
    different cities of one country are not the same place."""
    if a is None or b is None:
        return False
    return a == b or lexicon.country_of(a) == b or lexicon.country_of(b) == a


def _told_by_then(mention: EventMention, published: list) -> bool:
    """A past event reported in documents must have begun by the first one's publication."""
    if not mention.date_stated or not published:
        return True
    earliest = dates.parse(mention.date).earliest
    return earliest is None or earliest <= min(published)


def _overlap(a: str, b: str) -> bool:
    p, q = dates.parse(a), dates.parse(b)
    lo = max((d for d in (p.earliest, q.earliest) if d), default=None)
    hi = min((d for d in (p.latest, q.latest) if d), default=None)
    return lo is None or hi is None or lo <= hi


def block_of(draft: Draft) -> tuple[str, str | None] | None:
    """Candidates for one event share a type group and a country (places are checked after);
    None for a draft that can merge with nothing (no place or no window)."""
    if draft.head.location is None or window(draft) is None:
        return None
    return group_of(draft.head.type), lexicon.country_of(draft.head.location)


def merge_plan(drafts: list[Draft]) -> list[int]:
    """For each draft, the index of the draft it is folded into (itself when kept).

    Deterministic and local to a block: drafts of different blocks never meet, so a store can
    run this block by block and get the same result as over the whole list. Folding adds the
    sources, reports and window to the kept draft (relations are the caller's business).
    """
    plan = list(range(len(drafts)))
    index: dict[tuple, _WindowIndex] = {}
    for i, draft in enumerate(drafts):
        key = block_of(draft)
        if key is None:
            continue
        found = index.setdefault(key, _WindowIndex())
        target = next((k for k in found.candidates(window(draft), draft.document)
                        if same_across(drafts[k], draft)), None)
        if target is None:
            found.add(i, window(draft), draft.document)
            continue
        plan[i] = target
        _fold(drafts[target], draft)  # its window only narrows: its weeks stay indexed
    return plan


def _fold(target: Draft, draft: Draft) -> None:
    target.sources += draft.sources
    target.reported_by += draft.reported_by
    target.window = _meet(window(target), window(draft))
    if draft.head.date_stated and not target.head.date_stated:
        target.head.date, target.head.date_stated = draft.head.date, True


class _WindowIndex:
    """Kept drafts of one block by fortnight of their window, as runs of one document each: a
    lookup reads only its own fortnights and skips a long document's own events a run at a time."""

    def __init__(self) -> None:
        self.weeks: dict[int, list[tuple[str, list[int]]]] = {}
        self.wide: list[tuple[str, list[int]]] = []

    def _slots(self, span: tuple[dt.date, dt.date], create: bool = False) -> list[list[tuple[str, list[int]]]]:
        first, last = (d.toordinal() // MERGE_WINDOW_DAYS for d in span)
        if last - first > _WIDE_DAYS // MERGE_WINDOW_DAYS:
            return [self.wide] if create else [self.wide, *self.weeks.values()]
        if create:
            return [self.weeks.setdefault(week, []) for week in range(first, last + 1)]
        return [self.wide] + [self.weeks[week] for week in range(first, last + 1) if week in self.weeks]

    def add(self, position: int, span: tuple[dt.date, dt.date], document: str) -> None:
        for runs in self._slots(span, create=True):
            if runs and runs[-1][0] == document:
                runs[-1][1].append(position)
            else:
                runs.append((document, [position]))

    def candidates(self, span: tuple[dt.date, dt.date], document: str) -> list[int]:
        """Kept positions of other documents whose window may meet ``span``, in the order kept."""
        return sorted({p for runs in self._slots(span) for name, run in runs if name != document for p in run})


def merge_across(drafts: list[Draft]) -> list[Draft]:
    """Fold an event reported again in a later document into the first report."""
    plan = merge_plan(drafts)
    for i, target in enumerate(plan):
        if target != i:
            drafts[target].relations += drafts[i].relations
    kept = [d for i, d in enumerate(drafts) if plan[i] == i]
    merged_into = {id(drafts[i]): drafts[t] for i, t in enumerate(plan) if t != i}
    for draft in kept:
        draft.relations = [(r, merged_into.get(id(t), t)) for r, t in draft.relations]
    return kept


def slug(*parts: str | None) -> str:
    words = "-".join(p for p in parts if p)
    return _SLUG.sub("-", words.lower()).strip("-")[:60].strip("-") or "event"


def assign_ids(drafts: list[Draft], digests: dict[str, str] | None = None) -> None:
    """Readable slug from main actor and type, and a tag from the evidence, in one linear pass.

    The tag hashes the text digest and offsets of the event's first quote in tag order
    (``ids.evidence_tag``), so the same evidence always gets the same id, whatever else was read.
    Two events told by one quote (not seen on MUC-3) are numbered by trigger position."""
    digests = digests or {}
    by_id: dict[str, list[Draft]] = {}
    for draft in drafts:
        head = draft.head
        main = head.actors[0] if head.actors else (head.people[0].split()[-1] if head.people else head.location)
        readable = slug(main, head.type) if main else slug(head.type, _keyword(draft))
        tag = min(ids.evidence_tag(digests.get(s.document, s.document), s.start, s.end) for s in draft.sources)
        draft.id = f"{readable}-{tag}"
        by_id.setdefault(draft.id, []).append(draft)
    for same in (group for group in by_id.values() if len(group) > 1):
        same.sort(key=lambda d: (d.head.trigger.start, d.head.trigger.end))
        for number, draft in enumerate(same[1:], 2):
            draft.id = f"{draft.id}-{number}"


_STOPWORDS = frozenset("a an the of is was were are to on in at by for with and or that this its their".split())


def _keyword(draft: Draft) -> str:
    """The trigger's content words ('annual meeting'), to tell apart events of one actor and type."""
    quote = draft.sources[0].quote
    trig = draft.head.trigger
    offset = draft.sources[0].start or 0
    words = re.findall(r"[\w'-]+", quote[max(0, trig.start - offset):trig.end - offset])
    return " ".join(w for w in words if w.lower() not in _STOPWORDS)


def title_of(draft: Draft) -> str:
    quote = draft.sources[0].quote.strip().strip("\"“”")
    quote = quote if len(quote) <= 100 else quote[:97].rsplit(" ", 1)[0] + "..."
    return quote[:1].upper() + quote[1:] if quote else draft.head.type


def _consistent(head: EventMention, published) -> None:
    """Modality and date must agree with the publication: past dates are not 'to come'."""
    if head.date is None or published is None:
        return
    bounds = dates.parse(head.date)
    if head.modality in ("future", "hypothetical") and bounds.latest is not None and bounds.latest < published:
        if head.modality == "hypothetical":
            head.modality = "asserted"
        else:
            head.date, head.date_stated = None, False
    elif head.modality in ("asserted", "negated") and bounds.earliest is not None and bounds.earliest > published:
        head.date, head.date_stated = None, False


def events_of(drafts: list[Draft], fingerprint) -> list[Event]:
    """The drafts' events, in order, emptying the list: each draft (its mention, clause and
    triggers) is let go once its event is made, so that a long document's events take the place
    of its drafts in memory rather than joining them."""
    drafts.reverse()
    events = []
    while drafts:
        events.append(to_event(drafts.pop(), fingerprint))
    return events


def _opened_by_from(date: str | None, head: EventMention) -> str | None:
    """'From June 2020, the armies held talks': from then on (anchoring.FRONTED_FROM). Done when the
    record is made, after co-reference, so that joins still compare the dates as the text states them."""
    return f"{date}/.." if date is not None and FRONTED_FROM in head.cues and "/" not in date else date


def _closed_by_publication(date: str | None, head: EventMention, published) -> str | None:
    """'have fled since 2021', 'had died since Wednesday': a date the text opened towards the future
    ('2021-01-01/..') closes at publication when the act is told as done or going on (asserted or
    negated), for it was so by the day it was told. Done when the record is made, like
    ``_opened_by_from``."""
    if date is None or published is None or head.modality not in ("asserted", "negated"):
        return date
    bounds = dates.parse(date)
    if bounds.latest is not None or bounds.earliest is None or bounds.earliest > published:
        return date
    return dates.format_interval(bounds.earliest, published)


def to_event(draft: Draft, fingerprint) -> Event:
    """The timeline record; dates not stated are the publication bound, marked as inferred."""
    head = draft.head
    _consistent(head, min(draft.reported_by) if draft.reported_by else None)
    date = head.date or default_date(head, draft.published)  # stated, bounded by a report, or by publication
    date = _closed_by_publication(_opened_by_from(date, head), head, draft.published)
    if date is not None and not dates.is_valid(date):
        date = None
    fields = dict(
        id=draft.id, title=title_of(draft), type=type_of_record(head), date=date,
        date_inferred=not head.date_stated and date is not None, actors=list(head.actors),
        targets=[t for t in head.targets if t not in head.actors or head.type in SOUGHT],  # 'met X': X takes part, met
        people=list(head.people), location=head.location, modality=head.modality, sources=draft.sources,
        relations=[shared_names(Relation(relation=r, target=t.id)) for r, t in draft.relations if t.id != draft.id],
        confidence=round(head.confidence, 2),
    )
    event = Event(**fields)
    event.fingerprint = fingerprint(event)  # in place: no copy of the fresh event
    return shared_names(event)
