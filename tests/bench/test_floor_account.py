"""The floor's account page reads the vendors' JSON as the page shows it: HubSpot's consents (email's
an opt-out), Intercom's latest conversations, Odoo's deliveries and numbered invoices per order."""

from __future__ import annotations

from typing import Any

from bench.floor_account import (
    PREVIEW_CHARS,
    conversations_of,
    fulfilments_of,
    invoices_of,
    preview,
    profile_of,
)


def _contact(**properties: str | None) -> dict[str, Any]:
    return {"id": "1", "properties": {"email": "ada@example.com", **properties}}


def test_a_profile_reads_email_consent_the_other_way_round_and_skips_channels_never_answered() -> None:
    contact = _contact(
        lifecyclestage="customer",
        loyalty_tier="gold",
        loyalty_points="6200",
        hs_email_optout="true",
        sms_consent="true",
        analytics_consent=None,
    )

    assert profile_of(contact) == {
        "lifecycleStage": "customer",
        "loyalty": {"tier": "gold", "points": 6200},
        "consents": [{"channel": "EMAIL", "granted": False}, {"channel": "SMS", "granted": True}],
    }


def test_no_contact_is_no_profile_and_no_loyalty_figure_is_no_loyalty() -> None:
    assert profile_of(None) is None
    assert profile_of(_contact(lifecyclestage="", loyalty_points="")) == {
        "lifecycleStage": None,
        "loyalty": None,
        "consents": [],
    }


def _conversation(
    n: int, *, updated: int, agent: int | None = None, body: str = "<p>Hi</p>"
) -> dict[str, Any]:
    statistics = {"last_admin_reply_at": agent, "last_contact_reply_at": 100}
    return {
        "id": str(n),
        "state": "open",
        "created_at": 50,
        "updated_at": updated,
        "statistics": statistics,
        "source": {"body": body},
    }


def test_the_five_latest_conversations_are_shown_unread_when_support_wrote_last() -> None:
    listed = [_conversation(n, updated=1000 + n, agent=200 if n % 2 else 90) for n in range(7)]

    shown = conversations_of(listed)["nodes"]

    assert [node["id"] for node in shown] == ["6", "5", "4", "3", "2"]
    assert [node["unread"] for node in shown] == [False, True, False, True, False]
    assert {node["state"] for node in shown} == {"OPEN"}
    assert shown[0]["preview"] == "Hi"
    assert conversations_of([]) == {"nodes": []}


def test_a_preview_is_the_text_of_the_html_cut_at_a_word() -> None:
    words = "<p>" + " ".join(["parcel"] * 40) + "</p>"

    cut = preview(words)

    assert preview("<p>Where is<br>my <b>order</b>?</p>") == "Where is my order?"
    assert cut is not None
    assert cut.endswith("parcel…")
    assert len(cut) <= PREVIEW_CHARS + 1
    assert preview("") is None


def test_fulfilment_takes_the_newest_sale_order_s_state_and_every_delivery_oldest_first() -> None:
    sale_orders = [
        {"id": 2, "name": "S2", "client_order_ref": "#1001", "state": "sale"},
        {"id": 1, "name": "S1", "client_order_ref": "#1001", "state": "cancel"},
        {"id": 3, "name": "S3", "client_order_ref": "#1002", "state": "draft"},
    ]
    pickings = [
        {
            "id": 11,
            "sale_id": [2, "S2"],
            "state": "assigned",
            "carrier_id": False,
            "carrier_tracking_ref": False,
        },
        {
            "id": 10,
            "sale_id": [1, "S1"],
            "state": "done",
            "carrier_id": [4, "DHL"],
            "carrier_tracking_ref": "T1",
        },
    ]

    found = fulfilments_of(sale_orders, pickings)

    assert found == {
        "#1001": {
            "state": "sale",
            "deliveries": [
                {"carrier": "DHL", "trackingNumber": "T1", "state": "done"},
                {"carrier": None, "trackingNumber": None, "state": "assigned"},
            ],
        },
        "#1002": {"state": "draft", "deliveries": []},
    }


def test_invoices_are_the_numbered_ones_of_each_order_and_none_is_an_empty_list() -> None:
    sale_orders = [
        {"id": 1, "name": "S1", "client_order_ref": "#1001", "state": "sale"},
        {"id": 2, "name": "S2", "client_order_ref": "#1002", "state": "sale"},
    ]
    invoices = [
        {
            "id": 6,
            "name": "/",
            "invoice_origin": "S1",
            "state": "posted",
            "amount_total": 5.0,
            "currency_id": [1, "EUR"],
        },
        {
            "id": 5,
            "name": "INV/1",
            "invoice_origin": "S1",
            "state": "posted",
            "amount_total": 129.9,
            "currency_id": [1, "EUR"],
        },
    ]

    assert invoices_of(sale_orders, invoices) == {
        "#1001": [{"number": "INV/1", "state": "posted", "amountTotal": "129.9", "currencyCode": "EUR"}],
        "#1002": [],
    }
