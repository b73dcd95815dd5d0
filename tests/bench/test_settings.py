"""The command line: quick and full defaults, and refusals that name the bad input."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import orjson
import pytest

from bench.run import encode
from bench.settings import parse_args


def test_quick_runs_at_concurrency_10_for_short_runs() -> None:
    settings = parse_args(["--quick"])

    assert settings.concurrency == (10,)
    assert settings.duration_s < 2
    assert settings.size == 10_000
    assert "listing_50_warm" in settings.scenarios
    assert {"product_page", "cart_add"} <= set(settings.scenarios)
    # a backend made to fail leaves its breaker open: the healthy scenarios run before those
    order = list(settings.scenarios)
    assert max(order.index("product_page"), order.index("cart_add")) < order.index("listing_50_pim_slow")


def test_full_runs_at_1_10_and_50_and_takes_overrides() -> None:
    settings = parse_args(["--concurrency", "1,5", "--scenarios", "product,search", "--latency-ms", "5"])

    assert settings.concurrency == (1, 5)
    assert settings.scenarios == ("product", "search")
    assert settings.latency_ms == 5
    assert parse_args([]).concurrency == (1, 10, 50)


@pytest.mark.parametrize("argv", [["--scenarios", "checkout"], ["--concurrency", "0"], ["--size", "10"]])
def test_bad_arguments_are_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse_args(argv)
    assert "error" in capsys.readouterr().err


def test_another_checkout_s_gateway_can_be_measured(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gateway").mkdir()
    (tmp_path / "gateway" / "cli.py").write_text("")

    assert parse_args(["--gateway-source", str(tmp_path)]).gateway_source == tmp_path.resolve()
    assert parse_args([]).gateway_source is None
    with pytest.raises(SystemExit):
        parse_args(["--gateway-source", str(tmp_path / "nowhere")])
    assert "no gateway/cli.py there" in capsys.readouterr().err


def test_the_settings_of_a_run_are_written_as_json() -> None:
    checkout = Path(__file__).resolve().parents[2]
    settings = parse_args(["--gateway-source", str(checkout)])

    written = orjson.loads(encode({"settings": asdict(settings)}))

    assert written["settings"]["gateway_source"] == str(checkout)
