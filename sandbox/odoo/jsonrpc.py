"""Odoo's legacy external API: `POST /jsonrpc` with the `common`, `db` and `object` services.

Every answer is HTTP 200 with a JSON-RPC 2.0 envelope: `{"result": …}` or `{"error": {"code": 0,
"message": "Odoo Server Error", "data": <serialized exception>}}` (Odoo 19 sends code 0; ≤18 sent
200). Only a body that is not JSON, or not a JSON object, is refused before the envelope, with
Odoo's plain 400 "Invalid JSON data" / "Invalid JSON-RPC data". `object.execute_kw` authenticates
every call (`AccessDenied` for a wrong uid or key), then calls the model method with Python's
positional-and-keyword semantics, so a bad call is Python's own `TypeError`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from aiohttp import web

from . import execution
from .auth import Credentials
from .errors import AccessDenied, OdooError, UserError, python_error, unexpected
from .methods import MethodNotFound, public_method
from .responses import html_error, json_response
from .signatures import BindError, Param, Signature
from .store import Store
from .version import VERSION, rpc_version

JSONRPC_MIMETYPES = ("application/json", "application/json-rpc")
ERROR_CODE = 0
"""Odoo 19's `JsonRPCDispatcher.handle_error` sends code 0 (releases up to 18 sent 200)."""

_ENDPOINT = Signature("RPC.jsonrpc", (Param("service"), Param("method"), Param("args")))
_EXECUTE_KW = Signature("execute_kw", (Param("obj"), Param("method"), Param("args"), Param("kw", None)))
_AUTHENTICATE = Signature(
    "exp_authenticate", (Param("db"), Param("login"), Param("password"), Param("user_agent_env"))
)
_LOGIN = Signature("exp_login", (Param("db"), Param("login"), Param("password")))


