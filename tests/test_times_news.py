"""Times stage: rules of the fourth pass (third unseen-news audit sample and TE3 dev), on invented sentences.

Each row asserts the extent's offsets ("Tuesday#3": its third occurrence), the TIMEX3 type and value; every row
failed before the rule it tests, except guards that a too-broad rule would break.
"""
from __future__ import annotations

import pytest

from test_times_expressions import times_of

CASES = [
    # (sentence, published, extent, type, value)
    # "N units later" counts from an event the text names: the count alone, a duration (TimeBank's extent)
    ("The storm passed. Three days later, the river crested at 30 feet.", "2019-05-07", "Three days", "DURATION",
     "P3D"),
    ("Minutes later, two deputies arrived at the store.", "2019-05-07", "Minutes", "DURATION", "PTXM"),
    # one unit without a number: "a full day", "an additional year" (extent with its article, as TimeBank has it)
    ("Not a full day later, the senator changed course.", "2019-05-07", "a full day", "DURATION", "P1D"),
    ("The loan may be extended for an additional year.", "2019-05-07", "an additional year", "DURATION", "P1Y"),
    ("Over the years, the market grew slowly.", "2019-05-07", "the years", "DURATION", "PXY"),
    # "for weeks" before a clause is a duration too
    ("For weeks the committee has met in private.", "2019-05-07", "weeks", "DURATION", "PXW"),
    # a participle on a noun takes the tense of the verb above the noun ("will answer")
    ("The senator will answer the governor's speech attacking her record with an address of her own Thursday "
     "evening.", "2019-05-07", "Thursday evening", "TIME", "2019-05-09TEV"),
    # a clock time with a weekday takes the weekday's clause's tense, not the reporting verb's
    ("Police say that about 9:15 p.m. Friday, deputies found a man lying in the road.", "2019-05-13",
     "about 9:15 p.m. Friday", "TIME", "2019-05-10T21:15"),
    # the parse hangs the time on "talks"; the nearest verb before it ("was shot") is past
    ("Reporter Ann Lee talks about the death of Joe Park, a cook who was shot dead just blocks from his Midtown "
     "home early Sunday morning.", "2019-05-07", "early Sunday morning", "TIME", "2019-05-05TMO"),
    # after a preposition a present main clause gives no tense: the weekday stays behind
    ("The race is taking on a sharper tone, with the mayor openly taking on hecklers loyal to her rival twice "
     "Thursday.", "2019-05-10", "Thursday", "DATE", "2019-05-09"),
    # an infinitive after an adjective takes the tense above it ("may"); a bare command points forward
    ("Friends say the girl may even be well enough to go back to school Tuesday.", "2019-09-02", "Tuesday", "DATE",
     "2019-09-03"),
    ("For more on this story, see Wednesday's Courier.", "2019-12-10", "Wednesday", "DATE", "2019-12-11"),
    # "the next day" after a month without a day: some day of that month
    ("Last September, the mayor called the plan a joke. She apologized the next day.", "2019-01-20", "the next day",
     "DATE", "2018-09-XX"),
    # "toward" points forward
    ("The campaign is marching toward November with a clear lead.", "2019-03-09", "November", "DATE", "2019-11"),
    # a bare part of the day takes the day named before it; a past clock time never a day still ahead
    ("A fire on March 3, 2017 destroyed the mill. Investigators said the early morning blaze started in a dryer.",
     "2019-05-07", "early morning", "TIME", "2017-03-03TMO"),
    ("The mayor will visit the site Thursday. Her office announced the trip at 10 a.m.", "2019-05-07", "10 a.m.",
     "TIME", "2019-05-07T10:00"),
    ("Smith is due in court on Thursday at 1:45 p.m.", "2019-05-07", "1:45 p.m.", "TIME", "2019-05-09T13:45"),
    ("Listings: the May 14 broadcast, 6AM to 9AM EST, on channel 12.", "2019-05-13", "6AM", "TIME",
     "2019-05-14T06:00"),
    # a bare weekday a week off a dated one of the same name in its paragraph is that day; not across paragraphs
    ("Firefighters respond to a house fire on Elm Street Tuesday. Photo taken Tuesday May 7, 2019 by John Doe.",
     "2019-05-14", "Tuesday", "DATE", "2019-05-07"),
    ("The fire broke out on Tuesday, May 7, officials said.\n\nThe chief spoke to reporters Tuesday.", "2019-05-14",
     "Tuesday#2", "DATE", "2019-05-14"),
    # "the 2018 period" of an earnings report: the quarter the report named, in that year, over the whole phrase
    ("Acme Corp. said third-quarter profit rose 5%. In the 2018 period, it earned $3 million.", "2019-10-30",
     "the 2018 period", "DATE", "2018-Q3"),
    ("In the first nine months, Acme earned $9 million, up from $7 million in the 2018 period.", "2019-10-30",
     "the 2018 period", "DATE", "2018"),
    # minutes after a point (British style) before am/pm; a weekday with a plural part of the day is a SET
    ("The suspect was arrested at around 11.15am near the pharmacy.", "2019-05-07", "around 11.15am", "TIME",
     "2019-05-07T11:15"),
    ("The party holds its debates on Saturday evenings, when few people watch.", "2019-05-07", "Saturday evenings",
     "SET", "XXXX-WXX-6TEV"),
    # a month used as a first name elsewhere stays a month after a time preposition
    ("Neighbors say May Ellison, 43, was hurt. In May, the council voted to add a crosswalk.", "2019-05-07", "May#2",
     "DATE", "2019-05"),
    ("Work on the bridge will start in spring.", "2019-05-07", "spring", "DATE", "2019-SP"),
]


