"""`GET /api/rest/v1`: Akeneo's unauthenticated list of the API's routes, generated from the app."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from .oauth import TOKEN_PATH
from .products import origin_of
from .responses import json_response

ROOT_PATH = "/api/rest/v1"
ROUTE_PREFIX = "pim_api_"
"""Only named routes with Akeneo's route-name prefix are listed."""


def endpoint_list(app: web.Application, origin: str) -> dict[str, Any]:
    routes: dict[str, dict[str, Any]] = {}
    for route in app.router.routes():
        resource = route.resource
        if resource is None or resource.name is None or not resource.name.startswith(ROUTE_PREFIX):
            continue
        entry = routes.setdefault(resource.name, {"route": resource.canonical, "methods": []})
        if route.method not in entry["methods"] and route.method != "HEAD":
            entry["methods"].append(route.method)
    return {
        "host": origin,
        "authentication": {"fos_oauth_server_token": {"route": TOKEN_PATH, "methods": ["POST"]}},
        "routes": routes,
    }


async def list_endpoints(request: web.Request) -> web.Response:
    return json_response(endpoint_list(request.app, origin_of(request)))


def add_routes(app: web.Application) -> None:
    app.router.add_get(ROOT_PATH, list_endpoints)
    app.router.add_get(ROOT_PATH + "/", list_endpoints)


__all__ = ["ROOT_PATH", "add_routes", "endpoint_list"]
