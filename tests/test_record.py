"""ArticleRecord: ids, sentence indexes on items, the JSON Schema, error records."""
from __future__ import annotations

import hashlib

from newsevents.record import SCHEMA_VERSION, ArticleRecord, error_record, from_doc, json_schema, text_id


def test_record_id_is_sha256_of_text():
    assert text_id("abc") == hashlib.sha256(b"abc").hexdigest()


def test_record_from_doc_adds_sentence_index(nlp):
    doc = nlp.make_doc("First sentence here. Second one follows.")
    for name, proc in nlp.pipeline[:7]:  # model components only
        doc = proc(doc)
    doc._.times = [{"id": "T1", "start": 28, "end": 31, "text": "one", "type": "DATE", "value": "X"}]
    record = from_doc(doc)
    assert record.times[0].sentence == 1
    assert record.id == text_id(doc.text)
    assert record.schema_version == SCHEMA_VERSION
    assert record.entities == []


def test_record_error_record_without_text():
    rec = error_record([{"code": "E101", "stage": "ingest", "message": "[E101] empty"}], source={"id": "x1"})
    assert rec.status == "error" and rec.text == "" and rec.source.id == "x1"
    assert ArticleRecord.model_validate_json(rec.model_dump_json()) == rec


def test_record_json_schema_lists_every_layer():
    props = json_schema()["properties"]
    for field in ("text", "meta", "entities", "times", "places", "quantities", "quotes", "events", "schema_version"):
        assert field in props


def test_record_layer_that_does_not_fit_schema_is_an_e202_row():
    """One stage's bad item drops that layer with a coded row; the article and the other layers are kept."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    import newsevents.pipeline  # noqa: F401  (registers the Doc extensions)

    doc = Doc(Vocab(), words=["Rain", "fell", "in", "Kestrel", "Bay", "on", "Monday", "."])
    doc._.times = [{"id": "T1", "start": 30, "end": 36, "text": "Monday", "type": "DATE", "value": "2024-05-06"}]
    doc._.places = [{"id": "P1", "start": 13, "end": 24, "text": "Kestrel Bay", "geonameid": None,
                     "candidates": [{"geonameid": None, "name": "Kestrel Bay", "score": 0.4}]}]
    record = from_doc(doc)
    assert record.status == "error" and record.places == []
    assert [(t.start, t.end, t.value) for t in record.times] == [(30, 36, "2024-05-06")]
    (row,) = record.errors
    assert row.code == "E202" and row.stage == "places" and "places.0.candidates.0.geonameid" in row.message
