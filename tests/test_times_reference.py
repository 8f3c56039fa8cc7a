"""Times stage: expressions read against something other than the bare publication day, and third-pass extents.

Invented wire-style sentences with publication dates; each row gives the sentence, the publication date, the
expected extent (its offsets are asserted), the TIMEX3 type and the value. Published 2013-03-22 is a Friday.
"""
from __future__ import annotations

import pytest

from test_times_expressions import check, times_of

FRI = "2013-03-22"


ANCHORING = [
    # a past-tense report of a coming date keeps the current year (a quarter ahead at most) …
    ("The board declared a dividend payable Dec. 7 to holders of record.", "2013-10-25", "Dec. 7", "DATE",
     "2013-12-07"),
    ("The committee summoned the banker to testify on Feb. 12.", "2013-01-08", "Feb. 12", "DATE", "2013-02-12"),
    # … a date further ahead in a past-tense clause is last year's; a holiday is chosen the same way
    ("The mine closed on Nov. 3 after a flood.", FRI, "Nov. 3", "DATE", "2012-11-03"),
    ("The ministry announced a curfew for Easter.", FRI, "Easter", "DATE", "2013-03-31"),
    ("The shop was robbed on Christmas Eve.", "2013-01-10", "Christmas Eve", "DATE", "2012-12-24"),
    # "since" points back even in the present perfect progressive
    ("Divers have been searching for the crew since Oct. 30.", "2013-06-10", "Oct. 30", "DATE", "2012-10-30"),
    ("Prices have been climbing ever since Wednesday.", FRI, "Wednesday", "DATE", "2013-03-20"),
    # a verb whose past is spelt like its present says nothing about the tense: the weekday before
    ("Technology stocks hurt the index on Friday.", "2013-03-25", "Friday", "DATE", "2013-03-22"),
    # a deadline pushed back points forward even in a past-tense clause; a plain past "until" does not
    ("Regulators postponed until Tuesday any vote on the merger.", FRI, "Tuesday", "DATE", "2013-03-26"),
    ("The lenders extended the deadline until 9 a.m. Monday.", FRI, "9 a.m. Monday", "TIME", "2013-03-25T09:00"),
    ("The border stayed shut until Tuesday, officials said.", FRI, "Tuesday", "DATE", "2013-03-19"),
    ("The envoy gave a speech to Tuesday's rally.", FRI, "Tuesday", "DATE", "2013-03-19"),
    # a clock time without a day is on the last day named before it, else on the publication day
    ("The gunman opened fire on Tuesday. Police arrived at 10:40 p.m., officials said.", FRI, "10:40 p.m.", "TIME",
     "2013-03-19T22:40"),
    ("Police arrived at 10:40 p.m., officials said.", FRI, "10:40 p.m.", "TIME", "2013-03-22T22:40"),
    ("The leaders met on Monday. The president will speak at 8 p.m., aides said.", FRI, "8 p.m.", "TIME",
     "2013-03-22T20:00"),
    # … or the day named right after it
    ("The truce took effect at 0600 GMT on Thursday.", FRI, "0600 GMT", "TIME", "2013-03-21T06:00"),
    # "the year-earlier period" is the last reported quarter a year back, not a forecast quarter named since
    ("Acme posted third-quarter net of $5 million. It expects a loss in the fourth quarter. Sales rose 4%. In the "
     "year-earlier period, it earned $3 million.", "2013-10-25", "the year-earlier period", "DATE", "2012-Q3"),
    # a month after a time preposition stays a month even when "for"/"to" follows it
    ("The insurer agreed in June to buy the broker.", FRI, "June", "DATE", "2012-06"),
    ("The chief executive resigned in February for health reasons.", FRI, "February", "DATE", "2013-02"),
]

