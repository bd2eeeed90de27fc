"""Clause stage: cut sentences at punctuation and connectives so that evidence is a clause."""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from functools import cache

from . import lexicon
from .casing import common_form, name_like
from .phrases import WEEKDAYS
from .state import Clause, DocState

# Every cut opens on a comma, semicolon, colon or blank: the look-ahead says so first, which rejects
# most positions of a sentence at once (the alternatives were tried at each: twice the time).
_PUNCT = re.compile(r"(?=[,;:\s])(?:(?<!\d)[,;:](?!\d)\s+|\s+[–—]\s+|\s+--\s+"
                    r"|(?<=\d\d\d\d),\s+(?=(?:was|were|is|are|has been|have been|had been)\s))", re.IGNORECASE)
# '230 , 000' and 'Oct . 21 , 2011' in tokenised text: one number, one date
_SPACED_NUMBER = re.compile(r"\d ?, ?(?:\d{3}(?!\d)|(?:1[89]|20)\d\d\b)")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# 'on Friday, 23 June', 'on Friday, June 23': the comma is inside one date
_WEEKDAY_DATE = re.compile(rf"{WEEKDAYS},\s+(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}\b)",
                           re.IGNORECASE)
_THAT_TIME = re.compile(r"(?:that|this) (?:day|night|morning|afternoon|evening|week|weekend|month|year|time)\b",
                        re.IGNORECASE)  # 'an attack that day': a date, not a relative clause
_THAT_EVENT = re.compile(r"that (?:attack|bombing|blast|explosion|killing|murder|massacre|raid|ambush|kidnapping|"
                         r"abduction|incident|assault|shooting|offensive|operation|crime)\b(?!\s+(?:was|is|had|has|"
                         r"will|would|could|should|may|might|must|did|does)\b)", re.IGNORECASE)
# 'blamed that attack on the cartel': a demonstrative before a violent noun, not a that-clause
_QUOTES = re.compile(r"[\"“”]")
_COORD = re.compile(r"\s(?:and|but|or|yet)\s+(?=(\w+))", re.IGNORECASE)
_POSSESSIVE = frozenset({"his", "her", "their", "its"})
AUXILIARIES = frozenset(
    """was were is are has have had will would could should may might can did does do not also even then
    later subsequently only""".split()
)
PAST_VERBS = frozenset(
    """made took went came held met shook saw said told fought struck hit began sent left gave won lost fled
    broke became stood set put led kept brought sought found spent got ran drew wrote spoke rose fell knew
    thought meant paid""".split()
)
FINITE = AUXILIARIES | PAST_VERBS


@cache
def _leads() -> re.Pattern:
    leads = lexicon.load("text")["clause_leads"]
    # a connective inside a hyphenated word ('the so-called ELN', 'a once-powerful cartel') opens no clause;
    # the leads as a prefix tree: tried after every blank of a document, the same cuts in half the time
    return re.compile(rf"\s(?=(?:{lexicon.trie_pattern(leads)})(?![\w-]))", re.IGNORECASE)


@cache
def _time_of_day_phrase() -> re.Pattern:
    """'shortly before dawn on Tuesday': a connective of time before a time of day that a day then
    places is a phrase of that day, not a clause (text.yaml time_of_day_phrase)."""
    return re.compile(lexicon.load("text")["time_of_day_phrase"]["pattern"], re.IGNORECASE)


@cache
def _adverb_leads() -> re.Pattern:
    """'have since fled', 'was once banned': an auxiliary before a connective told as an adverb
    (the match ends where the connective begins)."""
    return lexicon.letters_first(re.compile(lexicon.load("text")["adverb_leads"], re.IGNORECASE))


@cache
def sequel() -> re.Pattern:
    """'were followed today by': where a clause telling two incidents divides."""
    return lexicon.letters_first(re.compile(rf"\b{lexicon.load('text')['sequels']['pattern']}", re.IGNORECASE))


def opens_sequel(text: str, clause: Clause) -> bool:
    """A clause cut off at a sequel's verb ('... were | followed today by eight bombings')."""
    found = sequel().search(text, max(0, clause.start - 40), clause.end)
    return found is not None and found.start("verb") == clause.start


