from __future__ import annotations

import pytest

PAGE_FIELDS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page",
               "empty", "contents"}


def test_services_are_paginated_the_hsds_way(client_small):
    body = client_small.get("/services", params={"per_page": 4, "page": 2}).json()
    assert set(body) == PAGE_FIELDS
    assert (body["total_items"], body["total_pages"], body["page_number"]) == (6, 2, 2)
    assert (body["size"], body["first_page"], body["last_page"], body["empty"]) == (
        2, False, True, False)


def test_services_filter_on_gemeente_and_taxonomy(client_small):
    body = client_small.get("/services", params={"gemeente": "GM1900"}).json()
    assert [s["id"] for s in body["contents"]] == ["svc-scoot-sneek"]
    body = client_small.get("/services", params={"taxonomy_term_id": "klussen"}).json()
    assert [s["id"] for s in body["contents"]] == ["svc-klus"]


def test_page_past_the_end_is_empty(client_small):
    body = client_small.get("/services", params={"page": 9}).json()
    assert body["empty"] is True and body["contents"] == []


def test_service_is_compiled_with_its_parts(client_small):
    service = client_small.get("/services/svc-klus").json()
    assert service["attributes"] == [{"taxonomy_term_id": "klussen"}]
    assert service["service_areas"] == [{"gemeente_code": "GM0090"}]
    location = service["service_at_locations"][0]["location"]
    assert location["addresses"][0]["city"] == "Drachten"
    assert location["accessibility"][0]["description"] == "Rolstoeltoegankelijk"


def test_unknown_service_and_organization_are_404_in_dutch(client_small):
    assert client_small.get("/services/nee").json()["detail"] == "Dienst niet gevonden"
    assert client_small.get("/organizations/nee").json()["detail"] == "Organisatie niet gevonden"


def test_organizations_and_taxonomy_terms(client_small):
    orgs = client_small.get("/organizations").json()
    assert "org-test" in [o["id"] for o in orgs["contents"]]
    terms = client_small.get("/taxonomy_terms").json()
    by_id = {t["id"]: t for t in terms["contents"]}
    assert by_id["huishoudelijke_hulp"]["parent_id"] == "huishouden"
    assert by_id["huishoudelijke_hulp"]["name_fy"] == "Help by de húshâlding"


@pytest.mark.parametrize("params", [{"page": 0}, {"per_page": 500}, {"page": "x"}])
def test_bad_paging_is_a_422(client_small, params):
    assert client_small.get("/services", params=params).status_code == 422