ANAPHORA = [
    # the last date named before the expression, not the publication date
    ("The mayor was elected in 2007 and resigned the following year.", "the following year", "DATE", "2008"),
    ("The plant opened in March 2009. The following month it was sold.", "The following month", "DATE", "2009-04"),
    ("He moved to Paris in 2004 and married later that year.", "later that year", "DATE", "2004"),
    ("The envoy arrived on June 3, 2011. That same day the talks collapsed.", "That same day", "DATE", "2011-06-03"),
    ("Rebels seized the airport on March 4. The next day, troops arrived.", "The next day", "DATE", "2013-03-05"),
    ("The envoy flew in on Monday; the previous day, talks had stalled.", "the previous day", "DATE", "2013-03-17"),
    ("He was freed on Monday and appeared in court the next morning.", "the next morning", "TIME", "2013-03-19TMO"),
    # a coarser antecedent leaves the finer part unknown; none at all: the publication date's period
    ("The ferry sank last October, and the owner was arrested that same day.", "that same day", "DATE",
     "2012-10-XX"),
    ("Sales fell that year, the report said.", "that year", "DATE", "2013"),
]

EXPRESSIONS = [
    # the year of an earnings report; bare "current"
    ("Net income for the year rose 4 percent, the retailer said.", "the year", "DATE", "2013"),
    ("The brewer expects higher sales for the full year.", "the full year", "DATE", "2013"),
    ("Revenue was $80 million in the fiscal year ended June 30.", "the fiscal year", "DURATION", "P1Y"),
    ("The chain earned $3 million in the year ending Jan. 31.", "the year", "DURATION", "P1Y"),
    ("Sales in the year to March fell 2 percent.", "the year", "DURATION", "P1Y"),
    ("The current slowdown worries exporters.", "current", "DATE", "PRESENT_REF"),
    ("Under current rules, the fund cannot lend abroad.", "current", "DATE", "PRESENT_REF"),
    # units and extents
    ("Shares rose for six trading days in a row.", "six trading days", "DURATION", "P6D"),
    ("The strike closed the port for three business days.", "three business days", "DURATION", "P3D"),
    ("The convoy reached the border at midday.", "midday", "TIME", "2013-03-22T12:00"),
    ("The talks dragged on for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("The flight took five and a half hours.", "five and a half hours", "DURATION", "PT5H30M"),
    ("The hearing is expected to last three weeks.", "three weeks", "DURATION", "P3W"),
    ("Peacekeepers will stay for two more weeks.", "two more weeks", "DURATION", "P2W"),
    ("Bond yields rose for five straight days.", "five straight days", "DURATION", "P5D"),
    ("Rescuers expect to reach the village within hours.", "hours", "DURATION", "PTXH"),
    ("It was the first time in years that the plant stopped.", "years", "DURATION", "PXY"),
    ("In Tokyo at mid-afternoon yesterday, the yen was weaker.", "mid-afternoon yesterday", "TIME", "2013-03-21TAF"),
    ("Trading closes at 4 p.m. ET on the exchange.", "4 p.m. ET", "TIME", "2013-03-22T16:00"),
    ("Profit rose from Q1 last year.", "Q1 last year", "DATE", "2012-Q1"),
    ("Q3 2012 sales fell 4 percent.", "Q3 2012", "DATE", "2012-Q3"),
]


@pytest.mark.parametrize("text,published,extent,ttype,value", ANCHORING)
def test_times_reference_anchoring(times_nlp, text, published, extent, ttype, value):
    check(times_nlp, text, published, extent, ttype, value)


@pytest.mark.parametrize("text,extent,ttype,value", ANAPHORA)
def test_times_reference_anaphora(times_nlp, text, extent, ttype, value):
    check(times_nlp, text, FRI, extent, ttype, value)


@pytest.mark.parametrize("text,extent,ttype,value", EXPRESSIONS)
def test_times_reference_expressions(times_nlp, text, extent, ttype, value):
    check(times_nlp, text, FRI, extent, ttype, value)


@pytest.mark.parametrize("text,absent", [
    ("She was named player of the year by the league.", "the year"),
    ("Profits fell to $9 million from $12 million the year before.", "the year"),
    ("The country's current account deficit narrowed.", "current"),
    ("The current was too strong for the swimmers.", "current"),
    ("Thousands joined the March for Life downtown.", "March"),
    ("Turnout fell in each of the past three summers.", "the past"),
    ("The envoy spoke on ABC's \"This Week\" about the talks.", "This Week"),
    ("The father told CBS's ``60 Minutes'' he would stay.", "60 Minutes"),
])
def test_times_reference_not_a_time(times_nlp, text, absent):
    assert absent not in [t["text"] for t in times_of(times_nlp, text, FRI)]
