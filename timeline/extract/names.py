"""Names stage: every known actor, person and place in the text, groups and places no lexicon
knows by the shape of their names, and the state behind unnamed forces ('the army')."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from ..gazetteer import regions
from . import lexicon
from .casing import is_english_word, is_function_or_number_word, name_like
from .descriptions import without_descriptive_states
from .group_nouns import group_noun_mentions
from .groups import (INSURGENTS as _INSURGENTS, acronyms_in_spans, groups_in, head_anaphors, introduced_groups,
                     is_armed_group, is_irregular_group, speaks_for_state, unnamed_department)
from .lookup import containers, inside_any, merged_spans, overlaps_union
from .officials import Located, bare_offices, titled_officials, untitled_offices
from .phrases import lemmas, parts_of_speech, tokens
from .places import places_in
from .sentences import heading_spans
from .state import DocState, Mention

_CAPITALISED = re.compile(r"\b[A-Z][a-zA-Z'-]{5,}\b")


def find_names(state: DocState, options) -> DocState:
    """Stage: every known actor, person and place in the sentences, typo-tolerant for surnames,
    and the groups no lexicon knows, by the shape of their names and the acronyms they define."""
    found: list[Mention] = []
    for start, end in state.sentences:
        found += names_in(state.text, start, end, state.caps)
    introduced = _introduced(state, found)
    inside_introduced = containers([(g.start, g.end) for g in introduced])
    found = [m for m in found if not inside_any(inside_introduced, m.start, m.end)] + introduced
    groups, acronyms, places = _by_shape(state)
    found = found if state.caps else _without_states_inside(found, groups)  # capitals say nothing of names
    found += _unknown_groups(state, found, introduced, groups, acronyms)
    found += _unknown_places(sorted(found, key=lambda m: m.start), places)
    found += head_anaphors(state.text, sorted(found, key=lambda m: m.start))
    found = _without_qualifying_states(state.text, sorted(found, key=lambda m: m.start))
    found = _without_parent_bodies(state.text, found)
    found = without_descriptive_states(state.text, found, lexicon.state_names())
    found = [m for m in found if not is_news_source(state.text, m)]
    found = sorted(found + group_noun_mentions(state, found), key=lambda m: m.start)
    if not state.caps:  # 'Greek Prime Minister X' ... 'X said': his state wherever he comes back
        found = sorted(found + titled_officials(state.text, state.sentences, Located.of(found)), key=lambda m: m.start)
    possessed = _possessed_forces(state, found)  # not counted when the story's own state is chosen
    departments = [m for m in found if m.kind == "actor" and unnamed_department(m.name)]  # the story's state's
    found = [m for m in found if not departments or m.kind != "actor" or not unnamed_department(m.name)]
    heading = _heading_states(state)
    named = [m for states in heading for m in states] + _states_named(found)
    story = _agreed(heading) or _most_named(named)  # the state the story is about
    home = [m for m in _home_state_mentions(state, found, departments, named, story) if not _overlaps(possessed, m.start, m.end)]
    return replace(state, mentions=sorted(found + possessed + home, key=lambda m: m.start), home=story)


@cache
def _possessed() -> re.Pattern:
    """'its forces', 'their own fighters': compiled at the first story, not when the package is imported."""
    forces = sorted(lexicon.load("groups")["possessed_forces"], key=len, reverse=True)
    return re.compile(r"\b(?:its|their)\s+(?:own\s+)?((?:%s)s?)\b" % "|".join(map(re.escape, forces)), re.IGNORECASE)


def _possessed_forces(state: DocState, found: list[Mention]) -> list[Mention]:
    """'its forces', 'their fighters': the forces of the party named last, in the sentence or the
    one before, not the story's own state's ('Eritrea did not answer. Its troops stayed')."""
    out = []
    starts = [a for a, _ in state.sentences]
    for number, (start, end) in enumerate(state.sentences):
        reach = starts[max(number - 1, 0)]
        for match in _possessed().finditer(state.text, start, end):
            index = bisect.bisect_right(found, match.start(), key=lambda m: m.end) - 1
            # walked back by index: a slice of the names before each match copied the document's names
            owner = next((found[i] for i in range(index, -1, -1)
                          if found[i].kind == "actor" or found[i].start < reach), None)
            if owner is not None and owner.kind == "actor" and owner.start >= reach:
                out.append(Mention(match.start(1), match.end(1), "actor", owner.name))
    return out


_POSSESSIVE_GAP = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_FEATURE_AFTER = re.compile(r"\s+(?:river|delta|basin|valley|lake|gulf|strait|highlands)\b", re.IGNORECASE)
_BAND = lexicon.load("groups")["possessive_band"]
# "the ELN, Colombia's most active guerrilla group": a state in the possessive before a band's noun says where
_GROUP_DESCRIBED_AFTER = re.compile(r"['’]s\s+(?:(?!(?:and|or|but|the|an?|of|with|to|by|against)\b)[\w-]+\s+){0,3}?"
                                    r"(?:(?:%s)\s+(?:%s)|%s)\b" % tuple(
    "|".join(map(re.escape, _BAND[k])) for k in ("kinds", "nouns", "alone")), re.IGNORECASE)


def _without_qualifying_states(text: str, found: list[Mention]) -> list[Mention]:
    """'Yemen's Houthi movement', 'Syria's Kurdish-led SDF', 'Colombia's most active guerrilla
    group': a state in the possessive before an armed group, or a band's noun, only says where the
    group is, it is no party of its own; 'the Niger river' is a river, not the state."""
    drop = set()
    for i, mention in enumerate(found):
        if mention.kind != "actor" or mention.name not in lexicon.state_names():
            continue
        following = found[i + 1] if i + 1 < len(found) else None
        if following is not None and following.kind == "actor" and is_armed_group(following.name) and \
                _POSSESSIVE_GAP.fullmatch(text, mention.end, following.start):
            drop.add(i)
        elif _FEATURE_AFTER.match(text, mention.end) or _GROUP_DESCRIBED_AFTER.match(text, mention.end):
            drop.add(i)
    return [m for i, m in enumerate(found) if i not in drop]


@cache
def _parent_relation() -> re.Pattern:
    """', the armed wing of', ', a local affiliate of': the words before a parent body's name."""
    nouns = sorted(lexicon.load("groups")["parent_relations"]["nouns"], key=len, reverse=True)
    return re.compile(r",\s+(?:the|an?|its)\s+(?:[\w-]+\s+){0,2}?(?:%s)\s+of\s+(?:the\s+)?$" % "|".join(map(re.escape, nouns)),
                      re.IGNORECASE)


