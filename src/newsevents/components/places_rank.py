"""Candidate ranking for ``newsevents_places_v1``: which GeoNames entry each toponym means.

Each candidate gets a score that adds a prior (kind of place, population, capital, how well the name matched)
and the article's context: countries and first-level areas of the other toponyms, the "Paris, Texas" pattern,
demonyms, the countries of the article's main actors, and the outlet's country. Resolution runs twice: a first
pass without the other toponyms, whose clear choices then vote in the second pass. Every mention of the same
name in an article gets the same place. The softmax share of the winner is the place's ``score``.

Weights are in log-population units (1.0 = a ten times larger place); they were set by hand from the
TR-News/GeoVirus dev sets' error lists and kept round. The numbers beside each weight are a sweep of it (fifth
pass): Acc@161, TR-News end to end / gold spans, GeoVirus end to end, at each tried value; "flat" = the same on
both sets over the values tried.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from ..gazetteer.build import area_word_stripped, name_key
from ..gazetteer.lookup import Candidate, Gazetteer
from .places_detect import Mention, demonyms
from .places_regions import REGION_BEATS_TOWNS_BELOW, region_points
from .places_streets import street_anchors

#: prior by kind: a bare name in news means the country or state before a town of that name
KIND_PRIOR = {"country": 4.0, "continent": 3.0, "admin1": 1.5, "city": 0.0, "admin2": -1.0}
#: a capital city ("Moscow", "Washington") beats a same-named province or state; a small capital ("Hamilton",
#: Bermuda, 1,000 people) only gets the smaller bonus so it does not beat a big namesake (CAPITAL_BONUS 1.5 / 2.5
#: / 3.5: 77.4 / 88.5 / 79.6, 77.8 / 88.8 / 79.7, 77.7 / 88.8 / 79.6)
CAPITAL_BONUS, SMALL_CAPITAL_BONUS, BIG_CAPITAL = 2.5, 1.0, 100_000
#: first-level areas below this population (summed over their towns) get no kind prior (30,000 / 100,000 / 300,000:
#: 77.7 / 88.8 / 79.7, 77.8 / 88.8 / 79.7, 77.8 / 88.7 / 79.7)
BIG_AREA = 100_000
#: an alternate name (another language, an old spelling) counts less than a primary or official one (1.0 / 1.5 /
#: 2.0: 77.8 / 88.8 / 79.7, 77.8 / 88.8 / 79.7, 77.6 / 88.8 / 79.7; GeoVirus gold spans 80.6 / 80.6 / 80.7)
ALTERNATE_PENALTY = 1.5
#: context weights: the candidate's country / first-level area is among the article's other places (W_COUNTRY 1 / 2
#: / 3: 76.9 / 88.1 / 79.5, 77.8 / 88.8 / 79.7, 77.7 / 88.8 / 79.6; W_ADMIN1 1 / 2 / 3: 77.7 / 88.8 / 79.6,
#: 77.8 / 88.8 / 79.7, 77.5 / 88.6 / 79.6)
W_COUNTRY, W_ADMIN1 = 2.0, 2.0
#: "Paris, Texas": the next toponym contains the candidate (the strongest evidence there is; 3 / 6 / 8 flat once
#: lists of areas are no pairs, see ``_area_list``)
W_CONTAINER = 6.0
#: a place whose own name says what it is ("Allegheny County") keeps that kind (2 / 3 / 4: TR-News e2e 77.7 / 77.8 /
#: 77.8, the rest unchanged)
W_KIND_WORD = 3.0
#: an area named like a big city inside it ("Geneva" canton, "Paris" département, "New York" state) means the
#: city unless the text says otherwise; "big" = at least a tenth of the area's population (1.5 / 2.5 / 3.5: TR-News
#: e2e 77.7 / 77.8 / 77.8, the rest unchanged)
W_SAME_NAME_CITY = 2.5
#: a city that gives its name to its province or county is its seat and the one meant abroad ("Geneva"; 0 / 0.5 / 1
#: / 2: 77.7 / 88.7 / 79.7, 77.7 / 88.8 / 79.7, 77.8 / 88.8 / 79.7, 76.9 / 88.1 / 79.6)
W_SEAT = 1.0
#: "London's Heathrow": a place owned by a town that is neither inside it nor around it is a spot in that town
SPOT_REASON = "a spot inside the place named before it (\"X's Y\"); the point is that place's"
#: "Ohio, Georgia and Michigan", "Georgia and Armenia": a name listed with names of one kind is of that kind too;
#: a first-level area listed with first-level areas of its country, a country with other countries (2 / 3 / 4 flat)
W_SIBLING = 3.0
#: a listed name counts as a sibling of a kind when a candidate of that kind has this first-pass share (0.15 / 0.25
#: / 0.4 flat)
SIBLING_SHARE = 0.25
#: what may stand between two listed names (lower case, stripped); a bare comma only in lists of three or more,
#: since "X, Y" is the "Paris, Texas" pattern
_LIST_JOINS = frozenset({",", "and", "or", ", and", ", or", "&", "as well as", "and the", ", and the", "or the"})
#: an unsure name's town counts for the area around it from this share on (see ``Context.inside``; 0.1 / 0.2 / 0.3
#: flat)
INSIDE_SHARE = 0.2
#: below this softmax share the top candidates are listed with the place
UNSURE = 0.8
_COUNTY_WORDS = ("county", "parish", "province", "governorate", "district", "oblast", "prefecture")


@dataclass
class Context:
    """What the article says about where it is, besides the toponym itself."""

    countries: Counter = field(default_factory=Counter)  # ISO2 → weight
    admin1s: Counter = field(default_factory=Counter)  # "US.TX" → weight
    #: first-level areas holding an unsure name's likely towns ("Atlanta" at 0.45, most likely in US.GA): evidence
    #: for the area itself only, weighed by the towns' shares
    inside: Counter = field(default_factory=Counter)


def prior(c: Candidate, text: str, kind: Optional[str] = None) -> float:
    """Context-free score of a candidate for a mention text (``kind``: what the words around it say it is)."""
    kind_prior = KIND_PRIOR.get(c.kind, 0.0)
    if c.kind == "admin1" and c.population < BIG_AREA:
        kind_prior = 0.0  # a parish of Bermuda is no likelier than a town of that name
    score = kind_prior + math.log10(c.population + 1) * 0.5
    if c.feature == "P.PPLC":
        score += CAPITAL_BONUS if c.population >= BIG_CAPITAL else SMALL_CAPITAL_BONUS
    if c.how >= 2:
        score -= ALTERNATE_PENALTY
    key = name_key(text)
    if key.endswith(_COUNTY_WORDS):
        score += W_KIND_WORD if c.kind == "admin2" or (c.kind == "admin1" and key.endswith("province")) else 0
    elif key.endswith(" city") and c.kind == "city":
        score += W_KIND_WORD
    elif kind and c.kind == kind:  # "the City of Turkey" is the Texas town, "Puge county" the county
        score += W_KIND_WORD
    return score


def context_score(c: Candidate, ctx: Context) -> float:
    """Score from the article context (countries are log-damped so one repeated name does not swamp it)."""
    score = 0.0
    weight = ctx.countries.get(c.country) if c.country else 0
    if weight:  # membership counts, repetition only a little: "the US" said twice must not pull every US town
        score += W_COUNTRY * min(1.0, weight) + 0.25 * math.log2(1 + weight)
    near = ctx.admin1s.get(c.admin1, 0.0) if c.admin1 else 0.0
    if c.kind == "admin1":  # for an admin1 candidate: places inside it are mentioned, surely or likely
        near += ctx.inside.get(c.admin1, 0.0)
    if near:
        score += W_ADMIN1 * min(1.0, near)
    return score


def _contains(area: Candidate, c: Candidate) -> bool:
    if area.kind == "country":
        return c.country == area.country and c.geonameid != area.geonameid
    if area.kind == "admin1":
        return c.admin1 == area.admin1 and c.geonameid != area.geonameid
    if area.kind == "admin2":
        return c.admin2 == area.admin2 and c.geonameid != area.geonameid
    return False


def _blocks_region(c: Candidate) -> bool:
    """A gazetteer entry that is likelier than a hand-listed region of the same name ("Red Sea" state, Sudan)."""
    if c.how >= 2:
        return False
    return c.kind in ("country", "admin1", "continent") or (
        c.how == 0 and c.population >= REGION_BEATS_TOWNS_BELOW)


#: Arabic articles that open a name ("Al-Minya", "El Kef"): a name the gazetteer lacks is looked up with its
#: article dropped or (one word) with "al"/"el" before it
_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an"})


def _article_variants(key: str) -> list[str]:
    """Other spellings of a name key to try when it has no candidate: hyphens as spaces ("al-minya" → "al minya"),
    without an Arabic article ("minya"), or one word with one ("kef" → "al kef", "el kef")."""
    spaced = key.replace("-", " ")
    words = spaced.split()
    out = [spaced] if spaced != key else []
    if len(words) > 1 and words[0] in _ARTICLES:
        out.append(" ".join(words[1:]))
    elif len(words) == 1:
        out += [f"al {spaced}", f"el {spaced}"]
    return out


def _candidates(m: Mention, gaz: Gazetteer) -> list[Candidate]:
    """Gazetteer candidates of a mention; a demonym given as a toponym ("Turkish") means its country; a listed
    region, island or sea ("Darfur", "Java") its hand-written point unless the gazetteer has a likelier entry."""
    key = name_key(m.text)
    region = region_points().get(key)
    if gaz.unresolvable_reason(m.text) and region is None:
        return []
    iso = demonyms().get(key)
    if iso and iso in gaz.country_id:
        c = gaz.place(gaz.country_id[iso])
        return [c] if c else []
    cands = list(gaz.candidates(m.text))
    if not cands and region is None:  # "Al-Minya" is the gazetteer's "Al Minya", "Kef" its "El Kef"
        cands = next((list(c) for v in _article_variants(key) if (c := gaz.candidates(v))), [])
    bare = area_word_stripped(key)
    if bare:  # "Karak district": the areas named "Karak" too (Al Karak, Jordan), not only a "Karak District"
        seen = {c.geonameid for c in cands}
        cands += [c for c in gaz.candidates(bare) if c.kind in ("admin1", "admin2") and c.geonameid not in seen]
    if region is not None:
        return cands if any(_blocks_region(c) for c in cands) else [region]
    return cands


def _shadowed(area: Candidate, cands: list[Candidate]) -> float:
    """Penalty for an area that shares its name with a big city inside it (see W_SAME_NAME_CITY)."""
    if area.kind not in ("admin1", "admin2"):
        return 0.0
    for c in cands:
        if c.kind == "city" and c.how == 0 and _contains(area, c) and c.population * 10 >= area.population:
            return W_SAME_NAME_CITY
    return 0.0


def _seat(city: Candidate, cands: list[Candidate]) -> float:
    """Bonus for a city named like the area around it (Geneva, Kyiv, Quebec): the area's seat, known abroad."""
    if city.kind != "city":
        return 0.0
    return W_SEAT if any(a.kind in ("admin1", "admin2") and _contains(a, city) for a in cands) else 0.0


