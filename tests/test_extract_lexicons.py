"""Every lexicon entry carries an example; each example must do what the entry says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.extract import lexicon
from timeline.extract.names import names_in
from timeline.extract.modality import modality_of
from timeline.extract.lemmas import verb_forms
from timeline.extract.triggers import rules, triggers_in
from timeline.taxonomy import type_names

TRIGGERS = lexicon.load("triggers")["triggers"]


def test_every_event_type_has_triggers():
    assert {t["type"] for t in rules()} == set(type_names())


def test_rule_names_are_unique():
    names = [t["name"] for t in TRIGGERS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("entry", TRIGGERS, ids=[t["name"] for t in TRIGGERS])
def test_trigger_example_fires(entry):
    for example in [entry["example"], *entry.get("more_examples", [])]:  # a rule may give more
        found = triggers_in(example)
        assert entry["name"] in {t.rule for t in found}, (example, [t.rule for t in found])


@pytest.mark.parametrize("entry", [t for t in TRIGGERS if "counterexample" in t],
                         ids=[t["name"] for t in TRIGGERS if "counterexample" in t])
def test_trigger_counterexample_does_not_fire(entry):
    """A rule's counterexample is the reading its pattern leaves out ('released a statement')."""
    assert entry["name"] not in {t.rule for t in triggers_in(entry["counterexample"])}


def _entries(file: str, key: str) -> list[dict]:
    return lexicon.load(file)[key]


NAMED = [("states", "states"), ("organisations", "organisations"), ("people", "people"), ("gazetteer", "places")]
NAME_CASES = [(e, file) for file, key in NAMED for e in _entries(file, key)]


@pytest.mark.parametrize("entry,file", NAME_CASES, ids=[f"{f}:{e['name']}" for e, f in NAME_CASES])
def test_name_example_resolves(entry, file):
    found = names_in(entry["example"], 0, len(entry["example"]))
    resolved = {m.name for m in found} | {m.state for m in found if m.state}
    target = entry["name"]
    assert target in resolved or (file == "states" and entry["capital"] in resolved), found


ORGANISATIONS = _entries("organisations", "organisations")


def test_no_name_stands_for_two_entries():
    """A surface name (case aside) names one party: a second entry would silently take it ('JEM', 'JeM')."""
    owners: dict[str, set[str]] = {}
    for file, key in NAMED:
        for entry in _entries(file, key):
            for name in [entry["name"], *entry.get("aliases", []), *entry.get("demonyms", [])]:
                owners.setdefault(name.lower(), set()).add(f"{file}:{entry['name']}")
    shared = {name: found for name, found in owners.items() if len(found) > 1}
    assert shared == {}


def test_every_organisation_name_survives_a_preceding_article():
    """'the Caucasus Emirate' is the group, not the place 'the Caucasus': no longer name that begins
    earlier (an alias starting with 'the') swallows an organisation's name or alias."""
    missed = []
    for entry in ORGANISATIONS:
        for name in [entry["name"], *entry.get("aliases", [])]:
            text = f"The {name} said."
            if entry["name"] not in {m.name for m in names_in(text, 0, len(text))}:
                missed.append(name)
    assert missed == []


def test_typo_tolerant_surname():
    found = names_in("Pashnyan met Aliev.", 0, 19)
    assert [m.name for m in found] == ["Nikol Pashinyan", "Ilham Aliyev"]


MODALITY = _entries("modality", "cues")


@pytest.mark.parametrize("entry", MODALITY, ids=[c["name"] for c in MODALITY])
def test_modality_example(entry):
    modality, names = modality_of(entry["example"])
    assert entry["name"] in names and modality == entry["modality"]


@pytest.mark.parametrize("entry", [c for c in MODALITY if c.get("counterexample")],
                         ids=[c["name"] for c in MODALITY if c.get("counterexample")])