def _without_parent_bodies(text: str, found: list[Mention]) -> list[Mention]:
    """'X, the armed wing of Y': Y says whose X is, it does not act, and its name does not make
    it the story's group, whom 'the rebels' stand for."""
    pattern = _parent_relation()
    return [m for m in found if m.kind != "actor" or not pattern.search(text, max(0, m.start - 60), m.start)]


@cache
def _news_source_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    rule = lexicon.load("text")["news_sources"]
    return (re.compile(rule["before"], re.IGNORECASE), re.compile(rule["dateline"][0]), re.compile(rule["dateline"][1]))


def is_news_source(text: str, mention: Mention) -> bool:
    """'according to the Associated Press', '(XNA) --': who told the news, not who took part in it."""
    before, opening, closing = _news_source_patterns()
    head = text[max(0, mention.start - 40):mention.start]
    return before.search(head) is not None or (opening.search(head) is not None and closing.match(text, mention.end) is not None)


_INSURGENT_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:%s)\b" % _INSURGENTS.pattern, re.IGNORECASE)


def insurgents_of(text: str, mention: Mention) -> bool:
    """'Salvadoran guerrillas', 'Colombian rebels': a state's adjective before its insurgents, who
    are the armed group the story names (the state stays a party: whom they fight)."""
    return mention.kind == "actor" and mention.name in lexicon.state_names() and _INSURGENT_AFTER.match(
        text, mention.end) is not None


