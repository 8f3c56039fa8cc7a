"""Roles for the quantities stage: what a number counts, what happened to it (category), who did it, who says so.

Reads the dependency parse only. The counted noun is the head of the number ("2,000 rebel fighters"), the object
of its "of" ("dozens of families") or, for "a population of 23 million", the noun the number measures. The
category comes from the governing word of that noun (trigger lexicon ``resources/quantity_triggers.tsv``):
the dobj of "have killed", the nsubjpass of "were killed", the nsubj of "died", a predicate "dead"/"injured", a
participle on the noun ("5 people killed"), then the counted noun itself ("5 deaths", "200 protesters").
Counts written without a numeral ("a man was killed", "a triple homicide") are read in quantities_victims.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Optional

from spacy.tokens import Doc, Span, Token

from .quantities_numbers import read_table

#: Ordering used when several triggers govern the same group ("were shot and killed" is a killing).
_SEVERITY = {"KILL": 0, "WOUND": 1, "KIDNAP": 2, "ARREST": 3, "DISPLACE": 4, "DEPLOY": 5, "PROTEST": 6, "AFFECT": 7}
_REPORTING = frozenset({"say", "estimate", "suggest", "report", "tell", "claim", "announce", "state", "confirm",
                        "believe", "put", "show", "indicate"})
_ESTIMATING = frozenset({"estimate", "suggest", "believe", "think", "guess", "put"})
_SUBSET_PREPS = frozenset({"including", "among"})


class Trigger(NamedTuple):
    category: str
    hit: bool  # "shot"/"hit": a count of people hit, dead or alive
    token: Token


@lru_cache(maxsize=1)
def _triggers() -> dict[tuple[str, str], tuple[str, bool]]:
    return {(r["lemma"], r["kind"]): (r["category"], r["hit"] == "1") for r in read_table("quantity_triggers.tsv")}


@lru_cache(maxsize=1)
def _subject_verbs() -> frozenset[str]:
    """Verbs whose active subject is the counted group ("200 died"), from the ``subject`` column."""
    return frozenset(r["lemma"] for r in read_table("quantity_triggers.tsv") if r["subject"] == "1") | SUFFER_VERBS \
        | {"pass", "lose"}


def _phrasal_death(verb: Token) -> Optional[Trigger]:
    """"She passed away at the hospital", "two men lost their lives": "pass" with the particle "away" and "lose"
    with the object "life" are deaths (the lexicon keys on lemmas, and "pass" or "lose" alone is none; written on
    odd GVA ids)."""
    if verb.lemma_ == "pass" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "away" for c in verb.children):
        return Trigger("KILL", False, verb)
    if verb.lemma_ == "lose" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in verb.children):
        return Trigger("KILL", False, verb)
    return None


#: "suffered a gunshot wound", "sustained injuries": the subject is the casualty, the object says which kind.
SUFFER_VERBS = frozenset({"suffer", "sustain", "receive"})
_WOUND_NOUNS = frozenset({"wound", "injury", "gunshot"})
_FATAL = frozenset({"fatal", "mortal", "deadly"})


def _suffer_trigger(verb: Token) -> Optional[Trigger]:
    """"suffered a gunshot wound" is WOUND, "suffered fatal injuries" KILL, for the verb's subject."""
    if verb.lemma_ not in SUFFER_VERBS:
        return None
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.lemma_.lower() in _WOUND_NOUNS:
            fatal = any(c.lower_ in _FATAL for c in obj.children)
            if not fatal and _MILD.search(obj.doc[obj.left_edge.i:obj.i].text):
                # "suffered non-life-threatening injuries": the victims are alive, so not a count of everyone hit
                # (the dead included); the trigger is the noun, which is not a hit word
                return Trigger("WOUND", False, obj)
            return Trigger("KILL" if fatal else "WOUND", not fatal, verb)
    return None


