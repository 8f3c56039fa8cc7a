"""``newsevents_times_v1``: time expressions normalised to TIMEX3 values anchored on the publication date.

Fills ``doc._.times`` with dicts shaped like :class:`newsevents.record.Time` (``id`` "T1"…, ``start``, ``end``,
``text``, ``type`` DATE|TIME|DURATION|SET, ``value``, ``mod``, ``anchor``) and ``doc.spans["times"]``.

Steps: :mod:`times_detect` finds candidate extents with patterns over the text (TimeML/TE3 extents);
:mod:`times_rules` reads each into a TIMEX3 value, relative ones against an anchor: the publication date
(``doc._.meta["published"]``) or, for "today"/"yesterday"/"tomorrow" inside quotation marks, the day the quoted
words were said when the text gives it (:class:`times_context.SpeechAnchors`). The tense of the governing verb
(:func:`times_context.governing_tense`) chooses between past and future readings. Without a publication date,
relative values keep ``X`` placeholders (see :mod:`times_normalize`) and ``anchor`` is None. Candidates that are
names here (a month as a first name, a model year, a chapter and verse) are dropped by :mod:`times_names`; after
every time has its value, document-level passes re-read some against the others (ranges, weekdays the text dated,
clock times, "that same day" anaphora here; earnings-report periods in :mod:`times_reports`).
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from . import doc_text, stage_call
from .times_context import SpeechAnchors, governing_tense
from .times_detect import Candidate, find_candidates
from .times_lexicon import ONE_UNIT_ADJ, fragments
from .times_names import first_name_months, is_name, month_prep_before
from .times_normalize import POD_CODES, normalize, period_shift
from .times_reports import comparison_periods, latest_periods, year_periods

logger = logging.getLogger(__name__)

# A bare four-digit number is a year only after a word that introduces a time, or when the model tagged it DATE.
_YEAR_CUE = re.compile(r"(?:\b(?:in|since|by|of|from|until|till|to|during|before|after|through|between|and|or|"
                       r"circa|around|year|early|late|mid|spring|summer|fall|autumn|winter|in\s+the|copyright)"
                       r"\s*[-,]?\s*"
                       r"|©\s*"
                       r"|[(\[]|^)$", re.I)
_NOT_YEAR_AFTER = re.compile(r"^\s*(?:%|percent|per\s+cent|people|persons|troops|soldiers|men|women|units|"
                             r"shares|points|feet|meters|metres|miles|km|tons|barrels|acres|dollars|votes|block|"
                             r"hours|hrs)\b|^\s+(?-i:[A-Z][a-z]+)\s+(?:St|Street|Ave|Avenue|Road|Rd|Drive|Dr|Lane|Ln|"
                             r"Blvd|Boulevard|Way|Court|Ct|Place|Pl)\b", re.I)
# the second end of an age range ("between one week and three months old")
_AGE_RANGE_END = re.compile(r"\s+(?:and|to|or)\s+[\w-]+[\s-]+(?:days?|weeks?|months?|years?)[\s-]+old\b", re.I)
# "in his 20s" is an age; a two-digit decade needs "the" or an apostrophe ("the 80s", "'90s").
_AGE_DECADE = re.compile(r"^(?:early|mid|late)?[\s-]*\d0s$", re.I)
_SHOW = re.compile(r"(?:'s|s'|’s)\s*(?:``|''|[\"“‘'])\s*$")
_TITLE_OF = re.compile(r"(?:\b(?:man|woman|person|player|coach|rookie|manager|athlete|team|car|album|song|record|"
                       r"book|film|movie|word|teacher|executive|officer)s?|\b(?-i:[A-Z][a-z]+))\s+of\s+$", re.I)
_COUNT_AFTER = re.compile(r"\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|few|several|many|"
                          r"couple)\b", re.I)
# Nouns after which a bare part of day names a kind of programme or activity, not a time (TimeBank leaves "morning
# talk show" untagged)
_GENRE_AFTER = re.compile(r"[\s-]+(?:talk\s+)?(?:shows?|programs?|programmes?|news(?:casts?)?|broadcasts?|hosts?|"
                          r"comedians?|television|tv|radio|basketball|league|tournaments?|class(?:es)?|"
                          r"editions?|slots?|lineups?)\b", re.I)
_DET = re.compile(r"^(?:the|a|an|its|their|his|her|this|that)\s+", re.I)
_DEICTIC = re.compile(r"^(?:(?:early|late)\s+)?(?:today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|"
                      r"evening))\b", re.I)


def parse_published(value: Optional[str]) -> Optional[dt.date]:
    """The publication date from ``meta["published"]`` (ISO date or datetime), None if missing or unreadable."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        logger.debug("unreadable publication date %r", value)
        return None


