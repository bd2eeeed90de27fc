"""What a relative expression resolves against: publication date, mode and last mentioned date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import alternation, lexicon

_EXPLICIT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


_SENTENCE_BREAK = re.compile(r"[.!?][\"”’')\]]*\s+[A-Z\"“]|\n")  # 'plans." Earlier' ends a sentence too


def _break_between(text: str, start: int, end: int) -> bool:
    """A sentence ends between two offsets, also right before ``end`` (a span that opens its
    sentence: the capital the break needs is the span's own first letter; round 20)."""
    return bool(_SENTENCE_BREAK.search(text, start, min(len(text), end + 1)))


# A participle right after 'be' is a passive infinitive: 'will be buried' takes the modal's tense.
# 'since' looks back as a past form does: 'threats since May' (said in December) is this May.
_PAST_CORE = r"was|were|had|did|said|since|\w{3,}ed"


@lru_cache(maxsize=1)
def _past_re() -> re.Pattern:
    """Past cues: 'was', '-ed' forms and the irregular past forms of lexicon.yaml ('won', 'took');
    a form right after 'be' or another state verb ('will be held', 'will stay closed') is no tense
    of its own and takes the modal's."""
    forms = alternation(lexicon()["past_forms"])
    return re.compile(rf"(?<![\w'])(?:{_PAST_CORE}|{forms})(?![\w'])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _no_tense_before() -> frozenset[str]:
    """Words after which a past form is no tense: state verbs ('will stay closed') and
    determiners or prepositions before an adjective ('a count of damaged buildings')."""
    return frozenset(w.lower() for w in lexicon()["state_verbs"] + lexicon()["adjective_openers"])


_HAVE = re.compile(r"(?<![\w'])(?:have|has|had|'ve)(?!\w)", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"(?:^|[^\w'])([\w']+) $")


# An '-ed' form right after the verb a modal or 'to' governs modifies its object ('will publish
# revised forecasts', 'agreed to free detained activists'): an adjective, no past tense.
_OBJECT_AFTER_MODAL = re.compile(r"(?<![\w'])(?:will|'ll|shall|to)[ \t]+[a-z]+[ \t]+$")


def _past_cues(clause: str) -> list[int]:
    """Where the past forms of a clause start, leaving out those that are no tense of their own."""
    skip = _no_tense_before()
    out = []
    for found in _past_re().finditer(clause):
        before = _WORD_BEFORE.search(clause, max(0, found.start() - 16), found.start())
        if before is not None and before.group(1).lower() in skip:
            continue
        if found.group().lower().endswith("ed") and _OBJECT_AFTER_MODAL.search(clause, max(0, found.start() - 30), found.start()):
            continue
        out.append(found.start())
    return out


@lru_cache(maxsize=1)
def _future_re() -> re.Pattern:
    """Future cues, but not 'next to', 'next door', 'the next highest', 'coming to power', 'must have'."""
    return re.compile(r"(?<![\w'])" + alternation(lexicon()["future_cues"] + lexicon()["schedule_cues"])
                      + r"(?!\w)(?!(?<=next)[ \t]+(?:to|door|\w+est)\b)(?!(?<=coming)[ \t]+to\b)"
                      + r"(?!(?<=must)[ \t]+have\b)",
                      re.IGNORECASE)


def _future_cues(clause: str) -> list[tuple[int, int]]:
    """Where the future cues of a clause start, as (offset, +1); right after a past auxiliary
    ('was expected to pass late Wednesday', 'were scheduled for Friday') a cue looks ahead from
    a past moment (0), as 'would' does."""
    past_auxiliaries = _past_auxiliaries()
    out = []
    for found in _future_re().finditer(clause):
        before = _WORD_BEFORE.search(clause, max(0, found.start() - 16), found.start())
        out.append((found.start(), 0 if before and before.group(1).lower() in past_auxiliaries else 1))
    return out


@lru_cache(maxsize=1)
def _past_auxiliaries() -> frozenset[str]:
    """Auxiliaries after which a future cue looks ahead from a past moment."""
    return frozenset(w.lower() for w in lexicon()["past_auxiliaries"])


@lru_cache(maxsize=1)
def _ahead_of_past_re() -> re.Pattern:
    """'would', 'could', 'agreed to' ... and the modal 'may' in lower case ('May' is the month)."""
    return re.compile(r"(?<![\w'])(?:" + alternation(lexicon()["ahead_of_past_cues"]) + r"|(?-i:may))(?!\w)",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _deadline_cue_re() -> re.Pattern:
    """Requests and expectations that look ahead to a deadline ('asked ... by the end of the month')."""
    return re.compile(r"(?<![\w'])(?:" + alternation(lexicon()["deadline_cues"]) + r")(?!\w)", re.IGNORECASE)


# A deadline's word right before the span, or before a clock the span gives its day ('until 6 a.m.
# on Sunday'); 'to' only as the end an extension reaches ('extended the warning to noon Tuesday').
_DEADLINE_BEFORE = re.compile(
    r"\b(?:by|before|until|till|to|no[ \t]+later[ \t]+than)[ \t]+"
    r"(?:(?:\d{1,2}(?:[:.]\d\d)?[ \t]*(?:[ap]\.?m\.?)|noon|midnight)[ \t]+(?:on[ \t]+)?)?$", re.IGNORECASE)


DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # a value to the day, no time
# A year BC is reckoned with as the year 5000 - Y, so that later is larger and the calendar's
# arithmetic holds: 'the following year' after 480 BC is 479 BC, 'September' after August 480 BC
# is September 480 BC. Values come back as TimeML writes them (BC0479, BC0480-09).
_BC_PROXY = 5000
_BC_VALUE = re.compile(r"^BC(\d{4})(?:-(\d{2}))?$")
_PROXY_VALUE = re.compile(r"^([34]\d{3})(?=$|-)|^[34]\d{1,2}$")


def bc_proxy(value: str) -> tuple[dt.date, str] | None:
    """The stand-in date of a year or month BC ('BC0480-08'), with its granularity."""
    found = _BC_VALUE.match(value)
    if not found or not 0 < int(found[1]) <= _BC_PROXY - 3000:  # only stand-ins 3000-4999 are read back as BC
        return None
    month = int(found[2]) if found[2] else None
    if month is not None and not 1 <= month <= 12:
        return None
    return dt.date(_BC_PROXY - int(found[1]), month or 1, 1), "month" if month else "year"


def from_bc_proxy(value: str) -> str:
    """A value reckoned from a stand-in year written as a year BC; a decade or century of one
    stays unknown (TimeML's BC048 is not the stand-in's decade)."""
    found = _PROXY_VALUE.match(value)
    if found is None:
        return value
    if found[1] is None:
        return "X" * len(value)
    return f"BC{_BC_PROXY - int(found[1]):04d}{value[4:]}"
_AFTER = re.compile(r"\bafter\b", re.IGNORECASE)
# A clause of its own opens between a cue and a span: its own verb, after the span, tells the tense.
_SUBORDINATE = re.compile(r"\b(?:after|when|because|once|while)\b", re.IGNORECASE)
# ... unless a coordinated clause opens first: its cue is its own ('were hurt when a bus hit a wall
# early on Monday, and the road will stay shut' is last Monday, whatever 'hit' says).
_COORDINATED = re.compile(r",[ \t]+(?:and|but|while|whereas)[ \t]", re.IGNORECASE)


@lru_cache(maxsize=1)
def _said_before() -> re.Pattern:
    """A verb of saying just before a day ('officials said Wednesday', 'told reporters on Friday')."""
    verbs = alternation(lexicon()["speech_verbs"])
    return re.compile(rf"\b(?:{verbs})(?:[ \t]+(?-i:[a-z]+)){{0,2}}?[ \t]+(?:on[ \t]+)?$", re.IGNORECASE)


# A 'when' clause right after a year, or a noun the year dates ('in 2019, when', 'the 2024 protests, when').
_WHEN_AFTER_YEAR = re.compile(r"(?:[ \t]+(?-i:[a-z][\w'-]*)){0,3}[ \t]*,?[ \t]+when\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _label_of() -> re.Pattern:
    """A determiner or possessive, a noun and 'of' right before a day ('the interview of'), not a
    noun of time or share that makes the day the story's own (rules/lexicon.yaml, not_label_nouns)."""
    return re.compile(r"(?:\b(?:the|a|an|its|his|her|their|this|that)|(?-i:[A-Za-z]+)'s)[ \t]+(?:(?-i:[a-z]+)[ \t]+)?"
                      rf"(?!(?:{alternation(lexicon()['not_label_nouns'])})\b)(?-i:[a-z]+)[ \t]+of[ \t]+$", re.IGNORECASE)


_SINCE_BEFORE = re.compile(r"\bsince(?:[ \t]+[\w,]+){1,3}[ \t]*$", re.IGNORECASE)


@dataclass
class Context:
    """Reference dates for one document; ``last`` moves as dates are mentioned."""

    text: str
    published: dt.date | None
    mode: str = "news"
    last: tuple[dt.date, str] | None = None
    last_day: dt.date | None = None
    last_past_day: dt.date | None = None  # the last day mentioned that is not after the report's
    last_at: int = 0  # where the last date remembered ends
    bc: bool = False  # the story is told in years before the common era
    stated: tuple[dt.date, int] | None = None  # last date written with its year, and where it ends
    year_said: tuple[int, int] | None = None  # last year written out (alone or in a date), and where it ends
    last_clock: tuple[str, str, int] | None = None  # the last clock time's day, 'HH:MM' and where it ends
    last_period: tuple[str, int] | None = None  # the last month, quarter, half or season of a year told, and where it ends
    _cues: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # deciding cue per span, read once

    def deictic(self) -> tuple[dt.date, str] | None:
        """'yesterday', 'last week': the publication date in news, the story's date in narrative."""
        if self.mode == "narrative" and self.last is not None:
            return self.last
        return (self.published, "day") if self.published else None

    def anaphoric(self, fine: bool = False, span: tuple[int, int] | None = None) -> tuple[dt.date, str] | None:
        """'the following day': the last mentioned date, else the publication date. ``fine``
        asks for the last date mentioned to the day, for day-sized steps in news; told in the
        past (``span``'s clause), that is the last day mentioned up to the report's, not a day
        ahead that an earlier sentence announced ('is to take effect on December 10. ... were
        released later the same day'); a day ahead told in the same sentence stays the anchor
        ('asked the workers to strike on 1 November beginning at 0600')."""
        if fine and self.mode == "news" and self.last_day is not None:
            if (span and self.published and self.last_day > self.published and self.last_past_day
                    and _break_between(self.text, self.last_at, span[0]) and self.tense(*span) < 0):
                return self.last_past_day, "day"
            return self.last_day, "day"
        if self.last is not None:
            return self.last
        return (self.published, "day") if self.published else None

    def told(self, fine: bool = False, span: tuple[int, int] | None = None) -> tuple[dt.date, str] | None:
        """What 'two days earlier' or 'the day before' steps from: a date the story told (see
        ``anaphoric``); in news that told none, nothing: the report's day is no event's."""
        if self.mode == "news" and self.last is None:
            return None
        return self.anaphoric(fine, span)

    def stated_nearby(self, start: int) -> dt.date | None:
        """A date written with its year earlier in the same sentence ('killed June 24, 2005 while
        investigating a June 20 shooting'): a bare day-month there takes its year, not the news's."""
        if self.stated is None or self.stated[1] > start:
            return None
        return None if _break_between(self.text, self.stated[1], start) else self.stated[0]

    def story_day_before_report(self) -> dt.date | None:
        """The last day told, when it is before the report's and the story's own day, not the
        start of a stretch reaching to now ('has fallen since Friday')."""
        day = self.last_day
        if day is None or self.published is None or day >= self.published:
            return None
        return None if _SINCE_BEFORE.search(self.text, max(0, self.last_at - 40), self.last_at) else day

    def year_said_nearby(self, start: int) -> int | None:
        """A year written earlier in the same sentence ('Ludendorff wrote on the fighting in 1917,
        "The 25th of August concluded..."'): in a narrative a bare day or month takes it."""
        if self.year_said is None or self.year_said[1] > start:
            return None
        return None if _break_between(self.text, self.year_said[1], start) else self.year_said[0]

    def when_year(self, start: int) -> int | None:
        """A 'when' clause right after a year tells of that year ('killed during the 2019 floods,
        when the river burst its banks on 3 May'): a bare day or month in it, in news too, takes it."""
        said = self.year_said
        if said is None or said[1] > start or _break_between(self.text, said[1], start):
            return None
        found = _WHEN_AFTER_YEAR.match(self.text, said[1])
        if found is None or found.end() > start or ";" in self.text[found.end():start]:
            return None
        return said[0]

    def year_ref(self, start: int) -> tuple[dt.date, str] | None:
        """'that year', 'October of that year', 'the following year': the year last written, even
        in passing ('the siege dragged on into 1711. In May of that year'), when it came after the date
        that anchors the story; else the anchor."""
        said = self.year_said
        if said is not None and self.last_at <= said[1] <= start and 0 < said[0]:
            return dt.date(said[0], 1, 1), "year"
        return self.anaphoric()

    def quoted_speech_day(self, start: int) -> dt.date | None:
        """Inside a quotation (on the same line) in news, the day last mentioned before it, when
        that is before the report's day: what a speaker calls 'now' or 'today' is the day the
        words were said ('Heller argued [Thursday]: "She's in rehab right now"')."""
        if self.mode != "news" or self.last_day is None or self.published is None:
            return None
        if self.last_day >= self.published:
            return None
        line = self.text[self.text.rfind("\n", 0, start) + 1:start]
        inside = line.count("“") > line.count("”") or line.count('"') % 2 == 1
        return self.last_day if inside else None

    def year_anchor(self) -> dt.date | None:
        """The date whose year a bare 'March 5' takes."""
        ref = self.deictic() if self.mode == "news" else self.anaphoric()
        return ref[0] if ref else None

    def clause(self, start: int, end: int) -> tuple[str, int, int]:
        """The text around a span, cut at sentence or line ends (not at an abbreviation's full
        stop: 'Calif., on Thursday'), and the span's place in it."""
        lo, hi = max(0, start - 150), min(len(self.text), end + 60)
        window = self.text[lo:hi]
        left, right = start - lo, end - lo
        cut = max((m.start() for m in _SENTENCE_BREAK.finditer(window, 0, left + 1)), default=-1)
        stop = _SENTENCE_BREAK.search(window, right)
        return window[cut + 1:stop.start() if stop else None], left - cut - 1, right - cut - 1

    def _deciding_cue(self, start: int, end: int) -> tuple[int, int] | None:
        """The tense cue that decides for a span, as (offset, +1 future, -1 past or 0 ahead of a
        past moment): the nearest before it in its clause, else the first after it; it depends on
        the text alone, so each span's is read once."""
        if (start, end) not in self._cues:
            self._cues[start, end] = self._read_cue(start, end)
        return self._cues[start, end]

    def _read_cue(self, start: int, end: int) -> tuple[int, int] | None:
        """The tense cue of the clause around a span, uncached."""
        clause, left, right = self.clause(start, end)
        cues = _future_cues(clause)
        cues += [(start, -1) for start in _past_cues(clause)]
        cues += [(m.start(), 0) for m in _ahead_of_past_re().finditer(clause)]
        if _DEADLINE_BEFORE.search(clause, max(0, left - 36), left):  # 'asked donors for funds by the end of the month'
            cues += [(m.start(), 0) for m in _deadline_cue_re().finditer(clause)]
        before = [c for c in cues if c[0] < left]
        after = sorted(c for c in cues if c[0] >= right)
        if before and after and _SUBORDINATE.search(clause, max(before)[0], left) \
                and not _COORDINATED.search(clause, right, after[0][0]):
            return after[0]  # 'expects a smaller harvest after a dry autumn delayed the sowing'
        if before:
            return max(before)
        return after[0] if after else None

    def tense(self, start: int, end: int) -> int:
        """+1 when the clause speaks of the future, -1 of the past, 0 when it does not say: the
        nearest cue before the span decides ('said Friday that talks will resume' is past),
        else the first one after it."""
        cue = self._deciding_cue(start, end)
        return cue[1] if cue else 0

    def looks_back(self, stretch: str, or_modal: bool = False) -> bool:
        """Whether a stretch of words has a past cue (or, with ``or_modal``, a 'could', 'would'):
        for a clause the span opens, which ``tense`` would read across its whole sentence."""
        return bool(_past_cues(stretch)) or (or_modal and bool(_ahead_of_past_re().search(stretch)))

    def ahead_of_past(self, start: int, end: int) -> bool:
        """The clause looks ahead from a past moment ('said the bridge would reopen Thursday'):
        the day may lie on either side of the report."""
        cue = self._deciding_cue(start, end)
        return cue is not None and cue[1] == 0

    def untold(self, start: int, end: int) -> bool:
        """The clause around a span has no tense cue at all ('Monday is a rest day', 'a trial runs
        until Friday'): nothing says which side of the report its day lies on. A form of 'have'
        may be a perfect whose participle no cue names ('must have left on Friday'): not untold."""
        return self._deciding_cue(start, end) is None and not _HAVE.search(self.clause(start, end)[0])

    def future(self, start: int, end: int) -> bool:
        """The clause around a span speaks of the future (see ``tense``)."""
        return self.tense(start, end) > 0

    def background_day(self, value: str, start: int) -> bool:
        """A day told in an 'after' clause (with its own verb) of a sentence that has already told
        its own day ('regained control on Monday after officers seized it late Sunday'), or as the
        day it was told on ('clashed on Tuesday night, officials said Wednesday'), is background:
        what follows is still told of the sentence's day."""
        if self.mode != "news" or self.last_day is None or not DAY_VALUE.match(value):
            return False
        if self.last_at > start or _break_between(self.text, self.last_at, start):
            return False
        if _said_before().search(self.text, max(self.last_at, start - 40), start):
            return True  # 'clashed on Tuesday night, officials said Wednesday': the day of telling
        after = _AFTER.search(self.text, self.last_at, start)
        return after is not None and bool(_past_cues(self.text[after.end():start]))  # a clause, not 'after the 7 May quake'

    def label_day(self, value: str, start: int) -> bool:
        """A day that names a thing after a story's day was told ('the broadcast of October 3, 2024',
        'the ruling of 12 May'): a label, not the day what follows is told of."""
        if self.mode != "news" or self.last_day is None or not DAY_VALUE.match(value):
            return False
        return bool(_label_of().search(self.text, max(0, start - 30), start))

    def remember(self, value: str) -> None:
        """Make an explicit date the reference for later anaphoric expressions."""
        if value.startswith("BC"):
            self.bc = True
            self.last = bc_proxy(value) or self.last
            return
        found = _EXPLICIT.match(value)
        if found:
            self.bc = False
            year, month, day = found.groups()
            gran = "day" if day else "month" if month else "year"
            try:
                self.last = (dt.date(int(year), int(month or 1), int(day or 1)), gran)
                if day:
                    self.last_day = self.last[0]
                    if self.published is None or self.last_day <= self.published:
                        self.last_past_day = self.last_day
            except ValueError:
                pass
            return
        week = _WEEK.match(value)
        if week:
            self.last = (dt.date.fromisocalendar(int(week[1]), int(week[2]), 1), "week")
