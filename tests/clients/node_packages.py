"""The official clients' npm packages, installed from the committed lockfile, and the scripts that drive them.

`npm ci` installs exactly `node/package-lock.json` into `node/node_modules` (ignored by git). A stamp
there records which lockfile and Node.js it came from, so later sessions reuse the install and only
a changed lockfile or Node.js reaches the registry again.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

NODE_DIR = Path(__file__).with_name("node")
LOCKFILE = NODE_DIR / "package-lock.json"
STAMP = NODE_DIR / "node_modules" / ".installed-from"
INSTALL_TIMEOUT_S = 900
PING_TIMEOUT_S = 30
SCRIPT_TIMEOUT_S = 120


def install_packages() -> None:
    """Install the lockfile's packages once, or skip the calling tests when Node.js or npm cannot."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.skip("the official clients' tests need node and npm on PATH; not found")
    version = _run([node, "--version"], timeout=30).stdout.strip()
    wanted = f"{hashlib.sha256(LOCKFILE.read_bytes()).hexdigest()} node {version}\n"
    if STAMP.is_file() and STAMP.read_text() == wanted:
        return
    unreachable = _registry_unreachable(npm)
    if unreachable:
        registry = _run([npm, "config", "get", "registry"], timeout=30).stdout.strip()
        pytest.skip(
            f"the npm registry ({registry}) cannot be reached to install the official clients: {unreachable}"
        )
    installed = _run([npm, "ci", "--no-audit", "--no-fund"], timeout=INSTALL_TIMEOUT_S)
    assert installed.returncode == 0, f"npm ci failed:\n{installed.stdout}\n{installed.stderr}"
    STAMP.write_text(wanted)


def _registry_unreachable(npm: str) -> str | None:
    """Why `npm ping` fails, if it does: asked once, without npm's retries, so an offline run skips fast."""
    try:
        ping = _run([npm, "ping", "--fetch-retries=0", "--fetch-timeout=20000"], timeout=PING_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return f"no answer in {PING_TIMEOUT_S} s"
    if ping.returncode == 0:
        return None
    said = [
        line.removeprefix("npm error").strip()
        for line in ping.stderr.splitlines()
        if line.startswith("npm error")
    ]
    # npm's own words are "request to <url> failed, reason: <cause>", then a stack and a log path
    return next((line for line in said if "reason:" in line), said[0] if said else f"exit {ping.returncode}")


def script_output(script: str, *args: str, env: dict[str, str] | None = None) -> dict[str, Any]:
    """The one JSON line `node/<script>` prints, run with `env` added to an environment that trusts no
    extra CA of its own, once it has exited cleanly."""
    node = shutil.which("node")
    assert node is not None
    inherited = {name: value for name, value in os.environ.items() if name != "NODE_EXTRA_CA_CERTS"}
    result = _run(
        [node, str(NODE_DIR / script), *args], timeout=SCRIPT_TIMEOUT_S, env={**inherited, **(env or {})}
    )
    assert result.returncode == 0, f"{script} exited with {result.returncode}:\n{result.stderr}"
    (line,) = result.stdout.splitlines()
    output: dict[str, Any] = json.loads(line)
    return output


def _run(
    command: list[str], *, timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - node and npm from PATH, on files of this repository
        command, cwd=NODE_DIR, capture_output=True, text=True, timeout=timeout, env=env, check=False
    )


__all__ = ["install_packages", "script_output"]
