"""Attribution rules on the dependency parse: reporting cues, their source and their content.

Each rule yields :class:`Attribution` objects with character spans. Conventions (boundaries follow PolNeAR's
train split, where the nsubj subtree equals the gold source in 95 % of cases and the ccomp subtree the gold
content in 86 %): the source is the whole subject noun phrase (appositions and relative clauses included); the
cue is the verb with its auxiliaries, negation, particles and an adverb right before it ("has also said"); the
content is the complement clause or the text inside the quotation marks.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from .quotes_content import choose_content, choose_cue
from .quotes_lexicon import clear_adjectives, is_cue
from .quotes_marks import Quoted
from .quotes_model import SUBJECT_DEPS, DocContext, adjective_of, best_candidate, subject_before, verb_subject

logger = logging.getLogger(__name__)

Span = tuple[int, int]
_CUE_CHILD_DEPS = frozenset(("aux", "auxpass", "neg", "prt"))
_WH = frozenset(("when", "where", "why", "how", "however", "then", "so", "even"))
_TRIM = set(" \t\n,;:.\u2014\u2013-\"'\u201c\u201d\u2018\u2019`")
_CUE_GAP_DEPS = frozenset(("advmod", "prt", "neg", "aux"))  # words between a verb and its preposition in a cue
_RECIPIENT_VERBS = frozenset(("tell", "assure", "remind", "inform", "warn"))


@dataclass
class Attribution:
    """One attribution before it becomes a ``Quote`` dict (character spans into the text)."""

    content: Span
    cue: Optional[Span] = None
    speaker: Optional[Span] = None
    speaker_head: Optional[int] = None  # token index of the speaker's head word
    cue_head: Optional[int] = None  # token index of the cue's verb
    kind: str = "indirect"
    carried_over: bool = False
    rule: str = ""
    quote: Optional[Quoted] = None  # the direct quote it stands for
    score: Optional[float] = None  # the cue model's probability, when the model chose the cue


def trim(text: str, start: int, end: int) -> Optional[Span]:
    """Strip spaces, commas, colons, full stops, dashes and quote marks at both ends (None if nothing is left)."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return (start, end) if start < end else None


_CLOSE_MARKS = ("\u201d", '"', "''")


def balance(text: str, span: Optional[Span]) -> Optional[Span]:
    """Give a span that ends inside a quoted fragment its closing mark back ("called it “absurd”")."""
    if span is None:
        return None
    start, end = span
    part = text[start:end]
    opens = part.count("\u201c") + part.count("``")
    closes = part.count("\u201d") + part.count("''")
    straight = part.count('"')
    if opens > closes or straight % 2:
        for mark in _CLOSE_MARKS:
            if text.startswith(mark, end) or (text[end:end + 1] in ".,;" and text.startswith(mark, end + 1)):
                return start, text.index(mark, end) + len(mark)
    return span


def _to_quote_end(span: Optional[Span], quoted: list[Quoted]) -> Optional[Span]:
    """Run a clause that goes on in quotation marks ("said that “ethanol people” do … well. It’s vital.”") to
    the closing mark of the quote it opens, when that quote closes later in the same paragraph."""
    if span is None:
        return None
    start, end = span
    for q in quoted:
        if q.closed and start < q.open < end < q.close:
            end = q.close
    return start, end


def tokens_span(doc: Doc, first: int, last: int) -> Span:
    """Character span of tokens ``first..last`` inclusive."""
    return doc[first].idx, doc[last].idx + len(doc[last])


def subtree_span(tok: Token) -> Span:
    """Character span of a token's subtree."""
    return tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)


def inside(pos: int, quoted: Iterable[Quoted]) -> Optional[Quoted]:
    """The quote whose marks enclose character ``pos``, if any (a lone unclosed mark encloses nothing)."""
    for q in quoted:
        if q.open <= pos < q.close and q.solid:
            return q
    return None


