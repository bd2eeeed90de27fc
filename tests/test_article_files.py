"""Where evidence lives: articles that moved are reported, the example carries its own, saves
follow symlinks, and a timeline reads (and the app opens) files only inside its folder or root."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from timeline import dashboard, store
from timeline.cli import main

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
ARTICLE = "Azerbaijani forces attacked Stepanakert on 19 September 2023. Talks began in Brussels on Monday.\n"


def _extracted(folder: Path, article_folder: Path | None = None) -> Path:
    """A timeline in ``folder`` extracted from one article (kept in ``article_folder``, default ``folder``)."""
    article = (article_folder or folder) / "article.txt"
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text(ARTICLE, encoding="utf-8")
    target = folder / "events.yaml"
    folder.mkdir(parents=True, exist_ok=True)
    assert main(["extract", str(article), "--published", "2023-09-21", "-o", str(target), "--no-progress"]) == 0
    return target


# --- a missing article ------------------------------------------------------------------------------


def test_a_moved_article_is_reported_by_validate_once_with_the_path_looked_for(tmp_path, capsys):
    target = _extracted(tmp_path)
    (tmp_path / "article.txt").rename(tmp_path / "moved.txt")
    capsys.readouterr()
    assert main(["validate", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("article not found at") == 1 and str(tmp_path / "article.txt") in err


def test_the_app_says_once_that_an_article_is_missing(tmp_path, monkeypatch):
    target = _extracted(tmp_path)
    (tmp_path / "article.txt").unlink()
    monkeypatch.setenv("TIMELINE_FILE", str(target))
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    notes = [w.value.replace("\\", "") for w in at.warning if "article not found" in w.value]
    assert len(notes) == 1 and "article.txt" in notes[0]


def test_the_example_shows_its_evidence_in_a_fresh_clone(tmp_path):
    """A clone without ../shared beside it: the repository's own files are enough."""
    clone = tmp_path / "clone"
    ignored = shutil.ignore_patterns(".venv", ".git", "__pycache__", ".*_cache", ".hypothesis")
    shutil.copytree(REPO, clone, ignore=ignored)
    from timeline.checks import document_text

    loaded = store.load(clone / "events.yaml")
    assert not getattr(loaded, "warnings", []), [str(w) for w in loaded.warnings]
    texts = {d.id: document_text(d, clone) for d in loaded.timeline.documents}
    sources = [s for e in loaded.timeline.events for s in e.sources]
    assert sources and all(texts[s.document] is not None for s in sources)
    assert all(texts[s.document][s.start:s.end] == s.quote for s in sources)


# --- saves through a symlink ------------------------------------------------------------------------


def test_a_save_through_a_symlink_writes_the_file_it_points_at(tmp_path):
    real = _extracted(tmp_path / "real")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    loaded = store.load(link)
    first = loaded.timeline.events[0]
    changed = first.model_copy(update={"title": "Edited", "curated": True})
    edited = dashboard.replace_event(loaded.timeline, first.id, changed)
    store.save(link, edited, loaded.digest)
    assert link.is_symlink()
    assert store.load(real).timeline.event(first.id).title == "Edited"


# --- files a timeline may reach ---------------------------------------------------------------------


def _pointing_at(folder: Path, origin: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "events.yaml"
    path.write_text(f"documents:\n  - id: d\n    origin: {origin}\nevents:\n  - id: x\n    title: x\n"
                    "    type: statement\n    sources:\n      - {document: d, quote: 'secret words'}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("relative", [True, False])
def test_an_origin_outside_the_timelines_folder_is_never_read(tmp_path, capsys, relative):
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret words of this machine", encoding="utf-8")
    path = _pointing_at(tmp_path / "shared-timeline", "../secret.txt" if relative else str(secret))
    assert main(["validate", str(path)]) == 1
    assert "outside" in capsys.readouterr().err
    timeline = store.load(path).timeline
    [shown] = dashboard.evidence(timeline, timeline.events[0], path.parent)
    assert "machine" not in shown.html and not shown.found and not shown.readable


def test_a_root_named_by_the_user_is_read(tmp_path, capsys):
    (tmp_path / "secret.txt").write_text("the secret words of this machine", encoding="utf-8")
    path = _pointing_at(tmp_path / "shared-timeline", "../secret.txt")
    assert main(["validate", str(path), "--root", str(tmp_path)]) == 0, capsys.readouterr().err


def test_an_article_from_outside_the_folder_is_kept_inline_and_survives_a_move(tmp_path, capsys):
    target = _extracted(tmp_path / "timeline", article_folder=tmp_path / "downloads")
    [document] = store.load(target).timeline.documents
    assert document.origin is None and document.text == ARTICLE
    shutil.move(str(tmp_path / "timeline"), str(tmp_path / "elsewhere"))
    assert main(["validate", str(tmp_path / "elsewhere" / "events.yaml")]) == 0, capsys.readouterr().err


def test_serving_other_machines_confines_the_app_to_its_root(tmp_path):
    from timeline.cli import app_environment

    file = tmp_path / "team" / "events.yaml"
    assert app_environment(str(file), "127.0.0.1", None) == {"TIMELINE_REMOTE": None, "TIMELINE_ROOT": None}
    team = str((tmp_path / "team").resolve())
    assert app_environment(str(file), "0.0.0.0", None) == {"TIMELINE_REMOTE": "1", "TIMELINE_ROOT": team}


def test_the_file_box_refuses_files_outside_the_root_when_serving_other_machines(tmp_path, monkeypatch):
    target = _extracted(tmp_path / "team")
    outside = _extracted(tmp_path / "private")
    monkeypatch.setenv("TIMELINE_FILE", str(target))
    monkeypatch.setenv("TIMELINE_ROOT", str(target.parent))
    monkeypatch.setenv("TIMELINE_REMOTE", "1")
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.sidebar.text_input(key="path").set_value(str(outside)).run()
    assert not at.exception
    assert any("outside" in e.value for e in at.sidebar.error)
    at.sidebar.text_input(key="path").set_value("../private/events.yaml").run()
    assert any("outside" in e.value for e in at.sidebar.error)
    monkeypatch.delenv("TIMELINE_REMOTE")  # on this machine only, the box opens what the user types
    assert dashboard.allowed_file(str(outside), str(target)) == (str(outside), None)
