"""`create_emulator`: the Shopify emulator the sandbox runner starts, over one store.

One aiohttp app serves the Storefront API, the Admin API and the Customer Account API (with its
sign-in) of the same store, so stock, orders and addresses changed through one show in the others.
"""

from __future__ import annotations

from aiohttp import web

from sandbox.control import SandboxControl
from sandbox.emulator import Emulator, EmulatorOptions
from sandbox.seed import World

from .account.routes import add_customer_account
from .activity import shop_activity
from .admin.endpoint import AdminEndpoint
from .admin.state import AdminState
from .http import server_error, unavailable
from .store import Store
from .storefront.endpoint import StorefrontEndpoint
from .webhook_dispatch import WebhookDispatcher

STOREFRONT_TOKEN = "sandbox-storefront-token"  # noqa: S105 (published sandbox credentials)
ADMIN_TOKEN = "sandbox-admin-token"  # noqa: S105
WEBHOOK_SECRET = "sandbox-webhook-secret"  # noqa: S105


def create_emulator(world: World, options: EmulatorOptions) -> Emulator:
    store = Store(world)
    control = SandboxControl("shopify", unavailable=unavailable, server_error=server_error, seed=options.seed)
    app = web.Application(middlewares=[control.middleware])
    control.add_routes(app)
    storefront = StorefrontEndpoint(store, STOREFRONT_TOKEN, seed=options.seed)
    app.router.add_post("/api/{version}/graphql.json", storefront.handle)
    admin_state = AdminState()
    admin = AdminEndpoint(store, ADMIN_TOKEN, control, admin_state)
    app.router.add_post("/admin/api/{version}/graphql.json", admin.handle)
    account_credentials = add_customer_account(app, store, seed=options.seed, token_ttl_s=options.token_ttl_s)
    store.changes.subscribe(
        WebhookDispatcher(control.webhooks, admin_state, WEBHOOK_SECRET, world.shop.domain)
    )
    return Emulator(
        "shopify",
        app,
        control,
        credentials={
            "storefront_token": STOREFRONT_TOKEN,
            "admin_token": ADMIN_TOKEN,
            "webhook_secret": WEBHOOK_SECRET,
        },
        printed_credentials=account_credentials,
        activity=shop_activity(store, options.seed),
        extras={"store": store},
    )


__all__ = ["ADMIN_TOKEN", "STOREFRONT_TOKEN", "WEBHOOK_SECRET", "create_emulator"]
