"""A learned cue decision: is this verb (or noun), with this complement, the cue of an attribution?

The parse proposes candidates (:func:`candidates`): a verb with a clausal complement (``ccomp``), a to-infinitive
(``xcomp``), a direct object (``dobj``; ``pre-dobj`` for a wh-object before it), a prepositional object
(``prep-<p>``), its subject plus a complement around a passive or raising verb (``s+<dep>``), the subject of a
passive (``pass-subj``), the complement of an adjective after it (``a-prep-<p>``, ``a-xcomp``, ``a-ccomp``: "is
upbeat about X", "was eager to Y"), and a noun with a clause (``n-acl``, ``n-ccomp``) or a prepositional object
(``n-prep-<p>``). Each candidate is described by sparse string features (:func:`features`: the lemma and frame,
the subject's kind, the complement's shape, the verb's form and context) hashed into a fixed-size weight vector;
the score is a logistic regression ``sigmoid(bias + sum(w[hash(f)]))``. The weights
(``resources/quote_cue_model.npy``) and the bias and thresholds (``resources/quote_cue_model.json``) are trained by
``benchmarks/quotes_train.py`` on PolNeAR train only.
"""
from __future__ import annotations

import functools
import json
import logging
import math
import zlib
from pathlib import Path
from typing import Iterator, Optional

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Token

from .entities_lexicon import token_hits
from .quotes_lexicon import RESOURCES

logger = logging.getLogger(__name__)

MODEL_WEIGHTS = RESOURCES / "quote_cue_model.npy"
MODEL_META = RESOURCES / "quote_cue_model.json"

#: Subject dependencies (active and passive), shared with :mod:`.quotes_rules`.
SUBJECT_DEPS = ("nsubj", "nsubjpass")
_PERSON_PRONOUNS = frozenset(("i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them"))
_MODALS = frozenset(("will", "would", "can", "could", "should", "may", "might", "must", "shall"))
#: ``s+<dep>`` frames: the subject and a complement after the verb are the content's two pieces, the verb (a
#: passive or a raising verb) between them: "Mrs. Clinton | is not expected | to pressure Mr. Sanders", "The
#: kingdom | is viewed | as a bulwark", "Mr. Putin | seemed | most concerned with …" (247 such two-piece contents
#: in 400 PolNeAR train articles).
_SPLIT_DEPS = frozenset(("xcomp", "acomp", "oprd", "prep"))
_CACHE_MAX = 200_000  # feature-weight cache entries (a few MB) before it is emptied
_WH_TAGS = frozenset(("WDT", "WP", "WP$"))
_NOUN_PREPS = frozenset(("of", "on", "about", "against", "for", "to", "that", "over", "with", "from"))


def subject_of(tok: Token) -> Optional[Token]:
    """The subject of a candidate head: :func:`verb_subject` for a verb; for a noun the possessor, or the subject
    of the verb it is the object of."""
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in tok.children:
            if c.dep_ == "poss":
                return c
        if tok.dep_ in ("dobj", "pobj"):  # never the root, so it has a head above it
            head = tok.head.head if tok.dep_ == "pobj" else tok.head
            return next((c for c in head.children if c.dep_ in SUBJECT_DEPS), None)
        return None
    return verb_subject(tok)


def verb_subject(verb: Token) -> Optional[Token]:
    """The subject of a reporting verb, borrowed up the tree for "…, saying" / "… and said" / "likely to say",
    or the noun a participle hangs on ("voters saying they want …")."""
    cur: Optional[Token] = verb
    for _ in range(4):
        if cur is None:
            break
        subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            return subj[0]
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return cur.head
        if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acomp", "dep", "npadvmod"):  # never the root
            cur = cur.head
            if cur.dep_ == "prep":  # "… by saying"
                cur = cur.head
        else:
            break
    return None


