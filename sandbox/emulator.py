"""What each vendor's emulator hands the sandbox runner: its app, its control API and its credentials.

Every vendor package exposes `create_emulator(world, options) -> Emulator` in its `sandbox`
module (`gateway/backends/<vendor>/sandbox.py` or a `sandbox/` package).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from aiohttp import web

from .control import SandboxControl


@dataclass(frozen=True, slots=True)
class EmulatorOptions:
    """Settings every emulator reads at creation."""

    seed: int = 42
    """Seeds the emulator's own randomness (fault rolls, generated tokens), not the world."""
    token_ttl_s: int = 3600
    """Lifetime of issued OAuth access tokens (Akeneo, Shopify's Customer Account API); short in tests to exercise refresh."""


@dataclass(slots=True)
class Emulator:
    """One running vendor API: the aiohttp app to serve and how to reach and steer it."""

    vendor: str
    app: web.Application
    control: SandboxControl
    credentials: dict[str, str]
    """Config keys a gateway needs to call this vendor (tokens, secrets, database); the URL is added by the runner."""
    printed_credentials: dict[str, str] = field(default_factory=dict)
    """Credentials shown to the person running the sandbox but kept out of `backends_config()`, for
    APIs the gateway's config has no keys for yet (Shopify's Customer Account API client)."""
    activity: Callable[[], Awaitable[None]] | None = None
    """One tick of simulated activity (a point-of-sale sale, an agent reply), for the demo."""
    extras: dict[str, object] = field(default_factory=dict)


__all__ = ["Emulator", "EmulatorOptions"]
