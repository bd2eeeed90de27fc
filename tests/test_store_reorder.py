"""Saving after a person reordered events: the splice route moves each event's text, with the
comments written above it, instead of a whole-file ruamel round trip."""

from __future__ import annotations

from timeline import store, yamledit

FILE = """\
title: Reordered
events:
  # the first one
  - id: alpha
    title: Alpha happened
    type: attack

  # the second one, with a comment above it
  - id: beta
    title: Beta happened   # inline comment stays
    type: ceasefire

  - id: gamma
    title: Gamma happened
    type: visit
# a closing comment
"""


def _save_reordered(tmp_path, monkeypatch, order):
    path = tmp_path / "events.yaml"
    path.write_text(FILE, encoding="utf-8")
    monkeypatch.setattr(yamledit, "whole", lambda *a: (_ for _ in ()).throw(AssertionError("whole-file route")))
    loaded = store.load(path)
    by_id = {e.id: e for e in loaded.timeline.events}
    reordered = loaded.timeline.model_copy(update={"events": [by_id[i] for i in order]})
    store.save(path, reordered, loaded.digest)
    return path.read_text(encoding="utf-8"), store.load(path).timeline


def test_moving_events_moves_their_text_and_comments(tmp_path, monkeypatch):
    text, back = _save_reordered(tmp_path, monkeypatch, ["gamma", "beta", "alpha"])
    assert [e.id for e in back.events] == ["gamma", "beta", "alpha"]
    assert "  # the second one, with a comment above it\n  - id: beta\n    title: Beta happened   # inline comment stays" in text
    assert "  # the first one\n  - id: alpha" in text and text.index("- id: gamma") < text.index("- id: beta")
    assert text.startswith("title: Reordered\nevents:\n  - id: gamma\n")
    assert text.rstrip().endswith("# a closing comment")


def test_moving_one_event_and_editing_another_in_one_save(tmp_path, monkeypatch):
    path = tmp_path / "events.yaml"
    path.write_text(FILE, encoding="utf-8")
    loaded = store.load(path)
    alpha, beta, gamma = loaded.timeline.events
    edited = loaded.timeline.model_copy(update={"events": [beta, gamma.model_copy(update={"title": "Gamma, edited"}), alpha]})
    store.save(path, edited, loaded.digest)
    assert store.load(path).timeline == edited and "# the first one" in path.read_text(encoding="utf-8")
