"""Opaque pagination cursors shaped like Shopify's: base64 of `{"last_id":…,"last_value":…}`."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

SortValue = str | int | float
"""The value of the sort key at a position (a title, a price in cents, a timestamp…)."""


def encode_cursor(last_id: int, last_value: SortValue) -> str:
    raw = json.dumps({"last_id": last_id, "last_value": last_value}, separators=(",", ":"))
    return base64.b64encode(raw.encode()).decode()


def decode_cursor(cursor: str) -> tuple[SortValue, int] | None:
    """The (sort value, id) position a cursor stands for, or None when it is not one of ours."""
    try:
        data: Any = json.loads(base64.b64decode(cursor.encode(), validate=True))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    last_id, last_value = data.get("last_id"), data.get("last_value")
    if not isinstance(last_id, int) or isinstance(last_value, bool):
        return None
    if not isinstance(last_value, str | int | float):
        return None
    return last_value, last_id


__all__ = ["SortValue", "decode_cursor", "encode_cursor"]
