from __future__ import annotations

import copy

import pytest
from sqlmodel import Session

from sociale_kaart.hsds.exporter import export_document
from sociale_kaart.hsds.importer import ImportFout, import_document
from sociale_kaart.models import KaartVersie, Service

from .factories import clear_services, document, service, small_map


def _session(app) -> Session:
    return Session(app.state.engine)


@pytest.fixture
def session(app):
    with _session(app) as session:
        clear_services(session)
        yield session


def test_import_then_export_gives_the_same_document(session):
    result = import_document(session, small_map())
    assert len(result.nieuw) == 6
    exported = export_document(session, bron="test")
    expected_ids = sorted(s["id"] for s in small_map()["services"])
    assert [s["id"] for s in exported["services"]] == expected_ids
    klus = next(s for s in exported["services"] if s["id"] == "svc-klus")
    assert klus["service_at_locations"][0]["location"]["addresses"][0]["city"] == "Drachten"
    assert klus["bron"] == "test" and klus["voorbeeld"] is True


def test_export_imports_back_unchanged(session):
    import_document(session, small_map())
    first = export_document(session, bron="test")
    again = import_document(session, copy.deepcopy(first))
    assert again.nieuw == [] and again.gewijzigd == []
    assert export_document(session, bron="test") == first


def test_importing_twice_changes_nothing(session):
    import_document(session, small_map())
    version = session.get(KaartVersie, 1).versie
    result = import_document(session, small_map())
    assert len(result.ongewijzigd) == 6 and not result.nieuw and not result.gewijzigd
    assert session.get(KaartVersie, 1).versie == version


def test_changed_service_is_updated_and_children_replaced(session):
    import_document(session, small_map())
    changed = small_map()
    changed["services"][0]["name"] = "Klussendienst De Wilgen"
    changed["services"][0]["phones"] = [{"number": "0512 000 999"}]
    result = import_document(session, changed)
    assert result.gewijzigd == ["svc-klus"]
    exported = {s["id"]: s for s in export_document(session)["services"]}
    assert exported["svc-klus"]["name"] == "Klussendienst De Wilgen"
    assert [p["number"] for p in exported["svc-klus"]["phones"]] == ["0512 000 999"]


def test_import_with_a_mistake_writes_nothing(session):
    bad = document(
        service("svc-goed", "Goede dienst", "klussen"),
        service("svc-fout", "Foute dienst", "bestaat_niet", "GM9999"),
    )
    with pytest.raises(ImportFout) as caught:
        import_document(session, bad)
    assert "services[1] (svc-fout).attributes: categorie 'bestaat_niet' bestaat niet" in (
        caught.value.fouten)
    assert any("gemeente 'GM9999'" in f for f in caught.value.fouten)
    assert session.get(Service, "svc-goed") is None


def test_validation_errors_name_the_record_and_field_in_dutch(session):
    bad = document(service("svc-x", "", "klussen", toegang_type="gratis"))
    with pytest.raises(ImportFout) as caught:
        import_document(session, bad)
    fouten = caught.value.fouten
    assert "services[0] (svc-x).name: is leeg of te kort" in fouten
    assert "services[0] (svc-x).toegang_type: heeft een waarde die niet kan" in fouten


def test_an_amount_needs_a_date_and_a_source(session):
    bad = document(service("svc-geld", "Maaltijden", "maaltijden",
                           cost_options=[{"option": "per maaltijd", "amount": 7.5}]))
    with pytest.raises(ImportFout) as caught:
        import_document(session, bad)
    assert any("cost_options[0].valid_from: ontbreekt" in f for f in caught.value.fouten)
    assert any("cost_options[0].bron: ontbreekt" in f for f in caught.value.fouten)


def test_document_that_is_not_an_object_is_refused(session):
    with pytest.raises(ImportFout):
        import_document(session, ["geen", "object"])
