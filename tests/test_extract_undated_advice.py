"""Articles of different days without a year in their datelines (a folder of wire copy): the
warning says how many lack a date and how to give each its own (a 'published:' line per article in
the timeline's documents, then a second run with --into), and that route dates the events."""

from __future__ import annotations

from timeline import store
from timeline.cli import main, undated_advice

ARTICLES = {
    "market.txt": "Militia burns market in Ashford\n\nASHFORD, May 4 - Militia fighters burned the main market "
                  "in Ashford on Monday, officials said on Tuesday.\n",
    "bridge.txt": "Rebels blow up bridge near Corran\n\nCORRAN, June 9 - Rebels blew up a road bridge near Corran "
                  "on Sunday, the army said.\n",
}


def test_the_warning_counts_and_names_the_per_article_route(tmp_path, capsys):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    target = tmp_path / "events.yaml"
    assert main(["extract", str(tmp_path / "market.txt"), str(tmp_path / "bridge.txt"), "--no-progress",
                 "--into", str(target)]) == 0
    err = capsys.readouterr().err
    assert "in 2 of 2 articles, relative dates such as 'yesterday' stay unresolved" in err
    assert f"'published: YYYY-MM-DD' under each of them in the documents of {target}" in err
    assert f"run again with --into {target}" in err
    text = target.read_text(encoding="utf-8")
    for name, day in (("market.txt", "2031-05-04"), ("bridge.txt", "2031-06-09")):
        text = text.replace(f"origin: {name}\n", f"origin: {name}\n    published: {day}\n")
    target.write_text(text, encoding="utf-8")
    assert main(["extract", str(tmp_path / "market.txt"), str(tmp_path / "bridge.txt"), "--no-progress",
                 "--into", str(target)]) == 0
    assert "no publication date found" not in capsys.readouterr().err
    days = {e.date for e in store.load(target).timeline.events}
    assert {"2031-04-28", "2031-06-08"} <= days  # the Monday before Sunday 4 May, the Sunday before 9 June


def test_one_article_or_no_timeline_file_keeps_the_short_advice():
    assert undated_advice(["a.txt"], 1, "events.yaml")[-1] == "give --published YYYY-MM-DD (the articles' date) and run again"
    assert undated_advice(["a.txt", "b.txt"], 2, None)[-1].startswith("give --published")
    assert undated_advice(["a.txt", "b.txt"], 2, "events.json")[-1].startswith("give --published")
    assert undated_advice(["a.txt", "b.txt"], 5, "events.yaml")[0].endswith(
        "in 2 of 5 articles, relative dates such as 'yesterday' stay unresolved and undated events get no upper bound")
