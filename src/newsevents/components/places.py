"""``newsevents_places_v1``: toponyms resolved to GeoNames → ``doc._.places`` and ``doc.spans["places"]``.

Sub-tasks live in their own modules: :mod:`.places_detect` (which spans are toponyms), :mod:`.places_rank`
(which GeoNames entry each one means) and :mod:`.places_metonymy` ("Moscow said…"). The gazetteer is the SQLite
index of :mod:`newsevents.gazetteer`, built at first use in the configured ``data_dir``.

An unknown name never empties the result: it is kept with ``geonameid`` null and a ``reason``.
"""
from __future__ import annotations

import logging
from typing import Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..gazetteer.lookup import Gazetteer, get_gazetteer
from . import doc_text, stage_call
from .entities_lexicon import country_form
from .places_detect import Mention, demonym_mentions, detect_toponyms, kind_hint, link_pairs
from .places_metonymy import is_metonymic
from .places_outlet import outlet_home
from .places_rank import SPOT_REASON, UNSURE, Choice, Context, rank_mentions
from .places_regions import REGION_REASON
from .places_streets import STREET_REASON

logger = logging.getLogger(__name__)

#: context weights outside the toponyms: a demonym is weaker evidence than a named country, the main actors'
#: country weaker still; the outlet's home country weighs like a demonym (TR-News gold spans, Acc@161: 0.4 86.6,
#: 0.7 87.4, 1.0 and 1.5 87.4; the smallest weight that gets the gain)
W_DEMONYM, W_ACTOR, W_OUTLET = 0.7, 0.5, 0.7
#: a local outlet's home area (the first-level area of the town in its name) and that town's country
#: (TR-News gold spans, exact id: none 88.1, 1.0/0.6 88.2, 2.0/1.0 88.2)
W_HOME_AREA, W_HOME_COUNTRY = 1.0, 0.6
_PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})
#: tokens before a mention where a country name gives the actor its code ("Georgia Gov. Brian Kemp")
_ECHO_WINDOW = 3


def _echoes_toponym(doc: Doc, ent: dict, iso3: str) -> bool:
    """An actor whose country comes from a country name in or just before its mentions ("Russia's defence ministry",
    "Georgia Gov. Brian Kemp" when the entities stage reads the country): that code is a reading of the toponym
    itself, not independent evidence for it, so it does not vote for its own reading."""
    for m in ent.get("mentions") or []:
        span = doc.char_span(m["start"], m["end"], alignment_mode="expand")
        if span is None:
            continue
        for tok in doc[max(0, span.start - _ECHO_WINDOW):span.end]:
            form = country_form(tok.text) if tok.text[:1].isupper() else None
            if form is not None and form.kind == "name" and form.iso3 == iso3:
                return True
    return False


def article_context(doc: Doc, gaz: Gazetteer) -> Context:
    """Context from outside the toponyms: demonyms, actors' countries (``doc._.entities``), outlet."""
    ctx = Context()
    for d in demonym_mentions(doc):
        ctx.countries[d["country"]] += W_DEMONYM
    for ent in doc._.entities or []:
        if not isinstance(ent, dict) or ent.get("type") in _PLACE_ENTITY_TYPES:
            continue  # a place entity's "actor country" is just another guess at the place itself
        iso3 = (ent.get("actor") or {}).get("country") or ""
        iso2 = gaz.iso2_of_iso3.get(iso3)
        if iso2 and not _echoes_toponym(doc, ent, iso3):
            ctx.countries[iso2] += W_ACTOR * min(3, len(ent.get("mentions") or []) or 1)
    home = outlet_home(doc._.meta, gaz)
    if home.country:
        ctx.countries[home.country] += W_OUTLET
    town = home.town
    if town is not None and town.kind != "country":
        # a local outlet writes about its region: its home area counts like another toponym of the article
        ctx.admin1s[town.admin1] += W_HOME_AREA
        if town.kind in ("city", "admin2"):
            ctx.countries[town.country] += W_HOME_COUNTRY
    return ctx


