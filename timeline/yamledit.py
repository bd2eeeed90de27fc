"""Writing timeline YAML that people edit: fresh and readable, or edited in place.

``fresh`` builds a new node (defaults omitted, short lists as ``[a, b]``, relations as flow maps,
a blank line between events). ``whole`` loads a file with ruamel.yaml's round-trip loader and
edits it in place: untouched records keep their nodes (comments, quotes, key order), changed ones
get only their changed keys replaced, new keys go in model field order, comments that followed a
removed or replaced node move with it. ``splice`` does the same far faster for the usual file
(a block list under ``events:``): untouched events are copied as text, each changed event goes
through ruamel alone, new events are dumped fresh. The caller checks that the spliced text reads
back as the new timeline and falls back to ``whole`` otherwise.
"""

from __future__ import annotations

import io
import re
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from . import yamlwrite
from .models import Document, Event, Relation, Source, Timeline

# --- fresh nodes and in-place edits (whole-file route) ------------------------------------------

_ID_LISTS = frozenset({"documents", "events"})
_FLOW_LIMIT = 90  # a list of short scalars whose text fits this width is written [a, b, c]
# words that read the same in [a, b] without quotes (ruamel writes '?x' bare in flow, a mapping)
_FLOW_SAFE = re.compile(r"[^\W_][\w .()'/&+-]*(?<! )\Z")


# YAML 1.1 line breaks that YAML 1.2 readers (rapidyaml) keep as text: in plain or single quotes
# ruamel folds them into an indented line, which the two readers then read differently
_OLD_LINE_BREAKS = frozenset("\x85\u2028\u2029")


class _Representer(RoundTripRepresenter):
    """Strings holding an old line break are double-quoted, so it is written as an escape."""

    def represent_str(self, data: str):
        if _OLD_LINE_BREAKS.isdisjoint(data):
            return super().represent_str(data)
        return self.represent_scalar("tag:yaml.org,2002:str", data, style='"')


_Representer.add_representer(str, _Representer.represent_str)


def round_trip_yaml() -> YAML:
    """ruamel set up like the hand-written files: 2-space maps, '- ' at +2, no re-folding."""
    y = YAML(typ="rt")
    y.Representer = _Representer
    y.indent(mapping=2, sequence=4, offset=2)
    y.width = 4096
    y.preserve_quotes = True
    y.representer.ignore_aliases = lambda data: True  # a date shared by two records: written twice, not &id001
    return y


def fresh(record: BaseModel) -> CommentedMap:
    """A record as a new node: defaults omitted, short lists and relations in flow style."""
    out = CommentedMap()
    for name in type(record).model_fields:
        if is_default(record, name) and not (isinstance(record, Timeline) and name == "events"):
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

_LINE_SEPARATORS = re.compile("[\u2028\u2029]")  # YAML 1.1 breaks that ruamel folds inside plain or single quotes


def _node(value: Any) -> Any:
    """A field value as a ruamel node."""
    if isinstance(value, BaseModel):
        return fresh(value)
    if isinstance(value, list):
        seq = CommentedSeq(_node(v) for v in value)
        plain = all(isinstance(v, str) and _FLOW_SAFE.match(v) for v in value)
        if plain and sum(len(v) + 2 for v in value) <= _FLOW_LIMIT:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value.rstrip("\n") and not _LINE_SEPARATORS.search(value):
        return LiteralScalarString(value)  # ruamel falls back to quotes when a block can't say it (not for U+2028)
    if isinstance(value, str) and (_LINE_SEPARATORS.search(value) or value != value.strip() and "\n" not in value):
        return DoubleQuotedScalarString(value)  # else ruamel may write a block or a break it misreads
    return value


def is_default(record: BaseModel, name: str) -> bool:
    field = type(record).model_fields[name]
    return getattr(record, name) == field.get_default(call_default_factory=True)


_ADAPTERS: dict[tuple[type, str], Any] = {}


