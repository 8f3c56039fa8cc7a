"""Entities stage, part 2: role phrases and PLOVER actor codes (country ISO3 + sector) for named entities.

* GPE/NORP: the country their name or demonym stands for (``actor_countries.tsv``, pycountry, demonyms).
* ORG: a named outlet (→ country, MED) or IGO/NGO from the tables, else a country word and a sector word inside
  the name ("Syrian Arab News Agency" → SYR MED).
* PERSON: the role phrase around the first mention that has one — titles before the name ("Syrian President"),
  a possessor ("Al Jazeera’s Zeina Khodr"), an appositive ("Donald Jensen, a former US diplomat") — coded from its
  country words, outlets, possessor's code and sector nouns; "former"/"ex-" keeps the country and drops the sector.
* A head-of-state title with no country takes the article's dominant country (:func:`dominant`) among the
  countries no other person holds that title for.
* A US state named like a country ("Georgia") is read per article (:func:`resolve_shared_states`).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from spacy.tokens import Doc, Token

from .entities_lexicon import actor_lexicon, country_form, sector_entry, token_hits
from .entities_mentions import Cluster

#: A country is "dominant" when it has at least this many mentions and this many times the runner-up's
#: (calibrated by hand on invented two-country stories: 1.5 separated the home country from the other party).
DOMINANT_MIN = 2
DOMINANT_RATIO = 1.5
_LOC_PREPS = frozenset({"in", "from", "into", "across", "inside", "throughout", "within", "near", "around", "at"})
_FORMER = frozenset({"former", "ex", "ex-", "then", "then-", "late"})
_ROLE_KINDS = ("LEADER", "ROLE", "ORG", "GROUP")
_NON_STATE = frozenset({"REB", "OPP"})
_ROLE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "case", "punct", "npadvmod", "advmod", "nummod"})


def code_named(doc: Doc, clusters: list[Cluster], owner: list[int]) -> None:
    """Fill role and actor fields of the NER clusters (GPE/NORP/ORG/PERSON) in place."""
    lex = actor_lexicon()
    for cluster in clusters:
        if cluster.type in ("GPE", "NORP", "LOC") and cluster.country is None:
            for s, e in cluster.mentions:
                form = country_form(doc[s:e].text)
                if form:
                    cluster.country, cluster.country_kind = form.iso3, form.kind
                    break
        if cluster.type == "GPE" and cluster.country_kind == "capital":
            # PLOVER: a capital acting as the subject stands for the government ("Moscow said")
            if any(doc[s:e].root.dep_ in ("nsubj", "nsubjpass") for s, e in cluster.mentions):
                cluster.sector = "GOV"
        elif cluster.type == "ORG":
            _code_org(doc, cluster, lex)
            if cluster.country is None:  # "Peru’s Congress": the possessor's country
                cluster.country = _possessor_country(doc, cluster, clusters, owner)
    for cluster in clusters:
        if cluster.type == "PERSON":
            _code_person(doc, cluster, clusters, owner)


def _possessor_country(doc: Doc, cluster: Cluster, clusters: list[Cluster], owner: list[int]) -> Optional[str]:
    for s, e in cluster.mentions:
        for child in doc[s:e].root.children:
            k = owner[child.i]
            if child.dep_ == "poss" and child.i < s and k >= 0 and clusters[k].type == "GPE" and clusters[k].country:
                return clusters[k].country
    return None


def _code_org(doc: Doc, cluster: Cluster, lex) -> None:
    names = [doc[s:e].text for s, e in cluster.mentions]
    for name in [cluster.name, *names]:
        bare = name[4:] if name.startswith("The ") else name
        if name in lex.outlets or bare in lex.outlets:
            cluster.country, cluster.sector = lex.outlets.get(name) or lex.outlets[bare], "MED"
            return
        if name in lex.orgs or bare in lex.orgs:
            cluster.country, cluster.sector = lex.orgs.get(name) or lex.orgs[bare]
            return
    words = cluster.name.split()
    for word in words:
        form = country_form(word.strip(",.")) if word[:1].isupper() else None
        if form and form.kind in ("name", "demonym", "state"):
            cluster.country = form.iso3
            break
    low = [w.lower().strip(",.") for w in words]
    for end in range(len(low), 0, -1):
        entry, _ = sector_entry(low[:end], ("ORG", "GROUP", "NAME"))
        if entry is not None and entry.sector:
            cluster.sector = entry.sector
            return


def _head(doc: Doc, start: int, end: int) -> Token:
    return doc[start:end].root


def role_span(doc: Doc, start: int, end: int) -> Optional[tuple[int, int, int]]:
    """The role phrase of a person's name at ``[start, end)``: ``(role_start, role_end, role_head)`` or None.

    Looks for title words and a possessor right before the name ("Syrian President", "Al Jazeera’s"), then for an
    appositive after it ("…, a former US diplomat who …": the relative clause and trailing punctuation left out).
    """
    head = _head(doc, start, end)
    lefts = {t.i for t in head.subtree if t.i < start}
    i = start - 1
    while i in lefts and doc[i].dep_ in _ROLE_DEPS and not doc[i].is_space and doc[i].text not in (",", "(", ")"):
        i -= 1
    left = i + 1
    while left < start and (doc[left].dep_ in ("det", "punct", "case") or doc[left].tag_ == "POS"):
        left += 1
    if left < start:
        stop = start
        while stop > left and (doc[stop - 1].tag_ == "POS" or doc[stop - 1].is_punct):
            stop -= 1
        if stop > left:
            return left, stop, stop - 1
    for child in head.rights:
        if child.dep_ == "appos":
            return _appos_span(doc, child)
    if head.dep_ == "appos" and head.head.i < start and head.head.pos_ == "NOUN":
        return _appos_span(doc, head.head, stop_at=start)
    return None


def _appos_span(doc: Doc, noun: Token, stop_at: Optional[int] = None) -> Optional[tuple[int, int, int]]:
    cut = {t.i for c in noun.children if c.dep_ in ("relcl", "acl", "punct", "cc", "conj", "advcl", "appos")
           for t in c.subtree}
    cut |= {t.i for c in noun.children if c.dep_ == "prep" and c.lower_ not in ("of", "for", "at")
            for t in c.subtree}
    keep = {t.i for t in noun.subtree if t.i not in cut and (stop_at is None or t.i < stop_at)}
    start, end = noun.i, noun.i + 1
    while start - 1 in keep:
        start -= 1
    while end in keep:
        end += 1
    while start < noun.i and (doc[start].dep_ in ("det", "predet") or doc[start].is_punct):
        start += 1
    while end - 1 > noun.i and doc[end - 1].is_punct:
        end -= 1
    return (start, end, noun.i) if end > start else None


def _code_person(doc: Doc, cluster: Cluster, clusters: list[Cluster], owner: list[int]) -> None:
    candidates = [*cluster.titles] + list(cluster.mentions)
    for s, e in candidates:
        if (s, e) in cluster.titles:  # a title NER put inside the name: it is the role itself
            found = (s, e, s)
        else:
            found = role_span(doc, s, e)
        if found is not None:
            code_role(doc, cluster, found, clusters, owner)
            if cluster.role:
                return


def code_role(doc: Doc, cluster: Cluster, found: tuple[int, int, int], clusters: list[Cluster],
              owner: list[int]) -> None:
    """Code a person from its role phrase ``(start, end, head)``: role text, country, sector, leader title."""
    start, end, _ = found
    tokens = doc[start:end]
    lowers = [t.lower_ for t in tokens]
    country, sector, outlet = None, None, False
    for t in tokens:
        idx = owner[t.i]
        if idx >= 0 and clusters[idx] is not cluster:
            other = clusters[idx]
            if other.country and country is None and other.type in ("GPE", "NORP", "ORG", "PERSON", "LOC"):
                country = other.country
                if other.type == "ORG" and other.sector == "MED":
                    outlet = True
                elif other.type in ("PERSON", "ORG") and other.sector:
                    sector = other.sector
        elif country is None and t.text[:1].isupper() and idx < 0:
            form = country_form(t.text)
            if form and form.kind in ("name", "demonym"):
                country = form.iso3
    words = [w for w in lowers if w not in ("’s", "'s")]
    entry, leader, n, stop = None, None, 0, 0
    for stop in range(len(words), 0, -1):
        entry, n = sector_entry(words[:stop], _ROLE_KINDS)
        if entry is not None:
            if entry.kind == "LEADER":
                leader = " ".join(words[stop - n:stop])
            break
    if entry is not None and entry.sector:
        sector = entry.sector
        # a non-state qualifier outranks the office noun: "opposition lawmaker" OPP, "rebel commander" REB
        roles = actor_lexicon().sectors.get("ROLE", {})
        for w in words[:stop - n]:
            if w in roles and roles[w].sector in _NON_STATE:
                sector = roles[w].sector
    elif outlet:
        sector = "MED"
    if any(w in _FORMER or w.startswith("ex-") for w in lowers):
        sector, leader = None, None
    title = actor_lexicon().sectors.get("TITLE", {}).get(lowers[0]) if lowers else None
    if title and title.gender:
        cluster.gender = title.gender
    if entry is None and not country:
        return
    cluster.role = " ".join(tokens.text.split())
    cluster.role_span = (start, end)
    cluster.country = cluster.country or country
    cluster.sector = cluster.sector or sector
    if leader and not country:
        cluster.leader = leader


#: Words right after a shared name that make it the US state's institution ("Georgia Gov. Brian Kemp", "Georgia
#: State Patrol", "Georgia Bureau of Investigation", "Georgia House", "Georgia Democrats"); news writes the country's
#: as "Georgia's president", "Georgian police", "the parliament of Georgia".
_STATE_NEXT = frozenset({"gov.", "gov", "governor", "state", "bureau", "department", "dept.", "general", "house",
                         "senate", "legislature", "lawmakers", "attorney", "supreme", "tech", "power", "lottery",
                         "democrats", "republicans", "gop", "dome", "aquarium"})
#: Words right before one: "University of Georgia", "metro Georgia", "middle Georgia".
_STATE_PREV = frozenset({"metro", "middle", "coastal"})


def resolve_shared_states(doc: Doc, clusters: list[Cluster]) -> None:
    """Recode actors named after a US state that shares a country's name ("Georgia") in an article about the state.

    The name keeps the country unless the article says otherwise: a state institution written with the name
    ("Georgia State Patrol", "Georgia Gov."), counted twice, other US states or "Town, Georgia" pairs outnumber the
    country's own words (its demonym, its capital). Every actor whose name or role holds the shared name then takes
    the state's country, so a local US story does not code its governor and police as the Caucasus republic.
    """
    lex = actor_lexicon()
    for name, state_iso3 in lex.shared.items():
        form = country_form(name)
        hits = token_hits(doc, "LOWER", [name])
        if form is None or not hits:
            continue
        us = sum(len(c.mentions) for c in clusters if c.country == state_iso3 and c.country_kind == "state")
        own = sum(len(c.mentions) for c in clusters
                  if c.country == form.iso3 and c.country_kind in ("demonym", "capital"))
        for i in hits:
            after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
            before = doc[i - 1].lower_ if i else ""
            if after in _STATE_NEXT or before in _STATE_PREV or (before == "of" and i > 1
                                                                 and doc[i - 2].lower_ == "university"):
                us += 2
            elif before == "," and i > 1 and doc[i - 2].ent_type_ == "GPE" \
                    and (country_form(doc[i - 2].text) or form).iso3 != form.iso3:
                us += 1  # "Smyrna, Georgia" (not "Tbilisi, Georgia")
        if us <= own:
            continue
        word = re.compile(rf"\b{re.escape(name)}\b(?!ian)", re.I)
        for cluster in clusters:
            if cluster.country != form.iso3 or not word.search(f"{cluster.name} {cluster.role or ''}"):
                continue
            cluster.country = state_iso3
            if cluster.country_kind == form.kind:
                cluster.country_kind = "state"


def country_counts(doc: Doc, clusters: list[Cluster]) -> tuple[Counter, Counter]:
    """Mentions per country: as actors (country names and demonyms) and as locations ("in Syria").

    Returns:
        ``(actor_counts, location_counts)`` keyed by ISO3.
    """
    actors, places = Counter(), Counter()
    for cluster in clusters:
        if not cluster.country or cluster.type not in ("GPE", "NORP", "LOC"):
            continue
        for s, e in cluster.mentions:
            if cluster.country_kind in ("name", "demonym"):
                actors[cluster.country] += 1
            head = doc[s:e].root.head
            if cluster.type != "NORP" and head.dep_ == "prep" and head.lower_ in _LOC_PREPS:
                # a capital is where talks are held as often as where the story is: half a vote
                places[cluster.country] += 0.5 if cluster.country_kind == "capital" else 1
    return actors, places


def dominant(counts: Counter, exclude: frozenset = frozenset()) -> Optional[str]:
    """The clearly most frequent key of ``counts`` (see :data:`DOMINANT_MIN`, :data:`DOMINANT_RATIO`), or None."""
    ranked = [(n, k) for k, n in counts.items() if k not in exclude]
    ranked.sort(reverse=True)
    if not ranked or ranked[0][0] < DOMINANT_MIN:
        return None
    if len(ranked) > 1 and ranked[0][0] < DOMINANT_RATIO * ranked[1][0]:
        return None
    return ranked[0][1]


def code_leaders(clusters: list[Cluster], actor_counts: Counter) -> None:
    """Give head-of-state titles without a country the dominant country no other holder of the title has."""
    for cluster in clusters:
        if cluster.leader and not cluster.country:
            taken = frozenset(c.country for c in clusters if c is not cluster and c.country and c.type == "PERSON"
                              and c.role and cluster.leader in c.role.lower())
            cluster.country = dominant(actor_counts, taken)


#: Person roles that belong to the place the story is about ("a resident of Gao", "opposition lawmaker"); officials,
#: journalists and business people are as often foreign and keep no country unless the text gives one.
RESIDENT_SECTORS = frozenset({"CVL", "OPP", "REB", "LEG", "EDU", "JUD", "COP", "HLH", "LAB", "AGR", "REF", "CRM"})


def code_residents(clusters: list[Cluster], home: Optional[str]) -> None:
    """Give persons with a local role and no country the article's dominant location country."""
    if not home:
        return
    for cluster in clusters:
        if cluster.type == "PERSON" and cluster.country is None and cluster.sector in RESIDENT_SECTORS:
            cluster.country = home