#: Modifiers of a suffered wound that say the victim lives.
_MILD = re.compile(r"\b(?:non-?\s*life|not\s+life|minor|non-?\s*fatal|superficial|graze)", re.I)
#: "a shooting sent four people to the hospital", "lands four men in hospital": the object was hurt.
_TO_HOSPITAL = frozenset({"send", "land", "put"})


def _hospital_trigger(verb: Token, role: Token) -> Optional[Trigger]:
    """"… sends 4 people to the hospital": WOUND for the object of send/land/put with a hospital as goal (the
    parser may hang "in hospital" on the object: "lands four men in hospital")."""
    if verb.lemma_ not in _TO_HOSPITAL or negated(verb):
        return None
    for prep in [*verb.children, *role.children]:
        if prep.dep_ in ("prep", "dative") and prep.lower_ in ("to", "in", "into") and \
                any(c.dep_ == "pobj" and c.lemma_.lower() in ("hospital", "hospitals") for c in prep.children):
            return Trigger("WOUND", False, verb)
    return None


#: What one is treated for or at that makes the treated person hurt ("were treated at a hospital", "is being
#: treated for gunshot wounds"); written on odd GVA ids (see _treated_trigger).
_TREATED_FOR = frozenset({"hospital", "injury", "wound", "gunshot", "center", "centre"})


def _treated_trigger(verb: Token) -> Optional[Trigger]:
    """"Three others were treated at a hospital", "is being treated for injuries": a passive "treat" at a hospital
    or for wounds is an injury (not a hit count: GVA's injured, the shot and not killed)."""
    if verb.lemma_ != "treat" or not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in", "for", "by"):
            if any(c.dep_ == "pobj" and c.lemma_.lower() in _TREATED_FOR for c in prep.children):
                return Trigger("WOUND", False, verb)
    return None


def _word_list(name: str) -> frozenset[str]:
    text = resources.files("newsevents.resources").joinpath(name).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    """Nouns that name one person (``quantity_person_nouns.txt``)."""
    return _word_list("quantity_person_nouns.txt")


#: Plurals that do not end in a plain "s" ("children") or whose "-ies"/"-men" rule would go wrong.
_IRREGULAR = {"children": "child", "people": "person", "wives": "wife"}


