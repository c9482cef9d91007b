from __future__ import annotations

import pytest

from actions.melding_antwoorden import (
    Commando,
    commando,
    contact_uit,
    ja_nee,
    naam_uit,
    telefoon_leesbaar,
    voor_wie,
)


@pytest.mark.parametrize("text", ["stop", "Stop!", "stoppen", "ik wil stoppen", "laat maar",
                                  "annuleren", "Ik wil niet verder"])
def test_stop_at_any_step(text):
    assert commando(text) == Commando("stop")


@pytest.mark.parametrize("text", ["terug", "Vorige vraag", "ga terug", "een stap terug"])
def test_back(text):
    assert commando(text) == Commando("terug")


@pytest.mark.parametrize("text, veld", [
    ("naam veranderen", "melding_naam"),
    ("ik wil mijn telefoonnummer wijzigen", "melding_contact"),
    ("mijn e-mail klopt niet", "melding_contact"),
    ("Woonplaats veranderen", "melding_woonplaats"),
    ("de vraag aanpassen", "melding_vraag"),
    ("Cliëntondersteuning veranderen", "melding_clientondersteuning"),
    ("mantelzorger veranderen", "melding_mantelzorger"),
    ("iets veranderen", None),
])
def test_change_names_the_field(text, veld):
    assert commando(text) == Commando("veranderen", veld)


@pytest.mark.parametrize("text", [
    "Ik kan niet meer zelf de trap op en wil daar iets aan veranderen in huis, maar hoe weet "
    "ik niet goed",  # a story that says 'veranderen' is an answer, not a command
    "Stoppen met werken lukt niet", "Jan Terug",
])
def test_ordinary_answers_are_not_commands(text):
    assert commando(text) is None


@pytest.mark.parametrize("text, verwacht", [
    ("ja", "ja"), ("Ja, dat klopt", "ja"), ("jazeker", "ja"), ("graag", "ja"), ("oké", "ja"),
    ("Ja, versturen", "ja"), ("nee", "nee"), ("Nee, niet versturen", "nee"),
    ("liever niet", "nee"), ("hmm", None), ("Jan", None),
])
def test_yes_no(text, verwacht):
    assert ja_nee(text) == verwacht


def test_dont_know_only_where_it_is_allowed():
    assert ja_nee("weet ik niet", weet_niet=True) == "weet_niet"
    assert ja_nee("geen idee", weet_niet=True) == "weet_niet"
    assert ja_nee("weet ik niet") is None


@pytest.mark.parametrize("text, verwacht", [
    ("Voor mijzelf", "zelf"), ("voor mij", "zelf"), ("ikzelf", "zelf"), ("zelf", "zelf"),
    ("Voor iemand anders", "ander"), ("voor mijn moeder", "ander"), ("mijn man", "ander"),
    ("de buurvrouw", "ander"), ("blauw", None), ("weet ik niet", None),
])
def test_for_whom(text, verwacht):
    assert voor_wie(text) == verwacht


@pytest.mark.parametrize("text, verwacht", [
    ("Anna de Vries", "Anna de Vries"), ("mijn naam is Sjoukje Hoekstra", "Sjoukje Hoekstra"),
    ("ik heet Piet.", "Piet"), ("J. van der Meer", "J. van der Meer"),
    ("Hendrik-Jan O'Neill", "Hendrik-Jan O'Neill"),
    ("ik ben zijn dochter, Marije de Jong", "Marije de Jong"),
    ("0612345678", None), ("ik weet echt niet wat ik hier moet invullen", None), ("", None),
    ("ik", None), ("ja hoor", None), ("weet ik niet", None), ("Nee", None),
])
def test_name(text, verwacht):
    assert naam_uit(text) == verwacht


@pytest.mark.parametrize("text", ["06 12345678", "06-12345678", "0612345678", "+31 6 12345678",
                                  "+31 (0)6 1234 5678", "0031612345678",
                                  "mijn nummer is 06 - 123 456 78"])
def test_mobile_numbers_in_every_format(text):
    assert contact_uit(text).telefoon == "0612345678"


def test_landline_and_email_together():
    contact = contact_uit("bel 0512-123456 of mail anna.devries@example.nl.")
    assert contact.telefoon == "0512123456"
    assert contact.email == "anna.devries@example.nl"
    assert contact.fout is None


@pytest.mark.parametrize("text, fout", [("06 1234", "telefoon"), ("+49 30 1234567", "telefoon"),
                                        ("anna@", "email"), ("anna@gmail", "email")])
def test_wrong_contact_details_are_named(text, fout):
    assert contact_uit(text).fout == fout


def test_no_contact_details_at_all():
    assert contact_uit("dat weet ik niet") == contact_uit("")


def test_numbers_are_shown_the_way_people_write_them():
    assert telefoon_leesbaar("0612345678") == "06 12345678"
    assert telefoon_leesbaar("0512123456") == "0512 123456"


@pytest.mark.parametrize("text, verwacht", [
    ("foar mysels", "zelf"), ("foar myn mem", "ander"), ("wit ik net", None)])
def test_for_whom_in_frisian(text, verwacht):
    assert voor_wie(text) == verwacht


def test_frisian_answers_and_commands():
    assert ja_nee("wit ik net", weet_niet=True) == "weet_niet"
    assert ja_nee("nee hear") == "nee"
    assert commando("ophâlde") == Commando("stop")
    assert commando("werom") == Commando("terug")
    assert commando("tillefoan feroarje") == Commando("veranderen", "melding_contact")
    assert naam_uit("myn namme is Sjoukje Hoekstra") == "Sjoukje Hoekstra"
