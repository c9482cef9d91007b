"""Load generator: simulated residents holding real conversations through Rasa's REST channel.

Each resident opens a conversation, asks a question, names the place (the answer comes from the
sociale kaart) and, for some, goes on to make a melding; then starts a new conversation, until
the time is up. Latency is measured per turn and grouped by turn type:

- vraag:   the first question of a conversation;
- plaats:  the place, answered with help from the sociale kaart;
- melding: a turn of the melding form (the last one files it in the sociale kaart).

Every turn's outcome is kept with its time (ok, error, empty or degraded: the bot answered, but
said a part behind it was down), and every melding conversation with its resident's name, which
is unique, and how it ended: benchmarks/soak.py uses both.

Usage (only localhost is accepted, so this cannot be pointed at a gemeente's site):

    python benchmarks/load.py --url http://127.0.0.1:5005 --residents 100 --think 3 6 \\
        --ramp-up 20 --duration 60 [--token TOKEN] [--pid rasa=1234 ...] [--json out.json]

`--think 0 0` gives a closed loop without pauses: the saturation throughput. `--pid NAME=PID`
samples the memory of that process and its children; the peak is reported. Standard library
plus httpx, so it runs in any of the project's environments.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlparse

import httpx

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TURN_TIMEOUT_SECONDS = 30
MEMORY_SAMPLE_SECONDS = 0.5

# What residents say. Dutch and Frisian, short and long, as in the held-out conversations.
QUESTIONS = [
    ("Ik kan mijn huis niet meer zelf schoonhouden sinds mijn heupoperatie", "Drachten"),
    ("Ik kan niet meer goed lopen en wil naar de supermarkt", "Heerenveen"),
    ("Mijn moeder heeft dementie en ik ben zo moe van de zorg", "Sneek"),
    ("Ik voel me alleen en wil graag andere mensen ontmoeten", "Leeuwarden"),
    ("Ik heb hulp nodig bij het douchen en aankleden", "Dokkum"),
    ("Ik kin myn hûs net mear skjin hâlde", "Snits"),
    ("myn heit hat demintens en ik bin sa wurch", "De Jouwer"),
    ("Ik heb schulden en weet niet waar ik moet beginnen", "Harlingen"),
    ("Ik zit in een rolstoel en mijn badkamer is te klein", "Franeker"),
    ("help thuis", "Wolvega"),
]
# The melding after the Drachten question (see tests/e2e/test_melding.py for the same steps).
# NAAM stands for a name of its own per melding, so each can be found in the sociale kaart.
NAAM = "{naam}"
MELDING = ["/melding_doen", "Voor mijzelf", NAAM, "06-12345678", "Ja, dat klopt",
           "In de ochtend", "Ja", "Nee", "Ja, alles klopt", "Ja, versturen"]
MELDING_SHARE = 0.1  # of conversations; a melding has ten turns, so a third of all turns

# What the bot says when a part behind it is down (bot/domain: utter_contact_algemeen,
# utter_melding_bewaard; bot/gesprekken/storing.py for the action server), and when a melding
# was sent (utter_melding_verstuurd).
STORING = ("Ik kan de gegevens van uw gemeente nu niet opzoeken",
           "Ik kin de gegevens fan jo gemeente no net opsykje",
           "Er gaat bij ons iets mis", "Der giet by ús wat mis")
BEWAARD = ("Uw melding is niet kwijt", "Jo melding is net kwyt")
VERSTUURD = ("Uw melding is verstuurd", "Jo melding is ferstjoerd")


class Outcome(NamedTuple):
    at: float  # monotonic time of the reply
    kind: str
    status: str  # "ok", "error", "empty" or "degraded"
    conversation_began: float


@dataclass
class MeldingConversation:
    name: str
    sender: str
    outcome: str = "unfinished"  # then "sent", "kept" (in the outbox) or "other"
    began: float = field(default_factory=time.monotonic)
    ended: float | None = None


def melding_name() -> str:
    """A name no other melding has, in letters only, as the melding form wants a name."""
    letters = "".join(chr(ord("a") + int(digit, 16)) for digit in uuid.uuid4().hex[:10])
    return f"Anna {letters.capitalize()}"


def reply_status(texts: str) -> str:
    if not texts.strip():
        return "empty"
    if any(text in texts for text in (*STORING, *BEWAARD)):
        return "degraded"
    return "ok"


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    empty: int = 0
    degraded: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    meldingen: list[MeldingConversation] = field(default_factory=list)
    measured_from: float = 0.0
    ended: float = 0.0

    def record(self, kind: str, seconds: float, at: float) -> None:
        # Turns during the ramp-up are not counted: the load is not yet at its level.
        if at >= self.measured_from:
            self.latencies.setdefault(kind, []).append(seconds)

    def summary(self) -> dict:
        window = max(self.ended - self.measured_from, 1e-9)
        every = [s for values in self.latencies.values() for s in values]
        per_type = {kind: _percentiles(values) for kind, values in sorted(self.latencies.items())}
        return {
            "turns": len(every),
            "turns_per_second": round(len(every) / window, 2),
            "errors": len(self.errors),
            "empty_replies": self.empty,
            "degraded_replies": self.degraded,
            "meldingen": {outcome: sum(m.outcome == outcome for m in self.meldingen)
                          for outcome in ("sent", "kept", "other", "unfinished")},
            "first_errors": self.errors[:5],
            "all": _percentiles(every),
            "per_type": per_type,
            "measured_seconds": round(window, 1),
        }


def _percentiles(values: list[float]) -> dict:
    if not values:
        return {"n": 0}
    ordered = sorted(values)

    def at(fraction: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] * 1000, 1)

    return {"n": len(values), "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p95_ms": at(0.95), "p99_ms": at(0.99)}


class Resident:
    def __init__(self, client: httpx.AsyncClient, url: str, results: Results,
                 think: tuple[float, float], until: float, rng: random.Random) -> None:
        self.client, self.url, self.results = client, url, results
        self.think, self.until, self.rng = think, until, rng
        self.conversation_began = 0.0

    async def live(self) -> None:
        while time.monotonic() < self.until:
            await self.conversation()

    async def conversation(self) -> None:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        self.conversation_began = time.monotonic()
        melding = None
        if self.rng.random() < MELDING_SHARE:
            melding = MeldingConversation(melding_name(), sender)
            self.results.meldingen.append(melding)
        vraag, plaats = QUESTIONS[0] if melding else self.rng.choice(QUESTIONS)
        turns = [("vraag", vraag), ("plaats", plaats)]
        if melding:
            turns += [("melding", text.format(naam=melding.name)) for text in MELDING]
        reply = await self.talk(sender, turns)
        if melding:
            melding.ended = time.monotonic()
            if reply is not None:
                melding.outcome = ("sent" if any(t in reply for t in VERSTUURD) else
                                   "kept" if any(t in reply for t in BEWAARD) else "other")

    async def talk(self, sender: str, turns: list[tuple[str, str]]) -> str | None:
        """The last reply; None when the conversation was cut off (an error, or time is up)."""
        reply = ""
        for kind, text in turns:
            if time.monotonic() >= self.until:
                return None
            answer = await self.turn(sender, kind, text)
            if answer is None:
                return None
            reply = answer
            await asyncio.sleep(self.rng.uniform(*self.think))
        return reply

    async def turn(self, sender: str, kind: str, text: str) -> str | None:
        """The reply's texts; None when the request failed."""
        started = time.monotonic()
        try:
            response = await self.client.post(self.url, json={"sender": sender, "message": text})
        except httpx.HTTPError as exc:
            self.failed(kind, f"{type(exc).__name__}: {exc}")
            return None
        elapsed = time.monotonic() - started
        if response.status_code != 200:
            self.failed(kind, f"HTTP {response.status_code}")
            return None
        texts = "\n".join(str(message.get("text") or "") for message in response.json())
        status = reply_status(texts)
        if status == "empty":
            self.results.empty += 1
        elif status == "degraded":
            self.results.degraded += 1
        self.results.outcomes.append(
            Outcome(time.monotonic(), kind, status, self.conversation_began))
        self.results.record(kind, elapsed, started)
        return texts

    def failed(self, kind: str, why: str) -> None:
        self.results.errors.append(f"{kind}: {why}")
        self.results.outcomes.append(
            Outcome(time.monotonic(), kind, "error", self.conversation_began))


