"""Casualty counts (killed, injured) for an article and for an incident reported by several articles.

Built on the quantities layer (KILL and WOUND items). Rules, in order:

- A mention counts for the incident unless it is background: a statistic over a period ("each year", "so far
  this year", "since 2012", "since 8 p.m.", "in recent weeks"), a subset of a larger mention ("including two
  children": ``part_of``) or a line of a page's related-video list ("0:41 Woman dies …").
- killed = the largest KILL count; people "shot"/"hit" (and who "suffered a gunshot wound") are a count of
  everyone hit, so injured = the larger of the largest WOUND count that is not a hit count and (largest hit
  count − killed) — GVA's convention, injured = shot and not killed. "No one was injured" is 0.
- The headline ("4 hit in shooting") is read like a sentence of the article; counts from the headline and the
  first :data:`LEDE` characters win over larger ones further down (round-ups, related stories); when they give
  any count, deaths told further down are left out. A headline's "in Elm City shootings" is one incident unless
  the lede has a statistic, and a headline count the lede gives as a statistic is the round-up's; under a
  headline about several shootings ("Police investigate 2 shootings") the lede's counts of several are too.
  The ``headline`` flag of ``article_casualties(detail=True)`` is read off the same count.
- Several victims: a list of counted people is one group ("4 adults, 1 child shot"); singular victims of one
  sentence are different people; "another man was shot", "a second victim died", "Third person dies", "X was
  also killed", "the woman's boyfriend was also shot" add one, and so does a killer "killing himself" after
  others.
- Implied counts: a death told without a countable victim ("the shooting death of", "manslaughter") is one
  death (and its one shot victim no injury); someone hurt without a count ("in critical condition") is one.
  A police unit's name ("Homicide Unit", "homicide detectives") or a death after a modal ("could have been
  fatal") is no death.
- A wounded singular victim with the age of a dead one ("A 16-year-old boy was critically wounded … The
  16-year-old boy died") is that dead person, no injury; ``detail=True`` gives these ages for other reports.
- Several articles: :func:`incident_casualties` (module ``quantities_incidents``) combines their counts by a
  policy, ``vote`` by default (the count most articles give, a headline count weighing 1.5, ties to the newest). Measured on the GVA dev
  incidents in benchmarks/RESULTS.md ("Quantities and casualties").
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any, Iterable, Optional, Union

from spacy.tokens import Doc

from . import doc_text
from .quantities_incidents import POLICIES, incident_casualties  # noqa: F401 (this module's public API)
from .quantities_numbers import parse_value, read_table
from .quantities_roles import SUFFER_VERBS, is_person_noun, singular

logger = logging.getLogger(__name__)

#: "in Elm City shootings": a headline's plural may be one incident's shootings; with a statistic in the lede it is
#: a round-up (GVA dev, even ids: 3 of 5 such headlines gave the incident's count; reading them so took injured per
#: incident even/odd from 86.2/81.4 to 86.6/81.4).
_SHOOTINGS = re.compile(r"\b(?:in|from|of|by)\s+(?:\w+\s+){0,2}shootings\b", re.I)
#: Several shootings: "a pair / series / two … (of) shootings", "separate shootings" (a round-up).
_SEVERAL = (r"\b(?:pair|series|spate|string|rash|two|three|four|five|several|multiple|separate|\d+)\s+"
            r"(?:of\s+)?(?:\w+\s+){0,2}?shootings\b")
#: Sentences about a period, not one incident: their counts are statistics. "from Friday to …" and "a pair /
#: series / two … of shootings" came with the headline-shootings rule above (same measurement).
_STATISTIC = re.compile(
    r"\b(?:each|every|per)\s+(?:year|month|week)\b|\b(?:this|last)\s+year\b|"
    r"\b(?:past|previous|last|first)\s+(?:\w+\s+)?(?:weeks|months|years)\b|\bannually\b|\bso far\b|"
    r"\bseparate\s+(?:\w+\s+)?(?:shootings|incidents|attacks)\b|\bcitywide\b|\bacross\s+(?:the\s+city|(?-i:[A-Z])\w+)\b|"
    r"\bfrom\s+\w+\s+(?:morning|afternoon|evening|night)\s+(?:to|through|until)\b|"
    r"\bbetween\s+\w+\s+(?:morning|afternoon|evening|night)\s+and\b|"
    r"\bsince\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\b|\bin\s+recent\s+(?:days|weeks|months)\b|"
    r"\bsince\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last)\b|"
    r"\b(?:since|in|of|for)\s+(?:19|20)\d\d\b|\b(?:years|months)\s+ago\b|\bhomicides\b|\bsince (?:January|the start)\b|"
    r"\bfrom\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:\w+\s+)?(?:to|through|until)\b|"
    + _SEVERAL + r"|"
    # "over an eight-hour stretch", "in a 12-hour span" (written on odd GVA ids)
    r"\b(?:over|in|during|within)\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:stretch|span|period)\b",
    re.I)
#: A headline about several shootings ("Police investigate 2 shootings", "… in separate shootings"): the lede's
#: counts of several people are the round-up's, its singular victims each one incident's (written on odd GVA ids:
#: injured per incident odd 84.3 -> 84.5, even 87.9 unchanged, killed even 91.2 -> 91.4).
_SEVERAL_SHOOTINGS = re.compile(_SEVERAL, re.I)
#: A singular victim in addition to an earlier one: "another man was shot", "a second victim died", and an ordinal
#: without an article ("Third person dies after …" headlines; GVA killed per incident even 90.5 -> 90.6, odd 88.8).
_EXTRA = re.compile(r"^(?:another|(?:an?\s+)?(second|third|fourth|fifth))\b", re.I)
#: "Four people are dead and another is fighting for her life", "… and another hospitalized": one more person
#: hurt, told by a state the parser takes for no casualty verb (written on odd GVA ids).
_ANOTHER_HURT = re.compile(
    r"\b(?:dead|killed|died)\s*,?\s+(?:and|while)\s+another(?:\s+(?:man|woman|person|victim|boy|girl|teen|child))?\s+"
    r"(?:(?:is|was|remains|remained|has\s+been|had\s+been)\s+)?(?:hospitali[sz]ed|fighting\s+for\s+(?:his|her)\s+life|"
    r"(?:listed\s+)?in\s+(?:critical|serious|stable|grave|fair|good)\s+condition|recovering)\b", re.I)
#: "found three shooting victims", "two victims of gunshot wounds", "the four victims were taken to the hospital":
#: a count of the victims is everyone hit (the dead among them), without a casualty verb; not "the first two
#: victims", a part of a series (written on odd GVA ids).
_VICTIMS = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:(?:gunshot|shooting)\s+)?"
                      r"victims\b", re.I)
#: What may stand before such a subject: the start of a sentence or clause ("… and another man was hurt"); an
#: object ("he shot another teen") is "another" than the shooter, not an additional victim.
_CLAUSE_START = re.compile(r"(?:^|[.!?:;\n\u201c\"]|\band|\bwhile|\bwhen|,)\s*$", re.I)
_ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5}


@lru_cache(maxsize=1)
def _hit_words() -> frozenset[str]:
    words = {r["lemma"] for r in read_table("quantity_triggers.tsv") if r["hit"] == "1"}
    # inflected forms of the hit verbs (the record keeps the trigger's surface text, not its lemma); "suffered a
    # gunshot wound" (quantities_roles._suffer_trigger) counts the wounded, dead or alive, like "shot"
    suffered = {form for verb in SUFFER_VERBS for form in _inflections(verb)}
    return frozenset(words | suffered | {"shot", "shoots", "shooting", "shootings", "struck", "strikes", "striking",
                                         "hits", "hitting"})


def _inflections(verb: str) -> set[str]:
    """A regular verb's forms: "receive" → receive, receives, received, receiving."""
    stem = verb[:-1] if verb.endswith("e") else verb
    return {verb, verb + "s", stem + "ed", stem + "ing"}