def singular(word: str) -> str:
    """The singular of an English plural noun, lowercased ("deputies" → "deputy", "gunmen" → "gunman");
    a word that is not a plural comes back lowercased. Enough for the person nouns and counted nouns here."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("men"):
        return w[:-3] + "man"  # men, women, gunmen, policemen
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"  # deputies, babies
    if w.endswith(("sses", "ches", "shes", "xes")):
        return w[:-2]  # witnesses, coaches
    if w.endswith("s") and not w.endswith(("ss", "us")) and len(w) > 2:
        return w[:-1]
    return w


def is_person_noun(word: str, plural: bool = True) -> bool:
    """Whether a noun names people (``quantity_person_nouns.txt``: "victim", "deputies"); the one person-noun test.

    Args:
        word: The noun as written (any case).
        plural: Also accept its plural ("deputies"); False for a noun that must name one person ("victim").
    """
    w = word.lower()
    return w in person_nouns() or (plural and singular(w) in person_nouns())


@lru_cache(maxsize=1)
def not_people() -> frozenset[str]:
    """Counted nouns that are never people ("four shots", "several times"): ``quantity_not_people.txt``."""
    return _word_list("quantity_not_people.txt")


def lookup(token: Token, kind: str) -> Optional[Trigger]:
    """The trigger lexicon's entry for a token (by lemma, then by its lower-case form) as ``kind`` ("verb", "adj",
    "noun", "adv" or "event"), or None."""
    table = _triggers()
    for key in (token.lemma_.lower(), token.lower_):
        hit = table.get((key, kind))
        if hit:
            return Trigger(hit[0], hit[1], token)
    return None


def verb_trigger(verb: Token) -> Optional[Trigger]:
    """The trigger of a verb and of the verbs coordinated with it ("shot and killed"), the most severe first."""
    found: list[Trigger] = []
    # a coordinated verb shares the subject only when it has none of its own ("were shot and killed")
    chain = [verb, *[c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "ADJ")
                     and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)]]
    for v in chain:
        if negated(v):
            continue
        trig = (lookup(v, "verb") or _suffer_trigger(v) or _treated_trigger(v) or _phrasal_death(v)) \
            if v.pos_ in ("VERB", "AUX") else None
        if trig and _to_death(v):
            trig = Trigger("KILL", False, v)  # "shot to death", "beaten to death"
        if trig is None and v.pos_ == "ADJ":
            trig = lookup(v, "adj")
        if trig:
            found.append(trig)
        for child in v.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB" and v.lemma_ == "find" and (told := verb_trigger(child)):
                found.append(told)  # "were found shot dead / shot to death": what the finding says
            if child.dep_ in ("acomp", "oprd", "xcomp", "advmod", "attr", "npadvmod") and child.pos_ in ("ADJ", "ADV", "VERB"):
                adj = lookup(child, "adj") or lookup(child, "adv")
                if adj:
                    found.append(Trigger(adj.category, adj.hit, v if adj.category == "KILL" and child.pos_ == "ADV" else child))
    if not found:
        return None
    return min(found, key=lambda t: (_SEVERITY.get(t.category, 9), t.hit))


def _to_death(verb: Token) -> bool:
    if any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
           for c in verb.children):
        return True
    # headlines parse "3 people shot to death at home" loosely: read the words themselves
    nxt = verb.doc[verb.i + 1:verb.i + 3]
    return len(nxt) == 2 and nxt[0].lower_ == "to" and nxt[1].lower_ == "death"


def negated(verb: Token) -> bool:
    """Not an occurred casualty: negated ("was not hurt"), an infinitive ("tried to kill himself") or after a modal
    ("might hurt him")."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _NOT_OCCURRED) for c in verb.children)


#: Auxiliaries of a casualty that did not occur: an infinitive's "to", and "could / might / should" ("might hurt
#: him", "could have been killed"); "would" is left out, it also tells a later death ("he would die days later").
_NOT_OCCURRED = frozenset({"to", "could", "might", "should"})


def governing_trigger(role: Token) -> Optional[Trigger]:
    """The trigger that says what happened to the group whose head is ``role``."""
    dep, head = role.dep_, role.head
    for child in role.children:
        if child.dep_ == "advmod" and lookup(child, "adv"):
            return Trigger(lookup(child, "adv").category, False, child)  # "three shot, one fatally"
    if dep == "conj" and head.dep_ in ("dobj", "nsubj", "nsubjpass"):
        dep, head = head.dep_, head.head
    if dep in ("dobj", "nsubjpass", "nsubj", "attr", "oprd", "appos", "npadvmod", "ROOT") and head.i != role.i:
        if head.pos_ in ("VERB", "AUX", "ADJ") and not negated(head):
            # "sent 3,000 troops" is a deployment, "sent four people to the hospital" an injury
            trig = (_hospital_trigger(head, role) if dep in ("dobj", "nsubjpass") else None) or verb_trigger(head)
            if trig and dep == "nsubj" and trig.token.i == head.i and head.pos_ == "VERB" \
                    and head.lemma_ not in _subject_verbs() and not _bare_subject_passive(head, role):
                trig = None  # "gunmen shot three": the subject of an active "shoot" is the agent
            if trig:
                return trig
            if head.lemma_ in ("be", "rise", "climb", "reach", "stand") and dep in ("attr", "npadvmod"):
                toll = _toll(head)
                if toll:
                    return toll
    if dep == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        toll = _toll(head.head)
        if toll:
            return toll
    for child in role.children:
        if child.dep_ in ("acl", "relcl", "amod", "advmod", "appos") and not negated(child):
            trig = (verb_trigger(child) if child.pos_ == "VERB" else None) or lookup(child, "adj") \
                or lookup(child, "adv")
            if trig:
                return trig
    return None


