"""Times stage: each kind of expression, with invented sentences and publication dates.

Every row gives the sentence, the publication date, the expected extent (its offsets are asserted), TIMEX3 type,
value and mod. Published 2016-03-15 is a Tuesday.
"""
from __future__ import annotations

import pytest

from newsevents.components.times_lexicon import words_to_number
from newsevents.components.times_normalize import duration_value, easter, holiday_date

TUE = "2016-03-15"


def times_of(nlp, text: str, published):
    """``doc._.times`` for a text with the given publication date."""
    doc = nlp.make_doc(text)
    doc._.meta = {"published": published, "language": "en"}
    return nlp(doc)._.times


def find(items, expected_text):
    """The item whose text is ``expected_text`` (fails with the list when absent)."""
    hits = [t for t in items if t["text"] == expected_text]
    assert hits, f"{expected_text!r} not in {[(t['text'], t['value']) for t in items]}"
    return hits[0]


def check(nlp, text, published, extent, ttype, value):
    """The time with text ``extent`` has its offsets, type and value."""
    item = find(times_of(nlp, text, published), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + len(extent), ttype, value)


CASES = [
    # (sentence, published, extent, type, value, mod)
    ("The talks began on Monday in Geneva.", TUE, "Monday", "DATE", "2016-03-14", None),
    ("The withdrawal would start from Tuesday, officials said.", TUE, "Tuesday", "DATE", "2016-03-15", None),
    ("The campaign lasted five-and-a-half-month by then.", TUE, "five-and-a-half-month", "DURATION", "P5.5M", None),
    ("Officials said the five-year war had displaced millions.", TUE, "five-year", "DURATION", "P5Y", None),
    ("The feud has lasted two decades.", TUE, "two decades", "DURATION", "P20Y", None),
    ("The air operation began in late September.", TUE, "late September", "DATE", "2015-09", "END"),
    ("Elections will be held in late September.", TUE, "late September", "DATE", "2016-09", "END"),
    ("The uprising began in March 2011.", TUE, "March 2011", "DATE", "2011-03", None),
    ("A fragile truce has held since February 27.", TUE, "February 27", "DATE", "2016-02-27", None),
    ("Aid deliveries have resumed in recent weeks.", TUE, "recent weeks", "DATE", "PAST_REF", None),
    ("Prices are rising now.", TUE, "now", "DATE", "PRESENT_REF", None),
    ("Such raids were common in the past.", TUE, "the past", "DATE", "PAST_REF", None),
    ("Nobody can say what the future holds.", TUE, "the future", "DATE", "FUTURE_REF", None),
    ("The ministry recently denied the report.", TUE, "recently", "DATE", "PAST_REF", None),
    ("The minister spoke today in the capital.", TUE, "today", "DATE", "2016-03-15", None),
    ("Rebels shelled the town yesterday.", TUE, "yesterday", "DATE", "2016-03-14", None),
    ("Negotiations resume tomorrow.", TUE, "tomorrow", "DATE", "2016-03-16", None),
    ("Grain exports fell this week.", TUE, "this week", "DATE", "2016-W11", None),
    ("Exports rose last year.", TUE, "last year", "DATE", "2015", None),
    ("The vote is due next month.", TUE, "next month", "DATE", "2016-04", None),
    ("Unemployment peaked in the 1990s.", TUE, "the 1990s", "DATE", "199", None),
    ("Profits fell in the first quarter.", TUE, "the first quarter", "DATE", "2016-Q1", None),
    ("The offensive started in the spring of 2012.", TUE, "the spring of 2012", "DATE", "2012-SP", None),
    ("The harvest failed last summer.", TUE, "last summer", "DATE", "2015-SU", None),
    ("Shelling resumed on Tuesday morning.", TUE, "Tuesday morning", "TIME", "2016-03-15TMO", None),
    ("The curfew began at 10 p.m. on the border.", TUE, "10 p.m.", "TIME", "2016-03-15T22:00", None),
    ("Convoys cross the border every week.", TUE, "every week", "SET", "P1W", None),
    ("The agency publishes casualty figures daily.", TUE, "daily", "SET", "P1D", None),
    ("Patrols visit the camp twice a week.", TUE, "twice a week", "SET", "P1W", None),
    ("The siege went on for three days.", TUE, "three days", "DURATION", "P3D", None),
    ("The blockade lasted more than two years.", TUE, "more than two years", "DURATION", "P2Y", "MORE_THAN"),
    ("The meeting took half an hour.", TUE, "half an hour", "DURATION", "PT30M", None),
    ("He was jailed three years ago.", TUE, "three years ago", "DATE", "2013", None),
    ("The bridge was rebuilt in 1998 by the army.", TUE, "1998", "DATE", "1998", None),
    ("The ceasefire was agreed on March 12, 2016, in Munich.", TUE, "March 12, 2016", "DATE", "2016-03-12", None),
    ("Markets closed early on Christmas Eve.", TUE, "Christmas Eve", "DATE", "2015-12-24", None),
    ("Troops pulled out earlier this month.", TUE, "earlier this month", "DATE", "2016-03", "START"),
    ("Prices will rise early next year.", TUE, "early next year", "DATE", "2017", "START"),
    ("Growth slowed in mid-2015.", TUE, "mid-2015", "DATE", "2015", "MID"),
    ("The town was rebuilt in the 20th century.", TUE, "the 20th century", "DATE", "19", None),
    ("The reactor was shut in the first half of 2015.", TUE, "the first half of 2015", "DATE", "2015-H1", None),
    ("Turnout was low a year earlier.", TUE, "a year earlier", "DATE", "2015", None),
    ("Rain is expected over the weekend.", TUE, "the weekend", "DATE", "2016-W11-WE", None),
    ("The law dates from nineteen ninety-six.", TUE, "nineteen ninety-six", "DATE", "1996", None),
    ("The deadline passed at noon Saturday.", TUE, "noon Saturday", "TIME", "2016-03-12T12:00", None),
    ("The figures were released on 2016-03-01.", TUE, "2016-03-01", "DATE", "2016-03-01", None),
    ("The talks lasted a few days.", TUE, "a few days", "DURATION", "PXD", None),
    # spoken years joined to the month or season they date (broadcast transcripts)
    ("Fares doubled in March nineteen ninety-two, officials said.", TUE, "March nineteen ninety-two", "DATE",
     "1992-03", None),
    ("The dam burst in the spring of nineteen eighty-one.", TUE, "the spring of nineteen eighty-one", "DATE",
     "1981-SP", None),
    # a numeric fraction in wire copy counts in the duration
    ("The hearing lasted 3 1/2 years.", TUE, "3 1/2 years", "DURATION", "P3Y6M", None),
]


