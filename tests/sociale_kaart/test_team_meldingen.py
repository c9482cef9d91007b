from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from sqlmodel import Session, col, select

from sociale_kaart.api.routes.team import veilige_cel
from sociale_kaart.models import AuditLog

from .factories_meldingen import START, inloggen, nieuwe_medewerker, nieuwe_melding, zet_klok


@pytest.fixture
def kaart(app):
    """Two meldingen in Smallingerland (GM0090) and one in Leeuwarden (GM0080), and staff."""
    with Session(app.state.engine) as session:
        oud = nieuwe_melding(session, START - dt.timedelta(days=2), naam="Oud")
        nieuw = nieuwe_melding(session, START - dt.timedelta(days=1), naam="Nieuw")
        ljouwert = nieuwe_melding(session, START, gemeente_code="GM0080", naam="Ljouwert")
        nieuwe_medewerker(session, "anna", "team", ("GM0090",))
        nieuwe_medewerker(session, "kees", "kcc", ("GM0090",))
        nieuwe_medewerker(session, "beheer", "admin", ())
        return {"oud": oud.nummer, "nieuw": nieuw.nummer, "ljouwert": ljouwert.nummer}


def _audit(app) -> list[tuple[str, str | None, str | None, str | None]]:
    with Session(app.state.engine) as session:
        return [(r.actie, r.gebruikersnaam, r.melding_nummer, r.ip) for r in
                session.exec(select(AuditLog).order_by(col(AuditLog.id)))]


def test_a_team_member_sees_only_their_gemeente_newest_first(client, kaart):
    inloggen(client)
    body = client.get("/team/meldingen").json()
    assert [m["nummer"] for m in body["contents"]] == [kaart["nieuw"], kaart["oud"]]
    assert body["total_items"] == 2


def test_the_list_filters_on_status_and_is_paginated(client, kaart):
    csrf = inloggen(client)
    client.patch(f"/team/meldingen/{kaart['oud']}", json={"status": "afgerond"}, headers=csrf)
    body = client.get("/team/meldingen", params={"status": "nieuw"}).json()
    assert [m["nummer"] for m in body["contents"]] == [kaart["nieuw"]]
    page = client.get("/team/meldingen", params={"per_page": 1, "page": 2}).json()
    assert (page["total_pages"], page["contents"][0]["nummer"]) == (2, kaart["oud"])


def test_a_team_member_opens_a_melding_with_all_its_details(client, kaart):
    inloggen(client)
    melding = client.get(f"/team/meldingen/{kaart['nieuw']}").json()
    assert (melding["naam"], melding["telefoon"], melding["gemeente_code"]) == (
        "Nieuw", "0612345678", "GM0090")


def test_a_melding_of_another_gemeente_does_not_exist_for_the_team(client, kaart):
    csrf = inloggen(client)
    seen = client.get(f"/team/meldingen/{kaart['ljouwert']}")
    changed = client.patch(f"/team/meldingen/{kaart['ljouwert']}", json={"status": "afgerond"},
                           headers=csrf)
    assert seen.status_code == changed.status_code == 404
    assert seen.json() == changed.json() == {"detail": "Melding niet gevonden"}
    assert client.get("/team/meldingen/WMO-2026-999999").json() == seen.json()


def test_an_admin_sees_every_gemeente(client, kaart):
    inloggen(client, "beheer")
    body = client.get("/team/meldingen").json()
    assert body["total_items"] == 3
    assert client.get(f"/team/meldingen/{kaart['ljouwert']}").status_code == 200


def test_kcc_staff_may_not_use_the_team_view(client, kaart):
    inloggen(client, "kees")
    response = client.get("/team/meldingen")
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Dit mag niet met uw rol.")


def test_the_team_view_needs_a_login(client, kaart):
    assert client.get("/team/meldingen").json() == {"detail": "Log opnieuw in"}
    assert client.get("/team/meldingen/export").status_code == 401


def test_a_status_change_is_saved_with_its_time(app, client, kaart):
    klok = zet_klok(app, START + dt.timedelta(hours=3))
    csrf = inloggen(client)
    response = client.patch(f"/team/meldingen/{kaart['nieuw']}",
                            json={"status": "in_behandeling"}, headers=csrf)
    assert response.status_code == 200
    assert response.json()["status"] == "in_behandeling"
    assert response.json()["gewijzigd_op"].startswith(klok.nu.isoformat()[:19])
    assert client.get(f"/team/meldingen/{kaart['nieuw']}").json()["status"] == "in_behandeling"


