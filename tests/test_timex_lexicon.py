"""Every word list entry in rules/lexicon.yaml is exercised in a sentence and normalised."""

import datetime as dt

import pytest

from timeline.timex import tag
from timeline.timex.lexicon import lexicon
from timeline.timex.ruleset import RuleError, _compile
from tagged import finder

PUBLISHED = dt.date(2024, 1, 31)  # a Wednesday
LX = lexicon()


values = finder(PUBLISHED, typed=False)


def found(text):
    """The (text, value) pairs as a set: a word's tests weigh them in any order."""
    return set(values(text))


def _title(word):
    return word[:1].upper() + word[1:]


@pytest.mark.parametrize("word, month", LX["months"].items())
def test_month_words(word, month):
    form = _title(word) + ("." if len(word) <= 4 and word != "may" else "")
    assert (f"{form} 5, 2020", f"2020-{month:02d}-05") in found(f"It ended on {form} 5, 2020 in Baku.")


@pytest.mark.parametrize("word, number", LX["weekdays"].items())
def test_weekday_words(word, number):
    expected = (PUBLISHED - dt.timedelta(days=(PUBLISHED.isoweekday() - number) % 7)).isoformat()
    assert (_title(word), expected) in found(f"The minister said on {_title(word)} that talks failed.")


@pytest.mark.parametrize("word, code", LX["seasons"].items())
def test_season_words(word, code):
    assert (f"{word} 2020", f"2020-{code}") in found(f"The offensive of {word} 2020 stalled.")


@pytest.mark.parametrize("word, code", LX["day_parts"].items())
def test_day_part_words(word, code):
    assert (f"yesterday {word}", f"2024-01-30T{code}") in found(f"Shelling resumed yesterday {word}.")


@pytest.mark.parametrize("word, code", [(w, c) for w, c in LX["units"].items() if c != "Q"])
def test_unit_words(word, code):
    """(Quarters are left out: "three quarters of" is a fraction far more often than a duration.)"""
    plural = word.endswith("s")
    text = f"The talks lasted {'3' if plural else 'one'} {word}."
    values = {v for _, v in found(text)}
    assert any(v.startswith("P") for v in values), (word, values)


@pytest.mark.parametrize("word, number", [(w, n) for w, n in LX["numbers"].items()])
def test_number_words(word, number):
    expected = f"P{number}D"
    assert (f"{word} days", expected) in {(t.lower(), v) for t, v in found(f"It took {word} days to cross.")}


@pytest.mark.parametrize("word, number", LX["ordinals"].items())
def test_ordinal_words(word, number):
    assert (f"the {word} of May", f"2024-05-{number:02d}") in found(f"Talks will resume on the {word} of May.")
    if number <= 21:
        assert (f"the {word} century", f"{number - 1:02d}") in found(f"A church of the {word} century burned.")


@pytest.mark.parametrize("word, month_day", LX["holidays"].items())
def test_holiday_words(word, month_day):
    assert (f"{_title(word)} 2020", f"2020-{month_day}") in found(f"The truce of {_title(word)} 2020 held.")


@pytest.mark.parametrize("word, step", LX["shifts"].items())
def test_shift_words(word, step):
    values = {v for t, v in found(f"They met {word} week.") | found(f"They met the {word} week.")}
    week = (PUBLISHED + dt.timedelta(weeks=step)).isocalendar()
    assert f"{week[0]}-W{week[1]:02d}" in values or "P1W" in values, (word, values)


@pytest.mark.parametrize("word", LX["mods"])
def test_mod_words_join_the_date(word):
    joint = "" if word.endswith("-") else " "
    phrase = f"{word}{joint}March 2020"
    assert (phrase, "2020-03") in found(f"The offensive stalled in {phrase} near the river.")


@pytest.mark.parametrize("word, number", LX["quarter_words"].items())
def test_quarter_words(word, number):
    assert (f"the {word} quarter of 2020", f"2020-Q{number}") in found(f"Exports fell in the {word} quarter of 2020.")