def _area_list(cands: list[Candidate], next_cands: list[Candidate], listed: bool) -> bool:
    """"China, Japan": two country names; "Georgia, Illinois, Missouri": first-level areas of one country in a list
    of three or more names (``listed``). Names in a list, not a town inside an area (there is a town China, Japan,
    and a Washington, West Virginia): GeoVirus gold spans 80.5 -> 80.6, e2e 79.5 -> 79.7 (four states in lists)."""
    if any(c.kind == "country" and c.how < 2 for c in cands) and \
            any(c.kind == "country" and c.how < 2 for c in next_cands):
        return True
    areas = {c.country for c in next_cands if c.kind == "admin1" and c.how < 2}
    return listed and any(c.kind == "admin1" and c.how < 2 and c.country in areas for c in cands)


def coordinated(mentions: list[Mention], text: str) -> list[list[int]]:
    """Lists of names ("Ohio, Georgia and Michigan"): for each mention, the indices of the others in its list.

    A chain of mentions joined by commas, "and" or "or" is a list when it has three names or an "and"/"or";
    a lone "X, Y" is the "Paris, Texas" pattern, not a list.
    """
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    groups: list[list[int]] = [[order[0]]] if order else []
    joins: list[set[str]] = [set()]
    for a, b in zip(order, order[1:]):
        between = " ".join(text[mentions[a].end:mentions[b].start].split()).lower()
        if mentions[a].end <= mentions[b].start and between in _LIST_JOINS:
            groups[-1].append(b)
            joins[-1].add(between)
        else:
            groups.append([b])
            joins.append(set())
    out: list[list[int]] = [[] for _ in mentions]
    for g, j in zip(groups, joins):
        if len(g) >= 3 or (len(g) == 2 and j != {","}):
            for i in g:
                out[i] = [k for k in g if k != i]
    return out


