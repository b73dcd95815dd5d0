"""The HubSpot connector against the HubSpot emulator: readiness, and profiles read in batches by email."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import (
    BackendAuthError,
    BackendBadResponse,
    BackendRateLimited,
    BackendUnavailable,
)
from gateway.backends.http.settings import BackendSettings
from gateway.backends.hubspot.client import BATCH_READ_PATH, CONTACTS_PATH, HubSpotCrm
from gateway.backends.hubspot.segments import LISTS_PATH, MEMBERSHIPS_PATH
from sandbox.hubspot.properties import SEGMENTS
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import generate
from tests.backends.garbage import garbage_server, replaced
from tests.harness import reset_sandbox, sandbox_stats, set_faults

CrmFactory = Callable[[str], Awaitable[HubSpotCrm]]


WORLD = generate(10)


@pytest.fixture(scope="module")
async def hubspot_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(WORLD, SandboxSettings(port_base=0, vendors=("hubspot",))) as sandbox:
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


def _list_names(segments: tuple[str, ...]) -> tuple[str, ...]:
    """The names of the CRM lists of these segments, in the lists' order."""
    return tuple(label for label, value in SEGMENTS if value in segments)


def _token(emulator: Sandbox) -> str:
    token: str = emulator.backends_config()["hubspot"]["token"]
    return token


async def test_profiles_are_read_by_email_with_what_the_crm_holds(
    emulator: Sandbox, make_crm: CrmFactory
) -> None:
    crm = await make_crm(_token(emulator))
    customers = WORLD.customers[:4]

    # Asked in another case than stored: HubSpot matches emails without case, the answer keeps the asked key.
    asked = [c.email.upper() for c in customers]
    profiles = await crm.profiles_by_emails(asked)

    assert set(profiles) == set(asked)
    for customer, email in zip(customers, asked, strict=True):
        profile, crm_seed = profiles[email], customer.crm
        assert profile.crm_id == crm_seed.hubspot_id
        assert profile.lifecycle_stage == crm_seed.lifecycle_stage
        assert profile.segments == _list_names(crm_seed.segments)
        assert (profile.loyalty_tier, profile.loyalty_points) == (
            crm_seed.loyalty_tier,
            crm_seed.loyalty_points,
        )
        assert profile.language == customer.locale.split("_")[0]
        assert profile.preferred_store == crm_seed.preferred_store
        consents = {c.channel: c.granted for c in profile.consents}
        assert consents == {
            "email": crm_seed.email_consent,
            "sms": crm_seed.sms_consent,
            "analytics": crm_seed.analytics_consent,
        }
        assert all(c.source == "CRM_UI" and c.recorded_at is not None for c in profile.consents)
    assert any(c.crm.segments for c in customers), "the seed puts some of them in segments"
    assert (await sandbox_stats(emulator))["hubspot"]["requests"] == {
        f"POST {BATCH_READ_PATH}": 1,
        f"POST {MEMBERSHIPS_PATH}": 1,
        f"GET {LISTS_PATH}": 1,
    }


async def test_list_names_are_kept_and_a_profile_again_costs_two_reads(
    emulator: Sandbox, make_crm: CrmFactory
) -> None:
    crm = await make_crm(_token(emulator))
    customer = next(c for c in WORLD.customers if c.crm.segments)

    first = await crm.profiles_by_emails([customer.email])
    again = await crm.profiles_by_emails([customer.email])

    assert first == again
    assert first[customer.email].segments == _list_names(customer.crm.segments)
    assert (await sandbox_stats(emulator))["hubspot"]["requests"] == {
        f"POST {BATCH_READ_PATH}": 2,
        f"POST {MEMBERSHIPS_PATH}": 2,
        f"GET {LISTS_PATH}": 1,
    }


async def test_unknown_emails_are_misses_of_a_partial_answer(emulator: Sandbox, make_crm: CrmFactory) -> None:
    crm = await make_crm(_token(emulator))
    known = WORLD.customers[0].email

    profiles = await crm.profiles_by_emails([known, "nobody@example.com", known])

    assert list(profiles) == [known]


async def test_a_batch_of_more_than_fifty_is_split_at_hubspot_s_history_cap(
    emulator: Sandbox, make_crm: CrmFactory
) -> None:
    crm = await make_crm(_token(emulator))
    emails = [c.email for c in WORLD.customers] + [f"stranger{i}@example.com" for i in range(60)]

    profiles = await crm.profiles_by_emails(emails)

    assert set(profiles) == {c.email for c in WORLD.customers}
    requests = (await sandbox_stats(emulator))["hubspot"]["requests"]
    assert requests[f"POST {BATCH_READ_PATH}"] == 2
    assert requests[f"POST {MEMBERSHIPS_PATH}"] == 1  # the ten found, in one batch


async def test_no_emails_make_no_call(emulator: Sandbox, make_crm: CrmFactory) -> None:
    crm = await make_crm(_token(emulator))

    assert await crm.profiles_by_emails([]) == {}
    assert (await sandbox_stats(emulator))["hubspot"]["requests"] == {}


async def test_an_answer_without_results_is_a_bad_response(emulator: Sandbox) -> None:
    async with garbage_server(upstream=emulator.urls["hubspot"]) as garbage:
        garbage.spoil(BATCH_READ_PATH, replaced(lambda good: {**good, "results": "all of them"}))
        async with BackendClient(BackendSettings(name="hubspot", url=garbage.url)) as client:
            crm = HubSpotCrm(client, token=_token(emulator))
            with pytest.raises(BackendBadResponse) as raised:
                await crm.profiles_by_emails([WORLD.customers[0].email])

    assert raised.value.service == "hubspot"


async def test_a_spent_rate_limit_window_is_not_spent_further(
    emulator: Sandbox, make_crm: CrmFactory
) -> None:
    await set_faults(emulator, "hubspot", rate_limit=2)
    crm = await make_crm(_token(emulator))
    # In no segment: a profile is then two reads, the contact and its (empty) memberships.
    email = next(c.email for c in WORLD.customers if not c.crm.segments)

    await crm.profiles_by_emails([email])  # HubSpot answers its second read with nothing left
    with pytest.raises(BackendRateLimited) as raised:
        await crm.profiles_by_emails([email])

    assert raised.value.retry_after is not None
    assert 0 < raised.value.retry_after <= 10
    assert (await sandbox_stats(emulator))["hubspot"]["requests"] == {
        f"POST {BATCH_READ_PATH}": 1,
        f"POST {MEMBERSHIPS_PATH}": 1,
    }
