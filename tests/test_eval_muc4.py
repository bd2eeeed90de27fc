"""Scoring events against MUC-4 incident templates: type fit, one-to-one pairing, date exactness
and soundness beside the publication-day baseline, the rates and the table, and the CLI."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter

import pytest

from timeline.cli import main
from timeline.dates import Bounds
from timeline.evaluate import muc4
from timeline.evaluate.gold import shared_dir
from timeline.evaluate.muc4_keys import Template
from timeline.models import Event, Source

D = dt.date
KEY = Template(message="DEV-MUC3-9001", number="1", optional=False, types=("ATTACK",), stages=("ACCOMPLISHED",),
               dates=(Bounds(D(1989, 12, 30), D(1989, 12, 30), "day"),), places=("PUERTO VERDE",), country="PERU",
               perp_orgs=(("RED DAWN LIBERATION FRONT", "RDLF"),), perp_people=(), human_targets=(("THE ENGINEER",),),
               physical_targets=(("THE BRIDGE",),), instruments=())


def key(**changes) -> Template:
    return dataclasses.replace(KEY, **changes)


def event(kind: str = "attack", quote: str = "someone did something", **fields) -> Event:
    return Event(id=fields.pop("id", "e"), title="t", type=kind, sources=[Source(document="d", quote=quote)], **fields)


@pytest.mark.parametrize("kind,types,stages,fits", [
    ("attack", ("ATTACK",), ("ACCOMPLISHED",), True),
    ("killing", ("ATTACK",), ("ACCOMPLISHED",), True),  # a refinement this project uses for MUC's attacks
    ("bombing", ("ATTACK",), ("ACCOMPLISHED",), False),
    ("bombing", ("ATTACK", "BOMBING"), ("ACCOMPLISHED",), True),  # either of the key's types
    ("abduction", ("KIDNAPPING",), ("ACCOMPLISHED",), True),
    ("threat", ("BOMBING",), ("THREATENED",), True),  # MUC keeps the type and marks the stage
    ("threat", ("BOMBING",), ("ACCOMPLISHED",), False),
    ("statement", ("ATTACK",), ("ACCOMPLISHED",), False),
])
def test_type_fits(kind, types, stages, fits):
    """The event's type records the incident's MUC type; a threat records a THREATENED incident."""
    assert muc4.type_fits(event(kind), key(types=types, stages=stages)) is fits


def test_pairing_puts_type_fit_before_strings_named():
    """A bombing naming one of the key's strings wins over an attack naming two, for a BOMBING."""
    bombing_key = key(types=("BOMBING",))
    events = [event("attack", "the rdlf attacked the bridge"), event("bombing", "a bomb hit the bridge")]
    assert muc4.pair([bombing_key], events) == {0: 1}


def test_pairing_then_prefers_the_event_naming_more_strings():
    """Among events that fit alike, the one naming more of the key's strings is paired."""
    events = [event("attack", "shots near the bridge"), event("attack", "the rdlf attacked the bridge")]
    assert muc4.pair([KEY], events) == {0: 1}


def test_pairing_is_one_to_one():
    """Two templates naming the same organisation do not share one event; an event naming
    nothing of a key is never paired with it, whatever its type."""
    first, second = KEY, key(number="2", human_targets=(), physical_targets=(("THE SILO",),))
    assert len(muc4.pair([first, second], [event("attack", "the rdlf struck")])) == 1
    assert sorted(muc4.pair([first, second], [event("attack", "the rdlf struck"),
                                              event("attack", "the silo burned")]).items()) == [(0, 0), (1, 1)]
    assert muc4.pair([KEY], [event("attack", "troops fought in the hills")]) == {}


def test_pairing_reads_actors_targets_and_place_too():
    """An event whose quote names none of the key's strings is still paired through its place."""
    assert muc4.pair([KEY], [event("attack", "an attack took place", location="Puerto Verde")]) == {0: 0}


