"""What the CRM knows of a customer: lifecycle, segments, loyalty, consents, language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class MarketingConsent:
    """The customer's yes or no to one channel, and where and when it was last given."""

    channel: str
    """`email`, `sms` or `analytics`."""
    granted: bool
    source: str | None
    """The CRM's name for what recorded it (a form, an import, the CRM's own screens...)."""
    recorded_at: datetime | None


@dataclass(frozen=True, slots=True)
class CustomerProfile:
    crm_id: str
    email: str
    lifecycle_stage: str | None
    segments: tuple[str, ...]
    loyalty_tier: str | None
    loyalty_points: int | None
    consents: tuple[MarketingConsent, ...]
    language: str | None
    """The customer's preferred language, as an ISO 639-1 code."""
    preferred_store: str | None
    """The code of the store the customer collects from and returns to, as the CRM names it."""
    updated_at: datetime | None


PROFILE_SCOPES = ("with-segments", "without-segments")
"""A profile is cached with its segments or without (a second CRM read only the first needs); a
CRM change drops both."""

__all__ = ["PROFILE_SCOPES", "CustomerProfile", "MarketingConsent"]
