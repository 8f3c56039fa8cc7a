"""Times stage: the error kinds an audit on unseen local and political news found (scratch/times_audit).

Invented sentences; each row asserts the extent's offsets, the TIMEX3 type and value.
"""
from __future__ import annotations

import datetime as dt

import pytest

from newsevents.components.times_normalize import holiday_date, holiday_weekend, week_of_month
from test_times_expressions import check, times_of


CASES = [
    # (sentence, published, extent, type, value)
    # a weekday's named event ("Monday's ruling") is already reported, whatever the clause's tense
    ("Critics said Monday's ruling will shape the race.", "2016-06-29", "Monday", "DATE", "2016-06-27"),
    ("Analysts say Friday's accord may only pause the dispute.", "2016-05-29", "Friday", "DATE", "2016-05-27"),
    # "could not" is a past inability, not a plan
    ("The company could not be reached for comment Saturday.", "2016-03-15", "Saturday", "DATE", "2016-03-12"),
    # a "Just before" clock time at a sentence start takes the day named before it
    ("The first robbery came late Monday afternoon.\n\nJust before 4:30 p.m., two men fled in a van.", "2016-03-15",
     "Just before 4:30 p.m.", "TIME", "2016-03-14T16:30"),
    # a weekday closing a range comes after the one opening it
    ("Nine people were shot between Friday evening and Monday morning.", "2016-03-13", "Monday morning", "TIME",
     "2016-03-14TMO"),
    ("Nine people were shot between Friday evening and Monday morning.", "2016-03-13", "Friday evening", "TIME",
     "2016-03-11TEV"),
    # US holidays by name and rule, and a holiday's weekend
    ("Crowds filled the beach over Memorial Day weekend.", "2016-06-02", "Memorial Day weekend", "DATE",
     "2016-W21-WE"),
    ("Families gathered for the Fourth of July fireworks.", "2016-07-06", "Fourth of July", "DATE", "2016-07-04"),
    ("Sales of grills peaked on Father\u2019s Day, the chain said.", "2016-06-25", "Father\u2019s Day", "DATE",
     "2016-06-19"),
    ("Turnout is expected to be high on Election Day.", "2016-08-17", "Election Day", "DATE", "2016-11-08"),
    # "weeks-long" like "decades-long" (TimeBank: decades-long = PXY)
    ("The council ended a weeks-long dispute over parking.", "2016-03-15", "weeks-long", "DURATION", "PXW"),
    ("Their decades-long rivalry is over.", "2016-03-15", "decades-long", "DURATION", "PXY"),
    ("Both parties prepared for the upcoming fall campaign.", "2016-07-25", "the upcoming fall", "DATE", "2016-FA"),
    ("Donations peaked the last week of October, the charity said.", "2016-01-19", "the last week of October",
     "DATE", "2015-W44"),
    ("Copyright 2014 Example Daily News. All rights reserved.", "2016-03-15", "2014", "DATE", "2014"),
    ("She coached the team from 2009-2013.", "2016-03-15", "2013", "DATE", "2013"),
]


@pytest.mark.parametrize("text,published,extent,ttype,value", CASES)
def test_times_unseen_value(times_nlp, text, published, extent, ttype, value):
    check(times_nlp, text, published, extent, ttype, value)


@pytest.mark.parametrize("text,absent", [
    ("Police found the car in the 12000 block of Main Street.", "1200"),
    ("Her late-night show appearances drew young viewers.", "late-night"),
    ("The teens had played in a midnight basketball tournament.", "midnight"),
    ("He hosts a morning talk show on public radio.", "morning"),
    ("Call the tip line at (555) 318-2019 with information.", "2019"),
    ("He told USA TODAY that he would run.", "TODAY"),
])
def test_times_unseen_not_a_time(times_nlp, text, absent):
    assert not [t for t in times_of(times_nlp, text, "2016-03-15") if absent in t["text"]]


def test_times_unseen_holiday_and_week_rules():
    assert holiday_date("fathers_day", 2016) == dt.date(2016, 6, 19)
    assert holiday_date("mothers_day", 2015) == dt.date(2015, 5, 10)
    assert holiday_date("election_day", 2016) == dt.date(2016, 11, 8)
    assert holiday_date("election_day", 2015) == dt.date(2015, 11, 3)  # Nov. 1 2015 is a Sunday
    assert holiday_weekend(dt.date(2016, 5, 30)) == "2016-W21-WE"  # Monday holiday: the weekend before
    assert holiday_weekend(dt.date(2015, 11, 26)) == "2015-W48-WE"  # Thursday: the weekend after
    assert week_of_month(2015, 10, "last") == "2015-W44"
    assert week_of_month(2017, 3, "first") == "2017-W09"
