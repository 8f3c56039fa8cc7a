"""The pipeline: stage order, requires/assigns, the model, apostrophe normalisation that keeps offsets."""
from __future__ import annotations

import pytest

from newsevents.errors import PipelineError
from newsevents.pipeline import KNOWN_STAGES, build_pipeline


def test_pipeline_stage_order(nlp):
    names = nlp.pipe_names
    assert names[0] == "normalize"
    assert [n for n in names if n in KNOWN_STAGES] == list(KNOWN_STAGES)
    assert names.index("ner") < names.index("entities")


def test_pipeline_analyze_pipes_has_no_problems(nlp):
    problems = nlp.analyze_pipes(pretty=False)["problems"]
    assert all(not p for p in problems.values()), problems


def test_pipeline_unknown_stage_is_a_coded_error():
    with pytest.raises(PipelineError) as info:
        build_pipeline(stages=("entities", "sentiment"))
    assert info.value.code.name == "E203"


def test_pipeline_missing_model_is_a_coded_error():
    with pytest.raises(PipelineError) as info:
        build_pipeline(model="no_such_model_xx", stages=())
    assert info.value.code.name == "E201"


@pytest.mark.parametrize("curly, straight", [
    ("The minister’s aides didn’t say.", "The minister's aides didn't say."),
    ("“We won’t go,” she said.", '"We won\'t go," she said.'),
])
def test_pipeline_normalize_typographic_marks_keeps_text(nlp, curly, straight):
    doc_curly, doc_straight = nlp(curly), nlp(straight)
    assert doc_curly.text == curly  # the canonical text is never rewritten
    assert [t.idx for t in doc_curly] == [t.idx for t in doc_straight]  # same tokens, same offsets
    assert [t.norm_ for t in doc_curly] == [t.norm_ for t in doc_straight]
    assert [t.tag_ for t in doc_curly] == [t.tag_ for t in doc_straight]