def _keep(doc: Doc, text: str, cand: Candidate, date_ents: list[tuple[int, int]]) -> bool:
    """Filters that need the tokens or the surrounding text (``text`` is ``doc.text``, read once per doc)."""
    low = cand.text.lower()
    if re.match(r"[\s-]+old\b", text[cand.end:cand.end + 6], re.I) or cand.kind == "duration" and _AGE_RANGE_END.match(
            text, cand.end, cand.end + 40):
        return False  # ages: "five years old", "between one week and three months old"
    if cand.kind == "year" and re.fullmatch(r"\d{4}", cand.text):
        if _NOT_YEAR_AFTER.match(text[cand.end:cand.end + 12]):
            return False
        if re.search(r"(?<!\d)\d{3}[-.]$", text[max(0, cand.start - 5):cand.start]):
            return False  # the end of a phone number, "(313) 222-2027", "(334)-246-1391" (not a range "1998-2001")
        if _YEAR_CUE.search(text[max(0, cand.start - 14):cand.start]):
            return True
        return any(s <= cand.start and cand.end <= e for s, e in date_ents)
    if cand.kind == "month" and re.fullmatch(r"[A-Za-z.]+", cand.text):
        span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
        if span is None or span[0].tag_ not in ("NNP", "NNPS"):
            return False
        if cand.text in ("May", "March") and span[0].i + 1 < len(doc) and span[0].nbor().pos_ in ("VERB", "AUX"):
            return False
    if cand.kind == "month" and re.fullmatch(r"[A-Za-z.]+", cand.text) and re.match(
            r"\s+(?:for|of|on|against|through|to|madness)\b", text[cand.end:cand.end + 12], re.I) \
            and not month_prep_before(text, cand.start):
        # "the March for Life", "March of the Mothers"; not "agreed in June to buy", "resigned in March for"
        return False
    if cand.kind == "set" and low == "quarterly" and re.match(r"\s+[a-z]", text[cand.end:cand.end + 3]):
        return False  # "quarterly dividend": an adjective of a noun, not a frequency TimeBank tags
    if cand.kind == "duration" and re.match(r"(?:a|one)\s+second$", low):
        # "a second shooting": an ordinal; only "for a second", "within a second" are durations
        return bool(re.search(r"\b(?:for|within|in|than)\s+$", text[max(0, cand.start - 8):cand.start], re.I))
    if cand.kind == "duration" and re.search(r"(?:\w-quarters|(?:one|two|three|a)\s+quarters?)$", low) and \
            re.match(r"\s+of\s+(?!\d{4}|this|last|next)", text[cand.end:cand.end + 12], re.I):
        return False  # "three-quarters of the vote": a fraction
    if _SHOW.search(text, max(0, cand.start - 12), cand.start) and all(
            w[:1].isupper() or w[:1].isdigit() for w in cand.text.split()):
        return False  # a programme's title: ABC's "This Week", CBS's ``60 Minutes''
    if cand.kind == "the_year" and _TITLE_OF.search(text, max(0, cand.start - 30), cand.start):
        return False  # "player of the year", "Person of the Year": a title, not a time
    if cand.kind == "ref" and low in ("the past", "the future") and _COUNT_AFTER.match(text, cand.end):
        return False  # "the past three summers", "the past two elections": a count of other things, not "the past"
    if cand.kind in ("pod", "clock") and not re.search(r"\d|day\b|tonight", low) and _GENRE_AFTER.match(
            text, cand.end):
        return False  # "late-night show appearances", "a midnight basketball tournament": a kind of thing, no time
    if cand.kind == "deictic" and low == "today" and re.search(r"\bUSA\s+$", text[max(0, cand.start - 5):cand.start],
                                                                re.I):
        return False  # the newspaper USA TODAY
    if cand.kind == "decade" and _AGE_DECADE.match(cand.text):
        return False
    if cand.kind == "set" and cand.text[:1].isupper() and " " not in cand.text and not re.search(
            r"(?:^|[.!?:\n\"“”]\s*)$", text[max(0, cand.start - 3):cand.start]):
        return False  # "the Daily Mail": a name, not a frequency
    return True


_ADJ_DET = re.compile(r"^(?:(?:its|their|his|her|our)\s+|(?:a|an|the|that|this)\s+(?=[\w-]+-quarter$|"
                      r"year-(?:ago|earlier)$))", re.I)


