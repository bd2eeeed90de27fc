"""Dates of events on wire reports: each rule with the sentences that show it.

An incident is dated from what the report says of it (its own clause, a co-referent mention, the
dateline for 'today' or 'last night'); one reported without any date keeps the honest interval
'on or before the dateline', never the dateline day by default.
"""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.extract import Options, extract, lexicon
from timeline.extract.clauses import clauses_of
from timeline.extract.pipeline import run
from timeline.models import Document

DATING = [*lexicon.load("dating")["predicates"], *({"name": name, **lexicon.load("dating")[name]}
                                                    for name in ("reporting", "speech_frame"))]


def _events(text: str, published: dt.date, kind: str | None = None):
    events = extract([Document(id="wire", text=text, published=published)], Options()).events
    return [e for e in events if kind is None or e.type == kind]


def _dates(text: str, published: dt.date, kind: str) -> list[str | None]:
    return [e.date for e in _events(text, published, kind)]


def test_a_later_mention_with_a_stated_date_dates_the_event_it_repeats():
    text = ("Armenia and Azerbaijan agreed a ceasefire, officials said. "
            "Armenia and Azerbaijan agreed the ceasefire on Monday after talks in Moscow.")
    [event] = _events(text, dt.date(2020, 1, 10), "ceasefire")
    assert event.date == "2020-01-06" and len(event.sources) == 2


def test_an_incident_told_without_a_date_stays_on_or_before_the_dateline():
    text = "LIMA, 10 JAN 90 (EFE) -- [TEXT] UNIDENTIFIED GUNMEN KILLED A POLICEMAN IN THE RIMAC DISTRICT."
    assert _dates(text, dt.date(1990, 1, 10), "attack") + _dates(text, dt.date(1990, 1, 10), "killing") == [
        "../1990-01-10"]


def test_a_definite_mention_dated_in_the_reports_own_week_repeats_an_undated_incident():
    text = ("COLONEL ROJAS WAS ATTACKED OUTSIDE HIS HOUSE IN VALPARAISO. DOCTORS SAY HE IS STABLE. "
            "HE WAS HIT THREE TIMES DURING THE ATTACK THIS MORNING.")
    [event] = _events(text, dt.date(1990, 3, 21), "attack")
    assert event.date == "1990-03-21" and len(event.sources) == 2


def test_a_definite_mention_dated_years_back_is_another_event():
    text = ("Story\n\nA powerful earthquake struck the province, the agency said. Buildings collapsed.\n\n"
            "In 2004, the earthquake off the coast killed 230,000 people.")
    # the story's news comes after the background it dates in 2004 (news lead)
    # (the toll told alone is a killing, the quake that struck an attack)
    assert sorted(_dates(text, dt.date(2013, 7, 2), "attack") + _dates(text, dt.date(2013, 7, 2), "killing")) == [
        "2004", "2004-01-01/2013-07-02"]


@pytest.mark.parametrize("entry", DATING, ids=[e["name"] for e in DATING])
def test_a_dating_predicate_gives_its_date_to_the_nominal_it_follows(entry):
    example = entry["example"]
    assert example["date"] in _dates(example["text"], example["published"], example["type"])


def test_an_active_carried_out_tells_a_new_event_not_a_date_for_an_old_one():
    text = ("Guerrillas attacked an army post in the north. "
            "On 3 January the army carried out an attack on a rebel camp in the south.")
    assert "../2020-01-05" in _dates(text, dt.date(2020, 1, 5), "attack")


def test_a_sentence_opened_on_another_incident_does_not_take_the_earlier_ones_date():
    example = lexicon.load("coreference")["another_incident"]["example"]
    assert sorted(_dates(example, dt.date(1990, 1, 10), "attack")) == ["../1990-01-10", "1990-01-10"]
    without = example.replace("In addition, a", "A")
    assert _dates(without, dt.date(1990, 1, 10), "attack") == ["1990-01-10"]  # a bare repetition


def test_of_dates_that_nest_the_narrowest_dates_the_event():
    text = "THE POLICE REPORTED THAT THE REBELS TODAY CARRIED OUT THEIR SIXTH ATTACK THIS YEAR AGAINST THE PIPELINE."
    assert _dates(text, dt.date(1989, 7, 20), "attack") == ["1989-07-20"]


def test_a_year_after_a_describes_the_thing_it_stands_before():
    text = "THE GUNMEN FLED THE ATTACK IN A 1984 WHITE TOYOTA PICKUP WITHOUT PLATES."
    assert _dates(text, dt.date(1989, 11, 3), "attack") == ["../1989-11-03"]
    assert _dates("Rebels launched a 2019 offensive on the city.", dt.date(2020, 5, 1), "attack") == ["2019"]


def test_a_when_clause_cut_by_an_apposition_still_happens_at_its_main_clause_time():
    text = "THE CITY WAS CALM LAST NIGHT WHEN JUAN PEREZ, A JUDGE OF THE HIGH COURT, WAS KILLED BY GUNMEN."
    assert _dates(text, dt.date(1989, 10, 14), "killing") == ["1989-10-13"]


