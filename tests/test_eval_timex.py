"""Timex evaluation: corpus readers, the TempEval-style scorer, peers and the Markdown report."""

import datetime as dt

import pytest

from timeline.evaluate.corpora import CorpusMissing, read_corpus, strip_tags, timex2_type
from timeline.evaluate.timex import evaluate
from timeline.evaluate.timex_peers import PEERS, datefinder_find, dateparser_search
from timeline.evaluate.timex_report import write_section
from timeline.evaluate.timex_score import count


def test_strip_tags_gives_offsets_into_the_plain_text():
    text, spans = strip_tags('Met <T v="1">on <T v="2">May 5</T></T> &amp; left.', "T")
    assert text == "Met on May 5 & left."
    assert [(text[s:e], a["v"]) for s, e, a in spans] == [("on May 5", "1"), ("May 5", "2")]


def test_timex2_type_is_derived_from_val():
    assert timex2_type({"val": "P3D"}) == "DURATION"
    assert timex2_type({"val": "1944-06-06T05:00"}) == "TIME"
    assert timex2_type({"val": "XXXX-WXX-1", "set": "YES"}) == "SET"
    assert timex2_type({"val": "1944"}) == "DATE"


def test_count_strict_relaxed_type_value():
    gold = [(0, 10, "DATE", "2013-03"), (20, 25, "DURATION", "P1D")]
    pred = [(0, 10, "DATE", "2013-03"), (18, 25, "DATE", "P1D"), (40, 44, "DATE", "2013")]
    tally = count(gold, pred)
    assert (tally.strict, tally.relaxed, tally.type, tally.value) == (1, 2, 1, 2)
    assert tally.prf("relaxed") == pytest.approx((2 / 3, 1.0, 0.8))


def test_matching_is_one_to_one():
    tally = count([(0, 10, "DATE", "x")], [(0, 4, "DATE", "x"), (5, 10, "DATE", "x")])
    assert tally.relaxed == 1 and tally.predicted == 2


def test_peers_find_a_plain_date():
    day = dt.date(2013, 3, 22)
    for adapter in (dateparser_search, datefinder_find):
        spans = adapter("The treaty was signed on March 5, 2012 in Paris.", day, "news")
        assert any(value == "2012-03-05" for _, _, _, value in spans), adapter.__name__
    assert set(PEERS) >= {"timeline", "dateparser", "datefinder", "nothing"}


def test_markdown_section_is_replaced_not_duplicated(tmp_path):
    path = tmp_path / "evaluation.md"
    path.write_text("# Evaluation\n\nIntro stays.\n")
    report = {"corpus": "demo", "docs": 1, "gold_timexes": 1, "mode": "news", "date": "now",
              "python": "3", "gold_sha256": "0" * 64,
              "results": [{"system": "nothing", "version": "-", "strict_f1": 0.0, "relaxed_f1": 0.0,
                           "type_f1": 0.0, "value_f1": 0.0, "strict_p": 0.0, "strict_r": 0.0,
                           "predicted": 0, "docs_per_s": 10.0,
                           "by_type": {"DATE": {"relaxed_f1": 0.0, "value_f1": 0.0}}}]}
    write_section(path, report)
    write_section(path, report)
    text = path.read_text()
    assert text.count("<!-- timex:demo -->") == 1 and "Intro stays." in text


def test_te3_reader_and_scores_with_the_nothing_baseline():
    try:
        docs = list(read_corpus("te3-platinum"))
    except CorpusMissing as exc:
        pytest.skip(str(exc))
    assert len(docs) == 20 and sum(len(d.timexes) for d in docs) == 138
    assert all(d.published for d in docs)
    report = evaluate("te3-platinum", ["timeline", "nothing"])
    ours, nothing = report["results"]
    assert nothing["relaxed_f1"] == 0.0 and ours["relaxed_f1"] > 0.8
