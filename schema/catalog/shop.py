"""Shop and Menu: the storefront's identity and navigation."""

from __future__ import annotations

import strawberry

from gateway.models import catalog as models
from schema.common.scalars import URL

from .enums import MenuItemType


@strawberry.type(name="Domain", description="Represents a web address.")
class Domain:
    host: str = strawberry.field(description="The host name of the domain (for example, `example.com`).")
    ssl_enabled: bool = strawberry.field(description="Whether SSL is enabled or not.")
    url: URL = strawberry.field(description="The URL of the domain (for example, `https://example.com`).")


@strawberry.type(
    name="Shop",
    description="Shop represents a collection of the general settings and information about the shop.",
)
class Shop:
    id: strawberry.ID = strawberry.field(description="A globally-unique ID.")
    name: str = strawberry.field(description="The shop's name.")
    description: str | None = strawberry.field(description="A description of the shop.")
    primary_domain: Domain = strawberry.field(description="The primary domain of the shop's Online Store.")

    @classmethod
    def from_model(cls, shop: models.Shop) -> Shop:
        return cls(
            id=strawberry.ID(shop.id),
            name=shop.name,
            description=shop.description,
            primary_domain=Domain(
                host=shop.primary_domain_host,
                ssl_enabled=shop.primary_domain_url.startswith("https://"),
                url=URL(shop.primary_domain_url),
            ),
        )


@strawberry.type(name="MenuItem", description="A menu item within a parent menu.")
class MenuItem:
    id: strawberry.ID = strawberry.field(description="A globally-unique ID.")
    items: list[MenuItem] = strawberry.field(description="The menu item's child items.")
    resource_id: strawberry.ID | None = strawberry.field(description="The ID of the linked resource.")
    tags: list[str] = strawberry.field(description="The menu item's tags to filter a collection.")
    title: str = strawberry.field(description="The menu item's title.")
    type: MenuItemType = strawberry.field(description="The menu item's type.")
    url: URL | None = strawberry.field(description="The menu item's URL.")

    @classmethod
    def from_model(cls, item: models.MenuItem) -> MenuItem:
        return cls(
            id=strawberry.ID(item.id),
            items=[cls.from_model(child) for child in item.items],
            resource_id=strawberry.ID(item.resource_id) if item.resource_id else None,
            tags=[],
            title=item.title,
            type=MenuItemType(item.type),
            url=URL(item.url) if item.url else None,
        )


@strawberry.type(name="Menu", description="A menu used for navigation within a storefront.")
class Menu:
    id: strawberry.ID = strawberry.field(description="A globally-unique ID.")
    handle: str = strawberry.field(description="The menu's handle.")
    items: list[MenuItem] = strawberry.field(description="The menu's child items.")
    items_count: int = strawberry.field(description="The count of items on the menu.")
    title: str = strawberry.field(description="The menu's title.")

    @classmethod
    def from_model(cls, menu: models.Menu) -> Menu:
        return cls(
            id=strawberry.ID(menu.id),
            handle=menu.handle,
            items=[MenuItem.from_model(item) for item in menu.items],
            items_count=len(menu.items),
            title=menu.title,
        )


__all__ = ["Domain", "Menu", "MenuItem", "Shop"]
