"""``newsevents_quotes_v1``: who said what. Fills ``doc._.quotes`` (items shaped like :class:`record.Quote`) and
the span layers ``doc.spans["quotes.content"]``, ``["quotes.cue"]`` and ``["quotes.speaker"]``.

Sub-tasks live in their own modules: quotation-mark scanning (:mod:`.quotes_marks`), attribution rules on the
dependency parse (:mod:`.quotes_rules`, cue lexicon mined from PolNeAR train in :mod:`.quotes_lexicon`) and speaker
linking to ``doc._.entities`` (:mod:`.quotes_speaker`). This module merges the rules' output, classifies each
quote as direct, indirect or mixed, and carries speakers over to cue-less quote paragraphs.

Conventions (``convention`` setting): ``"newsevents"`` (default) drops the complementizer "that" from the content
and keeps the addressee in the cue ("told Al Jazeera"); ``"polnear"`` keeps "that" and leaves the addressee out,
as PolNeAR's annotators did, and also takes PolNeAR's broader attribution frames: a cue classifier trained on
PolNeAR train (:mod:`.quotes_model`) decides which verb frames ("wants", "endorses", "called for X", "accused X of
Y"), nouns ("his claim that …", :mod:`.quotes_nominal`) and passive/raising verbs ("X | is expected | to Y") are
cues, and a content is split around an interrupting "he said" or around a cue inside a relative clause ("which
| he said | the state would pay for"; the default convention keeps the words after the cue). The default
convention keeps the lexicon rules. In every convention a title named in a sentence ("on ABC's “This Week,”")
is no direct quote.
A discontinuous cue ("quoted Assad as saying") is given as its covering span.
"""
from __future__ import annotations

import bisect
import dataclasses
import logging
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from . import doc_text, stage_call
from .quotes_marks import Quoted, find_quoted, has_mark, is_title, opens_sentence, paragraphs
from .quotes_direct import direct_rules
from .quotes_content import load_content_model
from .quotes_model import DocContext, load_model
from .quotes_nominal import nominal_rules
from .quotes_rules import (Attribution, according_to, clause_rules, clip, headline_colon, paragraph_of,
                           parenthetical_rules, source_span, speaker_subject, trim)
from .quotes_speaker import link_speakers

logger = logging.getLogger(__name__)

#: A quote with no cue of its own must have at least this many words to be taken as speech carried over from
#: the paragraph before (shorter quoted stretches are titles and scare quotes); a shorter one opening a sentence
#: after a direct quote of its paragraph is taken as its continuation ("“…,” Bouhlel said. “Bodies everywhere.”":
#: PolNeAR train content exact tp / predicted 15,307 / 20,445 -> 15,327 / 20,470, default 8,724 / 13,523 ->
#: 8,743 / 13,547). 3 and 5 words: `polnear` content exact F1 on train 0.01 lower.
MIN_CARRIED_WORDS = 4


def _words(text: str) -> int:
    return len(text.split())


def _classify(att: Attribution, quoted: list[Quoted]) -> None:
    """Set ``kind`` (and snap to the quote) from how the content relates to the quotation marks."""
    s, e = att.content
    quoted = [q for q in quoted if q.solid]
    for q in quoted:
        if q.open <= s and e <= q.close:  # content within one quote: the quote is the content
            att.quote, att.kind = q, "direct"
            att.content = (q.start, q.end)
            return
    if any(q.open < e and q.close > s for q in quoted):
        att.kind = "mixed"


#: Words opening a relative clause whose verb the reporting clause sits inside ("which he said | the state
#: should pay for", "what analysts say | is a sign").
_RELATIVE_TAGS = frozenset(("WDT", "WP", "WP$", "WRB"))


def _relative_pieces(doc: Doc, text: str, clause: list[Attribution], both: bool) -> list[Attribution]:
    """A clause content that holds its own cue because the cue sits in a relative clause ("the wall, which he
    said | the state should pay for"): PolNeAR gives the relative word and the words after the cue as two
    pieces (PolNeAR train, 840 articles: 25 of 43 such contents both pieces, 6 the second only, none the whole
    span); with ``both`` (``convention="polnear"``) one attribution per piece, as for an interrupting "he said",
    otherwise one for the words after the cue (the default convention: train content exact F1 47.3 -> 47.5); the
    source is the verb's subject, which the whole span had held."""
    out = []
    for att in clause:
        s, e = att.content
        if att.cue is not None and att.rule in ("ccomp", "xcomp") and s <= att.cue[0] and att.cue[1] <= e:
            span = doc.char_span(s, e, alignment_mode="expand")
            first = span[0] if span is not None and len(span) else None
            right = trim(text, att.cue[1], e)
            if first is not None and right is not None and (first.tag_ in _RELATIVE_TAGS or first.lower_ == "that"):
                left = (first.idx, first.idx + len(first))
                subj = speaker_subject(doc[att.cue_head]) if att.cue_head is not None else None
                speaker = clip(source_span(text, subj, [left, right, att.cue]), paragraph_of(text, att.cue[0]),
                               text) if subj is not None else None
                head = subj.i if speaker is not None else None
                for piece in (left, right) if both else (right,):
                    out.append(dataclasses.replace(att, content=piece, speaker=speaker, speaker_head=head))
                continue
        out.append(att)
    return out


