"""Progress: a redrawn bar on a terminal, a few whole lines in a log file."""

from __future__ import annotations

import io

from timeline.cli import main
from timeline.progress import Progress


def test_a_log_gets_whole_lines_now_and_then_never_carriage_returns():
    log = io.StringIO()
    progress = Progress(stream=log, interval=3600, terminal=False)
    for done in range(1, 1001):
        progress(done, 1000)
    progress.close()
    lines = log.getvalue().splitlines()
    assert "\r" not in log.getvalue()
    assert len(lines) == 2 and lines[0].startswith("0%") and "1000/1000" in lines[-1]


def test_a_stream_of_unknown_length_ends_with_its_count():
    log = io.StringIO()
    progress = Progress(stream=log, interval=3600, terminal=False)
    for done in range(1, 41):
        progress(done, None)
    progress.close()
    assert log.getvalue().splitlines()[-1].startswith("40 ")


def test_a_terminal_gets_a_redrawn_bar_naming_the_step_done():
    screen = io.StringIO()
    progress = Progress("steps", stream=screen, terminal=True)
    for done, name in enumerate(("sentences", "timexes", "triggers", "timeline"), 1):
        progress.stage(name, done, 4)
    progress.close()
    assert "\r" in screen.getvalue() and "4/4" in screen.getvalue() and "timeline done" in screen.getvalue()


def test_extract_logs_lines_when_stderr_is_a_file(tmp_path, capsys):
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(f'{{"id": "d{n}", "published": "2020-01-0{n}", "text": "Rebels attacked town {n}."}}\n'
                              for n in range(1, 4)), encoding="utf-8")
    assert main(["extract", str(corpus), "-o", str(tmp_path / "out.json")]) == 0
    err = capsys.readouterr().err
    assert "\r" not in err and "3/3" in err
