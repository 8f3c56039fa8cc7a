"""Read the SQLite gazetteer: name → candidate places, countries, admin areas.

:func:`get_gazetteer` opens the file for the configured ``data_dir`` and builds it at first use. A missing file is
built; a corrupt or outdated one is rebuilt; if that fails the caller gets :class:`GazetteerError` E402, and with
``build=False`` a missing or corrupt file is E401.
"""
from __future__ import annotations

import logging
import os
import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..errors import Code, GazetteerError
from .build import GAZETTEER_VERSION, HOW_ALTERNATE, build_gazetteer, gazetteer_path, key_start, name_key

logger = logging.getLogger(__name__)

#: candidates read per name, most populous first; 40 covers every same-name town of the largest US name sets
#: ("Springfield": 33 in cities500) so a small one named by its state is still seen
MAX_CANDIDATES = 40
#: names whose candidates are kept per gazetteer (an article asks for a few hundred, the same ones again and again)
CANDIDATE_CACHE_SIZE = 20000
#: entries kept by id: the ranker asks for the same few hundred countries and capitals in every article
PLACE_CACHE_SIZE = 4096
_MISSING = object()

PRECISION = {"country": "country", "admin1": "admin1", "admin2": "admin2", "city": "city", "continent": "region",
             "region": "region", "spot": "sub-city"}


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry a name may refer to."""

    geonameid: int
    name: str
    kind: str  # country | admin1 | admin2 | city | continent; region, spot: no geonameid (see places_regions, _rank)
    feature: str
    country: Optional[str]
    admin1: Optional[str]  # GeoNames code "US.TX"
    admin2: Optional[str]  # GeoNames code "US.PA.003"
    lat: Optional[float]
    lon: Optional[float]
    population: int
    how: int  # 0 primary name, 1 official/alias, 2 alternate

    @property
    def precision(self) -> str:
        """Record precision: country, admin1, admin2, city or region."""
        return PRECISION.get(self.kind, "city")


class Gazetteer:
    """An open gazetteer file (one SQLite connection per process; safe to share between threads).

    Args:
        path: The SQLite file.

    Raises:
        GazetteerError: E401 if the file is missing, not a gazetteer, or of another version.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise GazetteerError(Code.E401, path=self.path, detail="file not found")
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._con = self._connect()
        try:
            version = self._con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            countries = self._con.execute("SELECT iso2, iso3, geonameid, name, capital FROM countries").fetchall()
            admins = self._con.execute("SELECT code, geonameid, name FROM admins").fetchall()
            unres = self._con.execute("SELECT key, name, precision, reason FROM unresolvable").fetchall()
        except sqlite3.DatabaseError as exc:
            self._con.close()
            raise GazetteerError(Code.E401, path=self.path, detail=str(exc)) from exc
        if not version or version[0] != GAZETTEER_VERSION:
            self._con.close()
            raise GazetteerError(Code.E401, path=self.path, detail=f"version {version and version[0]!r}")
        self.iso3 = {r[0]: r[1] for r in countries}
        self.iso2_of_iso3 = {r[1]: r[0] for r in countries}
        self.country_id = {r[0]: r[2] for r in countries}
        self.country_name = {r[0]: r[3] for r in countries}
        self.capital = {r[0]: r[4] for r in countries if r[4]}
        self.admin_name = {r[0]: r[2] for r in admins}
        self.admin_id = {r[0]: r[1] for r in admins}
        self.unresolvable = {r[0]: (r[1], r[2], r[3]) for r in unres}
        # per-instance caches, not functools.lru_cache on the methods: a class-level cache keys on ``self`` and
        # keeps every Gazetteer and its connection alive after reset_gazetteers(); plain dicts hold no reference
        # back to the instance (no cycle), and drop their oldest entry when full
        self._candidates_cache: dict[str, tuple[Candidate, ...]] = {}
        self._place_cache: dict[int, Optional[Candidate]] = {}
        self._area_starts: Optional[frozenset[str]] = None

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            if os.getpid() != self._pid:  # a forked worker must not share the parent's connection
                self._con, self._pid = self._connect(), os.getpid()
            try:
                return self._con.execute(sql, args).fetchall()
            except sqlite3.DatabaseError as exc:
                raise GazetteerError(Code.E401, path=self.path, detail=str(exc)) from exc

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Places a name may refer to (by :func:`name_key`), best name match and most populous first."""
        hit = self._candidates_cache.get(name)
        if hit is not None:
            return hit
        key = name_key(name)
        if not key:
            out: tuple[Candidate, ...] = ()
        else:
            rows = self._query(
                "SELECT p.geonameid, p.name, p.kind, p.feature, p.country, p.admin1, p.admin2, p.lat, p.lon,"
                " p.population, min(n.how) FROM names n JOIN places p USING (geonameid) WHERE n.key = ?"
                " GROUP BY p.geonameid ORDER BY min(n.how), p.population DESC LIMIT ?", (key, MAX_CANDIDATES))
            out = tuple(Candidate(*r) for r in rows)
        _remember(self._candidates_cache, name, out, CANDIDATE_CACHE_SIZE)
        return out

    def place(self, geonameid: int) -> Optional[Candidate]:
        """The entry with this GeoNames id, if the gazetteer has it."""
        hit = self._place_cache.get(geonameid, _MISSING)
        if hit is not _MISSING:
            return hit  # type: ignore[return-value]
        rows = self._query("SELECT geonameid, name, kind, feature, country, admin1, admin2, lat, lon, population, 0"
                           " FROM places WHERE geonameid = ?", (int(geonameid),))
        out = Candidate(*rows[0]) if rows else None
        _remember(self._place_cache, geonameid, out, PLACE_CACHE_SIZE)
        return out

    def area_name_starts(self) -> frozenset[str]:
        """:func:`key_start` of every primary or official name of a country, continent or first-level area: a
        span whose first token starts none of them is none of those names (a cheap test before the lookup)."""
        if self._area_starts is None:
            rows = self._query("SELECT DISTINCT n.key FROM names n JOIN places p USING (geonameid)"
                               " WHERE n.how < ? AND p.kind IN ('country', 'continent', 'admin1')",
                               (HOW_ALTERNATE,))
            self._area_starts = frozenset(key_start(r[0]) for r in rows)
        return self._area_starts

    def unresolvable_reason(self, name: str) -> Optional[tuple[str, str, str]]:
        """(name, precision, reason) if the name is a known place with no point (a region, a former state)."""
        return self.unresolvable.get(name_key(name))

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._con.close()


def _remember(cache: dict, key, value, size: int) -> None:
    """Store ``value`` under ``key``, dropping the oldest entry once ``cache`` holds ``size`` (dicts keep order)."""
    if len(cache) >= size:
        cache.pop(next(iter(cache), None), None)  # tolerant: another thread may have dropped it first
    cache[key] = value


@lru_cache(maxsize=4)
def _open(path: Path, build: bool) -> Gazetteer:
    try:
        return Gazetteer(path)
    except GazetteerError as exc:
        if not build:
            raise
        reason = exc.fields.get("detail")
    # a first use (no file yet) is normal and only informative; a corrupt or outdated file is worth a warning
    log = logger.info if not path.exists() else logger.warning
    log("gazetteer %s unusable (%s): building it (about 20 s, once)", path, reason)
    build_gazetteer(force=True, path=path)
    return Gazetteer(path)


def get_gazetteer(path: Optional[Path] = None, build: bool = True) -> Gazetteer:
    """The process-wide gazetteer for ``path`` (default :func:`gazetteer_path` of the settings).

    Args:
        path: The SQLite file.
        build: Build (or rebuild) a missing, corrupt or outdated file instead of raising E401.

    Raises:
        GazetteerError: E401 (missing/corrupt, ``build=False``) or E402 (the build failed).
    """
    return _open(Path(path) if path else gazetteer_path(), build)


def reset_gazetteers() -> None:
    """Forget open gazetteers (tests, or after the file was replaced)."""
    _open.cache_clear()
