"""Event tables in other projects' layouts: GDELT 2.0 events (tab-separated) and ACLED (CSV).

Columns are named and ordered as those projects publish them, so a loader written for their files reads ours.
Values are what newsevents knows; a column it cannot fill (tone, religion codes, ACLED region …) is left empty,
never guessed. Crosswalks (PLOVER → CAMEO root, PLOVER → ACLED types, sector → ACLED actor category) are the data
files ``resources/export_*.tsv``.
"""
from __future__ import annotations

import csv
import hashlib
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any, Callable, Iterable, Optional

from .record import Entity, Place
from .store.rows import country

#: GDELT 2.0 event table columns (GDELT Event Codebook V2.0), in file order.
GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles "
    "AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat "
    "Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat "
    "Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat "
    "ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()

#: ACLED export columns (ACLED codebook 2023), in file order.
ACLED_COLUMNS = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 "
    "inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 admin2 admin3 "
    "location latitude longitude geo_precision source source_scale notes fatalities tags timestamp"
).split()

#: GDELT geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (ADM1).
_GDELT_GEO_TYPE = {"country": (1, 1), "admin1": (2, 5), "admin2": (2, 5), "city": (3, 4), "sub-city": (3, 4)}
#: ACLED geo_precision: 1 the named town, 2 a nearby or district-level place, 3 a province or larger.
_ACLED_GEO_PRECISION = {"sub-city": 1, "city": 1, "admin2": 2, "admin1": 3, "country": 3, "region": 3}
#: ACLED time_precision: 1 the day is known, 2 the week, 3 the month or less precise. An event dated only by its
#: report ("published") is taken as known to the week: news reports events of the last few days.
_ACLED_TIME_PRECISION = {"day": 1, "week": 2, "published": 2}


def _tsv(name: str) -> list[dict[str, str]]:
    text = resources.files("newsevents").joinpath("resources", name).read_text("utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def cameo_roots() -> dict[str, tuple[str, int]]:
    """PLOVER type → (CAMEO root code, GDELT QuadClass) from ``resources/export_cameo.tsv``."""
    return {row["plover"]: (row["cameo_root"], int(row["quad_class"])) for row in _tsv("export_cameo.tsv")}


@lru_cache(maxsize=1)
def acled_types() -> dict[tuple[str, str], tuple[str, str, str]]:
    """(PLOVER type, mode or ``*``) → (disorder_type, event_type, sub_event_type)."""
    return {(row["plover"], row["mode"]): (row["disorder_type"], row["event_type"], row["sub_event_type"])
            for row in _tsv("export_acled_types.tsv")}


@lru_cache(maxsize=1)
def acled_actors() -> dict[str, tuple[int, str]]:
    """PLOVER sector → (ACLED inter code, generic actor name template)."""
    return {row["sector"]: (int(row["inter"]), row["name"] or "") for row in _tsv("export_acled_actors.tsv")}


def _stable_int(*parts: str, digits: int = 15) -> int:
    """A stable positive integer id from strings (GDELT ids are integers; ours must survive a re-export)."""
    return int(hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:digits], 16)


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _first_actor(entities: list[Entity]) -> tuple[Optional[Entity], Optional[str], Optional[str]]:
    ent = entities[0] if entities else None
    actor = ent.actor if ent else None
    return ent, actor.country if actor else None, actor.sector if actor else None


def _cameo(view: dict) -> tuple[str, str, str, Any]:
    """EventCode, EventBaseCode, EventRootCode, QuadClass of an event (its CAMEO code, else its type's root)."""
    root, quad = cameo_roots().get(view["type"], ("", None))
    # CAMEO's "not specified below" code of a root is the root + "0" (e.g. 140 PROTEST), GDELT's EventCode form
    code = view["cameo"] or (f"{root}0" if root else "")
    quad = view["quad"] if view["quad"] is not None else quad
    return code, code[:3], code[:2], _blank(quad)


def _gdelt_geo(place: Optional[Place]) -> list[Any]:
    """The 8 ``*Geo_*`` columns of a place: Type, FullName, CountryCode (FIPS), ADM1, ADM2, Lat, Long, FeatureID."""
    if place is None:
        return [""] * 8
    row = country(place.country or place.country_iso3)
    fips = row["fips"] if row else ""
    us_or_world = _GDELT_GEO_TYPE.get(place.precision or "")
    geo_type = "" if us_or_world is None else us_or_world[0 if place.country == "US" else 1]
    parts = [place.name or place.text]
    if place.admin1 and place.admin1.name and place.admin1.name != parts[0]:
        parts.append(place.admin1.name)
    if row and row["name"] not in parts:
        parts.append(row["name"])
    adm1 = f"{fips}{place.admin1.code}" if (fips and place.admin1 and place.admin1.code) else fips
    return [geo_type, ", ".join(parts), fips, adm1, "", _blank(place.lat), _blank(place.lon),
            _blank(place.geonameid)]


