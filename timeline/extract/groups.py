"""Organisations and armed groups no lexicon knows, told by the shape of their names.

A group's name is a run of name words ending in a head noun from ``lexicons/groups.yaml``
('Manuel Rodriguez Patriotic Front'); an acronym in brackets right after it names it too, here and
wherever the acronym stands alone later ('... FRONT [FMLN] ... THE FMLN SAID'). In mixed-case text
the words must be capitalised; in capitals, where case says nothing, at least one must be a word the
dictionary does not know ('CINCHONERO') or two must be words names take ('NATIONAL LIBERATION
ARMY'). A state's own forces ('the Salvadoran armed forces') are not a group of their own.
"""

from __future__ import annotations

import re
from functools import cache

from . import lexicon
from .casing import is_english_word
from .phrases import phrase_after, tokens
from .state import Mention

_BRACKETED = re.compile(r"^[\[(]([A-Z][A-Z0-9-]{1,9})[\])]$")


@cache
def _data() -> dict:
    return lexicon.load("groups")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(_data()[key])


@cache
def _demonyms() -> frozenset[str]:
    """States' names and adjectives, lower-cased ('chinese', 'china')."""
    return lexicon.demonyms() | {name.lower() for name in lexicon.state_names()}


def _modifier(word: str, caps: bool) -> bool:
    """A word that can stand in a group's name before its head."""
    lower = word.lower()
    if not word[:1].isalpha():
        return False
    if caps:
        return word.isupper() and (lower in _words("name_words") or not is_english_word(word) or lower in _demonyms())
    return word[:1].isupper()


def _distinctive(words: list[str], caps: bool, fighters: bool) -> bool:
    """Enough to be a name: capitalised in mixed case; in capitals, an unknown word or two name
    words; a fighters' head ('commandos') always needs a word the dictionary does not know."""
    unknown = sum(not is_english_word(w) and w.lower() not in _demonyms() for w in words)
    if fighters:
        return unknown >= 1 and (caps or all(w[:1].isupper() for w in words))
    if not caps:
        return True
    named = sum(w.lower() in _words("name_words") for w in words)
    return unknown >= 1 or named >= 2


def _state_organ(words: list[str], head: str) -> bool:
    """'SALVADORAN ARMED FORCES', 'National Police': a state's own forces."""
    generic = _words("national_words") | _demonyms() | {"the"}
    return head.lower() in _words("state_organs") and all(w.lower() in generic for w in words)


def display(words: list[str], caps: bool) -> str:
    """The name as it should read: title case for text in capitals."""
    if not caps:
        return " ".join(words)
    if len(words) == 1 and len(words[0]) <= 6 and not is_english_word(words[0]):
        return words[0]  # an acronym: 'FPMR'
    connectors = _words("connectors")
    return " ".join(w.lower() if i and w.lower() in connectors else w[:1] + w[1:].lower() for i, w in enumerate(words))


def _name_before(found: list[tuple[int, int, str]], head: int, caps: bool) -> int | None:
    """Index of the first word of the name ending at ``head``, or None; in mixed case a lower-case
    'the' before the head opens the name ('This Thursday the Regional Commission')."""
    connectors = _words("connectors") - (set() if caps else {"the"})
    i = head - 1
    while i >= 0 and (_modifier(found[i][2], caps) or (found[i][2].lower() in connectors and i > 0
                                                        and _modifier(found[i - 1][2], caps))):
        i -= 1
    first = i + 1
    while first < head and found[first][2].lower() in _words("connectors"):
        first += 1
    return first if first < head else None


def _subject_link(found: list[tuple[int, int, str]], i: int, caps: bool) -> bool:
    """'Commission on Human Rights': in mixed case a body's name goes on through the word that names
    its subject, not into a day, a month or a known name ('the Council on Monday')."""
    if caps or found[i][2].lower() not in _words("subject_links") or i + 1 >= len(found):
        return False
    following = found[i + 1][2]
    return following[:1].isupper() and following.lower() not in _words("subject_link_not_before") and \
        following.lower() not in lexicon.names()