def _occurrence(text: str, extent: str) -> tuple[int, str]:
    """Start of ``extent`` in ``text``; "Tuesday#3" is the third occurrence of "Tuesday"."""
    word, _, k = extent.partition("#")
    start = -1
    for _ in range(int(k or 1)):
        start = text.index(word, start + 1)
    return start, word


@pytest.mark.parametrize("text,published,extent,ttype,value", CASES)
def test_times_news_value(times_nlp, text, published, extent, ttype, value):
    items = times_of(times_nlp, text, published)
    start, extent = _occurrence(text, extent)
    hits = [t for t in items if (t["start"], t["end"]) == (start, start + len(extent))]
    assert hits, f"{extent!r} at {start} not in {[(t['text'], t['start'], t['value']) for t in items]}"
    assert (hits[0]["type"], hits[0]["value"]) == (ttype, value)


@pytest.mark.parametrize("text,absent_start,absent", [
    # a month as a first name, also where it stands alone later; a season as a town; seasons inside place names
    ("Neighbors say May Ellison, 43, was walking her dog when the car struck her.", 14, "May"),
    ("Police say April Lane, 18, was hit. 'My sister, April,' her brother said.", 48, "April"),
    ("The crash happened in Spring, a suburb north of Houston, deputies said.", 22, "Spring"),
    ("She was born in Winter Haven and grew up in Summerton.", 44, "Summer"),
    # a model year, the end of a phone number written "(334)-246-", a chapter and verse, an age range
    ("Officers found a 2007 Jeep Cherokee parked in the road.", 17, "2007"),
    ("Call the tip line at (555)-246-1391 with information.", 31, "1391"),
    ("The photo quotes Romans 8:31 beside the door.", 24, "8:31"),
    ("At least 38 babies between one week and three months old were treated.", 27, "one week"),
])
def test_times_news_name_is_not_a_time(times_nlp, text, absent_start, absent):
    assert text[absent_start:].startswith(absent)
    items = times_of(times_nlp, text, "2019-05-07")
    assert not [t for t in items if t["start"] <= absent_start < t["end"]], items


@pytest.mark.parametrize("text,extent", [
    ("In 2007 Ford sold fewer cars than Toyota.", "2007"),
    ("The meeting ends Monday 8:30, officials said.", "8:30"),
    # an age after "to" is no age range of the clock time before it
    ("She called 911 just before 2:00 a.m. Saturday to report 36-year-old Ann Lee had been shot.",
     "just before 2:00 a.m. Saturday"),
])
def test_times_news_guard_stays_a_time(times_nlp, text, extent):
    start = text.index(extent)
    items = times_of(times_nlp, text, "2019-05-07")
    assert [t for t in items if (t["start"], t["end"]) == (start, start + len(extent))], items


def test_times_news_month_before_a_noun_stays_a_time(times_nlp):
    text = "A June poll found her ahead; April Wilson, a spokeswoman, declined to comment."
    items = times_of(times_nlp, text, "2019-05-07")
    assert [(t["start"], t["end"]) for t in items] == [(2, 6)]
