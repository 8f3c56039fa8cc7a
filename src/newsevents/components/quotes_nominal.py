"""Nominal cues decided by the trained cue model: "his assertion that …", "Trump's proposal to ban …", "a message
of …", "criticism of …" (``convention="polnear"``: PolNeAR annotates them as attributions).

The noun is the cue (with the preposition of a ``n-prep-<p>`` frame: "criticism of"); the content is the clause
or the prepositional object; the source is the possessor ("Trump's") or the subject of the verb the noun is the
object of ("Smith made the claim that …"), else none.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .quotes_marks import Quoted
from .quotes_model import DocContext, best_candidate, subject_of, verb_subject
from .quotes_rules import (Attribution, balance, clause_content, clip, cue_span, inside, object_content,
                           paragraph_of, source_span, trim)


def _light_verb(noun: Token):
    """The verb a noun cue is the object of, directly or through a preposition ("voiced support for", "unsparing
    in their criticism of"), when it stands before the noun; else None."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    if noun.dep_ in ("dobj", "pobj") and head.pos_ in ("VERB", "AUX") and head.i < noun.i:
        return head
    return None


def _cue_start(doc: Doc, noun: Token, light) -> int:
    """Where a nominal cue starts: at the light verb whose object it is (``light``: :func:`_light_verb`; "voiced
    support for", "made conflicting statements about", "unsparing in their criticism of": PolNeAR train's cues hold
    that verb), else at an article right before the noun ("a suggestion")."""
    if light is not None:
        return cue_span(doc, light, False)[0]
    if noun.i > 0 and doc[noun.i - 1].dep_ == "det" and doc[noun.i - 1].head.i == noun.i:
        return doc[noun.i - 1].idx
    return noun.idx


def nominal_rules(doc: Doc, text: str, quoted: list[Quoted], keep_that: bool, cue_model,
                  ctx: DocContext) -> list[Attribution]:
    """Attributions headed by a noun the cue model accepts (see the module docstring); ``ctx`` is the doc's
    :class:`.quotes_model.DocContext`."""
    out: list[Attribution] = []
    for tok in doc:
        if tok.pos_ != "NOUN" or inside(tok.idx, quoted):
            continue
        best = best_candidate(cue_model, tok, cue_model.noun_threshold, ctx)
        if best is None:
            continue
        frame, comp, _ = best
        para = paragraph_of(text, tok.idx)
        light = _light_verb(tok)
        cue_start = _cue_start(doc, tok, light)
        if frame.startswith("n-prep-"):
            content = object_content(doc, text, comp)
            cue = (cue_start, comp.head.idx + len(comp.head))
        else:
            content = clause_content(doc, text, comp, keep_that)
            cue = (cue_start, tok.idx + len(tok))
        content = balance(text, clip(content, para, text))
        if content is None or not content[0] <= comp.idx < content[1]:
            continue
        subj = subject_of(tok)
        speaker = None
        if subj is not None:
            speaker = clip(source_span(text, subj, [content, cue]), para, text)
        if speaker is None and light is not None:
            # the possessor lies inside a cue that starts at the light verb ("X repeated | his promise to"):
            # the light verb's subject speaks (PolNeAR train, parsed: source exact F1 77.3 -> 77.4)
            subj = verb_subject(light)
            if subj is not None:
                speaker = clip(source_span(text, subj, [content, cue]), para, text)
        out.append(Attribution(content=content, cue=trim(text, *cue), speaker=speaker,
                               speaker_head=subj.i if speaker is not None else None, cue_head=tok.i,
                               rule="nominal"))
    return out
