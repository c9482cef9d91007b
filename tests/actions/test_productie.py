"""Production mode refuses missing and example secrets, and names them without their values."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from actions.productie import MIN_LENGTE, OnveiligeInstelling, controleer_geheimen, in_productie

ROOT = Path(__file__).resolve().parents[2]
STERK = "k3V9pQ2xL7mN4bR8tY1wZ6cF0hJ5sD2gA9eU"
PRODUCTIE = {"WMO_OMGEVING": "productie"}


def test_outside_production_nothing_is_checked():
    assert not in_productie({})
    controleer_geheimen(["RASA_AUTH_TOKEN"], {})


@pytest.mark.parametrize("waarde, bezwaar", [
    ("", "is not set"),
    ("change-me-to-a-long-random-string", "still has the example value"),
    ("x" * (MIN_LENGTE - 1), "is shorter than"),
])
def test_production_refuses_a_weak_secret_without_showing_it(waarde, bezwaar):
    with pytest.raises(OnveiligeInstelling) as fout:
        controleer_geheimen(["RASA_AUTH_TOKEN", "REDIS_PASSWORD"],
                            {**PRODUCTIE, "RASA_AUTH_TOKEN": waarde, "REDIS_PASSWORD": STERK})
    assert f"RASA_AUTH_TOKEN {bezwaar}" in str(fout.value)
    assert "REDIS_PASSWORD" not in str(fout.value)
    assert not waarde or waarde not in str(fout.value)


def test_an_unknown_environment_is_refused_so_a_typo_cannot_turn_the_check_off():
    with pytest.raises(OnveiligeInstelling, match="WMO_OMGEVING='production'"):
        controleer_geheimen(["RASA_AUTH_TOKEN"], {"WMO_OMGEVING": "production"})
    assert not in_productie({"WMO_OMGEVING": "ontwikkeling"})


def test_production_accepts_strong_secrets():
    assert in_productie({"WMO_OMGEVING": " Productie "})
    controleer_geheimen(["RASA_AUTH_TOKEN"], {**PRODUCTIE, "RASA_AUTH_TOKEN": STERK})


def test_the_action_server_does_not_start_in_production_with_the_example_token():
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), **PRODUCTIE,
           "SOCIALE_KAART_MELDING_TOKEN": "change-me-to-a-third-long-random-string"}
    gestart = subprocess.run([sys.executable, "-c", "import actions"], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert gestart.returncode != 0
    assert "SOCIALE_KAART_MELDING_TOKEN still has the example value" in gestart.stderr
    env["SOCIALE_KAART_MELDING_TOKEN"] = STERK
    assert subprocess.run([sys.executable, "-c", "import actions"], env=env, cwd=ROOT,
                          capture_output=True, timeout=120).returncode == 0
