"""Each bad input becomes a coded error (or warning) Article; nothing raises."""
from __future__ import annotations

import json

import pytest

from newsevents.config import get_settings
from newsevents.ingest import read_inputs
from newsevents.ingest.jsonl import from_item

ENGLISH = "The harbour authority said on Tuesday that the strike had cost the port two million dollars a day."
GERMAN = "Die Hafenbehörde teilte am Dienstag mit, dass der Streik den Hafen täglich zwei Millionen Euro koste."
PAGE = ("<html><head><title>Strike costs port</title></head><body><article><h1>Strike costs port</h1>"
        f"<p>{ENGLISH}</p><p>Talks between the union and the port are due to resume next week, officials said.</p>"
        "</article></body></html>")


def _read_one(path, **kw):
    single, articles = read_inputs(str(path), **kw)
    items = list(articles)
    assert single is True and len(items) == 1
    return items[0]


def _codes(rows):
    return [row["code"] for row in rows]


@pytest.fixture()
def max_bytes(monkeypatch):
    """Lower the size limit to 200 bytes for one test."""
    monkeypatch.setenv("NEWSEVENTS_MAX_BYTES", "200")
    get_settings.cache_clear()
    yield 200
    get_settings.cache_clear()


@pytest.mark.parametrize("name, content, code", [
    ("empty.txt", b"", "E101"),
    ("blank.txt", b"  \n\n \t\n", "E101"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E102"),
    ("report.html", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "E102"),
    ("nul.txt", b"text with a \x00 NUL byte in it", "E102"),
    ("noise.txt", bytes(range(0x80, 0x100)) * 4, "E103"),
    ("nobody.html", b"<html><head><title>Index</title></head><body></body></html>", "E104"),
    ("nohtml.html", b"<html><head><title>Only a head</title></head></html>", "E104"),
    ("slides.pdf", b"%PDF-1.4", "E108"),
])
def test_ingest_errors_bad_files(tmp_path, name, content, code):
    path = tmp_path / name
    path.write_bytes(content)
    article = _read_one(path)
    assert not article.ok
    assert _codes(article.errors) == [code]
    assert article.text == ""
    assert article.source["path"] == str(path)
    assert article.errors[0]["message"].startswith(f"[{code}]")


def test_ingest_errors_missing_path(tmp_path):
    article = _read_one(tmp_path / "nowhere.txt")
    assert _codes(article.errors) == ["E107"]


def test_ingest_errors_huge_file(tmp_path, max_bytes):
    path = tmp_path / "huge.txt"
    path.write_text(ENGLISH * 3, encoding="utf-8")
    article = _read_one(path)
    assert _codes(article.errors) == ["E105"]
    assert "over the limit of 200" in article.errors[0]["message"]


def test_ingest_errors_huge_jsonl_line_is_skipped_not_loaded(tmp_path, max_bytes):
    path = tmp_path / "items.jsonl"
    lines = [json.dumps({"id": "big", "text": ENGLISH * 5}), json.dumps({"id": "ok", "text": ENGLISH})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    single, articles = read_inputs(str(path))
    items = list(articles)
    assert single is False
    assert [_codes(a.errors) for a in items] == [["E105"], []]
    assert items[1].source["id"] == "ok"


def test_ingest_errors_broken_html_still_extracts(tmp_path):
    path = tmp_path / "broken.html"
    broken = (f"<html><head><title>Strike</title><body><div><h1>Strike costs port<p>{ENGLISH}<p>Talks between the union "
              "and the port are due to resume next week, officials said.</span></table>")
    path.write_text(broken, encoding="utf-8")
    article = _read_one(path)
    assert article.ok
    assert ENGLISH in article.text.split("\n\n")


def test_ingest_errors_non_english_is_a_warning(tmp_path):
    path = tmp_path / "de.txt"
    path.write_text(GERMAN, encoding="utf-8")
    article = _read_one(path)
    assert article.ok and article.text == GERMAN
    assert article.meta["language"] == "de"
    assert _codes(article.warnings) == ["W101"]


def test_ingest_errors_latin1_decoded_with_warning(tmp_path):
    path = tmp_path / "latin1.txt"
    text = "Le maire a déclaré que le pont de Genève resterait fermé jusqu'à la fin de l'été."
    path.write_bytes(text.encode("latin-1"))
    article = _read_one(path)
    assert article.text == text
    assert _codes(article.warnings) == ["W102", "W101"]
    assert article.meta["language"] == "fr"


def test_ingest_errors_utf8_bom_and_utf16(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    (tmp_path / "u16.txt").write_bytes(ENGLISH.encode("utf-16"))
    for name in ("bom.txt", "u16.txt"):
        article = _read_one(tmp_path / name)
        assert article.text == ENGLISH and article.warnings == [] and article.meta["language"] == "en"


@pytest.mark.parametrize("item, code", [
    ({"id": "a"}, "E106"),
    ({"id": "b", "text": 42}, "E106"),
    ({"id": "c", "text": ""}, "E101"),
    ({"id": "d", "html": "<html><body></body></html>"}, "E104"),
    ({"id": "e", "html": ""}, "E101"),
    (["not", "an", "object"], "E106"),
])
def test_ingest_errors_bad_items(item, code):
    article = from_item(item)
    assert _codes(article.errors) == [code]


def test_ingest_errors_bad_jsonl_lines(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "one", "text": ENGLISH, "published": "2024-05-02"}),
        "{not json",
        "",
        json.dumps({"id": "two", "url": "https://example.org/a"}),
        json.dumps({"html": PAGE, "outlet": "Port News"}),
    ]) + "\n", encoding="utf-8")
    single, articles = read_inputs(str(path), published="2024-01-01")
    items = list(articles)
    assert single is False
    # one row per line: the blank line 3 is an error row too, so output row N answers input line N
    assert [_codes(a.errors) for a in items] == [[], ["E106"], ["E106"], ["E106"], []]
    assert [a.source.get("id") for a in items] == ["one", "2", "3", "two", "5"]
    assert "empty line" in items[2].errors[0]["message"]
    assert "Bad JSONL line 2" in items[1].errors[0]["message"]
    assert items[0].meta["published"] == "2024-05-02"      # the item's own date wins
    assert items[4].meta["published"] == "2024-01-01"      # the default fills a missing one
    assert items[4].meta["outlet"] == "Port News" and items[4].meta["title"] == "Strike costs port"
    assert all(a.source["path"] == str(path) for a in items)


def test_ingest_errors_reader_crash_is_recorded_and_batch_goes_on(tmp_path, monkeypatch):
    import newsevents.ingest.finish as finish

    real = finish.clean_text

    def flaky(raw, **kw):
        if "BOOM" in raw:
            raise RuntimeError("boom")
        return real(raw, **kw)

    monkeypatch.setattr(finish, "clean_text", flaky)
    (tmp_path / "a.txt").write_text("BOOM goes the reader.", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "x", "text": "BOOM"}) + "\n" +
                                      json.dumps({"id": "y", "text": ENGLISH}) + "\n", encoding="utf-8")
    _single, articles = read_inputs(str(tmp_path))
    assert [_codes(a.errors) for a in articles] == [["E109"], [], ["E109"], []]
