"""Backend calls are the difference of two counter readings, divided by operations."""

from __future__ import annotations

from bench.control import calls_between, per_operation


def test_calls_between_readings_leave_untouched_paths_out() -> None:
    before = {"shopify": {"POST /graphql.json": 10}, "odoo": {"POST /json/2/stock.quant/search_read": 4}}
    after = {
        "shopify": {"POST /graphql.json": 30},
        "odoo": {"POST /json/2/stock.quant/search_read": 4, "POST /json/2/stock.warehouse/search_read": 1},
        "hubspot": {},
    }

    calls = calls_between(before, after)

    assert calls == {
        "shopify": {"POST /graphql.json": 20},
        "odoo": {"POST /json/2/stock.warehouse/search_read": 1},
        "hubspot": {},
    }


def test_per_operation_sums_paths_and_lists_every_vendor() -> None:
    calls = {"shopify": {"POST /a": 20, "POST /b": 20}, "akeneo": {"GET /p": 20}, "hubspot": {}}

    assert per_operation(calls, 20) == {"shopify": 2.0, "akeneo": 1.0, "hubspot": 0.0}
    assert per_operation(calls, 0) == {"shopify": 0.0, "akeneo": 0.0, "hubspot": 0.0}
