"""Number parsing for the quantities stage: the lexicons in ``resources/quantity_*.tsv`` and string → value.

Handles digits ("3,000", "1.5", ".40"), spelled-out numbers ("twenty-five", "two hundred and fifty"), scale words
and their abbreviations ("23 million", "$5m", "€40bn"), "a dozen", fractions ("half", "two-thirds") and the vague
words of ``quantity_vague.tsv`` ("dozens" → 12, ACLED convention).
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources
from typing import NamedTuple, Optional


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a packaged TSV resource (``#`` lines are its header comment)."""
    text = resources.files("newsevents.resources").joinpath(name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


class Word(NamedTuple):
    value: float
    kind: str  # unit | tens | scale | fraction


@lru_cache(maxsize=1)
def number_words() -> dict[str, Word]:
    """Spelled-out number words → (value, kind), from ``quantity_numbers.tsv``."""
    return {r["word"]: Word(float(r["value"]), r["kind"]) for r in read_table("quantity_numbers.tsv")}


@lru_cache(maxsize=1)
def vague_words() -> dict[str, float]:
    """Vague quantity phrases → conservative low value, from ``quantity_vague.tsv``."""
    return {r["phrase"]: float(r["low"]) for r in read_table("quantity_vague.tsv")}


_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$")


def _digits_value(text: str) -> Optional[float]:
    if not text or not _DIGITS.match(text) or not any(c.isdigit() for c in text):
        return None
    return float(text.replace(",", ""))


def _words_value(words: list[str]) -> Optional[float]:
    """Value of a sequence of number words/digits: "two hundred fifty", "1.5 million", "a dozen"."""
    table = number_words()
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        word = raw.lower()
        if word in ("and", "a", "an", "-"):
            if word in ("a", "an") and not seen:
                current, seen = 1.0, True
            continue
        digits = _digits_value(word)
        if digits is not None:
            current += digits
            seen = True
            continue
        entry = table.get(word)
        if entry is None:
            return None
        if entry.kind in ("unit", "tens"):
            current += entry.value
        elif entry.kind == "scale":
            current = (current or 1.0) * entry.value
            if entry.value >= 1000:
                total += current
                current = 0.0
        elif entry.kind == "fraction":
            current = (current or 1.0) * entry.value
        seen = True
    return total + current if seen else None


_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")
_GLUED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)([a-z]+)$")


def parse_value(text: str) -> Optional[float]:
    """The numeric value of one number expression (no range), or None.

    Examples: "3,000" → 3000, "23 million" → 23000000, "twenty-five" → 25, "a dozen" → 12, "two-thirds" → 0.667,
    "5m" → 5000000.
    """
    text = text.strip().lower()
    if not text:
        return None
    vague = vague_words().get(text)
    if vague is not None:
        return vague
    words: list[str] = []
    for part in _SPLIT.split(text):
        glued = _GLUED.match(part)
        if glued and glued.group(2) in number_words():
            words.extend(glued.groups())
        elif part:
            words.append(part)
    value = _words_value(words)
    if value is not None and any(number_words().get(w, Word(0, "")).kind == "fraction" for w in words):
        return round(value, 6)
    return value
