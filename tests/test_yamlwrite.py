"""Fresh YAML written directly reads back as the timeline it was written from, and looks like
what ruamel wrote before (the hand-written layout)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import json

import yaml
from hypothesis import HealthCheck, given, settings
from ruamel.yaml import YAML
from hypothesis import strategies as st

from timeline import store, yamledit, yamlwrite
from timeline.models import Document, Event, Relation, Source, Timeline

ROOT = Path(__file__).resolve().parents[1]
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30)
SLUG = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True)


@st.composite
def timelines(draw) -> Timeline:
    ids = draw(st.lists(SLUG, min_size=1, max_size=5, unique=True))
    text = draw(st.one_of(st.none(), st.text(min_size=1, max_size=200)))
    documents = [Document(id="doc", title=draw(st.one_of(st.none(), TEXT)), text=text,
                          published=draw(st.one_of(st.none(), st.dates(dt.date(1900, 1, 1)))))]
    events = []
    for event_id in ids:
        quote = draw(TEXT)
        events.append(Event(
            id=event_id, title=draw(TEXT), type=draw(st.sampled_from(["attack", "ceasefire", "visit"])),
            date=draw(st.sampled_from([None, "2023", "2023-09", "2023-09-19", "../2024-01-31", "2023-09-11/2023-09-20"])),
            actors=draw(st.lists(TEXT, max_size=3)), people=draw(st.lists(TEXT, max_size=2)),
            location=draw(st.one_of(st.none(), TEXT)), notes=draw(st.one_of(st.none(), st.text(max_size=80))),
            tags=draw(st.lists(st.sampled_from(["yes", "no", "1e3", "00e0", "~", "null", "- x", "a: b", "#t", "ok"]),
                               max_size=3)),
            sources=[Source(document="doc", quote=quote, start=0, end=len(quote))],
            relations=[Relation(relation="before", target=t) for t in ids if t != event_id][:2],
            confidence=draw(st.one_of(st.none(), st.floats(0, 1))), curated=draw(st.booleans())))
    return Timeline(title=draw(st.one_of(st.none(), TEXT)), documents=documents, events=events,
                    rejected=draw(st.lists(st.sampled_from(["00e0", "yes", "0o7", "gone"]), max_size=2, unique=True)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(timelines())
def test_every_timeline_reads_back_equal_by_every_reader(monkeypatch, timeline):
    monkeypatch.setattr(store, "check", lambda timeline, base_dir=None, root=None: [])  # quotes are random
    text = yamlwrite.dumps(timeline)
    assert store.loads(text) == timeline
    assert Timeline.model_validate(yaml.safe_load(text)) == timeline  # YAML 1.1 (PyYAML)
    assert Timeline.model_validate(json.loads(json.dumps(YAML(typ="safe").load(text), default=str))) == timeline


def test_the_layout_is_the_hand_written_one():
    curated = store.load(ROOT / "events.yaml").timeline
    assert yamlwrite.dumps(curated) == yamledit.dump_node(yamledit.fresh(curated))


def test_a_long_text_is_a_literal_block():
    doc = Document(id="d", text="First line.\n\nSecond: with a colon # and a hash\n")
    text = yamlwrite.dumps(Timeline(documents=[doc]))
    assert "    text: |\n      First line.\n\n      Second: with a colon # and a hash\n" in text
    assert store.loads(text).documents[0].text == doc.text