def _name_after(found: list[tuple[int, int, str]], head: int, caps: bool) -> int:
    """Index of the last word of a name that goes on after its head ('Army of National Liberation')."""
    i, last = head + 1, head
    while i < len(found) and (found[i][2].lower() in ("of", "for") or _subject_link(found, i, caps)):
        j = i + 1
        while j < len(found) and found[j][2].lower() in ("the", "de", "la", "del"):
            j += 1
        k = j
        while k < len(found) and _modifier(found[k][2], caps) and found[k][2].lower() not in _words("connectors"):
            k += 1
        if k == j:
            break
        last, i = k - 1, k
    return last


def _indefinite(found: list[tuple[int, int, str]], first: int | None, words: list[str]) -> bool:
    """'an urban guerrilla group', 'a leftist front': after 'a' or 'an', words the dictionary knows
    describe a group rather than name it."""
    before = found[first - 1][2].lower() if first else ""
    return before in ("a", "an") and all(is_english_word(w) or w.lower() in _demonyms() for w in words)


@cache
def _any_head() -> frozenset[str]:
    """Every head noun (a group's or fighters'): most tokens are none, and are passed over at once."""
    return _words("heads") | _words("fighter_heads")


def _group_at(found: list[tuple[int, int, str]], h: int, caps: bool) -> tuple[int, int] | None:
    """(first, last) token of the group whose head is token ``h``, or None."""
    word = found[h][2]
    fighters = word.lower() in _words("fighter_heads")
    if not (word.lower() in _words("heads") or fighters) or (not caps and not word[:1].isupper()):
        return None
    first = _name_before(found, h, caps)
    last = h if fighters else _name_after(found, h, caps)
    words = [w for _, _, w in found[first if first is not None else h:last + 1] if w.lower() != word.lower()]
    if first is None and last == h:
        return None
    if not _distinctive(words, caps, fighters) or _state_organ(words, word) or _indefinite(found, first, words):
        return None
    if fighters:  # 'MORAZANIST PATRIOTIC FRONT COMMANDOS', 'FMLN URBAN COMMANDOS': the name before
        last = h - 1
        while first is not None and last >= first and is_english_word(found[last][2]) and (
                found[last][2].lower() not in _words("heads")):
            last -= 1
        return (first, last) if first is not None and first <= last else None
    return (first if first is not None else h), last


_THE = re.compile(r"(?:the\s+)?", re.IGNORECASE)
_QUOTED = re.compile(r"\s*(?:the\s+)?[\"“]([^\"”\n]{3,60})[\"”]", re.IGNORECASE)


@cache
def _introducer() -> re.Pattern:
    """'a group calling itself', 'a gang called', 'the self-styled': the words a text puts before a
    group's name when it introduces one (``lexicons/groups.yaml``)."""
    data = _data()
    nouns = "|".join(sorted(map(re.escape, data["introducing_nouns"]), key=len, reverse=True))
    naming = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in data["naming_words"]), key=len, reverse=True))
    styled = "|".join(sorted(map(re.escape, data["self_styled"]), key=len, reverse=True))
    return lexicon.letters_first(re.compile(rf"\b(?:(?:{nouns}),?\s+(?:{naming})|(?:{styled}))\s+", re.IGNORECASE))


def introduced_groups(text: str, start: int, end: int, caps: bool) -> list[Mention]:
    """Groups a text names as it introduces them ('A GROUP CALLING ITSELF THE GERARDO BARRIOS
    COMMANDO UNIT', 'a criminal group called "Love for Medellin"'): the quoted words after the
    introducer, else the noun phrase there when it reads as a name."""
    out = []
    for found in _introducer().finditer(text, start, end):
        quoted = _QUOTED.match(text, found.end(), end)
        phrase = None if quoted else phrase_after(text, found.end(), end)
        if phrase is not None and _THE.fullmatch(text, found.end(), phrase.start) is None:
            phrase = None  # 'a gang called 8 Block': a name the phrase would cut
        a, b = quoted.span(1) if quoted else (phrase.start, phrase.end) if phrase else (0, 0)
        while b > a and text[b - 1] in ".,;: ":
            b -= 1
        words = [w for _, _, w in tokens(text, a, b) if w[:1].isalnum()]
        if words and (quoted or _reads_as_name(words, caps)):
            out.append(Mention(a, b, "actor", display(words, caps)))
    return out


