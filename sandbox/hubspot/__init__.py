"""The HubSpot CRM emulator: contacts, search, properties and associations as `api.hubapi.com` serves them.

Serves `/crm/v3/objects/contacts…` and `/crm/objects/2026-03/contacts…`, `/crm/v3/properties/contacts`
and `/crm/v4/associations/contacts/companies/batch/read`, with HubSpot's bearer auth, error bodies,
207 batches, rate-limit headers and 429s, and v3-signed webhooks.
"""

from __future__ import annotations

from .app import create_emulator

__all__ = ["create_emulator"]