def _mention_dates(text: str, published: dt.date) -> dict[str, str | None]:
    """Each mention's own stated date, before co-reference joins mentions into events."""
    state = run(Document(id="wire", text=text, published=published), Options())
    return {text[m.trigger.start:m.trigger.end]: m.date for m in state.events}


def test_a_participle_clause_after_a_comma_happens_at_its_main_clause_time():
    text = "A CAR BOMB EXPLODED TONIGHT IN A RESIDENTIAL SECTOR OF CARTAGENA, SLIGHTLY INJURING TWO PEOPLE."
    assert _mention_dates(text, dt.date(1989, 10, 24))["INJURING"] == "1989-10-24"


def test_now_with_a_perfect_is_done_by_now_and_now_with_a_progressive_is_today():
    assert _dates("THE ATTACKS ON THE PIPELINE HAVE NOW EXTENDED TO HUILA DEPARTMENT.", dt.date(1989, 6, 20),
                  "attack") == ["../1989-06-20"]
    assert _dates("RIGHT NOW THE REBELS ARE ATTACKING THE GARRISON.", dt.date(1989, 6, 20), "attack") == ["1989-06-20"]


def test_narrative_order_leaves_alone_an_event_that_a_later_mention_dates():
    """Dated events are not ordered by the order of telling, one dated by a later mention neither;
    the undated event told after it follows it."""
    text = "Story\n\nRebels attacked the town of Abra. Troops clashed with rebels near the river. The attack took place on Monday."
    events = _events(text, dt.date(2020, 3, 5))
    clash = next(e for e in events if e.type == "armed_clash")
    attack = next(e for e in events if e.type == "attack")
    assert attack.date == "2020-03-02" and not attack.relations
    assert [(r.relation, r.target) for r in clash.relations] == [("after", attack.id)]


def test_a_date_of_the_report_only_bounds_what_it_reports():
    text = "ON SATURDAY OFFICIALS SAID THAT GUERRILLAS HAD KILLED A MAYOR IN THE NORTH."
    assert _dates(text, dt.date(1989, 1, 25), "attack") + _dates(text, dt.date(1989, 1, 25), "killing") == [
        "../1989-01-21"]


def test_coordinated_killings_with_dates_of_their_own_are_two_events():
    text = "A MONTH AGO THE MAYOR OF TIBU WAS KILLED, AND THE SARDINATA MAYOR WAS KILLED YESTERDAY."
    assert sorted(_dates(text, dt.date(1990, 2, 4), "killing")) == ["1990-01", "1990-02-03"]


def test_a_date_before_a_verb_governing_the_nominal_is_the_verbs():
    text = "POLICE YESTERDAY CONTINUED THEIR SEARCH FOR THE AUTHORS OF THE ATTACK ON A BORDER POST."
    assert _dates(text, dt.date(1989, 7, 28), "attack") == ["../1989-07-28"]
    text = "THE REBELS TODAY PERPETRATED THE WORST OF THEIR ATTACKS ON THE CAPITAL."
    assert _dates(text, dt.date(1989, 7, 28), "attack") == ["1989-07-28"]


def test_a_fronted_date_reaches_over_a_subordinate_clause_with_an_event_of_its_own():
    text = ("LAST NIGHT, WHILE THE TOWN WAS STILL MOURNING AFTER THE ATTACK ON THE POLICE CHIEF, "
            "A HOTEL IN CALI WAS ROCKED BY THE EXPLOSION OF A BOMB.")
    assert _mention_dates(text, dt.date(1989, 5, 31))["EXPLOSION"] == "1989-05-30"


def test_a_dating_clause_after_a_relative_clause_still_dates_the_nominal():
    text = ("ONE MORE ATTACK ON THE POWER LINE, WHICH LEFT THREE TOWNS IN THE DARK, "
            "WAS CARRIED OUT THIS MORNING BY REBELS NEAR THE DAM.")
    assert _mention_dates(text, dt.date(1989, 7, 13))["ATTACK"] == "1989-07-13"


def test_a_possessive_date_before_the_nominal_is_its_own():
    text = "LIMA, 20 MAY 88 (EFE) -- A REBEL GROUP CLAIMED RESPONSIBILITY FOR WEDNESDAY'S ATTACK ON THE EMBASSY."
    assert _dates(text, dt.date(1988, 5, 20), "attack") == ["1988-05-18"]


@pytest.mark.parametrize("text", [
    "AS FOR THE TERRORIST ATTACK ON FRIDAY, 23 JUNE AT THE FISH MARKET, THE FMLN DENIES ANY ROLE.",
    "Concerning the terrorist attack on Friday, June 23 at the central market, the rebels said they had no part.",
])
def test_a_comma_inside_a_weekday_date_cuts_no_clause(text):
    assert _dates(text, dt.date(1989, 6, 23), "attack") == ["1989-06-23"]


