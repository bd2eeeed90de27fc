"""The ``timeline timex`` command: JSON, TimeML, JSON lines, and clear errors for bad input."""

import io
import json
import sys

from timeline.cli import main


def run(capsys, *argv):
    code = main(["timex", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_offsets_index_the_bytes_as_read(tmp_path, capsys):
    text = "Mondo — Updated on 2024-01-31\r\n\r\nPashinyan met Aliyev last week in St. Petersburg.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    code, out, err = run(capsys, str(path))
    assert code == 0 and err == ""
    found = json.loads(out)
    assert {"start", "end", "text", "type", "value"} == set(found[0])
    assert all(text[t["start"]:t["end"]] == t["text"] for t in found)
    assert ("last week", "2024-W04") in [(t["text"], t["value"]) for t in found]


def test_published_option_and_timeml(tmp_path, capsys):
    path = tmp_path / "b.txt"
    path.write_text("Talks failed yesterday & resumed.", encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--published", "2023-09-20", "--format", "timeml")
    assert code == 0
    assert '<TIMEX3 tid="t1" type="DATE" value="2023-09-19">yesterday</TIMEX3> &amp; resumed' in out


def test_no_publication_date_is_said(tmp_path, capsys):
    path = tmp_path / "c.txt"
    path.write_text("The talks failed yesterday.", encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 0 and "no publication date" in err
    assert json.loads(out)[0]["value"] == "XXXX-XX-XX"


def test_jsonl_one_line_per_document_and_bad_lines_reported(tmp_path, capsys):
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "a", "published": "2024-01-31", "text": "It ended last week."}),
             "{not json",
             json.dumps({"id": "b", "text": "SAN SALVADOR, 3 JAN 90 -- IT HAPPENED YESTERDAY."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert code == 1 and "docs.jsonl:2" in err
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["id"] for d in docs] == ["a", "b"]
    assert docs[1]["published"] == "1990-01-03"
    assert ("YESTERDAY", "1990-01-02") in [(t["text"], t["value"]) for t in docs[1]["timexes"]]


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Met on 5 May 2021.".encode())))
    code, out, _ = run(capsys, "-")
    assert code == 0 and json.loads(out)[0]["value"] == "2021-05-05"


def test_bad_inputs_give_clear_errors(tmp_path, capsys):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02PNG")
    latin = tmp_path / "x.txt"
    latin.write_bytes("caf\xe9".encode("latin-1"))
    for argv, message in ([str(binary)], "binary"), ([str(latin)], "not UTF-8"), \
            ([str(tmp_path / "missing.txt")], "no such file"), ([str(latin), "--published", "31/01/2024"], "YYYY-MM-DD"):
        code, _, err = run(capsys, *argv)
        assert code == 1 and message in err and "Traceback" not in err


def test_empty_file_gives_an_empty_list(tmp_path, capsys):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, out, _ = run(capsys, str(path))
    assert code == 0 and json.loads(out) == []
