"""Security headers on every answer (sociale_kaart/api/beveiligingsheaders.py), and widget
pages that work under the strict policy they get."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from sociale_kaart.api.beveiligingsheaders import rasa_bronnen
from sociale_kaart.core.config import PROJECT_ROOT, SettingError, Settings
from sociale_kaart.main import create_app

from .factories_meldingen import inloggen, nieuwe_medewerker

GEMEENTE_SITE = "https://www.smallingerland.example"


def beleid(response) -> dict[str, list[str]]:
    """The Content-Security-Policy as directive -> sources."""
    directives = [d.split() for d in response.headers["content-security-policy"].split(";")]
    return {d[0]: d[1:] for d in directives if d}


@pytest.fixture
def maak_client(sqlite_settings):
    apps = []

    def maak(**anders) -> TestClient:
        app = create_app(dataclasses.replace(sqlite_settings, **anders))
        apps.append(app)
        return TestClient(app)

    yield maak
    for app in apps:
        app.state.engine.dispose()


@pytest.fixture
def client(maak_client) -> TestClient:
    return maak_client(widget_herkomsten=(GEMEENTE_SITE,))


def _altijd(response) -> None:
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cross-origin-opener-policy"] == "same-origin"
    permissies = response.headers["permissions-policy"]
    for functie in ("camera=()", "microphone=()", "geolocation=()"):
        assert functie in permissies
    csp = beleid(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'self'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["connect-src"] == ["'self'", "http://rasa.test:5005", "ws://rasa.test:5005"]
    assert "strict-transport-security" not in response.headers


@pytest.mark.parametrize("pad", ["/", "/index.html", "/mantelzorger/", "/widget.js",
                                 "/widget.css", "/vendor/socket.io.min.js"])
def test_a_resident_page_may_be_framed_only_by_the_gemeente_sites(client, pad):
    response = client.get(pad)
    assert response.status_code == 200
    _altijd(response)
    assert beleid(response)["frame-ancestors"] == ["'self'", GEMEENTE_SITE]
    assert "x-frame-options" not in response.headers
    assert "no-store" not in response.headers.get("cache-control", "")


@pytest.mark.parametrize("pad", ["/gemeenten", "/gemeenten/GM0090/toegang", "/config.json",
                                 "/search?q=hulp", "/bestaat-niet"])
def test_an_api_answer_has_the_headers_too(client, pad):
    response = client.get(pad)
    _altijd(response)
    assert beleid(response)["frame-ancestors"] == ["'self'", GEMEENTE_SITE]


@pytest.mark.parametrize("pad", ["/medewerker/", "/medewerker/team.js", "/kcc/", "/kcc/kcc.js",
                                 "/staff/me", "/team/meldingen", "/kcc/wachtrij",
                                 "/admin/audit", "/admin/export"])
def test_a_staff_answer_is_never_framed_nor_kept(client, pad):
    response = client.get(pad)
    _altijd(response)
    assert beleid(response)["frame-ancestors"] == ["'none'"]
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["cache-control"] == "no-store"


def test_a_staff_answer_with_personal_data_is_not_kept(maak_client):
    client = maak_client()
    with Session(client.app.state.engine) as session:
        nieuwe_medewerker(session)
    inloggen(client)
    response = client.get("/team/meldingen/export", params={"formaat": "json"})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    assert beleid(response)["frame-ancestors"] == ["'none'"]


def test_strict_transport_security_only_when_the_cookie_is_secure(maak_client):
    response = maak_client(cookie_secure=True).get("/")
    assert response.headers["strict-transport-security"].startswith("max-age=31536000")


@pytest.mark.parametrize(("rasa_url", "bronnen"), [
    ("https://chat.gemeente.example/rasa", ["https://chat.gemeente.example",
                                            "wss://chat.gemeente.example"]),
    ("http://localhost:5005", ["http://localhost:5005", "ws://localhost:5005"]),
    ("http://user:pw@[::1]:5005/", ["http://[::1]:5005", "ws://[::1]:5005"]),
    ("/rasa", []),  # the same site: 'self'
    ("http://host:poort", []),
    ("javascript:alert(1)", []),
])
def test_connect_src_names_rasa_over_http_and_websocket(rasa_url, bronnen):
    assert rasa_bronnen(rasa_url) == bronnen


def test_the_api_docs_allow_their_own_inline_script_and_no_other(client):
    response = client.get("/docs")
    assert response.status_code == 200
    scripts = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    csp = beleid(response)
    assert csp["script-src"] == ["'self'", "https://cdn.jsdelivr.net", f"'sha256-{digest}'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert response.headers["cache-control"] == "no-store"
    assert client.get("/redoc").status_code == 404


def test_a_header_never_gets_anything_but_origins_from_widget_origins():
    with pytest.raises(SettingError, match="WIDGET_ORIGINS"):
        Settings("sqlite://", PROJECT_ROOT / "widget", "http://rasa.test",
                 widget_herkomsten=("https://a.example; script-src *",))


class _InlineZoeker(HTMLParser):
    """Everything in a page that a policy without 'unsafe-inline' blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.gevonden: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        namen = {naam for naam, _ in attrs}
        if tag == "style":
            self.gevonden.append("<style>")
        if tag == "script" and "src" not in namen:
            self.gevonden.append("<script> without src")
        self.gevonden += [f"{naam}= on <{tag}>" for naam in namen
                          if naam == "style" or naam.startswith("on")]
        if any(naam == "href" and (waarde or "").lower().startswith("javascript:")
               for naam, waarde in attrs):
            self.gevonden.append(f"javascript: link on <{tag}>")


@pytest.mark.parametrize("pagina", sorted((PROJECT_ROOT / "widget").rglob("*.html")),
                         ids=lambda pad: str(pad.relative_to(PROJECT_ROOT / "widget")))
def test_no_widget_page_has_inline_script_or_style(pagina):
    zoeker = _InlineZoeker()
    zoeker.feed(pagina.read_text(encoding="utf-8"))
    assert zoeker.gevonden == []