@pytest.mark.parametrize("text", [
    "THE FPMR CLAIMED A BOMB ATTACK THAT LEFT TWO GUARDS INJURED ON 26 JULY NEAR THE MINE.",
    "THE FPMR CLAIMED A BOMB ATTACK, WHICH KILLED A WATCHMAN ON 26 JULY.",
])
def test_a_relative_clause_telling_a_nominals_toll_dates_the_nominal(text):
    assert "1989-07-26" in _dates(text, dt.date(1989, 7, 28), "bombing")


def test_a_relative_clause_telling_a_reaction_does_not_date_the_nominal():
    text = "THE FPMR CLAIMED A BOMB ATTACK THAT THE ARMY DISMISSED ON 26 JULY."
    assert _dates(text, dt.date(1989, 7, 28), "bombing") != ["1989-07-26"]


def test_a_date_between_a_fronted_nominal_and_its_main_clause_is_the_main_clauses():
    text = ("SAN SALVADOR, 1 JUL 89 -- [TEXT] AS TO THE DEATH OF FELIPE ARCE, TODAY, "
            "30 JUNE, THE FMLN DECLARES: WE HAD NO PART IN IT.")
    assert "1989-07-01" not in _dates(text, dt.date(1989, 7, 1), "attack") + _dates(text, dt.date(1989, 7, 1), "killing")


def test_a_date_after_a_nominal_inside_the_main_clause_is_still_its_own():
    text = ("SAN SALVADOR, 13 FEB 90 -- THE ARMY HAS EXPRESSED SORROW OVER THE DEATH OF TWO "
            "FARMHANDS IN A HAMLET NEAR SUCHITOTO, ON 11 FEBRUARY, AND HAS PROMISED AN INQUIRY.")
    assert "1990-02-11" in _dates(text, dt.date(1990, 2, 13), "attack") + _dates(text, dt.date(1990, 2, 13), "killing")


def test_a_date_completing_another_noun_with_of_is_that_nouns():
    text = ("An earthquake flattened homes and set off mudslides Tuesday, killing at least three "
            "people in an area hit hard by the cyclone of 2004.")
    assert _mention_dates(text, dt.date(2013, 7, 3))["killing"] == "2013-07-02"
    assert _dates("THE MASSACRE OF 16 NOVEMBER WAS CONDEMNED.", dt.date(1989, 12, 1), "killing") == ["1989-11-16"]
    assert _dates("Rebels attacked the town in the night of 16 November.", dt.date(1989, 12, 1), "attack") == [
        "1989-11-16"]


def test_a_day_word_before_a_comma_opens_the_sentence_and_dates_only_the_report():
    text = "Yesterday, Armstead said she was wounded in the attack."
    assert _dates(text, dt.date(2013, 4, 12), "attack") == ["../2013-04-11"]
    clauses = lambda t: [t[c.start:c.end] for c in clauses_of(t, 0, len(t), 0)]  # noqa: E731
    assert clauses("Yesterday, Armstead told the court.") == ["Yesterday", "Armstead told the court."]
    assert len(clauses("The talks on Monday, Tuesday and Wednesday failed.")) == 1
    assert len(clauses("The attack on Thursday, Nov. 10 killed two.")) == 1


def test_a_participle_clause_skips_a_reporting_aside_to_find_its_main_clause():
    text = ("A border village was shelled Thursday, local officials said, threatening to worsen relations "
            "with Chad.")
    assert _mention_dates(text, dt.date(2011, 11, 14))["threatening"] == "2011-11-10"


def test_a_threat_said_before_the_report_opens_on_the_day_it_was_said():
    """What a speaker said on a past day would come may have come since: not 'after the report'."""
    text = "ON 24 AUGUST THE EXTRADITABLES SAID THAT THEY WOULD RESPOND WITH ATTACKS ON JUDGES."
    [attack] = _events(text, dt.date(1989, 9, 11), "attack")
    assert attack.modality == "future" and attack.date == "1989-08-24/.."
    said_today = "THE EXTRADITABLES SAID TODAY THAT THEY WOULD RESPOND WITH ATTACKS ON JUDGES."
    assert _dates(said_today, dt.date(1989, 9, 11), "attack") == ["1989-09-11/.."]
    sure = {t: [m.confidence for m in run(Document(id="w", text=t, published=dt.date(1989, 9, 11)), Options()).events
                if m.type == "attack"] for t in (text, said_today)}
    assert sure[text] == sure[said_today]  # the day it was said makes the threat no surer


def test_a_date_before_a_quotation_opened_by_a_colon_is_the_sayings_and_only_bounds_what_it_quotes():
    """The day headlines or a leaflet said it is not the day of what they name; words merely set in
    quotes take the sentence's date as before."""
    headlines = ("SOME MORNING PAPERS TODAY HAD THESE HEADLINES: \"JUDGE SOTO'S MURDER CONDEMNED,\" AND "
                 "\"NO MORE BLOOD.\"")
    assert _dates(headlines, dt.date(1989, 8, 25), "killing") == ["../1989-08-25"]
    scare_quotes = "LIFE IN THE VALLEY RESUMED TODAY AFTER A 48-HOUR \"ARMED STRIKE\" ORDERED BY THE SHINING PATH."
    assert _dates(scare_quotes, dt.date(1989, 5, 14), "coercion") == ["1989-05-14"]


