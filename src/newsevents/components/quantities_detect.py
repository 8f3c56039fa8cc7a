"""Detection for the quantities stage: find number expressions in a Doc and drop what is not a quantity.

A regular expression over the text proposes numbers (digits, spelled-out, ranges, fractions, vague words, glued
scales like "$5m"); context rules then reject dates, clock times, durations, ages, model names and other
identifiers, ordinals, phone numbers, street addresses and sports scores. The parse and the earlier layers
(``doc._.times``, spaCy DATE/TIME entities) are read, never changed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from spacy.tokens import Doc

from . import doc_text
from .quantities_numbers import number_words, parse_value, read_table, vague_words
from .quantities_roles import is_person_noun


@dataclass
class Candidate:
    """One number expression before roles are assigned (char offsets into ``doc.text``)."""

    start: int  # of the number itself
    end: int
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    qualifier: Optional[str] = None
    q_start: Optional[int] = None  # where the qualifier starts
    unit: Optional[str] = None
    unit_kind: Optional[str] = None
    u_start: Optional[int] = None
    u_end: Optional[int] = None
    approximate: bool = False
    vague: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def span_start(self) -> int:
        """Start of qualifier + number + unit."""
        return min(x for x in (self.start, self.q_start, self.u_start) if x is not None)

    @property
    def number_start(self) -> int:
        """Start of number + unit, without the qualifier (what re3d annotates)."""
        return min(x for x in (self.start, self.u_start) if x is not None)

    @property
    def span_end(self) -> int:
        """End of number + unit."""
        return max(x for x in (self.end, self.u_end) if x is not None)


#: Units written glued to a number ("30km", "984ft"): the number ends before them, and they make no identifier.
_GLUED = r"(?:km|ft|mi|kg|mm|cm|lbs?|sq)(?![A-Za-z])"


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    table = number_words()
    plain = _alt([w for w, e in table.items() if e.kind in ("unit", "tens")])
    scale = _alt([w for w, e in table.items() if e.kind == "scale" and len(w) > 2])
    glued = _alt([w for w, e in table.items() if e.kind == "scale" and len(w) <= 2])
    frac = _alt([w for w, e in table.items() if e.kind == "fraction"])
    vague = _alt(list(vague_words()))
    digits = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    wordnum = rf"(?:{plain})(?:(?:[ \-]|\s+and\s+)(?:{plain}|{scale}))*"
    atom = (rf"(?:{digits}(?:(?:{glued})\b)?|{wordnum}|an?\s+(?:{scale}))"
            rf"(?:\s+(?:{scale}))*(?!(?!{_GLUED})\w)")
    fraction = rf"(?:(?:an?|{plain})[ \-]+)?(?:{frac})"
    rng = rf"(?:between\s+)?(?P<lo>{atom})\s*(?P<conn>to|-|\u2013|\u2014|or|and)\s*(?P<hi>{atom})"
    return re.compile(
        rf"(?<![\w.,])(?:(?P<frac>{fraction})(?=\s+(?:of|the|its|their|his|her|a|an|all)\b)"
        rf"|(?P<vague>{vague})(?![\w])|(?P<range>{rng})|(?P<one>{atom})(?P<plus>-plus)?)",
        re.IGNORECASE,
    )


_Phrases = tuple[list[tuple[str, dict]], list[tuple[str, dict]]]


def _by_position(name: str, key: str) -> _Phrases:
    """(before, after) rows of a lexicon with a ``position`` column, longest phrase first (longest match wins)."""
    rows = read_table(name)
    split = tuple(sorted(((r[key], r) for r in rows if r["position"] == where), key=lambda x: -len(x[0]))
                  for where in ("before", "after"))
    return split[0], split[1]


@lru_cache(maxsize=1)
def _qualifiers() -> _Phrases:
    return _by_position("quantity_qualifiers.tsv", "phrase")


@lru_cache(maxsize=1)
def _units() -> _Phrases:
    return _by_position("quantity_units.tsv", "surface")


_TIME_UNIT = r"(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|centur(?:y|ies))"
_AGE_RIGHT = re.compile(rf"^\s*-?\s*{_TIME_UNIT}\s*-?\s*old\b|^\s*-?\s*{_TIME_UNIT}\s+of\s+age\b|^\s*-?\s*y/?o\b",
                        re.I)
_DURATION_RIGHT = re.compile(rf"^(?:-|\s+){_TIME_UNIT}\b", re.I)
_CLOCK_RIGHT = re.compile(r"^(?::\d\d|\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|o\u2019clock|GMT|UTC|EST|EDT|CST|PST|ET)\b)", re.I)
_AGE_LEFT = re.compile(r"\b(?:aged?|ages)\s+$|\bages\s+\d+(?:,\s*\d+)*,?\s+(?:and|to)\s+$", re.I)
#: Ages that _AGE_RIGHT misses: the first of a suspended pair ("a 12- and a 16-year-old") and a decade of life
#: ("in his early 20's", "a man in their 30s"); both were counted as victims (GVA injured, odd ids: 12 and 20 shot).
_AGE_SUSPENDED = re.compile(rf"^-\s+(?:and|or|to)\s+(?:an?\s+)?\d+\s*-?\s*{_TIME_UNIT}\s*-?\s*olds?\b", re.I)
_DECADE = re.compile(r"\b(?:early|mid|late|his|her|their)[\s-]+$", re.I)
_DECADE_RIGHT = re.compile(r"^['\u2019]?s\b")
_ORDINAL_RIGHT = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_PHONE = re.compile(r"(?:\(\d{3}\)\s*|\b\d{3}[-.\s])?\b\d{3}[-.]\d{4}\b|\b1-800-[\w-]+")
_ADDRESS_RIGHT = re.compile(
    r"^\s+(?:block\b|(?:[NSEW]\.?\s+)?(?:[A-Z][\w.]*\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|"
    r"Lane|Ln|Court|Ct|Way|Place|Pl|Parkway|Pkwy|Highway|Hwy|Terrace|Ter|Circle|Cir|Trail|Pike|Square)\b)")
_ID_LEFT = re.compile(
    r"\b(?:No|Nos|Number|Route|Rte|Highway|Hwy|Interstate|SR|US|Channel|Flight|Resolution|Article|Chapter|Section|"
    r"Sec|Apartment|Apt|Room|Unit|Suite|Ste|Precinct|District|Ward|Station|Engine|Ladder|Box|Vol|Page|Grade|Level|"
    r"Gate|Pier|Exit|Platform|Bus|Line|Lot|Building|Bldg|Floor|Zone|Phase|Game|Week|Round|Proposition|Prop|"
    r"Amendment|Title|Class|Type|Model|Version|Local|Part|Item|Figure|Fig|Table|Mark|Mk|Block|Pub|Camp|Cell|Image|Photo|"
    r"Slide|Picture|Video|Gallery|Episode|"
    r"Lane|Court|Bay|Hangar|Terminal|Squad|Company|Battalion|Brigade|Division|Regiment|Corps|Fleet|Army)\.?\s*#?$")
_GLUED_UNIT = re.compile(rf"^{_GLUED}")
_SCORE_CONTEXT = re.compile(r"\b(?:won|win|wins|beat|beats|lost|loss|lose|defeat\w*|victory|score\w*|led|lead|"
                            r"trail\w*|tied?|record|halftime|innings?|quarter|final)\b", re.I)


_RANGE_WORDS = frozenset({"between", "and", "to", "or", "about", "around", "some", "nearly", "almost", "over",
                          "under", "more", "than", "less", "fewer", "at", "least", "up", "a", "an"})


def _exclusion_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character spans where no quantity may start: times, spaCy DATE/TIME entities, phone numbers."""
    spans = [(t["start"], t["end"]) for t in (doc._.times or []) if "start" in t]
    # a DATE/TIME entity made only of numbers ("Between 10 and 20", an age "23") is a tagger slip, not a date
    spans += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")
              and any(t.is_alpha and t.lower_ not in number_words() and t.lower_ not in _RANGE_WORDS for t in e)]
    spans += [(m.start(), m.end()) for m in _PHONE.finditer(doc_text(doc))]
    return spans


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e or (s <= start < e) for s, e in spans)


