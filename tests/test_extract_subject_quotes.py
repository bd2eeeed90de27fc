"""A passive clause that opens on its verb is quoted from the subject its commas split off, so
the evidence says who underwent the act."""

from __future__ import annotations

import pytest

from timeline.extract import Options, extract
from timeline.models import Document


def _quotes(text: str) -> list[str]:
    return [e.sources[0].quote for e in extract([Document(id="d", text=text)], Options(solve=False)).events]


@pytest.mark.parametrize("text,quote", [
    ("Pedro Osorio, a bodyguard of the newspaper, was killed in Medellin.",
     "Pedro Osorio, a bodyguard of the newspaper, was killed in Medellin"),
    ("SOME WEEKS AGO, JORGE ECHEVERRI, A WELL-LOVED SENATOR FROM THE COAST, WAS ASSASSINATED.",
     "JORGE ECHEVERRI, A WELL-LOVED SENATOR FROM THE COAST, WAS ASSASSINATED"),
    ("THE SEAT HAS STOOD EMPTY SINCE 1 AUGUST WHEN RAUL MENDIETA, A FARMERS' LEADER, WAS SHOT TO DEATH.",
     "RAUL MENDIETA, A FARMERS' LEADER, WAS SHOT TO DEATH"),  # the subject begins after 'when'
    ("HIS LAWYER SAID TODAY THAT THE TRADE UNIONIST ELISEO PAZ, WHO WAS ABDUCTED IN HONDURAS, WAS FOUND DEAD.",
     "THE TRADE UNIONIST ELISEO PAZ, WHO WAS ABDUCTED IN HONDURAS"),
])
def test_the_quote_names_who_underwent_the_act(text, quote):
    """The subject split off by commas, or the antecedent of 'who', opens the quote."""
    assert quote in _quotes(text)


def test_a_clause_with_its_own_subject_keeps_its_words():
    """'The mayor was killed' has its subject in the clause: nothing before it joins the quote."""
    assert _quotes("On Monday, in the north, the mayor was killed by gunmen.") == ["the mayor was killed by gunmen"]


def test_a_year_closing_a_description_before_the_verb_closes_the_clause():
    """'..., police chief until June 1987, was riddled with bullets': the comma after the year
    ends the description, so the verb's clause does not begin inside the subject's words; a comma
    after a year before anything else ('5 January 1990, the army') is left as it was."""
    from timeline.extract.clauses import clauses_of

    text = "TOMAS IBARRA, POLICE CHIEF UNTIL JUNE 1987, WAS RIDDLED WITH BULLETS NEAR HIS FARM."
    parts = [text[c.start:c.end] for c in clauses_of(text, 0, len(text), 0, True)]
    assert parts[-1] == "WAS RIDDLED WITH BULLETS NEAR HIS FARM."
    other = "On 5 January 1990, the army attacked the town."
    assert [other[c.start:c.end] for c in clauses_of(other, 0, len(other), 0)] == [other]


@pytest.mark.parametrize("text,quote", [
    ("THE HOME OF ROLANDO ARCHILA, DIRECTOR OF A RADIO STATION, WAS DAMAGED IN A TERRORIST ATTACK.",
     "HOME OF ROLANDO ARCHILA, DIRECTOR OF A RADIO STATION, WAS DAMAGED IN A TERRORIST ATTACK"),
    ("SILVIO REYES, THE MAYORAL HOPEFUL, HAS DIED FROM GUNSHOT WOUNDS.",
     "SILVIO REYES, THE MAYORAL HOPEFUL, HAS DIED FROM GUNSHOT WOUNDS"),
])
def test_violence_told_by_a_clause_opening_on_its_verb_is_quoted_from_its_subject(text, quote):
    """A violent noun ('in a terrorist attack') or an active verb ('has died') in a clause whose
    first word is its verb: the subject split off before it says what the act was about."""
    assert quote in _quotes(text)


def test_a_reaction_opening_on_its_verb_keeps_its_words():
    """Only violence reaches back for its subject: a speech act's clause is quoted as it is."""
    quotes = _quotes("THE MINISTER, A VETERAN OF THE PARTY, HAS CONDEMNED THE DECISION.")
    assert quotes == ["HAS CONDEMNED THE DECISION"]


def test_a_description_naming_an_event_word_does_not_end_the_subject():
    """'..., the chairman of the editors' monthly meeting in the capital, was damaged': a noun of
    no violence inside a description between commas tells no act, so the subject reaches past it
    to what was damaged, which the event takes as its target."""
    text = ("THE HOME OF ROLANDO ARCHILA, THE CHAIRMAN OF THE EDITORS' MONTHLY MEETING IN THE CAPITAL, "
            "WAS DAMAGED IN A TERRORIST ATTACK.")
    events = extract([Document(id="d", text=text)], Options(solve=False)).events
    attack = next(e for e in events if e.type == "attack")
    assert attack.sources[0].quote.startswith("HOME OF ROLANDO ARCHILA")
    assert any("ARCHILA" in t for t in attack.targets)
