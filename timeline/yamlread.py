"""Reading timeline YAML: fast into plain data, carefully with a line:column mark for every node.

Three readers that give the same data (tests hold them to it): every scalar is a string, and only a
plain ``~``/``null``/empty value is ``None``, so ``date: 2023`` stays the EDTF string "2023" and a
title ``1984`` stays text; pydantic's lax mode later turns ``true``/``334``/``2024-01-31`` into
the field's type. Tags (``!!python/object``), anchors and aliases, and duplicate keys are issues.

* ``read_json``: rapidyaml parses, emits JSON, ``json`` builds the data; the fastest, taken only
  for text with nothing that needs care (see its docstring);
* ``read_ryml``: a walk over rapidyaml's tree that finds tags, anchors and duplicate keys;
* ``read_events``: PyYAML's C event parser (nothing is constructed, so no unsafe loading), which
  also records where every key and item starts; used to locate problems, and as the reader when
  rapidyaml is missing.
"""

from __future__ import annotations

import functools
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

try:  # rapidyaml is a declared dependency; the PyYAML event reader stands in if it is absent
    import ryml
except ImportError:  # pragma: no cover - exercised by tests through read_events directly
    ryml = None

_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TAG_MESSAGE = "YAML tags (such as !!python/object or !!str) are not allowed in a timeline file"
ANCHOR_MESSAGE = "YAML anchors and aliases (&name, *name) are not allowed: write the value out"
Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem found before locations are known: a data path, a message, maybe a mark."""

    path: Path_
    message: str
    mark: tuple[int, int] | None = None


def path_text(path: Path_) -> str:
    """``('events', 3, 'date')`` -> ``events[3].date``, the form messages use."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


# --- text ---------------------------------------------------------------------------------------


def decode(raw: bytes) -> tuple[str | None, Issue | None]:
    """Bytes -> text, or a located reason why the file is not UTF-8 YAML text."""
    if b"\x00" in raw[:8192]:
        return None, Issue((), "this is a binary file, not YAML text", (1, 1))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex()
        return None, Issue((), f"not UTF-8 text (byte 0x{byte}); save the file as UTF-8", (line, column))
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, Issue((), "the file is empty: a timeline needs at least an 'events:' list", (1, 1))
    return text, None


# what YAML calls non-printable (PyYAML's reader refuses them; rapidyaml reads them silently)
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def control_character(text: str) -> Issue | None:
    """An invisible control character, located: YAML forbids them, and they are mostly left by a paste."""
    found = _NON_PRINTABLE.search(text)
    if found is None:
        return None
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    more = len(_NON_PRINTABLE.findall(text)) - 1
    return Issue((), f"an invisible control character U+{ord(found.group()):04X} that YAML does not allow, "
                     f"most likely left by a copy and paste; delete it (or retype the word around it)"
                     + (f"; {more} more in the file" if more else ""), (line, column))


# --- fast reader: rapidyaml ---------------------------------------------------------------------


class YamlSyntaxError(Exception):
    def __init__(self, message: str, mark: tuple[int, int] | None):
        message += syntax_hint(message)
        super().__init__(message)
        self.issue = Issue((), message, mark)


