"""Invoice PDFs from Odoo's report route: the emulator's file, and the answers that are refused.

The PDF comes through the same `BackendClient` as the JSON-2 calls (its breaker, deadline and
size cap); what is not a PDF, scripted on the loopback upstream, is a bad answer.
"""

from __future__ import annotations

import pytest

from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendRequestError,
    BackendUnavailable,
)
from gateway.backends.odoo.orders import OdooOrders
from sandbox.runner import Sandbox
from tests.backends.http.conftest import Upstream
from tests.harness import sandbox_stats, set_faults
from tests.pdf_files import read_pdf

from .conftest import LOOPBACK_API_KEY, LOOPBACK_DATABASE, OrdersFactory

MINIMAL_PDF = b"%PDF-1.4\n%%EOF\n"


def _first_invoice(emulator: Sandbox) -> tuple[int, str]:
    order = next(o for o in emulator.world.orders if o.erp.invoice_id is not None)
    assert order.erp.invoice_id is not None
    return order.erp.invoice_id, order.erp.invoice_name or ""


async def test_an_invoice_s_pdf_is_one_get_on_the_report_route(emulator: Sandbox, orders: OdooOrders) -> None:
    # given
    invoice_id, number = _first_invoice(emulator)

    # when
    pdf = await orders.invoice_pdf(invoice_id)

    # then
    assert f"Invoice {number}" in read_pdf(pdf).text
    requests = (await sandbox_stats(emulator))["odoo"]["requests"]
    assert requests == {f"GET /report/pdf/account.report_invoice/{invoice_id}": 1}


async def test_an_unknown_invoice_is_refused_with_odoo_s_404(orders: OdooOrders) -> None:
    with pytest.raises(BackendRequestError) as refused:
        await orders.invoice_pdf(987654)
    assert refused.value.status == 404


async def test_a_revoked_key_is_an_auth_error(emulator: Sandbox, make_orders: OrdersFactory) -> None:
    config = emulator.backends_config()["odoo"]
    orders = await make_orders(emulator.urls["odoo"], database=config["database"], api_key="0" * 40)

    with pytest.raises(BackendAuthError) as refused:
        await orders.invoice_pdf(_first_invoice(emulator)[0])
    assert refused.value.status == 401


async def test_an_odoo_outage_is_unavailable(emulator: Sandbox, orders: OdooOrders) -> None:
    await set_faults(emulator, "odoo", down=True)

    with pytest.raises(BackendUnavailable):
        await orders.invoice_pdf(_first_invoice(emulator)[0])


async def test_the_call_sends_the_key_and_database_and_asks_for_a_pdf(
    upstream: Upstream, make_orders: OrdersFactory
) -> None:
    orders = await make_orders(upstream.url)
    upstream.script(Upstream.raw(MINIMAL_PDF, content_type="application/pdf"))

    assert await orders.invoice_pdf(7) == MINIMAL_PDF

    [hit] = upstream.hits
    assert (hit.method, hit.path) == ("GET", "/report/pdf/account.report_invoice/7")
    assert hit.headers["Authorization"] == f"bearer {LOOPBACK_API_KEY}"
    assert hit.headers["X-Odoo-Database"] == LOOPBACK_DATABASE
    assert hit.headers["Accept"] == "application/pdf"


@pytest.mark.parametrize(
    ("body", "content_type", "message"),
    [
        (b"<html><form action='/web/login'>", "text/html", "expected application/pdf, got text/html"),
        (b'{"result": "nope"}', "application/json", "expected application/pdf, got application/json"),
        (b"<html>not a pdf</html>", "application/pdf", "the body is no PDF file"),
    ],
)
async def test_an_answer_that_is_no_pdf_is_a_bad_response(
    upstream: Upstream, make_orders: OrdersFactory, body: bytes, content_type: str, message: str
) -> None:
    orders = await make_orders(upstream.url)
    upstream.script(Upstream.raw(body, content_type=content_type))

    with pytest.raises(BackendBadResponse, match=message):
        await orders.invoice_pdf(7)


async def test_a_pdf_beyond_the_cap_is_refused_unread(upstream: Upstream, make_orders: OrdersFactory) -> None:
    orders = await make_orders(upstream.url)
    orders.max_pdf_bytes = 1024
    upstream.script(Upstream.raw(MINIMAL_PDF + b"0" * 4096, content_type="application/pdf"))

    with pytest.raises(BackendBadResponse, match="larger than the 1,024 bytes allowed"):
        await orders.invoice_pdf(7)