class MemoryWatch:
    """Peak resident memory (RSS) of named processes, each with its children, from /proc."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.pids = pids
        self.peak_mb: dict[str, float] = {name: 0.0 for name in pids}

    async def run(self, until: float) -> None:
        while time.monotonic() < until:
            for name, pid in self.pids.items():
                self.peak_mb[name] = max(self.peak_mb[name], rss_mb(pid))
            await asyncio.sleep(MEMORY_SAMPLE_SECONDS)


def rss_mb(pid: int) -> float:
    """RSS of a process and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total_kb, todo = 0, [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            continue
    return round(total_kb / 1024, 1)


async def run_load(url: str, residents: int, think: tuple[float, float], ramp_up: float,
                   duration: float, token: str | None = None, pids: dict[str, int] | None = None,
                   seed: int = 1, results: Results | None = None) -> dict:
    """Run the load and return the summary (also used by benchmarks/bench.py and soak.py).
    Pass `results` to read every turn's outcome and every melding afterwards."""
    check_loopback(url)
    webhook = url.rstrip("/") + "/webhooks/rest/webhook"
    results = results if results is not None else Results()
    results.measured_from = time.monotonic() + ramp_up
    until = results.measured_from + duration
    watch = MemoryWatch(pids or {})
    limits = httpx.Limits(max_connections=residents, max_keepalive_connections=residents)
    params = {"token": token} if token else None
    async with httpx.AsyncClient(timeout=TURN_TIMEOUT_SECONDS, limits=limits,
                                 params=params) as client:
        tasks = [asyncio.create_task(watch.run(until))]
        for number in range(residents):
            resident = Resident(client, webhook, results, think, until,
                                random.Random(seed * 100_003 + number))
            tasks.append(asyncio.create_task(resident.live()))
            await asyncio.sleep(ramp_up / residents)
        await asyncio.gather(*tasks)
    results.ended = min(time.monotonic(), until)
    summary = results.summary()
    summary["peak_memory_mb"] = watch.peak_mb
    summary["settings"] = {"residents": residents, "think_seconds": list(think),
                           "ramp_up_seconds": ramp_up, "duration_seconds": duration}
    return summary


def check_loopback(url: str) -> None:
    host = urlparse(url).hostname
    if host not in LOOPBACK:
        raise SystemExit(f"Refusing to load {host!r}: this tool only targets localhost.")


def print_summary(title: str, summary: dict) -> None:
    print(f"\n{title}: {summary['turns']} turns, {summary['turns_per_second']} per second, "
          f"{summary['errors']} errors, {summary['empty_replies']} empty replies, "
          f"{summary['degraded_replies']} degraded replies")
    meldingen = summary["meldingen"]
    if any(meldingen.values()):
        print("  meldingen: " + ", ".join(f"{n} {outcome}" for outcome, n in meldingen.items()))
    for kind, figures in [("all", summary["all"]), *summary["per_type"].items()]:
        if figures.get("n"):
            print(f"  {kind:8} n={figures['n']:5}  p50 {figures['p50_ms']:7.1f} ms  "
                  f"p95 {figures['p95_ms']:7.1f} ms  p99 {figures['p99_ms']:7.1f} ms")
    for name, peak in summary["peak_memory_mb"].items():
        print(f"  peak memory {name}: {peak:.0f} MB")
    for error in summary["first_errors"]:
        print(f"  error: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", required=True, help="Rasa's base URL on this machine")
    parser.add_argument("--residents", type=int, default=100)
    parser.add_argument("--think", type=float, nargs=2, default=(3.0, 6.0),
                        metavar=("MIN", "MAX"), help="seconds between a reply and the next turn")
    parser.add_argument("--ramp-up", type=float, default=20.0)
    parser.add_argument("--duration", type=float, default=60.0)
    parser.add_argument("--token", help="Rasa's auth token, if the REST channel needs one")
    parser.add_argument("--pid", action="append", default=[], metavar="NAME=PID")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, help="also write the summary here")
    args = parser.parse_args()
    pids = {name: int(pid) for name, pid in (item.split("=", 1) for item in args.pid)}
    summary = asyncio.run(run_load(args.url, args.residents, tuple(args.think), args.ramp_up,
                                   args.duration, args.token, pids, args.seed))
    print_summary(args.url, summary)
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2))
    return 1 if summary["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
