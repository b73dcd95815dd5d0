"""The app factory uvicorn imports in each worker: the config path comes from the environment."""

from __future__ import annotations

import os

from starlette.applications import Starlette

from .app import build_app
from .config import load_config
from .gc_tuning import freeze_startup_objects

CONFIG_ENV = "COMMERCE_GATEWAY_CONFIG"


def create_app() -> Starlette:
    path = os.environ.get(CONFIG_ENV)
    if not path:
        raise RuntimeError(f"set {CONFIG_ENV} to the gateway's config file")
    config = load_config(path)
    app = build_app(config)
    if config.server.gc_freeze:
        freeze_startup_objects()  # once the schema and modules are loaded
    return app


__all__ = ["CONFIG_ENV", "create_app"]
