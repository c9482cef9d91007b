from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from actions.melding_opslag import MeldingOpslag, nu, wachttijd


@pytest.fixture
def opslag(tmp_path) -> MeldingOpslag:
    return MeldingOpslag(tmp_path / "outbox.db")


def test_a_conversation_keeps_one_key_until_it_is_forgotten(opslag):
    sleutel = opslag.concept_sleutel("gesprek-1")
    assert opslag.concept_sleutel("gesprek-1") == sleutel
    assert opslag.concept_sleutel("gesprek-2") != sleutel
    opslag.vergeet_concept("gesprek-1")
    assert opslag.concept_sleutel("gesprek-1") != sleutel


def test_contact_details_stay_apart_from_the_conversation(opslag):
    opslag.zet_contact("gesprek-1", "0612345678", None)
    assert opslag.contact("gesprek-1") == ("0612345678", None)
    opslag.vergeet_concept("gesprek-1")
    assert opslag.contact("gesprek-1") == (None, None)


def test_the_outbox_survives_a_restart_and_holds_a_key_once(tmp_path):
    MeldingOpslag(tmp_path / "outbox.db").zet_klaar("k1", {"naam": "Anna"})
    MeldingOpslag(tmp_path / "outbox.db").zet_klaar("k1", {"naam": "Anna"})
    later = MeldingOpslag(tmp_path / "outbox.db").te_bezorgen()
    assert [(w.sleutel, w.body) for w in later] == [("k1", {"naam": "Anna"})]


def test_a_delivered_melding_keeps_its_answer_but_not_the_personal_details(opslag):
    opslag.zet_klaar("k1", {"naam": "Anna", "telefoon": "0612345678"})
    opslag.afgeleverd("k1", {"nummer": "WMO-2026-000001"})
    assert opslag.te_bezorgen() == []
    assert opslag.antwoord("k1") == {"nummer": "WMO-2026-000001"}
    with sqlite3.connect(opslag.pad) as db:
        assert db.execute("SELECT body FROM outbox").fetchall() == [(None,)]


def test_a_failed_attempt_waits_longer_each_time(opslag):
    opslag.zet_klaar("k1", {})
    opslag.mislukt("k1", "down")
    assert opslag.te_bezorgen() == []
    assert [w.sleutel for w in opslag.te_bezorgen(nu() + wachttijd(1))] == ["k1"]
    assert [wachttijd(n).total_seconds() for n in (1, 2, 3, 10)] == [2, 4, 8, 60]


def test_a_refused_melding_is_not_tried_again(opslag):
    opslag.zet_klaar("k1", {"naam": "Anna"})
    opslag.geweigerd("k1", "422")
    assert opslag.te_bezorgen(nu() + dt.timedelta(days=1)) == []
    assert opslag.antwoord("k1") is None


def test_cleaning_up_never_removes_a_melding_that_waits(opslag):
    opslag.zet_contact("oud-gesprek", "0612345678", None)
    opslag.zet_klaar("wacht", {"naam": "Anna"})
    opslag.zet_klaar("klaar", {"naam": "Piet"})
    opslag.afgeleverd("klaar", {"nummer": "WMO-2026-000002"})
    opslag.opruimen(nu() + dt.timedelta(days=30))
    assert opslag.contact("oud-gesprek") == (None, None)
    assert opslag.antwoord("klaar") is None
    assert [w.sleutel for w in opslag.te_bezorgen(nu() + dt.timedelta(days=30))] == ["wacht"]
