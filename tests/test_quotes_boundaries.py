"""Content boundaries (invented sentences, asserting offsets): a quoted fragment inside a reported clause stays
part of that mixed content and is not given to the reporting verb of the next sentence; a reporting clause
inside a relative clause splits its content in two pieces (``polnear``)."""
from __future__ import annotations

import pytest
from quotes_helpers import extract, offsets, span


MIXED_THEN_NEXT_CUE = [
    # (text, content of the mixed quote)
    ("Governor Ellison says the council “has a plan for the harbour.” She warns that the budget is short.",
     "the council “has a plan for the harbour.”"),
    ("The coach said his players were “tired but proud.” He added that the season was over.",
     "his players were “tired but proud.”"),
    # an apostrophe before the fragment is no quotation mark
    ("Governor Ellison says the city’s council “has a plan for the harbour.” She warns that the budget is short.",
     "the city’s council “has a plan for the harbour.”"),
    # a quote earlier in the paragraph: the fragment is not its same-paragraph continuation either
    ("“We played well,” the coach said. He said the referee was “far too strict.”",
     "the referee was “far too strict.”"),
]


@pytest.mark.parametrize("convention", ["newsevents", "polnear"])
@pytest.mark.parametrize("text, mixed", MIXED_THEN_NEXT_CUE)
def test_quotes_boundaries_fragment_stays_in_mixed_content(nlp, text, mixed, convention):
    quotes = extract(nlp, text, convention)
    last = text.rindex("“")
    inner = text[last + 1:text.rindex("”")].rstrip(".")
    # no quote has the bare fragment as its content
    assert not any(q["content"]["text"].rstrip(".") == inner for q in quotes)
    want = span(text, mixed)
    if convention == "newsevents":  # the seed's convention drops "that" only; the clause starts at its subject
        assert any(q["kind"] == "mixed" and q["content"]["start"] == want[0] for q in quotes)
    else:
        assert any(q["kind"] == "mixed" and offsets(q["content"]) == want for q in quotes)


def test_quotes_boundaries_quote_after_colon_stays_direct(nlp):
    text = "The mayor gave one answer to the council: “The bridge will reopen in May.”"
    quotes = extract(nlp, text, "polnear")
    want = span(text, "The bridge will reopen in May.")
    assert any(q["kind"] == "direct" and offsets(q["content"]) == want for q in quotes)


RELATIVE_CUES = [
    # (text, cue, speaker, first piece, second piece)
    ("The mayor praised the new bridge, which she said the state would pay for.",
     "said", "she", "which", "the state would pay for"),
    ("Farmers fear the drought, which officials say could last until spring.",
     "say", "officials", "which", "could last until spring"),
]


@pytest.mark.parametrize("text, cue, speaker, first, second", RELATIVE_CUES)
def test_quotes_boundaries_relative_cue_splits_content(nlp, text, cue, speaker, first, second):
    quotes = extract(nlp, text, "polnear")
    pieces = [q for q in quotes if offsets(q["cue"]) == span(text, cue)]
    assert sorted(offsets(q["content"]) for q in pieces) == [span(text, first), span(text, second)]
    assert all(offsets(q["speaker"]) == span(text, speaker) for q in pieces)
    # the default convention keeps the words after the cue, one content
    default = [q for q in extract(nlp, text, "newsevents") if offsets(q["cue"]) == span(text, cue)]
    assert [(offsets(q["content"]), offsets(q["speaker"])) for q in default] == [(span(text, second),
                                                                                   span(text, speaker))]


@pytest.mark.parametrize("convention", ["newsevents", "polnear"])
def test_quotes_boundaries_title_is_no_direct_quote(nlp, convention):
    text = "Speaking on KTVX\u2019s \u201cMorning Report,\u201d Mayor Anna Berg said the bridge would reopen in May."
    quotes = extract(nlp, text, convention)
    assert not any(q["kind"] == "direct" for q in quotes)
    (q,) = quotes
    assert offsets(q["speaker"]) == span(text, "Mayor Anna Berg") and offsets(q["cue"]) == span(text, "said")


@pytest.mark.parametrize("text, title", [
    ("Voters chanted \u201cSave Our Mill\u201d outside the hall.", False),  # a verb names it: PolNeAR annotates it
    ("Voters watched KTVX\u2019s \u201cMorning Report\u201d at the hall.", True),
])
def test_quotes_boundaries_title_named_by_verb_stays(nlp, text, title):
    from newsevents.components.quotes import _named_title
    from newsevents.components.quotes_marks import find_quoted

    (q,) = find_quoted(text)
    assert _named_title(nlp(text), text, q) is title


