"""Word lists for the timex rules, loaded from ``rules/lexicon.yaml`` and turned into regex macros."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..packaged import load_yaml
from ..trie import trie_regex

RULES_DIR = Path(__file__).with_name("rules")


@lru_cache(maxsize=1)
def lexicon() -> dict:
    """The lexicon as plain dicts (lower-case keys), read once."""
    with open(RULES_DIR / "lexicon.yaml", encoding="utf-8") as handle:
        data = load_yaml(handle)
    data["numbers"] = {**_compound_numbers(data), **data["numbers"]}
    return data


def _compound_numbers(data: dict) -> dict[str, int]:
    """'twenty-five' and 'twenty five' -> 25, so rules need not list every number word."""
    out: dict[str, int] = {}
    for ten, tv in data["tens"].items():
        for unit, uv in data["units_digits"].items():
            out[f"{ten}-{unit}"] = tv + uv
            out[f"{ten} {unit}"] = tv + uv
    return out


def alternation(words) -> str:
    """A word list as one regex (lower-cased; a space matches any run of blanks on the line)."""
    return trie_regex((str(w).lower() for w in words), blank=r"[ \t]+")


# 'May' is a month only with its capital ('May', 'MAY'): 'COVID-19 may require', 'this may change'.
_MAY = "(?-i:May|MAY)"


def _month_alternation(names) -> str:
    """Month words; abbreviations may carry a full stop ('Sept.', tokenised 'Nov .'), and so may
    'May' in a header's run of abbreviations ('Fri., May. 3, 2013'), as 'June.' already can."""
    parts = sorted((n for n in names if n != "may"), key=len, reverse=True)
    stop = r"(?:[ \t]?\.)?"
    return "(?:" + "|".join([p if len(p) > 4 else p + stop for p in parts] + [_MAY + stop]) + ")"


def _month_names(names) -> str:
    """Full month names, 'May' with its capital only."""
    return f"(?:{alternation(n for n in names if n != 'may')}|{_MAY})"


def _dayname(lx: dict) -> str:
    """A weekday before a date: its name, or a capitalised short form ('Thu', 'FRI.')."""
    short = sorted(lx["weekday_abbreviations"], key=len, reverse=True)
    forms = "|".join([w.capitalize() for w in short] + [w.upper() for w in short])
    return rf"(?:{alternation(lx['weekdays'])}|(?-i:{forms})(?:[ \t]?\.)?)"


@lru_cache(maxsize=1)
def macros() -> dict[str, str]:
    """Named regex fragments that rule patterns use as ``{NAME}``."""
    lx = lexicon()
    plural_units = [u for u in lx["units"] if u.endswith("s") and u != "weekends"]
    return {
        "MONTH": _month_alternation(lx["months"]),
        "MONTHN": _month_names(lx["month_names"]),
        "WEEKDAY": alternation(lx["weekdays"]),
        "DAYNAME": _dayname(lx),
        "SEASON": alternation(lx["seasons"]),
        "PART": alternation(lx["day_parts"]),
        "UNIT": alternation(lx["units"]),
        "UNITS": alternation(plural_units),
        "UNIT1": alternation(u for u in lx["units"] if not u.endswith("s")),
        "NUMW": alternation(lx["numbers"]),
        "NUM": r"(?:(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,4})(?:\.\d+)?(?![\d,])|" + alternation(lx["numbers"]) + ")",
        "ORD": alternation(lx["ordinals"]),
        "QWORD": alternation(lx["quarter_words"]),
        "SHIFT": alternation(lx["shifts"]),
        "COUNTWORD": alternation(lx["count_words"]),
        "SEASONNOUN": alternation(lx["season_nouns"]),
        "MONTHNOUN": alternation(lx["month_nouns"]),
        "NAMENOUN": alternation(lx["name_nouns"]),
        "SWORD": alternation(lx["s_words"]),
        "HOLIDAY": alternation(lx["holidays"]),
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:])",
        "YEAR": r"(?:1[0-9]\d\d|20\d\d)(?![\d%])",
        "YEAR2": r"(?:'\d\d|\d\d)(?![\d%])",
        "SP": r"[ \t]+",
        "COMMA": r"(?:[ \t]?,)?[ \t]+",  # ', ' or a tokenised ' , '
        "SPN": r"\s+",
        "COLON": r"[ \t]?:[ \t]?",  # '10:30' or a tokenised '10 : 30'
        "AMPM": r"(?:[ap]\.?m\.?(?![a-z])|[ap][ \t]\.[ \t]m(?![a-z]))",  # 'p.m.', 'PM', tokenised 'p . m'
        "ZONE": "(?-i:" + "|".join(sorted((z.upper() for z in lx["time_zones"]), key=len, reverse=True)) + ")",
    }


def expand(pattern: str) -> str:
    """Replace ``{NAME}`` macros in a rule pattern (regex counts like ``{1,2}`` are left alone)."""
    table = macros()
    return re.sub(r"\{([A-Z][A-Z0-9]*)\}", lambda m: table[m.group(1)], pattern)


def lookup(table: str, word: str):
    """Value of a word in a lexicon table, ignoring case, blanks and a trailing full stop."""
    key = re.sub(r"\s+", " ", word.lower().rstrip(". \t"))
    return lexicon()[table].get(key)
