"""Event scorer on a small hand-made gold file and hand-made predictions (no extractor needed)."""

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest

from timeline.cli import main
from timeline.evaluate import events as ev
from timeline.evaluate.gold import GoldError, read_gold, read_gold_dir
from timeline.models import Document, Event, Relation, Source, Timeline
from gold_folder import gold_folder

TEXT = (
    "Rebels attacked the border post on Monday. The army answered with shelling. "
    "Later the two sides signed a truce. Officials said the truce may fail."
)
GOLD = textwrap.dedent(
    """
    document: article.txt
    published: 2024-03-07
    events:
      - id: attack
        type: attack
        quote: "Rebels attacked the border post"
        also: ["the truce may fail"]
        actors: [Rebels]
        bounds: 2024-03-04
        real_date: 2024-03-04
      - id: shelling
        type: attack
        quote: "The army answered with shelling"
        actors: [Army]
        bounds: 2024-03-04/2024-03-07
        real_date: 2024-03-05
      - id: truce
        type: ceasefire
        quote: "the two sides signed a truce"
        actors: [Rebels, Army]
        required: true
      - id: comment
        type: statement
        quote: "Officials said"
        required: false
    relations:
      - [attack, before, shelling]
      - [attack, before, truce]
    """
)


@pytest.fixture
def gold_dir(tmp_path):
    return gold_folder(tmp_path, TEXT, GOLD)


def pred(event_id, quote, type_="attack", date=None, actors=(), rel=(), occurrence_offset=None):
    start = TEXT.index(quote)
    return Event(
        id=event_id, title=event_id, type=type_, date=date, actors=list(actors),
        sources=[Source(document="article", quote=quote, start=start, end=start + len(quote))],
        relations=[Relation(relation=r, target=t) for r, t in rel],
    )


def timeline(*events):
    return Timeline(documents=[Document(id="article", published=dt.date(2024, 3, 7), text=TEXT)], events=list(events))


def scored(gold_dir, *events):
    return ev.score(read_gold_dir(gold_dir, shared=gold_dir.parent), timeline(*events))


def test_gold_quotes_become_spans(gold_dir):
    doc = read_gold(gold_dir / "article.yaml", shared=gold_dir.parent)
    attack = doc.events[0]
    assert [TEXT[a:b] for a, b in attack.spans] == ["Rebels attacked the border post", "the truce may fail"]
    assert doc.published == dt.date(2024, 3, 7) and not doc.events[3].required


def test_missing_quote_is_a_clear_error(gold_dir):
    (gold_dir / "article.yaml").write_text(GOLD.replace("The army answered", "The navy answered"))
    with pytest.raises(GoldError, match=r"article\.yaml:\d+:\d+: events\[\d\]\.(quote|also\[\d\]): not in the article"):
        read_gold_dir(gold_dir, shared=gold_dir.parent)


def test_perfect_prediction(gold_dir):
    report = scored(
        gold_dir,
        pred("a", "attacked the border", date="2024-03-04", actors=["Rebels"], rel=[("before", "s")]),
        pred("s", "answered with shelling", date="2024-03-04/2024-03-07", actors=["Army"]),
        pred("t", "signed a truce", type_="ceasefire", actors=["Rebels", "Army"], rel=[("after", "a")]),
    )["overall"]
    assert (report["precision"], report["recall"], report["f1"]) == (1.0, 1.0, 1.0)
    assert report["type_accuracy"] == 1.0 and report["actor_f1"] == 1.0
    assert report["soundness"] == 1.0 and report["within_bounds"] == 1.0
    assert report["ordering"] == 1.0 and report["baseline_ordering"] == 0.0
    assert report["baseline_soundness"] == 0.0


def test_actor_names_agree_without_case_or_accents(gold_dir):
    """'REBELS' or 'Rébels' is the gold's 'Rebels': a party is not missed for its spelling's accents."""
    report = scored(gold_dir, pred("a", "attacked the border", actors=["Rébels"]),
                    pred("s", "answered with shelling", actors=["ARMY"]))["overall"]
    assert report["actor_f1"] == 1.0


