"""Odoo's report controller: a report rendered to PDF for records, `GET /report/pdf/<report>/<ids>`.

The answer is the file's bytes, not JSON; what is not a PDF (a login page a proxy or a
misconfigured key sent back, an HTML error with status 200) is refused, never passed on.

Odoo declares this route `auth='user'`, which reads a login session: a stock Odoo answers an API
key there with its login page, which this refuses as not a PDF. It is the route that renders any
issued invoice (a stored attachment exists only once the invoice was sent); a deployment on stock
Odoo must either expose it to API keys (a small module setting `auth='bearer'`) or read the sent
invoice's attachment instead. The sandbox accepts the key, as such a module would.
"""

from __future__ import annotations

from gateway.backends.http.client import BackendClient

PDF_TYPE = "application/pdf"
PDF_MAGIC = b"%PDF-"
"""How every PDF file begins (its header)."""


class Reports:
    """PDF reports on one database with one API key.

    ```python
    reports = Reports(client, database="northwind", api_key=key)
    pdf = await reports.pdf("account.report_invoice", 42, max_bytes=10_000_000)
    ```
    """

    def __init__(self, client: BackendClient, *, database: str, api_key: str) -> None:
        self.client = client
        self._headers = {"Authorization": f"bearer {api_key}", "X-Odoo-Database": database}

    async def pdf(self, report: str, record_id: int, *, max_bytes: int) -> bytes:
        """The report `report` of record `record_id` as PDF bytes (`BackendBadResponse` if not a PDF)."""
        response = await self.client.request(
            "GET",
            f"/report/pdf/{report}/{int(record_id)}",
            headers={**self._headers, "Accept": PDF_TYPE},
            idempotent=True,
            max_bytes=max_bytes,
        )
        if response.content_type != PDF_TYPE:
            raise response.bad_shape(f"expected {PDF_TYPE}, got {response.content_type or 'no content type'}")
        if not response.body.startswith(PDF_MAGIC):
            raise response.bad_shape(f"declared {PDF_TYPE}, but the body is no PDF file")
        return response.body


__all__ = ["PDF_MAGIC", "PDF_TYPE", "Reports"]