@cache
def lead_words() -> re.Pattern:
    """The opening connective of a clause, if any (for modality and ordering)."""
    leads = [*lexicon.load("text")["clause_leads"], "and then", "but then", "and", "but", "or", "then"]
    return re.compile(rf"^\W*((?:{lexicon.alternation(leads)}))(?![\w-])", re.IGNORECASE)


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside double quotation marks (straight or curly) within a sentence."""
    marks = [m.start() for m in _QUOTES.finditer(text, start, end)]
    return [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]


def _verb_like(word: str) -> bool:
    lower = word.lower()
    return lower in FINITE or (len(lower) > 4 and lower.endswith("ed"))


_CAPITAL_BEFORE = re.compile(r"(?-i:[A-Z])[\w'-]*$")
_CAPITAL_AFTER = re.compile(r"(?:(?:and|or) )?(?-i:[A-Z])")


_WORD_BEFORE = re.compile(r"([\w'-]+)$")
_WORD_AFTER = re.compile(r"(?:(?:and|or) )?([\w'-]+)", re.IGNORECASE)


def _name_list(text: str, comma: int, after: int, caps: bool = False) -> bool:
    """'Mindanao, Philippines' or 'his Greek, Cypriot and French counterparts': names, not clauses
    (also tokenised: 'Yida , South Sudan'; in capitals: 'USULUTAN, MORAZAN', not 'KILLED, THREE')."""
    end = comma - 1 if comma and text[comma - 1] == " " else comma
    if text[comma] != "," or end <= 0 or not text[end - 1].isalpha() or _opening_day(text, end, after):
        return False
    if caps:
        before, following = _WORD_BEFORE.search(text, max(0, end - 30), end), _WORD_AFTER.match(text, after)
        return bool(before and following) and name_like(before.group(1), True) and name_like(following.group(1), True)
    return (_CAPITAL_BEFORE.search(text, max(0, end - 30), end) is not None
            and _CAPITAL_AFTER.match(text, after) is not None)


_DAY_WORD = re.compile(rf"(?:{WEEKDAYS}|yesterday|today|tonight|tomorrow)$", re.IGNORECASE)
_NEXT_DAY = re.compile(rf"(?:{WEEKDAYS}|{_MONTH}(?!\w)|\d)", re.IGNORECASE)


def _opening_day(text: str, end: int, after: int) -> bool:
    """'Yesterday, Armstead said ...', 'On Monday, Lohan ...': a day word before the comma is a
    time adverbial that opens the sentence, not the first of a list of names ('Monday, Tuesday',
    'Friday, 23 June' and 'Thursday, Nov. 10' stay one phrase)."""
    return _DAY_WORD.search(text, max(0, end - 10), end) is not None and not _NEXT_DAY.match(text, after)


def _in_weekday_date(text: str, comma: int) -> bool:
    """'the attack on Friday, 23 June at the market': a comma after a weekday that a day of a
    month follows joins one date, it opens no clause."""
    before = text.rfind(" ", max(0, comma - 12), comma) + 1
    return _WEEKDAY_DATE.match(text, before) is not None


def _cuts(text: str, start: int, end: int, caps: bool = False) -> list[int]:
    """Positions (absolute) where a new clause begins inside one sentence."""
    quoted = quoted_spans(text, start, end)
    inside = lambda pos: any(a < pos < b for a, b in quoted)  # noqa: E731
    cuts = [m.end() for m in _PUNCT.finditer(text, start, end)
            if not inside(m.start()) and not _name_list(text, m.start(), m.end(), caps)
            and not _SPACED_NUMBER.match(text, max(start, m.start() - 2)) and not _in_weekday_date(text, m.start())]
    adverbs = {m.end() for m in _adverb_leads().finditer(text, start, end)}
    cuts += [m.end() for m in _leads().finditer(text, start, end)
             if not inside(m.start()) and not _THAT_TIME.match(text, m.end()) and not _THAT_EVENT.match(text, m.end())
             and m.end() not in adverbs and not _time_of_day_phrase().match(text, m.end())]
    cuts += [m.start("verb") for m in sequel().finditer(text, start, end) if not inside(m.start())]
    coordinators = list(_COORD.finditer(text, start, end))  # read twice below: scanned once
    cuts += [m.start() + 1 for m in coordinators
             if (_verb_like(m.group(1)) or m.group(1).lower() in _POSSESSIVE) and not inside(m.start())]
    cuts += [m.start() + 1 for m in coordinators
             if not inside(m.start()) and _new_subject(text, max((c for c in cuts if c <= m.start()), default=start), m, caps)]
    return sorted({c for c in cuts if start < c < end})


_WORDS = re.compile(r"[\w'-]+|[^\w\s]")
_DETERMINERS = frozenset("the a an its their his her this that these those".split())
_NO_SUBJECT = frozenset("and or but who whom whose which that where when no none nobody neither".split())
_ADVERBS = frozenset("not also even then later subsequently only".split())
_COUNTS = frozenset("one two three four five six seven eight nine ten dozens hundreds thousands several many".split())


@cache
def _reporting() -> frozenset[str]:
    """Verbs of saying, whose reported clause may open on two subjects (text.yaml new_subject)."""
    return frozenset(lexicon.load("text")["new_subject"]["reporting"])


def _finite(words: list[str], i: int, caps: bool = False) -> bool:
    """A lower-case finite verb at ``i`` ('struck', 'had', 'accused'; in capitals a dictionary word),
    not a participle after a determiner."""
    word = common_form(words[i], caps)
    return word is not None and _verb_like(word) and not (i and words[i - 1].lower() in _DETERMINERS)


def _subject_then_verb(words: list[str], caps: bool = False) -> bool:
    """A noun phrase of at most four words, then a finite verb: an auxiliary or a past form, or a
    verb in -ed after a phrase opening on a determiner or a name ('31 wounded' is elliptical)."""
    for i, word in enumerate(words):
        if not word[0].isalnum() or word.lower() in _NO_SUBJECT:
            return False  # 'X and Y who were ...', 'Mali and Niger and is ...', 'and no one was hurt': no act of its own
        if _finite(words, i, caps) and word.lower() not in _ADVERBS:
            phrase_like = words[0].lower() in _DETERMINERS or name_like(words[0], caps)
            return 0 < i <= 4 and (word.lower() in FINITE or phrase_like)
    return False


_TRUE_AUXILIARIES = AUXILIARIES - _ADVERBS  # 'was', 'had', 'would': finite whatever stands before them


@cache
def _participle_after() -> re.Pattern:
    """Words after a past form that make it a participle describing a noun ('a hearing closed to
    the public', 'talks led by the AU'; text.yaml finite_verb), compiled once."""
    return re.compile(rf"\s+(?:{lexicon.alternation(lexicon.load('text')['finite_verb']['participle_after'])})\b",
                      re.IGNORECASE)


def _past_form(text: str, words: list[re.Match], i: int) -> bool:
    """A verb in -ed told as a subject's act: not after a determiner, a count or an adverb in -ly,
    not hyphenated and not followed by 'by' or 'to' (a participle describing the noun before it)."""
    word, before = words[i].group(0).lower(), words[i - 1].group(0).lower()
    return (len(word) > 4 and word.endswith("ed") and "-" not in word and before not in _DETERMINERS
            and not before.endswith("ly") and not before[0].isdigit() and before not in _COUNTS
            and _participle_after().match(text, words[i].end()) is None)


def holds_finite_verb(text: str, start: int, end: int, caps: bool = False) -> bool:
    """'after the army declared a truce', 'after the war broke out': a subject and its finite verb
    after the opening word make a clause, not a prepositional phrase ('after the talks', 'in a
    hearing closed to the public'); in capitals a dictionary word is read as its lower-case form."""
    words = [m for m in _WORDS.finditer(text, start, end) if m.group(0)[0].isalnum()]
    for i in range(1, len(words)):
        word = common_form(words[i].group(0), caps)
        if word and (word in _TRUE_AUXILIARIES or word in PAST_VERBS or _past_form(text, words, i)):
            return True
    return False


def holds_verb(text: str, start: int, end: int, caps: bool = False) -> bool:
    """A clause with a verb of its own, finite or not: the finite-verb test, or a participle in
    '-ed' or '-ing' anywhere (', killing two', 'At dawn, shelling began'), which a clause cut off
    at a comma tells its own time by; a bare date phrase holds neither."""
    words = [common_form(w, caps) for w in _WORDS.findall(text, start, end)]
    return holds_finite_verb(text, start, end, caps) or any(w and len(w) > 4 and w.endswith(("ed", "ing")) for w in words)


def _new_subject(text: str, left: int, coord: re.Match, caps: bool = False) -> bool:
    """'... recalled its envoy, and the army shelled the town', '... were killed and thousands have
    fled': a coordinator between a clause with a finite verb (not one of saying) and a new subject
    followed by its own finite verb joins two clauses, each its own event; 'leaders of the two
    states and their envoys met' joins two subjects of one verb."""
    before = _WORDS.findall(text[left:coord.start()])
    verbs = [w for i, w in enumerate(before) if _finite(before, i, caps)]
    if not verbs or verbs[-1].lower() in _reporting():
        return False
    return _subject_then_verb(_WORDS.findall(text[coord.end():coord.end() + 80])[:6], caps)


def clauses_of(text: str, start: int, end: int, sentence: int, caps: bool = False) -> list[Clause]:
    """The clauses of one sentence, each with its opening connective."""
    bounds = [start, *_cuts(text, start, end, caps), end]
    out = []
    for a, b in zip(bounds, bounds[1:]):
        a, b = _strip(text, a, b)
        if b > a:
            lead = None if _THAT_TIME.match(text, a) else lead_words().match(text[a:b])  # 'That month, ...': a date
            out.append(Clause(a, b, sentence, sys.intern(lead.group(1).lower()) if lead else ""))  # one 'and' for all
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim blanks and trailing commas/semicolons; keep quotation marks and full stops."""
    while start < end and text[start] in " \t\n":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:":
        end -= 1
    return start, end


def split_clauses(state: DocState, options) -> DocState:
    """Stage: every sentence cut into clauses."""
    clauses: list[Clause] = []
    for number, (start, end) in enumerate(state.sentences):
        clauses += clauses_of(state.text, start, end, number, state.caps)
    return replace(state, clauses=clauses)
