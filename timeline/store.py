"""events.yaml on disk: fast load with line marks, every problem at once, round-trip atomic save.

Loading parses with rapidyaml (C++, ~40x faster than PyYAML's C loader) into plain data in which
every scalar stays a string (only a plain ``~``/``null``/empty value is ``None``); pydantic's lax
mode turns ``true``/``334``/``2024-01-31`` into the field's type, so ``date: 2023`` stays the EDTF
string "2023" and a title ``1984`` stays text. Line and column marks cost nothing on the fast
path: only when something is wrong is the text re-read with PyYAML's C event parser, which gives
a mark for every key and item, and the problems are located with it. The same event reader is the
fallback when rapidyaml is missing, so both readers share one meaning (tested against each other).

Saving loads the file again with ruamel.yaml's round-trip loader and edits it in place: untouched
events keep their nodes (comments, quotes, key order), changed events get only their changed keys
replaced, new ones are appended. The bytes go to a temp file in the same folder, are fsynced, and
replace the original with ``os.replace`` only if the file still has the digest it was loaded with.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from .models import Document, Event, Relation, Source, Timeline

try:  # rapidyaml is a declared dependency; the PyYAML event reader stands in if it is absent
    import ryml
except ImportError:  # pragma: no cover - exercised by tests through _read_events directly
    ryml = None

_CLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
TAG_MESSAGE = "YAML tags (such as !!python/object or !!str) are not allowed in a timeline file"
ANCHOR_MESSAGE = "YAML anchors and aliases (&name, *name) are not allowed: write the value out"
Path_ = tuple[str | int, ...]


# --- problems ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a timeline, located as precisely as the text allows."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        parts = [p for p in (where, self.path) if p]
        return ": ".join(parts + [self.message])


class TimelineError(Exception):
    """A timeline that cannot be used; ``problems`` lists everything wrong, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class ConcurrentModificationError(TimelineError):
    """The file changed on disk since it was loaded: saving would lose someone's edit."""


@dataclass
class Loaded:
    timeline: Timeline
    path: Path
    digest: str


@dataclass(frozen=True, slots=True)
class _Issue:
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


def digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# --- text ---------------------------------------------------------------------------------------


def _decode(raw: bytes) -> tuple[str | None, _Issue | None]:
    """Bytes -> text, or a located reason why the file is not UTF-8 YAML text."""
    if b"\x00" in raw[:8192]:
        return None, _Issue((), "this is a binary file, not YAML text", (1, 1))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        byte = raw[exc.start : exc.start + 1].hex()
        return None, _Issue((), f"not UTF-8 text (byte 0x{byte}); save the file as UTF-8", (line, column))
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        return None, _Issue((), "the file is empty: a timeline needs at least an 'events:' list", (1, 1))
    return text, None


# --- fast reader: rapidyaml ---------------------------------------------------------------------


class _SyntaxProblem(Exception):
    def __init__(self, message: str, mark: tuple[int, int] | None):
        super().__init__(message)
        self.issue = _Issue((), message, mark)


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


