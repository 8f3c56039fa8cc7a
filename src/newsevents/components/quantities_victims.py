"""Counts written without a numeral, for the quantities stage: singular victims ("a man was killed" is 1, "a man
and a woman were hurt" 2, "no one was injured" 0), multiples ("a triple homicide" is 3 killed) and people added by
coordination to a counted group ("two children and a woman"). Split from quantities_roles (same parse reading; the
triggers and person nouns come from there).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc, Span, Token

from .quantities_numbers import parse_value, read_table
from .quantities_roles import (SUFFER_VERBS, Trigger, is_person_noun, lookup, negated, not_people, phrase,
                               verb_trigger)

_NOT_PERSON_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "DATE", "TIME"})


@lru_cache(maxsize=1)
def _multiples() -> dict[str, float]:
    return {r["word"]: float(r["value"]) for r in read_table("quantity_numbers.tsv") if r["kind"] == "multiple"}


def singular_mentions(doc: Doc, taken: set[int]) -> list[tuple[Span, Token, Trigger, float]]:
    """Counts written without a numeral: "a man was killed" (1), "a man and a woman were hurt" (2), "no one was
    injured" (0). Returns (phrase, head noun, trigger, value) for heads not already counted by a number."""
    out = []
    for verb in doc:
        if verb.dep_ in ("amod", "advmod") and verb.i == verb.head.i + 1 and _bare_person(verb.head):
            # headline style "Teen dead after …", "Man dead, woman hurt": the state right after a bare person noun
            # (the tagger may read "dead" there as an adverb)
            state = lookup(verb, "adj")
            got = _singular_group(doc, verb.head, taken) if state and state.category in ("KILL", "WOUND") else None
            if got:
                out.append((got[0], verb.head, state, got[1]))
                continue
        if verb.pos_ not in ("VERB", "ADJ") or negated(verb):
            continue
        if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue  # shares its subject with the first verb of the coordination, handled there
        trig = verb_trigger(verb)
        if trig is None or trig.category not in ("KILL", "WOUND", "ARREST", "KIDNAP"):
            continue
        if trig.token.lemma_ == "treat":
            continue  # "Smith was treated for wounds" is mostly a victim already counted as shot (see _treated_trigger)
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.tag_ == "VBN" \
            or _headline_passive(verb)
        for child in verb.children:
            if child.dep_ in ("nsubjpass",) or (child.dep_ == "nsubj" and (passive or trig.token.pos_ == "ADJ"
                                                                         or verb.lemma_ in ("die", "perish", "succumb", "pass", "lose", *SUFFER_VERBS)
                                                                         or verb.pos_ == "ADJ")) \
                    or (child.dep_ == "dobj" and not passive):
                got = _singular_group(doc, child, taken)
                if got:
                    out.append((got[0], child, trig, got[1]))
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i:
            # headline style "Teenager shot near school", "Boy, 2, injured in accident"
            got = _singular_group(doc, verb.head, taken)
            if got:
                out.append((got[0], verb.head, trig, got[1]))
    return out


def _bare_person(noun: Token) -> bool:
    """A singular person noun without a determiner, as a headline writes its victim ("Teen", "Man")."""
    return noun.tag_ in ("NN", "NNP", "UH") and is_person_noun(noun.text, plural=False) \
        and not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children)


