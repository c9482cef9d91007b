from __future__ import annotations

import pytest
from sqlmodel import Session, select

from sociale_kaart.example_data import load_example_data
from sociale_kaart.hsds.importer import import_document, remove_service
from sociale_kaart.models import Gemeente, Service

from .factories import clear_services, document, service

FRIESE_GEMEENTEN = {
    "Achtkarspelen", "Ameland", "Dantumadiel", "De Fryske Marren", "Harlingen", "Heerenveen",
    "Leeuwarden", "Noardeast-Fryslân", "Ooststellingwerf", "Opsterland", "Schiermonnikoog",
    "Smallingerland", "Súdwest-Fryslân", "Terschelling", "Tytsjerksteradiel", "Vlieland",
    "Waadhoeke", "Weststellingwerf",
}


def test_lists_the_18_frisian_gemeenten(client):
    response = client.get("/gemeenten")
    assert response.status_code == 200
    assert {g["naam"] for g in response.json()} == FRIESE_GEMEENTEN


def test_every_record_says_it_is_example_data_with_source_and_date(client):
    for gemeente in client.get("/gemeenten").json():
        assert gemeente["voorbeeld"] is True
        assert gemeente["bron"]
        assert gemeente["laatst_gecontroleerd"]


def test_toegang_of_smallingerland_has_team_phone_and_walk_in(client):
    response = client.get("/gemeenten/GM0090/toegang")
    assert response.status_code == 200
    toegang = response.json()
    assert toegang["gemeente_naam"] == "Smallingerland"
    assert toegang["team_naam"]
    assert toegang["telefoon"].replace(" ", "").isdigit()
    assert "Drachten" in toegang["inloop"]
    assert toegang["inloop_fy"]
    assert toegang["kcc_open"]
    assert toegang["email"].endswith(".example"), "invented addresses must look invented"


def test_toegang_accepts_lower_case_code(client):
    assert client.get("/gemeenten/gm0090/toegang").status_code == 200


def test_unknown_gemeente_gives_a_clear_404(client):
    response = client.get("/gemeenten/GM9999/toegang")
    assert response.status_code == 404
    assert response.json()["detail"] == "Gemeente niet gevonden"


@pytest.mark.parametrize(
    ("query", "gemeente", "match_type"),
    [
        ("Drachten", "Smallingerland", "woonplaats"),
        ("Snits", "Súdwest-Fryslân", "woonplaats"),
        ("It Hearrenfean", "Heerenveen", "gemeente"),
        ("ik woon in De Jouwer", "De Fryske Marren", "woonplaats"),
        ("Ljouwert", "Leeuwarden", "gemeente"),
        ("9203 AB", "Smallingerland", "postcode"),
        ("mijn postcode is 8601", "Súdwest-Fryslân", "postcode"),
        ("Sudwest Fryslan", "Súdwest-Fryslân", "gemeente"),
        ("DRACHTEN", "Smallingerland", "woonplaats"),
    ],
)
def test_resolve_finds_the_gemeente(client, query, gemeente, match_type):
    response = client.get("/gemeenten/resolve", params={"q": query})
    assert response.status_code == 200
    body = response.json()
    assert body["gemeente"]["naam"] == gemeente
    assert body["match_type"] == match_type
    assert body["zekerheid"] == 1.0


def test_resolve_forgives_a_typo_but_says_it_is_less_certain(client):
    body = client.get("/gemeenten/resolve", params={"q": "Drachtn"}).json()
    assert body["gemeente"]["naam"] == "Smallingerland"
    assert body["match_type"] == "ongeveer"
    assert 0.5 < body["zekerheid"] < 1.0


@pytest.mark.parametrize("query", ["Amsterdam", "ik woon in de buurt", "1234"])
def test_resolve_unknown_place_is_404_with_dutch_message(client, query):
    response = client.get("/gemeenten/resolve", params={"q": query})
    assert response.status_code == 404
    assert response.json()["detail"] == "Deze plaats kennen we niet"


@pytest.mark.parametrize("query", ["", "x" * 201])
def test_resolve_rejects_empty_or_very_long_input(client, query):
    assert client.get("/gemeenten/resolve", params={"q": query}).status_code == 422


def test_loading_example_data_twice_changes_nothing(app):
    with Session(app.state.engine) as session:
        before = len(session.exec(select(Gemeente)).all())
        assert load_example_data(session) is False
        assert len(session.exec(select(Gemeente)).all()) == before == 18


def test_example_data_of_an_earlier_version_gets_the_new_services(app):
    """A `make run` directory from before a version added example services gets them; one
    with a gemeente's own data is never touched."""
    with Session(app.state.engine) as session:
        alle = len(session.exec(select(Service)).all())
        weg = session.exec(select(Service)).first()
        assert weg is not None
        assert remove_service(session, weg.id)
        assert load_example_data(session) is True
        assert len(session.exec(select(Service)).all()) == alle

        voorbeeld = session.exec(select(Service)).first()
        assert voorbeeld is not None
        session.add(Service(**{**voorbeeld.model_dump(), "id": "svc-eigen-dienst"}))
        session.commit()
        weg = session.exec(select(Service).where(Service.id != "svc-eigen-dienst")).first()
        assert weg is not None
        assert remove_service(session, weg.id)
        assert load_example_data(session) is False
        assert len(session.exec(select(Service)).all()) == alle


def _maatwerk_met_bedrag(**cost: object) -> dict:
    return service("svc-hh-maatwerk", "Huishoudelijke hulp (maatwerk)", "huishoudelijke_hulp",
                   toegang_type="maatwerk",
                   cost_options=[{"option": "Eigen bijdrage per maand", "amount": 21.5,
                                  "bron": "test", "laatst_gecontroleerd": "2026-10-01", **cost}])


def test_example_data_names_no_amounts(client):
    assert client.get("/gemeenten/GM0090/eigen-bijdrage").json() == []


def test_eigen_bijdrage_gives_a_dated_amount_of_a_maatwerk_service(client, app):
    with Session(app.state.engine) as session:
        clear_services(session)
        import_document(session, document(_maatwerk_met_bedrag(valid_from="2026-01-01")))
    bedragen = client.get("/gemeenten/GM0090/eigen-bijdrage").json()
    assert [(b["dienst"], b["amount"], b["valid_from"]) for b in bedragen] == [
        ("Huishoudelijke hulp (maatwerk)", 21.5, "2026-01-01")]
    assert bedragen[0]["laatst_gecontroleerd"] == "2026-10-01"
    assert client.get("/gemeenten/GM0080/eigen-bijdrage").json() == [], "another gemeente"


def test_eigen_bijdrage_leaves_out_amounts_not_valid_on_the_day(client, app):
    with Session(app.state.engine) as session:
        clear_services(session)
        import_document(session, document(
            _maatwerk_met_bedrag(valid_from="2025-01-01", valid_to="2025-12-31")))
    assert client.get("/gemeenten/GM0090/eigen-bijdrage", params={"op": "2026-02-01"}).json() == []
    old = client.get("/gemeenten/GM0090/eigen-bijdrage", params={"op": "2025-06-01"}).json()
    assert [b["amount"] for b in old] == [21.5]


def test_eigen_bijdrage_of_an_unknown_gemeente_is_a_clear_404(client):
    response = client.get("/gemeenten/GM9999/eigen-bijdrage")
    assert response.status_code == 404
    assert response.json()["detail"] == "Gemeente niet gevonden"
