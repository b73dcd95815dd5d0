"""The server version Odoo announces on `/web/version`, `/json/version` and `common.version`."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .responses import json_response

VERSION_INFO: tuple[int | str, ...] = (19, 0, 0, "final", 0, "")
VERSION = "19.0"


def web_version() -> dict[str, Any]:
    return {"version_info": list(VERSION_INFO), "version": VERSION}


def rpc_version() -> dict[str, Any]:
    """`common.version()` as the legacy RPC answers it."""
    return {
        "server_version": VERSION,
        "server_version_info": list(VERSION_INFO),
        "server_serie": VERSION,
        "protocol_version": 1,
    }


async def version_handler(request: web.Request) -> web.StreamResponse:
    return json_response(web_version())


def add_routes(app: web.Application) -> None:
    app.router.add_get("/web/version", version_handler)
    app.router.add_get("/json/version", version_handler)


__all__ = ["VERSION", "VERSION_INFO", "add_routes", "rpc_version", "web_version"]
