"""`POST /admin/api/2026-07/graphql.json`: the Admin API's HTTP endpoint, with query cost.

Every executed request reports `extensions.cost`. A query whose requested cost passes 1000 points
is refused with MAX_COST_EXCEEDED; with rate-limit emulation on (`control.faults.rate_limit` set),
requests draw their cost from a leaky bucket and get THROTTLED when it runs dry: 0 means the
documented bucket (2000 points, 100 restored a second), N a bucket of N points restored at N/20 a
second (the same 20-second refill).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from aiohttp import web
from graphql import OperationDefinitionNode

from sandbox.control import SandboxControl
from sandbox.shopify.documents import DocumentService, ErrorBody, Prepared
from sandbox.shopify.http import bad_request, json_response, not_found, read_graphql_request
from sandbox.shopify.store import Store

from .context import AdminContext
from .cost import MAX_QUERY_COST, actual_cost, requested_cost
from .schema import admin_schema
from .state import AdminState
from .throttle import MAXIMUM, RESTORE_RATE, LeakyBucket

VERSION = "2026-07"
TOKEN_HEADER = "X-Shopify-Access-Token"  # noqa: S105 (a header name)
UNAUTHORIZED_BODY = {"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"}
THROTTLED_ERROR = {
    "message": "Throttled",
    "extensions": {"code": "THROTTLED", "documentation": "https://shopify.dev/api/usage/limits#rate-limits"},
}


def max_cost_error(cost: int) -> ErrorBody:
    return {
        "message": (
            f"Query cost is {cost}, which exceeds the single query max cost limit ({MAX_QUERY_COST}).\n\n"
            "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n"
            "cost of a query is calculated.\n\n"
            "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n"
            "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n"
        ),
        "extensions": {
            "code": "MAX_COST_EXCEEDED",
            "cost": cost,
            "maxCost": MAX_QUERY_COST,
            "documentation": "https://shopify.dev/api/usage/rate-limits",
        },
    }


@dataclass(slots=True)
class _Charge:
    requested: int | None = None
    refused: bool = False
    context: AdminContext | None = None


class AdminEndpoint:
    """Serves the Admin API of one store for one access token."""

    def __init__(self, store: Store, token: str, control: SandboxControl, state: AdminState) -> None:
        self.store = store
        self.token = token
        self.control = control
        self.state = state
        self.service = DocumentService(admin_schema())
        self._bucket: LeakyBucket | None = None
        self._bucket_limit: int | None = None
        control.on_reset(self._reset)

    def _reset(self) -> None:
        self._bucket = None
        self._bucket_limit = None

    def bucket(self) -> LeakyBucket | None:
        """The bucket rate-limit emulation uses now, or None while it is off."""
        limit = self.control.faults.rate_limit
        if limit is None:
            self._reset()
            return None
        if self._bucket is None or limit != self._bucket_limit:
            maximum = float(limit) if limit else MAXIMUM
            self._bucket = LeakyBucket(maximum, maximum / 20 if limit else RESTORE_RATE)
            self._bucket_limit = limit
        return self._bucket

    async def handle(self, request: web.Request) -> web.Response:
        if request.match_info.get("version") != VERSION:
            return not_found()
        if request.headers.get(TOKEN_HEADER) != self.token:
            return json_response(UNAUTHORIZED_BODY, 401)
        graphql_request = await read_graphql_request(request)
        if graphql_request is None:
            return bad_request()
        bucket = self.bucket()
        charge = _Charge()
        schema = self.service.schema

        def before(
            prepared: Prepared, operation: OperationDefinitionNode, variables: dict[str, Any]
        ) -> list[ErrorBody] | None:
            assert prepared.document is not None
            charge.requested = requested_cost(schema, prepared.document, operation, variables)
            if charge.requested > MAX_QUERY_COST:
                charge.refused = True
                return [max_cost_error(charge.requested)]
            if bucket is not None and not bucket.take(charge.requested):
                charge.refused = True
                return [THROTTLED_ERROR]
            return None

        def context(operation: OperationDefinitionNode, variables: dict[str, Any]) -> AdminContext:
            charge.context = AdminContext(self.store, self.state)
            return charge.context

        prepared = self.service.prepare(graphql_request.query)
        outcome = self.service.run(
            prepared, graphql_request.variables, graphql_request.operation_name, context, before=before
        )
        body = outcome.body
        if charge.requested is not None:
            actual = None
            if outcome.executed and outcome.operation is not None and prepared.document is not None:
                actual = actual_cost(
                    schema, prepared.document, outcome.operation, graphql_request.variables, body.get("data")
                )
                if bucket is not None:
                    bucket.give(charge.requested - actual)
            extensions: dict[str, Any] = {
                "cost": {
                    "requestedQueryCost": charge.requested,
                    "actualQueryCost": actual,
                    "throttleStatus": bucket.status() if bucket else _unlimited(actual or 0),
                }
            }
            if charge.context is not None and charge.context.search:
                extensions["search"] = charge.context.search
            body["extensions"] = extensions
        return json_response(body, headers={"X-Shopify-API-Version": VERSION})


def _unlimited(spent: int) -> dict[str, float | int]:
    # Emulation off: every request meets a full documented bucket.
    return {
        "maximumAvailable": MAXIMUM,
        "currentlyAvailable": int(MAXIMUM) - spent,
        "restoreRate": RESTORE_RATE,
    }


__all__ = [
    "THROTTLED_ERROR",
    "TOKEN_HEADER",
    "UNAUTHORIZED_BODY",
    "VERSION",
    "AdminEndpoint",
    "max_cost_error",
]
