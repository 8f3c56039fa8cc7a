"""A learned boundary chooser for clause attributions' content and cue spans (``convention="polnear"``).

The rules give one content span per cue (the complement's subtree, adjusted: :mod:`.quotes_rules`). PolNeAR's
annotators often end or start it elsewhere: they leave out a trailing time or place phrase ("… on Thursday"), a
comma-set aside, a participle; they run it to the end of the sentence past a parse error. This module proposes
the alternatives the parse offers (:func:`content_candidates`: the rule span, the same span cut before each
punctuation mark or right-side dependent after the complement head, run on to the end of the sentence, or begun
after a leading comma-set phrase) and describes each by sparse string features of its two boundaries (what is
dropped or added: its dependency, first word, length, entity types, verbs, quote marks). A hashed-feature
logistic regression (:class:`.quotes_model.HashedLR`, weights ``resources/quote_content_model.npy``,
trained by ``benchmarks/quotes_content_train.py`` on PolNeAR train only) scores each; the best one is the
content. The cue's boundaries are chosen the same way (:func:`cue_candidates`): the verb group, grown to the
right over the words before the content ("said | in a rare interview") or to the left over the words after the
subject ("| began by | saying").
"""
from __future__ import annotations

import functools
import logging
from itertools import islice
from typing import Callable, Iterable, Iterator, Optional

import numpy as np
from spacy.tokens import Doc, Token

from .quotes_lexicon import RESOURCES
from .quotes_model import MARK_TOKENS, DocContext, HashedLR, load_weights, size_bucket

logger = logging.getLogger(__name__)

CONTENT_WEIGHTS = RESOURCES / "quote_content_model.npy"
CONTENT_META = RESOURCES / "quote_content_model.json"

Span = tuple[int, int]
_CUT_PUNCT = frozenset((",", ";", "(", "\u2014", "\u2013", "--", "-", ":"))
#: dependents on the right whose subtree may be the content's tail that the annotators left out
_CUT_DEPS = frozenset(("prep", "advcl", "relcl", "acl", "npadvmod", "conj", "cc", "appos", "advmod", "agent",
                       "ccomp", "xcomp", "dobj", "parataxis", "dep", "punct", "oprd", "attr", "pobj"))
_MAX_CUTS = 12  # candidate ends per attribution (the nearest to the rule's end): 99 % of train's exact gold ends


def _bucket(n: int) -> str:
    """:func:`.quotes_model.size_bucket` with its own value "0" for nothing."""
    return "0" if n <= 0 else size_bucket(n)


def _piece(toks: list[Token], first: int, last: int, side: str) -> list[str]:
    """Features of the tokens ``first..last`` (of the doc's ``toks``) a candidate drops (or adds) at one side."""
    if last < first:
        return [f"{side}=none"]
    toks = toks[first:last + 1]
    f = [f"{side}len={_bucket(len(toks))}"]
    # one pass: the first word, the entity types, a verb, a quote mark, the piece's head (the first token whose
    # head is outside it)
    w0 = head = None
    ents, verb, mark = set(), False, False
    for t in toks:
        if w0 is None and not t.is_punct and not t.is_space:
            w0 = t
        if t.ent_type_:
            ents.add(t.ent_type_)
        verb = verb or t.pos_ == "VERB"
        mark = mark or t.text in MARK_TOKENS
        if head is None and not first <= t.head.i <= last:
            head = t
    if w0 is not None:
        f += [f"{side}w0={w0.lower_}", f"{side}p0={w0.pos_}", f"{side}d0={w0.dep_}"]
    f += [f"{side}e={e}" for e in sorted(ents)]
    if verb:
        f.append(f"{side}verb")
    if mark:
        f.append(f"{side}mark")
    if head is not None:
        f.append(f"{side}hd={head.dep_}|{head.pos_}")
    return f


