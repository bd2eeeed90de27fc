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


# --- EventStoryLine (CAT XML) as a timex corpus ---------------------------------------------------

from timeline.evaluate.corpora import esc_value, gold_files, read_esc  # noqa: E402
from timeline.evaluate.timex_score import comparable, in_regions, same_value  # noqa: E402

ESC_SENTENCES = [
    (0, "May 2 , 2013 , 1 : 32 PM"),
    (1, "Lohan checked in on Thursday ."),
    (2, "Her lawyer spoke in 1999 and in the 1930s ."),
    (3, "Nothing here is annotated , not even Friday ."),
]
ESC_CAT = """<?xml version='1.0' encoding='UTF-8'?>
<Document doc_name="{name}">
{tokens}
  <Markables>
    <TIME_OF_THE_DAY m_id="1" DCT="TRUE" value="2013-05-02T18:32Z"><token_anchor t_id="1"/><token_anchor t_id="9"/></TIME_OF_THE_DAY>
    <ACTION_OCCURRENCE m_id="2"><token_anchor t_id="11"/></ACTION_OCCURRENCE>
    <TIME_DATE m_id="3" DCT="FALSE" value="2013-5-2"><token_anchor t_id="14"/></TIME_DATE>
    <TIME_DATE m_id="4" DCT="FALSE" value="2013-5-2"><token_anchor t_id="14"/></TIME_DATE>
    <TIME_DATE m_id="5" DCT="FALSE" value="193X"><token_anchor t_id="23"/><token_anchor t_id="24"/></TIME_DATE>
    <TIME_DURATION m_id="6" value="P90D" TAG_DESCRIPTOR="t1_90_days"/>
  </Markables>
</Document>
"""


@pytest.fixture
def esc_shared(tmp_path, monkeypatch):
    """Topic 3 (odd: development) and topic 4 (even: held out), one document each."""
    tokens, t_id = [], 0
    for sentence, text in ESC_SENTENCES:
        for number, word in enumerate(text.split()):
            t_id += 1
            tokens.append(f'  <token t_id="{t_id}" sentence="{sentence}" number="{number}">{word}</token>')
    for topic in ("3", "4"):
        folder = tmp_path / "data" / "eventstoryline" / "v1.5" / topic
        folder.mkdir(parents=True)
        name = f"{topic}_1ecbplus.xml"
        (folder / f"{name}.xml").write_text(ESC_CAT.format(name=name, tokens="\n".join(tokens)))
    monkeypatch.setenv("TIMELINE_SHARED", str(tmp_path))
    return tmp_path


def test_esc_parts_split_by_topic_parity(esc_shared):
    assert [p.parent.name for p in gold_files("esc-dev")] == ["3"]
    assert [p.parent.name for p in gold_files("esc-heldout")] == ["4"]
    assert [p.parent.name for p in gold_files("esc")] == ["3", "4"]


def test_esc_reader_gives_spans_in_the_token_text(esc_shared):
    doc = read_esc(gold_files("esc-dev")[0])
    assert doc.published == dt.date(2013, 5, 2)
    found = [(doc.text[t.start:t.end], t.type, t.value) for t in doc.timexes]
    assert found == [("May 2 , 2013 , 1 : 32 PM", "TIME", "2013-05-02T18:32Z"),  # the DCT's mention
                     ("Thursday", "DATE", "2013-05-02"),  # written twice in the gold, scored once
                     ("the 1930s", "DATE", "193")]  # the descriptor without tokens is not text
    scored = [doc.text[a:b] for a, b in doc.scored]
    assert scored == ["May 2 , 2013 , 1 : 32 PM", "Lohan checked in on Thursday .",
                      "Her lawyer spoke in 1999 and in the 1930s ."]


def test_esc_scores_only_annotated_sentences(esc_shared):
    report = evaluate("esc-dev", ["timeline", "nothing"])
    ours, nothing = report["results"]
    assert report["gold_timexes"] == 3 and nothing["value_f1"] == 0.0
    assert ours["predicted"] == 4  # 'Friday' in the unannotated sentence is not counted; '1999' is
    assert ours["value_r"] == 1.0  # the clock time matches the gold's UTC reading up to the zone
    assert ours["value_exact_r"] < 1.0


@pytest.mark.parametrize("raw, written", [
    ("2009-12-7", "2009-12-07"), ("1979-2", "1979-02"), ("2013-09-15T3:25Z", "2013-09-15T03:25Z"),
    ("2009:02:03T17:59:13Z", "2009-02-03T17:59:13Z"), ("193X", "193"), ("PRES_REF", "PRESENT_REF"),
    ("2013W24", "2013-W24"), (" 2013-05-02 ", "2013-05-02"), (None, ""), ("PXTH", "PXTH"),
])
def test_esc_values_are_rewritten_not_reinterpreted(raw, written):
    assert esc_value(raw) == written


