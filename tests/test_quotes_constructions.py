"""The quotes stage on each construction it must handle (texts written for these tests), asserting offsets."""
from __future__ import annotations

import pytest
from quotes_helpers import extract, offsets, span


def _one(record, content: str):
    found = [q for q in record.quotes if q.content.text == content]
    assert found, f"no quote with content {content!r}: {[q.content.text for q in record.quotes]}"
    return found[0]


CASES = [
    # (text, content, cue, speaker, kind)
    ("\u201cWe will rebuild the bridge before winter,\u201d Mayor Anna Berg said on Tuesday.",
     "We will rebuild the bridge before winter", "said", "Mayor Anna Berg", "direct"),
    ('"The water is rising fast," said Tomas Leclerc, the head of the river authority.',
     "The water is rising fast", "said", "Tomas Leclerc, the head of the river authority", "direct"),
    ("The minister said: \u201cOur farmers need help now.\u201d",
     "Our farmers need help now.", "said", "The minister", "direct"),
    ("Governor Ruth Ellison made it clear that the state will not raise fuel taxes this year.",
     "the state will not raise fuel taxes this year", "made it clear", "Governor Ruth Ellison", "indirect"),
    ("Police chief Dan Okafor told reporters that two suspects had been arrested.",
     "two suspects had been arrested", "told reporters", "Police chief Dan Okafor", "indirect"),
    ("The agency quoted General Mirko Tal as saying that the troops would stay in the north.",
     "the troops would stay in the north", "quoted General Mirko Tal as saying", "General Mirko Tal", "indirect"),
    ("According to the health ministry, 40 people were treated in hospital.",
     "40 people were treated in hospital", "According to", "the health ministry", "indirect"),
    # a time line above the paragraph, parsed into its sentence, stays out of the content
    ("Posted at 10:12 a.m.\nThe road stays closed until Friday, according to county officials.",
     "The road stays closed until Friday", "according to", "county officials", "indirect"),
    ("The bridge will reopen in May, Mayor Anna Berg said.",
     "The bridge will reopen in May", "said", "Mayor Anna Berg", "indirect"),
    ("The council leader said the vote would take place next week.",
     "the vote would take place next week", "said", "The council leader", "indirect"),
    ("The union said the offer was \u201can insult to every worker\u201d.",
     "the offer was \u201can insult to every worker\u201d", "said", "The union", "mixed"),
    ("\u201cWe will not give up\u201d \u2014 Maria Duarte, a protest organiser.",
     "We will not give up", None, "Maria Duarte, a protest organiser", "direct"),
    ("\u201cShe told me \u2018go home\u2019 and walked away,\u201d the witness said.",
     "She told me \u2018go home\u2019 and walked away", "said", "the witness", "direct"),
]


@pytest.mark.parametrize("text, content, cue, speaker, kind", CASES)
def test_quotes_constructions_offsets(run, text, content, cue, speaker, kind):
    rec = run(text)
    q = _one(rec, content)
    assert (q.content.start, q.content.end) == span(text, content)
    assert q.kind == kind
    assert (q.cue.start, q.cue.end) == span(text, cue) if cue else q.cue is None
    assert (q.speaker.start, q.speaker.end) == span(text, speaker)
    assert q.text == text[q.start:q.end]
    assert q.start <= min(q.content.start, q.speaker.start) and q.end >= q.content.end
    assert not q.carried_over


def test_quotes_constructions_split_quote_shares_cue(run):
    text = "\u201cThe harvest failed twice,\u201d the farmer said. \u201cWe had nothing left.\u201d"
    rec = run(text)
    first, second = _one(rec, "The harvest failed twice"), _one(rec, "We had nothing left.")
    assert first.cue.start == second.cue.start == text.index("said")
    assert (second.speaker.start, second.speaker.end) == span(text, "the farmer")


def test_quotes_constructions_carried_over_paragraph(run):
    text = ("Senator Paul Hixon spoke to the crowd in Dayton.\n\n"
            "\u201cWe need jobs in this valley. We need them now,\u201d he said.\n\n"
            "\u201cNobody in Washington listens to us.\u201d")
    rec = run(text)
    said = _one(rec, "We need jobs in this valley. We need them now")
    carried = _one(rec, "Nobody in Washington listens to us.")
    assert not said.carried_over and carried.carried_over
    assert carried.cue is None and carried.kind == "direct"
    assert (carried.speaker.start, carried.speaker.end) == span(text, "he", text.index("he said"))
    assert carried.speaker.entity_id == said.speaker.entity_id


def test_quotes_constructions_multi_paragraph_quote(run):
    text = ("Coach Lena Park told the team that the season was not over.\n\n"
            "\u201cWe lost three games in a row. That happens to every team.\n\n"
            "\u201cBut we train harder than anyone in this league.\u201d")
    rec = run(text)
    first = _one(rec, "We lost three games in a row. That happens to every team.")
    second = _one(rec, "But we train harder than anyone in this league.")
    assert first.kind == second.kind == "direct"
    assert first.carried_over and second.carried_over
    assert (first.cue.start, first.cue.end) == span(text, "told the team")
    assert second.cue is None
    assert (second.speaker.start, second.speaker.end) == span(text, "Coach Lena Park")


@pytest.mark.parametrize("text", [
    "A stray \u201d mark and an \u201cunclosed quote. The minister said the talks will go on.",
    "\u201c\u201c\u201d \" '' `` \u201d\n\n\u201c",
    "The minister said the talks will go on \u201d\u201d.",
])
def test_quotes_constructions_bad_marks_do_not_abort(run, text):
    rec = run(text)
    assert rec.status == "ok" and not rec.errors
    for q in rec.quotes:
        assert q.content.text == text[q.content.start:q.content.end]
    if "minister said" in text:
        q = _one(rec, "the talks will go on")
        assert q.kind == "indirect" and q.speaker.text == "The minister"


def test_quotes_constructions_span_layers(nlp):
    doc = nlp("\u201cWe will rebuild the bridge,\u201d Mayor Anna Berg said.")
    assert [s.text for s in doc.spans["quotes.content"]] == ["We will rebuild the bridge"]
    assert [s.text for s in doc.spans["quotes.cue"]] == ["said"]
    assert [s.text for s in doc.spans["quotes.speaker"]] == ["Mayor Anna Berg"]
    assert [q["id"] for q in doc._.quotes] == ["Q1"]


@pytest.mark.parametrize("convention, content, cue", [
    ("newsevents", "two suspects had been arrested", "told reporters"),
    ("polnear", "that two suspects had been arrested", "told"),
])
def test_quotes_constructions_conventions(nlp, convention, content, cue):
    text = "Police chief Dan Okafor told reporters that two suspects had been arrested."
    (q,) = extract(nlp, text, convention)
    assert offsets(q["content"]) == span(text, content)
    assert offsets(q["cue"]) == span(text, cue)