def _is_age_apposition(doc: Doc, start: int, end: int, value: Optional[float]) -> bool:
    """"John Smith, 23, was …" / "a man (23)": a small integer set off by commas after a name or noun."""
    if value is None or value != int(value) or not 0 < value < 120:
        return False
    left = doc_text(doc)[max(0, start - 3):start]
    right = doc_text(doc)[end:end + 2]
    if not re.search(r"[,(]\s*$", left):
        return False
    tok = doc.char_span(start, end, alignment_mode="expand")
    if tok is None or tok.start < 2:
        return False
    prev = doc[tok.start - 2]
    if not re.match(r"^\s*[,)]", right):
        # "Calvin Reed, 24 was shot": the closing comma left out after a person's name
        nxt = doc[tok.end] if tok.end < len(doc) else None
        return prev.ent_type_ == "PERSON" and nxt is not None and nxt.pos_ in ("AUX", "VERB")
    # "Boy, 14, dies …": a headline's first word may be tagged an interjection; a person noun is enough
    return prev.pos_ in ("PROPN", "NOUN") or prev.ent_type_ == "PERSON" or is_person_noun(prev.text, plural=False)


def _is_identifier(doc: Doc, start: int, end: int, text: str) -> bool:
    """Model names ("S-400", "F-16", "AK-47", "G20"), ordinals, calibres, route/flight/article numbers."""
    before = doc_text(doc)[max(0, start - 2):start]
    after = doc_text(doc)[end:end + 3]
    if before.endswith(("/", "_", "#", "@", "=")) or after.startswith(("/", "_", "@")):
        return True  # URLs, file names, dates written 10/12
    if re.search(r"[A-Za-z]-?$", before) or re.search(r"[A-Za-z]$", before[-1:]):
        return True
    if _GLUED_UNIT.match(doc_text(doc)[end:end + 4]):
        return False  # "30km", "984ft"
    if re.match(r"^-?[A-Za-z]", after) and not re.match(r"^-(?:plus|odd|some)\b", doc_text(doc)[end:end + 6], re.I):
        if not re.match(rf"^-{_TIME_UNIT}", doc_text(doc)[end:end + 12], re.I):
            # "9mm", "40-caliber", "7-Eleven"; hyphen+time unit is a duration/age, handled elsewhere
            if any(ch.isdigit() for ch in text):
                return True
    if re.fullmatch(r"\d{7,}", text):
        return True  # long digit runs without separators are ids (news writes 1,000,000)
    if text == "911":
        return True  # the emergency number ("a 911 call")
    if _ORDINAL_RIGHT.match(after):
        return True
    if text[:1].isdigit() and _ID_LEFT.search(doc_text(doc)[max(0, start - 20):start]):
        return True
    return False


