"""Direct-quote attribution: the reporting clause next to a quotation ("“…,” she said", "“…,” said Smith",
"He said: “…”", "“…” — Smith"), on the dependency parse (split from :mod:`.quotes_rules`)."""
from __future__ import annotations

import bisect
from typing import Optional

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from .quotes_lexicon import speech_lemmas
from .quotes_marks import Quoted, opens_sentence
from .quotes_model import verb_subject
from .quotes_rules import Attribution, clip, cue_span, inside, paragraph_of, source_span, speaker_subject, trim


def _verb_near(doc: Doc, first: int, last: int, quoted: list[Quoted]) -> Optional[Token]:
    """The reporting verb among tokens ``first..last`` (outside quotes) nearest to the quote."""
    for i in range(first, last + 1):
        tok = doc[i]
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in speech_lemmas() and not inside(tok.idx, quoted):
            return tok
    return None


def _token_at(starts: list[int], doc: Doc, char: int, after: bool) -> Optional[int]:
    """Index of the first token starting at or after ``char`` (``after``) or the last ending at or before it."""
    i = bisect.bisect_left(starts, char)
    if after:
        while i < len(doc) and doc[i].is_space:  # spaCy keeps "\n\n" as a token
            i += 1
        return i if i < len(doc) else None
    while i > 0 and (doc[i - 1].idx + len(doc[i - 1]) > char or doc[i - 1].is_space):
        i -= 1
    return i - 1 if i > 0 else None


def _attribution_clause(doc: Doc, text: str, q: Quoted, first: int, verb: Token) -> bool:
    """Whether the tokens after a quote up to ``verb`` read as "“…,” she said" / "“…,” said the mayor": the
    quote ends in punctuation (inside or right after the marks) and only the subject and punctuation stand between
    it and the verb. A quoted fragment inside a longer sentence fails this (it cost 125 wrong contents on 300
    PolNeAR train articles before this check); a quote opening its sentence needs no such punctuation ("“… she
    has been” Weaver said.": train content exact tp / predicted 15,445 / 20,639 -> 15,451 / 20,646, cue 14,366 /
    17,861 -> 14,377 / 17,872). An adverb or auxiliary of the verb in between ("“…,” she later
    said") is not allowed either: allowing it lost on PolNeAR train (default convention content P 64.1 -> 64.0,
    speaker accuracy 85.4 -> 85.3; dev cue F1 60.7 -> 60.6)."""
    inner_end = text[q.start:q.end].rstrip()[-1:]
    if inner_end not in (",", ".", "?", "!", "\u2014", "-") and not text[q.close:q.close + 1] in (",", "\u2014") \
            and not opens_sentence(text, q):
        return False
    subj = speaker_subject(verb)
    allowed = {t.i for t in subj.subtree} if subj is not None else set()
    return all(doc[k].is_punct or doc[k].is_space or k in allowed for k in range(first, verb.i))


def direct_rules(doc: Doc, text: str, quoted: list[Quoted], recipient: bool) -> list[Attribution]:
    """Cue next to a direct quote: "“…,” she said", "“…,” said Smith", "He said: “…”", "“…” — Smith"."""
    out: list[Attribution] = []
    starts = doc.to_array(IDX).tolist() if quoted else []
    for q in quoted:
        content = (q.start, q.end)
        verb = speaker_tok = None
        rule = ""
        # after the quote, up to the end of the attribution clause: 16 tokens ("“…,” Mr. X, now 81 and retired in
        # Cambridge, Mass., said"; PolNeAR train source / cue tp / predicted at 12 tokens, the seed's longest
        # "“…,” said Donald Jensen, a former US diplomat": 12,905 / 15,881, 14,377 / 17,872; at 16: 12,909 /
        # 15,885, 14,381 / 17,877; 20 adds nothing)
        i = _token_at(starts, doc, q.close, after=True)
        if i is not None and text[q.close:doc[i].idx].count("\n") == 0:
            last = i
            while last + 1 < len(doc) and last - i < 16 and doc[last + 1].text not in (".", "!", "?", "\u201c", '"') \
                    and "\n" not in doc[last].text_with_ws:
                last += 1
            verb = _verb_near(doc, i, last, quoted)
            if verb is not None and not _attribution_clause(doc, text, q, i, verb):
                verb = None
            rule = "quote-then-cue"
            if verb is None and doc[i].text in ("\u2014", "\u2013", "-", "--"):
                ents = [e for e in doc.ents if e.start > i and e.start <= i + 2 and e.label_ in ("PERSON", "ORG")]
                if ents:
                    speaker_tok, rule = ents[0].root, "dash"
        if verb is None and speaker_tok is None:
            j = _token_at(starts, doc, q.open, after=False)
            # "He said: “…”"; a colon may also close the paragraph before a quote paragraph
            if j is not None and doc[j].text in (":", ",", "\u2014", "\u2013") and (
                    "\n" not in text[doc[j].idx:q.open] or doc[j].text == ":"):
                first = j
                while first > 0 and j - first < 25 and not doc[first - 1].is_sent_end and \
                        not inside(doc[first - 1].idx, quoted) and "\n" not in doc[first - 1].text_with_ws \
                        and not doc[first - 1].is_space:
                    first -= 1
                cands = [t for t in doc[first:j] if t.pos_ in ("VERB", "AUX") and
                         t.lemma_.lower() in speech_lemmas()]
                if not cands and doc[j].text == ":":
                    # "Clinton released the following statement:", "As Professor X put it:": the last verb with a
                    # subject (not only the root: PolNeAR train source / cue / content tp / predicted 12,909 /
                    # 15,885, 14,381 / 17,877, 15,477 / 20,662 -> 12,923 / 15,906, 14,385 / 17,900, 15,496 / 20,684)
                    cands = [t for t in doc[first:j] if t.pos_ == "VERB" and verb_subject(t)]
                verb = cands[-1] if cands else None
                rule = "cue-then-quote"
                if verb is None and doc[j].text == ":":
                    ents = [e for e in doc.ents if e.end == j and e.label_ in ("PERSON", "ORG", "NORP")]
                    if ents and ents[0].start == first:
                        speaker_tok, rule = ents[0].root, "name-colon"
        if verb is None and speaker_tok is None:
            continue
        if verb is not None:
            speaker_tok = speaker_subject(verb)
            cue = trim(text, *cue_span(doc, verb, recipient))
        else:
            cue = None
        speaker = None
        if speaker_tok is not None:
            para = paragraph_of(text, cue[0] if cue else speaker_tok.idx)
            speaker = clip(source_span(text, speaker_tok, [content] + ([cue] if cue else [])), para, text)
        head = speaker_tok.i if speaker is not None and speaker_tok is not None else None
        out.append(Attribution(content=content, cue=cue, speaker=speaker, speaker_head=head,
                               cue_head=verb.i if verb is not None else None, kind="direct", rule=rule, quote=q))
    return out
