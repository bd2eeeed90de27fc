"""Read articles into Documents: plain text, Markdown, HTML, JSON lines, folders, or stdin.

``Document.text`` is the text that evidence offsets refer to: the file as it is for text and
Markdown (so offsets match the file), the main text found by trafilatura for HTML. The
publication date is a JSON line's own ``published``, else the caller's, else one found in the
page (htmldate for HTML) or the text ("Updated on 2024-01-31", a dateline).

A document's id is its file's stem and a hash of its text (``ids.document_id``): the same article
read twice is one document, two articles never share an id. What is skipped (hidden files, other
extensions, empty files) is said through ``warn``. Stored documents point at their file relative
to the timeline's folder when it lies inside it (or inside a root the user names); any other
article is kept inline, and an origin outside that folder is never read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from . import ids
from .models import Document

Warn = Callable[[str], None]
Format = Literal["text", "markdown", "html", "jsonl"]
SUFFIXES: dict[str, Format] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".jsonl": "jsonl", ".ndjson": "jsonl",
}


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


def _ignore(message: str) -> None:
    """The default ``warn``: library callers that pass none are not told."""


def read_text(text: str, name: str, fmt: Format = "text", published: dt.date | None = None,
              warn: Warn = _ignore) -> list[Document]:
    """Documents from one text read from ``name`` (JSON lines give one per line); none when empty."""
    if not text.strip():
        warn(f"{name}: empty, nothing to read")
        return []
    if fmt == "jsonl":
        return list(_jsonl_documents(text, name, published, warn))
    if fmt == "html":
        document = _html_document(text, ids.document_id(name, text), published)
        if not (document.text or "").strip():
            warn(f"{name}: no article text found in this page")
            return []
        return [document]
    document_id = ids.document_id(name, text)
    return [Document(id=document_id, title=_headline(text), text=text, published=published or _published_in(text))]


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


def _jsonl_documents(text: str, name: str, published: dt.date | None, warn: Warn,
                     first_line: int = 1) -> Iterator[Document]:
    """One document per line; a line without its own id gets the file's stem and its text's hash.
    A line that cannot be read is named (file:line) and skipped: it must not cost the others."""
    for number, line in enumerate(text.splitlines(), first_line):
        if not line.strip():
            continue
        try:
            document = _jsonl_record(line, name, f"{name}:{number}", published)
        except DocumentError as exc:
            warn(f"{exc}; line skipped")
            continue
        if document is None:
            warn(f"{name}:{number}: empty text, nothing to read")
            continue
        yield document


def _jsonl_record(line: str, name: str, where: str, published: dt.date | None) -> Document | None:
    """One JSON line's document (None: its text is empty), or a DocumentError saying what is wrong."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{where}: not a JSON object ({exc.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise DocumentError(f"{where}: each line needs a JSON object with a \"text\" string")
    if not record["text"].strip():
        return None
    try:
        return Document(id=str(record.get("id") or ids.document_id(name, record["text"])),
                        title=record.get("title") or None, published=record_published(record, where, published),
                        text=record["text"])
    except ValidationError as exc:
        problem = exc.errors()[0]
        field = ".".join(str(part) for part in problem["loc"]) or "line"
        raise DocumentError(f"{where}: {field}: {problem['msg'].lower()}") from None


def jsonl_slice(text: str, path: Path, published: dt.date | None, first_line: int,
                warn: Warn = _ignore) -> Iterator[Document]:
    """Documents of a slice of a JSON-lines file that starts at line ``first_line`` (ids and error
    lines count as in the whole file), so a large file is read a partition at a time."""
    return _jsonl_documents(text, str(path), published, warn, first_line)


def published_day(value: object, where: str) -> dt.date | None:
    """A YYYY-MM-DD publication date (a timestamp's day), None when absent, or a clear error."""
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise DocumentError(f"{where}: published: must be YYYY-MM-DD, not {value!r}") from None


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


def iter_path(path: Path | str, published: dt.date | None = None, warn: Warn = _ignore) -> Iterator[Document]:
    """Documents from a file, a folder (recursively, known suffixes only) or '-' (stdin), streamed;
    what is skipped, and why, goes to ``warn``."""
    if str(path) == "-":
        text = sys.stdin.read()
        yield from read_text(text, "stdin", guess_format("", text), published, warn)
        return
    path = Path(path)
    if path.is_dir():
        yield from _folder_documents(path, published, warn)
        return
    if not path.exists():
        raise DocumentError(f"{path}: no such file or folder")
    yield from _file_documents(path, published, warn)


def _folder_documents(folder: Path, published: dt.date | None, warn: Warn) -> Iterator[Document]:
    """Every article under ``folder``; hidden files and folders are left out, other suffixes counted."""
    for child in article_files(folder, warn):
        yield from readable_documents(child, published, warn)


def readable_documents(path: Path | str, published: dt.date | None, warn: Warn) -> list[Document]:
    """A file's documents, or none with a warning when it cannot be read: one binary or
    mis-encoded file in an archive must not cost the others."""
    try:
        return list(_file_documents(Path(path), published, warn))
    except DocumentError as exc:
        warn(f"{exc}; skipped")
        return []


