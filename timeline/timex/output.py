"""Input and output of the ``timeline timex`` command: read bytes as text, write JSON or TimeML."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..documents import DocumentError as InputError  # one error for unreadable input, named for this module
from ..documents import record_published
from . import Timex, marked, tag


def decode(data: bytes, name: str) -> str:
    """UTF-8 text exactly as stored (no newline or Unicode normalisation), or a clear error."""
    if b"\x00" in data[:65536]:
        raise InputError(f"{name}: looks like a binary file (NUL bytes); give a UTF-8 text file")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start}: {exc.reason})") from None


def read_input(path: str, stdin) -> str:
    """The text of a file, or of stdin for '-'."""
    if path == "-":
        return decode(stdin.buffer.read(), "<stdin>")
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{path}: no such file")
    return decode(file.read_bytes(), path)


def to_timeml(text: str, timexes: list[Timex]) -> str:
    """The text with TIMEX3 tags around each expression (XML-escaped)."""
    parts: list[str] = []
    cursor = 0
    for number, timex in enumerate(timexes, 1):
        parts.append(escape(text[cursor:timex.start]))
        attrs = f'tid="t{number}" type="{timex.type}" value={quoteattr(timex.value)}'
        parts.append(f"<TIMEX3 {attrs}>{escape(timex.text)}</TIMEX3>")
        cursor = timex.end
    parts.append(escape(text[cursor:]))
    return "".join(parts)


def render(text: str, timexes: list[Timex], fmt: str) -> str:
    """JSON list of timexes, or the TimeML document."""
    timexes = marked(timexes)
    if fmt == "timeml":
        return to_timeml(text, timexes)
    return json.dumps([t.to_dict() for t in timexes], ensure_ascii=False, indent=1)


def is_jsonl(path: str, text: str) -> bool:
    """A .jsonl file, or stdin whose first line is a JSON object with a 'text'."""
    if path.endswith(".jsonl"):
        return True
    if path != "-" or not text.lstrip().startswith("{"):
        return False
    try:
        first = json.loads(text.lstrip().split("\n", 1)[0])
    except json.JSONDecodeError:
        return False
    return isinstance(first, dict) and "text" in first


@dataclass
class DocResult:
    """One JSON-lines document's output line, or the error that stopped it."""

    line: str | None
    error: str | None = None


def tag_jsonl(text: str, name: str, published: dt.date | None, mode: str, fmt: str) -> Iterator[DocResult]:
    """One output line per input document; a bad line yields an error and the rest go on."""
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            doc = json.loads(raw)
            if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                raise InputError(f"{where}: each line must be an object with a string 'text'")
            day = record_published(doc, where, published)
        except (json.JSONDecodeError, InputError) as exc:
            yield DocResult(None, str(exc) if isinstance(exc, InputError) else f"{where}: invalid JSON ({exc.msg})")
            continue
        timexes = tag(doc["text"], day, mode)
        body = {"id": doc.get("id", str(number)), "published": day.isoformat() if day else None}
        if fmt == "timeml":
            body["timeml"] = to_timeml(doc["text"], timexes)
        else:
            body["timexes"] = [t.to_dict() for t in timexes]
        yield DocResult(json.dumps(body, ensure_ascii=False))
