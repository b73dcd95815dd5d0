"""`python -m bench.run` (`make bench`): the sandbox, the gateway and the load, each in its own process.

Full run (about ten minutes): every scenario at concurrency 1, 10 and 50, ten seconds each after a
two-second warm-up, for the gateway and then for the floor; writes `bench/results/<timestamp>.json`
and two PNG figures, and prints Markdown tables. `--quick` (under a minute): concurrency 10 only,
short runs, one JSON line on standard output. Progress goes to standard error; the processes' logs
and configs stay in `bench/results/raw/<timestamp>/` (not committed).
"""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

import orjson

from . import plots, report
from .processes import Service
from .session import Session, progress
from .settings import parse_args

RESULTS = Path(__file__).resolve().parent / "results"


def encode(document: object) -> bytes:
    """A results document as indented JSON; paths in it (`--gateway-source`) are written as text."""
    return orjson.dumps(document, option=orjson.OPT_INDENT_2, default=str) + b"\n"


def write_outputs(session: Session, checks: list[report.TargetCheck], stamp: str) -> None:
    """The JSON document and the figures under bench/results/, the Markdown tables on standard output."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    json_path = RESULTS / f"{stamp}.json"
    document = report.document(session.meta, session.results, checks)
    json_path.write_bytes(encode(document))
    subtitle = f"({session.settings.latency_ms:g} ms per backend call, {stamp})"
    latency = plots.latency_figure(session.results, RESULTS / f"{stamp}-latency.png", subtitle=subtitle)
    throughput = plots.throughput_figure(
        session.results, RESULTS / f"{stamp}-throughput.png", subtitle=subtitle
    )
    progress(f"wrote {json_path}, {latency.name} and {throughput.name}")
    sys.stdout.write(report.markdown(session.results, checks))


def _terminate(signum: int, frame: FrameType | None) -> None:
    # SIGTERM unwinds like Ctrl-C, so every `finally` stops the processes this run started.
    raise KeyboardInterrupt


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop]:
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop ships with uvicorn[standard]
        return asyncio.new_event_loop
    return uvloop.new_event_loop


def main(argv: Sequence[str] | None = None) -> int:
    settings = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    # A shell starts background jobs with SIGINT ignored; Ctrl-C (or kill -INT) must still clean up.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    workdir = RESULTS / "raw" / stamp
    workdir.mkdir(parents=True, exist_ok=True)
    services: list[Service] = []
    session = Session(settings, workdir, services)
    try:
        # asyncio.Runner turns Ctrl-C into a cancellation of the run, so its `finally` blocks run first.
        with asyncio.Runner(loop_factory=_loop_factory()) as runner:
            runner.run(session.run())
    except KeyboardInterrupt:
        progress("interrupted: the sandbox and the gateway are stopped")
        return 130
    except Exception as exc:
        progress(f"benchmark failed: {type(exc).__name__}: {exc}\n(logs in {workdir})")
        return 1
    finally:
        for service in reversed(services):
            service.stop()
    checks = report.evaluate(session.results, erp_timeout_s=session.erp_timeout_s)
    if settings.quick:
        print(report.quick_line(session.results), flush=True)
    else:
        write_outputs(session, checks, stamp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

__all__ = ["RESULTS", "main", "write_outputs"]