def _place_item(doc: Doc, index: int, choice: Choice, gaz: Gazetteer) -> dict:
    m = choice.mention
    item: dict = {"id": f"P{index}", "start": m.start, "end": m.end, "text": m.text}
    best = choice.best
    if best is None:
        known = gaz.unresolvable_reason(m.text)
        item.update(name=known[0] if known else m.text, geonameid=None, precision=known[1] if known else None,
                    reason=known[2] if known else "not in the gazetteer (below 500 inhabitants, a natural "
                                                  "feature, a building, or an unknown spelling)",
                    metonymic=False)
        return item
    admin1 = None
    if best.admin1 and best.kind != "country":
        admin1 = {"code": best.admin1, "name": gaz.admin_name.get(best.admin1)}
    item.update(name=best.name, geonameid=best.geonameid, lat=best.lat, lon=best.lon, country=best.country,
                country_iso3=gaz.iso3.get(best.country or ""), admin1=admin1, feature=best.feature,
                precision=best.precision, score=round(choice.confidence, 3),
                metonymic=is_metonymic(doc, *m.tokens, best.kind, best.feature) if m.tokens != (0, 0) else False)
    if best.kind == "region":
        item["reason"] = REGION_REASON
    elif best.kind == "spot":
        item["reason"] = STREET_REASON if best.feature == "R.ST" else SPOT_REASON
    # the alternatives listed are gazetteer entries: a hand-written region point or a spot has no GeoNames id
    listed = [(c, p) for c, p in choice.ranked[:3] if c.geonameid is not None]
    if choice.confidence < UNSURE and listed:
        item["candidates"] = [{"geonameid": c.geonameid, "name": c.name, "country": c.country, "lat": c.lat,
                               "lon": c.lon, "feature": c.feature, "score": round(p, 3)} for c, p in listed]
    return item


def resolve_mentions(doc: Doc, mentions: list[Mention], gaz: Optional[Gazetteer] = None) -> list[dict]:
    """Resolve toponym mentions in their article context into ``Place``-shaped dicts."""
    gaz = gaz or get_gazetteer()
    choices = rank_mentions(mentions, gaz, article_context(doc, gaz), doc_text(doc))
    return [_place_item(doc, i, ch, gaz) for i, ch in enumerate(choices, start=1)]


def resolve_spans(doc: Doc, spans: Iterable[tuple[int, int]], gaz: Optional[Gazetteer] = None) -> list[dict]:
    """Resolve given character spans (e.g. gold toponyms) as places, in the context of the doc.

    Args:
        doc: A processed Doc (its demonyms, entities and metadata are used as context).
        spans: ``(start, end)`` character offsets into ``doc.text``.
        gaz: The gazetteer; the configured one by default.

    Returns:
        One ``Place``-shaped dict per span, in the order given.
    """
    mentions = []
    text = doc_text(doc)
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="expand")
        tokens = (span.start, span.end) if span is not None and len(span) else (0, 0)
        mentions.append(Mention(s, e, text[s:e], "given", tokens=tokens,
                                kind=kind_hint(doc, *tokens) if tokens != (0, 0) else None))
    link_pairs(doc, mentions)
    return resolve_mentions(doc, mentions, gaz)


class PlaceResolver:
    """Stage ``places``: detect toponyms, rank their GeoNames candidates, flag metonymy."""

    @stage_call("places")
    def __call__(self, doc: Doc) -> Doc:
        gaz = get_gazetteer()
        places = resolve_mentions(doc, detect_toponyms(doc, gaz), gaz)
        doc._.places = places
        spans = []
        for p in places:
            span = doc.char_span(p["start"], p["end"], label=p.get("precision") or "unresolved",
                                 alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans["places"] = spans
        return doc


@Language.factory("newsevents_places_v1", requires=["doc.ents", "doc._.entities"], assigns=["doc._.places"])
def make_places(nlp: Language, name: str) -> PlaceResolver:
    """Factory for :class:`PlaceResolver`."""
    return PlaceResolver()
