"""What letter case says about a word: text in capitals, dictionary words, name-like words."""

from __future__ import annotations

import pytest

from timeline.extract.casing import is_english_word, name_like, shouting


@pytest.mark.parametrize("text,caps", [
    ("REBELS BURNED TWO BUSES NEAR THE RIVER.", True),
    ("QUITO, 3 MAR 90 (AFP) -- [TEXT] POLICE SAID (iN A STATEMENT) THAT...", True),  # a stray lower case
    ("Rebels burned two buses near the River Plate.", False),
    ("The OAS and the UN met in New York.", False),  # acronyms in mixed case
    ("", False),
    ("1990 -- 12:30", False),  # no letters at all
])
def test_shouting(text, caps):
    """A text counts as written in capitals when nearly all of its letters are upper case."""
    assert shouting(text) is caps


def test_shouting_reads_only_the_opening_sample():
    """A long text is judged by its first characters: a mixed-case tail does not change the verdict."""
    assert shouting("ALL CAPITALS HERE. " * 10 + "then mixed case for a long while " * 20, sample=150)


@pytest.mark.parametrize("word,english", [
    ("attacked", True),  # an inflection
    ("GUERRILLAS", True),  # case does not matter
    ("the", True),  # a function word
    ("four", True),  # a number word (not in lemminflect's dictionary)
    ("SIXTH", True),
    ("rebels'", True),  # a possessive
    ("four-person", True),  # hyphenated: English when every part is
    ("high-power", True),
    ("12-hour", True),  # a number part counts
    ("twenty-one", True),
    ("USULUTAN", False),  # a place name
    ("FMLN", False),  # an acronym
    ("anti-FMLN", False),  # one unknown part is enough
])
def test_is_english_word(word, english):
    """A dictionary word in any inflection or case, a function word or a number; not a name."""
    assert is_english_word(word) is english


@pytest.mark.parametrize("word,caps,like", [
    ("Lima", False, True),  # mixed case: capitalised is a name
    ("lima", False, False),
    ("LIMA", True, True),  # capitals: not a dictionary word
    ("ATTACKED", True, False),  # capitals: a dictionary word is not a name by its case
    ("FOUR", True, False),
    ("3rd", False, False),  # does not start with a letter
    ("", True, False),
])
def test_name_like(word, caps, like):
    """Capitalised in mixed case; in capitals, case says nothing and only unknown words are name-like."""
    assert name_like(word, caps) is like
