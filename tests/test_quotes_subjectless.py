"""Speakers of reporting verbs the parse leaves without a subject (``quotes_rules.speaker_subject`` after
``verb_subject`` returns None): a quantity before the verb, a name parsed as an apposition inside a fronted
phrase, the number a participle hangs on, and a name after the verb parsed as the subject of a later clause.
Invented sentences, asserting offsets."""
from __future__ import annotations

import pytest
from quotes_helpers import by_content, extract, span

CASES = [
    # (text, speaker, content in the polnear convention)
    ("More than a third agreed that the old depot should close.", "More than a third",
     "that the old depot should close"),
    ("In a letter to the Tribune, the school's principal, Ana Ruiz, said the gym would reopen.",
     "the school's principal, Ana Ruiz", "the gym would reopen"),
    ("In an interview with the Herald, the club's treasurer, Peter Vance, said the fees would rise.",
     "the club's treasurer, Peter Vance", "the fees would rise"),
    ("Two letters reached the council, one listing the repairs that tenants want.", "one",
     "the repairs that tenants want"),
]


@pytest.mark.parametrize("text, speaker, content", CASES)
def test_quotes_subjectless_speaker(nlp, text, speaker, content):
    q = by_content(extract(nlp, text, "polnear"), text, content)
    assert q is not None
    assert q["speaker"] is not None
    assert (q["speaker"]["start"], q["speaker"]["end"]) == span(text, speaker)


def test_quotes_subjectless_name_after_verb():
    """“…,” said Jo Kemp, joking …: the sm parse sometimes makes the name the subject of the later clause (seen
    on PolNeAR train); built by hand, since the model parses invented sentences of this kind right."""
    import spacy
    from spacy.tokens import Doc

    from newsevents.components.quotes_rules import speaker_subject

    words = ["“", "Fine", ",", "”", "said", "Jo", "Kemp", ",", "joking", "."]
    heads = [4, 4, 4, 4, 4, 6, 8, 4, 4, 4]
    deps = ["punct", "ccomp", "punct", "punct", "ROOT", "compound", "nsubj", "punct", "ccomp", "punct"]
    pos = ["PUNCT", "ADJ", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT", "VERB", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    subj = speaker_subject(doc[4])
    assert subj is not None and subj.i == 6
