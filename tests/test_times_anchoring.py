"""Times stage: what relative expressions are resolved against.

Weekday edge cases around the publication day, the no-publication-date convention (``X`` placeholders, anchor
None), and reported speech: "today"/"yesterday" inside quotation marks take the day the words were said.
"""
from __future__ import annotations

import pytest

from test_times_expressions import TUE, find, times_of


@pytest.mark.parametrize("text,published,extent,value", [
    # published Tuesday 2016-03-15
    ("The strike happened on Tuesday.", TUE, "Tuesday", "2016-03-15"),          # same day, past tense
    ("Pay rises take effect from Tuesday.", TUE, "Tuesday", "2016-03-15"),       # same day, present tense
    ("The army met the rebels on Wednesday.", TUE, "Wednesday", "2016-03-09"),   # past: the one before
    ("The army will meet the rebels on Wednesday.", TUE, "Wednesday", "2016-03-16"),  # future: the next
    ("Talks will resume on Monday.", TUE, "Monday", "2016-03-21"),
    ("The vote is scheduled for Thursday.", TUE, "Thursday", "2016-03-17"),
    ("Leaders planned to meet on Friday.", TUE, "Friday", "2016-03-18"),
    ("He arrived last Tuesday.", TUE, "last Tuesday", "2016-03-08"),
    ("They met this past Sunday.", TUE, "this past Sunday", "2016-03-13"),
    ("They will vote next Tuesday.", TUE, "next Tuesday", "2016-03-22"),
    ("The court ruled on Sunday.", TUE, "Sunday", "2016-03-13"),
    # a weekday's named event in a present-tense clause is already past, unless the text waits for it
    ("The rally follows Saturday's vote in the north.", TUE, "Saturday", "2016-03-12"),
    ("Traders are cautious ahead of Thursday's vote.", TUE, "Thursday", "2016-03-17"),
    # past perfect: the plan and its day are behind us
    ("The permit had been due to lapse on Friday.", TUE, "Friday", "2016-03-11"),
    # published Sunday 2016-03-20, and a datetime string
    ("The envoy spoke on Saturday.", "2016-03-20", "Saturday", "2016-03-19"),
    ("The envoy spoke on Monday.", "2016-03-20T09:30:00+00:00", "Monday", "2016-03-14"),
    # year boundaries
    ("The deal was signed on December 30.", "2016-01-04", "December 30", "2015-12-30"),
    ("The summit opens on January 3.", "2015-12-28", "January 3", "2016-01-03"),
    ("Sales collapsed in December.", "2016-01-10", "December", "2015-12"),
])
def test_times_anchoring_weekday_and_year(times_nlp, text, published, extent, value):
    item = find(times_of(times_nlp, text, published), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["value"]) == (start, start + len(extent), value)
    assert item["anchor"] == published[:10]


@pytest.mark.parametrize("text,extent,ttype,value,mod,anchor", [
    ("The talks began on Monday.", "Monday", "DATE", "XXXX-WXX-1", None, None),
    ("Rebels shelled the town yesterday.", "yesterday", "DATE", "XXXX-XX-XX", None, None),
    ("Exports fell last week.", "last week", "DATE", "XXXX-WXX", None, None),
    ("Exports fell last year.", "last year", "DATE", "XXXX", None, None),
    ("The operation began in late September.", "late September", "DATE", "XXXX-09", "END", None),
    ("A truce has held since February 27.", "February 27", "DATE", "XXXX-02-27", None, None),
    ("Shelling resumed on Tuesday morning.", "Tuesday morning", "TIME", "XXXX-WXX-2TMO", None, None),
    ("The uprising began in March 2011.", "March 2011", "DATE", "2011-03", None, None),
    ("The ceasefire was agreed on March 12, 2016.", "March 12, 2016", "DATE", "2016-03-12", None, None),
    ("Prices are rising now.", "now", "DATE", "PRESENT_REF", None, None),
    ("The war lasted five years.", "five years", "DURATION", "P5Y", None, None),
])
def test_times_anchoring_without_publication_date(times_nlp, text, extent, ttype, value, mod, anchor):
    for published in (None, "not a date"):
        item = find(times_of(times_nlp, text, published), extent)
        start = text.index(extent)
        assert (item["start"], item["end"]) == (start, start + len(extent))
        assert (item["type"], item["value"], item["mod"], item["anchor"]) == (ttype, value, mod, anchor)


@pytest.mark.parametrize("text,extent,value,anchor", [
    # the quote paragraph follows "<speaker> said on Monday that …"
    ("Putin said on Monday that the decision was final.\n\n“I hope today’s decision will help,” he said.",
     "today", "2016-03-14", "2016-03-14"),
    # the speech verb and its day in the quote's own paragraph, after the quote
    ("\"We signed the deal yesterday,\" the minister said on Friday.", "yesterday", "2016-03-10", "2016-03-11"),
    ("The minister told reporters on Friday: \"Tomorrow we sign.\"", "Tomorrow", "2016-03-12", "2016-03-11"),
    # no day for the speech: the publication date
    ("“We won today,” he said.", "today", "2016-03-15", "2016-03-15"),
    # not inside quotation marks: the publication date even after a dated speech
    ("Putin said on Monday that talks would go on.\n\nThe ministry confirmed the move today.",
     "today", "2016-03-15", "2016-03-15"),
])
def test_times_anchoring_quotes(times_nlp, text, extent, value, anchor):
    item = find(times_of(times_nlp, text, TUE), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["value"], item["anchor"]) == (start, start + len(extent), value, anchor)


def test_times_record_shape_and_span_layer(times_nlp):
    from newsevents.record import Time

    text = "Putin said on Monday that the five-year war would end from Tuesday."
    doc = times_nlp.make_doc(text)
    doc._.meta = {"published": TUE}
    doc = times_nlp(doc)
    assert [t["id"] for t in doc._.times] == ["T1", "T2", "T3"]
    for item in doc._.times:
        Time(**item)  # validates against the public item model
        assert text[item["start"]:item["end"]] == item["text"]
    assert [(s.start_char, s.end_char) for s in doc.spans["times"]] == [(t["start"], t["end"]) for t in doc._.times]