# after these the duration keeps its determiner ("the past five years", "a full day")
_KEEP_DET = re.compile(rf"(?:past|last|next|first|coming|previous|following|final|{ONE_UNIT_ADJ})\b", re.I)


def _trim(cand: Candidate) -> Candidate:
    """Adjectival durations lose their determiner ("a five-year low" → "five-year"), as in TimeBank; so do
    possessives ("its fourth quarter") and articles of hyphenated adjectives ("a third-quarter loss")."""
    if cand.kind in ("quarter", "year_adj"):
        m = _ADJ_DET.match(cand.text)
        if m:
            return Candidate(cand.start + m.end(), cand.end, cand.kind, cand.text[m.end():])
    if cand.kind == "duration":
        m = _DET.match(cand.text)
        if m and re.search(r"[\s-](?:second|minute|hour|day|night|week|month|quarter|year|decade|century)$",
                           cand.text, re.I) and re.search(r"\w[\s-]+\w", cand.text[m.end():]) \
                and not re.match(r"(?:a|an|one)\b", cand.text[m.end():], re.I) \
                and not _KEEP_DET.match(cand.text[m.end():]):
            s = cand.start + m.end()
            return Candidate(s, cand.end, cand.kind, cand.text[m.end():])
    return cand


_VERB_LAST = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|did|does|do|not|n't)\s+$", re.I)
_UNTIL = re.compile(r"\b(?:until|till|(to))\s+$", re.I)
_DEFERRED = re.compile(r"\b(?:postpon|extend|delay|adjourn|defer|suspend|push(?:ed|es|ing)?\s+back|put\s+off|"
                       r"deadline|(gave|give|given|giving|grant))", re.I)
_TOWARD = re.compile(r"\btowards?\s+$", re.I)
_SINCE = re.compile(r"\b(?:since|ever\s+since)\s+(?:(?:shortly|just|soon|right)\s+(?:after|before)\s+(?:the\s+)?)?$",
                    re.I)


def _deferred(text: str, start: int) -> bool:
    """A day a deadline is pushed back to: "postponed until/to Tuesday", "gave them until Monday" (not "gave a
    speech to Tuesday's rally": "to" only after a verb of deferral)."""
    until = _UNTIL.search(text, max(0, start - 8), start)
    if not until:
        return False
    cue = _DEFERRED.search(re.split(r"[.;:!?]\s", text[max(0, start - 90):start])[-1])
    return bool(cue) and not (until.group(1) and cue.group(1))


_ANAPHORIC = re.compile(r"(?:(?:earlier|later)\s+)?(?:that|the\s+same|that\s+same|the\s+(following|next|previous|"
                        r"prior))\s+(day|week|month|year|morning|afternoon|evening|night)$", re.I)
_DATED = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\dW])")
_BLANK = {"year": "", "month": "-XX", "week": "-WXX", "day": "-XX-XX"}


def _anaphora(items: list[dict]) -> None:
    """"later that year", "that same day", "the following month" refer to the last date the text named before them
    (HeidelTime's REF reading: "sold it in 2007 and retired the following year" is 2008). A date coarser than the
    unit leaves the rest unknown ("last October … that same day" is 1998-10-XX); with no date before, the reading
    against the publication date stays."""
    for k, item in enumerate(items):
        m = _ANAPHORIC.search(item["text"]) if item["type"] in ("DATE", "TIME") else None
        if not m or m.start() > 0 and not re.match(r"(?:earlier|later)\s", item["text"], re.I):
            continue
        unit = m.group(2).lower()
        shift = 0 if not m.group(1) else -1 if m.group(1).lower() in ("previous", "prior") else 1
        pod = f"T{POD_CODES[unit]}" if unit in POD_CODES else ""
        unit = "day" if pod else unit
        prev = next((p for p in reversed(items[:k])
                     if p["type"] in ("DATE", "TIME") and _DATED.match(p["value"] or "")), None)
        if prev is None:
            continue
        y, mo, d = _DATED.match(prev["value"]).groups()
        if unit == "year" or (unit == "month" and mo) or d:
            item["value"] = period_shift(unit, dt.date(int(y), int(mo or 1), int(d or 1)), shift) + pod
        elif unit == "day" and mo and not pod:
            # "last October … that same day", and with a shift too ("Last September, Beck called her a clown … He
            # apologized the next day"): some day of that month
            item["value"] = f"{y}-{mo}-XX"
        elif shift == 0 and not pod:
            item["value"] = y + _BLANK[unit]
        else:
            continue
        item["anchor"] = None


