"""A corpus cut into partitions: slices of JSON-lines files and batches of article files.

A partition is a small, picklable description (a file and a byte range, or a list of files), so
that a worker process or a Dask worker reads its own documents lazily: no process ever holds
the corpus. Partitions depend on the input alone, never on the number of workers, which is
what makes the output the same whatever the engine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .documents import DocumentError, Warn, article_files, guess_format, jsonl_slice, readable_documents
from .models import Document

TARGET_BYTES = 512 * 1024  # about 250 news reports: seconds of work, little memory, enough pieces to share


@dataclass(frozen=True)
class Partition:
    """Documents ``path[start:end]`` (a JSON-lines slice from ``first_line``) or ``files``."""

    index: int
    path: str
    start: int = 0
    end: int = 0
    first_line: int = 1
    files: tuple[str, ...] = ()


def _ignore(message: str) -> None:
    return None


def plan(paths: list[str], target_bytes: int = TARGET_BYTES, warn: Warn = _ignore) -> list[Partition]:
    """The partitions of every input path, in the order ``timeline extract`` reads documents."""
    out: list[Partition] = []
    pending: list[Path] = []
    for path in (Path(p) for p in paths):
        if str(path) == "-":
            raise DocumentError("-: a store is written from files (save standard input to a file first)")
        if not path.exists():
            raise DocumentError(f"{path}: no such file or folder")
        children = article_files(path, warn) if path.is_dir() else [path]
        for child in children:
            if _is_jsonl(child):
                _flush(out, pending)
                out += _slices(child, len(out), target_bytes)
            else:
                pending.append(child)
                if sum(p.stat().st_size for p in pending) >= target_bytes:
                    _flush(out, pending)
    _flush(out, pending)
    return out


def _is_jsonl(path: Path) -> bool:
    return guess_format(path.name) == "jsonl" or (path.suffix == "" and _head(path).lstrip().startswith("{"))


def _head(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.read(200).decode("utf-8", "replace")


def _flush(out: list[Partition], pending: list[Path]) -> None:
    if pending:
        out.append(Partition(len(out), str(pending[0]), files=tuple(str(p) for p in pending)))
        pending.clear()


def _slices(path: Path, first_index: int, target_bytes: int) -> list[Partition]:
    """Byte ranges of about ``target_bytes`` that end at line breaks, with their first line."""
    out, start, line = [], 0, 1
    with path.open("rb") as handle:
        while True:
            chunk = handle.read(target_bytes)
            if not chunk:
                break
            chunk += handle.readline()  # finish the line the read stopped in
            out.append(Partition(first_index + len(out), str(path), start, start + len(chunk), line))
            start += len(chunk)
            line += chunk.count(b"\n")
    return out


def documents(partition: Partition, published: dt.date | None = None, warn: Warn = _ignore) -> Iterator[Document]:
    """The partition's documents, read when asked (what is skipped goes to ``warn``)."""
    if partition.files:
        for name in partition.files:
            yield from readable_documents(name, published, warn)
        return
    path = Path(partition.path)
    with path.open("rb") as handle:
        handle.seek(partition.start)
        raw = handle.read(partition.end - partition.start)
    try:
        text = raw.decode("utf-8-sig" if partition.start == 0 else "utf-8")
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: not UTF-8 text (after line {partition.first_line})") from None
    yield from jsonl_slice(text, path, published, partition.first_line, warn)