PUBLISHED = D(1990, 1, 2)


@pytest.mark.parametrize("date,exact,sound", [
    ("1989-12-30", 1, 1),
    ("../1990-01-02", 0, 1),  # honest: before the report, not the day itself
    ("1989-12", 0, 1),
    ("1989-12-31", 0, 0),  # the wrong day
    (None, 0, 1),  # undated: the unknown interval holds the day
])
def test_score_pair_dates_a_one_day_incident_beside_the_publication_day(date, exact, sound):
    """A one-day incident: exact when the event's interval is that day, sound when it holds it;
    the publication-day baseline is scored on the same incident."""
    counts = muc4.score_pair(KEY, event(date=date), PUBLISHED)
    assert (counts["day_dated"], counts["day_exact"], counts["day_sound"]) == (1, exact, sound)
    assert (counts["day_pub_exact"], counts["day_pub_sound"]) == (0, 0)
    assert counts["other_dated"] == 0


def test_the_publication_day_baseline_is_exact_when_the_incident_was_that_day():
    """The baseline dates every incident on its report's day."""
    counts = muc4.score_pair(KEY, event(date="1989-12-30"), D(1989, 12, 30))
    assert (counts["day_pub_exact"], counts["day_pub_sound"]) == (1, 1)


@pytest.mark.parametrize("date,exact,sound", [
    ("../1989-11-16", 1, 1),  # the key's own 'on or before'
    ("../1989-11-20", 0, 1),
    ("1989-11-10", 0, 0),  # a day claims more than the key knows
])
def test_score_pair_dates_an_open_key(date, exact, sound):
    """'- 16 NOV 89' is among the other dated incidents; a report day after it does not hold it."""
    open_key = key(dates=(Bounds(None, D(1989, 11, 16), "open"),))
    counts = muc4.score_pair(open_key, event(date=date), D(1989, 11, 20))
    assert (counts["other_dated"], counts["other_exact"], counts["other_sound"]) == (1, exact, sound)
    assert (counts["other_pub_sound"], counts["day_dated"]) == (0, 0)


def test_score_pair_counts_type_stage_perpetrator_and_targets():
    """On a matched pair: type fit, stage against modality, the organisation among the actors and
    a target among the targets, each with its denominator."""
    good = muc4.score_pair(KEY, event("killing", actors=["RDLF"], targets=["the bridge"]), PUBLISHED)
    assert {k: good[k] for k in ("matched", "type_ok", "staged", "stage_ok", "with_org", "org_named",
                                 "with_target", "target_named")} == dict.fromkeys(
        ("matched", "type_ok", "staged", "stage_ok", "with_org", "org_named", "with_target", "target_named"), 1)
    bad = muc4.score_pair(KEY, event("statement", modality="negated", actors=["Peru"]), PUBLISHED)
    assert (bad["type_ok"], bad["stage_ok"], bad["org_named"], bad["target_named"]) == (0, 0, 0, 0)
    attempted = muc4.score_pair(key(stages=("ATTEMPTED",)), event(modality="negated"), PUBLISHED)
    assert attempted["stage_ok"] == 1  # 'tried but failed' is told negated
    bare = muc4.score_pair(key(stages=(), perp_orgs=(), human_targets=(), physical_targets=(), dates=()),
                           event(), PUBLISHED)
    assert bare["staged"] == bare["with_org"] == bare["with_target"] == bare["day_dated"] == 0


def test_figures_are_ratios_of_the_summed_counts():
    """Each rate has its own denominator; a rate with nothing to count is None, not 0."""
    counts = Counter(templates=4, matched=3, type_ok=3, required=2, required_matched=1, day_dated=2,
                     day_exact=1, day_pub_exact=2, day_sound=2, day_pub_sound=2, with_org=3, org_named=1,
                     orgs_all=4)
    f = muc4.figures(counts)
    assert (f["recall"], f["recall_required"], f["type_fit"]) == (0.75, 0.5, 1.0)
    assert (f["day_exact"], f["day_pub_exact"], f["day_sound"]) == (0.5, 1.0, 1.0)
    assert (f["perpetrator_org"], f["perpetrator_org_all"]) == (0.3333, 0.25)
    assert f["other_exact"] is None and f["stage"] is None and f["targets"] is None


