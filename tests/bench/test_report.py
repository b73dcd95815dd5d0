"""The run's outputs: a JSON document, one quick line, tables, and targets judged from the numbers."""

from __future__ import annotations

import json

from bench.measurements import ScenarioResult
from bench.report import calls_tolerance, document, evaluate, markdown, quick_line, scenario_table

from .factories import run, scenario, side


def _healthy() -> list[ScenarioResult]:
    return [
        scenario(
            "listing_50",
            run(1, gateway=side(p50=60, p99=70), floor=side(p50=50, p99=60, gateway=False)),
            run(10, gateway=side(p50=55, p99=80), floor=side(p50=50, p99=60, gateway=False)),
        ),
        scenario(
            "listing_50_erp_down",
            run(10, gateway=side(p50=56, p99=90, errors=100), floor=side(gateway=False, errors=100)),
            degraded=True,
        ),
        scenario("listing_50_warm", run(10, gateway=side(p50=1, p99=3, throughput=2500.0)), cache="warm"),
    ]


def test_document_is_json_with_ratios_per_run() -> None:
    results = _healthy()

    doc = json.loads(json.dumps(document({"schema": 1}, results, evaluate(results, erp_timeout_s=5.0))))

    assert doc["schema"] == 1
    first = doc["scenarios"][0]
    assert first["name"] == "listing_50"
    assert [r["concurrency"] for r in first["runs"]] == [1, 10]
    assert first["runs"][1]["ratio_p50"] == 1.1
    assert first["runs"][1]["gateway"]["latency"]["p99_ms"] == 80
    assert first["runs"][1]["floor"]["gateway_cpu_ms_per_op"] is None
    assert {t["met"] for t in doc["targets"]} <= {True, False, None}


def test_quick_line_is_one_json_line_with_every_scenario() -> None:
    line = quick_line(_healthy())

    assert "\n" not in line
    summary = json.loads(line)["scenarios"]
    assert set(summary) == {"listing_50", "listing_50_erp_down", "listing_50_warm"}
    assert summary["listing_50"]["c"] == 10  # the highest concurrency measured
    assert summary["listing_50"]["x_p50"] == 1.1
    assert summary["listing_50"]["floor_ops_s"] == 10.0
    assert summary["listing_50"]["cpu_ms_per_op"] == 2.0  # the gateway's CPU, per scenario
    assert summary["listing_50"]["calls_per_op"] == {"shopify": 1.0, "akeneo": 1.0, "odoo": 1.0}


def test_targets_met_when_the_numbers_are_within_them() -> None:
    checks = {c.target.split(":")[0]: c for c in evaluate(_healthy(), erp_timeout_s=5.0)}

    assert checks["Listing of 50, uncached, c=10"].met is True
    assert next(c for name, c in checks.items() if name.startswith("One call")).met is True
    assert checks["Warm listing of 50"].met is True
    assert checks["ERP down"].met is True


def test_an_extra_call_per_operation_misses_the_one_call_per_level_target() -> None:
    # given: the gateway asks Shopify twice where the floor asks once
    results = [
        scenario(
            "listing_50",
            run(
                10,
                gateway=side(calls={"shopify": 2.0, "akeneo": 1.0, "odoo": 1.0}),
                floor=side(gateway=False),
            ),
        )
    ]

    # when
    checks = evaluate(results, erp_timeout_s=5.0)

    # then
    calls = next(c for c in checks if c.target.startswith("One call"))
    assert calls.met is False
    assert "listing_50 c=10 shopify 2.00 vs 1.00" in calls.measured
    assert next(c for c in checks if c.target.startswith("Warm")).met is None  # not measured


def test_slow_listings_and_a_slow_degraded_path_are_missed() -> None:
    results = [
        scenario(
            "listing_50", run(10, gateway=side(p50=90, p99=200), floor=side(p50=50, p99=60, gateway=False))
        ),
        scenario("listing_50_erp_down", run(10, gateway=side(p50=90, p99=6000)), degraded=True),
    ]

    verdicts = [(c.target, c.met) for c in evaluate(results, erp_timeout_s=5.0)]

    assert ("Listing of 50, uncached, c=10: p50 ≤ 1.2× the floor", False) in verdicts
    assert ("ERP down: p99 ≤ the ERP's timeout (5 s)", False) in verdicts


def test_readiness_checks_are_tolerated_in_short_runs() -> None:
    # 30 operations in 1.5 s: one readiness call per backend is 0.033 per operation
    short = run(10, gateway=side(ops=30, throughput=20.0), floor=side(ops=30, throughput=20.0, gateway=False))

    assert calls_tolerance(short) > 1 / 30


def test_markdown_has_a_table_per_scenario_and_the_targets() -> None:
    results = _healthy()
    results[0].runs[1] = run(10, gateway=side(sandbox_cores=0.95), floor=side(gateway=False))

    text = markdown(results, evaluate(results, erp_timeout_s=5.0))

    assert text.count("| c | ops/s |") == 3
    assert "| target | measured | verdict |" in text
    assert "† an emulator process used" in text  # a saturated sandbox is flagged


ACCOUNT_GATEWAY = {"shopify": 1.0, "akeneo": 0.01, "odoo": 5.0, "hubspot": 1.0, "intercom": 2.0}
ACCOUNT_FLOOR = {"shopify": 1.0, "akeneo": 0.0, "odoo": 3.0, "hubspot": 1.0, "intercom": 2.0}


def test_the_calls_columns_list_the_crm_and_the_chat_where_a_scenario_reaches_them() -> None:
    # given: an account page (no PIM call but the readiness checks' trickle), and a listing that
    # reaches the CRM and the chat only through those checks
    account = scenario(
        "account_page",
        run(10, gateway=side(calls=ACCOUNT_GATEWAY), floor=side(calls=ACCOUNT_FLOOR, gateway=False)),
    )
    trickle = {"shopify": 1.0, "akeneo": 1.0, "odoo": 1.0, "hubspot": 0.01, "intercom": 0.01}
    listing = scenario("listing_50", run(10, gateway=side(calls=trickle), floor=side(gateway=False)))

    # when
    account_table, listing_table = scenario_table(account), scenario_table(listing)
    calls = next(c for c in evaluate([account], erp_timeout_s=5.0) if c.target.startswith("One call"))

    # then
    assert "calls/op S/O/H/I" in account_table
    assert "| 1.00 / 5.00 / 1.00 / 2.00 | 1.00 / 3.00 / 1.00 / 2.00 |" in account_table
    assert "calls/op S/A/O |" in listing_table
    assert "| 1.00 / 1.00 / 1.00 | 1.00 / 1.00 / 1.00 |" in listing_table
    assert calls.measured == "account_page c=10 odoo 5.00 vs 3.00"
