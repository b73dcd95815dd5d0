"""Finds contacts by id or by a unique property (`idProperty`), with HubSpot's 400/404 answers."""

from __future__ import annotations

from .errors import not_found, not_numeric, validation_error
from .store import Contact, ContactStore

ID_PROPERTIES = ("email", "hs_object_id")
"""Unique-value contact properties an `idProperty` may name."""


def check_id_property(name: str | None) -> str | None:
    """`email`, or None for the record id; anything else is refused like HubSpot refuses non-unique ones."""
    if name is None or name in ("", "hs_object_id"):
        return None
    if name not in ID_PROPERTIES:
        raise validation_error(
            f"Property {name} is not a unique identifier property for object type CONTACT; "
            f"use one of: {', '.join(ID_PROPERTIES)}"
        )
    return name


def find(
    store: ContactStore, raw_id: str, id_property: str | None, *, archived: bool = False
) -> Contact | None:
    """The contact `raw_id` names, or None; `archived=True` asks for archived contacts only."""
    contact = (
        store.by_email(raw_id) if id_property == "email" else store.get(raw_id.strip().lstrip("0") or "0")
    )
    if contact is None or contact.archived != archived:
        return None
    return contact


def resolve(store: ContactStore, raw_id: str, id_property: str | None, *, archived: bool = False) -> Contact:
    """The contact `raw_id` names, or HubSpot's 404 (with its hint when a non-numeric id lacks `idProperty`)."""
    if id_property is None and not raw_id.strip().isdigit():
        raise not_numeric(raw_id)
    contact = find(store, raw_id, id_property, archived=archived)
    if contact is None:
        raise not_found()
    return contact


__all__ = ["ID_PROPERTIES", "check_id_property", "find", "resolve"]