def _read_ryml(raw: bytes) -> tuple[Any, list[_Issue]]:
    """Parse with rapidyaml into plain data; tags, anchors and duplicate keys become issues."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    tree = _parse_ryml(raw)
    root = tree.root_id()
    if tree.is_stream(root):
        if tree.num_children(root) != 1:
            raise _SyntaxProblem("the file holds several YAML documents ('---'); keep one", None)
        root = tree.first_child(root)
    issues: list[_Issue] = []
    return _ryml_node(tree, root, (), issues), issues


_SUSPECT = re.compile(rb"[\s\[{,][!&*]|[\s\[{,:]~[ \t]*(?:[\r\n,\]}#]|$)")


def _read_json(raw: bytes) -> Any | None:
    """The fastest route: rapidyaml parses and emits JSON, the json module builds the data.

    It is taken only when nothing needs the careful walk: no character that could start a tag,
    anchor or alias, no plain ``~``, no duplicate key. Returns None to ask for the walk. JSON
    types plain numbers and booleans, which a numeric field accepts as the walk's string would;
    if anything does not validate, ``loads`` reads again with the walk, whose answer is final.
    """
    if raw[:1] in (b"!", b"&", b"*") or (any(raw.find(c) >= 0 for c in (b"!", b"&", b"*", b"~")) and _SUSPECT.search(raw)):
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    tree = _parse_ryml(raw)
    if tree.is_stream(tree.root_id()):
        return None
    try:
        return json.loads(ryml.emit_json(tree), object_pairs_hook=_unique_keys)
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
        raise _SyntaxProblem(f"YAML syntax error: {getattr(exc, 'msg', exc)}", mark) from None


_FLAGGED = 0
if ryml is not None:
    _FLAGGED = ryml.KEYTAG | ryml.VALTAG | ryml.KEYANCH | ryml.VALANCH | ryml.KEYREF | ryml.VALREF
    _TAGS, _MAP, _SEQ = ryml.KEYTAG | ryml.VALTAG, ryml.MAP, ryml.SEQ
    _QUOTED = ryml.VAL_DQUO | ryml.VAL_SQUO | ryml.VAL_LITERAL | ryml.VAL_FOLDED


def _ryml_node(tree: Any, node: int, path: Path_, issues: list[_Issue]) -> Any:
    """One node (recursively) as dicts, lists, strings and None."""
    kind = tree.type(node)
    if kind & _FLAGGED:
        issues.append(_Issue(path, TAG_MESSAGE if kind & _TAGS else ANCHOR_MESSAGE))
    if kind & _MAP:
        out: dict[str, Any] = {}
        child = tree.first_child(node)
        while child != ryml.NONE:
            key = _ryml_text(tree.key(child))
            if key in out:
                issues.append(_Issue(path + (key,), f"duplicate key {key!r} in the same mapping"))
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


def _read_events(text: str) -> tuple[Any, list[_Issue], dict[Path_, tuple[int, int]]]:
    """Parse with PyYAML's event parser (no object construction): data, issues, marks by path."""
    stack: list[_Frame] = [_Frame([], None)]  # the stream: its one document has path ()
    marks: dict[Path_, tuple[int, int]] = {(): (1, 1)}
    issues: list[_Issue] = []
    documents = 0
    try:
        for event in yaml.parse(text, Loader=_CLoader):
            documents += isinstance(event, yaml.DocumentStartEvent)
            _on_event(event, stack, marks, issues)
    except yaml.MarkedYAMLError as exc:
        raise _SyntaxProblem(_syntax_message(exc), _mark(exc.problem_mark or exc.context_mark)) from None
    if documents > 1:
        raise _SyntaxProblem("the file holds several YAML documents ('---'); keep one", None)
    data = stack[0].value
    return (data[0] if data else None), issues, marks


def _on_event(event: Any, stack: list[_Frame], marks: dict, issues: list[_Issue]) -> None:
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
        issues.append(_Issue(path, TAG_MESSAGE, mark))
    if event.anchor is not None or isinstance(event, yaml.AliasEvent):
        issues.append(_Issue(path, ANCHOR_MESSAGE, mark))
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
            issues.append(_Issue(frame.path, f"a mapping key must be plain text, not {key!r}", mark))
        key_path = frame.path + (key,)
        if key in frame.value:
            issues.append(_Issue(key_path, f"duplicate key {key!r} in the same mapping", mark))
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


# --- validation ---------------------------------------------------------------------------------

_MESSAGES = {
    "missing": "required field is missing",
    "string_type": "must be text",
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "list_type": "must be a list, e.g. [Armenia, Russia] or one '- item' per line",
    "model_type": "must be a mapping of fields (key: value lines)",
    "model_attributes_type": "must be a mapping of fields (key: value lines)",
    "dict_type": "must be a mapping of fields (key: value lines)",
    "string_too_short": "must not be empty",
    "date_from_datetime_inexact": "must be a date like 2024-01-31 (no time of day)",
}


