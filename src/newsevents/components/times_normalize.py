"""Normalisation of detected time expressions to TIMEX3 type, value and mod, anchored on a reference date.

The anchor is the publication date (or the time of a reported speech, chosen by the caller). Relative
expressions resolve against it; the tense of the governing verb picks the direction for underspecified ones
("Monday", "late September", "March 12"): past → the latest such date not after the anchor, future → the first
not before it, otherwise the nearest.

Convention without an anchor (no publication date): relative expressions keep a TIMEX3 value with ``X``
placeholders for what the anchor would have given ("yesterday" → ``XXXX-XX-XX``, "Monday" → ``XXXX-WXX-1``,
"last week" → ``XXXX-WXX``, "late September" → ``XXXX-09`` mod END, "this year" → ``XXXX``) and ``anchor`` is
None; absolute expressions ("March 2011", "February 27, 2016") and PRESENT_REF/PAST_REF/FUTURE_REF still resolve.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .times_detect import Candidate
from .times_lexicon import lexicon, words_to_number

Result = tuple[str, str, Optional[str], bool]  # (type, value, mod, used_anchor)
Anchor = Optional[dt.date]  # the date relative expressions are read against (None: unknown)

_MODS = [
    (r"no\s+more\s+than\s+", "EQUAL_OR_LESS"),
    (r"no\s+less\s+than\s+", "EQUAL_OR_MORE"),
    (r"(?:the\s+)?(?:very\s+)?(?:beginning|start|early\s+part)\s+of(?:\s+the)?\s+|early[\s-]+|earlier\s+", "START"),
    (r"(?:the\s+)?(?:very\s+)?(?:end|close|latter\s+part|latter\s+half|last\s+half)\s+of(?:\s+the)?\s+|late[\s-]+"
     r"|later\s+", "END"),
    (r"(?:the\s+)?middle\s+of(?:\s+the)?\s+|mid(?:[\s-]+|(?=\d))", "MID"),
    (r"(?:about|around|approximately|roughly|some|shortly\s+(?:before|after)|just\s+(?:before|after))\s+", "APPROX"),
    (r"(?:nearly|almost|less\s+than|fewer\s+than|under|just\s+under|barely)\s+", "LESS_THAN"),
    (r"(?:more\s+than|over|well\s+over|just\s+over)\s+", "MORE_THAN"),
    (r"at\s+least\s+", "EQUAL_OR_MORE"),
    (r"(?:up\s+to|at\s+most)\s+", "EQUAL_OR_LESS"),
]
_MOD_RX = [(re.compile(rf"^(?:{p})", re.I), m) for p, m in _MODS]
#: TIMEX3 time-of-day codes of the lexicon's parts of the day ("morning" → MO; noon and midnight are clock times)
POD_CODES = {word: code for word, code in lexicon().partofday.items() if code.isalpha()}


# "just" stays when a modifier follows it ("just before 4:30 p.m." is APPROX, not a bare "before 4:30 p.m.")
_NO_MOD = re.compile(r"^(?:only|just(?!\s+(?:before|after|under|over)\b)|barely|sometime|some\s+time)\s+(?=\w)",
                     re.I)


def strip_mod(text: str) -> tuple[str, Optional[str]]:
    """Remove a leading modifier ("late", "the end of", "about", "more than") and return (rest, TIMEX3 mod)."""
    text = _NO_MOD.sub("", text)
    for rx, mod in _MOD_RX:
        m = rx.match(text)
        if m and m.end() < len(text):
            return text[m.end():], mod
    return text, None


# ----------------------------------------------------------------------------------------------- value helpers
def fmt_day(d: Optional[dt.date]) -> str:
    """``YYYY-MM-DD`` or the unknown-anchor placeholder."""
    return d.isoformat() if d else "XXXX-XX-XX"


def fmt_week(d: Optional[dt.date]) -> str:
    """ISO week ``YYYY-Www`` of a date."""
    if d is None:
        return "XXXX-WXX"
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` calendar months (day clamped to 28 to stay valid)."""
    y, m = divmod(d.month - 1 + n, 12)
    return dt.date(d.year + y, m + 1, min(d.day, 28))


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


def _unit_info(word: str) -> tuple[str, str, float]:
    w = word.lower().rstrip("s") if word.lower() not in ("centuries",) else "century"
    if w == "hr":
        w = "hr"
    return lexicon().unit.get(w, ("X", "", 1.0))


