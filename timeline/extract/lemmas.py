"""Trigger rules from lemma classes (``lexicons/lemmas.yaml``): every inflection by lemminflect.

A verb class matches the past, participle, gerund and third-person forms of its lemmas anywhere,
and the base form after 'to', a modal or 'did' (as a look-behind, so the modal stays outside the
trigger, where the modality stage reads it). A gerund or third-person form that is also a noun of
some class ('bombing', 'attacks') is left to the noun classes. A phrase inflects its first word
('blow up' -> 'blew up'), a noun phrase its last ('car bomb' -> 'car bombs').
"""

from __future__ import annotations

import re
from functools import cache

from ..trie import trie_regex
from . import lexicon

GOVERNORS = ("to", "will", "would", "shall", "should", "could", "can", "may", "might", "must", "did", "does",
             "do", "not", "cannot", "'ll", "n't")
_BE = ("be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re")


@cache
def classes() -> list[dict]:
    return lexicon.load("lemmas")["classes"]


def _inflections(word: str, upos: str) -> dict[str, tuple[str, ...]]:
    from lemminflect import getAllInflections, getAllInflectionsOOV

    if word == "be":
        return {"VB": ("be",), "VBZ": ("is", "are", "am"), "VBD": ("was", "were"), "VBN": ("been",), "VBG": ("being",)}
    found = getAllInflections(word, upos=upos) or _compound_inflections(word, upos)
    if not found:
        tag = "VB" if upos == "VERB" else "NN"
        found = {**getAllInflectionsOOV(word, upos=upos), tag: (word,)}
    return found


def _compound_inflections(word: str, upos: str) -> dict[str, tuple[str, ...]]:
    """'machinegun' inflects as 'gun' does ('machinegunned'): a compound the dictionary lacks
    takes the forms of its longest known last part."""
    from lemminflect import getAllInflections

    for cut in range(1, len(word) - 2):
        head, tail = word[:cut].rstrip("-"), word[cut:]
        found = getAllInflections(tail, upos=upos) if len(head) >= 3 else {}
        if found:
            return {tag: tuple(word[:cut] + form for form in forms) for tag, forms in found.items()}
    return {}


@cache
def noun_forms() -> frozenset[str]:
    """Every inflected form of every noun lemma (lower case)."""
    return frozenset(inflected_nouns(noun for entry in classes() for noun in entry.get("nouns", ())))


def inflected_nouns(nouns) -> set[str]:
    """Every form of each noun or noun phrase ('youth' -> 'youths')."""
    return {form for noun in nouns for form in _noun_forms(noun)}


def _noun_forms(noun: str) -> set[str]:
    *head, last = noun.split()
    forms = {f for tag, values in _inflections(last, "NOUN").items() for f in values}
    return {" ".join([*head, f]) for f in forms | {last}}


def verb_forms(verb: str) -> tuple[set[str], set[str]]:
    """(forms that stand alone, base forms that need a governor) of a verb or phrase."""
    first, *rest = verb.split()
    table = _inflections(first, "VERB")
    tail = (" " + " ".join(rest)) if rest else ""
    free = set()
    for tag in ("VBD", "VBN", "VBG", "VBZ"):
        for form in table.get(tag, ()):
            phrase = form + tail
            if tag in ("VBG", "VBZ") and (phrase.lower() in noun_forms() or form.lower() in noun_forms()):
                continue
            free.add(phrase)
    base = {form + tail for form in table.get("VB", (first,))}
    if first == "be":
        free = {f + tail for f in ("is", "are", "was", "were", "am")}
    return free, base


def _s_forms(verb: str) -> set[str]:
    """The third-person forms of a verb or phrase ('volunteers', 'opens fire')."""
    first, *rest = verb.split()
    tail = (" " + " ".join(rest)) if rest else ""
    return {form + tail for form in _inflections(first, "VERB").get("VBZ", ())} if first != "be" else set()


@cache
def _not_after_noun_words() -> str:
    """Look-behinds refusing an -s form where only a noun goes: 'alongside volunteers', 'the offers'."""
    return "".join(f"(?<!\\b{re.escape(w)} )" for w in lexicon.load("lemmas")["noun_before_s_form"]["words"])


