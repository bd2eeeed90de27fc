"""A gold folder in a temporary directory: one article's text beside it and its gold inside."""

from __future__ import annotations

from pathlib import Path


def gold_folder(tmp_path: Path, text: str, gold: str) -> Path:
    """Write ``article.txt`` and ``gold/article.yaml`` (read_gold finds the text one level up)."""
    (tmp_path / "article.txt").write_text(text)
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "article.yaml").write_text(gold)
    return folder
