"""Settings read once from environment variables, with defaults that work on a laptop."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sociale_kaart.kcc_bereikbaar import OngeldigeOpeningstijden, lees_openingstijden

PROJECT_ROOT = Path(__file__).resolve().parents[2]


KCC_OPENINGSTIJDEN = "ma-vr 08:30-17:00"


class SettingError(ValueError):
    """An environment variable has a value this service cannot use."""


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise SettingError(f"{name}={raw!r}: use a whole number of 1 or more (default {default})")
    return int(raw)


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw not in ("1", "true", "yes", "ja", "0", "false", "no", "nee"):
        raise SettingError(f"{name}={raw!r}: use true or false")
    return raw in ("1", "true", "yes", "ja")


@dataclass(frozen=True)
class Settings:
    database_url: str
    widget_dir: Path
    rasa_public_url: str
    admin_token: str | None = None
    # Meldingen and staff login (docs/meldingen.md).
    melding_token: str | None = None
    cookie_secure: bool = False
    sessie_idle_minuten: int = 30
    sessie_max_uren: int = 8
    meldingen_bewaar_dagen: int = 365
    audit_bewaar_dagen: int = 730
    # The KCC console (docs/kcc.md): where sociale kaart reaches Rasa's HTTP API, its token,
    # and when the KCC answers live chats.
    rasa_url: str = "http://localhost:5005"
    rasa_auth_token: str | None = None
    kcc_openingstijden: str = KCC_OPENINGSTIJDEN

    def __post_init__(self) -> None:
        try:
            lees_openingstijden(self.kcc_openingstijden)
        except OngeldigeOpeningstijden as exc:
            raise SettingError(f"KCC_OPENINGSTIJDEN={self.kcc_openingstijden!r}: {exc}") from None

    @classmethod
    def from_env(cls) -> Settings:
        default_db = PROJECT_ROOT / "var" / "sociale_kaart.db"
        return cls(
            database_url=os.environ.get("SOCIALE_KAART_DATABASE_URL", f"sqlite:///{default_db}"),
            widget_dir=Path(os.environ.get("WIDGET_DIR", PROJECT_ROOT / "widget")),
            rasa_public_url=os.environ.get("RASA_PUBLIC_URL", "http://localhost:5005"),
            admin_token=os.environ.get("SOCIALE_KAART_ADMIN_TOKEN") or None,
            melding_token=os.environ.get("SOCIALE_KAART_MELDING_TOKEN") or None,
            cookie_secure=_flag("SOCIALE_KAART_COOKIE_SECURE", False),
            sessie_idle_minuten=_positive_int("SOCIALE_KAART_SESSIE_IDLE_MINUTEN", 30),
            sessie_max_uren=_positive_int("SOCIALE_KAART_SESSIE_MAX_UREN", 8),
            meldingen_bewaar_dagen=_positive_int("MELDINGEN_BEWAAR_DAGEN", 365),
            audit_bewaar_dagen=_positive_int("AUDIT_BEWAAR_DAGEN", 730),
            rasa_url=os.environ.get("RASA_URL", "").strip() or "http://localhost:5005",
            rasa_auth_token=os.environ.get("RASA_AUTH_TOKEN") or None,
            kcc_openingstijden=os.environ.get("KCC_OPENINGSTIJDEN", "").strip()
            or KCC_OPENINGSTIJDEN,
        )


settings = Settings.from_env()
