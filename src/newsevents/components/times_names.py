"""Time words that are names in the text, not times: a month as a first name ("April McDaniel, 18"), a season as
a town ("in Spring, said the sheriff's office": Spring, Texas), a year that names a car model ("a 2007 Jeep
Cherokee"), a chapter and verse ("Romans 8:31").

Found on unseen news (the times audit, third sample, 2026-11-25); TE3 dev has no such name, so these rules only
remove predictions the detector patterns make on text unlike TimeBank's. Both read the text only.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .times_detect import Candidate
from .times_lexicon import full_names, lexicon

#: A month name right after these is a time ("in April", "last April", "April through June" is not needed here:
#: only the word before counts): the time prepositions and determiners of month expressions.
_MONTH_PREP = re.compile(r"\b(?:in|since|until|till|by|from|during|through|before|after|early|late|mid|last|next|"
                         r"this|that)[\s-]+$", re.I)
# a capitalised word after a month that makes a surname, not a time: not a weekday, month, "Day" (May Day), nor a
# word of a time phrase (the words it may not be: :func:`_month_patterns`)
_SURNAME_AFTER = re.compile(r"\s(?-i:[A-Z][a-z][A-Za-z'’-]*)\b(?!\s+Day\b)")
# a month after a determiner modifies the noun phrase that follows ("a June poll", "the February New Hampshire
# debate"): a time, not a first name
_DET_BEFORE = re.compile(r"(?:\b(?:a|an|the|its|his|her|their|our|every|each)|['’]s)\s+$", re.I)
_SEASON = re.compile(r"(?-i:Spring|Summer|Fall|Autumn|Winter)$")
_WORDS = re.compile(r"[A-Za-z]+")


def _title_case(line: str) -> bool:
    """A headline in title case ("Elections Set for Spring"): most of three or more words capitalised."""
    words = _WORDS.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# a clock time without am/pm right after a capitalised word that is no time word: a book's chapter and verse
_VERSE_BEFORE = re.compile(r"(?<![\w.])(?-i:([1-3]\s)?([A-Z][a-z]+))\s+$")
_NOT_BOOK = frozenset({"at", "by", "until", "till", "from", "before", "after", "around", "about", "since", "to",
                       "and", "or", "noon", "midnight", "today", "tonight", "tomorrow", "yesterday", "est", "edt"})


@lru_cache(maxsize=1)
def _month_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(a bare full month name, a word after a month that makes no surname), from the lexicon's month and weekday
    names."""
    lex = lexicon()
    months = "|".join(w.title() for w in full_names(lex.month))
    weekdays = "|".join(w.title() for w in full_names(lex.weekday))
    return re.compile(rf"(?:{months})$"), re.compile(rf"(?:{months}|{weekdays}|Day|Madness|Fools?)$")


@lru_cache(maxsize=1)
def _not_book() -> frozenset[str]:
    """Lower-case words before "8:31" that make it a clock time, not a chapter and verse: time words, month and
    weekday names (with their abbreviations)."""
    lex = lexicon()
    return _NOT_BOOK | frozenset(lex.month) | frozenset(lex.weekday)


def month_prep_before(text: str, start: int) -> bool:
    """Whether a time preposition or determiner of month expressions ends right before ``start`` (within the 12
    characters before it: "in", "since", "through", "early", "last" ...)."""
    return bool(_MONTH_PREP.search(text, max(0, start - 12), start))


def first_name_months(text: str, cands: list[Candidate]) -> set[str]:
    """Month names the text uses as a person's first name: a bare month followed by a capitalised word that is
    no time word ("April McDaniel"), with no time preposition before it."""
    bare_month, not_surname = _month_patterns()
    names = set()
    for c in cands:
        if c.kind != "month" or not bare_month.fullmatch(c.text):
            continue
        after = _SURNAME_AFTER.match(text, c.end)
        if after and not not_surname.match(after.group().strip()) \
                and not month_prep_before(text, c.start) \
                and not _DET_BEFORE.search(text, max(0, c.start - 8), c.start):
            names.add(c.text)
    return names


def is_name(text: str, cand: Candidate, person_months: set[str]) -> bool:
    """Whether the candidate is a name here (see the module docstring).

    Args:
        text: The doc text.
        cand: A detected candidate.
        person_months: :func:`first_name_months` of the doc: a month used as a first name anywhere is a name
            wherever no time preposition comes before it ("My sister, April.").
    """
    if cand.kind == "year" and re.fullmatch(r"\d{4}", cand.text):
        nxt = _NEXT_WORD.match(text, cand.end)
        return bool(nxt) and nxt.group(1).lower() in lexicon().make \
            and bool(_DET_BEFORE.search(text, max(0, cand.start - 8), cand.start))  # not "In 2007 Ford sold …"
    if cand.kind == "clock" and re.fullmatch(r"\d{1,2}:\d\d", cand.text):
        book = _VERSE_BEFORE.search(text, max(0, cand.start - 20), cand.start)
        return bool(book) and book.group(2).lower() not in _not_book()
    if cand.kind == "month" and cand.text in person_months:
        return not month_prep_before(text, cand.start)
    if cand.kind == "season" and _SEASON.fullmatch(cand.text):
        # AP style writes seasons in lower case: a capital mid-sentence is a name's, unless the line is a headline
        end = text.find("\n", cand.end)
        return not _title_case(text[text.rfind("\n", 0, cand.start) + 1:end if end >= 0 else len(text)])
    return False
