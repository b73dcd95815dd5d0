"""`POST /account/customer/api/2026-04/graphql`: the Customer Account API's GraphQL endpoint.

The access token travels as the whole `Authorization` header, without a scheme, as Shopify and
Hydrogen send it; a `Bearer ` prefix is tolerated. A missing, forged, expired or revoked token is a
401. A document that only introspects runs without a token, so a gateway can compose the schema at
start before any customer has signed in.
"""

from __future__ import annotations

from aiohttp import web
from graphql import FieldNode, OperationDefinitionNode

from sandbox.shopify.documents import DocumentService, Prepared
from sandbox.shopify.http import bad_request, json_response, not_found, read_graphql_request
from sandbox.shopify.records import CustomerRecord
from sandbox.shopify.store import Store

from .address_book import AddressBook
from .context import AccountContext
from .grants import Grants
from .paths import VERSION
from .schema import customer_account_schema

UNAUTHORIZED_BODY = {
    "errors": [{"message": "Invalid or expired access token.", "extensions": {"code": "UNAUTHORIZED"}}]
}


def introspection_only(prepared: Prepared) -> bool:
    """Whether every operation of the document asks only for `__schema`, `__type` or `__typename`."""
    if prepared.document is None or not prepared.operations:
        return False
    return all(
        isinstance(selection, FieldNode) and selection.name.value.startswith("__")
        for operation in prepared.operations.values()
        for selection in operation.selection_set.selections
    )


def bearer(header: str | None) -> str:
    token = (header or "").strip()
    return token[7:].strip() if token[:7].lower() == "bearer " else token


class AccountEndpoint:
    """Serves one store's Customer Account API to the customers its sign-in issued tokens to."""

    def __init__(self, store: Store, grants: Grants, shop_id: int) -> None:
        self.store = store
        self.grants = grants
        self.shop_id = shop_id
        self.addresses = AddressBook(store)
        self.service = DocumentService(customer_account_schema())

    async def handle(self, request: web.Request) -> web.Response:
        if request.match_info.get("version") != VERSION:
            return not_found()
        if request.match_info.get("shop_id", str(self.shop_id)) != str(self.shop_id):
            return not_found()
        customer = self.grants.customer_for(bearer(request.headers.get("Authorization")))
        graphql_request = await read_graphql_request(request)
        if graphql_request is None:
            return bad_request() if customer is not None else json_response(UNAUTHORIZED_BODY, 401)
        prepared = self.service.prepare(graphql_request.query)
        if customer is None and not introspection_only(prepared):
            return json_response(UNAUTHORIZED_BODY, 401)
        signed_in: CustomerRecord | None = customer

        def context(operation: OperationDefinitionNode, variables: dict[str, object]) -> AccountContext:
            return AccountContext(self.store, signed_in, self.addresses)

        outcome = self.service.run(
            prepared, graphql_request.variables, graphql_request.operation_name, context
        )
        return json_response(outcome.body, headers={"X-Shopify-API-Version": VERSION})


__all__ = ["UNAUTHORIZED_BODY", "AccountEndpoint", "bearer", "introspection_only"]
