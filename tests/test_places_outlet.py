"""Places stage: the outlet's country and home town from the article metadata (invented outlets and sentences)."""
from __future__ import annotations

import pytest

from newsevents.components.places_outlet import outlet_home
from newsevents.gazetteer.lookup import get_gazetteer
from test_places_resolve import find, gazetteer_dir, places_of  # noqa: F401  (autouse fixture: test gazetteer)


@pytest.mark.parametrize("meta, country, town, admin1", [
    ({"url": "https://www.kelownatoday.com/local/fire-1"}, "CA", "Kelowna", "CA.02"),  # town + outlet word
    ({"url": "https://www.halifaxherald.ca/a/2"}, "CA", "Halifax", "CA.07"),  # .ca picks the Canadian Halifax
    ({"outlet": "Winnipeg Free Press"}, "CA", "Winnipeg", "CA.03"),  # the outlet's name
    ({"outlet": "The Leeds Evening Star"}, "GB", "Leeds", "GB.ENG"),
    ({"url": "https://kxqr.com/news/story"}, "US", None, None),  # a US call sign
    ({"url": "https://wqatradio.com/obits"}, "US", None, None),
    ({"url": "https://www.markettalk.com/x"}, None, None, None),  # "Marke" + "ttalk" is no town + outlet word
    ({"url": "https://nyti.ms/3xYz"}, None, None, None),  # a short-link domain says nothing
    ({"url": "https://www.example.co.nz/news/1"}, "NZ", None, None),
    ({"outlet": "National Post"}, None, None, None),
    # a town name shared with a town abroad a tenth its size or more names no home (Kingston, Jamaica / Ontario)
    ({"outlet": "Kingston Evening Courier"}, None, None, None),
    ({"url": "https://www.kingstoncourier.ca/x"}, "CA", "Kingston", "CA.08"),  # the TLD settles it
    ({}, None, None, None),
])
def test_places_outlet_home(meta, country, town, admin1):
    home = outlet_home(meta, get_gazetteer())
    assert home.country == country
    assert (home.town.name if home.town else None) == town
    assert (home.town.admin1 if home.town else None) == admin1


def _place(nlp, text: str, name: str, start: int, **meta) -> dict:
    return find(places_of(nlp, text, **meta), name, start)


def test_places_outlet_home_town_area_ranks_namesake(nlp):
    text = "The council in Kingston approved a new transit budget on Tuesday."
    plain = _place(nlp, text, "Kingston", 15)
    local = _place(nlp, text, "Kingston", 15, url="https://www.ottawanews.com/city/budget-vote")
    assert plain["country"] == "JM"
    assert (local["country"], local["admin1"]["code"]) == ("CA", "CA.08")


def test_places_outlet_local_country_outweighs_bigger_namesake(nlp):
    text = "Police in Edmonton arrested two men after a fight outside a pub on Friday."
    plain = _place(nlp, text, "Edmonton", 10)
    local = _place(nlp, text, "Edmonton", 10, url="https://www.northlondonweekly.co.uk/crime/pub-fight")
    assert plain["country"] == "CA"
    assert local["country"] == "GB"
