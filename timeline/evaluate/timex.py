"""Run the tagger and its peers over a gold corpus in one run: scores, speed and versions."""

from __future__ import annotations

import datetime as dt
import collections
import platform
import time
from dataclasses import dataclass

from .corpora import MODES, UTC_CLOCKS, GoldDoc, gold_hash, read_corpus
from ..timex.published import find_published
from .timex_causes import value_errors
from .timex_extras import joined_gaps, spurious_shapes
from .timex_peers import PEERS, version
from .timex_score import TYPES, Score, score_doc


@dataclass
class SystemResult:
    """One system's scores and speed on one corpus."""

    name: str
    version: str
    score: Score
    seconds: float
    docs: int
    errors: collections.Counter
    extras: collections.Counter
    gaps: collections.Counter

    def as_dict(self) -> dict:
        """The JSON row for this system (totals and per type)."""
        return {
            "system": self.name, "version": self.version, "docs": self.docs,
            "seconds": round(self.seconds, 3),
            "docs_per_s": round(self.docs / self.seconds, 2) if self.seconds else None,
            **self.score.total.scores(),
            "by_type": {t: self.score.by_type[t].scores() for t in TYPES},
            "value_errors": [[*key, n] for key, n in sorted(self.errors.items())],
            "spurious_shapes": [[*key, n] for key, n in sorted(self.extras.items())],
            "joined_gaps": [[*key, n] for key, n in sorted(self.gaps.items())],
        }


def published_for(doc: GoldDoc, mode: str) -> dt.date | None:
    """The gold's creation date; a news document without one gets the date its own text states
    (header, dateline, address), as ``timeline timex`` and the extractor do, for every system."""
    if doc.published is not None or mode != "news":
        return doc.published
    return find_published(doc.text)


def run_system(name: str, docs: list[GoldDoc], mode: str, loose_zones: bool = False) -> SystemResult:
    """Warm up on the first document, then tag and score all documents, timing only the tagging."""
    adapter, package = PEERS[name]
    if docs:
        adapter(docs[0].text, docs[0].published, mode)
    score = Score(loose_zones=loose_zones)
    errors: collections.Counter = collections.Counter()
    extras: collections.Counter = collections.Counter()
    gaps: collections.Counter = collections.Counter()
    elapsed = 0.0
    for doc in docs:
        published = published_for(doc, mode)
        began = time.perf_counter()
        predicted = adapter(doc.text, published, mode)
        elapsed += time.perf_counter() - began
        score_doc(score, doc.timexes, predicted, doc.scored)
        gold = [(g.start, g.end, g.type, g.value) for g in doc.timexes]
        errors.update(value_errors(doc.text, gold, predicted, doc.scored, loose_zones))
        extras.update(spurious_shapes(doc.text, gold, predicted, doc.scored))
        gaps.update(joined_gaps(doc.text, gold, predicted, doc.scored))
    return SystemResult(name, version(package), score, elapsed, len(docs), errors, extras, gaps)


def evaluate(corpus: str, systems: list[str] | None = None) -> dict:
    """Scores of every requested system (default: ours only) on a corpus, with the run's context."""
    docs = list(read_corpus(corpus))
    mode = MODES[corpus]
    names = systems or ["timeline"]
    unknown = [n for n in names if n not in PEERS]
    if unknown:
        raise ValueError(f"unknown systems {unknown}; choose from {sorted(PEERS)}")
    results = [run_system(name, docs, mode, corpus in UTC_CLOCKS).as_dict() for name in names]
    return {
        "corpus": corpus, "mode": mode, "docs": len(docs), "gold_timexes": sum(len(d.timexes) for d in docs),
        "gold_sha256": gold_hash(corpus), "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(), "results": results,
    }
