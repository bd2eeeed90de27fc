"""Every timex rule carries an example; each example must tag and normalise as stated."""

import datetime as dt

import pytest

from timeline.timex import tag
from timeline.timex.ruleset import rules

DEFAULT_PUBLISHED = dt.date(2013, 3, 22)


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_rule_example(rule):
    example = rule.example
    assert {"text", "expect", "value"} <= example.keys(), f"rule {rule.name} needs an example"
    published = example.get("published", DEFAULT_PUBLISHED)
    found = [(t.text, t.value) for t in tag(example["text"], published, example.get("mode", "news"))]
    assert (example["expect"], example["value"]) in found, found


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_rule_example_is_found_by_that_rule(rule):
    """The example must exercise the rule itself, not only a neighbour."""
    text = rule.example["text"]
    assert any(m for m in rule.regex.finditer(text)), f"{rule.name} does not match its own example"
