"""The shop's menus: the world's `main-menu` and `footer`, grown into two-level navigation.

The world names the top items (collections, search, two policies); each collection item gets its
first published products below it, and both menus go on to link pages, blogs, articles, policies
and a lookbook, so every member of `MenuItemResource` and most `MenuItemType`s appear.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from sandbox.seed import Localized, MenuItem, World
from sandbox.shopify.ids import gid
from sandbox.shopify.records import CollectionRecord, ProductRecord

from .records import (
    ArticleRecord,
    BlogRecord,
    MenuItemRecord,
    MenuRecord,
    MenuResource,
    MetaobjectRecord,
    PageRecord,
    PolicyRecord,
)
from .shop_texts import LABELS, MENU_TITLES

if TYPE_CHECKING:
    from sandbox.shopify.store import Store

MENU_ID_BASE = 250_000_000_000
MENU_ITEM_ID_BASE = 560_000_000_000
PRODUCTS_UNDER_A_COLLECTION = 2
ARTICLES_UNDER_A_BLOG = 3


def resource_path(resource: MenuResource) -> str:
    """The online store path of a resource (what a menu item linking it points at)."""
    if isinstance(resource, ProductRecord):
        return f"/products/{resource.handle}"
    if isinstance(resource, CollectionRecord):
        return f"/collections/{resource.handle}"
    if isinstance(resource, PageRecord):
        return f"/pages/{resource.handle}"
    if isinstance(resource, BlogRecord):
        return f"/blogs/{resource.handle}"
    if isinstance(resource, ArticleRecord):
        return f"/blogs/{resource.blog.handle}/{resource.handle}"
    if isinstance(resource, PolicyRecord):
        return f"/policies/{resource.handle}"
    return f"/pages/{resource.url_handle}/{resource.handle}"


_TYPES: Mapping[type, str] = {
    ProductRecord: "PRODUCT",
    CollectionRecord: "COLLECTION",
    PageRecord: "PAGE",
    BlogRecord: "BLOG",
    ArticleRecord: "ARTICLE",
    PolicyRecord: "SHOP_POLICY",
    MetaobjectRecord: "METAOBJECT",
}


def _label(title: str) -> Localized:
    return LABELS.get(title, Localized(title, title, title))


class _MenuBuilder:
    def __init__(
        self,
        store: Store,
        pages: dict[int, PageRecord],
        blogs: dict[int, BlogRecord],
        policies: dict[str, PolicyRecord],
        lookbooks: dict[int, MetaobjectRecord],
    ) -> None:
        self.store = store
        self.pages = {page.handle: page for page in pages.values() if page.published}
        self.blogs = {blog.handle: blog for blog in blogs.values()}
        self.policies = {policy.handle: policy for policy in policies.values()}
        self.policy_kinds = policies
        self.lookbooks = list(lookbooks.values())
        self.next_id = MENU_ITEM_ID_BASE

    def item(
        self, title: Localized, url: str | None, kind: str, resource: MenuResource | None = None
    ) -> MenuItemRecord:
        self.next_id += 1
        absolute = self.store.url + url if url is not None and url.startswith("/") else url
        return MenuItemRecord(self.next_id, gid("MenuItem", self.next_id), title, absolute, kind, resource)

    def link(self, resource: MenuResource, title: Localized | None = None) -> MenuItemRecord:
        """An item linking a resource, titled like it unless the merchant renamed it."""
        name = title or (resource.title if not isinstance(resource, MetaobjectRecord) else _label("Lookbook"))
        return self.item(name, resource_path(resource), _TYPES[type(resource)], resource)

    def from_world(self, item: MenuItem) -> MenuItemRecord:
        """One of the world's items: a collection with products below it, a policy, search or a link."""
        collection = self.store.collections_by_handle.get(item.resource_handle or "")
        if collection is not None:
            parent = self.link(collection)
            products = [product for product in collection.products if product.published]
            parent.items = [self.link(p) for p in products[:PRODUCTS_UNDER_A_COLLECTION]]
            return parent
        if item.url.startswith("/policies/"):
            policy = self.policies.get(item.url.removeprefix("/policies/"))
            if policy is not None:
                return self.link(policy, _label(item.title))
        kind = "SEARCH" if item.url == "/search" else "HTTP"
        return self.item(_label(item.title), item.url, kind)

    def blog(self, handle: str) -> list[MenuItemRecord]:
        blog = self.blogs.get(handle)
        if blog is None:
            return []
        parent = self.link(blog)
        latest = sorted(blog.published_articles, key=lambda a: a.published_at or a.created_at, reverse=True)
        parent.items = [self.link(article) for article in latest[:ARTICLES_UNDER_A_BLOG]]
        return [parent]

    def pages_linked(self, *handles: str) -> list[MenuItemRecord]:
        return [self.link(self.pages[handle]) for handle in handles if handle in self.pages]

    def policies_linked(self, *kinds: str) -> list[MenuItemRecord]:
        return [self.link(self.policy_kinds[kind]) for kind in kinds if kind in self.policy_kinds]

    def as_given(self, world_items: tuple[MenuItem, ...]) -> list[MenuItemRecord]:
        """A menu the content does not grow: the world's items only."""
        return [self.from_world(item) for item in world_items]

    def main_menu(self, world_items: tuple[MenuItem, ...]) -> list[MenuItemRecord]:
        items = [self.from_world(item) for item in world_items]
        items += self.blog("news")
        items += [self.link(lookbook) for lookbook in self.lookbooks[:1]]
        items += self.pages_linked("about-us")
        items.append(self.item(_label("All products"), "/collections/all", "CATALOG"))
        items.append(self.item(_label("Collections"), "/collections", "COLLECTIONS"))
        return items

    def footer(self, world_items: tuple[MenuItem, ...], shop_slug: str) -> list[MenuItemRecord]:
        items = [self.from_world(item) for item in world_items]
        items += self.policies_linked("privacyPolicy", "termsOfService")
        service = self.pages_linked("contact")
        for parent in service:
            parent.items = self.pages_linked("faq", "shipping-information", "returns-and-exchanges")
        items += service
        items += self.pages_linked("about-us", "careers")
        items += self.blog("guides")
        items.append(self.item(_label("Instagram"), f"https://www.instagram.com/{shop_slug}", "HTTP"))
        return items


def build_menus(
    world: World,
    store: Store,
    pages: dict[int, PageRecord],
    blogs: dict[int, BlogRecord],
    policies: dict[str, PolicyRecord],
    lookbooks: dict[int, MetaobjectRecord],
) -> dict[str, MenuRecord]:
    """Every menu of the world by handle; items are numbered depth first, menus in handle order."""
    builder = _MenuBuilder(store, pages, blogs, policies, lookbooks)
    shop_slug = world.shop.name.split()[0].lower()
    growers: dict[str, Callable[[tuple[MenuItem, ...]], list[MenuItemRecord]]] = {
        "main-menu": builder.main_menu,
        "footer": lambda items: builder.footer(items, shop_slug),
    }
    menus: dict[str, MenuRecord] = {}
    for n, (handle, world_items) in enumerate(sorted(world.menus.items())):
        grow = growers.get(handle, builder.as_given)
        title = MENU_TITLES.get(handle, Localized(handle, handle, handle))
        menus[handle] = MenuRecord(
            MENU_ID_BASE + n, gid("Menu", MENU_ID_BASE + n), handle, title, grow(world_items)
        )
    return menus


__all__ = ["MENU_ID_BASE", "MENU_ITEM_ID_BASE", "build_menus", "resource_path"]
