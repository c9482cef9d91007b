"""Production mode: refuse to start with a missing secret or the example value of one.

`WMO_OMGEVING=productie` (docker-compose sets it) turns the check on; `make run` and the tests
run without it and make their own tokens. Any other value is refused, so a typo cannot turn the
check off. Rasa and the sociale kaart use this same file: bot/kanalen/productie.py and
sociale_kaart/core/productie.py are symlinks to it, as bot/gesprekken/redactie.py is to
actions/redactie.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping

__all__ = ["MIN_LENGTE", "OnveiligeInstelling", "bezwaar", "controleer_geheimen", "in_productie"]

MIN_LENGTE = 32
# The placeholders of .env.example and the usual stand-ins for "fill this in".
VOORBEELDEN = ("change-me", "changeme", "verander", "secret", "password", "wachtwoord")


class OnveiligeInstelling(RuntimeError):
    """A secret is missing or weak while WMO_OMGEVING=productie."""


def in_productie(env: Mapping[str, str] = os.environ) -> bool:
    omgeving = env.get("WMO_OMGEVING", "").strip().lower()
    if omgeving not in ("", "productie", "ontwikkeling"):
        raise OnveiligeInstelling(f"WMO_OMGEVING={omgeving!r}: use `productie`, or "
                                  "`ontwikkeling` (the same as leaving it empty)")
    return omgeving == "productie"


def bezwaar(waarde: str | None) -> str | None:
    """What is wrong with this secret, as the end of a sentence; None when it is strong."""
    waarde = (waarde or "").strip()
    if not waarde:
        return "is not set"
    if any(voorbeeld in waarde.lower() for voorbeeld in VOORBEELDEN):
        return "still has the example value"
    if len(waarde) < MIN_LENGTE:
        return f"is shorter than {MIN_LENGTE} characters"
    return None


def controleer_geheimen(namen: Iterable[str], env: Mapping[str, str] = os.environ) -> None:
    """Raise when, in production, one of these variables is not a strong secret.

    The message names the variables and never their values, so it is safe in any log.
    """
    if not in_productie(env):
        return
    bezwaren = [f"{naam} {fout}" for naam in namen if (fout := bezwaar(env.get(naam)))]
    if bezwaren:
        raise OnveiligeInstelling(
            "WMO_OMGEVING=productie, but " + "; ".join(bezwaren) + ". Make each secret at least "
            f"{MIN_LENGTE} random characters, e.g. `openssl rand -base64 32`, and start again.")
