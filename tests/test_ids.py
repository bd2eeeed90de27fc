"""Ids that cannot collide: documents by name and text, extracted events by their evidence."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from timeline import dashboard, store
from timeline.cli import main
from timeline.documents import read_path
from timeline.extract import build, extract, extract_document
from timeline.models import Document

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "articles" / "000_b6a62961ae883b3c.txt"
ARTICLES = REPO / "tests" / "data" / "articles"


def _run(*argv: str) -> int:
    return main([*argv, "--no-progress"] if argv[0] == "extract" else list(argv))


def _other_seed(path: Path) -> Path:
    """The seed told about Belarus instead of Russia: another article with the same slugs."""
    path.write_text(SEED.read_text(encoding="utf-8").replace("Russia", "Belarus"), encoding="utf-8")
    return path


# --- documents ------------------------------------------------------------------------------------


def _same_named(folder: Path) -> tuple[str, str]:
    """a/article.txt (the seed) and b/article.txt (another article)."""
    (folder / "a").mkdir()
    (folder / "b").mkdir()
    shutil.copy(SEED, folder / "a" / "article.txt")
    _other_seed(folder / "b" / "article.txt")
    return str(folder / "a" / "article.txt"), str(folder / "b" / "article.txt")


def test_two_articles_with_one_file_name_are_two_documents(tmp_path, capsys):
    first, second = _same_named(tmp_path)
    target = tmp_path / "events.yaml"
    assert _run("extract", first, second, "--into", str(target)) == 0
    assert _run("validate", str(target)) == 0, capsys.readouterr().err
    assert len(store.load(target).timeline.documents) == 2


def test_the_second_of_two_same_named_articles_is_not_dropped_in_a_later_run(tmp_path, capsys):
    first, second = _same_named(tmp_path)
    target = tmp_path / "events.yaml"
    assert _run("extract", first, "--into", str(target)) == 0
    assert _run("extract", second, "--into", str(target)) == 0
    assert _run("validate", str(target)) == 0, capsys.readouterr().err
    timeline = store.load(target).timeline
    assert len(timeline.documents) == 2
    assert {s.document for e in timeline.events for s in e.sources} == {d.id for d in timeline.documents}


def test_same_stem_other_extension_is_another_document(tmp_path):
    (tmp_path / "evil.txt").write_text("Rebels attacked a police post on Monday.", encoding="utf-8")
    (tmp_path / "evil.md").write_text("Troops withdrew from the town on Tuesday.", encoding="utf-8")
    docs = [d for name in ("evil.txt", "evil.md") for d in read_path(tmp_path / name)]
    assert len({d.id for d in docs}) == 2 and all(d.id.startswith("evil-") for d in docs)


def test_the_same_article_read_twice_is_one_document(tmp_path, capsys):
    shutil.copy(SEED, tmp_path / "a.txt")
    shutil.copy(SEED, tmp_path / "b.txt")
    target = tmp_path / "events.yaml"
    assert _run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "-o", str(target)) == 0
    assert "same text as" in capsys.readouterr().err
    once = store.load(target).timeline
    assert len(once.documents) == 1
    assert _run("extract", str(tmp_path / "b.txt"), "--into", str(target)) == 0  # known by its text
    assert store.load(target).timeline == once


def test_an_id_naming_two_texts_is_an_error_and_nothing_is_written(tmp_path, capsys):
    lines = tmp_path / "docs.jsonl"
    lines.write_text(json.dumps({"id": "r1", "text": "Rebels attacked a post on Monday."}) + "\n"
                     + json.dumps({"id": "r1", "text": "Troops withdrew on Tuesday."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    assert _run("extract", str(lines), "-o", str(out)) == 1
    assert "'r1'" in capsys.readouterr().err and not out.exists()


def test_an_id_already_listed_for_another_text_is_an_error(tmp_path, capsys):
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps({"id": "r1", "text": "Rebels attacked a post on Monday."}) + "\n", encoding="utf-8")
    target = tmp_path / "events.yaml"
    assert _run("extract", str(first), "--published", "2024-01-31", "--into", str(target)) == 0
    before = target.read_bytes()
    first.write_text(json.dumps({"id": "r1", "text": "Troops withdrew on Tuesday."}) + "\n", encoding="utf-8")
    assert _run("extract", str(first), "--published", "2024-01-31", "--into", str(target)) == 1
    assert "'r1'" in capsys.readouterr().err and target.read_bytes() == before


def test_two_uploads_with_one_name_are_two_articles():
    docs, errors = dashboard.read_uploads([("index.txt", b"Rebels attacked a post on Monday."),
                                           ("index.txt", b"Troops withdrew on Tuesday.")])
    assert not errors and len({d.id for d in docs}) == 2
    docs, errors = dashboard.read_uploads([("index.txt", b"Same words."), ("copy.txt", b"Same words.")])
    assert len(docs) == 1 and "same text" in errors[0]


# --- events -----------------------------------------------------------------------------------------


def test_a_rejected_event_stays_out_whatever_order_articles_arrive_in(tmp_path, capsys):
    """The issue's repro: an event whose id needed a suffix came back under the next suffix."""
    shutil.copy(SEED, tmp_path / "a.txt")
    _other_seed(tmp_path / "b.txt")
    target = tmp_path / "t.yaml"
    assert _run("extract", str(tmp_path / "a.txt"), "--published", "2024-01-31", "-o", str(target)) == 0
    assert _run("extract", str(tmp_path / "b.txt"), "--published", "2024-01-31", "--into", str(target)) == 0
    loaded = store.load(target)
    from_b = [e for e in loaded.timeline.events if e.id.startswith("armenia-statement")][-1]
    kept = [e for e in loaded.timeline.events if e.id != from_b.id]  # deleted by hand, its id listed
    store.save(target, loaded.timeline.model_copy(update={"events": kept, "rejected": [from_b.id]}), loaded.digest)
    quotes = {(s.document, s.start) for s in from_b.sources}
    for order in (["b.txt"], ["b.txt", "a.txt"], ["a.txt", "b.txt"]):
        paths = [str(tmp_path / name) for name in order]
        assert _run("extract", *paths, "--published", "2024-01-31", "--into", str(target)) == 0
        timeline = store.load(target).timeline
        assert from_b.id not in {e.id for e in timeline.events}
        assert not any((s.document, s.start) in quotes for e in timeline.events for s in e.sources), order


