"""Connectors: one folder per vendor, each turning its vendor's API into the gateway's models.

A connector holds its client, the mapping from vendor JSON to `gateway.models`, and the
verification and parsing of its webhooks (plain `gateway.models.webhooks` values, which the
webhook layer acts on). `roles.py` says what the resolvers need from each role (catalog, content,
stock), so a second vendor for a role is one new folder. `http/` is the plumbing every client shares.
Connectors import nothing from the layers above them (schema, resolvers, cache, webhooks, app).
"""
