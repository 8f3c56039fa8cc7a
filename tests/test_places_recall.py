"""Places recall rules: datelines, towns the model tags PERSON/ORG, toponyms inside organisation names, other
mentions of a name already used as a place, and what must stay out (invented sentences)."""
from __future__ import annotations

import pytest

from newsevents.gazetteer.build import name_key
from newsevents.gazetteer.lookup import get_gazetteer
from test_places_resolve import find, gazetteer_dir, place_at, places_of  # noqa: F401  (autouse fixture)


@pytest.mark.parametrize("text, toponym, start, country", [
    # a dateline: upper case, first in the article, closed by a dash
    ("HALIFAX — Crews worked through the night to restore power after the storm.", "HALIFAX", 0, "CA"),
    # a town inside an organisation's name after "of"
    ("She teaches at the University of Manitoba and lives nearby.", "Manitoba", 33, "CA"),
    # a country closing an organisation's name
    ("The recall was announced by Costco Canada on Tuesday.", "Canada", 35, "CA"),
    # a town in a list with other toponyms (the small model tags it PERSON)
    ("Cases were reported in Nairobi, Garissa and Mombasa this week.", "Garissa", 32, "KE"),
    # "lives in X" (tagged PERSON)
    ("Walsh, who lives in Waterloo, said the bus never came.", "Waterloo", 20, "CA"),
    # a state's upper-case abbreviation of three letters or more, outside any entity
    ("Horses were moved across regional NSW last week.", "NSW", 34, "AU"),
    # a country before "flu season" is the country, not a disease named after it
    ("With the United States flu season under way, clinics are busy.", "United States", 9, "US"),
    # a lower-case area noun after "the" (the model tags the name PERSON)
    ("A fundraiser was held in the province Gauteng on Friday.", "Gauteng", 38, "ZA"),
    # a small town opening the name of its own police or court (any size before a civic word)
    ("The case came to the attention of the Sandwich Police Department in July.", "Sandwich", 38, "US"),
    ("He will appear in Sweetwater County Court next month.", "Sweetwater County", 18, "US"),
    # a town proven by a "Town, Prov." pair is a toponym in its other mentions, whatever its size (900 people)
    ("Lucy was born in Churchill, Man. in 2009. A Churchill nurse flew with her to Winnipeg.", "Churchill", 44,
     "CA"),
    # a big town the model tags DATE
    ("Deputies said seven people were shot on Wednesday in Spring. The suspect was caught later.", "Spring", 53,
     "US"),
    # a home town the model ran into a person's name, before its state (already a toponym)
    ("She is survived by a son, Robert of Ada, Oklahoma.", "Ada", 36, "US"),
    # a name the gazetteer lacks, looked up without its hyphen or with an Arabic article
    ("Flooding hit villages near Al-Minya and Assiut on Monday.", "Al-Minya", 27, "EG"),
    ("The girl comes from the northwestern region of Kef in Tunisia.", "Kef", 47, "TN"),
    # short forms of country and province names (gazetteer aliases)
    ("Doctors flew to the Democratic Republic of Congo last week.", "Democratic Republic of Congo", 20, "CD"),
    ("Snow closed roads across Newfoundland on Tuesday.", "Newfoundland", 25, "CA"),
])
def test_places_recall_found_spans(nlp, text, toponym, start, country):
    place = place_at(nlp, text, toponym, start)
    assert place["geonameid"] is not None and place["country"] == country


