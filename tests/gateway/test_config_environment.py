"""A bad value or a typo that comes from an environment variable is reported under that variable's name."""

from __future__ import annotations

import pytest

from gateway.config import ConfigError, parse_config

MINIMAL = {"backends": {"shopify": {"url": "http://127.0.0.1:9100", "storefront_token": "sf-token"}}}


def test_a_misspelt_variable_is_named() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(MINIMAL, environ={"COMMERCE_GATEWAY__CACHE__BACKND": "redis"})

    assert caught.value.problems == [
        "cache.backnd (set by the environment variable COMMERCE_GATEWAY__CACHE__BACKND): "
        "Extra inputs are not permitted"
    ]


def test_a_bad_value_names_the_variable_that_set_it_or_its_section() -> None:
    environ = {"COMMERCE_GATEWAY__SERVER__PORT": "eighty", "COMMERCE_GATEWAY__LIMITS": "none"}
    with pytest.raises(ConfigError) as caught:
        parse_config(MINIMAL, environ=environ)

    problems = "\n".join(caught.value.problems)
    assert "server.port (set by the environment variable COMMERCE_GATEWAY__SERVER__PORT)" in problems
    assert "limits (set by the environment variable COMMERCE_GATEWAY__LIMITS)" in problems


def test_a_bad_key_of_the_file_names_no_variable() -> None:
    data = {**MINIMAL, "server": {"prot": 1}}
    with pytest.raises(ConfigError) as caught:
        parse_config(data, environ={"COMMERCE_GATEWAY__SERVER__PORT": "8080"})

    assert caught.value.problems == ["server.prot: Extra inputs are not permitted"]