def test_also_quote_matches_and_second_mention_is_a_duplicate(gold_dir):
    report = scored(gold_dir, pred("a", "the truce may fail"), pred("b", "Rebels attacked"))["overall"]
    assert report["matched"] == 1 and report["duplicates"] == 1
    assert report["precision"] == 0.5 and report["recall"] == pytest.approx(1 / 3, abs=1e-3)


def test_exact_clause_wins_over_a_whole_sentence(gold_dir):
    long = pred("s", "Rebels attacked the border post on Monday. The army answered", type_="attack")
    exact = pred("a", "Rebels attacked the border post", type_="statement")
    doc = read_gold_dir(gold_dir, shared=gold_dir.parent)[0]
    pairs, counts, lists = ev.match(doc, [long, exact])
    assert {(g.id, p.id) for g, p in pairs} == {("attack", "a"), ("shelling", "s")}
    assert counts["duplicates"] == 0 and [g.id for g in lists["missed"]] == ["truce"]


def test_details_name_each_problem(gold_dir):
    events = [pred("a", "Rebels attacked", type_="ceasefire", date="2024-03-06", rel=[("after", "s")]),
              pred("s", "shelling"), pred("x", "Later"), pred("d", "border post")]
    text = ev.details(read_gold_dir(gold_dir, shared=gold_dir.parent), timeline(*events))
    for expected in ("missed truce", "false positive x", "duplicate d", "type attack: gold attack, predicted ceasefire",
                     "unsound date attack", "order not found: attack before shelling"):
        assert expected in text


def test_optional_gold_is_neither_reward_nor_penalty(gold_dir):
    report = scored(gold_dir, pred("c", "Officials said", type_="statement"), pred("x", "Later"))["overall"]
    assert report["false_positives"] == 1 and report["precision"] == 0.0 and report["recall"] == 0.0


def test_unsound_and_loose_dates(gold_dir):
    report = scored(gold_dir, pred("a", "Rebels attacked", date="2024-03-05"), pred("s", "shelling"))["overall"]
    assert report["soundness"] == 0.5  # a: wrong day; s: open window contains anything
    assert report["within_bounds"] == 0.0  # a is outside the text's bounds, s is wider than them
    assert report["open_ended"] == 0.5


def test_ordering_from_transitive_relations_and_from_dates(gold_dir):
    report = scored(
        gold_dir,
        pred("a", "Rebels attacked", rel=[("before", "m")]),
        pred("m", "The army answered", date="2024-03-05", rel=[("before", "t")]),
        pred("t", "signed a truce", type_="ceasefire"),
    )["overall"]
    assert report["ordered_pairs"] == 2 and report["ordering"] == 1.0


def test_wrong_order_is_counted(gold_dir):
    report = scored(gold_dir, pred("a", "Rebels attacked", rel=[("after", "s")]), pred("s", "shelling"))["overall"]
    assert report["ordering"] == 0.0


def test_table_lists_documents_and_overall(gold_dir):
    table = ev.format_table(scored(gold_dir, pred("a", "Rebels attacked")))
    assert "article" in table and "OVERALL" in table and "nothing" in table


def test_floors_fail_and_raise_but_never_lower_silently():
    report = {"overall": {"f1": 0.5, "soundness": 0.9}}
    assert ev.floor_failures(report, {"overall.f1": 0.6, "overall.soundness": 0.5}) == [
        "overall.f1 = 0.5000 is below its floor 0.6000"
    ]
    assert ev.raised_floors(report, {"overall.soundness": 0.5}) == {"overall.soundness": 0.88}
    with pytest.raises(ev.FloorError, match="allow-lower-floors"):
        ev.raised_floors(report, {"overall.f1": 0.6})
    assert ev.raised_floors(report, {"overall.f1": 0.6}, allow_lower=True) == {"overall.f1": 0.48}