def _message(error: dict, model_fields: list[str]) -> str:
    """Pydantic's error as a plain-English sentence."""
    kind, value = error["type"], error.get("input")
    if kind == "extra_forbidden":
        field = str(error["loc"][-1])
        near = difflib.get_close_matches(field, model_fields, n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"allowed: {', '.join(model_fields)}"
        return f"unknown field {field!r}; {hint}"
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a valid id: use lower-case words and digits joined by hyphens, e.g. azerbaijan-attack"
    if kind == "literal_error":
        return f"{value!r} is not one of: {error['ctx']['expected'].replace(' or ', ', ')}"
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return _MESSAGES.get(kind, f"{value!r} is not a date like 2024-01-31")
    if kind in ("value_error", "assertion_error"):
        return str(error["ctx"].get("error", error["msg"])) if "ctx" in error else error["msg"]
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        words = {"greater_than_equal": "at least", "less_than_equal": "at most"}.get(kind, kind.replace("_", " "))
        limit = next(iter(error.get("ctx", {}).values()), "")
        return f"{value} is out of range: must be {words} {limit}"
    return _MESSAGES.get(kind, error["msg"])


_NESTED: dict[str, type[BaseModel]] = {"documents": Document, "events": Event, "sources": Source, "relations": Relation}


def _fields_at(loc: tuple) -> list[str]:
    """Field names of the record at a location, for 'did you mean' hints."""
    model: type[BaseModel] = Timeline
    for part in loc[:-1]:
        if isinstance(part, str) and part in _NESTED:
            model = _NESTED[part]
    return list(model.model_fields)


def _validate(data: Any) -> tuple[Timeline | None, list[_Issue]]:
    """Plain data -> Timeline, or every schema problem as an issue."""
    if not isinstance(data, dict):
        found = {list: "a list", str: "a single text value"}.get(type(data), "nothing usable")
        return None, [_Issue((), f"the top level must be a mapping (title:, documents:, events:, rejected:), not {found}")]
    try:
        return Timeline.model_validate(data), []
    except ValidationError as exc:
        return None, [_Issue(tuple(e["loc"]), _message(e, _fields_at(tuple(e["loc"])))) for e in exc.errors()]


# --- load ---------------------------------------------------------------------------------------


def _read(raw: bytes, text: str) -> tuple[Any, list[_Issue]]:
    """Fast parse when rapidyaml is there, the event reader otherwise."""
    if ryml is not None:
        return _read_ryml(raw)
    data, issues, _ = _read_events(text)
    return data, issues


def _locate(issues: list[_Issue], text: str, filename: str) -> list[Problem]:
    """Give every issue a line:col from the event reader's marks (the slow path, errors only)."""
    marks: dict[Path_, tuple[int, int]] = {}
    try:
        _, careful, marks = _read_events(text)
        structural = [i for i in issues if i.message in (TAG_MESSAGE, ANCHOR_MESSAGE) or "duplicate key" in i.message]
        if structural:  # same findings, but with marks of their own
            issues = careful + [i for i in issues if i not in structural]
    except _SyntaxProblem:
        pass
    return [_problem(i, marks, filename) for i in issues]


def _problem(issue: _Issue, marks: dict, filename: str) -> Problem:
    mark = issue.mark
    path = tuple(p for p in issue.path if p != "<key>")
    probe = path
    while mark is None and probe:
        mark = marks.get(probe)
        probe = probe[:-1]
    mark = mark or marks.get((), None)
    line, column = mark if mark else (None, None)
    return Problem(filename, line, column, path_text(path), issue.message)


def loads(text: str, filename: str = "events.yaml", base_dir: Path | None = None, *, raw: bytes | None = None) -> Timeline:
    """Parse and validate timeline text; raise TimelineError listing every problem."""
    raw = text.encode("utf-8") if raw is None else raw
    try:
        data, issues, timeline, schema = _read_and_validate(raw, text)
    except _SyntaxProblem as exc:
        raise TimelineError(_syntax_problems(exc, text, filename)) from None
    problems = _locate(issues + schema, text, filename) if issues or schema else []
    found = check(timeline, base_dir) if timeline is not None else _partial_checks(data, base_dir)
    problems += _locate_checks(found, text, filename)
    if problems:
        problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
        raise TimelineError(problems)
    return timeline


def _read_and_validate(raw: bytes, text: str) -> tuple[Any, list[_Issue], Timeline | None, list[_Issue]]:
    """JSON route when it is safe and the data validates; otherwise the careful walk decides."""
    data = _read_json(raw) if ryml is not None else None
    if data is not None:
        timeline, schema = _validate(data)
        if timeline is not None:
            return data, [], timeline, []
    data, issues = _read(raw, text)
    timeline, schema = _validate(data)
    return data, issues, timeline, schema


def _partial_checks(data: Any, base_dir: Path | None) -> list[Problem]:
    """Cross-event checks over the records that are valid on their own, so that one bad field
    does not hide the other mistakes; paths point back at the records' places in the file."""
    if not isinstance(data, dict):
        return []
    kept: dict[str, list[int]] = {}
    parts: dict[str, Any] = {}
    for name, model in (("documents", Document), ("events", Event)):
        records = data.get(name) if isinstance(data.get(name), list) else []
        parts[name], kept[name] = [], []
        for n, item in enumerate(records):
            try:
                parts[name].append(model.model_validate(item))
                kept[name].append(n)
            except ValidationError:
                continue
    timeline = Timeline(**parts)
    raw_ids = {item.get("id") for name in kept for item in (data.get(name) or []) if isinstance(item, dict)}
    out = []
    for problem in check(timeline, base_dir):
        if any(f"has id {i!r}" in problem.message for i in raw_ids if isinstance(i, str)):
            continue  # points at a record that exists but has its own schema problem
        path = list(_parse_path(problem.path))
        if len(path) > 1 and path[0] in kept:
            path[1] = kept[path[0]][path[1]]
        out.append(replace(problem, path=path_text(tuple(path))))
    return out


def _syntax_problems(exc: _SyntaxProblem, text: str, filename: str) -> list[Problem]:
    """Prefer PyYAML's wording and mark for a syntax error; keep rapidyaml's if PyYAML parses."""
    try:
        _read_events(text)
    except _SyntaxProblem as careful:
        exc = careful
    return [_problem(exc.issue, {}, filename)]


def _locate_checks(found: list[Problem], text: str, filename: str) -> list[Problem]:
    """Cross-event problems carry paths; give them the file name and the line of their node."""
    if not found:
        return []
    try:
        _, _, marks = _read_events(text)
    except _SyntaxProblem:
        marks = {}
    out = []
    for problem in found:
        located = _problem(_Issue(_parse_path(problem.path), problem.message), marks, filename)
        out.append(replace(located, path=problem.path))
    return out


def _parse_path(text: str) -> Path_:
    """``events[3].sources[0].quote`` -> ``('events', 3, 'sources', 0, 'quote')``."""
    parts: list[str | int] = []
    for piece in text.replace("[", ".[").split("."):
        if piece.startswith("["):
            parts.append(int(piece[1:-1]))
        elif piece:
            parts.append(piece)
    return tuple(parts)


def load(path: Path | str) -> Loaded:
    """Read, parse and validate a timeline file; raise TimelineError listing every problem."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise TimelineError([Problem(str(path), None, None, "", "no such file")]) from None
    except IsADirectoryError:
        raise TimelineError([Problem(str(path), None, None, "", "is a folder, not a timeline file")]) from None
    except OSError as exc:
        raise TimelineError([Problem(str(path), None, None, "", f"cannot read: {exc.strerror}")]) from None
    text, bad = _decode(raw)
    if bad is not None:
        raise TimelineError([_problem(bad, {}, str(path))])
    timeline = loads(text, str(path), path.resolve().parent, raw=raw)
    return Loaded(timeline, path, digest_of(raw))


def check(timeline: Timeline, base_dir: Path | None = None) -> list[Problem]:
    """Cross-event checks (ids, relations, evidence, order); see ``timeline.checks``."""
    from .checks import check_timeline

    return check_timeline(timeline, base_dir)


# --- save ---------------------------------------------------------------------------------------

_ID_LISTS = frozenset({"documents", "events"})
_FLOW_LIMIT = 90  # a list of short scalars whose text fits this width is written [a, b, c]
# words that read the same in [a, b] without quotes (ruamel writes '?x' bare in flow, a mapping)
_FLOW_SAFE = re.compile(r"[^\W_][\w .()'/&+-]*(?<! )\Z")


def _yaml() -> YAML:
    """ruamel set up like the hand-written files: 2-space maps, '- ' at +2, no re-folding."""
    y = YAML(typ="rt")
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.preserve_quotes = True
    return y


def dumps(timeline: Timeline) -> str:
    """Fresh, readable YAML for a new file (fields at their defaults omitted)."""
    buf = io.StringIO()
    _yaml().dump(_fresh(timeline), buf)
    return buf.getvalue()


def _fresh(record: BaseModel) -> CommentedMap:
    """A record as a new node: defaults omitted, short lists and relations in flow style."""
    out = CommentedMap()
    for name in type(record).model_fields:
        if _is_default(record, name) and not (isinstance(record, Timeline) and name == "events"):
            continue
        out[name] = _node(getattr(record, name))
    if isinstance(record, Relation):
        out.fa.set_flow_style()
    if isinstance(record, Timeline):
        _separate(out)
    return out


def _separate(root: CommentedMap) -> None:
    """A blank line after every document and event, as in the hand-written files."""
    for name in _ID_LISTS & set(root):
        for item in root[name]:
            _put_tail(item, _blank_line())
    last = next(reversed(root))
    if last in _ID_LISTS and root[last]:
        _pop_tail(root[last][-1])


def _node(value: Any) -> Any:
    """A field value as a ruamel node."""
    if isinstance(value, BaseModel):
        return _fresh(value)
    if isinstance(value, list):
        seq = CommentedSeq(_node(v) for v in value)
        plain = all(isinstance(v, str) and _FLOW_SAFE.match(v) for v in value)
        if plain and sum(len(v) + 2 for v in value) <= _FLOW_LIMIT:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value.rstrip("\n"):
        return LiteralScalarString(value)  # ruamel falls back to quotes when a block can't say it
    return value


def _is_default(record: BaseModel, name: str) -> bool:
    field = type(record).model_fields[name]
    return getattr(record, name) == field.get_default(call_default_factory=True)


_ADAPTERS: dict[tuple[type, str], Any] = {}


def _same(model: type[BaseModel], name: str, old_raw: Any, new_value: Any) -> bool:
    """Does the old file's raw value mean the same as the new value for this field?"""
    from pydantic import TypeAdapter

    key = (model, name)
    if key not in _ADAPTERS:
        _ADAPTERS[key] = TypeAdapter(model.model_fields[name].annotation)
    try:
        old = _ADAPTERS[key].validate_python(old_raw)
    except ValidationError:
        return False
    if name == "date" and isinstance(old, str):
        old = old.strip() or None
    return old == new_value


def _update_record(node: CommentedMap, old: dict, new: BaseModel, names: Any = None) -> None:
    """Edit one mapping node in place so it says ``new``; keys that did not change keep their node."""
    model = type(new)
    for name in names if names is not None else model.model_fields:
        value = getattr(new, name)
        present = name in node
        if name in _ID_LISTS and isinstance(node.get(name), CommentedSeq) and isinstance(old.get(name), list):
            _update_seq(node[name], old[name], value)
        elif _is_default(new, name) and not (model is Timeline and name == "events"):
            if present and not _same(model, name, old.get(name), value):
                _delete_key(node, name)
        elif not (present and _same(model, name, old.get(name), value)):
            _set_key(node, name, _node(value))


def _update_seq(seq: CommentedSeq, old_items: list, new_records: list) -> None:
    """Match items by id: drop the removed, update the kept, insert the new where they belong."""
    old_ids = [item.get("id") if isinstance(item, dict) else None for item in old_items]
    wanted = {r.id for r in new_records}
    first = {i: n for n, i in reversed(list(enumerate(old_ids)))}
    for n in reversed(range(len(seq))):
        if old_ids[n] not in wanted or first.get(old_ids[n]) != n:
            _delete_item(seq, n)
            del old_items[n], old_ids[n]
    order = [r.id for r in new_records if r.id in first]
    if old_ids != order:  # a person reordered: rebuild (seq-level comments may move)
        by_id = dict(zip(old_ids, zip(list(seq), old_items)))
        seq[:] = [by_id[i][0] for i in order]
        old_items[:] = [by_id[i][1] for i in order]
    old_by_id = dict(zip(order, old_items))
    for n, record in enumerate(new_records):
        if record.id in old_by_id:
            _update_record(seq[n], old_by_id[record.id], record)
        else:
            _insert_item(seq, n, _fresh(record))


def _insert_item(seq: CommentedSeq, index: int, node: Any) -> None:
    """Insert a new item; it gets the blank line that separates items, and at the end of the
    list it takes over the comment that closed the list."""
    separated = index > 0 and _has_tail(seq[index - 1])
    if index >= len(seq) and seq:
        tail = _pop_tail(seq[-1])
        seq.append(node)
        if tail is not None:
            _put_after(seq, len(seq) - 2, _blank_line())
            _put_after(seq, len(seq) - 1, tail)
        return
    seq.insert(index, node)
    if separated:
        _put_after(seq, index, _blank_line())


def _delete_item(seq: CommentedSeq, index: int) -> None:
    """Remove an item but keep the comments around it (often section headers) where they were."""
    entry = seq.ca.items.get(index)
    lines = _lines(entry[1]) if entry and len(entry) > 1 and entry[1] else []
    lines += _pop_tail(seq[index]) or []
    del seq[index]
    if lines and index > 0:
        _put_after(seq, index - 1, lines)
    elif lines and seq:
        _put_before(seq, 0, lines)


def _put_after(seq: CommentedSeq, index: int, lines: list[str]) -> None:
    """Lines after item ``index``: on its last value, else before the next item, else at the end."""
    if _tail_slot(seq[index]) is not None:
        _put_tail(seq[index], lines)
    elif index + 1 < len(seq):
        _put_before(seq, index + 1, lines)
    else:
        seq.ca.end = (seq.ca.end or []) + _tokens(lines)
        if seq.ca.comment is None:
            seq.ca.comment = [None, None]


def _put_before(seq: CommentedSeq, index: int, lines: list[str]) -> None:
    entry = seq.ca.items.setdefault(index, [None, None, None, None])
    entry[1] = _tokens(lines) + list(entry[1] or [])


def _lines(tokens: list) -> list[str]:
    """ruamel's one-token-per-line comments -> plain lines with their indentation."""
    out = []
    for token in tokens or []:
        for piece in token.value.rstrip("\n").split("\n"):
            out.append(" " * token.start_mark.column + piece if piece.strip() else "")
    return out


def _tokens(lines: list[str]) -> list:
    """Plain lines -> ruamel's one-token-per-line comments."""
    return [
        CommentToken(line.lstrip() + "\n", CommentMark(len(line) - len(line.lstrip()) if line.strip() else 0), None)
        for line in lines
    ]


def _blank_line() -> list[str]:
    return [""]


def _has_tail(node: Any) -> bool:
    """Is the node followed by blank or comment lines (items in this list are separated)?"""
    slot = _tail_slot(node)
    if slot is None:
        return False
    kind, owner, key = slot
    if kind == "end":
        return bool(owner.ca.end)
    entry = owner.ca.items.get(key)
    return bool(entry and len(entry) > 2 and entry[2] is not None and "\n" in entry[2].value.rstrip("\n"))


def _set_key(node: CommentedMap, name: str, value: Any) -> None:
    """Replace or add a key: existing keys keep their place, new ones go in model field order."""
    keys = list(node)
    if name in node:
        tail = _pop_tail(node) if keys[-1] == name else None
        node[name] = value
        if tail is not None:
            _put_tail(node, tail)
        return
    fields = _field_order(node)
    later = [i for i, k in enumerate(keys) if fields.get(k, 999) > fields.get(name, 999)]
    if later:
        node.insert(later[0], name, value)
        return
    tail = _pop_tail(node) if keys else None
    node[name] = value
    if tail is not None:
        _put_tail(node, tail)


def _delete_key(node: CommentedMap, name: str) -> None:
    tail = _pop_tail(node) if list(node)[-1] == name else None
    del node[name]
    if tail is not None and len(node):
        _put_tail(node, tail)


def _field_order(node: CommentedMap) -> dict[str, int]:
    """Model field positions for the record this node holds (guessed from its keys)."""
    for model in (Event, Document, Source, Relation, Timeline):
        if set(node) <= set(model.model_fields):
            return {name: i for i, name in enumerate(model.model_fields)}
    return {}


def _tail_slot(node: Any) -> tuple[str, Any, Any] | None:
    """Where ruamel keeps the comment lines that follow ``node``: after its last scalar value
    (``item``), or at the end of a block list whose last item is in flow style (``end``)."""
    while True:
        if isinstance(node, CommentedMap) and len(node) and not node.fa.flow_style():
            last = next(reversed(node))
            value = node[last]
            if not isinstance(value, (CommentedMap, CommentedSeq)) or value.fa.flow_style():
                return "item", node, last
            node = value
        elif isinstance(node, CommentedSeq) and len(node) and not node.fa.flow_style():
            last = node[-1]
            if not isinstance(last, (CommentedMap, CommentedSeq)):
                return None
            if last.fa.flow_style():
                return "end", node, None
            node = last
        else:
            return None


def _pop_tail(node: Any) -> list[str] | None:
    """Detach the lines (blank or comment) that follow a node, keeping an end-of-line comment."""
    slot = _tail_slot(node)
    if slot is None:
        return None
    kind, owner, key = slot
    if kind == "end":
        tokens, owner.ca.end = owner.ca.end or [], []
        return _lines(tokens) or None
    entry = owner.ca.items.get(key)
    if not entry or len(entry) < 3 or entry[2] is None:
        return None
    eol, _, rest = entry[2].value.partition("\n")
    entry[2] = CommentToken(eol + "\n", entry[2].start_mark, None) if eol.strip() else None
    return rest.rstrip("\n").split("\n") if rest else None


def _put_tail(node: Any, lines: list[str]) -> None:
    """Attach lines (blank or comment) after a node, after any comment already there."""
    slot = _tail_slot(node)
    if slot is None or not lines:
        return
    kind, owner, key = slot
    if kind == "end":
        owner.ca.end = (owner.ca.end or []) + _tokens(lines)
        if owner.ca.comment is None:
            owner.ca.comment = [None, None]
        return
    entry = owner.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) < 3:
        entry.append(None)
    before = entry[2].value if entry[2] is not None else "\n"
    entry[2] = CommentToken(before + "\n".join(lines) + "\n", CommentMark(0), None)