def is_hit(item: dict) -> bool:
    """Whether a WOUND item counts everyone hit ("three people were shot"), dead or alive.

    A group of "others" ("one was killed and three others were shot") is in addition to the dead: not a hit count.
    """
    trig = item.get("trigger") or {}
    counts = ((item.get("counts") or {}).get("text") or "").lower()
    if re.search(r"\bothers?\b", counts) or re.search(r"\bothers?\b", item.get("text", "").lower()):
        return False
    return (trig.get("text") or "").lower() in _hit_words()


def _value(item: dict) -> Optional[float]:
    for key in ("value", "low", "high"):
        if item.get(key) is not None:
            return float(item[key])
    return None


def _sentence_of(text: str, start: int, end: int) -> str:
    left, right = _sentence_span(text, start, end)
    return text[left:right]


_LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")


def _merge_lists(items: Iterable[dict], text: str) -> list[dict]:
    """"4 adults, 1 child shot": adjacent counts joined by a comma or "and" are one group (their sum), the
    first taking the category of the last when it has none of its own and the casualty word follows the last
    directly ("4 adults, 2 children dead")."""
    out: list[dict] = []
    for item in sorted(items, key=lambda q: q["start"]):
        prev = out[-1] if out else None
        if prev is not None and item.get("category") in ("KILL", "WOUND") \
                and (prev.get("category") == item["category"] or (prev.get("category") == "OTHER" and _word_after(item)))\
                and not item.get("part_of") \
                and prev.get("value") is not None and item.get("value") is not None \
                and not prev.get("unit") and not item.get("unit") and _counts_people(prev) and _counts_people(item) \
                and _LIST_GAP.match(text[prev["end"]:item["start"]]) and not _breaks_down(prev, item, text):
            out[-1] = {**item, "start": prev["start"], "text": text[prev["start"]:item["end"]],
                       "value": prev["value"] + item["value"]}
            continue
        out.append(item)
    return out


