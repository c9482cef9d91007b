from __future__ import annotations

import pytest


def ids(response) -> list[str]:
    assert response.status_code == 200, response.text
    return [r["id"] for r in response.json()["resultaten"]]


def test_resident_words_find_the_category(client_small):
    assert ids(client_small.get("/search", params={"q": "wie kan er bij mij poetsen"}))[0] == (
        "svc-schoon")


def test_phrase_finds_the_category_without_shared_words(client_small):
    found = ids(client_small.get("/search", params={"q": "ik ben veel alleen"}))
    assert found[0] == "svc-maatje"


def test_typo_is_forgiven(client_small):
    assert ids(client_small.get("/search", params={"q": "scootmobil"}))[0].startswith("svc-scoot")


def test_part_of_a_word_finds_the_compound(client_small):
    assert ids(client_small.get("/search", params={"q": "klus"}))[0] == "svc-klus"


def test_accents_do_not_matter(client_small):
    assert ids(client_small.get("/search", params={"q": "mantelzórg"}))[0] == "svc-mantelzorg"


def test_frisian_question_finds_the_service(client_small):
    response = client_small.get("/search", params={"q": "ik bin iensum", "taal": "fy"})
    assert ids(response)[0] == "svc-maatje"
    first = response.json()["resultaten"][0]
    assert first["description"].startswith("In frijwilliger")
    assert any(r.startswith("kategory 'Selskip") for r in first["redenen"])


def test_gemeente_filter_keeps_only_services_for_that_gemeente(client_small):
    found = ids(client_small.get("/search", params={"q": "scootmobiel", "gemeente": "GM1900"}))
    assert found == ["svc-scoot-sneek"]


def test_postcode_sets_the_gemeente_and_ranks_nearby_first(client_small):
    response = client_small.get("/search", params={"q": "scootmobiel", "postcode": "9203 AB"})
    assert response.json()["gemeente"] == "GM0090"
    assert ids(response) == ["svc-scoot"]
    assert any("km van uw woonplaats" in r for r in response.json()["resultaten"][0]["redenen"])


def test_each_result_says_why_it_matched(client_small):
    result = client_small.get("/search", params={"q": "schoonmaken"}).json()["resultaten"][0]
    assert any(r.startswith("categorie 'Hulp bij het huishouden'") for r in result["redenen"])
    assert result["telefoon"] and result["openingstijden"]
    assert result["laatst_gecontroleerd"] == "2026-11-01" and result["voorbeeld"] is True


def test_category_filter_without_question_lists_the_category(client_small):
    assert set(ids(client_small.get("/search", params={"categorie": "hulpmiddelen"}))) == {
        "svc-scoot", "svc-scoot-sneek"}


def test_parent_category_filter_includes_its_children(client_small):
    found = ids(client_small.get("/search", params={"categorie": "huishouden"}))
    assert set(found) == {"svc-klus", "svc-schoon"}


def test_nothing_found_is_an_empty_list(client_small):
    assert ids(client_small.get("/search", params={"q": "paspoort verlengen"})) == []


@pytest.mark.parametrize(("params", "status", "detail"), [
    ({"gemeente": "GM9999"}, 404, "Gemeente niet gevonden"),
    ({"postcode": "12"}, 422, "Een postcode heeft vier cijfers, en soms twee letters"),
    ({"postcode": "1011"}, 404, "Deze postcode kennen we niet"),
    ({"categorie": "onzin"}, 404, "Deze categorie bestaat niet"),
])
def test_bad_filters_get_a_clear_message(client_small, params, status, detail):
    response = client_small.get("/search", params=params)
    assert response.status_code == status
    assert response.json()["detail"] == detail


def test_search_by_meaning_finds_a_story_without_synonym_words(client_small):
    question = "Nooit komt er nog eens iemand langs en ik spreek bijna geen mens meer"
    response = client_small.get("/search", params={"q": question, "betekenis": "true"})
    assert ids(response)[0] == "svc-maatje"
    reasons = response.json()["resultaten"][0]["redenen"]
    assert any("Gezelschap" in r for r in reasons)
