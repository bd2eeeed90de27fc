"""'it' and 'they' opening an event's clause stand for a party told before (groups.yaml pronoun_examples), and
so do group nouns ('the gunmen', 'the rebels': the armed group named last, groups.yaml group_nouns) and forces
after 'its' or 'their' (groups.yaml possessed_examples); a parent body in an apposition ('X, the armed
wing of Y') is none of them (groups.yaml parent_relations)."""

import pytest

from timeline.extract import Options, lexicon
from timeline.extract.pipeline import run
from timeline.models import Document

GROUPS = lexicon.load("groups")
EXAMPLES = (GROUPS["pronoun_examples"] + GROUPS["group_nouns"]["examples"] + GROUPS["group_nouns"]["counterexamples"]
            + GROUPS["possessed_examples"] + GROUPS["parent_relations"]["examples"])


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["text"][:40] for e in EXAMPLES])
def test_pronoun_stands_for_a_party_told_before(example):
    """The example's event of its type has the party the pronoun stands for, or not."""
    state = run(Document(id="d", text="Story\n\n" + example["text"]), Options())
    events = [e for e in state.events if e.type == example["type"]]
    assert events, [(e.type, e.actors) for e in state.events]
    if "actor" in example:
        assert example["actor"] in events[0].actors
    if "not_actor" in example:
        assert example["not_actor"] not in events[0].actors


COMMUNIQUE = GROUPS["communique"]


@pytest.mark.parametrize("example", [*COMMUNIQUE["examples"], COMMUNIQUE["counterexample"]],
                         ids=["marker", "accented-marker", "past-the-header"])
def test_a_communiques_header_names_who_speaks_its_we(example):
    """groups.yaml communique: each marker opens a header that names the author; a bracketed
    communique past the header's reach is quoted further in, its author no speaker of the report."""
    from timeline.extract.perpetrators import communique_speaker

    assert communique_speaker(run(Document(id="d", text=example["text"]), Options())) == example["speaker"]


@pytest.mark.parametrize("text", [
    "Fighting spread across Gojjam in Ethiopia on Sunday. According to the Office for the Coordination of "
    "Humanitarian Affairs (OCHA), about 4,000 villagers have fled towards Bahir Dar since the fighting began.",
    "Main points: gunmen attacked a camp in Ituri overnight; the army of Congo blames the rebels; about 4,000 "
    "villagers have fled towards Bunia."])
def test_people_who_fled_are_their_clauses_own_subject(text):
    """'about 4,000 villagers have fled': the clause has its own subject, so it takes no party from
    the source before it or the clause it follows (groups.yaml displaced_people)."""
    state = run(Document(id="d", text="Story\n\n" + text), Options())
    fled = [e for e in state.events if e.type == "displacement"]
    assert fled and fled[0].actors == []
