"""The gazetteer's lookup caches belong to each instance: a forgotten Gazetteer (and its connection) is freed."""
from __future__ import annotations

import weakref

import pytest

from newsevents.gazetteer import lookup as lookup_mod
from newsevents.gazetteer.lookup import Gazetteer, get_gazetteer


@pytest.fixture(scope="module")
def gaz_path():
    """The configured gazetteer file (built at first use)."""
    return get_gazetteer().path


def test_gazetteer_cache_instance_is_freed(gaz_path):
    gaz = Gazetteer(gaz_path)
    assert gaz.candidates("Geneva") and gaz.place(163843) is not None
    ref = weakref.ref(gaz)
    del gaz
    assert ref() is None  # no class-level cache (and no reference cycle) keeps it alive


@pytest.mark.parametrize("name, geonameid", [("Geneva", 2660646), ("Moscow", 524901), ("Syria", 163843)])
def test_gazetteer_cache_returns_same_answer(gaz_path, name, geonameid):
    gaz = Gazetteer(gaz_path)
    first = gaz.candidates(name)
    assert gaz.candidates(name) is first
    assert geonameid in [c.geonameid for c in first]
    place = gaz.place(geonameid)
    assert place is not None and place.geonameid == geonameid and gaz.place(geonameid) is place
    assert gaz.place(-1) is None and gaz.place(-1) is None
    assert gaz.candidates("") == ()


def test_gazetteer_cache_drops_oldest_when_full(gaz_path, monkeypatch):
    monkeypatch.setattr(lookup_mod, "CANDIDATE_CACHE_SIZE", 2)
    gaz = Gazetteer(gaz_path)
    answers = {name: gaz.candidates(name) for name in ("Geneva", "Moscow", "Syria")}
    assert list(gaz._candidates_cache) == ["Moscow", "Syria"]
    assert gaz.candidates("Geneva") == answers["Geneva"]
