"""Direct-quote scanning: where the quotation marks of an article open and close.

Works on the canonical text alone, one paragraph (non-empty line) at a time, and never raises on bad input: an
unbalanced mark yields a quote marked ``closed=False`` instead. Handles typographic marks (“ ” „ « »), straight
``"`` and the doubled apostrophes some wires use (``''`` and ````), nested single quotes (left inside the outer
quote: only double marks delimit quotes), and the news convention for quotes that run over several paragraphs:
a paragraph that opens a quote and does not close it continues in the next paragraph if that one reopens with a
mark.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

_MARK = re.compile(r"``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
_OPENERS = frozenset(("\u201c", "\u201e", "\u201f", "\u00ab", "``"))
_CLOSERS = frozenset(("\u201d", "\u00bb"))
_PARAGRAPH = re.compile(r"[^\n]+")
# characters after which an ambiguous straight mark opens a quote
_OPEN_CONTEXT = frozenset(" \t([{\u2014\u2013-/:")


@dataclass
class Quoted:
    """One stretch of text between double quotation marks (within one paragraph).

    Attributes:
        open: offset of the opening mark.
        close: offset just after the closing mark (the paragraph end if unclosed).
        start: first character inside the marks.
        end: offset just after the last character inside the marks (trailing spaces excluded).
        closed: whether a closing mark was found in the paragraph.
        continuation: the quote reopens a quote left unclosed at the end of the previous paragraph.
        continued: the quote is unclosed and the next paragraph reopens it.
        paragraph: index of the paragraph (non-empty line) it is in.
    """

    open: int
    close: int
    start: int
    end: int
    closed: bool = True
    continuation: bool = False
    continued: bool = False
    paragraph: int = 0

    @property
    def solid(self) -> bool:
        """Closed, or part of a multi-paragraph quote: an unclosed mark otherwise may be a typo."""
        return self.closed or self.continued or self.continuation


def has_mark(text: str) -> bool:
    """Whether ``text`` holds a double quotation mark (the marks that delimit quotes; an apostrophe does not)."""
    return _MARK.search(text) is not None


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: maximal runs of non-newline characters that are not blank."""
    return [m.span() for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _is_opener(text: str, mark: str, pos: int, end: int, is_open: bool) -> bool:
    """Decide whether an ambiguous straight mark at ``pos`` (ending at ``end``) opens a quote."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in _OPEN_CONTEXT or before == "\n":
        if not after.isspace():
            return True
    if after.isspace() or after in ".,;:!?)]}\u2014" or after == "\n":
        return False
    return not is_open


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def scan_paragraph(text: str, p_start: int, p_end: int, index: int = 0) -> list[Quoted]:
    """Quotes in one paragraph ``text[p_start:p_end]``; an unclosed one runs to the paragraph end."""
    out: list[Quoted] = []
    open_at: int | None = None
    open_len = 0
    for m in _MARK.finditer(text, p_start, p_end):
        mark, pos, end = m.group(), m.start(), m.end()
        if mark in _OPENERS:
            opener = True
        elif mark in _CLOSERS:
            # a closing mark typed where an opener belongs: at the paragraph start or after a space, before a word
            opener = open_at is None and (pos == p_start or text[pos - 1].isspace()) and end < p_end \
                and text[end].isalnum()
        else:
            opener = _is_opener(text, mark, pos, end, open_at is not None)
        if opener:
            if open_at is not None:
                if mark not in _OPENERS:
                    # an ambiguous mark while a quote is open closes it (e.g. ``"word"`` typed with spaces)
                    opener = False
                else:
                    # a second opener: the first quote was never closed; end it before this mark
                    s, e = _strip(text, open_at + open_len, pos)
                    logger.debug("unclosed quote at %d reopened at %d", open_at, pos)
                    out.append(Quoted(open_at, pos, s, e, closed=False, paragraph=index))
                    open_at, open_len = pos, len(mark)
                    continue
            if opener:
                open_at, open_len = pos, len(mark)
                continue
        if open_at is None:
            logger.debug("stray closing mark at %d", pos)
            continue
        s, e = _strip(text, open_at + open_len, pos)
        if s < e:
            out.append(Quoted(open_at, end, s, e, closed=True, paragraph=index))
        open_at = None
    if open_at is not None:
        s, e = _strip(text, open_at + open_len, p_end)
        if s < e:
            out.append(Quoted(open_at, p_end, s, e, closed=False, paragraph=index))
    return out


def _back_over_spaces(text: str, pos: int) -> int:
    """The offset left of ``pos`` after stepping back over spaces and tabs (a quote's opening mark's neighbour)."""
    while pos > 0 and text[pos - 1] in " \t\u00a0":
        pos -= 1
    return pos


#: Most words a quoted title may have ("on ABC's “This Week With George Stephanopoulos.”").
_TITLE_WORDS = 8


def is_title(text: str, q: Quoted) -> bool:
    """Whether a quote is the title of a show, book or song named inside a sentence ("said on MSNBC's “Morning
    Joe,”", "his memoir, “Tough Choices.”" is not: a comma or colon before the mark leads into speech): closed,
    at most :data:`_TITLE_WORDS` words, each word of four letters or more capitalized, right after a word."""
    if not q.closed:
        return False
    words = text[q.start:q.end].rstrip(",.?!").split()
    long_words = [w.lstrip("([\"'\u2018") for w in words if sum(ch.isalpha() for ch in w) >= 4]
    if not 0 < len(words) <= _TITLE_WORDS or not long_words or not all(w[:1].isupper() for w in long_words):
        return False
    k = _back_over_spaces(text, q.open)
    return k > 0 and text[k - 1].isalnum()


def opens_sentence(text: str, q: Quoted) -> bool:
    """Whether only spaces stand between a quote's mark and the paragraph start or the end of a sentence or of
    another quote."""
    k = _back_over_spaces(text, q.open)
    return k == 0 or text[k - 1] in ".!?\n\u201d\"'"


def find_quoted(text: str) -> list[Quoted]:
    """All double-quoted stretches of ``text``, in order, with multi-paragraph continuations marked.

    A paragraph whose last quote is unclosed continues into the next paragraph when that paragraph starts with an
    opening mark: the next paragraph's first quote gets ``continuation=True``.
    """
    out: list[Quoted] = []
    prev_open = False
    for i, (ps, pe) in enumerate(paragraphs(text)):
        quotes = scan_paragraph(text, ps, pe, i)
        lead = ps
        while lead < pe and text[lead].isspace():
            lead += 1
        if quotes and prev_open and quotes[0].open == lead:
            quotes[0].continuation = True
            out[-1].continued = True
        prev_open = bool(quotes) and not quotes[-1].closed and quotes[-1].close == pe
        out.extend(quotes)
    return out