def gerund_forms(verb: str) -> set[str]:
    """The gerunds of a verb or phrase ('hold' -> 'holding')."""
    first, *rest = verb.split()
    tail = (" " + " ".join(rest)) if rest else ""
    return {form + tail for form in _inflections(first, "VERB").get("VBG", ())}


def progressive_forms(verb: str) -> set[str]:
    """Gerunds left to the noun classes ('kidnapping') that still assert the act after a form
    of 'be' ('are kidnapping peasants')."""
    return {g for g in gerund_forms(verb) if g.lower() in noun_forms() or g.split()[0].lower() in noun_forms()}


def _after_be(forms: set[str]) -> str:
    """Forms after 'is', 'are', 'was', 'were' or 'been', the auxiliary kept outside the match."""
    behind = "|".join(f"(?<=\\b{b} )" for b in ("is", "are", "was", "were", "been", "am"))
    return f"(?:{behind})(?:{_alternation(forms)})"


def _alternation(phrases: set[str]) -> str:
    """The phrases as a prefix tree: one pass over hundreds of forms, longest first."""
    return trie_regex({p.lower() for p in phrases})


BE_FORMS = ("is", "are", "was", "were", "be", "been", "am")


@cache
def _prepositional_to() -> str:
    """Look-behinds that refuse a 'to' closing a preposition ('according to press reports'); after
    a form of 'be' a scheduling word's 'to' opens an infinitive ('is due to arrive' sets a date)."""
    entry = lexicon.load("lemmas")["prepositional_to"]
    scheduled = set(entry.get("scheduled", ()))
    return "".join(_refused_to(w, w in scheduled) for w in entry["words"])


def _refused_to(word: str, scheduled: bool) -> str:
    """The look-behind refusing one preposition's 'to', with the form of 'be' that lets it govern."""
    refusal = f"(?<!\\b{re.escape(word)} to )"
    if not scheduled:
        return refusal
    return "(?:" + "|".join([refusal, *(f"(?<=\\b{b} {re.escape(word)} to )" for b in BE_FORMS)]) + ")"


@cache
def _subject_pronouns() -> tuple[str, ...]:
    """The subject pronouns after which a base form is the present tense (lemmas.yaml present_subject)."""
    return tuple(lexicon.load("lemmas")["present_subject"]["pronouns"])


def _governed(base: set[str]) -> str:
    """Base forms after a governor or a subject pronoun ('they reject': the present tense), the
    word before kept outside the match; a 'to' that closes a preposition governs no verb."""
    behind = "|".join(f"(?<=\\b{re.escape(g)} )" + (_prepositional_to() if g == "to" else "")
                      for g in GOVERNORS + _subject_pronouns())
    return f"(?:{behind})(?:{_alternation(base)})"


def loot_pattern() -> str:
    """What a robbery takes (``lemmas.yaml`` ``loot``): the object of a taking that makes it a
    robbery, and never the robbery's target."""
    return lexicon.load("lemmas")["loot"]["pattern"]


def class_pattern(entry: dict) -> str:
    """The regular expression a lemma class stands for."""
    if "nouns" in entry:
        body = _alternation({f for noun in entry["nouns"] for f in _noun_forms(noun)})
    else:
        free, base, progressive, third = set(), set(), set(), set()
        for verb in entry["verbs"]:
            f, b = verb_forms(verb)
            free |= f
            base |= b
            progressive |= progressive_forms(verb)
            third |= f & _s_forms(verb)
        body = f"{_alternation(free - third)}|{_governed(base)}" + (f"|{_after_be(progressive)}" if progressive else "")
        body += f"|{_not_after_noun_words()}(?:{_alternation(third)})" if third else ""
    after = entry.get("followed_by", "").replace("{loot}", loot_pattern()) or None
    before = "".join(f"(?<!\\b{re.escape(word)} )" for word in entry.get("not_after", ()))
    if "only_after" in entry:
        before += "(?:" + "|".join(f"(?<=\\b{re.escape(word)} )" for word in entry["only_after"]) + ")"
    return f"{before}(?:{body})" + (f"(?={after})" if after else "")


@cache
def rules() -> list[dict]:
    """The lemma classes as trigger rules (the shape of ``triggers.yaml`` entries)."""
    return [{"name": e["name"], "type": e["type"], "kind": e["kind"], "weight": e["weight"],
             "pattern": class_pattern(e), "example": e["example"], "generated": True,
             "contextual": "followed_by" in e} for e in classes()]
