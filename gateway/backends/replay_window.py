"""How old a webhook delivery may be, and the vendors' timestamps read strictly enough to tell.

A vendor that stamps its deliveries (Shopify's `X-Shopify-Triggered-At`, the `time` of Akeneo's
CloudEvents, Intercom's `created_at`) lets a receiver refuse a captured delivery posted again
later. The window must outlast the vendor's own retries, which keep the first attempt's time, and
stay within the 24 hours the gateway remembers event ids, so that inside the window a repeat is
recognised by its id and outside it by its age.

Timestamps are read with ASCII-only patterns of bounded length: `str.isdigit()` and
`datetime.fromisoformat` accept characters (superscripts, other scripts' digits) that no vendor
sends, and `int()` of thousands of digits raises.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

CLOCK_SKEW_S = 300.0
"""How far ahead of the gateway's clock a vendor's clock may run before its deliveries look forged."""

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))",
    re.ASCII,
)


def parse_rfc3339(text: str) -> float | None:
    """The Unix time of an RFC 3339 timestamp (`2026-08-21T10:00:00.877041743Z`), or None."""
    match = _RFC3339.fullmatch(text.strip()) if len(text) <= 40 else None
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zulu, sign, off_h, off_m = match.groups()
    try:
        offset = timedelta(0) if zulu else int(sign + "1") * timedelta(hours=int(off_h), minutes=int(off_m))
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second), tzinfo=UTC)
    except ValueError:  # month 13, an offset of 99 hours
        return None
    return (moment - offset).timestamp() + (int(fraction) / 10 ** len(fraction) if fraction else 0.0)


def unix_seconds(value: object) -> float | None:
    """A JSON number of seconds since the epoch (Intercom's `created_at`), or None if it is not one."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if 0 <= value < 2**40 else None


@dataclass(frozen=True, slots=True)
class ReplayWindow:
    """Deliveries sent more than `max_age_s` ago, or from too far in the future, are replays."""

    max_age_s: float
    max_ahead_s: float = CLOCK_SKEW_S

    def admits(self, sent_at: float) -> bool:
        """Whether a delivery sent at `sent_at` (Unix seconds) is recent enough to act on."""
        age = time.time() - sent_at
        return -self.max_ahead_s <= age <= self.max_age_s


__all__ = ["CLOCK_SKEW_S", "ReplayWindow", "parse_rfc3339", "unix_seconds"]
