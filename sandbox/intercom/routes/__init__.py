"""Intercom API routes, one module per resource."""

from __future__ import annotations

from aiohttp import web

from . import admins, contacts, conversations, replies


def add_routes(app: web.Application) -> None:
    router = app.router
    router.add_post("/contacts/search", contacts.search_contacts)
    router.add_get("/contacts/find_by_external_id/{external_id}", contacts.find_by_external_id)
    router.add_get("/contacts", contacts.list_contacts)
    router.add_post("/contacts", contacts.create_contact)
    router.add_get("/contacts/{contact_id}", contacts.get_contact)
    router.add_post("/conversations/search", conversations.search_conversations)
    router.add_get("/conversations", conversations.list_conversations)
    router.add_post("/conversations", conversations.create_conversation)
    router.add_get("/conversations/{conversation_id}", conversations.get_conversation)
    router.add_post("/conversations/{conversation_id}/reply", replies.reply)
    router.add_get("/admins", admins.list_admins)
    router.add_get("/admins/{admin_id}", admins.get_admin)
    router.add_get("/me", admins.me)


__all__ = ["add_routes"]
