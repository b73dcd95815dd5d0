"""Shopify's `DateTime` scalar: ISO 8601 in UTC with a `Z` and whole seconds."""

from __future__ import annotations

from datetime import UTC, datetime


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


__all__ = ["iso"]
