"""Places filters: names that look like toponyms and are not (invented sentences)."""
from __future__ import annotations

import pytest

from test_places_resolve import gazetteer_dir, place_at, places_of  # noqa: F401  (autouse fixture)


@pytest.mark.parametrize("text, dropped, kept", [
    # a news agency's name is the agency, wherever it stands ("according to Xinhua" is no place)
    ("Floods cut the road to Wenchuan in Sichuan province, the Xinhua news agency said. Rescue teams reached the "
     "valley on Sunday, according to Xinhua.", ["Xinhua"], [("Sichuan", 35)]),
    # a person's title after "the" or before a name is the person
    ("The mayor of Rome wrote to the Pope asking him to visit the flooded towns.", ["Pope"], [("Rome", 13)]),
])
def test_places_filters_outlets_and_titles(nlp, text, dropped, kept):
    places = places_of(nlp, text)
    assert not [p for p in places if p["text"] in dropped]
    for name, start in kept:
        place_at(nlp, text, name, start)


def test_places_filters_title_word_that_names_a_town_stays():
    """"Bishop, California": a title word followed by a comma and its state is the town."""
    from newsevents.components.places_filters import outlet_or_title
    import spacy

    doc = spacy.blank("en")("She grew up in Bishop, California, and in the Bishop of London's parish.")
    assert not outlet_or_title(doc, 4, 5, None)  # "Bishop" before "," (no name after it, no "the" before it)
    assert outlet_or_title(doc, 11, 12, None)  # "the Bishop"
