"""Scoring events against PLOVER gold standard records: reading the 2016 records onto the current
16 categories, choosing the event a record codes, finding its actors, and the CLI."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from timeline.cli import main
from timeline.evaluate import plover
from timeline.evaluate.plover import Actor, Record, chosen, found, read_records, score_record
from timeline.models import Event, Source


def raw(id_: str, event: str, text: str, trigger: str = "", source=None, target=None) -> dict:
    """A record shaped like the GSR's (only the fields the scorer reads, plus one it ignores)."""
    out = {"id": id_, "event": event, "text": text, "eventText": trigger, "date": "2000-01-01"}
    if source is not None:
        out["source"] = source
    if target is not None:
        out["target"] = target
    return out


RECORDS = [
    raw("r-demand", "DEMAND", "Chile demanded that Peru pull its troops back from the border.", "demanded",
        [{"actorText": "Chile", "code": "CHL", "sector": "GOV"}], [{"actorText": "Peru", "code": "PER"}]),
    raw("r-disapprove", "DISAPPROVE", "Peru condemned the raid on the border post.", "condemned",
        [{"actorText": "Peru", "code": "PER"}]),
    raw("r-investigate", "INVESTIGATE", "Chilean police opened an inquiry into the fire.", "opened inquiry",
        [{"actorText": "Chilean police", "code": "CHLCOP"}]),
    raw("r-fight", "FIGHT", "Chilean troops clashed with Peruvian troops near the border.", "clashed",
        [{"actorText": "Chilean troops", "code": None}], "not a list"),
    raw("r-agree", "AGREE", "Chile and Peru agreed to reopen the border crossing.", "agreed",
        [{"actorText": "", "code": "CHL"}, {"actorText": "Peru", "code": "PER"}]),
    raw("r-no-event", "", "A record without a category is not scored."),
    raw("r-no-text", "AGREE", ""),
]


@pytest.fixture
def records_file(tmp_path):
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    return path


def test_read_records_maps_the_2016_categories_onto_the_current_ones(records_file):
    """DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT; others keep
    their names; records without a text or a category are left out."""
    records = read_records(records_file)
    assert [(r.id, r.category) for r in records] == [
        ("r-demand", "REQUEST"), ("r-disapprove", "ACCUSE"), ("r-investigate", "ACCUSE"),
        ("r-fight", "ASSAULT"), ("r-agree", "AGREE")]


def test_read_records_keeps_actors_with_words_and_their_codes(records_file):
    """An actor without words is dropped, a missing code is empty, a non-list actor field is none."""
    by_id = {r.id: r for r in read_records(records_file)}
    assert by_id["r-demand"].sources == (Actor("Chile", "CHL"),)
    assert by_id["r-demand"].targets == (Actor("Peru", "PER"),)
    assert by_id["r-fight"].sources == (Actor("Chilean troops", ""),) and by_id["r-fight"].targets == ()
    assert by_id["r-agree"].sources == (Actor("Peru", "PER"),)
    assert by_id["r-demand"].trigger == "demanded"


def event(kind: str, quote: str, confidence: float = 0.5, **fields) -> Event:
    return Event(id="e", title="t", type=kind, confidence=confidence,
                 sources=[Source(document="d", quote=quote)], **fields)


RECORD = Record("r", "Chile announced that it had sent food aid to Peru.", "AID", "sent aid",
                (Actor("Chile", "CHL"),), (Actor("Peru", "PER"),))


def test_chosen_is_the_event_holding_most_trigger_words():
    """The event whose evidence holds more of the trigger words is the one the record codes."""
    events = [event("meeting", "Chile met Peru", confidence=0.9), event("aid", "it had sent food aid to Peru")]
    assert chosen(RECORD, events).type == "aid"


def test_a_statement_yields_to_the_event_it_announces():
    """On equal trigger words, a bare statement yields; with no trigger word the most confident wins."""
    tied = [event("statement", "Chile announced that it had sent food aid", confidence=0.9),
            event("aid", "it had sent food aid to Peru", confidence=0.4)]
    assert chosen(RECORD, tied).type == "aid"
    untouched = [event("meeting", "Chile met Peru", confidence=0.3), event("visit", "Chile went", confidence=0.8)]
    assert chosen(RECORD, untouched).type == "visit"
    assert chosen(RECORD, []) is None


