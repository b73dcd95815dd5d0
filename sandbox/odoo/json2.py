"""Odoo 19's JSON-2 API: `POST /json/2/<model>/<method>` with a bearer API key and named parameters.

The checks run in Odoo's order: the `X-Odoo-Database` header picks the database (an unknown one
leaves no JSON route to answer: werkzeug's HTML 404), the content type must be JSON (415), the
bearer key must be valid (401), the body must parse (400), then the model (404), the method
(404, or 403 for a private one), the ids (422 on an `@api.model` method) and the parameters (422)
are checked before the method runs. Success is the bare JSON value with status 200.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from aiohttp import web

from . import execution
from .auth import Credentials, bearer_token
from .errors import HttpError, OdooError, unauthorized, unexpected
from .methods import MethodNotFound, public_method
from .responses import NOT_FOUND_DESCRIPTION, error_response, html_error, json_response
from .signatures import BindError
from .store import Store

JSON_MIMETYPES = ("application/json",)


class Json2Api:
    """The `/json/2` routes over one store."""

    def __init__(self, store: Store, credentials: Credentials, after_call: Callable[[], object]) -> None:
        self.store = store
        self.credentials = credentials
        self.after_call = after_call

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/json/2/{model}/{method}", self.call)
        # Odoo takes over everything else under /json/2 to point callers at the right shape.
        app.router.add_route("*", "/json/2", self.elsewhere)
        app.router.add_route("*", "/json/2/{subpath:.*}", self.elsewhere)

    async def elsewhere(self, request: web.Request) -> web.StreamResponse:
        if not self._database_ok(request):
            return html_error(404, NOT_FOUND_DESCRIPTION)
        return error_response(HttpError(404, "Did you mean POST /json/2/<model>/<method>?"))

    async def call(self, request: web.Request) -> web.StreamResponse:
        if not self._database_ok(request):
            return html_error(404, NOT_FOUND_DESCRIPTION)
        body = await request.read()
        if body and request.content_type not in JSON_MIMETYPES:
            return html_error(
                415,
                "Request inferred type is compatible with ['http'] but '/json/2/<model>/<method>' is "
                "type='json2'.\n\nPlease verify the Content-Type request header and try again.",
                headers={"Accept": ", ".join(JSON_MIMETYPES)},
            )
        try:
            uid = self._authenticate(request)
            params = _parse(body)
            result = self._dispatch(uid, request.match_info["model"], request.match_info["method"], params)
        except OdooError as error:
            return error_response(error)
        except Exception as exc:  # an emulator gap must still answer the way Odoo answers a Python error
            return error_response(unexpected(exc))
        finally:
            self.after_call()
        return json_response(result)

    def _database_ok(self, request: web.Request) -> bool:
        name = request.headers.get("X-Odoo-Database")
        return name is None or name == self.credentials.database

    def _authenticate(self, request: web.Request) -> int:
        token = bearer_token(request.headers.get("Authorization"))
        if token is None:
            raise unauthorized("User not authenticated, use an API Key with a Bearer Authorization header.")
        uid = self.credentials.key_user(token)
        if uid is None:
            raise unauthorized("Invalid apikey")
        return uid

    def _dispatch(self, uid: int, model: str, name: str, params: dict[str, Any]) -> Any:
        # The route's own parameters win over body keys of the same name, as in Odoo.
        params.pop("model", None)
        params.pop("method", None)
        ids = params.pop("ids", ())
        context = params.pop("context", None)
        spec = self.store.registry.get(model)
        if spec is None:
            raise HttpError(404, f"the model {model!r} does not exist")
        try:
            method = public_method(spec, name)
        except MethodNotFound as exc:
            raise HttpError(404, str(exc)) from None
        env = execution.environment(self.store, uid, context)
        if method.api_model and ids:
            raise HttpError(422, f"cannot call {model}.{name} with ids")
        try:
            bound = method.signature.bind_named(params)
        except BindError as exc:
            raise HttpError(422, str(exc)) from None
        return execution.run(env, spec, method, execution.record_ids(ids), bound)


def _parse(body: bytes) -> dict[str, Any]:
    if not body:
        return {}
    try:
        decoded = json.loads(body)
    except ValueError as exc:  # includes UnicodeDecodeError
        raise HttpError(400, f"could not parse the body as json: {exc.args[0]}") from None
    # Odoo merges the body into the route's parameters; a body that is not an object is ignored.
    return dict(decoded) if isinstance(decoded, dict) else {}


__all__ = ["Json2Api"]
