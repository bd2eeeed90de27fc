"""Noun phrases around an event word, without a parser: the words a subject or an object is made of.

Words are told apart by closed word classes (determiners, prepositions, auxiliaries, pronouns)
and by what lemminflect's dictionary says a word can be (a verb only, or also a noun or an
adjective); a word it does not know is a name. A phrase runs over modifiers and nouns, takes one
'of' with what follows ('members of the FMLN', 'offices of the telephone company') and a bracketed
acronym ('[FMLN]'), and stops at a verb, a preposition, a pronoun or punctuation. Reading forward
gives an object; reading backward from the word gives a subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

_TOKEN = re.compile(r"\[[^\]\n]{1,40}\]|\([^)\n]{1,40}\)|\d{1,3}(?:,\d{3})+(?!\d)|(?:[A-Za-z]\.){2,}(?!\w)|[\w][\w'’.-]*[\w]|[\w]|[^\w\s]")
_QUOTES = frozenset('"“”\'')  # a verb in scare quotes: 'accused them of "murdering" X'
DETERMINERS = frozenset("""a an the this that these those its their his her our your my some several many few
    no every each any all both another other such""".split())
QUANTIFIERS = frozenset("""about around nearly almost over more than at least some approximately up to dozens
    hundreds thousands scores one two three four five six seven eight nine ten eleven twelve fifteen twenty
    thirty forty fifty hundred thousand""".split())
PREPOSITIONS = frozenset("""of in on at by for to from with into onto over under against near during after
    before since until between among through across toward towards outside inside within without via per amid
    around along behind beside beyond upon off like""".split())
AUXILIARIES = frozenset("""is are was were be been being am has have had do does did will would shall should may
    might must can could 's 're""".split())
PRONOUNS = frozenset("he she it they we i you him them us me who whom which that what whose there".split())
CONJUNCTIONS = frozenset("and or but nor yet so because although though if when while whereas".split())
ADVERBS = frozenset("""also reportedly allegedly apparently recently reported allegedly still already then later
    just even only again not never yesterday today tonight tomorrow now here there""".split())
_ACRONYM = re.compile(r"^[\[(]([A-Z][A-Z0-9.-]{1,9})[\])]$")


@dataclass(frozen=True, slots=True)
class Phrase:
    """A noun phrase: its span in the text and its words."""

    start: int
    end: int
    text: str


@cache
def parts_of_speech(word: str) -> frozenset[str]:
    """What the dictionary says a word can be ('NOUN', 'VERB', 'ADJ' ...; none for a word it lacks):
    the word classes that tell phrases apart without a parser, asked once per word as written."""
    return _parts_of_speech_lower(word.lower())


@cache
def _parts_of_speech_lower(lower: str) -> frozenset[str]:
    """``parts_of_speech`` once per word whatever its case ('KILLED', 'Killed', 'killed'): lemminflect
    deep-copies its tables per call."""
    from lemminflect import getAllLemmas

    return frozenset(getAllLemmas(lower))


def _is_verb_only(word: str) -> bool:
    tags = parts_of_speech(word)
    return "VERB" in tags and not tags & {"NOUN", "ADJ", "PROPN"}


_GERUND_BEFORE = re.compile(r"([A-Za-z]+ing)\s+$", re.IGNORECASE)


def after_gerund(text: str, position: int) -> bool:
    """A preposition right after a gerund that is only a verb ('collaborating with') belongs to
    that verb, not to an event word before it."""
    found = _GERUND_BEFORE.search(text, max(0, position - 30), position)
    return found is not None and _is_verb_only(found.group(1))


def base_verb(word: str) -> bool:
    """A verb's base form ('support', 'lay'), as after an infinitive's 'to'; 'rebels' is not."""
    lower = word.lower()
    return lower in lemmas(lower, "VERB")


def describes(phrase: Phrase) -> bool:
    """'simultaneous', 'new and brutal': words that can only be adjectives say how, not who."""
    words = [w for _, _, w in tokens(phrase.text, 0, len(phrase.text)) if w[:1].isalpha() and w.lower() != "and"]
    return bool(words) and all(parts_of_speech(w) == {"ADJ"} for w in words)


def can_qualify_noun(word: str) -> bool:
    """'armed', 'leftist', 'urban': a word that can stand before a noun to qualify it (an adjective, a
    noun that is no verb's past, or a word the dictionary does not know); 'shot' in 'the army shot
    rebels' is a verb."""
    tags = parts_of_speech(word)
    return "ADJ" in tags or ("NOUN" in tags and not is_past(word)) or not tags


def verb_form(word: str) -> bool:
    """A form of a verb ('increased', 'stepped', 'intensify'), whatever else it may also be."""
    return bool(lemmas(word.lower(), "VERB"))


_WORD_CACHE = 1 << 16  # distinct words a long document asks about: a bound, not the vocabulary of every text


@lru_cache(maxsize=_WORD_CACHE)  # asked of each word of each object phrase read
def is_past(word: str) -> bool:
    """A past form ('set', 'killed') that may also be a noun: after a head noun it starts a predicate."""
    from lemminflect import getAllInflections

    lower = word.lower()
    if "VERB" not in parts_of_speech(word):
        return False
    return lower.endswith("ed") or any(lower in getAllInflections(lemma, "VERB").get("VBD", ())
                                       for lemma in lemmas(lower, "VERB"))


@lru_cache(maxsize=_WORD_CACHE)
def lemmas(word: str, upos: str, guess: bool = False) -> tuple[str, ...]:
    """lemminflect's lemmas of a word as ``upos``: the dictionary's, or with ``guess`` its rules'
    guess for a word the dictionary lacks; asked once per word (it deep-copies its tables per call)."""
    from lemminflect import getAllLemmas, getLemma

    return tuple(getLemma(word, upos=upos)) if guess else getAllLemmas(word).get(upos, ())


@cache
def is_past_form(word: str) -> bool:
    """Whether a word is a verb's simple past and not also its base ('agreed', not 'set'): a past
    told without an auxiliary is a finite act already done."""
    from lemminflect import getInflection

    word = word.lower()
    return any(word != lemma and word in getInflection(lemma, tag="VBD") for lemma in lemmas(word, "VERB"))


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of each token in ``text[start:end]``."""
    return [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, end)]


@lru_cache(maxsize=_WORD_CACHE)  # asked of each word of each phrase read, forward and backward
def _stops(word: str) -> bool:
    """A word that cannot be inside a noun phrase."""
    lower = word.lower()
    if _ACRONYM.match(word):
        return False
    if not word[0].isalnum():
        return True
    return lower in PREPOSITIONS or lower in AUXILIARIES or lower in PRONOUNS or lower in CONJUNCTIONS or (
        lower in ADVERBS) or _is_verb_only(word) or parts_of_speech(word) == {"ADV"}


def _country_us(found: list[tuple[int, int, str]], i: int) -> bool:
    """'the US cancel', 'a US offer': in mixed-case text 'US' in capitals is the country, not the
    pronoun (in text all in capitals it stays a pronoun: 'TOLD US')."""
    if found[i][2] != "US":
        return False
    neighbours = [found[j][2] for j in (i - 1, i + 1) if 0 <= j < len(found)]
    return any(any(c.islower() for c in w) for w in neighbours)


def _stops_at(found: list[tuple[int, int, str]], i: int) -> bool:
    return _stops(found[i][2]) and not _country_us(found, i)


def _participle_modifier(found: list[tuple[int, int, str]], i: int, first: int) -> bool:
    """'three leading officials', 'the armed men': a participle right after a determiner or a
    number, before a noun, modifies it."""
    word = found[i][2].lower()
    return (i == first > 0 and word.endswith(("ing", "ed")) and i + 1 < len(found)
            and not _stops(found[i + 1][2]))


def phrase_after(text: str, position: int, end: int, limit: int = 10) -> Phrase | None:
    """The noun phrase that starts at or right after ``position`` (an object), after a day told
    between verb and object ('rejected Thursday a UN appeal')."""
    day = _WEEKDAY_AFTER.match(text, position, end)
    found = tokens(text, day.end() if day else position, end)
    i = 0
    while i < len(found) and (found[i][2].lower() in DETERMINERS or found[i][2].lower() in QUANTIFIERS
                              or found[i][2].replace(",", "").isdigit() or (i == 0 and found[i][2] in _QUOTES)):
        i += 1
    first, taken, of_used, last = i, 0, False, None
    while i < len(found) and taken < limit:
        word = found[i][2]
        lower = word.lower()
        if lower == "of" and not of_used and last is not None:
            of_used = True
            i += 1
            while i < len(found) and found[i][2].lower() in DETERMINERS:
                i += 1
            continue
        if (_stops_at(found, i) and not _participle_modifier(found, i, first)) or (
                last is not None and is_past(word) and not of_used):
            break
        last, taken, i = i, taken + 1, i + 1
    if last is None:
        return None
    a, b = found[first][0], found[last][1]
    return Phrase(a, b, text[a:b])


WEEKDAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"  # the one list of day names (case-insensitive)
_WEEKDAY = rf"{WEEKDAYS}(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY_BEFORE = re.compile(rf"\s(?:on\s+)?{_WEEKDAY}\s*$", re.IGNORECASE)
_WEEKDAY_AFTER = re.compile(rf"\s*{_WEEKDAY}\b", re.IGNORECASE)


_NOTE = re.compile(r"^\[[^\]]+\]$")


def phrase_before(text: str, position: int, start: int, limit: int = 10) -> Phrase | None:
    """The noun phrase that ends right before ``position`` (a subject), over auxiliaries and
    adverbs, and over the day told between subject and verb ('The PRC on Tuesday demanded')."""
    day = _WEEKDAY_BEFORE.search(text, max(start, position - 40), position)
    position = day.start() if day else position
    found = tokens(text, start, position)
    i = len(found) - 1
    while i >= 0 and (found[i][2].lower() in AUXILIARIES or found[i][2].lower() in ADVERBS
                      or found[i][2].lower().endswith("ly")):
        i -= 1
    last, first, taken = i, None, 0
    while i >= 0 and taken < limit:
        word, lower = found[i][2], found[i][2].lower()
        if lower == "of" and first is not None and i > 0 and not _stops(found[i - 1][2]):
            i -= 1
            continue
        if lower in DETERMINERS and first is not None and i > 0 and found[i - 1][2].lower() == "of":
            i -= 1  # 'members of the FMLN': over the determiner to 'of'
            continue
        if lower in DETERMINERS or lower in QUANTIFIERS or word.replace(",", "").isdigit():
            break
        if _NOTE.match(word) and first is not None and i > 0 and not _stops(found[i - 1][2]):
            i -= 1  # 'ELN [ARMY OF NATIONAL LIBERATION] GUERRILLAS': a bracketed note inside the phrase
            continue
        if _stops_at(found, i):
            break
        first, taken, i = i, taken + 1, i - 1
    if first is None or last < 0 or first > last:
        return None
    return Phrase(found[first][0], found[last][1], text[found[first][0]:found[last][1]])


def after_word(text: str, position: int, end: int, words: tuple[str, ...]) -> Phrase | None:
    """The phrase after the first of ``words`` ('by', 'against') found from ``position``."""
    pattern = re.compile(r"\b(?:%s)\s+" % "|".join(map(re.escape, words)), re.IGNORECASE)
    found = pattern.search(text, position, end)
    return phrase_after(text, found.end(), end) if found else None


def end_before(text: str, position: int, blanks: str = " ,") -> int:
    """Where the text before ``position`` ends once trailing ``blanks`` are dropped: a walk back
    over those characters only (slicing the text up to ``position`` costs the whole prefix)."""
    while position > 0 and text[position - 1] in blanks:
        position -= 1
    return position
