"""Detection: which numbers are quantities (with offsets, values, qualifiers, units) and which are not."""
from __future__ import annotations

import pytest

from newsevents.components.quantities_numbers import parse_value


def _items(nlp, text):
    return nlp(text)._.quantities


def _one(nlp, text, needle):
    """The item whose text starts with ``needle``."""
    hits = [q for q in _items(nlp, text) if q["text"].startswith(needle)]
    assert hits, f"no quantity starting with {needle!r} in {[q['text'] for q in _items(nlp, text)]}"
    return hits[0]


@pytest.mark.parametrize("text, needle, fields", [
    ("Officials said 3,000 to 6,000 military personnel remain in the country.", "3,000",
     {"low": 3000, "high": 6000, "text": "3,000 to 6,000 military personnel"}),
    ("Between 10 and 20 people gathered outside the court.", "Between",
     {"low": 10, "high": 20}),
    ("The army said more than 2,000 fighters had surrendered.", "more than",
     {"low": 2000, "qualifier": "more-than"}),
    ("At least 14 villagers were taken to hospital.", "At least",
     {"low": 14, "qualifier": "at-least"}),
    ("Up to 40 families could lose their homes.", "Up to", {"high": 40, "qualifier": "up-to"}),
    ("Nearly 300 students signed the letter.", "Nearly", {"value": 300, "qualifier": "nearly"}),
    ("Some 500 volunteers joined the search.", "Some", {"value": 500, "qualifier": "about", "approximate": True}),
    ("The town of 23 million is the largest in the region.", "23 million", {"value": 23_000_000}),
    ("Twenty-five candidates applied for the post.", "Twenty-five", {"value": 25}),
    ("A dozen boats were waiting in the harbour.", "A dozen", {"value": 12}),
    ("Dozens of shops were closed on the main road.", "Dozens",
     {"value": 12, "low": 12, "vague": True, "text": "Dozens of shops"}),
    ("Tens of thousands of people marched through the capital.", "Tens",
     {"low": 10_000, "vague": True, "category": "PROTEST"}),
    ("The council approved $5 million for the new bridge.", "$5 million",
     {"value": 5_000_000, "unit": "USD", "category": "MONEY"}),
    ("Turnout fell to 38 percent in the northern districts.", "38 percent",
     {"value": 38, "unit": "percent", "category": "PERCENT"}),
    ("Prices rose 4.5% over the quarter, the bank said.", "4.5%", {"value": 4.5, "category": "PERCENT"}),
    ("The convoy stopped about 30km south of the border.", "about 30km", {"value": 30, "unit": "km"}),
    ("Two-thirds of the voters stayed home.", "Two-thirds", {"value": 0.666666, "unit": "fraction"}),
    ("The strike idled 2,000-plus workers at the plant.", "2,000-plus", {"low": 2000, "qualifier": "more-than"}),
])
def test_quantities_detect_values(nlp, text, needle, fields):
    item = _one(nlp, text, needle)
    assert text[item["start"]:item["end"]] == item["text"]
    assert item["start"] == text.index(needle)
    for key, value in fields.items():
        assert item.get(key) == pytest.approx(value) if isinstance(value, float) else item.get(key) == value, key


@pytest.mark.parametrize("text, not_a_quantity", [
    ("The S-400 system remains deployed at the base.", "400"),
    ("Two F-16 jets flew over the town.", "16"),
    ("Police recovered an AK-47 from the car.", "47"),
    ("The first of its aircraft left the airfield.", "first"),
    ("The ceasefire has held since 2016 in most areas.", "2016"),
    ("The meeting ended at 10:30 p.m. on the second floor.", "10"),
    ("The five-year conflict has exhausted the economy.", "five"),
    ("A 23-year-old man was arrested near the station.", "23"),
    ("Maria Lopez, 34, said she heard nothing.", "34"),
    # the first age of a suspended pair and a decade of life are ages, not counts of people
    ("Three people, including a 9- and a 13-year-old, were hurt.", "9"),
    ("Officers found a man in his late 30's lying on the porch.", "30"),
    ("Calvin Reed, 24 was shot in the chest on Friday.", "24"),  # the closing comma left out
    ("Boy, 14, dies in overnight shooting", "14"),  # a headline's person noun tagged as an interjection
    ("The suspect, aged 19, was released on bail.", "19"),
    ("Anyone with information can call 555-123-4567 today.", "555"),
    ("The fire started in the 1200 block of Oak Street.", "1200"),
    ("The fire started at 45 Maple Avenue overnight.", "45"),
    ("The home side won 24-17 after extra time.", "24"),
    ("The bus took Route 9 into the city.", "9"),
    ("No one answered the door.", "one"),
    ("Image 3 of 12 shows the damaged house.", "12"),
])
def test_quantities_detect_not_quantities(nlp, text, not_a_quantity):
    """No item is made of that number (it may sit inside a larger item: "A 23-year-old man" counts one man,
    "Two F-16 jets" two jets)."""
    start = text.index(not_a_quantity)
    doc = nlp(text)
    numbers = doc.spans["quantities.number"]
    assert not any(s.start_char <= start < s.end_char for s in numbers), [s.text for s in numbers]
    wrong = parse_value(not_a_quantity)
    for item in doc._.quantities:
        if item["start"] <= start < item["end"] and wrong is not None:
            assert wrong not in (item.get("value"), item.get("low"), item.get("high")), item


def test_quantities_detect_uses_times_layer(nlp):
    """A number inside a time expression found by the times stage is left to it."""
    doc = nlp.make_doc("They met 3 days before the vote.")
    for name, proc in nlp.pipeline:
        doc = proc(doc) if name != "quantities" else doc
    doc._.times = [{"start": 9, "end": 15, "text": "3 days"}]
    doc = nlp.get_pipe("quantities")(doc)
    assert all(q["start"] >= 15 or q["end"] <= 9 for q in doc._.quantities)


def test_quantities_detect_span_layers(nlp):
    doc = nlp("Rebels said more than 300 fighters had crossed the river.")
    assert [s.text for s in doc.spans["quantities"]] == ["more than 300 fighters"]
    assert [s.text for s in doc.spans["quantities.number"]] == ["300"]
    assert doc._.quantities[0]["id"] == "N1"
