"""Settings read once from environment variables, with defaults that work on a laptop.

With WMO_OMGEVING=productie (docker-compose sets it) the service refuses to start on a setting
that is only fit for a laptop: a missing or example secret, SQLite, or a cookie sent over
plain HTTP.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

# The rules for secrets are shared with Rasa and the action server (a symlink to
# actions/productie.py).
from sociale_kaart.core.productie import MIN_LENGTE, OnveiligeInstelling, in_productie
from sociale_kaart.core.productie import bezwaar as geheim_bezwaar
from sociale_kaart.kcc_bereikbaar import OngeldigeOpeningstijden, lees_openingstijden

PROJECT_ROOT = Path(__file__).resolve().parents[2]


KCC_OPENINGSTIJDEN = "ma-vr 08:30-17:00"

# A site that may frame the resident pages: an origin, optionally with a wildcard subdomain.
_HERKOMST = re.compile(r"^(\*|https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?)$")


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


def _herkomsten(name: str) -> tuple[str, ...]:
    return tuple(h.rstrip("/") for h in re.split(r"[\s,]+", os.environ.get(name, "")) if h)


def _productie() -> bool:
    try:
        return in_productie()
    except OnveiligeInstelling as exc:
        raise SettingError(str(exc)) from None


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
    # Sites whose pages show the widget (WIDGET_ORIGINS, as for Rasa): they may also frame the
    # resident pages. Staff pages are never framed.
    widget_herkomsten: tuple[str, ...] = ()
    # Requests per client address (sociale_kaart/api/limieten.py): a burst of `voorraad`, then
    # `per_seconde`; staff logins separately. Many residents share a gemeente's address.
    limiet_voorraad: int = 120
    limiet_per_seconde: float = 4
    login_voorraad: int = 20
    login_per_minuut: float = 10
    productie: bool = False

    def __post_init__(self) -> None:
        try:
            lees_openingstijden(self.kcc_openingstijden)
        except OngeldigeOpeningstijden as exc:
            raise SettingError(f"KCC_OPENINGSTIJDEN={self.kcc_openingstijden!r}: {exc}") from None
        for herkomst in self.widget_herkomsten:
            # The list goes into a header: nothing but origins may get there.
            if not _HERKOMST.match(herkomst):
                raise SettingError(f"WIDGET_ORIGINS: {herkomst!r} is not a site; use origins "
                                   "like https://www.gemeente.nl, separated by spaces")
        if self.productie:
            self._controleer_productie()

    def _controleer_productie(self) -> None:
        """Refuse what is only fit for a laptop. The message names variables, never values."""
        geheimen = {"SOCIALE_KAART_MELDING_TOKEN": self.melding_token,
                    "RASA_AUTH_TOKEN": self.rasa_auth_token}
        if self.admin_token:  # unset means administration is off, which is fine
            geheimen["SOCIALE_KAART_ADMIN_TOKEN"] = self.admin_token
        bezwaren = [f"{naam} {bezwaar}" for naam, waarde in geheimen.items()
                    if (bezwaar := geheim_bezwaar(waarde))]
        if self.database_url.startswith("sqlite"):
            bezwaren.append("SOCIALE_KAART_DATABASE_URL is SQLite (use PostgreSQL)")
        if not self.cookie_secure:
            bezwaren.append("SOCIALE_KAART_COOKIE_SECURE is not true (the staff login cookie "
                            "would also travel over plain HTTP)")
        if bezwaren:
            raise SettingError(
                "WMO_OMGEVING=productie, but " + "; ".join(bezwaren) + ". Make each secret at "
                f"least {MIN_LENGTE} random characters, e.g. `openssl rand -base64 32`, "
                "and start again.")

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
            widget_herkomsten=_herkomsten("WIDGET_ORIGINS"),
            limiet_voorraad=_positive_int("SOCIALE_KAART_LIMIET_VOORRAAD", 120),
            limiet_per_seconde=_positive_int("SOCIALE_KAART_LIMIET_PER_SECONDE", 4),
            login_voorraad=_positive_int("SOCIALE_KAART_LOGIN_VOORRAAD", 20),
            login_per_minuut=_positive_int("SOCIALE_KAART_LOGIN_PER_MINUUT", 10),
            productie=_productie(),
        )


settings = Settings.from_env()
