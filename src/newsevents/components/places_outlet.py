"""The outlet's home for ``newsevents_places_v1``: country and home town of the outlet, from the article metadata.

A local outlet writes about its own region: "London" in an article of the *London Free Press* (London, Ontario)
or "Edmonton" in a North London weekly. Three general signals, all from ``doc._.meta`` (``url``, ``outlet``):

* the country-code top-level domain (``.ca`` → CA; generic ones such as ``.tv`` or ``.co`` say nothing);
* a US broadcast call sign as the site's name (``wkyt.com``, ``katv.com``, ``wcluradio.com``: W/K + 2-3 letters);
* a place name that starts the site's domain label or the outlet's name (``edmontonjournal.com``,
  "Winnipeg Free Press", ``amarillo.com``): a town of at least :data:`HOME_TOWN_MIN` people, a first-level area
  or a country, in the domain's country when it has one.

The home town's first-level area and country then add context to the ranking (see ``places.article_context``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlparse

from ..gazetteer.build import name_key
from ..gazetteer.lookup import Candidate, Gazetteer

#: country-code top-level domains that are used as generic ones and say nothing about the outlet's country
_VANITY_TLDS = frozenset({"co", "tv", "io", "me", "fm", "ly", "ai", "am", "cc", "ws", "to", "gg", "is", "it", "ms",
                          "gl", "gd", "sh", "st", "vc", "nu"})
#: US broadcasters are named by call signs: W (east) or K (west) and two or three letters, maybe a medium after
_CALL_SIGN = re.compile(r"^[wk][a-z]{2,3}(?:tv|fm|am|radio|news|\d+)?$")
#: a town named at the start of a domain or outlet name must be at least this big ("Innisfail Province",
#: 8,000 people, is a local paper's town; smaller prefixes are mostly ordinary words; 1,000 / 5,000 / 20,000 give
#: the same scores on both dev sets)
HOME_TOWN_MIN = 5_000
#: a same-named town abroad at least 1/AMBIGUOUS_RATIO the size makes an outlet's town name ambiguous (5 / 10 / 20:
#: the same scores on both dev sets)
AMBIGUOUS_RATIO = 10
#: shortest domain prefix tried as a place name ("brantnews" → Brant; three letters are mostly abbreviations)
_MIN_PREFIX = 4
#: what may follow a town at the start of a domain label ("moberlymonitor", "innisfailprovince"); anything else
#: means the prefix is only part of a word ("marketwired" is not Marke, Belgium)
_OUTLET_WORDS = ("news", "journal", "today", "leader", "monitor", "sentinel", "province", "press", "times", "post",
                 "herald", "star", "sun", "gazette", "tribune", "daily", "online", "radio", "tv", "mail", "record",
                 "courier", "chronicle", "examiner", "observer", "register", "review", "standard", "telegraph",
                 "express", "reporter", "dispatch", "bulletin", "guardian", "independent", "mercury", "advertiser",
                 "argus", "echo", "free", "citizen", "farmer", "live", "now", "weekly", "extra", "region", "info",
                 "globe", "voice", "beacon", "enterprise", "democrat", "republican", "banner", "ledger", "eagle")
#: words of outlet names that are no home ("Independent", "National Post", "Global News")
_NOT_HOME = frozenset({"national", "global", "independent", "international", "world", "daily", "news", "times",
                       "post", "herald", "star", "sun", "press", "free", "gazette", "journal", "register", "citizen",
                       "market", "fresh", "metro", "city", "business", "financial", "associated", "united"})


@dataclass(frozen=True)
class OutletHome:
    """Where an outlet is based, as far as its metadata tells."""

    country: Optional[str] = None  # ISO2
    town: Optional[Candidate] = None  # a city, first-level area or country named by the outlet


def _host_label(value: str) -> tuple[str, str]:
    """(registrable label, top-level domain) of a URL or bare host: ``news.lfpress.co.uk`` → ("lfpress", "uk")."""
    host = (urlparse(value).hostname if "//" in value else value.split("/")[0]) or ""
    parts = [p for p in host.lower().split(".") if p and p != "www"]
    if len(parts) < 2:
        return "", ""
    tld = parts[-1]
    rest = parts[:-1]
    if len(tld) == 2 and len(rest) >= 2 and rest[-1] in ("co", "com", "net", "org", "gov", "ac"):
        rest = rest[:-1]  # "abc.net.au", "example.co.uk"
    return rest[-1], tld


def _tld_country(tld: str, gaz: Gazetteer) -> Optional[str]:
    if len(tld) != 2 or tld in _VANITY_TLDS:
        return None
    iso = "GB" if tld == "uk" else tld.upper()
    return iso if iso in gaz.iso3 else None


def _named_place(key: str, country: Optional[str], gaz: Gazetteer) -> Optional[Candidate]:
    """The biggest big-enough place with this primary name (in ``country`` when given). Without a country, a
    town name shared with a town abroad at least a tenth its size names no home: "Kingston" (Jamaica, 940,000;
    Ontario, 130,000) or "Hamilton" could be either, "Edmonton" (Alberta, 1.8 million; London, 82,000) cannot."""
    if not key or key in _NOT_HOME:
        return None
    fits = [c for c in gaz.candidates(key)
            if c.how <= 1 and (not country or c.country == country)
            and (c.kind in ("country", "admin1") or (c.kind in ("city", "admin2") and c.population >= HOME_TOWN_MIN))]
    if not fits:
        return None
    best = fits[0]
    if country is None and best.kind != "country" and any(
            c.country != best.country and c.kind != "country" and c.population * AMBIGUOUS_RATIO >= best.population
            for c in fits[1:]):
        return None
    return best


def _town_in_label(label: str, country: Optional[str], gaz: Gazetteer) -> Optional[Candidate]:
    """The longest place name that starts a domain label ("edmontonjournal" → Edmonton, "enfield-today")."""
    first = label.split("-")[0]
    if "-" in label:
        hit = _named_place(label.replace("-", " "), country, gaz) or _named_place(first, country, gaz)
        if hit:
            return hit
    for n in range(len(first), _MIN_PREFIX - 1, -1):
        rest = first[n:]
        if rest and not rest.startswith(_OUTLET_WORDS):
            continue
        hit = _named_place(first[:n], country, gaz)
        if hit:
            return hit
    return None


def _town_in_name(name: str, country: Optional[str], gaz: Gazetteer) -> Optional[Candidate]:
    """The place name that starts an outlet's name ("Winnipeg Free Press", "The Sydney Morning Herald")."""
    words = re.sub(r"^the\s+", "", name.strip(), flags=re.I).split()
    for n in range(min(3, len(words)), 0, -1):
        if not all(w[:1].isupper() for w in words[:n]):
            continue
        hit = _named_place(name_key(" ".join(words[:n])), country, gaz)
        if hit:
            return hit
    return None


def _home(url: str, outlet: str, gaz: Gazetteer) -> OutletHome:
    country = None
    labels = []
    for value in (url, outlet):
        if value and " " not in value.strip() and "." in value:
            label, tld = _host_label(value)
            country = country or _tld_country(tld, gaz)
            if label:
                labels.append((label, tld))
    if country is None and any(_CALL_SIGN.match(label) and tld in ("com", "net") for label, tld in labels):
        country = "US"
    town = None
    if outlet and " " in outlet.strip():
        town = _town_in_name(outlet, country, gaz)
    for label, _ in labels:
        if town is None and not _CALL_SIGN.match(label):
            town = _town_in_label(label, country, gaz)
    if town is not None and country is None:
        country = town.country
    return OutletHome(country, town)


def outlet_home(meta: Optional[dict], gaz: Gazetteer) -> OutletHome:
    """Country and home town of the article's outlet from ``meta`` (``url``, ``outlet``); empty if unknown.

    >>> # outlet_home({"url": "https://edmontonjournal.com/news/x"}, gaz).town.name  -> "Edmonton"
    """
    meta = meta or {}
    return _home(str(meta.get("url") or ""), str(meta.get("outlet") or ""), gaz)
