"""CI gate for the times stage: project-written articles in tests/data/times/ with expected TIMEX3 values.

Counts exact matches of (extent, type, value); the floors only go up (measured 1.00 / 1.00 on 34 expressions when
the gate was written).
"""
from __future__ import annotations

import yaml

from test_times_expressions import times_of

RECALL_FLOOR = 0.9
PRECISION_FLOOR = 0.9


def test_times_gate_value_accuracy(times_nlp, test_data):
    articles = yaml.safe_load((test_data / "times" / "articles.yaml").read_text(encoding="utf-8"))
    n_gold = n_pred = hits = 0
    for article in articles:
        items = times_of(times_nlp, article["text"], article["published"])
        got = {(t["start"], t["end"], t["type"], t["value"]) for t in items}
        for exp in article["expected"]:
            start = article["text"].index(exp["text"])
            hits += (start, start + len(exp["text"]), exp["type"], exp["value"]) in got
        n_gold += len(article["expected"])
        n_pred += len(items)
    assert n_gold >= 30
    assert hits / n_gold >= RECALL_FLOOR
    assert hits / n_pred >= PRECISION_FLOOR


def test_times_gate_windowed_detection_equals_full_scan(test_data):
    from newsevents.components.times_detect import find_candidates

    articles = yaml.safe_load((test_data / "times" / "articles.yaml").read_text(encoding="utf-8"))
    extra = ("The 12-year-old boy, in his 20s, was born in nineteen ninety-six; every Tuesday at 4 in the morning "
             "since the early 1990s, twice a week, o'clock, the year-ago quarter, Christmas 2015, fiscal 1989.")
    for text in [a["text"] for a in articles] + [extra, "The vote is two weeks from\nnow."]:
        assert find_candidates(text) == find_candidates(text, full_scan=True)


def test_times_gate_every_lexicon_holiday_found_in_windows():
    # the windowed scan's holiday cue words come from the lexicon: each holiday, written with a curly apostrophe
    # and a line break where the lexicon has a space, is found in a sentence exactly as the full scan finds it
    from newsevents.components.times_detect import find_candidates
    from newsevents.components.times_lexicon import lexicon

    for name in lexicon().holiday:
        written = name.title().replace("'S", "’s").replace(" Of ", " of ").replace(" ", "\n", 1)
        text = f"The office was closed on {written}, a spokesman said."
        start = text.index(written)
        found = find_candidates(text)
        assert found == find_candidates(text, full_scan=True)
        assert any(c.kind == "holiday" and c.start == start and c.end == start + len(written) for c in found), name