def _by_shape(state: DocState) -> tuple[list[Mention], dict[str, str], list[Mention]]:
    """Group names, the acronyms they define and place names after a locative word, by their shape:
    each sentence tokenised once for both (it was twice, a tenth of this stage)."""
    groups, acronyms, places = [], {}, []
    for start, end in state.sentences:
        found = tokens(state.text, start, end)
        shaped, defined = groups_in(state.text, start, end, state.caps, found)
        groups += shaped
        acronyms.update(defined)
        places += places_in(state.text, start, end, state.caps, found)
    return groups, acronyms, places


def _unknown_places(known: list[Mention], places: list[Mention]) -> list[Mention]:
    """Place names no gazetteer knows, after a locative word, where no known name stands."""
    return [p for p in places if not _overlaps(known, p.start, p.end)]


def _introduced(state: DocState, known: list[Mention]) -> list[Mention]:
    """Groups the text introduces by name ('a group calling itself ...') where no known party is
    named; a place or a state inside the name ('Love for Medellin', 'a group called Chile's
    Independence Movement') gives way to it."""
    actors = [m for m in known if m.kind == "actor"]  # in text order, never overlapping: bisected per group
    return [g for start, end in state.sentences for g in introduced_groups(state.text, start, end, state.caps)
            if not _overlaps_beyond(actors, g.start, g.end)]


def _overlaps_beyond(names: list[Mention], start: int, end: int) -> bool:
    """Whether a name overlaps ``text[start:end]`` other than as a shorter part of it."""
    index = bisect.bisect_right(names, start, key=lambda m: m.end)
    while index < len(names) and names[index].start < end:
        name = names[index]
        if name.start < start or name.end > end or (name.start, name.end) == (start, end):
            return True
        index += 1
    return False


def _without_states_inside(known: list[Mention], groups: list[Mention]) -> list[Mention]:
    """'the Law Society of Kenya', 'the Tunisian League for Human Rights': a state named inside a
    longer name with a body's head only says whose body it is; the body is the party (a state's own
    forces, 'the Kenyan Army', were never taken as a group)."""
    states = lexicon.state_names()
    drop: set[int] = set()
    for group in (g for g in groups if not speaks_for_state(g.name)):
        inner = [i for i, m in enumerate(known) if m.start < group.end and m.end > group.start]
        inside = all(group.start <= known[i].start and known[i].end <= group.end and
                     (known[i].start, known[i].end) != (group.start, group.end) for i in inner)
        if inner and inside and all(known[i].kind == "actor" and known[i].name in states for i in inner):
            drop.update(inner)
    return [m for i, m in enumerate(known) if i not in drop]


def _unknown_groups(state: DocState, known: list[Mention], introduced: list[Mention], groups: list[Mention],
                    acronyms: dict[str, str]) -> list[Mention]:
    """Group names and their acronyms that overlap no known name; an introduced name wherever
    its words stand again."""
    defined = {state.text[g.start:g.end]: g.name for g in introduced}
    defined.update(acronyms)
    groups = groups + acronyms_in_spans(state.text, state.sentences, defined)
    taken = merged_spans([(m.start, m.end) for m in known])  # bisected, not scanned per group
    return [g for g in groups if not overlaps_union(taken, g.start, g.end)]