def source_span(text: str, subj: Token, avoid: list[Span]) -> Optional[Span]:
    """The subject's subtree, cut where it runs into the content or the cue (parse errors).

    A participle clause set off by a comma ("Smith, speaking in Ohio, said") is left out: PolNeAR train leaves
    it out 64 times in 84.
    """
    start, end = subtree_span(subj)
    doc = subj.doc
    for c in subj.children:
        if c.dep_ == "acl" and c.i > subj.i and c.left_edge.i > 0 and doc[c.left_edge.i - 1].text == ",":
            end = min(end, doc[c.left_edge.i - 1].idx)
        elif c.dep_ == "advcl" and c.i > subj.i:  # "said Dan Golvach when asked about …"
            end = min(end, c.left_edge.idx)
        elif c.dep_ == "advmod" and c.i == subj.left_edge.i:  # "just 30 percent", "virtually all"
            start = max(start, doc[c.i + 1].idx)
    # a dateline before the name: "RENO, Nev. (AP) — Republican hopeful Donald Trump"
    for k in range(subj.left_edge.i, subj.i):
        if doc[k].text in ("\u2014", "--", "\u2013") and doc[k].idx >= start:
            start = max(start, doc[k].idx + len(doc[k]))
    for a, b in avoid:
        if a < end and b > start:  # overlap: keep the side of the subject head
            if a <= subj.idx:
                start = max(start, b)
            else:
                end = min(end, a)
    return trim(text, start, end)


def speaker_subject(verb: Token) -> Optional[Token]:
    """The speaker of a reporting verb: its subject (:func:`.quotes_model.verb_subject`) with two parse errors
    mended: of several subjects of the verb itself the nearest one before it ("9:30 p.m. // Donald Trump says":
    the time line above is parsed as a second subject); with none, a proper noun parsed as a compound right
    before it ("…,” Viguerie notes": ``compound``). PolNeAR train (parsed), source exact F1 polnear 77.0 -> 77.3,
    default convention 65.9 -> 66.2. Still none: :func:`_misparsed_subject` (train source exact F1 polnear
    78.046 -> 78.083, default 66.431 -> 66.471; cue and content unchanged or up)."""
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(own) > 1:
        return max((c for c in own if c.i < verb.i), key=lambda c: c.i, default=own[0])
    subj = verb_subject(verb)
    if subj is None:
        subj = next((c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN" and
                     c.i == verb.i - 1), None)
    if subj is None:
        subj = _misparsed_subject(verb)
    return subj


#: Dependencies the parser gives a quantity subject right before its verb ("About 4 in 10 say": ``nummod``,
#: "Less than a third agreed": ``npadvmod``). ``amod`` ("Many fear") was tried and left out: on PolNeAR train
#: (parsed) it lowered cue exact F1 (76.625 -> 76.620) for a source gain under 0.01.
_QUANTITY_SUBJECT_DEPS = frozenset(("nummod", "npadvmod"))


def _misparsed_subject(verb: Token) -> Optional[Token]:
    """The subject of a verb the parse left without one (called after :func:`.quotes_model.verb_subject`
    returns None): the number a participle hangs on ("one listing the facts"), a quantity phrase right before
    the verb, the name a fronted phrase ends on ("In a statement, her adviser, Jane Roe, said": parsed as an
    apposition inside the phrase), or a name right after the verb parsed as the subject of a later clause."""
    doc = verb.doc
    if verb.i == 0:
        return None
    if verb.dep_ == "acl" and verb.head.pos_ == "NUM" and verb.head.i < verb.i:  # "one listing the facts"
        return verb.head
    for c in verb.children:
        if (c.dep_ in _QUANTITY_SUBJECT_DEPS and c.right_edge.i == verb.i - 1
                and c.pos_ in ("NUM", "NOUN", "PROPN", "ADJ") and c.ent_type_ not in ("DATE", "TIME")):
            return c
    end = verb.i - 1 if doc[verb.i - 1].text != "," else verb.i - 2
    for c in verb.children:
        if c.dep_ == "prep" and c.i < verb.i and c.right_edge.i in (end, verb.i - 1):
            name = next((t for t in c.subtree if t.dep_ == "appos" and t.right_edge.i == end
                         and t.pos_ in ("PROPN", "NOUN")), None)
            if name is not None:
                return name
    # "…,” said Jane Roe, joking that …": the name right after the verb is parsed as the subject of a
    # following clause
    for c in verb.children:
        if c.dep_ == "ccomp" and c.i > verb.i:
            name = next((t for t in c.children if t.dep_ in SUBJECT_DEPS and t.left_edge.i == verb.i + 1
                         and t.pos_ in ("PROPN", "NOUN")), None)
            if name is not None:
                return name
    return None


