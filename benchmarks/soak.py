"""`make soak`: half an hour of moderate load on the wegwijzer as `make run` starts it, with
failures halfway, to show that nothing leaks, nothing is lost and the errors stop (issue 9).

At half time the sociale kaart is killed (SIGKILL) and started again a minute later, as a
supervisor would; some minutes after it is back, the same happens to the action server. Then:

- memory: the resident set size of each process with its children, every 15 s; reported at the
  start (after the warm-up), at half time and at the end, with the growth in MB per 10 minutes
  (a straight line fitted through the samples of the first half, and of the second half from
  a warm-up after the process's own restart);
- errors: failed requests, empty replies and degraded replies (the bot says a part behind it
  is down) per minute, before, during and after each failure, and how long after the restart
  the last one came;
- meldingen: every melding the bot confirmed ("Uw melding is verstuurd") or kept for later
  ("Uw melding is niet kwijt") must be in the sociale kaart exactly once, as the team API
  shows it, once the outbox has delivered.

Exit status 1 when a melding is lost or stored twice, when conversations begun after a
restart still have errors after --grace seconds, or when a process grows faster than
--max-growth. The report goes to var/soak/, the stack's own
databases and logs to var/soak/<time>/. Other work on the machine makes the latencies noisy.

    python benchmarks/soak.py --bot-python ... --actions-python ... --sk-python ... --model ... \\
        [--minutes 30] [--residents 20] [--think 3 6] [--kill sociale_kaart --kill actions]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import math
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "scripts"), str(ROOT / "benchmarks")]

from load import MeldingConversation, Results, rss_mb, run_load  # noqa: E402
from stack import READY_TIMEOUT_SECONDS, Stack, add_stack_arguments, free_port  # noqa: E402

SAMPLE_SECONDS = 15.0
# A straight line through fewer minutes of samples says more about the garbage collector
# than about a leak: shorter windows are reported, not judged.
MIN_FIT_SECONDS = 300.0
DELIVERY_POLL_SECONDS = 5.0


@dataclass
class Failure:
    service: str
    killed: float  # seconds since the load started
    restarted: float = 0.0  # started again
    healthy: float | None = None  # answering again; None if it never did


@dataclass
class Sample:
    at: float
    rss_mb: dict[str, float | None]  # None while the process is down


@dataclass
class Run:
    started: float = field(default_factory=time.monotonic)
    samples: list[Sample] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    results: Results = field(default_factory=Results)

    def now(self) -> float:
        return time.monotonic() - self.started


@dataclass
class Plan:
    minutes: float
    residents: int
    think: tuple[float, float]
    kills: list[str]
    warm_up: float
    down: float
    gap: float
    grace: float
    max_growth: float
    settle: float
    seed: int

    @property
    def seconds(self) -> float:
        return self.minutes * 60

    @property
    def ramp_up(self) -> float:
        return min(20.0, self.warm_up)


def plan_from(args: argparse.Namespace) -> Plan:
    """The timings scale with a short run, unless given: a 3-minute run still has it all."""
    seconds = args.minutes * 60
    warm_up = args.warm_up if args.warm_up is not None else min(60.0, seconds / 6)
    down = args.down if args.down is not None else min(60.0, seconds / 10)
    gap = args.gap if args.gap is not None else min(240.0, seconds / 8)
    grace = args.grace if args.grace is not None else min(60.0, gap / 2)
    plan = Plan(args.minutes, args.residents, (args.think[0], args.think[1]),
                args.kill or ["sociale_kaart", "actions"], warm_up, down, gap, grace,
                args.max_growth, args.settle, args.seed)
    # A restart takes a few seconds; each failure needs its down time, the gap and the grace.
    needed = seconds / 2 + len(plan.kills) * (down + 5) + (len(plan.kills) - 1) * gap + grace
    if needed > seconds:
        raise SystemExit(f"{len(plan.kills)} failure(s) of {down:.0f} s with {gap:.0f} s between "
                         f"do not fit in the second half of {args.minutes} minutes.")
    return plan


# --- during the run ---

async def sample_memory(stack: Stack, run: Run, until: float) -> None:
    last_report = -60.0
    while run.now() < until:
        rss: dict[str, float | None] = {}
        for name, service in stack.services.items():
            process = service.process
            rss[name] = rss_mb(process.pid) if process and process.poll() is None else None
        run.samples.append(Sample(round(run.now(), 1), rss))
        if run.now() - last_report >= 60:
            last_report = run.now()
            print(progress_line(run), flush=True)
        await asyncio.sleep(SAMPLE_SECONDS)


def progress_line(run: Run) -> str:
    outcomes = run.results.outcomes
    bad = sum(outcome.status != "ok" for outcome in outcomes)
    memory = "  ".join(f"{name} {mb:.0f} MB" if mb is not None else f"{name} down"
                       for name, mb in run.samples[-1].rss_mb.items())
    return f"  {clock(run.now())}  turns {len(outcomes):6}  not ok {bad:4}  {memory}"


async def inject_failures(stack: Stack, run: Run, plan: Plan) -> None:
    """Kill each service in turn with SIGKILL and start it again after `plan.down` seconds."""
    next_kill = plan.seconds / 2
    for name in plan.kills:
        await asyncio.sleep(max(0.0, next_kill - run.now()))
        service = stack.services[name]
        assert service.process is not None
        os.killpg(service.process.pid, signal.SIGKILL)
        service.process.wait()
        failure = Failure(name, round(run.now(), 1))
        run.failures.append(failure)
        print(f"  {clock(failure.killed)}  killed {name} (SIGKILL)", flush=True)
        await asyncio.sleep(plan.down)
        # From this thread: a service started from a worker thread would be stopped by Linux
        # when that thread ends (PR_SET_PDEATHSIG follows the thread, not the process).
        service.start(stack.var_dir / "log")
        failure.restarted = round(run.now(), 1)
        while run.now() - failure.restarted < READY_TIMEOUT_SECONDS:
            if await asyncio.to_thread(service.is_healthy):
                failure.healthy = round(run.now(), 1)
                break
            if service.has_died():
                break
            await asyncio.sleep(0.5)
        print(f"  {clock(run.now())}  {name} started again, "
              + (f"answering after {failure.healthy - failure.restarted:.1f} s"
                 if failure.healthy is not None else "NOT answering"), flush=True)
        next_kill = (failure.healthy or run.now()) + plan.gap


async def soak(stack: Stack, plan: Plan, run: Run) -> dict:
    load = asyncio.create_task(run_load(
        stack.rasa_url, plan.residents, plan.think, plan.ramp_up, plan.seconds - plan.ramp_up,
        seed=plan.seed, results=run.results))
    memory = asyncio.create_task(sample_memory(stack, run, plan.seconds))
    failures = asyncio.create_task(inject_failures(stack, run, plan))
    summary = await load
    await failures
    await memory
    return summary


# --- meldingen ---

class TeamView:
    """An admin account on the team API: sees the meldingen of every gemeente."""

    def __init__(self, stack: Stack):
        wachtwoord = stack.staff_account("soak", "admin", [])
        self.http = httpx.Client(base_url=stack.sk_url, timeout=30)
        self.http.post("/staff/login", json={"gebruikersnaam": "soak",
                                             "wachtwoord": wachtwoord}).raise_for_status()

    def numbers_per_name(self) -> dict[str, set[str]]:
        """Each name with the melding numbers stored for it. By number, because a melding that
        arrives while paging shifts the pages and shows one melding twice."""
        found: dict[str, set[str]] = {}
        page = 1
        while True:
            response = self.http.get("/team/meldingen", params={"per_page": 200, "page": page})
            response.raise_for_status()
            body = response.json()
            for melding in body["contents"]:
                found.setdefault(melding["naam"], set()).add(melding["nummer"])
            if body["last_page"] or body["empty"]:
                return found
            page += 1


def waiting_in_outbox(stack: Stack) -> int:
    with sqlite3.connect(f"file:{stack.var_dir / 'melding-outbox.db'}?mode=ro", uri=True) as db:
        return int(db.execute("SELECT COUNT(*) FROM outbox WHERE status = 'wacht'").fetchone()[0])


def check_meldingen(stack: Stack, team: TeamView, run: Run, plan: Plan) -> dict:
    """Wait until the outbox is empty and every filed melding has arrived (or `settle` s
    passed), then count."""
    results = run.results
    filed = {m.name for m in results.meldingen if m.outcome in ("sent", "kept")}
    deadline = time.monotonic() + plan.settle
    while True:
        stored = team.numbers_per_name()
        waiting = waiting_in_outbox(stack)
        if (not waiting and filed <= stored.keys()) or time.monotonic() > deadline:
            break
        time.sleep(DELIVERY_POLL_SECONDS)
    outcomes = Counter(m.outcome for m in results.meldingen)
    return {
        "conversations": len(results.meldingen),
        "sent": outcomes["sent"], "kept": outcomes["kept"],
        "other": outcomes["other"], "unfinished": outcomes["unfinished"],
        # A melding that went wrong while nothing was down points at the bot, not the failure.
        "other_outside_failures": sum(
            m.outcome == "other" and not _during_a_failure(m, run, plan)
            for m in results.meldingen),
        "filed": len(filed),
        "delivered": len(filed & stored.keys()),
        "lost": sorted(filed - stored.keys()),
        "duplicated": sorted(name for name, numbers in stored.items() if len(numbers) > 1),
        # Arrived, but the resident was not told so: the reply was lost with a killed service.
        "unconfirmed": sorted(stored.keys() - filed),
        "still_in_outbox": waiting,
    }


def _during_a_failure(melding: MeldingConversation, run: Run, plan: Plan) -> bool:
    began = melding.began - run.started
    ended = (melding.ended or time.monotonic()) - run.started
    return any(began < (f.healthy or plan.seconds) + plan.grace and ended > f.killed
               for f in run.failures)


# --- figures ---

def clock(seconds: float) -> str:
    return f"{int(seconds // 60):2d}:{int(seconds % 60):02d}"


def slope_per_10_min(points: list[tuple[float, float]]) -> float:
    """Least-squares slope of (seconds, MB), in MB per 10 minutes."""
    n = len(points)
    mean_t = sum(t for t, _ in points) / n
    mean_m = sum(m for _, m in points) / n
    spread = sum((t - mean_t) ** 2 for t, _ in points)
    if spread == 0:
        return 0.0
    return sum((t - mean_t) * (m - mean_m) for t, m in points) / spread * 600


def memory_figures(run: Run, plan: Plan) -> dict[str, dict]:
    first_kill = run.failures[0].killed if run.failures else plan.seconds / 2
    figures = {}
    for name in run.samples[0].rss_mb:
        points = [(s.at, mb) for s in run.samples if (mb := s.rss_mb.get(name)) is not None]
        restarts = [f.healthy for f in run.failures if f.service == name and f.healthy]
        second_from = max([first_kill, *[t + plan.warm_up for t in restarts]])
        windows = {"first_half": (plan.warm_up, first_kill), "second_half": (second_from,
                                                                             plan.seconds)}
        growth = {}
        for window, (begin, end) in windows.items():
            inside = [(t, mb) for t, mb in points if begin <= t <= end]
            long_enough = len(inside) >= 3 and inside[-1][0] - inside[0][0] >= MIN_FIT_SECONDS
            growth[window] = {"mb_per_10_min": round(slope_per_10_min(inside), 1)
                              if len(inside) >= 2 else None,
                              "minutes": round((end - begin) / 60, 1), "judged": long_enough}
        figures[name] = {
            "start": _first_at_or_after(points, plan.warm_up),
            "half": _last_before(points, first_kill),
            "end": points[-1][1] if points else None,
            "peak": max((mb for _, mb in points), default=None),
            "restarted": bool(restarts),
            "growth": growth,
            "too_fast": [window for window, g in growth.items() if g["judged"]
                         and g["mb_per_10_min"] is not None
                         and g["mb_per_10_min"] > plan.max_growth],
        }
    return figures


def _first_at_or_after(points: list[tuple[float, float]], moment: float) -> float | None:
    return next((mb for t, mb in points if t >= moment), None)


def _last_before(points: list[tuple[float, float]], moment: float) -> float | None:
    before = [mb for t, mb in points if t < moment]
    return before[-1] if before else None


@dataclass(frozen=True)
class Turn:
    at: float  # seconds since the load started, when the reply came
    status: str
    began: float  # when its conversation began, on the same clock


def turns_of(run: Run) -> list[Turn]:
    return [Turn(o.at - run.started, o.status, o.conversation_began - run.started)
            for o in run.results.outcomes]


def error_rate(turns: list[Turn], begin: float, end: float,
               began_after: float = -math.inf) -> dict:
    inside = [t.status for t in turns if begin <= t.at < end and t.began >= began_after]
    kinds = Counter(status for status in inside if status != "ok")
    bad = sum(kinds.values())
    return {"from": round(begin, 1), "to": round(end, 1), "turns": len(inside), "not_ok": bad,
            "percent": round(100 * bad / len(inside), 1) if inside else None,
            "kinds": dict(kinds)}


def failure_figures(run: Run, plan: Plan) -> list[dict]:
    """Errors before, during and after each failure. A scripted resident whose conversation
    broke during the failure goes on with the script after the restart and gets wrong answers
    until that conversation ends; so recovery is judged on conversations begun after the
    restart, and the last error of any conversation is reported as well."""
    turns = turns_of(run)
    figures = []
    before_from, began_after = plan.warm_up, -math.inf
    for number, failure in enumerate(run.failures):
        back = failure.healthy if failure.healthy is not None else plan.seconds
        later = run.failures[number + 1].killed if number + 1 < len(run.failures) else None
        after_until = later if later is not None else plan.seconds
        errors_after = [t for t in turns if back <= t.at < after_until and t.status != "ok"]
        last_error = max((t.at for t in errors_after), default=None)
        figures.append({
            **asdict(failure),
            "before": error_rate(turns, before_from, failure.killed, began_after),
            "during": error_rate(turns, failure.killed, back),
            "after": error_rate(turns, back, after_until),
            "after_new_conversations": error_rate(turns, back, after_until, began_after=back),
            "seconds_until_no_errors": round(last_error - back, 1) if last_error else 0.0,
            "recovered": failure.healthy is not None and not any(
                t.at >= back + plan.grace and t.began >= back for t in errors_after),
        })
        before_from, began_after = back, back
    return figures


def per_minute(run: Run, plan: Plan) -> list[dict]:
    minutes: dict[int, Counter] = {}
    for turn in turns_of(run):
        minutes.setdefault(int(turn.at // 60), Counter())[turn.status] += 1
    rows = []
    for minute in range(int(plan.seconds // 60) + 1):
        counts = minutes.get(minute, Counter())
        turns = sum(counts.values())
        if turns:
            rows.append({"minute": minute, "turns": turns, "not_ok": turns - counts["ok"],
                         "percent": round(100 * (turns - counts["ok"]) / turns, 1)})
    return rows


# --- report ---

def machine(load_average_start: tuple[float, ...]) -> dict:
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text()
                     .splitlines() if line.startswith("MemTotal:"))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                           capture_output=True, text=True).stdout.strip()
    return {"cores": os.cpu_count(), "memory_gib": round(memory_kb / 1024 ** 2),
            "system": platform.platform(), "python": platform.python_version(),
            "commit": (commit + (" with uncommitted changes" if dirty else "")
                       if commit else "unknown (not a git checkout)"),
            "load_average_start": [round(x, 2) for x in load_average_start],
            "load_average_end": [round(x, 2) for x in os.getloadavg()]}


def _mb(value: float | None) -> str:
    return f"{value:.0f}" if value is not None else "-"


def _rate(figure: dict) -> str:
    if not figure["turns"]:
        return "no turns"
    return f"{figure['percent']:.1f}% ({figure['not_ok']} of {figure['turns']})"


def report(plan: Plan, command: str, box: dict, summary: dict, memory: dict,
           failures: list[dict], minutes: list[dict], meldingen: dict,
           verdicts: list[str]) -> str:
    lines = [
        f"# Soak test, {dt.datetime.now():%Y-%m-%d %H:%M}", "",
        f"Command: `{command}`", "",
        f"Machine: {box['cores']} cores, {box['memory_gib']} GiB, {box['system']}, Python "
        f"{box['python']}; commit {box['commit']}. Load average at the start "
        f"{' / '.join(map(str, box['load_average_start']))}, at the end "
        f"{' / '.join(map(str, box['load_average_end']))} (other work on the machine counts).",
        "",
        f"Load: {plan.residents} residents, {plan.think[0]:g}-{plan.think[1]:g} s between turns, "
        f"{plan.minutes:g} minutes ({plan.ramp_up:.0f} s ramp-up, warm-up {plan.warm_up:.0f} s); "
        f"{summary['turns']} turns measured, {summary['turns_per_second']} per second; "
        f"latency p50 {summary['all'].get('p50_ms', '-')} ms, p95 "
        f"{summary['all'].get('p95_ms', '-')} ms, p99 {summary['all'].get('p99_ms', '-')} ms.",
        "",
        "## Failures", "",
        "| Service | Killed | Started again | Answering | Errors before | During | After "
        "| After, new conversations | Last error after restart | Recovered |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for f in failures:
        healthy = clock(f["healthy"]) if f["healthy"] is not None else "never"
        lines.append(
            f"| {f['service']} | {clock(f['killed'])} | {clock(f['restarted'])} | {healthy} "
            f"| {_rate(f['before'])} | {_rate(f['during'])} | {_rate(f['after'])} "
            f"| {_rate(f['after_new_conversations'])} | {f['seconds_until_no_errors']:.0f} s "
            f"| {'yes' if f['recovered'] else 'NO'} |")
    lines += ["", "Errors are failed requests, empty replies and degraded replies (the bot says "
              "something is wrong, that it cannot look up the gemeente, or that the melding "
              "waits in the outbox). 'Before' runs from the warm-up, or from the previous "
              "restart for conversations begun after it; 'after' from the restart to the next "
              "failure or the end. A scripted resident whose conversation broke goes on with "
              "the script after the restart and gets wrong answers until that conversation "
              "ends: 'last error after restart' counts those, 'after, new conversations' does "
              "not. Recovered: the service answers again, and conversations begun after the "
              f"restart have no error later than {plan.grace:.0f} s after it.", "",
              "## Memory (MB, resident set size with children)", "",
              "| Process | Start | Half time | End | Peak | Growth first half (MB/10 min) "
              "| Growth second half (MB/10 min) |",
              "|---|---:|---:|---:|---:|---:|---:|"]
    for name, m in memory.items():
        cells = []
        for window in ("first_half", "second_half"):
            g = m["growth"][window]
            if g["mb_per_10_min"] is None:
                cells.append("-")
                continue
            cells.append(f"{g['mb_per_10_min']:+.1f} over {g['minutes']:.0f} min"
                         + ("" if g["judged"] else " (too short to judge)"))
        restarted = " (restarted)" if m["restarted"] else ""
        lines.append(f"| {name}{restarted} | {_mb(m['start'])} | {_mb(m['half'])} "
                     f"| {_mb(m['end'])} | {_mb(m['peak'])} | {cells[0]} | {cells[1]} |")
    lines += ["", f"Growth is the slope of a straight line through the samples (every "
              f"{SAMPLE_SECONDS:.0f} s); for a restarted process the second half starts "
              f"{plan.warm_up:.0f} s after its restart. Limit: {plan.max_growth:g} MB per 10 "
              f"minutes, judged over windows of at least {MIN_FIT_SECONDS / 60:.0f} minutes.",
              "", "## Meldingen", "",
              f"{meldingen['conversations']} melding conversations: {meldingen['sent']} sent, "
              f"{meldingen['kept']} kept in the outbox while the sociale kaart was down, "
              f"{meldingen['other']} ended otherwise ({meldingen['other_outside_failures']} "
              f"of them away from a failure), {meldingen['unfinished']} cut off by an error or "
              f"the end of the run.", "",
              "| Filed | Delivered | Lost | Duplicated | Arrived without a confirmation "
              "| Still in the outbox |",
              "|---:|---:|---:|---:|---:|---:|",
              f"| {meldingen['filed']} | {meldingen['delivered']} | {len(meldingen['lost'])} "
              f"| {len(meldingen['duplicated'])} | {len(meldingen['unconfirmed'])} "
              f"| {meldingen['still_in_outbox']} |", "",
              "## Errors per minute", "",
              "| Minute | Turns | Not ok | % |", "|---:|---:|---:|---:|"]
    lines += [f"| {r['minute']} | {r['turns']} | {r['not_ok']} | {r['percent']:.1f} |"
              for r in minutes]
    lines += ["", "## Verdict", ""]
    lines += [f"- {v}" for v in verdicts] or ["- passed: no melding lost or stored twice, errors "
                                              "stopped after each restart, no memory growth "
                                              "above the limit"]
    return "\n".join(lines) + "\n"


def verdicts_of(memory: dict, failures: list[dict], meldingen: dict, plan: Plan) -> list[str]:
    problems = []
    if meldingen["lost"]:
        problems.append(f"LOST meldingen: {', '.join(meldingen['lost'])}")
    if meldingen["duplicated"]:
        problems.append(f"meldingen stored more than once: {', '.join(meldingen['duplicated'])}")
    if not meldingen["filed"]:
        problems.append("no melding was filed, so nothing was checked (did the bot's texts "
                        "change? see STORING, BEWAARD and VERSTUURD in benchmarks/load.py)")
    problems += [f"errors went on after {f['service']} was restarted"
                 for f in failures if not f["recovered"]]
    if len(failures) < len(plan.kills):
        problems.append("not every failure was injected")
    problems += [f"{name} grew faster than {plan.max_growth:g} MB per 10 minutes "
                 f"({', '.join(m['too_fast'])})" for name, m in memory.items() if m["too_fast"]]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    add_stack_arguments(parser)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--residents", type=int, default=20)
    parser.add_argument("--think", type=float, nargs=2, default=(3.0, 6.0),
                        metavar=("MIN", "MAX"), help="seconds between a reply and the next turn")
    parser.add_argument("--kill", action="append", choices=["sociale_kaart", "actions"],
                        help="service to kill, in this order (default: sociale_kaart, actions)")
    parser.add_argument("--down", type=float, help="seconds a killed service stays down "
                        "(default 60, or a tenth of the run if that is less)")
    parser.add_argument("--gap", type=float, help="seconds from one restart to the next failure "
                        "(default 240, or an eighth of the run if that is less)")
    parser.add_argument("--warm-up", type=float, help="seconds before memory and errors count "
                        "(default 60, or a sixth of the run if that is less)")
    parser.add_argument("--grace", type=float, help="seconds after a restart in which errors "
                        "may go on (default 60, or half the gap if that is less)")
    parser.add_argument("--max-growth", type=float, default=10.0,
                        help="MB per 10 minutes a process may grow (default 10)")
    parser.add_argument("--settle", type=float, default=180.0,
                        help="seconds to wait for the outbox after the load (default 180)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    plan = plan_from(args)

    # SIGTERM (kill, a CI timeout) must stop the services too, like Ctrl-C.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    load_average_start = os.getloadavg()
    out_dir = ROOT / "var" / "soak"
    stack = Stack(args.bot_python, args.actions_python, args.sk_python, args.model,
                  var_dir=out_dir / stamp, sk_port=free_port(), actions_port=free_port(),
                  rasa_port=free_port())
    print(f"==> Soak: {plan.minutes:g} min, {plan.residents} residents, killing "
          f"{', '.join(plan.kills)} from half time; stack in {stack.var_dir}", flush=True)
    try:
        stack.start(progress=lambda _line: None)
        run = Run()
        summary = asyncio.run(soak(stack, plan, run))
        print("==> Load done; waiting for the outbox and counting meldingen", flush=True)
        meldingen = check_meldingen(stack, TeamView(stack), run, plan)
    finally:
        stack.stop()
    box = machine(load_average_start)
    memory = memory_figures(run, plan)
    failures = failure_figures(run, plan)
    minutes = per_minute(run, plan)
    verdicts = verdicts_of(memory, failures, meldingen, plan)
    text = report(plan, _short_command(), box, summary, memory, failures, minutes, meldingen,
                  verdicts)
    (out_dir / f"soak-{stamp}.md").write_text(text)
    (out_dir / f"soak-{stamp}.json").write_text(json.dumps({
        "plan": asdict(plan), "machine": box, "summary": summary, "memory": memory,
        "failures": failures, "per_minute": minutes, "meldingen": meldingen,
        "samples": [asdict(s) for s in run.samples], "problems": verdicts,
        "melding_conversations": [
            {**asdict(m), "began": round(m.began - run.started, 1),
             "ended": round(m.ended - run.started, 1) if m.ended else None}
            for m in run.results.meldingen]}, indent=2))
    print("\n" + text)
    print(f"Written to {out_dir}/soak-{stamp}.md and .json")
    return 1 if verdicts else 0


def _short_command() -> str:
    """The command line without the environment and model paths, which are the Makefile's."""
    skip = {"--bot-python", "--actions-python", "--sk-python", "--model"}
    kept, arguments = [], iter(sys.argv[1:])
    for arg in arguments:
        if arg in skip:
            next(arguments, None)
        else:
            kept.append(arg)
    return "make soak" + (f' SOAK_ARGS="{" ".join(kept)}"' if kept else "")


if __name__ == "__main__":
    sys.exit(main())