def _is_cut(toks: list[Token], k: int, lo: int) -> Optional[str]:
    """Why a content may end right before token ``k`` (a punctuation mark, or the start of a right-side
    dependent whose head lies in ``lo..k-1``), or None."""
    t = toks[k]
    if t.text in _CUT_PUNCT:
        return "p" + t.text
    if t.left_edge.i == k and lo <= t.head.i < k and t.dep_ in _CUT_DEPS:
        return t.dep_
    return None


def _back(toks: list[Token], end: int, floor: int) -> int:
    """The last word at or before ``end`` (skipping punctuation other than quote marks)."""
    while end > floor and (toks[end].is_punct or toks[end].is_space) and toks[end].text not in MARK_TOKENS:
        end -= 1
    return end


def _cuts(toks: list[Token], ks: Iterable[int], lo: int) -> Iterator[tuple[int, str]]:
    """(k, why) for each token ``k`` of ``ks`` before which a content may end (:func:`_is_cut`), lazily: the
    callers take the first few."""
    for k in ks:
        why = _is_cut(toks, k, lo)
        if why:
            yield k, why


def content_candidates(doc: Doc, comp: Token, content: Span, para: Span,
                       ctx: DocContext) -> tuple[list[tuple[int, list[str]]], list[tuple[int, list[str]]]]:
    """The candidate starts and ends (character offsets, each with its features) of a content around the rule's
    span ``content`` with complement head ``comp``; the rule's own start and end come first. Two empty lists
    when the span does not hold the head."""
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    if span is None or not len(span) or not span.start <= comp.i < span.end:
        return [], []
    a, b = span.start, span.end - 1
    toks = ctx.tokens
    sent_last = ctx.sent_end[comp.i] - 1  # the sentence's last word, inside the paragraph
    while sent_last > comp.i and (toks[sent_last].is_punct or toks[sent_last].is_space or
                                  toks[sent_last].idx >= para[1]):
        sent_last -= 1
    ends: dict[int, list[str]] = {b: ["E=rule"]}
    for k, why in islice(_cuts(toks, range(b, comp.i, -1), a), _MAX_CUTS):
        ends.setdefault(_back(toks, k - 1, comp.i), []).append("Ecut=" + why)
    for k, why in islice(_cuts(toks, range(b + 2, sent_last + 1), a), _MAX_CUTS // 2):
        e = _back(toks, k - 1, b)
        if e > b:
            ends.setdefault(e, []).append("Eext=" + why)
    if sent_last > b:
        ends.setdefault(sent_last, []).append("Eext=sent")
    starts: dict[int, list[str]] = {a: ["S=rule"]}
    for c in comp.children:
        if c.i < comp.i and a <= c.right_edge.i < comp.i:  # drop a left dependent and what precedes it
            starts.setdefault(c.right_edge.i + 1, []).append(f"Sdrop={c.dep_}")
        elif c.i > comp.i and comp.dep_ == "prep" and c.dep_ in ("pobj", "pcomp"):  # "about | rights that …"
            starts.setdefault(c.left_edge.i, []).append("Sdrop=prep")
    if comp.left_edge.i > a:  # "urged | Democrats to …"
        starts.setdefault(comp.left_edge.i, []).append("Sdrop=before-comp")
    for k in range(a + 1, comp.i + 1):
        if toks[k - 1].text in (",", "\u2014", ":"):
            starts.setdefault(k, []).append("Sdrop=comma")
    out_s, out_e = [], []
    for s_, why in starts.items():
        s_ = min(s_, comp.i)
        f = list(why) + (_piece(toks, a, s_ - 1, "Sd") if s_ > a else ["Sd=none"])
        f += [f"Sfirst={toks[s_].lower_}", f"Sfirstp={toks[s_].pos_}|{toks[s_].dep_}",
              f"Sprev={toks[s_ - 1].lower_ if s_ > 0 else '<d>'}"]
        if ctx.sent_start[s_] == s_:
            f.append("S-at-sent-start")
        out_s.append((content[0] if s_ == a else toks[s_].idx, f))
    for e, why in ends.items():
        f = list(why)
        f += _piece(toks, e + 1, b, "Ed") if e < b else _piece(toks, b + 1, e, "Ea") if e > b else ["Ed=none"]
        nxt = toks[e + 1] if e + 1 < len(toks) else None
        f += [f"Elast={toks[e].lower_}", f"Elastp={toks[e].pos_}|{toks[e].dep_}",
              f"Enext={nxt.lower_ if nxt is not None and nxt.is_punct else nxt.pos_ if nxt is not None else '</d>'}",
              f"Enextd={nxt.dep_ if nxt is not None else '</d>'}", f"Elen={_bucket(e - comp.i)}"]
        if e == sent_last:
            f.append("E-at-sent-end")
        if (ctx.marks[e + 1] - ctx.marks[a]) % 2:
            f.append("E-odd-marks")
        out_e.append((content[1] if e == b else toks[e].idx + len(toks[e]), f))
    return out_s, out_e


class ContentModel:
    """Scores content and cue starts and ends with a :class:`.quotes_model.HashedLR`; every feature is also
    crossed with the attribution's rule (ccomp, xcomp, dobj, prep, …)."""

    def __init__(self, weights: np.ndarray, bias: float):
        self._lr = HashedLR(weights, bias)

    @staticmethod
    def crossed(feats: list[str], rule: str, lemma: str = "") -> list[str]:
        """The features plus each crossed with ``rule``, and the first two (the kind of boundary) with the
        cue's ``lemma`` ("said | Tuesday" is a cue's, "announced | Tuesday" often the content's; train 5-fold CV
        cue / content exact F1 74.2 / 66.9 -> 74.4 / 67.0 with the lemma)."""
        return feats + [f"{x}|{rule}" for x in feats] + [f"{x}|l={lemma}" for x in feats[:2]]

    def probability(self, feats: list[str], rule: str, lemma: str = "") -> float:
        """The probability that a start or end with features ``feats`` is the gold one."""
        return self._lr.probability(self.crossed(feats, rule, lemma))

    def best(self, cue: Token, rule: str, cands: list[tuple[int, list[str]]], side: str) -> int:
        """The highest-scoring candidate offset (:func:`best_offset`); ``side`` (which boundary: content start
        "S" or end "E", cue start "K" or end "C") is for recording choosers (the trainer's), not scored."""
        lemma = cue.lemma_
        return best_offset(cands, lambda off, feats: self.probability(feats, rule, lemma))


def best_offset(cands: list[tuple[int, list[str]]], score: Callable[[int, list[str]], float]) -> int:
    """The offset of the candidate (offset, features) with the highest ``score(offset, features)`` (a
    probability; on a tie the earlier candidate: the rule's own comes first)."""
    best, best_p = cands[0][0], -1.0
    for off, feats in cands:
        p = score(off, feats)
        if p > best_p:
            best, best_p = off, p
    return best


def choose_content(doc: Doc, comp: Token, cue: Token, rule: str, content: Span, para: Span, ctx: DocContext,
                   model) -> Span:
    """The content span whose start and end ``model`` (a :class:`ContentModel` or anything with its ``best``)
    prefers among :func:`content_candidates`; the rule's ``content`` when they do not make a span holding the
    complement head."""
    starts, ends = content_candidates(doc, comp, content, para, ctx)
    if len(starts) + len(ends) < 3:  # only the rule's own start and end (or nothing): no choice
        return content
    start, end = model.best(cue, rule, starts, "S"), model.best(cue, rule, ends, "E")
    return (start, end) if start <= comp.idx < end else content


_CUE_REACH = 8  # tokens a cue may grow by at either side (PolNeAR train: "said in an interview with Reuters")


def _rel(tok: Token, verb: Token) -> str:
    # no "child" value: the shipped model was trained when an identity test for it never held (spaCy builds a new
    # Token on each read), so the verb's children read as "other"
    return "anc" if tok.is_ancestor(verb) else "other"


def cue_candidates(doc: Doc, verb: Token, cue: Span, content: Span, subj: Optional[Token],
                   ctx: DocContext) -> tuple[list[tuple[int, list[str]]], list[tuple[int, list[str]]]]:
    """Candidate starts and ends (character offsets, with features) of the cue of ``verb`` around the rule's
    ``cue``: it may grow to the right over the words before the content ("said | in a rare interview |
    that …", "said | Tuesday") and to the left over the words after the subject ("| began by | saying"); the
    rule's own offsets come first."""
    cspan = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    kspan = doc.char_span(content[0], content[1], alignment_mode="expand")
    if cspan is None or kspan is None or not len(cspan) or not len(kspan):
        return [], []
    lo_c, hi_c = kspan.start, kspan.end - 1
    toks = ctx.tokens
    left, right = cspan.start, cspan.end - 1
    sent_lo, sent_hi = ctx.sent_start[verb.i], ctx.sent_end[verb.i] - 1
    # the subject's tokens stop the cue (none: an empty range)
    subj_lo, subj_hi = (subj.left_edge.i, subj.right_edge.i) if subj is not None else (0, -1)
    lemma = verb.lemma_
    ends = [(cue[1], ["C=rule", f"Crule={toks[right].dep_}"])]
    for k in range(right + 1, min(sent_hi, right + _CUE_REACH) + 1):
        t = toks[k]
        if lo_c <= k <= hi_c or t.text in MARK_TOKENS or t.is_space or "\n" in t.text_with_ws or \
                subj_lo <= k <= subj_hi:
            break
        if t.is_punct:
            continue
        nxt = toks[k + 1] if k + 1 < len(toks) else t
        f = ["C=ext", f"Clast={t.lower_}", f"Clastd={t.dep_}|{_rel(t, verb)}", f"Clem={lemma}|{t.dep_}",
             f"Cnext={nxt.lower_ if nxt.is_punct else nxt.pos_}", f"Cnextd={nxt.dep_}"]
        f += _piece(toks, right + 1, k, "Ca")
        if k + 1 == lo_c or (nxt.is_punct and k + 2 == lo_c):
            f.append("C-to-content")
        ends.append((t.idx + len(t), f))
    starts = [(cue[0], ["K=rule", f"Krule={toks[left].dep_}"])]
    for k in range(left - 1, max(sent_lo, left - _CUE_REACH) - 1, -1):
        t = toks[k]
        if lo_c <= k <= hi_c or t.text in MARK_TOKENS or t.is_space or t.text in (",", ";", ":", "(", "\u2014") or \
                subj_lo <= k <= subj_hi:
            break
        if t.is_punct:
            continue
        f = ["K=ext", f"Kfirst={t.lower_}", f"Kfirstd={t.dep_}|{t.pos_}|{_rel(t, verb)}",
             f"Klem={lemma}|{t.dep_}", f"Kprev={toks[k - 1].lower_ if k > 0 else '<d>'}"]
        f += _piece(toks, k, left - 1, "Ka")
        starts.append((t.idx, f))
    return starts, ends


def choose_cue(doc: Doc, verb: Token, rule: str, cue: Span, content: Span, subj: Optional[Token],
               ctx: DocContext, model) -> Span:
    """The cue span whose start and end ``model`` prefers among :func:`cue_candidates` (the rule's ``cue``
    when there is no alternative)."""
    starts, ends = cue_candidates(doc, verb, cue, content, subj, ctx)
    if len(starts) + len(ends) < 3:  # only the rule's own start and end (or nothing): no choice
        return cue
    return model.best(verb, rule, starts, "K"), model.best(verb, rule, ends, "C")


@functools.lru_cache(maxsize=1)
def load_content_model() -> Optional[ContentModel]:
    """The committed content model (``resources/quote_content_model.npy`` + ``.json``), loaded once; None when
    it is not there."""
    if not CONTENT_META.exists():
        return None
    weights, meta = load_weights(CONTENT_WEIGHTS, CONTENT_META)
    return ContentModel(weights, meta["bias"])