def cue_span(doc: Doc, verb: Token, recipient: bool = True) -> Span:
    """The cue phrase around a verb: auxiliaries, negation, particles, an adverb right before it and, for
    "tell"-type verbs when ``recipient`` is set, the addressee right after it ("told Al Jazeera")."""
    left, right = verb.i, verb.i
    chain = [verb]
    # "is continuing to insist", "refused to concede": the governing verb belongs to the cue (469 of 568
    # PolNeAR train cues with an xcomp verb include its head)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        chain.append(verb.head)
        left = verb.head.i
    for v in chain:
        for c in v.children:
            if c.dep_ in _CUE_CHILD_DEPS and abs(c.i - v.i) <= 3:
                left, right = min(left, c.i), max(right, c.i)
    for c in verb.children:
        if c.dep_ == "advmod" and left - 1 <= c.i < verb.i and c.lower_ not in _WH:
            left = min(left, c.i)
    if recipient and verb.lemma_ in _RECIPIENT_VERBS:
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj") and c.left_edge.i == right + 1 and c.pos_ in ("PROPN", "NOUN"):
                right = c.right_edge.i
    return tokens_span(doc, left, right)


def clause_content(doc: Doc, text: str, comp: Token, keep_that: bool) -> Optional[Span]:
    """The content of a complement clause: its subtree, the complementizer "that" kept or dropped."""
    left = comp.left_edge.i
    if not keep_that and doc[left].dep_ == "mark" and doc[left].lower_ == "that" and left < comp.right_edge.i:
        left += 1
    return trim(text, doc[left].idx, comp.right_edge.idx + len(comp.right_edge))


#: Prepositions whose phrase right after an object completes it ("accused them of lying", "compared X to Y"):
#: PolNeAR train (400 articles) puts such a phrase inside the content 98 times in 98 for "as", 67 for "for", 45 of
#: 71 for "in", 43 for "to", 20 for "with"; time and place phrases ("on Thursday", "at a rally") are left out.
_OBJECT_PREPS = frozenset(("as", "of", "for", "to", "with", "about", "from", "in", "against"))


