"""A store in a folder whose name holds a quote ("o'brien") is written, read, compared and
queried like any other: the paths reach DuckDB as string literals with the quote doubled (it
failed with a DuckDB syntax error before)."""

from __future__ import annotations

from timeline import query
from timeline.cli import main
from timeline.columnar import sql_path, sql_paths


def test_a_path_with_a_quote_is_one_sql_string():
    assert sql_path("/data/o'brien/events.parquet") == "'/data/o''brien/events.parquet'"
    assert sql_paths(["/a/x.parquet", "/b/it's.parquet"]) == "['/a/x.parquet', '/b/it''s.parquet']"


def test_a_store_under_a_quoted_folder_is_written_read_and_left_alone(tmp_path, capsys):
    folder = tmp_path / "o'brien's archive"
    folder.mkdir()
    (folder / "a.txt").write_text("Rebels shelled the town of Ostrel on 2 March 2022, officials said.", encoding="utf-8")
    store = folder / "events.parquet"
    for jobs in ("1", "2"):
        assert main(["extract", str(folder / "a.txt"), "-o", str(store), "--jobs", jobs, "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "written" in err and "nothing new, store left as it was" in err
    con = query.connect(store)
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 1
    assert main(["show", str(store)]) == 0 and "Ostrel" in capsys.readouterr().out
