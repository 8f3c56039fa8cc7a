"""Per-kind readers: turn the text of a detected expression into TIMEX3 (type, value, mod, used_anchor).

One function per detector kind (see :mod:`times_detect`), registered in :data:`RULES`. Helpers for dates, weeks,
quarters and the choice of year live in :mod:`times_normalize`.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Optional

from .times_lexicon import ONE_UNIT_ADJ, lexicon, words_to_number
from .times_normalize import (
    POD_CODES, Anchor, Result, choose, duration_value, fmt_day, holiday_date, holiday_weekend, quarter_of,
    relative_period, resolve_weekday, season_of, strip_mod, week_of_month, year_for_day, year_for_month,
)
from .times_reports import REPORT_RULES

_I = re.I
_REL_SHIFT = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
              "following": 1}
_RX_MONTH_WORD = re.compile(r"[A-Za-z]+")
_RX_YEAR = re.compile(r"(?<!\d)(1\d{3}|20\d\d)(?!\d)")
_RX_RELYEAR = re.compile(r"\b(this|last|next)\s+year", _I)
_RX_NUM_UNIT = re.compile(r"^(?:(?:the|a|an|its|their|his|her|this|that)\s+)?(?:(past|last|next|first|coming|previous|"
                          r"following|final|latest|preceding|ensuing|initial|remaining|full|entire|whole|additional|"
                          r"further|another|other)\s+)?(.+?)[\s-]+(?:(?:more|straight|consecutive)\s+)?"
                          r"(?:(?:trading|business|working)\s+)?(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|"
                          r"nights?|weekends?|weeks?|fortnights?|months?|quarters?|years?|yrs?|decades?|century|"
                          r"centuries)(?:[\s-]+and[\s-]+a[\s-]+half)?$", _I)
_VAGUE = re.compile(r"^(?:a\s+few|few|several|many|some|a\s+couple\s+of|couple\s+of|a\s+couple|dozens\s+of|"
                    r"hundreds\s+of|thousands\s+of|a\s+number\s+of|numerous)$", _I)


def _month_num(word: str) -> Optional[int]:
    return lexicon().month.get(word.lower().rstrip("."))


def _find_month(text: str) -> Optional[int]:
    for w in _RX_MONTH_WORD.findall(text):
        m = _month_num(w)
        if m and (w[0].isupper()):
            return m
    return None


def _year_in(text: str, anchor: Anchor) -> tuple[Optional[int], bool]:
    """(year, relative?) from an explicit year or "this/last/next year" in ``text``."""
    m = _RX_YEAR.search(text)
    if m:
        return int(m.group(1)), False
    m = _RX_RELYEAR.search(text)
    if m and anchor:
        return anchor.year + _REL_SHIFT[m.group(1).lower()], True
    if m:
        return None, True
    m = _RX_YEAR_WORDS.search(text)
    if m:
        spoken = read_year_words(m.group(0), anchor, None, None)
        if spoken:
            return int(spoken[1]), False
    return None, False


_RX_YEAR_WORDS = re.compile(r"\b(?:nineteen|twenty)[\s-]+[a-z][a-z\s-]*$", re.I)


def _number_of(text: str) -> tuple[Optional[float], bool]:
    """(number, vague?) of the count in a duration ("five-and-a-half", "a few", "twenty four")."""
    # "a full day", "an additional year": one unit (the article may already be read as the determiner)
    t = re.sub(rf"^(?:an?\s+)?{ONE_UNIT_ADJ}$", "a", text.strip(), flags=_I)
    if re.fullmatch(r"(?:a\s+)?couple(?:\s+of)?", t, _I):
        return 2.0, False
    if _VAGUE.match(t):
        return None, True
    n = words_to_number(t)
    if n is None and re.search(r"and[\s-]+a[\s-]+half$", t, _I):
        n = words_to_number(re.sub(r"[\s-]+and[\s-]+a[\s-]+half$", "", t))
        n = None if n is None else n + 0.5
    if n is None and re.fullmatch(r"\d+\s+1/2", t):  # "2 1/2 years" in wire copy
        n = int(t.split()[0]) + 0.5
    return n, n is None


# ------------------------------------------------------------------------------------------------ readers
def read_iso(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    m = re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d:\d\d)(?::\d\d)?)?", text)
    if m:
        try:
            dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
        if m.group(4):
            return "TIME", f"{text[:10]}T{m.group(4)}", None, False
        return "DATE", text, None, False
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    if not m:
        return None
    mo, d, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if y < 100:
        y += 2000 if y < 50 else 1900
    try:
        return "DATE", dt.date(y, mo, d).isoformat(), None, False
    except ValueError:
        return None


def read_date(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"March 12", "Tuesday, March 15, 2016", "12 March", "the 3rd of May 1998"."""
    body, mod = strip_mod(text)
    month = _find_month(body)
    dm = re.search(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)", body)
    if not month or not dm:
        return None
    day = int(dm.group(1))
    year, _ = _year_in(body[dm.end():] if dm.start() < body.find(str(day)) + 3 else body, anchor)
    year = year if year and year != day else None
    if year:
        try:
            return "DATE", dt.date(year, month, day).isoformat(), mod, False
        except ValueError:
            return None
    if anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", mod, False
    d = year_for_day(month, day, anchor, tense)
    return ("DATE", d.isoformat(), mod, True) if d else None


