"""The extraction lexicons (YAML files in ``lexicons/``), loaded once and compiled to regexes."""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ..packaged import load_yaml
from ..trie import trie_regex

LEXICON_DIR = Path(__file__).with_name("lexicons")
_ACRONYM = re.compile(r"^[A-Z.]{2,6}$|^(?=[A-Za-z]{2,5}$)[A-Z][a-z]*[A-Z][A-Za-z]*$")  # 'FMLN', 'LeT': matched by case


class LexiconError(ValueError):
    """A lexicon file that cannot be used; the message names the file and the entry."""


@cache
def load(name: str) -> dict:
    """One lexicon file as plain data."""
    path = LEXICON_DIR / f"{name}.yaml"
    try:
        with open(path, encoding="utf-8") as handle:
            return load_yaml(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: {exc}") from None


def words(pattern: str) -> str:
    """Wrap a pattern so it only matches whole words."""
    return rf"(?<![\w-])(?:{pattern})(?![\w-])"


def alternation(names) -> str:
    """Escaped names, longest first, blanks matching any run of blanks."""
    parts = sorted({n for n in names if n}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


def trie_pattern(names, blank: str = r"\s+") -> str:
    """The names as a prefix tree regex: one branch per letter, so matching never backtracks far
    (a blank in a name matches ``blank``)."""
    return trie_regex(names, blank)


def compile_rules(entries: list[dict], key: str = "pattern") -> re.Pattern:
    """One alternation with a named group per entry (``r0``, ``r1`` ...), case-insensitive.

    The word-boundary checks sit outside the alternation so that positions inside words are
    rejected once, not once per rule (this is most of the speed on a large corpus); the letters
    the rules can open on are tested first (``letters_first``: a tenth off each sentence's scan),
    and at a word start the openings of their matches (``openings_first``: half off the scan).
    """
    try:
        groups = "|".join(f"(?P<r{i}>{e[key]})" for i, e in enumerate(entries))
        return letters_first(re.compile(rf"(?<![\w-]){openings_first(groups)}(?:{groups})(?![\w-])", re.IGNORECASE))
    except (re.error, KeyError) as exc:
        raise LexiconError(f"bad pattern in lexicon: {exc}") from None


@dataclass(frozen=True, slots=True)
class Name:
    """What a surface name stands for."""

    kind: str  # actor | person | place
    name: str
    state: str | None = None  # person's state, place's country, organ's state
    capital_of: str | None = None  # set for a capital used as a metonym


@cache
def names() -> dict[str, Name]:
    """Every surface name (lower-cased) -> what it stands for; people and places included."""
    table: dict[str, Name] = {}
    for place in load("gazetteer")["places"]:
        for alias in [place["name"], *place.get("aliases", [])]:
            table[alias.lower()] = Name("place", place["name"], place.get("country"))
    for state in load("states")["states"]:
        table[state["capital"].lower()] = Name("place", state["capital"], state["name"], state["name"])
        for alias in [state["name"], *state.get("aliases", []), *state.get("demonyms", [])]:
            table[alias.lower()] = Name("actor", state["name"], state["name"])
    for org in load("organisations")["organisations"]:
        for alias in [org["name"], *org.get("aliases", [])]:
            table[alias.lower()] = Name("actor", org["name"], org.get("state"))
    for person in load("people")["people"]:
        for alias in [person["name"], *person.get("aliases", [])]:
            table[alias.lower()] = Name("person", person["name"], person.get("state"))
    return table


@cache
def name_pattern() -> tuple[re.Pattern, re.Pattern]:
    """(case-insensitive names, case-sensitive acronyms) as two compiled alternations."""
    all_names = _surface_names()
    acronyms = [n for n in all_names if _ACRONYM.match(n)]
    others = [n for n in all_names if not _ACRONYM.match(n)]
    flat = re.compile(words(trie_pattern(n.lower() for n in others)), re.IGNORECASE)
    exact = re.compile(words(trie_pattern(acronyms)))
    return flat, exact


def _surface_names() -> list[str]:
    out: list[str] = []
    for place in load("gazetteer")["places"]:
        out += [place["name"], *place.get("aliases", [])]
    for state in load("states")["states"]:
        out += [state["name"], state["capital"], *state.get("aliases", []), *state.get("demonyms", [])]
    for org in load("organisations")["organisations"]:
        out += [org["name"], *org.get("aliases", [])]
    for person in load("people")["people"]:
        out += [person["name"], *person.get("aliases", [])]
    return out


@cache
def surnames() -> dict[str, str]:
    """Single-word person names of 6+ letters -> canonical name, for typo-tolerant matching."""
    out: dict[str, str] = {}
    for person in load("people")["people"]:
        for alias in [person["name"], *person.get("aliases", [])]:
            last = alias.split()[-1]
            if len(last) >= 6:
                out[last.lower()] = person["name"]
    return out


@cache
def state_names() -> frozenset[str]:
    """The states' own names as states.yaml writes them ('China')."""
    return frozenset(s["name"] for s in load("states")["states"])


@cache
def demonyms() -> frozenset[str]:
    """The words for a state's people or adjective, lower-cased ('chinese', 'poles'), never a state's
    own name."""
    names = {name.lower() for name in state_names()}
    return frozenset(d.lower() for s in load("states")["states"] for d in s.get("demonyms", [])) - names


@cache
def coordinates() -> dict[str, tuple[float, float]]:
    """Canonical place or state name -> (lat, lon)."""
    out = {p["name"]: (p["lat"], p["lon"]) for p in load("gazetteer")["places"]}
    out.update({s["name"]: (s["lat"], s["lon"]) for s in load("states")["states"]})
    return out


def country_of(place: str | None) -> str | None:
    """The state a place lies in ('Abqaiq' -> 'Saudi Arabia'); a state is its own country."""
    if place is None:
        return None
    entry = names().get(place.lower())
    return entry.state if entry is not None and entry.kind == "place" and entry.state else place


@cache
def conflict_parties() -> dict[str, list[str]]:
    """Contested region -> the sides a clash there stands for."""
    return {p["name"]: p["parties"] for p in load("gazetteer")["places"] if p.get("parties")}


def openings(pattern: str, length: int, runs: bool = False) -> frozenset[str]:
    """Lower-cased openings of up to ``length`` characters that every match of the pattern begins
    with, so a matcher can skip the rules that cannot start where it stands; a shorter opening
    stands for any continuation ('' for anything). A superset: look-arounds are ignored, and what
    cannot be told (classes such as \\w, characters beyond ASCII, whose case folding the regex
    engine judges) opens on anything from there on; with ``runs``, a run of word characters
    (``\\w+``) stands in an opening as the one character ``RUN`` (``runs_first``)."""
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return frozenset({""})
    return frozenset(_openings(list(parsed), length, runs))


def letters_first(pattern: re.Pattern) -> re.Pattern:
    """The same pattern behind a look-ahead for the letters its matches can begin with: a scan
    then rejects most positions with one test instead of trying each alternative there (twice
    as fast for a long alternation after a word boundary); unchanged when any start is possible."""
    letters = openings(pattern.pattern, 1)
    if "" in letters:
        return pattern
    return re.compile(rf"(?=(?i:[{''.join(map(re.escape, sorted(letters)))}]))(?:{pattern.pattern})", pattern.flags)


_GUARD_DEPTH = 12  # characters of a rule alternation's openings tested before it (4: a tenth slower)


def openings_first(pattern: str) -> str:
    """A look-ahead for the openings of the pattern's matches as one prefix tree, to stand before
    it: most words open none of a long alternation's rules and are left at once, where the
    alternation tried each rule there ('' when a match may open on anything)."""
    found = openings(pattern, _GUARD_DEPTH)
    return "" if "" in found else f"(?={trie_regex(found, ' ')})"


RUN = "\x00"  # a run of word characters (``\\w+``) in the openings ``runs_first`` reads


def runs_first(pattern: str) -> str:
    """``openings_first`` for rules that may open on any word ('\\w+-day strike'), which have no
    openings: a run of word characters stands in them as itself, so the guard still leaves at once
    the words that are neither a listed opening nor a run followed by what the rule wants after it.
    The run is matched possessively (the same words, no backtracking) when no opening goes on with
    a word character after it."""
    found = openings(pattern, _GUARD_DEPTH, runs=True)
    if "" in found:
        return ""
    after = {opening[n + 1:n + 2] for opening in found for n, char in enumerate(opening) if char == RUN}
    run = r"\w+" if any(re.match(r"\w", char) for char in after) else r"\w++"
    return f"(?={trie_regex(found, ' ').replace(re.escape(RUN), run)})"


_WORD_CLASS = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_WORD)])]


