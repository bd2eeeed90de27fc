"""Group nouns that point back: 'the gunmen', 'the rebels', 'these guerrillas' after a story has
named an armed group stand for that group, the one named last before them (``lexicons/groups.yaml``
group_nouns). The look back is bounded (a few sentences), never crosses another party's quoted
words, and never reaches a group only named as the accused of someone's charge ('police blamed
the FMLN': the blame is one party's word, not the text's)."""

from __future__ import annotations

import bisect
import re
from functools import cache

from . import lexicon
from .casing import is_function_or_number_word
from .clauses import quoted_spans
from .groups import both_sides, introduced_band, is_armed_group, is_irregular_group
from .lookup import cached, sentence_at, sentence_starts
from .phrases import can_qualify_noun
from .state import Clause, DocState, EventMention, Mention


@cache
def _rule() -> tuple[re.Pattern, re.Pattern, int, frozenset[str]]:
    """The description's pattern, the words that make a group named after them an accused one, how
    many sentences back the group may be named, and the modifiers that say the hands are unknown."""
    data = lexicon.load("groups")
    rule = data["group_nouns"]
    determiners = lexicon.alternation(rule["determiners"])
    nouns = lexicon.alternation(rule["nouns"])
    described = re.compile(rf"\b(?:{determiners})\s+((?:[\w-]+\s+){{0,2}}?(?:{nouns}))\b", re.IGNORECASE)
    accused = re.compile(rf"\b(?:{lexicon.alternation(rule['accusing'])})\b", re.IGNORECASE)
    return described, accused, rule["reach"], frozenset(data["unknown_hands"])


def _modifies(word: str, unknown: frozenset[str]) -> bool:
    """'armed', 'leftist', 'masked': a word that can qualify a group noun; not a linking word, a
    verb's past ('the army shot rebels'), nor one that says the hands are unknown."""
    lower = word.lower()
    return not is_function_or_number_word(lower) and lower not in unknown and can_qualify_noun(word)


def _accused(text: str, sentence_start: int, mention: Mention, accusing: re.Pattern) -> bool:
    """'police blamed the FMLN', 'suspected members of the ELN': a group named after a word of
    charge or suspicion in its sentence is someone's accused, not the text's perpetrator."""
    return accusing.search(text, sentence_start, mention.start) is not None


def named_as_accused(state: DocState, mention: Mention) -> bool:
    """Whether a group is named after a word of charge or suspicion in its sentence ('police
    blamed the FMLN. They also burned a bus': 'they' are nobody the text names)."""
    sentence = sentence_at(state, mention.start)
    return sentence >= 0 and _accused(state.text, sentence_starts(state)[sentence], mention, _rule()[1])


def group_noun_mentions(state: DocState, known: list[Mention]) -> list[Mention]:
    """'The gunmen also burned a warehouse' after 'armed men of the Andean Youth Front raided a
    farm': the description as a mention of the armed group named last before it (``known`` in
    text order, never overlapping); one pass over the document."""
    described, accusing, reach, unknown = _rule()
    text = state.text
    armed = [m for m in known if m.kind == "actor" and (is_irregular_group(m.name) or introduced_band(text, m))]
    starts = sentence_starts(state)
    quotes = [span for start, end in state.sentences for span in quoted_spans(text, start, end)]
    out, k, last, last_sentence = [], 0, None, -1
    for index, (start, end) in enumerate(state.sentences):
        for match in described.finditer(text, start, end):
            while k < len(armed) and armed[k].end <= match.start():
                sentence = sentence_at(state, armed[k].start)
                if not _accused(text, starts[sentence], armed[k], accusing):
                    last, last_sentence = armed[k], sentence
                k += 1
            words = match.group(1).split()[:-1]
            if last is None or index - last_sentence > reach or not all(_modifies(w, unknown) for w in words):
                continue
            if _quote_of(quotes, match.start()) != _quote_of(quotes, last.start) or _overlaps(known, *match.span()):
                continue
            out.append(Mention(match.start(1), match.end(1), "actor", last.name))  # as a name's span: no article
    return out


