"""`POST /api/2026-04/graphql.json`: the Storefront API's HTTP endpoint.

A public (`X-Shopify-Storefront-Access-Token`) or private (`Shopify-Storefront-Private-Token`) token
gives full access; a wrong one is refused with 401. No token at all is Shopify's tokenless access:
products, collections, search and carts, but no customers, menus or inventory counts.
"""

from __future__ import annotations

from aiohttp import web
from graphql import OperationDefinitionNode

from sandbox.shopify.documents import DocumentService
from sandbox.shopify.http import bad_request, json_response, not_found, read_graphql_request
from sandbox.shopify.store import Store

from .context import StorefrontContext, build_context
from .schema import storefront_schema
from .state import StorefrontState

VERSION = "2026-04"
TOKEN_HEADERS = ("X-Shopify-Storefront-Access-Token", "Shopify-Storefront-Private-Token")
UNAUTHORIZED_BODY = {"errors": [{"message": "", "extensions": {"code": "UNAUTHORIZED"}}]}


class StorefrontEndpoint:
    """Serves the Storefront API of one store for one access token."""

    def __init__(self, store: Store, token: str, *, seed: int = 0) -> None:
        self.store = store
        self.token = token
        self.state = StorefrontState(seed)
        self.service = DocumentService(storefront_schema())

    async def handle(self, request: web.Request) -> web.Response:
        if request.match_info.get("version") != VERSION:
            return not_found()
        sent = [request.headers[name] for name in TOKEN_HEADERS if name in request.headers]
        if sent and self.token not in sent:
            return json_response(UNAUTHORIZED_BODY, 401)
        graphql_request = await read_graphql_request(request)
        if graphql_request is None:
            return bad_request()
        tokenless = not sent

        def context(operation: OperationDefinitionNode, variables: dict[str, object]) -> StorefrontContext:
            return build_context(self.store, self.state, operation, variables, tokenless=tokenless)

        outcome = self.service.run(
            self.service.prepare(graphql_request.query),
            graphql_request.variables,
            graphql_request.operation_name,
            context,
        )
        return json_response(outcome.body, headers={"X-Shopify-API-Version": VERSION})


__all__ = ["TOKEN_HEADERS", "UNAUTHORIZED_BODY", "VERSION", "StorefrontEndpoint"]
