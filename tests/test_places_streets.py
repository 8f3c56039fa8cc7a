"""Places stage: streets and roads resolve to a spot at their town's point (invented sentences)."""
from __future__ import annotations

import pytest

from test_places_resolve import gazetteer_dir, places_of  # noqa: F401  (autouse fixture: test gazetteer)


@pytest.mark.parametrize("text, street, town", [
    # the town right after the street, by a comma or "in"
    ("Firefighters were called to a house on Maple Grove Road, Winnipeg, late on Sunday.", "Maple Grove Road",
     "Winnipeg"),
    ("A collision closed Bellamy Street in Calgary for three hours on Tuesday.", "Bellamy Street", "Calgary"),
    # no town beside it: the town the article names most often
    ("Police in Halifax said the crash happened on Dorrington Avenue. Halifax police asked for witnesses.",
     "Dorrington Avenue", "Halifax"),
])
def test_places_streets_spot_at_town(nlp, text, street, town):
    places = places_of(nlp, text)
    st = [p for p in places if p["text"] == street]
    assert st, [(p["text"], p["start"]) for p in places]
    assert st[0]["start"] == text.index(street) and st[0]["end"] == text.index(street) + len(street)
    assert (st[0]["precision"], st[0]["geonameid"], st[0]["feature"]) == ("sub-city", None, "R.ST")
    t = [p for p in places if p["text"] == town][0]
    assert (st[0]["lat"], st[0]["lon"]) == (t["lat"], t["lon"]) and st[0]["reason"]


@pytest.mark.parametrize("text, word", [
    ("Shares fell on Wall Street after the report.", "Wall Street"),
    ("The Missouri State Highway Patrol said the driver was hurt.", "Highway"),
    ("He was stopped on Ontario Provincial Highway 11 near the town.", "Highway"),
])
def test_places_streets_not_streets(nlp, text, word):
    assert not [p for p in places_of(nlp, text) if word in p["text"] and p.get("feature") == "R.ST"]


@pytest.mark.parametrize("text, building, town", [
    ("She was taken to Thomas Memorial Hospital in South Charleston on Friday.", "Thomas Memorial Hospital",
     "South Charleston"),
    ("Fans gathered at the Lakeview Museum, Halifax, for the opening.", "Lakeview Museum", "Halifax"),
])
def test_places_streets_given_building_resolves_to_its_town(nlp, text, building, town):
    """A building given as a toponym (gold spans) that the gazetteer lacks: a spot at its town's point."""
    from newsevents.components.places import resolve_spans

    doc = nlp(text)
    spans = [(text.index(n), text.index(n) + len(n)) for n in (building, town)]
    place, anchor = resolve_spans(doc, spans)
    assert (place["start"], place["end"], place["geonameid"], place["precision"]) == (*spans[0], None, "sub-city")
    assert (place["lat"], place["lon"]) == (anchor["lat"], anchor["lon"]) and anchor["geonameid"]
