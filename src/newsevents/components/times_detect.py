"""Detection of time expressions: regular-expression patterns over the text, longest match wins.

Each pattern has a name (its *kind*) that tells the normaliser how to read the matched text. Extents follow
TimeML/TempEval-3: determiners and modifiers that are part of the expression stay in the span ("the third quarter",
"late September", "more than two years", "last week"), prepositions that only link it ("on", "in", "from",
"since", "for") stay out. All patterns are compiled once per process.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .times_lexicon import ONE_UNIT_ADJ, fragments, lexicon

#: Leading words trimmed from a matched span (TE3 extents exclude linking prepositions).
_LEADING_PREP = re.compile(r"^(?:in|on|at|from|since|until|till|by|during|through|throughout|over|for|within)\s+",
                           re.I)


@dataclass
class Candidate:
    """A detected time expression before normalisation."""

    start: int
    end: int
    kind: str
    text: str


def _patterns() -> list[tuple[str, str]]:
    f = fragments()
    month, weekday, number, vague, unit = f["month"], f["weekday"], f["number"], f["vague"], f["unit"]
    season, pod, ordinal, year = f["season"], f["pod"], f["ordinal"], f["year"]
    yr = rf"{year}(?!\d)(?![,.]\d)"  # not the head of a longer number ("the 11400 block")
    # a spoken year after a month or season ("January nineteen ninety-seven", broadcast transcripts)
    yrw = (r"(?:nineteen|twenty)[\s-]+(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
           r"(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?(?![\w-])")
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    pre = (r"(?:(?:the\s+)?(?:early|late|mid|(?:very\s+)?(?:end|beginning|start|middle|turn|close|first\s+half|"
           r"second\s+half|latter\s+part|latter\s+half|early\s+part|last\s+half)\s+of(?:\s+the)?)[\s-]+)?")
    rel = r"(?:this\s+(?:past|coming)|this|last|next|past|coming|previous|following|current)"
    rel_pre = (r"(?:(?:early|late|mid|earlier|later|sometime|(?:the\s+)?(?:end|beginning|start|middle|rest)\s+of)"
               r"[\s-]+)?")
    # "over"/"under" alone, "only", "just" stay out: TimeBank reads them as prepositions or focus words
    # ("over three years", "only six months"); "well over", "just over" are modifiers (MORE_THAN).
    durpre = (r"(?:(?:about|around|approximately|roughly|nearly|almost|some|(?:no\s+)?more\s+than|"
              r"(?:no\s+)?less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|well\s+over|just\s+over|"
              r"just\s+under)\s+)?")
    tz = r"(?:\s+(?-i:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST)\b|\s+local\s+time|\s+\(\d{4}\s+GMT\))?"
    # "11.15am": British style writes the minutes after a point, only ever with am/pm
    clock = (rf"(?:\d{{1,2}}(?::\d\d|\.\d\d(?=\s*[ap]\.?m))?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?![\w])|"
             rf"\d{{1,2}}:\d\d(?![\d:])|"
             rf"noon|midday|midnight|"
             rf"(?:[01]\d|2[0-3])[0-5]\d(?=\s+(?:GMT|UTC)\b)|"
             rf"\d{{1,2}}\s+o'clock){tz}")
    relyear = r"(?:this|last|next)\s+year"
    # "later" stays out: "three days later" counts from an event the text names, and TimeBank tags the count alone
    # as a DURATION ("[Three days] later", "[A few days] later"), which the duration patterns read
    ago = r"(?:ago|earlier|from\s+now|hence)"
    plural_units = r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
    return [
        ("iso", r"\b\d{4}-[01]\d-[0-3]\d(?:T\d\d:\d\d(?::\d\d)?)?\b|\b[01]?\d/[0-3]?\d/(?:\d{4}|\d\d)(?![\d/])"),
        ("date_mdy", rf"(?:{weekday},?\s+)?(?:(?:last|this|next)\s+)?{pre}{month}\s+{day}(?!\d|:\d)(?:,?\s+{yr})?"),
        ("date_dmy", rf"(?:{weekday},?\s+)?(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{yr})?"),
        ("month_year", rf"{pre}{month},?\s+(?:of\s+)?(?:{yr}|{relyear}|{yrw})"),
        ("month", rf"{rel_pre}(?:{rel}\s+)?{pre}{month}"),
        ("year", rf"(?<![\d$£€.,])(?:{pre}|(?:(?:fiscal|calendar)\s+(?:year\s+)?))(?:FY\s?)?{yr}"
                 rf"(?:\s+or\s+(?:later|earlier|before))?"),
        ("decade", rf"(?:the\s+)?{pre}(?:(?:1\d|20)\d0s|'\d0s|(?<![\d$])\d0s)(?![\w'])"),
        ("century", rf"(?:the\s+)?{pre}{ordinal}[\s-]+century"),
        ("quarter", rf"(?:(?:the|its|a|this|that)\s+)?(?:(?:{yr}|(?:this|last|next)\s+year's|year-ago|year-earlier|"
                    rf"comparable|same|flat|fiscal|calendar|latest|current|previous|past|preceding|recent|"
                    rf"first|second|third|fourth|last|next|coming|following|1st|2nd|3rd|4th)[\s-]+)+quarter(?!s)"
                    rf"(?:\s+(?:of\s+)?(?:{yr}|{relyear}))?"
                    rf"|the\s+quarter(?!s)(?!\s+(?:of|century|mile|point|hour))"
                    rf"|(?-i:Q[1-4])(?![\w-])(?:\s+(?:of\s+)?(?:{yr}|{relyear}))?"),
        ("half", rf"(?:the\s+)?(?:first|second|latter|last)\s+half\s+of\s+(?:{yr}|{relyear}|the\s+year)"
                 rf"|the\s+(?:first|second)\s+half(?=\s+(?:profit|earnings|results|sales|revenue|loss|growth))"),
        ("season", rf"{pre}(?:(?:{rel}|that|the(?:\s+upcoming)?)[\s-]+)(?:(?:early|late|mid)[\s-]+)?{season}"
                   rf"(?:\s+(?:of\s+)?(?:{yr}|{yrw}))?"
                   rf"|{pre}{season}\s+(?:of\s+)?(?:{yr}|{yrw})|(?<=\bin\s){season}(?![\w-])(?!\s+(?:of|\w+ed)\b)"),
        # anaphoric: the period of the last date the text named ("in 2007 ... later that year", "the following
        # month"); before "relative" so that "the following year" reads this way (times._anaphora)
        ("anaphoric", r"(?:(?:earlier|later)\s+)?(?:that|the\s+same|that\s+same)\s+(?:year|month|week)(?![\w'’-])"
                      r"|(?:earlier|later)\s+that\s+day(?![\w'’-])|that\s+same\s+day(?![\w'’-])"
                      r"|the\s+following\s+(?:day|week|month|year|morning|afternoon|evening|night)(?![\w'’-])"
                      r"|the\s+(?:next|previous|prior)\s+(?:day|morning|afternoon|evening|night)(?![\w'’-])"),
        ("relative", rf"{rel_pre}(?:{rel}|the\s+(?:past|last|next|coming|previous|following|current))\s+"
                     rf"(?:fiscal\s+)?(?:week|weekend|month|year|decade|century)(?![\w-])"),
        ("year_adj", r"(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago)(?:\s+(?:period|quarter))?"),
        ("week_of", rf"the\s+(?:first|second|third|fourth|last|final)\s+week\s+of\s+{month}(?:,?\s+{yr})?(?![\w-])"),
        ("ago", rf"{durpre}(?:{number}|{vague})(?:[\s-]+and[\s-]+a[\s-]+half|\s+1/2)?[\s-]+{unit}(?:\s+or\s+so)?\s+{ago}"
                rf"|(?:(?:many|several|a\s+few|some)\s+)?{plural_units}\s+ago"),
        ("duration", rf"{durpre}(?:(?:the|a|an|its|their|his|her|this|that)\s+)?"
                     rf"(?:(?:past|last|next|first|coming|previous|following|final|latest|preceding|ensuing|"
                     rf"initial|remaining|full|entire|whole|additional|further|another|other)\s+)?"
                     rf"(?:{number}|{vague}|(?:a|an)\s+{ONE_UNIT_ADJ})"
                     rf"(?:[\s-]+and[\s-]+a[\s-]+half|\s+1/2)?[\s-]+"
                     rf"(?:(?:more|straight|consecutive)\s+(?=\w+\b))?"
                     rf"(?:(?:trading|business|working)\s+(?=days?\b|weeks?\b))?{unit}"
                     rf"(?:[\s-]+and[\s-]+a[\s-]+half)?(?![\w-])"),
        ("vague_plural", rf"(?:the\s+)?(?:past|last|next|coming|recent|previous|following|first|final)\s+"
                         rf"(?:(?:few|several|many|couple\s+of)\s+)?{plural_units}(?![\w-])"
                         rf"|(?<=\bfor\s){plural_units}(?![\w-])(?!\s+(?:of|old|ago|later|earlier|in\s+a\s+row)\b)"
                         rf"|(?<=\bin\s){plural_units}(?=\s*(?:[,.;]|and|or|that|since|\Z))"
                         rf"|(?<=\bwithin\s){plural_units}(?![\w-])"
                         r"|\b(?:decades|years|months|weeks|days|hours)-long"
                         # "over the years" (TimeBank: "the years", PXY)
                         rf"|(?<=\bover\s)the\s+{plural_units}(?![\w-])"
                         rf"|the\s+(?:(?:few|several|many|coming)\s+)?{plural_units}\s+ahead(?![\w-])"),
        # "minutes later", "months later": a bare count of units from an event the text names (a kind of its own so
        # that it only runs where "later" is: tried at every word, it doubled the cost of vague_plural)
        ("units_later", rf"{plural_units}(?=\s+later\b)"),
        ("pod", rf"(?:(?:early|late|mid)[\s-]+)?(?:this|yesterday|tomorrow|last|later\s+this|early\s+this)\s+"
                rf"(?:{pod})|\btonight\b|\bovernight\b|(?:early|late|mid)[\s-]+(?:{pod})"
                rf"(?:\s+(?:yesterday|today|tomorrow)(?![\w-]))?"),
        ("weekday", rf"(?:(?:early|late|earlier|later)\s+)?(?:(?:this\s+(?:past|coming)|last|next|this|past|coming)\s+)?{weekday}"
                    rf"(?:\s+(?:{pod}))?(?!s\b)(?![\w-])"),
        ("deictic", rf"(?:(?:early|late|earlier|later)\s+)?\b(?:today|yesterday|tomorrow)(?:\s+(?:{pod}))?(?![\w-])"),
        ("clock", rf"(?:(?:about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
                  rf"{clock}(?:\s+(?:{weekday}|today|yesterday|tomorrow|tonight)(?![\w-])"
                  rf"|,?\s+(?:{weekday},?\s+)?{month}\s+{day}(?!\d|:\d)(?:,?\s+{yr})?)?"
                  rf"|\d{{1,2}}\s+in\s+the\s+(?:morning|afternoon|evening)"),
        ("ref", _ref_pattern()),
        ("set", rf"(?:every|each)\s+(?:other\s+)?(?:(?:{number})\s+)?(?:{unit}|{weekday}|{season}|{pod}|"
                rf"{month})(?![\w-])"
                rf"|\b(?:{'|'.join(sorted(lexicon().set, key=len, reverse=True))})\b"
                rf"|(?:once|twice|thrice|(?:{number})\s+times)\s+(?:a|an|per|each|every)\s+{unit}(?![\w-])"
                rf"|\bper\s+(?:day|week|month|year|hour|quarter)\b"
                rf"|{weekday}s(?:\s+(?:{pod}))?(?![\w-])|{weekday}\s+{pod}s(?![\w-])"),
        ("holiday", rf"(?-i:(?:{_cased(lexicon().holiday)}))(?![\w-])(?:\s+weekend(?![\w-]))?(?:\s+{yr})?"),
        ("weekend", r"the\s+weekend(?![\w-])"),
        ("period", r"the\s+(?:latest|most\s+recent)\s+period(?![\w-])"),
        # "for the year", "the full year", "the fiscal year ended June 30" (earnings reports); not "the year before",
        # "the year 2000", "player of the year" (see times._keep)
        ("fiscal_year", r"the\s+(?:full\s+|fiscal\s+|full\s+fiscal\s+)?year"
                        r"(?=\s+(?:ended|ending|to\s+(?-i:[A-Z])[a-z]+\b))"),
        ("the_year", r"the\s+(?:full\s+|fiscal\s+|full\s+fiscal\s+)?year(?![\w'’-])"
                     r"(?!\s+(?:before|after|earlier|later|ago|since|two|nineteen|\d|of\s+(?:the|\d)|in\s+review|"
                     r"to\s+date|to\s+come|ahead))"),
        ("year_words", r"(?:the\s+year\s+)?(?:nineteen|twenty)[\s-]+(?:hundred(?:\s+and)?\s+)?"
                       r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|"
                       r"five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
                       r"eighteen|nineteen|o[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))(?![\w-])"
                       r"|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|"
                       r"nine|ten))?(?![\w-])"),
        ("decade", r"(?:the\s+)?(?:early|late|mid)?[\s-]*(?<![\w-])(?:twenties|thirties|forties|fifties|sixties|"
                   r"seventies|eighties|nineties)(?![\w-])"),
        ("relative", r"(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|rest|first\s+half|second\s+half)"
                     r"\s+of\s+the\s+(?:week|month|year)(?![\w-])"
                     r"|(?:earlier|later)\s+in\s+the\s+(?:week|month|year)(?![\w-])"),
    ]


def _cased(words) -> str:
    """Title-case alternation for names (holidays), longest first."""
    items = sorted({w.title().replace("'S", "'s").replace(" Of ", " of ") for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in items)


def _ref_pattern() -> str:
    lex = lexicon()
    plain = [w for w, (_, adj) in lex.ref.items() if not adj]
    alt = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(plain, key=len, reverse=True))
    # "current"/"recent"/"future" are times only as modifiers of a non-time noun ("current account" is not);
    # TimeBank tags them (PRESENT_REF/PAST_REF/FUTURE_REF) when they locate the noun in time.
    return (rf"\b(?:{alt})\b(?![\w-])"
            r"|\bcurrent\b(?=\s+(?!accounts?\b|assets\b|liabilities\b|affairs\b|and\b|or\b|of\b|to\b|in\b|"
            r"was\b|is\b|flows?\b|through\b)[a-z])"
            r"|\b(?:current|recent|future)\b(?=\s+(?:levels?|conditions|trends?|events|years|months|weeks|days|"
            r"quarters|periods?|plans?|generations?|situation|crisis|state|status|prices?|rates?))")


@lru_cache(maxsize=1)
def compiled() -> list[tuple[str, re.Pattern]]:
    """The detector patterns, compiled once (case-insensitive except names that must be capitalised)."""
    return [(kind, re.compile(rf"(?<![\w]){pattern}", re.I)) for kind, pattern in _patterns()]


@lru_cache(maxsize=1)
def trigger_words() -> frozenset[str]:
    """Lower-case words at least one of which (or a digit) every time expression contains.

    The patterns only run in windows around these (``_WINDOW`` characters either side): most of a news article
    has no time in it, and scanning all of it with every pattern was most of the stage's cost.
    """
    lex = lexicon()
    words = set(lex.month) | set(lex.weekday) | set(lex.unit) | set(lex.season) | set(lex.partofday) | set(lex.set)
    for phrase in list(lex.ref) + list(lex.holiday):
        words |= {re.split("['’.]", w)[0] for w in phrase.split()
                  if w not in ("the", "at", "these", "right", "near", "short", "day", "new", "year's", "eve", "of")}
    words |= {"today", "tomorrow", "yesterday", "ago", "nineteen", "twenty", "thousand", "twenties", "thirties",
              "forties", "fifties", "sixties", "seventies", "eighties", "nineties", "centuries", "fiscal", "half",
              "clock", "weekend", "days", "weeks", "months", "years", "hours", "minutes", "decades", "quarters",
              "nights", "weekends", "seconds", "midday", "noon", "period"}
    words |= {w for w in lex.number if len(w) > 2 and w not in ("some", "many")}
    words |= {w + "s" for w in lex.weekday}
    return frozenset(words)


#: Characters either side of a trigger word that the patterns see: the longest modifier before a trigger
#: ("at least the very end of the") and the longest continuation after it (", 2016, at 10:30 p.m. EST") fit.
_WINDOW = 40
_WORD = re.compile(r"\d|[A-Za-z]+")


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    words = trigger_words()
    for m in _WORD.finditer(text):
        w = m.group()
        if not (w.isdigit() or w.lower() in words):
            continue
        s, e = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans


_DIGITS = tuple("0123456789")


@lru_cache(maxsize=1)
def needs() -> dict[str, tuple[str, ...]]:
    """Per pattern kind, lower-case substrings one of which a window must contain for the pattern to run there."""
    lex = lexicon()
    units = ("sec", "min", "hour", "hr", "day", "night", "week", "fortnight", "month", "quarter", "year", "yr",
             "decade", "centur")
    weekdays = tuple(lex.weekday)
    refs = tuple({w for phrase in lex.ref for w in phrase.split() if w not in ("the", "at", "these", "right")})
    # a holiday's longest word ("father" of "father's day", "patrick" of "st. patrick's day"): one word, so the
    # apostrophe (' or ’) and the spacing the pattern allows do not matter, and a holiday added to the lexicon is seen
    holidays = tuple({max(re.findall(r"[a-z]+", phrase), key=len) for phrase in lex.holiday})
    return {
        "iso": _DIGITS, "year": _DIGITS, "clock": _DIGITS + ("noon", "midnight", "midday"),
        "date_mdy": tuple(lex.month), "date_dmy": tuple(lex.month), "month_year": tuple(lex.month),
        "month": tuple(lex.month), "decade": _DIGITS + ("ties",), "century": ("centur",),
        "quarter": ("quarter", "q1", "q2", "q3", "q4"),
        "half": ("half",), "season": tuple(lex.season), "relative": ("week", "month", "year", "decade", "centur"),
        "week_of": ("week of",),
        "year_adj": ("year-",), "ago": ("ago", "earlier", "now", "hence"), "duration": units,
        "vague_plural": units, "pod": ("morning", "afternoon", "evening", "night"), "weekday": weekdays,
        "deictic": ("today", "yesterday", "tomorrow"), "ref": refs,
        "set": tuple(lex.set) + ("every", "each", "per ", "once", "twice", "thrice", "times") + weekdays,
        "holiday": holidays, "weekend": ("weekend",), "period": ("period",), "the_year": ("year",),
        "anaphoric": ("that", "same", "following", "next", "previous", "prior"), "fiscal_year": ("year",),
        "units_later": ("later",),
        "year_words": ("nineteen", "twenty", "thousand"),
    }


def find_candidates(text: str, full_scan: bool = False) -> list[Candidate]:
    """All non-overlapping time expressions in ``text``, longest match first, in text order.

    Args:
        text: The canonical article text.
        full_scan: Run every pattern over the whole text instead of the trigger windows (same result, slower;
            for tests of the windowing).

    Returns:
        Candidates with character offsets, the pattern kind and the matched text (prepositions trimmed).
    """
    found: list[tuple[int, int, int, str]] = []
    windows = [(ws, we, text[ws:we].lower()) for ws, we in _windows(text)]
    need = needs()
    for order, (kind, rx) in enumerate(compiled()):
        subs = need[kind]
        runs = [(0, len(text))] if full_scan else [(ws, we) for ws, we, low in windows if any(n in low for n in subs)]
        for m in (m for ws, we in runs for m in rx.finditer(text, ws, we)):
            s, e = m.start(), m.end()
            if e <= s:
                continue
            lead = _LEADING_PREP.match(text, s, e)
            if lead and lead.end() < e:
                s = lead.end()
            while e > s and text[e - 1] in " ,\t\n":
                e -= 1
            found.append((s, e, order, kind))
    # Longest span first; on equal length the earlier-listed (more specific) pattern wins.
    found.sort(key=lambda x: (-(x[1] - x[0]), x[2], x[0]))
    taken: list[tuple[int, int]] = []
    out: list[Candidate] = []
    for s, e, _, kind in found:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        out.append(Candidate(s, e, kind, text[s:e]))
    out.sort(key=lambda c: c.start)
    return out