def _breaks_down(group: dict, item: dict, text: str) -> bool:
    """"the two teens, one female and one male, were hurt": a list of its own after a comma that adds up to the
    group before it says who the group is; it adds nobody (GVA injured, odd ids: 2 read as 4)."""
    return item["value"] == group["value"] and text[group["end"]:item["start"]].strip() == "," \
        and " and " in item["text"]


def _word_after(item: dict) -> bool:
    """Whether the item's trigger directly follows it ("2 children dead"), as in a headline's list."""
    trig = item.get("trigger") or {}
    return bool(trig) and 0 <= trig["start"] - item["end"] <= 2


def _counts_people(item: dict) -> bool:
    """Whether an item counts people by a person noun ("4 adults", "2 children", "1 man")."""
    words = re.findall(r"[a-z]+", ((item.get("counts") or {}).get("text") or "").lower())
    if not words:
        return False
    return is_person_noun(words[-1])


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Character bounds of the sentence (or line) holding ``text[start:end]``: cheap, no parse needed."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return left + 1, min(right_candidates) if right_candidates else len(text)


#: A count written as a number ("1 dead", "one man"), not a person introduced by description or name.
_ONE = re.compile(r"^(?:1|one)\b", re.I)


def _victim_key(item: dict) -> str:
    """Who a singular mention names, for telling victims apart (its words without the article)."""
    return re.sub(r"^(?:an?|the)\s+", "", (item.get("text") or "").lower()).strip()


#: An age in a victim's description: "a 17-year-old boy", "a 6-month-old", "Boy, 17, …", "John Doe, 23,".
_AGE = re.compile(r"\b(\d{1,3})[- ](year|month)s?[- ]old\b|,\s*(\d{1,2}),", re.I)


def _ages(item: dict, text: str) -> set[str]:
    """What tells a singular victim apart across reports: the ages told from the mention to its casualty word
    ("The 17-year-old boy who was shot Tuesday … has died": ``{"17 year"}``). A bare "man" or "victim" is anyone,
    and descriptions vary between reports ("a Weatherford student", "Brennan Weikel"); ages are kept."""
    trig = item.get("trigger") or {}
    start, end = min(item["start"], trig.get("start", item["start"])), max(item["end"], trig.get("end", 0))
    return {f"{age.group(1) or age.group(3)} {(age.group(2) or 'year').lower()}"
            for age in _AGE.finditer(text, start, end)}


def _is_background(text: str, start: int, end: int, lede: Optional[str] = None) -> bool:
    """Whether ``text[start:end]`` is background: on a related-video line or in a statistic's sentence."""
    return _is_teaser(text, start) or _is_statistic(_sentence_of(text, start, end), lede)