def candidates(tok: Token) -> Iterator[tuple[str, Token]]:
    """The (frame, complement head) pairs a verb or noun proposes as a possible attribution, in text order
    (``s+<dep>`` frames: see :data:`_SPLIT_DEPS`; ``pass-subj``: the subject of a passive is the content)."""
    if tok.pos_ in ("VERB", "AUX"):
        subj = subject_before(tok)
        if subj is not None and subj.dep_ == "nsubjpass" and not any(
                c.i > tok.i and c.dep_ in _SPLIT_DEPS for c in tok.children):
            yield "pass-subj", subj  # "O'Malley's move | was first reported by | the Post"
        for c in tok.children:
            if subj is not None and c.i > tok.i and c.dep_ in _SPLIT_DEPS:
                yield "s+" + c.dep_ + ("-" + c.lower_ if c.dep_ == "prep" else ""), c
            if c.dep_ == "ccomp":
                yield "ccomp", c
            elif c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                yield "xcomp", c
            elif c.dep_ == "dobj" and c.i > tok.i:
                yield "dobj", c
            elif c.dep_ == "dobj" and c.tag_ in _WH_TAGS:  # "…, which he described as", "what she called"
                yield "pre-dobj", c
            elif c.dep_ == "acomp" and c.i > tok.i:
                yield from _adjective_frames(c)
            elif c.dep_ == "prep" and c.i > tok.i and not any(
                    d.dep_ == "dobj" and tok.i < d.i < c.i for d in tok.children):
                # "accused Smith of lying": the object frame's content runs over the preposition (PolNeAR
                # train: 440 of 530 such contents hold the object), so no prep-of candidate
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    yield "prep-" + c.lower_, obj
    elif tok.pos_ == "NOUN":
        for c in tok.children:
            if c.i <= tok.i:
                continue
            if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                yield "n-" + c.dep_, c
            elif c.dep_ == "prep" and c.lower_ in _NOUN_PREPS and c.i == tok.i + 1:
                obj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                if obj is not None:
                    yield "n-prep-" + c.lower_, obj