def _quote_of(quotes: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The quoted span holding ``position``, if any (``quotes`` in text order)."""
    index = bisect.bisect_right(quotes, (position, 1 << 62)) - 1
    return quotes[index] if index >= 0 and quotes[index][0] <= position < quotes[index][1] else None


def _overlaps(known: list[Mention], start: int, end: int) -> bool:
    """Whether a known name overlaps ``text[start:end]`` ('the FMLN guerrillas' names its group)."""
    index = bisect.bisect_right(known, start, key=lambda m: m.end)
    return index < len(known) and known[index].start < end


def sides_told(state: DocState, clause: Clause, fight: EventMention | None, principal: bool = True) -> list[str]:
    """'both leaders', 'the two sides' in a clause: the sides of the latest fighting told with both
    named (``fight``), else the pair named last, else (``principal``) the story's two principal parties."""
    found = both_sides().search(state.text, clause.start, clause.end)
    if found is None:
        return []
    return list(fight.actors) if fight is not None else _pair_named_last(state, clause, found, principal)


def _pair_named_last(state: DocState, clause: Clause, found: re.Match, principal: bool) -> list[str]:
    """'Ethiopia and Eritrea signed a pact. The two countries will withdraw their troops': with no
    fighting told with both sides, the sides that a clause's 'the two countries', 'both sides' or
    'the allies' (``found``) stand for are the two parties last named together ('X and Y', 'X, Y')
    before it, a few sentences back at most (states for 'countries', 'nations', 'governments'), on
    the same side of any quotation marks."""
    states_only = (found.group(1) or "").lower() in _state_nouns()
    first = state.sentences[max(0, clause.sentence - _rule()[2])][0]
    quote = _quote_of(quoted_spans(state.text, *state.sentences[clause.sentence]), found.start())
    later = None
    for at in range(bisect.bisect_right(state.mentions, clause.start, key=lambda m: m.end) - 1, -1, -1):
        mention = state.mentions[at]  # back over a few sentences only
        if mention.start < first or quote is not None and mention.start < quote[0]:
            break
        if mention.kind != "actor" or states_only and mention.name not in lexicon.state_names():
            continue
        if later is not None and later.name != mention.name and _TOGETHER.fullmatch(state.text, mention.end, later.start):
            return [mention.name, later.name]
        later = mention
    return principal_pair(state, states_only) if principal else []


def principal_pair(state: DocState, states_only: bool) -> list[str]:
    """'Kyrgyzstan recalled its envoy from Dushanbe ... The two sides agreed to a ceasefire': with no
    pair named together in reach, the sides are the story's two principal parties, the two it names
    most, when a third is named clearly less often (a tie leaves the pair unknown)."""
    return list(cached(state, "principal_pairs", state.mentions, _principal_pairs)[states_only])


def fighting_pair(state: DocState) -> list[str]:
    """'fighting resumed near the border': the two principal parties among those that can fight,
    states and armed groups, not the courts, commissions or ministries a story names as often."""
    return list(cached(state, "fighting_pair", state.mentions, _fighting_pair))


def _principal_pairs(mentions: list[Mention]) -> dict[bool, list[str]]:
    """The principal pair of all parties (False) and of states only (True), ranked once per document:
    a long document names thousands of parties, too many to rank again for each clause that asks."""
    return {states_only: _top_two(counts) for states_only, counts in _actor_counts(mentions).items()}


def _fighting_pair(mentions: list[Mention]) -> list[str]:
    """The principal pair among the parties that can fight, ranked once per document."""
    return _top_two(_fighter_counts(mentions))


def _top_two(counts: dict[str, int]) -> list[str]:
    """The two parties named most, when a third is named clearly less often (a tie leaves none)."""
    ranked = sorted(counts.values(), reverse=True) + [0, 0, 0]
    if ranked[1] < 2 or ranked[1] == ranked[2]:
        return []
    return sorted(counts, key=lambda name: -counts[name])[:2]


def _fighter_counts(mentions: list[Mention]) -> dict[str, int]:
    """How often the story names each state or armed group (``is_armed_group``), once per document."""
    states = lexicon.state_names()
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.kind == "actor" and (mention.name in states or is_armed_group(mention.name)):
            counts[mention.name] = counts.get(mention.name, 0) + 1
    return counts


def _actor_counts(mentions: list[Mention]) -> dict[bool, dict[str, int]]:
    """How often the story names each party, all of them (False) and states only (True): counted
    once per document, not again for each clause that asks for its principal pair."""
    counts: dict[bool, dict[str, int]] = {False: {}, True: {}}
    states = lexicon.state_names()
    for mention in mentions:
        if mention.kind == "actor":
            for states_only in (False, True) if mention.name in states else (False,):
                counts[states_only][mention.name] = counts[states_only].get(mention.name, 0) + 1
    return counts


_TOGETHER = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)", re.IGNORECASE)  # 'Ethiopia and Eritrea', 'US, British'


@cache
def _state_nouns() -> frozenset[str]:
    """Plural nouns ("the two countries") that only states can stand for."""
    return frozenset(lexicon.load("groups")["both_sides"]["state_nouns"])