#: A line that opens with a video's running time ("0:41 Woman dies crossing …", "1:15 … Pause"): a page's list of
#: related videos, other stories (written on odd GVA ids; a clock time "10:35 a.m." is not one).
_TEASER = re.compile(r"\d{1,2}:\d\d\s+(?![ap]\.?m\b)(?-i:[A-Z0-9'\"\u2018\u201c])", re.I)


def _is_teaser(text: str, start: int) -> bool:
    """Whether the line holding ``text[start]`` is a related-video teaser (see :data:`_TEASER`)."""
    return bool(_TEASER.match(text, text.rfind("\n", 0, start) + 1))


def _is_statistic(sentence: str, lede: Optional[str] = None) -> bool:
    """Whether a sentence is about a period, not one incident. For a headline, ``lede`` is the article's start:
    "in Elm City shootings" is a round-up only when the lede has a statistic too."""
    if _STATISTIC.search(sentence):
        return True
    return bool(_SHOOTINGS.search(sentence)) and (lede is None or bool(_STATISTIC.search(lede)))


def _counted_value(item: dict, text: str, lede: Optional[str] = None) -> Optional[float]:
    """The count a KILL or WOUND item adds to the incident, or None when it is none: another category, no whole
    number of people, or a background statistic. The one filter for counting and for the headline flag."""
    if item.get("category") not in ("KILL", "WOUND"):
        return None
    value = _value(item)
    if value is None or value != int(value) or (item.get("unit") and item.get("unit") != "people"):
        return None
    return None if _is_background(text, item["start"], item["end"], lede) else value


_KEYS = {"KILL": "killed", "WOUND": "injured", "HIT": "injured"}


def counts_from_items(items: Iterable[dict], text: str,
                      more: Iterable[tuple[Iterable[dict], str]] = ()) -> dict[str, Optional[int]]:
    """Killed and injured from the quantity items of one text (and of ``more`` (items, text) pairs, such as the
    headline, pooled with it); None when the texts say nothing about them.

    The headline (``more``) and the text's first :data:`LEDE` characters state the incident; a count from them
    is preferred to a larger one further down (round-ups, related stories, earlier incidents).
    """
    return _counts(items, text, more)[0]


