"""Noun phrases around an event word without a parser: objects read forward, subjects backward."""

from __future__ import annotations

import pytest

from timeline.extract.phrases import after_word, phrase_after, phrase_before, tokens


def after(text: str, word: str) -> str | None:
    """The phrase after ``word`` (its object), as the words of the text."""
    found = phrase_after(text, text.index(word) + len(word), len(text))
    assert found is None or text[found.start:found.end] == found.text
    return found.text if found else None


def before(text: str, word: str) -> str | None:
    """The phrase before ``word`` (its subject)."""
    found = phrase_before(text, text.index(word), 0)
    assert found is None or text[found.start:found.end] == found.text
    return found.text if found else None


@pytest.mark.parametrize("text,word,phrase", [
    ("Gunmen burned the offices of the water company in Tacna.", "burned", "offices of the water company"),
    ("GUNMEN BURNED THE OFFICES OF THE WATER COMPANY IN TACNA.", "BURNED", "OFFICES OF THE WATER COMPANY"),
    # one 'of' only: a second one ends the phrase
    ("Police detained two members of the Andean Youth Front of the south.", "detained",
     "members of the Andean Youth Front"),
    ("Police detained the Andean Youth Front [AYF] leaders on Sunday.", "detained", "Andean Youth Front [AYF] leaders"),
    ("Police detained the farmers who protested.", "detained", "farmers"),  # a pronoun ends it
    ("Police detained the farmers, and left.", "detained", "farmers"),  # punctuation ends it
    ("Police detained the farmer and his son.", "detained", "farmer"),  # a conjunction ends it
    ("Police detained about 1,200 farmers.", "detained", "farmers"),  # quantities are skipped
    ("Police detained.", "detained", None),
    ("TERRORISTS HAVE ATTACKED SEVERAL MINES LATELY.", "ATTACKED", "MINES"),  # an adverb only ends it
    ("Police detained three armed men.", "detained", "armed men"),  # a participle after a number modifies
    ("A ROCKET HIT THE U.S. EMBASSY IN BOGOTA.", "HIT", "U.S. EMBASSY"),  # an initialism's periods are its own
    ("GUERRILLAS SEIZED TWO U.S. CITIZENS.", "SEIZED", "U.S. CITIZENS"),
    ("Moscow rejected a US proposal on Monday.", "rejected", "US proposal"),  # mixed case: 'US' is the country
    ("THE GUERRILLAS TOLD US THE TRUTH.", "TOLD", None),  # all in capitals: still the pronoun
    ("Beirut rejected Thursday a new appeal for troops.", "rejected", "new appeal"),  # past the day
])
def test_phrase_after(text, word, phrase):
    """An object runs over modifiers and nouns, takes one 'of' and a bracketed acronym, and stops
    at a preposition, a pronoun, a conjunction or punctuation; determiners and numbers before it
    are left out."""
    assert after(text, word) == phrase


@pytest.mark.parametrize("text,word,phrase", [
    ("Members of the Andean Youth Front burned the bus.", "burned", "Members of the Andean Youth Front"),
    ("MEMBERS OF THE ANDEAN YOUTH FRONT BURNED THE BUS.", "BURNED", "MEMBERS OF THE ANDEAN YOUTH FRONT"),
    ("The farmers have reportedly burned the bus.", "burned", "farmers"),  # over auxiliaries and adverbs
    ("In Tacna the farmers burned the bus.", "burned", "farmers"),  # the determiner ends it
    ("The Andean Youth Front [AYF] burned the bus.", "burned", "Andean Youth Front [AYF]"),
    ("Two hundred farmers burned the bus.", "burned", "farmers"),
    ("After they left, farmers burned the bus.", "burned", "farmers"),
    ("They burned the bus.", "burned", None),  # a pronoun is no phrase
    ("burned the bus.", "burned", None),
    ("The farmers on Tuesday burned the bus.", "burned", "farmers"),  # over the day told before the verb
])
def test_phrase_before(text, word, phrase):
    """A subject read backward over auxiliaries and adverbs, through 'of the' to its head, up to a
    determiner, a number, a pronoun or punctuation."""
    assert before(text, word) == phrase


@pytest.mark.parametrize("text,phrase", [
    ("The bus was burned by farmers of the Andean Youth Front on Sunday.", "farmers of the Andean Youth Front"),
    ("THE BUS WAS BURNED BY FARMERS.", "FARMERS"),  # the word is found in any case
    ("Police acted against the strikers.", "strikers"),
    ("The bus was burned.", None),
])
def test_after_word(text, phrase):
    """The phrase after the first of the given words ('by', 'against') from a position."""
    found = after_word(text, text.index(" ", 10), len(text), ("by", "against"))
    assert (found.text if found else None) == phrase


def test_tokens_keep_brackets_numbers_and_hyphens_whole():
    """A bracketed note, a number with separators and a hyphenated word are single tokens."""
    text = "The [AYF] (in Tacna) four-person cell, 12,000 strong."
    assert [word for _, _, word in tokens(text, 0, len(text))] == [
        "The", "[AYF]", "(in Tacna)", "four-person", "cell", ",", "12,000", "strong", "."]


def test_end_before_walks_back_over_blanks_only():
    """The end of the text before a position, trailing blanks dropped, without slicing the prefix."""
    from timeline.extract.phrases import end_before

    text = "the mayor ,  who"
    assert end_before(text, text.index("who")) == len("the mayor")
    assert end_before(text, text.index("who"), " ") == len("the mayor ,")
    assert end_before("  x", 2) == 0 and end_before("", 0) == 0


def test_a_bracketed_note_inside_a_subject_is_part_of_it():
    """'ELN [ARMY OF NATIONAL LIBERATION] GUERRILLAS, WHICH ...': the wire's note expands a name
    inside the phrase; it does not end it."""
    text = "THE ARMY FOUGHT ELN [ARMY OF NATIONAL LIBERATION] GUERRILLAS, WHICH CLAIMED THE ATTACKS."
    assert before(text, ", WHICH") == "ELN [ARMY OF NATIONAL LIBERATION] GUERRILLAS"


def test_a_word_has_the_parts_of_speech_of_its_lower_case_in_any_case():
    """Wire copy in capitals asks the dictionary of 'KILLED' as mixed case asks of 'killed' and
    'Killed': one answer, read once whatever the case."""
    from timeline.extract.phrases import parts_of_speech

    for word in ("killed", "bombing", "guerrillas", "xqzt"):
        assert parts_of_speech(word.upper()) == parts_of_speech(word.title()) == parts_of_speech(word)
    assert parts_of_speech("KILLED") == {"VERB"} and parts_of_speech("XQZT") == frozenset()