class JsonRpcApi:
    """The `/jsonrpc` route over one store."""

    def __init__(self, store: Store, credentials: Credentials, after_call: Callable[[], object]) -> None:
        self.store = store
        self.credentials = credentials
        self.after_call = after_call

    def add_routes(self, app: web.Application) -> None:
        app.router.add_post("/jsonrpc", self.handle)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.content_type not in JSONRPC_MIMETYPES:
            return html_error(
                415,
                "Request inferred type is compatible with ['http'] but '/jsonrpc' is type='jsonrpc'.\n\n"
                "Please verify the Content-Type request header and try again.",
                headers={"Accept": ", ".join(JSONRPC_MIMETYPES)},
            )
        try:
            payload = json.loads(await request.read())
        except ValueError:
            return web.Response(text="Invalid JSON data", status=400, content_type="text/html")
        if not isinstance(payload, dict):
            return web.Response(text="Invalid JSON-RPC data", status=400, content_type="text/html")
        request_id = payload.get("id")
        try:
            result = self._call(payload.get("params", {}))
        except Exception as exc:  # every failure is reported inside the envelope, as Odoo does
            error = exc if isinstance(exc, OdooError) else unexpected(exc)
            envelope = {"code": ERROR_CODE, "message": "Odoo Server Error", "data": error.body()}
            return json_response({"jsonrpc": "2.0", "id": request_id, "error": envelope})
        finally:
            self.after_call()
        return json_response({"jsonrpc": "2.0", "id": request_id, "result": result})

    def _call(self, params: Any) -> Any:
        if not isinstance(params, Mapping):
            raise python_error(
                "TypeError", "cannot convert dictionary update sequence element #0 to a sequence"
            )
        params = {key: value for key, value in params.items() if key != "context"}
        try:
            bound = _ENDPOINT.bind_call((), params)
        except BindError as exc:
            raise python_error("TypeError", str(exc)) from None
        service, method, args = bound["service"], bound["method"], bound["args"]
        if not isinstance(args, list):
            raise python_error("TypeError", f"Value after * must be an iterable, not {type(args).__name__}")
        if service == "common":
            return self._common(method, args)
        if service == "db":
            return self._db(method, args)
        if service == "object":
            return self._object(method, args)
        raise python_error("KeyError", repr(service), service)

    def _common(self, method: Any, args: list[Any]) -> Any:
        if method == "version":
            return rpc_version()
        if method not in ("login", "authenticate"):
            raise python_error("Exception", f"Method not found: {method}")
        signature = _LOGIN if method == "login" else _AUTHENTICATE
        try:
            bound = signature.bind_call(args, {})
        except BindError as exc:
            raise python_error("TypeError", str(exc)) from None
        self._check_database(bound["db"])
        uid = self.credentials.login_user(bound["login"], bound["password"])
        return uid if uid is not None else False

    def _db(self, method: Any, args: list[Any]) -> Any:
        if method == "list":
            return [self.credentials.database]
        if method == "server_version":
            return VERSION
        raise python_error("KeyError", repr(f"exp_{method}"), f"exp_{method}")

    def _object(self, method: Any, args: list[Any]) -> Any:
        if len(args) < 3:
            raise python_error("IndexError", "list index out of range")
        database, raw_uid, password = args[0], args[1], args[2]
        uid = _as_uid(raw_uid)
        self._check_database(database)
        if not isinstance(password, str) or self.credentials.key_user(password) != uid:
            raise AccessDenied()
        if method == "execute_kw":
            try:
                call = _EXECUTE_KW.bind_call(args[3:], {})
            except BindError as exc:
                raise python_error("TypeError", str(exc)) from None
            return self._execute(uid, call["obj"], call["method"], call["args"], call["kw"])
        if method == "execute":
            if len(args) < 5:
                raise python_error(
                    "TypeError", "execute() missing required positional arguments: 'obj' and 'method'"
                )
            return self._execute(uid, args[3], args[4], list(args[5:]), None)
        raise python_error("NameError", f"Method not available {method}")

    def _check_database(self, database: Any) -> None:
        if database != self.credentials.database:
            raise OdooError(
                f'connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  '
                f'database "{database}" does not exist\n',
                name="psycopg2.OperationalError",
            )

    def _execute(self, uid: int, model: Any, name: Any, args: Any, kwargs: Any) -> Any:
        spec = self.store.registry.get(model) if isinstance(model, str) else None
        if spec is None:
            raise UserError(f"Object {model} doesn't exist")
        if not isinstance(name, str):
            raise python_error("TypeError", "attribute name must be string")
        try:
            method = public_method(spec, name)
        except MethodNotFound as exc:
            raise python_error("AttributeError", str(exc)) from None
        if not isinstance(args, list):
            raise python_error("TypeError", f"Value after * must be an iterable, not {type(args).__name__}")
        if kwargs is None:
            kwargs = {}
        if not isinstance(kwargs, Mapping):
            raise python_error(
                "TypeError", f"argument after ** must be a mapping, not {type(kwargs).__name__}"
            )
        kwargs = dict(kwargs)
        env = execution.environment(self.store, uid, kwargs.pop("context", None))
        ids: list[int] = []
        if not method.api_model:
            if not args:
                raise python_error("IndexError", "list index out of range")
            ids, args = execution.record_ids(args[0]), args[1:]
        try:
            bound = method.signature.bind_call(args, kwargs)
        except BindError as exc:
            raise python_error("TypeError", str(exc)) from None
        result = execution.run(env, spec, method, ids, bound)
        if method.create and isinstance(bound.get("vals_list"), Mapping) and isinstance(result, list):
            # execute_kw's create answers the new id itself when given one dict, a list for a list.
            return result[0]
        return result


def _as_uid(value: Any) -> int:
    # Odoo does int(params[1]): strings of digits pass, anything else fails the Python way.
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            raise python_error("ValueError", f"invalid literal for int() with base 10: {value!r}") from None
    raise python_error(
        "TypeError",
        f"int() argument must be a string, a bytes-like object or a real number, not '{type(value).__name__}'",
    )


__all__ = ["ERROR_CODE", "JsonRpcApi"]