def _named_title(doc: Doc, text: str, q: Quoted) -> bool:
    """A title named in a sentence (:func:`.quotes_marks.is_title`: "on ABC's “This Week,” Rubio said"), which is
    no speech of its own, unless a verb names it ("a memo titled “The Facts,”", "chanting “Dump Trump”": PolNeAR
    annotates those). PolNeAR train: of 425 such titles 41 are gold contents, 27 of them after a verb; leaving the
    others out of the direct-quote and carry-over rules took 27 wrong direct quotes away."""
    if not is_title(text, q):
        return False
    span = doc.char_span(q.open, q.close, alignment_mode="expand")
    return span is None or span.start == 0 or not doc[span.start - 1].tag_.startswith("VB")


def _mixed_fragments(text: str, quoted: list[Quoted], clause: list[Attribution]) -> set[int]:
    """The ``id`` of each quote that is a fragment of a mixed clause content leading into it with words of its
    own ("said that Sanders is “…”"; not after a colon or another quote: "with a smile: “…”", "“Cruz,” X
    joked, “…”"). Computed once per doc, on the classified clause attributions, for :func:`_merge` and
    :func:`_carry`."""
    out = set()
    for q in quoted:
        # the fragment's words, without the full stop or comma before its closing mark, which a content ending
        # at the mark leaves out ("says Kasich “has a record.”")
        q_end = (trim(text, q.start, q.end) or (q.start, q.end))[1]
        for a in clause:
            lead = text[a.content[0]:q.open] if a.kind == "mixed" and q_end <= a.content[1] else ""
            if any(ch.isalnum() for ch in lead) and not lead.rstrip().endswith(":") and \
                    not has_mark(lead):
                out.add(id(q))
                break
    return out


def _merge(clause: list[Attribution], direct: list[Attribution], mixed: set[int],
           nested: float = 2.0) -> list[Attribution]:
    """Clause attributions (already snapped to quotes by :func:`_classify`), plus the direct-quote attributions
    no clause rule found and whose quote is no mixed fragment (``mixed``: :func:`_mixed_fragments`); an
    attribution inside another's content is kept only when the cue model gave it at least ``nested``."""
    out = list(clause)
    claimed = {id(a.quote) for a in clause if a.quote is not None}
    # a quoted fragment inside a mixed clause content ("Pataki says Kasich “has a record.” He warns …") is that
    # content, not a second, direct attribution to a verb after it nor the same-paragraph continuation of an
    # earlier quote (_carry): PolNeAR train, 840 articles, polnear content exact F1 65.9 -> 66.2 (P 69.9 -> 70.9),
    # default convention 47.1 -> 47.2
    for att in direct:
        if id(att.quote) in claimed or id(att.quote) in mixed:
            continue
        claimed.add(id(att.quote))
        out.append(att)
    # the same content reached by two rules (e.g. ccomp and according-to): keep the first
    seen: set[tuple[int, int]] = set()
    unique = []
    for att in sorted(out, key=lambda a: (a.content, a.rule)):
        if att.content in seen:
            continue
        seen.add(att.content)
        unique.append(att)
    # an attribution reported inside another one's content ("said that he hoped …") is part of that content:
    # dropping it gains 1.0 source / 0.3 cue / 0.4 content exact F1 on 250 PolNeAR train articles
    return [a for a in unique if a.cue is None or (a.score or 0.0) >= nested or not any(
        o is not a and o.content[0] <= a.cue[0] and a.cue[1] <= o.content[1] for o in unique)]