def read_month_year(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    body, mod = strip_mod(text)
    month = _find_month(body)
    year, rel = _year_in(body, anchor)
    if not month:
        return None
    if year is None:
        return "DATE", f"XXXX-{month:02d}", mod, False
    return "DATE", f"{year:04d}-{month:02d}", mod, rel


def _this_past(text: str) -> str:
    """"this past Sunday" reads as "past Sunday", "this coming spring" as "coming spring"."""
    return re.sub(r"\bthis\s+(past|coming)\b", r"\1", text, flags=_I)


def read_month(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"September", "late September", "last April", "earlier this month" is handled by read_relative."""
    body, mod = strip_mod(_this_past(text))
    rel = None
    m = re.match(r"(this|last|next|past|coming|previous|following|current)\s+", body, _I)
    if m:
        rel, body = m.group(1).lower(), body[m.end():]
    body, mod2 = strip_mod(body)
    month = _find_month(body)
    if not month:
        return None
    if anchor is None:
        return "DATE", f"XXXX-{month:02d}", mod or mod2, False
    return "DATE", f"{year_for_month(month, anchor, tense, rel):04d}-{month:02d}", mod or mod2, True


def read_year(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    half = re.match(r"(?:the\s+)?(first|second|last|latter)\s+half\s+of\s+", text, _I)
    body, mod = strip_mod(text)
    m = _RX_YEAR.search(body)
    if not m:
        return None
    if half:
        return "DATE", f"{m.group(1)}-H{1 if half.group(1).lower() == 'first' else 2}", None, False
    tail = body[m.end():].lower()
    if "or later" in tail:
        mod = "ON_OR_AFTER"
    elif "or earlier" in tail or "or before" in tail:
        mod = "ON_OR_BEFORE"
    return "DATE", m.group(1), mod, False


def read_decade(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    body, mod = strip_mod(re.sub(r"^the\s+", "", text, flags=_I))
    words = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
             "nineties": 9}
    w = re.search(r"[a-z]+ies$", body.lower())
    if w and w.group(0) in words:
        body = f"{words[w.group(0)]}0s"
    m = re.search(r"(\d{4})s|'(\d)0s|(\d)0s", body)
    if not m:
        return None
    if m.group(1):
        return "DATE", m.group(1)[:3], mod, False
    tens = int(m.group(2) or m.group(3))
    ref = anchor.year if anchor else 2000
    century = ref // 100
    if century * 100 + tens * 10 > ref:  # a decade not begun yet is the previous century's ("the 80s" in 2016)
        century -= 1
    return "DATE", f"{century:02d}{tens}", mod, anchor is not None


def read_century(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    body, mod = strip_mod(re.sub(r"^the\s+", "", text, flags=_I))
    m = re.match(r"(\d{1,2})(?:st|nd|rd|th)|([a-z-]+)", body, _I)
    n = int(m.group(1)) if m and m.group(1) else lexicon().ordinal.get((m.group(2) or "").lower()) if m else None
    if not n or n < 1:
        return None
    return "DATE", f"{n - 1:02d}", mod, False


_ORD_Q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "q1": 1, "q2": 2,
          "q3": 3, "q4": 4}


def read_quarter(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"the third quarter", "fourth-quarter", "the latest quarter", "the 1988 second quarter"."""
    low = text.lower()
    q = next((v for k, v in _ORD_Q.items() if re.search(rf"\b{k}\b", low)), None)
    year, rel_year = _year_in(low, anchor)
    if re.search(r"year-(?:ago|earlier)|\blast\s+year's", low) and anchor:
        year, rel_year = anchor.year - 1, True
    if anchor is None and year is None:
        return "DATE", f"XXXX-Q{q}" if q else "XXXX-QX", None, False
    if q is None:
        if anchor is None:
            return "DATE", f"{year:04d}-QX", None, False
        cur = anchor.year * 4 + quarter_of(anchor) - 1
        if re.search(r"\b(?:next|coming|following)\b", low):
            cur += 1
        elif not re.search(r"\b(?:this|current)\b", low):
            cur -= 1  # "the quarter"/"the latest quarter": the last one reported, i.e. the one before the anchor's
        if year is not None:
            cur = year * 4 + cur % 4
        return "DATE", f"{cur // 4:04d}-Q{cur % 4 + 1}", None, True
    if year is None:
        year = anchor.year
        # an ordinal quarter later than the anchor's, in a text not about the future, is last year's
        if q > quarter_of(anchor) and tense != "future":
            year -= 1
        rel_year = True
    return "DATE", f"{year:04d}-Q{q}", None, rel_year


def read_half(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    low = text.lower()
    h = 1 if "first" in low else 2
    year, rel = _year_in(low, anchor)
    if year is None:
        if anchor is None:
            return "DATE", f"XXXX-H{h}", None, False
        year, rel = anchor.year, True
    return "DATE", f"{year:04d}-H{h}", None, rel


def read_season(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    body, mod = strip_mod(re.sub(r"^the\s+", "", _this_past(text), flags=_I))
    m = re.match(r"(this|last|next|past|coming|upcoming|previous|following|current|that)\s+", body, _I)
    rel = m.group(1).lower() if m else None
    if m:
        body = body[m.end():]
    body, mod2 = strip_mod(re.sub(r"^the\s+", "", body, flags=_I))
    mod = mod or mod2
    sm = re.match(r"[a-z]+", body, _I)
    code = lexicon().season.get(sm.group(0).lower()) if sm else None
    if not code:
        return None
    year, _ = _year_in(body, anchor)
    if year:
        return "DATE", f"{year:04d}-{code}", mod, False
    if anchor is None:
        return "DATE", f"XXXX-{code}", mod, False
    cur_year, cur = season_of(anchor)
    order = ["WI", "SP", "SU", "FA"]
    idx = cur_year * 4 + order.index(cur)
    cands = [y * 4 + order.index(code) for y in (cur_year - 1, cur_year, cur_year + 1)]
    if rel in ("last", "past", "previous"):
        pick = max(c for c in cands if c < idx)
    elif rel in ("next", "coming", "upcoming", "following"):
        pick = min(c for c in cands if c > idx)
    elif rel in ("this", "current"):
        pick = cur_year * 4 + order.index(code)
    elif tense == "future":
        pick = min(c for c in cands if c >= idx)
    elif tense == "past":
        pick = max(c for c in cands if c <= idx)
    else:
        pick = min(cands, key=lambda c: (abs(c - idx), -c))
    return "DATE", f"{pick // 4:04d}-{code}", mod, True


def read_week_of(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"the last week of October" → 2015-W44 (the month's year chosen like a bare month's)."""
    m = re.match(r"the\s+(\w+)\s+week\s+of\s+(.+)$", text, _I)
    month = _find_month(m.group(2)) if m else None
    if month is None:
        return None
    year, _ = _year_in(m.group(2), anchor)
    if year is None and anchor is None:
        return "DATE", "XXXX-WXX", None, False
    used = year is None
    return "DATE", week_of_month(year or year_for_month(month, anchor, tense), month, m.group(1)), None, used


def read_relative(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"last week", "next month", "this year", "early next year", "earlier this month", "the past year"."""
    body, mod = strip_mod(_this_past(text))
    m = re.search(r"(?:(the)\s+)?(this|last|next|past|coming|previous|following|current)\s+(?:fiscal\s+)?"
                  r"(week|weekend|month|year|decade|century)$", body, _I)
    if not m:
        bare = re.fullmatch(r"(?:in\s+)?(?:the\s+)?(week|month|year)", body, _I)
        if not bare or mod is None:
            return None
        return "DATE", relative_period(bare.group(1).lower(), anchor, 0), mod, anchor is not None
    det, rel, unit = m.group(1), m.group(2).lower(), m.group(3).lower()
    if det and rel in ("past", "last") and unit in ("decade", "century") and mod is None:
        return "DURATION", duration_value(1, unit), None, False
    if rel == "past" and not det:
        rel = "last"
    value = relative_period(unit, anchor, _REL_SHIFT[rel])
    return "DATE", value, mod, anchor is not None


def read_year_adj(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    if anchor is None:
        return "DATE", "XXXX", None, False
    if "quarter" in text.lower():
        cur = (anchor.year - 1) * 4 + quarter_of(anchor) - 2
        return "DATE", f"{cur // 4:04d}-Q{cur % 4 + 1}", None, True
    return "DATE", f"{anchor.year - 1:04d}", None, True


def read_ago(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"two years ago" → the year two years before the anchor; "a year earlier", "three days later"."""
    body, mod = strip_mod(text)
    m = re.match(r"(.*?)[\s-]*\b(seconds?|minutes?|hours?|days?|nights?|weekends?|weeks?|fortnights?|months?|"
                 r"quarters?|years?|decades?|century|centuries)(?:\s+or\s+so)?\s+(ago|earlier|later|from\s+now|"
                 r"hence)$", body, _I)
    if not m:
        return None
    if m.group(0).lower().find(" or so ") >= 0:
        mod = mod or "APPROX"
    sign = -1 if m.group(3).lower() in ("ago", "earlier") else 1
    n, vague = _number_of(m.group(1)) if m.group(1).strip() else (None, True)
    if vague or n is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod, False
    letter, t, mult = lexicon().unit.get(re.sub(r"s$", "", m.group(2).lower().replace("centuries", "century")),
                                          ("D", "", 1))
    if anchor is None:
        return "DATE", {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "Q": "XXXX-QX"}.get(letter, "XXXX-XX-XX"), \
            mod, False
    k = int(round(n * mult * sign))
    if t:  # "an hour later" counts from an event, not the anchor: a duration; "two hours ago": the day
        if sign > 0 or m.group(3).lower() == "earlier":
            return "DURATION", duration_value(n, m.group(2)), mod, False
        return "DATE", anchor.isoformat(), mod, True
    unit = {"Y": "year", "M": "month", "W": "week", "Q": "quarter", "D": "day", "WE": "weekend"}[letter]
    return "DATE", relative_period(unit, anchor, k), mod, True


def read_duration(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"five-and-a-half-month", "the past 20 years", "more than two years", "a minute and a half"."""
    body, mod = strip_mod(text)
    m = _RX_NUM_UNIT.match(body)
    if not m:
        return None
    n, vague = _number_of(m.group(2))
    if n is not None and re.search(r"and[\s-]+a[\s-]+half$", body, _I) and not re.search(
            r"and[\s-]+a[\s-]+half", m.group(2), _I):
        n += 0.5
    unit = m.group(3)
    if n == 1 and not m.group(1) and re.match(r"(?:a|an|per)\s", body, _I) and re.search(
            r"(?:\d|percent|%|cents?|times|a\s+share)\W{0,3}(?:\w+\W+){0,3}$", before, _I):
        # "$5 a year", "12 percent a year", "twice a day": a frequency, not a stretch of time
        return "SET", duration_value(1, unit), None, False
    return "DURATION", duration_value(None if vague else n, unit), mod, False


def read_vague_plural(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"recent weeks" (PAST_REF), "the coming months" (PXM), "the past few years" (PXY), "for years"."""
    low = text.lower()
    if re.search(r"\brecent\b", low):
        return "DATE", "PAST_REF", None, False

    m = re.search(r"(seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)", low)
    return ("DURATION", duration_value(None, m.group(1)), None, False) if m else None


def _day_from(anchor: Anchor, shift: int) -> str:
    """The anchor moved ``shift`` days as ``YYYY-MM-DD`` (the unknown-anchor placeholder without an anchor)."""
    return fmt_day(anchor + dt.timedelta(days=shift) if anchor else None)


def _day_or_time(day: str, pod: Optional[str], mod: Optional[str], anchor: Anchor) -> Result:
    """The day (DATE), or its part of the day when one is named (TIME: "Tuesday morning" → ``…TMO``)."""
    if pod:
        return "TIME", f"{day}T{POD_CODES[pod.lower()]}", mod, anchor is not None
    return "DATE", day, mod, anchor is not None


def read_pod(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"this morning", "last night", "tonight", "yesterday afternoon", "later this afternoon"."""
    body, mod = strip_mod(text)
    low = body.lower()
    day_after = re.search(r"\s+(yesterday|today|tomorrow)$", low)  # "mid-afternoon yesterday"
    if day_after:
        low = f"{day_after.group(1)} {low[:day_after.start()]}"
    shift = -1 if re.match(r"(?:yesterday|last)\b", low) else 1 if low.startswith("tomorrow") else 0
    pm = re.search(r"(morning|afternoon|evening|night|tonight|overnight)$", low)
    if not pm:
        return None
    return _day_or_time(_day_from(anchor, shift), pm.group(1), mod, anchor)


def read_weekday(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    body, mod = strip_mod(_this_past(text))
    m = re.match(r"(?:(last|next|this|past|coming)\s+)?([a-z]+)(?:\s+(morning|afternoon|evening|night))?$", body, _I)
    if not m:
        return None
    wd = lexicon().weekday.get(m.group(2).lower())
    if not wd:
        return None
    rel = m.group(1).lower() if m.group(1) else None
    if anchor is None:
        day = f"XXXX-WXX-{wd}"
    else:
        day = resolve_weekday(wd, anchor, tense, rel).isoformat()
    return _day_or_time(day, m.group(3), mod, anchor)


def read_deictic(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    body, mod = strip_mod(text)
    m = re.match(r"(today|yesterday|tomorrow)(?:\s+(morning|afternoon|evening|night))?$", body, _I)
    if not m:
        return None
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group(1).lower()]
    return _day_or_time(_day_from(anchor, shift), m.group(2), mod, anchor)


def read_clock(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"10 p.m. Wednesday", "3:30 p.m.", "noon", "midnight", "4 in the morning"."""
    body, mod = strip_mod(text)
    low = body.lower()
    m = re.match(r"(\d{1,2})(?:[:.](\d\d))?\s*(a\.?m\.?|p\.?m\.?|o'clock|in\s+the\s+(morning|afternoon|evening))?", low)
    if re.match(r"\d{4}\s+(?:gmt|utc)", low):  # "0600 GMT"
        m = re.match(r"(\d\d)(\d\d)()()", low)
    if low.startswith("noon") or low.startswith("midday"):
        hh, mm = 12, 0
    elif low.startswith("midnight"):
        hh, mm = 24, 0
    elif m:
        hh, mm = int(m.group(1)), int(m.group(2) or 0)
        mer = (m.group(3) or "").replace(".", "")
        if mer.startswith("p") or (m.group(4) in ("afternoon", "evening")):
            hh = hh + 12 if hh < 12 else hh
        elif mer.startswith("a") and hh == 12:
            hh = 0
        if hh > 24 or mm > 59:
            return None
    else:
        return None
    day = fmt_day(anchor)
    dm = re.search(r"(today|yesterday|tomorrow|tonight|[a-z]+day)$", low)
    used = anchor is not None
    on_date = re.search(r"[A-Z][a-z]+\.?\s+\d{1,2}\b.*$", body)
    if on_date:  # "5 p.m. EST Nov. 9"
        res = read_date(on_date.group(0), anchor, tense, before)
        if res:
            day, used, dm = res[1], res[3], None
    if dm and anchor is not None:
        w = dm.group(1)
        if w in ("yesterday", "tomorrow"):
            day = fmt_day(anchor + dt.timedelta(days=-1 if w == "yesterday" else 1))
        elif w in lexicon().weekday:
            day = resolve_weekday(lexicon().weekday[w], anchor, tense).isoformat()
    elif dm and dm.group(1) in lexicon().weekday:
        day = f"XXXX-WXX-{lexicon().weekday[dm.group(1)]}"
    return "TIME", f"{day}T{hh:02d}:{mm:02d}", mod, used


def read_ref(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    low = re.sub(r"\s+", " ", text.lower())
    hit = lexicon().ref.get(low)
    return ("DATE", hit[0], None, False) if hit else None


def read_set(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"every week" P1W, "daily" P1D, "twice a month" P1M, "each Thursday" XXXX-WXX-4, "Tuesday nights"."""
    lex = lexicon()
    low = re.sub(r"\s+", " ", text.lower())
    if low in lex.set:
        return "SET", lex.set[low], None, False
    m = re.search(r"([a-z]+day)s?(?: (morning|afternoon|evening|night)s?)?$", low)
    if m and m.group(1) in lex.weekday:
        pod = f"T{POD_CODES[m.group(2)]}" if m.group(2) else ""
        return "SET", f"XXXX-WXX-{lex.weekday[m.group(1)]}{pod}", None, False
    m = re.search(r"(morning|afternoon|evening|night)$", low)
    if m:
        return "SET", f"XXXX-XX-XXT{POD_CODES[m.group(1)]}", None, False
    for word, code in lex.season.items():
        if low.endswith(word):
            return "SET", f"XXXX-{code}", None, False
    month = _find_month(text)
    if month:
        return "SET", f"XXXX-{month:02d}", None, False
    um = re.search(r"(?:(every|each|per|an?) )?(?:other )?(?:(.+?) )?([a-z]+)$", low)
    if not um:
        return None
    n = 2 if " other " in f" {low} " else 1
    if um.group(1) in ("every", "each") and um.group(2):
        k, _ = _number_of(um.group(2))
        n = int(k) if k else n
    return "SET", duration_value(n, um.group(3)), None, False


def _holiday_in_year(rule: str, anchor: dt.date, tense) -> dt.date:
    """A holiday named without a year, chosen like a month-day without one (:func:`year_for_day`): this year's
    unless the tense puts it on the other side of the anchor ("Easter" six days ahead in a past-tense clause is this
    year's, not last year's)."""
    ds = [holiday_date(rule, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    gap = (ds[1] - anchor).days
    if (tense == "past" and gap <= 92) or (tense == "future" and gap >= -7) or \
            (tense not in ("past", "future") and abs(gap) <= 183):
        return ds[1]
    return ds[choose([(d, d) for d in ds], anchor, tense)]


def read_holiday(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    lex = lexicon()
    low = re.sub(r"\s+", " ", text.lower().replace("’", "'"))
    year, _ = _year_in(low, anchor)
    name = _RX_YEAR.sub("", low).strip()
    weekend = name.endswith(" weekend")
    rule = lex.holiday.get(name[:-len(" weekend")] if weekend else name)
    if not rule:
        return None
    if year:
        day, used = holiday_date(rule, year), False
    elif anchor is None:
        if weekend:
            return "DATE", "XXXX-WXX-WE", None, False
        return "DATE", f"XXXX-{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX", None, False
    else:
        day, used = _holiday_in_year(rule, anchor, tense), True
    return "DATE", holiday_weekend(day) if weekend else day.isoformat(), None, used


def read_weekend(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"the weekend": the one before the anchor, or the coming one in a future-tense clause."""
    if anchor is None:
        return "DATE", "XXXX-WXX-WE", None, False
    sat = anchor + dt.timedelta(days=(6 - anchor.isoweekday()))
    if tense != "future" and sat > anchor:
        sat -= dt.timedelta(days=7)
    y, w, _ = sat.isocalendar()
    return "DATE", f"{y:04d}-W{w:02d}-WE", None, True


def read_year_words(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"nineteen ninety-six" → 1996, "the year two thousand" → 2000."""
    low = re.sub(r"^the\s+year\s+", "", text.lower())
    m = re.match(r"(nineteen|twenty)[\s-]+(?:hundred(?:\s+and)?\s+)?(?:o[\s-]+)?(.+)$", low)
    if m:
        rest = words_to_number(m.group(2))
        if rest is None:
            return None
        return "DATE", f"{(19 if m.group(1) == 'nineteen' else 20) * 100 + int(rest):04d}", None, False
    n = words_to_number(low)
    return ("DATE", f"{int(n):04d}", None, False) if n and 1000 <= n < 2100 else None


def read_anaphoric(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"later that year", "the same month", "the following day", "the next morning": the period of the anchor
    (moved one on for "following"/"next", one back for "previous"/"prior"); the stage re-reads it against the last
    date the text named, when there is one (times.py)."""
    body, mod = strip_mod(text)
    m = re.search(r"(day|week|month|year|morning|afternoon|evening|night)$", body, _I)
    if not m:
        return None
    shift = 1 if re.search(r"\b(?:following|next)\b", body, _I) else -1 if re.search(r"\b(?:previous|prior)\b",
                                                                                           body, _I) else 0
    unit = m.group(1).lower()
    if unit in POD_CODES:
        return _day_or_time(_day_from(anchor, shift), unit, mod, anchor)
    return "DATE", relative_period(unit, anchor, shift), mod, anchor is not None


RULES: dict[str, Callable[..., Optional[Result]]] = {
    "iso": read_iso, "date_mdy": read_date, "date_dmy": read_date, "month_year": read_month_year,
    "month": read_month, "year": read_year, "decade": read_decade, "century": read_century,
    "quarter": read_quarter, "half": read_half, "season": read_season, "relative": read_relative,
    "week_of": read_week_of,
    "year_adj": read_year_adj, "ago": read_ago, "duration": read_duration, "vague_plural": read_vague_plural,
    "units_later": read_vague_plural,
    "pod": read_pod, "weekday": read_weekday, "deictic": read_deictic, "clock": read_clock, "ref": read_ref,
    "set": read_set, "holiday": read_holiday, "weekend": read_weekend, "year_words": read_year_words,
    "anaphoric": read_anaphoric, **REPORT_RULES,
}
