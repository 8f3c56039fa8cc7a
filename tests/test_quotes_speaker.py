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
