"""Load and latency benchmarks of the gateway against the sandbox, next to a hand-written floor.

`make bench` (or `python -m bench.run`) starts the sandbox and the gateway in their own processes,
drives each storefront scenario from this process with a closed-loop client, and measures the same
scenario through `bench.floor`, which calls the emulators directly. See `bench/README.md`.
"""

from __future__ import annotations

__all__: list[str] = []
