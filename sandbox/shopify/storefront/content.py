"""The content part of the Storefront schema in one place: its resolvers and its record classes.

`schema.py` binds `CONTENT_RESOLVERS` with the others and adds `CONTENT_TYPE_NAMES` to the types
interfaces and unions resolve to (`Node`, `MenuItemResource`, `SitemapResourceInterface`).
"""

from __future__ import annotations

from typing import Any

from sandbox.shopify.content.records import (
    ArticleRecord,
    BlogRecord,
    CommentRecord,
    MediaImageRecord,
    MenuItemRecord,
    MenuRecord,
    MetaobjectRecord,
    PageRecord,
    PolicyRecord,
    RedirectRecord,
)

from .blogs import BLOG_RESOLVERS
from .localization import LOCALIZATION_RESOLVERS, MarketRecord
from .menus import MENU_RESOLVERS
from .pages import PAGE_RESOLVERS
from .sitemap import SITEMAP_RESOLVERS, SitemapEntry, SitemapMetaobjectEntry


def _merged(*parts: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for part in parts:
        for type_name, fields in part.items():
            merged.setdefault(type_name, {}).update(fields)
    return merged


LOOKBOOK_RESOLVERS: dict[str, dict[str, Any]] = {
    "Metaobject": {
        "handle": lambda metaobject, info: metaobject.handle,
        "id": lambda metaobject, info: metaobject.gid,
        "type": lambda metaobject, info: metaobject.type,
    },
}
"""The lookbook metaobjects menus and sitemaps link."""

CONTENT_RESOLVERS = _merged(
    BLOG_RESOLVERS,
    LOCALIZATION_RESOLVERS,
    LOOKBOOK_RESOLVERS,
    MENU_RESOLVERS,
    PAGE_RESOLVERS,
    SITEMAP_RESOLVERS,
)

CONTENT_TYPE_NAMES: dict[type, str] = {
    PageRecord: "Page",
    BlogRecord: "Blog",
    ArticleRecord: "Article",
    CommentRecord: "Comment",
    PolicyRecord: "ShopPolicy",
    RedirectRecord: "UrlRedirect",
    MetaobjectRecord: "Metaobject",
    MediaImageRecord: "MediaImage",
    MenuRecord: "Menu",
    MenuItemRecord: "MenuItem",
    MarketRecord: "Market",
    SitemapEntry: "SitemapResource",
    SitemapMetaobjectEntry: "SitemapResourceMetaobject",
}

__all__ = ["CONTENT_RESOLVERS", "CONTENT_TYPE_NAMES"]
