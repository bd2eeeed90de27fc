"""Score the extractor against the MUC-4 answer keys (terrorist incidents in FBIS wire reports).

An extracted event **matches** an incident template when it comes from the same report and it
names one of the strings the key cites (a perpetrator, a target, an instrument) or the incident's
place below the country, in its evidence or as one of its actors, targets, people or its place. Templates and events are paired one to one: the pairs whose
event type fits the incident go first, then those naming more of the key's strings. On matched
pairs: **type fit** (the event's type is one this project uses for the MUC type), **date**
(exact: the event's interval is one of the key's alternatives; sound: it contains one of them),
**stage** against modality, **perpetrator organisations** among the event's actors and **targets**
among its targets. Beside it in the same run: the publication-day baseline (every incident dated
on its report's day) on the same incidents, and 'nothing'. Reports without a relevant incident
that still get violent events are counted (MUC calls clashes between armed forces irrelevant;
for this project they are events, so this is information, not an error).
"""

from __future__ import annotations

import datetime as dt
import json
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..dates import Bounds
from ..gazetteer import fold
from ..models import Document, Event
from ..taxonomy import of_class
from .muc4_keys import Template, messages, read_split
from .muc4_match import actor_names_org, named_in, targets_named

# MUC's incident types and the types of this project that record such an incident.
MUC_TYPES: dict[str, frozenset[str]] = {
    "ATTACK": frozenset({"attack", "armed_clash", "killing", "airstrike", "shelling", "sexual_violence"}),
    "BOMBING": frozenset({"bombing"}),
    "KIDNAPPING": frozenset({"abduction"}),
    "ARSON": frozenset({"arson"}),
    "ROBBERY": frozenset({"robbery"}),
    "FORCED WORK STOPPAGE": frozenset({"coercion", "protest"}),
}
STAGE_MODALITIES = {
    "ACCOMPLISHED": {"asserted"},
    "ATTEMPTED": {"asserted", "negated"},
    "THREATENED": {"future", "hypothetical"},
}


@dataclass(frozen=True)
class Report:
    """One MUC report as the extractor reads it."""

    id: str
    text: str
    published: dt.date | None