_UNNAMED_STATE = lexicon.letters_first(re.compile(  # scanned through every sentence: letters first
                            r"\b(?:the (?:federal |central |transitional |interim |military |ruling )?(?:government|authorities)|"
                            r"the (?:ruling |military )?junta|federal (?:troops|forces|army|"
                            r"authorities|government)|government (?:troops|forces|soldiers|spokes(?:man|woman|person)|delegation|negotiators?)|(?:the )?(?:armed forces|"
                            r"army|air force|navy|military|national guard|(?:national |treasury |federal )?police|"
                            r"security forces)(?! of(?!\s+[\"“']?\w+ing\b))|army (?:troops|soldiers|units|patrols?)|(?:government |army |military )?(?:soldiers?|troops)|"
                            r"(?<![\w'’] )(?:the )?(?:authorities|lawmakers|legislators|cabinet)|"
                            r"(?:the )?(?:gendarmerie|gendarmes?|(?:security|intelligence) (?:officials|services|agents|officers)))\b",
                            re.IGNORECASE))


def _home_state_mentions(state: DocState, found: list[Mention], departments: list[Mention], named: list[Mention],
                         home: str | None) -> list[Mention]:
    """'the government', 'federal troops' with no state named: ``home``, the state the story is
    about (``find_names``: the one headline and dateline agree on, else the one it names most, first
    when two are named as often: news leads with its subject); an untitled official
    ('President X condemned'): the state it names first, as an ally's troops told at length make
    their state the most named one while the president is still of the state the news is about."""
    if home is None:
        return []
    spans = {(m.start(), m.end()) for start, end in state.sentences for m in _UNNAMED_STATE.finditer(state.text, start, end)}
    spans |= {(m.start, m.end) for m in departments}
    mentions = [Mention(a, b, "actor", _regional_police(state.text, a, b) or home) for a, b in sorted(spans)]
    if not state.caps:  # an official of no state named: of the state the story leads with
        located, lead = Located.of(found), named[0].name
        mentions += [Mention(a, b, "actor", lead) for start, end in state.sentences if not _names_state(located, lead, start, end)
                     for a, b in untitled_offices(state.text, start, end, located) + _bare(state.text, start, end, located)
                     if (a, b) not in spans]
    return sorted((m for m in mentions if not _overlaps(found, m.start, m.end) and not _owned(state.text, found, m.start)),
                  key=lambda m: m.start)


_REGION_BEFORE = re.compile(r"((?:[A-Z][\w'’-]+ ){1,4})$")
_REGION_AFTER = re.compile(r" (?:in|of) ((?:[A-Z][\w'’-]+)(?: (?:(?:do|de|da|dos|del) )?[A-Z][\w'’-]+){0,3})")


def _regional_police(text: str, start: int, end: int) -> str | None:
    """'Assam police', 'police in Santa Catarina': police named with a first-level region that the
    gazetteer puts in one state only are that state's, not the story's (police keep to their own
    state's ground); a region two states share ('Punjab') says nothing."""
    if not text[start:end].lower().endswith("police"):
        return None
    before = _REGION_BEFORE.search(text, max(0, start - 60), start)
    after = _REGION_AFTER.match(text, end)
    names = [words[i:] for words in [before.group(1).split()] for i in range(len(words))] if before else []
    names += [words[:i] for words in [after.group(1).split()] for i in range(len(words), 0, -1)] if after else []
    for words in names:
        states = {r.country for r in regions(" ".join(words))}
        if len(states) == 1:
            return states.pop()
    return None


def _bare(text: str, start: int, end: int, found: Located) -> list[tuple[int, int]]:
    """``officials.bare_offices`` in a sentence that names no state: 'The foreign minister said
    Mexico would ...' may be that other state's minister."""
    return [] if _states_named(found.starting(start, end)) else bare_offices(text, start, end)


def _states_named(found: list[Mention]) -> list[Mention]:
    """The mentions of states among ``found``, a capital counting for its state."""
    return [_as_state(m) for m in found if m.kind == "actor" and m.name in lexicon.state_names() or _capital(m)]