def _is_year(doc: Doc, start: int, end: int, text: str) -> bool:
    """A bare four-digit year ("in 2015") unless it plainly counts a plural noun ("2000 troops")."""
    if not re.fullmatch(r"1[89]\d\d|20\d\d", text):
        return False
    if doc_text(doc)[max(0, start - 1):start] in ("$", "\u20ac", "\u00a3"):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        tok = span.root
        if tok.dep_ == "nummod" and tok.head.tag_ in ("NNS", "NNPS") and tok.head.i > tok.i:
            return False
    return True


def _is_one_pronoun(doc: Doc, start: int, end: int, text: str) -> bool:
    """"one" that is not a count: "no one", "one another", "the one who", "one day"."""
    if text.lower() not in ("one", "an", "a"):
        return False
    left = doc_text(doc)[max(0, start - 12):start].lower()
    right = doc_text(doc)[end:end + 12].lower()
    if re.search(r"\b(?:no|any|every|the|this|that|which|each|last|another|such)\s+$", left):
        return True
    if re.match(r"^\s+(?:another|day|time|point|way|thing|hand|side|or\s+(?:another|more|two))\b", right):
        return True
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if re.match(r"^\s+(?:of|fatally|critically|seriously|mortally)\b", right):
        return False
    return tok.dep_ not in ("nummod", "nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "npadvmod")


def _qualify(doc: Doc, cand: Candidate) -> None:
    before, after = _qualifiers()
    left = doc_text(doc)[max(0, cand.start - 25):cand.start].lower()
    for phrase, row in before:
        if re.search(rf"(?:^|\W){re.escape(phrase)}\s+$", left):
            cand.qualifier = row["qualifier"]
            cand.q_start = cand.start - len(re.search(rf"{re.escape(phrase)}\s+$", left).group(0))
            cand.approximate = cand.approximate or row["approximate"] == "1"
            _bound(cand, row["bound"])
            break
    right = doc_text(doc)[cand.span_end:cand.span_end + 12].lower()
    if cand.qualifier is None:
        for phrase, row in after:
            if re.match(rf"^\s+{re.escape(phrase)}\b", right):
                cand.qualifier = row["qualifier"]
                cand.u_end = cand.span_end + len(re.match(rf"^\s+{re.escape(phrase)}\b", right).group(0))
                cand.approximate = cand.approximate or row["approximate"] == "1"
                _bound(cand, row["bound"])
                break


def _bound(cand: Candidate, bound: str) -> None:
    if cand.value is None:
        return
    if bound == "low":
        cand.low = cand.value
    elif bound == "high":
        cand.high = cand.value


def _attach_unit(doc: Doc, cand: Candidate) -> None:
    before, after = _units()
    left = doc_text(doc)[max(0, cand.start - 4):cand.start].lower()
    for surface, row in before:
        if left.rstrip().endswith(surface) and (len(left.rstrip()) == len(surface)
                                                or not left.rstrip()[-len(surface) - 1].isalpha()):
            cand.unit, cand.unit_kind = row["unit"], row["kind"]
            cand.u_start = cand.start - (len(left) - len(left.rstrip()) + len(surface))
            return
    right = doc_text(doc)[cand.end:cand.end + 25]
    low = right.lower()
    for surface, row in after:
        m = re.match(rf"^\s?{re.escape(surface)}(?![a-z])", low)
        if m:
            cand.unit, cand.unit_kind = row["unit"], row["kind"]
            cand.u_end = cand.end + m.end()
            return


def find_candidates(doc: Doc) -> list[Candidate]:
    """Every number expression in ``doc`` that is a quantity (not a date, age, identifier, …), in text order."""
    text = doc_text(doc)
    excluded = _exclusion_spans(doc)
    out: list[Candidate] = []
    for m in _pattern().finditer(text):
        start, end = m.start(), m.end()
        if m.group("plus"):
            end -= len("-plus")
        surface = text[start:end]
        cand = Candidate(start=start, end=end)
        if m.group("frac"):
            cand.value = parse_value(surface)
            cand.unit = "fraction"
            cand.unit_kind = "fraction"
        elif m.group("vague"):
            cand.value = cand.low = parse_value(surface)
            cand.vague = cand.approximate = True
            if surface.lower() == "scores" and not re.match(r"^\s+of\b", text[end:end + 4]):
                continue  # "test scores"
        elif m.group("range"):
            lo, hi, conn = m.group("lo"), m.group("hi"), m.group("conn").lower()
            if conn == "-" and not any(ch.isdigit() for ch in surface):
                cand.value = parse_value(surface)  # "twenty-five" is one number, not a range
            elif conn == "and" and not surface.lower().startswith("between"):
                # "2 and 3" without "between" is a list, not a range: keep the first number only
                cand.end = end = start + len(lo)
                cand.value = parse_value(lo)
            else:
                cand.low, cand.high = parse_value(lo), parse_value(hi)
                if conn in ("-", "\u2013", "\u2014") and _SCORE_CONTEXT.search(text[max(0, start - 40):end + 25]):
                    continue
                if cand.low is not None and cand.high is not None and cand.high < cand.low:
                    # "1-800", "24-17": not a range
                    continue
                if conn == "or" or surface.lower().startswith("between"):
                    cand.approximate = True
        else:
            cand.value = parse_value(surface)
            if m.group("plus"):
                cand.qualifier, cand.low, cand.u_end = "more-than", cand.value, end + len("-plus")
        if cand.value is None and cand.low is None and cand.high is None:
            continue
        if _inside(start, end, excluded) or _reject(doc, cand, text[start:end]):
            continue
        _attach_unit(doc, cand)
        _metres_not_millions(doc, cand, surface)
        if cand.unit_kind in ("fraction",) and cand.unit != "fraction":
            continue
        _qualify(doc, cand)
        out.append(cand)
    return out


def _metres_not_millions(doc: Doc, cand: Candidate, surface: str) -> None:
    """A glued "m" is millions after a currency or before a plural noun ("$5m", "1.5m people"), else metres."""
    if not re.fullmatch(r"[\d.,]+m", surface, re.I) or cand.unit_kind == "currency":
        return
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    nxt = doc[span.end] if span is not None and span.end < len(doc) else None
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS"):
        return
    cand.value = parse_value(surface[:-1])
    cand.unit, cand.unit_kind = "m", "measure"


def _reject(doc: Doc, cand: Candidate, surface: str) -> bool:
    text = doc_text(doc)
    right = text[cand.end:cand.end + 30]
    left = text[max(0, cand.start - 12):cand.start]
    if _AGE_RIGHT.match(right) or _AGE_LEFT.search(left) or _AGE_SUSPENDED.match(right):
        return True
    if _DECADE_RIGHT.match(right) and _DECADE.search(left):
        return True
    if _DURATION_RIGHT.match(right) or _CLOCK_RIGHT.match(right):
        return True
    if re.search(r"\d:$", left):
        return True
    if re.search(r"\b(?:Image|Photo|Slide|Page|Part|Picture|Video)\s+\d+\s+(?:of|/)\s+$|\d\s*/\s*$",
                 text[max(0, cand.start - 25):cand.start], re.I):
        return True  # "Image 12 of 12", "1 / 12": gallery counters
    value = cand.value if cand.value is not None else cand.low
    if _is_age_apposition(doc, cand.start, cand.end, value):
        return True
    if _is_identifier(doc, cand.start, cand.end, surface) or _is_year(doc, cand.start, cand.end, surface):
        return True
    if _ADDRESS_RIGHT.match(right) and surface[:1].isdigit():
        return True
    return _is_one_pronoun(doc, cand.start, cand.end, surface)
