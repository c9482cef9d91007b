from __future__ import annotations

import dataclasses
import datetime as dt
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event, func
from sqlmodel import Session, select

from sociale_kaart.api.routes.meldingen import maak_melding
from sociale_kaart.main import create_app
from sociale_kaart.models import Melding, MeldingCreate

from .factories_meldingen import UTC, melding_velden, post_melding, zet_klok


def _aantal(client: TestClient) -> int:
    with Session(client.app.state.engine) as session:  # type: ignore[attr-defined]
        return session.exec(select(func.count()).select_from(Melding)).one()


def _fout(response, veld: str | None = None) -> str:
    assert response.status_code == 422, response.text
    errors = response.json()["detail"]
    if veld is None:
        return errors[0]["msg"]
    return next(e["msg"] for e in errors if e["loc"][-1] == veld)


def test_a_new_melding_gets_a_number_the_team_and_the_dates_of_the_legal_clock(app, client):
    zet_klok(app, dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC))
    response = post_melding(client)
    assert response.status_code == 201, response.text
    body = response.json()
    assert re.fullmatch(r"WMO-2026-\d{6}", body["nummer"])
    assert body["persoonlijk_plan_tot"] == "2026-03-09"
    assert body["onderzoek_klaar_voor"] == "2026-04-13"
    assert body["status"] == "nieuw"
    assert body["team_naam"] and body["team_telefoon"]
    assert body["telefoon"] == "0612345678"
    assert body["aangemaakt_op"].startswith("2026-03-02T10:00:00")
    assert "idempotency_key" not in body


def test_the_team_comes_from_the_gemeentes_toegang(client):
    toegang = client.get("/gemeenten/GM0080/toegang").json()
    body = post_melding(client, melding_velden(gemeente_code="gm0080")).json()
    assert body["gemeente_code"] == "GM0080"
    assert (body["team_naam"], body["team_telefoon"]) == (toegang["team_naam"],
                                                         toegang["telefoon"])


