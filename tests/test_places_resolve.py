"""Places stage: seed places, ambiguity, unresolvable names, offsets, metonymy (invented sentences)."""
from __future__ import annotations

import pytest

from newsevents.gazetteer.build import FILE_NAME, build_gazetteer
from newsevents.gazetteer.lookup import reset_gazetteers


@pytest.fixture(scope="module", autouse=True)
def gazetteer_dir(data_dir):
    """The session's data_dir with the real gazetteer built in it (once per session, shared by modules)."""
    if not (data_dir / FILE_NAME).is_file():
        build_gazetteer(path=data_dir / FILE_NAME)
    reset_gazetteers()
    yield data_dir
    reset_gazetteers()


def places_of(nlp, text: str, **meta) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.meta = meta
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert not doc._.errors, doc._.errors
    return doc._.places


def find(places: list[dict], text: str, start: int) -> dict:
    hits = [p for p in places if p["start"] == start and p["text"] == text]
    assert hits, f"{text!r}@{start} not in {[(p['text'], p['start']) for p in places]}"
    return hits[0]


def place_at(nlp, text: str, toponym: str, start: int, **meta) -> dict:
    """The place found for ``toponym`` at ``start`` in ``text``, its end offset checked against the text."""
    place = find(places_of(nlp, text, **meta), toponym, start)
    assert place["end"] == start + len(toponym) and text[start:place["end"]] == toponym
    return place


@pytest.mark.parametrize("text, toponym, start, geonameid, precision, country", [
    ("Syria said the talks would resume.", "Syria", 0, 163843, "country", "SY"),
    ("Troops from Russia crossed the border on Monday.", "Russia", 12, 2017370, "country", "RU"),
    ("Delegates met in Geneva on Tuesday.", "Geneva", 17, 2660646, "city", "CH"),
    ("The talks were hosted by Switzerland.", "Switzerland", 25, 2658434, "country", "CH"),
    ("The envoy flew to Moscow overnight.", "Moscow", 18, 524901, "city", "RU"),
])
def test_places_resolve_seed_places(nlp, text, toponym, start, geonameid, precision, country):
    place = place_at(nlp, text, toponym, start)
    assert (place["geonameid"], place["precision"], place["country"]) == (geonameid, precision, country)
    assert place["lat"] is not None and place["lon"] is not None


@pytest.mark.parametrize("text, toponym, start, geonameid, admin1", [
    # Paris the capital by default; Paris, Texas when the state follows it
    ("Protesters marched through Paris on Saturday.", "Paris", 27, 2988507, "FR.11"),
    ("The tornado hit Paris, Texas, early on Sunday.", "Paris", 16, 4717560, "US.TX"),
    # Springfield: the one in the state named next to it, or elsewhere in the article
    ("The governor spoke in Springfield, Illinois, on Monday.", "Springfield", 22, 4250542, "US.IL"),
    ("Police in Springfield said the suspect fled. Missouri troopers joined the search.", "Springfield", 10,
     4409896, "US.MO"),
])
def test_places_resolve_ambiguous_names_with_context(nlp, text, toponym, start, geonameid, admin1):
    place = find(places_of(nlp, text), toponym, start)
    assert place["geonameid"] == geonameid
    assert place["admin1"]["code"] == admin1


def test_places_resolve_jordan_country_not_person(nlp):
    text = "King Abdullah returned to Jordan after Michael Jordan visited Amman."
    places = places_of(nlp, text)
    jordan = find(places, "Jordan", 26)
    assert jordan["geonameid"] == 248816 and jordan["precision"] == "country"
    assert not [p for p in places if p["start"] == text.index("Michael Jordan") + 8]


@pytest.mark.parametrize("text, toponym, start, precision", [
    ("Relations between the Soviet Union and China were tense.", "Soviet Union", 22, "country"),
    ("Leaders in the West condemned the vote in Kyiv.", "West", 15, "region"),
])
def test_places_resolve_unresolvable_kept_with_reason(nlp, text, toponym, start, precision):
    places = places_of(nlp, text)
    place = find(places, toponym, start)
    assert place["geonameid"] is None and place["reason"]
    assert place["precision"] == precision
    assert [p for p in places if p["geonameid"]], "one unknown name must not empty the result"


