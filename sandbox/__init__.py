"""Local emulators of the five vendors the gateway fronts: a product of its own, for demos and tests.

Each folder is one vendor's API as an aiohttp server with the vendor's paths, auth, JSON shapes,
errors, pagination, rate limits and signed webhooks: `shopify/` (Storefront and Admin GraphQL),
`odoo/` (JSON-2 and JSON-RPC), `hubspot/` (CRM v3), `akeneo/` (PIM REST and Event Platform),
`intercom/` (REST 2.14). What they share is beside them: `seed.py` (one deterministic world whose
keys agree across systems) and `vocabulary.py`, `runner.py` (start them together), `control.py` (the
`/__sandbox/...` fault and counter API), `webhooks.py` (delivery to a subscriber), `ratelimit.py`,
and `command.py` (`commerce-gateway sandbox`, or `python -m sandbox`).

The sandbox imports nothing from the gateway: it signs its webhooks with its own code, so tests
that check the gateway's verifiers against it are not the same code checking itself.
"""
