"""Simulated CRM activity for the demo: a contact earns loyalty points, and HubSpot says so."""

from __future__ import annotations

from . import notifications
from .state import HubSpotSandbox
from .timestamps import now

# The seed's tiers, so a contact climbing past a threshold changes tier too (and a second event fires).
TIER_THRESHOLDS = ((9000, "platinum"), (5000, "gold"), (1500, "silver"), (0, "bronze"))


def tier_for(points: int) -> str:
    return next(tier for threshold, tier in TIER_THRESHOLDS if points > threshold or threshold == 0)


def make_activity(state: HubSpotSandbox) -> notifications.Tick:
    async def tick() -> None:
        ids = list(state.store.contacts)
        if not ids:
            return
        contact = state.store.contacts[state.rng.choice(ids)]
        points = int(contact.properties.get("loyalty_points") or 0) + state.rng.randint(10, 400)
        changes: dict[str, str | None] = {"loyalty_points": str(points), "loyalty_tier": tier_for(points)}
        changed = state.store.apply(contact, changes, now(), "INTEGRATION", state.app_id)
        notifications.emit(state, notifications.property_changes(state, contact.id, changed))

    return tick


__all__ = ["TIER_THRESHOLDS", "make_activity", "tier_for"]
