"""Rate limits per client address (sociale_kaart/api/limieten.py): on their own with a clock
the test moves, and inside the app."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session
from starlette.responses import PlainTextResponse

from sociale_kaart.api.limieten import (
    TE_VAAK_INGELOGD,
    TE_VEEL_VERZOEKEN,
    Snelheidslimieten,
    adres_sleutel,
)
from sociale_kaart.main import create_app

from .conftest import ADMIN_TOKEN, MELDING_TOKEN
from .factories_meldingen import WACHTWOORD, nieuwe_medewerker

# Refills so slowly that no test waits long enough to see it: the tests do not depend on time.
TRAAG = 0.001


class Klok:
    def __init__(self) -> None:
        self.nu = 50.0

    def __call__(self) -> float:
        return self.nu


async def _ok(scope, receive, send) -> None:
    await PlainTextResponse("ok")(scope, receive, send)


@pytest.fixture
def los(sqlite_settings):
    """The middleware alone, around an app that always says ok, with a clock to move."""
    klok = Klok()
    config = dataclasses.replace(sqlite_settings, limiet_voorraad=2, limiet_per_seconde=4,
                                 login_voorraad=1, login_per_minuut=6, admin_token=ADMIN_TOKEN)
    return TestClient(Snelheidslimieten(_ok, config, klok=klok)), klok


@pytest.fixture
def maak_app(sqlite_settings):
    apps = []

    def maak(**limieten):
        app = create_app(dataclasses.replace(sqlite_settings, admin_token=ADMIN_TOKEN,
                                             **limieten))
        apps.append(app)
        return app

    yield maak
    for app in apps:
        app.state.engine.dispose()


def test_an_empty_bucket_answers_429_with_retry_after_until_it_refills(los):
    client, klok = los
    assert [client.get("/health").status_code for _ in range(2)] == [200, 200]
    refused = client.get("/health")
    assert refused.status_code == 429
    assert refused.json() == {"detail": TE_VEEL_VERZOEKEN}
    assert refused.headers["retry-after"] == "1"  # 0.25 s, rounded up to whole seconds
    klok.nu += 0.25
    assert client.get("/health").status_code == 200


def test_login_has_its_own_stricter_bucket(los):
    client, klok = los
    assert client.post("/staff/login").status_code == 200
    refused = client.post("/staff/login")
    assert refused.status_code == 429
    assert refused.json() == {"detail": TE_VAAK_INGELOGD}
    assert refused.headers["retry-after"] == "10"  # 6 a minute
    # Other requests of the same address are not held up by the login limit.
    klok.nu += 1
    assert client.get("/staff/me").status_code == 200
    klok.nu += 9
    assert client.post("/staff/login").status_code == 200


def test_staff_routes_have_a_bucket_five_times_as_large_for_an_office_behind_one_address(los):
    """A KCC office polls the console from one address; residents' requests from that address
    do not use up what staff need, nor the other way round."""
    client, _ = los
    assert [client.get("/health").status_code for _ in range(3)] == [200, 200, 429]
    pollen = [client.get(pad).status_code for pad in ["/kcc/wachtrij", "/team/meldingen"] * 6]
    assert pollen == [200] * 10 + [429] * 2
    assert client.get("/search").status_code == 429


@pytest.mark.parametrize("token", [MELDING_TOKEN, ADMIN_TOKEN])
def test_a_service_token_is_never_limited(los, token):
    client, _ = los
    headers = {"Authorization": f"Bearer {token}"}
    assert {client.get("/search", headers=headers).status_code for _ in range(20)} == {200}
    assert {client.post("/staff/login", headers=headers).status_code for _ in range(5)} == {200}


@pytest.mark.parametrize("authorization", [
    "Bearer niet-het-token", f"Basic {MELDING_TOKEN}", f"Bearer {MELDING_TOKEN}x", "Bearer"])
def test_a_wrong_token_is_limited_like_anyone(los, authorization):
    client, _ = los
    statuses = [client.get("/search", headers={"Authorization": authorization}).status_code
                for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_each_address_has_its_own_bucket(sqlite_settings):
    config = dataclasses.replace(sqlite_settings, limiet_voorraad=1, limiet_per_seconde=TRAAG)
    middleware = Snelheidslimieten(_ok, config)
    eerste = TestClient(middleware, client=("192.0.2.1", 50000))
    tweede = TestClient(middleware, client=("192.0.2.2", 50000))
    assert eerste.get("/").status_code == 200
    assert eerste.get("/").status_code == 429
    assert tweede.get("/").status_code == 200


@pytest.mark.parametrize(("host", "sleutel"), [
    ("192.0.2.7", "192.0.2.7"),
    ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
    ("2001:db8:1:2:bbbb::9", "2001:db8:1:2::/64"),
    ("::ffff:192.0.2.7", "192.0.2.7"),
    ("testclient", "testclient"),
])
def test_an_ipv6_client_is_limited_per_64_network(host, sleutel):
    assert adres_sleutel({"client": (host, 1234)}) == sleutel


def test_no_client_address_shares_one_bucket():
    assert adres_sleutel({"client": None}) == adres_sleutel({}) == ""


def test_the_app_limits_every_request_and_keeps_its_security_headers(maak_app):
    client = TestClient(maak_app(limiet_voorraad=3, limiet_per_seconde=TRAAG))
    assert [client.get(pad).status_code for pad in ("/health", "/gemeenten", "/")] == [200] * 3
    refused = client.get("/search", params={"q": "hulp"})
    assert refused.status_code == 429
    assert refused.json() == {"detail": TE_VEEL_VERZOEKEN}
    assert 900 <= int(refused.headers["retry-after"]) <= 1000  # a thousandth a second
    assert refused.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in refused.headers["content-security-policy"]
    for token in (MELDING_TOKEN, ADMIN_TOKEN):
        assert client.get("/health", headers={
            "Authorization": f"Bearer {token}"}).status_code == 200


def test_the_app_limits_logins_per_address_on_top_of_the_lockout(maak_app):
    app = maak_app(login_voorraad=3, login_per_minuut=1)
    with Session(app.state.engine) as session:
        for naam in ("anna", "bert", "carla", "dirk"):
            nieuwe_medewerker(session, naam)
    client = TestClient(app)
    # Guessing one password for several accounts: no account reaches its lockout.
    statuses = [client.post("/staff/login", json={"gebruikersnaam": naam,
                                                  "wachtwoord": "geraden-wachtwoord"}).status_code
                for naam in ("anna", "bert", "carla")]
    assert statuses == [401, 401, 401]
    refused = client.post("/staff/login", json={"gebruikersnaam": "dirk",
                                                "wachtwoord": WACHTWOORD})
    assert refused.status_code == 429
    assert refused.json() == {"detail": TE_VAAK_INGELOGD}
    assert 30 <= int(refused.headers["retry-after"]) <= 60  # one a minute
    elders = TestClient(app, client=("192.0.2.9", 50000))
    assert elders.post("/staff/login", json={"gebruikersnaam": "dirk",
                                             "wachtwoord": WACHTWOORD}).status_code == 200