def test_format_table_shows_each_figure_beside_its_baselines():
    """The header counts reports and templates; each figure row has the extractor, the
    publication-day baseline where one exists and 'nothing'; a missing rate prints '-'."""
    counts = Counter(reports=3, templates=4, required=2, matched=3, type_ok=3, day_dated=2, day_exact=1,
                     day_pub_exact=2, irrelevant_reports=1, irrelevant_with_violence=1)
    table = muc4.format_table({"split": "dev", "counts": counts, "figures": muc4.figures(counts), "seconds": 0.5})
    lines = table.splitlines()
    assert lines[0].startswith("MUC-4 dev: 3 reports, 4 incident templates (2 required), 2 matched one-day")
    assert lines[1].split() == ["figure", "extractor", "pub", "day", "nothing"]
    rows = {line[:40].strip(): line[40:].split() for line in lines[2:-1]}
    assert rows["incidents found (all templates)"] == ["0.750", "-", "0.000"]
    assert rows["one-day incidents dated exactly"] == ["0.500", "1.000", "0.000"]
    assert rows["stage agrees with modality"] == ["-", "-", "0.000"]
    assert lines[-1].startswith("reports with no relevant incident that still get violent events: 1 of 1")


def test_confusion_counts_key_type_against_extracted_type():
    """Matched incidents are counted by key type and extracted type (a missed one is not); the
    table gives each key type's fits and what the rest were typed as, most frequent first."""
    bombing, kidnapping = key(types=("BOMBING",)), key(types=("KIDNAPPING",))
    pairs = [("m1", bombing, event("bombing")), ("m1", bombing, event("attack")), ("m2", bombing, event("attack")),
             ("m2", kidnapping, event("arrest")), ("m3", kidnapping, event("abduction")), ("m3", KEY, None),
             ("m4", key(stages=("THREATENED",)), event("threat"))]
    assert muc4.confusion(pairs) == Counter({("BOMBING", "bombing", True): 1, ("BOMBING", "attack", False): 2,
                                             ("KIDNAPPING", "arrest", False): 1, ("KIDNAPPING", "abduction", True): 1,
                                             ("ATTACK", "threat", True): 1})
    lines = muc4.format_confusion({"split": "train", "pairs": pairs}).splitlines()
    assert lines[1].split() == ["ATTACK", "1", "matched", "1", "fit;", "other", "types:", "-"]
    assert lines[2].split() == ["BOMBING", "3", "matched", "1", "fit;", "other", "types:", "attack", "2"]
    assert lines[3].endswith("other types: arrest 1")


def _muc_data_present() -> bool:
    data = shared_dir() / "data"
    return (data / "muc4-keys" / "dev").is_dir() and (data / "muc3" / "docs.jsonl").is_file()


@pytest.mark.skipif(not _muc_data_present(), reason="MUC-4 keys or MUC-3 reports not in ../shared/data")
def test_cli_scores_the_first_reports_of_the_dev_split(capsys):
    """`timeline eval muc4 --split dev --limit 20` prints the table for 20 reports and exits 0."""
    assert main(["eval", "muc4", "--split", "dev", "--limit", "20"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("MUC-4 dev: 20 reports, ")
    assert "incidents found (all templates)" in out and "one-day incidents dated exactly" in out


def test_cli_refuses_details_on_the_dev_split(capsys):
    """The dev split is read as figures only: --details there is a usage error (exit 2), said why."""
    assert main(["eval", "muc4", "--split", "dev", "--details"]) == 2
    captured = capsys.readouterr()
    assert "--details is for the train split" in captured.err and captured.out == ""