@pytest.mark.parametrize("word, month", LX["month_names"].items())
def test_month_names_alone_after_a_preposition(word, month):
    assert (_title(word), f"2024-{month:02d}") in found(f"Parliament will vote in {_title(word)} on the treaty.")


def test_future_cues_are_all_found_by_the_tense_check():
    for cue in LX["future_cues"]:
        text = f"Officials say they {cue} meet on Tuesday."
        assert ("Tuesday", "2024-02-06") in found(text), cue


@pytest.mark.parametrize("cue", LX["schedule_cues"])
def test_a_timetable_told_in_the_present_looks_ahead(cue):
    assert ("Tuesday", "2024-02-06") in found(f"Officials say the border {cue} on Tuesday."), cue


@pytest.mark.parametrize("cue", LX["ahead_of_past_cues"])
def test_ahead_of_past_cues_take_the_nearest_weekday_and_current_year(cue):
    """Said on Monday (29 January), reported on Wednesday 31: Thursday is tomorrow, Sunday last
    week's; the end of the year is this year's, though the clause opens in the past."""
    said = f"Officials said on Monday the bridge {cue} reopen on Thursday and the road on Sunday."
    assert {("Thursday", "2024-02-01"), ("Sunday", "2024-01-28")} <= found(said), cue
    assert ("the end of the year", "2024") in found(f"He said troops {cue} leave by the end of the year."), cue


def test_past_forms_are_all_found_by_the_tense_check():
    for form in LX["past_forms"]:
        text = f"Officials say they {form} it on Tuesday."
        assert ("Tuesday", "2024-01-30") in found(text), form


def test_a_past_form_after_be_is_a_passive_infinitive():
    assert ("Tuesday", "2024-02-06") in found("The talks will be held on Tuesday.")


def test_a_broken_rule_is_a_clear_error():
    with pytest.raises(RuleError, match="demo"):
        _compile({"name": "demo", "type": "DATE", "norm": "ymd", "pattern": "(", "keys": ["DIGIT"]}, 0)
    with pytest.raises(RuleError, match="keys"):
        _compile({"name": "demo", "type": "DATE", "norm": "ymd", "pattern": "x"}, 0)


@pytest.mark.parametrize("word", LX["open_after"])
def test_open_after_cues(word):
    edtfs = [t.edtf for t in tag(f"Fighting has gone on {word} March 2023 and {word} last week.", PUBLISHED)]
    assert edtfs == ["2023-03/..", "2024-01-22/.."]


@pytest.mark.parametrize("word", LX["open_before"])
def test_open_before_cues(word):
    edtfs = [t.edtf for t in tag(f"Troops must leave {word} March 2024, or {word} next week.", PUBLISHED)]
    assert edtfs == ["../2024-03", "../2024-02-11"]


@pytest.mark.parametrize("word", LX["approximators"])
def test_approximators_stay_inside_the_span(word):
    """TimeML keeps a word of measure in the timex ('about a week', 'less than a month')."""
    assert (f"{word} a week", "P1W") in found(f"The talks lasted {word} a week.")
    assert (f"{word} 9 a.m.", "2024-01-31T09:00") in found(f"The shelling began {word} 9 a.m.")


@pytest.mark.parametrize("text, expect, value", [
    ("It happened early Tuesday morning.", "early Tuesday morning", "2024-01-30TMO"),
    ("She checked in late Thursday night.", "late Thursday night", "2024-01-25TNI"),
    ("Fighting resumed early this morning.", "early this morning", "2024-01-31TMO"),
])
def test_early_and_late_stay_inside_a_day_or_time(text, expect, value):
    assert (expect, value) in found(text)


def test_shortly_after_is_a_cue_not_part_of_the_span():
    timex = tag("Troops left shortly after 1 March 2024.", PUBLISHED)[0]
    assert (timex.text, timex.edtf) == ("1 March 2024", "2024-03-01/..")


