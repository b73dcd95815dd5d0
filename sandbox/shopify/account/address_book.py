"""Adding, changing and removing a customer's saved addresses, shared by every API of the store.

New addresses are numbered after the seeded ones; every change stamps the customer and publishes
`CustomerUpdated`, so the Admin API, the Storefront API and the `customers/update` webhook see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sandbox.shopify.changes import CustomerUpdated
from sandbox.shopify.ids import gid
from sandbox.shopify.records import AddressRecord, CustomerRecord
from sandbox.shopify.store import ADDRESS_ID_BASE, Store

NEW_ADDRESS_ID_BASE = ADDRESS_ID_BASE + 2_000_000
"""Past the seeded addresses and those `new_customer` numbers."""


@dataclass(frozen=True, slots=True)
class AddressParts:
    """The parts of an address as a shopper gives them; None leaves a part as it is."""

    first_name: str | None = None
    last_name: str | None = None
    address1: str | None = None
    address2: str | None = None
    city: str | None = None
    company: str | None = None
    zip: str | None = None
    country_code: str | None = None
    zone_code: str | None = None
    phone: str | None = None


class AddressBook:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._next_id = NEW_ADDRESS_ID_BASE

    def find(self, customer: CustomerRecord, address_id: int) -> AddressRecord | None:
        return next((a for a in customer.addresses if a.id == address_id), None)

    def draft(self, parts: AddressParts, base: AddressRecord | None = None) -> AddressRecord:
        """The address `parts` describe, over `base` when one is being changed (not yet stored)."""

        def part(name: str, fallback: str | None) -> str | None:
            value: str | None = getattr(parts, name)
            return value if value is not None else fallback

        return AddressRecord(
            base.id if base else 0,
            base.gid if base else "",
            part("first_name", base.first_name if base else "") or "",
            part("last_name", base.last_name if base else "") or "",
            part("address1", base.address1 if base else "") or "",
            part("city", base.city if base else "") or "",
            part("zip", base.zip if base else "") or "",
            (part("country_code", base.country_code if base else "") or "").upper(),
            part("phone", base.phone if base else "") or "",
            address2=part("address2", base.address2 if base else None),
            company=part("company", base.company if base else None),
            zone_code=part("zone_code", base.zone_code if base else None),
        )

    def add(self, customer: CustomerRecord, draft: AddressRecord, *, default: bool) -> AddressRecord:
        self._next_id += 1
        draft.id, draft.gid = self._next_id, gid("MailingAddress", self._next_id)
        customer.addresses.append(draft)
        if default:
            customer.address = draft
        self._changed(customer)
        return draft

    def replace(
        self, customer: CustomerRecord, current: AddressRecord, draft: AddressRecord, *, default: bool
    ) -> AddressRecord:
        for name in AddressRecord.__slots__:
            setattr(current, name, getattr(draft, name))
        if default:
            customer.address = current
        self._changed(customer)
        return current

    def remove(self, customer: CustomerRecord, address: AddressRecord) -> None:
        customer.addresses.remove(address)
        self._changed(customer)

    def _changed(self, customer: CustomerRecord) -> None:
        customer.updated_at = self.store.now()
        self.store.touch()
        self.store.changes.publish(CustomerUpdated(customer))


__all__ = ["NEW_ADDRESS_ID_BASE", "AddressBook", "AddressParts"]