_BAND_INTRODUCED = re.compile(r"\s*[\"“]?\s*$")


def introduced_band(text: str, mention: Mention) -> bool:
    """Whether the text introduces the group it names here as a band ('a criminal group called
    "Love for Medellin"'): a group of its own making, as an armed group is, whatever its name."""
    window = text[max(0, mention.start - 60):mention.start]
    found = None
    for found in _introducer().finditer(window):
        pass
    return found is not None and _BAND_INTRODUCED.fullmatch(window, found.end()) is not None


def _reads_as_name(words: list[str], caps: bool) -> bool:
    """Unquoted words after an introducer that name rather than describe ('THE ARMY CALLED THE
    ATTACK A CRIME' introduces nobody): capitalised in mixed case; in capitals, a word the
    dictionary does not know or a group's head among them."""
    if not caps:
        return words[0][:1].isupper() and words[-1][:1].isupper()
    heads = _words("heads") | _words("armed_heads")
    return any(not is_english_word(w) or w.lower() in heads for w in words)


_ACRONYM_WORD = re.compile(r"^[A-Z][A-Z0-9-]{1,9}$")


def _expanded_acronyms(text: str, found: list[tuple[int, int, str]], caps: bool) -> dict[str, str]:
    """'THE MRTA [TUPAC AMARU REVOLUTIONARY MOVEMENT]': an acronym followed by its name in brackets
    (the bracket is looked at first: few tokens are one, and this runs for every token)."""
    out = {}
    for i in [i for i, (_, _, bracket) in enumerate(found) if i and bracket[:1] in "[(" and len(bracket) > 6]:
        word, (a, b, _) = found[i - 1][2], found[i]
        if _ACRONYM_WORD.match(word) and not is_english_word(word):
            inner, _ = groups_in(text, a + 1, b - 1, caps)
            if inner and inner[0].start == a + 1:
                out[word] = inner[0].name
    return out


_QUOTES = frozenset('"“”')


def _name_shaped(inner: list[tuple[int, int, str]]) -> bool:
    """Quoted words that can be a name: no article first ('"the excessive use of force"' is a
    phrase), and capitalised but for small connecting words."""
    words = [w for _, _, w in inner]
    return words[0].lower() not in ("the", "a", "an") and all(
        w[:1].isupper() or w.lower() in _words("connectors") for w in words)


def _quoted_groups(found: list[tuple[int, int, str]]) -> dict[int, tuple[int, int]]:
    """'AN ULTRARIGHTIST "DARE-TO-DIE SQUAD"', 'THE "ATLACATL" BATTALION': words in quotes that end
    in a group's head, or that a head follows (then with a word the dictionary does not know), name
    a group whatever words they are: the text marks them as a name. Keyed by the head's token:
    (first, last) token of the name."""
    heads = _words("heads") | _words("armed_heads")
    marks = [i for i, (_, _, w) in enumerate(found) if w in _QUOTES]
    out = {}
    for opening, closing in zip(marks[::2], marks[1::2]):
        inner = found[opening + 1:closing]
        if not 1 <= len(inner) <= 6 or not all(w[:1].isalnum() for _, _, w in inner) or not _name_shaped(inner):
            continue
        after = closing + 1 if closing + 1 < len(found) and found[closing + 1][2].lower() in heads and not all(
            map(is_english_word, (w for _, _, w in inner))) else None  # 'OF "MURDERING" PARTY LEADER X' names none
        head = after if after is not None else closing - 1
        words = [w for _, _, w in inner]
        if found[head][2].lower() in heads and not _state_organ(words[:-1] if after is None else words, found[head][2]):
            out[head] = (opening + 1, head)
    return out


