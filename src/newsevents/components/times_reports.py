"""Periods of company reports: the readers and the document-level passes for earnings-report time expressions.

"for the year", "the year ended June 30", "the latest period", "a year earlier" next to a quarter,
"the 1988 period": WSJ/AP business copy names its reporting periods this way, and each is read against the quarter
the report named (or the publication year). The readers are registered in :data:`REPORT_RULES` (merged into
:data:`times_rules.RULES`); the passes run in :func:`times.extract_times` after every time has its own value.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from spacy.tokens import Doc

from .times_normalize import Anchor, Result, relative_period


def read_period(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"the latest period": a placeholder :func:`latest_periods` replaces by the report's quarter, or drops."""
    return "DATE", "PRESENT_REF", None, False


def read_the_year(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"for the year", "the full year" in a report: the anchor's year (TimeBank: 5 of 5)."""
    return "DATE", relative_period("year", anchor, 0), None, anchor is not None


def read_fiscal_year(text: str, anchor: Anchor, tense, before) -> Optional[Result]:
    """"the year ended June 30": a fiscal year, annotated as the stretch P1Y (TimeBank: 6 of 8)."""
    return "DURATION", "P1Y", None, False


REPORT_RULES: dict[str, Callable[..., Optional[Result]]] = {
    "period": read_period, "the_year": read_the_year, "fiscal_year": read_fiscal_year,
}


_YEAR_BACK = re.compile(r"\byear[\s-]+(?:ago|earlier)\b", re.I)
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


def _reported_quarter(item: dict) -> Optional[re.Match]:
    """The quarter an item names as the report's own period ("third-quarter net"), not as the comparison period
    ("the year-ago quarter", "a year earlier")."""
    return None if _YEAR_BACK.search(item["text"]) else _QUARTER.match(item["value"] or "")


def comparison_periods(doc: Doc, items: list[dict]) -> None:
    """"a year earlier" next to a quarter ("third-quarter profit fell from $5 a year earlier") is that quarter
    of the year before: the comparison period of an earnings report, not the whole year."""
    todo = [item for item in items if item["type"] == "DATE" and _YEAR_BACK.search(item["text"])]
    if not todo or not doc.has_annotation("SENT_START"):
        return
    for item in todo:
        sent = doc.char_span(item["start"], item["end"], alignment_mode="expand")
        if sent is None:
            continue
        s = sent.sent
        quarters = [_QUARTER.match(o["value"] or "") for o in items
                    if o is not item and s.start_char <= o["start"] < s.end_char]
        quarters = [q for q in quarters if q]
        if not quarters and s.start > 0:
            # the report names its quarter once, then compares ("... posted third-quarter net. It had net of $1.1
            # million a year ago."): the sentence before, latest quarter first, not itself a year-back period
            prev = doc[s.start - 1].sent
            quarters = [q for o in reversed(items) if prev.start_char <= o["start"] < prev.end_char
                        for q in [_reported_quarter(o)] if q][:1]
            if not quarters:
                # "... a year ago. Sales were $3 million against $2 million a year earlier.": the same period
                same = [o for o in todo if o is not item and prev.start_char <= o["start"] < prev.end_char
                        and _QUARTER.match(o["value"] or "")]
                if same:
                    item["value"] = same[-1]["value"]
                    continue
        if not quarters and re.search(r"\bperiod\b", item["text"], re.I):
            # "the year-earlier period" is the comparison period of the quarter the report named last
            # (a quarter not over by the publication month is a forecast, not the one reported)
            now = item["anchor"] or "9999"
            quarters = [q for o in reversed(items) if o["start"] < item["start"] for q in [_reported_quarter(o)]
                        if q and f"{q.group(1)}-{3 * int(q.group(2)):02d}" < now[:7]][:1]
        if quarters:
            q = quarters[0]
            item["value"] = f"{int(q.group(1)) - 1:04d}-Q{q.group(2)}"


_LATEST_PERIOD = re.compile(r"the\s+(?:latest|most\s+recent)\s+period$", re.I)


def latest_periods(items: list[dict]) -> list[dict]:
    """"the latest period" of an earnings report is the quarter it reported last; with no quarter before it, it is
    no time expression we can value, so it is dropped."""
    out, last_q = [], None
    for item in items:
        if _LATEST_PERIOD.match(item["text"]):
            if last_q is None:
                continue
            item["value"], item["anchor"] = last_q["value"], last_q["anchor"]
        elif _reported_quarter(item):
            last_q = item
        out.append(item)
    return out


_THE_BEFORE = re.compile(r"\bthe\s+(?:comparable\s+|same\s+|corresponding\s+)?$", re.I)
_PERIOD_AFTER = re.compile(r"\s+(period|quarter)\b", re.I)
_RUNNING = re.compile(r"\b(?:first|six|nine|\d+)[\s-]+months?\b|\bhalf\b|\b(?:fiscal\s+)?year\b", re.I)


def year_periods(items: list[dict], text: str) -> None:
    """"the 1988 period", "the 1988 quarter": the period the report is about (the quarter it named last) in that
    year, over the whole phrase as TimeBank marks it; after a running total ("the first nine months … the 1988
    period") the period stays the year."""
    last = None  # the report period named last: a quarter item or a running-total one
    for item in items:
        value = item["value"] or ""
        if re.fullmatch(r"\d{4}", item["text"]) and value == item["text"]:
            the = _THE_BEFORE.search(text, max(0, item["start"] - 30), item["start"])
            after = _PERIOD_AFTER.match(text, item["end"])
            if the and after:
                item["start"], item["end"] = the.start(), after.end()
                item["text"] = text[item["start"]:item["end"]]
                q = _QUARTER.match(last["value"] or "") if last is not None else None
                if q:
                    item["value"] = f"{value}-Q{q.group(2)}"
                continue
        if _reported_quarter(item) or item["type"] == "DURATION" and _RUNNING.search(item["text"]):
            last = item
