"""Property: any articles (equal names, equal texts, other extensions) fed to `extract --into` in any
order, with people curating and deleting events between runs, leave a file that validates, every
curated event as it was, and no deleted event back under any id."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from timeline import dashboard, store
from timeline.checks import document_text
from timeline.cli import main

SENTENCES = [  # each gives the extractor an event; several share actors and places, so reports merge
    "Azerbaijani forces attacked Stepanakert on 19 September 2023.",
    "Russia brokered a ceasefire between Armenia and Azerbaijan on 20 September 2023.",
    "Talks began in Brussels on Monday.",
    "Armenian troops withdrew from Lachin.",
    "Protesters clashed with police in Yerevan on Sunday.",
    "The United States and Armenia held joint military exercises.",
    "Yesterday, Azerbaijani forces shelled Stepanakert, officials said.",
]
NAMES = ["a/article", "b/article", "article", "news"]
SUFFIXES = [".txt", ".md", ".jsonl"]


@st.composite
def articles(draw) -> list[tuple[str, str]]:
    """(relative file path, text) pairs; some share a name, a stem or a text."""
    out: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(2, 4))):
        if out and draw(st.booleans()):
            text = draw(st.sampled_from(out))[1]  # the same article under another name
        else:
            text = " ".join(draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=3, unique=True)))
        path = draw(st.sampled_from(NAMES)) + draw(st.sampled_from(SUFFIXES))
        if path not in {p for p, _ in out}:
            out.append((path, text))
    return out


def _write(folder: Path, path: str, text: str) -> Path:
    file = folder / path
    file.parent.mkdir(parents=True, exist_ok=True)
    body = json.dumps({"text": text}) if file.suffix == ".jsonl" else text
    file.write_text(body + "\n", encoding="utf-8")
    return file


def _evidence(timeline, folder: Path, event) -> set[tuple[str, int, int]]:
    """An event's quotes as (text digest of its article, start, end): independent of ids."""
    texts = {d.id: document_text(d, folder) for d in timeline.documents}
    digest = {i: hashlib.sha256(t.encode()).hexdigest() for i, t in texts.items() if t is not None}
    return {(digest[s.document], s.start, s.end) for s in event.sources if s.document in digest}


def _curate_or_delete(draw, path: Path, curated: dict, deleted: set) -> None:
    """A person edits one extracted event (it becomes curated) or deletes one (in the app)."""
    loaded = store.load(path)
    timeline = loaded.timeline
    candidates = [e for e in timeline.events if e.id not in curated]
    if not candidates:
        return
    event = draw(st.sampled_from(candidates))
    if draw(st.booleans()):
        edited = event.model_copy(update={"title": f"Checked: {event.title}", "curated": True})
        timeline = dashboard.replace_event(timeline, event.id, edited)
        curated[event.id] = edited
    else:
        deleted |= _evidence(timeline, path.parent, event)
        timeline, _ = dashboard.delete_event(timeline, event.id, path.parent)
    store.save(path, timeline, loaded.digest)
    curated.update({i: timeline.event(i) for i in curated})  # a deletion drops relations to the deleted event


# No shrinking: a failing case is printed as found (shrinking these runs can take minutes in CI).
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(articles(), st.data())
def test_extract_into_keeps_curated_and_deleted_decisions(pool, data):
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        files = [_write(folder, path, text) for path, text in pool]
        target = folder / "events.yaml"
        curated: dict = {}
        deleted: set = set()
        for _ in range(data.draw(st.integers(2, 4), label="runs")):
            order = data.draw(st.permutations(files), label="order")[: data.draw(st.integers(1, len(files)))]
            before = {e.id for e in store.load(target).timeline.events} if target.exists() else set()
            argv = ["extract", *map(str, order), "--published", "2023-10-09", "--into", str(target), "--no-progress"]
            assert main(argv) == 0
            assert main(["validate", str(target)]) == 0
            timeline = store.load(target).timeline
            for event_id, event in curated.items():
                assert timeline.event(event_id) == event, f"curated event {event_id} changed"
            for event in timeline.events:
                if event.id not in before:
                    assert not _evidence(timeline, folder, event) & deleted, f"deleted event back as {event.id}"
            if data.draw(st.booleans(), label="a person edits"):
                _curate_or_delete(data.draw, target, curated, deleted)
