"""Where the extractor loses a missed gold event: the first pipeline stage after which no mention of
the gold event's type is left within its quote. Counts, not sentences, so a blind batch of articles
can be sorted by cause without anyone reading its misses (`timeline eval events --losses`)."""

from __future__ import annotations

from collections import Counter

from ..extract import Options
from ..extract.casing import shouting
from ..extract.pipeline import stages
from ..extract.state import DocState
from ..models import Document, Timeline
from ..taxonomy import root
from .events import match
from .gold import GoldDoc, GoldEvent

# Causes, in the order the pipeline meets them (each line of `--losses` is one of these).
NO_WORD = "no lexicon word in the quote"
OTHER_TYPE = "only words of other types in the quote"
NOT_FORMED = "a word of the type, but no event formed (support, filters, clause)"
OTHER_CHOSEN = "an event formed, another word's type chosen for it"
REMOVED = "an event of the type formed, then dropped by a later stage"
JOINED = "an event of the type, joined to another mention (co-reference)"
BELOW_BAR = "an event of the type, below the confidence bar"
PAIRING = "an event of the type kept: lost in pairing or evidence"
CAUSES = (NO_WORD, OTHER_TYPE, NOT_FORMED, OTHER_CHOSEN, REMOVED, JOINED, BELOW_BAR, PAIRING)


def stage_states(doc: GoldDoc) -> dict[str, DocState]:
    """The document's state after each named stage of the pipeline."""
    document = Document(id=doc.name, published=doc.published, text=doc.text)
    state = DocState(document=document, text=doc.text, published=doc.published, caps=shouting(doc.text))
    out: dict[str, DocState] = {}
    for name, stage in stages():
        state = stage(state, Options())
        out[name] = state
    return out


def where_lost(gold: GoldEvent, states: dict[str, DocState], min_confidence: float = 0.5) -> str:
    """The first step at which the gold event's quote stops holding a mention of its type."""
    start, end = gold.spans[0]
    kind = root(gold.type)
    words = [t for t in states["triggers"].triggers if t.start < end and t.end > start]
    if not words:
        return NO_WORD
    if not any(root(t.type) == kind for t in words):
        return OTHER_TYPE
    formed = [m for m in states["events"].events if start <= m.trigger.start < end]
    if not formed:
        return NOT_FORMED
    if not any(root(m.type) == kind for m in formed):
        return OTHER_CHOSEN
    final = list(states.values())[-1]
    kept = [m for m in final.events if start <= m.trigger.start < end and root(m.type) == kind]
    if not kept:
        return REMOVED
    if all(m.same_as is not None for m in kept):
        return JOINED
    if all(m.confidence < min_confidence for m in kept):
        return BELOW_BAR
    return PAIRING


def loss_counts(golds: list[GoldDoc], predicted: Timeline) -> Counter:
    """Missed required gold events counted by where the pipeline lost them."""
    counts: Counter = Counter()
    for doc in golds:
        missed = match(doc, predicted.events)[2]["missed"]
        if missed:
            states = stage_states(doc)
            counts.update(where_lost(gold, states) for gold in missed)
    return counts


def format_losses(counts: Counter) -> str:
    """One line per cause, in pipeline order, with the share of all misses."""
    total = sum(counts.values()) or 1
    lines = [f"missed required events by where they were lost ({sum(counts.values())})"]
    lines += [f"  {counts[c]:4d}  {counts[c] / total:5.1%}  {c}" for c in CAUSES if counts[c]]
    return "\n".join(lines)
