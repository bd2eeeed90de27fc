"""events.yaml on disk: fast load with line marks, every problem at once, round-trip atomic save.

Loading reads the text with ``yamlread`` (rapidyaml; ~30x faster than PyYAML's C loader) and
validates it with pydantic. Line and column marks cost nothing while the file is valid: only when
something is wrong is the text read again by PyYAML's event parser, which marks every key and item,
and each problem (syntax, schema, cross-event) is reported as ``events.yaml:12:5: events[3].date:
message``, all of them at once.

Saving edits the file in place with ``yamledit`` (ruamel.yaml round-trip; untouched events are
copied as text), writes a temp file in the same folder, fsyncs it, and replaces the original with
``os.replace`` only if the file still has the digest it was loaded with. A symlinked file is saved
where the link points (the link stays); temp files left by a killed save are removed by the next.
"""

from __future__ import annotations

import dataclasses
import difflib
import hashlib
import os
import re
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import date_hints, yamledit, yamlwrite
from .ids import slug
from .models import Document, Event, Relation, Source, Timeline
from .yamlread import (ANCHOR_MESSAGE, Issue, Path_, YamlSyntaxError, control_character, decode, parse_path, path_text,
                       read, read_events, read_json, ryml)

# --- problems ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a timeline, located as precisely as the text allows."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    warning: bool = False  # the file stays usable (e.g. an article that cannot be read)

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
    warnings: list[Problem] = field(default_factory=list)


def digest_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


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


# what to write when a required field is missing (``{id}``: an id made from the record's title)
_MISSING = {
    "id": "add a line 'id: {id}' (any lower-case words joined by hyphens; relations point at it)",
    "title": "add a line 'title: ...' saying in a few words what happened",
    "type": "add a line 'type: ...' with one of the types (attack, protest, statement, ...: timeline/taxonomy.yaml)",
    "document": "add 'document: ...' with the id of a record under documents:",
    "quote": "add 'quote: ...' with the article's exact words",
    "relation": "write it as {{relation: before, target: other-event-id}} (before, after, overlaps or during)",
    "target": "write it as {{relation: before, target: other-event-id}}",
}


def _missing(field: str, record: Any) -> str:
    """'required field is missing' and what to write."""
    title = record.get("title") if isinstance(record, dict) else None
    made = slug(title) if isinstance(title, str) else "lower-case-words"
    hint = _MISSING.get(field)
    return "required field is missing" + (f": {hint.format(id=made)}" if hint else "")


