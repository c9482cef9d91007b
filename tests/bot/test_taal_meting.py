"""How well the language of a message is recognised, per kind of message, on the Frisian and
Dutch conversation sets (tests/dev and tests/eval). Only the first message of each conversation
counts: the language the bot answers its first question in. Each Frisian conversation has a
style comment (`# styl: koart, mingd` or `id: fy-002  # short`), so short and mixed messages
are reported apart.

The figures are printed (make test shows them) and kept in docs/frysk.md. The detection rules
(bot/components/taal_herkenning.py) are tuned on the development sets only.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bot"))

from components.taal_herkenning import herken_taal

ROOT = Path(__file__).resolve().parents[2]
STYL = re.compile(r"#\s*styl:\s*(.+)")
ID = re.compile(r"-\s*id:\s*(\S+)\s*(?:#\s*(.*))?$")
# The development set tags in Frisian, the held-out set in English.
GROEP = {"koart": "short", "mingd": "mixed", "praat": "spoken"}
GETOOND = ("all", "short", "mixed", "typo", "spoken", "stellingwerf")
TAAL = re.compile(r"^\s*taal:\s*(nl|fy)\s*$")
BEURT = re.compile(r'^\s*-\s*"(.*)"\s*$')


def gesprekken(path: Path) -> list[dict]:
    """Conversations with their style, expected language and first message, read line by line
    so that the style comments are kept."""
    uitkomst: list[dict] = []
    stijl: list[str] = []
    for regel in path.read_text(encoding="utf-8").splitlines():
        if m := STYL.search(regel):
            stijl = [s.strip() for s in m.group(1).split(",")]
        elif m := ID.search(regel):
            stijl += [s.strip() for s in (m.group(2) or "").replace(",", " ").split()]
            uitkomst.append({"id": m.group(1), "stijl": [GROEP.get(s, s) for s in stijl],
                             "taal": None, "eerste": None})
            stijl = []
        elif uitkomst and (m := TAAL.match(regel)):
            uitkomst[-1]["taal"] = m.group(1)
        elif uitkomst and uitkomst[-1]["eerste"] is None and (m := BEURT.match(regel)):
            uitkomst[-1]["eerste"] = m.group(1).replace('\\"', '"')
    return uitkomst


def meting(path: Path, standaard: str) -> dict[str, tuple[int, int]]:
    """(right, total) per style and for all conversations; a message that is not clear keeps
    the default, Dutch."""
    telling: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for gesprek in gesprekken(path):
        verwacht = gesprek["taal"] or standaard
        goed = (herken_taal(gesprek["eerste"] or "") or "nl") == verwacht
        for groep in ["all", *gesprek["stijl"]]:
            telling[groep][0] += goed
            telling[groep][1] += 1
    return {groep: (goed, totaal) for groep, (goed, totaal) in telling.items()}


def test_language_recognition_on_short_and_mixed_messages_is_measured():
    regels = []
    uitslag = {}
    for path, standaard in [(ROOT / "tests" / "dev" / "gesprekken_dev_fy.yml", "fy"),
                            (ROOT / "tests" / "eval" / "gesprekken_fy.yml", "fy"),
                            (ROOT / "tests" / "dev" / "gesprekken_dev_nl.yml", "nl"),
                            (ROOT / "tests" / "eval" / "gesprekken_nl.yml", "nl")]:
        uitslag[path.name] = cijfers = meting(path, standaard)
        regels.append(f"  {path.parent.name}/{path.name}: " + ", ".join(
            f"{groep} {goed / totaal:.1%} ({goed}/{totaal})"
            for groep, (goed, totaal) in sorted(cijfers.items())
            if groep in GETOOND))
    print("\nLanguage of the first message:\n" + "\n".join(regels))
    # Floors just under the measurement when the Frisian training data came in (issue 6).
    for naam, ondergrens in [("gesprekken_dev_fy.yml", 0.94), ("gesprekken_fy.yml", 0.94),
                             ("gesprekken_dev_nl.yml", 0.99), ("gesprekken_nl.yml", 0.99)]:
        goed, totaal = uitslag[naam]["all"]
        assert goed / totaal >= ondergrens, naam
