from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from .conftest import ADMIN_TOKEN
from .factories import document, service, small_map

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


@pytest.fixture
def admin(admin_app):
    return TestClient(admin_app)


def test_admin_is_off_without_a_token(client):
    response = client.post("/admin/import", json=small_map())
    assert response.status_code == 403
    assert "SOCIALE_KAART_ADMIN_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer fout"}])
def test_admin_needs_the_right_token(admin, headers):
    response = admin.post("/admin/import", json=small_map(), headers=headers)
    assert response.status_code == 401
    assert response.json()["detail"] == "Log in met het beheertoken"


def test_json_import_and_export(admin):
    result = admin.post("/admin/import", json=small_map(), headers=AUTH).json()
    assert len(result["nieuw"]) == 6
    again = admin.post("/admin/import", json=small_map(), headers=AUTH).json()
    assert len(again["ongewijzigd"]) == 6
    exported = admin.get("/admin/export", headers=AUTH).json()
    assert len(exported["services"]) == 6
    assert admin.get("/search", params={"q": "klusjes"}).json()["resultaten"][0]["id"] == (
        "svc-klus")


def test_import_with_mistakes_is_refused_with_a_list(admin):
    bad = document(service("svc-a", "Goed", "klussen"), service("svc-b", "Fout", "onzin"))
    response = admin.post("/admin/import", json=bad, headers=AUTH)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"].startswith("Er is niets ingelezen: 1 fout(en)")
    assert body["fouten"] == ["services[1] (svc-b).attributes: categorie 'onzin' bestaat niet"]
    assert admin.get("/services/svc-a").status_code == 404


def test_broken_json_is_a_400(admin):
    response = admin.post("/admin/import", content=b"{niet af", headers=AUTH)
    assert response.status_code == 400
    assert response.json()["detail"] == "Dit is geen geldige JSON"


def test_csv_round_trip(admin):
    admin.post("/admin/import", json=small_map(), headers=AUTH)
    first = admin.get("/admin/export/csv", headers=AUTH)
    assert first.headers["content-type"].startswith("text/csv")
    result = admin.post("/admin/import/csv", content=first.text.encode(), headers=AUTH,
                        params={"bron": "test", "laatst_gecontroleerd": "2026-11-01"}).json()
    assert "nieuw" in result and result["nieuw"] == []
    assert admin.get("/admin/export/csv", headers=AUTH).text == first.text


CSV_WITH_MISTAKES = """\
id;organization_id;organization_name;name;toegang_type;categorieen;gemeenten;telefoon
svc-1;org-1;Welzijn Test;Klussendienst;algemeen;klussen;GM0090;0512 000 111
svc-2;org-1;Welzijn Test;;algemeen;klussen;GM0090;
svc-3;org-1;Welzijn Test;Eetpunt;gratis;maaltijden;GM0090;
svc-4;org-1;Welzijn Test;Vervoer;algemeen;vervoer;GM9999;
"""


def test_csv_with_mistakes_names_each_row_and_writes_nothing(admin):
    response = admin.post("/admin/import/csv", content=CSV_WITH_MISTAKES.encode(), headers=AUTH)
    assert response.status_code == 422
    fouten = response.json()["fouten"]
    assert "regel 3 (svc-2).name: is leeg of te kort" in fouten
    assert "regel 4 (svc-3).toegang_type: heeft een waarde die niet kan" in fouten
    assert "regel 5 (svc-4).service_areas: gemeente 'GM9999' bestaat niet" in fouten
    assert admin.get("/services/svc-1").status_code == 404


def test_put_and_delete_a_service(admin):
    admin.post("/admin/import", json=small_map(), headers=AUTH)
    changed = service("svc-klus", "Klussendienst De Wilgen", "klussen")
    assert admin.put("/admin/services/svc-klus", json=changed, headers=AUTH).json()[
        "gewijzigd"] == ["svc-klus"]
    assert admin.get("/services/svc-klus").json()["name"] == "Klussendienst De Wilgen"
    assert admin.delete("/admin/services/svc-klus", headers=AUTH).status_code == 204
    assert admin.get("/services/svc-klus").status_code == 404
    assert admin.delete("/admin/services/svc-klus", headers=AUTH).status_code == 404


def test_put_with_other_id_is_refused(admin):
    response = admin.put("/admin/services/svc-a", json=service("svc-b", "B", "klussen"),
                         headers=AUTH)
    assert response.status_code == 422


def test_organization_with_services_cannot_be_deleted(admin):
    admin.post("/admin/import", json=small_map(), headers=AUTH)
    response = admin.delete("/admin/organizations/org-test", headers=AUTH)
    assert response.status_code == 409
    admin.put("/admin/organizations/org-leeg", json={"name": "Lege organisatie"}, headers=AUTH)
    assert admin.delete("/admin/organizations/org-leeg", headers=AUTH).status_code == 204


def test_csv_may_name_gemeenten_in_dutch_or_frisian(admin):
    sheet = (
        "id;organization_id;organization_name;name;toegang_type;categorieen;gemeenten\n"
        'svc-a;org-1;Welzijn Test;Eetpunt;algemeen;maaltijden;"Súdwest-Fryslân;Ljouwert"\n'
    )
    response = admin.post("/admin/import/csv", content=sheet.encode(), headers=AUTH)
    assert response.status_code == 200, response.text
    areas = admin.get("/services/svc-a").json()["service_areas"]
    assert areas == [{"gemeente_code": "GM1900"}, {"gemeente_code": "GM0080"}]