def test_cli_scores_a_predictions_file(gold_dir, tmp_path, capsys, monkeypatch):
    from timeline import store

    monkeypatch.setattr(store, "check", lambda timeline, base_dir=None, root=None: [], raising=False)
    path = tmp_path / "pred.yaml"
    data = timeline(pred("a", "Rebels attacked", date="2024-03-04")).model_dump(mode="json", exclude_none=True)
    path.write_text(json.dumps(data))
    out = tmp_path / "figures.json"
    assert main(["eval", "events", "--gold", str(gold_dir), "--predictions", str(path), "--json", str(out)]) == 0
    assert "OVERALL" in capsys.readouterr().out
    assert json.loads(out.read_text())["overall"]["matched"] == 1


def test_cli_reports_a_bad_gold_folder(tmp_path, capsys):
    assert main(["eval", "events", "--gold", str(tmp_path / "none")]) == 1
    assert "not a folder of gold files" in capsys.readouterr().err


def test_cli_reports_a_missing_predictions_file(gold_dir, tmp_path, capsys):
    assert main(["eval", "events", "--gold", str(gold_dir), "--predictions", str(tmp_path / "x.yaml")]) == 1
    assert "x.yaml" in capsys.readouterr().err


def test_docs_cover_every_option():
    from timeline.cli import build_parser

    parser = build_parser()
    eval_parser = next(a for a in parser._subparsers._group_actions[0].choices["eval"]._actions if a.dest == "target")
    options = [o for a in eval_parser.choices["events"]._actions for o in a.option_strings if o.startswith("--") and o != "--help"]
    doc = (Path(__file__).resolve().parents[1] / "docs" / "evaluation-events.md").read_text()
    assert options and [o for o in options if f"`{o}" not in doc] == []


def test_curated_seed_timeline_scores_high_on_the_seed_gold():
    """The hand-curated events.yaml of the seed article, read by the real gold reader and matcher.

    Soundness 1.0 also holds the anchors and the dates the solver narrowed from them to the real dates."""
    from timeline import store
    from timeline.evaluate.gold import shared_dir

    root = Path(__file__).resolve().parents[1]
    if not (shared_dir() / "gold").is_dir() or not (root / "events.yaml").exists():
        pytest.skip(f"gold timelines not found under {shared_dir()} (set TIMELINE_SHARED)")
    seed = [read_gold(p) for p in sorted((shared_dir() / "gold").glob("000_*.yaml"))]
    curated = store.loads((root / "events.yaml").read_text(encoding="utf-8"))  # the store reads 2023-12-26 as text
    figures = ev.score(seed, curated)["overall"]
    assert figures["recall"] >= 0.9 and figures["precision"] >= 0.9
    assert figures["soundness"] == 1.0 and figures["baseline_soundness"] < figures["soundness"]


def _predictions_file(tmp_path, monkeypatch):
    from timeline import store

    monkeypatch.setattr(store, "check", lambda timeline, base_dir=None, root=None: [], raising=False)
    path = tmp_path / "pred.yaml"
    data = timeline(pred("a", "Rebels attacked", date="2024-03-04")).model_dump(mode="json", exclude_none=True)
    path.write_text(json.dumps(data))
    return str(path)


def test_cli_floor_gate_and_update(gold_dir, tmp_path, monkeypatch, capsys):
    floors = tmp_path / "floors.json"
    monkeypatch.setattr(ev, "FLOORS_FILE", floors)
    args = ["eval", "events", "--gold", str(gold_dir), "--predictions", _predictions_file(tmp_path, monkeypatch)]
    key = f"{gold_dir.name}.overall.recall"  # a gold folder other than the shared one: its own floors
    floors.write_text(json.dumps({key: 0.9, "overall.recall": 0.95}))
    assert main(args + ["--check-floors"]) == 1
    assert key in capsys.readouterr().err
    assert main(args + ["--update-floors"]) == 1  # would lower the floor: refused, file kept
    assert json.loads(floors.read_text()) == {key: 0.9, "overall.recall": 0.95}
    assert main(args + ["--update-floors", "--allow-lower-floors"]) == 0
    # the shared gold's floor is not judged, nor moved, by another folder's figures
    assert json.loads(floors.read_text()) == {key: round(1 / 3 - ev.FLOOR_MARGIN, 4), "overall.recall": 0.95}
    assert main(args + ["--check-floors"]) == 0


