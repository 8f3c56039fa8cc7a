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



def test_pipeline_doc_text_cache_is_per_thread():
    # the API extracts in a thread pool: each thread keeps its own cached text, so one thread's Doc never meets
    # another's text, and a thread's cache survives another thread's reads (a shared slot would not)
    import threading

    from newsevents.components import doc_text

    class Counting:  # stands in for a Doc: doc_text only reads .text and compares identity
        def __init__(self, text):
            self.reads, self._text = 0, text

        @property
        def text(self):
            self.reads += 1
            return self._text

    mine, theirs = Counting("Ships left port."), Counting("Rain fell.")
    assert doc_text(mine) == "Ships left port."
    other = threading.Thread(target=lambda: doc_text(theirs))
    other.start()
    other.join()
    assert doc_text(mine) == "Ships left port." and mine.reads == 1
    assert theirs.reads == 1