def _sibling_kind(c: Candidate) -> Optional[tuple[str, Optional[str]]]:
    """(kind, country) of a candidate for the list rule: admin1s keep their country, countries do not; None for
    any other kind."""
    if c.kind == "admin1":
        return "admin1", c.country
    if c.kind == "country":
        return "country", None
    return None


def _sibling_kinds(choice: "Choice") -> set[tuple[str, Optional[str]]]:
    """(kind, country) pairs a listed name plausibly is (see :func:`_sibling_kind`)."""
    return {k for c, p in choice.ranked if p >= SIBLING_SHARE and c.how < 2 and (k := _sibling_kind(c)) is not None}


def _sibling_bonus(c: Candidate, key: str, siblings: list[tuple[str, set]]) -> float:
    """W_SIBLING for an admin1 listed with admin1s of its country, or a country listed with countries."""
    want = _sibling_kind(c)
    if want is None:
        return 0.0
    return W_SIBLING if any(k != key and want in kinds for k, kinds in siblings) else 0.0


def _softmax_top(scores: list[float]) -> list[float]:
    m = max(scores)
    exps = [math.exp(s - m) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


@dataclass
class Choice:
    """The ranked candidates of one mention."""

    mention: Mention
    ranked: list[tuple[Candidate, float]]  # (candidate, probability), best first

    @property
    def best(self) -> Optional[Candidate]:
        return self.ranked[0][0] if self.ranked else None

    @property
    def confidence(self) -> float:
        return self.ranked[0][1] if self.ranked else 0.0


def _votes(choices: list[Choice], skip_key: str) -> Context:
    """Context from the clear choices of other names (a tie between towns votes for nothing)."""
    ctx = Context()
    for ch in choices:
        best = ch.best
        if best is None or name_key(ch.mention.text) == skip_key:
            continue
        if ch.confidence < 0.5:
            for c, p in ch.ranked:
                if p >= INSIDE_SHARE and c.kind in ("city", "admin2") and c.admin1:
                    ctx.inside[c.admin1] += p
            continue
        # a vote weighs what its voter is sure of: a 0.68 "Edmonton, Alberta" must not flip a 0.96 "Queensland"
        if best.country:
            ctx.countries[best.country] += ch.confidence
        if best.kind in ("admin1", "admin2", "city") and best.admin1:
            ctx.admin1s[best.admin1] += ch.confidence
    return ctx


def spot_at(town: Candidate, name: str, feature: str) -> Candidate:
    """A place the gazetteer lacks (a facility, a street) as a spot at the point of the town it is in: precision
    ``sub-city``, no GeoNames id."""
    return Candidate(None, name, "spot", feature, town.country, town.admin1, town.admin2,  # type: ignore[arg-type]
                     town.lat, town.lon, 0, 0)


def _owned_spots(mentions: list[Mention], choices: list[Choice]) -> list[Choice]:
    """"Toronto's Pearson Airport", "Giza's Haram": a mention owned by a town resolves inside it; if its own best
    candidate is elsewhere (Haram, Norway) or missing, it becomes a spot at the town's point."""
    out = list(choices)
    for i, m in enumerate(mentions):
        if m.owner is None or not choices[m.owner].ranked:
            continue
        town, conf = choices[m.owner].ranked[0]
        if town.kind != "city":
            continue
        best = choices[i].best
        if best is None or not (best.geonameid == town.geonameid or _contains(best, town) or _contains(town, best)):
            out[i] = Choice(m, [(spot_at(town, m.text, "S"), conf)])
    return out


#: towns near the likely towns of other names support each other ("San Juan" beside "Choropampa": San Juan, Peru):
#: within NEAR_KM, weighed by the other name's first-pass share. TR-News e2e / gold-span Acc@161 by W_NEAR (100 km):
#: 0 77.4 / 88.7, 0.5 77.5 / 88.8, 1.0 77.6 / 88.8, 2.0 77.1 / 88.4 (small Toronto, NSW beats Toronto), 3.0 76.6;
#: 50 / 161 km at 1.0: 77.5 / 77.6; GeoVirus 79.4 / 80.5 at every setting up to 2.0
W_NEAR, NEAR_KM = 1.0, 100.0
_LOCAL_KINDS = ("city", "admin2", "spot")
_NEAR_DEG = NEAR_KM / 111.0  # a degree of latitude is 111 km: a cheap test before the great-circle distance


def _km(a: Candidate, b: Candidate) -> float:
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 12742 * math.asin(min(1.0, math.sqrt(h)))


def _near_bonus(mentions: list[Mention], cands: list[list[Candidate]], first: list[Choice]) -> dict[str, list[float]]:
    """Per name: a bonus for each candidate town near another name's likely towns (see W_NEAR)."""
    likely: dict[str, list[tuple[Candidate, float]]] = {}
    for ch in first:
        key = name_key(ch.mention.text)
        if key not in likely:
            likely[key] = [(c, p) for c, p in ch.ranked[:5]
                           if p >= 0.1 and c.kind in _LOCAL_KINDS and c.lat is not None]
    out: dict[str, list[float]] = {}
    for m, cs in zip(mentions, cands):
        key = name_key(m.text)
        if key in out or len(cs) < 2:
            continue
        bonus = []
        for c in cs:
            support = 0.0
            if c.kind in _LOCAL_KINDS and c.lat is not None:
                for other, towns in likely.items():
                    if other != key:
                        support += max((p for t, p in towns if abs(t.lat - c.lat) <= _NEAR_DEG
                                        and t.geonameid != c.geonameid and _km(c, t) <= NEAR_KM), default=0.0)
            bonus.append(W_NEAR * min(1.0, support))
        out[key] = bonus
    return out


def rank_mentions(mentions: list[Mention], gaz: Gazetteer, base: Context, text: str = "") -> list[Choice]:
    """Rank the candidates of every mention in the article context.

    Args:
        mentions: Toponym mentions in text order (``container`` links set for "X, Y").
        gaz: The open gazetteer.
        base: Context from outside the toponyms (demonyms, actors, outlet).
        text: The article text (for lists of names); without it lists are not used.
    """
    cands = [_candidates(m, gaz) for m in mentions]
    priors = [[prior(c, m.text, m.kind) - _shadowed(c, cs) + _seat(c, cs) for c in cs]
              for m, cs in zip(mentions, cands)]

    lists = coordinated(mentions, text) if text else [[] for _ in mentions]
    # evidence from the other names' first-pass choices: empty in the first pass, filled before the second
    sib: list[list[tuple[str, set]]] = [[] for _ in mentions]
    near_bonus: dict[str, list[float]] = {}

    def run(ctx_for) -> list[Choice]:
        out: list[Choice] = []
        for i, (m, cs) in enumerate(zip(mentions, cands)):
            if not cs:
                out.append(Choice(m, []))
                continue
            ctx = ctx_for(m)
            scores = [p + context_score(c, ctx) for c, p in zip(cs, priors[i])]
            nb = near_bonus.get(name_key(m.text))
            if nb:
                scores = [sc + b for sc, b in zip(scores, nb)]
            if sib[i]:
                key = name_key(m.text)
                scores = [s + _sibling_bonus(c, key, sib[i]) for s, c in zip(scores, cs)]
            if m.container is not None and cands[m.container] and not (
                    _area_list(cs, cands[m.container], bool(lists[i]))
                    and name_key(m.text) != name_key(mentions[m.container].text)):  # "Singapore, Singapore"
                areas = cands[m.container][:5]
                scores = [s + (W_CONTAINER if any(_contains(a, c) for a in areas) else 0.0)
                          for s, c in zip(scores, cs)]
            probs = _softmax_top(scores)
            order = sorted(range(len(cs)), key=lambda k: -scores[k])
            out.append(Choice(m, [(cs[k], probs[k]) for k in order]))
        return out

    first = run(lambda m: base)
    # the other names' votes, added to the base context once per name (not once per mention)
    merged = {}
    for key in {name_key(m.text) for m in mentions}:
        v = _votes(first, key)
        merged[key] = Context(base.countries + v.countries, base.admin1s + v.admin1s, base.inside + v.inside)
    near_bonus.update(_near_bonus(mentions, cands, first))
    kinds = [_sibling_kinds(ch) for ch in first]
    for i, others in enumerate(lists):
        sib[i] = [(name_key(mentions[k].text), kinds[k]) for k in others]

    second = _owned_spots(mentions, run(lambda m: merged[name_key(m.text)]))
    if text:
        for i, anchor in street_anchors(mentions, second, text).items():
            m = mentions[i]
            second[i] = Choice(m, [(spot_at(anchor[0], m.text, "R.ST"), anchor[1])] if anchor else [])
    # one article, one meaning: every mention of a name gets the choice made with the most evidence
    by_key: dict[str, Choice] = {}
    for ch in second:
        key = name_key(ch.mention.text)
        c = ch.mention.container
        if c is not None and name_key(mentions[c].text) == key:
            continue  # "Singapore, Singapore" names the city inside the country: it says nothing about the others
        if ch.ranked and (key not in by_key or ch.confidence > by_key[key].confidence):
            by_key[key] = ch
    return [Choice(ch.mention, by_key[name_key(ch.mention.text)].ranked)
            if ch.ranked and ch.mention.container is None and name_key(ch.mention.text) in by_key else ch
            for ch in second]
