"""Storefront `menu(handle:)`: the shop's navigation, two levels deep, in the operation's language.

An item's `resource` is the object it links (a `MenuItemResource`); one the Storefront cannot see
(an unpublished product, page or article) is null, as are the ids of items that link no resource.
"""

from __future__ import annotations

from typing import Any

from sandbox.shopify.content.records import (
    ArticleRecord,
    MenuItemRecord,
    MenuRecord,
    MenuResource,
    PageRecord,
)
from sandbox.shopify.records import ProductRecord

from .context import Info


def visible_resource(resource: MenuResource | None) -> MenuResource | None:
    if isinstance(resource, ProductRecord | PageRecord) and not resource.published:
        return None
    if isinstance(resource, ArticleRecord) and resource.published_at is None:
        return None
    return resource


def resolve_menu(_root: None, info: Info, handle: str) -> MenuRecord | None:
    ctx = info.context
    ctx.require_token("menu", "unauthenticated_read_content")
    return ctx.store.content.menus.get(handle)


def _resource_id(item: MenuItemRecord, info: Info) -> str | None:
    resource = visible_resource(item.resource)
    return resource.gid if resource is not None else None


MENU_RESOLVERS: dict[str, dict[str, Any]] = {
    "QueryRoot": {"menu": resolve_menu},
    "Menu": {
        "handle": lambda menu, info: menu.handle,
        "id": lambda menu, info: menu.gid,
        "items": lambda menu, info: menu.items,
        "itemsCount": lambda menu, info: len(menu.items),
        "title": lambda menu, info: menu.title.get(info.context.locale),
    },
    "MenuItem": {
        "id": lambda item, info: item.gid,
        "items": lambda item, info: item.items,
        "resource": lambda item, info: visible_resource(item.resource),
        "resourceId": _resource_id,
        "tags": lambda item, info: item.tags,
        "title": lambda item, info: item.title.get(info.context.locale),
        "type": lambda item, info: item.type,
        "url": lambda item, info: item.url,
    },
}

__all__ = ["MENU_RESOLVERS", "visible_resource"]