def test_a_statement_quoted_whole_speaks_from_the_day_it_was_signed():
    """A communique broadcast the day after it was signed: its 'today' and its threats count from
    the day in its closing line."""
    text = ("BOGOTA, 31 MAR 90 (RADIO CADENA NACIONAL) -- [COMMUNIQUE] [TEXT] TODAY THE POLICE ARRESTED TWO "
            "OF OUR COMRADES IN ENVIGADO. IN REPRISAL WE WILL PLACE A BOMB IN THE CAPITAL.\n\n"
            "THE EXTRADITABLES, 30 MARCH 1990\n")
    assert _dates(text, dt.date(1990, 3, 31), "arrest") == ["1990-03-30"]
    assert _dates(text, dt.date(1990, 3, 31), "bombing") == ["1990-03-30/.."]


def test_a_date_after_a_participle_and_its_agent_is_the_participles_not_a_nominal_told_after_it():
    """'ordered by the mayor 6 days ago to stop the bombings': the curfew's date, not the
    bombings'; the nominal before the participle keeps it ('the truce declared by the FMLN on ...')."""
    curfew = "THE RAID HAPPENED UNDER THE CURFEW, ORDERED BY MAYOR ANA SOTO 6 DAYS AGO TO STOP THE BOMBINGS."
    assert _mention_dates(curfew, dt.date(1989, 9, 4))["BOMBINGS"] is None
    truce = "THE FIGHTING ENDED THE TRUCE DECLARED BY THE FMLN ON 13 SEPTEMBER."
    assert _mention_dates(truce, dt.date(1989, 9, 20))["TRUCE"] == "1989-09-13"


@pytest.mark.parametrize("text,kind,date", [
    # a past perfect under a dated admission: the shooting came no later than the admission
    ("On Saturday morning, Iran acknowledged its forces had shot down the airliner near Tehran.", "attack",
     "../2020-01-11"),
    ("On Saturday the army announced it had captured the town of Kafr Nabl.", "territorial_change", "../2020-01-11"),
    ("On Saturday, Iran admitted it had shot down the airliner on Wednesday.", "attack", "2020-01-08"),  # its own date
    # the admission's date told right after its verb, before the subject of what was admitted
    ("The militia said on Saturday it had seized the river crossing at Tolo.", "territorial_change", "../2020-01-11"),
])
def test_a_past_perfect_under_a_dated_speech_act_is_bounded_by_it(text, kind, date):
    """'On Saturday X acknowledged it had shot down ...': Saturday is when it was told."""
    assert _dates(text, dt.date(2020, 1, 13), kind) == [date]


def test_a_date_that_ends_a_relative_clause_describes_its_antecedent():
    """'X, who was envoy until December, criticized ...': December is the description's."""
    text = "Brett McGurk, who was special envoy to the coalition against ISIL until December, criticized the decision."
    assert _dates(text, dt.date(2019, 10, 8), "accusation") == ["../2019-10-08"]


def test_a_when_clause_happened_at_the_date_before_it_not_since_it():
    entry = lexicon.load("dating")["time_relative"]
    for example in [entry["example"], *entry["more_examples"]]:
        assert _dates(example["text"], example["published"], example["type"]) == [example["date"]]
    text = "PORT-AU-PRINCE - The curfew has held since last month, when gunmen killed 70 people in Pont-Sonde."
    assert _dates(text, dt.date(2024, 11, 22), "attack") + _dates(text, dt.date(2024, 11, 22), "killing") == ["2024-10"]


def test_a_month_in_capitals_is_a_date_not_a_march_and_dates_the_clause_after_it():
    text = ("GUATEMALA CITY, 22 MAR 90 -- [TEXT] BEFORE DAWN ON 21 MARCH, INSURGENTS "
            "SET OFF FIVE BOMBS OUTSIDE TAX OFFICES IN THE CAPITAL.")
    assert _dates(text, dt.date(1990, 3, 22), "protest") == []
    assert _dates(text, dt.date(1990, 3, 22), "bombing") == ["1990-03-21"]
    mixed = "Thousands joined the march on 21 March, and police detained 40 people."
    assert _dates(mixed, dt.date(1990, 3, 22), "protest") == ["1990-03-21"]  # case tells the march apart


def test_a_date_after_a_list_of_victims_is_the_event_s_not_lost_in_the_list():
    text = ("SAN SALVADOR, 13 JAN 90 -- [TEXT] THE SOLDIERS ARE ACCUSED OF THE MURDER OF THE RECTOR, "
            "HIS FELLOW PRIESTS, A COOK AND HER DAUGHTER AT THE CAMPUS ON 16 NOVEMBER.")
    assert _dates(text, dt.date(1990, 1, 13), "killing") == ["1989-11-16"]
    where = ("AYACUCHO, 25 SEP 88 -- [TEXT] YESTERDAY ARMED MEN REACHED THE HAMLET OF "
             "SANTA ROSA, IN THE HIGHLAND PROVINCE OF HUANTA, AND SHOT NINE FARMERS.")
    assert _dates(where, dt.date(1988, 9, 25), "attack") == ["1988-09-24"]  # 'in the province': no list item


