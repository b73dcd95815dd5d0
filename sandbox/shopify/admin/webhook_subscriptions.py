"""Webhook subscriptions: `webhookSubscriptionCreate` / `Delete` and their queries.

Deliveries go to each subscription of the change's topic (and to the sandbox control's webhook
URL); see `webhook_dispatch`. Shopify only posts to HTTPS endpoints; the sandbox also accepts
plain HTTP on loopback so that a local gateway can subscribe.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sandbox.shopify.connections import Ordering, Window, paginate
from sandbox.shopify.ids import parse_gid
from sandbox.shopify.relay import Connection
from sandbox.shopify.timestamps import iso

from .context import Info
from .state import WebhookSubscription

API_VERSION = {"handle": "2026-07", "displayName": "2026-07 (Latest)", "supported": True}
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _valid_uri(uri: str) -> bool:
    if uri.startswith(("pubsub://", "arn:aws:events:")):
        return True
    parts = urlsplit(uri)
    if parts.scheme == "https":
        return bool(parts.hostname)
    return parts.scheme == "http" and parts.hostname in LOOPBACK


def webhook_subscription_create(
    _root: None,
    info: Info,
    topic: str,
    webhookSubscription: dict[str, Any],
) -> dict[str, Any]:
    ctx = info.context
    spec = webhookSubscription
    uri = spec.get("uri") or spec.get("callbackUrl")
    field = ["webhookSubscription", "uri" if spec.get("uri") else "callbackUrl"]
    if not uri or not _valid_uri(uri):
        return {
            "webhookSubscription": None,
            "userErrors": [{"field": field, "message": "Address is invalid"}],
        }
    if any(s.topic == topic and s.uri == uri for s in ctx.state.subscriptions.values()):
        return {
            "webhookSubscription": None,
            "userErrors": [{"field": field, "message": "Address for this topic has already been taken"}],
        }
    now = ctx.store.now()
    ctx.state.next_subscription_id += 1
    subscription = WebhookSubscription(
        id=ctx.state.next_subscription_id,
        topic=topic,
        uri=uri,
        format=spec.get("format") or "JSON",
        include_fields=list(spec.get("includeFields") or []),
        filter=spec.get("filter"),
        name=spec.get("name"),
        metafield_namespaces=list(spec.get("metafieldNamespaces") or []),
        created_at=now,
        updated_at=now,
    )
    ctx.state.subscriptions[subscription.id] = subscription
    return {"webhookSubscription": subscription, "userErrors": []}


def _subscription(info: Info, value: str) -> WebhookSubscription | None:
    parsed = parse_gid(value)
    if parsed is None or parsed.kind != "WebhookSubscription" or parsed.number is None:
        return None
    return info.context.state.subscriptions.get(parsed.number)


def webhook_subscription_delete(_root: None, info: Info, id: str) -> dict[str, Any]:
    subscription = _subscription(info, id)
    if subscription is None:
        return {
            "deletedWebhookSubscriptionId": None,
            "userErrors": [{"field": ["id"], "message": "Webhook subscription does not exist"}],
        }
    del info.context.state.subscriptions[subscription.id]
    return {"deletedWebhookSubscriptionId": subscription.gid, "userErrors": []}


def resolve_subscriptions(_root: None, info: Info, **args: Any) -> Connection[WebhookSubscription]:
    window = Window.of(args)
    topics, uri = args.get("topics"), args.get("uri") or args.get("callbackUrl")
    found = [
        s
        for s in info.context.state.subscriptions.values()
        if (not topics or s.topic in topics)
        and (uri is None or s.uri == uri)
        and (args.get("format") is None or s.format == args["format"])
    ]
    ordering = Ordering.sort(found, lambda s: (s.id, s.id))
    return Connection(paginate(ordering, window, reverse=bool(args.get("reverse"))))


WEBHOOK_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {
        "webhookSubscription": lambda _root, info, id: _subscription(info, id),
        "webhookSubscriptions": resolve_subscriptions,
    },
    "Mutation": {
        "webhookSubscriptionCreate": webhook_subscription_create,
        "webhookSubscriptionDelete": webhook_subscription_delete,
    },
    "WebhookSubscription": {
        "id": lambda s, info: s.gid,
        "legacyResourceId": lambda s, info: str(s.id),
        "topic": lambda s, info: s.topic,
        "uri": lambda s, info: s.uri,
        "callbackUrl": lambda s, info: s.uri,
        "format": lambda s, info: s.format,
        "includeFields": lambda s, info: s.include_fields,
        "metafieldNamespaces": lambda s, info: s.metafield_namespaces,
        "filter": lambda s, info: s.filter,
        "name": lambda s, info: s.name,
        "apiVersion": lambda s, info: API_VERSION,
        "createdAt": lambda s, info: iso(s.created_at),
        "updatedAt": lambda s, info: iso(s.updated_at),
    },
}

__all__ = ["WEBHOOK_RESOLVERS"]
