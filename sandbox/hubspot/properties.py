"""The contact property catalogue: what `GET /crm/v3/properties/contacts` lists and writes are checked against.

HubSpot's default contact properties the gateway reads, plus the portal's custom ones
(`loyalty_tier`, `loyalty_points`, `customer_segments`, `preferred_store`, `sms_consent`,
`analytics_consent`).
Every value is stored and returned as a string; the type only decides validation and comparisons.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sandbox.vocabulary import WAREHOUSES

# HubSpot's property JSON carries these dates for built-in definitions; a constant keeps output stable.
_DEFINED_AT = "2019-08-06T02:41:52.000Z"
_CUSTOM_DEFINED_AT = "2025-11-20T09:30:00.000Z"


@dataclass(frozen=True, slots=True)
class PropertyDefinition:
    """One contact property as HubSpot describes it."""

    name: str
    label: str
    type: str
    """string, number, datetime, date, enumeration or bool."""
    field_type: str
    """text, textarea, phonenumber, number, date, select, radio, checkbox or booleancheckbox."""
    group_name: str = "contactinformation"
    options: tuple[tuple[str, str], ...] = ()
    """(label, value) pairs of an enumeration."""
    read_only: bool = False
    """Calculated by HubSpot: writes are refused with READ_ONLY_VALUE."""
    custom: bool = False
    unique: bool = False
    description: str = ""

    @property
    def multiple(self) -> bool:
        """Multiple checkboxes: the value is the chosen options joined by `;`."""
        return self.type == "enumeration" and self.field_type == "checkbox"

    def to_json(self, display_order: int) -> dict[str, Any]:
        defined_at = _CUSTOM_DEFINED_AT if self.custom else _DEFINED_AT
        return {
            "updatedAt": defined_at,
            "createdAt": defined_at,
            "name": self.name,
            "label": self.label,
            "type": self.type,
            "fieldType": self.field_type,
            "description": self.description,
            "groupName": self.group_name,
            "options": [
                {"label": label, "value": value, "displayOrder": index, "hidden": False}
                for index, (label, value) in enumerate(self.options)
            ],
            "displayOrder": display_order if self.custom else -1,
            "calculated": self.read_only,
            "externalOptions": False,
            "hasUniqueValue": self.unique,
            "hidden": False,
            "hubspotDefined": not self.custom,
            "modificationMetadata": {
                "archivable": self.custom,
                "readOnlyDefinition": not self.custom,
                "readOnlyValue": self.read_only,
            },
            "formField": not self.read_only,
            "dataSensitivity": "non_sensitive",
        }


_BOOL_OPTIONS = (("Yes", "true"), ("No", "false"))
LIFECYCLE_STAGES = (
    ("Subscriber", "subscriber"),
    ("Lead", "lead"),
    ("Marketing Qualified Lead", "marketingqualifiedlead"),
    ("Sales Qualified Lead", "salesqualifiedlead"),
    ("Opportunity", "opportunity"),
    ("Customer", "customer"),
    ("Evangelist", "evangelist"),
    ("Other", "other"),
)
LANGUAGES = (("English", "en"), ("French", "fr"), ("German", "de"), ("Spanish", "es"), ("Italian", "it"))
LOYALTY_TIERS = (("Bronze", "bronze"), ("Silver", "silver"), ("Gold", "gold"), ("Platinum", "platinum"))
STORES = tuple((name, code) for code, name in WAREHOUSES)
SEGMENTS = (
    ("Newsletter", "newsletter"),
    ("VIP", "vip"),
    ("High value", "high-value"),
    ("Churn risk", "churn-risk"),
    ("Outdoor", "outdoor"),
    ("Gift buyer", "gift-buyer"),
)

CONTACT_PROPERTIES: tuple[PropertyDefinition, ...] = (
    PropertyDefinition("email", "Email", "string", "text", unique=True),
    PropertyDefinition("firstname", "First Name", "string", "text"),
    PropertyDefinition("lastname", "Last Name", "string", "text"),
    PropertyDefinition("phone", "Phone Number", "string", "phonenumber"),
    PropertyDefinition("mobilephone", "Mobile Phone Number", "string", "phonenumber"),
    PropertyDefinition("company", "Company Name", "string", "text"),
    PropertyDefinition("jobtitle", "Job Title", "string", "text"),
    PropertyDefinition("address", "Street Address", "string", "text"),
    PropertyDefinition("city", "City", "string", "text"),
    PropertyDefinition("zip", "Postal Code", "string", "text"),
    PropertyDefinition("country", "Country/Region", "string", "text"),
    PropertyDefinition(
        "lifecyclestage", "Lifecycle Stage", "enumeration", "radio", "contactinformation", LIFECYCLE_STAGES
    ),
    PropertyDefinition("hs_language", "Preferred language", "enumeration", "select", options=LANGUAGES),
    PropertyDefinition("associatedcompanyid", "Primary Associated Company ID", "number", "number"),
    PropertyDefinition(
        "hs_email_optout",
        "Unsubscribed from all email",
        "bool",
        "booleancheckbox",
        "emailinformation",
        _BOOL_OPTIONS,
    ),
    PropertyDefinition("hs_object_id", "Record ID", "number", "number", read_only=True, unique=True),
    PropertyDefinition("createdate", "Create Date", "datetime", "date"),
    PropertyDefinition("lastmodifieddate", "Last Modified Date", "datetime", "date", read_only=True),
    PropertyDefinition("hs_email_domain", "Email Domain", "string", "text", read_only=True),
    PropertyDefinition(
        "loyalty_tier", "Loyalty tier", "enumeration", "select", "loyalty", LOYALTY_TIERS, custom=True
    ),
    PropertyDefinition("loyalty_points", "Loyalty points", "number", "number", "loyalty", custom=True),
    PropertyDefinition(
        "preferred_store", "Preferred store", "enumeration", "select", "loyalty", STORES, custom=True
    ),
    PropertyDefinition(
        "customer_segments", "Customer segments", "enumeration", "checkbox", "loyalty", SEGMENTS, custom=True
    ),
    PropertyDefinition(
        "sms_consent", "SMS consent", "bool", "booleancheckbox", "consents", _BOOL_OPTIONS, custom=True
    ),
    PropertyDefinition(
        "analytics_consent",
        "Analytics consent",
        "bool",
        "booleancheckbox",
        "consents",
        _BOOL_OPTIONS,
        custom=True,
    ),
)

PROPERTIES: dict[str, PropertyDefinition] = {p.name: p for p in CONTACT_PROPERTIES}

DEFAULT_PROPERTIES = ("createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname")
"""Returned when a read names no `properties`."""
ALWAYS_RETURNED = ("createdate", "hs_object_id", "lastmodifieddate")
"""Returned whatever `properties` names."""
QUERY_PROPERTIES = ("firstname", "lastname", "email", "phone", "mobilephone", "company")
"""The default searchable properties the free-text `query` of a search looks in."""

__all__ = [
    "ALWAYS_RETURNED",
    "CONTACT_PROPERTIES",
    "DEFAULT_PROPERTIES",
    "LIFECYCLE_STAGES",
    "LOYALTY_TIERS",
    "PROPERTIES",
    "QUERY_PROPERTIES",
    "SEGMENTS",
    "PropertyDefinition",
]
