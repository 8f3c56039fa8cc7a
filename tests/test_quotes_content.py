"""The learned boundary chooser (components/quotes_content.py, resources/quote_content_model.*): the candidate
starts and ends it offers for a content and a cue, and how a choice becomes the span (invented sentences,
asserting offsets)."""
from __future__ import annotations

import numpy as np
import pytest

from newsevents.components.quotes_content import (CONTENT_WEIGHTS, ContentModel, choose_content, choose_cue,
                                                  content_candidates, cue_candidates, load_content_model)
from newsevents.components.quotes_model import DocContext
from newsevents.components.quotes_rules import paragraph_of


def _end(text: str, part: str) -> int:
    return text.index(part) + len(part)


class _Last:
    """A stand-in chooser that always takes the last candidate offered, and records the sides it was asked."""

    def __init__(self):
        self.sides = []

    def best(self, cue, rule, cands, side):
        self.sides.append(side)
        return cands[-1][0]


def _clause(nlp, text: str, verb: str):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == verb)
    comp = next(c for c in tok.children if c.dep_ == "ccomp")
    content = (comp.left_edge.idx, comp.right_edge.idx + len(comp.right_edge))
    return doc, tok, comp, content


CONTENT_ENDS = [
    # (text, reporting verb, the rule's content end, an alternative end the candidates must hold)
    ("The mayor said that the bridge will reopen in May.", "said", "in May", "will reopen"),
    ("The minister said the talks had failed, a setback for the government.", "said",
     "a setback for the government", "the talks had failed"),
]


@pytest.mark.parametrize("text, verb, rule_end, alternative", CONTENT_ENDS)
def test_quotes_content_candidates_hold_rule_end_first_and_cuts(nlp, text, verb, rule_end, alternative):
    doc, tok, comp, content = _clause(nlp, text, verb)
    starts, ends = content_candidates(doc, comp, content, paragraph_of(text, tok.idx), DocContext(doc))
    assert starts[0][0] == content[0] and ends[0][0] == content[1] == _end(text, rule_end)
    assert starts[0][1][0] == "S=rule" and ends[0][1][0] == "E=rule"
    assert _end(text, alternative) in [off for off, _ in ends]
    assert all(feats[0][0] == "E" for _, feats in ends) and all(feats[0][0] == "S" for _, feats in starts)


def test_quotes_content_choice_becomes_the_span(nlp):
    text = "The mayor said that the bridge will reopen in May, officials confirmed."
    doc, tok, comp, content = _clause(nlp, text, "said")
    para = paragraph_of(text, tok.idx)
    ctx = DocContext(doc)
    uniform = ContentModel(np.zeros(16, dtype=np.float32), 0.0)  # every candidate alike: the rule's span wins
    assert choose_content(doc, comp, tok, "ccomp", content, para, ctx, uniform) == content
    starts, ends = content_candidates(doc, comp, content, para, ctx)
    last = _Last()
    assert choose_content(doc, comp, tok, "ccomp", content, para, ctx, last) == (starts[-1][0], ends[-1][0])
    assert last.sides == ["S", "E"]


def test_quotes_content_cue_grows_over_words_before_the_content(nlp):
    text = "The mayor said in a radio interview that the bridge will reopen."
    doc, tok, comp, content = _clause(nlp, text, "said")
    cue = (tok.idx, tok.idx + len(tok))
    subj = next(c for c in tok.children if c.dep_ == "nsubj")
    starts, ends = cue_candidates(doc, tok, cue, content, subj, DocContext(doc))
    assert ends[0][0] == cue[1] and starts[0][0] == cue[0]
    assert [off for off, _ in ends][1:] == [_end(text, "said in"), _end(text, "said in a"),
                                            _end(text, "a radio"), _end(text, "radio interview")]
    assert len(starts) == 1  # the subject stops the cue on the left
    last = _Last()
    chosen = choose_cue(doc, tok, "ccomp", cue, content, subj, DocContext(doc), last)
    assert text[chosen[0]:chosen[1]] == "said in a radio interview"
    assert last.sides == ["K", "C"]


def test_quotes_content_model_file_loads_small():
    model = load_content_model()
    assert model is not None and CONTENT_WEIGHTS.stat().st_size < 2_000_000
    p = model.probability(["E=rule", "Ed=none"], "ccomp")
    assert 0.0 < p < 1.0 and p == model.probability(["E=rule", "Ed=none"], "ccomp")