def _render(raw: bytes | None, timeline: Timeline) -> str:
    """The new file text: the old file edited in place when it is a readable mapping, else fresh.

    Large files take the splice route (only changed events go through ruamel); anything it does
    not handle, or whose result does not read back as ``timeline``, takes the whole-file route."""
    if raw is None:
        return dumps(timeline)
    try:
        text = raw.decode("utf-8-sig")
        old = _read_json(raw) if ryml is not None else None
        if old is None:
            old, issues = _read(raw, text)
            if issues:
                raise ValueError("anchors, tags or duplicate keys: write fresh")
    except Exception:  # unreadable old content is replaced, as the caller asked
        return dumps(timeline)
    if not isinstance(old, dict):
        return dumps(timeline)
    spliced = _splice(text, old, timeline)
    if spliced is not None and _reads_back(spliced, timeline):
        return spliced
    return _whole(text, old, timeline)


def _whole(text: str, old: dict, timeline: Timeline) -> str:
    """Round-trip the whole file through ruamel and edit it in place."""
    try:
        root = _yaml().load(text)
    except Exception:
        return dumps(timeline)
    if not isinstance(root, CommentedMap):
        return dumps(timeline)
    _update_record(root, old, timeline)
    return _dump(root)


def _dump(node: Any) -> str:
    buf = io.StringIO()
    _yaml().dump(node, buf)
    return buf.getvalue()


