"""An account page in one request: Shopify's customer and orders, the CRM's profile, the chat's
conversations and the ERP's fulfilment and invoices. Each of the three systems, down or slow past
its deadline in turn, costs its own fields and nothing else.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from sandbox.runner import Sandbox
from sandbox.seed import Customer, World
from tests.harness import gateway_config, running_gateway, set_faults

ACCOUNT_PAGE = """query Account($token: String!) {
  customer(customerAccessToken: $token) {
    firstName
    email
    profile { lifecycleStage loyalty { tier points } }
    conversations(first: 5) { totalCount nodes { id state } }
    orders(first: 10) {
      nodes {
        name
        fulfilment { state }
        invoices { number }
      }
    }
  }
}"""

OWN_FIELDS = {
    "hubspot": {"profile"},
    "intercom": {"conversations"},
    "odoo": {"fulfilment", "invoices"},
}


def _customer(world: World, besides: Customer | None = None) -> Customer:
    """A customer with orders and conversations, so every system has something to say."""
    orders = Counter(order.email for order in world.orders)
    talked = {conversation.customer_id for conversation in world.conversations}
    candidates = [c for c in world.customers if c.id in talked and c != besides]
    return max(candidates, key=lambda c: orders[c.email])


def _nulled(body: dict[str, Any]) -> set[str]:
    """The fields each error nulled, by name."""
    return {error["path"][-1] for error in body.get("errors", [])}


def _services(body: dict[str, Any]) -> set[tuple[str, str]]:
    return {(e["extensions"].get("service", "?"), e["extensions"]["code"]) for e in body.get("errors", [])}


@pytest.mark.parametrize("vendor", sorted(OWN_FIELDS))
@pytest.mark.parametrize(
    ("fault", "code"), [({"down": True}, "BACKEND_UNAVAILABLE"), ({"latency_ms": 3000}, "BACKEND_TIMEOUT")]
)
async def test_a_failing_system_costs_only_its_own_fields(
    clean_sandbox: Sandbox, world: World, vendor: str, fault: dict[str, Any], code: str
) -> None:
    customer = _customer(world)
    # Slow is past a deadline of 1 s; down is answered at once, whatever the deadline.
    deadline = {vendor: {"timeout_s": 1.0, "retries": 0}} if "latency_ms" in fault else {}
    async with running_gateway(gateway_config(clean_sandbox, backends=deadline)) as gateway:
        token = await gateway.sign_in(customer.email)
        healthy = await gateway.data(ACCOUNT_PAGE, {"token": token})
        await set_faults(clean_sandbox, vendor, **fault)
        # Another customer: nothing of theirs is cached, so the failing system is asked.
        other = _customer(world, besides=customer)
        other_token = await gateway.sign_in(other.email)
        body = await gateway.query(ACCOUNT_PAGE, {"token": other_token})
        await set_faults(clean_sandbox, vendor, down=False, latency_ms=0)
        again = await gateway.data(ACCOUNT_PAGE, {"token": token})

    assert healthy["customer"]["profile"] is not None
    assert healthy["customer"]["conversations"]["totalCount"] >= 1
    assert healthy["customer"]["orders"]["nodes"]
    me = body["data"]["customer"]
    assert me["email"] == other.email
    assert _nulled(body) <= OWN_FIELDS[vendor]
    assert _nulled(body)
    assert _services(body) == {(vendor, code)}
    for field in {"profile", "conversations"} - OWN_FIELDS[vendor]:
        assert me[field] is not None, field
    assert again == healthy
