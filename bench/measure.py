"""One measured run of one side (gateway or floor): load, backend calls, CPU and memory around it."""

from __future__ import annotations

import time
from dataclasses import dataclass

from .control import SandboxControl, calls_between, per_operation
from .latency import summarize
from .load import Send, closed_loop
from .measurements import SideResult
from .procfs import cpu_seconds, machine_busy_seconds, process_tree, rss_bytes


@dataclass(frozen=True, slots=True)
class CpuReading:
    """CPU seconds used so far by each party of the run, and by the whole machine."""

    client: float
    sandboxes: tuple[float, ...]
    gateway: float
    machine: float

    @classmethod
    def take(cls, sandbox_pids: list[list[int]], gateway_pids: list[int]) -> CpuReading:
        return cls(
            client=time.process_time(),
            sandboxes=tuple(cpu_seconds(tree) for tree in sandbox_pids),
            gateway=cpu_seconds(gateway_pids),
            machine=machine_busy_seconds(),
        )


@dataclass(frozen=True, slots=True)
class Processes:
    """The roots of the process trees measured: the sandbox's (one, or one per vendor) and the gateway."""

    sandboxes: tuple[int, ...]
    gateway: int


async def measure(
    send: Send,
    *,
    concurrency: int,
    targets: int,
    warmup_s: float,
    duration_s: float,
    control: SandboxControl,
    processes: Processes,
    gateway_side: bool,
) -> SideResult:
    """Warm up, then run the closed loop with counters and CPU read just before and just after."""
    await closed_loop(send, concurrency=concurrency, duration_s=warmup_s, targets=targets)
    sandbox_pids = [process_tree(root) for root in processes.sandboxes]
    gateway_pids = process_tree(processes.gateway)
    before = await control.counts()
    cpu = CpuReading.take(sandbox_pids, gateway_pids)
    load = await closed_loop(send, concurrency=concurrency, duration_s=duration_s, targets=targets)
    cpu_after = CpuReading.take(sandbox_pids, gateway_pids)
    calls = calls_between(before, await control.counts())
    ops = max(load.operations, 1)
    elapsed = max(load.elapsed_s, 1e-9)
    per_sandbox = [after - before for before, after in zip(cpu.sandboxes, cpu_after.sandboxes, strict=True)]
    used = {
        "client": cpu_after.client - cpu.client,
        "sandbox": sum(per_sandbox),
        "gateway": cpu_after.gateway - cpu.gateway,
    }
    # Whatever else the machine ran meanwhile: the noise this run was measured under.
    used["other"] = max(0.0, cpu_after.machine - cpu.machine - sum(used.values()))
    # An emulator process is single-threaded: the busiest one near a full core sets the pace.
    used["sandbox_busiest"] = max(per_sandbox, default=0.0)
    return SideResult(
        operations=load.operations,
        clean=load.clean,
        with_errors=load.with_errors,
        failed=load.failed,
        elapsed_s=load.elapsed_s,
        throughput=load.throughput,
        latency=summarize(load.latencies_s),
        calls=calls,
        calls_per_op=per_operation(calls, load.operations),
        client_cpu_ms_per_op=1000 * used["client"] / ops,
        sandbox_cpu_ms_per_op=1000 * used["sandbox"] / ops,
        cores={party: seconds / elapsed for party, seconds in used.items()},
        gateway_cpu_ms_per_op=1000 * used["gateway"] / ops if gateway_side else None,
        gateway_rss_mb=rss_bytes(process_tree(processes.gateway)) / 2**20 if gateway_side else None,
        first_failure=load.first_failure,
    )


__all__ = ["CpuReading", "Processes", "measure"]