def _adjective_frames(adj: Token) -> Iterator[tuple[str, Token]]:
    """The ``a-<dep>`` frames of an adjective (or participle) complement of a copula or a verb: "is upbeat |
    about X" (``a-prep-about``, the prepositional object), "was eager | to Y" (``a-xcomp``), "are optimistic |
    that Z" (``a-ccomp``); the cue runs from the verb to the adjective (and its preposition)."""
    for g in adj.children:
        if g.i <= adj.i:
            continue
        if g.dep_ in ("xcomp", "ccomp") and g.pos_ in ("VERB", "AUX"):
            yield "a-" + g.dep_, g
        elif g.dep_ == "prep" and g.i == adj.i + 1:
            obj = next((o for o in g.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                yield "a-prep-" + g.lower_, obj


def adjective_of(frame: str, comp: Token) -> Optional[Token]:
    """The adjective of an ``a-<dep>`` frame (see :func:`_adjective_frames`), else None."""
    if not frame.startswith("a-"):
        return None
    return comp.head.head if frame.startswith("a-prep-") else comp.head


def takes_subject(frame: str) -> bool:
    """Whether a frame's content holds the verb's subject (``s+<dep>``, ``pass-subj``)."""
    return frame.startswith("s+") or frame == "pass-subj"


def subject_before(tok: Token) -> Optional[Token]:
    """The verb's own subject (``nsubj``/``nsubjpass``) when it stands before the verb."""
    return next((c for c in tok.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i), None)


def split_subject(tok: Token, frame: str) -> Optional[Token]:
    """For an ``s+<dep>`` frame, the subject that is the content's first piece."""
    if not frame.startswith("s+"):
        return None
    return subject_before(tok)


def size_bucket(n: int) -> str:
    """A count (of tokens) as a feature value: "1" (0 included), "2-3", "4-8", "9-20", "21+"."""
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-8" if n <= 8 else "9-20" if n <= 20 else "21+"


def _person(subj: Token) -> str:
    if subj.pos_ == "PRON":
        return "pron-person" if subj.lower_ in _PERSON_PRONOUNS else "pron-other"
    return subj.ent_type_ or subj.pos_


#: Quotation-mark tokens (curly, straight and the tokenizer's ``` `` ``` / ``''``).
MARK_TOKENS = frozenset(("\u201c", "\u201d", '"', "``", "''"))


class DocContext:
    """Per-doc arrays the features need, computed once per doc (the stage scores ~100 candidates a doc):
    running counts of quotation-mark tokens, each token's sentence bounds and (:attr:`tokens`) the tokens."""

    def __init__(self, doc):
        self._doc, self._tokens = doc, None
        if not len(doc):
            self.marks, self.sent_start, self.sent_end = [0], [], []
            return
        is_mark = np.zeros(len(doc), dtype=bool)
        is_mark[token_hits(doc, "ORTH", MARK_TOKENS)] = True
        self.marks = [0] + np.cumsum(is_mark).tolist()
        starts = doc.to_array(SENT_START) == 1
        starts[0] = True
        idx = np.arange(len(doc))
        start_of = np.maximum.accumulate(np.where(starts, idx, 0))
        bounds = np.append(np.flatnonzero(starts), len(doc))
        self.sent_start = start_of.tolist()
        self.sent_end = bounds[np.searchsorted(bounds, idx, side="right")].tolist()

    @property
    def tokens(self) -> list[Token]:
        """The doc's tokens as a list, made on first use (``doc[i]`` builds a new Token object on every call; the
        boundary chooser reads each token of an attribution's sentence many times)."""
        if self._tokens is None:
            self._tokens = list(self._doc)
        return self._tokens


def features(tok: Token, frame: str, comp: Token, in_quote: bool = False,
             ctx: Optional[DocContext] = None) -> list[str]:
    """Sparse string features of one candidate (verb or noun ``tok`` heading ``comp`` in ``frame``); ``ctx`` is
    the doc's :class:`DocContext` (made here when not given)."""
    doc = tok.doc
    ctx = ctx or DocContext(doc)
    lemma = tok.lemma_.lower()
    fam = frame.split("-")[0] if not frame.startswith(("n-", "a-")) else "-".join(frame.split("-")[:2])
    f = [f"l={lemma}", f"lf={lemma}|{frame}", f"f={frame}", f"fam={fam}", f"lfam={lemma}|{fam}",
         f"w={tok.lower_}", f"tag={tok.tag_}|{fam}", f"dep={tok.dep_}|{fam}", f"hp={tok.head.pos_}|{tok.dep_}"]
    if fam.startswith("s+"):
        subj_ = split_subject(tok, frame)
        if subj_ is not None:
            f += [f"ss={_person(subj_)}|{fam}", f"ssl={size_bucket(subj_.right_edge.i - subj_.left_edge.i + 1)}"]
    # a noun cue always gets its head's lemma, a root noun its own (the shipped model was trained so)
    if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp", "acl", "relcl") or fam.startswith("n-"):
        f.append(f"hl={tok.head.lemma_.lower()}|{tok.dep_}")
    adj = adjective_of(frame, comp)
    if adj is not None:
        f += [f"a={adj.lemma_.lower()}", f"af={adj.lemma_.lower()}|{frame}"]
    subj = subject_of(tok)
    if subj is None:
        f += ["s=none", f"s=none|{fam}"]
    else:
        kind = _person(subj)
        f += [f"s={kind}", f"s={kind}|{fam}", f"sd={subj.dep_}", f"sl={subj.lemma_.lower()}",
              f"sk={kind}|{lemma}", f"sll={subj.lemma_.lower()}|{lemma}"]
        if subj.ent_type_:
            f.append(f"se={subj.ent_type_}|{fam}")
    kids = tok.children
    for c in kids:
        d = c.dep_
        if d in ("aux", "auxpass", "neg", "advmod", "prt", "dative", "iobj", "agent"):
            f.append(f"c={d}" if d != "aux" else f"aux={c.lower_ if c.lower_ in _MODALS else 'aux'}")
            if d in ("prt", "advmod"):
                f.append(f"cw={d}|{c.lower_}")
        elif d in ("ccomp", "xcomp", "dobj", "prep"):  # the complement itself included (the model was trained so)
            f.append(f"other={d}|{fam}")
    f += [f"cp={comp.pos_}|{fam}", f"ct={comp.tag_}|{fam}", f"cd={comp.dep_}"]
    size = comp.right_edge.i - comp.left_edge.i + 1
    f += [f"cl={size_bucket(size)}|{fam}", f"dist={size_bucket(abs(comp.i - tok.i))}|{fam}"]
    if comp.pos_ in ("VERB", "AUX"):
        f.append(f"cv={comp.lemma_.lower()}|{fam}")
    left = doc[comp.left_edge.i]
    f.append(f"c0={left.lower_}|{fam}")
    if left.dep_ == "mark" or left.lower_ in ("that", "if", "whether", "to"):
        f.append(f"cm={left.lower_}|{fam}")
    if comp.pos_ in ("NOUN", "PROPN", "PRON"):
        f += [f"co={comp.lemma_.lower()}", f"coe={comp.ent_type_}|{fam}", f"lco={lemma}|{comp.lemma_.lower()}",
              f"lce={lemma}|{comp.ent_type_ or comp.pos_}"]
        if any(c.dep_ in ("acl", "ccomp", "relcl") for c in comp.children):
            f.append("co-clause")
    if any(c.dep_ in SUBJECT_DEPS for c in comp.children):
        f.append(f"csubj|{fam}")
    marks = ctx.marks[comp.right_edge.i + 1] - ctx.marks[comp.left_edge.i]
    if marks:
        f.append(f"cq|{fam}")
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    f += [f"p={prev}", f"n={nxt}|{fam}"]
    f.append("sent-first" if tok.i - ctx.sent_start[tok.i] < 3 else "sent-late" if ctx.sent_end[tok.i] - tok.i < 3
             else "sent-mid")
    if in_quote:
        f += ["inq", f"inq|{fam}"]
    return f


def _index(feat: str, dim: int) -> int:
    return zlib.crc32(feat.encode("utf-8")) & (dim - 1)


def indices(feats: list[str], dim: int) -> list[int]:
    """Hashed weight indices of features (CRC-32, stable across runs and machines)."""
    return [_index(x, dim) for x in feats]


class HashedLR:
    """Hashed-feature logistic regression, the scorer of the cue model and of the boundary chooser
    (:mod:`.quotes_content`): ``sigmoid(bias + sum of the features' weights)``, a feature's weight at its CRC-32
    hash (:func:`indices`).

    Args:
        weights: float vector of length a power of two.
        bias: the intercept.
    """

    def __init__(self, weights: np.ndarray, bias: float):
        self.weights = np.asarray(weights, dtype=np.float32)
        self.dim = len(self.weights)
        self.bias = float(bias)
        # feature string -> weight: most features recur across candidates and docs (hashing each costs more)
        self._feature_weights: dict[str, float] = {}

    def probability(self, feats: list[str]) -> float:
        """``sigmoid(bias + sum of the features' weights)``."""
        cache = self._feature_weights
        z = self.bias
        for x in feats:
            v = cache.get(x)
            if v is None:
                if len(cache) > _CACHE_MAX:
                    cache.clear()
                v = cache[x] = float(self.weights[_index(x, self.dim)])
            z += v
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


class CueModel(HashedLR):
    """The trained cue classifier: a :class:`HashedLR` with its acceptance thresholds.

    Args:
        weights: float vector of length a power of two.
        bias: the intercept.
        threshold: the probability from which a verb candidate is accepted.
        noun_threshold: the same for a noun candidate (1.0: nouns never are).
        nested_threshold: an attribution inside another one's content is kept from this probability (above 1:
            never).
    """

    def __init__(self, weights: np.ndarray, bias: float, threshold: float, noun_threshold: float = 1.0,
                 nested_threshold: float = 2.0):
        super().__init__(weights, bias)
        self.threshold = float(threshold)
        self.noun_threshold = float(noun_threshold)
        self.nested_threshold = float(nested_threshold)

    def score(self, tok: Token, frame: str, comp: Token, in_quote: bool = False,
              ctx: Optional[DocContext] = None) -> float:
        """Probability that ``tok`` heads the cue of an attribution whose content is headed by ``comp`` (``ctx``:
        the doc's :class:`DocContext`, shared across a doc's candidates for speed)."""
        return self.probability(features(tok, frame, comp, in_quote, ctx))


def best_candidate(model, tok: Token, threshold: float, ctx: Optional[DocContext] = None,
                   skip: frozenset[str] = frozenset()) -> Optional[tuple[str, Token, float]]:
    """The highest-scoring (frame, complement, probability) of ``tok``'s :func:`candidates` under ``model`` (a
    :class:`CueModel` or anything with its ``score``) that reaches ``threshold`` (on a tie the later candidate),
    or None; frames in ``skip`` are not scored."""
    best = None
    for frame, comp in candidates(tok):
        if frame in skip:
            continue
        p = model.score(tok, frame, comp, ctx=ctx)
        if p >= (best[2] if best is not None else threshold):
            best = (frame, comp, p)
    return best


def load_weights(weights_path: Path, meta_path: Path) -> tuple[np.ndarray, dict]:
    """A trained :class:`HashedLR`'s weights (float16 ``.npy``, as float32) and its JSON metadata (``dim``,
    ``bias``, …), as ``benchmarks/quotes_train.py``'s ``save_model`` writes them.

    Raises:
        ValueError: the number of weights is not the metadata's ``dim``.
    """
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    weights = np.load(weights_path, allow_pickle=False)
    if len(weights) != meta["dim"]:
        raise ValueError(f"{weights_path.name}: {len(weights)} weights, {meta['dim']} expected")
    return weights.astype(np.float32), meta


@functools.lru_cache(maxsize=1)
def load_model() -> CueModel:
    """The committed model (``resources/quote_cue_model.npy`` + ``.json``), loaded once."""
    weights, meta = load_weights(MODEL_WEIGHTS, MODEL_META)
    return CueModel(weights, meta["bias"], meta["threshold"], meta.get("noun_threshold", 1.0),
                    meta.get("nested_threshold", 2.0))