def test_places_resolve_demonym_is_context_not_place(nlp):
    text = "Syrian officials said the convoy reached Aleppo."
    places = places_of(nlp, text)
    assert [p["text"] for p in places] == ["Aleppo"]
    assert places[0]["country"] == "SY" and places[0]["start"] == 41


@pytest.mark.parametrize("text, toponym, start, geonameid", [
    ("An inmate at the Allegheny County Jail was hurt.", "Allegheny County", 17, 5178040),
    ("The Pittsburgh Police said two men were held.", "Pittsburgh", 4, 5206379),
])
def test_places_resolve_toponym_inside_organisation(nlp, text, toponym, start, geonameid):
    place = find(places_of(nlp, text), toponym, start)
    assert place["geonameid"] == geonameid


@pytest.mark.parametrize("text, toponym, start, metonymic", [
    ("Moscow warned that sanctions would fail.", "Moscow", 0, True),
    ("Washington rejected the proposal on Friday.", "Washington", 0, True),
    ("Beijing and Moscow said they would veto it.", "Moscow", 12, True),
    ("She has lived in Moscow since 2010.", "Moscow", 17, False),
    ("Russia said the exercise was routine.", "Russia", 0, True),
    ("Heavy snow fell across Russia overnight.", "Russia", 23, False),
])
def test_places_resolve_metonymy(nlp, text, toponym, start, metonymic):
    place = find(places_of(nlp, text), toponym, start)
    assert place["metonymic"] is metonymic
    assert place["geonameid"] is not None


def test_places_resolve_region_in_context_picks_namesake(nlp):
    text = "Flooding closed roads around London on Monday."
    uk = find(places_of(nlp, text), "London", 29)
    ca = find(places_of(nlp, text + " Ontario officials urged caution."), "London", 29)
    assert (uk["country"], uk["geonameid"]) == ("GB", 2643743)
    assert (ca["country"], ca["admin1"]["code"]) == ("CA", "CA.08")


def test_places_resolve_outlet_country_breaks_ties(nlp):
    text = "The council in Hamilton approved the budget on Tuesday."
    plain = find(places_of(nlp, text), "Hamilton", 15)
    kiwi = find(places_of(nlp, text, url="https://www.example.co.nz/news/1"), "Hamilton", 15)
    assert plain["country"] == "CA"
    assert kiwi["country"] == "NZ"


def _given(nlp, text: str, names: list[str]) -> list[dict]:
    from newsevents.components.places import resolve_spans

    doc = nlp.make_doc(text)
    doc._.meta = {}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return resolve_spans(doc, [(text.index(n), text.index(n) + len(n)) for n in names])


@pytest.mark.parametrize("text, owner, owned, spot", [
    # an airport the gazetteer does not have: a spot at the city's point
    ("Dozens of flights were cancelled at Toronto's Pearson International Airport.", "Toronto",
     "Pearson International Airport", True),
    # a town of that name elsewhere (Haram, Norway) is not what "Giza's Haram" means
    ("Police cleared a square in Giza's Haram district on Friday.", "Giza", "Haram", True),
    # a county around the city stays the county
    ("Officials from Houston's Harris County met on Monday.", "Houston", "Harris County", False),
])
def test_places_resolve_owned_spot(nlp, text, owner, owned, spot):
    town, place = _given(nlp, text, [owner, owned])
    assert place["start"] == text.index(owned) and place["text"] == owned
    if spot:
        assert (place["precision"], place["geonameid"]) == ("sub-city", None)
        assert (place["lat"], place["lon"]) == (town["lat"], town["lon"])
    else:
        assert place["precision"] == "admin2" and place["geonameid"] is not None


def test_places_resolve_owned_facility_detected(nlp):
    text = "Dozens of flights were cancelled at Toronto's Pearson International Airport on Monday."
    places = places_of(nlp, text)
    toronto = find(places, "Toronto", 36)
    airport = [p for p in places if p["text"].startswith("Pearson")]
    assert airport and airport[0]["precision"] == "sub-city"
    assert (airport[0]["lat"], airport[0]["lon"]) == (toronto["lat"], toronto["lon"])


