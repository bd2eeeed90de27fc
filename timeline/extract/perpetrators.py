"""Perpetrators: who did the violence when its clause names no one by a name in place. An agent
the commas cut off (', apparently by X', ', carried out by X'), the apposition that says whose it
is ('a column, also belonging to the ELN'), who placed the weapon ('a bomb planted by X'), the
armed group 'they' stand for, and the party a relative clause acts for ('the MPL, which claimed
the attack')."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import cache

from ..taxonomy import of_class
from . import lexicon
from .group_nouns import named_as_accused
from .groups import described_group, groups_in, introduced_band, is_armed_group
from .names import names_in
from .lookup import cached, clauses_after, clauses_before, events_of, mentions_in
from .phrases import Phrase, phrase_after, phrase_before
from .roles import Roles, is_instrument, passive
from .state import Clause, DocState, EventMention, Mention, Trigger

VIOLENT = of_class("violence") - {"armed_clash"}


_ASIDE = re.compile(r"\W*according to\b", re.IGNORECASE)
_BY_OPENER = re.compile(r"\W*(?:(?:\w+ly|also|reportedly|allegedly|possibly|probably)\s+){0,2}by\s+", re.IGNORECASE)
# ', carried out this morning by FMLN terrorists': a participle clause that tells a nominal's agent
_DONE_BY = re.compile(r"\W*(?:(?:which|that)\s+(?:was|were|had been|has been)\s+)?(?:\w+ly\s+)?(?:carried out|perpetrated|"
                      r"committed|staged|executed|conducted|launched|planted|placed)\b[^,;]{0,60}?\bby\s+", re.IGNORECASE)
_BELONGING = re.compile(r"\W*(?:also\s+|both\s+|all\s+)?(?:belonging to|members? of|part of|linked to|attached to|"
                        r"of)\s+(?:the\s+)?", re.IGNORECASE)


_PASSIVE_SUPPORT = re.compile(r"\s+(?:was|were|has been|have been|had been|is|are)\s+(?:\w+ly\s+)?(?:carried out|conducted|"
                              r"launched|staged|perpetrated|committed|mounted|executed)\b", re.IGNORECASE)


def _told_passively(text: str, clause: Clause, trigger: Trigger) -> bool:
    """'were kidnapped', and a nominal a passive support verb carries ('the attack was perpetrated')."""
    return passive(text, clause, trigger) or (
        trigger.kind == "noun" and _PASSIVE_SUPPORT.match(text, trigger.end, clause.end) is not None)


def _agent_after(text: str, following: list[Clause], nominal: bool = False) -> Phrase | None:
    """'Barillas was killed on 1 August, apparently by extreme rightist groups': the 'by ...' of a
    passive that opens a following clause (``following``: the eventless clauses after it, an
    aside such as 'according to the police' passed over); for a nominal also a participle clause
    ('the murder of X, carried out this morning by FMLN terrorists')."""
    for clause in following:
        if _ASIDE.match(text, clause.start, clause.end):
            continue
        opener = (_DONE_BY.match(text, clause.start, clause.end) if nominal else None) or _BY_OPENER.match(
            text, clause.start, clause.end)
        return phrase_after(text, opener.end(), clause.end) if opener else None
    return None


def _with_apposition(text: str, agent: Phrase, following: list[Clause]) -> Phrase:
    """'by another guerrilla column, also belonging to the ELN': an agent and the apposition after
    it that says whose it is (``following``: the eventless clauses after the agent's)."""
    nxt = next((c for c in following if c.start >= agent.end), None)
    if nxt is None or text[agent.end:nxt.start].strip(" ,") or not _BELONGING.match(text, nxt.start, nxt.end):
        return agent
    end = nxt.end
    while end > nxt.start and text[end - 1] in ".,;: ":
        end -= 1
    return Phrase(agent.start, end, text[agent.start:end])


_PLACED_BY = re.compile(r"\b(?:planted|placed|left|set off|detonated|hurled|thrown|activated)\s+(?:\w+\s+){0,2}?by\s+",
                        re.IGNORECASE)


def _placer(text: str, start: int, end: int) -> Phrase | None:
    """'killed by a bomb presumably placed by an urban guerrilla group': who planted, placed or
    hurled the weapon (in ``text[start:end]``) did the violence."""
    found = _PLACED_BY.search(text, start, end)
    return phrase_after(text, found.end(), end) if found else None


def agent_beyond_clause(state: DocState, event: EventMention, roles: Roles) -> Roles:
    """The agent the commas cut off: a passive's 'by ...' in the next clause, and the apposition
    after an agent that names its group ('by a guerrilla column, also belonging to the ELN')."""
    following = []
    for clause in clauses_after(state, event.clause):
        if events_of(state, clause):
            break
        following.append(clause)
    agent = roles.agent
    nominal = event.trigger.kind == "noun"
    if agent is None and (nominal or _told_passively(state.text, event.clause, event.trigger)):
        agent = _agent_after(state.text, following, nominal)
    if (agent is None or is_instrument(agent)) and event.type in VIOLENT:  # 'a bomb placed by rebels exploded'
        agent = _placer(state.text, event.clause.start, following[-1].end if following else event.clause.end) or agent
    if agent is not None:
        agent = _with_apposition(state.text, agent, following)
    return roles if agent is roles.agent else replace(roles, agent=agent)


def antecedent(state: DocState, clause: Clause, violent: bool = False) -> list[Mention]:
    """The parties a relative clause stands for: the names in the noun phrase right before it; for
    violence also a group that phrase tells by what it is ('the so-called death squads, who
    murdered') or refers back to ('the clandestine group, which set fire': the armed group told last)."""
    before = clauses_before(state, clause)
    if not before:
        return []
    end = before[-1].end
    while end > before[-1].start and state.text[end - 1] in ", ":
        end -= 1
    phrase = phrase_before(state.text, end, before[-1].start)
    if phrase is None:
        return []
    named = [m for m in mentions_in(state, phrase.start, phrase.end) if m.kind == "actor"]
    if named or not violent:
        return named
    described = described_group(phrase.text)
    if described is None and _anaphor().search(state.text, before[-1].start, phrase.end):  # its article too
        described = _armed_group_before(state, phrase.start, clause.sentence)
    return [Mention(phrase.start, phrase.end, "actor", described)] if described else []


def _alternatives(words: list[str]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


@cache
def _anaphor() -> re.Pattern:
    """A definite phrase for a group told before ('the members of the aforementioned group', 'the
    clandestine group': lexicons/groups.yaml), ending the words searched."""
    data = lexicon.load("groups")
    return re.compile(rf"\b(?:(?:\w+\s+)?members\s+of\s+)?(?:{_alternatives(data['anaphor_determiners'])})\s+"
                      rf"(?:[\w-]+\s+){{0,2}}?(?:{_alternatives(data['anaphor_heads'])})$", re.IGNORECASE)


_GROUP_PRONOUN = re.compile(r"\b(?:they|it)$", re.IGNORECASE)
_BEFORE_VERB = re.compile(r"(?:\s+(?:have|has|had|would|will|could|may|might|also|then|not|\w+ly|\w+ed\s+to|"
                          r"(?:is|are|was|were)\s+(?:\w+ly\s+)?responsible\s+for(?:\s+the)?)){0,3}\s*$",
                          re.IGNORECASE)  # 'they attempted to murder': a past verb's 'to' too; 'this group is responsible for
_PRONOUN_REACH = 3  # sentences back for the group a pronoun stands for


def group_told_last(state: DocState, clause: Clause, head: str, violent: bool = True) -> str | None:
    """'when they attacked the barracks', 'the aforementioned group placed a bomb' (``head``: the
    clause's words before its trigger): the armed group named last before the clause, within a few
    sentences, is who 'they' are; 'we' and 'our guerrillas' in a communique are the party its header
    names. Of a clause that tells no violence only a definite group phrase ('the group denied it')."""
    subject = head[:_BEFORE_VERB.search(head).start()]
    if violent and _FIRST_PERSON.search(subject):
        return communique_speaker(state)
    if not (violent and _GROUP_PRONOUN.search(subject) or _anaphor().search(subject)):
        return None
    return _armed_group_before(state, clause.start, clause.sentence)


_FIRST_PERSON = re.compile(r"\b(?:we|our(?:\s+[\w-]+){1,3})$", re.IGNORECASE)


@cache
def _communique() -> tuple[re.Pattern, int]:
    """The header's marker and author, and how far into the report a header reaches (lexicons/groups.yaml, communique)."""
    data = lexicon.load("groups")["communique"]
    return re.compile(rf"\[(?:{lexicon.alternation(data['markers'])})\]\s*\[([^\]\n]{{2,80}})\]", re.IGNORECASE), data["header"]


def communique_speaker(state: DocState) -> str | None:
    """'[COMMUNIQUE] [THE "EXTRADITABLES"]', '[COMMUNIQUE] [GENERAL COMMAND OF THE FMLN]': the party
    a wire report's header names as the communique's author, who speaks its 'we' (read once per
    document)."""
    return cached(state, "communique_speaker", state.sentences, lambda _: _header_speaker(state))


def _header_speaker(state: DocState) -> str | None:
    """The communique's author named in the report's header, or None."""
    pattern, header = _communique()
    found = pattern.search(state.text, 0, header)
    if found is None:
        return None
    named = [m for m in names_in(state.text, *found.span(1), state.caps) if m.kind == "actor"]
    named = named or groups_in(state.text, *found.span(1), state.caps)[0]
    return named[0].name if named else None


def _armed_group_before(state: DocState, position: int, sentence: int) -> str | None:
    """The armed group named last before ``position``, a few sentences back at most."""
    return _party_before(state, position, sentence, _PRONOUN_REACH,
                         lambda m: (is_armed_group(m.name) or introduced_band(state.text, m)) and not named_as_accused(state, m))


def pronoun_parties(state: DocState, index: int) -> list[str]:
    """Who 'it' or 'they' opening an event's clause stand for: the actors of the event told just
    before, else the party named last."""
    event = state.events[index]
    earlier = state.events[index - 1].actors if index else []
    return list(earlier) or [p for p in [party_told_last(state, event.clause)] if p]


def party_told_last(state: DocState, clause: Clause) -> str | None:
    """'since it invaded Ukraine', 'IT APPEALED TO DONORS': the party named last before a clause
    whose subject is 'it' or 'they', in its sentence or the one before, by a name: not a state's
    adjective ('the Chinese city of Kunming'), nor its forces' common noun ('the army base')."""
    return _party_before(state, clause.start, clause.sentence, 1, lambda m: _by_name(state.text[m.start:m.end], m.name))


def _by_name(surface: str, name: str) -> bool:
    """A party told by one of its names, not 'Chinese' for China nor 'the army' for the home state."""
    words = " ".join(surface.lower().split())
    return words == name.lower() or words in lexicon.names() and words not in lexicon.demonyms()


def _party_before(state: DocState, position: int, sentence: int, reach: int, fits) -> str | None:
    """The party named last before ``position`` that ``fits``, ``reach`` sentences back at most."""
    index = bisect.bisect_right(state.mentions, position, key=lambda m: m.end)
    first = state.sentences[max(0, sentence - reach)][0]
    for at in range(index - 1, -1, -1):  # not a reversed slice: copying every mention before it made this quadratic
        mention = state.mentions[at]
        if mention.end <= first:
            return None
        if mention.kind == "actor" and fits(mention):
            return mention.name
    return None
