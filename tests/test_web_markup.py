"""api.markup: highlighted article text built from offsets, well formed whatever the overlaps, always escaped."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from web_records import at, records

from newsevents.api.markup import Span, article_html, event_cards, markup, record_spans


class _Walker(HTMLParser):
    """Rebuilds the text and the classes covering each character; fails on badly nested tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text = ""
        self.cover: list[set[str]] = []

    def handle_starttag(self, tag, attrs):
        assert tag == "span"
        self.stack.append(dict(attrs)["class"].replace(" cont", ""))

    def handle_endtag(self, tag):
        assert tag == "span" and self.stack, "closing a span that is not open"
        self.stack.pop()

    def handle_data(self, data):
        self.text += data
        self.cover += [set(self.stack)] * len(data)


def walk(html: str) -> _Walker:
    walker = _Walker()
    walker.feed(html)
    walker.close()
    assert walker.stack == [], "unclosed spans"
    return walker


@pytest.mark.parametrize("text, spans", [
    ("abcdef", [Span(0, 4, "a"), Span(2, 6, "b")]),                         # crossing
    ("abcdef", [Span(0, 6, "a"), Span(1, 3, "b"), Span(2, 5, "c")]),        # crossing inside a cover
    ("abcdef", [Span(1, 3, "a"), Span(1, 3, "b"), Span(3, 5, "c")]),        # same bounds, touching
    ("abcdef", [Span(0, 2, "a"), Span(1, 4, "b"), Span(3, 6, "c"), Span(0, 6, "d")]),  # a chain of crossings
    ("a<b>&c", [Span(1, 4, "tag"), Span(4, 6, "amp")]),                    # markup characters in the text
    ("abc", [Span(2, 2, "empty"), Span(1, 9, "past-end"), Span(-1, 1, "before")]),  # dropped
])
def test_web_markup_is_well_formed_and_covers_offsets(text, spans):
    walker = walk(str(markup(text, spans)))
    assert walker.text == text
    for i in range(len(text)):
        expected = {s.classes for s in spans if 0 <= s.start < s.end <= len(text) and s.start <= i < s.end}
        assert walker.cover[i] == expected, (i, text[i])


def test_web_markup_escapes_text_and_attributes():
    html = str(markup('<script>x</script>"', [Span(0, 8, "hl", (("title", '"><img src=x>'),))]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&#34;&gt;&lt;img src=x&gt;" in html


def test_web_markup_record_layers_have_their_offsets_and_tooltips():
    record = records()[0].model_dump(mode="json")
    text = record["text"]
    spans = record_spans(record)
    by_class: dict[str, list[Span]] = {}
    for span in spans:
        by_class.setdefault(span.classes.split()[-1], []).append(span)
    monday = next(s for s in by_class["tm"] if text[s.start:s.end] == "Monday")
    assert (monday.start, monday.end) == at(text, "Monday")
    assert dict(monday.attrs)["title"] == "DATE 2026-03-02 · anchored on 2026-03-03"
    chile = next(s for s in by_class["pl"] if text[s.start:s.end] == "Chile")
    assert "country" in dict(chile.attrs)["title"] and "GeoNames 3895114" in dict(chile.attrs)["title"]
    rojas = next(s for s in by_class["ent"] if text[s.start:s.end] == "Marta Rojas")
    assert dict(rojas.attrs)["data-actor"] == "CHL LAB"
    content = next(s for s in by_class["qc"] if dict(s.attrs)["data-quote"] == "Q1")
    assert text[content.start:content.end] == "We will not let machines take our jobs,"
    assert dict(content.attrs)["data-speaker"] == "Marta Rojas"
    trig = next(s for s in by_class["ev-trig"] if dict(s.attrs)["data-ev"] == "EV2")
    assert (trig.start, trig.end) == at(text, "arrested")
    sent = next(s for s in by_class["ev-sent"] if dict(s.attrs)["data-ev"] == "EV2")
    assert text[sent.start:sent.end].startswith("Police arrested 14 people")
    assert walk(str(article_html(record))).text == text


def test_web_markup_event_cards_resolve_references():
    cards = {c["id"]: c for c in event_cards(records()[0].model_dump(mode="json"))}
    assert cards["EV1"]["actors"] == ["dock workers"] and cards["EV1"]["place"] == "Valparaíso"
    assert cards["EV1"]["time"] == "2026-03-02" and cards["EV1"]["trigger"] == "walked off the job"
    assert cards["EV3"]["recipients"] == ["dockers' union"] and cards["EV3"]["place"] is None
