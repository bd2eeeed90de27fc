"""EventStoryLine (ESC v1.5, CAT XML): event -> date anchoring and BEFORE/AFTER ordering.

Gold anchoring: every TLINK in which a token-anchored, non-DCT TIME_DATE with a calendar value
CONTAINS an event mention (ACTION_* or NEG_ACTION_*), or OVERLAPs / is SIMULTANEOUS with one (either
direction), gives that mention the TIME_DATE's value as its gold date.
Gold order: TLINKs BEFORE / AFTER between two token-anchored event mentions.

The document text is rebuilt from the tokens (spaces between tokens, a newline between sentences),
so token offsets become character offsets. Systems, scored on the same mentions:

* ``extractor``: ``timeline.extract`` on the text with the DCT as publication date; a mention takes
  the date window of the extracted event whose evidence covers it (the shortest such evidence);
  a mention no extracted event covers falls back to the DCT (coverage is reported);
* ``timex``: the closest dated temporal expression in the mention's sentence, else the DCT;
* ``dct`` (baseline, what GDELT and PETRARCH do): every event on the document creation date.

Figures: ``exact`` (the predicted interval is the gold date at the gold's precision), ``within``
(the gold date lies inside the predicted interval: sound, but an open interval is always within,
so read it beside ``exact`` and width) and pair accuracy (the prediction entails the gold order).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import dates
from ..dates import Bounds
from .gold import shared_dir

_EVENT = ("ACTION_", "NEG_ACTION_")
CONFLICT_TOPICS = ("8", "12", "19", "41")  # attack on a bank, pirates, riot, bombing of a refugee camp
_ANCHOR_RELS = {"CONTAINS", "OVERLAP", "SIMULTANEOUS"}
_VALUE = re.compile(r"^(?:t_)?(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(?:T.*)?$")  # tolerates t_ and 2009-12-4


@dataclass
class EscDoc:
    """One CAT document: rebuilt text, DCT, event mention spans, gold anchors and orders."""

    name: str
    text: str
    dct: dates.Bounds | None
    mentions: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # m_id -> (start, end, sentence)
    anchors: list[tuple[str, Bounds]] = field(default_factory=list)  # (event m_id, gold date)
    orders: list[tuple[str, str, str]] = field(default_factory=list)  # (m_id, before|after, m_id)

    def derived_orders(self) -> list[tuple[str, str, str]]:
        """Pairs of mentions anchored to disjoint gold dates: the earlier one is ``before``."""
        pairs = []
        for i, (a, da) in enumerate(self.anchors):
            for b, db in self.anchors[i + 1:]:
                if a != b and da.latest < db.earliest:
                    pairs.append((a, "before", b))
                elif a != b and db.latest < da.earliest:
                    pairs.append((a, "after", b))
        return sorted(set(pairs))


def default_dir() -> Path:
    """``shared/data/eventstoryline/v1.5``."""
    return shared_dir() / "data" / "eventstoryline" / "v1.5"


def value_bounds(value: str | None) -> Bounds | None:
    """A TIMEX3 calendar value (``2011``, ``2011-11``, ``2011-11-10``, ``...T...``) as bounds."""
    found = _VALUE.match((value or "").strip())
    if not found:
        return None
    year, month, day = found.groups()
    text = "-".join([year] + [part.zfill(2) for part in (month, day) if part])
    try:
        return dates.parse(text)
    except dates.DateError:
        return None


def _tokens(root: ET.Element) -> tuple[str, dict[str, tuple[int, int, int]]]:
    """The text and each token's (start, end, sentence)."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int, int]] = {}
    position, sentence = 0, None
    for token in root.iter("token"):
        number = int(token.get("sentence", "0"))
        if parts:
            parts.append("\n" if number != sentence else " ")
            position += 1
        word = token.text or ""
        offsets[token.get("t_id")] = (position, position + len(word), number)
        parts.append(word)
        position += len(word)
        sentence = number
    return "".join(parts), offsets


def _span(markable: ET.Element, offsets: dict) -> tuple[int, int, int] | None:
    spans = [offsets[a.get("t_id")] for a in markable.findall("token_anchor") if a.get("t_id") in offsets]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans), spans[0][2]


