from __future__ import annotations

import io
import logging
import sys

import pytest

from actions.redactie import RedigeerFilter, installeer_logfilter, redigeer

TELEFOON_WEG = "[telefoonnummer weggehaald]"
EMAIL_WEG = "[e-mailadres weggehaald]"


@pytest.mark.parametrize("text", ["mijn bsn is 123456782", "BSN: 123.45.67.82",
                                  "nummer 123 45 67 82", "bsn 123-45-67-82"])
def test_bsn_is_removed(text):
    assert "[BSN weggehaald]" in redigeer(text)
    assert "82" not in redigeer(text)


def test_iban_is_removed():
    assert redigeer("rekening NL91 ABNA 0417 1643 00") == "rekening [rekeningnummer weggehaald]"


@pytest.mark.parametrize("number", [
    # mobile
    "0612345678", "06 12345678", "06-12345678", "06 1234 5678", "06-1234 5678",
    "06 12 34 56 78", "06-12-34-56-78", "06.12.34.56.78", "(06) 12345678", "(06)12345678",
    # landline, area codes of three and four digits
    "0512-123456", "0512 123456", "0512 12 34 56", "(0512) 123456", "(0512) 12 34 56",
    "058-1234567", "058 123 45 67", "(058) 123 4567", "020-1234567", "0513 - 489 489",
    # international
    "+31612345678", "+31 6 12345678", "+31 6 1234 5678", "+31-6-12345678", "+31 (0)6 12345678",
    "+31 06 12345678", "+31 512 123456", "+31 (0)512 123456", "+31-58-1234567",
    "0031612345678", "0031 6 12345678", "0031 (0)512 123456", "00 31 6 12345678",
])
def test_dutch_phone_numbers_are_removed_in_every_format(number):
    for text in (number, f"bel mij op {number}.", f"tel: {number}, na 18 uur",
                 f"({number})", f"nummer:{number}"):
        redacted = redigeer(text)
        assert TELEFOON_WEG in redacted, text
        assert "1234" not in redacted and "2345" not in redacted and "4567" not in redacted


def test_two_numbers_in_one_message_are_both_removed():
    assert redigeer("06 12345678 of 0512-123456/058 123 45 67") == \
        f"{TELEFOON_WEG} of {TELEFOON_WEG}/{TELEFOON_WEG}"


def test_a_bracket_around_the_whole_number_stays_balanced():
    assert redigeer("(06 12345678)") == f"({TELEFOON_WEG})"


@pytest.mark.parametrize("address", [
    "jan.devries@example.nl", "J.de.Vries@Voorbeeld.Frl", "jan_de-vries+wmo@mail.voorbeeld.nl",
    "o'brien@voorbeeld.nl", "fokje@gemeente-voorbeeld.nl", "jan @ voorbeeld.nl",
    "jan@ voorbeeld.nl",
])
def test_email_addresses_are_removed(address):
    redacted = redigeer(f"mail naar {address}.")
    assert redacted == f"mail naar {EMAIL_WEG}."


def test_all_kinds_together():
    text = ("Ik ben Jan, bsn 123456782, bel 06-12345678 of mail jan@voorbeeld.nl, "
            "rekening NL91ABNA0417164300")
    assert redigeer(text) == (f"Ik ben Jan, bsn [BSN weggehaald], bel {TELEFOON_WEG} of mail "
                              f"{EMAIL_WEG}, rekening [rekeningnummer weggehaald]")


def test_redacting_twice_changes_nothing_more():
    once = redigeer("bel 06 12345678, bsn 123456782, mail a@voorbeeld.nl")
    assert redigeer(once) == once


@pytest.mark.parametrize("text", [
    # dates, also followed by a time or a number
    "op 12-03-2026", "12.03.2026", "12/03/2026", "1-4-26", "geboren 3-5-1941",
    "op 01-04-2026 10 uur", "12-03-2026 12345", "2026-03-12T10:00:00", "om 10:30 uur",
    # postcodes, house numbers, ages, amounts
    "postcode 8441 AB", "9201AB 12", "Kerkstraat 12a", "Dorpsweg 123-2", "ik ben 84 jaar",
    "€ 21,50 per maand", "€ 1.234,56", "€ 1.234.567,89", "€ 0,50 per rit", "tussen 0 en 12345678",
    # numbers of the bot and of services, not of a person
    "bel 112 of 113", "bel gratis 0800-0113", "Veilig Thuis: 0800-2000", "bel 14 058",
    "14 0512", "0900-1234567",
    # numbers that are too long or too short for a phone number
    "06123456789", "06 1234567", "klantnummer 1234567890",
    # melding numbers and plain words
    "WMO-2026-000042", "ik heb hulp nodig bij het huishouden", "mail is niet mijn ding",
    "ik @ huis",
])
def test_no_false_positives(text):
    assert redigeer(text) == text


def _record(msg, *args, **extra):
    record = logging.LogRecord("test", logging.INFO, __file__, 1, msg, args or None, None)
    record.__dict__.update(extra)
    return record


def test_log_filter_redacts_the_message_and_its_arguments():
    record = _record("User said %r to %s", "bel 06 12345678", "a@voorbeeld.nl")
    assert RedigeerFilter().filter(record) is True
    assert record.getMessage() == f"User said '{'bel ' + TELEFOON_WEG}' to {EMAIL_WEG}"


def test_log_filter_redacts_url_encoded_text_and_extra_fields():
    record = _record("HTTP Request: GET %s", "http://sk/gemeenten/resolve?q=bel+06+12345678",
                     request="GET /zoek?q=mijn%20bsn%20123456782")
    RedigeerFilter().filter(record)
    assert "12345678" not in record.getMessage() and TELEFOON_WEG in record.getMessage()
    assert "123456782" not in record.request and "[BSN weggehaald]" in record.request


def test_log_filter_leaves_ordinary_url_encoded_lines_alone():
    record = _record("GET /search?gemeente=GM0090&q=hulp+bij+huishouden 200")
    RedigeerFilter().filter(record)
    assert record.getMessage() == "GET /search?gemeente=GM0090&q=hulp+bij+huishouden 200"


def test_log_filter_redacts_tracebacks():
    try:
        raise ValueError("bad value 06 12345678")
    except ValueError:
        record = logging.LogRecord("test", logging.ERROR, __file__, 1, "failed", None,
                                   sys.exc_info())
    RedigeerFilter().filter(record)
    assert "12345678" not in logging.Formatter().format(record)
    assert TELEFOON_WEG in logging.Formatter().format(record)


def test_installed_filter_works_for_child_loggers_and_is_added_once():
    root = logging.getLogger()
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    root.addHandler(handler)
    try:
        installeer_logfilter()
        installeer_logfilter()
        assert sum(isinstance(f, RedigeerFilter) for f in handler.filters) == 1
        logging.getLogger("actions.voorbeeld").warning("telefoon %s", "0512-123456")
        assert stream.getvalue() == f"telefoon {TELEFOON_WEG}\n"
    finally:
        root.removeHandler(handler)


def test_action_server_installs_the_filter_and_quiets_httpx():
    import actions.logboek  # noqa: F401  (imported by the actions package)

    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING
