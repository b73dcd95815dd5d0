"""`commerce-gateway serve`: the gateway under uvicorn, its workers built from one config file."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import uvicorn

from .asgi import CONFIG_ENV, uvicorn_settings
from .config import ConfigError, load_config


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, required=True, help="the gateway's YAML config file")
    parser.add_argument("--host", help="interface to listen on (default: server.host of the config)")
    parser.add_argument("--port", type=int, help="port to listen on (default: server.port of the config)")
    parser.add_argument(
        "--workers", type=int, help="worker processes (default: server.workers of the config)"
    )


def serve(args: argparse.Namespace) -> int:
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"commerce-gateway serve: {exc}", file=sys.stderr)
        return 2
    os.environ[CONFIG_ENV] = str(args.config.resolve())
    uvicorn.run(
        "gateway.asgi:create_app",
        factory=True,
        host=args.host or config.server.host,
        port=args.port if args.port is not None else config.server.port,
        workers=args.workers or config.server.workers,
        loop="uvloop",
        lifespan="on",
        access_log=False,
        server_header=False,
        timeout_graceful_shutdown=20,
        **uvicorn_settings(config.server),
    )
    return 0


__all__ = ["add_serve_arguments", "serve"]
