"""Shared pytest fixtures (the only conftest). Tests are offline and deterministic."""
from __future__ import annotations

from pathlib import Path

import pytest

TEST_DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session", autouse=True)
def data_dir(tmp_path_factory):
    """Built data (the gazetteer index) goes to one temp folder for the whole session, never to ~/.cache."""
    from newsevents.config import get_settings

    folder = tmp_path_factory.getbasetemp() / "newsevents-data"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSEVENTS_DATA_DIR", str(folder))
        get_settings.cache_clear()
        yield folder
    get_settings.cache_clear()


@pytest.fixture(scope="session")
def nlp():
    """The full newsevents pipeline, built once for the session."""
    from newsevents.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def times_nlp():
    """The model with only the times stage (isolates that stage from the others)."""
    from newsevents.pipeline import build_pipeline

    return build_pipeline(stages=("times",))


@pytest.fixture(scope="session")
def test_data() -> Path:
    """Folder of project-written test articles."""
    return TEST_DATA


@pytest.fixture()
def run(nlp):
    """Run the pipeline on a text (with optional metadata) and return its ArticleRecord."""
    from newsevents.engines.local import process
    from newsevents.ingest import Article

    def _run(text: str, **meta):
        return next(process([Article(text=text, meta=meta)], nlp=nlp, n_process=1))

    return _run