def duration_value(number: Optional[float], unit_word: str) -> str:
    """TIMEX3 duration value: (5.5, "month") → P5.5M, (2, "decade") → P20Y, (None, "week") → PXW, (2, "hour") → PT2H.

    Decades and centuries become years (P20Y, P100Y), as in TimeBank.
    """
    letter, t, mult = _unit_info(unit_word)
    if number is None:
        return f"P{t}X{letter}"  # "decades", "centuries" → PXY like TimeBank
    n = number * mult
    if not float(n).is_integer() and letter in ("H", "M", "Y") and (letter != "M" or t) \
            and float(n * (12 if letter == "Y" else 60)).is_integer():
        # a fraction of a year, hour or minute is written with the next unit down, as TimeBank/AQUAINT do (3 of 3:
        # "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M, "a minute and a half" PT1M30S); a fraction of a month stays
        # decimal ("five-and-a-half-month" P5.5M), as a half month has no exact smaller unit
        whole, rest = int(n), round((n - int(n)) * (12 if letter == "Y" else 60))
        small = {"Y": "M", "H": "M", "M": "S"}[letter]
        head = f"{whole}{letter}" if whole else ""
        return f"P{t}{head}{rest}{small}"
    return f"P{t}{_num(n)}{letter}"


# ----------------------------------------------------------------------------------------------- choosing years
def choose(cands: list[tuple[dt.date, dt.date]], anchor: dt.date, tense: Optional[str], slack: int = 0) -> int:
    """Index of the candidate period (start, end) a tense points to relative to ``anchor``.

    past → the latest period starting on or before the anchor (plus ``slack`` days); future → the earliest
    ending on or after it; otherwise the period containing the anchor or else the nearest one.
    """
    if tense == "past":
        ok = [i for i, (s, _) in enumerate(cands) if s <= anchor + dt.timedelta(days=slack)]
        if ok:
            return max(ok, key=lambda i: cands[i][0])
    if tense == "future":
        ok = [i for i, (_, e) in enumerate(cands) if e >= anchor]
        if ok:
            return min(ok, key=lambda i: cands[i][0])

    def dist(i: int) -> int:
        s, e = cands[i]
        return 0 if s <= anchor <= e else min(abs((s - anchor).days), abs((e - anchor).days))

    return min(range(len(cands)), key=lambda i: (dist(i), -cands[i][0].toordinal()))


def _month_end(y: int, m: int) -> dt.date:
    return add_months(dt.date(y, m, 1), 1) - dt.timedelta(days=1)


def year_for_month(month: int, anchor: dt.date, tense: Optional[str], rel: Optional[str] = None) -> int:
    """Year of a month named without one ("late September", "last April", "next March")."""
    ys = [anchor.year - 1, anchor.year, anchor.year + 1]
    if rel in ("this", "current"):
        return anchor.year
    if rel in ("last", "past", "previous"):
        return anchor.year if month < anchor.month else anchor.year - 1
    if rel in ("next", "coming", "following"):
        return anchor.year if month > anchor.month else anchor.year + 1
    cands = [(dt.date(y, month, 1), _month_end(y, month)) for y in ys]
    # past-tense reports of next month's plans are common ("gave them until mid-November", said on Oct. 30):
    # a month starting within 31 days of the anchor stays in its year
    return ys[choose(cands, anchor, tense, slack=31)]


def year_for_day(month: int, day: int, anchor: dt.date, tense: Optional[str]) -> Optional[dt.date]:
    """The date of a month-day named without a year ("February 27")."""
    out = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            out.append(dt.date(y, month, day))
        except ValueError:
            continue
    if not out:
        return None
    # A day named without a year in news is nearly always in the anchor's year; move to the neighbouring year only
    # when the tense puts it on the other side of the anchor (past: more than three months after it, as past-tense
    # reports of a coming date are common ("declared a dividend payable Dec. 7" on Oct. 27, "subpoenaed him to
    # testify Feb. 10" on Jan. 7) while wire style gives the year of a date that is not in the current one; a month
    # here fixed 4 TimeBank/AQUAINT dates (31 → 92 days) and broke none; future: more than a week before it) or,
    # without a tense, when it is more than half a year away.
    same = [d for d in out if d.year == anchor.year]
    if same:
        d, gap = same[0], (same[0] - anchor).days
        if (tense == "past" and gap <= 92) or (tense == "future" and gap >= -7) or \
                (tense not in ("past", "future") and abs(gap) <= 183):
            return d
    return out[choose([(d, d) for d in out], anchor, tense)]


def resolve_weekday(wd: int, anchor: dt.date, tense: Optional[str], rel: Optional[str] = None) -> dt.date:
    """The date a weekday name points to ("Monday", "last Friday", "next Tuesday").

    Bare weekday: same weekday as the anchor → the anchor day (a Tuesday story's "from Tuesday" is that day);
    future or present tense → the first one on or after the anchor; otherwise the latest one before it.
    """
    diff = wd - anchor.isoweekday()
    if rel == "this":
        return anchor + dt.timedelta(days=diff)
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=diff % 7 or 7)
    if rel in ("last", "past"):
        return anchor - dt.timedelta(days=(-diff) % 7 or 7)
    if diff == 0:
        return anchor
    # a weekday with a present-tense verb is a plan or schedule ("meet Monday", "the vote is Tuesday")
    if tense in ("future", "present"):
        return anchor + dt.timedelta(days=diff % 7)
    return anchor - dt.timedelta(days=(-diff) % 7)


def quarter_of(d: dt.date) -> int:
    """Calendar quarter 1–4 of a date."""
    return (d.month - 1) // 3 + 1