def test_places_resolve_unsure_spot_lists_only_gazetteer_candidates(nlp):
    """A spot owned by an unsure town has the town's confidence but no GeoNames alternatives to list; the record
    stays valid (a candidate without an id once failed the whole article)."""
    from newsevents.record import from_doc

    text = "Flights were delayed at Toronto's Pearson International Airport on Friday."
    record = from_doc(nlp(text))
    assert record.errors == []
    (airport,) = [p for p in record.places if p.text == "Pearson International Airport"]
    assert (airport.start, airport.geonameid, airport.precision) == (34, None, "sub-city")
    assert airport.candidates is None
    assert all(c.geonameid is not None for p in record.places for c in p.candidates or [])


@pytest.mark.parametrize("text, toponym, start, geonameid", [
    # a US state named like a country: listed with states, or named by its governor and its capital
    ("Recounts were sought in Ohio, Georgia and Michigan.", "Georgia", 30, 4197000),
    ("Voters in Georgia and Florida went to the polls on Tuesday.", "Georgia", 10, 4197000),
    ("The governor of Georgia signed the bill in Atlanta.", "Georgia", 16, 4197000),
    # … and the country when it is listed with countries
    ("Georgia and Armenia signed a trade deal.", "Georgia", 0, 614540),
    ("Fighting broke out between Georgia and Russia in 2008.", "Georgia", 27, 614540),
    ("Refugees fled to Jordan and Lebanon.", "Jordan", 17, 248816),
    ("Refugees fled to Jordan and Lebanon.", "Lebanon", 28, 272103),
    # first-level areas of another country listed together stay there
    ("Bushfires spread across Victoria and New South Wales.", "Victoria", 24, 2145234),
    ("Farmers in Punjab and Haryana burned stubble.", "Punjab", 11, 1259223),
])
def test_places_resolve_listed_names_share_a_kind(nlp, text, toponym, start, geonameid):
    assert place_at(nlp, text, toponym, start)["geonameid"] == geonameid


@pytest.mark.parametrize("text, starts, geonameid", [
    # actors coded from the toponym itself ("Georgia State Patrol" -> GEO) are no evidence for the country
    ("Georgia Gov. Carla Brandt said the Georgia State Patrol would send troopers to Savannah.", [0, 35], 4197000),
    ("Georgia Gov. Carla Brandt signed the budget on Monday.", [0], 4197000),
    # a country name with its own country evidence stays the country
    ("Georgian troops and the Georgia defence ministry said Tbilisi would respond.", [24], 614540),
])
def test_places_resolve_actor_country_from_the_toponym_is_no_context(nlp, text, starts, geonameid):
    places = places_of(nlp, text)
    for start in starts:
        place = find(places, "Georgia", start)
        assert (place["end"], place["geonameid"]) == (start + len("Georgia"), geonameid)


@pytest.mark.parametrize("text, spans, expected", [
    ("Ohio, Georgia and Michigan", [(0, 4), (6, 13), (18, 26)], [[1, 2], [0, 2], [0, 1]]),
    ("Georgia and Florida", [(0, 7), (12, 19)], [[1], [0]]),
    ("Georgia, Alabama and the Carolinas", [(0, 7), (9, 16), (25, 34)], [[1, 2], [0, 2], [0, 1]]),
    # "X, Y" alone is a town in its area, not a list; a verb between names ends the list
    ("Paris, Texas", [(0, 5), (7, 12)], [[], []]),
    ("Mexico into Texas and New Mexico", [(0, 6), (12, 17), (22, 32)], [[], [2], [1]]),
])
def test_places_resolve_coordinated_lists(text, spans, expected):
    from newsevents.components.places_detect import Mention
    from newsevents.components.places_rank import coordinated

    mentions = [Mention(s, e, text[s:e], "given") for s, e in spans]
    assert [text[s:e] for s, e in spans] == [m.text for m in mentions]
    assert coordinated(mentions, text) == expected


@pytest.mark.parametrize("text, start, end, kind", [
    ("the governor of Georgia said", 3, 4, "admin1"),
    ("Georgia Gov. Brian Kemp said", 0, 1, "admin1"),
    ("the Georgia State Patrol said", 1, 2, "admin1"),
    ("closed Georgia Highway 174 on", 1, 2, "admin1"),
    # a country's highway without a number, or a president, says nothing
    ("the Georgia Highway project", 1, 2, None),
    ("the president of Georgia said", 3, 4, None),
])
def test_places_resolve_first_level_area_words(nlp, text, start, end, kind):
    from newsevents.components.places_detect import kind_hint

    doc = nlp.make_doc(text)
    assert doc[start:end].text == "Georgia"
    assert kind_hint(doc, start, end) == kind