def _quoted_text(text: str, start: int, end: int) -> bool:
    """Whether a quotation mark stands in ``text[start:end]``: found in the text, not looked for
    token by token in the many sentences without one."""
    return any(text.find(mark, start, end) >= 0 for mark in _QUOTES)


def groups_in(text: str, start: int, end: int, caps: bool,
              found: list[tuple[int, int, str]] | None = None) -> tuple[list[Mention], dict[str, str]]:
    """Group names in ``text[start:end]`` and the acronyms they define (acronym -> name); ``found``:
    its tokens when the caller has them already."""
    found = tokens(text, start, end) if found is None else found
    out, acronyms, covered = [], dict(_expanded_acronyms(text, found, caps)), -1
    quoted = _quoted_groups(found) if _quoted_text(text, start, end) and any(w in _QUOTES for _, _, w in found) else {}
    heads = _any_head()
    for h in sorted({*quoted, *(h for h, (_, _, word) in enumerate(found) if word.lower() in heads)}):
        span = None if h <= covered else quoted.get(h) or _group_at(found, h, caps)
        if span is None:
            continue
        first, last = span
        name = display([w for _, _, w in found[first:last + 1] if w not in _QUOTES], caps)
        out.append(Mention(found[first][0], found[last][1], "actor", name))
        covered = last
        acronym = _BRACKETED.match(found[last + 1][2]) if last + 1 < len(found) else None
        if acronym:
            acronyms[acronym.group(1)] = name
    return out, acronyms


def acronyms_in(text: str, start: int, end: int, defined: dict[str, str]) -> list[Mention]:
    """Mentions of acronyms the document defined ('THE FMLN SAID')."""
    return acronyms_in_spans(text, [(start, end)], defined)


def acronyms_in_spans(text: str, spans: list[tuple[int, int]], defined: dict[str, str]) -> list[Mention]:
    """``acronyms_in`` over several spans (a document's sentences) with one pattern: building it
    per sentence from every acronym defined so far grew with the document squared."""
    if not defined:
        return []
    # a prefix tree tries the longest name first as the alternation did, in half its time
    pattern = re.compile(r"(?<![\w-])(%s)(?![\w-])" % lexicon.trie_pattern(defined, blank=" "))
    return [Mention(m.start(), m.end(), "actor", defined[m.group(1)]) for a, b in spans for m in pattern.finditer(text, a, b)]


@cache
def _head_anaphor() -> re.Pattern:
    bare = "|".join(sorted(_words("bare_head_anaphors")))
    return lexicon.letters_first(re.compile(r"\bthe\s+(%s)\b|(?<![\w-])(%s)\b" % (
        "|".join(sorted(_words("head_anaphors"))), bare), re.IGNORECASE))  # scanned through a whole document


def head_anaphors(text: str, known: list[Mention]) -> list[Mention]:
    """'the alliance' after 'the Three Brotherhood Alliance': a group's head word after 'the' is
    the group named last with that head (``known`` in text order), not an event or a new party."""
    out, last_by_head, k = [], {}, 0
    for match in _head_anaphor().finditer(text):
        while k < len(known) and known[k].start < match.start():
            mention = known[k]
            if mention.kind == "actor":
                for head in _anaphor_heads(mention.name):
                    last_by_head[head] = mention
            k += 1
        named = last_by_head.get((match.group(1) or match.group(2)).lower())
        inside = k > 0 and known[k - 1].end > match.start() or k < len(known) and known[k].start < match.end()
        if named is not None and named.end <= match.start() and not inside:
            out.append(Mention(match.start(), match.end(), "actor", named.name))
    return out


def speaks_for_state(name: str) -> bool:
    """'Turkish Ministry of Foreign Affairs': a government's own department, whose party is its state."""
    return bool(_heads_of(name) & _words("government_heads"))


