"""The sandbox's control API seen from the harness: request counters and injected faults.

Counters are read before and after a run and subtracted, instead of being reset, because a reset
also clears the faults a scenario runs under.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import aiohttp

Counts = dict[str, dict[str, int]]
"""Requests per vendor, by `METHOD /path`."""


class SandboxControl:
    """Reads the emulators' counters and sets their faults over HTTP.

    ```python
    control = SandboxControl(http, {"odoo": "http://127.0.0.1:9101"})
    before = await control.counts()
    await control.set_faults("odoo", down=True)
    ```
    """

    def __init__(self, http: aiohttp.ClientSession, urls: Mapping[str, str]) -> None:
        self.http = http
        self.urls = dict(urls)

    async def counts(self) -> Counts:
        counts: Counts = {}
        for vendor, url in self.urls.items():
            async with self.http.get(f"{url}/__sandbox/stats") as response:
                response.raise_for_status()
                body = await response.json()
            counts[vendor] = {str(path): int(n) for path, n in body["requests"].items()}
        return counts

    async def set_faults(self, vendor: str, **faults: Any) -> None:
        async with self.http.post(f"{self.urls[vendor]}/__sandbox/faults", json=faults) as response:
            if response.status != 200:
                raise RuntimeError(f"{vendor} refused faults {faults}: {await response.text()}")


def calls_between(before: Counts, after: Counts) -> Counts:
    """Requests made between two readings, per vendor and path (paths with none left out)."""
    calls: Counts = {}
    for vendor, paths in after.items():
        earlier = before.get(vendor, {})
        calls[vendor] = {
            path: n - earlier.get(path, 0) for path, n in sorted(paths.items()) if n - earlier.get(path, 0)
        }
    return calls


def per_operation(calls: Counts, operations: int) -> dict[str, float]:
    """Backend calls per operation, per vendor (every vendor listed, 0.0 when it was not called)."""
    if operations <= 0:
        return dict.fromkeys(calls, 0.0)
    return {vendor: sum(paths.values()) / operations for vendor, paths in calls.items()}


__all__ = ["Counts", "SandboxControl", "calls_between", "per_operation"]
