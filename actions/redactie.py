"""Removes identifiers from what a resident typed before it is stored, logged or passed on.

Standard library only: the Rasa process uses this same file (bot/gesprekken/redactie.py is a
symlink to it), so the patterns exist once.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

__all__ = ["RedigeerFilter", "installeer_logfilter", "redigeer"]

BSN_WEG = "[BSN weggehaald]"
IBAN_WEG = "[rekeningnummer weggehaald]"
TELEFOON_WEG = "[telefoonnummer weggehaald]"
EMAIL_WEG = "[e-mailadres weggehaald]"

# An IBAN starts with two letters and two digits.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}\s?[A-Z]{4}(?:\s?\d{2,4}){2,5}\b", re.IGNORECASE)

# Also "jan @ voorbeeld.nl": a space around the @ does not hide an address.
_EMAIL = re.compile(r"(?<![\w.%+'-])[\w.%+'-]+[ \t]?@[ \t]?(?:[\w-]+\.)+[\w-]{2,}")

# A date such as 12-03-2026 or 1.4.26 is matched first and kept as it is, so that a date
# followed by a time ("01-04-2026 10 uur") is never read as a phone number.
_DATUM = r"(?<![\w.-])\d{1,2}(?P<teken>[-./])\d{1,2}(?P=teken)(?:\d{4}|\d{2})(?!\w|[.,-]\d)"

# A Dutch phone number has ten digits when written from the leading 0 (06 12345678,
# 0512-123456, (058) 123 45 67) and nine after +31 or 0031 (+31 6 12345678,
# +31 (0)512 123456). Between digits: a space, dot or dash (also " - "), or the closing
# bracket of the area code. Not glued to a word, an amount or a longer number, so postcodes,
# house numbers, 0800-0113 and 14 058 are left alone.
_TUSSEN = r"(?:\)?[ \t]{0,2}[.-]?[ \t]{0,2})"
_TELEFOON = (
    r"(?<![\w+@])(?<!\d[.,-])"
    r"(?:(?:\+|00)[ \t]?31[ \t.-]{0,2}(?:\(0\)[ \t.-]{0,2}|0)?|\(0(?=\d{1,3}\))|0)"
    rf"\d(?:{_TUSSEN}\d){{8}}"
    r"(?![\w@]|[.,-]\d)"
)

# A BSN has 9 digits, sometimes written with dots, spaces or dashes. Checked after phone
# numbers, which have ten digits.
_BSN = re.compile(r"(?<!\d)\d{3}[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}(?!\d)")

_DATUM_OF_TELEFOON = re.compile(rf"(?P<datum>{_DATUM})|(?P<telefoon>{_TELEFOON})")

# Every pattern above needs a digit or an @. Most texts (intent names, answers in words) have
# neither; they skip the four searches, which under load were 5% of the Rasa process's time.
_KAN_IETS_BEVATTEN = re.compile(r"[\d@]")


def _telefoon_weg(match: re.Match[str]) -> str:
    return match.group() if match.group("datum") else TELEFOON_WEG


def redigeer(text: str) -> str:
    """`text` with IBANs, e-mail addresses, Dutch phone numbers and BSN-like numbers replaced
    by a marker such as "[telefoonnummer weggehaald]"."""
    if not _KAN_IETS_BEVATTEN.search(text):
        return text
    text = _IBAN.sub(IBAN_WEG, text)
    text = _EMAIL.sub(EMAIL_WEG, text)
    text = _DATUM_OF_TELEFOON.sub(_telefoon_weg, text)
    return _BSN.sub(BSN_WEG, text)


def _redigeer_ook_gecodeerd(text: str) -> str:
    """Like `redigeer`, and also finds identifiers in URL-encoded text (a logged request
    such as `/gemeenten/resolve?q=bel+06+12345678`); then the decoded text is returned."""
    text = redigeer(text)
    if "%" in text or "+" in text:
        decoded = unquote_plus(text)
        redacted = redigeer(decoded)
        if redacted != decoded:
            return redacted
    return text


# Attributes every LogRecord has; any other string attribute came in through `extra=`
# (Sanic's access log puts the request line in `request`) and is redacted too.
_STANDAARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message", "asctime"}


class RedigeerFilter(logging.Filter):
    """Redacts log records: the message with its arguments, `extra` strings, tracebacks."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a broken format: logging itself reports that
            message = str(record.msg)
        record.msg, record.args = _redigeer_ook_gecodeerd(message), None
        for key, value in vars(record).items():
            if key not in _STANDAARD and isinstance(value, str):
                setattr(record, key, _redigeer_ook_gecodeerd(value))
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = _redigeer_ook_gecodeerd(record.exc_text)
        if record.stack_info:
            record.stack_info = _redigeer_ook_gecodeerd(record.stack_info)
        return True


def installeer_logfilter() -> None:
    """Put a `RedigeerFilter` on every handler that exists now: those of the root logger and
    of loggers with their own handlers (such as Sanic's). A filter on a handler sees every
    record that handler writes, also records from child loggers; a filter on a logger would
    not. Call it after logging is set up; calling it again adds no second filter."""
    loggers = [logging.getLogger()] + [
        logger for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, RedigeerFilter) for f in handler.filters):
                handler.addFilter(RedigeerFilter())