@pytest.mark.parametrize("text,published,date", [
    ("A prison guard was stabbed in the exercise yard, at about 3am local time (0200 UTC) on Friday by an inmate.",
     dt.date(2020, 9, 30), "2020-09-25"),
    ("AS TO THE ASSASSINATION OF RAUL MENDIETA, HEAD OF THE UNION, IN HONDURAS ON 12 JANUARY, WE DECLARE:",
     dt.date(1990, 1, 13), "1990-01-12"),
    ("THE MINISTER SAID HE CONDEMNS THE MURDER OF JOSE MARTINEZ, A SUPREME COURT JUDGE, "
     "BY SUSPECTED GUERRILLAS EARLY THIS MORNING IN SANTA ANA.", dt.date(1989, 6, 9), "1989-06-09"),
])
def test_a_verbless_tail_opened_by_a_preposition_dates_the_clause_before_it(text, published, date):
    """'stabbed in the yard, at about 3am (0200 UTC) on Friday by an inmate': a clause without a
    verb that only adds when, where and by whom gives the event before it its date."""
    [event] = [e for e in _events(text, published) if e.type in ("attack", "killing")]
    assert event.date == date


@pytest.mark.parametrize("case", [lexicon.load("dating")["counted_back"]["example"],
                                  *lexicon.load("dating")["counted_back"]["more_examples"],
                                  lexicon.load("dating")["counted_back"]["counterexample"]],
                         ids=["few-hours", "48-hours", "held-for"])
def test_a_stretch_counted_back_from_the_report_dates_what_happened_in_it(case):
    """'in the past few hours' is the report's day, 'in the past 48 hours' the two days before it and
    that day; 'held for the past three days' dates when a state began, not the act (lexicons/dating.yaml)."""
    assert _dates(case["text"], case["published"], case["type"]) == [case["date"]]


NIGHT = lexicon.load("dating")["night_of_day"]


@pytest.mark.parametrize("case", [NIGHT["example"], *NIGHT["more_examples"], NIGHT["counterexample"]],
                         ids=["on-monday", "on-tuesday-into-wednesday", "into-friday", "bare-overnight"])
def test_a_night_named_by_its_day_spans_that_evening_and_the_next_morning(case):
    """'overnight on Monday' is Monday and Tuesday, 'overnight into Friday' Thursday and Friday; a bare
    'overnight' stays the night before the report (lexicons/dating.yaml, night_of_day)."""
    assert set(_dates(case["text"], case["published"], case["type"])) == {case["date"]}


CLOCK = lexicon.load("dating")["clock_in_its_day"]


@pytest.mark.parametrize("case", [CLOCK["example"], CLOCK["counterexample"]], ids=["after-10-pm", "since-6-am"])
def test_a_clock_time_after_before_or_after_dates_the_act_to_its_day(case):
    """'shortly after 10 p.m. on Tuesday' is Tuesday, not Tuesday or later; 'since 6 a.m. on Tuesday'
    still opens (lexicons/dating.yaml, clock_in_its_day)."""
    assert case["date"] in _dates(case["text"], case["published"], case["type"])


DAY_PART = lexicon.load("text")["time_of_day_phrase"]


@pytest.mark.parametrize("case", [*DAY_PART["examples"], DAY_PART["counterexample"]],
                         ids=["before-dawn", "after-10-pm", "before-a-clause"])
def test_a_time_of_day_placed_by_its_day_is_a_phrase_of_that_day(case):
    """'shortly before dawn on Tuesday' dates the attack to Tuesday; 'before the army arrived on
    Tuesday' is a clause of its own, whose date does not date the withdrawal (lexicons/text.yaml)."""
    assert _dates(case["text"], case["published"], case["type"]) == [case["date"]]


def test_a_date_set_beside_another_date_describes_it_not_the_event():
    """'On 5 May, the anniversary of the 1998 vote, rebels attacked ...': the year belongs to the
    phrase that says what the day is; the event is on the day."""
    text = "On 5 May, the anniversary of the 1998 vote, rebels attacked the village of Kanyabayonga."
    assert _dates(text, dt.date(2023, 5, 9), "attack") == ["2023-05-05"]


@pytest.mark.parametrize("text,date", [
    ("SAN SALVADOR, 15 DEC 89 -- [TEXT] YESTERDAY, THE COLONEL TESTIFIED TO "
     "THE JUDGE ABOUT THE MURDER OF THE JESUIT TEACHERS.", "../1989-12-14"),
    ("TEGUCIGALPA, 8 FEB 89 -- [TEXT] YESTERDAY THE MINISTRY DENIED THE CHARGES REGARDING THE 7 JANUARY "
     "ASSASSINATION OF MANUEL RUGAMA.", "1989-01-07"),
])
def test_violence_talked_of_is_bounded_by_the_talk_not_dated_by_it(text, date):
    """'made statements yesterday regarding the murder of the priests': the murder was done before the
    talk; a date inside its own phrase ('regarding the 7 January assassination') is still its own."""
    found = _events(text, dt.date(1989, 12, 15) if "DEC" in text else dt.date(1989, 2, 8))
    assert [e.date for e in found if e.type in ("killing", "attack")] == [date], [(e.type, e.date) for e in found]