def _carry(doc: Doc, text: str, atts: list[Attribution], quoted: list[Quoted], mixed: set[int]) -> list[Attribution]:
    """Cue-less quotes that continue the speech of the quote (or attribution) just before them (not the mixed
    fragments ``mixed``)."""
    paras = paragraphs(text)
    p_starts = [p[0] for p in paras]
    claimed = {id(a.quote) for a in atts if a.quote is not None}
    claimed |= mixed
    out = sorted(atts, key=lambda a: a.content[0])

    def para_of(pos: int) -> int:
        return bisect.bisect_right(p_starts, pos) - 1

    for q in quoted:
        short = _words(text[q.start:q.end]) < MIN_CARRIED_WORDS and not q.continuation
        if id(q) in claimed or short and not opens_sentence(text, q):
            continue
        before = [a for a in out if a.content[1] <= q.open and a.speaker is not None]
        p_q = q.paragraph
        lead = paras[p_q][0] + len(text[paras[p_q][0]:paras[p_q][1]]) - len(text[paras[p_q][0]:paras[p_q][1]].lstrip())
        starts_para = q.open == lead
        prev = before[-1] if before else None
        p_prev = para_of(prev.content[0]) if prev else -1
        if starts_para and p_q > 0 and p_prev < p_q - 1:
            prev = _introducer(doc, text, paras[p_q - 1]) or prev
            p_prev = p_q - 1 if prev is not None and prev.rule == "introducer" else p_prev
        if prev is None:
            continue
        if p_prev == p_q and prev.kind != "direct":
            prev = _speech_before(text, before, p_q, para_of) or prev
        if p_prev == p_q and (prev.kind == "direct" or not short and opens_sentence(text, q)):
            # "“A,” she said. “B.”": the second quote is the same statement; also after a mixed or indirect
            # attribution, when the quote opens a sentence ("Sanders “has pole-vaulted …,” Sroka said. “This
            # movement …”"). PolNeAR train content exact tp / predicted: after a mixed quote 15,375 / 20,534 ->
            # 15,416 / 20,607 (default 8,766 / 13,581 -> 8,814 / 13,665); also after an indirect one and only
            # when the quote opens a sentence 15,451 / 20,646 -> 15,477 / 20,662 (default 8,834 / 13,689 ->
            # 8,849 / 13,688; any position: 15,505 / 20,804, lower F1)
            new = Attribution(content=_content(text, q), cue=prev.cue, speaker=prev.speaker,
                              speaker_head=prev.speaker_head, cue_head=prev.cue_head, kind="direct",
                              rule="same-paragraph", quote=q)
        elif p_prev == p_q - 1 and starts_para and not short:
            borrow = prev.kind != "direct" and not q.continuation
            new = Attribution(content=_content(text, q), cue=prev.cue if borrow else None, speaker=prev.speaker,
                              speaker_head=prev.speaker_head, cue_head=prev.cue_head if borrow else None,
                              kind="direct", carried_over=True, rule="carried", quote=q)
        else:
            continue
        claimed.add(id(q))
        bisect.insort(out, new, key=lambda a: a.content[0])
    return out


def _speech_before(text: str, before: list[Attribution], para: int, para_of) -> Optional[Attribution]:
    """The last direct quote among ``before`` (attributions in text order) when it is in paragraph ``para`` and
    only attributions to the same speaker, or with their cue inside its speaker, follow it: "“A,” Buchanan said,
    noting that X. “B.”", "“A,” said Pardo, who said he would not vote. “B.”" (the participle's or relative
    clause's own attribution stands between the quote and its continuation; PolNeAR train content exact tp /
    predicted 15,307 / 20,445 -> 15,355 / 20,509 for the same speaker, then 15,416 / 20,607 -> 15,445 / 20,639
    for a cue inside the speaker; default 8,724 / 13,523 -> 8,746 / 13,556, 8,814 / 13,665 -> 8,828 / 13,682)."""
    for k in range(len(before) - 1, -1, -1):
        a = before[k]
        if a.kind == "direct":
            who = text[a.speaker[0]:a.speaker[1]]
            same = all(text[b.speaker[0]:b.speaker[1]] == who or
                       b.cue is not None and a.speaker[0] <= b.cue[0] and b.cue[1] <= a.speaker[1]
                       for b in before[k + 1:])
            return a if same and para_of(a.content[0]) == para else None
    return None


def _introducer(doc: Doc, text: str, para: tuple[int, int]) -> Optional[Attribution]:
    """A person introduced right before a quote paragraph ("Farmer X, who lost his herd, described the night."):
    the subject of the paragraph's last sentence when it holds a PERSON name."""
    span = doc.char_span(para[0], para[1], alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = list(span.sents)[-1].root
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    if not subj or root.pos_ not in ("VERB", "AUX"):
        return None
    s, e = subj[0].left_edge.idx, subj[0].right_edge.idx + len(subj[0].right_edge)
    if not any(ent.label_ == "PERSON" and s <= ent.start_char and ent.end_char <= e for ent in doc.ents):
        return None
    span_ = trim(text, s, e)
    if span_ is None:
        return None
    return Attribution(content=(para[1], para[1]), speaker=span_, speaker_head=subj[0].i, kind="direct",
                       rule="introducer")


def _content(text: str, q: Quoted) -> tuple[int, int]:
    return q.start, q.end


def _offsets(text: str, span: Optional[tuple[int, int]]) -> Optional[dict]:
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "text": text[span[0]:span[1]]}


def _content_span(text: str, att: Attribution) -> tuple[int, int]:
    """Direct-quote content: the words inside the marks without the comma before the closing mark."""
    s, e = att.content
    if att.kind == "direct":
        while e > s and text[e - 1] in " ,;:":
            e -= 1
    return s, e


