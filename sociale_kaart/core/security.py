"""Password hashing and tokens, with the standard library only.

Passwords are hashed with scrypt and a random salt; the parameters are stored with the hash
(`scrypt$n$r$p$salt$hash`), so they can be raised later without locking anyone out. The default
(n=2**14, r=8, p=5) is one of the OWASP Password Storage Cheat Sheet's scrypt settings; it takes
about 0.2 s and 16 MiB per check.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import secrets
import unicodedata

__all__ = [
    "MIN_WACHTWOORD_LENGTE",
    "controleer_wachtwoord",
    "hash_wachtwoord",
    "moet_opnieuw_hashen",
    "nep_controle",
    "nieuw_token",
    "token_hash",
]

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 5
MIN_WACHTWOORD_LENGTE = 12
_SALT_BYTES = 16
_HASH_BYTES = 32


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(wachtwoord: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # The same password typed on another keyboard may use other Unicode code points.
    data = unicodedata.normalize("NFKC", wachtwoord).encode("utf-8", "surrogatepass")
    maxmem = 128 * r * (n + p + 2) + 1024 * 1024
    return hashlib.scrypt(data, salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=_HASH_BYTES)


def hash_wachtwoord(wachtwoord: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R,
                    p: int = SCRYPT_P) -> str:
    salt = secrets.token_bytes(_SALT_BYTES)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(_scrypt(wachtwoord, salt, n, r, p))}"


def _parameters(opgeslagen: str) -> tuple[int, int, int, bytes, bytes] | None:
    try:
        schema, n, r, p, salt, digest = opgeslagen.split("$")
        values = int(n), int(r), int(p), _unb64(salt), _unb64(digest)
    except ValueError:
        return None
    n_, r_, p_ = values[:3]
    # Bounds keep a damaged or forged row from asking for gigabytes of memory.
    if schema != "scrypt" or not (2 <= n_ <= 2**20 and n_ & (n_ - 1) == 0
                                  and 1 <= r_ <= 32 and 1 <= p_ <= 16):
        return None
    return values


def controleer_wachtwoord(wachtwoord: str, opgeslagen: str) -> bool:
    values = _parameters(opgeslagen)
    if values is None:
        return False
    n, r, p, salt, digest = values
    return hmac.compare_digest(_scrypt(wachtwoord, salt, n, r, p), digest)


def moet_opnieuw_hashen(opgeslagen: str) -> bool:
    """True when the hash was made with other parameters than today's defaults."""
    values = _parameters(opgeslagen)
    return values is None or values[:3] != (SCRYPT_N, SCRYPT_R, SCRYPT_P)


@functools.cache
def _nep_hash() -> str:
    return hash_wachtwoord(secrets.token_urlsafe(16))


def nep_controle(wachtwoord: str) -> None:
    """Spend the time of a real check, so an unknown user name answers as slowly as a known one."""
    controleer_wachtwoord(wachtwoord, _nep_hash())


def nieuw_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