def test_zoned_clock_times_compare_as_the_same_instant():
    assert comparable("2013-05-02T13:32-04:00") == comparable("2013-05-02t17:32z") == "2013-05-02T17:32"
    assert comparable("2013-05-02T23:30-04:00") == "2013-05-03T03:30"
    assert comparable("2013-05-02T13:32") == "2013-05-02T13:32"
    assert comparable("P3D") == "P3D"


@pytest.mark.parametrize("gold, predicted, expected", [
    ("P2DE", "P20Y", True), ("p1de", "P10Y", True), ("P.5CE", "P50Y", True), ("P3CE", "P300Y", True),
    ("P1ML", "P1000Y", True), ("P2DE", "P2Y", False), ("PXDE", "PXY", False), ("P1D", "PT24H", False),
    ("PT4H30M", "PT4.5H", True), ("PT30M", "PT.5H", True), ("PT1M30S", "PT90S", True), ("PT2H", "PT2M", False),
    ("PTXH", "PTXM", False), ("P1DT12H", "P1.5D", False),
    ("PT4H6M", "PT4.1H", True), ("P30Y", "P.3CE", True), ("PT5M44.6S", "PT344.6S", True),  # no float error left
])
def test_lengths_in_exact_units_compare_as_the_same_length(gold, predicted, expected):
    assert same_value(gold, predicted) is expected


@pytest.mark.parametrize("gold, predicted, loose, expected", [
    ("2013-05-02T18:32Z", "2013-05-02T13:32", True, True),    # EDT read as written, gold in UTC
    ("2013-05-03T00:40Z", "2013-05-02T19:40-04:00", True, True),  # the gold applied EST in July
    ("2013-07-02T09:31Z", "2013-07-02T15:01", True, True),    # half-hour zone (IST)
    ("2013-05-02T18:32Z", "2013-05-02T13:33", True, False),   # other minutes
    ("2011-11-11T19:39Z", "2011-11-10T14:39", True, False),   # a day and more apart
    ("2013-05-02T18:32Z", "2013-05-02T13:32", False, False),  # other corpora: instants only
    ("2013-05-02", "2013-05-02T13:32", True, False),
])
def test_loose_zones_forgive_only_a_zone_shift(gold, predicted, loose, expected):
    assert same_value(gold, predicted, loose) is expected


def test_predictions_outside_the_scored_regions_are_dropped():
    spans = [(0, 4, "DATE", "x"), (10, 14, "DATE", "y"), (30, 34, "DATE", "z")]
    assert in_regions(spans, [(8, 20)]) == [spans[1]]
    assert in_regions(spans, None) == spans


def test_esc_corpus_parts_when_present():
    try:
        dev, held = list(read_corpus("esc-dev")), list(read_corpus("esc-heldout"))
    except CorpusMissing as exc:
        pytest.skip(str(exc))
    assert (len(dev), len(held)) == (133, 125)
    assert (sum(len(d.timexes) for d in dev), sum(len(d.timexes) for d in held)) == (503, 385)
    assert {d.id for d in dev}.isdisjoint(d.id for d in held)


def test_a_news_document_without_a_creation_date_takes_the_date_its_text_states():
    from timeline.evaluate.corpora import GoldDoc
    from timeline.evaluate.timex import published_for

    undated = GoldDoc("d", "http : / / kcal . com / 2013 / 05 / 03 / mayor - steps - down\nShe left on Thursday .", None)
    assert published_for(undated, "news") == dt.date(2013, 5, 3)
    assert published_for(undated, "narrative") is None  # a narrative runs on its own dates
    dated = GoldDoc("d", undated.text, dt.date(2013, 5, 2))
    assert published_for(dated, "news") == dt.date(2013, 5, 2)  # the gold's date always wins


@pytest.mark.parametrize("phrase, gold, predicted, cause", [
    ("on Friday", "2026-03-06", "2026-02-27", "a weekday: the other direction"),
    ("in May", "2026-05", "2025-05", "a month without its year: the other direction"),
    ("Sunday night", "2026-03-08", "2026-03-08TNI", "a part of the day where the gold has only its day"),
    ("this year", "2026", "2026-03", "granularity: finer"),
    ("the past ten days", "P10D", "P10W", "a length ('the past N days'): its unit"),
    ("at 6 a.m.", "2026-03-05T06:00", "2026-03-04T06:00", "a time of day without its date"),
    ("two days later", "2026-03-06", "P2D", "a length where the gold has a point"),
    ("last winter", "2025-WI", "2024-WI", "a season"),
])
def test_a_wrong_value_is_sorted_by_the_phrase_and_the_two_values(phrase, gold, predicted, cause):
    """The cause names what differs (direction, granularity, unit, day) for the phrase's form."""
    from timeline.evaluate.timex_causes import value_cause
    assert value_cause(phrase, gold, predicted).startswith(cause)


