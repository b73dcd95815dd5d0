"""The Intercom connector's readiness check, against the Intercom emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendAuthError, BackendUnavailable
from gateway.backends.http.settings import BackendSettings
from gateway.backends.intercom.client import ME_PATH, IntercomChat
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from tests.harness import reset_sandbox, sandbox_stats, set_faults

ChatFactory = Callable[[str], Awaitable[IntercomChat]]


@pytest.fixture(scope="module")
async def intercom_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(generate(10), SandboxSettings(port_base=0, vendors=("intercom",))) as sandbox:
        yield sandbox


@pytest.fixture
async def emulator(intercom_sandbox: Sandbox) -> AsyncIterator[Sandbox]:
    await reset_sandbox(intercom_sandbox)
    yield intercom_sandbox
    await reset_sandbox(intercom_sandbox)


@pytest.fixture
async def make_chat(emulator: Sandbox) -> AsyncIterator[ChatFactory]:
    async with BackendClient(BackendSettings(name="intercom", url=emulator.urls["intercom"])) as client:

        async def make(token: str) -> IntercomChat:
            return IntercomChat(client, token=token)

        yield make


async def test_the_check_asks_for_the_tokens_admin(emulator: Sandbox, make_chat: ChatFactory) -> None:
    chat = await make_chat(emulator.backends_config()["intercom"]["token"])

    assert await chat.check() is True
    assert await chat.check() is True

    assert (await sandbox_stats(emulator))["intercom"]["requests"] == {f"GET {ME_PATH}": 2}


async def test_a_refused_token_fails_the_check(make_chat: ChatFactory) -> None:
    chat = await make_chat("not-the-intercom-token")

    with pytest.raises(BackendAuthError) as raised:
        await chat.check()

    assert raised.value.status == 401


async def test_an_outage_fails_the_check(emulator: Sandbox, make_chat: ChatFactory) -> None:
    chat = await make_chat(emulator.backends_config()["intercom"]["token"])
    await set_faults(emulator, "intercom", down=True)

    with pytest.raises(BackendUnavailable):
        await chat.check()
