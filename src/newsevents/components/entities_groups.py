"""Entities stage, part 3: actors named only by a description, and weapon model names.

* A noun phrase whose head (with its compound words) is an ORG or GROUP phrase of ``actor_sectors.tsv`` becomes an
  entity: "Russia’s defence ministry" (ORG, RUS MIL, named "Russia defence ministry"), "the Syrian government",
  "rebel fighters" (GROUP REB). Its country comes from a possessor ("Assad’s office": the person's country and,
  for a sector-less noun like "office", the person's sector), a country word or demonym modifier, an "in/of
  <country>" attachment, or the first conjunct ("Syrian government and opposition"). A group noun of a domestic
  sector (rebels, opposition, police, civilians, government…) with no country takes the article's dominant
  location country when there is one; a foreign-capable one (forces, troops) without a country is not kept.
* GROUPs with the same type, country and sector are one entity ("rebel fighters", "rebel leaders"); ORG
  descriptions merge on their name.
* A model designation ("S-400", "F-16") followed by a weapon noun within two words is a WEAPON.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from .entities_lexicon import actor_lexicon, country_form, sector_entry, token_hits
from .entities_mentions import Cluster

#: Sectors whose bare group nouns mean the article's own country ("the opposition", "police", "rebels").
DOMESTIC = frozenset({"REB", "OPP", "COP", "CVL", "REF", "JUD", "LEG", "PTY", "GOV", "EDU", "HLH", "LAB", "AGR",
                      "CRM", "MED"})
_MOD_DEPS = frozenset({"compound", "amod", "nmod"})
_SKIP_LEFT = frozenset({"det", "predet", "nummod", "quantmod", "punct", "cc", "advmod"})
#: Quantifying adjectives left out of a group's mention ("most Russian forces" → "Russian forces").
_QUANTIFIERS = frozenset({"most", "some", "many", "all", "several", "few", "other", "more", "both", "remaining"})
#: Extra compound nouns allowed before a GROUP's own phrase ("opposition fighters"), or before a head in
#: _STRICT_HEADS; any other common noun makes it something else ("ceasefire regime", "football fans"). Other ORG
#: heads take any ("health ministry", "state news agency").
_ALLOWED_COMPOUNDS = frozenset({"state", "government", "army", "military", "police", "rebel", "opposition",
                                "security", "federal", "national", "official"})
_STRICT_HEADS = frozenset({"regime"})
_MODEL_IN_TEXT = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,3}-?\d{1,4}[A-Z]?(?![\w-])")


def _modifiers(head: Token) -> list[Token]:
    """Compound/adjective words directly before the head, nearest last ("state", "news" for "agency")."""
    mods = []
    i = head.i - 1
    doc = head.doc
    while i >= 0 and doc[i].dep_ in _MOD_DEPS and doc[i].head.i > i and doc[i].head.i <= head.i:
        mods.append(doc[i])
        i -= 1
    return mods[::-1]


def _cluster_of(token: Token, clusters: list[Cluster], owner: list[int]) -> Optional[Cluster]:
    idx = owner[token.i]
    return clusters[idx] if idx >= 0 else None


def find_descriptions(doc: Doc, clusters: list[Cluster], owner: list[int],
                      location_country: Optional[str]) -> list[Cluster]:
    """Description-only ORG and GROUP actors, merged, with mentions; ``owner`` is updated for their tokens.

    Args:
        doc: The parsed doc.
        clusters: Named clusters (coded already: possessors pass on their codes).
        owner: Cluster index per token for ``clusters`` (-1 outside mentions).
        location_country: The article's dominant location country, for bare domestic group nouns.

    Returns:
        New clusters (kind ``desc``) to append after ``clusters``.
    """
    lex = actor_lexicon()
    words = lex.sector_words
    found: list[Cluster] = []
    by_key: dict[object, Cluster] = {}
    country_at: dict[int, Optional[str]] = {}
    for i in token_hits(doc, "LOWER", words):
        token = doc[i]
        if token.pos_ not in ("NOUN", "PROPN") or owner[i] >= 0:
            continue
        if token.dep_ in ("compound", "amod", "nmod"):
            continue
        mods = _modifiers(token)
        entry, n = sector_entry([m.lower_ for m in mods] + [token.lower_], ("ORG", "GROUP"))
        if entry is None or ((entry.kind == "GROUP" or token.lower_ in _STRICT_HEADS) and any(
                m.pos_ == "NOUN" and m.lower_ not in _ALLOWED_COMPOUNDS for m in mods[:len(mods) - (n - 1)])):
            continue
        country, sector, possessor, poss_cluster = None, entry.sector, None, None
        for child in token.children:
            if child.dep_ == "poss" and token.sent.start <= child.i < token.i:
                possessor = child
        if possessor is not None:
            poss_cluster = _cluster_of(possessor, clusters, owner)
            if poss_cluster is not None and poss_cluster.country:
                country = poss_cluster.country
                if sector is None:
                    sector = poss_cluster.sector
        for mod in mods:
            if country:
                break
            other = _cluster_of(mod, clusters, owner)
            if other is not None and other.country and other.type in ("GPE", "NORP"):
                country = other.country
            elif mod.text[:1].isupper():
                form = country_form(mod.text)
                if form and form.kind in ("name", "demonym"):
                    country = form.iso3
        if entry.kind == "ORG" and not mods and possessor is None and _definite(token):
            earlier = _same_head(token, clusters, found)
            if earlier is not None:  # "the ministry" after "Kenya’s defence ministry": that one
                start = _left_edge(token, None, [])
                earlier.mentions.append((start, token.i + 1))
                continue
        if possessor is not None and poss_cluster is None and country is None:
            continue  # "its forces": whose is not known here
        if country is None:
            country = _prep_country(token, clusters, owner, ("in", "of", "from") if sector in DOMESTIC else ("of",))
        if country is None and token.dep_ == "conj" and not mods and token.head.i in country_at:
            country = country_at[token.head.i]
        if sector is None or (entry.kind == "ORG" and token.tag_ in ("NNS", "NNPS") and country is None):
            continue  # "office" with no coded possessor; "the two armies"
        if country is None:
            if sector not in DOMESTIC:
                continue
            country = location_country
        country_at[token.i] = country
        start = _left_edge(token, possessor, mods)
        cluster_type = entry.kind
        if cluster_type == "ORG":
            lead = poss_cluster.name if poss_cluster is not None else None
            tail_start = possessor.i + 1 if possessor is not None else start
            while tail_start < token.i and doc[tail_start].tag_ == "POS":
                tail_start += 1
            name = " ".join(x for x in (lead, doc[tail_start:token.i + 1].text) if x)
            key = ("ORG", name.lower())
        else:
            name = doc[start:token.i + 1].text
            key = ("GROUP", country, sector)
        cluster = by_key.get(key)
        if cluster is None:
            cluster = Cluster(type=cluster_type, kind="desc", name=" ".join(name.split()), country=country,
                              sector=sector, key=key)
            by_key[key] = cluster
            found.append(cluster)
        cluster.mentions.append((start, token.i + 1))
    base = len(clusters)
    for k, cluster in enumerate(found):
        for s, e in cluster.mentions:
            for i in range(s, e):
                if owner[i] < 0:
                    owner[i] = base + k
    return found


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)


def _same_head(token: Token, clusters: list[Cluster], found: list[Cluster]) -> Optional[Cluster]:
    """The one earlier ORG (named or described) whose name has this head noun, or None if none or several."""
    word = token.lower_
    hits = [c for c in (*clusters, *found) if c.type == "ORG" and c.mentions and c.mentions[0][0] < token.i
            and word in c.name.lower().split()]
    return hits[0] if len(hits) == 1 else None


def _left_edge(token: Token, possessor: Optional[Token], mods: list[Token]) -> int:
    start = token.i
    if mods:
        start = mods[0].i
    if possessor is not None:
        start = min(start, possessor.left_edge.i)
    doc = token.doc
    start = max(start, token.sent.start)
    for i in range(token.i - 1, start - 1, -1):  # never across a line break (a parse that joined two paragraphs)
        if "\n" in doc[i].text_with_ws:
            start = i + 1
            break
    while start < token.i and (doc[start].dep_ in _SKIP_LEFT or doc[start].is_space
                               or doc[start].lower_ in _QUANTIFIERS):
        start += 1
    return start


def _prep_country(token: Token, clusters: list[Cluster], owner: list[int], preps: tuple[str, ...]) -> Optional[str]:
    """The country of an attached "in/of/from <GPE>" ("police in Paris", "the army of Syria")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps and child.i > token.i:
            for obj in child.children:
                other = _cluster_of(obj, clusters, owner)
                if obj.dep_ == "pobj" and other is not None and other.type == "GPE" and other.country:
                    return other.country
    return None


def find_weapons(doc: Doc, clusters: list[Cluster], owner: list[int], text: str) -> list[Cluster]:
    """Model designations followed by a weapon noun within two words ("S-400 defence system"), merged by name.

    A designation NER already made a one-word PRODUCT or ORG entity is retyped WEAPON instead of doubled.
    ``text`` is ``doc.text``, built once by the caller.
    """
    nouns = actor_lexicon().sectors.get("WEAPON", {})
    found: dict[str, Cluster] = {}
    for match in _MODEL_IN_TEXT.finditer(text):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) != 1:
            continue
        token = span[0]
        after = doc[token.i + 1:token.i + 4]
        if not any(t.lower_ in nouns for t in after) and token.ent_type_ != "PRODUCT":
            continue
        k = owner[token.i]
        if k >= 0:
            named = clusters[k]
            if named.type in ("PRODUCT", "ORG") and named.name == token.text:
                named.type, named.country, named.sector = "WEAPON", None, None
            continue
        cluster = found.setdefault(token.text, Cluster(type="WEAPON", kind="weapon", name=token.text))
        cluster.mentions.append((token.i, token.i + 1))
    return list(found.values())
