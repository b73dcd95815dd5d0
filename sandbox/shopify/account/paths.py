"""Where the Customer Account API lives on the emulator's port, under Shopify's own paths."""

from __future__ import annotations

from dataclasses import dataclass

VERSION = "2026-04"


@dataclass(frozen=True, slots=True)
class AccountPaths:
    """The paths of one shop's sign-in and account API (`/authentication/{shop_id}/...`)."""

    shop_id: int

    @property
    def auth_base(self) -> str:
        return f"/authentication/{self.shop_id}"

    @property
    def authorize(self) -> str:
        return f"{self.auth_base}/oauth/authorize"

    @property
    def token(self) -> str:
        return f"{self.auth_base}/oauth/token"

    @property
    def logout(self) -> str:
        return f"{self.auth_base}/logout"

    @property
    def jwks(self) -> str:
        return f"{self.auth_base}/.well-known/jwks.json"

    @property
    def graphql(self) -> str:
        return f"/account/customer/api/{VERSION}/graphql"

    @property
    def mcp(self) -> str:
        """Advertised because Hydrogen's discovery needs both URLs; the MCP server is not emulated."""
        return "/customer/api/mcp"

    def issuer(self, base: str) -> str:
        return base + self.auth_base


__all__ = ["VERSION", "AccountPaths"]