@pytest.mark.parametrize("text, expected", [
    # a town and the abbreviation of its province after a comma (the town has 900 people: the pair is the evidence)
    ("The family moved to Churchill, Man. last spring.", [("Churchill", 20, "CA"), ("Man.", 31, "CA")]),
    # the abbreviation's period belongs to it even when the tokenizer splits it off
    ("She grew up in Gatineau, Que., before moving west.", [("Gatineau", 15, "CA"), ("Que.", 25, "CA")]),
    # a place opening a locative compound the tokenizer keeps whole
    ("Troops joined the U.S.-led coalition last year.", [("U.S.", 18, "US")]),
    # a broadcaster's local desk
    ("The mayor told CTV Winnipeg that crews were ready.", [("Winnipeg", 19, "CA")]),
    # a town tagged as an organisation or facility, by an alternate spelling: the whole name, not its first word
    ("Two farmers from Beni Suef died of the disease last week.", [("Beni Suef", 17, "EG")]),
    ("Aid reached the town of Mbanza Congo on Sunday.", [("Mbanza Congo", 24, "AO")]),
    # letters Unicode does not fold (ł, ı) match the English spelling of the town's own name
    ("Samples were sent to a laboratory in the town of Pulawy on Monday.", [("Pulawy", 49, "PL")]),
    ("Officials in Dogubayazit said three children had died.", [("Dogubayazit", 13, "TR")]),
    # an English name that is only an alternate in the gazetteer, completed from the model's cut span
    ("The outbreak spread to farms in Saxony-Anhalt last week.", [("Saxony-Anhalt", 32, "DE")]),
    # "the village of X": the words say it is a settlement, however small (tagged ORG)
    ("Health workers reached the village of Bududa on Sunday.", [("Bududa", 38, "UG")]),
    # two towns coordinated inside one entity
    ("Volunteers came from Ingham or Townsville to help.", [("Ingham", 21, "AU"), ("Townsville", 31, "AU")]),
])
def test_places_recall_pairs_compounds_and_lists(nlp, text, expected):
    places = places_of(nlp, text)
    assert [(p["text"], p["start"], p["country"]) for p in places] == expected
    assert all(text[p["start"]:p["end"]] == p["text"] for p in places)


def test_places_recall_same_name_mentions(nlp):
    text = "Flooding hit Cairns on Monday. Cairns police said several roads were closed."
    places = places_of(nlp, text)
    assert [(p["start"], p["end"]) for p in places] == [(13, 19), (31, 37)]
    assert {p["geonameid"] for p in places} == {2172797}


@pytest.mark.parametrize("text, word", [
    # a person's surname after the full name was given
    ("Paul Jackson spoke to reporters on Monday. Jackson said the plan would work.", "Jackson"),
    # a common word that is also a town, inside an organisation's title
    ("The clinic treats many patients, the Head of Mission said.", "Mission"),
    # a disease named after a town is not a mention of the town
    ("Researchers compared the sample with the Marburg virus.", "Marburg"),
    # a first-level area named like a common noun, opening a sentence ("Rivers" State)
    ("Heavy rain fell all week.\n\nRivers in the north burst their banks on Monday.", "Rivers"),
    # a school district is not a place of its own
    ("The Box Elder School District hired a new head.", "Box Elder School District"),
    # an acronym that only matches a hamlet
    ("The clinic treats people living with HIV in the capital.", "HIV"),
    # the first name of a person named in full earlier
    ("Ten-year-old Georgia Whitfield won the race. Georgia trains every morning.", "Georgia"),
    # a surname that is also a town, after the full name
    ("Sherman Wilson ran the shop for years. Wilson was taken to hospital on Monday.", "Wilson"),
    # a court or council whose first word is also a town's name ("Superior", Wisconsin; "Un", India)
    ("The Superior Court ruled against him on Monday.", "Superior"),
    ("The UN Security Council met on Friday to discuss the attack.", "UN"),
    # "the State Police" is no "state X"
    ("Officers of the State Police said the road was closed.", "Police"),
    # an acronym that only matches towns ("Ba", Fiji)
    ("Fewer than one in five BA cabin crew joined the strike.", "BA"),
    # a saint's name with a possessive: a church, a school, a hospital
    ("Both women were taken to St. Michael's Hospital on Friday.", "St. Michael"),
    ("Crowds filled St. Peter's Square for the blessing.", "St. Peter"),
    # a name the article uses for a disease is the disease in its other mentions too
    ("Doctors confirmed a case of the Marburg virus. A second case of imported Marburg was ruled out.", "Marburg"),
    # the town opening a newspaper's title
    ("The fire was first reported by the Los Angeles Times on Monday.", "Los Angeles"),
    ("Officials told the China Daily that the plant was safe.", "China"),
])
def test_places_recall_not_places(nlp, text, word):
    places = places_of(nlp, text)
    assert all(p["text"] != word for p in places), places


