"""`eval events --details` lists the actors a matched pair disagrees on, so an actor F1 under 1.00
has lines to read (it said "0 problem(s)" beside actor 0.00)."""

from __future__ import annotations

import datetime as dt

from timeline.evaluate import events as ev
from timeline.evaluate.gold import read_gold
from timeline.models import Document, Event, Source, Timeline

ARTICLE = "Militants of the Coastal Front shelled the harbour of Harbourtown on 9 May 2022."
GOLD = """document: harbour.txt
published: 2022-05-09
events:
  - id: shelling
    type: shelling
    quote: "shelled the harbour of Harbourtown"
    actors: [Coastal Front]
    bounds: 2022-05-09
"""


def _predicted(actors: list[str]) -> Timeline:
    start = ARTICLE.index("shelled")
    source = Source(document="harbour", quote="shelled the harbour", start=start, end=start + len("shelled the harbour"))
    event = Event(id="p1", title="Shelling", type="shelling", date="2022-05-09", actors=actors, sources=[source])
    document = Document(id="harbour", title="Harbour", published=dt.date(2022, 5, 9), text=ARTICLE)
    return Timeline(events=[event], documents=[document])


def test_actor_disagreements_are_listed_and_agreement_is_not(tmp_path):
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "harbour.yaml").write_text(GOLD, encoding="utf-8")
    gold = [read_gold(tmp_path / "harbour.yaml", shared=tmp_path / "none")]
    wrong = ev.details(gold, _predicted(["Harbour Police"]))
    assert "harbour: 1 problem(s)" in wrong
    assert "actors shelling: missing coastal front; extra harbour police (p1)" in wrong
    assert ev.details(gold, _predicted(["Coastal Front"])) == "harbour: 0 problem(s)"