def _heading_states(state: DocState) -> list[list[Mention]]:
    """The states the headline and the dateline each name ('LASHIO, Myanmar'), once each: mentions
    of the story's own state before its first sentence."""
    out = []
    for a, b in heading_spans(state):
        states = _states_named(names_in(state.text, a, b, state.caps))
        out.append([m for i, m in enumerate(states) if m.name not in {s.name for s in states[:i]}])
    return out


def _agreed(heading: list[list[Mention]]) -> str | None:
    """A state the headline names and the dateline alone names ('Kosovo police fire tear gas ...',
    'ZUBIN POTOK, Kosovo'): the story is about it, whatever neighbour its body names more often."""
    if len(heading) != 2 or len(heading[1]) != 1:
        return None
    return heading[1][0].name if heading[1][0].name in {m.name for m in heading[0]} else None


_OWNER_GAP = re.compile(r"(?:['’]s)?\s+")


def _owned(text: str, found: list[Mention], start: int) -> bool:
    """'Rwandan troops', "Israel's army": forces a state's name or adjective right before them
    qualifies are that state's, not the story's own."""
    index = bisect.bisect_right(found, start, key=lambda m: m.end) - 1
    owner = found[index] if index >= 0 else None
    return owner is not None and owner.kind == "actor" and owner.name in lexicon.state_names() and \
        _OWNER_GAP.fullmatch(text, owner.end, start) is not None


def _names_state(found: Located, home: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names the home state: an official of no state told beside it is
    more likely the other side ('President X accused Israel')."""
    return any(m.kind == "actor" and (m.name == home or _capital(m) == home) for m in found.starting(start, end))


def _capital(mention: Mention) -> str | None:
    """The state whose capital a mention names ('the government in Bamako': Mali)."""
    entry = lexicon.names().get(mention.name.lower())
    return entry.capital_of if entry is not None and entry.capital_of in lexicon.state_names() else None


def _as_state(mention: Mention) -> Mention:
    """A capital counts as a mention of its state when the story's own state is chosen."""
    state = _capital(mention)
    return replace(mention, kind="actor", name=state) if state and mention.name not in lexicon.state_names() else mention


def _most_named(mentions: list[Mention]) -> str | None:
    """The name mentioned most often, the first of them on a tie."""
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.name] = counts.get(m.name, 0) + 1
    return max(counts, key=lambda name: counts[name]) if counts else None


def home_group(state: DocState) -> str | None:
    """The armed group a story names most: who its 'guerrillas' and 'urban commandos' are."""
    return _most_named([m for m in state.mentions if m.kind == "actor" and is_irregular_group(m.name)])


def _overlaps(names: list[Mention], start: int, end: int) -> bool:
    """Whether a name overlaps ``text[start:end]``; ``names`` in text order, never overlapping."""
    index = bisect.bisect_right(names, start, key=lambda m: m.end)
    return index < len(names) and names[index].start < end


def names_in(text: str, start: int, end: int, caps: bool = False) -> list[Mention]:
    """Known names in ``text[start:end]``, longest first where they overlap."""
    table = lexicon.names()
    flat, exact = lexicon.name_pattern()
    hits = [(m.start(), m.end(), m.group().lower()) for m in flat.finditer(text, start, end)
            if (caps or not _common_word_in_lower_case(m.group())) and not _part_of_other_name(text, start, m, caps)
            and not (caps and _short_alias_never_introduced(text, m.group()))]
    hits += [(m.start(), m.end(), m.group().lower()) for m in exact.finditer(text, start, end)
             if not (caps and is_english_word(m.group()))]  # 'CAR BOMB' in capitals is no Central African Republic
    hits += [] if caps else _fuzzy_surnames(text, start, end)  # capitals say nothing of names
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out, last_end = [], -1
    for a, b, key in hits:
        if a < last_end:
            continue
        key = re.sub(r"\s+", " ", key)
        entry = table.get(key)
        if entry is None or (entry.kind == "person" and " " not in key and _another_given_name(text, a, caps)):
            continue
        out.append(_region_around(text, start, Mention(a, b, entry.kind, entry.name, entry.state), caps))
        last_end = b
    return out


