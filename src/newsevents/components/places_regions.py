"""Hand-written points for regions, islands and seas (``resources/place_regions.tsv``) for ``newsevents_places_v1``.

The packaged GeoNames data holds populated places and administrative areas only, so "Darfur", "Java" or "the
Black Sea" had no point. These rows give an approximate one (``geonameid`` stays null, with a reason).
"""
from __future__ import annotations

from functools import lru_cache

from ..gazetteer.build import name_key, read_resource_tsv
from ..gazetteer.lookup import Candidate

#: a hand-written region point ("Java", "Pacific") gives way to a gazetteer town of this size or an area (5,000 /
#: 20,000 / 100,000: GeoVirus e2e / gold-span Acc@161 79.6 / 80.5, 79.7 / 80.6, 79.7 / 80.6; TR-News unchanged)
REGION_BEATS_TOWNS_BELOW = 20_000
REGION_REASON = "approximate point written by hand (a region, island or sea GeoNames data here has no point for)"


@lru_cache(maxsize=1)
def region_points() -> dict[str, Candidate]:
    """Regions, islands and seas with a hand-written point (``resources/place_regions.tsv``), by name key."""
    out: dict[str, Candidate] = {}
    for row in read_resource_tsv("place_regions.tsv"):
        c = Candidate(None, row["name"], "region", "L.RGN", row["country"] or None,  # type: ignore[arg-type]
                      None, None, float(row["lat"]), float(row["lon"]), 0, 0)
        for name in (row["name"], *filter(None, (row["aliases"] or "").split("|"))):
            out[name_key(name)] = c
    return out