def article_files(folder: Path, warn: Warn = _ignore) -> list[Path]:
    """The article files under ``folder`` in reading order (hidden ones left out, others counted)."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not _hidden(p.relative_to(folder)))
    articles = [p for p in files if p.suffix.lower() in SUFFIXES]
    others = Counter(p.suffix.lower() or "(none)" for p in files if p.suffix.lower() not in SUFFIXES)
    if others:
        kinds = ", ".join(f"{n} {suffix}" for suffix, n in others.most_common())
        warn(f"{folder}: skipped {sum(others.values())} file(s) that are not articles ({kinds}); "
             f"readable: {' '.join(SUFFIXES)}")
    if not articles:
        warn(f"{folder}: no articles in this folder (readable: {' '.join(SUFFIXES)})")
    return articles


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _file_documents(path: Path, published: dt.date | None, warn: Warn) -> Iterator[Document]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: not UTF-8 text") from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror})") from None
    fmt = guess_format(path.name, text)
    for document in read_text(text, str(path), fmt, published, warn):
        origin = str(path) if fmt in ("text", "markdown") else None
        yield document.model_copy(update={"origin": origin})


def read_path(path: Path | str, published: dt.date | None = None, warn: Warn = _ignore) -> list[Document]:
    """All documents under ``path`` ('-' reads stdin)."""
    return list(iter_path(path, published, warn))


# --- one document per article -------------------------------------------------------------------


def _label(document: Document) -> str:
    return document.origin or document.id


def unique_documents(documents: Iterable[Document], warn: Warn = _ignore) -> list[Document]:
    """Each article once: a text read again is dropped (with a note); two different texts under
    one id are an error, since evidence could not say which of them it quotes."""
    by_text: dict[str, Document] = {}
    by_id: dict[str, str | None] = {}
    out = []
    for document in documents:
        digest = ids.text_digest(document.text) if document.text is not None else None
        if digest in by_text:
            warn(f"{_label(document)}: same text as {_label(by_text[digest])}, read once")
            continue
        if document.id in by_id:
            raise DocumentError(f"two different articles have the id {document.id!r} "
                                f"({_label(document)}): give each article its own id")
        by_id[document.id] = digest
        if digest is not None:
            by_text[digest] = document
        out.append(document)
    return out


def reconcile(current_digests: dict[str, str | None], new: list[Document],
              new_digests: dict[str, str | None]) -> tuple[dict[str, str], list[Document]]:
    """New documents against a timeline's: {new id: id in the timeline} and the ones to add.

    Digests are text digests by document id (None: text unknown). An article already listed
    (same text, whatever its id) keeps its listed id; an id already listed for a different text is
    an error naming the article."""
    listed = dict(current_digests)
    by_text: dict[str, str] = {}
    for document_id, digest in current_digests.items():
        if digest is not None:
            by_text.setdefault(digest, document_id)
    mapping, added = {}, []
    for document in new:
        digest = new_digests.get(document.id)
        if digest in by_text:
            mapping[document.id] = by_text[digest]
            continue
        if document.id in listed and None not in (listed[document.id], digest):
            raise DocumentError(f"document id {document.id!r} is already in the timeline for another text "
                                f"than {_label(document)}: give this article another id")
        mapping[document.id] = document.id
        if document.id not in listed:
            added.append(document)
            listed[document.id] = digest
            if digest is not None:
                by_text[digest] = document.id
    return mapping, added


# --- where a stored document's text lives -------------------------------------------------------


def for_storage(document: Document, base_dir: Path, root: Path | None = None) -> Document:
    """The record to write beside a timeline: a file inside its folder (or ``root``) becomes an
    origin relative to the timeline; any other article keeps its text inline."""
    if document.origin is None or "://" in document.origin:
        return document
    origin = Path(document.origin).resolve()
    if not origin.is_relative_to(Path(root or base_dir).resolve()):
        return document.model_copy(update={"origin": None})
    relative = Path(os.path.relpath(origin, base_dir.resolve()))
    return document.model_copy(update={"origin": relative.as_posix(), "text": None})


def read_document(document: Document, base_dir: Path | None, root: Path | None = None) -> tuple[str | None, str | None]:
    """(text, None); or (None, why not, naming the path looked for); (None, None) for a URL.

    A file origin is read only inside ``root`` (default: the timeline's folder ``base_dir``), so a
    timeline from elsewhere cannot show any file of this machine as evidence."""
    if document.text is not None:
        return document.text, None
    if not document.origin or "://" in document.origin:
        return None, None
    limit = root or base_dir
    if limit is None:  # text given without a file: no folder to read from
        return None, None
    path = (Path(base_dir or limit) / document.origin).resolve()
    if not path.is_relative_to(Path(limit).resolve()):
        return None, (f"origin {document.origin!r} is {path}, outside {Path(limit).resolve()}: not read "
                      "(articles are read only inside the timeline's folder, or the folder given with --root)")
    try:
        return path.read_text(encoding="utf-8-sig"), None
    except FileNotFoundError:
        return None, f"article not found at {path}"
    except UnicodeDecodeError:
        return None, f"{path} is not UTF-8 text"
    except OSError as exc:
        return None, f"cannot read {path} ({exc.strerror})"


def document_text(document: Document, base_dir: Path | None, root: Path | None = None) -> str | None:
    """The document's text: inline, or its file when readable inside the allowed folder."""
    return read_document(document, base_dir, root)[0]
