"""Fresh YAML written directly: a new timeline file without ruamel's round-trip machinery.

The layout is the one ``yamledit.fresh`` gives (fields in model order, defaults left out, short
lists as ``[a, b]``, relations as ``{relation: .., target: ..}``, multi-line text as a literal
block, a blank line after every document and event), built as text. A string is written plain
only when YAML 1.1 and 1.2 both read it back as that same string (PyYAML's and ruamel's
resolvers: ``yes``, ``2024-01-31``, ``1e3`` are quoted): single-quoted when it needs no escape,
else double-quoted with JSON's escapes, which YAML reads as well. ``tests/test_yamlwrite.py`` checks that every timeline reads back equal.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from typing import Any

import yaml
from pydantic import BaseModel
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from .models import Relation, Timeline

_FLOW_LIMIT = 90
_FLOW_ITEM = re.compile(r"[^\W_][\w .()'/&+-]*(?<! )\Z")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")
_RESOLVER = yaml.resolver.Resolver()
_RESOLVER_12 = VersionedResolver(version=(1, 2))
_STR = "tag:yaml.org,2002:str"
_LISTS = ("documents", "events")


def dumps(timeline: Timeline) -> str:
    """The whole timeline as a new file's text."""
    out: list[str] = []
    names = [n for n in Timeline.model_fields if n == "events" or not _default(timeline, n)]
    for name in names:
        value = getattr(timeline, name)
        if name in _LISTS:
            out.append(f"{name}:" + (" []\n" if not value else "\n"))
            for item in value:
                out += record_lines(item, "  ")
                out.append("\n")
            if name == names[-1] and value:
                out.pop()
        else:
            out += _field(name, value, "")
    return "".join(out)


def record_lines(record: BaseModel, indent: str) -> list[str]:
    """One list item (``- key: value`` lines) for a document or an event."""
    lines: list[str] = []
    for name in type(record).model_fields:
        if not _default(record, name):
            lines += _field(name, getattr(record, name), indent + "  ")
    if not lines:
        return [f"{indent}- {{}}\n"]
    lines[0] = f"{indent}- " + lines[0][len(indent) + 2:]
    return lines


def _default(record: BaseModel, name: str) -> bool:
    return getattr(record, name) == _defaults(type(record))[name]


@cache
def _defaults(model: type[BaseModel]) -> dict[str, Any]:
    """Each field's default, worked out once per model (pydantic inspects factories every call)."""
    return {name: field.get_default(call_default_factory=True) for name, field in model.model_fields.items()}


def _field(name: str, value: Any, indent: str) -> list[str]:
    if isinstance(value, list):
        return _list(name, value, indent)
    if isinstance(value, str) and "\n" in value.rstrip("\n") and _literal_ok(value):
        return _literal(name, value, indent)
    return [f"{indent}{name}: {scalar(value)}\n"]


def _list(name: str, values: list, indent: str) -> list[str]:
    if all(isinstance(v, str) and _FLOW_ITEM.match(v) for v in values) and sum(len(v) + 2 for v in values) <= _FLOW_LIMIT:
        return [f"{indent}{name}: [{', '.join(scalar(v) for v in values)}]\n"]
    lines = [f"{indent}{name}:\n"]
    for value in values:
        if isinstance(value, Relation):
            lines.append(f"{indent}  - {{relation: {scalar(value.relation)}, target: {scalar(value.target)}}}\n")
        elif isinstance(value, BaseModel):
            lines += record_lines(value, indent + "  ")
        else:
            lines.append(f"{indent}  - {scalar(value)}\n")
    return lines


def scalar(value: Any) -> str:
    """A value on one line: plain when it reads back as itself, else double-quoted."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if _plain_ok(value):
        return value
    return _single_quoted(value) if _single_ok(value) else _quoted(value)


def _plain_ok(text: str) -> bool:
    if not text or text[0] in _INDICATORS or text[0].isspace() or text[-1].isspace():
        return False
    if text.startswith(("---", "...")):  # document markers: ruamel quotes them, so the file's text agrees
        return False
    if ": " in text or " #" in text or text.endswith(":") or _UNPRINTABLE.search(text) or "\n" in text or "\r" in text \
            or "\t" in text or "\x85" in text:
        return False
    return (_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR
            and _RESOLVER_12.resolve(ScalarNode, text, (True, False)) == _STR)


def _single_ok(text: str) -> bool:
    """Single quotes say it without escapes (as ruamel writes such a string): printable, one line,
    no quote of its own and no space at either end (those go in double quotes, as ``yamledit`` writes them)."""
    return text == text.strip() and not (_UNPRINTABLE.search(text) or any(c in text for c in "'\n\r\t\x85"))


def _single_quoted(text: str) -> str:
    return f"'{text}'"


# YAML's own escapes for the breaks JSON has none for, as ruamel writes them (``yamledit``'s
# whole-file route), so that an event both write reads the same as text
_YAML_ESCAPES = {"\u2028": "\\L", "\u2029": "\\P"}  # and "\\N" for U+0085, below


def _quoted(text: str) -> str:
    escaped = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: _YAML_ESCAPES.get(m.group(), f"\\u{ord(m.group()):04x}"),
                            escaped.replace("\x85", "\\N"))


def _literal_ok(text: str) -> bool:
    return not (_UNPRINTABLE.search(text) or "\r" in text or "\x85" in text or text[0] in " \t\n")


def _literal(name: str, text: str, indent: str) -> list[str]:
    """``name: |`` and the text's lines indented under it (chomping keeps its trailing newlines)."""
    trailing = len(text) - len(text.rstrip("\n"))
    chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
    body = text[:-1] if trailing else text
    pad = indent + "  "
    return [f"{indent}{name}: |{chomp}\n"] + [f"{pad}{line}\n" if line else "\n" for line in body.split("\n")]
