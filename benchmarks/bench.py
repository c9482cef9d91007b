"""`make bench`: the load test against a stock Rasa bot and against the wegwijzer, in one run.

Setups, one after the other on this machine (nothing else should run meanwhile):
1. stock: `rasa init` of the same Rasa version, no custom actions, conversations in memory;
2. wegwijzer, one Rasa with SQLite, as `make run` starts it;
3. wegwijzer, PostgreSQL and Redis, one Rasa behind nginx;
4. the same with two Rasa instances (docs/scaling.md).

Each gets a realistic load (100 residents, 3-6 s between turns) and a saturation load (no
pauses), both with benchmarks/load.py. The table goes to stdout and to var/bench/.
Figures and how to read them: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "scripts"), str(ROOT / "benchmarks")]

from load import print_summary, run_load  # noqa: E402
from stack import (  # noqa: E402
    Service,
    SharedStores,
    Stack,
    add_stack_arguments,
    free_port,
    wait_until_ready,
)

from tests.postgres_server import PostgresServer  # noqa: E402

REALISTIC = {"residents": 100, "think": (3.0, 6.0), "ramp_up": 20.0, "duration": 60.0}
SATURATION = {"residents": 30, "think": (0.0, 0.0), "ramp_up": 5.0, "duration": 30.0}
QUICK = {"duration": 15.0, "ramp_up": 5.0}
RASA_QUIET = {"RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}


def stock_bot(rasa: Path, cache_dir: Path) -> Path:
    """A `rasa init` project, trained once and kept in the cache."""
    version = subprocess.run([str(rasa), "--version"], capture_output=True, text=True,
                             check=True).stdout.split("Rasa Version")[1].split()[1].lstrip(":")
    project = cache_dir / f"stock-rasa-{version.strip()}"
    if not list((project / "models").glob("*.tar.gz")):
        project.mkdir(parents=True, exist_ok=True)
        print(f"==> Training the stock bot of Rasa {version.strip()} (once, about a minute)")
        subprocess.run([str(rasa), "init", "--no-prompt", "--init-dir", str(project)],
                       cwd=project, env={**os.environ, **RASA_QUIET}, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return project


@contextmanager
def stock_running(rasa: Path, project: Path, log_dir: Path) -> Iterator[tuple[str, dict, float]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    stock = Service("stock", [str(rasa), "run", "--port", str(port), "-i", "127.0.0.1"],
                    RASA_QUIET, f"{url}/webhooks/rest/", cwd=project)
    started = time.monotonic()
    stock.start(log_dir)
    try:
        wait_until_ready({"stock": stock}, progress=lambda _line: None)
        assert stock.process is not None
        yield url, {"rasa": stock.process.pid}, time.monotonic() - started
    finally:
        stock.stop()


@contextmanager
def wegwijzer_running(args: argparse.Namespace, var_dir: Path, instances: int | None,
                      ) -> Iterator[tuple[str, dict, float]]:
    """instances=None: as `make run` (SQLite, no nginx); a number: the shared topology."""
    postgres = PostgresServer() if instances else None
    if postgres:
        postgres.start()
        postgres.create_database("rasa")
    try:
        stack = Stack(args.bot_python, args.actions_python, args.sk_python, args.model,
                      var_dir=var_dir, sk_port=free_port(), actions_port=free_port(),
                      rasa_port=free_port(),
                      shared=(SharedStores("127.0.0.1", postgres.port or 0, "postgres")
                              if postgres else None),
                      rasa_instances=instances or 1)
        started = time.monotonic()
        stack.start(progress=lambda _line: None)
        ready = time.monotonic() - started
        try:
            pids = {name: service.process.pid for name, service in stack.services.items()
                    if service.process and name not in ("nginx", "redis")}
            yield stack.rasa_url, pids, ready
        finally:
            stack.stop()
    finally:
        if postgres:
            postgres.stop()


def measure(name: str, running, quick: bool) -> dict:
    print(f"\n==> {name}: starting")
    with running as (url, pids, ready):
        print(f"    ready in {ready:.1f} s; realistic load")
        realistic = asyncio.run(run_load(url, pids=pids, **_settings(REALISTIC, quick)))
        print_summary(f"{name}, realistic", realistic)
        saturation = asyncio.run(run_load(url, pids=pids, **_settings(SATURATION, quick)))
        print_summary(f"{name}, saturation", saturation)
    return {"name": name, "ready_seconds": round(ready, 1), "realistic": realistic,
            "saturation": saturation}


def _settings(base: dict, quick: bool) -> dict:
    return {**base, **(QUICK if quick else {})}


def table(results: list[dict]) -> str:
    stock = results[0]
    stock_p95 = stock["realistic"]["all"]["p95_ms"]
    stock_tps = stock["saturation"]["turns_per_second"]
    lines = [
        "| Setup | Ready | Realistic p50 | p95 | p99 | p95 vs stock | Saturation turns/s "
        "| vs stock | Errors | Peak memory (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        real, sat = r["realistic"], r["saturation"]
        memory = {**real["peak_memory_mb"]}
        for process, mb in sat["peak_memory_mb"].items():
            memory[process] = max(memory.get(process, 0), mb)
        lines.append(
            f"| {r['name']} | {r['ready_seconds']:.0f} s | {real['all']['p50_ms']:.0f} ms "
            f"| {real['all']['p95_ms']:.0f} ms | {real['all']['p99_ms']:.0f} ms "
            f"| {real['all']['p95_ms'] / stock_p95:.2f}x "
            f"| {sat['turns_per_second']:.1f} | {sat['turns_per_second'] / stock_tps:.2f}x "
            f"| {real['errors'] + sat['errors']} "
            f"| {', '.join(f'{k} {v:.0f}' for k, v in memory.items())} |")
    lines += ["", "Realistic load, p95 per turn type:", "",
              "| Setup | vraag | plaats | melding |", "|---|---:|---:|---:|"]
    for r in results:
        per = r["realistic"]["per_type"]
        cells = [f"{per[t]['p95_ms']:.0f} ms" if per.get(t, {}).get("n") else "-"
                 for t in ("vraag", "plaats", "melding")]
        lines.append(f"| {r['name']} | {' | '.join(cells)} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_stack_arguments(parser)
    parser.add_argument("--cache-dir", type=Path, default=ROOT / ".cache")
    parser.add_argument("--quick", action="store_true", help="15 s per load instead of 60/30")
    args = parser.parse_args()

    rasa = args.bot_python.parent / "rasa"
    out_dir = ROOT / "var" / "bench"
    out_dir.mkdir(parents=True, exist_ok=True)
    project = stock_bot(rasa, args.cache_dir)
    with tempfile.TemporaryDirectory(prefix="wmo-bench-") as tmp:
        work = Path(tmp)
        setups = [
            ("stock Rasa (rasa init)", stock_running(rasa, project, out_dir)),
            ("wegwijzer, 1 Rasa, SQLite", wegwijzer_running(args, work / "a", None)),
            ("wegwijzer, 1 Rasa, PostgreSQL + Redis + nginx",
             wegwijzer_running(args, work / "b", 1)),
            ("wegwijzer, 2 Rasa, PostgreSQL + Redis + nginx",
             wegwijzer_running(args, work / "c", 2)),
        ]
        results = [measure(name, running, args.quick) for name, running in setups]
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    (out_dir / f"bench-{stamp}.json").write_text(json.dumps(results, indent=2))
    text = table(results)
    (out_dir / f"bench-{stamp}.md").write_text(text + "\n")
    print("\n" + text)
    print(f"\nWritten to {out_dir}/bench-{stamp}.md and .json")
    errors = sum(r["realistic"]["errors"] + r["saturation"]["errors"] for r in results)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
