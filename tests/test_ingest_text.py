"""clean_text: promo and navigation lines go, every real paragraph stays, headline/standfirst/credit become meta."""
from __future__ import annotations

import json

import pytest

from newsevents.ingest.text import clean_text, split_paragraphs

ARTICLE = (
    "Ferry service to Skarra island resumes after storm\n\n"
    "The first boat in a week leaves the mainland as crews clear the damaged pier.\n\n"
    "The ferry to Skarra island sailed again on Friday, a week after a storm tore part of the pier away.\n\n"
    "READ MORE: Islanders count the cost of the worst storm in decades\n\n"
    "The operator said two crossings a day would run until repairs were finished.\n\n"
    "Pier repairs could take until the summer\n\n"
    "“We missed the boat more than anything,” said one islander.\n\n"
    "Source: Island Post, news agencies"
)
TITLE = "Ferry service to Skarra island resumes after storm"
STANDFIRST = "The first boat in a week leaves the mainland as crews clear the damaged pier."


def test_ingest_text_removes_promos_and_keeps_offsets():
    text, meta, removed = clean_text(ARTICLE)
    assert removed == [
        "READ MORE: Islanders count the cost of the worst storm in decades",
        "Pier repairs could take until the summer",
        "Source: Island Post, news agencies",
    ]
    assert meta == {"title": TITLE, "standfirst": STANDFIRST, "outlet": "Island Post"}
    # headline and standfirst stay in the canonical text as its first two paragraphs
    assert text[0:len(TITLE)] == TITLE
    start = len(TITLE) + 2
    assert text[start:start + len(STANDFIRST)] == STANDFIRST
    quote = "“We missed the boat more than anything,” said one islander."
    assert text.endswith(quote) and text.index(quote) == len(text) - len(quote)
    assert text.split("\n\n")[3] == "The operator said two crossings a day would run until repairs were finished."
    assert len(text.split("\n\n")) == 5


@pytest.mark.parametrize("line, dropped", [
    ("READ MORE: Ten things to know about the vote", True),
    ("Read more: Ten things to know about the vote", True),
    ("Inside Story – Who gains from the ceasefire?", True),
    ("Watch: Rescuers search the rubble", True),
    ("Related: Minister resigns over budget row", True),
    ("ALSO READ | The town that banned cars", True),
    ("Advertisement", True),
    ("Share this article", True),
    ("Analysis: Why the talks failed", True),
    # "headline" mode prefixes do not drop a sentence that merely starts with the word
    ("Analysis: the figures show that exports fell by a third in the year to March.", False),
    ("Watch out for falling rocks, the ranger warned the hikers on the path.", False),
    ("More than 200 people were hurt in the crush, the health ministry said.", False),
])
def test_ingest_text_prefix_lines(line, dropped):
    raw = f"The first paragraph ends here.\n\n{line}\n\nThe last paragraph ends here."
    text, _meta, removed = clean_text(raw, headline=False)
    assert (removed == [line]) is dropped
    assert (line in text.split("\n\n")) is not dropped


@pytest.mark.parametrize("middle, dropped", [
    ("Rebels seize border town in overnight raid", True),         # related headline between paragraphs
    ("“No.”", False),                                              # one-line quote
    ("He declined to comment.", False),                            # short real paragraph
    ("Why does it matter?", False),                                # question ends in punctuation
    ("Talks resume", False),                                       # too short to call
    ("- 300 troops withdrawn from the north", False),              # list item
    ("the talks resume next week in the capital", False),          # lower case: a broken paragraph
    ("CROWDS GATHERED OUTSIDE THE COURT ALL DAY", False),           # all-caps caption fragment
])
def test_ingest_text_standalone_lines(middle, dropped):
    raw = f"Officials met in the capital on Monday.\n\n{middle}\n\nThey will meet again in May."
    text, _meta, removed = clean_text(raw, headline=False)
    assert (middle in removed) is dropped
    assert text.startswith("Officials met in the capital on Monday.\n\n")


def test_ingest_text_list_after_colon_is_kept():
    raw = ("The union made three demands:\n\nA pay rise for all port staff\n\nShorter night shifts at the docks\n\n"
           "The authority has not replied.")
    text, _meta, removed = clean_text(raw, headline=False)
    assert removed == []
    assert text.split("\n\n")[1:3] == ["A pay rise for all port staff", "Shorter night shifts at the docks"]


def test_ingest_text_headline_not_followed_by_new_paragraph_is_kept():
    # the next paragraph starts in lower case: the short line is the first half of a broken paragraph
    raw = "The mayor spoke first.\n\nThe council will vote on the plan\n\nnext month, officials said."
    _text, _meta, removed = clean_text(raw, headline=False)
    assert removed == []


@pytest.mark.parametrize("raw, expected", [
    ("  Too   many\tspaces  here.  \n\nNext\u00a0paragraph.", ["Too many spaces here.", "Next paragraph."]),
    ("Line one\r\nwraps here.\r\n\r\nSecond.", ["Line one wraps here.", "Second."]),
    ("One per line.\nAnother one.", ["One per line.", "Another one."]),
    ("Before.\nREAD MORE: Promo glued to a wrapped line\nAfter.\n\nLast.",
     ["Before.", "READ MORE: Promo glued to a wrapped line", "After.", "Last."]),
])
def test_ingest_text_split_paragraphs(raw, expected):
    assert split_paragraphs(raw) == expected


def test_ingest_text_never_changes_words():
    raw = "Prices rose 3.5 % – “sharply” – in Q1 (year-on-year).\n\nThe bank’s chief, Ana López, said: «enough»."
    text, _meta, _removed = clean_text(raw)
    assert text == raw


@pytest.mark.parametrize("raw, meta", [
    ("Council approves new harbour budget\n\nBy Jane Okafor\n\nThe council approved the budget on Tuesday.\n\n"
     "It passed by 9 votes to 4.", {"title": "Council approves new harbour budget", "author": "Jane Okafor"}),
    ("By Monday, the army had left the town.\n\nShops reopened on Tuesday.", {}),
    ("WASHINGTON\n\nThe Senate passed the bill on Friday.\n\nIt now goes to the House.", {}),
    # a dateline lede is not a headline
    ("LISBON (Coastal Wire) - Rail workers went on strike on Monday.\n\nTrains were cancelled.", {}),
    # credit lines name the first outlet; generic credits name none
    ("The vote was close.\n\nSource: News agencies", {}),
    ("The vote was close.\n\nSource: Harbour Herald and wires", {"outlet": "Harbour Herald"}),
])
def test_ingest_text_meta(raw, meta):
    _text, found, _removed = clean_text(raw)
    assert found == meta


def test_ingest_text_gate_on_fixture_articles(test_data):
    """CI gate: every project-written fixture article is cleaned exactly as its expected file says."""
    cases = sorted((test_data / "ingest").glob("*.txt"))
    assert len(cases) >= 3
    exact = 0
    for path in cases:
        expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
        text, meta, removed = clean_text(path.read_text("utf-8"))
        ok = (removed == expected["removed"] and len(text.split("\n\n")) == expected["paragraphs"]
              and all(meta.get(k) == expected[k] for k in ("title", "standfirst", "outlet")))
        ok = ok and ("author" not in expected or meta.get("author") == expected["author"])
        exact += ok
    assert exact == len(cases)
