"""Entities stage: roles and PLOVER actor codes, description-only actors and groups (invented sentences)."""
from __future__ import annotations

import pytest


def _by_mention(entities, text, mention):
    start = text.index(mention)
    for ent in entities:
        if any(m["start"] <= start < m["end"] for m in ent["mentions"]):
            return ent
    raise AssertionError(f"no entity with a mention at {mention!r}: {entities}")


ROLE_CASES = [
    # (text, name mention, role, country, sector)
    ("Kenyan President Daniel Mwangi said on Monday that the border would reopen.",
     "Daniel Mwangi", "Kenyan President", "KEN", "GOV"),
    ("Tom Hughes, a former British ambassador who served in Cairo, said the plan would fail.",
     "Tom Hughes", "former British ambassador", "GBR", None),
    ("Anna Berg, a Swedish diplomat, said the talks would resume next week.",
     "Anna Berg", "Swedish diplomat", "SWE", "GOV"),
    ("The BBC’s Tom Hughes reported that the ceasefire was holding.",
     "Tom Hughes", "BBC", "GBR", "MED"),
    ("Opposition leader Maria Santos called the vote a fraud.",
     "Maria Santos", "Opposition leader", None, "OPP"),
    ("Ohio Gov. Laura Finch said the bridge would reopen in May.", "Laura Finch", "Ohio Gov.", "USA", "GOV"),
    ("Lt. Gov. Sara Dunn presided over the session.", "Sara Dunn", "Lt. Gov.", None, "GOV"),
]


@pytest.mark.parametrize("text,mention,role,country,sector", ROLE_CASES)
def test_entities_person_role_and_actor(nlp, text, mention, role, country, sector):
    ent = _by_mention(nlp(text)._.entities, text, mention)
    assert ent["type"] == "PERSON"
    assert ent["name"] == mention
    assert ent["role"] == role
    assert ent["actor"] == {"country": country, "sector": sector}


@pytest.mark.parametrize("text,mention,country", [
    ("Russian officials denied the report.", "Russian", "RUS"),
    ("Two Syrians were among the injured.", "Syrians", "SYR"),
    ("The Britain-based group said Britain would send aid.", "Britain would", "GBR"),
])
def test_entities_country_from_demonym_and_gpe(nlp, text, mention, country):
    ent = _by_mention(nlp(text)._.entities, text, mention)
    assert ent["type"] in ("NORP", "GPE")
    assert ent["actor"]["country"] == country


@pytest.mark.parametrize("text,mention,country,sector", [
    ("Al Jazeera reported heavy fighting.", "Al Jazeera", "QAT", "MED"),
    ("The International Monetary Fund cut its forecast.", "International Monetary Fund", "IGO", "BUS"),
])
def test_entities_named_org_codes(nlp, text, mention, country, sector):
    ent = _by_mention(nlp(text)._.entities, text, mention)
    assert ent["type"] == "ORG"
    assert ent["actor"] == {"country": country, "sector": sector}


DESCRIPTION_CASES = [
    # (text, mention as written, type, name, country, sector)
    ("Kenya’s defence ministry said two soldiers were wounded.", "Kenya’s defence ministry", "ORG",
     "Kenya defence ministry", "KEN", "MIL"),
    ("Chile’s state news agency reported the fire.", "Chile’s state news agency", "ORG",
     "Chile state news agency", "CHL", "MED"),
    ("The Zambian health ministry said clinics would reopen.", "Zambian health ministry", "ORG",
     "Zambian health ministry", "ZMB", "GOV"),
    ("The Egyptian government rejected the proposal.", "Egyptian government", "ORG",
     "Egyptian government", "EGY", "GOV"),
    ("Turkish troops crossed the border overnight.", "Turkish troops", "GROUP", "Turkish troops", "TUR", "MIL"),
]


@pytest.mark.parametrize("text,mention,typ,name,country,sector", DESCRIPTION_CASES)
def test_entities_description_actor(nlp, text, mention, typ, name, country, sector):
    start = text.index(mention)
    found = [e for e in nlp(text)._.entities
             if {"start": start, "end": start + len(mention), "text": mention} in e["mentions"]]
    assert len(found) == 1
    ent = found[0]
    assert ent["type"] == typ
    assert ent["name"] == name
    assert ent["actor"] == {"country": country, "sector": sector}
    assert {"start": start, "end": start + len(mention), "text": mention} in ent["mentions"]


