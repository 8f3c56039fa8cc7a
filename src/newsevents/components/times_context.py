"""Context for normalising times: the tense of the governing verb and the time of a reported speech.

Both are cheap reads of layers that already exist (the parse from the model, the text): no re-parsing.
"""
from __future__ import annotations

import bisect
import re
from typing import Callable, Optional

from spacy.tokens import Doc, Span, Token

from . import doc_text

_FUTURE_AUX = frozenset({"will", "'ll", "ll", "shall", "wo", "would", "'d", "could", "might", "may", "can",
                         "should", "must"})
# Infinitive complements of these verbs point forward ("planned to leave Thursday", "is set to resume Monday").
_FORWARD_HEADS = frozenset({"plan", "schedule", "set", "expect", "intend", "hope", "want", "aim", "prepare", "seek",
                            "agree", "decide", "vow", "promise", "threaten", "be", "go", "due", "likely", "ready",
                            "propose", "call", "ask", "urge", "wish", "need", "have"})
# Passive participles that announce a future event ("is scheduled for Monday", "is expected Tuesday").
_FORWARD_PARTICIPLES = frozenset({"schedule", "set", "expect", "due", "plan", "slate"})


def verb_tense(verb: Token, depth: int = 0) -> Optional[str]:
    """"past", "future", "present" or None for the verb (or auxiliary) governing a time expression."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lows = {a.lower_ for a in auxes}
    if "could" in lows and not lows & (_FUTURE_AUX - {"could"}) and any(c.dep_ == "neg" for c in verb.children):
        return "past"  # "could not be reached for comment Saturday": a past inability, not a plan
    if lows & _FUTURE_AUX:
        return "future"
    if verb.lemma_.lower() in ("schedule", "plan") and "had" not in lows:
        return "future"  # "planned a rally on Saturday": the planned event is ahead (not so "had been scheduled")
    if _imperative(verb):
        return "future"  # "For more on this story, see Wednesday's Republic."
    if verb.tag_ == "VB" and "to" in lows:
        # "may be well enough to head to school Tuesday": through an adjective to its verb (not through a noun:
        # "announced an agreement to acquire the bank in January" is a plan, whatever the tense of "announced")
        head = _climb(verb.head, lambda h: h.pos_ == "ADJ" and h.lemma_.lower() not in _FORWARD_HEADS)
        if head.lemma_.lower() in _FORWARD_HEADS or head.lower_ == "going":
            # "had been due to expire Friday": the past perfect puts the plan (and its day) behind us
            above = [head, head.head] if head.dep_ in ("acomp", "xcomp", "oprd") else [head]
            chain = [c for h in above for c in h.children if c.dep_ in ("aux", "auxpass")] + above
            return "past" if any(a.lower_ == "had" for a in chain) else "future"
        return verb_tense(head, depth + 1) if head.i != verb.i and depth < 4 else None
    if verb.tag_ == "VBN" and verb.lemma_.lower() in _FORWARD_PARTICIPLES and any(a.lemma_ == "be" for a in auxes):
        return "future" if not any(a.tag_ == "VBD" for a in auxes) else "past"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return "past"
    if verb.tag_ == "VBG" and not auxes and verb.head.i != verb.i and depth < 4:
        # "starting at noon Saturday": the clause it hangs on, through a noun or preposition to its verb ("will
        # follow Tuesday's speech denouncing X with one of his own Wednesday morning", "Since announcing in October
        # that he would not run, Biden has been …"); after a preposition only a past or future verb says more than
        # no tense ("is taking on a testier tone, with Clinton taking on protesters twice Thursday", "who is accused
        # of killing three officers Sunday": the present there is a state, the weekday is behind)
        tense = verb_tense(_climb(verb.head, lambda h: h.pos_ not in ("VERB", "AUX")), depth + 1)
        return None if tense == "present" and verb.dep_ != "acl" else tense
    if verb.tag_ == "VBP" and not lows and verb.lower_ in _SAME_PAST:
        return None  # "stocks hurt the index Friday": the tagger's present may as well be the past
    if verb.tag_ in ("VBZ", "VBP", "VBG") or lows:
        return "present"
    return None


def _climb(tok: Token, through: Callable[[Token], bool], steps: int = 4) -> Token:
    """Climb from ``tok`` up its head chain while ``through`` passes: at most ``steps`` heads up (the depth the tense
    rules allow for one hop), never past the root."""
    for _ in range(steps):
        if not through(tok) or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _imperative(verb: Token) -> bool:
    """A bare command at the root of its sentence ("see Wednesday's paper", "watch Friday at 9 p.m.")."""
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in verb.children)


# Verbs whose past tense is spelt like the present: a VBP tag on them says nothing about the tense.
# ("set", "forecast" are left out: their present is mostly a plan, "set talks for Monday").
_SAME_PAST = frozenset({"hurt", "cut", "put", "hit", "cost", "let", "shut", "quit", "spread", "cast", "bet", "burst",
                        "split", "shed", "upset", "beat", "thrust"})


_AWAIT = re.compile(r"\b(?:ahead\s+of|before|until|till|for|awaiting|await|awaits|await(?:ed)?)\s+\Z", re.I)


def governing_tense(doc: Doc, start: int, end: int) -> Optional[str]:
    """Tense of the nearest verb above the tokens covering ``doc.text[start:end]`` in the dependency tree.

    The caller checks once per doc that there is a parse (``doc.has_annotation("DEP")`` walks every token).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    # "follows Tuesday's declaration": a weekday's named event ("Tuesday's vote") is news already reported, so a
    # present-tense clause around it does not move it ahead, unless the text waits for it ("ahead of Tuesday's vote")
    poss = tok.dep_ == "poss" and not _AWAIT.search(doc_text(doc)[max(0, start - 20):start])
    for _ in range(10):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ != "aux":
            tense = verb_tense(tok)
            if poss and tense in ("present", "future") and not _imperative(tok):
                return "past"
            if tense == "present" and _past_verb_before(span, tok):
                return "past"
            return tense
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


