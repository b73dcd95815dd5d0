"""The emulator's REST route table: Akeneo's paths and route names, each mapped to its handler."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from aiohttp import web

from . import media as m, product_models as pm, products as p
from .media import MediaRoutes
from .negotiation import COLLECTION, Negotiation
from .payloads import API
from .product_models import ProductModelRoutes
from .product_writes import ProductWrites
from .products import ProductRoutes
from .reference import ReferenceRoutes

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _add(app: web.Application, path: str, name: str, **methods: Handler) -> None:
    resource = app.router.add_resource(path, name=name)
    for method, handler in methods.items():
        resource.add_route(method, handler)


def add_api_routes(
    app: web.Application,
    negotiation: Negotiation,
    *,
    products: ProductRoutes,
    writes: ProductWrites,
    models: ProductModelRoutes,
    media: MediaRoutes,
    reference: ReferenceRoutes,
) -> None:
    _add(
        app, p.LIST_PATH, "pim_api_product_uuid_list", GET=products.list_products, PATCH=writes.patch_products
    )
    negotiation.expect(p.LIST_PATH, "PATCH", COLLECTION)
    _add(app, p.SEARCH_PATH, "pim_api_product_uuid_search", POST=products.search_products)
    _add(app, p.ITEM_PATH, "pim_api_product_uuid_get", GET=products.get_product, PATCH=writes.patch_product)

    _add(app, pm.LIST_PATH, "pim_api_product_model_list", GET=models.list_models)
    _add(app, pm.ITEM_PATH, "pim_api_product_model_get", GET=models.get_model, PATCH=models.patch_model)

    _add(app, m.LIST_PATH, "pim_api_media_file_list", GET=media.list_media)
    # The download route first: a media code contains slashes, so the item pattern would swallow it.
    _add(app, m.DOWNLOAD_PATH, "pim_api_media_file_download", GET=media.download)
    _add(app, m.ITEM_PATH, "pim_api_media_file_get", GET=media.get_media)

    _add(app, f"{API}/categories", "pim_api_category_list", GET=reference.list_categories)
    _add(app, f"{API}/categories/{{code}}", "pim_api_category_get", GET=reference.get_category)
    _add(app, f"{API}/attributes", "pim_api_attribute_list", GET=reference.list_attributes)
    _add(app, f"{API}/attributes/{{code}}", "pim_api_attribute_get", GET=reference.get_attribute)
    _add(
        app, f"{API}/attributes/{{code}}/options", "pim_api_attribute_option_list", GET=reference.list_options
    )
    _add(
        app,
        f"{API}/attributes/{{code}}/options/{{option}}",
        "pim_api_attribute_option_get",
        GET=reference.get_option,
    )
    _add(app, f"{API}/families", "pim_api_family_list", GET=reference.list_families)
    _add(app, f"{API}/families/{{code}}", "pim_api_family_get", GET=reference.get_family)
    _add(
        app,
        f"{API}/families/{{code}}/variants",
        "pim_api_family_variant_list",
        GET=reference.list_family_variants,
    )
    _add(
        app,
        f"{API}/families/{{code}}/variants/{{variant}}",
        "pim_api_family_variant_get",
        GET=reference.get_family_variant,
    )
    _add(app, f"{API}/channels", "pim_api_channel_list", GET=reference.list_channels)
    _add(app, f"{API}/channels/{{code}}", "pim_api_channel_get", GET=reference.get_channel)
    _add(app, f"{API}/locales", "pim_api_locale_list", GET=reference.list_locales)
    _add(app, f"{API}/locales/{{code}}", "pim_api_locale_get", GET=reference.get_locale)


__all__ = ["add_api_routes"]
