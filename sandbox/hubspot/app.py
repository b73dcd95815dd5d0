"""Assembles the HubSpot emulator: store from the world, middleware, routes, credentials and activity."""

from __future__ import annotations

import random
import uuid

from aiohttp import web

from sandbox.control import SandboxControl
from sandbox.emulator import Emulator, EmulatorOptions
from sandbox.seed import World

from .activity import make_activity
from .errors import server_error, unavailable
from .middleware import hubspot_middleware
from .ratelimit import RateLimiter
from .routes import add_routes
from .seeding import build_store
from .state import HUBSPOT, HubSpotSandbox
from .validation import PORTAL_ID


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def create_emulator(world: World, options: EmulatorOptions) -> Emulator:
    """A HubSpot CRM API serving the world's customers as contacts."""
    rng = random.Random(options.seed)
    control = SandboxControl("hubspot", unavailable=unavailable, server_error=server_error, seed=options.seed)
    state = HubSpotSandbox(
        store=build_store(world),
        control=control,
        token=f"pat-na1-{_uuid(rng)}",
        client_secret=_uuid(rng),
        app_id=str(rng.randint(1_000_000, 9_999_999)),
        portal_id=PORTAL_ID,
        rng=rng,
    )
    limiter = RateLimiter(control, f"publicapi:private_app-api-calls-ten-secondly:{state.app_id}:{PORTAL_ID}")
    app = web.Application(middlewares=[control.middleware, hubspot_middleware(limiter)])
    app[HUBSPOT] = state
    control.add_routes(app)
    add_routes(app)
    return Emulator(
        vendor="hubspot",
        app=app,
        control=control,
        credentials={"token": state.token, "client_secret": state.client_secret, "app_id": state.app_id},
        activity=make_activity(state),
        extras={"portal_id": PORTAL_ID, "state": state},
    )


__all__ = ["create_emulator"]