# a day in a clock expression: a weekday/deictic word or a month name ("5 p.m. EST Nov. 9"); not any capital
# ("Just before 4:30 p.m." at the start of a sentence is a clock time without a day)
_HAS_DAY = re.compile(rf"(?i:day|tonight|tomorrow)\b|\b{fragments()['month']}")
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
_JOINS = re.compile(r"\s*,?\s*(?:on\s+)?")


#: a weekday name (one spelling for the weekday rules below; each pattern sets its own case flag)
_WEEKDAY_NAME = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s|\n")
_BARE_POD = re.compile(r"(?:early|late|mid)[\s-]+(?:morning|afternoon|evening|night)", re.I)
_CLOCK_WEEKDAY = re.compile(rf"\b{_WEEKDAY_NAME}$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:and|to|through|thru|until|till|-|–|—)\s*", re.I)
_WEEKDAY_IN = re.compile(rf"\b{_WEEKDAY_NAME}\b")


def _range_ends(items: list[dict], text: str) -> None:
    """"between Friday evening and Monday morning", "from Thursday to Sunday": a weekday that closes a range
    comes after the one that opens it (each was resolved alone, so a past-tense clause can put both ends before
    the anchor with the end first): move the end a week on."""
    for a, b in zip(items, items[1:]):
        va, vb = a["value"] or "", b["value"] or ""
        if not (_DAY_VALUE.match(va) and _DAY_VALUE.match(vb) and vb[:10] < va[:10]
                and _WEEKDAY_IN.search(b["text"]) and _RANGE_JOIN.fullmatch(text[a["end"]:b["start"]])
                and _RANGE_OPEN.search(text, max(0, a["start"] - 10), a["start"])):
            continue
        day = dt.date.fromisoformat(vb[:10]) + dt.timedelta(days=7)
        b["value"] = day.isoformat() + vb[10:]


_BARE_WEEKDAY = re.compile(_WEEKDAY_NAME, re.I)
_DATED_WEEKDAY = re.compile(rf"({_WEEKDAY_NAME}),?\s+\S+\s+\d", re.I)
_BLANK_LINE = re.compile(r"\n\s*\n")


def _dated_weekdays(items: list[dict], text: str) -> None:
    """A bare weekday a week off a dated one of the same name in its paragraph is that day ("officials respond to a
    home Tuesday … Photo taken Tuesday May 17, 2016" in a story of Tuesday May 24): the text dated it."""
    dated = [(it, m.group(1).lower()) for it in items for m in [_DATED_WEEKDAY.match(it["text"])]
             if m and _DAY_VALUE.match(it["value"] or "")]
    if not dated:
        return
    for item in items:
        if not _BARE_WEEKDAY.fullmatch(item["text"]) or not _DAY_VALUE.match(item["value"] or ""):
            continue
        day = dt.date.fromisoformat(item["value"][:10])
        for other, name in dated:
            a, b = sorted((item["start"], other["start"]))
            if name == item["text"].lower() and not _BLANK_LINE.search(text, a, b) and \
                    abs((dt.date.fromisoformat(other["value"][:10]) - day).days) == 7:
                item["value"], item["anchor"] = other["value"][:10], None
                break


def _clock_days(items: list[dict], clocks: list[tuple[int, Optional[str]]], text: str) -> None:
    """A clock time without a day takes the day named right after it ("at 0600 GMT on Thursday"), else the last
    day the text named before it ("killed Friday … shot at 10 p.m." is Friday night), as TimeML's reference time and
    HeidelTime read it; the publication day when there is neither, or when a future-tense clock time ("will speak
    at 8 p.m.") would land on a day already past, or a past one on a day still ahead. Bare parts of the day
    ("the early morning gunfight") are read the same way."""
    for k, tense in clocks:
        item = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        if nxt is not None and _DAY_VALUE.match(nxt["value"] or "") and _JOINS.fullmatch(
                text[item["end"]:nxt["start"]]):
            day = nxt
        else:
            day = next((p for p in reversed(items[:k]) if _DAY_VALUE.match(p["value"] or "")), None)
        between = "" if day is None else text[item["end"]:day["start"]] if day is nxt else \
            text[day["end"]:item["start"]]
        if day is not None and item["anchor"] and (
                tense == "future" and day["value"][:10] < item["anchor"]
                or tense in ("past", None) and _SENTENCE_END.search(between)
                and day["value"][:10] > item["anchor"][:10]):
            # a future-tense clock time never on a day already past; a past (or tenseless) one never on a day still
            # ahead that an earlier sentence named ("will speak Wednesday morning. His mid-morning tweet followed …"
            # in a Tuesday story is Tuesday's tweet; "is due in court on Tuesday at 1:45 p.m.", "Updated: Monday,
            # October 12, 2015 3:40 PM", "On the November 24 show, from 6AM to 9AM" keep their day)
            continue
        if day is not None and item["value"][:10] != day["value"][:10]:
            item["value"] = day["value"][:10] + item["value"][10:]
            item["anchor"] = None