def _counts(items: Iterable[dict], text: str, more: Iterable[tuple[Iterable[dict], str]]
            ) -> tuple[dict[str, Optional[int]], dict[str, bool]]:
    """:func:`counts_from_items`, and whether ``more`` (the headline) itself gives a killed / injured count (a
    headline item or list of victims the filter counts; the ``vote`` policy weighs those articles more)."""
    items = list(items)
    given: set[str] = set()
    found: dict[str, list[tuple[bool, float]]] = {"KILL": [], "WOUND": [], "HIT": []}
    extra: dict[str, dict[str, int]] = {"KILL": {}, "WOUND": {}}
    victims: dict[tuple, list[tuple[dict, str]]] = {}
    deaths: dict[tuple, list[tuple[dict, float]]] = {}
    named: dict[str, set[str]] = {"killed": set(), "injured": set()}
    spots: dict[str, list[tuple[tuple[bool, int], tuple[bool, float], set[str]]]] = {"KILL": [], "WOUND": []}
    more = [(list(other_items), other_text) for other_items, other_text in more]
    pooled = [(item, text, False) for item in _merge_lists(items, text)]
    for other_items, other_text in more:
        pooled += [(item, other_text, True) for item in _merge_lists(other_items, other_text)]
    stats = _lede_statistics(items, text)
    sources = [text, *(other_text for _, other_text in more)]  # the article, then its headline
    roundup = any(_SEVERAL_SHOOTINGS.search(other_text) for other_text in sources[1:])
    for item, source, headline in pooled:
        value = _headline_value(item, source, text, stats) if headline else _counted_value(item, source)
        if value is None or (roundup and not headline and value > 1 and item["start"] < LEDE):
            continue
        category = item["category"]
        if headline:
            given.add(_KEYS[category])
        added = _EXTRA.match(item.get("text", "")) if value == 1 else None
        if added and not _CLAUSE_START.search(source[max(0, item["start"] - 12):item["start"]]):
            added = None
        if value == 1 and not added and _also(item, source):
            added = _EXTRA.match("another")
        if added:
            # keyed by sentence: a repeated teaser or headline names the same extra victim once
            extra[category][_sentence_of(source, item["start"], item["end"]).strip()] = \
                _ORDINALS.get((added.group(1) or "").lower(), 2)
            continue
        kind = "WOUND" if category == "WOUND" and not is_hit(item) else "HIT" if category == "WOUND" else "KILL"
        found[kind].append((headline or item["start"] < LEDE, value))
        if value == 1:
            marks = _ages(item, source)
            named[_KEYS[category]].update(marks)
            if kind in spots:
                spots[kind].append(((headline, item["start"]), found[kind][-1], marks))
        if kind == "KILL":
            before = deaths.setdefault((headline, _sentence_span(source, item["start"], item["end"])), [])
            if _SELF.match(item.get("text", "")) and (victims_before := _killed_before(item, before)) is not None:
                found["KILL"].append((headline or item["start"] < LEDE, victims_before + 1))
            before.append((item, value))
        if value == 1 and _NEW_PERSON.match(item.get("text", "")) and not _ONE.match(item.get("text", "")) \
                and item.get("trigger"):
            sentence = _sentence_span(source, item["start"], item["end"])
            victims.setdefault((headline, sentence, category), []).append((item, kind))
    for (headline, (start, _), category), group in victims.items():
        # "a girl was grazed in the leg, a woman was struck in the thigh and a man was grazed in the back": the
        # singular victims of one sentence are different people
        names = {_victim_key(item) for item, _ in group}
        triggers = {item["trigger"]["start"] for item, _ in group}
        if len(names) > 1 and len(triggers) == len(group):
            kinds = {kind for _, kind in group}
            kind = "HIT" if "HIT" in kinds else category
            found[kind].append((headline or start < LEDE, float(len(names))))
    for _, other_text in more:
        listed = _listed_victims(other_text, text, stats)
        if listed:
            found[listed[1]].append((True, float(listed[0])))
            given.add(_KEYS[listed[1]])
    # "A 16-year-old boy was critically wounded … The 16-year-old boy died": the same person, no injury (one
    # phrase the parser reads both ways, "1 dead, 6-year-old girl injured", is no second mention)
    same = [entry for spot, entry, marks in spots["WOUND"]
            if marks and marks <= {mark for other, _, more in spots["KILL"] if other != spot for mark in more}]
    found["WOUND"] = [entry for entry in found["WOUND"] if not any(entry is other for other in same)]
    if any(top for values in found.values() for top, _ in values):
        # the headline or lede gives a count: deaths further down (other incidents, round-ups) are left out
        # (GVA per incident, killed even/odd 89.7/88.1 -> 90.5/88.8, injured even 87.2 -> 87.0: injuries keep theirs)
        found["KILL"] = [(top, v) for top, v in found["KILL"] if top]
    dead = _with_extra(_lead_max(found["KILL"]), extra["KILL"], ordinal=True)
    injured = _lead_max(found["WOUND"])
    if injured is None and same:
        injured = 0.0
    for source in sources:
        for m in _VICTIMS.finditer(source[:LEDE]):
            victims_seen = parse_value(m.group(1))
            if victims_seen and victims_seen == int(victims_seen) and not _is_background(source, m.start(), m.end()):
                before = source[max(0, m.start() - 12):m.start()].lower()
                if re.search(r"\b(?:first|last)\s*$", before):
                    continue  # "the first two shooting victims": a part of a series
                found["HIT"].append((True, victims_seen))
    hits = _lead_max(found["HIT"])
    if hits is not None:
        rest = hits - (dead or 0)
        injured = max(injured or 0, rest) if rest >= 0 else injured
    injured = _with_extra(injured, extra["WOUND"])
    if injured is None and any(not _is_background(t, m.start(), m.end())
                               for t in sources for m in _ANOTHER_HURT.finditer(t[:LEDE])):
        injured = 1.0
    if dead is None and (injured is None or (injured == 1 and hits == 1 and not found["WOUND"])) \
            and any(_tells(_DEATH, t) for t in sources):
        # "… charged in the shooting death of a teen": a death told without a countable victim is one death,
        # and the one victim shot is that death, not an injury
        dead = 1
        injured = None if injured is None else 0
    elif dead is None and injured is None and any(_tells(_HURT, t) for t in sources):
        # "the shooting of a 3-year-old girl … in critical but stable condition": one person hurt, uncounted
        injured = 1
    return ({"killed": None if dead is None else int(dead), "injured": None if injured is None else int(injured)},
            {key: key in given for key in ("killed", "injured")}, {key: sorted(v) for key, v in named.items()})


