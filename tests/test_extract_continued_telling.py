"""A speech act with no subject of its own, coordinated after the words a reporting verb opened
('it said the raid avenged a commander and warned that ...'), continues the telling: its party is
the reporting verb's subject, not the reported clause's (``arguments._continues_telling``,
``_reporter``)."""

import pytest

from timeline.extract import Options
from timeline.extract.pipeline import run
from timeline.models import Document

TOLD = [
    ("The Tehrik-i-Taliban Pakistan claimed the raid on Monday. It said the attack avenged a commander "
     "killed in May and warned that more posts would be hit.", "threat", "Tehrik-i-Taliban Pakistan"),
    ("A spokesman for the Houthi movement said its boats had fired at the tanker because it sailed for "
     "Britain, and warned that more ships would be hit.", "threat", "Houthi movement"),
]

OWN_SUBJECT = [
    # the coordinated clause names its own speaker: the telling is not continued
    ("Kenya said on Monday that the talks had failed, but Uganda denied it.", "refusal", "Uganda", "Kenya"),
]


def _events(text: str, kind: str) -> list:
    return [e for e in run(Document(id="d", text="Story\n\n" + text), Options()).events if e.type == kind]


@pytest.mark.parametrize("text, kind, party", TOLD, ids=lambda v: str(v)[:30])
def test_a_coordinated_speech_act_is_the_tellers(text: str, kind: str, party: str) -> None:
    """The warning is the reporting verb's subject's."""
    events = _events(text, kind)
    assert events and party in events[-1].actors, [(e.type, e.actors) for e in events]


@pytest.mark.parametrize("text, kind, party, teller", OWN_SUBJECT, ids=lambda v: str(v)[:30])
def test_a_clause_with_its_own_subject_keeps_it(text: str, kind: str, party: str, teller: str) -> None:
    """'but Uganda denied it': Uganda's denial, not Kenya's."""
    events = _events(text, kind)
    assert events and events[-1].actors == [party] and teller not in events[-1].actors, [(e.type, e.actors) for e in events]
