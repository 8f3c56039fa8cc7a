"""``newsevents_entities_v1``: canonical, actor-coded entities with every mention → ``doc._.entities``.

Each item is shaped like :class:`newsevents.record.Entity`::

    {"id": "E1", "name": "Vladimir Putin", "type": "PERSON", "actor": {"country": "RUS", "sector": "GOV"},
     "role": "President", "mentions": [{"start": 307, "end": 321, "text": "Vladimir Putin"}, ...]}

and every mention is also a span in ``doc.spans["entities.mentions"]`` (label = entity type, ``kb_id`` = entity
id), so later stages can find the entity under a token. The work is split by sub-task:

1. :mod:`.entities_mentions` — NER mentions cleaned (no possessive, no title) and merged by name;
2. :mod:`.entities_actors` — role phrases and actor codes of named entities, dominant-country rules;
3. :mod:`.entities_groups` — description-only actors ("Russia’s defence ministry", "rebel fighters"), weapons;
4. :mod:`.entities_pronouns` — he/she/it linked where only one entity fits.

Ids are given in order of first mention.
"""
from __future__ import annotations

import logging

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import doc_text, stage_call
from .entities_actors import (code_leaders, code_named, code_residents, country_counts, dominant,
                              resolve_shared_states)
from .entities_groups import find_descriptions, find_weapons
from .entities_mentions import Cluster, collect
from .entities_pronouns import link_pronouns

logger = logging.getLogger(__name__)

SPAN_KEY = "entities.mentions"


def extract_entities(doc: Doc) -> list[Cluster]:
    """Run the four sub-tasks on a doc with NER (descriptions and pronouns also read the parse).

    Returns:
        The entity clusters in order of first mention.
    """
    text = doc_text(doc)
    clusters, owner = collect(doc)
    code_named(doc, clusters, owner)
    resolve_shared_states(doc, clusters)
    actor_counts, location_counts = country_counts(doc, clusters)
    code_leaders(clusters, actor_counts)
    # bare domestic group nouns take the dominant *location* country: the rebels of a story datelined from Syria
    # are Syrian even when the article names Russia more often as an actor
    home = dominant(location_counts)
    if doc.has_annotation("DEP"):  # descriptions and pronouns read the parse; NER-only pipelines skip them
        clusters += find_descriptions(doc, clusters, owner, home)
        link_pronouns(doc, clusters, owner, text)
    code_residents(clusters, home)
    clusters += find_weapons(doc, clusters, owner, text)
    clusters = [c for c in clusters if c.mentions]
    clusters.sort(key=lambda c: min(c.all_mentions())[0])
    return clusters


def to_items(doc: Doc, clusters: list[Cluster], text: str) -> tuple[list[dict], list[Span]]:
    """Clusters as ``Entity``-shaped dicts plus their mention spans (``text`` is ``doc.text``)."""
    items, spans = [], []
    if not clusters:
        return items, spans
    starts = doc.to_array(IDX).tolist()
    ends = [a + n for a, n in zip(starts, doc.to_array(LENGTH).tolist())]
    for n, cluster in enumerate(clusters, start=1):
        ent_id = f"E{n}"
        mentions = []
        for s, e in cluster.all_mentions():
            a, b = starts[s], ends[e - 1]
            mentions.append({"start": a, "end": b, "text": text[a:b]})
            spans.append(Span(doc, s, e, label=cluster.type, kb_id=ent_id))
        actor = None
        if cluster.country or cluster.sector:
            actor = {"country": cluster.country, "sector": cluster.sector}
        items.append({"id": ent_id, "name": cluster.name, "type": cluster.type, "actor": actor,
                      "role": cluster.role, "mentions": mentions})
    return items, spans


class EntityLinker:
    """Stage ``entities``: see the module docstring."""

    @stage_call("entities")
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        items, spans = to_items(doc, extract_entities(doc), text)
        doc._.entities = items
        doc.spans[SPAN_KEY] = spans
        logger.debug("entities: %d entities, %d mentions", len(items), len(spans))
        return doc


@Language.factory("newsevents_entities_v1", requires=["doc.ents", "token.dep", "token.tag"],
                  assigns=["doc._.entities", "doc.spans"])
def make_entities(nlp: Language, name: str) -> EntityLinker:
    """Factory for :class:`EntityLinker`."""
    return EntityLinker()
