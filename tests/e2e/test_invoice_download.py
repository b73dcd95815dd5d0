"""Invoice PDFs through the gateway: a signed-in customer's link serves their invoice, nothing else.

The links come from `Order.invoices.downloadUrl` on the orders Shopify returned for the customer's
own token; the file comes from the Odoo emulator's report route, through the gateway's connector.
"""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import orjson

from gateway.invoice_links import InvoiceLinks
from sandbox.runner import Sandbox
from sandbox.seed import Order, World
from tests.harness import Gateway, gateway_config, running_gateway, set_faults
from tests.pdf_files import read_pdf

INVOICES = """query($token: String!) {
  customer(customerAccessToken: $token) {
    orders(first: 20) { nodes { name invoices { number downloadUrl } } }
  }
}"""
SECRET = "a-signing-secret-of-the-test-suite-0123456789"


def _invoiced_customers(world: World) -> list[tuple[str, list[Order]]]:
    by_email: dict[str, list[Order]] = {}
    for order in world.orders:
        if order.erp.invoice_id is not None:
            by_email.setdefault(order.email, []).append(order)
    return sorted(by_email.items())


async def _links(gateway: Gateway, email: str) -> dict[str, str]:
    """Invoice number to download path, for every invoice of the customer's orders."""
    token = await gateway.sign_in(email)
    data = await gateway.data(INVOICES, {"token": token})
    return {
        invoice["number"]: invoice["downloadUrl"]
        for order in data["customer"]["orders"]["nodes"]
        for invoice in order["invoices"]
    }


async def _get(gateway: Gateway, path: str) -> tuple[int, dict[str, str], bytes]:
    async with gateway.http.get(gateway.url + path) as response:
        return response.status, dict(response.headers), await response.read()


def _json(body: bytes) -> Any:
    return orjson.loads(body)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


async def test_a_customer_downloads_their_invoice_as_a_valid_pdf(gateway: Gateway, world: World) -> None:
    # given
    email, orders = _invoiced_customers(world)[0]
    links = await _links(gateway, email)
    number = orders[0].erp.invoice_name
    assert number is not None
    assert set(links) == {order.erp.invoice_name for order in orders}

    # when
    status, headers, body = await _get(gateway, links[number])

    # then
    assert status == 200
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == f'attachment; filename="{number.replace("/", "_")}.pdf"'
    assert headers["Cache-Control"] == "private, no-store"
    assert f"Invoice {number}" in read_pdf(body).text


async def test_another_customer_never_gets_a_link_to_it_nor_makes_one(gateway: Gateway, world: World) -> None:
    # given
    (email_a, orders_a), (email_b, _) = _invoiced_customers(world)[:2]
    links_a, links_b = await _links(gateway, email_a), await _links(gateway, email_b)
    theirs = orders_a[0].erp

    # then: B's orders carry none of A's invoices
    assert not set(links_a) & set(links_b)

    # and B's own link, with A's invoice id put in, is refused
    token = next(iter(links_b.values())).removeprefix("/invoices/").removesuffix(".pdf")
    payload, signature = token.split(".")
    _, order_name, number, expires = orjson.loads(_unb64(payload))
    forged = _b64(orjson.dumps([theirs.invoice_id, order_name, number, expires]))
    status, headers, body = await _get(gateway, f"/invoices/{forged}.{signature}.pdf")
    assert status == 403
    assert headers["Cache-Control"] == "no-store"
    assert _json(body) == {
        "error": "this download link is not valid: the link's signature does not match",
        "code": "INVALID_LINK",
    }


async def test_a_tampered_signature_is_refused(gateway: Gateway, world: World) -> None:
    email, _ = _invoiced_customers(world)[0]
    path = next(iter((await _links(gateway, email)).values()))
    token = path.removeprefix("/invoices/").removesuffix(".pdf")
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")

    status, _, body = await _get(gateway, f"/invoices/{flipped}.pdf")

    assert status == 403
    assert _json(body)["code"] == "INVALID_LINK"


async def test_an_expired_link_is_refused(clean_sandbox: Sandbox, world: World) -> None:
    config = gateway_config(clean_sandbox, server={"download_link_ttl_s": 1})
    async with running_gateway(config) as gateway:
        email, _ = _invoiced_customers(world)[0]
        path = next(iter((await _links(gateway, email)).values()))
        await asyncio.sleep(1.1)

        status, _, body = await _get(gateway, path)

    assert status == 403
    assert _json(body)["error"] == "this download link is not valid: the link has expired"


async def test_a_link_from_the_configured_secret_works_on_another_replica_and_404s_without_an_invoice(
    clean_sandbox: Sandbox, world: World
) -> None:
    # given: two replicas with one secret
    config = gateway_config(clean_sandbox, server={"signing_secret": SECRET})
    email, _ = _invoiced_customers(world)[0]
    async with running_gateway(config) as first:
        number, path = next(iter((await _links(first, email)).items()))
    unknown = InvoiceLinks(SECRET.encode(), ttl_s=60).path(invoice_id=987654, order_name="#1", number="INV/0")

    async with running_gateway(config) as second:
        # when
        ok, _, body = await _get(second, path)
        missing, _, error = await _get(second, unknown)

    # then
    assert ok == 200
    assert f"Invoice {number}" in read_pdf(body).text
    assert missing == 404
    assert _json(error) == {
        "error": "the ERP has no such invoice",
        "code": "BACKEND_REQUEST_REFUSED",
        "service": "odoo",
    }


async def test_an_odoo_outage_is_503_naming_the_erp(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    email, _ = _invoiced_customers(world)[0]
    path = next(iter((await _links(gateway, email)).values()))
    await set_faults(clean_sandbox, "odoo", down=True)

    status, headers, body = await _get(gateway, path)

    assert status == 503
    assert headers["Cache-Control"] == "no-store"
    assert _json(body) == {
        "error": "the ERP is unavailable; try again shortly",
        "code": "BACKEND_UNAVAILABLE",
        "service": "odoo",
    }