def test_modality_counterexample(entry):
    """'offered a reward to whoever helps': 'to' before a recipient is no promise of an act."""
    assert entry["name"] not in modality_of(entry["counterexample"])[1]


def test_not_only_is_not_negation():
    assert modality_of("but now he not only")[0] == "asserted"


def test_rules_sorted_most_specific_first():
    weights = [r["weight"] for r in rules()]
    assert weights == sorted(weights, reverse=True)


def test_opening_dispatch_matches_one_big_alternation():
    from timeline.extract.triggers import trigger_pattern

    text = (ARTICLE := "Rebels attacked a post; the \"null and void\" deal was signed. Talks resumed, "
            "and 2 bombs went off. NATO troops withdrew after the summit and fled.")
    expected = [(m.start(), m.end()) for m in trigger_pattern().finditer(ARTICLE)]
    assert [(t.start, t.end) for t in triggers_in(text)] == expected


def test_opening_dispatch_finds_what_every_rule_tried_everywhere_finds(monkeypatch):
    from timeline.extract import triggers

    text = ("GUERRILLAS KIDNAPPED a mayor; Élysée talks, a ceasefire in Đà Nẵng, troops attaçked and "
            "wıthdrew, ſtrikes ended. The army will not negotiate; they vowed to release him. Dockers began "
            "a three-day strike before the minister's two-day visit.")  # rules that open on any word
    articles = sorted((Path(__file__).parent / "data").glob("*/*.txt"))  # the test and unseen articles
    samples = [text, *(a.read_text(encoding="utf-8") for a in articles)]
    found = [triggers_in(sample) for sample in samples]
    every_rule = tuple(range(len(rules())))
    every_word = re.compile(rf"(?P<anywhere>){triggers._WORD_START}")  # every word start, every rule
    monkeypatch.setattr(triggers, "_candidates", lambda: every_word)
    monkeypatch.setattr(triggers, "_rules_at", lambda opening, anywhere: every_rule)
    assert found == [triggers_in(sample) for sample in samples]
    assert sum(map(len, found)) > 200


def test_rule_alternations_find_behind_their_openings_what_they_find_without():
    """``compile_rules`` puts the openings of its rules' matches before the alternation: the
    matches, and the rule each names, are those of the bare alternation."""
    from timeline.extract import modality, triggers

    articles = sorted((Path(__file__).parent / "data").glob("*/*.txt"))
    text = "\n\n".join(a.read_text(encoding="utf-8") for a in articles) + "\nTHE ARMY WILL NOT NEGOTIATE, Élysée said."
    alternations = [rules(), modality.cues(), triggers.other_senses()[0], lexicon.load("triggers")["support"]]
    for entries in alternations:
        groups = "|".join(f"(?P<r{i}>{e['pattern']})" for i, e in enumerate(entries))
        bare = re.compile(rf"(?<![\w-])(?:{groups})(?![\w-])", re.IGNORECASE)
        guarded = lexicon.compile_rules(entries)
        assert lexicon.openings_first(groups) in guarded.pattern
        found = [(m.span(), m.lastgroup) for m in guarded.finditer(text)]
        assert found == [(m.span(), m.lastgroup) for m in bare.finditer(text)] and found


def test_rules_opening_a_word_are_those_a_scan_of_every_rule_finds():
    from timeline.extract.triggers import _OPENING, _rules_opening

    openings = [lexicon.openings(rule["pattern"], _OPENING) for rule in rules()]
    for key in ["att", "kid", "the", "a", "", "ab", "zzz", "wit", '"ca', "ce", "sig", "ret"]:
        scan = tuple(i for i, found in enumerate(openings) if any(key.startswith(o) or o.startswith(key) for o in found))
        assert _rules_opening(key) == scan, key


