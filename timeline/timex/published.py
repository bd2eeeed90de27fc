"""Find a document's publication date in its own text: headers, datelines, JSON or HTML metadata.

A document without one gets None, and relative expressions then stay unresolved (never "today").
"""

from __future__ import annotations

import datetime as dt
import re

_HEAD_CHARS = 3000
_HEAD_LINES = 12
_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T\d.*)?$")  # a day, or a clock time on one
_CUE = re.compile(
    r"\b(?:updated|published|posted|last[ \t]+modified|first[ \t]+published|date(?:line)?|issued|"
    r"released|pub(?:lication)?[ \t]*date)\b[ \t]*(?:on|at|:|=)?[ \t]*", re.IGNORECASE)
_JSON_KEY = re.compile(
    r'"(?:datePublished|dateCreated|published|pubDate|publication_date|date)"[ \t]*:[ \t]*"'
    r'(\d{4}-\d{2}-\d{2})', re.IGNORECASE)
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z .'()/-]{1,60},[ \t]*(?P<rest>[^\n]{4,40}?)[ \t]*(?:--|—|–|\(|\[| - )")
_HTML = re.compile(r"<(?:html|head|meta|body|article)\b", re.IGNORECASE)
# A news address's dated path: '/2013/05/03/', also tokenised ('/ 2013 / 05 / 03 /') or '/2013-05-03-'.
_URL_DAY = re.compile(r"(?:https?|www)[^\n]{0,200}?/[ \t]*(?P<y>(?:19|20)\d\d)[ \t]*(?P<sep>[/-])[ \t]*"
                      r"(?P<m>[01]?\d)[ \t]*(?P=sep)[ \t]*(?P<d>[0-3]?\d)(?!\d)", re.IGNORECASE)


def find_published(text: str) -> dt.date | None:
    """The publication date stated in the text's header or metadata, or None."""
    if not text:
        return None
    head = text[:_HEAD_CHARS]
    for finder in (_from_json, _from_cue, _from_html, _from_dateline, _from_date_line, _from_url):
        found = finder(text if finder is _from_html else _before_dateline(head) if finder is _from_cue else head)
        if found is not None:
            return found
    return None


def _first_day(fragment: str) -> dt.date | None:
    """The first full calendar date our own tagger finds in a short fragment."""
    from . import tag  # late import: the tagger package imports this module's siblings

    for timex in tag(fragment):
        found = _DAY_VALUE.match(timex.value)
        if found and timex.type in ("DATE", "TIME"):
            return dt.date(int(found[1]), int(found[2]), int(found[3]))
    return None


def _from_json(head: str) -> dt.date | None:
    found = _JSON_KEY.search(head)
    return _first_day(found.group(1)) if found else None


def _before_dateline(head: str) -> str:
    """The head up to a dated wire dateline: a cue after it ('[ISSUED IN] EL SALVADOR, 15 MARCH
    1990' closing a short communique) dates the text quoted, not the report."""
    offset = 0
    for line in head.splitlines(keepends=True):
        found = _DATELINE.match(line)
        if found and _first_day(found.group("rest")) is not None:
            return head[:offset]
        offset += len(line)
    return head


def _from_cue(head: str) -> dt.date | None:
    """'Updated on 2024-01-31', 'Published: March 5, 2023', 'Date: 12 May 2022'."""
    for found in _CUE.finditer(head):
        line_end = head.find("\n", found.end())
        day = _first_day(head[found.end():line_end if line_end >= 0 else None][:60])
        if day is not None:
            return day
    return None


def _from_html(text: str) -> dt.date | None:
    """HTML metadata, read by htmldate (only for text that looks like HTML)."""
    if not _HTML.search(text[:_HEAD_CHARS]):
        return None
    try:
        from htmldate import find_date

        found = find_date(text, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises assorted errors on broken markup; no date then
        return None
    return dt.date.fromisoformat(found) if found else None


def _lines(head: str) -> list[str]:
    return [line for line in head.splitlines() if line.strip()][:_HEAD_LINES]


def _from_dateline(head: str) -> dt.date | None:
    """'SAN SALVADOR, 3 JAN 90 -- ...' or 'MOSCOW, March 5, 2023 (AP) -'."""
    for line in _lines(head):
        found = _DATELINE.match(line)
        if found:
            day = _first_day(found.group("rest"))
            if day is not None:
                return day
    return None


# A place heading a date line: one to five capitalised words ('DURROW PROVINCE', 'Port of Spain').
_PLACE_HEAD = re.compile(r"^(?:(?:[A-Z][\w'.-]*|of|the|de|del|la|el|al|upon)[ \t]+){0,4}[A-Z][\w'.-]*[ \t]*,[ \t]*")


def _from_date_line(head: str) -> dt.date | None:
    """A line near the top that is nothing but a date ('Friday, January 4, 2019'), or a date after
    the place it was filed from ('DURROW PROVINCE, JANUARY 1, 2020', a wire header with no agency)."""
    for line in _lines(head):
        stripped = _PLACE_HEAD.sub("", line.strip(), count=1)
        if len(stripped) <= 40:
            day = _first_day(stripped)
            if day is not None and len(re.sub(r"[\W\d_]", "", stripped)) <= 20:
                return day
    return None


def _from_url(head: str) -> dt.date | None:
    """The day in a news address near the top ('ktla.com/2013/05/03/lohan-...'), the last resort."""
    for line in _lines(head)[:3]:
        found = _URL_DAY.search(line)
        if found:
            try:
                return dt.date(int(found["y"]), int(found["m"]), int(found["d"]))
            except ValueError:
                return None
    return None


_CLOSING_CHARS = 80  # a signature line: '[DATED] 30 JUNE 1989, EL SALVADOR', 'THE EXTRADITABLES, 30 MARCH 1990'
_CLOSING_REACH = 7  # days: a statement read out or printed within the week it was signed


def find_closing_date(text: str, published: dt.date | None) -> dt.date | None:
    """The day a statement quoted whole was signed, from its closing line ('[SIGNED] FMLN
    GENERAL COMMAND, 17 JULY 1989'): a short last line that holds a full date and few other
    words, up to a week before publication. Its 'today' is that day, not the broadcast's."""
    if not text or published is None:
        return None
    last = next((line.strip() for line in reversed(text.splitlines()) if line.strip()), "")
    if len(last) > _CLOSING_CHARS or not re.search(r"\b(?:19|20)\d\d\b", last):
        return None
    day = _first_day(last)
    if day is None or not 0 < (published - day).days <= _CLOSING_REACH:
        return None
    return day