def test_the_dates_count_from_the_dutch_calendar_day(app, client):
    # 23:30 UTC on 1 March is already 2 March in the Netherlands.
    zet_klok(app, dt.datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    body = post_melding(client).json()
    assert body["persoonlijk_plan_tot"] == "2026-03-09"


def test_numbers_are_unique_and_follow_each_other(client):
    first = post_melding(client).json()["nummer"]
    second = post_melding(client).json()["nummer"]
    assert int(second.rsplit("-", 1)[1]) == int(first.rsplit("-", 1)[1]) + 1


def test_a_wrong_phone_number_is_refused_in_dutch(client):
    response = post_melding(client, melding_velden(telefoon="12345"))
    assert _fout(response, "telefoon").startswith("Dit telefoonnummer klopt niet.")
    assert _aantal(client) == 0


def test_a_wrong_email_address_is_refused_in_dutch(client):
    response = post_melding(client, melding_velden(email="jan@voorbeeld"))
    assert _fout(response, "email").startswith("Dit e-mailadres klopt niet.")


def test_a_melding_needs_a_phone_number_or_an_email_address(client):
    response = post_melding(client, melding_velden(telefoon=None, email=""))
    assert _fout(response) == ("Vul een telefoonnummer of een e-mailadres in. "
                               "Dan kan het team u bereiken.")


def test_one_way_to_reach_the_resident_is_enough(client):
    response = post_melding(client, melding_velden(telefoon=None))
    assert response.status_code == 201
    assert response.json()["telefoon"] is None


def test_without_consent_to_send_nothing_is_stored(client):
    response = post_melding(client, melding_velden(toestemming_versturen=False))
    assert _fout(response, "toestemming_versturen").startswith("Zonder uw toestemming")
    assert _aantal(client) == 0


def test_a_melding_for_someone_else_needs_their_consent(client):
    response = post_melding(client, melding_velden(voor_wie="ander"))
    assert _fout(response, "toestemming_ander").startswith("Vraag eerst of de ander")
    assert _aantal(client) == 0


def test_a_melding_for_someone_else_with_their_consent_is_stored(client):
    response = post_melding(client, melding_velden(voor_wie="ander", toestemming_ander=True,
                                                   naam_ander="Grietje Bosma"))
    assert response.status_code == 201
    assert response.json()["toestemming_ander"] is True
    assert response.json()["naam_ander"] == "Grietje Bosma"


def test_a_melding_for_someone_else_names_that_person(client):
    response = post_melding(client, melding_velden(voor_wie="ander", toestemming_ander=True))
    assert _fout(response, "naam_ander") == "Vul de naam in van de persoon om wie het gaat."
    assert _aantal(client) == 0


def test_a_melding_for_oneself_drops_another_name(client):
    response = post_melding(client, melding_velden(naam_ander="Grietje Bosma"))
    assert response.status_code == 201
    assert response.json()["naam_ander"] is None


def test_missing_fields_and_wrong_choices_are_explained_in_dutch(client):
    body = melding_velden(mantelzorger="misschien")
    del body["vraag"]
    response = post_melding(client, body)
    assert _fout(response, "vraag") == "Dit ontbreekt. Vul het in."
    assert _fout(response, "mantelzorger") == (
        "Kies een van deze antwoorden: 'ja', 'nee' of 'weet_niet'.")


def test_an_empty_name_is_refused(client):
    assert _fout(post_melding(client, melding_velden(naam="  ")), "naam") == "Vul uw naam in."


def test_a_question_longer_than_500_characters_is_refused(client):
    response = post_melding(client, melding_velden(vraag="a" * 501))
    assert _fout(response, "vraag") == "Dit is te lang. Gebruik hoogstens 500 tekens."


def test_a_question_may_have_line_breaks_but_no_control_characters(client):
    assert post_melding(client, melding_velden(vraag="Regel een.\nRegel twee.")).status_code == 201
    response = post_melding(client, melding_velden(naam="Jan\x00"))
    assert _fout(response, "naam").startswith("Deze tekst bevat een teken dat niet kan.")


def test_a_bsn_sent_along_is_not_stored(client):
    response = post_melding(client, melding_velden(bsn="123456782"))
    assert response.status_code == 201
    assert "bsn" not in response.json()
    assert "bsn" not in Melding.model_fields


def test_an_unknown_gemeente_is_a_404(client):
    response = post_melding(client, melding_velden(gemeente_code="GM9999"))
    assert response.status_code == 404
    assert response.json()["detail"] == "Gemeente niet gevonden"


def test_the_same_key_twice_gives_the_same_melding(client):
    first = post_melding(client, sleutel="dubbelklik-1")
    again = post_melding(client, sleutel="dubbelklik-1")
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert _aantal(client) == 1


def test_the_same_key_with_another_melding_is_a_409(client):
    post_melding(client, sleutel="sleutel-1")
    response = post_melding(client, melding_velden(vraag="Iets anders."), sleutel="sleutel-1")
    assert response.status_code == 409
    assert response.json()["detail"].startswith("Deze Idempotency-Key hoort bij een andere")
    assert _aantal(client) == 1


@pytest.mark.parametrize("sleutel", ["", "x" * 101, "met spatie"])
def test_the_idempotency_key_is_required_and_short(client, sleutel):
    response = client.post("/meldingen", json=melding_velden(), headers={
        "Authorization": "Bearer test-meldingen-token", "Idempotency-Key": sleutel})
    assert response.status_code == 422


def test_a_melding_without_idempotency_key_is_refused(client):
    response = client.post("/meldingen", json=melding_velden(),
                           headers={"Authorization": "Bearer test-meldingen-token"})
    assert _fout(response, "Idempotency-Key") == "Dit ontbreekt. Vul het in."


def test_identical_requests_at_the_same_moment_make_one_melding(client):
    start = threading.Barrier(6)

    def send(_: int):
        start.wait()
        return post_melding(client, sleutel="tegelijk")

    with ThreadPoolExecutor(6) as pool:
        responses = list(pool.map(send, range(6)))
    assert sorted(r.status_code for r in responses) == [200] * 5 + [201]
    assert len({r.json()["nummer"] for r in responses}) == 1
    assert _aantal(client) == 1


def test_the_insert_that_loses_the_race_returns_the_winners_melding(app):
    """Both requests miss the first lookup; the unique key refuses the second insert."""
    both_looked = threading.Barrier(2)
    data = MeldingCreate.model_validate(melding_velden())

    def submit(_: int) -> tuple[str | None, bool]:
        with Session(app.state.engine) as session:
            waited: list[bool] = []

            @event.listens_for(session, "before_flush")
            def wait_for_the_other(*_args):
                if not waited:  # only before the insert, not before the commit
                    waited.append(True)
                    both_looked.wait(timeout=10)

            melding, nieuw = maak_melding(session, data, "race", dt.datetime.now(UTC))
            return melding.nummer, nieuw

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(submit, range(2)))
    assert sorted(nieuw for _, nieuw in results) == [False, True]
    assert results[0][0] == results[1][0]


@pytest.mark.parametrize("token", [None, "fout"])
def test_a_melding_needs_the_right_token(client, token):
    response = post_melding(client, token=token)
    assert response.status_code == 401
    assert response.json()["detail"] == "Stuur het meldingentoken mee"
    assert _aantal(client) == 0


def test_meldingen_are_off_without_the_token_setting(settings):
    app = create_app(dataclasses.replace(settings, melding_token=None))
    try:
        response = post_melding(TestClient(app))
        assert response.status_code == 503
        assert "SOCIALE_KAART_MELDING_TOKEN" in response.json()["detail"]
    finally:
        app.state.engine.dispose()
