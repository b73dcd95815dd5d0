"""The app factory uvicorn imports in each worker (the config path comes from the environment), and
the HTTP limits the gateway is served with, wherever it is served (`serve`, `demo`).

uvicorn's settings bound what its parser and connections hold (`uvicorn_settings`); what they leave
to the application, the number and size of headers and the wait for a body, the edge middleware
enforces (`with_edge`).
"""

from __future__ import annotations

import os
from typing import Any

from starlette.types import ASGIApp

from .app import build_app
from .config import ServerSection, load_config
from .edge.body_timeout import BodyTimeout
from .edge.header_limits import HeaderLimits
from .gc_tuning import freeze_startup_objects

CONFIG_ENV = "COMMERCE_GATEWAY_CONFIG"


def uvicorn_settings(server: ServerSection) -> dict[str, Any]:
    """The keywords of `uvicorn.run` and `uvicorn.Config` that apply the server section's limits."""
    return {
        "http": server.http,
        "h11_max_incomplete_event_size": server.max_request_head_bytes,
        "timeout_keep_alive": server.keep_alive_s,
        "limit_concurrency": server.limit_concurrency,
    }


def with_edge(app: ASGIApp, server: ServerSection) -> ASGIApp:
    """`app` behind the edge middleware: header limits first, so a refused request costs nothing more."""
    return HeaderLimits(
        BodyTimeout(app, timeout_s=server.body_timeout_s),
        max_count=server.max_header_count,
        max_bytes=server.max_header_bytes,
    )


def create_app() -> ASGIApp:
    path = os.environ.get(CONFIG_ENV)
    if not path:
        raise RuntimeError(f"set {CONFIG_ENV} to the gateway's config file")
    config = load_config(path)
    app = with_edge(build_app(config), config.server)
    if config.server.gc_freeze:
        freeze_startup_objects()  # once the schema and modules are loaded
    return app


__all__ = ["CONFIG_ENV", "create_app", "uvicorn_settings", "with_edge"]