def test_places_recall_person_first_name_still_a_place_where_a_place_stands(nlp):
    text = "Ten-year-old Georgia Whitfield won the race. She will compete in Georgia next year."
    place = find(places_of(nlp, text), "Georgia", 65)
    assert place["geonameid"] is not None


def test_places_recall_country_points_are_geonames_own():
    """Countries carry GeoNames' own point (Canada's is in the north-west, not the Factbook's 60 N 95 W)."""
    gaz = get_gazetteer()
    canada = gaz.place(6251999)
    assert (round(canada.lat, 3), round(canada.lon, 3)) == (60.109, -113.643)
    assert gaz.place(1861060).lat == pytest.approx(35.68536)  # Japan: GeoNames puts it at Tokyo


@pytest.mark.parametrize("text, toponym, start, geonameid", [
    # the bare name is the state; "the City of" makes it the city
    ("Officials in Durango said water was rationed.", "Durango", 13, 4011741),
    ("Officials in the City of Durango said water was rationed.", "Durango", 25, 4011743),
    # a lower-case "state" after the name makes it the state
    ("Rain fell across Chihuahua state on Friday.", "Chihuahua", 17, 4014336),
    # a lower-case "county" after a name the model left untagged: the county, without the word
    ("Flooding closed roads across Harris county on Friday.", "Harris", 29, 4696376),
])
def test_places_recall_kind_words_around_the_name(nlp, text, toponym, start, geonameid):
    assert place_at(nlp, text, toponym, start)["geonameid"] == geonameid


@pytest.mark.parametrize("name, key", [
    ("Puławy", "pulawy"), ("Doğubayazıt", "dogubayazit"), ("Tromsø", "tromso"), ("Zürich", "zurich"),
    ("St. Louis", "saint louis"),
])
def test_places_recall_name_key_folds_latin_letters(name, key):
    assert name_key(name) == key


def test_places_recall_country_lists_are_not_town_country_pairs(nlp):
    """"China, Japan" lists two countries (there is a town called China in Japan); "Singapore, Singapore" is
    still the city in the country."""
    places = places_of(nlp, "Cases were reported in Vietnam, China, Japan and Thailand.")
    assert find(places, "China", 32)["geonameid"] == 1814991
    places = places_of(nlp, "Tourists tag their photos \"Singapore, Singapore\" wherever they are.")
    assert (find(places, "Singapore", 27)["feature"], find(places, "Singapore", 38)["feature"]) == ("P.PPLC", "A.PCLI")


@pytest.mark.parametrize("name, marked", [
    ("Dana Whitfield", True),  # a person's full name: its mentions are person tokens
    ("Whitfield - Ohio", False),  # the model ran a name on over a dash into a place: no person
])
def test_places_recall_run_on_person_name(nlp, name, marked):
    from newsevents.components.places_recall import full_name_person_tokens, person_name_words

    text = "Whitfield won Ohio on Monday. Ohio voters were split."
    doc = nlp.make_doc(text)
    ohio = [i for i, t in enumerate(doc) if t.text == "Ohio"]
    mentions = [{"start": doc[i].idx, "end": doc[i].idx + 4} for i in ohio]
    doc._.entities = [{"type": "PERSON", "name": name, "mentions": mentions}]
    gaz = get_gazetteer()
    inside = full_name_person_tokens(doc, gaz)
    assert [inside[i] for i in ohio] == [marked] * len(ohio)
    assert ("ohio" in person_name_words(doc, gaz)) is (marked and name.endswith("Ohio"))


