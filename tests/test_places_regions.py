"""Places stage: hand-written points for regions, islands and seas (invented sentences)."""
from __future__ import annotations

import pytest

from newsevents.components.places_regions import REGION_REASON, region_points
from test_places_resolve import find, gazetteer_dir, places_of  # noqa: F401  (autouse fixture: test gazetteer)


def test_places_regions_table_is_well_formed():
    points = region_points()
    assert len(points) >= 60
    for c in points.values():
        assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180
        assert c.geonameid is None and c.kind == "region"


@pytest.mark.parametrize("text, name, start, lat, lon", [
    ("Aid convoys reached camps in Darfur on Sunday.", "Darfur", 29, 13.5, 24.5),
    ("A ferry sank off the coast of Sumatra late on Friday.", "Sumatra", 30, -0.5, 101.5),
    # a hamlet named Java (Georgia, 400 people) must not beat the island
    ("Heavy rain flooded rice fields across Java this week.", "Java", 38, -7.5, 110.0),
    # Pacific, Missouri (7,000 people) must not beat the ocean
    ("The storm formed over the Pacific before turning north.", "Pacific", 26, 0.0, -160.0),
])
def test_places_regions_resolve_to_hand_points(nlp, text, name, start, lat, lon):
    p = find(places_of(nlp, text), name, start)
    assert (p["lat"], p["lon"], p["geonameid"], p["precision"]) == (lat, lon, None, "region")
    assert p["reason"] == REGION_REASON


def test_places_regions_gazetteer_area_wins(nlp):
    # "Red Sea" is also a state of Sudan in GeoNames: an administrative area outranks the hand-written sea
    text = "Officials in Red Sea state reported new cases on Monday."
    assert find(places_of(nlp, text), "Red Sea", 13)["geonameid"] is not None
