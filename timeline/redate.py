"""Give articles already in a timeline their publication dates and read them again, from the app:
what `timeline extract ... --into FILE` does after a person writes `published:` under each article,
for a folder of wire copy whose datelines carry no year ("HARARE, Dec 19 -").

Curated events and rejected ids are respected (``timeline.merge``); articles that cannot be read
(moved, outside the allowed folder) are named and left as they were.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .documents import read_document
from .merge import MergeReport, merge
from .models import Document, Timeline


@dataclass
class Redated:
    """The file with the dates set and the articles read again; what the merge did; what was not read."""

    timeline: Timeline
    report: MergeReport
    unread: list[str] = field(default_factory=list)


def undated(timeline: Timeline) -> list[Document]:
    """The articles of the file without a publication date, in the file's order."""
    return [d for d in timeline.documents if d.published is None]


def summary(timeline: Timeline) -> str | None:
    """'19 of 20 articles have no publication date ...' for the page, or None when all have one."""
    missing, total = len(undated(timeline)), len(timeline.documents)
    if not missing:
        return None
    which = f"{missing} of {total} articles have" if total > 1 else "The article has"
    return (f"{which} no publication date, so 'yesterday' and 'on Monday' in them are not dated and their "
            "events get no upper bound: set the dates in the Extract tab.")


def opening(doc: Document, base_dir: Path | None, root: Path | None = None, size: int = 100) -> str | None:
    """The article's first words after its title (a wire's dateline, 'HARARE, Dec 19 -'), to date it by."""
    text = read_document(doc, base_dir, root)[0]
    if not text:
        return None
    body = text.strip()
    if doc.title and body.startswith(doc.title):
        body = body[len(doc.title):].strip()
    words = " ".join(body.split())
    return words[:size] + ("…" if len(words) > size else "")


def redate(timeline: Timeline, days: dict[str, dt.date], base_dir: Path | None, root: Path | None = None,
           progress=None) -> Redated:
    """The timeline with ``days`` (document id -> publication date) set and those articles extracted
    again with them, merged as ``extract --into`` merges."""
    from .extract import Options, extract

    listed, docs, unread = [], [], []
    for doc in timeline.documents:
        day = days.get(doc.id) if doc.published is None else None
        text, why = read_document(doc, base_dir, root) if day else (None, None)
        if day and text is None:
            unread.append(f"{doc.title or doc.id}: {why or 'no text to read'}; its date was not set")
            day = None
        listed.append(doc.model_copy(update={"published": day}) if day else doc)
        if day:
            docs.append(Document(id=doc.id, title=doc.title, text=text, published=day))
    current = timeline.model_copy(update={"documents": listed})
    if not docs:
        return Redated(current, MergeReport(), unread)
    proposed = extract(docs, Options(), progress=progress)
    merged, report = merge(current, proposed, base_dir, root)
    return Redated(merged, report, unread)