#: A headline that opens with a list of victims and a casualty word: "Man, woman killed in …", "Officer & suspect
#: both shot", "Mother, 2 children found dead". The parser reads such lists as appositions or subjects of the
#: wrong verb and counts one person (GVA dev, even incident ids: 7 of 17 list headlines under-counted).
_HEAD_LIST = re.compile(
    r"^(?:[^:]{0,40}:\s*)?(?P<first>(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+)"
    r"(?P<rest>(?:\s*(?:,\s*and\b|,|&|\band\b)\s*(?:[\w'\u2019-]+\s+){0,3}?[\w'\u2019-]+){1,3})\s+"
    r"(?:(?:both|all)\s+)?(?P<word>shot\s+to\s+death|shot\s+dead|shot\s*(?:,|&|and)\s*killed|found\s+dead|killed|dead|"
    r"slain|shot|wounded|injured|hurt|hospitali[sz]ed)\b", re.I)


def headline_list(text: str) -> Optional[tuple[int, int, int, str]]:
    """A list of victims opening a headline: (start, end, number of people, "KILL" | "HIT" | "WOUND"), or None.

    Every member must name people: a person noun, an age noun ("10-year-old") or a counted group ("2 children");
    a bare plural ("children, mother found dead") has no count, so no list is read.
    """
    m = _HEAD_LIST.search(text)
    if not m:
        return None
    parts = [m.group("first"), *re.split(r"\s*(?:,\s*and\b|,|&|\band\b)\s*", m.group("rest"))[1:]]
    total = 0
    for part in parts:
        words = part.lower().split()
        if not words:
            return None
        noun = words[-1]
        plural = singular(noun) != noun
        count = parse_value(words[0]) if len(words) > 1 else None
        if re.fullmatch(r"\d+-(?:year|month|week|day)-olds?", noun):
            total += int(count) if count and plural else 1
        elif not plural and is_person_noun(noun, plural=False):
            total += 1 if count is None or count != int(count) else int(count)
        elif plural and is_person_noun(noun) and count is not None and count == int(count) and count > 1:
            total += int(count)
        else:
            return None
    word = m.group("word").lower()
    kind = "KILL" if re.search(r"death|dead|killed|slain", word) else "HIT" if word == "shot" else "WOUND"
    start = m.start("first")
    return start, m.end("word"), total, kind


def _headline_value(item: dict, head: str, body: str, stats: frozenset[float]) -> Optional[float]:
    """:func:`_counted_value` for a headline item: "in Elm City shootings" is a round-up only with a statistic in
    the body's lede, and a count the lede gives as a statistic is the round-up's."""
    value = _counted_value(item, head, body[:LEDE])
    return None if value in stats else value


def _lede_statistics(items: Iterable[dict], text: str) -> frozenset[float]:
    """Counts the lede gives as statistics ("Two men were killed … in three separate shootings"): a headline
    giving the same count is that round-up's, not the incident's (GVA per incident, killed even/odd 89.6/88.0 ->
    89.7/88.1, injured even 87.0 -> 87.2)."""
    return frozenset(_value(q) for q in items if q.get("category") in ("KILL", "WOUND") and q["start"] < LEDE
                     and (_value(q) or 0) > 1 and _STATISTIC.search(_sentence_of(text, q["start"], q["end"])))


def _listed_victims(text: str, body: str, stats: frozenset[float]) -> Optional[tuple[int, str]]:
    """(number of people, kind) of a headline's list of victims that is not a statistic, or None."""
    listed = headline_list(text) if text else None
    if listed is None or listed[2] in stats or _is_statistic(_sentence_of(text, listed[0], listed[1]), body[:LEDE]):
        return None
    return listed[2], listed[3]


