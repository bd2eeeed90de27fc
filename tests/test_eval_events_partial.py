"""Gold that covers part of an article (``scope: partial``): predictions told outside the annotated
sentences are out of scope, not false; precision and F1 are reported both ways."""

import datetime as dt
import textwrap

import pytest

from timeline.cli import main
from timeline.evaluate import events as ev
from timeline.evaluate.gold import GoldError, read_gold_dir, sentence_spans
from timeline.models import Document, Event, Source, Timeline
from gold_folder import gold_folder

TEXT = (
    "The mayor opened a new library on Monday. Police dispersed a crowd near the station, and a "
    "shop was looted. The council debated the budget for hours. Gen. Ortiz ordered a curfew on "
    "Tuesday.\nA choir sang at the ceremony."
)
EVENTS = textwrap.dedent(
    """
    document: article.txt
    published: 2024-05-10
    events:
      - id: dispersal
        type: protest
        quote: "Police dispersed a crowd near the station"
        actors: [Police]
      - id: curfew
        type: coercion
        quote: "ordered a curfew"
    """
)
PARTIAL = "scope: partial\nscope_note: only the unrest and policing events are annotated\n"


def pred(event_id: str, quote: str, type_: str = "attack") -> Event:
    start = TEXT.index(quote)
    return Event(id=event_id, title=event_id, type=type_,
                 sources=[Source(document="article", quote=quote, start=start, end=start + len(quote))])


PREDICTIONS = Timeline(
    documents=[Document(id="article", published=dt.date(2024, 5, 10), text=TEXT)],
    events=[
        pred("dispersal", "Police dispersed a crowd", "protest"),
        pred("looting", "a shop was looted"),  # unannotated, but in an annotated sentence: false
        pred("library", "opened a new library", "statement"),  # a sentence the gold says nothing of
        pred("choir", "A choir sang", "statement"),  # likewise, on a line of its own
    ],
)


@pytest.fixture(params=["full", "partial"])
def scored(request, tmp_path) -> tuple[str, dict]:
    gold = (PARTIAL if request.param == "partial" else "") + EVENTS
    folder = gold_folder(tmp_path, TEXT, gold)
    return request.param, ev.score(read_gold_dir(folder, shared=tmp_path), PREDICTIONS)["overall"]


def test_partial_gold_counts_as_false_only_what_shares_a_sentence_with_a_gold_quote(scored):
    scope, overall = scored
    assert overall["matched"] == 1 and overall["recall"] == 0.5  # the curfew is missed either way
    if scope == "full":
        assert (overall["false_positives"], overall["out_of_scope"], overall["partial_documents"]) == (3, 0, 0)
        assert overall["precision"] == overall["precision_unscoped"] == 0.25
    else:
        assert (overall["false_positives"], overall["out_of_scope"], overall["partial_documents"]) == (1, 2, 1)
        assert overall["precision"] == 0.5 and overall["precision_unscoped"] == 0.25
        assert overall["f1"] == 0.5 and overall["f1_unscoped"] == pytest.approx(1 / 3, abs=1e-4)


def test_the_table_shows_partial_files_and_precision_both_ways(scored):
    scope, overall = scored
    table = ev.format_table({"documents": {"article": overall}, "overall": overall})
    if scope == "full":
        assert "unscoped" not in table and "partial gold" not in table
    else:
        assert "article*" in table
        assert "partial gold: 1 file(s) annotate part of their article; 2 prediction(s) outside it; " \
               "P scoped 0.50 unscoped 0.25, F1 scoped 0.50 unscoped 0.33" in table
        unscoped_row = next(line for line in table.splitlines() if line.startswith("OVERALL unscoped"))
        assert unscoped_row.split()[-10:-7] == ["0.25", "0.50", "0.33"]  # P, R, F1


def test_the_cli_prints_the_scope_line(tmp_path, capsys):
    folder = gold_folder(tmp_path, TEXT, PARTIAL + EVENTS)
    path = tmp_path / "pred.json"
    path.write_text(PREDICTIONS.model_dump_json(exclude_none=True))
    assert main(["eval", "events", "--gold", str(folder), "--predictions", str(path), "--details"]) == 0
    out = capsys.readouterr().out
    assert "partial gold: 1 file(s)" in out and "2 prediction(s) outside the annotated sentences" in out


@pytest.mark.parametrize("header, message", [
    ("scope: some\n", "scope: must be one of full, partial, not 'some'"),
    ("scope: partial\n", "scope: partial needs a scope_note"),
    ("scope: partial\nscope_note: [a, b]\n", "scope_note: must be text"),
])
def test_a_bad_scope_is_a_clear_error(tmp_path, header, message):
    folder = gold_folder(tmp_path, TEXT, header + EVENTS)
    with pytest.raises(GoldError, match=message):
        read_gold_dir(folder, shared=tmp_path)


def test_sentences_are_not_cut_after_a_title_or_at_a_comma():
    cut = [TEXT[a:b] for a, b in sentence_spans(TEXT)]
    assert cut[1] == "Police dispersed a crowd near the station, and a shop was looted."
    assert cut[3] == "Gen. Ortiz ordered a curfew on Tuesday." and cut[4] == "A choir sang at the ceremony."


@pytest.mark.parametrize("body, kind", [("", "NoneType"), ("- id: curfew\n", "list")])
def test_a_gold_file_that_is_not_a_mapping_is_a_clear_error(tmp_path, body, kind):
    folder = gold_folder(tmp_path, TEXT, body)
    with pytest.raises(GoldError, match=rf"article\.yaml:\d+:\d+: a gold file is a mapping .*, not {kind}"):
        read_gold_dir(folder, shared=tmp_path)
