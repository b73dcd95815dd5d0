"""Renders contacts as HubSpot's `SimplePublicObject` (`id`, string `properties`, timestamps, `archived`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .properties import ALWAYS_RETURNED, DEFAULT_PROPERTIES, PROPERTIES
from .store import Contact

ASSOCIATION_TYPES = {"companies": "companies", "company": "companies", "0-2": "companies"}
"""Association names a read may ask for, and the key HubSpot answers under."""


def property_names(requested: Sequence[str] | None) -> list[str]:
    """The properties to return: the defaults, or the known requested ones plus the always-returned ones.

    HubSpot silently leaves out requested names that are not properties.
    """
    if requested is None:
        return list(DEFAULT_PROPERTIES)
    return sorted({name for name in (*requested, *ALWAYS_RETURNED) if name in PROPERTIES})


def simple_object(
    contact: Contact,
    names: Sequence[str],
    *,
    with_history: Sequence[str] = (),
    associations: Iterable[str] = (),
) -> dict[str, Any]:
    props = contact.properties
    view: dict[str, Any] = {
        "id": contact.id,
        "properties": {name: props.get(name) for name in names},
        "createdAt": contact.created_at,
        "updatedAt": contact.updated_at,
        "archived": contact.archived,
    }
    if with_history:
        view["propertiesWithHistory"] = {
            name: [entry.to_json() for entry in contact.history.get(name, ())]
            for name in with_history
            if name in PROPERTIES
        }
    linked = _associations(contact, associations)
    if linked:
        view["associations"] = linked
    if contact.archived:
        view["archivedAt"] = contact.updated_at
    return view


def _associations(contact: Contact, requested: Iterable[str]) -> dict[str, Any]:
    linked: dict[str, Any] = {}
    for name in requested:
        key = ASSOCIATION_TYPES.get(name.lower())
        # A contact without companies has no "companies" key at all, as on HubSpot.
        if key == "companies" and contact.company_id is not None:
            linked[key] = {
                "results": [
                    {"id": contact.company_id, "type": "contact_to_company"},
                    {"id": contact.company_id, "type": "contact_to_company_unlabeled"},
                ]
            }
    return linked


__all__ = ["ASSOCIATION_TYPES", "property_names", "simple_object"]
