"""Score extracted events against the gold timelines, beside trivial baselines.

Detection: a predicted event matches a gold event when one of its evidence spans overlaps the gold
quote or one of its ``also`` quotes (one-to-one, by the overlap-to-union ratio of their spans, so
a long sentence does not beat an exact clause; same type breaks ties). Unmatched predictions and
second mentions of an already matched event (duplicates) are false positives; matches with an
optional (``required: false``) gold event count neither way; recall counts required events only.
A gold file marked ``scope: partial`` annotates only some of its article's events: there an
unmatched prediction counts as false only when told in a sentence that holds a gold quote (others
are "out of scope"); precision and F1 are given both ways, scoped and unscoped, so nothing is hidden.
On matched pairs: type accuracy, actor F1 (micro; a state's own named force counts as that state on
both sides, ``state_forces``), modality accuracy, date soundness (the gold
``real_date`` lies inside the predicted interval), "within text bounds" (the predicted interval lies
inside the gold ``bounds``, i.e. it claims no more than the text allows) and width in days.
Ordering: a gold relation between two matched events agrees when the predicted relations entail it
(directly, inverted or transitively) or the predicted date windows imply it.

Baselines, same run: "nothing" (no events: P = R = F1 = 0) and "publication date" (the same
detected events, every date = the publication date: what GDELT and PETRARCH do).
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..dates import Bounds
from ..gazetteer import fold
from ..models import Event, Timeline
from ..solver import OrderGraph, solve
from ..taxonomy import agrees
from .gold import GoldDoc, GoldEvent, locate, read_gold_dir
from .state_forces import as_compared

Span = tuple[int, int]


@dataclass
class Match:
    """A matched pair and the predicted event's date window."""

    gold: GoldEvent
    pred: Event
    window: Bounds


def _spans(event: Event, doc: GoldDoc) -> list[Span]:
    """Character spans of the event's evidence in this gold document."""
    spans = []
    for source in event.sources:
        if source.document not in doc.aliases:
            continue
        if source.start is not None:
            spans.append((source.start, source.end))
        elif (found := locate(doc.text, source.quote)) is not None:
            spans.append(found)
    return spans


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best_overlap(pred: list[Span], gold: GoldEvent) -> int:
    return max((_overlap(p, g) for p in pred for g in gold.spans), default=0)


def _affinity(event: Event, pred: list[Span], gold: GoldEvent) -> tuple[float, bool]:
    """Match preference: the best overlap-to-union ratio of any two spans, then the same type."""
    ratios = [_overlap(p, g) / (max(p[1], g[1]) - min(p[0], g[0])) for p in pred for g in gold.spans if _overlap(p, g)]
    return (round(max(ratios, default=0.0), 6), agrees(event.type, gold.type))


def _in_regions(pred: list[Span], regions: list[Span]) -> bool:
    """Whether any evidence span of a prediction lies (partly) in an annotated stretch."""
    return any(_overlap(p, r) for p in pred for r in regions)


def match(doc: GoldDoc, events: list[Event]) -> tuple[list[tuple[GoldEvent, Event]], Counter, dict[str, list]]:
    """One-to-one matches (closest spans first, then same type); counts and the problem lists."""
    mine = [(e, sp) for e in events if (sp := _spans(e, doc))]
    candidates = sorted(
        ((_affinity(e, sp, g), -i, -j) for i, (e, sp) in enumerate(mine) for j, g in enumerate(doc.events)),
        reverse=True,
    )
    used_pred: dict[int, int] = {}
    for (ratio, _), i, j in candidates:
        if ratio and -i not in used_pred and -j not in used_pred.values():
            used_pred[-i] = -j
    counts: Counter = Counter(predicted=len(mine))
    pairs, lists = [], {"missed": [], "false": [], "duplicates": [], "out_of_scope": []}
    for i, (event, sp) in enumerate(mine):
        overlapped = [g for g in doc.events if _best_overlap(sp, g)]
        if i in used_pred:
            gold = doc.events[used_pred[i]]
            pairs.append((gold, event))
            counts["tp" if gold.required else "neutral"] += 1
        elif any(g.required for g in overlapped):
            counts["duplicates"] += 1
            lists["duplicates"].append(event)
        elif overlapped:
            counts["neutral"] += 1  # a second mention of an optional event
        elif doc.regions is not None and not _in_regions(sp, doc.regions):
            counts["out_of_scope"] += 1  # a partial gold file says nothing about this sentence
            lists["out_of_scope"].append(event)
        else:
            counts["fp"] += 1
            lists["false"].append(event)
    lists["missed"] = [g for j, g in enumerate(doc.events) if g.required and j not in used_pred.values()]
    return pairs, counts, lists