@pytest.mark.parametrize("actor,names,is_found", [
    (Actor("Chilean government", "CHLGOV"), ["Chile"], True),  # the code's country
    (Actor("Peruvian rebels", "PERREB"), ["Chile"], False),
    (Actor("FARC", "COLREB"), ["Revolutionary Armed Forces of Colombia"], True),  # the same party in words
    (Actor("the guerrillas", ""), ["Shining Path"], False),
    (Actor("Chile", "CHL"), [], False),
])
def test_found(actor, names, is_found):
    """A gold actor is found by its country code's country or by the same party's words."""
    assert found(actor, names) is is_found


def test_score_record_counts_category_and_actors():
    """Category right (the current manual's), the source found among actors, the target among
    targets; an event type without a PLOVER category is counted among the events."""
    events = [event("statement", "Chile announced"), event("aid", "it had sent food aid", actors=["Chile"],
                                                             targets=["Peru"])]
    counts = score_record(RECORD, events)
    assert {k: counts[k] for k in ("records", "no_event", "category_ok", "events", "events_without_category",
                                   "sources", "sources_found", "targets", "targets_found", "gold:AID", "ok:AID")} \
        == {"records": 1, "no_event": 0, "category_ok": 1, "events": 2, "events_without_category": 1,
            "sources": 1, "sources_found": 1, "targets": 1, "targets_found": 1, "gold:AID": 1, "ok:AID": 1}


def test_score_record_without_an_event():
    """No event: counted as such, nothing found, the gold actors still in the denominators."""
    counts = score_record(RECORD, [])
    assert (counts["no_event"], counts["category_ok"], counts["sources"], counts["sources_found"]) == (1, 0, 1, 0)


def test_a_future_report_takes_the_types_future_category():
    """Announced force is THREATEN, not ASSAULT: the category comes from the type and its modality."""
    threat = Record("r", "Chile will attack.", "THREATEN", "will attack", (Actor("Chile", "CHL"),), ())
    assert score_record(threat, [event("attack", "Chile will attack", modality="future")])["category_ok"] == 1
    assert score_record(threat, [event("attack", "Chile will attack")])["category_ok"] == 0


def test_cli_scores_a_records_file(records_file, tmp_path, capsys):
    """`timeline eval plover FILE` prints the table for that file and writes its figures with --json;
    the majority baseline is the share of the most frequent category (ACCUSE, 2 of 5)."""
    figures_file = tmp_path / "figures.json"
    assert main(["eval", "plover", str(records_file), "--json", str(figures_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("PLOVER gold standard records: 5 sentences")
    assert "category (current 16)" in out and "per category: ACCUSE" in out
    figures = json.loads(figures_file.read_text(encoding="utf-8"))["plover"]
    assert figures["baseline_majority_category"] == 0.4
    assert set(figures["per_category"]) == {"REQUEST", "ACCUSE", "ASSAULT", "AGREE"}
    assert all(value is None or 0 <= value <= 1 for key, value in figures.items() if key != "per_category")


def test_cli_on_a_missing_file_is_a_clear_error(tmp_path, capsys):
    """A file that is not there: exit 1 with the path named."""
    missing = tmp_path / "nope.json"
    assert main(["eval", "plover", str(missing)]) == 1
    assert str(missing) in capsys.readouterr().err


def test_format_table_prints_each_figure_beside_the_baselines(records_file):
    """The table lists the figures with the majority and 'nothing' baselines (no extraction here)."""
    records = read_records(records_file)
    counts = sum((score_record(r, []) for r in records), Counter())
    report = {"counts": counts, "figures": plover.figures(counts, records), "seconds": 0.0}
    table = plover.format_table(report)
    assert "sentences with no event" in table and table.splitlines()[2].split()[-3:] == ["0.000", "0.400", "0.000"]
