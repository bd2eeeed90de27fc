"""The Streamlit app opened headless (AppTest) on a file or store, its first run timed."""

from __future__ import annotations

import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def open_app(path: Path, timeout: float):
    """(AppTest after its first run, seconds that run took) with TIMELINE_FILE set to ``path``."""
    from streamlit.testing.v1 import AppTest

    os.environ["TIMELINE_FILE"] = str(path)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    started = time.perf_counter()
    at.run()
    return at, time.perf_counter() - started
