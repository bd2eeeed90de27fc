"""Co-reference stage: one event mentioned twice in a document is one event with two sources."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from .. import dates
from ..taxonomy import agrees, of_class, root
from .casing import is_english_word
from .clauses import holds_finite_verb
from .dating import dating_clause
from .lookup import root_of, sentence_at, sentence_starts
from .modality import SPEECH_ACTS
from .roles import passive
from . import lexicon
from .state import DocState, EventMention
from .triggers import is_definite, participle_clause, triggers_in, undergone

# Types whose bare repetition ("The first bomb went off") is the same happening told again;
# a second bare statement or announcement is usually a different one.
_HAPPENINGS = of_class("violence", "happening")
_VIOLENCE = of_class("violence")


_ALSO = re.compile(r"\balso\s+(?:(?:was|were|has|have|had|been)\s+)*$", re.IGNORECASE)
_TIME_SHIFT = frozenset({"after", "before", "since", "until"})
_SEQUENCE = re.compile(r"\b(?:then|subsequently|afterwards|later on)\b", re.IGNORECASE)
def dates_the_event(text: str, mention: EventMention) -> bool:
    """'the kidnapping took place on 30 December': a clause that exists to date an event told before."""
    return dating_clause().search(text, mention.clause.start, mention.clause.end) is not None


@cache
def _groups() -> dict[str, str]:
    """Types that may name one event with different words ('the summit' / 'met')."""
    groups = lexicon.load("coreference")["compatible"]
    return {t: g["name"] for g in groups for t in g["types"]}


def compatible(a: str, b: str) -> bool:
    """Same type, one refining the other ('the attack' / 'the bombing'), or one gathering group."""
    return group_of(a) == group_of(b)


@cache  # asked for each pair of mentions co-reference compares: a long document asks millions of times
def group_of(event_type: str) -> str:
    """What an event of this type may co-refer with: its type family or its gathering group."""
    family = root(event_type)
    return _groups().get(family, family)


def _calendar(value: str | None) -> bool:
    """A closed date ('2004', 'Tuesday'), not an open one such as 'recently' or 'at the time'."""
    bounds = dates.parse(value) if value else None
    return bounds is not None and bounds.earliest is not None and bounds.latest is not None


def _dates_agree(a: EventMention, b: EventMention) -> bool:
    if not (a.date_stated and b.date_stated):
        return True
    return dates.intersection(dates.parse(a.date), dates.parse(b.date)) is not None


@dataclass(frozen=True, slots=True)
class _Wording:
    """What a mention's own words say, whatever it is compared with: read once per mention."""

    words: frozenset[str]  # its trigger words, stemmed
    new: bool  # 'another', 'fresh', 'separate' ... before the trigger
    own_date: bool  # a calendar date of its own, in a clause that does not exist to date an event
    sequel: bool  # told as what came next ('then', 'subsequently')
    definite: bool  # 'the attack', 'these strikes'
    names_parties: bool  # 'the Russia-Ukraine conflict'
    recent: bool = False  # a stated date of the report's own days ('the attack this morning')
    another: bool = False  # its sentence opens on another incident ('Meanwhile, ...', 'In addition, ...')
    also: bool = False  # 'also blew up': one more act, told beside the one before
    own_victims: frozenset[str] = frozenset()  # victims named in its complement: 'the murder of X'
    victims: frozenset[str] = frozenset()  # the victims of the mentions that told it again
    agent: str | None = None  # 'state' or 'irregular': the kind of forces its subject names
    kind: str | None = None  # the narrowest type its mentions so far have told it as ('the attack' ... 'burned')
    to_attacker: bool = False  # done to the attacker: 'the gunman was shot dead by police'


# A stated date this close to publication is the news being told, not another event from the past.
RECENT_DAYS = 7
# An event whose stated dates all end this long before publication is the story's background.
BACKGROUND_DAYS = 365


def _recent(value: str | None, published) -> bool:
    """A closed date that begins at most ``RECENT_DAYS`` before publication ('on 5 January', in a report
    of 9 January): the report's own news, which an undated mention before it may have told."""
    bounds = dates.parse(value) if value else None
    return (published is not None and bounds is not None and bounds.earliest is not None
            and bounds.latest is not None and 0 <= (published - bounds.earliest).days <= RECENT_DAYS)


