"""HubSpot's two time formats: ISO-8601 UTC with milliseconds, and epoch milliseconds."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_EPOCH_MS = re.compile(r"-?\d{1,15}")
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?)?")


def iso_ms(moment: datetime) -> str:
    """`2026-01-03T10:00:00.000Z`: how HubSpot writes `createdate`, `createdAt` and friends."""
    moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def epoch_ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def now() -> datetime:
    return datetime.now(UTC)


def parse_moment(value: str) -> datetime | None:
    """A datetime property value as HubSpot accepts it: epoch milliseconds or an ISO date/datetime."""
    text = value.strip()
    try:
        if _EPOCH_MS.fullmatch(text):
            return datetime.fromtimestamp(int(text) / 1000, UTC)
        if _ISO.fullmatch(text):
            parsed = datetime.fromisoformat(text.upper().replace(" ", "T"))
            return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError, OSError):
        return None
    return None


__all__ = ["epoch_ms", "iso_ms", "now", "parse_moment"]