def gdelt_row(view: dict, added: str) -> list[Any]:
    """One GDELT 2.0 event row (see :data:`GDELT_COLUMNS`) from an :func:`~newsevents.store.rows.event_view`."""
    record = view["record"]
    day = view["day"]
    when = date.fromisoformat(day) if day else None
    actors = []
    for entities in (view["actors"], view["recipients"]):
        ent, iso3, sector = _first_actor(entities)
        code = f"{iso3 or ''}{sector or ''}"
        actors.append([code, ent.name if ent else "", _blank(iso3), "", "", "", "", _blank(sector), "", ""])
    code, base, root, quad = _cameo(view)
    url = record.source.url or record.meta.url or record.source.path or ""
    return [
        _stable_int(view["article_id"], view["id"]),
        when.strftime("%Y%m%d") if when else "", when.strftime("%Y%m") if when else "", when.year if when else "",
        # GDELT's FractionDate: year + day-of-year / 365, 4 decimals
        round(when.year + when.timetuple().tm_yday / 365, 4) if when else "",
        *actors[0], *actors[1],
        # GDELT marks events from the lead paragraph as root events; ours: from the first sentence
        int(view["sentence"] == 0), code, base, root, quad, "", 1, 1, 1, "",
        *([""] * 8), *([""] * 8), *_gdelt_geo(view["place"]),
        added, url,
    ]


def _country_name(code: Optional[str]) -> str:
    row = country(code)
    return row["name"] if row else ""


def _acled_actor(entities: list[Entity], event_type: str, fallback_country: Optional[str]) -> tuple[str, str, Any]:
    """(actor, assoc_actor, inter) for the actor side of an event, ACLED style."""
    if not entities:
        return "", "", ""
    ent, iso3, sector = _first_actor(entities)
    name = _country_name(iso3 or fallback_country)
    inter, template = acled_actors().get(sector or "", ("", ""))
    if event_type in ("Protests", "Riots") and inter != 1:
        inter, template = (5, "Rioters ({country})") if event_type == "Riots" else (6, "Protesters ({country})")
    generic = template.format(country=name).replace(" ()", "") if template else ""
    names = [e.name for e in entities]
    actor = generic or names[0]
    assoc = "; ".join(n for n in names if n != actor)
    return actor, assoc, inter


def acled_row(view: dict, number: Optional[int], timestamp: int) -> Optional[list[Any]]:
    """One ACLED row (see :data:`ACLED_COLUMNS`), or None for an event type ACLED does not record.

    ``event_id_cnty`` is the country's ISO3 code followed by ``number`` (only the code when number is None).
    """
    types = acled_types()
    kinds = types.get((view["type"], view["mode"] or "")) or types.get((view["type"], "*"))
    if kinds is None:
        return None
    disorder, event_type, sub_event = kinds
    record, place = view["record"], view["place"]
    place_country = place.country_iso3 or place.country if place else None
    actor_country = next((e.actor.country for e in view["actors"] if e.actor and e.actor.country), None)
    iso3 = (country(place_country or actor_country) or {}).get("iso3", "XXX")
    actor1, assoc1, inter1 = _acled_actor(view["actors"], event_type, place_country)
    actor2, assoc2, inter2 = _acled_actor(view["recipients"], event_type, place_country)
    # ACLED's interaction: the two inter codes as one number, smaller first (10 × a + b; one-sided: 10 × a)
    codes = sorted(c for c in (inter1, inter2) if c != "")
    interaction = codes[0] * 10 + (codes[1] if len(codes) > 1 else 0) if codes else ""
    targets_civilians = any(e.actor and e.actor.sector == "CVL" for e in view["recipients"])
    size = view["size"]
    tags = f"crowd size={size['crowd']}" if size.get("crowd") and event_type in ("Protests", "Riots") else ""
    day = view["day"] or ""
    row_country = country(place_country or actor_country)
    return [
        iso3 if number is None else f"{iso3}{number}", day, day[:4], _ACLED_TIME_PRECISION.get(view["date_precision"], 3), disorder,
        event_type, sub_event, actor1, assoc1, inter1, actor2, assoc2, inter2, interaction,
        "Civilian targeting" if targets_civilians and disorder == "Political violence" else "",
        row_country["isonumeric"] if row_country else "", "", row_country["name"] if row_country else "",
        place.admin1.name if place and place.admin1 and place.admin1.name else "", "", "",
        (place.name or place.text) if place else "", _blank(place.lat if place else None),
        _blank(place.lon if place else None), _ACLED_GEO_PRECISION.get(place.precision or "", 3) if place else "",
        record.meta.outlet or "", "", view["sentence_text"] or view["trigger_text"] or "",
        int(size.get("dead") or 0), tags, timestamp,
    ]


def acled_rows(views: Iterable[dict], timestamp: Callable[[dict], Any]) -> Iterable[list[Any]]:
    """ACLED rows of the events ACLED would record, numbered per country in order (``SYR1``, ``SYR2`` …).

    ``timestamp(view)`` gives the row's ``timestamp`` (when its article was added).
    """
    numbers: dict[str, int] = {}
    for view in views:
        row = acled_row(view, None, timestamp(view))
        if row is None:
            continue
        prefix = row[0]
        numbers[prefix] = numbers.get(prefix, 0) + 1
        row[0] = f"{prefix}{numbers[prefix]}"
        yield row
