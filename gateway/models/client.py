"""A caller the gateway recognises: a configured client, or the anonymous caller."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Client:
    """What a request's key says of its sender."""

    name: str
    kind: str
    """`storefront`, `server`, `widget`, `staff`; `anonymous` for a caller without a key, `open` for
    every caller of a gateway without clients."""
    scopes: frozenset[str]
    """What the client may do; `ALL` for an open gateway."""
    origins: frozenset[str] = frozenset()
    """Browser origins the client's key may be used from; empty: any."""

    @property
    def private(self) -> bool:
        """A server or staff key: kept off browsers, so its requests may speak for the buyer."""
        return self.kind in ("server", "staff")

    @property
    def names_buyer(self) -> bool:
        """Whether the request's `Shopify-Storefront-Buyer-IP` is believed: from a private key, or
        from anyone on an open gateway (one with no clients, trusting its network)."""
        return self.private or self is OPEN

    def allows(self, scope: str) -> bool:
        return ALL in self.scopes or scope in self.scopes


ALL = "*"
"""The scope of a gateway with no client configured: every caller may do anything."""

OPEN = Client("open", "open", frozenset({ALL}))
"""Every caller of a gateway that has no clients configured."""

__all__ = ["ALL", "OPEN", "Client"]
