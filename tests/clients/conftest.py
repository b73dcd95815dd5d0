"""The official clients' fixtures: their npm packages, and the real demo over HTTP and over HTTPS."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.demo_process import RunningDemo, running_demo

from .node_packages import install_packages


@pytest.fixture(scope="session")
def node_packages() -> None:
    """The clients' packages, installed once; the tests that need them skip, saying why, when they cannot be."""
    install_packages()


@pytest.fixture(scope="session")
def http_demo() -> Iterator[RunningDemo]:
    with running_demo() as demo:
        yield demo


@pytest.fixture(scope="session")
def tls_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("demo-tls")


@pytest.fixture(scope="session")
def tls_demo(tls_dir: Path) -> Iterator[RunningDemo]:
    with running_demo("--tls", "--tls-dir", str(tls_dir)) as demo:
        yield demo
