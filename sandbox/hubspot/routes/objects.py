"""HubSpot's object type names: which ones the emulator serves and how others are refused."""

from __future__ import annotations

from sandbox.hubspot.errors import HubSpotError, validation_error

CONTACT_NAMES = frozenset({"contacts", "contact", "0-1"})
COMPANY_NAMES = frozenset({"companies", "company", "0-2"})
# Standard objects HubSpot knows but this emulator does not hold: answered as empty, not as unknown.
OTHER_STANDARD = frozenset(
    {"deals", "deal", "0-3", "tickets", "ticket", "0-5", "products", "line_items", "quotes", "calls",
     "emails", "meetings", "notes", "tasks", "communications", "postal_mail", "leads", "carts", "orders"}
)  # fmt: skip


def unknown_type(name: str) -> HubSpotError:
    """HubSpot's answer to an object type it cannot resolve."""
    return validation_error(f"Unable to infer object type from: {name}")


def is_known(name: str) -> bool:
    lowered = name.lower()
    return lowered in CONTACT_NAMES or lowered in COMPANY_NAMES or lowered in OTHER_STANDARD


__all__ = ["COMPANY_NAMES", "CONTACT_NAMES", "is_known", "unknown_type"]