def _tells(words: re.Pattern, text: str) -> bool:
    """Whether the headline or lede uses one of ``words`` outside a background sentence (a statistic)."""
    for m in words.finditer(text[:LEDE]):
        left = _sentence_span(text, m.start(), m.end())[0]
        if not _is_background(text, m.start(), m.end()) and not _MODAL.search(text[left:m.start()]):
            return True
    return False


#: A modal before a casualty word makes it hypothetical: "it could have been fatal". With the police unit names
#: of _DEATH: GVA killed per incident even 89.4 -> 89.6 (odd 88.0), injured even 86.0 -> 86.2 (odd 81.4).
_MODAL = re.compile(r"\b(?:could|would|might)\b", re.I)


#: Words that tell of someone hurt without a countable victim (GVA dev, even ids, articles with no count: 26 of
#: 35 with these words have one injured). "recovering", "paralyzed", "stable after", "accidental shooting" were
#: written on odd ids: injured per incident even/odd 87.2/83.1 -> 87.6/83.5, killed unchanged.
_HURT = re.compile(r"\b(?:injur(?:y|ies|ed)|wound(?:s|ed)?|(?:critical|stable|serious|good|fair) condition|"
                   r"(?:non-)?life[- ]threatening|hospitali[sz]ed|shot|grazed|"
                   r"recovering|paralyzed|accidental(?:ly)?\s+shooting|stable\s+after)\b", re.I)
#: Words that tell of a death without a countable victim ("the shooting death of", "manslaughter", "fatal"); not
#: a police unit's name ("Homicide Unit", measured with _MODAL) or its detectives, who also take non-fatal
#: shootings (written on odd GVA ids: killed per incident even/odd 90.7/89.6 -> 90.9/89.9, injured odd 83.1). A
#: shooting that "claims" a life, taking one's "own life" are deaths, "bleeding to death" is not one yet (odd ids:
#: killed odd 90.3 -> 90.5, injured odd 83.6 -> 83.9, even unchanged).
_DEATH = re.compile(r"\b(?<!non-)(?<!be )(?<!not )(?:fatal(?:ly)?|killed|killing|(?<!attempted )murder(?:ed)?|"
                    r"homicide(?!\s+(?:unit|division|squad|bureau|section|task\s+force|detectives?|investigators?))|"
                    r"manslaughter|slaying|slain|dies|died|dead(?!\s+or\s+alive)|"
                    r"deadly\s+(?:\w+\s+){0,2}(?:shooting|incident|attack)|"
                    r"(?:shooting|gunfire|accident)\s+claims|claim(?:s|ed)\s+(?:the\s+)?li(?:fe|ves)|"
                    r"(?:takes?|took|taken|taking)\s+(?:his|her|their)\s+own\s+li(?:fe|ves)|"
                    r"(?<!bleeding to )death(?!\s+(?:threats?|penalty|sentence)))\b", re.I)


#: Characters at the start of an article whose counts come first (headline + lede). GVA dev, even incident ids:
#: 800-1,500 all gain about one point on injured over no preference; 0 (headline only) loses.
LEDE = 1000


def _lead_max(values: list[tuple[bool, float]]) -> Optional[float]:
    """The largest count from the headline and lede if they give one, else the largest anywhere."""
    lead = [v for top, v in values if top]
    if lead:
        return max(lead)
    return max((v for _, v in values), default=None)


#: A newly introduced person (indefinite or a full name), not one already named ("the victim", "he"), or one
#: named by a tie to another ("the woman's boyfriend": GVA injured per incident even 86.9 -> 87.0, odd 81.4).
_NEW_PERSON = re.compile(r"^(?:(?i:an?|his|her|their)\s|(?i:the\s+[a-z-]+['\u2019]s\s)|[A-Z][\w-]+['\u2019]s\s|"
                         r"(?!(?:The|This|That|His|Her|Their|Its)\s)[A-Z][\w'\u2019-]+\s+[A-Z])")


#: A reflexive victim: "… killed his wife and two sons before killing himself" (written on odd GVA ids).
_SELF = re.compile(r"^(?:(?:him|her)self|self)$", re.I)


