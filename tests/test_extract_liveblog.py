"""Live blogs: a clock-stamped entry dates what it reports to the blog's day (liveblog.py)."""

from __future__ import annotations

import datetime as dt

from timeline.extract import Options, extract, lexicon
from timeline.extract.liveblog import clock_ranks, clock_time, stamps
from timeline.models import Document

DAY = dt.date(2025, 9, 18)
BLOG = ("Live: unrest after the county elections\n\n"
        "16:20 - Protesters have set fire to a district office in Kisumu, the regional police say.\n\n"
        "13:05 - Police fired tear gas at a crowd outside the governor's office in Nakuru.\n\n"
        "10:40 - Residents recall that soldiers shot dead two fishermen in Kisumu in 2019. Troops arrested "
        "dozens of men the next day.\n\n"
        "04:50 - Gunmen attacked a police post near Garissa, a local official says.\n")


def _dates(text: str) -> dict[str, str | None]:
    """Date of each event by a word of its quote."""
    found = extract([Document(id="blog", text=text, published=DAY)], Options()).events
    words = ("fire", "tear gas", "fishermen", "arrested", "police post")
    return {word: e.date for e in found for word in words if word in e.sources[0].quote}


def test_stamps_need_enough_clock_lines_to_make_a_live_blog():
    assert [minute for _, minute in stamps(BLOG)] == [16 * 60 + 20, 13 * 60 + 5, 10 * 60 + 40, 4 * 60 + 50]
    two = "09:10 - Talks opened.\n\n11:30 - Talks broke up.\n\nThe envoy left at 18:00."
    assert stamps(two) == []


def test_a_stamp_may_name_its_time_zone():
    """'09:10 UTC - ...' (lexicons/text.yaml, stamp_zones)."""
    assert [minute // 60 for _, minute in stamps(lexicon.load("text")["stamp_zone_example"])] == [9, 11, 14]


def test_an_undated_event_of_a_stamped_entry_falls_on_the_blogs_day():
    dated = _dates(BLOG)
    assert dated["fire"] == dated["tear gas"] == "2025-09-18", dated


def test_a_small_hours_entry_may_report_the_night_before():
    assert _dates(BLOG)["police post"] == "2025-09-17/2025-09-18"


def test_background_told_with_a_time_in_its_sentence_keeps_its_own_dating():
    """'in 2019', and 'the next day' (which the tagger cannot resolve alone): not the blog's day."""
    dated = _dates(BLOG)
    assert dated["fishermen"] == "2019" and dated["arrested"] != "2025-09-18", dated


def test_the_same_words_without_stamps_are_not_put_on_the_day_of_publication():
    plain = BLOG
    for stamp in ("16:20 - ", "13:05 - ", "10:40 - ", "04:50 - "):
        plain = plain.replace(stamp, "")
    dated = _dates(plain)
    assert "2025-09-18" not in (dated["fire"], dated["tear gas"]) and dated["police post"].endswith("/2025-09-18"), dated


def test_a_blog_told_newest_first_is_read_backwards_by_the_clock():
    """Ranks, not hours: a blog running past midnight (23:40, then 00:15) still reads in order."""
    assert clock_ranks(stamps(BLOG)) == [3, 2, 1, 0]
    oldest_first = "23:10 - Talks opened.\n\n23:40 - Talks stalled.\n\n00:15 - Talks broke up.\n"
    assert clock_ranks(stamps(oldest_first)) == [0, 1, 2]


def test_entries_of_one_hour_are_read_by_their_minutes():
    """A fast blog whose entries all fall in one hour: 14:50, 14:35, 14:05 is told newest first."""
    newest_first = "14:50 - Talks broke up.\n\n14:35 - Talks stalled.\n\n14:05 - Talks opened.\n"
    assert clock_ranks(stamps(newest_first)) == [2, 1, 0]
    assert clock_ranks(stamps("\n\n".join(reversed(newest_first.strip().split("\n\n"))) + "\n")) == [0, 1, 2]


def _later_of(text: str, earlier: str, later: str) -> bool:
    """Whether the event quoted with ``later`` is ordered after the one quoted with ``earlier``."""
    found = extract([Document(id="blog", text=text, published=DAY)], Options(solve=False)).events
    ids = {word: e.id for e in found for word in (earlier, later) if word in e.sources[0].quote}
    by_id = {e.id: e for e in found}
    return any(r.relation == "after" and r.target == ids[earlier] for r in by_id[ids[later]].relations)


def test_entries_are_ordered_by_their_stamps_not_by_the_text():
    """Newest first: the 16:20 arson follows the 13:05 tear gas told after it (ordering.yaml, clock_order)."""
    assert _later_of(BLOG, "tear gas", "district office") and not _later_of(BLOG, "district office", "tear gas")


def test_a_summary_entry_tells_no_news_of_its_hour():
    """'A quick summary: ...' at the top repeats the day: its events are not ordered after the others."""
    recap = BLOG.replace("16:20 - Protesters have", "16:20 - A quick summary: protesters have")
    assert not _later_of(recap, "tear gas", "district office")


def test_a_clock_time_in_an_entry_times_its_own_sentence():
    """'at about 4 a.m.', 'from 21:00': what the sentence tells happened then, not at the stamp;
    amounts and years are no clock."""
    assert [bool(clock_time().search(t)) for t in ("raided at about 4 a.m. on", "a curfew from 21:00", "at 11pm")] == [True] * 3
    assert not any(clock_time().search(t) for t in ("2.5 million people", "in 2019", "Resolution 1701"))
    night = BLOG.replace("Police fired tear gas", "Police fired tear gas at about 4 a.m.")
    assert not _later_of(night, "tear gas", "district office")


CURFEW_BLOG = ("Live: unrest in the river port\n\n"
               "19:30 - The council has imposed a curfew on the old town from 8 p.m. to 5 a.m., starting tonight.\n\n"
               "15:10 - Rioters set fire to the customs building.\n\n"
               "11:45 - Police closed the bridge at about 10 a.m., witnesses say.\n")


def test_a_measures_hours_and_the_blogs_own_day_leave_an_entry_its_hours_news():
    """'a curfew from 8 p.m. to 5 a.m., starting tonight': the hours the curfew holds and 'tonight'
    (the blog's day) time no other day, so the curfew is the 19:30 entry's news, after the arson."""
    found = extract([Document(id="blog", text=CURFEW_BLOG, published=DAY)], Options()).events
    assert [e.date for e in found if "curfew" in e.sources[0].quote] == [DAY.isoformat()]
    assert _later_of(CURFEW_BLOG, "customs", "curfew")


def test_a_clock_time_told_in_an_entry_still_keeps_it_out_of_the_hours_news():
    """'closed the bridge at about 10 a.m.': the sentence's own time, not the 11:45 stamp."""
    assert not _later_of(CURFEW_BLOG, "bridge", "customs")
