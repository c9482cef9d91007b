from __future__ import annotations

import pytest
from pydantic_core import PydanticCustomError

from sociale_kaart.models.invoer import normaliseer_email, normaliseer_telefoon, schone_tekst


@pytest.mark.parametrize(("typed", "stored"), [
    ("0612345678", "0612345678"),
    ("06-12345678", "0612345678"),
    ("06 1234 5678", "0612345678"),
    ("0512-123456", "0512123456"),
    ("(0512) 12 34 56", "0512123456"),
    ("+31 6 12345678", "0612345678"),
    ("+31 (0)6 1234 5678", "0612345678"),
    ("0031 512 123456", "0512123456"),
])
def test_dutch_phone_numbers_are_stored_as_ten_digits(typed, stored):
    assert normaliseer_telefoon(typed) == stored


@pytest.mark.parametrize("typed", [
    "12345", "06123", "061234567890", "0012345678", "+49 30 1234567", "06-1234abcd", "",
])
def test_other_phone_numbers_are_refused(typed):
    with pytest.raises(PydanticCustomError, match="Dit telefoonnummer klopt niet"):
        normaliseer_telefoon(typed)


@pytest.mark.parametrize(("typed", "stored"), [
    ("jan@voorbeeld.nl", "jan@voorbeeld.nl"),
    ("Jan.de.Boer+wmo@Voorbeeld.NL", "Jan.de.Boer+wmo@voorbeeld.nl"),
    ("a@sub.gemeente.frl", "a@sub.gemeente.frl"),
])
def test_email_addresses_keep_their_name_and_get_a_lower_case_domain(typed, stored):
    assert normaliseer_email(typed) == stored


@pytest.mark.parametrize("typed", [
    "jan", "jan@", "@voorbeeld.nl", "jan@voorbeeld", "jan@@voorbeeld.nl", "jan de boer@x.nl",
    "jan..boer@x.nl", ".jan@x.nl", "jan@-x.nl", "jan@x.1",
])
def test_impossible_email_addresses_are_refused(typed):
    with pytest.raises(PydanticCustomError, match="Dit e-mailadres klopt niet"):
        normaliseer_email(typed)


def test_text_is_trimmed_and_control_characters_are_refused():
    assert schone_tekst("  Drachten ") == "Drachten"
    assert schone_tekst("een\ntwee", regels=True) == "een\ntwee"
    for bad in ("a\x00b", "een\ntwee", "\x1b[31m", "\ud800"):
        with pytest.raises(PydanticCustomError, match="teken dat niet kan"):
            schone_tekst(bad)