@functools.cache
def syntax_hints() -> dict[str, dict[str, str]]:
    """yaml_hints.yaml: the parser's words -> what the editor most likely did (with an example)."""
    text = resources.files("timeline").joinpath("yaml_hints.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def syntax_hint(message: str) -> str:
    """'; likely: ...' for a parser message a person cannot act on as it stands, else ''."""
    for words, entry in syntax_hints().items():
        if words in message:
            return f"; likely: {entry['hint']}"
    return ""


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """rapidyaml prints parse errors to fd 2 before raising; hold fd 2 and replay other output."""
    try:
        saved = os.dup(2)
    except OSError:  # no fd 2 (embedded interpreters): nothing to silence
        yield
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        failed = False
        try:
            yield
        except BaseException:
            failed = True
            raise
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            if not failed:
                sink.seek(0)
                leftover = sink.read()
                if leftover:
                    os.write(2, leftover)


def read_ryml(raw: bytes) -> tuple[Any, list[Issue]]:
    """Parse with rapidyaml into plain data; tags, anchors and duplicate keys become issues."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    tree = _parse_ryml(raw)
    root = tree.root_id()
    if tree.is_stream(root):
        if tree.num_children(root) != 1:
            raise YamlSyntaxError("the file holds several YAML documents ('---'); keep one", None)
        root = tree.first_child(root)
    issues: list[Issue] = []
    return _ryml_node(tree, root, (), issues), issues


_SUSPECT = re.compile(rb"[\s\[{,][!&*]|[\s\[{,:]~[ \t]*(?:[\r\n,\]}#]|$)")
# plain scalars that rapidyaml's JSON emitter rewrites (inf -> .inf, 5. -> 5.0, Null -> "Null")
_REWRITTEN = re.compile(
    rb"[\s:\[{,][-+]?(?:\.?(?:[iI][nN][fF](?:[iI][nN][iI][tT][yY])?|[nN][aA][nN])|(?:\d+\.|\.\d+)(?:[eE][-+]?\d+)?|Null|NULL)"
    rb"(?=[ \t]*(?:[\r\n,\]}#:]|$))"
)


# YAML's escapes for U+2028 and U+2029 in double quotes: rapidyaml folds an escaped line break
# right before one into a space ("0\n\L" reads as "0 \u2028"), so text holding them is read by
# PyYAML's event reader, which reads them as YAML says
_RYML_MISREADS = re.compile(rb"\\[LP]")


def read_json(raw: bytes) -> Any | None:
    """The fastest route: rapidyaml parses and emits JSON, the json module builds the data.

    It is taken only when nothing needs the careful walk: no character that could start a tag,
    anchor or alias, no plain ``~``, no plain scalar that the JSON emitter rewrites (``inf``,
    ``nan``, ``5.``, ``.5``, ``Null``), no duplicate key. Returns None to ask for the walk. Numbers
    come back as their own text, as in the walk; only plain ``true``/``false`` become booleans,
    which a text field rejects: then ``store`` reads again with the walk, whose answer is final.
    """
    if _RYML_MISREADS.search(raw):
        return None
    if raw[:1] in (b"!", b"&", b"*") or (any(raw.find(c) >= 0 for c in (b"!", b"&", b"*", b"~")) and _SUSPECT.search(raw)):
        return None
    if _REWRITTEN.search(raw) or _REWRITTEN.match(b"\n" + raw[:40]):
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    tree = _parse_ryml(raw)
    if tree.is_stream(tree.root_id()):
        return None
    try:
        return json.loads(ryml.emit_json(tree), object_pairs_hook=_unique_keys, parse_int=str, parse_float=str)
    except ValueError:  # a duplicate key, or JSON that rapidyaml could not write
        return None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def _parse_ryml(raw: bytes) -> Any:
    """rapidyaml's tree, or a syntax problem with rapidyaml's line and column."""
    try:
        with _quiet_stderr():
            return ryml.parse_in_arena(raw)
    except Exception as exc:  # ryml raises its own ExceptionParse types
        loc = getattr(getattr(exc, "errdata_parse", None), "ymlloc", None)
        mark = (loc.line, loc.col) if loc is not None and loc.line else None
        raise YamlSyntaxError(f"YAML syntax error: {getattr(exc, 'msg', exc)}", mark) from None


_FLAGGED = 0
if ryml is not None:
    _FLAGGED = ryml.KEYTAG | ryml.VALTAG | ryml.KEYANCH | ryml.VALANCH | ryml.KEYREF | ryml.VALREF
    _TAGS, _MAP, _SEQ = ryml.KEYTAG | ryml.VALTAG, ryml.MAP, ryml.SEQ
    _QUOTED = ryml.VAL_DQUO | ryml.VAL_SQUO | ryml.VAL_LITERAL | ryml.VAL_FOLDED


def _ryml_node(tree: Any, node: int, path: Path_, issues: list[Issue]) -> Any:
    """One node (recursively) as dicts, lists, strings and None."""
    kind = tree.type(node)
    if kind & _FLAGGED:
        issues.append(Issue(path, TAG_MESSAGE if kind & _TAGS else ANCHOR_MESSAGE))
    if kind & _MAP:
        out: dict[str, Any] = {}
        child = tree.first_child(node)
        while child != ryml.NONE:
            key = _ryml_text(tree.key(child))
            if key in out:
                issues.append(Issue(path + (key,), f"duplicate key {key!r} in the same mapping"))
            out[key] = _ryml_node(tree, child, path + (key,), issues)
            child = tree.next_sibling(child)
        return out
    if kind & _SEQ:
        items = []
        child = tree.first_child(node)
        while child != ryml.NONE:
            items.append(_ryml_node(tree, child, path + (len(items),), issues))
            child = tree.next_sibling(child)
        return items
    value = tree.val(node)
    if value is None or kind & ryml.VALREF:  # an alias (already reported) stands for nothing
        return None
    text = _ryml_text(value)
    return None if not kind & _QUOTED and text in NULLS else text


def _ryml_text(view: Any) -> str:
    return "" if view is None else str(view, "utf-8")


# --- careful reader: PyYAML events, with a mark for every key and item --------------------------


class _Frame:
    __slots__ = ("value", "path", "key", "key_mark")

    def __init__(self, value: Any, path: Path_ | None):
        self.value, self.path, self.key, self.key_mark = value, path, None, None


def read_events(text: str) -> tuple[Any, list[Issue], dict[Path_, tuple[int, int]]]:
    """Parse with PyYAML's event parser (no object construction): data, issues, marks by path."""
    stack: list[_Frame] = [_Frame([], None)]  # the stream: its one document has path ()
    marks: dict[Path_, tuple[int, int]] = {(): (1, 1)}
    issues: list[Issue] = []
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_CLoader):
            documents += isinstance(event, yaml.DocumentStartEvent)
            _on_event(event, stack, marks, issues)
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError(_syntax_message(exc), _mark(exc.problem_mark or exc.context_mark)) from None
    if documents > 1:
        raise YamlSyntaxError("the file holds several YAML documents ('---'); keep one", None)
    data = stack[0].value
    return (data[0] if data else None), issues, marks