def test_an_event_told_by_two_articles_and_deleted_in_the_app_stays_out_of_each(tmp_path):
    (tmp_path / "a.txt").write_text("Azerbaijani forces attacked Stepanakert on 19 September 2023. "
                                    "Talks began in Brussels on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Protesters gathered in Yerevan. Azerbaijani forces attacked "
                                    "Stepanakert on 19 September 2023, officials said.", encoding="utf-8")
    target = tmp_path / "t.yaml"
    articles = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert _run("extract", *articles, "--published", "2023-09-21", "-o", str(target)) == 0
    loaded = store.load(target)
    [attack] = [e for e in loaded.timeline.events if e.type == "attack"]
    assert len({s.document for s in attack.sources}) == 2, "the two reports were expected to merge"
    deleted, _ = dashboard.delete_event(loaded.timeline, attack.id, tmp_path)
    assert len(deleted.rejected) == 2  # its id, and the id it has from the other article alone
    store.save(target, deleted, loaded.digest)
    for name in ("a.txt", "b.txt"):
        assert _run("extract", str(tmp_path / name), "--published", "2023-09-21", "--into", str(target)) == 0
        assert not [e for e in store.load(target).timeline.events if e.type == "attack"], name


def test_an_event_keeps_its_id_whatever_else_is_read():
    one = Document(id="one", text=(ARTICLES / "sahel_convoy.txt").read_text(encoding="utf-8"))
    two = Document(id="two", text=(ARTICLES / "tigray_truce.txt").read_text(encoding="utf-8"))
    alone = {e.id for e in extract([one]).events}
    together = {e.id for e in extract([two, one]).events if e.sources[0].document == "one"}
    assert alone and alone == together


def test_ids_are_readable_unique_and_carry_their_evidence_tag():
    from timeline import ids

    document = Document(id="k", text=(ARTICLES / "kashmir_crisis.txt").read_text(encoding="utf-8"))
    drafts = extract_document(document)
    build.assign_ids(drafts, {"k": ids.text_digest(document.text)})
    assert len({d.id for d in drafts}) == len(drafts)
    for draft in drafts:
        tags = {ids.evidence_tag(ids.text_digest(document.text), s.start, s.end) for s in draft.sources}
        assert ids.tag_of(draft.id) == min(tags)
        assert ids.readable_part(draft.id) and not ids.readable_part(draft.id).endswith("-")


@pytest.mark.parametrize("event_id, tag, readable", [
    ("armenia-statement-3kx9qa", "3kx9qa", "armenia-statement"),
    ("armenia-statement-3kx9qa-2", "3kx9qa", "armenia-statement"),
    ("el-salvador-attack", None, "el-salvador-attack"),
    ("russia-waits", None, "russia-waits"),
])
def test_tag_of_and_readable_part(event_id, tag, readable):
    from timeline import ids

    assert ids.tag_of(event_id) == tag and ids.readable_part(event_id) == readable


def test_rejecting_one_of_the_events_that_share_a_quote_leaves_the_others(tmp_path):
    """Violence at a list of places is one event per place, all quoting one clause: deleting one
    keeps it out and keeps the others in."""
    (tmp_path / "a.txt").write_text("REBELS BLEW UP BRIDGES IN GUAZAPA, CHALATENANGO, AND ILOBASCO.\n",
                                    encoding="utf-8")
    target = tmp_path / "t.yaml"
    assert _run("extract", str(tmp_path / "a.txt"), "--published", "1990-01-05", "-o", str(target)) == 0
    loaded = store.load(target)
    places = {e.location: e.id for e in loaded.timeline.events}
    assert {"Guazapa", "Chalatenango", "Ilobasco"} <= set(places)
    deleted, _ = dashboard.delete_event(loaded.timeline, places["Guazapa"], tmp_path)
    store.save(target, deleted.model_copy(update={"events": []}), loaded.digest)  # the others lost too
    assert _run("extract", str(tmp_path / "a.txt"), "--published", "1990-01-05", "--into", str(target)) == 0
    left = {e.location for e in store.load(target).timeline.events}
    assert "Guazapa" not in left and {"Chalatenango", "Ilobasco"} <= left  # they come back, it does not


def test_a_text_digest_read_in_pieces_is_the_digest_of_the_whole_text():
    """``text_digest`` encodes a long text a piece at a time; the digest is that of the whole,
    whatever character a piece ends on (accents, emoji and Greek across the pieces' seams)."""
    import hashlib

    from timeline import ids

    for text in ["", "a", "é" * (ids._DIGEST_CHUNK + 3), ("x😀Ω" * ids._DIGEST_CHUNK)[:3 * ids._DIGEST_CHUNK + 1]]:
        assert ids.text_digest(text) == hashlib.sha256(text.encode("utf-8")).hexdigest()
