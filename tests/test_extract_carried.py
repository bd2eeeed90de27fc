"""A person carried by others makes no visit: carried in custody, it is the detention (lemmas.yaml carried)."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.models import Document


def _types(text: str) -> list[str]:
    doc = Document(id="carried", text=text, published=dt.date(2024, 3, 4))
    return [e.type for e in extract([doc], Options()).events]


@pytest.mark.parametrize("example", lexicon.load("lemmas")["carried"]["examples"], ids=lambda e: e["type"])
def test_a_person_carried_in_custody_is_held_and_a_visit_made_stays_a_visit(example):
    """Each example's one event takes the type the carrying tells; a visit made stays a visit."""
    assert _types(example["text"]) == [example["type"]]
