"""A plain-text table of the timeline for the terminal (``timeline show``).

Rows are sorted by earliest date; an event with no lower bound (unknown date, or ``../2024-01-31``)
sorts first, as "some time before"; ties by latest date, then by their order in the file.
Columns shrink to fit the width (100 by default): actors, then ids and types give way first.
A date keeps its whole interval until the other columns are at their minimum, and a cut id keeps
its end (the evidence tag of an extracted id), so two cut ids never look the same.
"""

from __future__ import annotations

import datetime as dt

from .models import Event, Timeline

HEADERS = ("id", "date", "precision", "type", "title", "actors")
_COMFORT = {"id": 18, "date": 22, "precision": 9, "type": 10, "title": 24, "actors": 12}
_HARD = {"id": 10, "date": 10, "precision": 5, "type": 8, "title": 16, "actors": 6}
_SHRINK_ORDER = ("actors", "id", "type", "title", "precision", "date")


def sort_key(indexed: tuple[int, Event]) -> tuple:
    """Earliest first (open start before everything), then latest (open end last), then file order."""
    n, event = indexed
    bounds = event.bounds
    lo = bounds.earliest or dt.date.min
    hi = bounds.latest or dt.date.max
    return (lo, hi, n)


def rows(timeline: Timeline) -> list[tuple[str, ...]]:
    """One tuple of cell texts per event, in display order."""
    out = []
    for _, event in sorted(enumerate(timeline.events), key=sort_key):
        date = (event.date or "?") + ("*" if event.date_inferred else "")
        out.append((event.id, date, event.bounds.precision, event.type, event.title, ", ".join(event.actors)))
    return out


def _widths(table: list[tuple[str, ...]], width: int) -> list[int]:
    """Natural column widths, shrunk until the row fits ``width``: first down to comfortable
    sizes (actors first, title last), then down to the bare minimum."""
    widths = [max(len(r[i]) for r in table) for i in range(len(HEADERS))]
    excess = sum(widths) + 2 * (len(HEADERS) - 1) - width
    for floor in (_COMFORT, _HARD):
        for name in _SHRINK_ORDER:
            i = HEADERS.index(name)
            cut = min(max(excess, 0), max(0, widths[i] - floor[name]))
            widths[i] -= cut
            excess -= cut
    return widths


_ID_TAIL = 7  # "-3kx9qa": the evidence tag that tells extracted ids apart


def _cell(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _id_cell(text: str, width: int) -> str:
    """An id cut in the middle, so its distinguishing end stays readable (and greppable)."""
    if len(text) <= width:
        return text.ljust(width)
    tail = min(_ID_TAIL, (width - 1) // 2)
    return text[: width - 1 - tail] + "…" + text[len(text) - tail:]


def render(timeline: Timeline, width: int = 100) -> str:
    """The table as text, with a header rule and a footnote for inferred dates."""
    return render_rows(rows(timeline), width, any(e.date_inferred for e in timeline.events))


def render_rows(body: list[tuple[str, ...]], width: int = 100, inferred: bool = False) -> str:
    """Cell rows (from a timeline or a store query) as the table."""
    table = [HEADERS] + body
    widths = _widths(table, width)
    cells = [_id_cell] + [_cell] * (len(HEADERS) - 1)
    lines = ["  ".join(f(c, w) for f, c, w in zip(cells, row, widths)).rstrip() for row in table]
    lines.insert(1, "  ".join("-" * w for w in widths))
    if inferred:
        lines.append("* date inferred, not stated in the text")
    return "\n".join(lines)
