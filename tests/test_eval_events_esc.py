"""EventStoryLine reader and scorer on a small hand-made CAT XML file."""

import datetime as dt

import pytest

from timeline.dates import Bounds
from timeline.evaluate import esc

WORDS = [
    (0, "Rebels attacked the camp on Monday ."),
    (1, "They fled later ."),
]
CAT = """<?xml version='1.0' encoding='UTF-8'?>
<Document doc_name="9_1ecbplus.xml">
{tokens}
  <Markables>
    <ACTION_OCCURRENCE m_id="1"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
    <ACTION_OCCURRENCE m_id="2"><token_anchor t_id="9"/></ACTION_OCCURRENCE>
    <TIME_DATE m_id="3" DCT="FALSE" value="2011-11-7"><token_anchor t_id="6"/></TIME_DATE>
    <TIME_DATE m_id="4" DCT="TRUE" value="t_2011-11-10" TAG_DESCRIPTOR="t_2011-11-10"/>
    <TIME_DATE m_id="5" DCT="FALSE" value="2011-11-09"/>
    <ACTION_OCCURRENCE m_id="6" TAG_DESCRIPTOR="instance"/>
  </Markables>
  <Relations>
    <TLINK r_id="1" relType="CONTAINS"><source m_id="3"/><target m_id="1"/></TLINK>
    <TLINK r_id="2" relType="AFTER"><source m_id="2"/><target m_id="1"/></TLINK>
    <TLINK r_id="3" relType="CONTAINS"><source m_id="1"/><target m_id="3"/></TLINK>
    <TLINK r_id="4" relType="CONTAINS"><source m_id="5"/><target m_id="2"/></TLINK>
  </Relations>
</Document>
"""


@pytest.fixture
def corpus(tmp_path):
    tokens, t_id = [], 0
    for sentence, text in WORDS:
        for number, word in enumerate(text.split()):
            t_id += 1
            tokens.append(f'  <token t_id="{t_id}" sentence="{sentence}" number="{number}">{word}</token>')
    folder = tmp_path / "v1.5" / "9"
    folder.mkdir(parents=True)
    (folder / "9_1ecbplus.xml.xml").write_text(CAT.format(tokens="\n".join(tokens)))
    return tmp_path / "v1.5"


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2011-11-10", (dt.date(2011, 11, 10), dt.date(2011, 11, 10))),
        ("2011-11", (dt.date(2011, 11, 1), dt.date(2011, 11, 30))),
        ("2013-06-13T16:59", (dt.date(2013, 6, 13), dt.date(2013, 6, 13))),
        ("t_2013-09-09", (dt.date(2013, 9, 9), dt.date(2013, 9, 9))),
        ("2009-12-4", (dt.date(2009, 12, 4), dt.date(2009, 12, 4))),
    ],
)
def test_timex_values_become_bounds(value, expected):
    b = esc.value_bounds(value)
    assert (b.earliest, b.latest) == expected


@pytest.mark.parametrize("value", ["PRESENT_REF", "", None, "P3D", "2011-13-45"])
def test_non_calendar_values_are_skipped(value):
    assert esc.value_bounds(value) is None


def test_reader_rebuilds_text_and_reads_links(corpus):
    (doc,) = esc.read_corpus(corpus)
    assert doc.text == "Rebels attacked the camp on Monday .\nThey fled later ."
    start, end, _ = doc.mentions["1"]
    assert doc.text[start:end] == "attacked"
    assert doc.dct == Bounds(dt.date(2011, 11, 10), dt.date(2011, 11, 10), "day")
    assert doc.anchors == [("1", esc.value_bounds("2011-11-07"))]  # anchorless time 5 and event CONTAINS time ignored
    assert doc.orders == [("2", "after", "1")]
    assert "6" not in doc.mentions  # instance descriptors have no tokens


def test_scores_systems_against_the_dct_baseline(corpus):
    (doc,) = esc.read_corpus(corpus)
    preds = {"timex": esc.Prediction({"1": esc.value_bounds("2011-11-07"), "2": esc.value_bounds("2011-11-09")}, {"1", "2"}),
             "dct": esc.predict_dct(doc)}
    counts = esc.score_doc(doc, preds)
    figures = esc.figures(counts, ["timex", "dct"])
    assert figures["timex"]["exact"] == 1.0 and figures["dct"]["exact"] == 0.0
    assert figures["pairs"] == 1 and figures["timex"]["pair_accuracy"] == 1.0 and figures["dct"]["pair_accuracy"] == 0.0


def test_open_window_is_within_but_not_exact(corpus):
    (doc,) = esc.read_corpus(corpus)
    open_until_dct = Bounds(None, dt.date(2011, 11, 10), "open")
    figures = esc.figures(esc.score_doc(doc, {"x": esc.Prediction({"1": open_until_dct, "2": open_until_dct}, {"1", "2"})}), ["x"])
    assert figures["x"]["within"] == 1.0 and figures["x"]["exact"] == 0.0 and figures["x"]["pair_accuracy"] == 0.0


def test_evaluate_runs_all_systems_end_to_end(corpus):
    report = esc.evaluate(corpus)
    assert report["anchors"] == 1 and report["corpus"]["documents"] == 1
    assert report["conflict_topics"]["anchors"] == 0  # topic 9 is not one of the conflict topics
    assert set(esc.SYSTEMS) <= set(report)
    assert "dct" in esc.format_table(report)


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="EventStoryLine folder not found"):
        esc.read_corpus(tmp_path / "nope")


@pytest.mark.parametrize("peer", ["dateparser", "datefinder"])
def test_peer_dates_come_with_offsets(peer):
    line = "They met on 7 November 2011 in Juba ."
    found = esc._peer_dates(peer, line, dt.date(2011, 11, 10))
    assert any(day == dt.date(2011, 11, 7) and "7 November 2011" in line[a:b] for a, b, day in found)


def test_peers_give_every_mention_a_day(corpus):
    (doc,) = esc.read_corpus(corpus)
    for peer in ("dateparser", "datefinder"):
        windows = esc.SYSTEMS[peer](doc).windows
        assert set(windows) == set(doc.mentions) and all(w.is_point for w in windows.values())
