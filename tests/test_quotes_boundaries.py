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
    # (text, content of the mixed quote)
    ("Governor Ellison says the council “has a plan for the harbour.” She warns that the budget is short.",
     "the council “has a plan for the harbour.”"),
    ("The coach said his players were “tired but proud.” He added that the season was over.",
     "his players were “tired but proud.”"),
    # a quote earlier in the paragraph: the fragment is not its same-paragraph continuation either
    ("“We played well,” the coach said. He said the referee was “far too strict.”",
     "the referee was “far too strict.”"),
]


@pytest.mark.parametrize("convention", ["newsevents", "polnear"])
@pytest.mark.parametrize("text, mixed", MIXED_THEN_NEXT_CUE)
def test_quotes_boundaries_fragment_stays_in_mixed_content(nlp, text, mixed, convention):
    quotes = _extract(nlp, text, convention)
    last = text.rindex("“")
    inner = text[last + 1:text.rindex("”")].rstrip(".")
    # no quote has the bare fragment as its content
    assert not any(q["content"]["text"].rstrip(".") == inner for q in quotes)
    want = _span(text, mixed)
    if convention == "newsevents":  # the seed's convention drops "that" only; the clause starts at its subject
        assert any(q["kind"] == "mixed" and q["content"]["start"] == want[0] for q in quotes)
    else:
        assert any(q["kind"] == "mixed" and (q["content"]["start"], q["content"]["end"]) == want for q in quotes)


def test_quotes_boundaries_quote_after_colon_stays_direct(nlp):
    text = "The mayor gave one answer to the council: “The bridge will reopen in May.”"
    quotes = _extract(nlp, text, "polnear")
    want = _span(text, "The bridge will reopen in May.")
    assert any(q["kind"] == "direct" and (q["content"]["start"], q["content"]["end"]) == want for q in quotes)
