"""The places word lists read from resources/place_words.tsv."""
from __future__ import annotations

import pytest

from newsevents.components.places_words import place_words


@pytest.mark.parametrize("name, word, present", [
    ("civic_not_towns", "superior", True),
    ("civic_not_towns", "Superior", False),  # lower-case list: case is kept as written
    ("building_words", "Hospital", True),
    ("not_streets", "wall street", True),  # multi-word entries survive the TSV
    ("common_word_areas", "far north", True),
    ("given_name_countries", "chad", True),
    ("given_name_countries", "syria", False),
])
def test_places_words_membership(name, word, present):
    assert (word in place_words(name)) is present


def test_places_words_read_once_as_frozensets():
    assert place_words("street_words") is place_words("street_words")
    assert isinstance(place_words("street_words"), frozenset)


def test_places_words_unknown_list_raises():
    with pytest.raises(KeyError):
        place_words("no_such_list")
