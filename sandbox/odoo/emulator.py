"""Assemble the Odoo emulator: the store seeded from the world, both transports, control and webhooks."""

from __future__ import annotations

from aiohttp import web

from sandbox.control import SandboxControl
from sandbox.emulator import Emulator, EmulatorOptions
from sandbox.seed import World

from . import version
from .activity import PointOfSale
from .auth import Credentials
from .json2 import Json2Api
from .jsonrpc import JsonRpcApi
from .reports import InvoiceReports
from .responses import server_error, unavailable
from .seeding import build_store
from .throttle import Throttle
from .webhooks import WebhookNotifier

VENDOR = "odoo"


def create_emulator(world: World, options: EmulatorOptions) -> Emulator:
    """An Odoo 19 database serving the ERP view of `world` over JSON-2 and legacy JSON-RPC, and its invoices as PDF."""
    control = SandboxControl(VENDOR, unavailable=unavailable, server_error=server_error, seed=options.seed)
    throttle = Throttle(control)
    app = web.Application(middlewares=[control.middleware, throttle.middleware])
    control.add_routes(app)
    store = build_store(world)
    credentials = Credentials.generate(options.seed)
    notifier = WebhookNotifier(store, control.webhooks)
    Json2Api(store, credentials, notifier.flush).add_routes(app)
    JsonRpcApi(store, credentials, notifier.flush).add_routes(app)
    InvoiceReports(store, credentials).add_routes(app)
    version.add_routes(app)
    return Emulator(
        vendor=VENDOR,
        app=app,
        control=control,
        credentials=credentials.as_config(),
        activity=PointOfSale(store, notifier, options.seed).tick,
        extras={"store": store},
    )


__all__ = ["VENDOR", "create_emulator"]