@pytest.mark.parametrize("pattern, expected", [
    ("attacked|bomb(?:ed|s)", {"att", "bom"}),
    ("(?:(?<=\\bto )|(?<=\\bwill ))(?:halt|end)", {"hal", "end"}),
    ("[Ss]ign(?:ed)?", {"sig"}),
    ("a(?:\\s+)?bomb", {"a", "abo"}),  # a class stands for anything from there on
    ("(?:the )?raid", {"the", "rai"}),
    ("ca(?:ll)?", {"cal", "ca"}),  # 'ca' may end the match: any continuation
    ("attach(?:e|é)s", {"att"}),
    ("écrasé", {""}),  # beyond ASCII the regex engine judges case: anything
])
def test_openings_of_a_rule(pattern, expected):
    assert lexicon.openings(pattern, 3) == expected


def test_openings_read_on_past_an_optional_item():
    """'(?:the )?fall of': a match opens 'the fall of' or 'fall of', not 'the ' and anything after
    (fewer word starts are tried: half the candidates of the trigger scan were a bare 'the')."""
    assert lexicon.openings("(?:the |a )?fall of", 8) == {"the fall", "a fall o", "fall of"}
    assert lexicon.openings("(?:the )??raid(?:s)?", 12) == {"the raids", "the raid", "raids", "raid"}


def test_every_place_and_state_of_the_lexicons_is_on_the_map():
    from timeline.map_figure import spot

    missing = [name for name in lexicon.coordinates() if spot(name) is None]
    assert missing == []
    assert (spot("Saint Petersburg").lat, spot("Saint Petersburg").lon) == (59.94, 30.31)
    assert spot("Turkey").area and not spot("Moscow").area


BOILERPLATE = lexicon.load("text")["boilerplate"]


@pytest.mark.parametrize("entry", BOILERPLATE, ids=[b["name"] for b in BOILERPLATE])
def test_boilerplate_example(entry):
    from timeline.extract.sentences import is_boilerplate

    assert is_boilerplate(entry["example"])


GROUPS = lexicon.load("coreference")["compatible"]


@pytest.mark.parametrize("entry", GROUPS, ids=[g["name"] for g in GROUPS])
def test_coreference_group_example(entry):
    import datetime as dt

    from timeline.extract import Options, extract
    from timeline.models import Document

    doc = Document(id="d", text="Story\n\n" + entry["example"], published=dt.date(2024, 1, 31))
    events = extract([doc], Options()).events
    assert len(events) == 1 and len(events[0].sources) == 2, [(e.type, [s.quote for s in e.sources]) for e in events]


def test_one_claim_per_party():
    import datetime as dt

    from timeline.extract import Options, extract
    from timeline.models import Document

    example = lexicon.load("coreference")["one_per_party"]["example"]
    doc = Document(id="d", text="Story\n\n" + example, published=dt.date(2024, 1, 31))
    claims = [e for e in extract([doc], Options()).events if e.type == "statement"]
    assert len(claims) == 1 and len(claims[0].sources) == 2


INSTRUMENTS = lexicon.load("instruments")["instruments"]


@pytest.mark.parametrize("entry", INSTRUMENTS, ids=[r["name"] for r in INSTRUMENTS])
def test_instrument_example_refines_the_attack(entry):
    """An attack told with its instrument becomes that kind of attack (lexicons/instruments.yaml)."""
    from timeline.extract import extract
    from timeline.models import Document

    events = extract([Document(id="d", text="Story\n\n" + entry["example"])]).events
    assert entry["type"] in {e.type for e in events}, [(e.type, e.sources[0].quote) for e in events]


def test_what_is_fired_is_no_target_what_it_is_fired_at_is():
    """'fired tear gas at the marchers': the marchers were targeted, the gas is the means
    (lexicons/instruments.yaml, projectiles); without the list the gas was the target."""
    from timeline.extract import extract
    from timeline.models import Document

    entry = lexicon.load("instruments")["projectiles"]
    [event] = extract([Document(id="d", text="Story\n\n" + entry["example"])]).events
    assert entry["target"] in event.targets and not any("gas" in t for t in event.targets), event.targets