def _on_event(event: Any, stack: list[_Frame], marks: dict, issues: list[Issue]) -> None:
    """Apply one parser event to the stack of open collections."""
    if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
        frame = stack.pop()
        _attach(stack, frame.value, None, marks, issues)
        return
    if not isinstance(event, yaml.NodeEvent):
        return
    mark = _mark(event.start_mark)
    path = _child_path(stack[-1], mark, marks)
    if getattr(event, "tag", None) is not None and not _is_implicit(event):
        issues.append(Issue(path, TAG_MESSAGE, mark))
    if event.anchor is not None or isinstance(event, yaml.AliasEvent):
        issues.append(Issue(path, ANCHOR_MESSAGE, mark))
    if isinstance(event, yaml.MappingStartEvent):
        stack.append(_Frame({}, path))
    elif isinstance(event, yaml.SequenceStartEvent):
        stack.append(_Frame([], path))
    else:
        value = event.value if isinstance(event, yaml.ScalarEvent) else None
        if isinstance(event, yaml.ScalarEvent) and not event.style and value in NULLS:  # plain: None or ''
            value = None
        _attach(stack, value, mark, marks, issues)


def _is_implicit(event: Any) -> bool:
    implicit = event.implicit
    return bool(implicit[0] or implicit[1]) if isinstance(implicit, tuple) else bool(implicit)


def _child_path(frame: _Frame, mark: tuple[int, int], marks: dict) -> Path_:
    """The data path of the node that starts now inside ``frame``."""
    if frame.path is None:
        return ()
    if isinstance(frame.value, list):
        path = frame.path + (len(frame.value),)
        marks.setdefault(path, mark)
        return path
    if frame.key is None:
        return frame.path + ("<key>",)
    return frame.path + (frame.key,)


def _attach(stack: list[_Frame], value: Any, mark: tuple[int, int] | None, marks: dict, issues: list) -> None:
    """Put a finished node into its parent: a list item, a mapping key, or a mapping value."""
    frame = stack[-1]
    if isinstance(frame.value, list):
        frame.value.append(value)
        return
    if frame.key is None:
        key = value if isinstance(value, str) else str(value)
        if not isinstance(value, str) and value is not None:
            issues.append(Issue(frame.path, f"a mapping key must be plain text, not {key!r}", mark))
        key_path = frame.path + (key,)
        if key in frame.value:
            issues.append(Issue(key_path, f"duplicate key {key!r} in the same mapping", mark))
        else:
            marks[key_path] = mark or marks.get(frame.path, (1, 1))
        frame.key, frame.key_mark = key, mark
        return
    frame.value[frame.key] = value
    frame.key = None


def _mark(mark: Any) -> tuple[int, int] | None:
    return None if mark is None else (mark.line + 1, mark.column + 1)


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    """PyYAML's 'while parsing X ... expected Y' as one readable sentence."""
    problem = exc.problem or "unreadable YAML"
    if exc.context and exc.context_mark is not None and exc.context_mark != exc.problem_mark:
        return f"YAML syntax error: {problem} ({exc.context} that starts on line {exc.context_mark.line + 1})"
    return f"YAML syntax error: {problem}"


# --- load ---------------------------------------------------------------------------------------


def read(raw: bytes, text: str) -> tuple[Any, list[Issue]]:
    """Fast parse when rapidyaml is there and reads the text right, the event reader otherwise."""
    if ryml is not None and not _RYML_MISREADS.search(raw):
        return read_ryml(raw)
    data, issues, _ = read_events(text)
    return data, issues


def parse_path(text: str) -> Path_:
    """``events[3].sources[0].quote`` -> ``('events', 3, 'sources', 0, 'quote')``."""
    parts: list[str | int] = []
    for piece in text.replace("[", ".[").split("."):
        if piece.startswith("["):
            parts.append(int(piece[1:-1]))
        elif piece:
            parts.append(piece)
    return tuple(parts)