def test_a_date_a_preposition_governs_before_a_violence_noun_dates_the_clause():
    text = ("Troops and rebels clashed near the dam on Monday, the army said. "
            "In March 2019 fighting over grazing land killed 30 people.")
    found = [d for kind in ("attack", "killing", "armed_clash") for d in _dates(text, dt.date(2024, 5, 8), kind)]
    assert "2019-03" in found  # the toll of fighting is the fighting (killings.yaml toll_of)


def test_a_future_act_offered_on_a_past_day_opens_on_that_day():
    """A promised release is the release, told as future, from the day it was offered; a promise to
    host talks is itself the event (a pledge, lexicons/lemmas.yaml own_pledges), made that day."""
    text = "Government forces shelled the town on Sunday. The rebels offered on Tuesday to release the hostages."
    assert _dates(text, dt.date(2024, 5, 9), "release") == ["2024-05-07/.."]
    text = "Government forces shelled the town on Sunday. Turkey offered on Tuesday to host talks between the two sides."
    assert _dates(text, dt.date(2024, 5, 9), "pledge") == ["2024-05-07"]


@pytest.mark.parametrize("case", [lexicon.load("dating")["attributive"][key] for key in ("example", "counterexample", "own_noun_after_verb")],
                         ids=["elections", "own-murder", "own-offensive-after-verb"])
def test_a_date_that_modifies_a_noun_dates_only_that_noun(case):
    """'boycott the 8 April elections': the elections' date, wholly after the report, neither dates
    nor bounds the attacks of the clause, so the bombing told next keeps its own day; 'the 16
    November murder' is the murder's own date (lexicons/dating.yaml, attributive)."""
    assert _dates(case["text"], case["published"], case["type"]) == [case["date"]]


@pytest.mark.parametrize("text,date", [
    ("THE POLICE YESTERDAY THWARTED OPERATION THUNDER, WHICH WAS A GANG PLAN TO ATTACK THE GRAIN DEPOTS.",
     None),
    ("Police said the gunmen had planned to attack the embassy.", None),
    ("THE GANG PLANS TO ATTACK THE GRAIN DEPOTS.", "1989-03-31/.."),
])
def test_a_plan_told_in_the_past_is_not_dated_from_the_report(text, date):
    """'which was a plan to attack', 'had planned to attack': what was to come came after a past
    moment, perhaps before the report, so it is undated rather than 'from the report on' (a plan
    told in the present still is; lexicons/modality.yaml, future-of-past)."""
    [event] = _events(text, dt.date(1989, 3, 31), "attack")
    assert (event.modality, event.date) == ("future", date)


@pytest.mark.parametrize("text,date", [
    ("BOGOTA, 30 MAY 89 -- [TEXT] THE POLICE CHIEF OF CALI BLAMED SMUGGLERS FOR A CAR-BOMB "
     "ATTACK FROM WHICH HE WALKED AWAY UNHURT TODAY.", "1989-05-30"),
    ("BOGOTA, 30 MAY 89 -- [TEXT] THE POLICE CHIEF BLAMED SMUGGLERS FOR A CAR-BOMB ATTACK FROM WHICH HE IS STILL "
     "RECOVERING TODAY.", "../1989-05-30"),
])
def test_a_past_relative_clause_of_what_someone_did_in_the_act_dates_it(text, date):
    """'a car-bomb attack from which he walked away unhurt today': a relative clause opened by 'from',
    'in' or 'during which' that tells, in the past, what someone did in a violent nominal is at its
    time ('from which he is still recovering today' is not)."""
    assert _dates(text, dt.date(1989, 5, 30), "bombing") == [date]


ATTACHMENT_LISTS = ("adverbial_date", "attributive_after", "part_in_which")
ATTACHMENT_EXAMPLES = [(name, e) for name in ATTACHMENT_LISTS for e in lexicon.load("dating")[name]["examples"]]


@pytest.mark.parametrize("name,example", ATTACHMENT_EXAMPLES,
                         ids=[f"{name}-{e['word']}" for name, e in ATTACHMENT_EXAMPLES])
def test_each_word_of_attachments_lists_dates_its_example(name, example):
    """The word lists attachment reads (lexicons/dating.yaml): a governed date dates its clause, an
    '-ed' word after an article leaves a verbless tail dating the clause before it, 'from which'
    gives a violent nominal the dates of what was undergone in it; each example needs its word."""
    assert example["word"] in lexicon.load("dating")[name]["words"]
    assert example["date"] in _dates(example["text"], example["published"], example["type"])
@pytest.mark.parametrize("case", [lexicon.load("dating")["answered_for"]["example"],
                                  *lexicon.load("dating")["answered_for"]["more_examples"],
                                  lexicon.load("dating")["answered_for"]["counterexample"]],
                         ids=["convicted-of", "term-for", "own-date"])
