"""Times stage: expressions read against something other than the bare publication day.

Third pass rules, each with invented wire-style sentences and publication dates (offsets asserted): the year of a
month-day named in a past-tense clause up to three months ahead, "since" pointing backwards, "the year" of an
earnings report, "current" as a present reference, and anaphoric "that year" / "the following month".
"""
from __future__ import annotations

import pytest

from test_times_expressions import find, times_of

FRI = "2013-03-22"  # a Friday


@pytest.mark.parametrize("text,published,extent,ttype,value", [
    # a past-tense report of a coming date keeps the current year (a quarter ahead at most) …
    ("The board declared a dividend payable Dec. 7 to holders of record.", "2013-10-25", "Dec. 7", "DATE",
     "2013-12-07"),
    ("The committee summoned the banker to testify on Feb. 12.", "2013-01-08", "Feb. 12", "DATE", "2013-02-12"),
    # … a date further ahead in a past-tense clause is last year's
    ("The mine closed on Nov. 3 after a flood.", "2013-03-22", "Nov. 3", "DATE", "2012-11-03"),
    # "since" points back even when the clause is in the present perfect progressive
    ("Divers have been searching for the crew since Oct. 30.", "2013-06-10", "Oct. 30", "DATE", "2012-10-30"),
    # a holiday without a year is chosen the same way
    ("The ministry announced a curfew for Easter.", "2013-03-22", "Easter", "DATE", "2013-03-31"),
    ("The shop was robbed on Christmas Eve.", "2013-01-10", "Christmas Eve", "DATE", "2012-12-24"),
    ("Prices have been climbing ever since Wednesday.", FRI, "Wednesday", "DATE", "2013-03-20"),
])
def test_times_reference_year_choice(times_nlp, text, published, extent, ttype, value):
    item = find(times_of(times_nlp, text, published), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + len(extent), ttype, value)


@pytest.mark.parametrize("text,extent,ttype,value", [
    ("Net income for the year rose 4 percent, the retailer said.", "the year", "DATE", "2013"),
    ("The brewer expects higher sales for the full year.", "the full year", "DATE", "2013"),
    ("Revenue was $80 million in the fiscal year ended June 30.", "the fiscal year", "DURATION", "P1Y"),
    ("The chain earned $3 million in the year ending Jan. 31.", "the year", "DURATION", "P1Y"),
    ("The current slowdown worries exporters.", "current", "DATE", "PRESENT_REF"),
    ("Under current rules, the fund cannot lend abroad.", "current", "DATE", "PRESENT_REF"),
])
def test_times_reference_report_periods(times_nlp, text, extent, ttype, value):
    item = find(times_of(times_nlp, text, FRI), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + len(extent), ttype, value)


@pytest.mark.parametrize("text,absent", [
    ("She was named player of the year by the league.", "the year"),
    ("Profits fell to $9 million from $12 million the year before.", "the year"),
    ("The country's current account deficit narrowed.", "current"),
    ("The current was too strong for the swimmers.", "current"),
])
def test_times_reference_not_a_time(times_nlp, text, absent):
    assert absent not in [t["text"] for t in times_of(times_nlp, text, FRI)]


@pytest.mark.parametrize("text,published,extent,value", [
    # the last date named before the expression, not the publication date
    ("The mayor was elected in 2007 and resigned the following year.", FRI, "the following year", "2008"),
    ("The plant opened in March 2009. The following month it was sold.", FRI, "The following month", "2009-04"),
    ("He moved to Paris in 2004 and married later that year.", FRI, "later that year", "2004"),
    ("The envoy arrived on June 3, 2011. That same day the talks collapsed.", FRI, "That same day", "2011-06-03"),
    ("Rebels seized the airport on March 4. The next day, troops arrived.", FRI, "The next day", "2013-03-05"),
    ("The envoy flew in on Monday; the previous day, talks had stalled.", FRI, "the previous day", "2013-03-17"),
    # a coarser antecedent leaves the finer part unknown
    ("The ferry sank last October, and the owner was arrested that same day.", FRI, "that same day", "2012-10-XX"),
    # no date before it: the publication date's period
    ("Sales fell that year, the report said.", FRI, "that year", "2013"),
])
def test_times_reference_anaphoric(times_nlp, text, published, extent, value):
    item = find(times_of(times_nlp, text, published), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + len(extent), "DATE", value)


