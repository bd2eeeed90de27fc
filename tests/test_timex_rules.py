"""Every timex rule carries an example; each example must tag and normalise as stated."""

import datetime as dt

import pytest

from timeline.timex import tag
from timeline.timex.ruleset import rules

DEFAULT_PUBLISHED = dt.date(2013, 3, 22)


def _example_found(rule) -> bool:
    """The rule's example tags as stated: its text and value, and its type when the example gives one."""
    example = rule.example
    published = example.get("published", DEFAULT_PUBLISHED)
    found = [(t.text, t.value, t.type) for t in tag(example["text"], published, example.get("mode", "news"))]
    return any((text, value) == (example["expect"], example["value"]) and kind == example.get("type", kind)
               for text, value, kind in found)


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_rule_example(rule):
    example = rule.example
    assert {"text", "expect", "value"} <= example.keys(), f"rule {rule.name} needs an example"
    assert _example_found(rule), [(t.text, t.value, t.type) for t in tag(example["text"], example.get("published", DEFAULT_PUBLISHED))]


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_rule_example_needs_its_rule(rule, monkeypatch):
    """Without the rule its example no longer tags as stated: a rule the others cover shows nothing
    of its own (such a rule, 'at 3 p.m. Saturday' that the clock and weekday join reads, was removed)."""
    from timeline.timex import joins, matcher

    rest = tuple(r for r in rules() if r is not rule)
    monkeypatch.setattr(matcher, "rules", lambda: rest)
    monkeypatch.setattr(matcher, "literal_keys", lambda: frozenset(k for r in rest for k in r.keys if not k.isupper()))
    monkeypatch.setattr(joins, "join_rules", lambda: tuple(r for r in rest if r.join))
    assert not _example_found(rule)


@pytest.mark.parametrize("rule", rules(), ids=lambda r: r.name)
def test_rule_example_is_found_by_that_rule(rule):
    """The example must exercise the rule itself, not only a neighbour."""
    text = rule.example["text"]
    assert any(m for m in rule.regex.finditer(text)), f"{rule.name} does not match its own example"


def _sample_texts():
    from timeline.evaluate.corpora import shared_dir

    root = shared_dir()
    paths = [root.parent / "seeds" / "000_b6a62961ae883b3c.txt",
             *sorted((root / "wikiwars" / "in").glob("0[1-3]*.sgm")),
             *sorted((root / "te3-platinum" / "input").glob("*.TE3input"))[:5]]
    texts = [p.read_text(encoding="utf-8") for p in paths if p.is_file()]
    if not texts:
        pytest.skip("shared corpora not found (../shared or $TIMELINE_SHARED)")
    return texts + [example_text(r) for r in rules()]


def example_text(rule):
    return rule.example["text"]


def test_keyed_windows_find_what_a_full_scan_finds():
    """Each rule runs only around its keys; that must never lose or change a match."""
    from timeline.timex.matcher import find

    for text in _sample_texts():
        windowed = [(c.start, c.end, c.rule.name) for c in find(text)]
        full = [(c.start, c.end, c.rule.name) for c in find(text, full_scan=True)]
        assert windowed == full


@pytest.mark.parametrize("rule", [r for r in rules() if r.counterexamples], ids=lambda r: r.name)
def test_rule_counterexamples_find_nothing(rule):
    """Names and phrases a rule must leave alone ('The Sunday Times', 'Good Friday')."""
    for text in rule.counterexamples:
        assert tag(text, DEFAULT_PUBLISHED) == [], text
