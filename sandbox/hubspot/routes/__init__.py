"""HubSpot API routes, one module per resource."""

from __future__ import annotations

from aiohttp import web

from . import associations, batch, contacts, lists, properties, search

OBJECT_PREFIXES = ("/crm/v3/objects", "/crm/objects/2026-03")
"""Legacy v3 paths work until September 2027 next to the date-versioned ones; both are served."""


def add_routes(app: web.Application) -> None:
    for prefix in OBJECT_PREFIXES:
        base = f"{prefix}/contacts"
        app.router.add_post(f"{base}/batch/read", batch.batch_read)
        app.router.add_post(f"{base}/batch/update", batch.batch_update)
        app.router.add_post(f"{base}/search", search.search)
        app.router.add_get(base, contacts.list_contacts)
        app.router.add_post(base, contacts.create_contact)
        app.router.add_get(f"{base}/{{contact_id}}", contacts.get_contact)
        app.router.add_patch(f"{base}/{{contact_id}}", contacts.update_contact)
        app.router.add_route("*", f"{prefix}/{{object_type}}", contacts.other_object)
        app.router.add_route("*", f"{prefix}/{{object_type}}/{{tail:.*}}", contacts.other_object)
    app.router.add_get("/crm/v3/properties/{object_type}", properties.list_properties)
    app.router.add_get("/crm/v3/properties/{object_type}/{name}", properties.get_property)
    app.router.add_post(
        "/crm/v4/associations/{from_type}/{to_type}/batch/read", associations.batch_read_associations
    )
    app.router.add_get("/crm/v3/lists/", lists.get_lists)
    app.router.add_post("/crm/v3/lists/records/memberships/batch/read", lists.batch_read_memberships)


__all__ = ["OBJECT_PREFIXES", "add_routes"]
