"""A clause that states no subject of its own may share the subject of the act told right before it:
a bare gerund after a connective of time ('seized the port before withdrawing') is done by who did
that act (``arguments._gerund_adverbial``), and a sentence that opens on a time phrase ('That week
Chad ...') opens no that-clause, so a participle after it keeps its subject (``clauses.clauses_of``)."""

import pytest

from timeline.extract import Options
from timeline.extract.pipeline import run
from timeline.models import Document

SHARED = [
    ("Fighting spread across the north of Mozambique on Monday. Mozambican troops recaptured the bridge at "
     "Palma on Tuesday before withdrawing to the coast.", "withdrawal", "Mozambique"),
    ("Opposition supporters marched in Lome, Togo, on Friday. Togolese police raided the party's "
     "offices after arresting its leader at dawn.", "arrest", "Togo"),
    ("Border guards and smugglers traded fire in the north of Kenya in May. That month Kenya launched "
     "Operation Jabali, sending commandos by helicopter onto the ridges.", "mobilization", "Kenya"),
]

NOT_SHARED = [
    # the clause right before tells no act: its words are no subject of the gerund
    ("A gunman opened fire in a mosque in Dakar, Senegal, on Friday. The suspect spent the night in a "
     "cell of the Senegalese gendarmerie before appearing before a magistrate on Saturday.", "investigation"),
]


def _events(text: str, kind: str) -> list:
    return [e for e in run(Document(id="d", text="Story\n\n" + text), Options()).events if e.type == kind]


@pytest.mark.parametrize("text, kind, party", SHARED, ids=lambda v: str(v)[:30])
def test_an_unstated_subject_is_the_act_befores(text: str, kind: str, party: str) -> None:
    """The gerund or participle takes the party of the act told just before it."""
    events = _events(text, kind)
    assert events and party in events[-1].actors, [(e.type, e.actors) for e in events]


@pytest.mark.parametrize("text, kind", NOT_SHARED, ids=lambda v: str(v)[:30])
def test_a_clause_with_no_act_lends_no_subject(text: str, kind: str) -> None:
    """A gerund after a clause that tells no act takes no party from that clause's names."""
    events = _events(text, kind)
    assert events and events[-1].actors == [], [(e.type, e.actors) for e in events]
