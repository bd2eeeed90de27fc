"""Speed guard: the set of characters a regex can start with, so each rule skips other positions.

Python's ``re`` scans fast when a pattern begins with a character class, but not when it begins
with ``\\b``, a lookbehind or an optional group. ``guard()`` works out the first-character set from
the parsed pattern and prepends ``(?=[...])``, which changes no match, only the speed.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover
    import sre_parse  # type: ignore[no-redef]

_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_CATEGORIES = {"CATEGORY_DIGIT": "0123456789", "CATEGORY_SPACE": " \t\n\r\f\v"}


def guard(pattern: str, flags: int) -> str:
    """``pattern`` behind a lookahead for its possible first characters (unchanged if unknown)."""
    chars, nullable = _first(list(sre_parse.parse(pattern, flags)))
    if chars is None or nullable or not chars:
        return pattern
    if flags & re.IGNORECASE:
        chars = chars | {c.upper() for c in chars} | {c.lower() for c in chars}
    body = "".join(re.escape(c) if c not in "\t\n\r\f\v" else repr(c)[1:-1] for c in sorted(chars))
    return f"(?=[{body}])(?:{pattern})"


def _first(items) -> tuple[set[str] | None, bool]:
    """First characters of a sequence, and whether the sequence can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _first_item(str(op), av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _first_item(op: str, av) -> tuple[set[str] | None, bool]:
    if op == "LITERAL":
        return {chr(av)}, False
    if op in _ZERO_WIDTH:
        return set(), True
    if op == "IN":
        return _charset(av), False
    if op == "SUBPATTERN":
        return _first(list(av[-1]))
    if op in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _high, sub = av
        chars, nullable = _first(list(sub))
        return chars, nullable or low == 0
    if op == "BRANCH":
        union: set[str] = set()
        nullable = False
        for branch in av[1]:
            chars, empty = _first(list(branch))
            if chars is None:
                return None, False
            union |= chars
            nullable = nullable or empty
        return union, nullable
    return None, False


def _charset(items) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            out.add(chr(av))
        elif name == "RANGE" and av[1] - av[0] < 256:
            out |= {chr(c) for c in range(av[0], av[1] + 1)}
        elif name == "CATEGORY" and str(av) in _CATEGORIES:
            out |= set(_CATEGORIES[str(av)])
        else:
            return None
    return out