def _toll(verb: Token) -> Optional[Trigger]:
    """"the death toll rose to 5": the subject is a toll of deaths or injuries."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_ in ("toll", "count", "number"):
            for mod in child.children:
                trig = lookup(mod, "noun") or lookup(mod, "adj")
                if trig:
                    return Trigger(trig.category, trig.hit, child)
            if child.lemma_ == "toll":
                return Trigger("KILL", False, child)
    return None


def adjacent_trigger(doc: Doc, after: int, limit: int = 3) -> Optional[Trigger]:
    """Headline style: a casualty word right after the group ("2 dead, 3 hurt in crash")."""
    for token in doc[after:after + limit]:
        if (token.is_punct and token.text not in ("-",)) or (token.is_space and "\n" in token.text):
            break  # a line break ends the group: "around 11\n\nMan shot …" is a time, then a heading
        trig = lookup(token, "adj")
        if trig is None and token.tag_ in ("VBN", "VBD"):
            trig = lookup(token, "verb")
        if trig and _to_death(token):
            return Trigger("KILL", False, token)  # "3 people shot to death at home"
        if trig:
            return trig
    return None


def preceding_trigger(doc: Doc, start: int) -> Optional[Trigger]:
    """Headline style: a present-tense casualty verb right before the group ("rampage injures three", "crash kills
    2"); the tagger often reads such a verb as a plural noun, so the word itself decides."""
    if start < 1:
        return None
    word = doc[start - 1]
    if not word.lower_.endswith("s") or len(word) < 4:
        return None
    hit = _triggers().get((word.lower_[:-1], "verb"))
    # casualty verbs only: "sends 4 to hospital" is decided by the syntax (_hospital_trigger), not as a deployment
    return Trigger(hit[0], hit[1], word) if hit and hit[0] in ("KILL", "WOUND") else None


def noun_trigger(noun: Token) -> Optional[Trigger]:
    """The category a counted noun carries by itself ("5 deaths", "200 protesters", "3,000 troops")."""
    # a casualty adjective mis-tagged as the noun ("Three hurt as bus overturns"); not plurals ("four shots")
    return lookup(noun, "noun") or (lookup(noun, "adj") if noun.tag_ not in ("NNS", "NNPS") else None)


def counted_noun(doc: Doc, num: Span) -> tuple[Optional[Token], Token]:
    """(counted noun, role token): the noun the number counts (or None) and the token whose syntax places the group.

    The role token is the counted noun when there is one, otherwise the number's own head token.
    """
    inside = set(range(num.start, num.end))
    root = num.root
    for tok in num:
        if tok.head.i not in inside:
            root = tok
            break
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "det", "predet", "nmod", "npadvmod", "advmod") \
            and root.head.i > root.i and root.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") \
            and root.head.i - num.end < 6:
        if any("\n" in t.text_with_ws for t in doc[num.end - 1:root.head.i]):  # (doc.text is slow to build)
            # a line break ends the group ("around 11\n\nMan shot …" is a time before a heading); the number
            # still counts for a verb before it ("shooting kills 2\n\nELMWOOD, Fla.")
            return None, (root.head if root.head.head.i < num.start else root)
        noun = climb_possessor(_climb_modifiers(root.head, num.end))
        return noun, noun
    for tok in num:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of" and child.i >= num.end:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs:
                    return objs[0], tok if tok.i == root.i else root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in ("NOUN", "PROPN"):
        return root.head.head, root
    noun = _adjacent_plural(doc, num.end)
    if noun is not None:
        return noun, noun
    return None, root


def _climb_modifiers(noun: Token, after: int) -> Token:
    """"3 elm park senior high school students" (a lowercased headline): the number hangs on the first word of a
    chain of noun modifiers; the counted noun is the plural that ends the chain (with :func:`_adjacent_plural`:
    GVA injured per incident even 86.6 -> 86.9, odd 81.4, killed unchanged; re3d unchanged)."""
    head = noun
    while head.dep_ in ("compound", "nmod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN") \
            and head.head.i - after < 8:
        head = head.head
    return head if head is not noun and head.tag_ in ("NNS", "NNPS") else noun


