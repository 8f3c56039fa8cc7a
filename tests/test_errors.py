"""Coded errors: one root, codes in messages, record rows."""
from __future__ import annotations

import pytest

from newsevents.errors import (ApiError, Code, FetchError, GazetteerError, InputError, NewsEventsError, PipelineError,
                               StoreError, error_item)


@pytest.mark.parametrize("cls", [InputError, FetchError, PipelineError, StoreError, GazetteerError, ApiError])
def test_errors_share_one_root(cls):
    assert issubclass(cls, NewsEventsError)


def test_errors_message_starts_with_code_and_fills_fields():
    exc = InputError(Code.E105, size=10, limit=5)
    assert str(exc).startswith("[E105] ") and "10 bytes" in str(exc)
    assert exc.to_item() == {"code": "E105", "stage": "ingest", "message": str(exc)}


def test_errors_item_with_missing_field_still_renders():
    item = error_item(Code.E202, "quotes")
    assert item["code"] == "E202" and item["message"].startswith("[E202]")
