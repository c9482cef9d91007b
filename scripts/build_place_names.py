"""Writes bot/data/nlu/plaatsnamen.yml from the sociale kaart's example data.

The lookup table gives the NLU a feature "this is a place in Fryslân" (RegexFeaturizer), so a
village the training examples never mention is still read as a place, not as a question.
A postcode regex does the same for postcodes. Run again when the list of places changes:
    python3 scripts/build_place_names.py
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "sociale_kaart" / "example_data" / "fryslan.json"
TARGET = ROOT / "bot" / "data" / "nlu" / "plaatsnamen.yml"


def place_names() -> list[str]:
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    names: set[str] = set()
    for gemeente in data["gemeenten"]:
        names.update({gemeente["naam"], gemeente["naam_fy"]})
        for dutch, frisian, _postcodes in gemeente["woonplaatsen"]:
            names.update({dutch, frisian})
    return sorted(n for n in names if n)


def main() -> None:
    lines = ['version: "3.1"',
             "# Written by scripts/build_place_names.py from the sociale kaart's example data.",
             "nlu:", "  - lookup: woonplaats", "    examples: |"]
    lines += [f"      - {name}" for name in place_names()]
    lines += ["  - regex: postcode", "    examples: |",
              r"      - \b[1-9][0-9]{3}(\s?[A-Za-z]{2})?\b"]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {len(place_names())} place names")


if __name__ == "__main__":
    main()
