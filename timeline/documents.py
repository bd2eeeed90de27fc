"""Read articles into Documents: plain text, Markdown, HTML, JSON lines, folders, or stdin.

``Document.text`` is the text that evidence offsets refer to: the file as it is for text and
Markdown (so offsets match the file), the main text found by trafilatura for HTML. The
publication date is a JSON line's own ``published``, else the caller's, else one found in the
page (htmldate for HTML) or the text ("Updated on 2024-01-31", a dateline).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from .models import Document

Format = Literal["text", "markdown", "html", "jsonl"]
SUFFIXES: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
}
_ID = re.compile(r"[^A-Za-z0-9_.-]+")


class DocumentError(ValueError):
    """Input that cannot be read as articles; the message names the file and the reason."""


def guess_format(name: str, text: str = "") -> Format:
    """Format from the file suffix, else from the content (stdin)."""
    suffix = Path(name).suffix.lower()
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    head = text.lstrip()[:200].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return "html"
    return "text"


def doc_id(name: str) -> str:
    """A document id from a file name: its stem, with odd characters replaced."""
    return _ID.sub("_", Path(name).stem).strip("_") or "document"


def read_text(text: str, doc_id: str, fmt: Format = "text", published: dt.date | None = None) -> list[Document]:
    """Documents from one text in a known format (JSON lines give one document per line)."""
    if fmt == "jsonl":
        return list(_jsonl_documents(text, doc_id, published))
    if fmt == "html":
        return [_html_document(text, doc_id, published)]
    return [Document(id=doc_id, title=_headline(text), text=text, published=published or _published_in(text))]


def _headline(text: str) -> str | None:
    """The first line when it stands alone as a headline (Markdown '#' marks removed)."""
    from .extract.sentences import title_span

    span = title_span(text)
    return text[span[0]:span[1]].lstrip("#").strip() or None if span else None


def _published_in(text: str) -> dt.date | None:
    try:
        from .timex.published import find_published
    except ImportError:
        return None
    try:
        return find_published(text)
    except Exception:  # noqa: BLE001 - a missing date is not worth losing the article
        return None


def _jsonl_documents(text: str, source: str, published: dt.date | None, where: str | None = None) -> Iterator[Document]:
    where = where or source
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DocumentError(f"{where}:{number}: not a JSON object ({exc.msg})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise DocumentError(f"{where}:{number}: each line needs a JSON object with a \"text\" string")
        yield Document(
            id=str(record.get("id") or f"{source}-{number}"),
            title=record.get("title") or None,
            published=record_published(record, f"{where}:{number}", published),
            text=record["text"],
        )


def published_day(value: object, where: str) -> dt.date | None:
    """A YYYY-MM-DD publication date (a timestamp's day), None when absent, or a clear error."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise DocumentError(f"{where}: published must be YYYY-MM-DD, not {value!r}") from None


def record_published(record: dict, where: str, default: dt.date | None) -> dt.date | None:
    """A JSON line's own 'published' wins; then the caller's date; then one found in its text."""
    return published_day(record.get("published"), where) or default or _published_in(record["text"])


def _html_document(html: str, doc_id: str, published: dt.date | None) -> Document:
    """Main text via trafilatura (no navigation, no 'Related' boxes); date via htmldate."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True) or ""
    metadata = trafilatura.extract_metadata(html)
    title = metadata.title if metadata is not None else None
    return Document(id=doc_id, title=title, text=text, published=published or _html_date(html) or _published_in(text))


def _html_date(html: str) -> dt.date | None:
    try:
        from htmldate import find_date

        found = find_date(html, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001 - htmldate raises on odd markup; no date then
        return None
    return dt.date.fromisoformat(found) if found else None


def iter_path(path: Path | str, published: dt.date | None = None) -> Iterator[Document]:
    """Documents from a file, a folder (recursively, known suffixes only) or '-' (stdin), streamed."""
    if str(path) == "-":
        text = sys.stdin.read()
        yield from read_text(text, "stdin", guess_format("", text), published)
        return
    path = Path(path)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
            yield from _file_documents(child, published)
        return
    if not path.exists():
        raise DocumentError(f"{path}: no such file or folder")
    yield from _file_documents(path, published)


def _file_documents(path: Path, published: dt.date | None) -> Iterator[Document]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror})") from None
    fmt = guess_format(path.name, text)
    if fmt == "jsonl":
        yield from _jsonl_documents(text, doc_id(path.name), published, str(path))
        return
    for document in read_text(text, doc_id(path.name), fmt, published):
        origin = str(path) if fmt in ("text", "markdown") else None
        yield document.model_copy(update={"origin": origin})


def read_path(path: Path | str, published: dt.date | None = None) -> list[Document]:
    """All documents under ``path`` ('-' reads stdin)."""
    return list(iter_path(path, published))


def for_storage(document: Document, base_dir: Path) -> Document:
    """The record to write beside a timeline: a file origin relative to it instead of the text."""
    if document.origin is None:
        return document
    origin = Path(document.origin).resolve()
    try:
        relative = Path(os.path.relpath(origin, base_dir.resolve()))
    except ValueError:  # another drive on Windows
        relative = origin
    return document.model_copy(update={"origin": relative.as_posix(), "text": None})
