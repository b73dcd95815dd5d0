"""Assembles the Akeneo PIM emulator: its store, its middleware stack and its routes.

Middleware order matters. The usage limits come first, outside the sandbox control, so injected
latency counts as time a request holds one of its connection's four slots; then the control (faults,
counters); then Akeneo's error rendering, the OAuth Bearer check and the header checks.
"""

from __future__ import annotations

import random

from aiohttp import web

from sandbox.control import SandboxControl
from sandbox.emulator import Emulator, EmulatorOptions
from sandbox.seed import World

from . import endpoints
from .activity import Activity
from .catalog import Catalog
from .errors import error_middleware, server_error, unavailable
from .events import EventPublisher
from .limits import RequestLimits
from .media import MediaRoutes
from .negotiation import Negotiation
from .oauth import TOKEN_PATH, Credentials, OAuth, TokenStore
from .product_models import ProductModelRoutes
from .product_writes import ProductWrites
from .products import ProductRoutes
from .reference import ReferenceRoutes
from .routes import add_api_routes
from .structure import build_structure
from .updates import Updater

VENDOR = "akeneo"


def create_emulator(world: World, options: EmulatorOptions) -> Emulator:
    """An Akeneo PIM serving `world`'s products as product models and variant products."""
    rng = random.Random(f"{VENDOR}:{options.seed}")
    credentials = Credentials.generate(rng)
    event_secret = f"{rng.getrandbits(192):048x}"
    control = SandboxControl(VENDOR, unavailable=unavailable, server_error=server_error, seed=options.seed)
    limits = RequestLimits(control)
    oauth = OAuth(TokenStore(credentials, options.token_ttl_s, rng))
    negotiation = Negotiation()
    app = web.Application(
        middlewares=[
            limits.middleware,
            control.middleware,
            error_middleware,
            oauth.middleware,
            negotiation.middleware,
        ]
    )
    control.add_routes(app)

    catalog = Catalog(world, build_structure(world))
    events = EventPublisher(control.webhooks, event_secret, rng)
    updater = Updater(catalog)
    app.router.add_post(TOKEN_PATH, oauth.token)
    endpoints.add_routes(app)
    add_api_routes(
        app,
        negotiation,
        products=ProductRoutes(catalog),
        writes=ProductWrites(catalog, updater, events),
        models=ProductModelRoutes(catalog, updater, events),
        media=MediaRoutes(catalog),
        reference=ReferenceRoutes(catalog.structure),
    )
    activity = Activity(catalog, events, random.Random(f"{VENDOR}-activity:{options.seed}"))

    return Emulator(
        vendor=VENDOR,
        app=app,
        control=control,
        credentials={
            "client_id": credentials.client_id,
            "client_secret": credentials.secret,
            "username": credentials.username,
            "password": credentials.password,
            "event_secret": event_secret,
        },
        activity=activity.tick,
        extras={"catalog": catalog, "limits": limits, "events": events, "activity": activity},
    )


__all__ = ["VENDOR", "create_emulator"]
