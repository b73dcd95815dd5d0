"""The import graph: layers point one way, and the runtime never loads an emulator unasked.

The contracts live in pyproject.toml (`[tool.importlinter]`); this test runs them, so a change that
breaks one fails the suite as well as `make lint`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603 - the venv's own lint-imports, no shell
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _modules_loaded_by(code: str) -> list[str]:
    probe = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(  # noqa: S603 - this interpreter, no shell
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded: list[str] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def _sandbox_modules(modules: list[str]) -> list[str]:
    return [name for name in modules if name == "sandbox" or name.startswith("sandbox.")]


def test_the_app_factory_loads_no_emulator() -> None:
    loaded = _modules_loaded_by(
        "from gateway.asgi import create_app\n"
        "from gateway.app import build_app\n"
        "from gateway.config import parse_config\n"
        "build_app(parse_config({'backends': {'shopify': {'url': 'http://127.0.0.1:9',"
        " 'storefront_token': 't'}}}, environ={}))"
    )
    assert "gateway.app" in loaded
    assert _sandbox_modules(loaded) == []


def test_the_command_line_loads_an_emulator_only_for_the_sandbox_commands() -> None:
    loaded = _modules_loaded_by(
        "from gateway.cli import build_parser\nbuild_parser().parse_args(['check', '--config', 'gateway.yaml'])"
    )
    assert "gateway.serve" in loaded
    assert _sandbox_modules(loaded) == []