def object_content(doc: Doc, text: str, obj: Token) -> Optional[Span]:
    """The content of an object frame: the object with what completes it on the right ("called him a liar",
    "described it as a disaster", "accused them of lying")."""
    right = obj.right_edge.i
    # a comma-set relative clause or coordinated verb hanging on the object is the writer's aside, not the
    # content ("praised Pope Francis, who preaches …": 103 over-long object contents in 300 PolNeAR train articles)
    for c in obj.children:
        if c.i > obj.i and c.dep_ in ("relcl", "conj") and c.pos_ in ("VERB", "AUX") and \
                doc[c.left_edge.i - 1].text == "," and c.left_edge.i - 1 > obj.i:
            right = min(right, c.left_edge.i - 2)
    for c in obj.head.children:
        completes = c.dep_ in ("oprd", "xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)
        if c.i > obj.right_edge.i and completes:
            if c.left_edge.i <= obj.right_edge.i + 2:
                right = c.right_edge.i
    return trim(text, obj.left_edge.idx, doc[right].idx + len(doc[right]))


def _as_quoting_head(verb: Token) -> Optional[Token]:
    """The "as saying" under a "quote" verb ("quoted Assad as saying …"), if any."""
    if verb.lemma_ != "quote":
        return None
    for c in verb.subtree:
        if c.lemma_ == "say":  # never the verb itself, whose lemma is "quote"
            return c
    return None


def _make_clear(verb: Token) -> Optional[tuple[Token, Token]]:
    """For "make (it) clear that …" return (the adjective, the complement clause)."""
    if verb.lemma_ != "make":
        return None
    adjs = [c for c in verb.subtree if c.lower_ in clear_adjectives() and c.head in (verb, *verb.children)]
    if not adjs:
        return None
    adj = adjs[0]
    for tok in (adj, *adj.children, verb):
        for c in tok.children:
            if c.dep_ in ("ccomp", "acl", "advcl") and c.i > adj.i and c is not adj:
                return adj, c
    return None


def paragraph_of(text: str, pos: int) -> Span:
    """The paragraph (line) holding character ``pos``."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def clip(span: Optional[Span], para: Span, text: str) -> Optional[Span]:
    """A span cut to one paragraph (a parse may run across a line break)."""
    if span is None:
        return None
    return trim(text, max(span[0], para[0]), min(span[1], para[1]))


def _learned_frame(doc: Doc, tok: Token, cue_model, ctx) -> tuple[Optional[Token], str, Optional[Span], float]:
    """The best-scoring (complement, rule, cue, probability) of a verb by the trained cue model, or
    (None, "", None, 0) when no candidate reaches the model's threshold."""
    # "told X", "quoted X as saying": the object is the addressee or the speaker, not the content
    no_dobj = tok.lemma_ in _RECIPIENT_VERBS or _as_quoting_head(tok) is not None
    best = best_candidate(cue_model, tok, cue_model.threshold, ctx,
                          skip=frozenset(("dobj",)) if no_dobj else frozenset())
    if best is None:
        return None, "", None, 0.0
    frame, comp, best_p = best
    if frame.startswith("s+"):
        return comp, "split", None, best_p
    if frame == "pass-subj":
        return comp, "pass-subj", None, best_p
    adj = adjective_of(frame, comp)
    if adj is not None:
        # "is upbeat about", "was eager to": the cue runs to the adjective and its preposition; the content is
        # built (and its boundaries chosen) as for the verb's own prep / xcomp / ccomp frame
        start = cue_span(doc, tok, False)[0]
        if frame.startswith("a-prep-"):
            return comp, "prep", (start, comp.head.idx + len(comp.head)), best_p
        return comp, frame[2:], (start, adj.idx + len(adj)), best_p
    if frame.startswith("prep-"):
        prep = comp.head
        if any(doc[k].dep_ not in _CUE_GAP_DEPS for k in range(tok.i + 1, prep.i)):
            # "responded Friday to reports": the preposition opens the content, the cue is the verb (PolNeAR
            # train: 115 of 195 such prepositions with words between them and the verb)
            return prep, "prep-content", None, best_p
        return comp, "prep", (cue_span(doc, tok, False)[0], prep.idx + len(prep)), best_p
    return comp, frame, None, best_p


def clause_rules(doc: Doc, text: str, quoted: list[Quoted], keep_that: bool, recipient: bool,
                 polnear: bool = False, cue_model=None, ctx: Optional[DocContext] = None,
                 content_model=None) -> list[Attribution]:
    """Verbs of saying or thinking with a clausal (ccomp), to-infinitive (xcomp) or object (dobj) complement.

    ``text`` is ``doc.text`` (passed in: spaCy rebuilds it on every access); ``polnear`` takes PolNeAR's broader
    attribution verbs (lower train rates, see :func:`.quotes_lexicon.is_cue`); ``cue_model`` (a
    :class:`.quotes_model.CueModel`), when given, decides which verb frames are cues instead of the lexicon;
    ``ctx``: the doc's :class:`.quotes_model.DocContext` when the caller has it (made here otherwise);
    ``content_model`` (a :class:`.quotes_content.ContentModel`), when given, chooses the content's boundaries.
    """
    out: list[Attribution] = []
    if ctx is None and (cue_model is not None or content_model is not None):
        ctx = DocContext(doc)
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") or inside(tok.idx, quoted):
            continue
        lemma = tok.lemma_.lower()
        comp = cue = score = None
        rule = ""
        clear = _make_clear(tok)
        if clear is not None:
            comp, rule = clear[1], "make-clear"
            cue = tokens_span(doc, tok.i, clear[0].i)
        elif cue_model is not None:
            comp, rule, cue, score = _learned_frame(doc, tok, cue_model, ctx)
            if rule in ("split", "pass-subj"):
                out.extend(_split_content(doc, text, tok, comp, pieces=2 if rule == "split" else 1))
                continue
        else:
            for c in tok.children:
                if c.dep_ == "ccomp" and is_cue(lemma, "ccomp", polnear):
                    comp, rule = c, "ccomp"
                    break
                if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and is_cue(lemma, "xcomp", polnear):
                    comp, rule = c, "xcomp"
                    break
            else:
                objs = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
                if objs and lemma not in _RECIPIENT_VERBS and is_cue(lemma, "dobj", polnear) and \
                        _as_quoting_head(tok) is None:
                    comp, rule = objs[0], "dobj"
                elif polnear and not objs:
                    comp = _prep_object(tok, lemma)
                    if comp is not None:
                        rule = "prep"
                        cue = (cue_span(doc, tok, recipient)[0], comp.head.idx + len(comp.head))
        if comp is None:
            continue
        para = paragraph_of(text, tok.idx)
        if rule == "prep-content":
            content = subtree_span(comp)
        elif rule in ("dobj", "prep", "pre-dobj"):
            content = object_content(doc, text, comp)
        else:
            content = clause_content(doc, text, comp, keep_that)
        content = _to_quote_end(balance(text, clip(content, para, text)), quoted)
        if content is not None and rule == "xcomp" and cue_model is not None:
            content = _with_xcomp_object(tok, comp, content)
        if content is not None and rule in ("ccomp", "xcomp") and cue_model is not None:
            content = _without_parallel_verb(doc, text, tok, comp, content)
        if content is None or not content[0] <= comp.idx < content[1]:
            continue
        if content_model is not None:
            chosen = choose_content(doc, comp, tok, rule, content, para, ctx, content_model)
            # the rule's span is kept as it is when chosen: trim() would strip a mixed fragment's closing mark
            # ('… “has a record.”'), which then came out again as a direct quote (train 5-fold CV content exact
            # F1 66.6 -> 66.9 with the span kept)
            content = content if chosen == content else balance(text, trim(text, *chosen)) or content
        quote = _as_quoting(tok)
        speaker_tok = quote[0] if quote else speaker_subject(tok)
        if quote:
            cue = (quote[1].idx, tok.idx + len(tok))
            rule = "quoted-as-saying"
        cue = cue or cue_span(doc, tok, recipient)
        if content_model is not None and not quote:
            cue = choose_cue(doc, tok, rule, cue, content, speaker_tok, ctx, content_model)
        speaker = None
        if speaker_tok is not None:
            speaker = clip(source_span(text, speaker_tok, [content] if quote else [content, cue]), para, text)
        out.append(Attribution(content=content, cue=trim(text, *cue), speaker=speaker,
                               speaker_head=speaker_tok.i if speaker is not None else None,
                               cue_head=tok.i, rule=rule, score=score))
    return out


def _with_xcomp_object(verb: Token, comp: Token, content: Span) -> Span:
    """ "urged Democrats to moderate their stance": PolNeAR's content starts at the object (140 of 190 such
    train cues; "told them to", "reminded voters to" keep the addressee out, as for clauses)."""
    if verb.lemma_ in _RECIPIENT_VERBS:  # "remind" is one of them
        return content
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < comp.i), None)
    return (obj.left_edge.idx, content[1]) if obj is not None else content