def test_causes_table_counts_wrong_values_by_gold_type_and_extent():
    """Only found spans with a wrong value are counted; an overlapping span is not 'exact extent'."""
    from timeline.evaluate.timex_causes import value_errors
    from timeline.evaluate.timex_report import causes_table
    text = "The fair opens on Friday and ends in May."
    gold = [(18, 24, "DATE", "2026-03-06"), (37, 40, "DATE", "2026-05")]
    predicted = [(15, 24, "DATE", "2026-02-27"), (37, 40, "DATE", "2026-05")]
    errors = value_errors(text, gold, predicted)
    assert errors == {("a weekday: the other direction (within a week of the gold)", "DATE", "overlap"): 1}
    report = {"corpus": "demo", "results": [{"system": "timeline", "value_errors": [[*key, n] for key, n in errors.items()]}]}
    assert "| a weekday: the other direction (within a week of the gold) | 1 | 0 | 0 | 0 | 1 | 0 |" in causes_table(report)


@pytest.mark.parametrize(("phrase", "after", "shape"), [
    ("right now", "", "'now'"),
    ("lately", "", "'currently', 'recently'"),
    ("once", "", "'once', 'former'"),
    ("the past", "", "'the past' / 'the future'"),
    ("1987", "", "a bare number in digits"),
    ("2:41", "", "a bare clock without a.m. / p.m."),
    ("a 30-day", "permit", "a length as a modifier"),
    ("three weeks", "after the flood", "N units before / after / later"),
    ("Tuesday 9 June 2026 08:15", "", "a clock joined to a date"),
])
def test_a_prediction_without_gold_is_sorted_by_the_shape_of_its_words(phrase, after, shape):
    """The spurious-span table's rows: the first shape the phrase's words (and, for 'N units', the next
    word) fit."""
    from timeline.evaluate.timex_extras import extra_shape
    assert extra_shape(phrase, after).startswith(shape)


def test_spurious_table_counts_predictions_no_gold_overlaps_and_those_a_gold_span_joins():
    """A prediction that shares no character with the gold is spurious (counted by shape and type); one
    inside a gold span already paired with another prediction is a split, counted apart; no text shown."""
    from timeline.evaluate.timex_extras import spurious_shapes
    from timeline.evaluate.timex_report import spurious_table
    text = "Ferries now sail on Monday at 9:30 a.m. and stop in June."
    gold = [(20, 39, "TIME", "2026-06-01T09:30"), (52, 56, "DATE", "2026-06")]
    predicted = [(8, 11, "DATE", "PRESENT_REF"), (20, 26, "DATE", "2026-06-01"), (30, 39, "TIME", "2026-06-01T09:30"),
                 (52, 56, "DATE", "2026-06")]
    tally = spurious_shapes(text, gold, predicted)
    assert tally == {("'now' ('right now', 'until now', 'by now')", "DATE", "none"): 1,
                     ("a day, month or year told ('February 1', 'Saturday', 'in 2011', 'today')", "DATE", "split"): 1}
    report = {"corpus": "demo", "results": [{"system": "timeline", "spurious_shapes": [[*key, n] for key, n in tally.items()]}]}
    table = spurious_table(report)
    assert "| 'now' ('right now', 'until now', 'by now') | 1 | 0 | 0 | 0 | 1 | 0 |" in table
    assert "| a day, month or year told ('February 1', 'Saturday', 'in 2011', 'today') | 0 | 0 | 0 | 0 | 0 | 1 |" in table
    assert "| all | 1 | 0 | 0 | 0 | 1 | 1 |" in table


@pytest.mark.parametrize(("gap", "kind"), [
    (" ( ", "a bracket"), (", ", "a comma"), (" at about ", "'at', 'around'"), (" on ", "'on', 'of', 'in'"),
    (" and ", "'and', 'or', 'to'"), ("\n", "a line break"), (" | ", "a dash, slash, bar"), (" local time ", "a zone"),
])
def test_the_words_between_two_predictions_in_one_gold_span_are_sorted_by_class(gap, kind):
    """The split table's rows: what stands between the two pieces the tagger wrote for one gold expression."""
    from timeline.evaluate.timex_extras import gap_class
    assert gap_class(gap).startswith(kind)


def test_gaps_table_counts_gold_spans_written_as_two_predictions():
    """A gold expression holding two predictions is counted once, by the words between them and its type."""
    from timeline.evaluate.timex_extras import joined_gaps
    from timeline.evaluate.timex_report import gaps_table
    text = "The polls closed on Friday (June 5) after a quiet day."
    gold = [(20, 35, "DATE", "2026-06-05")]
    predicted = [(20, 26, "DATE", "2026-06-05"), (28, 34, "DATE", "2026-06-05")]
    tally = joined_gaps(text, gold, predicted)
    assert tally == {("a bracket", "DATE"): 1}
    report = {"corpus": "demo", "results": [{"system": "timeline", "joined_gaps": [[*key, n] for key, n in tally.items()]}]}
    assert "| a bracket | 1 | 0 | 0 | 0 | 1 |" in gaps_table(report)