def _reads_back(text: str, timeline: Timeline) -> bool:
    """Safety net for the splice route: the new text must mean exactly the new timeline."""
    try:
        _, issues, read, _ = _read_and_validate(text.encode("utf-8"), text)
    except _SyntaxProblem:
        return False
    return not issues and read == timeline


# --- save, splice route: untouched events are copied as text -------------------------------------

_TOP_KEY = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)")


def _top_keys(lines: list[str]) -> list[tuple[int, str]]:
    """(line index, key) of every top-level key: a key at column 0."""
    out = []
    for n, line in enumerate(lines):
        match = _TOP_KEY.match(line)
        if match:
            out.append((n, match.group(1)))
    return out


def _item_starts(lines: list[str], begin: int, end: int) -> tuple[str, list[int]] | None:
    """Indentation and line indexes of the block-list items between two top-level keys."""
    first = next((n for n in range(begin, end) if lines[n].lstrip().startswith("- ")), None)
    if first is None:
        return None
    indent = lines[first][: len(lines[first]) - len(lines[first].lstrip())]
    marker = indent + "- "
    return indent, [n for n in range(first, end) if lines[n].startswith(marker)]


def _splice(text: str, old: dict, timeline: Timeline) -> str | None:
    """Rebuild the file from its own text: the parts outside ``events`` and the events that did
    not change are copied; changed events go through ruamel alone; new ones are dumped fresh."""
    lines = text.splitlines(keepends=True)
    keys = _top_keys(lines)
    at = [n for n, key in keys if key == "events"]
    if len(at) != 1 or lines[at[0]].split(":", 1)[1].split("#")[0].strip():
        return None  # no events key, or events in flow style
    begin = at[0] + 1
    end = min([n for n, _ in keys if n > at[0]] or [len(lines)])
    found = _item_starts(lines, begin, end)
    old_events = old.get("events") or []
    if found is None:
        return None
    indent, starts = found
    if len(starts) != len(old_events) or not all(isinstance(e, dict) for e in old_events):
        return None
    chunks = [lines[a:b] for a, b in zip(starts, starts[1:] + [end])]
    items = _splice_events(chunks, old_events, timeline.events)
    if items is None:
        return None
    head = _splice_part(lines[:at[0]], old, timeline, [k for n, k in keys if n < at[0]])
    tail_names = [k for n, k in keys if n >= end]
    missing = [k for k in Timeline.model_fields if k != "events" and k not in old and not _is_default(timeline, k)]
    tail = _splice_part(lines[end:], old, timeline, tail_names + missing)
    if head is None or tail is None:
        return None
    return "".join(head + lines[at[0] : starts[0]] + items + tail)


