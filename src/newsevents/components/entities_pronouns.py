"""Entities stage, part 4: link third-person pronouns to an entity only where one reading fits.

* he/him/his/himself and she/her/hers/herself → a PERSON mentioned before the pronoun, tried in two windows:
  the same sentence, then the same and the previous paragraph. A window links when exactly one PERSON in it is
  compatible (gender known from a title or an earlier link must agree; a person coordinated with the pronoun,
  "he and Putin", or the subject of the verb an object pronoun depends on is excluded). With several persons in the
  sentence, a subject pronoun takes the person who is the subject of a clause it is embedded in ("Putin said he
  hoped"). Otherwise the pronoun is left unlinked.
* "It"/"it" as the subject of its sentence's main verb → the entity whose mention is the main-verb subject of the
  previous sentence, if that entity is an ORG ("Assad’s office said … It rejected …"); expletive "it" ("it is
  clear", "it seems") is never linked.
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc, Token

from .entities_lexicon import token_hits
from .entities_mentions import Cluster

_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
_PRONOUNS = (*_GENDER, "it")
_EXPLETIVE_VERBS = frozenset({"be", "seem", "appear", "happen", "take", "rain", "remain", "matter", "follow",
                              "become", "look", "sound", "feel", "make"})


def _paragraph_starts(doc: Doc, text: str) -> list[int]:
    """Token indices where a paragraph starts: the first token after a newline (``text`` is ``doc.text``)."""
    from spacy.attrs import IDX

    offsets = doc.to_array(IDX).tolist()
    starts = [0]
    for match in re.finditer(r"\n\s*", text):
        k = bisect.bisect_left(offsets, match.end())
        if k < len(doc) and k > starts[-1]:
            starts.append(k)
    return starts


def link_pronouns(doc: Doc, clusters: list[Cluster], owner: list[int], text: str) -> None:
    """Add pronoun mentions to the clusters they unambiguously refer to (in place; ``owner`` updated).

    Args:
        doc: The parsed doc.
        clusters: All clusters so far (named and descriptions).
        owner: Cluster index per token (-1 outside mentions).
        text: ``doc.text`` (built once by the caller: spaCy joins it from the tokens on every access).
    """
    if not doc.has_annotation("DEP"):
        return
    para = _paragraph_starts(doc, text)
    # first-mention positions of every PERSON cluster mention, in text order: (token index, cluster index)
    person_mentions = sorted((s, k) for k, c in enumerate(clusters) if c.type == "PERSON" for s, _ in c.mentions)
    starts = [s for s, _ in person_mentions]
    sent_prev: dict[int, Optional[int]] = {}
    prev_start = None
    for sent in doc.sents:
        sent_prev[sent.start] = prev_start
        prev_start = sent.start
    for i in token_hits(doc, "LOWER", _PRONOUNS):
        token = doc[i]
        low = token.lower_
        if owner[i] >= 0 or token.tag_ not in ("PRP", "PRP$"):
            continue
        if low in _GENDER:
            k = _link_person(doc, token, _GENDER[low], clusters, person_mentions, starts, para)
            if k is not None:
                clusters[k].pronouns.append((token.i, token.i + 1))
                clusters[k].gender = clusters[k].gender or _GENDER[low]
                owner[token.i] = k
                bisect.insort(person_mentions, (token.i, k))
                starts = [s for s, _ in person_mentions]
        elif low == "it" and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT":
            k = _link_it(doc, token, clusters, owner, sent_prev, para)
            if k is not None:
                clusters[k].pronouns.append((token.i, token.i + 1))
                owner[token.i] = k


def _compatible(cluster: Cluster, gender: str) -> bool:
    return cluster.gender in (None, gender)


def _excluded(token: Token, clusters: list[Cluster]) -> set[int]:
    """Clusters the pronoun cannot be: coordinated with it, or the subject of the verb it is the object of."""
    out: set[int] = set()
    mates = [*token.conjuncts]
    if token.dep_ in ("dobj", "pobj", "iobj") and token.tag_ == "PRP":
        verb = token.head if token.dep_ != "pobj" else token.head.head
        mates += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    for mate in mates:
        for k, cluster in enumerate(clusters):
            if any(s <= mate.i < e for s, e in cluster.mentions):
                out.add(k)
    return out


def _link_person(doc: Doc, token: Token, gender: str, clusters: list[Cluster],
                 person_mentions: list[tuple[int, int]], starts: list[int], para: list[int]) -> Optional[int]:
    excluded = _excluded(token, clusters)
    before = bisect.bisect_left(starts, token.i)
    sent_start = token.sent.start
    in_sentence = {k for s, k in person_mentions[:before] if s >= sent_start
                   and k not in excluded and _compatible(clusters[k], gender)}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    if len(in_sentence) > 1:
        if token.dep_ in ("nsubj", "nsubjpass"):
            return _subject_above(token, clusters, in_sentence)
        return None
    p = bisect.bisect_right(para, token.i) - 1
    window_start = para[p - 1] if p > 0 else 0
    in_window = {k for s, k in person_mentions[:before] if s >= window_start
                 and k not in excluded and _compatible(clusters[k], gender)}
    return in_window.pop() if len(in_window) == 1 else None


def _subject_above(token: Token, clusters: list[Cluster], allowed: set[int]) -> Optional[int]:
    """The person who is the subject of a clause the pronoun's clause is embedded in ("Putin said he …")."""
    verb = token.head
    while verb.head.i != verb.i:  # Token objects are made anew on each access: compare indices, not identity
        verb = verb.head
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < token.i:
                for k in allowed:
                    if any(s <= child.i < e for s, e in clusters[k].mentions):
                        return k
                return None
    return None


def _link_it(doc: Doc, token: Token, clusters: list[Cluster], owner: list[int],
             sent_prev: dict[int, Optional[int]], para: list[int]) -> Optional[int]:
    verb = token.head
    if verb.lemma_ in _EXPLETIVE_VERBS or any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and
                                             verb.lemma_ in _EXPLETIVE_VERBS for c in verb.children):
        return None
    prev = sent_prev.get(token.sent.start)
    if prev is None:
        return None
    p = bisect.bisect_right(para, token.i) - 1
    if p > 1 and prev < para[p - 1]:
        return None  # the previous sentence is more than a paragraph away
    root = doc[prev].sent.root
    for child in root.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            k = owner[child.i]
            if k >= 0 and clusters[k].type == "ORG":
                return k
            return None
    return None
