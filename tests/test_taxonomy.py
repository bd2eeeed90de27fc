"""The event type taxonomy (``timeline/taxonomy.yaml``): refinements, aliases, classes and the
PLOVER coding, and the data file's own consistency."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources

import pytest
import yaml

from timeline.taxonomy import PLOVER_CATEGORIES, agrees, canonical, event_types, of_class, plover_coding, root

TYPES = event_types()


@pytest.mark.parametrize("narrow,wide,agree", [
    ("bombing", "attack", True),  # a refinement agrees with the type it refines
    ("attack", "attack", True),
    ("attack", "bombing", False),  # not the other way round
    ("riot", "protest", True),
    ("bombing", "protest", False),
    ("robbery", "attack", False),  # violence, but no refinement of an attack
    ("no_such_type", "attack", False),
])
def test_agrees(narrow, wide, agree):
    """A narrower type agrees with itself and every broader type above it."""
    assert agrees(narrow, wide) is agree


@pytest.mark.parametrize("name,top", [("bombing", "attack"), ("attack", "attack"), ("pledge", "agreement"),
                                      ("investigation", "accusation"), ("no_such_type", "no_such_type")])
def test_root(name, top):
    """The most general type a type refines; itself when it refines none or is unknown."""
    assert root(name) == top


@pytest.mark.parametrize("written,meant", [
    ("kidnapping", "abduction"),  # an alias
    ("assassination", "killing"),
    ("clash", "armed_clash"),
    ("abduction", "abduction"),  # a type is its own name
    ("no_such_type", None),
])
def test_canonical(written, meant):
    """A name written in events.yaml stands for its type, itself or the type it is an alias of."""
    assert canonical(written) == meant


def test_of_class():
    """Types by class: violence holds attacks and their refinements, speech holds statements."""
    violence, speech = of_class("violence"), of_class("speech")
    assert {"attack", "bombing", "abduction", "killing", "armed_clash"} <= violence
    assert "statement" in speech and "statement" not in violence
    assert of_class("violence", "speech") == violence | speech
    assert of_class("no_such_class") == frozenset()


@pytest.mark.parametrize("kind,modality,coding", [
    ("attack", "asserted", ("ASSAULT", ())),
    ("attack", "negated", ("ASSAULT", ())),  # negation is a PLOVER context, not another category
    ("attack", "future", ("THREATEN", ("violence",))),  # announced force is a threat
    ("attack", "hypothetical", ("THREATEN", ("violence",))),
    ("abduction", "asserted", ("ASSAULT", ("abduct",))),
    ("military_exercise", "future", ("AGREE", ())),  # promised cooperation
    ("threat", "future", ("THREATEN", ())),  # no future coding: its own
    ("statement", "asserted", (None, ())),
])
def test_plover_coding(kind, modality, coding):
    """(category, modes) of a type and modality: future and hypothetical reports take the type's
    ``future`` coding where it has one."""
    assert plover_coding(kind, modality) == coding


def _blocks() -> dict[str, str]:
    """Each type's lines in the data file, comments included (YAML loading drops them)."""
    text = resources.files("timeline").joinpath("taxonomy.yaml").read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r"^(\w+):\n((?:[ #].*\n|\n)*)", text, re.MULTILINE)}


@pytest.mark.parametrize("name", sorted(TYPES))
def test_plover_category_is_one_of_the_16_or_none_with_a_reason(name):
    """Every type maps to one of the current manual's 16 categories, or says in the file why it
    has none ('plover: none  # ...')."""
    kind = TYPES[name]
    if kind.plover_event is not None:
        assert kind.plover_event in PLOVER_CATEGORIES
        assert kind.plover_future is None or kind.plover_future[0] in PLOVER_CATEGORIES
    else:
        assert re.search(r"^  plover: none  # \S.{10,}$", _blocks()[name], re.MULTILINE), _blocks()[name]


def test_every_broader_type_exists_and_no_chain_loops():
    """A refinement names a type of the file, and following ``broader`` always ends."""
    for kind in TYPES.values():
        assert kind.broader is None or kind.broader in TYPES, kind.name
        seen, name = set(), kind.name
        while name is not None:
            assert name not in seen, kind.name
            seen.add(name)
            name = TYPES[name].broader


def test_every_alias_is_unique_and_no_type_name():
    """An alias stands for one type only, and never shadows a type's own name."""
    counts = Counter(alias for kind in TYPES.values() for alias in kind.aliases)
    assert [a for a, n in counts.items() if n > 1] == []
    assert set(counts) & set(TYPES) == set()


class _UniqueKeys(yaml.SafeLoader):
    """A loader that refuses a key written twice in one mapping (PyYAML keeps the last silently)."""


def _unique_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    keys = [loader.construct_object(key, deep=deep) for key, _ in node.value]
    twice = [k for k, n in Counter(keys).items() if n > 1]
    if twice:
        raise yaml.constructor.ConstructorError(None, None, f"key {twice[0]!r} written twice", node.start_mark)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def test_no_key_is_written_twice():
    """Regression: inserting 'pledge' once left agreement's 'acled' line under pledge, where YAML
    silently kept it; agreement lost its ACLED coding. Every key of a type is written once."""
    text = resources.files("timeline").joinpath("taxonomy.yaml").read_text(encoding="utf-8")
    yaml.load(text, Loader=_UniqueKeys)
    assert TYPES["agreement"].acled_sub_event_type == "Agreement" and TYPES["pledge"].acled is None
