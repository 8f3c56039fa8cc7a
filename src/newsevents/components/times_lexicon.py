"""Loader for ``resources/time_lexicon.tsv`` and the regular-expression fragments built from it.

The lexicon lists month and weekday names, number words, ordinals, duration units, seasons, parts of the day,
vague reference words (PRESENT_REF/PAST_REF/FUTURE_REF), frequency adverbs, holidays and vehicle makes. Everything
is read once per process (``functools.lru_cache``); the detector and the normaliser share the same tables.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_FILE = "time_lexicon.tsv"


@dataclass(frozen=True)
class Lexicon:
    """The time lexicon as lookup tables (lower-case keys)."""

    month: dict[str, int] = field(default_factory=dict)
    weekday: dict[str, int] = field(default_factory=dict)
    number: dict[str, str] = field(default_factory=dict)
    ordinal: dict[str, int] = field(default_factory=dict)
    unit: dict[str, tuple[str, str, float]] = field(default_factory=dict)  # word -> (letter, "T"|"", multiplier)
    season: dict[str, str] = field(default_factory=dict)
    partofday: dict[str, str] = field(default_factory=dict)
    ref: dict[str, tuple[str, bool]] = field(default_factory=dict)  # phrase -> (value, adjective-only)
    set: dict[str, str] = field(default_factory=dict)
    holiday: dict[str, str] = field(default_factory=dict)
    make: dict[str, str] = field(default_factory=dict)  # vehicle makes (model years are no times)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Read the packaged time lexicon (cached)."""
    lex = Lexicon()
    text = resources.files("newsevents.resources").joinpath(_FILE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("kind\t"):
            continue
        kind, word, value, extra = (line.split("\t") + ["", "", ""])[:4]
        word = word.strip().lower()
        if kind in ("month", "weekday", "ordinal"):
            getattr(lex, kind)[word] = int(value)
        elif kind == "unit":
            mult = float(extra) if extra and extra != "T" else 1.0
            lex.unit[word] = (value, "T" if extra == "T" else "", mult)
        elif kind == "ref":
            lex.ref[word] = (value, extra.strip() == "adjective")
        elif kind in ("number", "season", "partofday", "set", "holiday", "make"):
            getattr(lex, kind)[word] = value
    return lex


#: Adjectives that make "a/an ___ <unit>" one whole unit ("a full day", "an additional year"; TimeBank P1D, P1Y):
#: the detector's duration pattern, the determiner trim (times._trim) and the count reader (times_rules) share them.
ONE_UNIT_ADJ = r"(?:full|whole|entire|additional|extra)"


def alternation(words, escape: bool = True) -> str:
    """A regex alternation of ``words``, longest first so that the longest form wins."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") if escape else w for w in items)


def full_names(table: dict[str, str]) -> list[str]:
    """The full names of a lexicon table, the longest word per value, in the table's order ("january" …
    "december" of the months; the other words of a value are its abbreviations)."""
    longest: dict[str, str] = {}
    for word, value in table.items():
        if len(word) > len(longest.get(value, "")):
            longest[value] = word
    return list(longest.values())


@lru_cache(maxsize=1)
def fragments() -> dict[str, str]:
    """Named regex fragments (non-capturing) used by the detector patterns."""
    lex = lexicon()
    names = full_names(lex.month)
    abbrevs = [w for w in lex.month if w not in names]
    # Month names must be capitalised ("May" the month, not "may" the modal); case-sensitive inside (?-i:).
    cased = [w.title() for w in names] + [w.upper() for w in names]
    cased_abbr = [w.title() for w in abbrevs] + [w.upper() for w in abbrevs]
    # Abbreviations without a period only before a day number ("Jan 5"; "Jan Kavan" is a name).
    month = rf"(?-i:(?:{alternation(cased)})\b|(?:{alternation(cased_abbr)})(?:\.|\b(?=\s+\d)))"
    weekday = rf"(?:{alternation(lex.weekday)})"
    small = [w for w, v in lex.number.items() if v != "X" and w not in ("a", "an", "half", "dozen", "hundred",
                                                                          "thousand")]
    tens = [w for w, v in lex.number.items() if v not in ("X",) and v.isdigit() and int(v) % 10 == 0
            and 20 <= int(v) <= 90]
    word_num = (rf"(?:(?:{alternation(tens)})(?:[\s-]+(?:{alternation(small)}))?|{alternation(small)})"
                rf"(?:[\s-]+(?:hundred|thousand))?")
    digits = r"\d{1,3}(?:,\d{3})*(?:\.\d+)?"
    vague = r"(?:a\s+few|few|several|many|some|a\s+couple\s+of|couple\s+of|a\s+couple|dozens\s+of|hundreds\s+of|" \
            r"thousands\s+of|a\s+number\s+of|numerous)"
    number = rf"(?:{digits}|{word_num}|a|an|one|a\s+hundred|a\s+dozen|half\s+an?|a\s+half)"
    units = [w for w in lex.unit if w not in ("centurie",)]
    unit = rf"(?:centuries|(?:{alternation(units)})s?)"
    season = rf"(?:{alternation(lex.season)})"
    pod = r"(?:morning|afternoon|evening|night)"
    ordinal = rf"(?:{alternation([w for w in lex.ordinal if w != 'last'])}|\d{{1,2}}(?:st|nd|rd|th))"
    year = r"(?:1[0-9]\d\d|20\d\d)"
    return {"month": month, "weekday": weekday, "number": number, "vague": vague, "unit": unit,
            "season": season, "pod": pod, "ordinal": ordinal, "year": year}


def words_to_number(text: str) -> float | None:
    """Parse a cardinal written in digits or words ("twenty-four", "five and a half", "a dozen", "1,500").

    Returns None for vague quantities ("several", "a few") and for text that is not a number.
    """
    t = text.lower().strip().replace(",", "")
    half = False
    m = re.search(r"[\s-]+and[\s-]+a[\s-]+half$", t)
    if m:
        half, t = True, t[:m.start()]
    if re.fullmatch(r"(?:a\s+)?half(?:\s+an?)?", t):
        return 0.5  # "half an hour", "a half"
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        value = float(t)
    else:
        lex = lexicon()
        total, current, seen = 0.0, 0.0, False
        for tok in re.split(r"[\s-]+", t):
            if tok in ("and", "of"):
                continue
            raw = lex.number.get(tok)
            if raw is None or raw == "X":
                return None
            v = float(raw)
            seen = True
            if tok in ("hundred", "thousand"):
                current = (current or 1.0) * v
                if tok == "thousand":
                    total, current = total + current, 0.0
            elif tok == "dozen":
                current = (current or 1.0) * v
            elif tok == "half":
                current = current * 0.5 if current else 0.5
            else:
                current += v
        if not seen:
            return None
        value = total + current
    return value + 0.5 if half else value