def _dct(markables: list[ET.Element]) -> Bounds | None:
    for tag in ("TIME_DATE", "TIME_OF_THE_DAY"):
        for m in markables:
            if m.tag == tag and m.get("DCT") == "TRUE" and (b := value_bounds(m.get("value"))) and b.is_point:
                return b
    return None


Markables = list[tuple[ET.Element, tuple[int, int, int] | None]]


def _contents(root: ET.Element) -> tuple[str, Markables, Bounds | None]:
    text, offsets = _tokens(root)
    markables = list(root.find("Markables") if root.find("Markables") is not None else [])
    return text, [(m, _span(m, offsets)) for m in markables], _dct(markables)


def parse(path: Path) -> tuple[str, Markables, Bounds | None]:
    """One CAT XML file: the text rebuilt from its tokens, each markable with its character span
    (None for an instance descriptor without token anchors), and the document creation date."""
    return _contents(ET.parse(path).getroot())


def read_doc(path: Path) -> EscDoc:
    """Parse one CAT XML file."""
    root = ET.parse(path).getroot()
    text, markables, dct = _contents(root)
    doc = EscDoc(path.name.split(".")[0], text, dct)
    times: dict[str, Bounds] = {}
    for m, span in markables:
        if span and m.tag.startswith(_EVENT):
            doc.mentions[m.get("m_id")] = span
        elif span and m.tag == "TIME_DATE" and m.get("DCT") != "TRUE" and (b := value_bounds(m.get("value"))):
            times[m.get("m_id")] = b
    relations = root.find("Relations")
    for link in relations.findall("TLINK") if relations is not None else []:
        _read_tlink(doc, link, times)
    return doc


def _read_tlink(doc: EscDoc, link: ET.Element, times: dict[str, Bounds]) -> None:
    source, target = link.find("source"), link.find("target")
    if source is None or target is None:
        return
    s, t, rel = source.get("m_id"), target.get("m_id"), (link.get("relType") or "").upper()
    if s in times and t in doc.mentions and rel in _ANCHOR_RELS:
        doc.anchors.append((t, times[s]))
    elif t in times and s in doc.mentions and rel in _ANCHOR_RELS - {"CONTAINS"}:
        doc.anchors.append((s, times[t]))
    elif s in doc.mentions and t in doc.mentions and rel in ("BEFORE", "AFTER"):
        doc.orders.append((s, rel.lower(), t))


def read_corpus(folder: Path, limit: int | None = None) -> list[EscDoc]:
    """Documents in topic order (sorted paths), at most ``limit``."""
    return [read_doc(p) for p in document_paths(folder)[:limit]]


def document_paths(folder: Path) -> list[Path]:
    """The CAT files of the corpus, in topic order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"{folder}: EventStoryLine folder not found")
    return sorted(folder.glob("*/*.xml"), key=lambda p: (p.parent.name.zfill(4), p.name))


@dataclass
class Prediction:
    """One system on one document: a window per mention, and what the extractor linked."""

    windows: dict[str, Bounds]
    covered: set[str]  # mentions an extracted event's evidence covers
    event_of: dict[str, str] = field(default_factory=dict)
    graph: object | None = None  # solver.OrderGraph of the extracted timeline


def _dct_window(doc: EscDoc) -> Bounds:
    return doc.dct or Bounds(None, None, "open")


def predict_dct(doc: EscDoc) -> Prediction:
    """Baseline: every event on the document creation date."""
    return Prediction({m: _dct_window(doc) for m in doc.mentions}, set(doc.mentions))


def predict_timex(doc: EscDoc) -> Prediction:
    """The closest dated temporal expression in the mention's sentence, else the DCT."""
    from ..timex import tag

    found = [t for t in tag(doc.text, published=doc.dct.earliest if doc.dct else None) if t.edtf]
    line_of = [doc.text.count("\n", 0, t.start) for t in found]
    windows = {}
    for m_id, (start, end, _) in doc.mentions.items():
        line = doc.text.count("\n", 0, start)
        near = [(min(abs(t.start - end), abs(start - t.end)), t) for t, n in zip(found, line_of) if n == line]
        windows[m_id] = dates.parse(min(near, key=lambda x: x[0])[1].edtf) if near else _dct_window(doc)
    return Prediction(windows, set(doc.mentions))


