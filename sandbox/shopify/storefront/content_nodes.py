"""`node(id:)` and `nodes(ids:)` for the content's `Node` types: pages, blogs, policies, menus…

What the Storefront cannot see (an unpublished page, a draft article or its comments) is null,
like an id that names nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sandbox.shopify.content.records import Content
from sandbox.shopify.ids import GlobalId
from sandbox.shopify.store import Store

from .blogs import visible_article
from .localization import market_node
from .pages import visible_page


def _comment(content: Content, number: int) -> Any:
    comment = content.comments.get(number)
    return comment if comment is not None and visible_article(comment.article) is not None else None


def _policy(content: Content, number: int) -> Any:
    return next((p for p in content.policies.values() if p.id == number), None)


_LOOKUPS: dict[str, Callable[[Content, int], Any]] = {
    "Page": lambda content, number: visible_page(content.pages.get(number)),
    "Blog": lambda content, number: content.blogs.get(number),
    "Article": lambda content, number: visible_article(content.articles.get(number)),
    "Comment": _comment,
    "ShopPolicy": _policy,
    "UrlRedirect": lambda content, number: content.redirects.get(number),
    "Metaobject": lambda content, number: content.metaobjects.get(number),
    "MediaImage": lambda content, number: content.media.get(number),
    "Menu": lambda content, number: next((m for m in content.menus.values() if m.id == number), None),
    "MenuItem": lambda content, number: content.menu_items.get(number),
    "Market": lambda content, number: market_node(number),
}


def content_node(store: Store, parsed: GlobalId) -> Any:
    """The content object a parsed global id names, or None (also for kinds that are not content)."""
    lookup = _LOOKUPS.get(parsed.kind)
    if lookup is None or parsed.number is None:
        return None
    return lookup(store.content, parsed.number)


__all__ = ["content_node"]
