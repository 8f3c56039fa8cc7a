"""Speaker linking (components/quotes_speaker.py): entity mentions, pronoun fallback, missing entities."""
from __future__ import annotations

import pytest


def _mention(text: str, part: str, after: int = 0) -> dict:
    start = text.index(part, after)
    return {"start": start, "end": start + len(part), "text": part}


def _quotes_with(nlp, text: str, entities):
    """Run the pipeline, then the quotes stage again over hand-made ``doc._.entities``."""
    doc = nlp(text)
    doc._.entities = entities
    return nlp.get_pipe("quotes")(doc)._.quotes


def _speakers(quotes) -> list[tuple[str, str | None]]:
    return [(q["speaker"]["text"], q["speaker"]["entity_id"]) for q in quotes if q["speaker"]]


def test_quotes_speaker_links_overlapping_mention_with_head(nlp):
    text = "Radio Nova\u2019s Ines Moreau said the strike would end on Friday."
    ents = [{"id": "E1", "name": "Radio Nova", "type": "ORG", "mentions": [_mention(text, "Radio Nova")]},
            {"id": "E2", "name": "Ines Moreau", "type": "PERSON", "mentions": [_mention(text, "Ines Moreau")]}]
    assert _speakers(_quotes_with(nlp, text, ents)) == [("Radio Nova\u2019s Ines Moreau", "E2")]


def test_quotes_speaker_pronoun_in_entity_mentions(nlp):
    text = "Ines Moreau spoke first. She said the strike would end on Friday."
    ents = [{"id": "E7", "name": "Ines Moreau", "type": "PERSON",
             "mentions": [_mention(text, "Ines Moreau"), _mention(text, "She")]}]
    assert _speakers(_quotes_with(nlp, text, ents)) == [("She", "E7")]


def test_quotes_speaker_pronoun_fallback_to_previous_speaker(nlp):
    text = ("Mayor Tom Reed said the bridge was safe. The transport agency said the road was closed. "
            "It said repairs would take a week. He said the city would pay.")
    ents = [{"id": "E1", "name": "Tom Reed", "type": "PERSON", "mentions": [_mention(text, "Mayor Tom Reed")]},
            {"id": "E2", "name": "transport agency", "type": "ORG",
             "mentions": [_mention(text, "The transport agency")]}]
    assert _speakers(_quotes_with(nlp, text, ents)) == [
        ("Mayor Tom Reed", "E1"), ("The transport agency", "E2"), ("It", "E2"), ("He", "E1")]


def test_quotes_speaker_pronoun_keeps_gender(nlp):
    text = ("Anna Berg said the port would reopen. She said ships were waiting. "
            "Tom Reed said the road was closed. She said the ferries would run.")
    ents = [{"id": "E1", "name": "Anna Berg", "type": "PERSON",
             "mentions": [_mention(text, "Anna Berg"), _mention(text, "She")]},
            {"id": "E2", "name": "Tom Reed", "type": "PERSON", "mentions": [_mention(text, "Tom Reed")]}]
    assert [e for _, e in _speakers(_quotes_with(nlp, text, ents))] == ["E1", "E1", "E2", "E1"]


@pytest.mark.parametrize("entities", [None, [], [{"bad": 1}], [{"id": "E1", "type": "PERSON", "mentions": None}]])
def test_quotes_speaker_without_entities(nlp, entities):
    text = "He said the talks would resume. The council said it would vote on Monday."
    quotes = _quotes_with(nlp, text, entities)
    assert [s for s, _ in _speakers(quotes)] == ["He", "The council"]
    assert all(e is None for _, e in _speakers(quotes))


def _parsed(words, heads, deps, pos):
    """A doc with a hand-written (mis)parse, as the parser gives it (no model involved)."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


SPEAKER_PARSE_ERRORS = [
    # (words, heads, deps, pos, reporting verb index, expected speaker head index)
    # a time line above the paragraph parsed as a second subject: the nearest subject before the verb speaks
    (["9:30", "p.m.", "\n\n", "Donald", "Trump", "says", "he", "may", "move", "."],
     [1, 5, 1, 4, 5, 5, 8, 8, 5, 5],
     ["nummod", "nsubj", "dep", "compound", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
     ["NUM", "NOUN", "SPACE", "PROPN", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"], 5, 4),
    # the name before the verb parsed as its compound ("…,” Viguerie notes.")
    (["\u201c", "We", "win", ",", "\u201d", "Viguerie", "notes", "."],
     [6, 2, 6, 6, 6, 6, 6, 6],
     ["punct", "nsubj", "ccomp", "punct", "punct", "compound", "ROOT", "punct"],
     ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PROPN", "VERB", "PUNCT"], 6, 5),
    # an ordinary subject is kept
    (["The", "mayor", "said", "it", "rained", "."], [1, 2, 2, 4, 2, 2],
     ["det", "nsubj", "ROOT", "nsubj", "ccomp", "punct"], ["DET", "NOUN", "VERB", "PRON", "VERB", "PUNCT"], 2, 1),
]


@pytest.mark.parametrize("words, heads, deps, pos, verb, speaker", SPEAKER_PARSE_ERRORS)
def test_quotes_speaker_subject_mends_parse_errors(words, heads, deps, pos, verb, speaker):
    from newsevents.components.quotes_rules import speaker_subject

    doc = _parsed(words, heads, deps, pos)
    assert speaker_subject(doc[verb]).i == speaker
