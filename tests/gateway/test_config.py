from __future__ import annotations

from pathlib import Path

import pytest

from gateway.cli import main
from gateway.config import ConfigError, load_config, parse_config

MINIMAL = {"backends": {"shopify": {"url": "http://127.0.0.1:9100", "storefront_token": "sf-token"}}}


def test_minimal_config_gets_defaults() -> None:
    config = parse_config(MINIMAL, environ={})

    assert config.cache.backend == "memory"
    assert config.cache.ttl.stock == 5
    assert config.catalog.stock_source == "erp"
    assert config.server.graphiql is False
    assert config.backends.odoo is None


def test_the_customer_account_api_defaults_to_the_storefront_s_version_and_url() -> None:
    shopify = parse_config(MINIMAL, environ={}).backends.shopify

    assert (shopify.account_api_version, shopify.account_url) == ("2026-04", "http://127.0.0.1:9100")


def test_the_customer_account_api_version_and_url_can_be_set_apart() -> None:
    data = {
        "backends": {
            "shopify": {
                **MINIMAL["backends"]["shopify"],
                "storefront_api_version": "2026-07",
                "customer_account_api_version": "2026-04",
                "customer_account_url": "https://shopify.com",
            }
        }
    }
    shopify = parse_config(data, environ={}).backends.shopify

    assert (shopify.account_api_version, shopify.account_url) == ("2026-04", "https://shopify.com")


def test_errors_name_each_bad_key() -> None:
    data = {
        "backends": {"shopify": {"url": "http://x", "storefront_tokn": "t"}},
        "cache": {"backend": "memcached"},
        "limits": {"max_depth": 0},
        "extra": 1,
    }
    with pytest.raises(ConfigError) as caught:
        parse_config(data, environ={})

    problems = "\n".join(caught.value.problems)
    assert "backends.shopify.storefront_token: Field required" in problems
    assert "backends.shopify.storefront_tokn: Extra inputs are not permitted" in problems
    assert "cache.backend: Input should be 'memory' or 'redis'" in problems
    assert "limits.max_depth: Input should be greater than or equal to 2" in problems
    assert "extra: Extra inputs are not permitted" in problems


def test_environment_overrides_the_file() -> None:
    environ = {
        "COMMERCE_GATEWAY__BACKENDS__SHOPIFY__TIMEOUT_S": "1.5",
        "COMMERCE_GATEWAY__CACHE__BACKEND": "redis",
        "COMMERCE_GATEWAY__SERVER__GRAPHIQL": "true",
        "OTHER": "ignored",
    }

    config = parse_config(MINIMAL, environ=environ)

    assert config.backends.shopify.timeout_s == 1.5
    assert config.cache.backend == "redis"
    assert config.server.graphiql is True


def test_secrets_come_from_files_and_never_print(tmp_path: Path) -> None:
    secret = tmp_path / "token"
    secret.write_text("from-a-file\n")
    data = {"backends": {"shopify": {"url": "http://x", "storefront_token_file": str(secret)}}}

    config = parse_config(data, environ={})

    assert config.backends.shopify.storefront_token.get_secret_value() == "from-a-file"
    assert "from-a-file" not in repr(config)
    assert "from-a-file" not in str(config.model_dump())


def test_unreadable_secret_file_is_named(tmp_path: Path) -> None:
    data = {"backends": {"shopify": {"url": "http://x", "storefront_token_file": str(tmp_path / "missing")}}}

    with pytest.raises(ConfigError, match="storefront_token_file: cannot read"):
        parse_config(data, environ={})


def test_load_config_reports_bad_yaml(tmp_path: Path) -> None:
    path = tmp_path / "gateway.yaml"
    path.write_text("backends: [unclosed\n")

    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(path, environ={})


def test_check_command_exits_non_zero_naming_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [n for n in __import__("os").environ if n.startswith("COMMERCE_GATEWAY__")]:
        monkeypatch.delenv(name)
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text("backends:\n  shopify:\n    url: http://127.0.0.1:9100\n    storefront_token: t\n")
    bad.write_text("backends:\n  shopify:\n    url: http://127.0.0.1:9100\nserver:\n  port: -1\n")

    assert main(["check", "--config", str(good)]) == 0
    assert main(["check", "--config", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "backends.shopify.storefront_token: Field required" in err
    assert "server.port: Input should be greater than or equal to 0" in err
