"""The extraction pipeline: stages as data, sentences and clauses, and scores on gold articles.

The seed article is scored against ../shared/gold (skipped when the shared folder is absent);
the hand-written articles in tests/data/articles keep the rules honest on other conflicts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from timeline.taxonomy import agrees, of_class

from timeline.evaluate.events import run_extractor, score
from timeline.evaluate.gold import read_gold, shared_dir
from timeline.extract import Options, extract
from timeline.extract.clauses import clauses_of
from timeline.extract.pipeline import stages
from timeline.extract.sentences import _sentence_spans, is_boilerplate
from timeline.models import Document

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED_GOLD = shared_dir() / "gold" / "000_b6a62961ae883b3c.yaml"


def test_stage_list_resolves():
    names = [name for name, _ in stages()]
    assert names[0] == "boilerplate" and "coreference" in names and len(names) == len(set(names))


@pytest.mark.parametrize("text,count", [
    ("They met in St. Petersburg. Then they left.", 2),
    ("The U.S. Army arrived. Gen. Smith spoke.", 2),
    ("George H. W. Bush met him. Talks ended.", 2),
    ("A magnitude 9 . 1 quake struck . 230 people died .", 2),  # tokenised text: spaced decimal point
    ("The toll rose to 12. 15 more were missing.", 2),  # a point after a number that ends a sentence
    ("Sudan bombed the camp on Thursday , Nov . 10 , officials said .", 1),  # tokenised abbreviation
    ("Yida , South Sudan , was bombed .", 1),
    ("The shelling began at about 9:20 p.m. Eleven shells landed near the depot.", 2),  # a clock ends one
    ("The attack took place at 7 p.m. Monday near the base.", 1),
    ("THE ATTACK TOOK PLACE AT 7 P.M. YESTERDAY NEAR THE BASE.", 1),
])
def test_sentences_keep_abbreviations(text, count):
    assert len(_sentence_spans(text, 0, len(text))) == count


def _clause_quotes(text: str) -> list[str]:
    return [text[c.start:c.end] for c in clauses_of(text, 0, len(text), 0)]


def test_clauses_cut_at_connectives_not_noun_phrases():
    text = "When Chile and the United States held naval drills, Peru protested and then relented."
    quotes = _clause_quotes(text)
    assert quotes[0] == "When Chile and the United States held naval drills"
    assert quotes[1] == "Peru protested" and quotes[2].startswith("and then relented")


@pytest.mark.parametrize("text", ["THE MAYOR WAS KIDNAPPED BY THE SO-CALLED CAMILIST UNION.",
                                  "Police raided a once-powerful cartel's ranch."])
def test_a_connective_inside_a_hyphenated_word_opens_no_clause(text):
    """'the so-called ELN', 'a once-powerful cartel': 'so' and 'once' there are no connectives."""
    assert _clause_quotes(text) == [text]


def test_one_sentence_per_line_text_splits_at_line_breaks():
    text = ("Gunman Kills Two at Office\nPublished : April 10 , 2007\nA man shot two people .\n"
            "Police arrested him .\nHe was charged .\nA court hears the case today .\n")
    assert [text[a:b] for a, b in _sentence_spans(text, 0, len(text))][:2] == [
        "Gunman Kills Two at Office", "Published : April 10 , 2007"]


def test_hard_wrapped_lines_stay_one_sentence():
    text = "Rebels attacked the town of\nSan Miguel on Monday, the army said\nin a statement. Two soldiers died.\n"
    assert len(_sentence_spans(text, 0, len(text))) == 2


def test_clauses_keep_tokenised_numbers_whole():
    text = "In 2004 , a tsunami killed 230 , 000 people , officials said ."
    quotes = _clause_quotes(text)
    assert quotes == ["In 2004", "a tsunami killed 230 , 000 people", "officials said ."]


@pytest.mark.parametrize("line", ["Related Pages", "Eastern Desk Updated on 2024-03-02",
                                  "http : / / www . example . com / 2007 / 04 / 10 / us / shooting . html",
                                  "By Jane Smith, Reuters", "Monday, January 28, 2019"])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


def test_boilerplate_is_not_an_article_sentence():
    assert not is_boilerplate("Rebels attacked the town on Monday, killing three.")


def _extract(text: str, published=dt.date(2024, 1, 31)):
    return extract([Document(id="d", text=text, published=published)], Options())


def test_quote_is_exact_substring_with_offsets():
    text = "Headline here\n\nRebels attacked a police post near the border, and the army then withdrew."
    timeline = _extract(text)
    assert timeline.events
    for event in timeline.events:
        for source in event.sources:
            assert text[source.start:source.end] == source.quote


def test_modality_and_open_dates():
    text = "Story\n\nThe rebels did not attack the town. The two leaders will meet next year in Oslo."
    events = {e.type: e for e in _extract(text).events}
    assert events["attack"].modality == "negated" and events["attack"].date == "../2024-01-31"
    assert events["meeting"].modality == "future" and events["meeting"].date.startswith("2025")


def test_cue_orders_events():
    text = "Story\n\nRebels attacked the town. Subsequently, the army deployed troops to the border."
    timeline = _extract(text)
    attack = next(e for e in timeline.events if e.type == "attack")
    troops = next(e for e in timeline.events if e.type == "mobilization")
    assert [(r.relation, r.target) for r in troops.relations] == [("after", attack.id)]


def test_ids_are_stable_and_unique():
    text = SEED_GOLD.read_text() if SEED_GOLD.exists() else (ARTICLES / "kashmir_crisis.txt").read_text()
    first = [e.id for e in _extract(text).events]
    assert first == [e.id for e in _extract(text).events] and len(first) == len(set(first))


def _scores(gold_path: Path) -> dict:
    gold = [read_gold(gold_path)]
    predicted, _ = run_extractor(gold)
    return score(gold, predicted)["overall"]


@pytest.mark.skipif(not SEED_GOLD.exists(), reason="shared gold folder not found (../shared or $TIMELINE_SHARED)")
def test_seed_targets():
    figures = _scores(SEED_GOLD)
    assert figures["recall"] == 1.0 and figures["precision"] >= 0.9
    assert figures["type_accuracy"] >= 0.9 and figures["actor_f1"] >= 0.9
    assert figures["soundness"] == 1.0 and figures["ordering"] >= 0.9


@pytest.mark.parametrize("name,recall,precision", [
    ("kashmir_crisis", 0.85, 0.85), ("sahel_convoy", 0.5, 0.6),
    ("tigray_truce", 0.85, 0.85),  # first run (unseen) R 0.73 P 0.89; 0.91 / 0.91 after disclosed general fixes
    ("lebanon_truce", 0.85, 0.9),  # first run (unseen) R 0.42 P 1.00, unsound 0.67; 0.92 / 1.00 after fixes
])
def test_own_articles(name, recall, precision):
    figures = _scores(ARTICLES / f"{name}.yaml")
    assert figures["recall"] >= recall and figures["precision"] >= precision
    assert figures["soundness"] in (None, 1.0)


def test_muc_dateline_is_not_text():
    text = "X-1 (N)\n\nSAN SALVADOR, 3 JAN 90 (RADIO) -- [TEXT] GUERRILLAS ATTACKED A POST. THE ATTACK TOOK PLACE ON 30 DECEMBER."
    timeline = _extract(text, published=dt.date(1990, 1, 3))
    [event] = timeline.events
    assert event.date == "1989-12-30" and len(event.sources) == 2


@pytest.mark.parametrize("dateline", [
    "CLANDESTINE, 8 JAN 90 (RADIO VENCEREMOS)-- [TEXT] ",  # no blank before the dashes
    "MOSCOW (USSR), NO DATE (DOMESTIC SERVICE) -- [TEXT] [CONTINUED] ",  # no date
    "BOGOTA, 27 APR 90 [INRAVISION TELEVISION CADENA 1) -- [SPEECH] [TEXT] ",  # mismatched brackets
    "SAN SALVADOR, 17 NOV 89 (INTERPRESS AGENCY [IPS]) -- [TEXT] ",
])
def test_irregular_muc_datelines_are_not_text(dateline):
    """Every MUC-4 train and dev dateline is skipped (1,286 of 1,300 train ones were before), so
    neither its date nor its source's name is read as the first sentence's."""
    text = f"X-1 (N)\n\n{dateline}GUERRILLAS ATTACKED A POST."
    [event] = _extract(text, published=dt.date(1990, 1, 8)).events
    assert event.sources[0].quote.startswith("GUERRILLAS ATTACKED") and event.date == "../1990-01-08"


def test_reported_event_is_no_later_than_the_report():
    text = "Story\n\nOn Saturday, the president said the rebel commander was killed in a raid."
    [event] = [e for e in _extract(text, published=dt.date(2019, 9, 17)).events if e.type == "attack"]
    assert event.date == "../2019-09-14" and event.date_inferred


def test_this_week_said_on_monday_lets_last_week_in():
    text = "Story\n\nThis week saw a referendum on autonomy."
    [event] = _extract(text, published=dt.date(2019, 1, 28)).events
    bounds = event.bounds
    assert bounds.earliest <= dt.date(2019, 1, 21) and bounds.latest == dt.date(2019, 1, 28)


def test_jobs_give_the_same_timeline():
    docs = [Document(id=p.stem, text=p.read_text(encoding="utf-8"), published=dt.date(2022, 2, 2))
            for p in sorted(ARTICLES.glob("*.txt"))]
    one = extract(docs, Options()).model_dump()
    two = extract(docs, Options(jobs=2)).model_dump()
    assert one == two


def test_output_passes_the_store_checks():
    from timeline.store import check

    docs = [Document(id=p.stem, text=p.read_text(encoding="utf-8"), published=dt.date(2022, 2, 2))
            for p in sorted(ARTICLES.glob("*.txt"))]
    timeline = extract(docs, Options())
    assert [str(p) for p in check(timeline)] == []


def test_following_day_counts_from_the_story():
    text = ("Story\n\nMinisters gathered in Rome on Wednesday to discuss the November 27 deal. "
            "In a statement issued the following day, Turkey rejected the conclusions of the summit.")
    refusal = next(e for e in _extract(text, published=dt.date(2020, 1, 11)).events if e.type == "refusal")
    assert refusal.date == "2020-01-09"


@pytest.mark.parametrize("text,quoted,date", [
    # a sentence opening on a day moves the story there, though no event of it takes the day
    ("Story\n\nOn Tuesday, gunmen burned houses in the suburb. On Wednesday, police launched an operation "
     "to drive the gangs out. Residents blocked roads with burning tyres the same day.", "tyres", "2024-11-20"),
    # the day a report was told on is no day of the story
    ("Story\n\nGunmen burned houses in the suburb on Tuesday, a rights group said in a report on Thursday. "
     "Residents blocked roads with burning tyres the same day.", "tyres", "2024-11-19"),
])
def test_the_same_day_is_the_story_s_day_not_the_report_s(text, quoted, date):
    events = _extract(text, published=dt.date(2024, 11, 22)).events
    assert [e.date for e in events if any(quoted in s.quote for s in e.sources)] == [date], [
        (e.type, e.date) for e in events]


def test_the_speech_is_the_speakers_first_act():
    text = ("Story\n\nYesterday, Rouhani called for foreign troops to leave the Gulf. "
            "He also accused the West of lying. The speech came a week after an attack on a refinery.")
    events = _extract(text, published=dt.date(2019, 9, 23)).events
    appeal = next(e for e in events if e.type == "appeal")
    attack = next(e for e in events if e.type == "attack")
    assert ("after", attack.id) in {(r.relation, r.target) for r in appeal.relations}


def test_a_calendar_date_of_its_own_makes_another_event():
    text = ("Story\n\nA powerful earthquake struck the province, the agency said. Buildings collapsed.\n\n"
            "In 2004 , a huge earthquake off the coast killed 230 , 000 people .")
    # deaths told alone are a killing, beside them 'struck' an attack: the dates are what is tested
    quakes = [e for e in _extract(text, published=dt.date(2013, 7, 2)).events if e.type in ("attack", "killing")]
    # the story's news comes after the background it dates in 2004 (news lead)
    assert sorted(e.date for e in quakes) == ["2004", "2004-01-01/2013-07-02"], [
        (e.date, [s.quote for s in e.sources]) for e in quakes]


def test_a_clause_that_dates_the_event_joins_it():
    text = "Story\n\nGunmen kidnapped two engineers near the border. The kidnapping took place on 30 December."
    [event] = [e for e in _extract(text, published=dt.date(2020, 1, 5)).events if e.type == "abduction"]
    assert event.date == "2019-12-30" and len(event.sources) == 2


def test_tokenised_place_list_is_not_cut():
    text = "Chad shelled the village of Tiné , Sudan , on Friday ."
    quotes = _clause_quotes(text)
    assert quotes[0] == "Chad shelled the village of Tiné , Sudan"


def test_a_mention_told_as_what_came_next_is_a_new_event():
    text = ("Story\n\nThe war broke out in November 2020. A truce declared in March collapsed in August, "
            "and fighting then spread to two neighbouring regions.")
    clashes = [e for e in _extract(text, published=dt.date(2022, 11, 4)).events if e.type == "armed_clash"]
    assert len(clashes) == 2 and "2020-11" in {e.date for e in clashes}


@pytest.mark.parametrize("lead", ["PRETORIA - ", "NEW DELHI (Reuters) - ", "KYIV, Ukraine — ", "PEMBA, June 14 - ",
                                  "KYIV, Ukraine, March 3, 2022 (Reuters) - ", "DUBAI/ADEN, Nov 2 - "])
def test_wire_dateline_is_not_evidence(lead):
    """A dateline, with its date too, is the report's: neither evidence nor the event's date."""
    text = f"Story\n\n{lead}Rebels attacked a police post on Monday."
    [event] = _extract(text, published=dt.date(2022, 11, 4)).events
    assert event.sources[0].quote.startswith("Rebels attacked") and event.date == "2022-10-31"


def test_the_reference_of_a_time_shift_is_not_at_the_sentences_date():
    text = "Story\n\nMilitants began firing rockets at the border town on 8 October 2023, a day after the raid on the port."
    events = _extract(text, published=dt.date(2024, 11, 28)).events
    raid = next(e for e in events if "raid" in e.sources[0].quote)
    assert raid.bounds.latest is None or raid.bounds.latest < dt.date(2023, 10, 8) or raid.date_inferred
    assert raid.date != "2023-10-08"


def _two_reports(second: str) -> list:
    first = Document(id="a", published=dt.date(2019, 9, 15),
                     text="Story\n\nYesterday, Houthi drones attacked the Saudi plant at Abqaiq, officials said.")
    later = Document(id="b", published=dt.date(2019, 9, 23), text="Story\n\n" + second)
    return [e for e in extract([first, later], Options()).events if agrees(e.type, "attack")]


def test_one_attack_told_by_two_documents_is_one_event_with_both_sources():
    [attack] = _two_reports("Houthi drones attacked oil plants in Saudi Arabia this month, killing no one.")
    assert {s.document for s in attack.sources} == {"a", "b"} and attack.date == "2019-09-14"


def test_attacks_at_two_cities_of_one_country_stay_apart():
    attacks = _two_reports("Houthi drones attacked the Saudi port of Jeddah on Friday.")
    assert len(attacks) == 2


def test_a_possessive_date_dates_its_noun_and_a_same_kind_nominal_shares_the_date():
    text = ("Story\n\nReuters reported Monday's bombing of the base. "
            "Last week a car bombing in the capital killed five.")
    attacks = _extract(text, published=dt.date(2019, 1, 24)).events
    assert sorted(e.date for e in attacks) == ["2019-01-14/2019-01-20", "2019-01-21"], [(e.date, e.title) for e in attacks]


def test_a_captured_vehicle_is_no_territorial_change():
    text = "Story\n\nThe base was targeted on Monday with a captured Humvee packed with explosives."
    assert all(e.type != "territorial_change" for e in _extract(text, published=dt.date(2019, 1, 24)).events)


def test_carrying_out_the_strike_tells_the_strike_again_and_where():
    text = ("Story\n\nOn Thursday, drones killed the commander in an airstrike. "
            "The army carried out the airstrike in Baghdad.")
    [attack] = _extract(text, published=dt.date(2020, 1, 5)).events
    assert len(attack.sources) == 2 and attack.date == "2020-01-02" and attack.location == "Baghdad"


def test_that_day_is_a_date_not_a_relative_clause():
    text = "A statement said an attack that day on an air base near Mosul produced no casualties."
    quotes = _clause_quotes(text)
    assert len(quotes) == 1


def test_that_before_a_violent_noun_is_a_demonstrative():
    """'blamed that attack on the cartel' is one clause; 'said that attack was foiled' is cut."""
    text = "Story\n\nA truck bomb destroyed the headquarters on 6 December. The authorities blamed that attack on the cartel."
    [*_, blame] = _extract(text, published=dt.date(1990, 3, 14)).events
    assert blame.type == "accusation" and "that attack on the cartel" in blame.sources[0].quote
    assert len(_clause_quotes("Police said that attack was foiled.")) == 2


def test_a_first_paragraph_of_two_sentences_is_not_a_headline():
    from timeline.extract.sentences import title_span

    assert title_span("Yesterday, parliament voted on a resolution. The move follows a strike.\n\nMore.") is None
    assert title_span("A small nation's hard bargain, and a visit to Moscow.\n\nText.") is not None


def test_a_short_first_paragraph_opening_on_a_dateline_is_the_lead_not_a_headline():
    """Wire copy often opens with a one-line lead: the dateline says it is text, however short."""
    from timeline.extract.sentences import title_span

    assert title_span("KANO, 4 MAY 91 (AFP) -- [TEXT] GUNMEN BURNED A MARKET TODAY.\n\nMORE.") is None
    assert title_span("MOGADISHU (Reuters) - Militants shelled the port on Friday.\n\nMore.") is None
    found = _extract("KANO, 4 MAY 91 (AFP) -- [TEXT] GUNMEN BURNED A MARKET TODAY.\n\nPOLICE ARRIVED LATER.",
                     published=dt.date(1991, 5, 4)).events
    assert [(e.type, e.date) for e in found][:1] == [("arson", "1991-05-04")], [(e.type, e.date) for e in found]


def test_a_protest_that_had_taken_place_is_an_event_and_military_time_no_year():
    text = ("Story\n\nOn Saturday just after 21:00 local time (2000 UTC), a knife attack killed two men. "
            "A protest had taken place on the square a few hours earlier.")
    events = _extract(text, published=dt.date(2020, 6, 23)).events
    assert {e.type for e in events} == {"attack", "protest"}
    assert next(e for e in events if e.type == "attack").date == "2020-06-20"


@pytest.mark.parametrize("text,published,kind,date", [
    ("Rebels attacked an army post in the north and seized two trucks on Tuesday.",  # coordinated predicate
     "2020-03-05", "attack", "2020-03-03"),
    ("Three people were killed when protesters threw petrol bombs at a bank on Wednesday.",  # when-clause
     "2010-05-06", "attack", "2010-05-05"),
    ("The air force bombed a market in Tiné, Sudan, on Thursday, a charity said.",  # adverbial
     "2011-11-14", "attack", "2011-11-10"),
    ("A ceasefire between the two armies largely held on Wednesday, its first day.",  # the nominal's predicate
     "2024-11-28", "ceasefire", "2024-11-27"),
    ("The war broke out in November 2020, when federal troops entered the northern province.",  # trailing when
     "2022-11-04", "mobilization", "2020-11"),
    ("A clerk who was sacked last week shot and killed his boss and wounded two colleagues Monday at the bank, "
     "police said.", "2007-04-10", "attack", "2007-04-09"),  # relative clause's date is its own
    ("Three men were arrested Monday for the bombing of the market.",  # what a dated response answers for
     "2013-04-11", "bombing", "../2013-04-08"),
])
def test_event_date_from_its_sentence(text, published, kind, date):
    [event] = [e for e in _extract("Story\n\n" + text, published=dt.date.fromisoformat(published)).events
               if agrees(e.type, kind)]  # a refinement counts: petrol bombs make the attack a bombing
    assert event.date == date, (event.date, [s.quote for s in event.sources])


@pytest.mark.parametrize("text,published,types", [
    ("The embassy advised U.S. citizens to leave the country immediately. Coalition service members "
     "were wounded in the rocket attack on Friday.", "2020-01-05", ["appeal", "shelling"]),
    ("Yesterday, parliament voted on a resolution to expel foreign troops. Officials urged the Global "
     "Coalition to Defeat ISIS to stay.", "2020-01-06", ["appeal", "policy_change"]),
    ("On Tuesday the manager attributed the bombing to Houthi rebels.", "2019-01-30", ["accusation"]),
])
def test_event_types_of_a_text(text, published, types):
    """'advised ... to' is an appeal, 'coalition service members' and a named Coalition no agreement,
    a vote on a resolution a policy change, attributing a bombing an accusation."""
    found = sorted(e.type for e in _extract("Story\n\n" + text, published=dt.date.fromisoformat(published)).events)
    assert found == types


def test_violence_named_by_its_victim_in_a_relative_clause_is_an_incident():
    """'whoever is behind the assassination of Monsignor Romero': a relative clause only
    describes its antecedent, but violence told by whom it hit happened; a toll ('which resulted in
    the death of') stays the antecedent's."""
    text = "Story\n\nThe accord vows to punish those who were behind the assassination of Monsignor Romero."
    assert "killing" in [e.type for e in _extract(text, published=dt.date(1990, 1, 5)).events]


def test_the_government_is_the_state_the_story_names_first():
    text = ("Story\n\nEthiopia's government and the rebels signed a truce on Wednesday. "
            "The war began in 2020, when federal troops entered the northern region.")
    troops = next(e for e in _extract(text, published=dt.date(2022, 11, 4)).events if e.type == "mobilization")
    assert troops.actors == ["Ethiopia"]


@pytest.mark.parametrize("forces", ["Rwandan troops", "Rwanda's army"])
def test_forces_another_state_qualifies_are_that_states_only(forces):
    """'Rwandan troops' in a story about Mozambique: Rwanda's forces, not also the story's own state."""
    text = (f"Story\n\nInsurgents raided a town in Mozambique on Monday. Mozambique's president condemned the raid. "
            f"On Tuesday {forces} attacked the insurgents.")
    reply = next(e for e in _extract(text, published=dt.date(2024, 11, 16)).events if "Tuesday" in e.sources[0].quote)
    assert reply.actors == ["Rwanda"]


@pytest.mark.parametrize("ruler", ["the transitional government", "the junta", "the ruling junta",
                                   "the military government", "the interim authorities", "authorities",
                                   "the cabinet", "lawmakers"])
def test_a_ruler_told_by_its_kind_is_the_state_the_story_names(ruler):
    text = f"Story\n\nMali's army attacked a rebel camp on Monday. On Tuesday, {ruler} denied the accusations."
    denial = next(e for e in _extract(text, published=dt.date(2024, 11, 16)).events if e.type == "refusal")
    assert denial.actors == ["Mali"]


@pytest.mark.parametrize("force", ["the gendarmerie", "gendarmes", "security officials",
                                   "the security services", "intelligence agents"])
def test_a_state_force_told_by_its_kind_is_the_state_the_story_names(force):
    """'Gendarmes cleared the roadblocks', 'security officials arrested five men': a state's force or
    agents named by their kind act for the story's state as 'police' and 'soldiers' do."""
    text = f"Story\n\nMali's army attacked a rebel camp on Monday. On Tuesday, {force} arrested four traders."
    arrest = next(e for e in _extract(text, published=dt.date(2024, 11, 16)).events if e.type == "arrest")
    assert arrest.actors == ["Mali"]


@pytest.mark.parametrize("agent", ["a government delegation", "government negotiators", "a government spokesman"])
def test_the_governments_own_agents_are_the_state_the_story_names(agent):
    """'Garba said a government delegation would travel to Bamako': the government's delegation,
    negotiators or spokesman act for the story's state as 'government troops' do."""
    text = f"Story\n\nNiger's army attacked a rebel camp on Monday. On Tuesday, {agent} denied the accusations."
    denial = next(e for e in _extract(text, published=dt.date(2024, 11, 16)).events if e.type == "refusal")
    assert denial.actors == ["Niger"]


def test_one_soldier_is_the_state_the_story_names_as_soldiers_are():
    """'A soldier fired at the reporters' car': one soldier acts for the story's state as 'soldiers' do."""
    text = "Story\n\nNiger's army patrolled the border on Monday. On Tuesday, a soldier fired at a reporter's car."
    shooting = next(e for e in _extract(text, published=dt.date(2024, 11, 16)).events if e.type in of_class("violence"))
    assert shooting.actors == ["Niger"]


def test_a_capital_counts_for_its_state_when_the_storys_own_state_is_chosen():
    text = ("Story\n\nThe army shelled rebel positions near Timbuktu on Monday. France said it was concerned. "
            "Officials in Bamako said the operation would continue. Residents of Bamako protested on Tuesday.")
    shelling = next(e for e in _extract(text, published=dt.date(2024, 11, 16)).events if e.type == "shelling")
    assert shelling.actors == ["Mali"]


@pytest.mark.parametrize("heading,body,state", [
    ("Chad's army retakes a border town\n\n", "The army shelled rebel positions on Monday. Sudan said it was concerned.", "Chad"),
    ("Malian police fire tear gas at protesters\n\nGAO, Mali — ",
     "Police fired tear gas at protesters on Monday. Algeria closed its border, Algerian officials said, and "
     "Algeria recalled its envoy.", "Mali"),
    ("Army shells rebel positions\n\nNAIROBI, Kenya — ",
     "The army shelled rebel positions in Somalia on Monday. Somalia said ten rebels died.", "Somalia")])
def test_the_headline_and_dateline_name_the_storys_own_state(heading, body, state):
    """The headline's and the dateline's states count as mentions of the story's state; one the
    dateline names alone and the headline names too is it ('GAO, Mali'), however often the body names
    a neighbour; a dateline alone ('NAIROBI, Kenya') is where the news was filed, one mention only."""
    events = _extract(heading + body, published=dt.date(2024, 11, 16)).events
    assert next(e for e in events if e.type in of_class("violence") or e.type == "coercion").actors == [state]


@pytest.mark.parametrize("text,party", [("Rebels blew up two electricity poles near the town.", None),
                                        ("Gunmen kidnapped two Poles near the town.", "Poland"),
                                        ("The army shot a turkey farmer near the border.", None)])
def test_a_name_that_is_an_english_word_counts_only_when_written_as_a_name(text, party):
    """'power poles' is no Poland and 'a turkey farmer' no Turkey in mixed-case text."""
    [event] = _extract("Story\n\n" + text, published=dt.date(2024, 1, 5)).events
    assert (party in event.targets + event.actors) if party else not {"Poland", "Turkey"} & set(
        event.targets + event.actors)
