"""``newsevents_quantities_v1``: fills ``doc._.quantities`` with :class:`newsevents.record.Quantity`-shaped dicts.

Sub-tasks live in their own modules: number parsing (:mod:`.quantities_numbers`), detection and the
not-a-quantity rules (:mod:`.quantities_detect`), counted noun / category / agent / source from the parse
(:mod:`.quantities_roles`); article and incident casualty counts built on this layer are in
:mod:`.quantities_casualties`. Span layers: ``doc.spans["quantities"]`` (the whole expression, as in ``text``)
and ``doc.spans["quantities.number"]`` (number + unit only, what re3d annotates).
"""
from __future__ import annotations

import logging
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import doc_text, stage_call
from .quantities_detect import Candidate, find_candidates
from .quantities_roles import (adjacent_trigger, agent_of, counted_noun, governing_trigger, not_people, noun_trigger,
                               phrase, preceding_trigger, singular, source_of, subset_parent)
from .quantities_victims import coordinated_extra, multiple_mentions, singular_mentions

#: Categories that count people: a counted noun from ``quantity_not_people.txt`` ("four shots") cannot have them.
_PEOPLE_CATEGORIES = frozenset({"KILL", "WOUND", "ARREST", "KIDNAP", "DISPLACE", "PROTEST"})

logger = logging.getLogger(__name__)


def _not_people(noun) -> bool:
    forms = {noun.lemma_.lower(), noun.lower_, singular(noun.lower_)}
    return bool(forms & not_people())


def _misread_participle(noun, value: Optional[float]) -> bool:
    """"Five shot during party", "4 shot, 1 dead": a headline participle read as a singular noun counted by a
    number other than one (a count of shots would be the plural "five shots"; "one shot" stays a shot)."""
    return noun.tag_ == "NN" and value is not None and value != 1 and noun_trigger(noun) is not None


def _breakdown(doc: Doc, noun, extra: float, value: float) -> bool:
    """"the two other teens, one female and one male, were hurt": counted conjuncts set off by a comma that add
    up to the group's own count break the group down; they are not more people (GVA injured, odd ids: 2 read as
    4; "two children, a woman and a man" has uncounted conjuncts and stays four)."""
    if extra != value or noun.i + 1 >= len(doc) or doc[noun.i + 1].text != ",":
        return False
    return all(any(c.dep_ == "nummod" for c in conj.children) for conj in noun.conjuncts if conj.i > noun.i)


def _offsets(span: Optional[Span]) -> Optional[dict]:
    if span is None or len(span) == 0:
        return None
    return {"start": span.start_char, "end": span.end_char, "text": span.text}


def _numeric_item(doc: Doc, cand: Candidate) -> tuple[dict, Optional[int], Optional[int]]:
    """One quantity dict for a detected number; also returns its counted-noun and subset-parent token indices."""
    num = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    start, end = cand.span_start, cand.span_end
    item: dict = {"value": cand.value, "low": cand.low, "high": cand.high, "qualifier": cand.qualifier,
                  "unit": cand.unit, "counts": None, "category": "OTHER", "approximate": cand.approximate,
                  "vague": cand.vague}
    if cand.low is not None and cand.high is not None:
        item["value"] = None
    noun_i = parent_i = None
    if cand.unit_kind == "currency":
        item["category"] = "MONEY"
    elif cand.unit_kind == "percent":
        item["category"] = "PERCENT"
    if num is not None and cand.unit_kind not in ("currency", "percent", "measure"):
        noun, role = counted_noun(doc, num)
        if noun is not None:
            counts = phrase(doc, noun, floor=num.end if noun.i >= num.end else None)
            if counts.start < num.start <= noun.i:
                counts = doc[num.end:noun.i + 1]
            item["counts"] = _offsets(counts)
            noun_i = noun.i
            if noun.i >= num.end and counts.end_char > end and noun.i - num.end < 6:
                end = counts.end_char
            extra = coordinated_extra(doc, noun) if item["value"] is not None else 0
            if extra and _breakdown(doc, noun, extra, item["value"]):
                extra = 0
            if extra:
                # "two children and a woman were shot": the group is three
                item["value"] += extra
                last = max(c.i for c in noun.conjuncts)
                end = max(end, doc[last].idx + len(doc[last]))
        # "PD: 3 dead including …": a casualty adjective the parser takes for the counted noun is the trigger
        after = (noun.i + 1) if noun is not None and noun.i >= num.end and noun.pos_ != "ADJ" else num.end
        trig = None
        if role.dep_ in ("conj", "appos", "npadvmod", "ROOT", "dep", "nsubj"):
            # headline lists "1 dead, 3 injured": the word right after a group beats the coordination's verb
            trig = adjacent_trigger(doc, after, limit=1)
        trig = trig or preceding_trigger(doc, num.start) or governing_trigger(role) or adjacent_trigger(doc, after)
        if trig is None and noun is not None:
            trig = noun_trigger(noun)
        if noun is None and trig is not None and trig.token.tag_ == "NNS" and trig.token.i >= num.end \
                and _not_people(trig.token):
            trig = None  # "between 50 and 60 shots fired": a range the parser leaves without a noun counts shots
        if noun is not None and _not_people(noun):
            if _misread_participle(noun, item["value"]):
                trig = adjacent_trigger(doc, noun.i + 1, limit=1) or noun_trigger(noun)  # "Five shot dead"
            elif trig is not None and trig.category in _PEOPLE_CATEGORIES:
                trig = None
        if trig is not None:
            item["category"] = trig.category
            item["trigger"] = _offsets(doc[trig.token.i:trig.token.i + 1])
            if trig.token.pos_ == "VERB":
                item["agent"] = _offsets(agent_of(trig.token, role))
        source, estimated = source_of(role)
        item["source"] = _offsets(source)
        item["approximate"] = item["approximate"] or estimated
        parent = subset_parent(role)
        parent_i = parent.i if parent is not None else None
    item.update(start=start, end=end, text=doc_text(doc)[start:end])
    return item, noun_i, parent_i