def _without_parallel_verb(doc: Doc, text: str, verb: Token, comp: Token, content: Span) -> Span:
    """ "acknowledging that X had tapped a vein but warning that …": a subjectless verb coordinated to the
    complement in the reporting verb's form ("-ing", "-s") is the reporter's, not the content's: cut before it."""
    for c in comp.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.tag_ == verb.tag_ != comp.tag_ and c.i > comp.i and \
                not any(g.dep_ in SUBJECT_DEPS for g in c.children):
            cut = c.left_edge.i
            while cut > comp.i and (doc[cut - 1].dep_ == "cc" or doc[cut - 1].is_punct):
                cut -= 1
            end = trim(text, content[0], doc[cut].idx)
            return end if end is not None and end[1] > comp.idx else content
    return content


def _split_content(doc: Doc, text: str, verb: Token, comp: Token, pieces: int = 2) -> list[Attribution]:
    """A two-piece content around its cue ("Mrs. Clinton | is not expected | to pressure Mr. Sanders"): the
    subject and the complement, one attribution per piece (as PolNeAR scores pieces); the source is the agent
    ("was criticized by X"), else none. ``pieces=1``: the subject of a passive alone ("The move | was first
    reported by | the Post"), the cue running to "by"."""
    subj = subject_before(verb)
    if subj is None:
        return []
    para = paragraph_of(text, verb.idx)
    cue = cue_span(doc, verb, False)
    agent_prep = next((c for c in verb.children if c.dep_ == "agent"), None)
    agent = next((g for g in agent_prep.children if g.dep_ == "pobj"), None) if agent_prep is not None else None
    if pieces == 1 and agent is not None and agent_prep.i <= doc.char_span(*cue, alignment_mode="expand").end + 1:
        cue = (cue[0], agent_prep.idx + len(agent_prep))
    cue = trim(text, *cue)
    speaker = clip(subtree_span(agent), para, text) if agent is not None else None
    out = []
    for span in (subtree_span(subj), subtree_span(comp))[:pieces]:
        piece = clip(span, para, text)
        if piece is not None and cue is not None and (piece[1] <= cue[0] or piece[0] >= cue[1]):
            out.append(Attribution(content=piece, cue=cue, speaker=speaker,
                                   speaker_head=agent.i if speaker is not None else None, cue_head=verb.i,
                                   rule="split"))
    return out if len(out) == pieces else []