def extract_times(doc: Doc, published: Optional[dt.date]) -> list[dict]:
    """The time expressions of a processed Doc as ``Time``-shaped dicts (without ids).

    Args:
        doc: A Doc with the model's parse and entities.
        published: Publication date (anchor of relative expressions), or None.
    """
    items: list[dict] = []
    pending: list[tuple[dict, Candidate, Optional[str]]] = []
    clocks: list[tuple[int, Optional[str]]] = []  # clock times without a day: (index, tense)
    # doc.ents walks every token on each access: read it once
    date_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    parsed = doc.has_annotation("DEP")
    text = doc_text(doc)
    cands = find_candidates(text)
    person_months = first_name_months(text, cands)
    for cand in cands:
        if not _keep(doc, text, cand, date_ents) or is_name(text, cand, person_months):
            continue
        cand = _trim(cand)
        if cand.kind in ("duration", "vague_plural") and re.match(r"last\s+\S", cand.text, re.I) \
                and _VERB_LAST.search(text, max(0, cand.start - 12), cand.start):
            # "expected to last three weeks": the verb, not "the last three weeks"
            cut = re.match(r"last\s+", cand.text, re.I).end()
            cand = Candidate(cand.start + cut, cand.end, cand.kind, cand.text[cut:])
        # a clock time ending in a weekday takes the tense over the weekday alone ("Police say that about 7:08 p.m.
        # Saturday, officers responded": the parser hangs the clock on "say", the weekday on the verb of its own
        # clause; the day is what the tense chooses)
        day = _CLOCK_WEEKDAY.search(cand.text) if parsed and cand.kind == "clock" else None
        tense = governing_tense(doc, cand.start + (day.start() if day else 0), cand.end) if parsed else None
        if re.search(r"\bnext\b", cand.text, re.I):
            tense = "future"
        elif _SINCE.search(text, max(0, cand.start - 30), cand.start):
            tense = "past"  # "since Oct. 23", "ever since Monday": a start already behind us (as in HeidelTime)
        elif _deferred(text, cand.start) or _TOWARD.search(text, max(0, cand.start - 9), cand.start):
            # "postponed until Tuesday", "extended the deadline until Monday", "marching toward November": a day
            # still ahead
            tense = "future"
        res = normalize(cand, published, tense, text[max(0, cand.start - 30):cand.start])
        if res is None:
            continue
        ttype, value, mod, used = res
        item = {"start": cand.start, "end": cand.end, "text": cand.text, "type": ttype, "value": value,
                "mod": mod, "anchor": published.isoformat() if used and published else None}
        items.append(item)
        if _DEICTIC.match(cand.text):
            pending.append((item, cand, tense))
        elif ttype == "TIME" and (cand.kind == "clock" and not _HAS_DAY.search(cand.text)
                                  or cand.kind == "pod" and _BARE_POD.fullmatch(cand.text)):
            # "the early morning gunfight" in a story about a shooting two years back: the day named before it
            clocks.append((len(items) - 1, tense))
    _range_ends(items, text)
    _dated_weekdays(items, text)
    _clock_days(items, clocks, text)
    _anaphora(items)
    comparison_periods(doc, items)
    items = latest_periods(items)
    year_periods(items, text)
    if pending:
        speech = SpeechAnchors(text, items)
        for item, cand, tense in pending:
            day = speech.anchor_for(cand.start)
            if day and day != item["anchor"]:
                ttype, value, mod, _ = normalize(cand, dt.date.fromisoformat(day), tense)
                item.update(type=ttype, value=value, mod=mod, anchor=day)
    return items


class TimeTagger:
    """Stage ``times``: detect, normalise and anchor time expressions."""

    @stage_call("times")
    def __call__(self, doc: Doc) -> Doc:
        published = parse_published((doc._.meta or {}).get("published"))
        items = extract_times(doc, published)
        spans = []
        for k, item in enumerate(items, 1):
            item["id"] = f"T{k}"
            span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc._.times = [{"id": it.pop("id"), **it} for it in items]
        doc.spans["times"] = spans
        return doc


@Language.factory("newsevents_times_v1", requires=["doc.ents", "token.tag", "token.dep"],
                  assigns=["doc._.times", "doc.spans"])
def make_times(nlp: Language, name: str) -> TimeTagger:
    """Factory for :class:`TimeTagger`."""
    return TimeTagger()
