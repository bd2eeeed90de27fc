"""Officials told by their office of state: 'Vice President Delcy Rodriguez warned ...' names no
state, yet the vice president is the state's; with none named before the title, an official who
opens a sentence is one of the state the story names first (news leads with its subject), unless the
sentence names it beside him (``lexicons/groups.yaml``: ``state_offices``). An official introduced
with his state ('Kyrgyz President X') is that state's person wherever his name comes back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..trie import trie_regex
from . import lexicon
from .lookup import items_in_range, keyed_by
from .state import Mention

_NAME_AFTER = re.compile(r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w'’-]+")  # titles such as 'Colonel' are capitalised too


_SUBJECT_PLACE = re.compile(r"(?:^|,)\W*$")


@cache
def _offices() -> re.Pattern:
    offices = sorted(lexicon.load("groups")["state_offices"], key=len, reverse=True)
    return re.compile(r"\b(?:%s)\b" % "|".join(re.escape(o).replace(r"\ ", r"\s+") for o in offices), re.IGNORECASE)


@dataclass(frozen=True)
class Located:
    """A document's names by where they start, asked by bisection: asking every name for every
    sentence made a long document cost the square of its length."""

    mentions: list[Mention]
    by_start: object  # ``lookup.keyed_by`` on the names' starts
    longest: int

    @classmethod
    def of(cls, found: list[Mention]) -> "Located":
        return cls(found, keyed_by(found, lambda m: m.start), max((m.end - m.start for m in found), default=0))

    def starting(self, low: int, high: int) -> list[Mention]:
        """The names that start in ``[low, high)``."""
        return items_in_range(self.by_start, self.mentions, low, high - 1)


def untitled_offices(text: str, start: int, end: int, found: Located) -> list[tuple[int, int]]:
    """Spans of state offices before an unknown person's name as a sentence's subject (it opens the
    sentence or follows a fronted phrase's comma: 'met Foreign Minister X' is the other side), with
    no party named just before the title ('French President ...') nor the name a known person."""
    spans = []
    for match in _offices().finditer(text, start, end):
        name = _NAME_AFTER.match(text, match.end())
        if name is None or not text[match.start()].isupper() or not _SUBJECT_PLACE.search(text[start:match.start()]):
            continue
        before = found.starting(match.start() - 15 - found.longest, match.start() + 1)  # every name that may end there
        if any(m.start < name.end() and match.start() - 15 < m.end <= match.start() + 1 for m in before
               if m.kind == "actor") or found.starting(match.end(), name.end()):
            continue
        spans.append((match.start(), match.end()))
    return spans


_BARE_SUBJECT_PLACE = re.compile(r"(?:^|[,;:\-–—])\W*(?:the\s+)$", re.IGNORECASE)  # '14:05 - The', 'Last month, the'
_NOT_BARE = re.compile(r"['’]s\b|\s+of\b|,?\s+[A-Z]")  # 'the prime minister's office', 'the army chief of staff', a name


def bare_offices(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of 'the defence minister', 'the prime minister' told with no name and no state, as a
    sentence's subject ('Last month, the interior minister visited ...'): an office of the story's state."""
    spans = []
    for match in _offices().finditer(text, start, end):
        if match.group().lower().endswith("president"):
            continue  # 'the president' mostly takes up a head of state just named, whose own state he carries
        if _BARE_SUBJECT_PLACE.search(text[start:match.start()]) and not _NOT_BARE.match(text, match.end()):
            spans.append((match.start(), match.end()))
    return spans


_OF_STATE = re.compile(r"\s+of\s+(?:the\s+)?", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+,\s+(?:the\s+)?$")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*")
# a person's name on one line: up to four capitalised words or initials ('K.P. Sharma Oli')
_PERSON = re.compile(r"[ \t]+((?:(?:[A-Z]\.)+[ \t]*|[A-Z][\w'’-]+[ \t]+){0,3}[A-Z][\w'’-]+)")


@cache
def _owner_before() -> re.Pattern:
    """What may stand between a state's name and its official's office ("Peru's former president"):
    a possessive and one qualifier word (``lexicons/groups.yaml``: ``office_qualifiers``)."""
    qualifiers = lexicon.alternation(lexicon.load("groups")["office_qualifiers"])
    return re.compile(rf"(?:['’]s)?\s+(?:(?:{qualifiers})\s+)?$", re.IGNORECASE)


def _state_ending(found: Located, end: int, gap: re.Pattern, text: str) -> str | None:
    """The state a name of ``found`` ending just before ``end`` names, with only ``gap`` between."""
    for mention in found.starting(end - 40 - found.longest, end):
        if mention.kind == "actor" and mention.name in lexicon.state_names() and gap.fullmatch(text, mention.end, end):
            return mention.name
    return None


def _titled(text: str, start: int, end: int, found: Located) -> list[tuple[int, int, str]]:
    """Officials introduced with their office and their state in ``text[start:end]``: 'Greek Prime
    Minister Kyriakos Mitsotakis', "Kenya's former president X", 'X, the prime minister of Tunisia'
    (spans of the person's name, and the state)."""
    out = []
    for match in _offices().finditer(text, start, end):
        name = _PERSON.match(text, match.end(), end)
        state = _state_ending(found, match.start(), _owner_before(), text)
        if name is not None and state is not None:
            out.append((name.start(1), name.end(1), state))
            continue
        of = _OF_STATE.match(text, match.end())
        before = _NAME_BEFORE.search(text, start, match.start())
        if of is None or before is None or before.end() != match.start():
            continue
        after = [m for m in found.starting(of.end(), of.end() + 1) if m.kind == "actor" and m.name in lexicon.state_names()]
        if after:
            out.append((before.start(), before.start() + before.group().index(","), after[0].name))
    return out


def titled_officials(text: str, sentences: list[tuple[int, int]], found: Located) -> list[Mention]:
    """An unknown official introduced with his office and state is that state's person wherever his
    full name or surname comes back ('Greek Prime Minister X Y' ... 'Y pledged'), as a leader of
    ``people.yaml`` is: no lexicon can list every minister, the text introduces them."""
    owners: dict[str, list[tuple[int, str, str]]] = {}  # name or surname as written: (introduced at, name, state)
    for start, end, state in (t for start, end in sentences for t in _titled(text, start, end, found)):
        name = " ".join(text[start:end].split())
        for words in (text[start:end], _NAME_WORD.findall(name)[-1]):
            owners.setdefault(words, []).append((start, name, state))
    if not owners:
        return []
    out: list[Mention] = []
    pattern = re.compile(rf"\b{trie_regex(owners, blank=' ')}\b")  # one pass over the text for every official
    for hit in pattern.finditer(text, min(start for told in owners.values() for start, _, _ in told)):
        owner = next((o for o in owners[hit.group()] if o[0] <= hit.start()), None)  # the first introduced by then
        near = found.starting(hit.start() - found.longest, hit.end())
        if owner is not None and not any(m.start < hit.end() and hit.start() < m.end for m in near):
            out.append(Mention(hit.start(), hit.end(), "person", owner[1], owner[2]))
    return _first_per_span(out)


def _first_per_span(mentions: list[Mention]) -> list[Mention]:
    """One mention per span, none overlapping another (two officials sharing a surname: the first)."""
    kept: list[Mention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if not kept or kept[-1].end <= mention.start:
            kept.append(mention)
    return kept


_OFFICE_AFTER_OWNER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?$")  # "Botswana's defence minister", 'Kenyan Foreign Minister'


def office_state(text: str, mention: Mention) -> str | None:
    """The state whose official a mention tells: an office span read as its state ('Information
    Minister' opening a sentence) or a state's name right before an office ("Kenya's interior
    minister"); a state named as a party or a place is none."""
    if mention.kind != "actor" or mention.name not in lexicon.state_names():
        return None
    if _offices().search(text, mention.start, mention.end):
        return mention.name
    office = _offices().search(text, mention.end, mention.end + 40)
    return mention.name if office and _OFFICE_AFTER_OWNER.fullmatch(text, mention.end, office.start()) else None
