"""Entities stage: mentions merged into canonical entities, with exact offsets (invented sentences)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsevents.components.entities_mentions import clean_span


def _entities(nlp, text):
    return nlp(text)._.entities


def _by_mention(entities, text, mention):
    """The entity that has a mention starting where ``mention`` first occurs in ``text``."""
    start = text.index(mention)
    for ent in entities:
        if any(m["start"] == start for m in ent["mentions"]):
            return ent
    raise AssertionError(f"no entity with a mention at {mention!r}: {entities}")


def _offsets(text, *needles):
    """(start, end) of each needle, searching on from the previous one."""
    out, pos = [], 0
    for needle in needles:
        start = text.index(needle, pos)
        out.append((start, start + len(needle)))
        pos = start + len(needle)
    return out


MERGE_CASES = [
    # (text, a mention, canonical name, named mentions in order)
    ("Prime Minister Julia Hartmann arrived in Vienna on Monday. Hartmann met the press before leaving.",
     "Julia Hartmann", "Julia Hartmann", ["Julia Hartmann", "Hartmann"]),
    ("Hartmann spoke first. Later, Chancellor Julia Hartmann said the budget was balanced.",
     "Hartmann spoke", "Julia Hartmann", ["Hartmann", "Julia Hartmann"]),
    ("President Vladimir Putin spoke on Monday. Putin’s aides said Putin would travel on Friday.",
     "Vladimir Putin", "Vladimir Putin", ["Vladimir Putin", "Putin", "Putin"]),
]


@pytest.mark.parametrize("text,mention,name,mentions", MERGE_CASES)
def test_entities_merge_names_into_one_entity(nlp, text, mention, name, mentions):
    ent = _by_mention(_entities(nlp, text), text, mention)
    assert ent["name"] == name
    assert ent["type"] == "PERSON"
    named = [m for m in ent["mentions"] if m["text"][0].isupper()]
    assert [(m["start"], m["end"]) for m in named] == _offsets(text, *mentions)
    assert all(text[m["start"]:m["end"]] == m["text"] for m in ent["mentions"])


@pytest.mark.parametrize("text,possessive", [
    ("The talks ended when Hartmann’s deputy walked out. Julia Hartmann later apologised.", "Hartmann’s"),
    ("The talks ended when Hartmann's deputy walked out. Julia Hartmann later apologised.", "Hartmann's"),
])
def test_entities_possessive_excluded_from_mention(nlp, text, possessive):
    ent = _by_mention(_entities(nlp, text), text, possessive)
    first = min(ent["mentions"], key=lambda m: m["start"])
    start = text.index(possessive)
    assert (first["start"], first["end"], first["text"]) == (start, start + len("Hartmann"), "Hartmann")
    assert ent["name"] == "Julia Hartmann"


def test_entities_country_names_merge_by_code(nlp):
    text = "The United States and Canada signed the pact. U.S. officials said the US would ratify it soon."
    entities = _entities(nlp, text)
    usa = _by_mention(entities, text, "United States")
    assert usa["type"] == "GPE"
    assert usa["actor"] == {"country": "USA", "sector": None}
    texts = [m["text"] for m in usa["mentions"]]
    assert texts.count("United States") == 1 and "US" in texts
    canada = _by_mention(entities, text, "Canada")
    assert canada["id"] != usa["id"] and canada["actor"]["country"] == "CAN"


def test_entities_ids_in_order_of_first_mention_and_span_layer(nlp):
    text = "Julia Hartmann met Omar Haddad in Vienna. Haddad thanked Hartmann."
    doc = nlp(text)
    entities = doc._.entities
    assert [e["id"] for e in entities] == [f"E{i}" for i in range(1, len(entities) + 1)]
    firsts = [min(m["start"] for m in e["mentions"]) for e in entities]
    assert firsts == sorted(firsts)
    spans = doc.spans["entities.mentions"]
    by_id = {e["id"]: e for e in entities}
    assert len(spans) == sum(len(e["mentions"]) for e in entities)
    for span in spans:
        ent = by_id[span.kb_id_]
        assert span.label_ == ent["type"]
        assert {"start": span.start_char, "end": span.end_char, "text": span.text} in ent["mentions"]


def test_entities_missed_repeat_of_a_found_name_is_added(nlp):
    text = ("Omar Haddad, the mayor of Amman, opened the bridge on Sunday. Residents cheered when Haddad cut the "
            "ribbon, and Haddad later thanked the engineers.")
    ent = _by_mention(_entities(nlp, text), text, "Omar Haddad")
    assert [(m["start"], m["end"]) for m in ent["mentions"] if m["text"] != "he"] == _offsets(
        text, "Omar Haddad", "Haddad", "Haddad")


def test_entities_no_entity_from_contraction_or_lowercase(nlp):
    text = "Officials said they won’t leave the country altogether, and it isn’t over."
    assert all(any(c.isupper() for c in m["text"]) or e["type"] == "GROUP"
               for e in _entities(nlp, text) for m in e["mentions"])


def test_entities_weapon_model_name(nlp):
    text = "The army deployed its S-300 air defence system near the border."
    weapons = [e for e in _entities(nlp, text) if e["type"] == "WEAPON"]
    assert len(weapons) == 1
    start = text.index("S-300")
    assert weapons[0]["name"] == "S-300"
    assert weapons[0]["mentions"] == [{"start": start, "end": start + 5, "text": "S-300"}]


def test_entities_empty_and_unparsed_docs(nlp):
    assert nlp("")._.entities == []
    with nlp.select_pipes(disable=["parser"]):
        doc = nlp("Julia Hartmann visited Vienna. Hartmann said she was pleased.")
    assert not [e for e in doc._.errors or [] if e["stage"] == "entities"]
    names = {e["name"] for e in doc._.entities}
    assert "Vienna" in names and any("Hartmann" in n for n in names)



@pytest.mark.parametrize("words,spaces,span,label,expected", [
    # a spaced dash ends a name the model ran on into the next words
    (["won", "by", "Mr", "Okafor", "-", "Ontario", "and", "Quebec"], [True] * 7 + [False], (3, 6), "PERSON", "Okafor"),
    (["the", "Delta", "Union", "–", "Manitoba", "branch"], [True] * 5 + [False], (1, 5), "ORG", "Delta Union"),
    # an unspaced hyphen is part of the name
    (["said", "Amira", "al", "-", "Haddad", "today"], [True, True, False, False, True, False], (1, 5), "PERSON",
     "Amira al-Haddad"),
])
def test_entities_clean_span_stops_at_spaced_dash(words, spaces, span, label, expected):
    doc = Doc(Vocab(), words=words, spaces=spaces)
    start, end, _titles = clean_span(doc, span[0], span[1], label)
    first, last = doc[start], doc[end - 1]
    assert doc.text[first.idx:last.idx + len(last)] == expected
