"""SQL and query-string injection against the public search and the staff filters, on SQLite
and PostgreSQL: never a server error, never a row a normal search would not give, and every
table intact afterwards."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

from sociale_kaart.models import (
    Gemeente,
    Medewerker,
    Melding,
    Organization,
    Service,
    TaxonomyTerm,
    Woonplaats,
)
from sociale_kaart.text import normalise

from .factories_meldingen import inloggen, nieuwe_medewerker, nieuwe_melding

AANVALLEN = [
    "' OR 1=1 --",
    "' OR '1'='1",
    "\" OR \"\"=\"",
    "1; SELECT pg_sleep(0) --",
    "%' UNION SELECT gebruikersnaam, wachtwoord_hash FROM medewerker --",
    "'; DROP TABLE service; --",
    "GM0090' OR 'x'='x",
    "%", "_", "%%_%", "\\", "*", "NEAR(hulp huis)", "hulp OR 1", "\"hulp", "hulp:*",
    "\x00", "hulp\x00' OR 1=1",
    "x" * 10_000,
    "Ljouwert ûêâ ô Snits",
    "\u202eDrachten\u202c",  # right-to-left override
    "\u200f\u05e9\u05dc\u05d5\u05dd Drachten",  # right-to-left mark, Hebrew
    "🏠👵🏻 hulp in huis",
    "𝕳𝖚𝖑𝖕 ﬁets",  # mathematical letters, a ligature
    "\ufeffDrachten\u200b",
    "İstanbul ß",
]
# Raw query strings, as a browser or a script might send them.
RAUW = ["q[]=a&q[]=b", "q=a&q=b", "q=%ff%fe", "q=%C0%AE%C0%AE", "q=hulp&q[$ne]=1",
        "gemeente[]=GM0090", "q=%25%27%20OR%201%3D1--"]
TABELLEN = (Service, Organization, Gemeente, Woonplaats, TaxonomyTerm, Medewerker, Melding)


def _tellingen(app) -> dict[str, Any]:
    with Session(app.state.engine) as session:
        tellingen: dict[str, Any] = {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in TABELLEN}
        tellingen["hashes"] = sorted(session.exec(select(Medewerker.wachtwoord_hash)))
        tellingen["statussen"] = sorted(session.exec(select(Melding.nummer, Melding.status)))
    return tellingen


@pytest.fixture
def staff(app, client):
    """An admin (sees the team view and the audit log) and two meldingen."""
    with Session(app.state.engine) as session:
        nieuwe_medewerker(session, "beheer", "admin", ())
        nieuwe_melding(session)
        nieuwe_melding(session, gemeente_code="GM0080")
    inloggen(client, "beheer")
    return client


def _geen_serverfout(response) -> None:
    assert response.status_code < 500, (response.request.url, response.text[:300])


def test_search_gives_what_the_plain_words_give(client):
    voor = _tellingen(client.app)
    for aanval in AANVALLEN:
        response = client.get("/search", params={"q": aanval})
        _geen_serverfout(response)
        if "\x00" in aanval:
            assert response.status_code == 400
        elif len(aanval) > 500:
            assert response.status_code == 422
        else:
            gewoon = client.get("/search", params={"q": normalise(aanval)}).json()
            assert response.json() == gewoon, aanval
    assert _tellingen(client.app) == voor


@pytest.mark.parametrize(("pad", "param"), [
    ("/search", "gemeente"), ("/search", "postcode"), ("/search", "categorie"),
    ("/kcc/bereikbaar", "gemeente"),
])
def test_a_filter_with_an_attack_finds_nothing(client, pad, param):
    voor = _tellingen(client.app)
    for aanval in AANVALLEN:
        response = client.get(pad, params={param: aanval})
        _geen_serverfout(response)
        assert response.status_code in (400, 404, 422), (param, aanval, response.text[:200])
    assert _tellingen(client.app) == voor


def _vindt_niets(response, aanval: str) -> None:
    """A list filter with an attack: refused, or an empty list."""
    _geen_serverfout(response)
    if response.status_code == 200:
        assert response.json()["total_items"] == 0, aanval
    else:
        assert response.status_code in (400, 422), aanval


@pytest.mark.parametrize("param", ["gemeente", "taxonomy_term_id"])
def test_the_service_list_filters_find_nothing_for_an_attack(client, param):
    voor = _tellingen(client.app)
    for aanval in AANVALLEN:
        _vindt_niets(client.get("/services", params={param: aanval}), aanval)
    assert _tellingen(client.app) == voor


def test_resolving_a_place_gives_what_the_plain_words_give(client):
    for aanval in AANVALLEN:
        response = client.get("/gemeenten/resolve", params={"q": aanval})
        _geen_serverfout(response)
        if response.status_code == 200:
            gewoon = client.get("/gemeenten/resolve", params={"q": normalise(aanval)})
            assert response.json() == gewoon.json(), aanval


@pytest.mark.parametrize("pad", ["/gemeenten/{}/toegang", "/gemeenten/{}/eigen-bijdrage",
                                 "/services/{}", "/organizations/{}"])
def test_an_attack_in_the_address_finds_nothing(client, pad):
    voor = _tellingen(client.app)
    for aanval in AANVALLEN:
        response = client.get(pad.format(quote(aanval, safe="")))
        _geen_serverfout(response)
        assert response.status_code in (400, 404), (pad, aanval)
    assert _tellingen(client.app) == voor


@pytest.mark.parametrize("rauw", RAUW)
@pytest.mark.parametrize("pad", ["/search", "/gemeenten/resolve", "/services"])
def test_odd_query_strings_are_no_problem(client, pad, rauw):
    _geen_serverfout(client.get(f"{pad}?{rauw}"))


@pytest.mark.parametrize(("pad", "param"), [
    ("/team/meldingen", "status"), ("/team/meldingen/export", "status"),
    ("/team/meldingen/export", "formaat"), ("/admin/audit", "actie"),
])
def test_a_staff_filter_only_takes_its_own_values(staff, pad, param):
    voor = _tellingen(staff.app)
    for aanval in AANVALLEN:
        response = staff.get(pad, params={param: aanval})
        _geen_serverfout(response)
        assert response.status_code in (400, 422), (param, aanval)
    assert _tellingen(staff.app) == voor


@pytest.mark.parametrize("param", ["melding_nummer", "gebruikersnaam"])
def test_the_audit_filters_find_no_row_for_an_attack(staff, param):
    for aanval in AANVALLEN:
        _vindt_niets(staff.get("/admin/audit", params={param: aanval}), aanval)


def test_an_attack_as_a_melding_number_finds_and_changes_nothing(staff):
    voor = _tellingen(staff.app)
    csrf = inloggen(staff, "beheer")
    for aanval in AANVALLEN:
        adres = f"/team/meldingen/{quote(aanval, safe='')}"
        for response in (staff.get(adres),
                         staff.patch(adres, json={"status": "afgerond"}, headers=csrf)):
            _geen_serverfout(response)
            assert response.status_code in (400, 404), aanval
    assert _tellingen(staff.app) == voor


def test_an_attack_as_a_login_name_logs_nobody_in(staff):
    for aanval in [*AANVALLEN, "beheer' --", "beheer'/*", "BEHEER\x00"]:
        response = staff.post("/staff/login", json={"gebruikersnaam": aanval,
                                                    "wachtwoord": "' OR '1'='1"})
        _geen_serverfout(response)
        assert response.status_code in (401, 422), aanval
    with Session(staff.app.state.engine) as session:
        assert session.exec(select(Medewerker.mislukte_pogingen)
                            .where(col(Medewerker.gebruikersnaam) == "beheer")).one() == 0