CONTINUED_QUOTES = [
    # (text, second quote, speaker, cue): the second quote continues the first one's speech
    ("\u201cThere was smoke on the bridge,\u201d the captain said. \u201cNobody moved.\u201d",
     "Nobody moved.", "the captain", "said"),
    ("\u201cWe can finish the road by May,\u201d Mayor Anna Berg said, noting that the budget was approved. "
     "\u201cThe crews are ready to start.\u201d", "The crews are ready to start.", "Mayor Anna Berg", "said"),
    # past a relative clause of the speaker with its own cue
    ("\u201cWe will keep the clinic open,\u201d said Dr. Lena Park, who said she had worked there for years. "
     "\u201cThe town needs it more than ever.\u201d", "The town needs it more than ever.",
     "Dr. Lena Park, who said she had worked there for years", "said"),
    # after a mixed quote
    ("Whatever happens, the council \u201chas earned a second term,\u201d Mayor Anna Berg said. "
     "\u201cThe voters know what we built.\u201d", "The voters know what we built.", "Mayor Anna Berg", "said"),
]


@pytest.mark.parametrize("convention", ["newsevents", "polnear"])
@pytest.mark.parametrize("text, second, speaker, cue", CONTINUED_QUOTES)
def test_quotes_boundaries_same_paragraph_continuation(nlp, text, second, speaker, cue, convention):
    quotes = extract(nlp, text, convention)
    found = [q for q in quotes if offsets(q["content"]) == span(text, second)]
    assert found and found[0]["kind"] == "direct", quotes
    assert offsets(found[0]["speaker"]) == span(text, speaker)
    assert offsets(found[0]["cue"]) == span(text, cue)


def test_quotes_boundaries_short_quote_mid_sentence_is_no_continuation(nlp):
    text = "\u201cThe bridge will reopen in May,\u201d the mayor said. She called the plan \u201cvery good\u201d."
    quotes = extract(nlp, text, "polnear")
    assert not any(q["kind"] == "direct" and offsets(q["content"]) == span(text, "very good") for q in quotes)


@pytest.mark.parametrize("text, clause", [
    ("\u201cThe clinic will stay open for the whole winter\u201d Dr. Lena Park said.", True),  # opens its sentence
    ("Staff called the clinic \u201copen for the whole winter\u201d Dr. Lena Park said.", False),  # a fragment
])
def test_quotes_boundaries_quote_opening_sentence_needs_no_comma(nlp, text, clause):
    from newsevents.components.quotes_direct import _attribution_clause
    from newsevents.components.quotes_marks import find_quoted

    doc = nlp(text)
    (q,) = find_quoted(text)
    first = next(t.i for t in doc if t.idx >= q.close)
    verb = next(t for t in doc if t.text == "said")
    assert _attribution_clause(doc, text, q, first, verb) is clause


@pytest.mark.parametrize("text, continued", [
    # after an indirect attribution, a quote opening a sentence continues it; one inside a sentence does not
    ("Mayor Anna Berg said the bridge would reopen in May. \u201cThe crews are working every night now.\u201d", True),
    ("Mayor Anna Berg said the bridge would reopen. Crews called it \u201cthe hardest job in years\u201d again.",
     False),
])
def test_quotes_boundaries_quote_after_indirect(nlp, text, continued):
    quotes = extract(nlp, text, "polnear")
    last = text.index("\u201c")
    direct = [q for q in quotes if q["kind"] == "direct" and q["content"]["start"] == last + 1]
    assert bool(direct) is continued, quotes
    if continued:
        assert offsets(direct[0]["speaker"]) == span(text, "Mayor Anna Berg")


def test_quotes_boundaries_long_speaker_before_verb(nlp):
    from newsevents.components.quotes_direct import direct_rules
    from newsevents.components.quotes_marks import find_quoted

    text = "\u201cWe will rebuild the school,\u201d Ana Ruiz, a retired teacher who lived in the town for years, said."
    (att,) = direct_rules(nlp(text), text, find_quoted(text), recipient=False)
    assert att.rule == "quote-then-cue" and att.cue == span(text, "said")
    assert text[att.speaker[0]:att.speaker[1]].startswith("Ana Ruiz")


def test_quotes_boundaries_colon_after_any_verb_with_subject(nlp):
    from newsevents.components.quotes_direct import direct_rules
    from newsevents.components.quotes_marks import find_quoted

    text = "As Professor Ana Ruiz put it: \u201cThe town has never been this divided.\u201d"
    (att,) = direct_rules(nlp(text), text, find_quoted(text), recipient=False)
    assert att.rule == "cue-then-quote" and att.cue == span(text, "put")
    assert att.speaker == span(text, "Professor Ana Ruiz")
