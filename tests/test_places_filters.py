"""Places filters: names that look like toponyms and are not (invented sentences)."""
from __future__ import annotations

import pytest

from newsevents.gazetteer.lookup import get_gazetteer
from test_places_resolve import gazetteer_dir, place_at, places_of  # noqa: F401  (autouse fixture)


@pytest.mark.parametrize("text, dropped, kept", [
    # a news agency's name is the agency, wherever it stands ("according to Xinhua" is no place)
    ("Floods cut the road to Wenchuan in Sichuan province, the Xinhua news agency said. Rescue teams reached the "
     "valley on Sunday, according to Xinhua.", ["Xinhua"], [("Sichuan", 35)]),
    # a person's title after "the" or before a name is the person
    ("The mayor of Rome wrote to the Pope asking him to visit the flooded towns.", ["Pope"], [("Rome", 13)]),
    # a name the article uses for a disease, not in the gazetteer, is the disease even after "from"
    ("Four people have died from Ebola in the Likouala region, officials said. The Ebola virus has no cure.",
     ["Ebola"], [("Likouala", 40)]),
    # a holiday the model tags LOC
    ("Road deaths in Victoria rose over Easter, police said.", ["Easter"], [("Victoria", 15)]),
    # a season the model tags DATE is a time unless a place stands there ("in Spring" is the Texas town)
    ("Farmers in Kansas hope for rain. Spring arrived early this year, and the bill could pass by Spring.",
     ["Spring"], [("Kansas", 11)]),
])
def test_places_filters_names_of_other_things(nlp, text, dropped, kept):
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



@pytest.mark.parametrize("text, start, end, expected", [
    ("Ms Calvetti said the vote would pass.", 0, 2, True),  # a title before an unknown name: a person
    ("King Bachman and his crew filmed it.", 0, 2, True),
    ("Cases of H1N1 rose again.", 2, 3, True),  # an influenza subtype
    ("Meningitis killed nine.", 0, 1, True),  # a disease's ending
    ("Patients with Filoviridae infections", 2, 3, True),
    ("Over Easter the roads were busy.", 1, 2, True),  # a holiday
    ("King City held its fair.", 0, 2, False),  # a title word opening a known town's name
    ("General Santos was quiet.", 0, 2, False),
    ("Kentucky Fried Chicken opened.", 0, 1, False),  # a known name is left to the other rules
])
def test_places_filters_named_thing(text, start, end, expected):
    import spacy

    from newsevents.components.places_filters import named_thing

    doc = spacy.blank("en")(text)
    assert named_thing(doc, start, end, get_gazetteer()) is expected


def test_places_filters_relatives_are_no_towns(nlp):
    """Names in apposition to a noun of kinship are relatives (Nina is also Neenah, Malia a Cretan town)."""
    text = "He is survived by his wife, Nina, and his daughters, Malia and Sasha, all of Paris, Texas."
    places = places_of(nlp, text)
    assert [(p["text"], p["start"]) for p in places] == [("Paris", 77), ("Texas", 84)]


def test_places_filters_degree_after_a_name():
    """"Karen Holt, M.D.,": the degree, not Maryland ("Md.")."""
    import spacy

    from newsevents.components.places_filters import relative_named

    doc = spacy.blank("en")("Karen Holt, M.D., joined the clinic in Frederick, Md. last year.")
    assert [t.text for t in doc[3:4]] == ["M.D."] and relative_named(doc, 3, 4)
    assert not relative_named(doc, 11, 12)  # "Md." after "Frederick,"