@cache
def _new_event() -> re.Pattern:
    """Words before a mention that make it one more act ("another attack", "the latest blast"); an
    ordinal after 'the' or 'a' counts one act of several ("a third blast") (coreference.yaml new_event)."""
    entry = lexicon.load("coreference")["new_event"]
    words, ordinals = ("|".join(map(re.escape, entry[key])) for key in ("words", "ordinals"))
    return re.compile(rf"\b(?:{words}|(?:the|a)\s+(?:{ordinals}))\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)


@cache
def _another_incident() -> re.Pattern:
    pattern = lexicon.load("coreference")["another_incident"]["pattern"]
    return re.compile(rf"\W*(?:and\s+|but\s+)?(?:{pattern})\b", re.IGNORECASE)


def _wording(text: str, mention: EventMention, published=None, sentence_start: int | None = None) -> _Wording:
    trigger, clause = mention.trigger, mention.clause
    return _Wording(
        words=_words(text, mention),
        new=_new_event().search(text[max(0, trigger.start - 40):trigger.start]) is not None,
        own_date=mention.date_stated and _calendar(mention.date) and not dates_the_event(text, mention),
        recent=mention.date_stated and _recent(mention.date, published),
        another=sentence_start is not None and _another_incident().match(text, sentence_start) is not None,
        sequel=_SEQUENCE.search(text, clause.start, clause.end) is not None,
        definite=is_definite(text, trigger),
        names_parties=_names_own_parties(text, mention),
        also=_also(text, mention),
        own_victims=_own_victims(text, mention),
        agent=_agent_kind(text, mention),
        kind=mention.type,
        to_attacker=_done_to_attacker(mention),
    )


@cache
def _attacker_words() -> frozenset[str]:
    """Words that name the attacker himself, read from the lexicon once."""
    return frozenset(lexicon.load("coreference")["done_to_attacker"]["words"])


def _done_to_attacker(mention: EventMention) -> bool:
    """'the attacker was shot dead by police': violence whose target is the one who attacked."""
    return mention.type in _VIOLENCE and any(
        word in _attacker_words() or word.rstrip("s") in _attacker_words()  # 'gunmen' is listed, 'attackers' is not
        for target in mention.targets for word in target.lower().split())


@cache
def _force_words() -> dict[str, re.Pattern]:
    groups = lexicon.load("groups")
    kinds = {"state": groups["state_forces"], "irregular": [*groups["insurgents"], *groups["irregular_forces"]]}
    return {kind: re.compile(rf"\b(?:{lexicon.alternation(words)})\b", re.IGNORECASE) for kind, words in kinds.items()}


def _agent_kind(text: str, mention: EventMention) -> str | None:
    """'warplanes struck', 'rebels ambushed': the kind of forces an active verb's subject names,
    when it names one kind only (fighting between both sides has none)."""
    if mention.trigger.kind != "verb" or mention.type == "armed_clash" or passive(text, mention.clause, mention.trigger):
        return None  # 'two guardsmen were wounded': a passive's subject underwent it
    head = text[mention.clause.start:mention.trigger.start]
    kinds = [kind for kind, words in _force_words().items() if words.search(head)]
    return kinds[0] if len(kinds) == 1 else None


_COMPLEMENT = re.compile(r"\s+(?:of|on|against)\s+", re.IGNORECASE)


def _own_victims(text: str, mention: EventMention) -> frozenset[str]:
    """'the murder of X', 'the attack on the newspaper': the words of the victims a violent noun
    names in its own complement (none when the complement points back: 'the murder of these two')."""
    trigger = mention.trigger
    after = _COMPLEMENT.match(text, trigger.end)
    if mention.type not in _VIOLENCE or trigger.kind != "noun" or after is None:
        return frozenset()
    window = text[after.end():after.end() + 80].lower()
    if _victims_lexicon()[1].match(window):
        return frozenset()
    return _victim_words([t for t in mention.targets if t.lower() in window[:len(t) + 40]])


_ALSO_BEFORE = re.compile(r"\balso\b[^.;]*$", re.IGNORECASE)


@cache
def _also_told() -> re.Pattern:
    """'also reported (today) that', 'it has also been reported that': one more piece of news."""
    also, verbs = lexicon.load("coreference")["also_told"]["pattern"], lexicon.load("dating")["reporting"]["pattern"]
    return re.compile(rf"\b{also}(?:{verbs})\b[^.;]*$", re.IGNORECASE)


def _also(text: str, mention: EventMention) -> bool:
    """'also blew up the bank', and the act joined to it ('... and set fire to the town hall'):
    one more act told beside the ones before, not one of them told again."""
    trigger, clause = mention.trigger, mention.clause
    if trigger.kind != "verb":
        return False
    if _ALSO.search(text, max(clause.start, trigger.start - 25), trigger.start):
        return True
    if clause.lead == "that" and _also_told().search(text, max(0, clause.start - 80), clause.start):
        return True  # 'the press committee also reported today that guerrillas blew up ...'
    return clause.lead == "and" and _ALSO_BEFORE.search(text, max(0, clause.start - 100), clause.start) is not None


def same_event(text: str, earlier: EventMention, later: EventMention) -> bool:
    """True when ``later`` tells ``earlier`` again rather than a new event.

    Shared people or the same two-plus parties with the same words link mentions whatever their
    dates; the weaker cues (a definite noun, a shared place, a bare repetition) do not link a
    mention that carries a calendar date of its own ("In 2004, a quake killed ...") to an
    undated one, unless its clause exists to date it ("the attack took place on Monday"), nor
    one told as what came next ("then", "subsequently").
    """
    return _repeats(earlier, later, _wording(text, earlier), _wording(text, later))


def _repeats(earlier: EventMention, later: EventMention, first: _Wording, second: _Wording) -> bool:
    """``same_event`` with each mention's wording read beforehand (``_needs_shared_party`` says when
    a later mention needs a shared person or party for any of the ways this says yes: keep the two
    together)."""
    if not compatible(earlier.type, later.type) or two_kinds(first.kind or earlier.type, later.type):
        return False  # 'the bombing' does not tell an abduction again, nor 'burned' an attack told as a murder
    if not _dates_agree(earlier, later):
        return False
    if second.new or (second.also and later.type != earlier.type):
        return False  # 'another attack'; 'attacked the station ... also blew up the bank'
    if _harm_then_taking(earlier, later) and not (second.definite or set(earlier.people) & set(later.people)):
        return False  # 'X was killed ...' / 'when he was kidnapped': two incidents ('the kidnapping' points back)
    if first.agent and second.agent and first.agent != second.agent:
        return False  # 'rebels ambushed ...', 'warplanes struck ...': an attack and the reply
    if first.to_attacker != second.to_attacker:
        return False  # 'stabbed three officers ...', 'the attacker was shot dead': the attack and the reply
    if _same_participants(earlier, later, first.words & second.words):
        return True
    if _other_victims(earlier, later, first, second):
        return False  # 'the murder of X' ... 'the murder of Y': two killings
    if second.another and later.clause.sentence != earlier.clause.sentence:
        return False  # "In addition, a vehicle was destroyed ...": another incident
    if second.own_date and not earlier.date_stated and not (second.recent and second.definite):
        return False  # "In 2004, a quake killed ...": a calendar date of its own makes another event
    if second.sequel:
        return False  # "... and fighting then spread": told as what came next, not told again
    if later.clause.sentence == earlier.clause.sentence and later.clause.lead in _TIME_SHIFT:
        return False  # "fired rockets ..., a day after the raid": the raid is another event
    if second.definite:
        return not second.names_parties and (later.location in (None, earlier.location)
                                             or earlier.location is None)  # it tells where
    if later.location and later.location == earlier.location and set(earlier.actors) & set(later.actors):
        return True
    if (later.trigger.rule == earlier.trigger.rule in lexicon.load("coreference")["one_per_party"]["rules"]
            and set(later.actors) & set(earlier.actors)):
        return True
    return _bare(later) and compatible(earlier.type, later.type) and not two_kinds(first.kind or earlier.type, later.type) and (
        later.type in _HAPPENINGS)


def _needs_shared_party(later: EventMention, told: _Wording) -> bool:
    """Whether ``_repeats`` can say yes for ``later`` only with an earlier event that shares a person
    or a party with it (neither a definite noun nor a bare happening)."""
    return not (told.definite or (_bare(later) and later.type in _HAPPENINGS))


def _repeated(state: DocState, later: EventMention, told: _Wording, candidates: list[int],
              open_events: _OpenEvents) -> int | None:
    """The first candidate ``later`` repeats (``_repeats``). When it can only be one sharing a person
    or a party, the others are passed over without the comparison: all of the up to ``WINDOW`` for
    the many mentions with a place alone, say."""
    events, wording = state.events, open_events.wording
    if _needs_shared_party(later, told):
        people, actors = frozenset(later.people), frozenset(later.actors)
        candidates = [j for j in candidates
                      if not (people.isdisjoint(events[j].people) and actors.isdisjoint(events[j].actors))]
    found = next((j for j in candidates if _repeats(events[j], later, wording[j], told)), None)
    if found is not None and not later.targets:
        found = _victims_named(state, later, told, candidates, found, open_events)
    if found is not None and _bare(later) and not (told.definite or later.date_stated) and open_events.told_long_before(
            found, later) and not _points_back(state.text, events[found], later):
        return None  # the act a bare mention would repeat is the story's background: the mention is news of its own
    return found


def _victims_named(state: DocState, later: EventMention, told: _Wording, candidates: list[int], found: int,
                   open_events: _OpenEvents) -> int:
    """'the attack on the newspaper ... an attack on a farm ... editors of the newspaper spoke of the
    dynamite attack', '... two of the people hurt at the newspaper': a mention naming no target of
    its own whose sentence names what an earlier act hit, and nothing the nearest act hit, tells that
    earlier act again (``coreference.yaml`` named_victims)."""
    named = _content_words(state.text[slice(*state.sentences[later.clause.sentence])])
    events, wording = state.events, open_events.wording

    if not named.isdisjoint(_victim_words(events[found].targets) | wording[found].victims):
        return found
    return next((j for j in candidates if j != found and not named.isdisjoint(_victim_words(events[j].targets))
                 and _repeats(events[j], later, wording[j], told)), found)  # what its first mention hit


def _content_words(sentence: str) -> frozenset[str]:
    """A sentence's words as ``_victim_words`` reads targets, without the words that name nothing."""
    words = {w.removesuffix("s") for w in re.findall(r"[a-z]+", sentence.lower()) if len(w) > 2}
    return frozenset(words - _function_words())


@cache
def _function_words() -> frozenset[str]:
    """Words that name no one thing hit: function words, and states and their peoples ('Salvadoran'),
    which a story names in most of its sentences."""
    states = {w.lower().removesuffix("s") for name in lexicon.state_names() for w in name.split()}
    peoples = {w.removesuffix("s") for w in lexicon.demonyms()}
    return frozenset(lexicon.load("coreference")["named_victims"]["function_words"]) | states | peoples


def _points_back(text: str, earlier: EventMention, later: EventMention) -> bool:
    """'a quake struck the coast in April last year ... five people died in the quake', '... was hurt
    trying to stop the attack': a definite noun in the later clause that names an act of its kind, or
    whose word the earlier clause holds, names the act told before again."""
    told = {w.lower() for w in _WORD.findall(text, earlier.clause.start, earlier.clause.end)}
    return any(m.group(1).lower() in told or any(compatible(t.type, later.type) for t in triggers_in(text, *m.span(1)))
               for m in _DEFINITE_NOUN.finditer(text, later.clause.start, later.clause.end))


_DEFINITE_NOUN = re.compile(r"\b(?:the|this|that)\s+([A-Za-z][A-Za-z'’-]{3,})", re.IGNORECASE)


def _bare(event: EventMention) -> bool:
    """A mention that names no party, person or place ('an explosion was heard')."""
    return not (event.actors or event.people or event.location)


def _harm_then_taking(earlier: EventMention, later: EventMention) -> bool:
    """Harm told by its toll ('was killed') and, in another sentence, a kidnapping, robbery or
    arson: two kinds of act, though the toll's general type ('attack') would take the other's
    (in one sentence the toll is the act's own: 'kidnapped ..., his bodyguard wounded')."""
    if earlier.clause.sentence == later.clause.sentence:
        return False
    tolls, acts = _harm_not_taking()
    return ((earlier.trigger.rule in tolls and later.type in acts)
            or (later.trigger.rule in tolls and earlier.type in acts))


@cache
def _harm_not_taking() -> tuple[frozenset[str], frozenset[str]]:
    """(the rules that tell harm by its toll, the acts it is not), read once: asked per pair."""
    rule = lexicon.load("coreference")["harm_not_taking"]
    return frozenset(rule["rules"]), frozenset(rule["other_acts"])


@cache
def _victims_lexicon() -> tuple[frozenset[str], re.Pattern]:
    entry = lexicon.load("coreference")["other_victims"]
    return frozenset(entry["general"]), re.compile(rf"(?:{entry['points_back']})\b")


def _victim_words(targets: list[str]) -> frozenset[str]:
    """The words naming targets, without those that may stand for anyone ('people', 'victims')."""
    return _victim_words_of(tuple(targets))


@lru_cache(maxsize=1 << 14)  # asked of each candidate per mention compared: one target list read for up to 50
def _victim_words_of(targets: tuple[str, ...]) -> frozenset[str]:
    words = {w.removesuffix("s") for target in targets for w in re.findall(r"[a-z]+", target.lower()) if len(w) > 2}
    return frozenset(words - _victims_lexicon()[0])


def _other_victims(earlier: EventMention, later: EventMention, first: _Wording, second: _Wording) -> bool:
    """Violence whose own complement names victims that share no word with those of the earlier
    event (its first mention names some; later mentions add theirs)."""
    if not second.own_victims or earlier.type not in _VIOLENCE:
        return False
    named = _victim_words(earlier.targets)
    return bool(named) and not (named | first.victims) & second.own_victims


def _share(these: list[str], those: list[str]) -> bool:
    """Whether two lists of names have one in common (without building two sets per pair)."""
    return bool(these) and bool(those) and not set(these).isdisjoint(those)


def _same_participants(earlier: EventMention, later: EventMention, words: frozenset[str]) -> bool:
    """The same people (at the same place or with the same words), or the same parties and words."""
    if _share(earlier.people, later.people) and (
            (later.location and later.location == earlier.location) or words):
        return True
    return len(later.actors) >= 2 and set(later.actors) == set(earlier.actors) and bool(words)


_SUFFIX = re.compile(r"(?:ed|ing|es|s)$")


_SPEECH_NOUN = re.compile(r"speech|remarks|address|statement|interview", re.IGNORECASE)


_DETERMINER = re.compile(r"\b(?:the|this|these|those|its|their|that)\s+", re.IGNORECASE)


def _names_own_parties(text: str, event: EventMention) -> bool:
    """'the Russia-Ukraine conflict': a definite nominal whose own words name who is involved
    (the words between its determiner and its noun, within its clause)."""
    trigger = event.trigger
    start = max(event.clause.start, trigger.start - 30)
    determiners = list(_DETERMINER.finditer(text, start, trigger.start))
    phrase = text[determiners[-1].end() if determiners else start:trigger.start]
    if not phrase.strip() or (phrase.isupper() and text[event.clause.start:event.clause.end].isupper()):
        return False  # nothing between, or wire copy's capitals that say nothing ('the US airstrike' names the US)
    return re.search(r"\b[A-Z]", phrase) is not None


def _words(text: str, event: EventMention) -> frozenset[str]:
    """The trigger words of a mention, lower-cased and crudely stemmed ('called for' = 'call for')."""
    return frozenset(" ".join(_SUFFIX.sub("", w) for w in text[t.start:t.end].lower().split())
                     for t in [event.trigger, *event.others])


_PARTICIPLES = frozenset({"saying", "calling", "claiming", "adding", "insisting", "providing", "demanding"})
_DEMANDING = frozenset({"appeal", "threat"})


def _told_by_victim(text: str, mention: EventMention) -> bool:
    """'asked ... to ensure that the murder of X does not go unpunished': violence named by whom
    it hit is an incident already done, not what the appeal demands."""
    trigger = mention.trigger
    return trigger.kind == "noun" and mention.type in _VIOLENCE and undergone(text, trigger)


def _is_content(state: DocState, i: int) -> bool:
    """The words of an act already told, not a second act: 'stated that ...', '..., saying ...'.

    A 'that'-clause statement right after a statement is what was said; a participle clause
    ('saying', 'providing ...') with a nominal or a statement elaborates the clause before it.
    """
    later, earlier = state.events[i], state.events[i - 1] if i else None
    if earlier is None or later.clause.sentence != earlier.clause.sentence:
        return False
    if later.clause.lead == "that" and later.type == earlier.type == "statement":
        return True
    if later.clause.lead == "that" and earlier.type in _DEMANDING and not _told_by_victim(state.text, later):
        return True  # 'demanded that its partners refuse to recognize ...': what was demanded
    if later.clause.lead == "that" and earlier.type == "refusal" and later.type not in _VIOLENCE:
        return True  # 'denied that it had asked any country to mediate': what was denied, no act
    if later.clause.lead in _PARTICIPLES and earlier.type not in SPEECH_ACTS and later.type in _DEMANDING:
        return True  # 'blocked roads, demanding ...': the purpose of the act, not another act
    return later.clause.lead in _PARTICIPLES and (later.trigger.kind == "noun" or later.type == "statement")


@cache  # asked for each pair of mentions compared, like group_of
def two_kinds(a: str, b: str) -> bool:
    """Two specific kinds of one family ('kidnapped and killed', a bombing and an abduction) are
    two events; a kind and its family's general word ('the attack') may be one."""
    return a != b and root(a) not in (a, b) and root(b) != b


_TOLL = frozenset({"killing", "attack"})  # what '..., killing three and wounding five' is typed
_OTHER_THAN_HARM = frozenset({"abduction", "robbery", "arson"})  # 'kidnapped the mayor, killing his driver': two acts


def _destruction_apart(earlier: EventMention, later: EventMention) -> bool:
    """'..., burning 40 houses' after violence of another kind: property destruction told by a
    participle's verb is an act of its own, as ACLED counts it (lexicons/coreference.yaml,
    destruction_apart); a toll ('..., killing three') is the violence's own."""
    kinds = _destruction_kinds()
    return later.type in kinds and earlier.type not in kinds and later.trigger.kind == "verb"


@cache
def _destruction_kinds() -> frozenset[str]:
    """The types of property destruction (lexicons/coreference.yaml, destruction_apart), read once."""
    return frozenset(lexicon.load("coreference")["destruction_apart"]["types"])


def _continues(text: str, earlier: EventMention, later: EventMention, caps: bool = False) -> bool:
    """'the attacks occurred at 4 a.m. and struck the plant': one event, two coordinated verbs; 'an
    attack on Monday in which a gunman fired at ...': the act told inside a nominal's relative clause."""
    same_sentence = later.clause.sentence == earlier.clause.sentence
    if not _dates_agree(earlier, later):
        return False  # 'a month ago the mayor was killed and another was killed yesterday'
    if same_sentence and later.clause.lead in ("who", "whom") and _VIOLENCE >= {later.type, earlier.type}:
        # 'the murder of judge X, who was shot dead on Monday': what befell the victim just named
        return compatible(later.type, earlier.type) and not two_kinds(earlier.type, later.type)
    if same_sentence and later.clause.lead in ("when", "as") and _VIOLENCE >= {later.type, earlier.type}:
        return compatible(later.type, earlier.type)  # 'three were killed when rebels threw bombs'
    if same_sentence and (participle_clause(text, later.clause) or _told_in_which(text, earlier, later, caps)) \
            and _VIOLENCE >= {later.type, earlier.type}:
        if _destruction_apart(earlier, later):
            return False  # 'fought with machetes ..., burning 40 houses': the fire is an act of its own
        toll = later.type in _TOLL and earlier.type not in _OTHER_THAN_HARM  # 'a drone strike ..., killing no one'
        return toll or not two_kinds(earlier.type, later.type)  # 'attacked the station, killing three policemen'
    return (same_sentence and later.clause.lead in ("and", "and then") and not two_kinds(earlier.type, later.type)
            and compatible(later.type, earlier.type) and later.type in _HAPPENINGS and not later.people)


@cache
def _in_which() -> re.Pattern:
    """'in which', 'during which' (lexicons/coreference.yaml, told_in_which)."""
    words = lexicon.load("coreference")["told_in_which"]["words"]
    return re.compile(rf"\b(?:{lexicon.alternation(words)})\W*$", re.IGNORECASE)


def _told_in_which(text: str, earlier: EventMention, later: EventMention, caps: bool = False) -> bool:
    """'the attack on 5 May in which a man fired a rifle at traders', 'the clashes, during which two
    soldiers died': an asserted act told in a relative clause that opens right after a nominal's
    phrase (no finite verb between: not 'the clashes were reported in the north, during which')
    is what happened in it, told as a participle clause tells it (its date is the nominal's), unless
    it names a party the nominal does not ('the offensive, during which the army shelled ...': a reply)."""
    opening = later.clause.start
    return (later.clause.lead == "which" and earlier.trigger.kind == "noun" and later.modality == "asserted"
            and set(later.actors) <= set(earlier.actors)
            and earlier.trigger.end <= opening
            and _in_which().search(text, max(0, opening - 24), opening) is not None
            and not holds_finite_verb(text, earlier.trigger.start, opening, caps))


# A mention is compared with at most this many earlier events of a compatible type, nearest first,
# so that a long document costs no more per mention than a short one (news text reaches back
# at most 25 such events for a repetition in the corpora measured: MUC-3, WikiWars, Wikinews).
WINDOW = 50


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def victim_names(event: EventMention) -> frozenset[str]:
    """The surnames of a violent mention's victims ('PIESCHER' in '42-YEAR-OLD JOSEF PIESCHER'),
    which the name lexicons miss in wire copy: a last word that is no dictionary word, no known name."""
    if event.type not in _VIOLENCE:
        return frozenset()
    known, out = lexicon.names(), set()
    for target in event.targets:
        words = _WORD.findall(target) if target.lower() not in known else []
        if words and not is_english_word(words[-1]) and words[-1].lower() not in known:
            out.add(words[-1].lower())  # the surname: a given name ('Carlos') is shared by many
    return frozenset(out)


def _clause_names(text: str, mention: EventMention) -> frozenset[str]:
    """The words of a violent mention's clause, lower-cased ('PORTH'S RESIDENCE WAS MACHINEGUNNED'):
    a victim told by what was his is named there though no target is him."""
    if mention.type not in _VIOLENCE:
        return frozenset()
    words = _WORD.findall(text, mention.clause.start, mention.clause.end)
    return frozenset(w.lower().removesuffix("'s").removesuffix("’s") for w in words)


def _same_victim(victims: frozenset[str], earlier: EventMention, later: EventMention, told: _Wording,
                 named: frozenset[str], kind: str | None = None) -> bool:
    """'the killing of Josef Piescher' ... 'Shining Path had killed Piescher', '... when Piescher's
    house was machinegunned': violence done to the same person named (or to what was his; ``named``:
    the later mention's victims and clause words) is told again, unless a date of its own says otherwise."""
    return (bool(victims & named) and not told.new and not told.another and not told.own_date
            and _dates_agree(earlier, later) and compatible(earlier.type, later.type)
            and not two_kinds(kind or earlier.type, later.type))


_FRAME = re.compile(r"\W*(?:\w+\W+){0,2}$")  # at most two words before the date: 'In December 2020, ...'


def _framed_sentences(state: DocState) -> frozenset[int]:
    """The sentences that open on a calendar date ('In December 2020, an ambush ...', 'On 3 May,
    ...'): the date frames what the sentence tells as a time of its own, apart from the news."""
    starts = sentence_starts(state)
    out = set()
    for timex in state.timexes:
        index = sentence_at(state, timex.start)
        if index >= 0 and _calendar(timex.edtf) and _FRAME.fullmatch(state.text, starts[index], timex.start):
            out.add(index)
    return frozenset(out)


class _OpenEvents:
    """The events told so far that a later mention may repeat (confident, not repeats themselves)."""

    def __init__(self, state: DocState) -> None:
        self.text = state.text
        self.published = state.published
        self.sentences = state.sentences
        self.events = state.events
        self.framed = _framed_sentences(state)
        self.by_group: dict[str, list[int]] = {}  # group_of(type) -> its last WINDOW events, in text order
        self.in_windows: dict[int, int] = {}  # event -> how many windows hold it: only those are read again
        self.wording: dict[int, _Wording] = {}
        self.last_act: int | None = None  # the latest speech act
        self.first_act_of: dict[str, int] = {}  # person or party -> their first speech act
        self.victims: dict[int, frozenset[str]] = {}  # open event -> its victims' names, over its repeats
        self.last_read: tuple[EventMention, _Wording] | None = None  # a mention read, then added: read once
        self.stated: dict[int, dates.Bounds | None] = {}  # open event -> what all its stated dates allow (None: nothing)
        # where a date that bounds its clause ends ('since last month'): a clause opening there may name its time
        self.bound_ends = frozenset(t.end for t in state.timexes if t.edtf.startswith("../") or t.edtf.endswith("/.."))

    def add(self, index: int, event: EventMention) -> None:
        window = self.by_group.setdefault(group_of(event.type), [])
        window.append(index)
        self.in_windows[index] = self.in_windows.get(index, 0) + 1
        if len(window) > WINDOW:
            self._left_window(window.pop(0))
        self.wording[index] = self.wording_of(event)
        self.victims[index] = victim_names(event)
        self._narrow(index, event)
        if event.type in SPEECH_ACTS:
            self.last_act = index
            for name in [*event.people, *event.actors]:
                self.first_act_of.setdefault(name, index)

    def _left_window(self, index: int) -> None:
        """An event no later mention can reach: what was read of it goes, so that a long document
        holds the words of WINDOW events per group, not of every event told so far (adding it
        again reads it again)."""
        self.in_windows[index] -= 1
        if not self.in_windows[index]:
            del self.in_windows[index], self.wording[index], self.victims[index]

    def told_again(self, event: EventMention) -> None:
        """An open event told again gathers the victims the new mention names, and the narrower
        kind it tells it as ('the attack' then 'the murder': a killing; not the toll of a participle)."""
        told = self.wording.get(event.same_as)
        if told is None:
            return
        self._narrow(event.same_as, event)
        if event.targets:
            told = replace(told, victims=told.victims | _victim_words(event.targets))
        kind = told.kind or event.type
        if event.type != kind and agrees(event.type, kind) and not participle_clause(self.text, event.clause):
            told = replace(told, kind=event.type)
        self.wording[event.same_as] = told

    def wording_of(self, event: EventMention) -> _Wording:
        """What a mention's words say; the mention just compared is read once, not again when it opens
        an event (co-reference changes no field it is read from)."""
        if self.last_read is not None and self.last_read[0] is event:
            return self.last_read[1]
        told = _wording(self.text, event, self.published, self.sentences[event.clause.sentence][0])
        self.last_read = (event, told)
        return told

    def _narrow(self, index: int, event: EventMention) -> None:
        """What the stated dates of an event's mentions so far allow together."""
        if event.date_stated and event.date:
            told = dates.parse(event.date)
            if index in self.stated:
                allowed = self.stated[index]
                told = dates.intersection(allowed, told) if allowed is not None else None
            self.stated[index] = told

    def may_date(self, index: int, later: EventMention) -> bool:
        """'They are staging attacks' ... 'a bomb exploded this morning' ... 'the headquarters was
        bombed last night': a mention whose date no day allowed by the dates of all the event's
        mentions so far meets is another event."""
        if index not in self.stated or not (later.date_stated and later.date):
            return True
        allowed = self.stated[index]
        return allowed is not None and dates.intersection(allowed, dates.parse(later.date)) is not None

    def told_long_before(self, index: int, later: EventMention) -> bool:
        """'In December 2020 an ambush killed four soldiers. ... seven soldiers were executed': an event
        told in a sentence that opens on its date, whose stated dates all end more than ``BACKGROUND_DAYS``
        before publication, is background that a bare, undated mention in a later sentence does not
        tell again (it is the news, or another past act)."""
        allowed = self.stated.get(index)
        return (allowed is not None and allowed.latest is not None and self.published is not None
                and self.events[index].clause.sentence in self.framed
                and later.clause.sentence != self.events[index].clause.sentence
                and (self.published - allowed.latest).days > BACKGROUND_DAYS)

    def nearest(self, event_type: str) -> list[int]:
        """Compatible events, nearest first, within the window."""
        return self.by_group.get(group_of(event_type), [])[::-1]

    def candidates(self, later: EventMention) -> list[int]:
        """``nearest`` events whose stated dates ``later`` may meet (``may_date``; asked of each
        only when ``later`` states a date)."""
        nearest = self.nearest(later.type)
        if not (later.date_stated and later.date):
            return nearest
        return [j for j in nearest if self.may_date(j, later)]

    def first_act_by_speaker_of(self, state: DocState) -> int | None:
        """The first speech act of whoever made the latest one (else the latest one)."""
        if self.last_act is None:
            return None
        last = state.events[self.last_act]
        firsts = [self.first_act_of[n] for n in {*last.people, *last.actors} if n in self.first_act_of]
        return min(firsts, default=self.last_act)


def _speech_referred(state: DocState, i: int, acts: _OpenEvents) -> int | None:
    """'The speech came a week after ...': a definite speech noun names the whole speech, so it is
    the first speech act of whoever made the last one."""
    later, text = state.events[i], state.text
    if later.type != "statement" or not is_definite(text, later.trigger) or not _SPEECH_NOUN.match(
            text, later.trigger.start):
        return None
    return acts.first_act_by_speaker_of(state)


def _names_the_time(mention: EventMention, open_events: _OpenEvents) -> bool:
    """'the deadliest since last month, when gunmen killed 70 people': a 'when' clause that names the
    time a date bounding the clause before it opens on ('since', 'until') is what happened then, not
    that clause's act told on ('destroyed on 8 October, when a bomb ...' is)."""
    if mention.clause.lead not in ("when", "at which time", "on which day"):
        return False
    return any(end in open_events.bound_ends for end in range(max(0, mention.clause.start - 3), mention.clause.start + 1))


def _antecedent(state: DocState, i: int, open_events: _OpenEvents) -> int | None:
    """The earlier mention that mention ``i`` tells again, if any."""
    text, later = state.text, state.events[i]
    if _is_content(state, i):
        return root_of(state, i - 1)
    if i and not _names_the_time(later, open_events) and _continues(text, state.events[i - 1], later, state.caps):
        root = root_of(state, i - 1)
        if open_events.may_date(root, later):  # 'a drone hit X in January, wounding two, and a strike last month ...'
            return root
    speech = _speech_referred(state, i, open_events)
    if speech is not None:
        return speech
    candidates = open_events.candidates(later)
    if not candidates:
        return None
    told = open_events.wording_of(later)
    if told.new:
        _kind_of_series(state, later, candidates, open_events)
        return None  # 'another attack' repeats nothing, whichever way (``_repeats``, ``_same_victim``)
    found = _repeated(state, later, told, candidates, open_events)
    if found is None and not (told.another or told.own_date):  # either makes ``_same_victim`` say no
        named = victim_names(later) | _clause_names(text, later)  # once, not per candidate
        victims = open_events.victims  # a candidate whose victims share no name is passed over before the call
        found = next((j for j in candidates if not named.isdisjoint(victims[j]) and _same_victim(
            victims[j], state.events[j], later, told, named, open_events.wording[j].kind)), None)
    return found


def _heads(targets: list[str]) -> frozenset[str]:
    """The last word of each target ('the oil pipeline': pipeline), without a plural 's'."""
    return frozenset(t.split()[-1].lower().removesuffix("s") for t in targets if t.split())


def _kind_of_series(state: DocState, later: EventMention, candidates: list[int], open_events: _OpenEvents) -> None:
    """'four dynamite attacks on the pipeline ... the latest attack on the pipeline': another act of
    a series against the same target (the head word of a target) is of the series' one narrower kind
    (``lexicons/coreference.yaml``, series_kind)."""
    if later.type != "attack" or later.trigger.kind != "noun" or not later.targets:
        return
    heads = _heads(later.targets)
    kinds = {open_events.wording[j].kind or state.events[j].type for j in candidates
             if _heads(state.events[j].targets) & heads} - {later.type}
    if len(kinds) == 1 and agrees(next(iter(kinds)), later.type):  # one narrower kind, none other
        later.trigger = replace(later.trigger, type=kinds.pop())


def _fold_announcements(state: DocState) -> None:
    """'Garcia announced | that the state of emergency will be extended': the announcement tells
    the act it announces, so the act is the event, with the announcing words in its evidence
    (its date stays the act's own, unless the act is itself words: 'said yesterday that removing
    the sanctions is out of the question' refused yesterday) and the speaker as its party when it
    names none of its own."""
    for before, content in zip(state.events, state.events[1:]):
        if (before.type != "statement" or content.type == "statement" or content.clause.lead != "that"
                or content.clause.sentence != before.clause.sentence or before.clause.end > content.clause.start):
            continue
        if not _told_as_done_before(state.text, content):
            content.clause = replace(content.clause, evidence=(before.clause.start, content.clause.end))
        said = _when_said(state.text, before, content) if content.type in SPEECH_ACTS else None
        if said is not None:  # 'said yesterday that X is out of the question': words are said when said
            content.date, content.date_stated = said, True
        if not content.actors and not content.people:  # 'that it would withdraw': the speaker acts
            content.actors += [a for a in before.actors if a not in content.targets]
            content.people += before.people
        before.confidence = 0.0  # told by the act it announces


_HAD = re.compile(r"\bhad\b", re.IGNORECASE)


def _told_as_done_before(text: str, content: EventMention) -> bool:
    """'said that 40 soldiers had been killed', 'announced that troops had freed him': an act told in
    the past perfect under a saying was done before it was said; the saying only reports it, so the
    act is quoted in its own words (words that decide or refuse stay quoted with their saying)."""
    return (content.type not in SPEECH_ACTS and content.modality not in ("future", "hypothetical")
            and _HAD.search(text, content.clause.start, content.trigger.start) is not None)


def _when_said(text: str, saying: EventMention, words: EventMention) -> str | None:
    """The date of words a dated saying reports: the saying's own, or on or before it when the words
    are told as done before ('announced on Monday that both sides had accepted')."""
    if not (saying.date_stated and saying.date):
        return None
    if _HAD.search(text, words.clause.start, words.trigger.start) is None:
        return saying.date
    latest = dates.parse(saying.date).latest
    return f"../{latest.isoformat()}" if latest is not None else None


def _sure_by_a_later_mention(state: DocState, later: EventMention, open_events: _OpenEvents, threshold: float) -> None:
    """'a bomb had been planted | and detonated under a bus': violence first told too weakly to
    keep is kept, and may be told again, once a sure mention joins it."""
    if later.same_as is None or later.confidence < threshold or later.type not in _VIOLENCE:
        return
    root = state.events[later.same_as]
    if root.confidence < threshold and root.type in _VIOLENCE:
        root.confidence = later.confidence
        open_events.add(later.same_as, root)


def resolve(state: DocState, options) -> DocState:
    """Stage: link each mention to the earlier event it repeats (``same_as``)."""
    _fold_announcements(state)
    open_events = _OpenEvents(state)
    for i, later in enumerate(state.events):
        later.same_as = _antecedent(state, i, open_events)
        open_events.told_again(later)
        _sure_by_a_later_mention(state, later, open_events, options.min_confidence)
        if later.same_as is None and later.confidence >= options.min_confidence:
            open_events.add(i, later)
        elif later.same_as is not None:
            root = root_of(state, i)
            if root in open_events.victims:
                open_events.victims[root] |= victim_names(later)
    return state