def _adjacent_plural(doc: Doc, after: int) -> Optional[Token]:
    """"Fla. - Three teenage boys were shot": the parser hung the number elsewhere (an apposition of the
    dateline), but a plural noun right after it, past adjectives only, is what it counts."""
    for token in doc[after:after + 3]:
        if token.dep_ == "amod" and token.head.i > token.i:
            continue
        if token.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod", "poss") for c in token.children):
            return token
        break
    return None


def phrase(doc: Doc, head: Token, stop_before: Optional[int] = None, floor: Optional[int] = None) -> Span:
    """The noun phrase of ``head`` up to the head itself (no relative clauses or trailing prepositions)."""
    start = head.left_edge.i
    if floor is not None:
        start = max(start, floor)
    while start < head.i and doc[start].dep_ in ("nummod", "quantmod", "advmod", "predet") \
            and doc[start].head.i in (head.i, start + 1):
        start += 1  # a number belonging to another quantity ("half the population of 23 million")
    for i in range(head.i - 1, start - 1, -1):
        if doc[i].is_punct and doc[i].text not in ("-", "'", "\u2019"):
            start = i + 1
            break
    return doc[start:head.i + 1]


def agent_of(trigger: Token, role: Optional[Token] = None) -> Optional[Span]:
    """Who did it: the subject of an active trigger verb, or the "by" phrase of a passive one (never the group
    ``role`` itself: in "4 hit in shooting" the subject is the victims)."""
    found = _agent(trigger)
    if found is not None and role is not None and found.start <= role.i < found.end:
        return None
    return found


def _agent(trigger: Token) -> Optional[Span]:
    verb = trigger
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs:
                return _capped(objs[0])
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        for child in verb.children:
            if child.dep_ == "nsubj" and child.pos_ != "PRON" and verb.lemma_ not in ("die", "perish", "flee"):
                return _capped(child)
    return None


def source_of(role: Token) -> tuple[Optional[Span], bool]:
    """Who gives the number ("US estimates suggest …", "according to police") and whether it is an estimate."""
    sent = role.sent
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.nbor().lower_ == "to":
            objs = [c for c in token.nbor().children if c.dep_ == "pobj"]
            if objs:
                return _capped(objs[0]), False
    node = role
    while node.head.i != node.i:
        node = node.head
        if node.lemma_ in _REPORTING and node.pos_ in ("VERB", "NOUN"):
            for child in node.children:
                if child.dep_ == "nsubj":
                    return _capped(child), node.lemma_ in _ESTIMATING or child.lemma_ == "estimate"
    return None, False


def _capped(head: Token, limit: int = 8) -> Span:
    """A head's subtree, cut to ``limit`` tokens after the head's left edge (no long relative clauses)."""
    doc = head.doc
    start = head.left_edge.i
    end = min(head.right_edge.i + 1, max(head.i + 1, start + limit))
    while end > head.i + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "prep")):
        end -= 1
    return doc[start:end]


def subset_parent(role: Token) -> Optional[Token]:
    """For "…2,000 fighters, including 17 leaders", the token of the larger group (fighters)."""
    if role.dep_ == "pobj" and role.head.lower_ in _SUBSET_PREPS:
        return role.head.head
    return None


def _bare_subject_passive(verb: Token, subj: Token) -> bool:
    """"4 hit in shooting", "Three shot near park": a bare number subject, no object: a reduced passive."""
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in ("at", "into")) for c in verb.children):
        return False
    if any(c.dep_ in ("det", "poss") for c in subj.children):
        return False
    return subj.pos_ == "NUM" or any(c.dep_ == "nummod" for c in subj.children)


def climb_possessor(noun: Token) -> Token:
    """"half the country's population": the group is the population, not the country."""
    while noun.dep_ == "poss" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
        noun = noun.head
    return noun
