"""Builds the emulator's CRM from the shared world: one contact per customer, plus companies.

The world has no companies, so they are derived deterministically from the customers: every third
customer is a business buyer, and business buyers are spread over `max(3, customers // 12)`
companies named after their first member (`Weber GmbH`, `Martin SARL`, ...). A contact's primary
company shows in `associatedcompanyid`/`company` and in the v4 associations.
"""

from __future__ import annotations

from sandbox.seed import Customer, World, slugify

from .store import Company, Contact, ContactStore, HistoryEntry
from .timestamps import iso_ms

COMPANY_ID_BASE = 18_140_000_000
"""HubSpot company ids are large integers, kept apart from contact ids."""

COUNTRY_NAMES = {"DE": "Germany", "FR": "France", "US": "United States", "GB": "United Kingdom"}
LEGAL_SUFFIXES = {"DE": "GmbH", "FR": "SARL", "US": "Inc.", "GB": "Ltd"}

# Properties whose value changes over a customer's life carry the CRM's last update in their history.
_UPDATED_PROPERTIES = frozenset(
    {"lifecyclestage", "loyalty_tier", "loyalty_points", "customer_segments", "lastmodifieddate"}
)


def _bool(value: bool) -> str:
    return "true" if value else "false"


def contact_properties(customer: Customer) -> dict[str, str | None]:
    crm = customer.crm
    return {
        "email": customer.email,
        "firstname": customer.first_name,
        "lastname": customer.last_name,
        "phone": customer.phone,
        "mobilephone": None,
        "company": None,
        "jobtitle": None,
        "address": None,
        "city": customer.city,
        "zip": customer.zip,
        "country": COUNTRY_NAMES.get(customer.country, customer.country),
        "lifecyclestage": crm.lifecycle_stage,
        "hs_language": customer.locale.split("_")[0],
        "associatedcompanyid": None,
        "hs_email_optout": _bool(not crm.email_consent),
        "hs_object_id": crm.hubspot_id,
        "createdate": iso_ms(crm.created_at),
        "lastmodifieddate": iso_ms(crm.updated_at),
        "hs_email_domain": customer.email.rsplit("@", 1)[-1],
        "loyalty_tier": crm.loyalty_tier,
        "loyalty_points": str(crm.loyalty_points),
        # A multiple-checkbox property with nothing checked is unset, not an empty string.
        "customer_segments": ";".join(crm.segments) or None,
        "preferred_store": crm.preferred_store,
        "sms_consent": _bool(crm.sms_consent),
        "analytics_consent": _bool(crm.analytics_consent),
    }


def _history(properties: dict[str, str | None], created: str, updated: str) -> dict[str, list[HistoryEntry]]:
    return {
        name: [HistoryEntry(value, updated if name in _UPDATED_PROPERTIES else created, "CRM_UI")]
        for name, value in properties.items()
        if value is not None
    }


def build_store(world: World) -> ContactStore:
    store = ContactStore()
    customers = world.customers
    company_count = max(3, len(customers) // 12)
    for index, customer in enumerate(customers):
        properties = contact_properties(customer)
        created, updated = iso_ms(customer.crm.created_at), iso_ms(customer.crm.updated_at)
        company_id: str | None = None
        if index % 3 == 0:
            slot = (index // 3) % company_count
            company_id = str(COMPANY_ID_BASE + slot)
            if company_id not in store.companies:
                name = f"{customer.last_name} {LEGAL_SUFFIXES.get(customer.country, 'Ltd')}"
                store.companies[company_id] = Company(
                    company_id, name, f"{slugify(customer.last_name)}-{slot + 1}.example", created
                )
            properties["company"] = store.companies[company_id].name
            properties["associatedcompanyid"] = company_id
        contact = Contact(
            id=customer.crm.hubspot_id,
            properties=properties,
            history=_history(properties, created, updated),
            created_at=created,
            updated_at=updated,
            company_id=company_id,
        )
        store.add(contact)
    return store


__all__ = ["COMPANY_ID_BASE", "build_store", "contact_properties"]