LEMMA_CLASSES = lexicon.load("lemmas")["classes"]


@pytest.mark.parametrize("entry", LEMMA_CLASSES, ids=[c["name"] for c in LEMMA_CLASSES])
def test_lemma_class_example_is_typed(entry):
    """Each lemma class's example holds a trigger of the class's type (a hand-written phrase of
    triggers.yaml may be the one that fires there: both name the same kind of event)."""
    for example in [entry["example"], *entry.get("more_examples", [])]:  # a class may give more
        found = triggers_in(example)
        assert entry["type"] in {t.type for t in found}, (example, [(t.rule, t.type) for t in found])


@pytest.mark.parametrize("entry", [c for c in LEMMA_CLASSES if "counterexample" in c],
                         ids=[c["name"] for c in LEMMA_CLASSES if "counterexample" in c])
def test_lemma_class_counterexample_is_not_typed(entry):
    """A class's counterexample holds its words in a sense that is no event of its type."""
    found = triggers_in(entry["counterexample"])
    assert entry["type"] not in {t.type for t in found}, [(t.rule, t.type) for t in found]


@pytest.mark.parametrize("entry", [c for c in LEMMA_CLASSES if "verbs" in c and "followed_by" not in c],
                         ids=[c["name"] for c in LEMMA_CLASSES if "verbs" in c and "followed_by" not in c])
def test_every_verb_lemma_fires_in_the_past_and_after_a_modal(entry):
    """lemminflect's forms of every verb: 'Rebels <past> it.' and 'Rebels will <base> it.'"""
    from timeline.extract.lemmas import class_pattern

    pattern = re.compile(class_pattern(entry), re.IGNORECASE)
    for verb in entry["verbs"]:
        free, base = verb_forms(verb)
        past = sorted(f for f in free if not f.split()[0].endswith(("ing", "s")))
        assert past and all(pattern.search(f"Rebels {form} it.") for form in past), (verb, past)
        assert all(pattern.search(f"Rebels will {form} it.") for form in base), (verb, base)


@pytest.mark.parametrize("text,fires", [
    ("The charge was hidden in a stolen taxi parked near the entrance.", False),  # describes the taxi
    ("Police found a burned car near the border.", False),
    ("Gunmen stole a taxi on Monday.", True),  # the act itself
    ("Rebels burned a car.", True),
    ("The car was stolen in Cali.", True),
])
def test_a_participle_between_a_and_its_noun_tells_no_act(text, fires):
    """'a stolen taxi' says what the taxi is, not that a robbery is told (generated lemma forms)."""
    assert any(t.type in ("robbery", "arson") for t in triggers_in(text)) is fires


@pytest.mark.parametrize("text,fires", [
    ("The president visited the wounded at the hospital this morning.", False),  # the people it befell
    ("Among the injured were two children.", False),
    ("The blast wounded twelve people.", True),
])
def test_a_participle_after_the_with_no_noun_is_its_people(text, fires):
    """'the wounded', 'the injured': the people the act befell, no act of their own sentence."""
    assert any(t.type == "attack" for t in triggers_in(text)) is fires


RECIPIENTS = lexicon.load("recipients")["recipients"]


