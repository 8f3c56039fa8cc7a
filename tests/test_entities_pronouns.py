"""Entities stage: pronoun links where exactly one entity fits, refusals otherwise (invented sentences)."""
from __future__ import annotations

import pytest


def _owner_of(entities, text, needle, occurrence=0):
    """The entity with a mention at the ``occurrence``-th place of ``needle`` (None when unlinked)."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    for ent in entities:
        for m in ent["mentions"]:
            if m["start"] == start:
                assert (m["end"], m["text"]) == (start + len(needle), needle)
                return ent["name"]
    return None


LINKED = [
    # (text, pronoun, its occurrence, expected entity name)
    ("Maria Lopez arrived in Lima on Tuesday.\n\nShe said the plan was ready.", "She", 0, "Maria Lopez"),
    ("John Carter said on Monday that he would resign.", "he", 0, "John Carter"),
    ("John Carter met Peter Novak in Oslo. Carter said he would resign.", "he", 0, "John Carter"),
    ("John Carter met Peter Novak in Oslo.\n\nHe and Novak agreed on a date.", "He", 0, "John Carter"),
    ("The Zambian health ministry said clinics would reopen. It rejected claims of a shortage.", "It", 0,
     "Zambian health ministry"),
]


@pytest.mark.parametrize("text,pronoun,occurrence,name", LINKED)
def test_entities_pronoun_linked(nlp, text, pronoun, occurrence, name):
    assert _owner_of(nlp(text)._.entities, text, pronoun, occurrence) == name


REFUSED = [
    ("Maria Lopez met Sarah Collins in Lima.\n\nShe said the plan was ready.", "She", 0),
    ("John Carter met Peter Novak in Oslo. Later a reporter asked him about the deal.", "him", 0),
    ("The storm hit the coast. It destroyed hundreds of homes.", "It", 0),
    ("The Zambian health ministry said clinics would reopen. It is clear that supplies are short.", "It", 0),
    ("The weather was calm.\n\nAnother paragraph follows.\n\nHe said nothing.", "He", 0),
]


@pytest.mark.parametrize("text,pronoun,occurrence", REFUSED)
def test_entities_pronoun_refused_when_ambiguous(nlp, text, pronoun, occurrence):
    assert _owner_of(nlp(text)._.entities, text, pronoun, occurrence) is None


def test_entities_pronoun_gender_learned_from_title(nlp):
    text = "Mrs Maria Lopez met Mr John Carter in Lima.\n\nShe said the plan was ready."
    assert _owner_of(nlp(text)._.entities, text, "She") == "Maria Lopez"


def test_entities_object_pronoun_is_not_its_own_subject(nlp):
    text = "John Carter met Peter Novak in Oslo. Novak praised him."
    assert _owner_of(nlp(text)._.entities, text, "him") == "John Carter"


def test_entities_pronoun_subject_search_stops_at_a_root_without_subject(nlp):
    # regression: the walk up the parse compared Token objects by identity and never reached the root
    text = "Ask John Carter and Peter Novak whether he will resign."
    assert _owner_of(nlp(text)._.entities, text, "he") is None
