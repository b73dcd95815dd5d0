"""The checks Shopify runs on what a customer types: length, markup, links, phone numbers."""

from __future__ import annotations

import re

MAX_LENGTH = 255
"""Longest name or address part Shopify stores."""
HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>")
URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
E164 = re.compile(r"\+[1-9]\d{6,14}")


def problem_with_text(value: str, *, links_allowed: bool = True) -> str | None:
    """The error code a free-text value earns, or None when it is acceptable."""
    if len(value) > MAX_LENGTH:
        return "TOO_LONG"
    if HTML_TAG.search(value):
        return "CONTAINS_HTML_TAGS"
    if not links_allowed and URL.search(value):
        return "CONTAINS_URL"
    return None


def valid_phone(value: str) -> bool:
    return E164.fullmatch(value.replace(" ", "")) is not None


__all__ = ["E164", "MAX_LENGTH", "problem_with_text", "valid_phone"]
