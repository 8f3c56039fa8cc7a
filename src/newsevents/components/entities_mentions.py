"""Entities stage, part 1: named mentions from spaCy NER, cleaned and merged into clusters by name.

A mention is a token span ``[start, end)``. Cleaning drops the possessive ("Putin’s" → "Putin"), a leading
"the" and honorific or role titles that NER put inside a PERSON span ("President Putin" → "Putin", title kept for
the role). Merging puts mentions with the same normalised name together across NER labels (one sense per
discourse: "Assad" tagged ORG once and PERSON four times is one PERSON), a surname or partial name with the one
full PERSON name that contains it ("Putin" → "Vladimir Putin"), a country's names with each other by ISO code
("US", "United States") and an all-capitals acronym with the ORG whose initials it spells.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc

from .entities_lexicon import actor_lexicon, country_form, token_hits

#: NER labels that become entities (numbers, dates and times are other stages' business).
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
                         "LANGUAGE"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’", "'S", "’S"})
_NO_TRAILING_NUMBER = frozenset({"PERSON", "GPE", "LOC", "NORP", "FAC"})
_SCORE = re.compile(r"^\d+([-/.]\d+)*$")
DASHES = frozenset({"-", "–", "—", "--"})
_TRIM = frozenset({",", ".", ";", ":", "-", "–", "—", "(", ")", '"', "“", "”", "'", "’", "‘"})


@dataclass
class Cluster:
    """One entity being built: its mentions (token spans) and what is known about it."""

    type: str
    kind: str = "ner"  # ner | desc | weapon
    mentions: list[tuple[int, int]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)  # NER label of each named mention
    name: str = ""
    name_words: tuple[str, ...] = ()
    titles: list[tuple[int, int]] = field(default_factory=list)  # title tokens NER put inside the name
    role: Optional[str] = None
    role_span: Optional[tuple[int, int]] = None
    country: Optional[str] = None
    country_kind: Optional[str] = None
    sector: Optional[str] = None
    leader: Optional[str] = None  # head-of-state title word when the role is one
    gender: Optional[str] = None
    pronouns: list[tuple[int, int]] = field(default_factory=list)
    key: object = None

    def all_mentions(self) -> list[tuple[int, int]]:
        """Named and pronoun mentions, in text order, without duplicates."""
        return sorted(set(self.mentions) | set(self.pronouns))


def _norm(text: str) -> str:
    text = " ".join(text.replace("’", "'").split()).lower()
    return text[4:] if text.startswith("the ") else text


def _words(doc: Doc, start: int, end: int) -> tuple[str, ...]:
    """Lower-case alphabetic name parts ("Bashar al-Assad" → bashar, al, assad)."""
    return tuple(t.lower_.replace("’", "'") for t in doc[start:end] if t.is_alpha or "'" in t.text)


def spaced_dashes(doc: Doc, start: int, end: int) -> list[int]:
    """Indices in ``doc[start:end]`` (``start`` ≥ 1) of dashes with a space on both sides ("Mr Trump - Wisconsin"):
    where a name the model ran on ends."""
    return [i for i in range(start, end) if doc[i].text in DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_]


def clean_span(doc: Doc, start: int, end: int, label: str) -> Optional[tuple[int, int, list[tuple[int, int]]]]:
    """Trim a NER span: possessive and punctuation at the ends, "the", and titles inside a PERSON span.

    Returns:
        ``(start, end, title_spans)`` or None when nothing name-like is left ("n’t" tagged GPE).
    """
    if label in ("PERSON", "ORG"):  # "won by Mr Trump - Wisconsin and …": a spaced dash ends the name
        end = next(iter(spaced_dashes(doc, start + 1, end)), end)
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].text in _TRIM or doc[end - 1].is_space):
        end -= 1
    while end > start and (doc[start].text in _TRIM or doc[start].is_space or doc[start].lower_ == "the"):
        start += 1
    if label in _NO_TRAILING_NUMBER:  # "Leicestershire 296", "H. Morris 69": a score, not part of the name
        while end - start > 1 and (doc[end - 1].like_num or _SCORE.match(doc[end - 1].text)):
            end -= 1
    titles = []
    if label == "PERSON":
        sectors = actor_lexicon().sectors
        while end - start > 1:
            low = doc[start].lower_
            if not any(low in sectors.get(k, {}) for k in ("TITLE", "LEADER", "ROLE")):
                break
            titles.append((start, start + 1))
            start += 1
    if end <= start:
        return None
    span = doc[start:end]
    if not any(c.isupper() for c in span.text) or not any(c.isalpha() for c in span.text):
        return None
    if label == "PERSON" and len(span) == 1 and span[0].tag_ in ("PRP", "PRP$"):
        return None
    return start, end, titles


def _acronym(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def collect(doc: Doc) -> tuple[list[Cluster], list[int]]:
    """Named-entity clusters of a doc and, per token, the index of the cluster whose mention covers it (-1).

    Args:
        doc: A parsed doc with ``doc.ents``.

    Returns:
        ``(clusters, owner)``: clusters in order of first mention; ``owner[i]`` for each token.
    """
    clusters: list[Cluster] = []
    by_norm: dict[str, int] = {}
    by_country: dict[tuple[str, str], int] = {}
    persons: list[int] = []
    owner = [-1] * len(doc)
    for ent in doc.ents:
        if ent.label_ not in KEEP_LABELS:
            continue
        cleaned = clean_span(doc, ent.start, ent.end, ent.label_)
        if cleaned is None:
            continue
        start, end, titles = cleaned
        text = doc[start:end].text
        label = ent.label_
        if label == "PERSON" and end - start == 1:
            form = country_form(text)
            if form is not None and form.kind == "demonym":  # "Briton", "Tajik": a nationality, not a name
                label = "NORP"
        norm, words = _norm(text), _words(doc, start, end)
        idx = by_norm.get(norm)
        form = country_form(text) if label in ("GPE", "NORP", "LOC") else None
        ckey = (("NORP" if label == "NORP" else "GPE"), form.iso3) if form and form.kind in (
            "name", "demonym") else None
        if idx is None and ckey is not None:
            idx = by_country.get(ckey)
        if idx is None and label in ("PERSON", "ORG") and words:
            idx = _person_match(clusters, persons, words)
        if idx is None and label == "ORG" and len(words) == 1 and text.isupper() and len(text) >= 2:
            idx = next((i for i, c in enumerate(clusters) if c.type == "ORG" and len(c.name_words) > 1
                        and _acronym(c.name.split()) == text), None)
        if idx is None:
            idx = len(clusters)
            clusters.append(Cluster(type=label, name_words=words))
            if label == "PERSON":
                persons.append(idx)
        cluster = clusters[idx]
        cluster.mentions.append((start, end))
        cluster.labels.append(label)
        cluster.titles.extend(titles)
        if len(words) > len(cluster.name_words) and set(cluster.name_words) <= set(words):
            cluster.name_words = words
        if label == "PERSON" and idx not in persons:
            persons.append(idx)
        by_norm.setdefault(norm, idx)
        if ckey is not None:
            by_country.setdefault(ckey, idx)
            if cluster.country is None:
                cluster.country, cluster.country_kind = form.iso3, form.kind
        for i in range(start, end):
            owner[i] = idx
    clusters = _absorb_surnames(clusters, owner)
    add_repeats(doc, clusters, owner)
    for cluster in clusters:
        _finish(doc, cluster)
    return clusters, owner


def _absorb_surnames(clusters: list[Cluster], owner: list[int]) -> list[Cluster]:
    """Merge a one-word name NER typed otherwise (no country) into the one PERSON whose surname it is.

    Handles the order the in-loop match cannot: "Hartmann" tagged GPE before "Julia Hartmann" appears.
    """
    surnames: dict[str, list[int]] = {}
    for k, c in enumerate(clusters):
        if c.labels.count("PERSON") and len(c.name_words) > 1:
            surnames.setdefault(c.name_words[-1], []).append(k)
    moved: dict[int, int] = {}
    for k, c in enumerate(clusters):
        if len(c.name_words) != 1 or c.country or "PERSON" in c.labels:
            continue
        target = surnames.get(c.name_words[0], [])
        if len(target) == 1 and target[0] != k:
            person = clusters[target[0]]
            person.mentions += c.mentions
            person.labels += ["PERSON"] * len(c.labels)
            moved[k] = target[0]
    if not moved:
        return clusters
    keep = [k for k in range(len(clusters)) if k not in moved]
    new_index = {old: new for new, old in enumerate(keep)}
    for i, k in enumerate(owner):
        if k >= 0:
            owner[i] = new_index[moved.get(k, k)]
    out = [clusters[k] for k in keep]
    for c in out:
        c.mentions.sort()
    return out


def add_repeats(doc: Doc, clusters: list[Cluster], owner: list[int]) -> None:
    """Add the places where NER missed a name it found elsewhere in the same text (one sense per discourse).

    A repeat is the same token sequence as a named mention (or a PERSON's surname), capitalised, outside every
    mention; a one-word repeat must also be tagged a proper noun ("May" the month is not "May" the person).
    """
    patterns: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for k, cluster in enumerate(clusters):
        forms = {tuple(t.text for t in doc[s:e]) for s, e in cluster.mentions}
        if cluster.labels and cluster.labels[0] == "PERSON" and len(cluster.name_words) > 1:
            last = doc[cluster.mentions[0][1] - 1].text
            if last[:1].isupper():
                forms.add((last,))
        for form in forms:
            if any(w[:1].isupper() for w in form) and len("".join(form)) > 2:
                patterns.setdefault(form[0], []).append((form, k))
    if not patterns:
        return
    for plist in patterns.values():
        plist.sort(key=lambda p: -len(p[0]))
    n, taken = len(doc), -1
    for i in token_hits(doc, "ORTH", list(patterns)):
        if i <= taken or owner[i] >= 0:
            continue
        for form, k in patterns[doc[i].text]:
            m = len(form)
            if i + m > n or any(doc[i + j].text != form[j] or owner[i + j] >= 0 for j in range(m)):
                continue
            if m == 1 and doc[i].pos_ != "PROPN":
                continue
            if i + m < n and doc[i + m].pos_ == "PROPN" and doc[i + m].text[:1].isupper():
                continue  # part of a longer name NER did not tag: leave it
            clusters[k].mentions.append((i, i + m))
            clusters[k].labels.append(clusters[k].labels[0])
            for j in range(i, i + m):
                owner[j] = k
            taken = i + m - 1
            break


def _person_match(clusters: list[Cluster], persons: list[int], words: tuple[str, ...]) -> Optional[int]:
    """The PERSON cluster a partial or fuller name belongs to (same surname, one name's parts inside the other).

    Several candidates: the most recently mentioned one (news re-introduces a namesake with a full name).
    """
    found = []
    for idx in persons:
        have = clusters[idx].name_words
        if not have or have[-1] != words[-1]:
            continue
        if set(words) <= set(have) or set(have) <= set(words):
            found.append(idx)
    if not found:
        return None
    return max(found, key=lambda i: clusters[i].mentions[-1][0])


def _finish(doc: Doc, cluster: Cluster) -> None:
    """Vote the type over mention labels and choose the canonical name."""
    votes = Counter(cluster.labels)
    best = max(votes.values())
    longest = max(cluster.mentions, key=lambda m: (m[1] - m[0], -m[0]))
    top = [lab for lab in votes if votes[lab] == best]
    if len(top) > 1:
        # a tie: the label NER gave the fullest name, PERSON first when a person's full name is among them
        label_of_longest = cluster.labels[cluster.mentions.index(longest)]
        cluster.type = "PERSON" if "PERSON" in top and len(cluster.name_words) > 1 else label_of_longest
    else:
        cluster.type = top[0]
    if cluster.type in ("PERSON", "ORG") and len(cluster.name_words) == 1:
        form = country_form(doc[longest[0]:longest[1]].text)
        if form is not None and form.kind == "name":  # "Mali" tagged PERSON: a country's name is a GPE
            cluster.type, cluster.country, cluster.country_kind = "GPE", form.iso3, form.kind
    if cluster.type in ("PERSON", "ORG", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"):
        cluster.name = doc[longest[0]:longest[1]].text
    else:  # GPE, NORP: the most frequent form ("US" over "United States" when it is what the article says)
        texts = Counter(doc[s:e].text for s, e in cluster.mentions)
        cluster.name = max(texts, key=lambda t: (texts[t], len(t)))
    cluster.name = " ".join(cluster.name.split())