def predict_extractor(doc: EscDoc) -> Prediction:
    """The window of the extracted event whose evidence covers the mention (shortest first)."""
    from ..extract import Options, extract
    from ..models import Document
    from ..solver import OrderGraph

    published = doc.dct.earliest if doc.dct else None
    timeline = extract([Document(id=doc.name, text=doc.text, published=published)], Options())
    spans = [
        (s.end - s.start, s.start, s.end, e)
        for e in timeline.events for s in e.sources if s.document == doc.name and s.start is not None
    ]
    pred = Prediction({}, set(), graph=OrderGraph(timeline))
    for m_id, (start, end, _) in doc.mentions.items():
        covering = sorted((x for x in spans if x[1] < end and start < x[2]), key=lambda x: x[0])
        if covering:
            event = covering[0][3]
            pred.covered.add(m_id)
            pred.event_of[m_id] = event.id
            pred.windows[m_id] = event.bounds
        else:
            pred.windows[m_id] = _dct_window(doc)
    return pred


def _peer_dates(peer: str, line: str, base: dt.date) -> list[tuple[int, int, dt.date]]:
    """(start, end, day) of the dates a peer library finds in one sentence."""
    moment = dt.datetime.combine(base, dt.time())
    if peer == "dateparser":
        from dateparser.search import search_dates

        found = search_dates(line, languages=["en"], settings={"RELATIVE_BASE": moment}) or []
    else:
        import datefinder

        found = [(text, value) for value, text in datefinder.find_dates(line, source=True, base_date=moment)]
    spans, start = [], 0
    for text, value in found:
        at = line.find(text, start)
        if at >= 0:
            spans.append((at, at + len(text), value.date()))
            start = at + len(text)
    return spans


def _predict_peer(doc: EscDoc, peer: str) -> Prediction:
    """Peer: the closest date the peer finds in the mention's sentence (as a day), else the DCT."""
    if doc.dct is None:
        return predict_dct(doc)
    lines = doc.text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    found: dict[int, list] = {}
    windows: dict[str, Bounds] = {}
    for m_id, (start, end, _) in doc.mentions.items():
        n = doc.text.count("\n", 0, start)
        if n not in found:
            found[n] = [(a + starts[n], b + starts[n], day) for a, b, day in _peer_dates(peer, lines[n], doc.dct.earliest)]
        near = [(min(abs(a - end), abs(start - b)), day) for a, b, day in found[n]]
        day = min(near)[1] if near else None
        windows[m_id] = Bounds(day, day, "day") if day else _dct_window(doc)
    return Prediction(windows, set(doc.mentions))


SYSTEMS = {
    "extractor": predict_extractor,
    "timex": predict_timex,
    "dateparser": lambda doc: _predict_peer(doc, "dateparser"),
    "datefinder": lambda doc: _predict_peer(doc, "datefinder"),
    "dct": predict_dct,
}


def _orders_agree(pred: Prediction, a: str, relation: str, b: str) -> bool:
    """The system's relations (extractor) or windows entail ``a relation b``."""
    wa, wb = pred.windows[a], pred.windows[b]
    if relation == "after":
        wa, wb = wb, wa
    if wa.latest is not None and wb.earliest is not None and wa.latest < wb.earliest:
        return True
    ea, eb = pred.event_of.get(a), pred.event_of.get(b)
    return bool(pred.graph and ea and eb and ea != eb and pred.graph.entails(ea, relation, eb))


def score_doc(doc: EscDoc, preds: dict[str, Prediction]) -> Counter:
    """Counts per system: anchors (all, and covered by the extractor) and ordered pairs."""
    c: Counter = Counter()
    covered = preds["extractor"].covered if "extractor" in preds else set(doc.mentions)
    for m_id, gold in doc.anchors:
        c["anchors"] += 1
        c["anchors_covered"] += m_id in covered
        for name, pred in preds.items():
            window = pred.windows[m_id]
            exact, within = window.earliest == gold.earliest and window.latest == gold.latest, window.contains(gold)
            c[f"{name}.exact"] += exact
            c[f"{name}.within"] += within
            c[f"{name}.exact_covered"] += exact and m_id in covered
            c[f"{name}.within_covered"] += within and m_id in covered
    for a, relation, b in sorted(set(doc.orders) | set(doc.derived_orders())):
        both = a in covered and b in covered
        c["pairs"] += both
        c["pairs_all"] += 1
        for name, pred in preds.items():
            agree = _orders_agree(pred, a, relation, b)
            c[f"{name}.pairs_ok"] += both and agree
            c[f"{name}.pairs_all_ok"] += agree
    return c


