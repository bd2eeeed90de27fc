"""CI gate: pinned F1 floors per corpus (floors_timex.json), tied to the gold's sha256.

Raising a floor is a one-line edit of the JSON (or ``--update-floors``); lowering one needs
``--allow-lower``, so a regression is never waved through by accident.
"""

from __future__ import annotations

import json
from pathlib import Path

FLOORS_FILE = Path(__file__).with_name("floors_timex.json")
GATED = ("strict_f1", "relaxed_f1", "value_f1")


class FloorError(ValueError):
    """A score below its floor, a floor that would drop, or floors for another gold version."""


def load_floors(path: Path = FLOORS_FILE) -> dict:
    """The pinned floors per corpus."""
    return json.loads(path.read_text(encoding="utf-8"))


def _ours(report: dict) -> dict:
    return next(r for r in report["results"] if r["system"] == "timeline")


def below_floors(report: dict, floors: dict) -> list[str]:
    """Messages for every gated score under its floor (empty when the gate passes)."""
    pinned = floors.get(report["corpus"])
    if pinned is None:
        return []
    if pinned["gold_sha256"] != report["gold_sha256"]:
        return [f"{report['corpus']}: gold changed (sha256 {report['gold_sha256'][:12]} != pinned "
                f"{pinned['gold_sha256'][:12]}); re-pin the floors deliberately"]
    scores = _ours(report)
    return [f"{report['corpus']}: {name} {scores[name]:.4f} < floor {pinned[name]:.4f}"
            for name in GATED if scores[name] < pinned[name]]


def check_floors(report: dict, path: Path = FLOORS_FILE) -> None:
    """Raise FloorError naming every gated score under its floor."""
    problems = below_floors(report, load_floors(path))
    if problems:
        raise FloorError("; ".join(problems))


def update_floors(report: dict, allow_lower: bool = False, path: Path = FLOORS_FILE) -> dict:
    """Pin this run's scores (rounded down to 3 decimals) as floors; refuse to lower without the flag."""
    floors = load_floors(path) if path.exists() else {}
    old = floors.get(report["corpus"], {})
    scores = _ours(report)
    new = {name: int(scores[name] * 1000) / 1000 for name in GATED}
    lowered = [name for name in GATED if name in old and new[name] < old[name]]
    if lowered and not allow_lower:
        raise FloorError(f"{report['corpus']}: would lower {lowered}; pass --allow-lower to do that on purpose")
    if old.get("gold_sha256") == report["gold_sha256"] and not allow_lower:
        new = {name: max(new[name], old.get(name, 0.0)) for name in GATED}
    floors[report["corpus"]] = {"gold_sha256": report["gold_sha256"], **new}
    path.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return floors
