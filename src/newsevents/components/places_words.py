"""Hand-written word lists of ``newsevents_places_v1`` (``resources/place_words.tsv``).

One ``list<TAB>word`` row per word; each list's block in the file says what it is for and what it was measured on.
The detector, the recall rules, the filters and the street rules read their sets through :func:`place_words`.
"""
from __future__ import annotations

from functools import lru_cache

from ..gazetteer.build import read_resource_tsv


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    lists: dict[str, set[str]] = {}
    for row in read_resource_tsv("place_words.tsv"):
        lists.setdefault(row["list"], set()).add(row["word"])
    return {name: frozenset(words) for name, words in lists.items()}


def place_words(name: str) -> frozenset[str]:
    """The words of one list of ``resources/place_words.tsv`` (file read once per process).

    Args:
        name: The list's name ("civic_not_towns", "building_words", …).

    Raises:
        KeyError: No such list in the file.
    """
    return _word_lists()[name]
