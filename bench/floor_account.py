"""How the floor's account page puts the CRM's, the chat's and the ERP's records into Shopify's answer.

Written by hand for the fields the page shows, as a developer would, from the vendors' own JSON:
HubSpot's contact properties (email consent is recorded as an opt-out), Intercom's conversations
(most recently updated first; unread when support wrote last; the opening message as plain text),
and Odoo's sale orders, outgoing transfers and posted customer invoices per Shopify order name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html.parser import HTMLParser
from typing import Any

Row = Mapping[str, Any]

PROFILE_PROPERTIES = ["email", "lifecyclestage", "loyalty_tier", "loyalty_points"]
"""What `profile { lifecycleStage loyalty { tier points } }` is read from; `email` matches the answer."""
CONSENT_PROPERTIES = {"EMAIL": "hs_email_optout", "SMS": "sms_consent", "ANALYTICS": "analytics_consent"}
"""`consents { channel granted }`: one property per channel; email's says no when true."""
SALE_ORDER_FIELDS = ["name", "client_order_ref", "state"]
"""`name` is what the invoices name as their origin."""
PICKING_FIELDS = ["sale_id", "state", "carrier_id", "carrier_tracking_ref"]
INVOICE_FIELDS = ["name", "invoice_origin", "state", "amount_total", "currency_id"]
CONVERSATIONS_SHOWN = 5
PREVIEW_CHARS = 140
"""About two lines of a conversation list."""


def profile_of(contact: Row | None) -> dict[str, Any] | None:
    """`profile { lifecycleStage loyalty { tier points } consents { channel granted } }`; null for no contact."""
    if contact is None:
        return None
    properties = contact["properties"]
    tier = properties.get("loyalty_tier") or None
    points_text = properties.get("loyalty_points") or None
    try:
        points = int(float(points_text)) if points_text else None
    except ValueError:
        points = None
    consents = []
    for channel, name in CONSENT_PROPERTIES.items():
        value = properties.get(name)
        if value in ("true", "false"):
            said_yes = value == "true"
            consents.append({"channel": channel, "granted": not said_yes if channel == "EMAIL" else said_yes})
    return {
        "lifecycleStage": properties.get("lifecyclestage") or None,
        "loyalty": {"tier": tier, "points": points} if tier is not None or points is not None else None,
        "consents": consents,
    }


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "br", "div", "li"):
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def preview(body: str | None) -> str | None:
    """An Intercom body (HTML) as plain text, cut at a word near `PREVIEW_CHARS` with an ellipsis."""
    if not body:
        return None
    parser = _Text()
    parser.feed(body)
    parser.close()
    text = " ".join("".join(parser.parts).split())
    if len(text) <= PREVIEW_CHARS:
        return text or None
    cut = text[:PREVIEW_CHARS].rsplit(" ", 1)[0] or text[:PREVIEW_CHARS]
    return f"{cut}…"


def _unread(conversation: Row) -> bool:
    statistics = conversation.get("statistics") or {}
    agent = statistics.get("last_admin_reply_at")
    customer = statistics.get("last_contact_reply_at") or conversation["created_at"]
    return agent is not None and agent > customer


def conversations_of(conversations: Sequence[Row]) -> dict[str, Any]:
    """`conversations(first: 5) { nodes { id state unread preview } }`, most recently updated first."""
    latest = sorted(conversations, key=lambda c: (-c["updated_at"], c["id"]))[:CONVERSATIONS_SHOWN]
    return {
        "nodes": [
            {
                "id": c["id"],
                "state": str(c["state"]).upper(),
                "unread": _unread(c),
                "preview": preview((c.get("source") or {}).get("body")),
            }
            for c in latest
        ]
    }


def fulfilments_of(sale_orders: Sequence[Row], pickings: Sequence[Row]) -> dict[str, dict[str, Any]]:
    """`fulfilment { state deliveries { carrier trackingNumber state } }` per order name: the newest
    sale order's state, the deliveries of all of them oldest first."""
    deliveries: dict[int, list[dict[str, Any]]] = {}
    for picking in sorted(pickings, key=lambda p: p["id"]):
        if picking["sale_id"]:
            deliveries.setdefault(picking["sale_id"][0], []).append(
                {
                    "carrier": picking["carrier_id"][1] if picking["carrier_id"] else None,
                    "trackingNumber": picking["carrier_tracking_ref"] or None,
                    "state": picking["state"],
                }
            )
    found: dict[str, dict[str, Any]] = {}
    for order in sorted(sale_orders, key=lambda o: o["id"]):
        earlier = found.get(order["client_order_ref"], {}).get("deliveries", [])
        found[order["client_order_ref"]] = {
            "state": order["state"],
            "deliveries": [*earlier, *deliveries.get(order["id"], [])],
        }
    return found


def invoices_of(sale_orders: Sequence[Row], invoices: Sequence[Row]) -> dict[str, list[dict[str, Any]]]:
    """`invoices { number state amountTotal currencyCode }` per order name, oldest first; numbered ones only."""
    names_of: dict[str, set[str]] = {}
    for order in sale_orders:
        names_of.setdefault(order["name"], set()).add(order["client_order_ref"])
    found: dict[str, list[dict[str, Any]]] = {name: [] for names in names_of.values() for name in names}
    for invoice in sorted(invoices, key=lambda i: i["id"]):
        if not invoice["name"] or invoice["name"] == "/":
            continue
        shown = {
            "number": invoice["name"],
            "state": invoice["state"],
            # Odoo's JSON number as written: the amount a Decimal field shows.
            "amountTotal": str(invoice["amount_total"]),
            "currencyCode": invoice["currency_id"][1],
        }
        for name in names_of.get(invoice["invoice_origin"] or "", ()):
            found[name].append(shown)
    return found


__all__ = [
    "CONSENT_PROPERTIES",
    "INVOICE_FIELDS",
    "PICKING_FIELDS",
    "PROFILE_PROPERTIES",
    "SALE_ORDER_FIELDS",
    "conversations_of",
    "fulfilments_of",
    "invoices_of",
    "preview",
    "profile_of",
]