def _window(event: Event, solved: dict[str, Bounds]) -> Bounds:
    """The event's own date when it has one, else the solver's window."""
    if event.date:
        return event.bounds
    return solved.get(event.id, Bounds(None, None, "open"))


def _implied_by_windows(relation: str, a: Bounds, b: Bounds) -> bool:
    """Whether two date windows alone entail ``a relation b``.

    A window bounds an event, it is not its extent: one window inside another says nothing about
    ``during``. So windows settle before/after when they do not meet, and during/overlaps/same
    only when both are the same single day.
    """
    if relation == "before":
        return a.latest is not None and b.earliest is not None and a.latest < b.earliest
    if relation == "after":
        return _implied_by_windows("before", b, a)
    return a.is_point and b.is_point and a.earliest == b.earliest


def _date_counts(matches: list[Match], published: dt.date | None) -> Counter:
    """Soundness, text-bounds and width counts for the extractor and the publication-date baseline."""
    c: Counter = Counter()
    base = Bounds(published, published, "day") if published else Bounds(None, None, "open")
    for m in matches:
        g = m.gold
        if g.real_date:
            c["dated"] += 1
            c["sound"] += m.window.contains(g.real_date)
            c["base_sound"] += base.contains(g.real_date)
        if g.bounds:
            c["bounded"] += 1
            c["within_bounds"] += g.bounds.contains(m.window)
            c["base_within_bounds"] += g.bounds.contains(base)
        c["open"] += m.window.width_days() == float("inf")
    return c


def _order_counts(doc: GoldDoc, pairs: dict[str, Match], graph: OrderGraph, published: dt.date | None) -> Counter:
    """Gold relations between two matched events, and how many the prediction and baseline get."""
    c: Counter = Counter()
    base = Bounds(published, published, "day") if published else Bounds(None, None, "open")
    for a, relation, b in doc.relations:
        if a not in pairs or b not in pairs:
            continue
        pa, pb = pairs[a], pairs[b]
        c["order_n"] += 1
        c["order_ok"] += graph.entails(pa.pred.id, relation, pb.pred.id) or _implied_by_windows(
            relation, pa.window, pb.window
        )
        c["base_order_ok"] += _implied_by_windows(relation, base, base)
    return c


def _fact_counts(pairs: list[tuple[GoldEvent, Event]]) -> Counter:
    """Type, modality and actor agreement on matched pairs."""
    c: Counter = Counter(matched=len(pairs))
    for gold, pred in pairs:
        c["type_ok"] += agrees(pred.type, gold.type)
        c["modality_ok"] += gold.modality == pred.modality
        predicted, wanted = _folded(parties(pred)), _folded(canonical_parties(gold.actors))
        c["actor_tp"] += len(predicted & wanted)
        c["actor_fp"] += len(predicted - wanted)
        c["actor_fn"] += len(wanted - predicted)
    return c


def score_document(doc: GoldDoc, predicted: Timeline, graph: OrderGraph, solved: dict[str, Bounds]) -> tuple[Counter, list[float]]:
    """Raw counts for one gold document, and the finite widths (days) of matched windows."""
    pairs, counts, _ = match(doc, predicted.events)
    matches = [Match(g, p, _window(p, solved)) for g, p in pairs]
    counts["required"] = sum(g.required for g in doc.events)
    counts["partial"] = int(doc.scope == "partial")
    counts.update(_fact_counts(pairs))
    counts.update(_date_counts(matches, doc.published))
    counts.update(_order_counts(doc, {m.gold.id: m for m in matches}, graph, doc.published))
    widths = [m.window.width_days() for m in matches if m.window.width_days() != float("inf")]
    return counts, widths


