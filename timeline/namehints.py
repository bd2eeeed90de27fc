"""Why a filter on a name matched nothing: actors and places match exactly (case included), so a
researcher who types 'northern' for 'Northern Front' is shown the names the timeline does hold."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

FIELDS = {"actor": ("actors", True), "place": ("location", False)}  # option -> (column, is a list)


def near_names(given: str, known: Iterable[str], limit: int = 3) -> list[str]:
    """Names in ``known`` the user likely meant: same letters in another case, a name holding the
    given words, or a close spelling."""
    pool = sorted({name for name in known if name})
    wanted = given.casefold()
    same = [name for name in pool if name.casefold() == wanted]
    holding = [name for name in pool if wanted and wanted in name.casefold()]
    by_fold = {name.casefold(): name for name in pool}
    close = [by_fold[n] for n in difflib.get_close_matches(wanted, list(by_fold), n=limit, cutoff=0.6)]
    return (same or holding or close)[:limit]


def known_names(path: str, option: str) -> list[str]:
    """Every value of the option's field in a timeline file or a store (empty when unreadable)."""
    from .columnar import StoreError, is_store_path
    from .store import TimelineError, load

    column, is_list = FIELDS[option]
    try:
        if is_store_path(path):
            from .query import connect

            value = f"unnest({column})" if is_list else column
            with connect(path) as con:  # closed at once: the command goes on to exit 1
                return [r[0] for r in con.execute(f"SELECT DISTINCT {value} FROM events").fetchall()]
        events = load(path).timeline.events
    except (TimelineError, StoreError, OSError):
        return []
    values = [getattr(e, column) for e in events]
    return [v for vs in values for v in vs] if is_list else [v for v in values if v]


def hints(path: str, given: dict[str, list[str]]) -> list[str]:
    """One line per --actor/--place value the timeline does not hold as written."""
    lines = []
    for option, values in given.items():
        if not values:
            continue
        known = set(known_names(path, option))
        for value in values:
            if value in known:
                continue
            near = near_names(value, known)
            lines.append(f"  --{option} {value}: no {option} is named exactly so"
                         + (f"; did you mean {' or '.join(repr(n) for n in near)}?" if near
                            else f" ({len(known)} {option} names in {path}: see `timeline sql` or the app)"))
    return lines
