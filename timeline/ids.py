"""Stable ids: a document's from its name and text, an event's from its evidence.

A document id is the file's stem and a short hash of its text (``article-3f9a1c2b``): two different
articles never share one, and the same article read twice gets the same one. An extracted event's
id is a readable slug and a tag hashed from its evidence (the text of a document it cites and the
quote's offsets there, ``armenia-statement-3kx9qa``), so the same evidence gets the same id whatever
else was read and in whatever order, and a rejected id is recognised in any event that cites its
evidence again.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

TAG_LENGTH = 6  # a digit, then base-36 characters: about 29 bits
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
_NAME = re.compile(r"[^A-Za-z0-9_.-]+")
_TAG = re.compile(rf"^[0-9][0-9a-z]{{{TAG_LENGTH - 1}}}$")  # a leading digit: no word is taken for a tag


_DIGEST_CHUNK = 32_768  # characters encoded at a time: the same digest as the whole text encoded at once


def text_digest(text: str) -> str:
    """The text's identity: equal texts, equal digests. Encoded a piece at a time, since a
    50 MB document encoded whole is a 50 MB copy, which also leaves the C allocator serving later
    large blocks from a heap it hardly gives back (peak memory of one long document)."""
    digest = hashlib.sha256()
    for start in range(0, len(text), _DIGEST_CHUNK):
        digest.update(text[start:start + _DIGEST_CHUNK].encode("utf-8"))
    return digest.hexdigest()


def name_stem(name: str) -> str:
    """A file name's stem with odd characters replaced ('my article.txt' -> 'my_article')."""
    return _NAME.sub("_", Path(name).stem).strip("_") or "document"


def document_id(name: str, text: str) -> str:
    """The stem and eight hex digits of the text's digest: readable, and unique per text."""
    return f"{name_stem(name)}-{text_digest(text)[:8]}"


def evidence_tag(digest: str, start: int | None, end: int | None) -> str:
    """A short tag for one quote (its document's text digest and its offsets): a digit, so that no
    hand-written id's last word looks like one, then base-36 characters."""
    number = int.from_bytes(hashlib.sha256(f"{digest}:{start}:{end}".encode()).digest()[:8], "big")
    number, first = divmod(number, 10)
    chars = [_ALPHABET[first]]
    for _ in range(TAG_LENGTH - 1):
        number, digit = divmod(number, 36)
        chars.append(_ALPHABET[digit])
    return "".join(chars)


def tag_of(event_id: str) -> str | None:
    """The evidence tag an extracted id ends with (before a '-2' for a repeat), if any."""
    parts = event_id.split("-")
    if len(parts) > 2 and parts[-1].isdigit():
        parts = parts[:-1]
    return parts[-1] if len(parts) > 1 and _TAG.match(parts[-1]) else None


def readable_part(event_id: str) -> str:
    """The id without its evidence tag (the whole id when it has none)."""
    tag = tag_of(event_id)
    return event_id[: event_id.rindex(f"-{tag}")] if tag else event_id


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A readable id from a title: 'Russia forces a ceasefire' -> 'russia-forces-a-ceasefire'."""
    return _SLUG.sub("-", text.lower()).strip("-")[:60].strip("-") or "event"
