"""Load the timex rules (``rules/*.yaml``) and compile them once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import yaml

from ..packaged import load_yaml
from .firstchar import guard
from .lexicon import RULES_DIR, expand
from .normalise import NORMALISERS

RULE_FILES = ("dates.yaml", "relative.yaml", "times.yaml")
TYPES = ("DATE", "TIME", "DURATION", "SET")


class RuleError(ValueError):
    """A rule file entry that cannot be used; the message names the rule."""


@dataclass(frozen=True)
class Rule:
    """One named pattern with its normaliser and the example that tests it."""

    name: str
    type: str
    regex: re.Pattern
    norm: str
    priority: int
    args: dict = field(default_factory=dict)
    example: dict = field(default_factory=dict)
    keys: tuple[str, ...] = ()
    counterexamples: tuple[str, ...] = ()
    join: bool = False  # the pattern is what may stand between two neighbouring matches it joins

    @property
    def contextual(self) -> bool:
        """True when the pattern reads words around the timex (its span is group 't')."""
        return "t" in self.regex.groupindex


def _compile(entry: dict, priority: int) -> Rule:
    name = entry.get("name", f"#{priority}")
    if entry.get("type") not in TYPES or entry.get("norm") not in NORMALISERS:
        raise RuleError(f"rule {name}: needs a type in {TYPES} and a known norm, got {entry}")
    try:
        regex = re.compile(guard(expand(entry["pattern"]), re.IGNORECASE), re.IGNORECASE)
    except (re.error, KeyError) as exc:
        raise RuleError(f"rule {name}: bad pattern ({exc})") from None
    keys = tuple(str(k) if str(k).isupper() else str(k).lower() for k in entry.get("keys") or ())
    if not keys:
        raise RuleError(f"rule {name}: needs keys (words or classes one of which every match contains)")
    return Rule(name, entry["type"], regex, entry["norm"], priority, entry.get("args") or {},
                entry.get("example") or {}, keys, tuple(entry.get("counterexamples") or ()),
                bool(entry.get("join")))


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """All rules in file order; earlier rules win ties between equally long matches."""
    compiled: list[Rule] = []
    for filename in RULE_FILES:
        with open(RULES_DIR / filename, encoding="utf-8") as handle:
            try:
                entries = load_yaml(handle) or []
            except yaml.YAMLError as exc:
                raise RuleError(f"{filename}: not valid YAML ({exc})") from None
        for entry in entries:
            compiled.append(_compile(entry, len(compiled)))
    names = [r.name for r in compiled]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise RuleError(f"duplicate rule names: {sorted(duplicates)}")
    return tuple(compiled)


def join_rules() -> tuple[Rule, ...]:
    """The rules that join two neighbouring matches into one expression."""
    return tuple(rule for rule in rules() if rule.join)


@lru_cache(maxsize=1)
def literal_keys() -> frozenset[str]:
    """The literal key words of all rules (the classes come from the lexicon)."""
    return frozenset(k for rule in rules() for k in rule.keys if not k.isupper())
