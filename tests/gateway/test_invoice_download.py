"""The invoice route's answers for each way the ERP fails, and the download's file name.

The whole route runs end to end in tests/e2e/test_invoice_download.py; these are the mappings it
cannot reach through the emulator's faults.
"""

from __future__ import annotations

import orjson
import pytest

from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendError,
    BackendRateLimited,
    BackendRequestError,
    BackendTimeout,
    BackendUnavailable,
)
from gateway.config import ServerSection
from gateway.invoice_download import backend_error_response, file_name


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (BackendRequestError("odoo", "refused (404)", status=404), 404),
        (BackendUnavailable("odoo", "server error (503)", status=503), 503),
        (BackendTimeout("odoo", "no answer within 2s"), 503),
        (BackendRateLimited("odoo", "rate limited (429)"), 503),
        (BackendBadResponse("odoo", "expected application/pdf, got text/html"), 502),
        (BackendAuthError("odoo", "credentials refused (401)", status=401), 502),
        (BackendRequestError("odoo", "refused (422)", status=422), 502),
    ],
)
def test_each_erp_failure_has_its_status_and_names_the_erp(error: BackendError, status: int) -> None:
    response = backend_error_response(error)

    assert response.status_code == status
    body = orjson.loads(response.body)
    assert (body["code"], body["service"]) == (error.code, "odoo")
    assert "odoo:" not in body["error"]  # the backend's own message (its paths) stays in the logs
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("number", "name"),
    [
        ("INV/2026/00042", "INV_2026_00042.pdf"),
        ('RINV/2026/"7"', "RINV_2026__7_.pdf"),
        ("FAC 2026\r\n1", "FAC_2026__1.pdf"),
    ],
)
def test_the_file_is_named_for_the_invoice_as_odoo_names_it(number: str, name: str) -> None:
    assert file_name(number) == name


def test_the_link_settings_default_to_a_quarter_hour_and_refuse_a_short_secret() -> None:
    assert ServerSection().download_link_ttl_s == 900
    assert ServerSection().signing_secret is None
    with pytest.raises(ValueError, match="at least 32"):
        ServerSection(signing_secret="too-short")