@pytest.mark.parametrize("entry", RECIPIENTS, ids=[r["type"] for r in RECIPIENTS])
def test_recipient_example_is_a_target(entry):
    """The party a type's prepositions name is a target of the event, not one of its actors
    (lexicons/recipients.yaml)."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    events = [e for e in extract([Document(id="d", text=entry["example"])], Options(solve=False)).events
              if e.type == entry["type"]]
    assert events, entry["example"]
    assert entry["recipient"] in events[0].targets and entry["recipient"] not in events[0].actors, \
        (events[0].actors, events[0].targets)


@pytest.mark.parametrize("example", lexicon.load("text")["news_sources"]["examples"], ids=lambda e: e["source"])
def test_news_source_is_no_party(example):
    """The agency a dateline or 'according to' names told the news; it took no part in the event."""
    from timeline.extract import extract
    from timeline.models import Document

    events = extract([Document(id="d", text="Story\n\n" + example["text"])]).events
    assert events and all(example["source"] not in e.actors + e.targets for e in events), [(e.type, e.actors) for e in events]


@pytest.mark.parametrize("example", lexicon.load("text")["new_subject"]["examples"], ids=lambda e: e["text"][:40])
def test_a_new_subject_after_and_opens_a_clause(example):
    """'..., and the gunners shelled ...': a coordinator before a new subject and its verb joins two events."""
    from timeline.extract import extract
    from timeline.models import Document

    events = extract([Document(id="d", text="Story\n\n" + example["text"])]).events
    assert sorted(e.type for e in events) == sorted(example["types"]), [(e.type, e.sources[0].quote) for e in events]


def test_two_subjects_of_a_reported_clause_stay_one_clause():
    """'said two guards and a driver were hurt': after a verb of saying, 'and' joins two subjects."""
    from timeline.extract.clauses import clauses_of

    text = lexicon.load("text")["new_subject"]["counterexample"]["text"]
    assert len(clauses_of(text, 0, len(text), 0)) == lexicon.load("text")["new_subject"]["counterexample"]["clauses"]


FINITE_VERB = lexicon.load("text")["finite_verb"]


@pytest.mark.parametrize("example", FINITE_VERB["examples"], ids=lambda e: e["text"][:40])
def test_a_clause_after_a_preposition_tells_its_own_act(example):
    """'after the rebels declared a truce': a subject and its verb after 'after' make a clause whose
    nominal is an event of its own; 'after three rounds of talks' stays the main clause's setting."""
    from timeline.extract import extract
    from timeline.models import Document

    events = extract([Document(id="d", text="Story\n\n" + example["text"])]).events
    assert sorted(e.type for e in events) == sorted(example["types"]), [(e.type, e.sources[0].quote) for e in events]


def test_a_participle_after_a_noun_is_no_finite_verb():
    """'a statement released to reporters': a past form before 'to' describes the noun before it."""
    from timeline.extract.clauses import holds_finite_verb

    text = FINITE_VERB["counterexample"]["text"]
    assert holds_finite_verb(text, 0, text.index(",")) is FINITE_VERB["counterexample"]["finite"]


VERB_TESTS = [  # (words, a finite verb after the opening word, a verb of any kind)
    ("after the militia burned the depot", True, True),
    (", shelling the ridge at dawn", False, True),
    ("Early on Tuesday", False, False),
]


@pytest.mark.parametrize(("words", "finite", "verb"), VERB_TESTS, ids=[v[0][:20] for v in VERB_TESTS])
def test_the_verb_tests_read_capitals_as_mixed_case(words, finite, verb):
    """One finite-verb test for the clause cues and the frame (`clauses.holds_finite_verb`, and
    `holds_verb`, which adds participles): wire copy in capitals reads as mixed case does."""
    from timeline.extract.clauses import holds_finite_verb, holds_verb

    for text, caps in ((words, False), (words.upper(), True)):
        assert (holds_finite_verb(text, 0, len(text), caps), holds_verb(text, 0, len(text), caps)) == (finite, verb), text


def test_backer_aside_is_no_actor():
    """'M23 rebels, backed by Rwanda, seized Goma': the subject before the aside did the act."""
    from timeline.extract import extract
    from timeline.models import Document

    example = lexicon.load("text")["backer_aside_example"]
    events = extract([Document(id="d", text="Story\n\n" + example["text"])]).events
    acts = [e for e in events if e.type != "support"]
    assert acts and all(example["actor"] in e.actors and example["backer"] not in e.actors for e in acts), \
        [(e.type, e.actors) for e in events]