def _same(model: type[BaseModel], name: str, old_raw: Any, new_value: Any) -> bool:
    """Does the old file's raw value mean the same as the new value for this field?"""
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


def update_record(node: CommentedMap, old: dict, new: BaseModel, names: Any = None) -> None:
    """Edit one mapping node in place so it says ``new``; keys that did not change keep their node."""
    model = type(new)
    for name in names if names is not None else model.model_fields:
        value = getattr(new, name)
        present = name in node
        if name in _ID_LISTS and value and isinstance(node.get(name), CommentedSeq) and isinstance(old.get(name), list):
            _update_seq(node[name], old[name], value)
        elif name == "events" and not value and isinstance(node.get(name), CommentedSeq) and node[name]:
            node.ca.items.pop(name, None)  # the lines before its first item would push '[]' off the key's line
            _set_key(node, name, _node(value))  # the last item deleted: 'events: []', not an empty block
        elif is_default(new, name) and not (model is Timeline and name == "events"):
            if present and not _same(model, name, old.get(name), value):
                _delete_key(node, name)
        elif not (present and _same(model, name, old.get(name), value)):
            _set_key(node, name, _node(value))


def _update_seq(seq: CommentedSeq, old_items: list, new_records: list) -> None:
    """Match items by id: drop the removed, update the kept, insert the new where they belong."""
    old_items = list(old_items)  # the caller's data stays as it was read
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
            update_record(seq[n], old_by_id[record.id], record)
        else:
            _insert_item(seq, n, fresh(record))


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
        _keep_comment_gap(node, name, node[name], value)
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


def _keep_comment_gap(node: CommentedMap, name: str, old: Any, new: Any) -> None:
    """A comment after a replaced value keeps the spaces a person put before it: its column
    moves by the change in the value's length (ruamel keeps the column, or one space if passed)."""
    entry = node.ca.items.get(name)
    token = entry[2] if entry and len(entry) > 2 else None
    if token is None or not token.value.startswith("#") or not isinstance(old, str) or not isinstance(new, str):
        return
    column = max(0, token.start_mark.column + len(new) - len(old))
    entry[2] = CommentToken(token.value, CommentMark(column), None)


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
    mark = entry[2].start_mark if entry[2] is not None else CommentMark(0)  # an end-of-line comment keeps its column
    entry[2] = CommentToken(before + "\n".join(lines) + "\n", mark, None)


def whole(text: str, old: dict, timeline: Timeline) -> str | None:
    """Round-trip the whole file through ruamel and edit it in place (None: not a mapping)."""
    try:
        root = round_trip_yaml().load(text)
    except Exception:  # ruamel's errors have no common base; the caller writes fresh
        return None
    if not isinstance(root, CommentedMap):
        return None
    update_record(root, old, timeline)
    return dump_node(root)


def dump_node(node: Any) -> str:
    buf = io.StringIO()
    round_trip_yaml().dump(node, buf)
    return buf.getvalue()


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


def splice(text: str, old: dict, timeline: Timeline) -> str | None:
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
    opening = lines[at[0] : starts[0]]
    if _reordered(old_events, timeline.events):
        first_lead = [ln for ln in opening[1:] if ln.strip()]  # comments above the first event move with it
        opening = [opening[0]] + [ln for ln in opening[1:] if not ln.strip()]
        chunks, old_events = _in_new_order(chunks, old_events, timeline.events, first_lead)
    items = _splice_events(chunks, old_events, timeline.events)
    if items is None:
        return None
    head = _splice_part(lines[:at[0]], old, timeline, [k for n, k in keys if n < at[0]])
    tail_names = [k for n, k in keys if n >= end]
    missing = [k for k in Timeline.model_fields if k != "events" and k not in old and not is_default(timeline, k)]
    tail = _splice_part(lines[end:], old, timeline, tail_names + missing)
    if head is None or tail is None:
        return None
    return "".join(head + opening + items + tail)


