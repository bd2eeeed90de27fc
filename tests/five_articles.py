"""A 60-event, five-article timeline for layout tests: the embedded seed events plus what the
extractor finds in the project's own four test articles (tests/data/articles, never the unseen one)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from timeline import store
from timeline.documents import iter_path
from timeline.extract import Options, extract
from timeline.models import Timeline

ROOT = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def five_article_timeline() -> Timeline:
    seed = store.loads((ROOT / "events.yaml").read_text(encoding="utf-8"))
    articles = sorted((ROOT / "tests" / "data" / "articles").glob("*.txt"))
    documents = [d for path in articles for d in iter_path(str(path), None)]
    extracted = extract(documents, Options())
    return Timeline(documents=seed.documents + extracted.documents, events=seed.events + extracted.events)