def figures(c: Counter, systems: list[str]) -> dict:
    """Rates from summed counts."""
    def ratio(num: str, den: str) -> float | None:
        return round(c[num] / c[den], 4) if c[den] else None

    out: dict = {
        "anchors": c["anchors"], "anchors_covered": c["anchors_covered"], "pairs": c["pairs"], "pairs_all": c["pairs_all"],
        "coverage": ratio("anchors_covered", "anchors"),
    }
    for name in systems:
        out[name] = {
            "exact": ratio(f"{name}.exact", "anchors"), "within": ratio(f"{name}.within", "anchors"),
            "exact_covered": ratio(f"{name}.exact_covered", "anchors_covered"),
            "within_covered": ratio(f"{name}.within_covered", "anchors_covered"),
            "pair_accuracy": ratio(f"{name}.pairs_ok", "pairs"),
            # every gold pair, whatever the extractor covers: its coverage cannot move this set
            "pair_accuracy_all": ratio(f"{name}.pairs_all_ok", "pairs_all"),
        }
    return out


def evaluate(folder: Path | None = None, limit: int | None = None, systems: tuple[str, ...] = tuple(SYSTEMS)) -> dict:
    """Score the systems on the corpus; documents without a DCT are skipped (and counted)."""
    import time

    docs = read_corpus(folder or default_dir(), limit)
    total: Counter = Counter()
    conflict: Counter = Counter()
    seconds: Counter = Counter()
    skipped = 0
    for doc in docs:
        if doc.dct is None:
            skipped += 1
            continue
        preds = {}
        for name in systems:
            started = time.perf_counter()
            preds[name] = SYSTEMS[name](doc)
            seconds[name] += time.perf_counter() - started
        counts = score_doc(doc, preds)
        total.update(counts)
        if doc.name.split("_")[0] in CONFLICT_TOPICS:
            conflict.update(counts)
    report = figures(total, list(systems))
    report["conflict_topics"] = figures(conflict, list(systems))
    chars = sum(len(d.text) for d in docs)
    report["corpus"] = {"documents": len(docs), "skipped_without_dct": skipped, "characters": chars}
    report["seconds"] = {k: round(v, 2) for k, v in seconds.items()}
    return report


def _cells(f: dict) -> str:
    values = [f[k] for k in ("exact", "within", "exact_covered", "within_covered", "pair_accuracy", "pair_accuracy_all")]
    return " ".join(f"{'-' if v is None else f'{v:.3f}':>7}" for v in values)


def format_table(report: dict) -> str:
    """One row per system; 'covered' = anchors whose mention the extractor's evidence covers."""
    systems = [k for k in SYSTEMS if k in report]
    corpus = report["corpus"]
    lines = [
        f"EventStoryLine: {corpus['documents']} documents ({corpus['skipped_without_dct']} without DCT skipped), "
        f"{report['anchors']} gold anchors, extractor coverage {report['coverage']}, {report['pairs']} ordered pairs "
        f"covered ({report['pairs_all']} in all)",
        f"{'system':<10} {'exact':>7} {'within':>7} {'exact*':>7} {'within*':>7} {'pairs*':>7} {'pairs':>7} {'seconds':>8}",
    ]
    for name in systems:
        lines.append(f"{name:<10} {_cells(report[name])} {report['seconds'].get(name, 0):>8}")
    conflict = report.get("conflict_topics")
    if conflict and conflict["anchors"]:
        lines.append(f"conflict topics {', '.join(CONFLICT_TOPICS)}: {conflict['anchors']} anchors, "
                     f"coverage {conflict['coverage']}, {conflict['pairs']} pairs")
        lines += [f"{name:<10} {_cells(conflict[name])}" for name in systems]
    lines.append("* on anchors the extractor covers; dct = baseline (every event on the document creation date)")
    return "\n".join(lines)
