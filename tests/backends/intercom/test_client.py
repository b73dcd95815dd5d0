"""The Intercom connector against the Intercom emulator: readiness, and conversations by e-mail."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable

import pytest

from gateway.backends.http.client import BackendClient
from gateway.backends.http.errors import BackendAuthError, BackendBadResponse, BackendUnavailable
from gateway.backends.http.settings import BackendSettings
from gateway.backends.intercom.client import (
    CONTACTS_SEARCH_PATH,
    CONVERSATIONS_SEARCH_PATH,
    MAX_PAGES,
    ME_PATH,
    IntercomChat,
)
from sandbox.runner import Sandbox, SandboxSettings
from sandbox.seed import Customer, generate
from tests.backends.garbage import garbage_server, replaced
from tests.harness import reset_sandbox, sandbox_stats, set_faults

ChatFactory = Callable[[str], Awaitable[IntercomChat]]


WORLD = generate(10)


@pytest.fixture(scope="module")
async def intercom_sandbox() -> AsyncIterator[Sandbox]:
    async with Sandbox(WORLD, SandboxSettings(port_base=0, vendors=("intercom",))) as sandbox:
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


def _token(emulator: Sandbox) -> str:
    token: str = emulator.backends_config()["intercom"]["token"]
    return token


def _talkers() -> list[Customer]:
    talked = {c.customer_id for c in WORLD.conversations}
    return [c for c in WORLD.customers if c.id in talked]


def _seeded_ids(customer: Customer) -> set[str]:
    return {c.id for c in WORLD.conversations if c.customer_id == customer.id}


async def test_conversations_of_a_batch_of_customers_take_two_searches(
    emulator: Sandbox, make_chat: ChatFactory
) -> None:
    chat = await make_chat(_token(emulator))
    customers = _talkers()[:3]

    found = await chat.conversations_by_emails([c.email.upper() for c in customers] + ["nobody@example.com"])

    assert set(found) == {c.email.upper() for c in customers}
    for customer in customers:
        listed = found[customer.email.upper()].conversations
        assert {c.id for c in listed} == _seeded_ids(customer)
        assert [c.updated_at for c in listed] == sorted((c.updated_at for c in listed), reverse=True)
        assert all(c.preview and "<" not in c.preview for c in listed)
    requests = (await sandbox_stats(emulator))["intercom"]["requests"]
    assert requests == {f"POST {CONTACTS_SEARCH_PATH}": 1, f"POST {CONVERSATIONS_SEARCH_PATH}": 1}


async def test_search_pages_are_followed_up_to_the_cap(emulator: Sandbox) -> None:
    async with BackendClient(BackendSettings(name="intercom", url=emulator.urls["intercom"])) as client:
        chat = IntercomChat(client, token=_token(emulator), per_page=1)
        customer = max(_talkers(), key=lambda c: len(_seeded_ids(c)))

        found = await chat.conversations_by_emails([customer.email])

    expected = min(len(_seeded_ids(customer)), MAX_PAGES)
    assert len(found[customer.email].conversations) == expected
    requests = (await sandbox_stats(emulator))["intercom"]["requests"]
    assert requests[f"POST {CONVERSATIONS_SEARCH_PATH}"] == expected


async def test_an_email_without_a_contact_makes_one_search(emulator: Sandbox, make_chat: ChatFactory) -> None:
    chat = await make_chat(_token(emulator))

    assert await chat.conversations_by_emails(["nobody@example.com"]) == {}
    assert await chat.conversations_by_emails([]) == {}
    requests = (await sandbox_stats(emulator))["intercom"]["requests"]
    assert requests == {f"POST {CONTACTS_SEARCH_PATH}": 1}


async def test_a_conversation_list_of_the_wrong_shape_is_a_bad_response(emulator: Sandbox) -> None:
    async with garbage_server(upstream=emulator.urls["intercom"]) as garbage:
        garbage.spoil(CONVERSATIONS_SEARCH_PATH, replaced(lambda good: {**good, "conversations": {"a": 1}}))
        async with BackendClient(BackendSettings(name="intercom", url=garbage.url)) as client:
            chat = IntercomChat(client, token=_token(emulator))
            with pytest.raises(BackendBadResponse) as raised:
                await chat.conversations_by_emails([_talkers()[0].email])

    assert raised.value.service == "intercom"
