"""`Customer.profile`: the CRM's record of the signed-in customer, joined by the e-mail Shopify gives.

Each test signs in as a seeded customer through the forwarded `customerAccessTokenCreate`, and
compares the profile with what the CRM was seeded with. The CRM is asked once per answer, whatever
the document repeats, and a CRM outage costs the profile alone.
"""

from __future__ import annotations

from typing import Any

from sandbox.hubspot.properties import SEGMENTS
from sandbox.runner import Sandbox
from sandbox.seed import Customer, World
from tests.harness import Gateway, sandbox_stats, set_faults

PROFILE = """
query($token: String!) {
  customer(customerAccessToken: $token) {
    firstName
    profile {
      crmId lifecycleStage segments preferredLanguage preferredStore updatedAt
      loyalty { tier points }
      consents { channel granted source recordedAt }
    }
  }
}
"""
BATCH_READ = "POST /crm/v3/objects/contacts/batch/read"


async def _crm_reads(sandbox: Sandbox) -> int:
    """Profile reads since the sandbox was reset (readiness checks at start are not reads)."""
    reads: int = (await sandbox_stats(sandbox))["hubspot"]["requests"].get(BATCH_READ, 0)
    return reads


def _expected(customer: Customer) -> dict[str, Any]:
    crm = customer.crm
    return {
        "crmId": crm.hubspot_id,
        "lifecycleStage": crm.lifecycle_stage,
        # A segment is a CRM list, by its name.
        "segments": [label for label, value in SEGMENTS if value in crm.segments],
        "preferredLanguage": customer.locale.split("_")[0],
        "preferredStore": crm.preferred_store,
        "loyalty": {"tier": crm.loyalty_tier, "points": crm.loyalty_points},
        "consents": {"EMAIL": crm.email_consent, "SMS": crm.sms_consent, "ANALYTICS": crm.analytics_consent},
    }


def _seen(profile: dict[str, Any]) -> dict[str, Any]:
    seen = {key: value for key, value in profile.items() if key != "updatedAt"}
    seen["consents"] = {c["channel"]: c["granted"] for c in profile["consents"]}
    return seen


async def test_the_profile_is_the_crm_s_record_of_the_signed_in_customer(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    customer = world.customers[3]
    token = await gateway.sign_in(customer.email)

    profile = (await gateway.data(PROFILE, {"token": token}))["customer"]["profile"]

    assert _seen(profile) == _expected(customer)
    assert profile["updatedAt"] is not None
    assert all(c["source"] and c["recordedAt"] for c in profile["consents"])
    assert await _crm_reads(clean_sandbox) == 1


async def test_each_token_gets_its_own_customer_s_profile_in_one_crm_call(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    alice, bob = world.customers[0], world.customers[1]
    tokens = [await gateway.sign_in(alice.email), await gateway.sign_in(bob.email)]
    document = """query($a: String!, $b: String!) {
      a: customer(customerAccessToken: $a) { profile { crmId } ...P }
      b: customer(customerAccessToken: $b) { profile { crmId } ...P }
    }
    fragment P on Customer { again: profile { lifecycleStage } }"""

    data = await gateway.data(document, {"a": tokens[0], "b": tokens[1]})

    assert data["a"]["profile"]["crmId"] == alice.crm.hubspot_id
    assert data["b"]["profile"]["crmId"] == bob.crm.hubspot_id
    assert data["b"]["again"]["lifecycleStage"] == bob.crm.lifecycle_stage
    assert await _crm_reads(clean_sandbox) == 1


async def test_a_crm_outage_costs_the_profile_alone(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    customer = world.customers[2]
    token = await gateway.sign_in(customer.email)
    await set_faults(clean_sandbox, "hubspot", down=True)

    body = await gateway.query(PROFILE, {"token": token})

    assert body["data"] == {"customer": {"firstName": customer.first_name, "profile": None}}
    (error,) = body["errors"]
    assert error["path"] == ["customer", "profile"]
    assert error["extensions"]["service"] == "hubspot"
    assert error["extensions"]["code"] == "BACKEND_UNAVAILABLE"


async def test_an_anonymous_visitor_has_no_customer_and_the_crm_is_not_asked(
    gateway: Gateway, clean_sandbox: Sandbox
) -> None:
    body = await gateway.query(PROFILE, {"token": "not-a-token"})

    assert body["data"] == {"customer": None}
    assert "errors" not in body
    assert await _crm_reads(clean_sandbox) == 0


def _reads(stats: dict[str, Any]) -> dict[str, int]:
    """The CRM reads answers made, without the readiness checks' contact pages."""
    requests: dict[str, int] = stats["hubspot"]["requests"]
    return {route: n for route, n in requests.items() if route != "GET /crm/v3/objects/contacts"}


async def test_segments_are_the_crm_lists_read_only_when_shown(
    gateway: Gateway, clean_sandbox: Sandbox, world: World
) -> None:
    customer = next(c for c in world.customers if c.crm.segments)
    token = await gateway.sign_in(customer.email)
    without = "query($t: String!) { customer(customerAccessToken: $t) { profile { lifecycleStage } } }"
    with_them = """query($t: String!) { customer(customerAccessToken: $t) { profile { ...S } } }
    fragment S on CrmProfile { lifecycleStage segments }"""

    await gateway.data(without, {"t": token})
    first = await sandbox_stats(clean_sandbox)
    shown = (await gateway.data(with_them, {"t": token}))["customer"]["profile"]
    second = await sandbox_stats(clean_sandbox)

    assert _reads(first) == {BATCH_READ: 1}
    assert shown["segments"] == [label for label, value in SEGMENTS if value in customer.crm.segments]
    # Cached apart: the profile without segments did not stand in for the one with them.
    assert _reads(second) == {
        BATCH_READ: 2,
        "POST /crm/v3/lists/records/memberships/batch/read": 1,
        "GET /crm/v3/lists/": 1,
    }