def _splice_part(lines: list[str], old: dict, timeline: Timeline, names: list[str]) -> list[str] | None:
    """Top-level keys outside ``events``: copied when unchanged, else edited through ruamel."""
    names = [n for n in names if n in Timeline.model_fields and n != "events"]
    if all(_same(Timeline, n, old.get(n), getattr(timeline, n)) or (n not in old and _is_default(timeline, n)) for n in names):
        return lines
    try:
        root = _yaml().load("".join(lines)) if "".join(lines).strip() else CommentedMap()
    except Exception:
        return None
    if root is None:
        root = CommentedMap()
    if not isinstance(root, CommentedMap):
        return None
    _update_record(root, old, timeline, names)
    return _dump(root).splitlines(keepends=True) if len(root) else [ln for ln in lines if ln.lstrip().startswith("#")]


def _splice_events(chunks: list[list[str]], old_events: list[dict], new_events: list[Event]) -> list[str] | None:
    """The events' text in the new order; None when a person reordered them (whole-file route)."""
    old_ids = [e.get("id") for e in old_events]
    wanted = {e.id for e in new_events}
    kept = [i for i in old_ids if i in wanted]
    if len(set(old_ids)) != len(old_ids) or kept != [e.id for e in new_events if e.id in set(old_ids)]:
        return None
    position = {i: n for n, i in enumerate(old_ids)}
    out: list[list[str]] = []
    pending: list[str] = []  # comments that followed deleted events, waiting for a place
    done = 0
    for event in new_events:
        if event.id in position:
            for n in range(done, position[event.id]):  # events deleted before this one
                pending += _trailing(chunks[n])
            done = position[event.id] + 1
            chunk, raw = chunks[position[event.id]], old_events[position[event.id]]
            edited = chunk if _same_event(raw, event) else _edit_chunk(chunk, raw, event)
            if edited is None:
                return None
            _place(out, pending, edited)
            pending = []
        else:
            _append_fresh(out, event)
    for n in range(done, len(chunks)):
        pending += _trailing(chunks[n])
    if pending and out:
        out[-1] = out[-1] + pending
    return [line for chunk in out for line in chunk]