class QuantityTagger:
    """Stage ``quantities``: numbers with value/range, qualifier, unit, counted noun, category, agent, source."""

    @stage_call("quantities")
    def __call__(self, doc: Doc) -> Doc:
        items: list[dict] = []
        numbers: list[Span] = []
        by_noun: dict[int, dict] = {}
        parents: list[tuple[dict, int]] = []
        for cand in find_candidates(doc):
            item, noun_i, parent_i = _numeric_item(doc, cand)
            items.append(item)
            span = doc.char_span(cand.number_start, cand.span_end, alignment_mode="expand")
            if span is not None:
                numbers.append(span)
            if noun_i is not None:
                by_noun.setdefault(noun_i, item)
            if parent_i is not None:
                parents.append((item, parent_i))
        taken = set(by_noun)
        for item in items:
            span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
            if span is not None:
                taken.update(range(span.start, span.end))
        if "places" in doc.spans:
            # a toponym is no victim: "ELMWOOD, Fla. - Four young men were shot", whose dateline the parser makes
            # a second subject of "shot"
            for span in doc.spans["places"]:
                taken.update(range(span.start, span.end))
        for span, head, trig, value in singular_mentions(doc, taken):
            items.append({"start": span.start_char, "end": span.end_char, "text": span.text, "value": value,
                          "low": None, "high": None, "qualifier": None, "unit": None,
                          "counts": _offsets(doc[head.i:head.i + 1]), "category": trig.category,
                          "approximate": False, "vague": False, "trigger": _offsets(doc[trig.token.i:trig.token.i + 1]),
                          "agent": _offsets(agent_of(trig.token, head)) if trig.token.pos_ == "VERB" else None,
                          "source": None})
        for span, trig, value in multiple_mentions(doc):
            if any(i["start"] <= span.start_char < i["end"] for i in items):
                continue
            items.append({"start": span.start_char, "end": span.end_char, "text": span.text, "value": value,
                          "counts": None, "category": trig.category, "approximate": False, "vague": False,
                          "trigger": _offsets(doc[trig.token.i:trig.token.i + 1])})
        items.sort(key=lambda it: (it["start"], it["end"]))
        for n, item in enumerate(items, 1):
            item["id"] = f"N{n}"
        for item, parent_i in parents:
            parent = by_noun.get(parent_i)
            if parent is not None and parent is not item:
                item["part_of"] = parent["id"]
                if item["category"] == "OTHER":
                    item["category"] = parent["category"]
                    item["trigger"] = parent.get("trigger")
        doc._.quantities = [_public(item) for item in items]
        doc.spans["quantities"] = [s for s in (doc.char_span(i["start"], i["end"], alignment_mode="expand")
                                               for i in items) if s is not None]
        doc.spans["quantities.number"] = numbers
        return doc


def _public(item: dict) -> dict:
    """The item without its empty fields. Whether a count is of everyone hit is not kept:
    :func:`.quantities_casualties.is_hit` reads it from ``trigger``."""
    return {k: v for k, v in item.items() if v is not None}


@Language.factory("newsevents_quantities_v1", requires=["doc.ents", "token.dep", "doc._.times"],
                  assigns=["doc._.quantities", "doc.spans"])
def make_quantities(nlp: Language, name: str) -> QuantityTagger:
    """Factory for :class:`QuantityTagger`."""
    return QuantityTagger()
