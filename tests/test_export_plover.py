"""PLOVER export: every record checked field by field against the PLOVER manual itself.

The manual (``../shared/data/plover-gsr/PLOVER_MANUAL.tex``) is read here, not paraphrased: its
"PLOVER JSON" table gives the fields, which are required and what each holds; the entity,
citation and location tables give the keys of those objects; the mode tables and the general
contexts table give the values ``mode`` and ``context`` may take. Skips when shared/ is absent.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache
from pathlib import Path

import pytest

from timeline import export_plover, store
from timeline.evaluate.corpora import shared_dir
from timeline.models import Document, Event, Source, Timeline
from timeline.taxonomy import PLOVER_CATEGORIES, event_types

ROOT = Path(__file__).resolve().parents[1]
MANUAL = shared_dir() / "plover-gsr" / "PLOVER_MANUAL.tex"  # ../shared or $TIMELINE_SHARED, as the other corpus tests
pytestmark = pytest.mark.skipif(not MANUAL.exists(), reason=f"the PLOVER manual is not at {MANUAL}")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _braced(text: str, start: int) -> tuple[str, int]:
    """The text inside the braces that open at ``start``, and the index after them."""
    depth = 0
    for i in range(start, len(text)):
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        if depth == 0:
            return text[start + 1 : i], i + 1
    raise ValueError("unbalanced braces")


def _cell(raw: str) -> str:
    raw = re.sub(r"\\hyperref\[[^\]]*\]\{([^}]*)\}", r"\1", raw)
    raw = re.sub(r"\\(?:plcat|textbf|texttt|txt)\{([^}]*)\}", r"\1", raw)
    return raw.replace("\\_", "_").strip()


@cache
def manual_tables() -> dict[str, list[list[str]]]:
    """Every captioned table of the manual: caption -> rows of cells (header row included)."""
    tex = MANUAL.read_text(encoding="utf-8")
    tables = {}
    for match in re.finditer(r"\\caption\{", tex):
        caption, end = _braced(tex, match.end() - 1)
        body = tex[end : end + re.search(r"\\end\{(?:tabular|longtable)\}", tex[end:]).start()]
        rows = [[_cell(c) for c in line.strip().rstrip("\\ ").split("&")]
                for line in body.splitlines() if "&" in line and not line.strip().startswith("%")]
        tables[_cell(caption)] = rows
    return tables


def table(prefix: str) -> list[list[str]]:
    return next(rows for caption, rows in manual_tables().items() if caption.startswith(prefix))


def names(prefix: str) -> set[str]:
    return {row[0] for row in table(prefix)[1:] if row[0]}


@cache
def modes() -> dict[str, set[str]]:
    """Category -> the modes its table lists (REQUEST and REJECT share theirs)."""
    out = {}
    for caption, rows in manual_tables().items():
        found = re.match(r"([A-Z]+) modes", caption)
        if found:
            out[found.group(1)] = {row[0] for row in rows[1:] if row[0]}
    return out


@cache
def contexts() -> set[str]:
    """The general contexts, plus the auxiliary ones the manual puts in ``context``."""
    tex = MANUAL.read_text(encoding="utf-8")
    section = tex[tex.index("\\section{Auxiliary modes}") : tex.index("\\section{Changes in treatment")]
    return names("General contexts") | set(re.findall(r"\\plcon\{(\w+)\}", section))


def check_record(record: dict) -> None:
    """Assert one record follows the manual's tables, field by field."""
    fields = {row[0]: row for row in table("PLOVER JSON")[1:]}
    required = {name for name, row in fields.items() if row[-1] == "Y"}
    assert required <= record.keys(), f"{record['id']}: missing {required - record.keys()}"
    assert isinstance(record["id"], str) and record["id"]
    for key in ("date", "enddate"):
        if key in record:
            assert "YYYY-MM-DD" in fields[key][1] and DAY.match(record[key]), (key, record[key])
    if "enddate" in record:
        assert record["enddate"] > record["date"]
    for key in ("actor", "recipient"):
        assert fields[key][1] == "list of entity objects" and isinstance(record.get(key, []), list)
        for ent in record.get(key, []):
            assert ent.keys() <= names("Information object for entities"), ent
            assert "code" not in ent or re.fullmatch(r"[A-Z]{3}", ent["code"]), ent
            assert "sector" not in ent or ent["sector"] in names("Sector Codes"), ent
    assert record["actor"], "actor is required"
    assert isinstance(record["event"], list) and set(record["event"]) <= set(PLOVER_CATEGORIES)
    for key in ("mode", "context", "event_text"):
        assert fields[key][1].startswith("list of") and isinstance(record[key], list)
    category = record["event"][0]
    assert set(record["mode"]) <= modes().get(category, set()), (category, record["mode"])
    assert set(record["context"]) <= contexts(), record["context"]
    if "event_loc" in record:
        assert record["event_loc"].keys() <= names("Location object"), record["event_loc"]
    assert record["cite_info"].keys() <= names("Information object for citations")
    assert DAY.match(record["coded_date"])


