"""Write evaluation results as a Markdown table inside docs/evaluation.md (one section per corpus)."""

from __future__ import annotations

import re
from pathlib import Path

_COLUMNS = (("strict_f1", "strict F1"), ("relaxed_f1", "relaxed F1"), ("type_f1", "type F1"),
            ("value_f1", "value F1"), ("value_exact_f1", "value F1, zones exact"), ("strict_p", "strict P"), ("strict_r", "strict R"),
            ("predicted", "predicted"), ("docs_per_s", "docs/s"))


def table(report: dict) -> str:
    """The Markdown section for one run: context line, overall table, per-type value F1."""
    lines = [
        f"Corpus **{report['corpus']}** ({report['docs']} documents, {report['gold_timexes']} gold timexes, "
        f"{report['mode']} mode), run {report['date']}, Python {report['python']}, gold sha256 "
        f"`{report['gold_sha256'][:12]}`.",
        "",
        "| system | version | " + " | ".join(label for _, label in _COLUMNS) + " |",
        "|---|---|" + "---:|" * len(_COLUMNS),
    ]
    for row in report["results"]:
        cells = [_cell(row.get(key)) for key, _ in _COLUMNS]
        lines.append(f"| {row['system']} | {row['version']} | " + " | ".join(cells) + " |")
    lines += ["", "Per gold type (relaxed F1 / value F1):", "",
              "| system | " + " | ".join(row_type for row_type in report["results"][0]["by_type"]) + " |",
              "|---|" + "---:|" * len(report["results"][0]["by_type"])]
    for row in report["results"]:
        cells = [_type_cell(s) for s in row["by_type"].values()]
        lines.append(f"| {row['system']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def causes_table(report: dict) -> str:
    """The tagger's wrong values on found spans, counted by cause and gold type (no text shown)."""
    from .timex_causes import CAUSES
    from .timex_score import TYPES

    rows = report["results"][0].get("value_errors", [])
    counts = {(cause, kind, extent): n for cause, kind, extent, n in rows}
    lines = [f"Wrong values on found spans by cause ({report['results'][0]['system']}, {report['corpus']}):", "",
             "| cause | " + " | ".join(TYPES) + " | all | of which exact extent |", "|---|" + "---:|" * (len(TYPES) + 2)]
    columns = [((kind,), ("exact", "overlap")) for kind in TYPES] + [(TYPES, ("exact", "overlap")), (TYPES, ("exact",))]
    for cause in (*CAUSES, "all"):
        cells = [sum(n for (c, k, e), n in counts.items() if cause in ("all", c) and k in kinds and e in extents)
                 for kinds, extents in columns]
        if any(cells):
            lines.append(f"| {cause} | " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


def spurious_table(report: dict) -> str:
    """The tagger's predictions left without a gold span, by shape: those no gold span overlaps, by
    predicted type, and those inside a gold span paired with another prediction (no text shown)."""
    from .timex_extras import EXTRA_SHAPES
    from .timex_score import TYPES

    counts = {(shape, kind, overlap): n for shape, kind, overlap, n in report["results"][0].get("spurious_shapes", [])}
    lines = [f"Predictions left without a gold span, by shape ({report['results'][0]['system']}, {report['corpus']}):", "",
             "| shape | " + " | ".join(f"no gold overlap: {kind}" for kind in TYPES) + " | no gold overlap: all "
             "| inside a gold span paired with another prediction |", "|---|" + "---:|" * (len(TYPES) + 2)]
    columns = [((kind,), "none") for kind in TYPES] + [(TYPES, "none"), (TYPES, "split")]
    for shape in (*(name for name, _ in EXTRA_SHAPES), "other", "all"):
        cells = [sum(n for (s, k, o), n in counts.items() if shape in ("all", s) and k in kinds and o == overlap)
                 for kinds, overlap in columns]
        if any(cells):
            lines.append(f"| {shape} | " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


def gaps_table(report: dict) -> str:
    """Neighbouring predictions inside one gold span, counted by what lies between them and the gold
    type: where the gold writes one expression and the tagger two (no text shown)."""
    from .timex_extras import GAPS
    from .timex_score import TYPES

    counts = {(gap, kind): n for gap, kind, n in report["results"][0].get("joined_gaps", [])}
    lines = [f"Gold spans the tagger writes as two predictions, by what lies between them "
             f"({report['results'][0]['system']}, {report['corpus']}):", "",
             "| between the two | " + " | ".join(TYPES) + " | all |", "|---|" + "---:|" * (len(TYPES) + 1)]
    for gap in (*(name for name, _ in GAPS), "all"):
        cells = [sum(n for (g, k), n in counts.items() if gap in ("all", g) and k in kinds)
                 for kinds in [(kind,) for kind in TYPES] + [TYPES]]
        if any(cells):
            lines.append(f"| {gap} | " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


def _type_cell(scores: dict) -> str:
    """One type's relaxed / value F1; '-' where the gold has none and none was predicted (ESC has
    no SET), since 0.000 there would read as a failure rather than as nothing to score."""
    if scores.get("gold") == 0 and scores.get("predicted") == 0:
        return "-"
    return f"{scores['relaxed_f1']:.3f} / {scores['value_f1']:.3f}"


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1 else f"{value:.1f}"
    return "-" if value is None else str(value)


def write_section(path: Path, report: dict) -> None:
    """Replace (or append) this corpus's section between its markers; the rest of the file stays."""
    begin, end = f"<!-- timex:{report['corpus']} -->", f"<!-- /timex:{report['corpus']} -->"
    section = f"{begin}\n{table(report)}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Evaluation\n"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        text = pattern.sub(lambda _: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
