"""Enrolment codes: the one-time code, the keys stretched from it, and the proof a laptop
gives with its first bundle (checked against the verifier the hub keeps)."""

from __future__ import annotations

import base64
import secrets

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from desktop.services.sync.helpers import _b64
from desktop.sync.keys import PublicKeys

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 12

# Enrolment verifiers (hub) and proofs (laptop) of this Sigap: an Ed25519 key and signature.
PROOF_PREFIX = "ed25519:"


def new_code() -> str:
    """A one-time code of 12 characters in groups of four (about 60 bits)."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """Upper-case the code and drop spaces and dashes (people type it as they like)."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _code_secret(code: str, device_id: str) -> bytes:
    """64 bytes stretched from the code: an X25519 key and the enrolment proof key."""
    kdf = Scrypt(salt=f"sigap-enrol:{device_id}".encode(), length=64, n=2**14, r=8, p=1)
    return kdf.derive(normalise_code(code).encode())


def _code_keys(secret: bytes) -> tuple[X25519PrivateKey, Ed25519PrivateKey]:
    """The key that opens the enrolment file, and the key that signs the laptop's proof."""
    return (
        X25519PrivateKey.from_private_bytes(secret[:32]),
        Ed25519PrivateKey.from_private_bytes(secret[32:]),
    )


def _proof_message(device_id: str, public: PublicKeys) -> bytes:
    return f"sigap-enrol-proof:2\n{device_id}\n{public.to_text()}".encode()


def _verifier(proof_key: Ed25519PrivateKey) -> str:
    """What the hub keeps of an enrolment: the proof key's public half, which checks a
    proof but cannot make one (reading the hub's database gives nothing to enrol with)."""
    return PROOF_PREFIX + _b64(proof_key.public_key().public_bytes_raw())


def _proof(proof_key: Ed25519PrivateKey, device_id: str, public: PublicKeys) -> str:
    """The laptop's proof that it knows the code: the code's key signs the laptop's own
    public keys (so the proof is worth nothing with any other keys)."""
    return PROOF_PREFIX + _b64(proof_key.sign(_proof_message(device_id, public)))


def _proof_holds(verifier: str, proof: str, device_id: str, public: PublicKeys) -> bool:
    """Whether *proof* was made with the code whose :func:`_verifier` the hub keeps."""
    if not (verifier.startswith(PROOF_PREFIX) and proof.startswith(PROOF_PREFIX)):
        return False  # a hash kept by an older Sigap, or no proof at all
    try:
        key = Ed25519PublicKey.from_public_bytes(
            base64.b64decode(verifier[len(PROOF_PREFIX) :], validate=True)
        )
        key.verify(
            base64.b64decode(proof[len(PROOF_PREFIX) :], validate=True),
            _proof_message(device_id, public),
        )
    except (InvalidSignature, ValueError):
        return False
    return True