def _place(out: list[list[str]], pending: list[str], chunk: list[str]) -> None:
    """Put a chunk after the others, with comments left by deleted events just above it."""
    if pending and out:
        previous = _trailing(out[-1])
        merged = [ln for n, ln in enumerate(previous + pending) if ln.strip() or n == 0 or (previous + pending)[n - 1].strip()]
        out[-1] = out[-1][: len(out[-1]) - len(previous)] + merged
    elif pending:
        chunk = pending + chunk
    out.append(chunk)


def _same_event(raw: dict, event: Event) -> bool:
    try:
        return Event.model_validate(raw) == event
    except ValidationError:
        return False


def _edit_chunk(chunk: list[str], raw: dict, event: Event) -> list[str] | None:
    """One changed event through ruamel, in its own little document ``events: [item]``."""
    try:
        root = _yaml().load("events:\n" + "".join(chunk))
    except Exception:
        return None
    if not isinstance(root, CommentedMap) or not isinstance(root.get("events"), CommentedSeq) or len(root["events"]) != 1:
        return None
    _update_record(root["events"][0], raw, event)
    return _dump(root).splitlines(keepends=True)[1:]


def _append_fresh(out: list[list[str]], event: Event) -> None:
    """A new event after the previous one; a closing comment or blank line moves below it."""
    fresh = _dump(CommentedMap(events=CommentedSeq([_fresh(event)]))).splitlines(keepends=True)[1:]
    if not out:
        out.append(fresh)
        return
    trailing = _trailing(out[-1])
    separated = any(not line.strip() for line in trailing)
    if trailing:
        out[-1] = out[-1][: len(out[-1]) - len(trailing)] + (["\n"] if separated else [])
    out.append(fresh + trailing)


