"""The real gazetteer build (run once per test session into a temp dir) and the missing/corrupt file paths."""
from __future__ import annotations

import sqlite3

import pytest

from newsevents.config import get_settings
from newsevents.errors import GazetteerError
from newsevents.gazetteer import build as build_mod
from newsevents.gazetteer import lookup as lookup_mod
from newsevents.gazetteer.build import FILE_NAME, build_gazetteer, gazetteer_path, name_key
from newsevents.gazetteer.lookup import Gazetteer, get_gazetteer, reset_gazetteers


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[dict, object]:
    """The full gazetteer, built from the packaged data here whatever else the session built."""
    path = tmp_path_factory.mktemp("gazetteer-build") / FILE_NAME
    summary = build_gazetteer(force=True, path=path)
    return summary, path


def test_gazetteer_build_summary_is_json_able(built):
    summary, path = built
    assert summary["path"] == str(path)
    assert path.is_file() and summary["built"]
    assert summary["counts"]["cities"] > 200_000
    assert summary["counts"]["countries"] > 240
    assert summary["counts"]["admin_areas"] > 40_000
    assert summary["megabytes"] < 60


@pytest.mark.parametrize("name, geonameid, kind, country", [
    ("Syria", 163843, "country", "SY"),
    ("Russia", 2017370, "country", "RU"),
    ("Switzerland", 2658434, "country", "CH"),
    ("Geneva", 2660646, "city", "CH"),
    ("Moscow", 524901, "city", "RU"),
    ("Allegheny County", 5178040, "admin2", "US"),
    ("Ky.", 6254925, "admin1", "US"),
    ("U.S.", 6252001, "country", "US"),
])
def test_gazetteer_build_has_seed_places(built, name, geonameid, kind, country):
    gaz = Gazetteer(built[1])
    hit = [c for c in gaz.candidates(name) if c.geonameid == geonameid]
    assert hit, name
    assert (hit[0].kind, hit[0].country) == (kind, country)
    assert hit[0].lat is not None and hit[0].lon is not None


@pytest.mark.parametrize("name, geonameid, how", [
    ("Russia", 2017370, 0), ("Syria", 163843, 0), ("Ky.", 6254925, 1), ("Britain", 2635167, 1),
])
def test_gazetteer_build_alias_keeps_primary_name(built, name, geonameid, how):
    # place_aliases.tsv repeats some primary names ("Russia"): the alias must not demote them to official
    hit = [c for c in Gazetteer(built[1]).candidates(name) if c.geonameid == geonameid]
    assert hit and hit[0].how == how


@pytest.mark.parametrize("raw, key", [
    ("St. Louis", "saint louis"), ("the U.S.", "us"), ("Zürich", "zurich"), ("Russia's", "russia"),
    ("Mt. Vernon", "mount vernon"), ("  New   York ", "new york"),
])
def test_gazetteer_name_key_normalises(raw, key):
    assert name_key(raw) == key


def test_gazetteer_missing_file_is_e401_without_build(tmp_path):
    with pytest.raises(GazetteerError) as info:
        get_gazetteer(tmp_path / "nope.sqlite", build=False)
    assert info.value.code.name == "E401"


def test_gazetteer_corrupt_file_is_e401_without_build(tmp_path):
    bad = tmp_path / FILE_NAME
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError) as info:
        get_gazetteer(bad, build=False)
    assert info.value.code.name == "E401"


def test_gazetteer_wrong_schema_is_e401(tmp_path):
    other = tmp_path / FILE_NAME
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.close()
    with pytest.raises(GazetteerError) as info:
        Gazetteer(other)
    assert info.value.code.name == "E401"


@pytest.mark.parametrize("damage", ["missing", "corrupt"])
def test_gazetteer_missing_or_corrupt_file_is_rebuilt(tmp_path, monkeypatch, built, damage):
    """get_gazetteer(build=True) rebuilds; the build itself is stubbed with a copy of the real file (tested above)."""
    target = tmp_path / FILE_NAME
    if damage == "corrupt":
        target.write_bytes(b"\x00garbage" * 50)
    calls = []

    def fake_build(force: bool = False, path=None) -> dict:
        calls.append((force, path))
        path.write_bytes(built[1].read_bytes())
        return {"path": str(path), "built": True}

    monkeypatch.setattr(lookup_mod, "build_gazetteer", fake_build)
    reset_gazetteers()
    gaz = get_gazetteer(target)
    assert calls == [(True, target)]
    assert any(c.geonameid == 163843 for c in gaz.candidates("Syria"))
    reset_gazetteers()


def test_gazetteer_build_without_source_package_is_e402(tmp_path, monkeypatch):
    monkeypatch.setattr(build_mod, "package_dir", lambda name: None)
    with pytest.raises(GazetteerError) as info:
        build_gazetteer(force=True, path=tmp_path / FILE_NAME)
    assert info.value.code.name == "E402"
    assert not (tmp_path / FILE_NAME).exists()


def test_gazetteer_path_follows_data_dir_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_DATA_DIR", str(tmp_path))
    get_settings.cache_clear()
    try:
        assert gazetteer_path() == tmp_path / FILE_NAME
    finally:
        get_settings.cache_clear()
