"""A nominal event is told as having happened when the relative or participle clause right after
it dates it ('An earlier truce, agreed in May 2003, ...'), not when that clause gives no date."""

from timeline.extract import extract
from timeline.models import Document


def _types(text: str) -> list[str]:
    return [e.type for e in extract([Document(id="d", text="Story\n\n" + text)]).events]


def test_a_participle_clause_with_a_date_supports_the_nominal_before_it():
    assert "ceasefire" in _types("An earlier truce between the clans, agreed in May 2003, held for years.")


def test_a_relative_clause_with_a_date_supports_the_nominal_before_it():
    assert _types("Six weeks of public hearings that began in March ended without a verdict.") == ["investigation"]


def test_a_modifier_without_a_date_supports_nothing():
    assert "ceasefire" not in _types("An earlier truce between the clans, much praised by the elders, held for years.")