def season_of(d: dt.date) -> tuple[int, str]:
    """(year, code) of the meteorological season a date falls in (December counts to the next year's winter)."""
    if d.month == 12:
        return d.year + 1, "WI"
    return d.year, {1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday_date(rule: str, year: int) -> dt.date:
    """Date of a holiday in ``year`` from its lexicon rule (``MM-DD`` or a named rule)."""
    if re.fullmatch(r"\d\d-\d\d", rule):
        return dt.date(year, int(rule[:2]), int(rule[3:]))
    if rule in ("easter", "good_friday"):
        return easter(year) - dt.timedelta(days=2 if rule == "good_friday" else 0)

    def nth_weekday(month: int, wd: int, n: int) -> dt.date:
        if n > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
        last = _month_end(year, month)
        return last - dt.timedelta(days=(last.isoweekday() - wd) % 7)

    # US holidays by rule; Election Day is the Tuesday after the first Monday of November
    return {"thanksgiving": lambda: nth_weekday(11, 4, 4), "labor_day": lambda: nth_weekday(9, 1, 1),
            "memorial_day": lambda: nth_weekday(5, 1, -1), "fathers_day": lambda: nth_weekday(6, 7, 3),
            "mothers_day": lambda: nth_weekday(5, 7, 2), "mlk_day": lambda: nth_weekday(1, 1, 3),
            "presidents_day": lambda: nth_weekday(2, 1, 3), "columbus_day": lambda: nth_weekday(10, 1, 2),
            "election_day": lambda: nth_weekday(11, 1, 1) + dt.timedelta(days=1)}[rule]()


def holiday_weekend(day: dt.date) -> str:
    """TIMEX3 value of "<holiday> weekend": the weekend before a Monday-Wednesday holiday ("Memorial Day
    weekend"), the one after a Thursday-Friday one ("Thanksgiving weekend"), its own for a Saturday or Sunday."""
    wd = day.isoweekday()
    # Thursday to Sunday: the Saturday 6 - wd days on (a day back for a Sunday); Monday to Wednesday: the one before
    sat = day + dt.timedelta(days=6 - wd) if wd >= 4 else day - dt.timedelta(days=wd + 1)
    y, w, _ = sat.isocalendar()
    return f"{y:04d}-W{w:02d}-WE"


_NTH_WEEK = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def week_of_month(year: int, month: int, which: str) -> str:
    """ISO week value of "the first/second/.../last week of <month>": the week holding most of that week's days,
    i.e. the one containing the 4th (first week), 11th, 18th, 25th, or the month's last day minus three (last)."""
    n = _NTH_WEEK[which.lower()]
    day = _month_end(year, month) - dt.timedelta(days=3) if n < 0 else dt.date(year, month, 4 + 7 * (n - 1))
    return fmt_week(day)


def period_shift(unit: str, anchor: dt.date, n: int) -> str:
    """Value of the calendar period of ``unit`` containing ``anchor`` moved by ``n`` periods."""
    if unit in ("day", "night"):
        return fmt_day(anchor + dt.timedelta(days=n))
    if unit == "week":
        return fmt_week(anchor + dt.timedelta(weeks=n))
    if unit == "weekend":
        return fmt_week(anchor + dt.timedelta(weeks=n)) + "-WE"
    if unit == "month":
        d = add_months(anchor, n)
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "quarter":
        q = anchor.year * 4 + quarter_of(anchor) - 1 + n
        return f"{q // 4:04d}-Q{q % 4 + 1}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}"
    if unit in ("century", "centurie"):
        return f"{anchor.year // 100 + n:02d}"
    return fmt_day(anchor)


_UNKNOWN = {"day": "XXXX-XX-XX", "night": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX", "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX"}


def relative_period(unit: str, anchor: Optional[dt.date], n: int) -> str:
    """:func:`period_shift`, or the unknown-anchor placeholder when there is no anchor."""
    unit = unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    if anchor is None:
        return _UNKNOWN.get(unit, "XXXX-XX-XX")
    return period_shift(unit, anchor, n)


def normalize(cand: Candidate, anchor: Optional[dt.date], tense: Optional[str], before: str = "") -> Optional[Result]:
    """TIMEX3 (type, value, mod, used_anchor) of a candidate, or None if it is not a time expression after all.

    Args:
        cand: The detected expression.
        anchor: Reference date (publication date or speech time), None if unknown.
        tense: "past", "present", "future" or None: tense of the verb governing the expression.
        before: Up to ~30 characters of text before the expression (for "$5 a year"-style frequencies).
    """
    from .times_rules import RULES  # the per-kind readers live next door (module size)

    reader = RULES.get(cand.kind)
    if reader is None:
        return None
    return reader(cand.text, anchor, tense, before)


__all__ = ["normalize", "strip_mod", "duration_value", "words_to_number", "resolve_weekday", "year_for_month",
           "year_for_day", "relative_period", "holiday_date", "holiday_weekend", "week_of_month", "season_of",
           "quarter_of", "fmt_day", "fmt_week", "add_months", "choose", "easter", "POD_CODES"]
