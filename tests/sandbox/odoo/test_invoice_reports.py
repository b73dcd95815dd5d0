"""The invoice PDF on Odoo's report route: a valid file holding the invoice, and Odoo's refusals."""

from __future__ import annotations

import aiohttp

from sandbox.seed import World
from tests.pdf_files import read_pdf

from .odoo_client import OdooClient


def _invoiced(world: World) -> list[tuple[int, str]]:
    return [
        (o.erp.invoice_id, o.erp.invoice_name or "") for o in world.orders if o.erp.invoice_id is not None
    ]


async def test_an_invoice_s_pdf_is_a_valid_file_with_its_number_lines_and_totals(
    http: aiohttp.ClientSession, odoo: OdooClient, world: World
) -> None:
    # given
    invoice_id, number = _invoiced(world)[0]
    [row] = await odoo.ok(
        "account.move", "read", ids=[invoice_id], fields=["invoice_date", "amount_total", "invoice_origin"]
    )
    [order] = await odoo.ok(
        "sale.order", "search_read", domain=[["name", "=", row["invoice_origin"]]], fields=["order_line"]
    )
    lines = await odoo.ok("sale.order.line", "read", ids=order["order_line"], fields=["name"])

    # when
    async with http.get(f"/report/pdf/account.report_invoice/{invoice_id}", headers=odoo.headers) as response:
        status, content_type, body = response.status, response.content_type, await response.read()
        length = response.headers["Content-Length"]

    # then
    assert (status, content_type, int(length)) == (200, "application/pdf", len(body))
    assert "Content-Disposition" not in response.headers  # Odoo's report route sends none
    pdf = read_pdf(body)
    assert pdf.page_count == 1
    assert f"Invoice {number}" in pdf.text
    assert f"Invoice Date: {row['invoice_date']}" in pdf.text
    assert f"Total: {row['amount_total']:.2f} EUR" in pdf.text
    assert all(line["name"] in pdf.text for line in lines)


async def test_several_ids_make_one_file_a_page_each(
    http: aiohttp.ClientSession, odoo: OdooClient, world: World
) -> None:
    (first, one), (second, other) = _invoiced(world)[:2]

    async with http.get(
        f"/report/pdf/account.report_invoice/{first},{second}", headers=odoo.headers
    ) as response:
        pdf = read_pdf(await response.read())

    assert pdf.page_count == 2
    assert f"Invoice {one}" in pdf.text
    assert f"Invoice {other}" in pdf.text


async def test_an_unknown_invoice_is_werkzeug_s_404_page(
    http: aiohttp.ClientSession, odoo: OdooClient
) -> None:
    async with http.get("/report/pdf/account.report_invoice/987654", headers=odoo.headers) as response:
        assert (response.status, response.content_type) == (404, "text/html")
        assert "Not Found" in await response.text()


async def test_a_record_that_is_no_customer_invoice_is_not_found(
    http: aiohttp.ClientSession, odoo: OdooClient, world: World
) -> None:
    invoice_id, _ = _invoiced(world)[0]

    async with http.get(f"/report/pdf/stock.report_picking/{invoice_id}", headers=odoo.headers) as response:
        assert response.status == 404


async def test_a_wrong_or_missing_key_is_refused_401_as_bearer_auth_refuses(
    http: aiohttp.ClientSession, odoo: OdooClient, world: World
) -> None:
    invoice_id, _ = _invoiced(world)[0]
    path = f"/report/pdf/account.report_invoice/{invoice_id}"

    async with http.get(path, headers={"Authorization": "bearer " + "0" * 40}) as wrong:
        assert (wrong.status, wrong.headers["WWW-Authenticate"]) == (401, "bearer")
        assert "Invalid apikey" in await wrong.text()
    async with http.get(path) as missing:
        assert missing.status == 401
        assert "use an API Key" in await missing.text()
