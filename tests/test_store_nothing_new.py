"""Extracting the same archive into a store again says "nothing new" and leaves the store as it
was (files and mtime), instead of reporting a rewrite as news; a new article is written."""

from __future__ import annotations

from pathlib import Path

from timeline.bulk import same_store
from timeline.cli import main


def _files(store: Path) -> dict[str, int]:
    return {str(p.relative_to(store)): p.stat().st_mtime_ns for p in store.rglob("*") if p.is_file()}


def test_a_second_run_over_the_same_articles_changes_nothing(tmp_path, capsys):
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text("Rebels shelled the town of Ostrel on 2 March 2022, officials said.", encoding="utf-8")
    store = tmp_path / "events.parquet"
    assert main(["extract", str(archive), "-o", str(store), "--no-progress"]) == 0
    assert "written" in capsys.readouterr().err
    before = _files(store)
    assert main(["extract", str(archive), "-o", str(store), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "nothing new, store left as it was" in err and "written" not in err
    assert _files(store) == before and not (tmp_path / "events.parquet.partial").exists()
    (archive / "b.txt").write_text("Troops withdrew from Ostrel on 9 March 2022.", encoding="utf-8")
    assert main(["extract", str(archive), "-o", str(store), "--no-progress"]) == 0
    assert "from 2 documents written" in capsys.readouterr().err


def test_same_store_tells_a_different_title_and_a_missing_store(tmp_path, capsys):
    archive = tmp_path / "a.txt"
    archive.write_text("Police arrested two men in Ostrel on 4 April 2022.", encoding="utf-8")
    one, two = tmp_path / "one.parquet", tmp_path / "two.parquet"
    for store in (one, two):
        assert main(["extract", str(archive), "-o", str(store), "--no-progress"]) == 0
    assert same_store(one, two) and not same_store(one, tmp_path / "none.parquet")
    manifest = two / "store.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace('"title": null', '"title": "x"'), encoding="utf-8")
    assert not same_store(one, two)


def test_same_counts_but_other_rows_are_not_the_same_store(tmp_path):
    """Two runs whose manifests agree (one article of the same length, one event each) but whose
    rows differ are told apart by the rows themselves: the new store replaces the old one."""
    stores = []
    for day in ("2", "3"):
        article = tmp_path / f"a{day}.txt"
        article.write_text(f"Rebels shelled the town of Ostrel on {day} March 2022, officials said.", encoding="utf-8")
        stores.append(tmp_path / f"s{day}.parquet")
        assert main(["extract", str(article), "-o", str(stores[-1]), "--no-progress"]) == 0
    manifests = [(s / "store.json").read_text(encoding="utf-8") for s in stores]
    assert manifests[0] == manifests[1] and not same_store(*stores)
