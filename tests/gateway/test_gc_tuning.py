"""Collector tuning of server processes: startup objects frozen, the young threshold raised.

Each case runs in a child interpreter: the collector's state is per process, and freezing the
test process would keep every later test's garbage cycles alive.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from gateway.gc_tuning import DEFAULT_YOUNG_THRESHOLD


def in_child(code: str, env: dict[str, str] | None = None) -> Any:
    done = subprocess.run(  # noqa: S603 (this interpreter, code written here)
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, timeout=60
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


REPORT = "import gc, json; print(json.dumps([gc.get_threshold()[0], gc.get_freeze_count()]))"


def test_tuning_freezes_what_is_alive_and_raises_the_young_threshold() -> None:
    threshold, frozen = in_child(
        f"from gateway.gc_tuning import tune_for_serving; tune_for_serving(); {REPORT}"
    )
    assert threshold == DEFAULT_YOUNG_THRESHOLD
    assert frozen > 1000  # the interpreter's and the gateway's modules at least


def test_zero_leaves_the_collector_as_python_sets_it() -> None:
    threshold, frozen = in_child(
        f"from gateway.gc_tuning import tune_for_serving; tune_for_serving(0); {REPORT}"
    )
    assert threshold == 700
    assert frozen == 0


def test_each_worker_tunes_with_the_configured_threshold(tmp_path: Path) -> None:
    # given a config like an operator's, read by the factory uvicorn calls in each worker
    config = tmp_path / "gateway.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "backends": {"shopify": {"url": "http://127.0.0.1:9", "storefront_token": "t"}},
                "server": {"gc_young_threshold": 20_000},
            }
        )
    )
    env = {"COMMERCE_GATEWAY_CONFIG": str(config), "PATH": "/usr/bin:/bin"}

    # when
    threshold, frozen = in_child(f"from gateway.asgi import create_app; create_app(); {REPORT}", env)

    # then
    assert threshold == 20_000
    assert frozen > 10_000  # the schema and every module the app imported