@cache
def unnamed_department(name: str) -> bool:
    """'the Interior Ministry' with no state's name in it: a department of the story's own state's
    government (``home_departments``), which acts for that state, not a party of its own."""
    return lexicon.names().get(name.lower()) is None and bool(_heads_of(name) & _words("home_departments"))


@cache
def _anaphor_heads(name: str) -> frozenset[str]:
    """The heads 'the X' may take up a body by: those of its name and of its lexicon's longer names
    ('the mission' after 'UNMISS', the United Nations Mission in South Sudan), and the word before a
    name's first 'in', 'on' or 'for' ('the commission' after the National Commission on Human Rights)."""
    names = [n for n in (name, *_aliases().get(name, ())) if " " in n]
    heads = set()
    for words in (n.lower().split() for n in names):
        heads |= _heads_of(" ".join(words))
        heads |= {words[i - 1] for i in range(2, len(words)) if words[i] in _LINKS}
    return frozenset(heads)


_LINKS = frozenset({"in", "on", "for"})


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    """An organisation's other names in the lexicon, by its name."""
    return {o["name"]: tuple(o.get("aliases", ())) for o in lexicon.load("organisations")["organisations"]}


def _heads_of(name: str) -> set[str]:
    """A name's head words: its last, and the last before its first 'of' ('the commission' after
    'the Commission of Inquiry on Missing Persons')."""
    words = name.lower().split()
    heads = {words[-1]}
    if "of" in words[1:]:
        heads.add(words[words.index("of", 1) - 1])
    return heads


@cache
def _armed_names() -> frozenset[str]:
    return frozenset(o["name"] for o in lexicon.load("organisations")["organisations"] if o.get("armed"))


def is_armed_group(name: str) -> bool:
    """A known armed group, or a group no lexicon knows whose name ends in an armed head ('Front')."""
    if name in _armed_names():
        return True
    known = lexicon.names().get(name.lower())
    last = name.split()[-1].lower() if name.split() else ""
    return known is None and last in _words("armed_heads")


def is_irregular_group(name: str) -> bool:
    """An armed group that is no state's own unit: whom 'the rebels' or 'the guerrillas' can be ('the
    Atlacatl Battalion' is an army's)."""
    return is_armed_group(name) and name.split()[-1].lower() not in _words("state_unit_heads")


INSURGENTS = re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, lexicon.load("groups")["insurgents"]), key=len,
                                                       reverse=True)), re.IGNORECASE)


@cache
def _described() -> re.Pattern:
    data = _data()
    kinds = "|".join(sorted(map(re.escape, data["described_kinds"]), key=len, reverse=True))
    heads = "|".join(sorted(map(re.escape, data["described_heads"]), key=len, reverse=True))
    alone = "|".join(sorted(map(re.escape, data["described_alone"]), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:(?:(?:{kinds})[\s-]+){{1,3}}(?:{heads})|{alone})(?![\w-])", re.IGNORECASE)


def described_group(words: str, within: int | None = None) -> str | None:
    """'drug trafficking gangs', 'extreme rightist groups', 'the mafia': a group told by what it is
    rather than by a name (``lexicons/groups.yaml``), as the words say it, beginning within the
    first ``within`` characters; None for 'gunmen'."""
    found = _described().search(words)
    return found.group() if found and (within is None or found.start() < within) else None


@cache
def both_sides() -> re.Pattern:
    """'the two sides', 'both leaders', 'the allies': the sides of the fighting told last
    (``lexicons/groups.yaml`` both_sides; group 1 the noun after 'the two' or 'both')."""
    data = _data()["both_sides"]
    nouns = "|".join(map(re.escape, data["nouns"]))
    determiners = "|".join(map(re.escape, data["determiners"]))
    allies = "|".join(map(re.escape, data["allies"]))
    return re.compile(rf"\b(?:(?:{determiners})\s+({nouns})|the\s+(?:{allies}))\b", re.IGNORECASE)