def test_places_recall_disease_name_still_a_place_where_a_place_stands(nlp):
    text = "The Ebola-Reston strain was found in monkeys shipped to Reston, Virginia, in 1989."
    place = find(places_of(nlp, text), "Reston", 56)
    assert place["country"] == "US" and place["admin1"]["code"] == "US.VA"


def test_places_recall_area_where_a_place_stands_beside_a_person_named_after_it(nlp):
    """"Racing Victoria" taken for a person must not hide "in Victoria" (the entities stage counts it among the
    person's mentions)."""
    text = "No cases were found in Victoria. Racing Victoria said the meeting would go ahead."
    place = find(places_of(nlp, text), "Victoria", 23)
    assert place["country"] == "AU" and place["precision"] == "admin1"


def test_places_recall_run_on_entity_parts(nlp):
    """An entity the model ran on over a spaced dash ("Sri Lanka - approximately") is read part by part; a hyphen
    inside a word ("Coca-Cola") is no such dash."""
    from spacy.tokens import Span

    from newsevents.components.places_detect import _run_on, detect_toponyms

    text = "Deaths were counted in Sri Lanka - approximately 28,500 - by Monday."
    doc = nlp(text)
    start = [t.i for t in doc if t.text == "Sri"][0]
    doc.ents = [Span(doc, start, start + 4, label="PERSON")]
    doc._.entities = []
    found = [(m.text, m.start) for m in detect_toponyms(doc, get_gazetteer())]
    assert ("Sri Lanka", 23) in found
    doc2 = nlp("Sales of Coca-Cola rose.")
    cola = [t.i for t in doc2 if t.text == "Coca"][0]
    assert _run_on(doc2, Span(doc2, cola, cola + 3, label="ORG")) == []


@pytest.mark.parametrize("text, name, found", [
    ('"Tunisia was one of the first countries to act," the official said.', "Tunisia", True),
    ("Chad scored twice for the home side on Saturday.", "Chad", False),  # also a given name
])
def test_places_recall_country_tagged_person(nlp, text, name, found):
    """A country name the model tags PERSON is the country, unless it is also a given name."""
    from spacy.tokens import Span

    from newsevents.components.places_detect import detect_toponyms

    doc = nlp(text)
    i = [t.i for t in doc if t.text == name][0]
    doc.ents = [Span(doc, i, i + 1, label="PERSON")]
    doc._.entities = []
    assert ((name, text.index(name)) in [(m.text, m.start) for m in detect_toponyms(doc, get_gazetteer())]) is found


@pytest.mark.parametrize("key, start", [
    ("saint kitts and nevis", "saint"), ("guinea-bissau", "guinea"), ("'amran", "amran"), ("the gambia", "the"),
    ("-", ""),
])
def test_places_recall_key_start(key, start):
    from newsevents.gazetteer.build import key_start

    assert key_start(key) == start


def test_places_recall_area_name_starts_cover_every_country_and_area_name():
    """The bare-name scan skips a word whose key starts no country or area name: every name it can take must
    start with a listed word (checked over the whole gazetteer, by the rule the scan relies on)."""
    from newsevents.gazetteer.build import key_start

    gaz = get_gazetteer()
    starts = gaz.area_name_starts()
    keys = [k for (k,) in gaz._query("SELECT n.key FROM names n JOIN places p USING (geonameid)"
                                     " WHERE n.how < 2 AND p.kind IN ('country', 'continent', 'admin1')", ())]
    assert len(keys) > 3000 and all(key_start(name_key(k.split()[0])) in starts for k in keys if k.split())
    assert {"united", "saint", "guinea"} <= starts and "paris" not in starts



def test_places_recall_spaced_dash_splits_a_place_entity(nlp):
    """"East Africa - Kenya" tagged as one GPE: the dash separates two names; Kenya is found on its own."""
    text = "Officials fear the outbreak will reach East Africa - Kenya, Uganda and Tanzania - within weeks."
    assert place_at(nlp, text, "Kenya", 53)["country"] == "KE"