def _trailing(chunk: list[str]) -> list[str]:
    """The blank and comment lines that end a chunk (they belong to what follows it)."""
    n = len(chunk)
    while n > 1 and (not chunk[n - 1].strip() or chunk[n - 1].lstrip().startswith("#")):
        n -= 1
    return chunk[n:]


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _check_unchanged(path: Path, expected_digest: str | None) -> None:
    """Refuse to write over an edit made since the file was loaded."""
    if expected_digest is None:
        return
    raw = _current(path)
    if raw is None:
        message = "was deleted or moved since it was loaded; nothing was written"
    elif digest_of(raw) != expected_digest:
        message = "changed on disk since it was loaded (someone else saved it); nothing was written: reload it and apply your change again"
    else:
        return
    raise ConcurrentModificationError([Problem(str(path), None, None, "", message)])


def save(path: Path | str, timeline: Timeline, expected_digest: str | None) -> str:
    """Write the timeline back, keeping untouched nodes and comments; atomic; returns the new digest."""
    path = Path(path)
    _check_unchanged(path, expected_digest)
    data = _render(_current(path), timeline).encode("utf-8")
    _atomic_write(path, data, lambda: _check_unchanged(path, expected_digest))
    return digest_of(data)


def _atomic_write(path: Path, data: bytes, before_replace: Any) -> None:
    """Temp file in the same folder, fsync, last check, os.replace, fsync the folder."""
    folder = path.resolve().parent
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, (path.stat().st_mode & 0o777) if path.exists() else 0o644)
        before_replace()
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
