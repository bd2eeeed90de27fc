"""What letter case says about a word, and when it says nothing (wire copy in capitals).

In mixed-case text a capitalised word in mid-sentence is a name. FBIS reports and old agency wires
are written in capitals, where case tells nothing: there a word is name-like when it is not an
English word (lemminflect's dictionary does not know it: 'USULUTAN', 'FMLN'); names made of
dictionary words ('SHINING PATH') are found by the lexicons and by groups.py, not by case.
"""

from __future__ import annotations

from functools import cache

from .phrases import parts_of_speech

_CAPS_SHARE = 0.9  # share of upper-case letters from which a text counts as written in capitals
_FUNCTION_WORDS = frozenset("""a an the of in on at by for to from with and or but as into over after before
    during near against about between among under without within this that these those its their his her our
    is are was were be been being has have had will would could should may might must can do does did not no
    he she it they we you i who whom whose which what when where while if than then so also""".split())
# number words lemminflect's dictionary lacks ('four', 'twenty', 'sixth'): in capitals they are no names
_NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred thousand million billion first second third fourth fifth sixth seventh eighth ninth tenth eleventh
    twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth
    fortieth fiftieth sixtieth seventieth eightieth ninetieth hundredth thousandth""".split())


def shouting(text: str, sample: int = 4000) -> bool:
    """True when the text (its first ``sample`` characters) is written in capitals."""
    letters = [c for c in text[:sample] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) >= _CAPS_SHARE


@cache
def is_english_word(word: str) -> bool:
    """A word of the dictionary (in any inflection), or a function word."""
    lower = word.lower().strip("'’")
    if "-" in lower.strip("-"):  # 'four-person', 'high-power': English when its parts are
        return all(is_english_word(part) or part.isdigit() for part in lower.split("-") if part)
    return lower in _FUNCTION_WORDS or lower in _NUMBER_WORDS or bool(parts_of_speech(lower))


def is_function_or_number_word(word: str) -> bool:
    """'the', 'of', 'two', 'sixth': words that only qualify or link others, never modify a noun as a noun does."""
    return word.lower() in _FUNCTION_WORDS or word.lower() in _NUMBER_WORDS


def name_like(word: str, caps: bool) -> bool:
    """Could this word be part of a name? Capitalised in mixed case; not a dictionary word in capitals."""
    if not word or not word[0].isalpha():
        return False
    if not caps:
        return word[0].isupper()
    return not is_english_word(word)


def common_form(word: str, caps: bool) -> str | None:
    """The word as mixed case writes a common word mid-sentence (lower case), or None for a name or a
    capitalised opening: syntax cues keyed on lower-case words read wire copy in capitals alike."""
    if word.islower():
        return word
    if caps and word.isupper() and is_english_word(word):
        return word.lower()
    return None