def _folded(names) -> set[str]:
    """Names compared without case or accents ('Medellín Cartel' is the 'Medellin Cartel'), a state's
    own force as that state ('Royal Lesotho Constabulary' is Lesotho: ``state_forces``)."""
    return {fold(as_compared(n)) for n in names}


def canonical_parties(names: list[str]) -> set[str]:
    """The gold's party names under the names the organisations list gives them: an analyst who
    writes 'Houthis' or 'Abu Sayyaf' names the party the extractor calls 'Houthi movement' or
    'Abu Sayyaf Group' (an alias names one party only); names the list lacks stay as written."""
    from ..extract import lexicon

    known = lexicon.names()
    return {entry.name if (entry := known.get(name.lower())) is not None and entry.kind == "actor" else name
            for name in names}


def parties(event: Event) -> set[str]:
    """The canonical parties of an event as the gold lists them under ``actors``: its actors and
    the targets that are named parties (states, organisations), not descriptions of victims."""
    from ..extract import lexicon

    names = lexicon.names()
    named = {t for t in event.targets if (entry := names.get(t.lower())) is not None and entry.kind == "actor"}
    return set(event.actors) | named


def _ratio(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    """Harmonic mean, 0.0 when either side is missing or zero (one formula for events and actors)."""
    return _ratio(2 * precision * recall, precision + recall) if precision and recall else 0.0


def figures(c: Counter, widths: list[float]) -> dict[str, float | int | None]:
    """Rates from raw counts (micro-averaged when counts are summed over documents); precision and
    F1 scoped (out-of-scope predictions of partial gold files left out) and unscoped."""
    precision = _ratio(c["tp"], c["tp"] + c["fp"] + c["duplicates"])
    unscoped = _ratio(c["tp"], c["tp"] + c["fp"] + c["out_of_scope"] + c["duplicates"])
    recall = _ratio(c["tp"], c["required"])
    f1 = _f1(precision, recall)
    actor_p = _ratio(c["actor_tp"], c["actor_tp"] + c["actor_fp"])
    actor_r = _ratio(c["actor_tp"], c["actor_tp"] + c["actor_fn"])
    return {
        "required": c["required"], "predicted": c["predicted"], "matched": c["matched"],
        "false_positives": c["fp"], "duplicates": c["duplicates"],
        "precision": precision or 0.0, "recall": recall or 0.0, "f1": f1,
        "partial_documents": c["partial"], "out_of_scope": c["out_of_scope"],
        "precision_unscoped": unscoped or 0.0, "f1_unscoped": _f1(unscoped, recall),
        "type_accuracy": _ratio(c["type_ok"], c["matched"]),
        "modality_accuracy": _ratio(c["modality_ok"], c["matched"]),
        "actor_f1": _f1(actor_p, actor_r),
        "soundness": _ratio(c["sound"], c["dated"]), "dated": c["dated"],
        "within_bounds": _ratio(c["within_bounds"], c["bounded"]),
        "open_ended": _ratio(c["open"], c["matched"]),
        "median_width_days": statistics.median(widths) if widths else None,
        "ordering": _ratio(c["order_ok"], c["order_n"]), "ordered_pairs": c["order_n"],
        "baseline_soundness": _ratio(c["base_sound"], c["dated"]),
        "baseline_within_bounds": _ratio(c["base_within_bounds"], c["bounded"]),
        "baseline_ordering": _ratio(c["base_order_ok"], c["order_n"]),
    }


def score(golds: list[GoldDoc], predicted: Timeline) -> dict:
    """Per-document and overall figures (micro), with the baselines beside them."""
    graph = OrderGraph(predicted)
    solved = solve(predicted).bounds
    per_doc: dict[str, dict] = {}
    total: Counter = Counter()
    all_widths: list[float] = []
    for doc in golds:
        counts, widths = score_document(doc, predicted, graph, solved)
        per_doc[doc.name] = figures(counts, widths)
        total.update(counts)
        all_widths += widths
    overall = figures(total, all_widths)
    nothing = {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    return {"documents": per_doc, "overall": overall, "baseline_nothing": nothing}


def _quote(event: Event) -> str:
    text = event.sources[0].quote if event.sources else event.title
    return text if len(text) <= 70 else text[:67] + "..."


def _doc_details(doc: GoldDoc, predicted: Timeline, graph: OrderGraph,
                 solved: dict[str, Bounds]) -> tuple[list[str], int]:
    """What went wrong in one document, one line per problem, and how many predictions fell
    outside a partial gold file's annotated sentences (from the same matching)."""
    pairs, _, lists = match(doc, predicted.events)
    lines = [f"  missed {g.id}: {doc.text[g.spans[0][0]:g.spans[0][1]][:70]!r}" for g in lists["missed"]]
    lines += [f"  false positive {e.id} ({e.type}): {_quote(e)!r}" for e in lists["false"]]
    lines += [f"  duplicate {e.id} ({e.type}): {_quote(e)!r}" for e in lists["duplicates"]]
    by_gold = {g.id: (g, p) for g, p in pairs}
    for g, p in pairs:
        if not agrees(p.type, g.type):
            lines.append(f"  type {g.id}: gold {g.type}, predicted {p.type} ({p.id})")
        lines += _actor_lines(g, p)
        window = _window(p, solved)
        if g.real_date and not window.contains(g.real_date):
            lines.append(f"  unsound date {g.id}: real {_span_text(g.real_date)} not in predicted {_span_text(window)}")
    for a, relation, b in doc.relations:
        if a in by_gold and b in by_gold:
            pa, pb = by_gold[a][1], by_gold[b][1]
            if not (graph.entails(pa.id, relation, pb.id) or _implied_by_windows(relation, _window(pa, solved), _window(pb, solved))):
                lines.append(f"  order not found: {a} {relation} {b} (predicted {pa.id}, {pb.id})")
    return lines, len(lists["out_of_scope"])


def _actor_lines(gold: GoldEvent, pred: Event) -> list[str]:
    """The actors a matched pair disagrees on, as the actor F1 counts them (so a figure under 1.00
    has its lines to read)."""
    predicted, wanted = _folded(parties(pred)), _folded(canonical_parties(gold.actors))
    if predicted == wanted:
        return []
    missing, extra = sorted(wanted - predicted), sorted(predicted - wanted)
    said = "; ".join(part for part in (f"missing {', '.join(missing)}" if missing else "",
                                       f"extra {', '.join(extra)}" if extra else "") if part)
    return [f"  actors {gold.id}: {said} ({pred.id})"]


def _span_text(b: Bounds) -> str:
    return f"{b.earliest or '..'}/{b.latest or '..'}"


def details(golds: list[GoldDoc], predicted: Timeline) -> str:
    """Per document: missed required events, false positives, duplicates, wrong types, unsound dates, orders."""
    graph, solved = OrderGraph(predicted), solve(predicted).bounds
    out = []
    for doc in golds:
        lines, outside = _doc_details(doc, predicted, graph, solved)
        out.append(f"{doc.name}: {len(lines)} problem(s)")
        out += lines
        if doc.scope == "partial":
            out.append(f"  (scope: partial: {outside} prediction(s) outside the annotated sentences, not counted as false)")
    return "\n".join(out)


def run_extractor(golds: list[GoldDoc]) -> tuple[Timeline, float]:
    """Run ``timeline.extract`` on the gold articles (document id = gold file stem); seconds taken."""
    import time

    from ..extract import Options, extract
    from ..models import Document

    docs = [Document(id=g.name, published=g.published, text=g.text) for g in golds]
    started = time.perf_counter()
    predicted = extract(docs, Options())
    return predicted, time.perf_counter() - started


_COLUMNS = (
    ("P", "precision"), ("R", "recall"), ("F1", "f1"), ("type", "type_accuracy"), ("actor", "actor_f1"),
    ("sound", "soundness"), ("pub", "baseline_soundness"), ("inbnd", "within_bounds"),
    ("order", "ordering"), ("pub", "baseline_ordering"),
)


def _cell(value: object) -> str:
    return "-" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)


def _row(name: str, fig: dict) -> str:
    """One table row, shared by documents and the overall rows, so the columns always line up."""
    cells = " ".join(f"{_cell(fig[key]):>5}" for _, key in _COLUMNS)
    return f"{name[:44]:<44} {fig['required']:>4} {fig['predicted']:>4} {cells}"


def scope_line(overall: dict) -> str:
    """Partial gold files and precision both ways: '' when every gold file covers its article."""
    if not overall.get("partial_documents"):
        return ""
    return (f"partial gold: {overall['partial_documents']} file(s) annotate part of their article; "
            f"{overall['out_of_scope']} prediction(s) outside it; P scoped {overall['precision']:.2f} "
            f"unscoped {overall['precision_unscoped']:.2f}, F1 scoped {overall['f1']:.2f} "
            f"unscoped {overall['f1_unscoped']:.2f}")


def format_table(report: dict) -> str:
    """Per-document rows (a partial gold file's name ends in '*') and overall rows (unscoped too
    when a gold file is partial); 'pub' columns are the publication-date baseline."""
    head = f"{'document':<44} {'req':>4} {'pred':>4} " + " ".join(f"{h:>5}" for h, _ in _COLUMNS)
    lines = [head, "-" * len(head)]
    for name, fig in report["documents"].items():
        lines.append(_row(name[:43] + "*" if fig.get("partial_documents") else name, fig))
    overall = report["overall"]
    lines.append(_row("OVERALL (micro)", overall))
    if overall.get("partial_documents"):
        unscoped = {**overall, "precision": overall["precision_unscoped"], "f1": overall["f1_unscoped"]}
        lines.append(_row("OVERALL unscoped (P, F1 with partial gold)", unscoped))
        lines.append(scope_line(overall))
    lines.append("baseline 'nothing': P 0.00 R 0.00 F1 0.00; 'pub' = every matched event dated on its publication day")
    return "\n".join(lines)


FLOORS_FILE = Path(__file__).with_name("floors_events.json")
CONFLICT_FLOORS_FILE = Path(__file__).with_name("floors_conflict.json")  # MUC-4 and PLOVER figures
FLOOR_MARGIN = 0.02


class FloorError(ValueError):
    """A floor would be lowered without ``--allow-lower-floors``."""


def _lookup(report: dict, dotted: str) -> float | None:
    value: object = report
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value if isinstance(value, (int, float)) else None


def read_floors(path: Path | None = None) -> dict[str, float]:
    """Pinned floors: ``{"overall.f1": 0.8, "esc.extractor.exact": 0.3, ...}``."""
    path = path or FLOORS_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def floor_failures(report: dict, floors: dict[str, float]) -> list[str]:
    """One line per figure below its floor (figures this run did not measure are skipped)."""
    failures = []
    for key, floor in sorted(floors.items()):
        value = _lookup(report, key)
        if value is not None and value < floor:
            failures.append(f"{key} = {value:.4f} is below its floor {floor:.4f}")
    return failures


def raised_floors(report: dict, floors: dict[str, float], allow_lower: bool = False) -> dict[str, float]:
    """Floors set to the measured figures minus a margin; lowering one needs ``allow_lower``."""
    new = dict(floors)
    for key, old in floors.items():
        value = _lookup(report, key)
        if value is None:
            continue
        proposed = round(max(value - FLOOR_MARGIN, 0.0), 4)
        if proposed < old and not allow_lower:
            raise FloorError(f"{key}: measured {value:.4f} would lower the floor {old:.4f}; pass --allow-lower-floors")
        new[key] = proposed if allow_lower else max(proposed, old)
    return new


def evaluate_gold(gold_dir: Path, predictions: Timeline | None = None, losses: bool = False) -> dict:
    """Score the extractor (or given predictions) on the gold folder; figures plus corpus and timing
    (and, with ``losses``, the missed events counted by the pipeline step that lost them)."""
    golds = read_gold_dir(gold_dir)
    seconds = None
    if predictions is None:
        predictions, seconds = run_extractor(golds)
    report = score(golds, predictions)
    report["details"] = details(golds, predictions)
    if losses:
        from .losses import loss_counts

        report["losses"] = dict(loss_counts(golds, predictions))
    chars = sum(len(g.text) for g in golds)
    report["corpus"] = {"documents": len(golds), "characters": chars, "gold_events": sum(len(g.events) for g in golds)}
    if seconds is not None:
        report["timing"] = {"seconds": round(seconds, 3), "chars_per_second": round(chars / seconds) if seconds else None}
    return report