def _region_around(text: str, sentence: int, mention: Mention, caps: bool) -> Mention:
    """A state's name that ends a longer region's name is that region, a place in the state the
    gazetteer puts it in ('Northern Ireland': the United Kingdom's, not Ireland; 'New Mexico')."""
    if mention.kind != "actor" or mention.name not in lexicon.state_names():
        return mention
    before = WORD_BEFORE.search(text, max(sentence, mention.start - 30), mention.start)
    if before is None or not (caps or before.group(1)[:1].isupper()):
        return mention
    region = next((r for r in regions(f"{before.group(1)} {text[mention.start:mention.end]}")
                   if r.country and r.country != mention.name), None)
    return Mention(before.start(1), mention.end, "place", region.name, region.country) if region else mention


def _part_of_other_name(text: str, sentence: int, found: re.Match, caps: bool) -> bool:
    """An organisation's alias that is only part of another name: a one-word alias beside another
    name word is a person's name ('WAGNER FREIRE', 'Richard Wagner'); an alias that opens on a
    dictionary word right after a name word is inside a longer name ('National Security Council')."""
    entry = lexicon.names().get(re.sub(r"\s+", " ", found.group().lower()))
    if entry is not None and _LINKED_BEFORE.search(text, max(sentence, found.start() - 40), found.start()):
        return True  # 'Mocimboa da Praia' is no Praia
    if entry is None or entry.kind != "actor":
        return False
    if entry.name in lexicon.state_names():
        return found.group().lower() in _common_noun_peoples() and _modifier_before(text, sentence, found.start())
    words = found.group().split()
    if len(words) == 1:
        return _name_word_before(text, sentence, found.start(), caps, _given_name) or \
            _name_word_after(text, found.end(), caps)
    return is_english_word(words[0]) and _name_word_before(text, sentence, found.start(), caps, _could_lead_name)


_LINKED_BEFORE = re.compile(r"\b[A-Z][\w'’-]+ (?:da|de|do|dos|das|di|del) $")
_WORD_AFTER = re.compile(r" ([A-Za-z][\w'’]*)\b(?![-'’])")
_NATIONAL = frozenset(lexicon.load("groups")["national_words"])
_NOT_NAME_WORDS = frozenset(lexicon.load("groups")["connectors"]) | {"nor", "the", "a", "an"}
_IDEOLOGY = re.compile(r"(?:ist|ists|ite|ites)$", re.IGNORECASE)  # 'MAOIST SHINING PATH' describes the group


def _could_lead_name(word: str, caps: bool) -> bool:
    """A word that can open a longer name before an alias: 'National', or (capitalised in mixed
    case) a word the dictionary does not know, never an ideology's adjective ('Maoist')."""
    if word.lower() in _NATIONAL:
        return True
    unknown = not is_english_word(word) and _IDEOLOGY.search(word) is None
    return unknown and not caps


def _given_name(word: str, caps: bool) -> bool:
    """A word that can be a person's given name before a surname: no dictionary word."""
    return len(word) >= 3 and not is_english_word(word) and not (not caps and word.isupper())


def _name_word_before(text: str, sentence: int, start: int, caps: bool, fits) -> bool:
    """Whether a word that goes on a name stands right before ``start``: in mixed case a capitalised
    word that does not open the sentence; in capitals a word names take ('NATIONAL') or one the
    dictionary does not know; never a known name, a possessive or a function word."""
    before = WORD_BEFORE.search(text, max(sentence, start - 30), start)
    if before is None or before.group(1).lower().endswith(("'s", "’s")) or "-" in before.group(1):
        return False
    word = before.group(1)
    shaped = caps or (word[:1].isupper() and not word.isupper() and text[sentence:before.start()].strip() != "")
    return shaped and fits(word, caps) and word.lower() not in lexicon.names() and \
        word.lower() not in _NOT_NAME_WORDS