def _headline_passive(verb: Token) -> bool:
    """"Teenager shot near school": a bare singular noun subject and no object is a headline's reduced passive
    (body text puts a determiner before a singular common noun)."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    # a capitalised first word is often tagged NNP ("Juvenile shot on the westside")
    return bool(subj) and (subj[0].tag_ == "NN" or (subj[0].tag_ == "NNP" and is_person_noun(subj[0].text, plural=False))) \
        and not any(c.dep_ in ("det", "poss") for c in subj[0].children)


def multiple_mentions(doc: Doc) -> list[tuple[Span, Trigger, float]]:
    """"a triple homicide" (3 killed), "quadruple shooting" (4 hit): a count written as a multiple."""
    table = _multiples()
    out = []
    for token in doc[:-1]:
        value = table.get(token.lower_)
        if value is None:
            continue
        nxt = token.nbor()
        if nxt.is_punct and nxt.text == "-" and nxt.i + 1 < len(doc):
            nxt = doc[nxt.i + 1]
        trig = lookup(nxt, "event")
        if trig:
            out.append((doc[token.i:nxt.i + 1], Trigger(trig.category, trig.hit, nxt), value))
    return out


def _singular_group(doc: Doc, head: Token, taken: set[int]) -> Optional[tuple[Span, float]]:
    if head.i in taken or any(c.dep_ == "nummod" for c in head.children):
        return None
    text = head.lower_
    if text in ("nobody", "none") or (text == "one" and head.i > 0 and doc[head.i - 1].lower_ == "no"):
        start = head.i - 1 if text == "one" else head.i
        return doc[start:head.i + 1], 0.0
    if any(c.lower_ == "no" and c.dep_ == "det" for c in head.children) and head.tag_ in ("NN", "NNS"):
        return phrase(doc, head), 0.0
    members = [head, *[c for c in head.conjuncts if c.i > head.i]]
    if len(members) > 1:
        # "Ralph Moss, Tina Cole, Dan Ruiz and Bo Kim": the parser reads some names of a list as appositions
        # (GVA injured per incident even 87.0 -> 87.1); so are person nouns ("his wife, son, and daughter": killed
        # even 90.6 -> 90.7), odd unchanged
        last = members[-1].i
        names = [a for m in members for a in m.children if a.dep_ == "appos" and a.i < last
                 and ((a.pos_ == "PROPN" and a.ent_type_ == "PERSON") or (a.pos_ == "NOUN" and a.tag_ == "NN"
                      and is_person_noun(a.text, plural=False) and not any(c.dep_ == "det" for c in a.children)))]
        listed = {m.i: m for m in members}
        listed.update((t.i, t) for a in names for t in (a, *a.conjuncts) if t.i < last)
        members = list(listed.values())
    if any(m.i in taken for m in members):
        return None
    value = 0.0
    for m in members:
        if m.tag_ in ("NNS", "NNPS"):
            return None
        if m.lower_ in ("he", "she", "him", "her", "himself", "herself", "self"):
            value += 1
        elif m.pos_ == "PROPN" and m.ent_type_ not in _NOT_PERSON_ENTS:
            value += 1
        elif m.pos_ == "NOUN" and is_person_noun(m.text, plural=False):
            value += 1
        elif m.pos_ == "INTJ" and is_person_noun(m.text, plural=False):
            value += 1  # a headline's first word tagged as an interjection ("Boy dies after …")
        elif is_age_nominal(m):
            value += 1  # "a 14-year-old was shot": the age stands for the person
        else:
            return None
    if len(members) > 1:
        return doc[head.left_edge.i:max(m.i for m in members) + 1], value
    return phrase(doc, head), value


def is_age_nominal(token: Token) -> bool:
    """"a 14-year-old", "the 10-month-old": an age used as a noun (the head ``old``, not before a noun it
    modifies)."""
    if token.lower_ not in ("old", "olds") or token.i < 2 or token.dep_ in ("amod", "acomp"):
        return False
    unit = token.doc[token.i - 2] if token.doc[token.i - 1].text == "-" else token.doc[token.i - 1]
    return unit.lemma_.lower() in ("year", "month", "week", "day")


def coordinated_extra(doc: Doc, noun: Token) -> float:
    """People added by coordination to a counted group: "two children and a woman" → 1 more."""
    extra = 0.0
    for conj in noun.conjuncts:
        if conj.i < noun.i:
            continue
        if conj.tag_ in ("NN",) and is_person_noun(conj.text, plural=False) and \
                not any(c.dep_ == "nummod" for c in conj.children):
            extra += 1
        elif conj.tag_ == "NNP" and conj.ent_type_ == "PERSON":
            extra += 1
        else:
            nums = [c for c in conj.children if c.dep_ == "nummod"]
            value = parse_value(nums[0].text) if nums else None
            if value is not None and conj.lemma_.lower() not in not_people():
                extra += value  # "one adult male and one adult female"
    return extra
