"""Every ordering rule's example, run through the whole extractor, yields a relation."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document

DATA = lexicon.load("ordering")
CASES = (
    [(c["name"], c["example"], c["relation"]) for c in DATA["cues"]]
    + [(c["name"], c["example"], None) for c in DATA["subordinators"]]
    + [(c["name"], c["example"], "during") for c in DATA["containers"]]
    + [(DATA["reactions"]["name"], DATA["reactions"]["example"], "after")]
    + [(DATA["coordinated"]["name"], DATA["coordinated"]["example"], DATA["coordinated"]["relation"])]
    + [(DATA["same_occasion"]["name"], DATA["same_occasion"]["example"], DATA["same_occasion"]["relation"])]
)


def _relations(text: str) -> list[tuple[str, str, str]]:
    doc = Document(id="d", text="Story\n\n" + text, published=dt.date(2024, 1, 31))
    timeline = extract([doc], Options(solve=False))
    return [(e.id, r.relation, r.target) for e in timeline.events for r in e.relations]


@pytest.mark.parametrize("name,example,relation", CASES, ids=[c[0] for c in CASES])
def test_ordering_example(name, example, relation):
    found = _relations(example)
    assert found, f"{name}: no relation from {example!r}"
    if relation is not None:
        assert relation in {r for _, r, _ in found}, found


def test_past_then_now():
    found = _relations("The party has boycotted the talks in the past, but now it attended the summit.")
    assert any(r == "before" for _, r, _ in found)