def test_a_responses_date_bounds_what_it_answers_for(case):
    """'convicted in March 2004 of the murder': the verdict's date, and the murder came no later;
    'attacked the base in March 2004 for the second time' is the attack's own date (lexicons/dating.yaml)."""
    assert _dates(case["text"], case["published"], case["type"]) == [case["date"]]


def test_a_relative_clause_after_a_participle_clause_happens_at_the_main_clause_time():
    """', sparking a blaze that injured four dockers': what the participle's object did is told at
    the time of the clause the participle hangs on; a relative clause of a main clause is not."""
    text = "Protesters marched through the port in March 2019 at dawn, sparking a blaze that injured four dockers."
    assert _dates(text, dt.date(2021, 6, 30), "attack") == ["2019-03"]
    plain = "Protesters marched through the port in March 2019 at dawn. A blaze that injured four dockers was recalled."
    assert _dates(plain, dt.date(2021, 6, 30), "attack") != ["2019-03"]


def test_a_date_after_place_phrases_still_dates_the_act_before_them():
    text = ("SAN SALVADOR, 22 MAR 90 -- [TEXT] ARMY TROOPS ENTERED THE BORDER ZONE, IN A HAMLET OF THE "
            "SAN JOSE CANTON, MORAZAN DEPARTMENT, AT 0900 ON 19 MARCH.")
    assert _dates(text, dt.date(1990, 3, 22), "mobilization") == ["1990-03-19"]
    undated = "SAN SALVADOR, 22 MAR 90 -- [TEXT] ARMY TROOPS ENTERED THE BORDER ZONE, IN A HAMLET OF THE SAN JOSE CANTON."
    assert _dates(undated, dt.date(1990, 3, 22), "mobilization") == ["../1990-03-22"]


def test_a_date_inside_the_events_own_noun_phrase_names_its_day_after_a_preposition():
    text = "Troops have patrolled the capital since the 2 May bombing of the central market."
    assert _dates(text, dt.date(2021, 5, 20), "bombing") == ["2021-05-02"]
    assert _dates(text, dt.date(2021, 5, 20), "mobilization") == ["2021-05-02/2021-05-20"]  # 'since' bounds the patrol


@pytest.mark.parametrize("case", [lexicon.load("dating")["told_again"]["example"],
                                  *lexicon.load("dating")["told_again"]["more_examples"],
                                  lexicon.load("dating")["told_again"]["counterexample"]],
                         ids=["example", "quoted-it", "own-date-kept"])
def test_an_occurrence_told_again_by_a_word_that_points_back_dates_the_act_before_it(case):
    assert _dates(case["text"], case["published"], case["type"]) == [case["date"]]


def test_a_street_named_after_a_day_dates_nothing():
    text = ("GUAYAQUIL, 11 APR 89 -- [TEXT] A POLICEMAN WAS SHOT BY A MASKED PROTESTER NEAR THE MARKET. "
            "THE INCIDENT OCCURRED ON 12 MAY AVENUE.")
    assert _dates(text, dt.date(1989, 4, 11), "attack") == ["../1989-04-11"]


def test_two_dates_joined_by_and_date_the_act_together():
    text = "SAN SALVADOR, 18 FEB 90 -- [TEXT] REBELS ATTACKED A POWER SUBSTATION LAST NIGHT AND EARLY THIS MORNING."
    assert _dates(text, dt.date(1990, 2, 18), "attack") == ["1990-02-17/1990-02-18"]
    one = "SAN SALVADOR, 18 FEB 90 -- [TEXT] REBELS ATTACKED A POWER SUBSTATION LAST NIGHT."
    assert _dates(one, dt.date(1990, 2, 18), "attack") == ["1990-02-17"]
@pytest.mark.parametrize("case", [lexicon.load("dating")["reduced_relative"][key]
                                  for key in ("example", "counterexample", "determiner_example")],
                         ids=["reduced-relative", "active-verb", "participle-after-determiner"])
def test_a_participle_describing_its_noun_is_only_bounded_by_the_main_clauses_date(case):
    """'a journalist abducted near the border was released on Monday': the abduction came before
    the release, on a day the text does not give; 'gunmen abducted a journalist ... on Monday' is
    the abduction's own day, as is 'abducted in the north a retired judge' (a participle after a
    determiner describes a noun, it is no main verb) (lexicons/dating.yaml, reduced_relative)."""
    assert _dates(case["text"], case["published"], case["type"]) == [case["date"]]


@pytest.mark.parametrize("case", [lexicon.load("dating")["past_trigger"][key] for key in ("example", "counterexample")],
                         ids=["consent-told-as-made", "consent-to-come"])
def test_a_consent_told_in_the_past_lies_on_or_before_the_report(case):
    """'agreed to set up a commission': the consent was given by the report, only what it governs
    is to come; 'will agree to' is to come itself (lexicons/dating.yaml, past_trigger)."""
    assert _dates(case["text"], case["published"], case["type"]) == [case["date"]]


