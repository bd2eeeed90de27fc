"""Event extraction: a one-way pipeline of named, pure stages (see ``pipeline.yaml``).

    extract(documents, options, progress=None, on_stage=None) -> Timeline

Each document runs through the stages on its own (so a corpus streams and parallelises); then
events reported by several documents are merged, ids assigned from their evidence, and undated
events get the tightest bounds the solver finds from relations and publication dates, marked as
inferred. An article passed twice is read once; two texts under one document id are an error.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .. import ids
from ..documents import unique_documents
from ..models import Document, Timeline
from . import build
from .narrowing import fingerprinter, narrowed
from .pipeline import FINAL_STEP, OnStage, run, steps

__all__ = ["Options", "extract", "extract_document"]


@dataclass(frozen=True)
class Options:
    """Everything a run depends on; picklable so a process pool can carry it."""

    published: dt.date | None = None  # used for documents whose publication date is unknown
    min_confidence: float = 0.5  # events below it are dropped (their mentions still link others)
    merge_documents: bool = True  # one event reported by several documents becomes one event
    solve: bool = True  # tighten undated events from relations and publication dates
    jobs: int = 1  # worker processes for the per-document stages (results do not depend on it)
    title: str | None = None


def extract_document(document: Document, options: Options | None = None,
                     on_stage: OnStage | None = None) -> list[build.Draft]:
    """The kept events of one document, before ids and cross-document merging."""
    options = options or Options()
    return build.drafts_of(build.for_drafts(run(document, options, on_stage)), options.min_confidence)


def extract(
    documents: Iterable[Document],
    options: Options | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_stage: OnStage | None = None,
) -> Timeline:
    """Events with evidence, dates, relations and fingerprints from a stream of documents.

    ``progress(done, total)`` hears of each document done; ``on_stage(name, done, total)`` of
    each step within a document (its stages, in this process), then of the final step over all
    documents: a bar for one long document.
    """
    options = options or Options()
    docs = [_dated(d, options) for d in unique_documents(documents)]
    with no_full_collections():
        drafts = _all_drafts(docs, options, progress, on_stage)
        if options.merge_documents:
            drafts = build.merge_across(drafts)
        build.assign_ids(drafts, {d.id: ids.text_digest(d.text or "") for d in docs})
        events = build.events_of(drafts, fingerprinter())  # empties the list: drafts let go as they go
        timeline = Timeline(title=options.title, documents=docs, events=events)
        timeline = narrowed(timeline) if options.solve else timeline
    if on_stage is not None:
        on_stage(FINAL_STEP, steps(), steps())
    return timeline


NEVER = 2**31 - 1  # the largest threshold gc takes: a count of young collections never reached
YOUNG = 20_000  # allocations between young collections while extracting (Python's default: 700)


@contextmanager
def no_full_collections() -> Iterator[None]:
    """No full garbage collection while extracting (thresholds given back after, also on an error).
    Python starts one every so many young collections, so in proportion to the work done, and each
    walks every object the document's state holds: on one long document their cost grew with the
    square of its length (0.22 s at 5 MB, 1.14 s at 15 MB, several seconds at 50 MB). Extraction
    leaves few reference cycles (about 9,000 objects at 15 MB, 800 for MUC-3's 1,700 reports), which
    the first full collection after it frees (peak memory unchanged). Young collections come every
    ``YOUNG`` allocations instead of 700: most of the objects a stage makes die before the next one,
    and are then never walked (their time at 2 MB: 0.38 s to 0.22 s, peak memory the same)."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], YOUNG), before[1], NEVER)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _all_drafts(docs: list[Document], options: Options, progress: Callable[[int, int], None] | None,
                on_stage: OnStage | None) -> list[build.Draft]:
    """Every document's drafts in one list, and no other reference to them (the loop's last list
    left bound in ``extract`` kept a long document's drafts alive until its timeline was made)."""
    drafts: list[build.Draft] = []
    for number, found in enumerate(_per_document(docs, options, on_stage), 1):
        drafts += found
        if progress:
            progress(number, len(docs))
    return drafts


def _dated(document: Document, options: Options) -> Document:
    if document.published is None and options.published is not None:
        return document.model_copy(update={"published": options.published})
    return document


def _per_document(docs: list[Document], options: Options, on_stage: OnStage | None) -> Iterable[list[build.Draft]]:
    """Each document's events, in order; on ``options.jobs`` processes when asked (same result)."""
    if options.jobs <= 1 or len(docs) < 2:
        return (extract_document(d, options, on_stage) for d in docs)
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    pool = ProcessPoolExecutor(max_workers=options.jobs)
    results = pool.map(partial(extract_document, options=options), docs, chunksize=8)
    pool.shutdown(wait=False)
    return results