@pytest.mark.parametrize(
    "relation, a, b, expected",
    [
        ("before", "2024-03-01", "2024-03-02", True),
        ("before", "2024-03", "2024-03-31", False),  # the windows meet
        ("after", "2024-04", "2024-03", True),
        ("during", "2024-03-05", "2024-03", False),  # a window is not an extent
        ("during", "2024-03-05", "2024-03-05", True),
        ("overlaps", "2024-03-05", "2024-03-05", True),
        ("same", "2024-03", "2024-03", False),
    ],
)
def test_windows_entail_only_what_they_must(relation, a, b, expected):
    from timeline import dates

    assert ev._implied_by_windows(relation, dates.parse(a), dates.parse(b)) is expected


def test_a_timeline_extracted_by_the_cli_is_scored_against_its_gold(gold_dir, tmp_path, capsys):
    """`timeline extract` names the article by its stem and text hash; the gold still finds it."""
    path = tmp_path / "pred.yaml"
    argv = ["extract", str(tmp_path / "article.txt"), "--published", "2024-03-07", "-o", str(path), "--no-progress"]
    assert main(argv) == 0
    out = tmp_path / "figures.json"
    assert main(["eval", "events", "--gold", str(gold_dir), "--predictions", str(path), "--json", str(out)]) == 0
    assert json.loads(out.read_text())["overall"]["matched"] >= 1


def test_gold_party_names_are_read_through_the_organisations_list():
    """An analyst's 'Houthis' or 'Abu Sayyaf' is the party the list calls 'Houthi movement' or
    'Abu Sayyaf Group'; a name the list lacks stays as written."""
    assert ev.canonical_parties(["Houthis", "Abu Sayyaf", "Rebels"]) == {"Houthi movement", "Abu Sayyaf Group",
                                                                          "Rebels"}


def test_a_states_named_force_is_that_state_in_the_actor_comparison(tmp_path):
    """'Police' is written as the state in some gold files and as the named national force in others
    (ACLED: "Police Forces of <Country>"): both sides compare a state's own force as the state, so
    'Lesotho' and 'the Lesotho Mounted Police Service' agree, and a rebel army named after a place
    stays itself."""
    text = "The Lesotho Mounted Police Service arrested four miners in Maseru on Monday."
    gold = textwrap.dedent(
        """
        document: article.txt
        published: 2024-03-07
        events:
          - id: arrest
            type: arrest
            quote: "arrested four miners in Maseru"
            actors: [Lesotho]
            bounds: 2024-03-04
        """
    )
    folder = gold_folder(tmp_path, text, gold)
    start = text.index("arrested")
    event = Event(id="p", title="p", type="arrest", actors=["Lesotho Mounted Police Service"],
                  sources=[Source(document="article", quote="arrested", start=start, end=start + len("arrested"))])
    document = Document(id="article", published=dt.date(2024, 3, 7), text=text)
    report = ev.score(read_gold_dir(folder, shared=tmp_path), Timeline(documents=[document], events=[event]))
    assert report["overall"]["actor_f1"] == 1.0


def test_state_forces_examples():
    """Every example of state_forces.yaml: a force named by its state, a police force by its region's
    state, and rebels' armies ('Arakan Army', 'Revolutionary Armed Forces of Colombia') themselves."""
    from timeline.evaluate import state_forces

    for name, state in state_forces.rules()["examples"].items():
        assert state_forces.state_of_force(name) == state, name