def _prep_object(verb: Token, lemma: str) -> Optional[Token]:
    """The object of the first preposition after a verb whose ``prep-<p>`` frame PolNeAR train marks as a cue
    ("called for X", "referring to X"; ``convention="polnear"`` only)."""
    for c in verb.children:
        if c.dep_ == "prep" and c.i > verb.i:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs and is_cue(lemma, "prep-" + c.lower_, True):
                return objs[0]
            return None
    return None


def _as_quoting(verb: Token) -> Optional[tuple[Token, Token]]:
    """For "X quoted Y as saying that …" return (Y, quoted): the speaker is Y, not X."""
    if verb.lemma_ != "say":
        return None
    head = verb.head
    if head.dep_ == "prep" and head.lower_ == "as":
        head = head.head
    if head.lemma_ == "quote":  # never the verb itself, whose lemma is "say"
        objs = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
        if objs:
            return objs[0], head
    return None


def according_to(doc: Doc, text: str) -> list[Attribution]:
    """ "according to X, …" and "…, according to X": source X, content the rest of the clause."""
    out: list[Attribution] = []
    for tok in doc[:-1]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        pobj = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
        if not pobj:
            continue
        src = subtree_span(pobj[0])
        sent = tok.sent
        phrase_start, phrase_end = tok.idx, src[1]
        # the content stays in the phrase's paragraph (a time line "7:05 p.m." above it is parsed into its sentence)
        para = paragraph_of(text, tok.idx)
        before = clip((sent.start_char, phrase_start), para, text)
        after = clip((phrase_end, sent.end_char), para, text)
        content = after if (before is None or (after and after[1] - after[0] > before[1] - before[0])) else before
        if content is None:
            continue
        out.append(Attribution(content=content, cue=tokens_span(doc, tok.i, tok.i + 1),
                               speaker=trim(text, *src), speaker_head=pobj[0].i, cue_head=tok.i, rule="according"))
    return out