def _splice_part(lines: list[str], old: dict, timeline: Timeline, names: list[str]) -> list[str] | None:
    """Top-level keys outside ``events``: copied when unchanged, else edited through ruamel."""
    names = [n for n in names if n in Timeline.model_fields and n != "events"]
    if all(_same(Timeline, n, old.get(n), getattr(timeline, n)) or (n not in old and is_default(timeline, n)) for n in names):
        return lines
    try:
        root = round_trip_yaml().load("".join(lines)) if "".join(lines).strip() else CommentedMap()
    except Exception:
        return None
    if root is None:
        root = CommentedMap()
    if not isinstance(root, CommentedMap):
        return None
    update_record(root, old, timeline, names)
    return dump_node(root).splitlines(keepends=True) if len(root) else [ln for ln in lines if ln.lstrip().startswith("#")]


def _splice_events(chunks: list[list[str]], old_events: list[dict], new_events: list[Event]) -> list[str] | None:
    """The events' text in the new order; None when a person reordered them (whole-file route)."""
    old_ids = [e.get("id") for e in old_events]
    wanted = {e.id for e in new_events}
    position = {i: n for n, i in enumerate(old_ids)}
    kept = [i for i in old_ids if i in wanted]
    if len(position) != len(old_ids) or kept != [e.id for e in new_events if e.id in position]:
        return None
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


def _reordered(old_events: list[dict], new_events: list[Event]) -> bool:
    """Did a person move events (rather than edit, add or delete them)?"""
    wanted = {e.id for e in new_events}
    old_ids = [e.get("id") for e in old_events]
    position = set(old_ids)
    if len(position) != len(old_ids) or not old_ids:
        return False  # duplicate ids: the whole-file route decides
    return [i for i in old_ids if i in wanted] != [e.id for e in new_events if e.id in position]


def _in_new_order(chunks: list[list[str]], old_events: list[dict], new_events: list[Event], first_lead: list[str]):
    """The chunks moved into the new order, each with the comment lines written above it (they
    end the chunk before it in the file); events that are gone go last (their comments follow)."""
    leads = [first_lead] + [[ln for ln in _trailing(c) if ln.strip()] for c in chunks[:-1]]
    tail = _trailing(chunks[-1])
    bodies = [c[: len(c) - len(_trailing(c))] for c in chunks]
    separator = ["\n"] if any(not ln.strip() for c in chunks[:-1] for ln in _trailing(c)) else []
    position = {e.get("id"): n for n, e in enumerate(old_events)}
    order = [position[e.id] for e in new_events if e.id in position]
    placed = set(order)
    order += [n for n in range(len(chunks)) if n not in placed]
    moved = [leads[n] + bodies[n] + separator for n in order]
    moved[-1] = moved[-1][: len(moved[-1]) - len(separator)] + tail
    return moved, [old_events[n] for n in order]


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
        root = round_trip_yaml().load("events:\n" + "".join(chunk))
    except Exception:
        return None
    if not isinstance(root, CommentedMap) or not isinstance(root.get("events"), CommentedSeq) or len(root["events"]) != 1:
        return None
    update_record(root["events"][0], raw, event)
    return dump_node(root).splitlines(keepends=True)[1:]


def _append_fresh(out: list[list[str]], event: Event) -> None:
    """A new event after the previous one; a closing comment or blank line moves below it."""
    new = yamlwrite.record_lines(event, "  ")
    if not out:
        out.append(new)
        return
    trailing = _trailing(out[-1])
    separated = any(not line.strip() for line in trailing)
    if trailing:
        out[-1] = out[-1][: len(out[-1]) - len(trailing)] + (["\n"] if separated else [])
    out.append(new + trailing)


def _trailing(chunk: list[str]) -> list[str]:
    """The blank and comment lines that end a chunk (they belong to what follows it)."""
    n = len(chunk)
    while n > 1 and (not chunk[n - 1].strip() or chunk[n - 1].lstrip().startswith("#")):
        n -= 1
    return chunk[n:]
