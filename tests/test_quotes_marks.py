"""Quote-mark scanning (components/quotes_marks.py): offsets of quoted stretches, never an exception."""
from __future__ import annotations

import pytest

from newsevents.components.quotes_marks import find_quoted


def _inner(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quoted(text)]


@pytest.mark.parametrize("text, expected", [
    ("\u201cWe will rebuild the bridge,\u201d the mayor said.", ["We will rebuild the bridge,"]),
    ('"We will rebuild the bridge," the mayor said.', ["We will rebuild the bridge,"]),
    ("''We will rebuild,'' the mayor said.", ["We will rebuild,"]),
    ("The mayor said: \u201cThe river is high. We are ready.\u201d", ["The river is high. We are ready."]),
    ("He called the plan \u201ca disaster\u201d and \u201ca waste\u201d.", ["a disaster", "a waste"]),
    # nested single quotes stay inside the outer quote
    ("\u201cShe told me \u2018go home\u2019 and left,\u201d he said.", ["She told me \u2018go home\u2019 and left,"]),
    # apostrophes are not quote marks
    ("\u201cWe don\u2019t know,\u201d she said.", ["We don\u2019t know,"]),
])
def test_quotes_marks_offsets(text, expected):
    assert _inner(text) == expected
    for q in find_quoted(text):
        assert text[q.open] in "\u201c\"'"
        assert q.open < q.start <= q.end < q.close


def test_quotes_marks_multi_paragraph_continuation():
    text = ("\u201cThe first part of the speech runs on.\n\n"
            "\u201cThe second part closes it,\u201d she said.\n\nNo quote here.")
    qs = find_quoted(text)
    assert [(q.closed, q.continuation, q.paragraph) for q in qs] == [(False, False, 0), (True, True, 1)]
    assert text[qs[0].start:qs[0].end] == "The first part of the speech runs on."
    assert qs[1].start == text.index("The second")


def test_quotes_marks_unclosed_without_reopening_is_not_a_continuation():
    text = "\u201cAn unclosed quote.\n\nA plain paragraph with \u201cwords\u201d in it."
    qs = find_quoted(text)
    assert [q.continuation for q in qs] == [False, False]
    assert text[qs[1].start:qs[1].end] == "words"


@pytest.mark.parametrize("text", [
    "\u201d\u201d\u201c", '"', "a \u201d b \u201c", "\u201c\u201c\u201c x", "''", "\u00bb odd \u00ab", "\n\n\u201c\n\u201d\n", "",
])
def test_quotes_marks_bad_marks_never_raise(text):
    for q in find_quoted(text):
        assert 0 <= q.open <= q.start <= q.end <= q.close <= len(text)


def test_quotes_marks_stray_closer_opens_at_paragraph_start():
    text = "\u201dWe will win,\u201d he said."
    assert _inner(text) == ["We will win,"]


@pytest.mark.parametrize("text, inner, title", [
    ("Speaking on KTVX\u2019s \u201cMorning Report,\u201d the mayor said the bridge would reopen.", "Morning Report,", True),
    ("She praised his memoir \u201cA Long Road Home\u201d in her speech.", "A Long Road Home", True),
    # speech: at a sentence start, after a comma or colon, or in lower case
    ("\u201cWe Will Win,\u201d the coach said.", "We Will Win,", False),
    ("The coach told them: \u201cNever Give Up.\u201d", "Never Give Up.", False),
    ("The coach said the team was \u201ctired but proud.\u201d", "tired but proud.", False),
    # too long for a title
    ("He cited \u201cThe Long And Winding Story Of How The River Town Rebuilt Itself\u201d often.",
     "The Long And Winding Story Of How The River Town Rebuilt Itself", False),
])
def test_quotes_marks_title_named_in_sentence(text, inner, title):
    from newsevents.components.quotes_marks import is_title

    (q,) = find_quoted(text)
    assert text[q.start:q.end] == inner
    assert is_title(text, q) is title


@pytest.mark.parametrize("text, opens", [
    ("\u201cThe road is closed\u201d the mayor said.", True),
    ("The road is closed. \u201cNobody may pass\u201d he said.", True),
    ("The mayor said the road was \u201cclosed for good\u201d today.", False),
])
def test_quotes_marks_quote_opens_sentence(text, opens):
    from newsevents.components.quotes_marks import opens_sentence

    (q,) = find_quoted(text)
    assert opens_sentence(text, q) is opens
