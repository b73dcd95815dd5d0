"""Find the vendor's own short explanation in an error response, whatever the vendor's shape.

HubSpot, Akeneo and Odoo say `{"message": ...}`; Intercom `{"errors": [{"code", "message"}]}`;
Shopify `{"errors": "..."}` or a GraphQL error list; OAuth servers `{"error", "error_description"}`.
A connector whose vendor does something else overrides `BackendClient.vendor_message`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gateway.backends.http.response import BackendResponse

# Keys tried in order; an OAuth `error_description` says more than its `error` code.
MESSAGE_KEYS = ("message", "error_description", "error", "errors", "detail", "title")
# Nested shapes ({"error": {"message": ...}}, {"errors": [{"message": ...}]}) are followed this deep.
MAX_DEPTH = 3
# A plain-text error body longer than this is a page, not a message.
PLAIN_TEXT_MAX_BYTES = 500


def vendor_message(response: BackendResponse) -> str | None:
    """The first message-like string in an error body, or None (HTML pages and dumps say nothing)."""
    if response.content_type == "text/plain" and len(response.body) <= PLAIN_TEXT_MAX_BYTES:
        text = response.body.decode("utf-8", "replace").strip()
        return text or None
    try:
        data: Any = response.json()
    except Exception:  # any unparseable body: there is no message to quote
        return None
    for _ in range(MAX_DEPTH):
        if isinstance(data, list):
            data = data[0] if data else None
        if isinstance(data, str):
            return data.strip() or None
        if not isinstance(data, dict):
            return None
        data = next((data[key] for key in MESSAGE_KEYS if data.get(key)), None)
    return data.strip() or None if isinstance(data, str) else None


__all__ = ["MAX_DEPTH", "MESSAGE_KEYS", "PLAIN_TEXT_MAX_BYTES", "vendor_message"]