#: Words allowed in the name before a headline colon ("Trump:", "NY Daily News:", "Clinton camp:"): at most this
#: many tokens, none a verb (PolNeAR train marks these headline sources; 51 in 150 train articles).
_COLON_NAME_MAX = 4


def headline_colon(doc: Doc, text: str, quoted: list[Quoted]) -> list[Attribution]:
    """A headline-style "Name: what they said" at the start of a sentence ("Poll: Smith leads in Ohio"):
    source the name, cue the colon, content the rest of the sentence."""
    out: list[Attribution] = []
    for sent in doc.sents:
        toks = [t for t in sent[:_COLON_NAME_MAX + 1]]
        colon = next((t for t in toks if t.text == ":"), None)
        if colon is None or colon.i == sent.start or colon.i + 1 >= sent.end:
            continue
        name = doc[sent.start:colon.i]
        if not all(t.pos_ in ("PROPN", "NOUN", "DET", "ADJ") or t.text in (".", "'s", "\u2019s") for t in name) \
                or not any(t.pos_ in ("PROPN", "NOUN") for t in name) or inside(colon.idx, quoted):
            continue
        para = paragraph_of(text, colon.idx)
        content = clip((doc[colon.i + 1].idx, sent.end_char), para, text)
        if content is None or inside(content[0], quoted) or text[colon.idx + 1:content[0]].strip():
            continue
        out.append(Attribution(content=content, cue=(colon.idx, colon.idx + 1),
                               speaker=trim(text, name.start_char, name.end_char), speaker_head=name.root.i,
                               cue_head=colon.i, rule="headline-colon"))
    return out


def parenthetical_rules(doc: Doc, text: str, quoted: list[Quoted], split: bool) -> list[Attribution]:
    """A reporting clause set off by commas inside what it reports: "The bridge, the mayor said, will reopen".

    spaCy attaches the reporting verb as ``parataxis`` of the reported clause. The content is that clause without
    the reporting one: with ``split`` (PolNeAR convention) one attribution per piece, as PolNeAR annotates such
    contents (833 of 1,156 discontinuous-content gaps in 300 train articles hold the cue); otherwise one span over
    the whole clause.
    """
    out: list[Attribution] = []
    for tok in doc:
        if tok.dep_ != "parataxis" or tok.pos_ != "VERB" or tok.head.pos_ not in ("VERB", "AUX") or \
                not is_cue(tok.lemma_.lower(), "ccomp") or inside(tok.idx, quoted):
            continue
        subj = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        first, last = tok.left_edge.i, tok.right_edge.i
        comma = first if doc[first].text == "," else first - 1  # the parser may give the comma to the verb
        if not subj or comma < 1 or doc[comma].text != ",":
            continue
        head = tok.head
        para = paragraph_of(text, tok.idx)
        left = clip((head.left_edge.idx, doc[comma].idx), para, text) if head.left_edge.i < comma else None
        right = clip((doc[last].idx + len(doc[last]), head.right_edge.idx + len(head.right_edge)), para, text) \
            if head.right_edge.i > last else None
        if left is None or right is None:  # "…, the mayor said." at the end is the ccomp rules' case
            continue
        pieces = [left, right] if split else [(left[0], right[1])]
        cue = trim(text, *cue_span(doc, tok, recipient=not split))
        speaker = clip(source_span(text, subj[0], [left, right] + ([cue] if cue else [])), para, text)
        for piece in pieces:
            out.append(Attribution(content=piece, cue=cue, speaker=speaker,
                                   speaker_head=subj[0].i if speaker is not None else None, cue_head=tok.i,
                                   rule="parenthetical"))
    return out
