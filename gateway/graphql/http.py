"""The `/graphql` endpoint, as the GraphQL-over-HTTP specification describes it.

- POST with `application/json`; GET for queries only (a mutation over GET is 405 with `Allow: POST`).
- `application/graphql-response+json` when the client accepts it: then a request that cannot
  execute (syntax, validation, variables) is a 400; with `application/json` it is a 200, as
  legacy clients expect. A malformed HTTP request (bad JSON, wrong parameter types) is a 400 either way.
- GraphiQL for browsers on GET when enabled.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from gateway.models.caller import Caller
from gateway.models.client import Client

from .errors import request_error
from .ide import graphiql_html
from .response_cache import ResponseCache, response_key
from .storefront_api import ComposedExecutor

GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
JSON = "application/json"


def negotiate(accept: str | None) -> str | None:
    """The response media type for an Accept header; None when the client accepts neither JSON type."""
    if not accept:
        return JSON
    best: tuple[float, int, str] | None = None
    for position, item in enumerate(accept.split(",")):
        media, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if quality <= 0:
            continue
        if media == GRAPHQL_RESPONSE_JSON:
            choice = GRAPHQL_RESPONSE_JSON
        elif media in (JSON, "application/*", "*/*"):
            choice = JSON  # wildcards get the legacy type: their clients expect 200 for GraphQL errors
        else:
            continue
        candidate = (quality, -position, choice)
        if best is None or candidate > best:
            best = candidate
    return best[2] if best else None


class BadRequest(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.status = status


def _params_from_json(body: bytes) -> dict[str, Any]:
    try:
        params = orjson.loads(body)
    except orjson.JSONDecodeError:
        raise BadRequest("The request body is not valid JSON.") from None
    if isinstance(params, list):
        raise BadRequest("Batched requests are not supported: send one operation per request.")
    if not isinstance(params, dict):
        raise BadRequest("The request body must be a JSON object with a `query`.")
    return params


def _params_from_query_string(request: Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query_params)
    for name in ("variables", "extensions"):
        if name in params:
            try:
                params[name] = orjson.loads(params[name]) if params[name] else None
            except orjson.JSONDecodeError:
                raise BadRequest(f"The `{name}` query parameter is not valid JSON.") from None
    return params


def _checked(params: dict[str, Any]) -> tuple[str, dict[str, Any] | None, str | None]:
    query = params.get("query")
    if not isinstance(query, str) or not query.strip():
        raise BadRequest("The request has no GraphQL query: send it as the `query` parameter.")
    variables = params.get("variables")
    if variables is not None and not isinstance(variables, dict):
        raise BadRequest("`variables` must be a JSON object.")
    operation_name = params.get("operationName")
    if operation_name is not None and not isinstance(operation_name, str):
        raise BadRequest("`operationName` must be a string.")
    extensions = params.get("extensions")
    if extensions is not None and not isinstance(extensions, dict):
        raise BadRequest("`extensions` must be a JSON object.")
    return query, variables, operation_name


Admit = Callable[[Request], Awaitable[Client | Response]]
"""The client of a request, or the response refusing it (`gateway.clients.gate.ClientGate.admit`)."""


def buyer_ip(request: Request, client: Client) -> str | None:
    """The buyer's IP as Shopify wants it from a server-side caller: the storefront's own header
    when the storefront is itself a proxy (Hydrogen's server sends it with its private key), else
    the connecting peer. From a browser's key the header is ignored: anyone could write it."""
    forwarded = request.headers.get("shopify-storefront-buyer-ip")
    if forwarded and client.names_buyer:
        return forwarded.strip()
    return request.client.host if request.client else None


class GraphQLEndpoint:
    """A Starlette endpoint serving one executor."""

    def __init__(
        self,
        executor: ComposedExecutor,
        *,
        admit: Admit,
        graphiql: bool,
        responses: ResponseCache | None = None,
        sample_query: str | None = None,
        passes_authorization: bool = False,
    ) -> None:
        """`passes_authorization`: the request's `Authorization` is the customer's own token, for
        Shopify (the Customer Account API), not a key of the gateway's."""
        self.executor = executor
        self.admit = admit
        self.passes_authorization = passes_authorization
        self.graphiql = graphiql
        self.responses = responses
        self._graphiql_html = graphiql_html(sample_query) if graphiql else ""

    async def handle(self, request: Request) -> Response:
        accept = request.headers.get("accept")
        if (
            request.method == "GET"
            and "query" not in request.query_params
            and self.graphiql
            and "text/html" in (accept or "")
        ):
            return HTMLResponse(self._graphiql_html)
        media_type = negotiate(accept)
        if media_type is None:
            return self._json(
                {"errors": [request_error(f"Accept {JSON} or {GRAPHQL_RESPONSE_JSON}.", "NOT_ACCEPTABLE")]},
                406,
                JSON,
            )
        client = await self.admit(request)
        if isinstance(client, Response):
            return client
        try:
            if request.method == "GET":
                params = _params_from_query_string(request)
            else:
                content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
                if content_type != JSON:
                    raise BadRequest(f"POST requests must have Content-Type: {JSON}.", 415)
                params = _params_from_json(await request.body())
            query, variables, operation_name = _checked(params)
        except BadRequest as exc:
            return self._json({"errors": [request_error(str(exc), "BAD_REQUEST")]}, exc.status, media_type)

        responses = self.responses
        # Callers of other scopes never share a response: one may be refused what another is given.
        key = response_key(query, variables, operation_name, client.scopes) if responses is not None else ""
        if responses is not None and (cached := responses.get(key)) is not None:
            return self._encoded(cached, 200, media_type)
        allow_mutations = request.method == "POST"
        outcome = await self.executor.run(
            query,
            variables,
            operation_name,
            allow_mutations=allow_mutations,
            caller=Caller(
                buyer_ip=buyer_ip(request, client),
                client=client,
                authorization=request.headers.get("authorization") if self.passes_authorization else None,
            ),
        )
        if outcome.unavailable:
            response = self._json(outcome.body, 503, media_type)
            response.headers["Retry-After"] = "5"
            return response
        if outcome.status is not None:
            return self._json(outcome.body, outcome.status, media_type)
        if outcome.method_not_allowed:
            response = self._json(outcome.body, 405, media_type)
            response.headers["Allow"] = "POST"
            return response
        if outcome.forbidden:
            status = 403 if media_type == GRAPHQL_RESPONSE_JSON else 200
        else:
            status = 400 if outcome.request_error and media_type == GRAPHQL_RESPONSE_JSON else 200
        encoded = orjson.dumps(outcome.body)
        if responses is not None and outcome.cache_ttl_s > 0:
            responses.put(key, encoded, outcome.cache_ttl_s, outcome.built_from)
        return self._encoded(encoded, status, media_type)

    @staticmethod
    def _encoded(body: bytes, status: int, media_type: str) -> Response:
        return Response(body, status_code=status, media_type=f"{media_type}; charset=utf-8")

    @classmethod
    def _json(cls, body: dict[str, Any], status: int, media_type: str) -> Response:
        return cls._encoded(orjson.dumps(body), status, media_type)


__all__ = ["GRAPHQL_RESPONSE_JSON", "GraphQLEndpoint", "negotiate"]