def test_the_manual_is_read_as_the_tests_expect():
    assert {"id", "date", "actor", "event"} == {r[0] for r in table("PLOVER JSON")[1:] if r[-1] == "Y"}
    assert modes()["ASSAULT"] >= {"abduct", "aerial", "explosives", "targeted"} and "military" in contexts()
    assert {"future", "hypothetical", "negation"} <= contexts()


def test_taxonomy_uses_only_the_manuals_modes_and_contexts():
    for kind in event_types().values():
        if kind.plover_event:
            assert set(kind.plover_modes) <= modes().get(kind.plover_event, set()), kind.name
            assert set(kind.plover_contexts) <= contexts(), kind.name


def timeline() -> Timeline:
    doc = Document(id="doc", title="Daily news", published="2024-01-31", origin="https://example.org/a")
    src = [Source(document="doc", quote="They clashed.")]
    return Timeline(documents=[doc], events=[
        Event(id="clash", title="Border clash", type="armed_clash", date="2023-09-19", actors=["Armenia", "Azerbaijan"],
              location="Nagorno-Karabakh", sources=src),
        Event(id="week", title="Withdrawal", type="withdrawal", date="2023-09-11/2023-09-15", actors=["Russia"],
              sources=src),
        Event(id="undated", title="Talks", type="negotiation", actors=["Armenia", "CSTO"], sources=src),
        Event(id="strike", title="Air strike", type="airstrike", date="2023-09-20", actors=["Azerbaijan"],
              targets=["Artsakh", "three villagers"], sources=src),
        Event(id="will-meet", title="Will meet", type="meeting", date="2024-02-10", modality="future", actors=["Russia"]),
        Event(id="no-attack", title="No attack", type="attack", date="2023-10", modality="negated", actors=["Russia"]),
        Event(id="words", title="Said things", type="statement", date="2023-10", actors=["Russia"]),
        Event(id="after", title="Treaty", type="agreement", date="2024-01-31/..", modality="hypothetical"),
    ])


def records(tl: Timeline) -> dict[str, dict]:
    return {r["id"]: r for r in map(json.loads, export_plover.to_plover(tl).text.splitlines())}


def test_every_record_follows_the_manual():
    got = records(timeline())
    assert got
    for record in got.values():
        check_record(record)


def test_dates_entities_and_what_is_left_out():
    written = export_plover.to_plover(timeline())
    got = records(timeline())
    assert got["clash"]["date"] == "2023-09-19" and "enddate" not in got["clash"]
    assert (got["week"]["date"], got["week"]["enddate"]) == ("2023-09-11", "2023-09-15")
    assert got["undated"]["date"] == "2024-01-31"  # the latest day it can have happened: the story's date
    assert got["undated"]["date_window"]["earliest"] is None and "latest day" in got["undated"]["comment"]
    assert got["clash"]["actor"] == [{"entity_text": "Armenia", "code": "ARM"}, {"entity_text": "Azerbaijan", "code": "AZE"}]
    assert got["undated"]["actor"][1] == {"entity_text": "CSTO", "code": "IGO"}
    assert got["strike"]["recipient"][0] == {"entity_text": "Artsakh", "code": "AZE", "sector": "PRE"}
    assert got["strike"]["mode"] == ["aerial"] and got["will-meet"]["context"] == ["diplomatic", "future"]
    assert got["clash"]["event_loc"]["country_code"] == "AZE" and got["clash"]["cite_info"]["url"] == "https://example.org/a"
    assert written.count == len(got) == 5
    assert written.left_out == {"negated (the manual lets a dataset leave them out)": ("no-attack",),
                                "with no PLOVER category": ("words",),
                                "with no latest day, so no `date` (required) can be written": ("after",)}


def test_seed_records_follow_the_manual():
    try:
        seed = store.load(ROOT / "events.yaml").timeline
    except store.TimelineError as exc:
        pytest.skip(f"events.yaml does not load here: {exc}")
    written = export_plover.to_plover(seed)
    assert written.count + sum(map(len, written.left_out.values())) == len(seed.events)
    for line in written.text.splitlines():
        check_record(json.loads(line))
    assert dt.date.fromisoformat(json.loads(written.text.splitlines()[0])["coded_date"]) == dt.date.today()
