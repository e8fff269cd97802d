"""Keyed replacements: hash tokens, reversible encryption tokens, surrogates.

Keys come from the server's configuration, never from a request. One master
key per key id; the hash, encryption and surrogate keys are derived from it,
so a key file holds one secret per id. Several ids can be present for
rotation: new tokens use the active id, tokens of any present id decrypt.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field


KEY_ID = re.compile(r"[A-Za-z0-9]{1,16}")
TOKEN = re.compile(r"enc_([A-Za-z0-9]{1,16})_([A-Za-z0-9_-]+)")


class KeyError_(ValueError):
    """A key file or token is invalid."""


@dataclass(frozen=True, eq=False)  # hashed by identity: one ring per server
class KeyRing:
    """Master keys by id and the id new tokens use."""
    keys: dict[str, bytes] = field(default_factory=dict)
    active: str = ""

    @classmethod
    def from_json(cls, text: str, source: str = "keys") -> "KeyRing":
        """{"active": "k2", "keys": {"k1": "<base64, >= 32 bytes>", "k2": "..."}}"""
        try:
            doc = json.loads(text)
            unknown = sorted(set(doc) - {"keys", "active"})
            keys = {kid: base64.b64decode(v, validate=True) for kid, v in doc["keys"].items()}
            active = doc.get("active") or sorted(keys)[-1]
        except (ValueError, KeyError, TypeError, IndexError, binascii.Error) as exc:
            raise KeyError_(f"{source}: not a key file ({type(exc).__name__})") from None
        if unknown:
            raise KeyError_(f"{source}: unknown key {unknown[0]!r} (a key file has 'keys' and 'active')")
        for kid, key in keys.items():
            if not KEY_ID.fullmatch(kid):
                raise KeyError_(f"{source}: key id {kid!r} must be 1-16 letters or digits")
            if len(key) < 32:
                raise KeyError_(f"{source}: key {kid!r} is shorter than 32 bytes")
        if active not in keys:
            raise KeyError_(f"{source}: active key {active!r} is not in 'keys'")
        return cls(keys, active)

    def __bool__(self) -> bool:
        return bool(self.keys)

    def derived(self, purpose: str, kid: str | None = None, size: int = 32) -> bytes:
        master = self.keys[kid or self.active]
        return hmac.new(master, b"redactd/" + purpose.encode(), hashlib.sha512).digest()[:size]


def _siv(key: bytes):
    # imported on first use: the scanner's build imports the type table (and so this
    # module) in an environment without cryptography
    from cryptography.hazmat.primitives.ciphers.aead import AESSIV
    return AESSIV(key)


def _utf8(value: str) -> bytes:
    # a str from a library caller may hold a lone surrogate (gRPC's strings cannot): it is
    # encoded as UTF-8 would encode the code point, so that it is tokenised, not an error
    return value.encode("utf-8", "surrogatepass")


def hash_token(value: str, keys: KeyRing, prefix: str = "tok_", length: int = 16) -> str:
    """HMAC-SHA256 of the normalised value, hex, truncated: equal values, equal tokens."""
    mac = hmac.new(keys.derived("hash"), _utf8(value), hashlib.sha256).hexdigest()
    return prefix + mac[:length]


def encrypt_token(value: str, keys: KeyRing) -> str:
    """Deterministic AES-SIV encryption of the value into `enc_<key id>_<base64url>`."""
    kid = keys.active
    ct = _siv(keys.derived("encrypt", kid, 64)).encrypt(_utf8(value), [kid.encode()])
    return f"enc_{kid}_{base64.urlsafe_b64encode(ct).rstrip(b'=').decode()}"


def decrypt_token(token: str, keys: KeyRing) -> str:
    """The value behind an encryption token; KeyError_ when it is not one of ours."""
    m = TOKEN.fullmatch(token)
    if not m or m.group(1) not in keys.keys:
        raise KeyError_("not a token of a configured key")
    kid, body = m.groups()
    try:
        ct = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        return _siv(keys.derived("encrypt", kid, 64)).decrypt(ct, [kid.encode()]).decode("utf-8", "surrogatepass")
    except Exception:  # noqa: BLE001 - InvalidTag, bad padding: all mean "not ours"
        raise KeyError_("not a token of a configured key") from None


def reveal_text(text: str, keys: KeyRing) -> str:
    """`text` with every token of a configured key replaced by its value, in one pass;
    tokens of other (retired) keys stay as they are."""
    def value(m: re.Match) -> str:
        try:
            return decrypt_token(m.group(0), keys)
        except KeyError_:
            return m.group(0)
    return TOKEN.sub(value, text)


class Digits:
    """A deterministic digit stream keyed by (purpose, value)."""

    def __init__(self, keys: KeyRing, purpose: str, value: str) -> None:
        self._key = keys.derived("surrogate/" + purpose)
        self._value = _utf8(value)
        self._block = 0
        self._buf: list[int] = []

    def next(self, base: int = 10) -> int:
        while not self._buf:
            d = hmac.new(self._key, self._value + self._block.to_bytes(4, "big"), hashlib.sha256).digest()
            self._buf = list(d)
            self._block += 1
        return self._buf.pop() % base

    def digits(self, count: int) -> str:
        return "".join(str(self.next()) for _ in range(count))
