"""Who may call the sandbox database: one integration user with one API key, as the gateway is set up.

The key works as a JSON-2 bearer token and as the password of the legacy `common.authenticate`
and `execute_kw` calls (Odoo accepts API keys in place of passwords on the RPC endpoints).
"""

from __future__ import annotations

import hmac
import random
import re
from dataclasses import dataclass

from . import base_records as b

DATABASE = "northwind"
_BEARER = re.compile(r"^bearer\s+(.+)$", re.IGNORECASE | re.DOTALL)


@dataclass(frozen=True, slots=True)
class Credentials:
    """The database name and the integration user's login, uid and API key."""

    database: str
    login: str
    uid: int
    api_key: str

    @classmethod
    def generate(cls, seed: int) -> Credentials:
        # Odoo API keys are 40 hex characters; derive one from the emulator seed so runs are repeatable.
        rng = random.Random(f"odoo-api-key-{seed}")
        return cls(DATABASE, b.GATEWAY_LOGIN, b.GATEWAY_UID, f"{rng.getrandbits(160):040x}")

    def key_user(self, key: str) -> int | None:
        """The uid owning API key `key`, compared in constant time."""
        return self.uid if hmac.compare_digest(key.encode(), self.api_key.encode()) else None

    def login_user(self, login: object, password: object) -> int | None:
        if not isinstance(login, str) or not isinstance(password, str) or login != self.login:
            return None
        return self.key_user(password)

    def as_config(self) -> dict[str, str]:
        """The keys a gateway config needs (the runner adds the URL)."""
        return {"database": self.database, "api_key": self.api_key, "login": self.login}


def bearer_token(header: str | None) -> str | None:
    """The token of an `Authorization: bearer <token>` header, as Odoo's `_auth_method_bearer` reads it."""
    if not header:
        return None
    match = _BEARER.match(header)
    return match.group(1).strip() if match else None


__all__ = ["DATABASE", "Credentials", "bearer_token"]