def _message(error: dict, model_fields: list[str]) -> str:
    """Pydantic's error as a plain-English sentence."""
    kind, value = error["type"], error.get("input")
    if kind == "extra_forbidden":
        field = str(error["loc"][-1])
        near = difflib.get_close_matches(field, model_fields, n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"allowed: {', '.join(model_fields)}."
        if "notes" in model_fields and not difflib.get_close_matches(field, model_fields, n=1, cutoff=0.8):
            hint += " Anything else you want to keep goes in notes (free text) or tags."  # not for a plain typo
        return f"unknown field {field!r}; {hint}"
    if kind == "missing":
        return _missing(str(error["loc"][-1]), value)
    if kind == "string_pattern_mismatch":
        return f"{value!r} is not a valid id: use lower-case words and digits joined by hyphens, e.g. azerbaijan-attack"
    if kind == "literal_error":
        return f"{value!r} is not one of: {error['ctx']['expected'].replace(' or ', ', ')}"
    if kind.startswith("date_") or kind.startswith("datetime_"):
        message = _MESSAGES.get(kind, f"{value!r} is not a date like 2024-01-31")
        found = date_hints.day_hint(value) if isinstance(value, str) else None
        return f"{message}; {found}" if found else message
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


def _validate(data: Any) -> tuple[Timeline | None, list[Issue]]:
    """Plain data -> Timeline, or every schema problem as an issue."""
    if not isinstance(data, dict):
        found = {list: "a list", str: "a single text value"}.get(type(data), "nothing usable")
        return None, [Issue((), f"the top level must be a mapping (title:, documents:, events:, rejected:), not {found}")]
    try:
        return Timeline.model_validate(data), []
    except ValidationError as exc:
        return None, [Issue(tuple(e["loc"]), _message(e, _fields_at(tuple(e["loc"])))) for e in exc.errors()]


def _locate(reader: list[Issue], schema: list[Issue], text: str, filename: str) -> list[Problem]:
    """Give every issue a line:col from the event reader's marks (the slow path, errors only).
    The event reader finds the same tags, anchors and duplicate keys as the fast reader, each
    with its own mark, so its findings replace the fast reader's."""
    marks: dict[Path_, tuple[int, int]] = {}
    try:
        _, careful, marks = read_events(text)
        reader = [_anchor_words(i, text) for i in careful] if reader else []
    except YamlSyntaxError:
        pass
    aliases = {i.path for i in reader if i.message.startswith("YAML aliases")}
    schema = [i for i in schema if i.path not in aliases]  # an alias reads as nothing: said once, as an alias
    return [_problem(i, marks, filename) for i in reader + schema]


_ANCHOR = re.compile(r"([&*])([^\s,\[\]{}]+)")


def _anchor_words(issue: Issue, text: str) -> Issue:
    """An anchor or alias said with its name and what to write instead: an alias gets the value
    its anchor holds when that fits on the anchor's line."""
    if issue.message != ANCHOR_MESSAGE or issue.mark is None:
        return issue
    lines = text.splitlines()
    line, column = issue.mark
    found = _ANCHOR.match(lines[line - 1], column - 1) if line <= len(lines) else None
    if found is None:
        return issue
    sign, name = found.groups()
    if sign == "&":
        return replace(issue, message=f"YAML anchors (&{name}) are not allowed: delete '&{name}' and keep the value")
    for number, source in enumerate(lines[:line], start=1):
        held = re.search(rf"&{re.escape(name)}(?![^\s,\[\]{{}}])[ \t]*(.*)", source)
        if held:
            value = held.group(1).split(" #")[0].strip()
            what = f"what &{name} on line {number} holds" + (f": {value}" if value else " (the lines under it)")
            return replace(issue, message=f"YAML aliases (*{name}) are not allowed: write out {what}")
    return replace(issue, message=f"YAML aliases (*{name}) are not allowed, and no &{name} comes before it: "
                                  "write the value out")


def _problem(issue: Issue, marks: dict, filename: str) -> Problem:
    mark = issue.mark
    path = tuple(p for p in issue.path if p != "<key>")
    probe = path
    while mark is None and probe:
        mark = marks.get(probe)
        probe = probe[:-1]
    mark = mark or marks.get((), None)
    line, column = mark if mark else (None, None)
    return Problem(filename, line, column, path_text(path), issue.message)


def loads(text: str, filename: str = "events.yaml", base_dir: Path | None = None, *, raw: bytes | None = None,
          root: Path | None = None) -> Timeline:
    """Parse and validate timeline text; raise TimelineError listing every problem."""
    return _parse(text, filename, base_dir, raw, root)[0]


def _parse(text: str, filename: str, base_dir: Path | None, raw: bytes | None,
           root: Path | None) -> tuple[Timeline, list[Problem]]:
    """The timeline and its warnings; TimelineError with every problem when one is not a warning."""
    raw = text.encode("utf-8") if raw is None else raw
    control = control_character(text)
    if control is not None:
        raise TimelineError([_problem(control, {}, filename)])
    try:
        data, issues, timeline, schema = _read_and_validate(raw, text)
    except YamlSyntaxError as exc:
        raise TimelineError(_syntax_problems(exc, text, filename)) from None
    problems = _locate(issues, schema, text, filename) if issues or schema else []
    found = check(timeline, base_dir, root) if timeline is not None else _partial_checks(data, base_dir, root)
    problems += _locate_checks(found, text, filename)
    problems.sort(key=lambda p: (p.line is None, p.line or 0, p.column or 0))
    if any(not p.warning for p in problems):
        raise TimelineError(problems)
    return timeline, problems


def _read_and_validate(raw: bytes, text: str) -> tuple[Any, list[Issue], Timeline | None, list[Issue]]:
    """JSON route when it is safe and the data validates; otherwise the careful walk decides."""
    data = read_json(raw) if ryml is not None else None
    if data is not None:
        timeline, schema = _validate(data)
        if timeline is not None:
            return data, [], timeline, []
    data, issues = read(raw, text)
    timeline, schema = _validate(data)
    return data, issues, timeline, schema


def _partial_checks(data: Any, base_dir: Path | None, root: Path | None) -> list[Problem]:
    """Cross-event checks over what is valid, so that one bad field does not hide the other
    mistakes: a record with a bad field is checked without that field (a bad list loses the
    whole list), and paths point back at the records' places in the file."""
    if not isinstance(data, dict):
        return []
    kept: dict[str, list[int]] = {}
    parts: dict[str, Any] = {}
    for name, model in (("documents", Document), ("events", Event)):
        records = data.get(name) if isinstance(data.get(name), list) else []
        parts[name], kept[name] = [], []
        for n, item in enumerate(records):
            record = _salvage(model, item)
            if record is not None:
                parts[name].append(record)
                kept[name].append(n)
    timeline = Timeline(**parts)
    raw_ids = {item.get("id") for name in kept for item in (data.get(name) or []) if isinstance(item, dict)}
    out = []
    for problem in check(timeline, base_dir, root):
        if any(f"has id {i!r}" in problem.message for i in raw_ids if isinstance(i, str)):
            continue  # points at a record that exists but has its own schema problem
        path = list(parse_path(problem.path))
        if len(path) > 1 and path[0] in kept:
            path[1] = kept[path[0]][path[1]]
        out.append(replace(problem, path=path_text(tuple(path))))
    return out


_PLACEHOLDERS = {"title": "?", "type": "statement"}  # required, but no cross-event check reads them


def _salvage(model: type[BaseModel], item: Any) -> BaseModel | None:
    """The record as valid as it can be made by dropping its bad fields (None if its id is bad)."""
    try:
        return model.model_validate(item)
    except ValidationError as exc:
        bad = {e["loc"][0] for e in exc.errors() if e["loc"]}
    if not isinstance(item, dict) or "id" in bad or not bad:
        return None
    patched = {k: v for k, v in item.items() if k not in bad}
    patched.update({k: v for k, v in _PLACEHOLDERS.items() if k in bad and k in model.model_fields})
    try:
        return model.model_validate(patched)
    except ValidationError:
        return None


def _syntax_problems(exc: YamlSyntaxError, text: str, filename: str) -> list[Problem]:
    """Prefer PyYAML's wording and mark for a syntax error; keep rapidyaml's if PyYAML parses."""
    try:
        read_events(text)
    except YamlSyntaxError as careful:
        exc = careful
    return [_problem(exc.issue, {}, filename)]


def _locate_checks(found: list[Problem], text: str, filename: str) -> list[Problem]:
    """Cross-event problems carry paths; give them the file name and the line of their node."""
    if not found:
        return []
    try:
        _, _, marks = read_events(text)
    except YamlSyntaxError:
        marks = {}
    out = []
    for problem in found:
        message = _ALSO.sub(lambda m: _with_line(m, marks), problem.message)
        located = _problem(Issue(parse_path(problem.path), message), marks, filename)
        out.append(replace(located, path=problem.path, warning=problem.warning))
    return out


_ALSO = re.compile(r"\(also (events|documents)\[(\d+)\]\)")


def _with_line(found: re.Match, marks: dict) -> str:
    """'(also events[3])' -> '(also events[3], line 40)': where to look in an editor."""
    mark = marks.get((found.group(1), int(found.group(2))))
    return f"(also {found.group(1)}[{found.group(2)}], line {mark[0]})" if mark else found.group()


def load(path: Path | str, root: Path | None = None) -> Loaded:
    """Read, parse and validate a timeline file; raise TimelineError listing every problem.
    Articles are read inside the file's folder, or inside ``root`` when given."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        hint = f" (give your timeline file, or make one with 'timeline extract ARTICLE -o {path}')"
        raise TimelineError([Problem(str(path), None, None, "", "no such file" + hint)]) from None
    except IsADirectoryError:
        raise TimelineError([Problem(str(path), None, None, "", "is a folder, not a timeline file")]) from None
    except OSError as exc:
        raise TimelineError([Problem(str(path), None, None, "", f"cannot read: {exc.strerror}")]) from None
    text, bad = decode(raw)
    if bad is not None:
        raise TimelineError([_problem(bad, {}, str(path))])
    try:
        timeline, warnings = _parse(text, str(path), path.resolve().parent, raw, root)
    except TimelineError as exc:
        raise TimelineError(_with_article_hint(path, exc.problems)) from None
    return Loaded(timeline, path, digest_of(raw), warnings)


ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")


def _with_article_hint(path: Path, problems: list[Problem]) -> list[Problem]:
    """An article opened where a timeline belongs (a common first mistake): say what to run."""
    if path.suffix.lower() not in ARTICLE_SUFFIXES or not problems:
        return problems
    hint = f"; this looks like an article, not a timeline: run 'timeline extract {path} -o events.yaml' and open that"
    return [dataclasses.replace(problems[0], message=problems[0].message + hint)] + problems[1:]


def check(timeline: Timeline, base_dir: Path | None = None, root: Path | None = None) -> list[Problem]:
    """Cross-event checks (ids, relations, evidence, order); see ``timeline.checks``."""
    from .checks import check_timeline

    return check_timeline(timeline, base_dir, root)


def dumps(timeline: Timeline) -> str:
    """Fresh, readable YAML for a new file (fields at their defaults omitted), written directly."""
    return yamlwrite.dumps(timeline)


def _render(raw: bytes | None, timeline: Timeline) -> str:
    """The new file text: the old file edited in place when it is a readable mapping, else fresh.

    Large files take the splice route (only changed events go through ruamel); anything it does
    not handle, or whose result does not read back as ``timeline``, takes the whole-file route."""
    if raw is None:
        return dumps(timeline)
    try:
        text = raw.decode("utf-8-sig")
        old = read_json(raw) if ryml is not None else None
        if old is None:
            old, issues = read(raw, text)
            if issues:
                raise ValueError("anchors, tags or duplicate keys: write fresh")
    except Exception:  # unreadable old content is replaced, as the caller asked
        return dumps(timeline)
    if not isinstance(old, dict):
        return dumps(timeline)
    spliced = yamledit.splice(text, old, timeline)
    if spliced is not None and _reads_back(spliced, timeline):
        return spliced
    return yamledit.whole(text, old, timeline) or dumps(timeline)


def _reads_back(text: str, timeline: Timeline) -> bool:
    """Safety net for the splice route: the new text must mean exactly the new timeline."""
    try:
        _, issues, back, _ = _read_and_validate(text.encode("utf-8"), text)
    except YamlSyntaxError:
        return False
    return not issues and back == timeline


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
    """Write the timeline back, keeping untouched nodes and comments; atomic; returns the new digest.
    Through a symlink, the file it points at is written."""
    path = Path(path)
    path = path.resolve() if path.is_symlink() else path
    _check_unchanged(path, expected_digest)
    data = _render(_current(path), timeline).encode("utf-8")
    _atomic_write(path, data, lambda: _check_unchanged(path, expected_digest))
    return digest_of(data)


def write_file(path: Path | str, data: bytes) -> None:
    """A command's whole output file (extract -o, export -o), written atomically as ``save`` does:
    through a symlink the file it points at (the link stays); a device or pipe ('-o /dev/stdout'),
    which cannot be replaced, is written in place."""
    path = Path(path)
    if path.exists() and not path.is_file():
        with open(path, "wb") as handle:
            handle.write(data)
        return
    _atomic_write(path.resolve() if path.is_symlink() else path, data, lambda: None)


def _atomic_write(path: Path, data: bytes, before_replace: Any) -> None:
    """Temp file in the same folder, fsync, last check, os.replace, fsync the folder."""
    folder = path.resolve().parent
    _remove_stale_temps(folder, path.name)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
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


_STALE_AFTER = 3600.0  # seconds: no save in progress leaves its temp file this old


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Temp files of saves that were killed: their writer's process is gone, or they are over an
    hour old (a save takes seconds). A save in progress, in any process, is left alone."""
    import glob
    import time

    for temp in folder.glob(f".{glob.escape(name)}.*.tmp"):
        writer = temp.name[len(name) + 2:-4].split(".")[0]
        try:
            if (writer.isdigit() and _process_gone(int(writer))) or time.time() - temp.stat().st_mtime > _STALE_AFTER:
                temp.unlink()
        except OSError:
            continue  # removed meanwhile, or not ours to remove


def _process_gone(pid: int) -> bool:
    """True when no process has this id (False when this system cannot tell)."""
    if os.name != "posix":
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # exists, owned by someone else
    return False


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