def test_entities_possessor_person_passes_code_to_office(nlp):
    text = "Kenyan President Daniel Mwangi denied the report. Mwangi’s office said the claims were false."
    office = _by_mention(nlp(text)._.entities, text, "office")
    assert office["type"] == "ORG"
    assert office["actor"] == {"country": "KEN", "sector": "GOV"}


def test_entities_groups_merge_and_take_the_home_country(nlp):
    text = ("Fighting continued in Mali on Sunday. The army said rebel fighters attacked a base in Mali, "
            "and the rebels later withdrew. In Mali, the opposition called for talks.")
    entities = nlp(text)._.entities
    rebels = _by_mention(entities, text, "rebel fighters")
    assert rebels["type"] == "GROUP"
    assert rebels["actor"] == {"country": "MLI", "sector": "REB"}
    assert [m["text"] for m in rebels["mentions"]] == ["rebel fighters", "rebels"]
    opposition = _by_mention(entities, text, "opposition")
    assert opposition["actor"] == {"country": "MLI", "sector": "OPP"}


def test_entities_group_country_refused_without_a_dominant_place(nlp):
    text = "Talks were held in Chile and in Peru. Police said protesters blocked two roads."
    police = _by_mention(nlp(text)._.entities, text, "Police")
    assert police["type"] == "GROUP"
    assert police["actor"] == {"country": None, "sector": "COP"}


def test_entities_leader_without_country_takes_dominant_country(nlp):
    text = ("Peru will hold a referendum. Peru’s congress approved the date, and Peru’s courts must now rule. "
            "President Carlos Vega said the vote would be fair.")
    vega = _by_mention(nlp(text)._.entities, text, "Carlos Vega")
    assert vega["role"] == "President"
    assert vega["actor"] == {"country": "PER", "sector": "GOV"}


def test_entities_leader_country_refused_when_two_countries_balance(nlp):
    text = "Peru and Chile will hold talks. Chile and Peru disagree. President Carlos Vega said the talks would help."
    vega = _by_mention(nlp(text)._.entities, text, "Carlos Vega")
    assert vega["actor"] == {"country": None, "sector": "GOV"}


def test_entities_definite_head_noun_joins_the_one_earlier_org(nlp):
    text = "Kenya’s defence ministry said two soldiers were wounded. The ministry gave no further details."
    entities = nlp(text)._.entities
    ministry = _by_mention(entities, text, "defence ministry")
    start = text.index("ministry gave")
    assert {"start": start, "end": start + len("ministry"), "text": "ministry"} in ministry["mentions"]


def test_entities_definite_head_noun_refused_with_two_candidates(nlp):
    text = ("Kenya’s defence ministry and Kenya’s health ministry met on Monday. The ministry gave no details.")
    start = text.index("ministry gave")
    owners = [e for e in nlp(text)._.entities if any(m["start"] == start for m in e["mentions"])]
    assert all(e["name"] not in ("Kenya defence ministry", "Kenya health ministry") for e in owners)


SHARED_STATE_CASES = [
    # (text, mention, country): a US state named like a country is read per article
    ("Georgia Gov. Ellen Pratt said the state would appeal. The Georgia State Patrol closed the highway.",
     "Georgia State Patrol", "USA"),
    ("Georgia Gov. Ellen Pratt said the state would appeal. The Georgia State Patrol closed the highway.",
     "Ellen Pratt", "USA"),
    ("A Dalton, Georgia, man was arrested in Tennessee. Officers from Georgia and Alabama searched his truck.",
     "Georgia and", "USA"),
    ("Georgia's president met Russian envoys in Tbilisi. Georgian troops left the border, Georgia said.",
     "Georgia said", "GEO"),
    ("Georgia accused Russia of moving the boundary fence deeper into its territory.", "Georgia", "GEO"),
    # one US state among the country's own words does not move the country
    ("A Texas firm will build the pipeline, Georgian officials in Tbilisi said. Georgia signed the deal.",
     "Georgia signed", "GEO"),
]


@pytest.mark.parametrize("text,mention,country", SHARED_STATE_CASES)
def test_entities_shared_state_name_read_per_article(nlp, text, mention, country):
    ent = _by_mention(nlp(text)._.entities, text, mention)
    assert ent["actor"]["country"] == country
