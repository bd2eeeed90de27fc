"""A researcher's own gold file with the usual mistakes: each is reported at once with its file,
line, column and field (a quote not in the article, a date that is not EDTF, a missing field, a
relation to an unknown id, typos in a type, relation, modality or field name), never a traceback."""

from __future__ import annotations

import re

import pytest

from timeline.cli import main
from timeline.evaluate.gold import GoldError, read_gold, read_gold_dir

ARTICLE = ("Harbourtown, 9 May 2022\n\nMilitants shelled the harbour of Harbourtown on 9 May 2022, "
           "officials said. A day earlier the governor had declared a curfew.\n")
GOLD = """document: harbour.txt
published: 2022-05-09
events:
  - id: shelling
    type: shelling
    quote: "shelled the harbour of Harbourtown"
    actors: [Militants]
    bounds: 2022-05-09
    real_date: 2022-05-09
  - id: curfew
    type: coercion
    quote: "had declared a curfew"
    bounds: 2022-05-08
relations:
  - [curfew, before, shelling]
"""
MISTAKES = [
    (("had declared a curfew", "had imposed a curfew"), 12, "events[1].quote: not in the article: 'had imposed a curfew'"),
    (("bounds: 2022-05-08", "bounds: 2022-05-32"), 13, "events[1].bounds: not an EDTF date"),
    (('    quote: "shelled the harbour of Harbourtown"\n', ""), 4, "events[0].quote: missing"),
    (("[curfew, before, shelling]", "[curfew, before, shellng]"), 15, "relations[0][2]: no event has the id 'shellng'; "
                                                                      "did you mean 'shelling'?"),
    (("[curfew, before, shelling]", "[curfew, befor, shelling]"), 15, "relations[0][1]: unknown relation 'befor'; "
                                                                     "did you mean 'before'?"),
    (("type: coercion", "type: coercon"), 11, "events[1].type: unknown event type 'coercon'; did you mean 'coercion'?"),
    (("    actors:", "    actor:"), 7, "events[0].actor: unknown field 'actor'; did you mean 'actors'?"),
    (("published: 2022-05-09", "published: 9 May 2022"), 2, "published: must be a day written YYYY-MM-DD"),
    (("document: harbour.txt", "document: harbor.txt"), 1, "document: the article 'harbor.txt' is not in"),
]


def _folder(tmp_path, gold: str):
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "harbour.yaml").write_text(gold, encoding="utf-8")
    return tmp_path


def test_the_correct_file_reads(tmp_path):
    doc = read_gold(_folder(tmp_path, GOLD) / "harbour.yaml", shared=tmp_path / "none")
    assert [e.id for e in doc.events] == ["shelling", "curfew"] and doc.relations == [("curfew", "before", "shelling")]


@pytest.mark.parametrize(("edit", "line", "message"), MISTAKES, ids=[m[2].split(":")[0] for m in MISTAKES])
def test_each_mistake_is_named_with_file_line_and_field(tmp_path, edit, line, message):
    folder = _folder(tmp_path, GOLD.replace(*edit))
    with pytest.raises(GoldError) as caught:
        read_gold(folder / "harbour.yaml", shared=tmp_path / "none")
    assert re.search(rf"^{re.escape(str(folder / 'harbour.yaml'))}:{line}:\d+: {re.escape(message)}", str(caught.value), re.M)


def test_every_problem_of_every_file_at_once_and_no_traceback(tmp_path, capsys):
    gold = GOLD.replace("type: coercion", "type: coercon").replace("[curfew, before, shelling]", "[curfew, befor, x]")
    folder = _folder(tmp_path, gold)
    (folder / "second.yaml").write_text(GOLD.replace("had declared", "has declared"), encoding="utf-8")
    with pytest.raises(GoldError) as caught:
        read_gold_dir(folder, shared=tmp_path / "none")
    assert len(str(caught.value).splitlines()) == 4  # type, relation name, relation target; second file's quote
    assert main(["eval", "events", "--gold", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "second.yaml:12:5: events[1].quote" in err and "Traceback" not in err


ODD_VALUES = [
    (("  - id: curfew", "  - id: [curfew, decree]"), 10, "events[1].id: must be one word or number, not ['curfew', 'decree']"),
    (("    type: coercion", "    type: [coercion, protest]"), 11, "events[1].type: unknown event type ['coercion', 'protest']"),
    (("relations:", "scope: sampled\nrelations:"), 14, "scope: must be one of full, partial, not 'sampled'"),
]


@pytest.mark.parametrize(("edit", "line", "message"), ODD_VALUES, ids=[m[2].split(":")[0] for m in ODD_VALUES])
def test_a_list_where_a_word_belongs_or_a_bad_scope_is_named_with_its_line(tmp_path, edit, line, message):
    """An id or type written as a list, or a scope the scorer cannot honour, is a problem with its
    line like the others (it was a TypeError, or a message with no line)."""
    folder = _folder(tmp_path, GOLD.replace(*edit))
    with pytest.raises(GoldError) as caught:
        read_gold(folder / "harbour.yaml", shared=tmp_path / "none")
    assert re.search(rf"^{re.escape(str(folder / 'harbour.yaml'))}:{line}:\d+: {re.escape(message)}", str(caught.value), re.M)


def test_numeric_ids_are_compared_as_written_in_relations(tmp_path):
    """Ids written as numbers are ids like any other, read as text as written (GoldEvent.id is a
    str): a relation naming them is no problem, and a repeated one is reported where it repeats."""
    gold = GOLD.replace("id: shelling", "id: 1").replace("id: curfew", "id: 2").replace("[curfew, before, shelling]", "[2, before, 1]")
    doc = read_gold(_folder(tmp_path, gold) / "harbour.yaml", shared=tmp_path / "none")
    assert [e.id for e in doc.events] == ["1", "2"] and doc.relations == [("2", "before", "1")]
    with pytest.raises(GoldError, match=r"harbour\.yaml:10:\d+: events\[1\]\.id: duplicate id '1'"):
        read_gold(_folder(tmp_path, gold.replace("id: 2", "id: 1").replace("[2, before, 1]", "[1, before, 1]")) / "harbour.yaml",
                  shared=tmp_path / "none")


def test_a_gold_file_or_an_article_not_in_utf8_is_named_with_its_place(tmp_path):
    """A gold file saved in Latin-1 is named with the line and column of its first bad byte, and
    an article in Latin-1 with its path (both were a bare codec error naming no file)."""
    folder = _folder(tmp_path, GOLD)
    (folder / "harbour.yaml").write_bytes(GOLD.replace("id: curfew", "id: caf\u00e9").encode("latin-1"))
    with pytest.raises(GoldError, match=r"harbour\.yaml:10:\d+: not UTF-8 text \(byte 0xe9\)"):
        read_gold(folder / "harbour.yaml", shared=tmp_path / "none")
    (folder / "harbour.yaml").write_text(GOLD, encoding="utf-8")
    (folder / "harbour.txt").write_bytes(ARTICLE.replace("Harbourtown,", "Harbourt\u00f6wn,", 1).encode("latin-1"))
    with pytest.raises(GoldError, match=r"harbour\.yaml:1:\d+: document: the article .*harbour\.txt is not UTF-8 text"):
        read_gold(folder / "harbour.yaml", shared=tmp_path / "none")
