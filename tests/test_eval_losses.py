"""Where a missed gold event was lost: counted by cause, so a blind batch can be sorted unread."""

from __future__ import annotations

import textwrap
from collections import Counter

from timeline.cli import main
from timeline.evaluate import losses
from timeline.evaluate.gold import read_gold
from gold_folder import gold_folder

TEXT = ("Gunmen ambushed a supply convoy near the river crossing on Monday. "
        "The provincial council co-opted two new members on Tuesday. "
        "The governor praised the drivers for their courage.\n")

GOLD = textwrap.dedent(
    """
    document: article.txt
    published: 2024-05-08
    events:
      - {id: ambush, type: attack, quote: "Gunmen ambushed a supply convoy"}
      - {id: co-opted, type: policy_change, quote: "The provincial council co-opted two new members"}
      - {id: praise, type: threat, quote: "The governor praised the drivers"}
    """
)


def _gold(tmp_path):
    return gold_folder(tmp_path, TEXT, GOLD)


def test_each_gold_event_is_placed_at_the_step_that_lost_it(tmp_path):
    """A word no lexicon holds; a word of another type; an event found (then only pairing is left)."""
    doc = read_gold(_gold(tmp_path) / "article.yaml", shared=tmp_path)
    states = losses.stage_states(doc)
    found = {g.id: losses.where_lost(g, states) for g in doc.events}
    assert found == {"ambush": losses.PAIRING, "co-opted": losses.NO_WORD, "praise": losses.OTHER_TYPE}


def test_the_cli_counts_only_the_missed_events(tmp_path, capsys):
    """`eval events --losses` prints one line per cause met: the ambush was found and the praise paired
    (a wrong type, no miss), so only the co-opting is counted."""
    assert main(["eval", "events", "--gold", str(_gold(tmp_path)), "--losses"]) == 0
    out = capsys.readouterr().out
    assert "missed required events by where they were lost (1)" in out
    assert losses.NO_WORD in out and losses.OTHER_TYPE not in out and losses.PAIRING not in out
    assert losses.format_losses(Counter({losses.JOINED: 1})).endswith(losses.JOINED)