@pytest.mark.parametrize("noun", LX["name_nouns"])
def test_a_day_and_month_before_a_name_noun_are_part_of_a_name(noun):
    assert not found(f"Leaders of the 19 April {noun.title()} met.")
    assert not found(f"Leaders of the April 19 {noun.title()} met.")


def test_could_and_might_look_ahead_unless_a_past_form_follows():
    december = dt.date(2023, 12, 12)
    assert ("February", "2024-02") in values("Flour could run out by February.", december)
    assert ("Saturday", "2024-02-03") in found("Rain might continue through Saturday.")
    assert ("Monday", "2024-01-29") in found("Rebels could have struck on Monday.")


@pytest.mark.parametrize("verb", LX["state_verbs"])
def test_a_participle_after_a_state_verb_has_no_tense_of_its_own(verb):
    assert ("Friday", "2024-02-02") in found(f"Schools will {verb} closed until Friday."), verb


def test_since_points_back():
    december = dt.date(1989, 12, 22)
    assert ("May", "1989-05") in values("Staff have had threats since May.", december)


@pytest.mark.parametrize("opener", LX["adjective_openers"])
def test_an_ed_form_after_a_determiner_or_preposition_modifies_a_noun(opener):
    text = f"The agency will publish a list of {opener} damaged homes by the end of the month."
    assert ("the end of the month", "2024-01") in found(text), opener


def test_the_modal_may_looks_ahead_but_the_month_may_is_no_cue():
    december = dt.date(2022, 12, 12)
    told = values("The agency warned on Friday it may run out of flour by February.", december)
    assert ("February", "2023-02") in told
    assert ("Tuesday", "2022-12-06") in values("In May, rebels attacked on Tuesday.", december)


# One sentence an auxiliary: a future cue right after it looks ahead from the day of the saying.
PAST_AUXILIARY_SENTENCES = {
    "was": "Officials said on Monday the bridge was expected to reopen on Thursday and the road on Sunday.",
    "were": "Officials said on Monday the ferries were expected to sail on Thursday and the barges on Sunday.",
    "had": "Officials said on Monday they had planned to reopen the bridge on Thursday and the road on Sunday.",
    "would": "Officials said on Monday traders would hope to cross the bridge on Thursday and the road on Sunday.",
    "could": "Officials said on Monday traders could expect the bridge to reopen on Thursday and the road on Sunday.",
    "might": "Officials said on Monday traders might expect the bridge to reopen on Thursday and the road on Sunday.",
}


def test_every_past_auxiliary_has_its_sentence():
    assert set(PAST_AUXILIARY_SENTENCES) == set(LX["past_auxiliaries"])


@pytest.mark.parametrize("word", LX["past_auxiliaries"])
def test_a_future_cue_after_a_past_auxiliary_takes_the_nearest_weekday(word):
    """Said on Monday (29 January), reported on Wednesday 31: the Sunday after 'was expected to' is
    the one before the report, the nearest, not the coming one a bare future cue would give."""
    assert {("Thursday", "2024-02-01"), ("Sunday", "2024-01-28")} <= found(PAST_AUXILIARY_SENTENCES[word]), word


@pytest.mark.parametrize("word", LX["until_words"])
def test_an_end_told_in_the_past_is_the_nearest_weekday(word):
    """'extended the curfew until Thursday', told on Wednesday: tomorrow, not last week's Thursday."""
    assert ("Thursday", "2024-02-01") in found(f"The army extended the curfew {word} Thursday."), word


RECURRING = LX["recurring"]


@pytest.mark.parametrize("words", [f"{w} day" for w in RECURRING["every"]] + [f"every {u}" for u in RECURRING["units"]]
                         + RECURRING["adverbs"])
def test_a_clock_of_a_recurring_day_falls_on_no_one_day(words):
    """'left the base every morning at 6 a.m.': the clock time is of any day, not the report's."""
    assert ("6 a.m.", "XXXX-XX-XXT06:00") in found(f"Patrols left the base {words} at 6 a.m."), words