def _killed_before(item: dict, before: list[tuple[dict, float]]) -> Optional[float]:
    """The deaths an earlier, other verb of the sentence counts before a killer's own ("… shot and killed four
    relatives before killing himself": the killer is one more death), or None."""
    trig = (item.get("trigger") or {}).get("start")
    counts = [value for other, value in before if not _SELF.match(other.get("text", ""))
              and (other.get("trigger") or {}).get("start") != trig]
    return max(counts) if counts else None


def _also(item: dict, text: str) -> bool:
    """"Dana Reyes, a customer, was also killed": a newly named victim in addition to the first."""
    trig = item.get("trigger") or {}
    if not trig or trig["start"] < item["end"] or trig["start"] - item["end"] > 60:
        return False
    return bool(_NEW_PERSON.match(item.get("text", "")) and re.search(r"\balso\b", text[item["end"]:trig["start"]]))


def _with_extra(count: Optional[float], extra: dict[str, int], ordinal: bool = False) -> Optional[float]:
    """A singular story's count with its additional victims: "a man was shot … another man was shot" is 2.

    Only when the other mentions are singular (a count above one already names everyone). With ``ordinal``
    (deaths) "a third person has died" means three dead at least; a fourth person wounded after three killed is
    one wounded, so injuries take no ordinal.
    """
    if not extra or (count is not None and count > 1):
        return count
    total = (count or 0) + len(extra)
    return max(total, max(extra.values())) if ordinal else total


def _parts(article: Any) -> tuple[list[dict], str, Optional[str]]:
    if isinstance(article, Doc):
        return list(article._.quantities or []), doc_text(article), (article._.meta or {}).get("title")
    if isinstance(article, dict):
        return list(article.get("quantities") or []), article.get("text", ""), (article.get("meta") or {}).get("title")
    items = [q.model_dump(exclude_none=True) for q in article.quantities]
    return items, article.text, article.meta.title


def _headline_items(title: Union[str, Doc], nlp: Any = None) -> tuple[list[dict], str]:
    if isinstance(title, Doc):
        if title._.quantities is None:
            from .quantities import QuantityTagger

            QuantityTagger()(title)
        return list(title._.quantities or []), doc_text(title)
    if nlp is None:
        from ..pipeline import load_pipeline

        nlp = load_pipeline()
    doc = nlp(clean_headline(title))
    return list(doc._.quantities or []), doc_text(doc)


def clean_headline(title: str) -> str:
    """The headline as a sentence: without the site name a page title carries ("… - WXYZ-TV: News, Weather …")
    and, when written in Title Case, in sentence case (the tagger reads "Man Dies After …" as proper nouns)."""
    parts = re.split(r"\s+[|\u2013\u2014-]\s+|\s+::\s+", title.strip())
    head = parts[0] if parts and len(parts[0]) >= 12 else title.strip()
    words = [w for w in re.findall(r"[A-Za-z][\w']*", head) if len(w) > 3]
    if words and sum(w[0].isupper() for w in words) >= 0.6 * len(words):
        head = head[:1] + head[1:].lower()
    return head


def article_casualties(article: Any, title: Union[str, Doc, None] = None, nlp: Any = None,
                       detail: bool = False) -> dict[str, Any]:
    """Killed and injured counts stated by one article.

    Args:
        article: An ArticleRecord, its JSON dict, or a processed Doc (with ``doc._.quantities``).
        title: The headline (a string, or an already parsed Doc); the article's ``meta.title`` by default.
        nlp: Pipeline used to read a string headline (the cached default pipeline if None).
        detail: Also return ``"headline": {"killed": bool, "injured": bool}``, whether the headline itself gives
            that count (the ``vote`` policy of :func:`incident_casualties` weighs those articles more), and
            ``"victims": {"killed": [...], "injured": [...]}``, the ages told with singular victims ("17 year",
            "6 month"), by which that policy tells a hurt victim of one report as a dead one of another.

    Returns:
        ``{"killed": int | None, "injured": int | None}``; None means the article gives no count (callers that
        need a number usually read it as 0).
    """
    items, text, meta_title = _parts(article)
    title = title if title is not None else meta_title
    out: dict[str, Any]
    out, given, named = _counts(items, text, [_headline_items(title, nlp)] if title else [])
    if detail:
        out["headline"] = given
        out["victims"] = named
    return out