def _openings(items: list, length: int, runs: bool = False) -> set[str]:
    if length == 0 or not items:
        return {""}
    (op, arg), rest = items[0], items[1:]
    if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
        return _openings(rest, length, runs)
    if op is _sre.SUBPATTERN:
        return _openings(list(arg[3]) + rest, length, runs)
    if op is _sre.BRANCH:
        return set().union(*(_openings(list(alternative) + rest, length, runs) for alternative in arg[1]))
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        least, most, item = arg  # what follows a repeated item is not looked at: its openings stand for any
        if runs and op is _sre.MAX_REPEAT and least >= 1 and list(item) == _WORD_CLASS:
            return {RUN + tail for tail in _openings(rest, length - 1, runs)}  # '\\w+': the run, then what follows it
        if most == 1:  # '(?:the )?capture of': read on past an item told once at most ('the capture of', not 'the ')
            return _openings(list(item) + rest, length, runs) | (_openings(rest, length, runs) if least == 0 else set())
        return _openings(list(item), length, runs) | (_openings(rest, length, runs) if least == 0 else set())
    chars = _literal_chars(op, arg)
    if chars is None:
        return {""}
    tails = _openings(rest, length - 1, runs)
    return {char + tail for char in chars for tail in tails}


def _literal_chars(op, arg) -> set[str] | None:
    """The lower-cased ASCII characters one literal or class stands for; None for anything else."""
    if op is _sre.LITERAL:
        chars = {chr(arg)}
    elif op is _sre.IN:
        chars = set()
        for item_op, item in arg:
            if item_op is _sre.LITERAL:
                chars.add(chr(item))
            elif item_op is _sre.RANGE and item[1] < 128:
                chars |= {chr(c) for c in range(item[0], item[1] + 1)}
            else:
                return None
    else:
        return None
    return {c.lower() for c in chars} if all(c.isascii() for c in chars) else None