OTHER_SENSES = lexicon.load("triggers")["other_senses"]


@pytest.mark.parametrize("entry", OTHER_SENSES, ids=[e["name"] for e in OTHER_SENSES])
def test_an_other_sense_names_no_event_of_its_type(entry):
    """'demonstrates a lack of', 'fighting corruption': the word is there, the event is not."""
    assert entry["type"] not in {t.type for t in triggers_in(entry["example"])}
    assert entry["type"] in {t.type for t in triggers_in(entry["counterexample"])}


# Rules of triggers.yaml whose example has no event of its type and whose counterexample has one:
# 'questioned the detained suspect' (attributive: the arrest is presupposed, 'detained a suspect'
# tells it); 'Asked about the convoy, the minister said ...' (speech_occasion: the asking frames the
# saying, 'asked the rebels to' is an appeal); 'an assault on free speech' (figurative: it hurts no
# one, 'an assault on his home' is an attack).
NO_EVENT_RULES = ["attributive", "speech_occasion", "figurative", "renamed"]


@pytest.mark.parametrize("key", ["example", "counterexample"])
@pytest.mark.parametrize("rule", NO_EVENT_RULES)
def test_a_rules_example_tells_no_event_of_its_type_and_its_counterexample_does(rule, key):
    """Each rule's own sentences: the example tells a state, an occasion or a figure, not the act."""
    from timeline.extract import Options, extract
    from timeline.models import Document

    case = lexicon.load("triggers")[rule][key]
    found = {e.type for e in extract([Document(id="d", text=case["text"])], Options(solve=False)).events}
    assert (case["type"] in found) == (key == "counterexample"), found


@pytest.mark.parametrize("pattern, expected", [
    (r"\w+-day strikes?", {lexicon.RUN + "-day"}),  # a run of word characters stands as itself
    (r"(?:state |\w+-day )?visits?", {"state", lexicon.RUN + "-day", "visit"}),
    (r"\w*-day", {"", "-day"}),  # an empty run may open anywhere: no guard
])
def test_openings_with_runs_of_word_characters(pattern, expected):
    assert lexicon.openings(pattern, 5, runs=True) == expected


def test_a_guard_with_runs_finds_what_the_bare_rules_find():
    """``runs_first`` before the rules that open on any word: the same matches as without it; the
    run is possessive only when no word character can follow it."""
    articles = sorted((Path(__file__).parent / "data").glob("*/*.txt"))
    text = "\n\n".join(a.read_text(encoding="utf-8") for a in articles) + (
        "\nWorkers began a five-day strike; the minister's half-day visit and a state visit were cut short. "
        "A TWO-DAY STRIKE, a one-day-strike, a tour of the port. Strafing raids went on.")
    for pattern in (r"(?:\w+-day|national) strikes?|tours? of", r"(?:state |\w+-day )?visits?", r"\w+ing raids?"):
        guard = lexicon.runs_first(pattern)
        assert guard and (r"\w++" in guard) == ("ing" not in pattern)
        bare = re.compile(rf"(?<![\w-])(?:{pattern})", re.IGNORECASE)
        guarded = re.compile(rf"(?<![\w-]){guard}(?:{pattern})", re.IGNORECASE)
        found = [m.span() for m in guarded.finditer(text)]
        assert found == [m.span() for m in bare.finditer(text)] and found


def test_possessor_of_an_act_undergone_is_its_target():
    """'after Ana Marquez's murder': the possessive names who was killed (lexicons/recipients.yaml,
    possessor_undergoes); before it she was read as the killer and the event had no target."""
    from timeline.extract import extract
    from timeline.models import Document

    entry = lexicon.load("recipients")["possessor_undergoes"]
    events = extract([Document(id="d", text="Story\n\n" + entry["example"])]).events
    [killing] = [e for e in events if e.type == "killing"]
    assert killing.targets == [entry["target"]] and killing.actors == [], (killing.targets, killing.actors)
