"""Startup objects frozen out of the garbage collector, in server processes only.

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

REPORT = "import gc, json; print(json.dumps([gc.get_threshold(), gc.get_freeze_count()]))"


def in_child(code: str, env: dict[str, str] | None = None) -> Any:
    done = subprocess.run(  # noqa: S603 (this interpreter, code written here)
        [sys.executable, "-c", f"{code}; {REPORT}"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=60,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_freezing_moves_what_is_alive_out_of_collection_and_keeps_the_thresholds() -> None:
    thresholds, frozen = in_child(
        "from gateway.gc_tuning import freeze_startup_objects; freeze_startup_objects()"
    )
    assert thresholds == [700, 10, 10]
    assert frozen > 1000  # the interpreter's and the gateway's modules at least


def worker_frozen_count(tmp_path: Path, server: dict[str, Any]) -> int:
    """Objects frozen in a worker that built the app from a config like an operator's."""
    config = tmp_path / "gateway.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "backends": {"shopify": {"url": "http://127.0.0.1:9", "storefront_token": "t"}},
                "server": server,
            }
        )
    )
    env = {"COMMERCE_GATEWAY_CONFIG": str(config), "PATH": "/usr/bin:/bin"}
    _, frozen = in_child("from gateway.asgi import create_app; create_app()", env)
    return int(frozen)


def test_each_worker_freezes_its_startup_objects_by_default(tmp_path: Path) -> None:
    assert worker_frozen_count(tmp_path, {}) > 10_000  # the schema and every module the app imported


def test_a_worker_configured_not_to_freeze_leaves_the_collector_alone(tmp_path: Path) -> None:
    assert worker_frozen_count(tmp_path, {"gc_freeze": False}) == 0
