"""The command line a new user meets first: version, help, and a config to start from."""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest
import yaml

from gateway.cli import build_parser, main
from gateway.clients.keys import key_hash
from sandbox.runner import DEFAULT_PORT_BASE, VENDORS, Sandbox, SandboxSettings
from sandbox.seed import generate

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_installed_distribution(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])

    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"commerce-gateway {version('commerce-gateway')}"


def test_every_option_of_every_command_has_help() -> None:
    parser = build_parser()
    commands = next(action for action in parser._actions if action.dest == "command")
    for name, command in commands.choices.items():  # type: ignore[union-attr]
        for action in command._actions:
            if action.dest in {"help", "arguments"}:
                continue
            assert action.help, f"commerce-gateway {name} {action.option_strings or action.dest} has no help"


def test_sandbox_help_is_the_sandbox_own(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sandbox", "--help"])

    out = capsys.readouterr().out
    assert out.startswith("usage: commerce-gateway sandbox")
    assert "--port-base" in out


def test_the_sample_config_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    sample = ROOT / "deploy" / "gateway.example.yaml"

    assert main(["check", "--config", str(sample)]) == 0
    assert capsys.readouterr().out.strip() == f"{sample}: valid"


async def test_the_sample_config_holds_the_sandbox_credentials() -> None:
    """`commerce-gateway sandbox` then `serve --config deploy/gateway.example.yaml` works as written."""
    sample = yaml.safe_load((ROOT / "deploy" / "gateway.example.yaml").read_text())
    async with Sandbox(generate(10), SandboxSettings(port_base=0)) as sandbox:
        served = sandbox.backends_config()

    for index, vendor in enumerate(VENDORS):
        assert sample["backends"][vendor].pop("url") == f"http://127.0.0.1:{DEFAULT_PORT_BASE + index}"
        served[vendor].pop("url")
    assert sample["backends"] == served


@pytest.mark.parametrize(("flags", "prefix"), [([], "gwpub_"), (["--private"], "gwprv_")])
def test_client_key_prints_a_key_and_the_hash_the_config_holds(
    capsys: pytest.CaptureFixture[str], flags: list[str], prefix: str
) -> None:
    assert main(["client-key", *flags]) == 0

    lines = dict(line.split(": ", 1) for line in capsys.readouterr().out.splitlines())
    key, digest = lines["key"].strip(), lines["key_sha256"].strip()
    assert key.startswith(prefix)
    assert digest == key_hash(key)
