"""Number parsing for the quantities stage: spelled-out numbers, scales, fractions, vague words (ACLED lows)."""
from __future__ import annotations

import pytest

from newsevents.components.quantities_numbers import parse_value, vague_words


@pytest.mark.parametrize("text, expected", [
    ("3,000", 3000),
    ("1.5", 1.5),
    ("twenty-five", 25),
    ("two hundred and fifty", 250),
    ("23 million", 23_000_000),
    ("1.5m", 1_500_000),
    ("40bn", 40_000_000_000),
    ("a dozen", 12),
    ("a hundred", 100),
    ("half", 0.5),
    ("two-thirds", 0.666666),
    ("dozens", 12),
    ("hundreds", 100),
    ("tens of thousands", 10_000),
    ("several", 3),
    ("banana", None),
])
def test_quantities_numbers_parse_value(text, expected):
    assert parse_value(text) == expected


def test_quantities_numbers_vague_table_is_conservative():
    table = vague_words()
    # ACLED: one unit of the named size, never a midpoint
    assert table["dozens"] == 12 and table["hundreds"] == 100 and table["scores"] == 20
