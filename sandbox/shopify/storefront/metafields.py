"""`metafield` and `metafields` on products, variants, collections and the shop, and `Metafield` itself.

Values come out in the operation's language where the merchant translated them. A metafield asked
for without a namespace is looked up in the app-reserved namespace, as on Shopify, where the
sandbox keeps none; a reference to a product the online store does not show resolves to null.
"""

from __future__ import annotations

from typing import Any

from sandbox.shopify.merchandising.metafield_seed import Owner, metafields_of
from sandbox.shopify.merchandising.metafields import MetafieldRecord, Reference
from sandbox.shopify.records import ProductRecord
from sandbox.shopify.timestamps import iso

from .context import Info

APP_NAMESPACE = "$app"
"""Where a metafield without a namespace is looked for: the namespace of the calling app."""


def _metafield(owner: Owner, info: Info, key: str, namespace: str | None = None) -> MetafieldRecord | None:
    return metafields_of(info.context.store, owner).get((namespace or APP_NAMESPACE, key))


def _metafields(owner: Owner, info: Info, identifiers: list[dict[str, Any]]) -> list[MetafieldRecord | None]:
    found = metafields_of(info.context.store, owner)
    return [found.get((wanted.get("namespace") or APP_NAMESPACE, wanted["key"])) for wanted in identifiers]


def _reference(metafield: MetafieldRecord, info: Info) -> Reference | None:
    target = metafield.reference
    if isinstance(target, ProductRecord) and not target.published:
        return None
    return target


HAS_METAFIELDS = {"metafield": _metafield, "metafields": _metafields}

METAFIELD_RESOLVERS: dict[str, dict[str, Any]] = {
    "Product": HAS_METAFIELDS,
    "ProductVariant": HAS_METAFIELDS,
    "Collection": HAS_METAFIELDS,
    "Shop": HAS_METAFIELDS,
    "Metafield": {
        "createdAt": lambda m, info: iso(m.created_at),
        "description": lambda m, info: m.description,
        "id": lambda m, info: m.gid,
        "key": lambda m, info: m.key,
        "namespace": lambda m, info: m.namespace,
        "reference": _reference,
        "type": lambda m, info: m.type,
        "updatedAt": lambda m, info: iso(m.updated_at),
        "value": lambda m, info: m.value.get(info.context.locale),
    },
}


__all__ = ["APP_NAMESPACE", "METAFIELD_RESOLVERS"]