@pytest.mark.parametrize("text,published,extent,ttype,value,mod", CASES)
def test_times_expression_value(times_nlp, text, published, extent, ttype, value, mod):
    item = find(times_of(times_nlp, text, published), extent)
    start = text.index(extent)
    assert (item["start"], item["end"]) == (start, start + len(extent))
    assert (item["type"], item["value"], item["mod"]) == (ttype, value, mod)


@pytest.mark.parametrize("text,absent", [
    ("The 12-year-old boy was rescued.", "12-year"),
    ("He was 45 years old when he died.", "45 years"),
    ("May I ask a question?", "May"),
    ("Thousands joined the March for Life.", "March"),
    ("Czech Foreign Minister Jan Kavan arrived.", "Jan"),
    ("The company employs 2000 people.", "2000"),
    ("It paid a quarterly dividend.", "quarterly"),
])
def test_times_not_a_time(times_nlp, text, absent):
    assert not [t for t in times_of(times_nlp, text, TUE) if absent in t["text"]]


@pytest.mark.parametrize("text,extent", [
    ("The talks began on Monday.", "Monday"),          # "on" is outside the extent (TE3)
    ("The truce has held since February 27.", "February 27"),
    ("Aid has resumed in recent weeks.", "recent weeks"),
    ("Shops reopen from Tuesday.", "Tuesday"),
    ("I hope today's decision helps.", "today"),        # the possessive stays out
    ("The lull lasted for weeks.", "weeks"),
])
def test_times_extent_excludes_prepositions(times_nlp, text, extent):
    items = times_of(times_nlp, text, TUE)
    start = text.index(extent)
    assert [(t["start"], t["end"]) for t in items] == [(start, start + len(extent))]


@pytest.mark.parametrize("words,number", [
    ("five", 5), ("twenty-four", 24), ("twenty four", 24), ("five and a half", 5.5), ("a dozen", 12),
    ("1,500", 1500), ("two hundred", 200), ("half an", 0.5), ("several", None), ("blue", None),
])
def test_times_words_to_number(words, number):
    assert words_to_number(words) == number


@pytest.mark.parametrize("n,unit,value", [
    (5.5, "month", "P5.5M"), (2, "decade", "P20Y"), (None, "week", "PXW"), (2, "hour", "PT2H"),
    (1.5, "hour", "PT1H30M"), (2.5, "year", "P2Y6M"), (1.5, "minute", "PT1M30S"), (0.5, "hour", "PT30M"),
    (1, "fortnight", "P2W"), (3, "minutes", "PT3M"),
])
def test_times_duration_value(n, unit, value):
    assert duration_value(n, unit) == value


def test_times_holiday_rules():
    assert easter(2016).isoformat() == "2016-03-27"
    assert holiday_date("thanksgiving", 2016).isoformat() == "2016-11-24"
    assert holiday_date("memorial_day", 2016).isoformat() == "2016-05-30"


@pytest.mark.parametrize("text,extent,value", [
    # the quarter in the same sentence, or named once in the sentence before (third quarter = 2015-Q3)
    ("Acme posted a third-quarter loss of $3 million, against a profit a year ago.", "a year ago", "2014-Q3"),
    ("Acme posted a third-quarter loss of $3 million. It had a profit of $2 million a year ago.", "a year ago",
     "2014-Q3"),
    # a comparison right after one already resolved to a quarter keeps that quarter
    ("Acme posted a third-quarter loss of $3 million. It earned $2 million a year ago. Sales were $9 million "
     "against $8 million a year earlier.", "a year earlier", "2014-Q3"),
    # "the latest period" of an earnings report is the quarter it named before
    ("Acme's third-quarter sales rose. In the latest period, costs fell.", "the latest period", "2015-Q3"),
    # no quarter nearby: the whole year before
    ("Acme opened a new plant. It had closed two plants a year ago.", "a year ago", "2015"),
])
def test_times_comparison_period(times_nlp, text, extent, value):
    item = find(times_of(times_nlp, text, TUE), extent)
    start = text.rindex(extent)
    assert (item["start"], item["end"], item["value"]) == (start, start + len(extent), value)


def test_times_latest_period_without_quarter_is_dropped(times_nlp):
    items = times_of(times_nlp, "In the latest period, costs fell.", TUE)
    assert not [t for t in items if "period" in t["text"]]
