"""Odoo's exceptions and how Odoo 19 serializes them on the wire.

Every error the emulator raises is an `OdooError` carrying what Odoo's `serialize_exception` puts
in a response: the exception's qualified class name (`odoo.exceptions.UserError`,
`werkzeug.exceptions.NotFound`, `builtins.ValueError`), its message and arguments, an empty
context and a `debug` text. JSON-2 answers with the body and the exception's HTTP status
(`UserError` 422, `AccessError` 403, `MissingError` 404, werkzeug's own codes, 500 for the rest);
JSON-RPC wraps the same body in its envelope. The `debug` text has the shape of an Odoo server
traceback (made-up Odoo frames, never the emulator's own stack).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

log = logging.getLogger("sandbox.odoo")

_ODOO = "/usr/lib/python3/dist-packages/odoo"
_FRAMES = (
    (
        f"{_ODOO}/http.py",
        2157,
        "_serve_db",
        "return service_model.retrying(self._serve_ir_http, env=self.env)",
    ),
    (f"{_ODOO}/service/model.py", 158, "retrying", "result = func()"),
    (f"{_ODOO}/http.py", 2204, "_serve_ir_http", "response = self.dispatcher.dispatch(rule.endpoint, args)"),
    (f"{_ODOO}/http.py", 2447, "dispatch", "result = self.request.registry['ir.http']._dispatch(endpoint)"),
    (f"{_ODOO}/addons/base/models/ir_http.py", 338, "_dispatch", "result = endpoint(**request.params)"),
)

HTTP_REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


def odoo_traceback(last_line: str, *, frames: bool = True) -> str:
    """A `debug` text shaped like Odoo's: a server-side traceback ending with the exception line."""
    if not frames:
        return last_line + "\n"
    lines = ["Traceback (most recent call last):"]
    for path, line, function, code in _FRAMES:
        lines.append(f'  File "{path}", line {line}, in {function}')
        lines.append(f"    {code}")
    lines.append(last_line)
    return "\n".join(lines) + "\n"


class OdooError(Exception):
    """An exception answered with Odoo's error body (`name`, `message`, `arguments`, `context`, `debug`)."""

    name = "builtins.Exception"
    status = 500

    def __init__(
        self,
        message: str,
        *,
        arguments: tuple[Any, ...] | None = None,
        name: str | None = None,
        status: int | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.arguments = arguments if arguments is not None else (message,)
        if name is not None:
            self.name = name
        if status is not None:
            self.status = status
        self.headers = dict(headers or {})

    def last_line(self) -> str:
        """The final line of the traceback, as Python prints the exception."""
        short = self.name.removeprefix("builtins.")
        return f"{short}: {self.message}"

    def debug(self) -> str:
        return odoo_traceback(self.last_line())

    def body(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "message": self.message,
            "arguments": list(self.arguments),
            "context": {},
            "debug": self.debug(),
        }


class UserError(OdooError):
    """`odoo.exceptions.UserError`: a business rule refused the call (422)."""

    name = "odoo.exceptions.UserError"
    status = 422


class ValidationError(UserError):
    """`odoo.exceptions.ValidationError`: a constraint refused the values (422)."""

    name = "odoo.exceptions.ValidationError"


class AccessError(UserError):
    """`odoo.exceptions.AccessError`: the user lacks the right (403)."""

    name = "odoo.exceptions.AccessError"
    status = 403


class MissingError(UserError):
    """`odoo.exceptions.MissingError`: the records do not exist (404)."""

    name = "odoo.exceptions.MissingError"
    status = 404


class AccessDenied(UserError):
    """Bad credentials; Odoo strips its traceback so nothing leaks about the login attempt."""

    name = "odoo.exceptions.AccessDenied"
    status = 403

    def __init__(self, message: str = "Access Denied") -> None:
        super().__init__(message)

    def debug(self) -> str:
        return odoo_traceback(self.last_line(), frames=False)


class HttpError(OdooError):
    """A `werkzeug.exceptions.HTTPException`: its description is the message, `(description, code)` the arguments."""

    def __init__(self, status: int, description: str, *, headers: Mapping[str, str] | None = None) -> None:
        reason = HTTP_REASONS.get(status, "Error")
        super().__init__(
            description,
            arguments=(description, status),
            name=f"werkzeug.exceptions.{reason.replace(' ', '')}",
            status=status,
            headers=headers,
        )
        self.reason = reason

    def last_line(self) -> str:
        return f"{self.name}: {self.status} {self.reason}: {self.message}"


def python_error(kind: str, message: str, *arguments: Any) -> OdooError:
    """A builtin Python exception raised inside Odoo (`ValueError`, `TypeError`, `KeyError`...): a 500."""
    return OdooError(message, arguments=arguments or (message,), name=f"builtins.{kind}", status=500)


def unexpected(exc: Exception) -> OdooError:
    """A Python exception the emulator did not anticipate, reported as Odoo reports one from its own code.

    The real traceback goes to the log for whoever debugs the emulator, never into the response.
    """
    log.warning("Odoo sandbox: unanticipated %s answered as a server error", type(exc).__name__, exc_info=exc)
    return python_error(type(exc).__name__, str(exc))


def unauthorized(description: str) -> HttpError:
    return HttpError(401, description, headers={"WWW-Authenticate": "Bearer"})


__all__ = [
    "HTTP_REASONS",
    "AccessDenied",
    "AccessError",
    "HttpError",
    "MissingError",
    "OdooError",
    "UserError",
    "ValidationError",
    "odoo_traceback",
    "python_error",
    "unauthorized",
    "unexpected",
]