def read_reports(ids: list[str], corpus: Path | None = None) -> list[Report]:
    """The reports with these ids from ``muc3/docs.jsonl``, in the given order."""
    from .gold import shared_dir

    path = corpus or shared_dir() / "data" / "muc3" / "docs.jsonl"
    wanted, found = set(ids), {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["id"] in wanted:
                published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
                found[row["id"]] = Report(row["id"], row["text"], published)
    return [found[i] for i in ids if i in found]


def extract_report(report: Report) -> list[Event]:
    """The extractor's events for one report, read on its own (no cross-report merging)."""
    from ..extract import Options, extract

    document = Document(id=report.id, text=report.text, published=report.published)
    return extract([document], Options(merge_documents=False)).events


def type_fits(event: Event, template: Template) -> bool:
    """The event's type records the incident's MUC type (a threat records a threatened incident:
    MUC keeps the incident's type and marks its stage THREATENED)."""
    threatened = "THREATENED" in template.stages and event.type == "threat"
    return threatened or any(event.type in MUC_TYPES.get(kind, ()) for kind in template.types)


def _named(event: Event) -> str:
    """What an event names, folded: its quotes, actors, targets, people and place."""
    words = [s.quote for s in event.sources] + event.actors + event.targets + event.people + [event.location or ""]
    return " | ".join(fold(w) for w in words if w)


def pair(templates: list[Template], events: list[Event]) -> dict[int, int]:
    """Template index -> event index, one to one: type fit first, then strings named."""
    quotes = [_named(e) for e in events]
    candidates = []
    for t, template in enumerate(templates):
        for e, event in enumerate(events):
            named = named_in(template.strings(), quotes[e])
            if named:
                candidates.append((-type_fits(event, template), -named, e, t))
    out, used = {}, set()
    for _, _, e, t in sorted(candidates):
        if t not in out and e not in used:
            out[t] = e
            used.add(e)
    return out


def _date_scores(template: Template, bounds: Bounds) -> tuple[bool, bool]:
    """(exact, sound) of an interval against the key's alternatives."""
    exact = any(bounds.earliest == d.earliest and bounds.latest == d.latest for d in template.dates)
    sound = any(bounds.contains(d) for d in template.dates)
    return exact, sound


def score_pair(template: Template, event: Event, published: dt.date | None) -> Counter:
    """Counts for one matched incident."""
    c: Counter = Counter(matched=1, type_ok=type_fits(event, template))
    if template.dates:
        exact, sound = _date_scores(template, event.bounds)
        pub = Bounds(published, published, "day") if published else Bounds(None, None, "open")
        pub_exact, pub_sound = _date_scores(template, pub)
        prefix = "day_" if template.one_day else "other_"
        c.update({f"{prefix}dated": 1, f"{prefix}exact": exact, f"{prefix}sound": sound,
                  f"{prefix}pub_exact": pub_exact, f"{prefix}pub_sound": pub_sound})
    if template.stages:
        c["staged"] += 1
        c["stage_ok"] += any(event.modality in STAGE_MODALITIES.get(s, ()) or
                             (s == "THREATENED" and event.type == "threat") for s in template.stages)
    if template.perp_orgs:
        c["with_org"] += 1
        c["org_named"] += any(actor_names_org(event.actors, org, template.country) for org in template.perp_orgs)
    groups = template.human_targets + template.physical_targets
    if groups:
        c["with_target"] += 1
        c["target_named"] += targets_named(event.targets, groups)
    return c


def score_report(report: Report, templates: list[Template], events: list[Event]) -> tuple[Counter, list]:
    """Counts for one report and its (template, event or None) pairs."""
    c: Counter = Counter(reports=1, templates=len(templates), required=sum(not t.optional for t in templates))
    c["orgs_all"] = sum(bool(t.perp_orgs) for t in templates)
    paired = pair(templates, events)
    for t, template in enumerate(templates):
        if t in paired:
            c.update(score_pair(template, events[paired[t]], report.published))
            c["required_matched"] += not template.optional
    violent = sum(e.type in of_class("violence") for e in events)
    c["events"] += len(events)
    if not templates:
        c["irrelevant_reports"] += 1
        c["irrelevant_with_violence"] += violent > 0
    return c, [(template, events[paired[t]] if t in paired else None) for t, template in enumerate(templates)]


def evaluate(split: str = "train", limit: int | None = None, folder: Path | None = None) -> dict:
    """Every figure for one split of the keys, with the baselines, as plain data."""
    templates = read_split(split, folder)
    ids = messages(split, folder)[:limit] if limit else messages(split, folder)
    by_report: dict[str, list[Template]] = {}
    for template in templates:
        by_report.setdefault(template.message, []).append(template)
    totals: Counter = Counter()
    started = time.perf_counter()
    pairs = []
    for report in read_reports(ids):
        counts, found = score_report(report, by_report.get(report.id, []), extract_report(report))
        totals.update(counts)
        pairs += [(report.id, t, e) for t, e in found]
    return {"split": split, "counts": dict(totals), "figures": figures(totals),
            "seconds": round(time.perf_counter() - started, 1), "pairs": pairs}


def _ratio(c: Counter, num: str, den: str) -> float | None:
    return round(c[num] / c[den], 4) if c[den] else None


def figures(c: Counter) -> dict:
    """Rates from the summed counts."""
    return {
        "recall": _ratio(c, "matched", "templates"),
        "recall_required": _ratio(c, "required_matched", "required"),
        "type_fit": _ratio(c, "type_ok", "matched"),
        "day_exact": _ratio(c, "day_exact", "day_dated"),
        "day_pub_exact": _ratio(c, "day_pub_exact", "day_dated"),
        "day_sound": _ratio(c, "day_sound", "day_dated"),
        "day_pub_sound": _ratio(c, "day_pub_sound", "day_dated"),
        "other_exact": _ratio(c, "other_exact", "other_dated"),
        "other_sound": _ratio(c, "other_sound", "other_dated"),
        "other_pub_sound": _ratio(c, "other_pub_sound", "other_dated"),
        "stage": _ratio(c, "stage_ok", "staged"),
        "perpetrator_org": _ratio(c, "org_named", "with_org"),
        "perpetrator_org_all": _ratio(c, "org_named", "orgs_all"),
        "targets": _ratio(c, "target_named", "with_target"),
        "irrelevant_with_violence": _ratio(c, "irrelevant_with_violence", "irrelevant_reports"),
    }


_ROWS = [
    ("incidents found (all templates)", "recall", None),
    ("incidents found (required templates)", "recall_required", None),
    ("type fits the incident", "type_fit", None),
    ("one-day incidents dated exactly", "day_exact", "day_pub_exact"),
    ("one-day incidents dated soundly", "day_sound", "day_pub_sound"),
    ("other dated incidents, exact", "other_exact", None),
    ("other dated incidents, sound", "other_sound", "other_pub_sound"),
    ("stage agrees with modality", "stage", None),
    ("perpetrator organisation named", "perpetrator_org", None),
    ("  (over every template with one)", "perpetrator_org_all", None),
    ("targets named", "targets", None),
]


def format_table(report: dict) -> str:
    """The figures beside the publication-day and 'nothing' baselines."""
    c, f = report["counts"], report["figures"]
    lines = [f"MUC-4 {report['split']}: {c.get('reports', 0)} reports, {c.get('templates', 0)} incident templates "
             f"({c.get('required', 0)} required), {c.get('day_dated', 0)} matched one-day incidents, "
             f"{report['seconds']} s",
             f"{'figure':<40} {'extractor':>9} {'pub day':>8} {'nothing':>8}"]
    for label, key, baseline in _ROWS:
        ours = f[key]
        pub = f[baseline] if baseline else None
        lines.append(f"{label:<40} {_cell(ours):>9} {_cell(pub):>8} {_cell(0.0):>8}")
    lines.append(f"reports with no relevant incident that still get violent events: "
                 f"{c.get('irrelevant_with_violence', 0)} of {c.get('irrelevant_reports', 0)} (informative: MUC "
                 f"counts clashes between armed forces as irrelevant)")
    return "\n".join(lines)


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def confusion(pairs: list) -> Counter:
    """(key type, extracted type, fits) -> matched incidents: what the extractor typed each kind
    of incident as, counts only (a key of two types, 'BOMBING/ATTACK', is a kind of its own)."""
    return Counter(("/".join(t.types), e.type, type_fits(e, t)) for _, t, e in pairs if e is not None)


def format_confusion(report: dict) -> str:
    """One row per key type: incidents matched, how many of a fitting type, and what the others
    were typed as, most frequent first (counts over the whole split; no report is named)."""
    rows: dict[str, Counter] = {}
    for (kind, extracted, fits), n in confusion(report["pairs"]).items():
        rows.setdefault(kind, Counter())["(fits)" if fits else extracted] += n
    lines = [f"key type x extracted type over matched incidents (MUC-4 {report['split']})"]
    for kind, row in sorted(rows.items()):
        rest = ", ".join(f"{e} {n}" for e, n in sorted(row.items(), key=lambda x: (-x[1], x[0])) if e != "(fits)")
        lines.append(f"{kind:<22} {sum(row.values()):>4} matched {row['(fits)']:>4} fit; other types: {rest or '-'}")
    return "\n".join(lines)


def format_details(report: dict) -> str:
    """Per incident: missed ones, wrong types, unsound or inexact dates, unnamed perpetrators."""
    lines = []
    for message, template, event in report["pairs"]:
        head = f"{message} #{template.number} {'/'.join(template.types)}"
        if event is None:
            lines.append(f"{head}: missed; key strings {template.strings()[:6]}")
            continue
        problems = []
        if not type_fits(event, template):
            problems.append(f"type {event.type}")
        if template.dates and not _date_scores(template, event.bounds)[0]:
            problems.append(f"date {event.date} vs key {[_show(d) for d in template.dates]}")
        if template.perp_orgs and not any(actor_names_org(event.actors, o, template.country) for o in template.perp_orgs):
            problems.append(f"actors {event.actors} vs perpetrators {[o[0] for o in template.perp_orgs]}")
        if problems:
            lines.append(f"{head}: {'; '.join(problems)} | {event.sources[0].quote[:90]!r}")
    return "\n".join(lines)


def _show(bounds: Bounds) -> str:
    if bounds.earliest == bounds.latest:
        return str(bounds.earliest)
    return f"{bounds.earliest or '..'}/{bounds.latest or '..'}"
