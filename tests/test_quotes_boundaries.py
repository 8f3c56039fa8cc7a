"""Content boundaries (invented sentences, asserting offsets): a quoted fragment inside a reported clause stays
part of that mixed content and is not given to the reporting verb of the next sentence."""
from __future__ import annotations

import pytest


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _extract(nlp, text: str, convention: str) -> list[dict]:
    from newsevents.components.quotes import QuoteExtractor

    return QuoteExtractor(convention).extract(nlp(text))


MIXED_THEN_NEXT_CUE = [
    # (text, content of the mixed quote, cue of the next sentence)
    ("Governor Ellison says the council “has a plan for the harbour.” She warns that the budget is short.",
     "the council “has a plan for the harbour.”", "warns"),
    ("The coach said his players were “tired but proud.” He added that the season was over.",
     "his players were “tired but proud.”", "added"),
]


@pytest.mark.parametrize("convention", ["newsevents", "polnear"])
@pytest.mark.parametrize("text, mixed, next_cue", MIXED_THEN_NEXT_CUE)
def test_quotes_boundaries_fragment_stays_in_mixed_content(nlp, text, mixed, next_cue, convention):
    quotes = _extract(nlp, text, convention)
    inner = text[text.index("“") + 1:text.index("”")].rstrip(".")
    # no quote has the bare fragment as content with the next sentence's verb as cue
    assert not any(q["cue"] and q["cue"]["text"] == next_cue and inner in q["content"]["text"]
                   and q["content"]["start"] > text.index("“") - 1 for q in quotes)
    want = _span(text, mixed)
    if convention == "newsevents":  # the seed's convention drops "that" only; the clause starts at its subject
        assert any(q["kind"] == "mixed" and q["content"]["start"] == want[0] for q in quotes)
    else:
        assert any(q["kind"] == "mixed" and (q["content"]["start"], q["content"]["end"]) == want for q in quotes)
