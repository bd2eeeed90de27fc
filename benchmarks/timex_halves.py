"""Value F1 of the tagger on the two fixed halves of esc-dev and on the other looked-at corpora, and
every value error sorted by cause (a development aid for the tagger rounds, docs/evaluation.md).

esc-dev holds the odd-numbered EventStoryLine topics; its halves are split by topic number, fixed
before any change was tried: topics 1 mod 4 (1, 5, 13, 33, 37, 41) and 3 mod 4 (3, 7, 19, 23, 35).
A change is kept only when neither half falls, so a rule fitted to some topics shows as one half
rising while the other stays or falls. esc-heldout is never read here (figures only, via the CLI).

    python benchmarks/timex_halves.py                      # the halves and the other corpora
    python benchmarks/timex_halves.py --errors DIR         # also DIR/<corpus>.tsv, one error a line
    python benchmarks/timex_halves.py --shapes             # also the missed expressions by shape
    python benchmarks/timex_halves.py --precision          # also extra predictions (unpaired; spurious: no gold
                                                           # overlap; split: inside a paired gold span, with the
                                                           # words between the pieces) and wrong types by shape
    python benchmarks/timex_halves.py --causes             # also wrong values on found spans by cause
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from timeline.evaluate.corpora import MODES, UTC_CLOCKS, GoldDoc, read_corpus  # noqa: E402
from timeline.evaluate.timex import published_for  # noqa: E402
from timeline.evaluate.timex_causes import CAUSES, value_errors  # noqa: E402
from timeline.evaluate.timex_extras import EXTRA_SHAPES, GAPS, extra_shape, joined_gaps, spurious_shapes  # noqa: E402
from timeline.evaluate.timex_extras import _MONTH, _PARTS, _SEASONS, _UNIT, _WEEKDAY, _WORD_NUMBER  # noqa: E402
from timeline.evaluate.timex_peers import ours  # noqa: E402
from timeline.evaluate.timex_score import Score, Span, comparable, in_regions, match, same_value, score_doc  # noqa: E402

LOOKED_AT = ("esc-dev", "te3-platinum", "wikiwars", "timex-unseen")
_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
_PART = re.compile(r"^(\d{4}-\d\d-\d\d)T(?:MO|AF|EV|NI|DT|MI)$")
SHAPES = (  # the first shape whose pattern a missed expression matches, in this order
    ("an age ('a 12-year-old', a bare number after a name)", rf"^(?:\d{{1,3}}|{_WORD_NUMBER}(?:-\w+)?)(?:\s?-\s?(?:year|month)\s?-\s?old)?$"),
    ("a clock or a race time", r"\d\s?[:.]\s?\d|\b[ap]\.?m\b|\bgmt\b"),
    ("a decade ('the 1990s', 'the sixties')", r"\d0s\b|\b(?:twen|thir|for|fif|six|seven|eigh|nine)ties\b"),
    ("a bare year", r"^(?:the year )?'?\d{2,4}(?: ?bc| ?ad)?$"),
    ("early / late / mid X", r"^(?:the )?(?:early|late|mid|the end of|the beginning of|the latter part of)\b"),
    ("a weekday", rf"\b{_WEEKDAY}s?\b"),
    ("a month without a year", rf"^(?:the )?(?:previous |next |last |this |early |late )?{_MONTH}(?: \d{{1,2}})?$"),
    ("a date with a day and month", rf"\b{_MONTH}\b|\d{{1,2}} ?/ ?\d{{1,2}}"),
    ("a part of the day ('dawn', 'overnight', 'the morning')", rf"^(?:the |a |one |this |that |early |late |[a-z]+ )?{_PARTS}$"),
    ("a season ('the spring', 'last season')", rf"^(?:the |this |last |next |each |recent |harsh |[a-z]+ )?{_SEASONS}$"),
    ("a holiday, anniversary or named day", r"\b(?:easter|ramadan|christmas|new year|d-day|anniversary|birthday|election day|holiday)\b|^(?!the |this |that |a |one )[\w-]+ day$"),
    ("an ordinal day, hour or year ('the 99th day', 'the 20th')", r"\b(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|final|last)\b"),
    ("a number in words or digits with a unit ('eighteen months', '40 hearing days')", rf"(?:\d|\b{_WORD_NUMBER}\b|\ba\b|\ban\b).*\b{_UNIT}\b"),
    ("a recurrence ('every half hour', 'most Saturdays')", r"^(?:every|each|most|all)\b|^everyday$"),
    ("a vague reference ('the future', 'former', 'recent', 'present')", r"\b(?:future|former|formerly|recent|recently|current|present|present-day|now|modern|the time being|ahead)\b"),
    ("a unit as an anaphor ('the day', 'this period', 'the same time', 'the year')", rf"^(?:the |this |that |these |those |the same |a |any |some |all the )?[\w\s'\"-]*\b{_UNIT}\b"),
)


def part_of(corpus: str, doc: GoldDoc) -> str:
    """The half an esc-dev document belongs to (by its topic number), else the whole corpus."""
    return f"topics {int(doc.id.split('_')[0]) % 4} mod 4" if corpus.startswith("esc") else "all"


def wrong_cause(gold: str, predicted: str) -> str:
    """The cause of a wrong value, read from the form of the two values."""
    if not gold:
        return "gold without a value"
    if gold in _REFS or predicted in _REFS:
        return "vague reference (PRESENT/PAST/FUTURE_REF) against another value"
    if gold.startswith("P") != predicted.startswith("P"):
        return "a length against a point"
    if gold.startswith("P"):
        return "a length's unit or number"
    part_gold, part_pred = _PART.match(gold), _PART.match(predicted)
    if (part_gold and part_gold[1] == predicted) or (part_pred and part_pred[1] == gold):
        return "a part of the day against its day"
    if "T" in gold and "T" in predicted:
        return "a clock's minutes or zone" if gold[:10] == predicted[:10] else "a clock on another day"
    if "X" in gold or "X" in predicted:
        return "an unknown field (XXXX) against a told one"
    shown_gold, shown_pred = comparable(gold), comparable(predicted)
    if shown_gold.startswith(shown_pred) or shown_pred.startswith(shown_gold):
        return "granularity"
    unit = "year" if shown_gold[:4] != shown_pred[:4] else "month" if shown_gold[:7] != shown_pred[:7] else "day"
    return f"reference time (another {unit})"


def doc_errors(doc: GoldDoc, predicted: list[Span], loose: bool) -> list[tuple[str, str, str, str]]:
    """(cause, gold value, predicted value, context) of each value error in one document."""
    gold = [(g.start, g.end, g.type, g.value) for g in doc.timexes]
    scored = in_regions(predicted, doc.scored)
    pairs = match(gold, scored)
    errors = [(wrong_cause(gold[gi][3], scored[pi][3]), gold[gi][3], scored[pi][3], _context(doc.text, gold[gi]))
              for gi, pi in pairs if not same_value(gold[gi][3], scored[pi][3], loose)]
    matched_gold, matched_pred = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
    errors += [("missed", g[3], "", _context(doc.text, g)) for gi, g in enumerate(gold) if gi not in matched_gold]
    errors += [("unmatched prediction", "", p[3], _context(doc.text, p))
               for pi, p in enumerate(scored) if pi not in matched_pred]
    return errors


def shape_of(phrase: str) -> str:
    """The shape of a missed expression, so that misses can be counted by form across corpora."""
    lowered = " ".join(phrase.lower().split())
    return next((name for name, pattern in SHAPES if re.search(pattern, lowered)), "other")


def doc_extras(doc: GoldDoc, predicted: list[Span]) -> list[tuple[str, str]]:
    """(kind, shape) of each unmatched prediction and each matched one typed otherwise than its gold."""
    gold = [(g.start, g.end, g.type, g.value) for g in doc.timexes]
    scored = in_regions(predicted, doc.scored)
    pairs = match(gold, scored)
    after = lambda span: " ".join(doc.text[span[1]:span[1] + 20].split())  # noqa: E731
    found = [(f"type {gold[gi][2]} > {scored[pi][2]}", extra_shape(doc.text[scored[pi][0]:scored[pi][1]], after(scored[pi])))
             for gi, pi in pairs if gold[gi][2] != scored[pi][2]]
    matched = {pi for _, pi in pairs}
    return found + [("unmatched", extra_shape(doc.text[p[0]:p[1]], after(p))) for pi, p in enumerate(scored) if pi not in matched]


def _context(text: str, span: Span) -> str:
    """The expression in brackets with some words either side, on one line."""
    start, end = span[0], span[1]
    return (text[max(0, start - 70):start] + "[[" + text[start:end] + "]]" + text[end:end + 50]).replace("\n", " / ")


def run(corpus: str, errors_dir: Path | None, shapes: collections.Counter | None = None,
        extras: collections.Counter | None = None, causes_found: collections.Counter | None = None) -> dict[str, float]:
    """Value F1 per part of a corpus; with ``errors_dir``, its errors and their causes written there."""
    mode, loose = MODES[corpus], corpus in UTC_CLOCKS
    scores: dict[str, Score] = collections.defaultdict(lambda: Score(loose_zones=loose))
    lines, causes = [], collections.Counter()
    shapes = collections.Counter() if shapes is None else shapes
    for doc in read_corpus(corpus):
        predicted = ours(doc.text, published_for(doc, mode), mode)
        for part in {part_of(corpus, doc), "all"}:
            score_doc(scores[part], doc.timexes, predicted, doc.scored)
        for cause, gold, value, context in doc_errors(doc, predicted, loose):
            causes[cause] += 1
            if cause == "missed":
                shapes[(shape_of(context.split("[[")[1].split("]]")[0]), part_of(corpus, doc))] += 1
            lines.append("\t".join((doc.id, part_of(corpus, doc), cause, gold, value, context)))
        if causes_found is not None:
            gold_spans = [(g.start, g.end, g.type, g.value) for g in doc.timexes]
            for (cause, _, _), n in value_errors(doc.text, gold_spans, predicted, doc.scored, loose).items():
                causes_found[(cause, part_of(corpus, doc))] += n
        if extras is not None:
            extras.update((kind.split(" ")[0], shape, part_of(corpus, doc)) for kind, shape in doc_extras(doc, predicted))
            gold_spans = [(g.start, g.end, g.type, g.value) for g in doc.timexes]
            for (shape, _, overlap), n in spurious_shapes(doc.text, gold_spans, predicted, doc.scored).items():
                extras[("spurious" if overlap == "none" else "split", shape, part_of(corpus, doc))] += n
            for (gap, _), n in joined_gaps(doc.text, gold_spans, predicted, doc.scored).items():
                extras[("gap", gap, part_of(corpus, doc))] += n
    if errors_dir is not None:
        errors_dir.mkdir(parents=True, exist_ok=True)
        (errors_dir / f"{corpus}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{corpus}: " + ", ".join(f"{cause} {n}" for cause, n in causes.most_common()))
    return {part: round(score.total.scores()["value_f1"], 4) for part, score in sorted(scores.items())}


def main() -> None:
    """Print each corpus's value F1 by part."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", type=Path, help="write each corpus's errors, with their causes, to DIR/<corpus>.tsv")
    parser.add_argument("--shapes", action="store_true", help="count the missed expressions by shape, per corpus")
    parser.add_argument("--precision", action="store_true",
                        help="count unmatched predictions and wrongly typed ones by shape, per corpus")
    parser.add_argument("--causes", action="store_true",
                        help="count the wrong values on found spans by cause (timeline.evaluate.timex_causes), per corpus")
    parser.add_argument("corpora", nargs="*", help=f"any of {', '.join(LOOKED_AT)} (default: all)")
    args = parser.parse_args()
    unknown = set(args.corpora) - set(LOOKED_AT)
    if unknown:
        parser.error(f"not a looked-at corpus: {', '.join(sorted(unknown))}")
    shapes: dict[str, collections.Counter] = {}
    extras: dict[str, collections.Counter] = {}
    causes: dict[str, collections.Counter] = {}
    for corpus in args.corpora or LOOKED_AT:
        shapes[corpus], extras[corpus], causes[corpus] = collections.Counter(), collections.Counter(), collections.Counter()
        print(corpus, run(corpus, args.errors, shapes[corpus], extras[corpus] if args.precision else None,
                          causes[corpus] if args.causes else None))
    if args.shapes:
        print_shapes(shapes)
    if args.causes:
        print("\nwrong values on found spans:")
        print_shapes(causes, list(CAUSES[:-1]))
    if args.precision:
        for kind in ("unmatched", "spurious", "split", "gap", "type"):
            print(f"\n{kind}:")
            print_shapes({corpus: collections.Counter({(shape, part): n for (k, shape, part), n in counts.items() if k == kind})
                          for corpus, counts in extras.items()}, [name for name, _ in (GAPS if kind == "gap" else EXTRA_SHAPES)])


def print_shapes(shapes: dict[str, collections.Counter], names: list[str] | None = None) -> None:
    """A table of expressions by shape: one row a shape, one column a corpus (esc-dev by half)."""
    columns = sorted({(corpus, part) for corpus, counts in shapes.items() for _, part in counts})
    names = (names or [name for name, _ in SHAPES]) + ["other"]
    print("| shape | " + " | ".join(corpus if part == "all" else f"{corpus} {part}" for corpus, part in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for name in names:
        row = [shapes[corpus][(name, part)] for corpus, part in columns]
        if any(row):
            print(f"| {name} | " + " | ".join(map(str, row)) + " |")


if __name__ == "__main__":
    main()
