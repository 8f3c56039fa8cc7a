"""Recall rules learned from PolNeAR train (invented sentences, asserting offsets): the headline colon in every
convention, and PolNeAR's broader attribution verbs ("wants", "endorses", "called for") only with
``convention="polnear"``."""
from __future__ import annotations

import pytest
from quotes_helpers import by_content, extract, span

HEADLINES = [
    # (text, source, content)
    ("Mayor Berg: Bridge Repairs Will Finish Before Winter.\n\nThe city council met on Monday.",
     "Mayor Berg", "Bridge Repairs Will Finish Before Winter"),
    ("Poll: Ellison Leads Hixon by Five Points in Ohio.\n\nVoters were asked in October.",
     "Poll", "Ellison Leads Hixon by Five Points in Ohio"),
]


@pytest.mark.parametrize("convention", ["newsevents", "polnear"])
@pytest.mark.parametrize("text, source, content", HEADLINES)
def test_quotes_polnear_rules_headline_colon(nlp, text, source, content, convention):
    q = by_content(extract(nlp, text, convention), text, content)
    assert q is not None
    assert (q["speaker"]["start"], q["speaker"]["end"]) == span(text, source)
    assert (q["cue"]["start"], q["cue"]["end"]) == (text.index(":"), text.index(":") + 1)


def test_quotes_polnear_rules_colon_after_verb_is_not_headline(nlp):
    text = "The report found three things: delays, cost overruns and missing permits."
    quotes = extract(nlp, text, "newsevents")
    assert all(q["cue"] is None or q["cue"]["text"] != ":" for q in quotes)


POLNEAR_ONLY = [
    # (text, source, cue, content): attribution frames PolNeAR train marks as cues (rate >= 0.3 / 0.5 for
    # prepositions) that are not reported speech in the default convention
    ("Senator Ruth Ellison wants the bridge rebuilt by May.", "Senator Ruth Ellison", "wants",
     "the bridge rebuilt by May"),
    ("The farmers union endorses the new water plan.", "The farmers union", "endorses", "the new water plan"),
    ("Governor Tomas Leclerc called for an inquiry into the flood response.", "Governor Tomas Leclerc",
     "called for", "an inquiry into the flood response"),
]


@pytest.mark.parametrize("text, source, cue, content", POLNEAR_ONLY)
def test_quotes_polnear_rules_attribution_verbs(nlp, text, source, cue, content):
    q = by_content(extract(nlp, text, "polnear"), text, content)
    assert q is not None, extract(nlp, text, "polnear")
    assert (q["speaker"]["start"], q["speaker"]["end"]) == span(text, source)
    assert (q["cue"]["start"], q["cue"]["end"]) == span(text, cue)
    assert by_content(extract(nlp, text, "newsevents"), text, content) is None


@pytest.mark.parametrize("text, source, cue, left, right", [
    ("The new ferry, the harbour master said, will carry 400 passengers.", "the harbour master", "said",
     "The new ferry", "will carry 400 passengers"),
    ("Most farmers, Ruth Ellison argued, cannot afford the new diesel tax.", "Ruth Ellison", "argued",
     "Most farmers", "cannot afford the new diesel tax"),
])
def test_quotes_polnear_rules_interrupting_cue(nlp, text, source, cue, left, right):
    # PolNeAR convention: the content in two pieces around the reporting clause, both with its cue and source
    quotes = extract(nlp, text, "polnear")
    for piece in (left, right):
        q = by_content(quotes, text, piece)
        assert q is not None, quotes
        assert (q["cue"]["start"], q["cue"]["end"]) == span(text, cue)
        assert (q["speaker"]["start"], q["speaker"]["end"]) == span(text, source)
    # default convention: one content over the whole reported clause
    whole = text[text.index(left):text.index(right) + len(right)]
    q = by_content(extract(nlp, text, "newsevents"), text, whole)
    assert q is not None and (q["cue"]["start"], q["cue"]["end"]) == span(text, cue)
