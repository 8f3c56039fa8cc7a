"""The local engine: one record per input in input order, error rows in place, identical across n_process."""
from __future__ import annotations

from newsevents.engines.local import process
from newsevents.errors import Code, error_item
from newsevents.ingest import Article

TEXTS = [
    "The council of Northbridge approved a new budget on Tuesday. Mayor Ann Keller said the plan was fair.",
    "",
    "Flooding forced 300 families from their homes in the river valley, officials said on Friday.",
]


def _articles():
    out = []
    for i, text in enumerate(TEXTS):
        if text:
            out.append(Article(text=text, meta={"published": "2024-05-10"}, source={"id": f"a{i}"}))
        else:
            out.append(Article(errors=[error_item(Code.E101, "ingest")], source={"id": f"a{i}"}))
    return out


def test_engine_local_keeps_input_order_and_error_rows(nlp):
    records = list(process(_articles(), nlp=nlp))
    assert [r.source.id for r in records] == ["a0", "a1", "a2"]
    assert [r.status for r in records] == ["ok", "error", "ok"]
    assert records[1].errors[0].code == "E101"
    assert records[0].text == TEXTS[0]


def test_engine_local_sentences_cover_the_text(nlp):
    record = next(process(_articles()[:1], nlp=nlp))
    assert record.sentences[0].start == 0
    assert record.sentences[-1].end == len(record.text.rstrip())
    assert TEXTS[0][record.sentences[1].start:].startswith("Mayor Ann Keller")


def test_engine_local_only_errors(nlp):
    bad = [Article(errors=[error_item(Code.E101, "ingest")], source={"id": str(i)}) for i in range(3)]
    assert [r.source.id for r in process(bad, nlp=nlp)] == ["0", "1", "2"]


def test_engine_local_too_long_text_is_error_row(nlp):
    article = Article(text="word " * (nlp.max_length // 5 + 10), source={"id": "big"})
    record = next(process([article], nlp=nlp))
    assert record.status == "error" and record.errors[0].code == "E105"


def test_engine_local_two_processes_give_identical_records(nlp):
    one = [r.model_dump() for r in process(_articles(), nlp=nlp, n_process=1)]
    two = [r.model_dump() for r in process(_articles(), nlp=nlp, n_process=2)]
    assert one == two


def test_engine_local_stage_crash_is_recorded_and_batch_goes_on(nlp, monkeypatch):
    """Regression: E202 rows used to raise TypeError (stage passed twice) and stop the batch."""
    from newsevents.components import stage_call

    class Failing:
        @stage_call("quotes")
        def __call__(self, doc):
            raise ValueError("synthetic failure")

    monkeypatch.setattr(type(nlp.get_pipe("quotes")), "__call__", Failing.__call__)
    records = list(process(_articles(), nlp=nlp))
    assert [r.source.id for r in records] == ["a0", "a1", "a2"]
    crashed = records[0]
    assert crashed.status == "error" and crashed.quotes == []
    assert crashed.errors[0].code == "E202" and crashed.errors[0].stage == "quotes"
    assert "synthetic failure" in crashed.errors[0].message and "'quotes'" in crashed.errors[0].message
    assert crashed.times  # the other stages' output is kept
