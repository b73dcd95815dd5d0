"""Assembles the Intercom emulator: workspace from the world, middleware, routes, credentials, activity."""

from __future__ import annotations

import random
import string

from aiohttp import web

from sandbox.control import SandboxControl
from sandbox.emulator import Emulator, EmulatorOptions
from sandbox.seed import EPOCH, World

from .activity import make_activity
from .errors import server_error, unavailable
from .middleware import intercom_middleware
from .ratelimit import RateLimiter
from .routes import add_routes
from .seeding import build_store, unix
from .state import INTERCOM, IntercomSandbox


def create_emulator(world: World, options: EmulatorOptions) -> Emulator:
    """An Intercom REST API (2.14) serving the world's customers, admins and conversations."""
    rng = random.Random(options.seed)
    control = SandboxControl(
        "intercom", unavailable=unavailable, server_error=server_error, seed=options.seed
    )
    alphabet = string.ascii_lowercase + string.digits
    state = IntercomSandbox(
        store=build_store(world),
        control=control,
        # Intercom access tokens are base64 strings ending in "=".
        token="dG9rOm" + "".join(rng.choices(string.ascii_letters + string.digits, k=58)) + "=",
        client_secret=f"{rng.getrandbits(128):032x}"[:8] + "-" + f"{rng.getrandbits(128):032x}",
        workspace_id="".join(rng.choices(alphabet, k=8)),
        workspace_name=world.shop.name,
        workspace_created_at=unix(EPOCH) - 400 * 86_400,
        rng=rng,
    )
    app = web.Application(middlewares=[control.middleware, intercom_middleware(RateLimiter(control))])
    app[INTERCOM] = state
    control.add_routes(app)
    add_routes(app)
    return Emulator(
        vendor="intercom",
        app=app,
        control=control,
        credentials={"token": state.token, "client_secret": state.client_secret},
        activity=make_activity(state),
        extras={"workspace_id": state.workspace_id, "state": state},
    )


__all__ = ["create_emulator"]
