"""Word lists as prefix-tree regexes, shared by the temporal tagger and the extraction lexicons."""

from __future__ import annotations

import re
from collections.abc import Iterable


def trie_regex(words: Iterable[str], blank: str = r"\s+") -> str:
    """A non-capturing regex for the words, factored as a trie so that matching never backtracks
    through hundreds of alternatives; a space in a word matches ``blank``."""
    trie: dict = {}
    for word in {w for w in words if w}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_regex(trie, blank)


def _node_regex(node: dict, blank: str) -> str:
    """Regex for a trie node; the end marker '' sorts last so longer words are tried first."""
    branches = [
        (blank if char == " " else re.escape(char)) + _node_regex(node[char], blank)
        for char in sorted(node) if char != ""
    ]
    optional = "" in node
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
    return body + "?" if optional and body.startswith("(?:") else ("(?:" + body + ")?" if optional else body)
