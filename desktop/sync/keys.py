"""Device keys: Ed25519 signs the bundles a device sends, X25519 opens the ones sent to it.

A device keeps its :class:`DeviceKeys` private (64 bytes: the two raw private keys); it
hands out :class:`PublicKeys`, as text (``sigap-pub1:<signing>.<exchange>``, base64url
without padding) or as raw bytes, and people compare their :attr:`PublicKeys.fingerprint`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.sync.errors import BundleError

KEY_SIZE = 32
PRIVATE_SIZE = 2 * KEY_SIZE
TEXT_PREFIX = "sigap-pub1:"
_B64_KEY_LENGTH = 43  # 32 bytes in base64 without padding
_MAX_TEXT = 200


@dataclass(frozen=True)
class PublicKeys:
    """The public half of a device's keys: what other devices pin."""

    signing: bytes
    """Raw Ed25519 public key (32 bytes): checks the device's signatures."""
    exchange: bytes
    """Raw X25519 public key (32 bytes): bundles for the device are encrypted to it."""

    def __post_init__(self) -> None:
        for name in ("signing", "exchange"):
            value = getattr(self, name)
            if not isinstance(value, bytes) or len(value) != KEY_SIZE:
                raise BundleError("bundle.key", f"a public {name} key must be {KEY_SIZE} bytes")

    @property
    def fingerprint(self) -> str:
        """32 hex digits: the first 16 bytes of SHA-256 over the signing and exchange keys."""
        return hashlib.sha256(self.signing + self.exchange).digest()[:16].hex()

    def to_text(self) -> str:
        """The keys as one line of ASCII, ``sigap-pub1:<signing>.<exchange>`` (base64url)."""
        return f"{TEXT_PREFIX}{_b64(self.signing)}.{_b64(self.exchange)}"

    @classmethod
    def from_text(cls, text: str) -> PublicKeys:
        """Parse :meth:`to_text` output; surrounding whitespace is ignored.

        Raises ``BundleError("bundle.key")`` on anything else.
        """
        if not isinstance(text, str) or len(text) > _MAX_TEXT:
            raise BundleError("bundle.key", "public key text is not a string of sensible length")
        text = text.strip()
        if not text.startswith(TEXT_PREFIX):
            raise BundleError("bundle.key", "public key text does not start with sigap-pub1:")
        parts = text[len(TEXT_PREFIX) :].split(".")
        if len(parts) != 2:
            raise BundleError("bundle.key", "public key text needs exactly two parts")
        signing, exchange = (_unb64(part) for part in parts)
        return cls(signing=signing, exchange=exchange)


@dataclass(frozen=True, eq=False, repr=False)
class DeviceKeys:
    """A device's private keys. Never logged: ``repr`` shows the fingerprint only."""

    signing: Ed25519PrivateKey
    exchange: X25519PrivateKey

    @classmethod
    def generate(cls) -> DeviceKeys:
        """Fresh random keys for a new device."""
        return cls(signing=Ed25519PrivateKey.generate(), exchange=X25519PrivateKey.generate())

    @classmethod
    def from_private_bytes(cls, data: bytes) -> DeviceKeys:
        """Load keys saved by :meth:`to_private_bytes`; ``BundleError("bundle.key")`` if wrong."""
        if not isinstance(data, bytes) or len(data) != PRIVATE_SIZE:
            raise BundleError("bundle.key", f"private keys must be {PRIVATE_SIZE} bytes")
        return cls(
            signing=Ed25519PrivateKey.from_private_bytes(data[:KEY_SIZE]),
            exchange=X25519PrivateKey.from_private_bytes(data[KEY_SIZE:]),
        )

    def to_private_bytes(self) -> bytes:
        """64 bytes: the raw Ed25519 private key, then the raw X25519 private key."""
        return self.signing.private_bytes_raw() + self.exchange.private_bytes_raw()

    @property
    def public(self) -> PublicKeys:
        """The public keys that go with these private keys."""
        return PublicKeys(
            signing=self.signing.public_key().public_bytes_raw(),
            exchange=self.exchange.public_key().public_bytes_raw(),
        )

    def __repr__(self) -> str:
        return f"DeviceKeys(fingerprint={self.public.fingerprint!r})"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    if len(text) != _B64_KEY_LENGTH:
        raise BundleError("bundle.key", "a public key part has the wrong length")
    try:
        data = base64.b64decode(text + "=", altchars=b"-_", validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BundleError("bundle.key", "a public key part is not base64url") from exc
    if _b64(data) != text:  # non-canonical trailing bits
        raise BundleError("bundle.key", "a public key part is not canonical base64url")
    return data


__all__ = ["DeviceKeys", "PublicKeys"]
