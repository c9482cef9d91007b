"""Time a warm `make run`: from the command to "is running", with nothing to install or train.

Usage: python3 benchmarks/warm_start.py [RUNS]   (default 5; run `make setup` first)
Prints every run and the median and p95 in seconds. Each run is stopped with Ctrl-C (SIGINT),
which also checks that `make run` shuts down cleanly.
"""

from __future__ import annotations

import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY_LINE = "The Wmo wegwijzer is running"
TIMEOUT_SECONDS = 300


def one_run() -> float:
    started = time.monotonic()
    process = subprocess.Popen(
        ["make", "--no-print-directory", "run"], cwd=ROOT, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT, text=True, start_new_session=True,
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if READY_LINE in line:
                elapsed = time.monotonic() - started
                break
            if time.monotonic() - started > TIMEOUT_SECONDS:
                raise RuntimeError("make run did not get ready in time")
        else:
            raise RuntimeError(f"make run stopped before it was ready (exit {process.wait()})")
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.communicate(timeout=60)
    # make passes Ctrl-C on: it ends with the signal itself (-2) or with 130.
    if process.returncode not in (0, 130, -signal.SIGINT):
        raise RuntimeError(f"make run exited with {process.returncode} after Ctrl-C")
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    times = []
    for number in range(1, runs + 1):
        seconds = one_run()
        times.append(seconds)
        print(f"run {number}: {seconds:.1f} s", flush=True)
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    print(f"warm make run, {runs} runs: median {statistics.median(times):.1f} s, p95 {p95:.1f} s")


if __name__ == "__main__":
    main()
