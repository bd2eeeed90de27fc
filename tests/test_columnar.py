"""The columnar store: extraction into Parquet agrees with the in-memory extractor; queries,
validation, show, export and SQL read it through DuckDB."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from timeline import columnar, partitions, query, storecheck
from timeline.bulk import extract_to_store
from timeline.cli import main
from timeline.distributed import serial
from timeline.documents import iter_path
from timeline.evaluate.gold import shared_dir
from timeline.extract import Options, extract
from timeline.filters import apply, build_table
from timeline.models import Document, Event, Relation, Source, Timeline

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"
MUC3 = shared_dir() / "data" / "muc3" / "docs.jsonl"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """The hand-written articles, plus 160 MUC-3 reports in two JSON-lines files when present."""
    paths = [str(ARTICLES)]
    if MUC3.exists():
        folder = tmp_path_factory.mktemp("muc")
        lines = list(itertools.islice(MUC3.open(encoding="utf-8"), 160))
        (folder / "a.jsonl").write_text("".join(lines[:80]), encoding="utf-8")
        (folder / "b.jsonl").write_text("".join(lines[80:]), encoding="utf-8")
        paths.append(str(folder))
    return paths


@pytest.fixture(scope="module")
def store(corpus, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("out") / "events.parquet"
    extract_to_store(corpus, path, Options(), serial)
    return path


def test_the_store_holds_the_in_memory_extraction_event_for_event(corpus, store):
    expected = extract([d for p in corpus for d in iter_path(p)], Options())
    stored = query.timeline(store)
    assert len(stored.events) == len(expected.events) > 20
    assert {e.id: e for e in stored.events} == {e.id: e for e in expected.events}
    if MUC3.exists():  # the passes that matter were exercised: merges across documents, related groups
        assert any(len({s.document for s in e.sources}) > 1 for e in stored.events)
        assert sum(bool(e.relations) for e in stored.events) > 50


def test_partitions_read_the_documents_extract_reads(corpus):
    small = partitions.plan(corpus, target_bytes=1_000)  # the four articles alone (4 KB) split too
    assert len(small) > len(partitions.plan(corpus))
    read = [d for p in small for d in partitions.documents(p)]
    assert read == [d for p in corpus for d in iter_path(p)]


def test_a_store_is_partitioned_by_year_and_counts_in_its_manifest(store):
    manifest = columnar.read_manifest(store)
    years = {p.name for p in columnar.events_dir(store).iterdir()}
    assert manifest["events"] == storecheck.counts(store)[0] and any(y.startswith("year=") for y in years)
    assert storecheck.problems(store) == []


def test_filters_as_sql_select_what_the_app_filters_select(store):
    whole = query.timeline(store)
    table = build_table(whole)
    con = query.connect(store)
    some_actor = next(a for e in whole.events for a in e.actors)
    cases = [query.Query(types=frozenset({"attack", "armed_clash"})), query.Query(actors=frozenset({some_actor})),
             query.Query(start=dt.date(2019, 1, 1), end=dt.date(2023, 12, 31)), query.Query(text="killed"),
             query.Query(types=frozenset({"attack"}), text="the", end=dt.date(2024, 1, 1))]
    for flt in cases:
        expected = {e.id for e, keep in zip(whole.events, apply(table, flt)) if keep}
        assert set(query.select(con, flt, "id").column("id").to_pylist()) == expected, flt
        assert query.count(con, flt) == len(expected)


def test_a_place_filter_keeps_only_that_place(store):
    con = query.connect(store)
    place = con.execute("SELECT location FROM events WHERE location IS NOT NULL LIMIT 1").fetchall()[0][0]
    rows = query.select(con, query.Query(places=frozenset({place})), "location").column("location").to_pylist()
    assert rows and set(rows) == {place}


def _broken_store(folder: Path) -> Path:
    doc = Document(id="d", published=dt.date(2024, 1, 2), text="Rebels attacked the town on Monday.")
    good = Event(id="rebels-attack", title="Rebels attacked", type="attack",
                 sources=[Source(document="d", quote="Rebels attacked", start=0, end=15)])
    bad = Event(id="ghost", title="Ghost", type="attack", relations=[Relation(relation="after", target="nowhere")],
                sources=[Source(document="d", quote="the village", start=3, end=14),
                         Source(document="missing", quote="x", start=0, end=1)])
    path = folder / "broken.parquet"
    columnar.write_small(path, Timeline(documents=[doc], events=[good, bad, good]))
    return path


def test_validate_names_every_problem_of_a_store(tmp_path, capsys):
    path = _broken_store(tmp_path)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    for words in ("duplicate id rebels-attack", "events[id=ghost].relations: no event has id nowhere",
                  "no document has id missing", "events[id=ghost].sources: the quote is not at offsets 3-14"):
        assert words in err
    assert main(["validate", str(tmp_path / "none.parquet")]) == 1
    assert "not a timeline store" in capsys.readouterr().err


def test_show_export_and_sql_read_a_store(store, tmp_path, capsys):
    assert main(["show", str(store), "--type", "attack", "--limit", "3"]) == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0].startswith("id") and 1 <= len([l for l in shown[2:] if not l.startswith("*")]) <= 3
    out = tmp_path / "attacks.json"
    assert main(["export", str(store), "-f", "json", "--type", "attack", "-o", str(out)]) == 0
    exported = json.loads(out.read_text())
    assert exported["events"] and {e["type"] for e in exported["events"]} == {"attack"}
    assert main(["sql", str(store), "SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC",
                 "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "type,n" and sum(int(l.split(",")[1]) for l in lines[1:]) == storecheck.counts(store)[0]
    assert main(["sql", str(store), "SELECT nonsense FROM events"]) == 1


def test_extract_to_a_store_replaces_a_store_but_never_another_folder(tmp_path, capsys):
    article = ARTICLES / next(p.name for p in sorted(ARTICLES.iterdir()) if p.suffix == ".txt")
    target = tmp_path / "out.parquet"
    assert main(["extract", str(article), "-o", str(target), "--no-progress"]) == 0
    first = storecheck.counts(target)
    assert main(["extract", str(article), "-o", str(target), "--no-progress"]) == 0
    assert storecheck.counts(target) == first and not (tmp_path / "out.parquet.old").exists()
    other = tmp_path / "photos.parquet"
    other.mkdir()
    (other / "keep.jpg").write_bytes(b"x")
    assert main(["extract", str(article), "-o", str(other), "--no-progress"]) == 1
    assert (other / "keep.jpg").exists() and "not a timeline store" in capsys.readouterr().err


def _jsonl(path: Path, records: list[tuple[str, str]]) -> str:
    path.write_text("".join(json.dumps({"id": i, "published": "2024-01-31", "text": t}) + "\n" for i, t in records),
                    encoding="utf-8")
    return str(path)


def test_an_article_read_again_is_stored_once_as_extract_reads_it_once(tmp_path):
    text = "Rebels attacked the garrison in Chalatenango on Monday, the army said."
    paths = [_jsonl(tmp_path / "a.jsonl", [("first", text), ("other", "Troops withdrew from Morazan on Sunday.")]),
             _jsonl(tmp_path / "b.jsonl", [("again", text)])]
    stats = extract_to_store(paths, tmp_path / "s.parquet", Options(), serial)
    stored = query.timeline(tmp_path / "s.parquet")
    expected = extract([d for p in paths for d in iter_path(p)], Options())
    assert stats.documents == 2 and any("read once" in w for w in stats.warnings)
    assert storecheck.counts(tmp_path / "s.parquet") == (len(expected.events), 2)
    assert {e.id: e for e in stored.events} == {e.id: e for e in expected.events}


def test_two_texts_under_one_id_are_refused_and_nothing_is_written(tmp_path, capsys):
    paths = [_jsonl(tmp_path / "a.jsonl", [("same", "Rebels attacked the town.")]),
             _jsonl(tmp_path / "b.jsonl", [("same", "Troops withdrew from the town.")])]
    assert main(["extract", *paths, "-o", str(tmp_path / "s.parquet"), "--no-progress"]) == 1
    assert "two different articles have the id 'same'" in capsys.readouterr().err
    assert not (tmp_path / "s.parquet").exists() and not (tmp_path / "s.parquet.partial").exists()


def test_repeated_ids_are_numbered_as_in_memory(corpus, tmp_path, monkeypatch):
    """Two events told by one quote share an id until numbered; with every tag made equal, ids
    repeat across partitions and the store must number them as extract does."""
    from timeline import ids

    monkeypatch.setattr(ids, "evidence_tag", lambda digest, start, end: "0aaaaa")
    extract_to_store(corpus, tmp_path / "s.parquet", Options(), serial)
    stored = query.timeline(tmp_path / "s.parquet")
    expected = extract([d for p in corpus for d in iter_path(p)], Options())
    assert any(e.id.endswith("-2") for e in expected.events)
    assert {e.id: e for e in stored.events} == {e.id: e for e in expected.events}
