"""Whom a pronoun undergoing an act stands for ('X, a union leader, left home. He was shot'): whether
a pronoun undergoes it, and the phrase told before it that the pronoun stands for, read from the
clauses of its sentence and the one before; the argument stage takes that phrase's names as targets."""

from __future__ import annotations

import bisect
import re

from .casing import is_english_word
from .lookup import clauses_before, sentence_clauses
from .phrases import PRONOUNS, Phrase, end_before, phrase_after, phrase_before
from .roles import passive
from .state import Clause, DocState, EventMention

# 'he was shot', 'they were taken', 'their kidnapping': a pronoun right before a passive verb (over its
# auxiliaries and adverbs) or a possessive right before a violent noun undergoes the act
_PASSIVE_PRONOUN = re.compile(r"\b(?:he|she|they)\s+(?:(?:was|were|had|have|has|been|being|later|also|then|reportedly|"
                              r"allegedly|\w+ly)\s+)*$", re.IGNORECASE)
_POSSESSIVE_PRONOUN = re.compile(r"\b(?:his|her|their)\s+$", re.IGNORECASE)


def pronoun_undergoes(text: str, event: EventMention) -> bool:
    """An act whose only undergoer is a subject or possessive pronoun ('they were dragged from
    the bus', 'his murder'), whom the clause names nothing else for."""
    clause, trigger = event.clause, event.trigger
    before = text[max(clause.start, trigger.start - 60):trigger.start]
    if trigger.kind == "noun":
        return _POSSESSIVE_PRONOUN.search(before) is not None
    return passive(text, clause, trigger) and _PASSIVE_PRONOUN.search(before) is not None


def pronoun_antecedent(state: DocState, event: EventMention) -> Phrase | None:
    """The subject the sentence opened on, or, when the pronoun's clause opens the sentence, the
    subject of the sentence before ('X, a union leader, left home. He was shot'); for 'they' and
    'their' whose subject is of another number, the plural phrase ending the text before ('the
    murder of X and Y. Their kidnapping ...'); None when no phrase there may stand for it."""
    plural = _plural_pronoun(state.text, event)
    return next((p for p in _antecedents(state, event.clause, plural) if p is not None and
                 _may_stand_for(state, p, plural)), None)


def _antecedents(state: DocState, clause: Clause, plural: bool) -> list[Phrase | None]:
    """The phrases a pronoun in ``clause`` may stand for, in the order tried."""
    own = sentence_clauses(state, clause.sentence)
    if own[0] is not clause:
        first, last = own[0], clauses_before(state, clause)[-1]
    elif clause.sentence > 0 and (before := sentence_clauses(state, clause.sentence - 1)):
        first, last = before[0], before[-1]
    else:
        return []
    text = state.text
    subject = phrase_after(text, first.start, first.end)
    told = _REPORTED.match(text, subject.end) if subject is not None else None
    if told is not None:  # 'police said X, a farmer, ...': the reported clause's subject
        subject = phrase_after(text, told.end(), first.end)
    return [subject, _coordinated_before(text, end_before(text, last.end, " ,.;"), last.start) if plural else None]


_AND_BEFORE = re.compile(r"(?:,\s*)?\s+and\s+$", re.IGNORECASE)


def _coordinated_before(text: str, end: int, start: int) -> Phrase | None:
    """The noun phrase ending at ``end`` with the one 'and' joins to it before ('X and Y')."""
    last = phrase_before(text, end, start)
    joint = _AND_BEFORE.search(text, start, last.start) if last is not None else None
    first = phrase_before(text, joint.start(), start) if joint is not None else None
    if first is None or last is None:
        return last
    of = list(_OF.finditer(text, first.start, joint.start()))
    begin = of[-1].end() if of else first.start  # 'the murder of X and Y': X and Y
    if _ACCORDING.search(text, max(start, begin - 20), begin):
        return None  # who tells, not who underwent
    return Phrase(begin, last.end, text[begin:last.end])


_ACCORDING = re.compile(r"\baccording\s+to\s+$", re.IGNORECASE)


_OF = re.compile(r"\bof\s+(?:the\s+)?", re.IGNORECASE)


_PLURAL_HEADS = frozenset({"men", "women", "people", "children"})
_NO_ANTECEDENT = frozenset({"how", "what", "why", "where", "most", "many", "much", "all", "both", "each"})


def _plural_pronoun(text: str, event: EventMention) -> bool:
    """'they'/'their' (not 'he', 'she', 'his', 'her') right before the trigger."""
    found = re.findall(r"\b(he|she|they|his|her|their)\b", text[max(event.clause.start, event.trigger.start - 60):event.trigger.start],
                       re.IGNORECASE)
    return bool(found) and found[-1].lower() in ("they", "their")


def _may_stand_for(state: DocState, phrase: Phrase, plural: bool) -> bool:
    """A phrase a personal pronoun may stand for: no pronoun, question word or time ('last month')
    itself, and of the pronoun's number ('they' for 'two nurses' or 'X and Y', 'he' for one)."""
    words = phrase.text.lower().split()
    head = words[words.index("of") - 1] if "of" in words[1:] else words[-1]  # 'the mayors of X'
    if words[0] in PRONOUNS or words[0] in _NO_ANTECEDENT or _holds_a_time(state, phrase):
        return False
    plural_noun = head in _PLURAL_HEADS or head.endswith("s") and not head.endswith("ss")
    if plural:
        return "and" in words or plural_noun
    return "and" not in words and not (plural_noun and is_english_word(head))  # 'sectors', not 'Flores'


def _holds_a_time(state: DocState, phrase: Phrase) -> bool:
    """Whether a time expression, dated or not ('last month'), begins inside the phrase (bisected:
    a long document holds too many to scan for each pronoun)."""
    starts = state.timex_starts
    return bisect.bisect_left(starts, phrase.start) < bisect.bisect_left(starts, phrase.end)


_REPORTED = re.compile(r"\s*(?:said|says|reported|added|stated|announced|indicated|confirmed|explained)\s+(?:that\s+)?",
                       re.IGNORECASE)
