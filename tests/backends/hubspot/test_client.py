"""The HubSpot connector's readiness check, against the HubSpot emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendAuthError, BackendUnavailable
from gateway.backends.http.settings import BackendSettings
from gateway.backends.hubspot.client import CONTACTS_PATH, HubSpotCrm
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from tests.harness import reset_sandbox, sandbox_stats, set_faults

CrmFactory = Callable[[str], Awaitable[HubSpotCrm]]


@pytest.fixture(scope="module")
async def hubspot_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(generate(10), SandboxSettings(port_base=0, vendors=("hubspot",))) as sandbox:
        yield sandbox


@pytest.fixture
async def emulator(hubspot_sandbox: Sandbox) -> AsyncIterator[Sandbox]:
    await reset_sandbox(hubspot_sandbox)
    yield hubspot_sandbox
    await reset_sandbox(hubspot_sandbox)


@pytest.fixture
async def make_crm(emulator: Sandbox) -> AsyncIterator[CrmFactory]:
    async with BackendClient(BackendSettings(name="hubspot", url=emulator.urls["hubspot"])) as client:

        async def make(token: str) -> HubSpotCrm:
            return HubSpotCrm(client, token=token)

        yield make


async def test_the_check_lists_one_contact_with_the_token(emulator: Sandbox, make_crm: CrmFactory) -> None:
    crm = await make_crm(emulator.backends_config()["hubspot"]["token"])

    assert await crm.check() is True
    assert await crm.check() is True

    assert (await sandbox_stats(emulator))["hubspot"]["requests"] == {f"GET {CONTACTS_PATH}": 2}


async def test_a_refused_token_fails_the_check(make_crm: CrmFactory) -> None:
    crm = await make_crm("pat-na1-not-the-token")

    with pytest.raises(BackendAuthError) as raised:
        await crm.check()

    assert raised.value.status == 401


async def test_an_outage_fails_the_check(emulator: Sandbox, make_crm: CrmFactory) -> None:
    crm = await make_crm(emulator.backends_config()["hubspot"]["token"])
    await set_faults(emulator, "hubspot", down=True)

    with pytest.raises(BackendUnavailable):
        await crm.check()
