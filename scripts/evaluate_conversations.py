"""Plays held-out conversations against a running bot and reports routing accuracy.

Each conversation (tests/eval/gesprekken_*.yml) is typed turn by turn into Rasa's REST channel.
When the bot asks where the resident lives, the runner answers with the conversation's
`woonplaats`. Afterwards it reads the conversation from Rasa's tracker (HTTP API, with the
token) and finds the first `utter_route_<route>` the bot sent: that is the route it took.
A conversation is right when that first route is the expected one, the answer names the
expected gemeente (in Frisian, its Frisian name is right too), and it contains every text in
`moet_bevatten`. Apart from that, a conversation with `taal` (nl or fy) checks the reply
language: the slot `taal` the bot answered in at the end of the conversation.

Usage: python scripts/evaluate_conversations.py --rasa-url URL --token TOKEN FILE [FILE ...]
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[1]
ROUTE_PREFIX = "utter_route_"
ASK_PLACE = "utter_ask_woonplaats"
GROEPEN = {
    "crisis": {"crisis_suicide", "crisis_geweld", "crisis_acuut", "crisis_dakloos"},
    "wmo": {"huishouden", "vervoer", "hulpmiddelen", "wonen", "eenzaamheid", "begeleiding",
            "dagbesteding", "maaltijden", "klussen", "mantelzorg", "algemeen",
            "clientondersteuning"},
    "andere wet of loket": {"zvw", "wlz", "jeugd", "werk_inkomen", "schulden",
                            "beschermd_wonen", "zorg_om_ander", "hulpmiddel_kapot"},
    "uitleg": {"melding", "gesprek", "persoonlijk_plan", "onderzoek", "aanvraag", "bezwaar",
               "klacht", "pgb", "eigen_bijdrage"},
    "overig": {"buiten_wmo", "bot", "privacy", "mens"},
}


@dataclass
class Uitkomst:
    case: dict[str, Any]
    route: str | None
    tekst: str
    fouten: list[str] = field(default_factory=list)
    taal: str | None = None  # the language the bot answered in

    @property
    def taal_goed(self) -> bool:
        return self.case.get("taal") in (None, self.taal)

    @property
    def goed(self) -> bool:
        return not self.fouten


def fryske_nammen() -> dict[str, str]:
    """Gemeente name -> its Frisian name, from the example data of the sociale kaart."""
    data = json.loads((ROOT / "sociale_kaart" / "example_data" / "fryslan.json")
                      .read_text(encoding="utf-8"))
    return {g["naam"]: g.get("naam_fy") or g["naam"] for g in data["gemeenten"]}


FRYSKE_NAMMEN = fryske_nammen()


def groep_van(route: str) -> str:
    return next((g for g, routes in GROEPEN.items() if route in routes), "onbekend")


class Bot:
    def __init__(self, rasa_url: str, token: str, timeout: float = 30):
        self.http = httpx.Client(base_url=rasa_url.rstrip("/"), timeout=timeout)
        self.token = token

    def say(self, sender: str, text: str) -> str:
        response = self.http.post("/webhooks/rest/webhook",
                                  json={"sender": sender, "message": text})
        response.raise_for_status()
        return "\n".join(m.get("text") or "" for m in response.json())

    def tracker(self, sender: str) -> dict[str, Any]:
        response = self.http.get(f"/conversations/{sender}/tracker",
                                 params={"token": self.token, "include_events": "ALL"})
        response.raise_for_status()
        return dict(response.json())

    def bot_events(self, sender: str) -> list[dict[str, Any]]:
        return [e for e in self.tracker(sender)["events"] if e.get("event") == "bot"]


def utter_names(events: Iterable[dict[str, Any]]) -> list[str]:
    return [(e.get("metadata") or {}).get("utter_action") or "" for e in events]


def play(bot: Bot, case: dict[str, Any]) -> Uitkomst:
    sender = f"eval-{case['id']}-{uuid.uuid4().hex[:8]}"
    texts = []
    place_given = False
    for turn in case["beurten"]:
        texts.append(bot.say(sender, turn))
        asked = utter_names(bot.bot_events(sender)[-1:]) == [ASK_PLACE]
        if asked and case.get("woonplaats") and not place_given:
            texts.append(bot.say(sender, case["woonplaats"]))
            place_given = True
    tracker = bot.tracker(sender)
    events = [e for e in tracker["events"] if e.get("event") == "bot"]
    routes = [n[len(ROUTE_PREFIX):] for n in utter_names(events) if n.startswith(ROUTE_PREFIX)]
    uitkomst = Uitkomst(case, routes[0] if routes else None, "\n".join(texts),
                        taal=(tracker.get("slots") or {}).get("taal"))
    if uitkomst.route != case["route"]:
        uitkomst.fouten.append(f"route {uitkomst.route}")
    namen = {case.get("gemeente"), FRYSKE_NAMMEN.get(case.get("gemeente") or "")}
    if case.get("gemeente") and uitkomst.route == case["route"] \
            and not any(naam and naam in uitkomst.tekst for naam in namen):
        uitkomst.fouten.append(f"gemeente {case['gemeente']} niet genoemd")
    for must in case.get("moet_bevatten") or []:
        if must not in uitkomst.tekst:
            uitkomst.fouten.append(f"{must!r} ontbreekt")
    return uitkomst


def load(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text(encoding="utf-8"))["gesprekken"])


def evaluate(bot: Bot, cases: list[dict[str, Any]],
             progress: Callable[[str], None] | None = None) -> list[Uitkomst]:
    uitkomsten = []
    for number, case in enumerate(cases, 1):
        uitkomsten.append(play(bot, case))
        if progress and number % 25 == 0:
            progress(f"  {number}/{len(cases)} conversations played")
    return uitkomsten


def accuracy(uitkomsten: list[Uitkomst], key=lambda u: "alle") -> dict[str, tuple[int, int]]:
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for u in uitkomsten:
        tally[key(u)][0] += u.goed
        tally[key(u)][1] += 1
    return {k: (good, total) for k, (good, total) in sorted(tally.items())}


def report(uitkomsten: list[Uitkomst], show_misses: bool = True) -> str:
    lines = []
    for title, key in (("overall", lambda u: "alle"),
                       ("per group", lambda u: groep_van(u.case["route"])),
                       ("per route", lambda u: u.case["route"])):
        lines.append(f"routing accuracy {title}:")
        for name, (good, total) in accuracy(uitkomsten, key).items():
            lines.append(f"  {name:22} {good / total:6.1%}  {good:3d}/{total}")
    met_taal = [u for u in uitkomsten if u.case.get("taal")]
    if met_taal:
        lines.append("reply language accuracy:")
        for taal in sorted({u.case["taal"] for u in met_taal}):
            groep = [u for u in met_taal if u.case["taal"] == taal]
            good = sum(u.taal_goed for u in groep)
            lines.append(f"  {taal:22} {good / len(groep):6.1%}  {good:3d}/{len(groep)}")
    if show_misses:
        lines.append("misses:")
        for u in uitkomsten:
            if not u.goed:
                lines.append(f"  {u.case['id']} expected {u.case['route']}: {'; '.join(u.fouten)}")
        for u in met_taal:
            if not u.taal_goed:
                lines.append(f"  {u.case['id']} expected language {u.case['taal']}: got {u.taal}")
    return "\n".join(lines)


def taal_accuracy(uitkomsten: list[Uitkomst]) -> float:
    """Share of conversations with a `taal` that got their answer in that language."""
    met_taal = [u for u in uitkomsten if u.case.get("taal")]
    return sum(u.taal_goed for u in met_taal) / len(met_taal) if met_taal else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rasa-url", default="http://localhost:5005")
    parser.add_argument("--token", required=True, help="RASA_AUTH_TOKEN of the running bot")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args()
    bot = Bot(args.rasa_url, args.token)
    cases = [case for path in args.files for case in load(path)]
    print(report(evaluate(bot, cases, progress=print)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