#: How far left (tokens) a past-tense verb of the time's own clause is looked for, when the parse hangs the time
#: on a present verb elsewhere.
_LEFT_VERB = 8


def _past_verb_before(span: Span, governor: Token) -> bool:
    """Whether the nearest verb before the time, in its sentence and within a few tokens, is in the past tense
    ("a boxer who was shot dead blocks from his home early Wednesday morning", "a shooting that left one dead late
    Wednesday night"): the parse hangs such a time on a present verb of the sentence ("talks about", "are looking
    for"), whose tense would read the weekday forward."""
    doc = span.doc
    sent_start = span.sent.start
    for i in range(span.start - 1, max(sent_start, span.start - _LEFT_VERB) - 1, -1):
        t = doc[i]
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t.i != governor.i and verb_tense(t) == "past"
    return False


# ---------------------------------------------------------------------------------------------- reported speech
_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|announced|declared|stated|added|insisted|explained|remarked|"
                     r"noted|warned|wrote|stressed|asserted|argued|claimed|commented|replied|speaking|spoke|"
                     r"statement|interview|address|speech|news\s+conference|press\s+conference)\b", re.I)
_OPEN = "“«"
_CLOSE = "”»"
_PARA = re.compile(r"\n\s*\n|\n(?=\s*[“\"«`])")


class SpeechAnchors:
    """Find, for a position inside a direct quotation, the day the quoted words were said.

    The speech's day is a resolved day-level time within ~25 characters of a speech verb ("Putin said on
    Monday", "said Monday", "Monday's statement") in the quote's own paragraph (outside the marks) or in the
    paragraph before it; the nearest such time wins.
    """

    def __init__(self, text: str, times: list[dict]):
        self.text = text
        self.bounds = [0] + [m.end() for m in _PARA.finditer(text)]
        self.days = [t for t in times if re.fullmatch(r"\d{4}-\d\d-\d\d", t.get("value") or "")
                     and self._near_speech(t)]

    def _near_speech(self, t: dict) -> bool:
        left = self.text[max(0, t["start"] - 25):t["start"]]
        right = self.text[t["end"]:t["end"] + 25]
        left = re.split(r"[.;\"“”]", left)[-1]
        right = re.split(r"[.;\"“”]", right)[0]
        return bool(_SPEECH.search(left) or _SPEECH.search(right))

    def paragraph(self, pos: int) -> tuple[int, int]:
        """(start, end) of the paragraph holding ``pos``."""
        i = bisect.bisect_right(self.bounds, pos) - 1
        end = self.bounds[i + 1] if i + 1 < len(self.bounds) else len(self.text)
        return self.bounds[i], end

    def quote_at(self, pos: int) -> Optional[tuple[int, int]]:
        """(open, close) offsets of the quotation around ``pos`` within its paragraph, or None."""
        ps, pe = self.paragraph(pos)
        para = self.text[ps:pe]
        rel = pos - ps
        opens = [i for i, ch in enumerate(para) if ch in _OPEN] + [m.start() for m in re.finditer("``", para)]
        closes = [i for i, ch in enumerate(para) if ch in _CLOSE] + [m.start() for m in re.finditer("''", para)]
        straight = [i for i, ch in enumerate(para) if ch == '"']
        for k in range(0, len(straight) - 1, 2):
            opens.append(straight[k])
            closes.append(straight[k + 1])
        best = None
        for o in opens:
            if o < rel:
                after = [c for c in closes if c > o]
                close = min(after) if after else len(para)
                if rel < close and (best is None or o > best[0]):
                    best = (o, close)
        if best is None and para.lstrip()[:1] in _OPEN + '"`' and not any(c < rel for c in closes):
            best = (0, len(para))  # a quote running on from the previous paragraph
        return (ps + best[0], ps + best[1]) if best else None

    def anchor_for(self, pos: int) -> Optional[str]:
        """ISO date of the speech a quoted position belongs to, or None (then the publication date applies)."""
        if not self.days:
            return None
        quote = self.quote_at(pos)
        if quote is None:
            return None
        ps, pe = self.paragraph(pos)
        same = [t for t in self.days if ps <= t["start"] < pe and not quote[0] <= t["start"] < quote[1]]
        if same:
            return min(same, key=lambda t: abs(t["start"] - pos))["value"]
        if ps > 0:
            pps, _ = self.paragraph(ps - 1)
            prev = [t for t in self.days if pps <= t["start"] < ps]
            if prev:
                return max(prev, key=lambda t: t["start"])["value"]
        return None
