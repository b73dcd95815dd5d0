"""Serves invoice PDFs from the ERP to the holders of the links `ErpInvoice.downloadUrl` hands out.

The route needs no token: the link is its own proof (`gateway.invoice_links`), checked before
the ERP is asked anything. A refused link is 403, an invoice the ERP does not have 404, an ERP
that cannot answer 503 (502 when it answered something unusable); errors are JSON that names the
backend and its error code, never its address or its messages. The file is served for download,
kept by no cache (a shared one must never hand one customer's invoice to another).
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from gateway.backends.http.errors import (
    BackendError,
    BackendRateLimited,
    BackendRequestError,
    BackendTimeout,
    BackendUnavailable,
)
from gateway.invoice_links import PATH_PREFIX, PATH_SUFFIX, InvalidLink

INVOICE_PATH = PATH_PREFIX + "{token}" + PATH_SUFFIX
"""The route (`/invoices/{token}.pdf`); the links are made in `gateway.invoice_links`."""
FILE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
}
_UNSAFE_IN_NAME = re.compile(r"[^A-Za-z0-9._-]")


def file_name(number: str) -> str:
    """The download's file name: the invoice number with `/` and the like as `_`, as Odoo names it."""
    return _UNSAFE_IN_NAME.sub("_", number) + ".pdf"


def _error(status: int, message: str, **extra: str) -> JSONResponse:
    return JSONResponse(
        {"error": message, **extra}, status_code=status, headers={"Cache-Control": "no-store"}
    )


def backend_error_response(exc: BackendError) -> JSONResponse:
    """The answer for an ERP that failed to serve the file: what failed and where, never its message."""
    extra = {"code": exc.code, "service": exc.service}
    if isinstance(exc, BackendRequestError) and exc.status == 404:
        return _error(404, "the ERP has no such invoice", **extra)
    if isinstance(exc, BackendUnavailable | BackendTimeout | BackendRateLimited):
        return _error(503, "the ERP is unavailable; try again shortly", **extra)
    return _error(502, "the ERP did not serve the invoice", **extra)


def invoice_endpoint(services: Callable[[], Any]) -> Callable[[Request], Awaitable[Response]]:
    async def invoice(request: Request) -> Response:
        running = services()
        try:
            grant = running.invoice_links.verify(request.path_params["token"])
        except InvalidLink as refused:
            return _error(403, f"this download link is not valid: {refused.reason}", code="INVALID_LINK")
        orders = running.orders
        if orders is None:
            return _error(404, "no ERP is configured")
        try:
            pdf = await orders.invoice_pdf(grant.invoice_id)
        except BackendError as exc:
            return backend_error_response(exc)
        disposition = f'attachment; filename="{file_name(grant.number)}"'
        return Response(
            pdf, media_type="application/pdf", headers={**FILE_HEADERS, "Content-Disposition": disposition}
        )

    return invoice


__all__ = ["INVOICE_PATH", "backend_error_response", "file_name", "invoice_endpoint"]