def _name_word_after(text: str, end: int, caps: bool) -> bool:
    """Whether a person's name word (no dictionary word, no known name) follows right after ``end``."""
    after = _WORD_AFTER.match(text, end)
    if after is None:
        return False
    word = after.group(1)
    shaped = len(word) >= 3 and (caps or (word[:1].isupper() and not word.isupper()))
    return shaped and not is_english_word(word) and word.lower() not in lexicon.names() and word.lower() not in _NOT_NAME_WORDS


@cache
def _common_noun_peoples() -> frozenset[str]:
    """A people's plural that the dictionary also knows as a common noun ('poles', 'argentines')."""
    return frozenset(d for d in lexicon.demonyms() if d.endswith("s") and "NOUN" in parts_of_speech(d))


@cache
def _quantifiers() -> frozenset[str]:
    """'some', 'several': read at the first story, as importing the package should not parse the
    text lexicon (most of this module's import time)."""
    return frozenset(lexicon.load("text")["quantifiers"])


def _modifier_before(text: str, sentence: int, start: int) -> bool:
    """'POWER POLES', 'ELECTRIC POLES': a word that modifies nouns (a dictionary noun or adjective,
    not an inflected verb, a quantifier, a function or number word or a name) stands right before."""
    before = WORD_BEFORE.search(text, max(sentence, start - 30), start)
    if before is None:
        return False
    word = before.group(1).lower().split("-")[-1]
    inflected_verb = any(lemma != word for lemma in lemmas(word, "VERB"))
    plain = not is_function_or_number_word(word) and word not in _quantifiers() and word not in _NATIONAL and word not in lexicon.names() and not inflected_verb
    return plain and is_english_word(word) and bool({"NOUN", "ADJ"} & parts_of_speech(word))


def _short_alias_never_introduced(text: str, found: str) -> bool:
    """'A PARDON OR AMNESTY', 'A TOTAL AMNESTY': in capitals an organisation's one-word alias that is a
    common noun names it only in a text that gives its full name ('AMNESTY INTERNATIONAL') somewhere."""
    entry = lexicon.names().get(found.lower())
    if entry is None or entry.kind != "actor" or entry.name in lexicon.state_names() or " " in found.strip():
        return False
    return is_english_word(found) and entry.name.lower() != found.lower() and entry.name.upper() not in text


def _common_word_in_lower_case(found: str) -> bool:
    """'power poles', 'the amnesty law', 'a turkey', 'the regional security council': a name whose
    every word is an English word names nobody when mixed-case text writes it in lower case (a
    writer capitalises a proper name; in lower case it is the common noun phrase)."""
    return found.islower() and all(is_english_word(word) for word in found.split())


WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*) $")


def _another_given_name(text: str, start: int, caps: bool) -> bool:
    """'Jairo Ortega' is not Daniel Ortega: a known surname right after a name that is not the
    known person's own first name (titles such as 'President' are dictionary words)."""
    before = WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is None or before.group(1).lower().endswith(("'s", "’s")):
        return False  # "Sudan's Burhan"
    return name_like(before.group(1), caps) and not is_english_word(before.group(1))


def _fuzzy_surnames(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """'Pashnyan' for Pashinyan: capitalised words one edit away from a known surname."""
    known = lexicon.surnames()
    out = []
    for match in _CAPITALISED.finditer(text, start, end):
        word = match.group().lower()
        if word in known or word in lexicon.names():
            continue
        for surname in known:
            if surname[0] == word[0] and abs(len(surname) - len(word)) <= 1 and _one_edit(word, surname):
                out.append((match.start(), match.end(), surname))
                break
    return out


@cache
def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by at most one insertion, deletion or substitution."""
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:] or (len(a) == len(b) and a[i + 1:] == b[i + 1:])