def test_a_joined_mention_of_another_kind_does_not_date_the_event():
    """'rejected the accusation, saying the arrest was made last month': last month is the arrest's,
    told inside what was said; the refusal only lies on or before the report."""
    text = "The minister rejected the accusation, saying the arrest was made last month."
    assert _dates(text, dt.date(2026, 3, 12), "refusal") == ["../2026-03-12"]


def test_what_a_dated_announcement_says_is_to_come_opens_on_the_day_it_was_announced():
    """'Late on Sunday, the president announced troops would be leaving': Sunday is when it was
    announced, so the leaving comes no earlier than Sunday, not only after the report."""
    text = "Late on Sunday, the president, in a statement read by an aide, announced troops would be leaving the province."
    assert _dates(text, dt.date(2026, 3, 12), "withdrawal") == ["2026-03-08/.."]


def test_what_a_dated_speech_clause_announces_opens_on_its_day():
    """'On Wednesday, the governor announced that her government will withdraw the bill': the
    announcement's clause gives the day the withdrawal was announced, which it comes no earlier than."""
    text = "On Wednesday, the governor announced that her government will withdraw the bill."
    assert _dates(text, dt.date(2026, 3, 12), "policy_change") == ["2026-03-11/.."]


ANSWER = lexicon.load("dating")["answer_dated"]


@pytest.mark.parametrize("key", ["example", "counterexample"])
def test_a_date_after_violence_the_story_told_on_other_days_is_the_reactions(key):
    """The example's date goes to the condemnation; with no violence told before, to the attack."""
    case = ANSWER[key]
    assert case["date"] in _dates(case["text"], case["published"], case["type"])


def test_a_present_tense_act_with_a_date_after_the_report_is_scheduled_not_cut_at_the_report():
    published = dt.date(2012, 3, 5)
    [scheduled] = _events("The accused faces ten years in jail when he is sentenced on 9 March.", published, "accusation")
    assert scheduled.date == "2012-03-09" and scheduled.modality == "future"
    [done] = _events("Rebels attacked the town on Monday.", published, "attack")
    assert done.date == "2012-03-05" and done.modality == "asserted"


def test_a_date_decades_after_the_report_is_no_schedule():
    from timeline.extract.anchoring import _scheduled

    text = "The envoy meets the rebels on 9 March 2052."
    assert _scheduled(text, _mention(text, "meets", "2052-03-09"), dt.date(2012, 3, 5)) is False
    assert _scheduled(text, _mention(text, "meets", "2012-03-09"), dt.date(2012, 3, 5)) is True


def test_a_past_passive_or_a_reporting_verb_with_a_later_date_is_no_schedule():
    from timeline.extract.anchoring import _scheduled

    published = dt.date(2012, 3, 5)
    repealed = "The ban was lifted at the end of next month."
    assert _scheduled(repealed, _mention(repealed, "ban was lifted", "2012-04-21/2012-04-30"), published) is False
    says = "The envoy says the talks will resume on 9 March."
    assert _scheduled(says, _mention(says, "says", "2012-03-09"), published) is False
    urges = "The bishop urges voters to turn out on 9 March."
    assert _scheduled(urges, _mention(urges, "urges", "2012-03-09", "appeal"), published) is False


def _mention(text: str, word: str, date: str, kind: str = "meeting"):
    """An event mention of type ``kind`` whose verb trigger is ``word``, dated ``date``."""
    from timeline.extract.state import Clause, EventMention, Trigger

    start = text.index(word)
    trigger = Trigger(start, start + len(word), kind, "test", "verb", 1)
    return EventMention(clause=Clause(0, len(text), 0), trigger=trigger, date=date)


def test_what_a_dated_telling_said_would_come_opens_on_the_tellings_day():
    """'On Tuesday the militia announced a truce, saying its men would not attack': the attack that
    would (not) come is the future of Tuesday's telling, which lies before the report, so its window
    opens on Tuesday; told in the present ('says ... would') or by an undated telling, it stays after
    the report."""
    published = dt.date(2026, 3, 20)
    told = "On Tuesday the militia announced a truce, saying its men would not attack the convoys."
    assert _dates(told, published, "attack") == ["2026-03-17/.."]
    undated = "The militia announced a truce, saying its men would not attack the convoys."
    assert _dates(undated, published, "attack") == ["2026-03-20/.."]
    present = "The militia says its men would not attack the convoys."
    assert _dates(present, published, "attack") == ["2026-03-20/.."]


def test_a_date_opening_its_sentence_is_the_clauses_not_the_noun_after_it():
    """'Yesterday a coalition of teachers' associations declared a strike': a date that opens its
    sentence is an adverbial of the clause, not the modifier of the noun right after it (as in
    'denounced the 27 November agreement'), so the strike is dated yesterday."""
    text = "Riot police cleared the square. Yesterday a coalition of teachers' associations declared a strike across the province."
    assert _dates(text, dt.date(2026, 3, 20), "protest") == ["2026-03-19"]
    assert _dates("The rebels denounced the 27 November agreement with the army.", dt.date(2026, 3, 20), "refusal") == ["../2026-03-20"]