class QuoteExtractor:
    """Stage ``quotes``: finds attributions and writes ``doc._.quotes`` and the ``quotes.*`` span layers.

    Args:
        convention: ``"newsevents"`` or ``"polnear"`` (see the module docstring).
        cue_model: a :class:`.quotes_model.CueModel` to use instead of the committed one, or ``False`` for the
            lexicon rules in every convention.
        content_model: a :class:`.quotes_content.ContentModel` (or anything with its ``best``) to use instead
            of the committed one, or ``False`` for the rules' content spans.
    """

    def __init__(self, convention: str = "newsevents", cue_model=None, content_model=None):
        self.convention = convention
        self._cue_model = cue_model
        self._content_model = content_model

    @property
    def content_model(self):
        """The trained content-span chooser (:mod:`.quotes_content`), with the cue model only."""
        if self.cue_model is None or self._content_model is False:
            return None
        if self._content_model is None:
            self._content_model = load_content_model() or False
        return self._content_model or None

    @property
    def cue_model(self):
        """The trained cue classifier (:mod:`.quotes_model`) used with ``convention="polnear"``; ``None`` for the
        default convention, which keeps the lexicon rules."""
        if self.convention != "polnear" or self._cue_model is False:  # False: the lexicon rules (benchmarks)
            return None
        if self._cue_model is None:
            self._cue_model = load_model()
        return self._cue_model

    @stage_call("quotes")
    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = self.extract(doc)
        self._set_spans(doc)
        return doc

    def attributions(self, doc: Doc, text: Optional[str] = None) -> list[Attribution]:
        """All attributions of a parsed doc in text order (speakers not yet linked)."""
        polnear = self.convention == "polnear"
        text = doc_text(doc) if text is None else text
        quoted = find_quoted(text)
        # the cue model's per-doc feature arrays, shared by the verb and the noun rules
        ctx = DocContext(doc) if self.cue_model is not None else None
        clause = clause_rules(doc, text, quoted, keep_that=polnear, recipient=not polnear, polnear=polnear,
                              cue_model=self.cue_model, ctx=ctx, content_model=self.content_model)
        if self.cue_model is not None:
            clause += nominal_rules(doc, text, quoted, polnear, self.cue_model, ctx)
        clause += according_to(doc, text) + headline_colon(doc, text, quoted)
        clause += parenthetical_rules(doc, text, quoted, split=polnear)
        clause = _relative_pieces(doc, text, clause, both=polnear)
        speech = [q for q in quoted if not _named_title(doc, text, q)]
        direct = direct_rules(doc, text, speech, recipient=not polnear)
        for att in clause:
            _classify(att, quoted)
        mixed = _mixed_fragments(text, quoted, clause)
        nested = getattr(self.cue_model, "nested_threshold", 2.0)
        return _carry(doc, text, _merge(clause, direct, mixed, nested), speech, mixed)

    def extract(self, doc: Doc) -> list[dict]:
        """The ``doc._.quotes`` items of a parsed doc."""
        text = doc_text(doc)
        atts = self.attributions(doc, text)
        ids = link_speakers(doc, text, atts)
        items = []
        for n, att in enumerate(atts, 1):
            content = _content_span(text, att)
            parts = [att.quote.open, att.quote.close] if att.quote is not None and att.kind == "direct" \
                else list(content)
            if not att.carried_over:
                for span in (att.cue, att.speaker):
                    if span is not None:
                        parts.extend(span)
            speaker = _offsets(text, att.speaker)
            if speaker is not None:
                speaker["entity_id"] = ids.get(id(att))
            start, end = min(parts), max(parts)
            items.append({"id": f"Q{n}", "start": start, "end": end, "text": text[start:end], "kind": att.kind,
                          "content": _offsets(text, content), "cue": _offsets(text, att.cue), "speaker": speaker,
                          "carried_over": att.carried_over})
        return items

    @staticmethod
    def _set_spans(doc: Doc) -> None:
        for role in ("content", "cue", "speaker"):
            spans = []
            for item in doc._.quotes:
                part = item[role]
                if part is None or (role != "content" and item["carried_over"]):
                    continue
                span = doc.char_span(part["start"], part["end"], label=item["kind"] if role == "content" else role,
                                     alignment_mode="expand")
                if span is not None:
                    spans.append(span)
            doc.spans[f"quotes.{role}"] = spans


@Language.factory("newsevents_quotes_v1", requires=["token.dep", "doc.ents", "doc._.entities"],
                  assigns=["doc._.quotes", "doc.spans"], default_config={"convention": "newsevents"})
def make_quotes(nlp: Language, name: str, convention: str) -> QuoteExtractor:
    """Factory for :class:`QuoteExtractor`."""
    return QuoteExtractor(convention)