def test_an_unknown_status_is_refused_in_dutch(client, kaart):
    csrf = inloggen(client)
    response = client.patch(f"/team/meldingen/{kaart['nieuw']}", json={"status": "klaar"},
                            headers=csrf)
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"] == (
        "Kies een van deze antwoorden: 'nieuw', 'in_behandeling' of 'afgerond'.")


@pytest.mark.parametrize("headers", [{}, {"X-CSRF-Token": "fout"}])
def test_a_status_change_needs_the_csrf_token(client, kaart, headers):
    inloggen(client)
    response = client.patch(f"/team/meldingen/{kaart['nieuw']}", json={"status": "afgerond"},
                            headers=headers)
    assert response.status_code == 403
    assert client.get(f"/team/meldingen/{kaart['nieuw']}").json()["status"] == "nieuw"


def test_the_csv_export_has_a_header_row_and_only_the_own_gemeente(client, kaart):
    inloggen(client)
    response = client.get("/team/meldingen/export", params={"formaat": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")),
                               delimiter=";"))
    assert [r["nummer"] for r in rows] == [kaart["nieuw"], kaart["oud"]]
    assert rows[0]["naam"] == "Nieuw" and rows[0]["geanonimiseerd"] == "nee"


def test_the_json_export_has_only_the_own_gemeente(client, kaart):
    inloggen(client)
    body = client.get("/team/meldingen/export", params={"formaat": "json"}).json()
    assert {m["gemeente_code"] for m in body} == {"GM0090"}
    assert len(body) == 2


def test_csv_cells_that_a_spreadsheet_would_run_get_a_quote(app, client):
    with Session(app.state.engine) as session:
        nieuwe_melding(session, naam='=HYPERLINK("http://x.example","klik")',
                       vraag="+31 is mijn landcode", belmoment="@middag",
                       woonplaats="-Drachten", email="=a@voorbeeld.nl")
        nieuwe_medewerker(session)
    inloggen(client)
    text = client.get("/team/meldingen/export").content.decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert row["naam"] == '\'=HYPERLINK("http://x.example","klik")'
    assert row["vraag"] == "'+31 is mijn landcode"
    assert row["belmoment"] == "'@middag"
    assert row["woonplaats"] == "'-Drachten"
    assert row["email"] == "'=a@voorbeeld.nl"


@pytest.mark.parametrize(("value", "cell"), [
    ("=1+1", "'=1+1"), ("\tx", "'\tx"), ("Drachten", "Drachten"), (None, ""), (True, "ja"),
    (dt.datetime(2026, 3, 2, 10, tzinfo=dt.timezone.utc), "2026-03-02T10:00:00+00:00"),
])
def test_a_safe_cell(value, cell):
    assert veilige_cel(value) == cell


def test_every_look_change_and_export_is_in_the_audit_log(client, app, kaart):
    csrf = inloggen(client)
    client.get("/team/meldingen")
    client.get(f"/team/meldingen/{kaart['nieuw']}")
    client.patch(f"/team/meldingen/{kaart['nieuw']}", json={"status": "afgerond"}, headers=csrf)
    client.get("/team/meldingen/export")
    assert _audit(app) == [
        ("inloggen", "anna", None, "testclient"),
        ("meldingen_lijst", "anna", None, "testclient"),
        ("melding_bekijken", "anna", kaart["nieuw"], "testclient"),
        ("status_wijzigen", "anna", kaart["nieuw"], "testclient"),
        ("meldingen_export", "anna", None, "testclient"),
    ]


def test_a_refused_look_writes_no_audit_row_about_the_melding(client, app, kaart):
    inloggen(client)
    client.get(f"/team/meldingen/{kaart['ljouwert']}")
    assert [a for a in _audit(app) if a[2] == kaart["ljouwert"]] == []


def test_only_an_admin_reads_the_audit_log_newest_first(client, kaart):
    inloggen(client)
    assert client.get("/admin/audit").status_code == 403
    inloggen(client, "beheer")
    body = client.get("/admin/audit", params={"per_page": 2}).json()
    assert [(r["actie"], r["gebruikersnaam"]) for r in body["contents"]] == [
        ("inloggen", "beheer"), ("inloggen", "anna")]
    assert body["total_items"] == 2


def test_the_audit_log_shows_who_looked_at_a_melding(client, kaart):
    inloggen(client)
    client.get(f"/team/meldingen/{kaart['nieuw']}")
    inloggen(client, "beheer")
    body = client.get("/admin/audit", params={"melding_nummer": kaart["nieuw"]}).json()
    assert [(r["actie"], r["gebruikersnaam"]) for r in body["contents"]] == [
        ("melding_bekijken", "anna")]