@pytest.mark.parametrize("text, first, second, container, owner", [
    ("A tornado hit Paris, Texas, on Sunday.", "Paris", "Texas", True, False),
    ("A tornado hit Paris,\n   Texas, on Sunday.", "Paris", "Texas", True, False),  # a line break inside the pair
    ("A tornado hit Paris and Texas on Sunday.", "Paris", "Texas", False, False),
    ("Crowds filled London's Trafalgar Square.", "London", "Trafalgar Square", False, True),
])
def test_places_resolve_pair_links_given_and_detected(nlp, text, first, second, container, owner):
    """One pair rule ("X, Y" container, "X's Y" owner) for given spans and for the stage's own mentions."""
    from newsevents.components.places_detect import Mention, link_pairs

    doc = nlp(text)
    mentions = []
    for name in (second, first):  # given out of text order: links are still by position
        s = text.index(name)
        span = doc.char_span(s, s + len(name))
        mentions.append(Mention(s, s + len(name), name, "given", tokens=(span.start, span.end)))
    link_pairs(doc, mentions)
    assert (mentions[1].container == 0, mentions[0].owner == 1) == (container, owner)
    assert mentions[0].container is None and mentions[1].owner is None
    if container:
        paris = _given(nlp, text, [first, second])[0]
        assert (paris["geonameid"], paris["country"], paris["start"]) == (4717560, "US", 14)


def test_places_resolve_area_word_also_matches_bare_areas(nlp):
    """A name with its area word ("Karak district") is also any area of the bare name (Al Karak, Jordan), not
    only an area whose name has that word (Karak District, Pakistan)."""
    text = "Jordanian police said gunmen attacked a patrol in the Karak district of Jordan on Sunday."
    karak, jordan = _given(nlp, text, ["Karak district", "Jordan"])
    assert (karak["start"], karak["end"]) == (54, 68)
    assert (karak["geonameid"], karak["country"], jordan["geonameid"]) == (250625, "JO", 248816)


def test_places_resolve_near_towns_support_each_other():
    """A town within NEAR_KM of another name's likely town gets W_NEAR (weighed by that town's share); a far
    namesake, a country and the same place get nothing."""
    from newsevents.components.places_detect import Mention
    from newsevents.components.places_rank import NEAR_KM, W_NEAR, Choice, _near_bonus
    from newsevents.gazetteer.lookup import Candidate

    def town(gid, name, lat, lon, kind="city"):
        return Candidate(gid, name, kind, "P.PPL", "XX", None, None, lat, lon, 1000, 0)

    near, far, country = town(1, "Ashby", 50.0, 10.0), town(2, "Ashby", 10.0, 10.0), town(3, "Ashby", 0, 0, "country")
    other = town(4, "Brill", 50.0 + NEAR_KM / 2 / 111.0, 10.0)
    mentions = [Mention(0, 5, "Ashby", "given"), Mention(10, 15, "Brill", "given")]
    cands = [[near, far, country], [other]]
    first = [Choice(mentions[0], [(near, 0.4), (far, 0.4), (country, 0.2)]), Choice(mentions[1], [(other, 0.5)])]
    bonus = _near_bonus(mentions, cands, first)
    assert bonus["ashby"] == [W_NEAR * 0.5, 0.0, 0.0]
    assert "brill" not in bonus  # a name with one candidate has nothing to rank


@pytest.mark.parametrize("text, toponym, start, precision, admin1", [
    # first-level areas in a list of three or more: "Oklahoma, Pennsylvania" is not the town in Pennsylvania
    ("Outbreaks were confirmed in Utah, Oklahoma, Pennsylvania and Ohio last month.", "Oklahoma", 34, "admin1",
     "US.OK"),
    ("Inspectors visited farms in Oregon, Washington, West Virginia and Maine this week.", "Washington", 36,
     "admin1", "US.WA"),
    # outside a list the pair is still a town inside its state
    ("The family drove from Washington, Pennsylvania to the coast.", "Washington", 22, "city", "US.PA"),
])
def test_places_resolve_area_lists_are_not_town_area_pairs(nlp, text, toponym, start, precision, admin1):
    place = place_at(nlp, text, toponym, start)
    assert place["precision"] == precision and place["admin1"]["code"] == admin1