@pytest.mark.parametrize("text,extent,ttype,value", [
    ("Shares rose for six trading days in a row.", "six trading days", "DURATION", "P6D"),
    ("The strike closed the port for three business days.", "three business days", "DURATION", "P3D"),
    ("The convoy reached the border at midday.", "midday", "TIME", "2013-03-22T12:00"),
    # fractions of a year or an hour in the next unit down; "last" as a verb stays out of the extent
    ("The talks dragged on for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("The flight took five and a half hours.", "five and a half hours", "DURATION", "PT5H30M"),
    ("The hearing is expected to last three weeks.", "three weeks", "DURATION", "P3W"),
    ("Peacekeepers will stay for two more weeks.", "two more weeks", "DURATION", "P2W"),
    ("Bond yields rose for five straight days.", "five straight days", "DURATION", "P5D"),
    # a part of the day with its day after it, and a US time zone abbreviation inside the extent
    ("In Tokyo at mid-afternoon yesterday, the yen was weaker.", "mid-afternoon yesterday", "TIME", "2013-03-21TAF"),
    ("Trading closes at 4 p.m. ET on the exchange.", "4 p.m. ET", "TIME", "2013-03-22T16:00"),
])
def test_times_reference_units_and_extents(times_nlp, text, extent, ttype, value):
    item = find(times_of(times_nlp, text, FRI), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + len(extent), ttype, value)


@pytest.mark.parametrize("text,extent,ttype,value", [
    ("Rescuers expect to reach the village within hours.", "hours", "DURATION", "PTXH"),
    ("It was the first time in years that the plant stopped.", "years", "DURATION", "PXY"),
    ("Sales in the year to March fell 2 percent.", "the year", "DURATION", "P1Y"),
])
def test_times_reference_vague_stretches(times_nlp, text, extent, ttype, value):
    item = find(times_of(times_nlp, text, FRI), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + len(extent), ttype, value)


@pytest.mark.parametrize("text,extent,value", [
    # a clock time without a day is on the last day named before it …
    ("The gunman opened fire on Tuesday. Police arrived at 10:40 p.m., officials said.", "10:40 p.m.",
     "2013-03-19T22:40"),
    # … and on the publication day when none was named
    ("Police arrived at 10:40 p.m., officials said.", "10:40 p.m.", "2013-03-22T22:40"),
])
def test_times_reference_clock_day(times_nlp, text, extent, value):
    item = find(times_of(times_nlp, text, FRI), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + len(extent), "TIME", value)


@pytest.mark.parametrize("text,extent,value", [
    # a month after a time preposition stays a month even when "for"/"to" follows it
    ("The insurer agreed in June to buy the broker.", "June", "2012-06"),
    ("The chief executive resigned in February for health reasons.", "February", "2013-02"),
])
def test_times_reference_month_before_for_to(times_nlp, text, extent, value):
    item = find(times_of(times_nlp, text, FRI), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + len(extent), "DATE", value)


def test_times_reference_march_for_a_cause_is_not_a_month(times_nlp):
    assert times_of(times_nlp, "Thousands joined the March for Life downtown.", FRI) == []


@pytest.mark.parametrize("text,extent,value", [
    # a deadline pushed back points forward even in a past-tense clause …
    ("Regulators postponed until Tuesday any vote on the merger.", "Tuesday", "2013-03-26"),
    ("The lenders extended the deadline until 9 a.m. Monday.", "9 a.m. Monday", "2013-03-25T09:00"),
    # … a plain past "until" does not
    ("The border stayed shut until Tuesday, officials said.", "Tuesday", "2013-03-19"),
])
def test_times_reference_deferred_deadline(times_nlp, text, extent, value):
    item = find(times_of(times_nlp, text, FRI), extent)
    start = text.index(extent)
    assert (item["start"], item["end"], item["value"]) == (start, start + len(extent), value)


def test_times_reference_next_morning_is_a_time_of_the_day_after(times_nlp):
    text = "He was freed on Monday and appeared in court the next morning."
    item = find(times_of(times_nlp, text, FRI), "the next morning")
    start = text.index("the next morning")
    assert (item["start"], item["end"], item["type"], item["value"]) == (start, start + 16, "TIME", "2013-03-19TMO")
