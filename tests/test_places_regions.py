"""Places stage: hand-written points for regions, islands and seas (invented sentences)."""
from __future__ import annotations

import pytest

from newsevents.components.places_regions import REGION_REASON, region_points
from newsevents.gazetteer.build import FILE_NAME, build_gazetteer
from newsevents.gazetteer.lookup import reset_gazetteers


@pytest.fixture(scope="module", autouse=True)
def gazetteer_dir(data_dir):
    """The session's data_dir with the real gazetteer built in it (once per session, shared by modules)."""
    if not (data_dir / FILE_NAME).is_file():
        build_gazetteer(path=data_dir / FILE_NAME)
    reset_gazetteers()
    yield data_dir
    reset_gazetteers()


def _places(nlp, text: str) -> list[dict]:
    doc = nlp.make_doc(text)
    doc._.meta = {}
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.places


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
    hits = [p for p in _places(nlp, text) if p["start"] == start and p["text"] == name]
    assert len(hits) == 1
    p = hits[0]
    assert (p["lat"], p["lon"], p["geonameid"], p["precision"]) == (lat, lon, None, "region")
    assert p["reason"] == REGION_REASON


def test_places_regions_gazetteer_area_wins(nlp):
    # "Red Sea" is also a state of Sudan in GeoNames: an administrative area outranks the hand-written sea
    text = "Officials in Red Sea state reported new cases on Monday."
    hits = [p for p in _places(nlp, text) if p["text"] == "Red Sea"]
    assert hits and hits[0]["geonameid"] is not None
