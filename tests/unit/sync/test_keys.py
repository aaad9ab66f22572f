"""Device keys: saving and loading, the public text form, fingerprints, no leaks in repr."""

from __future__ import annotations

import base64
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.sync.errors import BundleError
from desktop.sync.keys import DeviceKeys, PublicKeys


def test_private_bytes_round_trip_keeps_the_same_public_keys() -> None:
    keys = DeviceKeys.generate()
    saved = keys.to_private_bytes()
    assert len(saved) == 64
    again = DeviceKeys.from_private_bytes(saved)
    assert again.public == keys.public
    assert again.to_private_bytes() == saved


def test_two_devices_get_different_keys_and_fingerprints() -> None:
    a, b = DeviceKeys.generate(), DeviceKeys.generate()
    assert a.public != b.public
    assert a.public.fingerprint != b.public.fingerprint


def test_fingerprint_is_32_hex_digits_over_both_keys() -> None:
    public = DeviceKeys.generate().public
    assert len(public.fingerprint) == 32
    int(public.fingerprint, 16)
    other_exchange = DeviceKeys.generate().public.exchange
    assert PublicKeys(public.signing, other_exchange).fingerprint != public.fingerprint


def test_public_text_round_trip() -> None:
    public = DeviceKeys.generate().public
    text = public.to_text()
    assert text.startswith("sigap-pub1:")
    assert text.isascii() and "=" not in text
    assert PublicKeys.from_text(text) == public
    assert PublicKeys.from_text(f"  {text}\n") == public


def _garbage_texts() -> list[object]:
    good = DeviceKeys.generate().public.to_text()
    body = good.removeprefix("sigap-pub1:")
    signing, exchange = body.split(".")
    alphabet = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
    # The last base64 digit of 32 bytes carries two unused bits, zero when canonical.
    non_canonical = signing[:-1] + alphabet[alphabet.index(signing[-1]) + 1]
    return [
        "",
        "sigap-pub1:",
        "sigap-pub2:" + body,
        body,
        "sigap-pub1:" + signing,
        "sigap-pub1:" + body + "." + exchange,
        "sigap-pub1:" + signing + "." + exchange[:-1],
        "sigap-pub1:" + signing + "." + exchange + "A",
        "sigap-pub1:" + signing.replace(signing[3], "*") + "." + exchange,
        "sigap-pub1:" + signing + "=." + exchange,
        "sigap-pub1:" + non_canonical + "." + exchange,
        "sigap-pub1:" + "é" * 43 + "." + exchange,
        "sigap-pub1:" + "A" * 10_000,
        None,
        b"sigap-pub1:",
    ]


@pytest.mark.parametrize("text", _garbage_texts())
def test_garbage_public_text_is_refused(text: object) -> None:
    with pytest.raises(BundleError) as caught:
        PublicKeys.from_text(text)  # type: ignore[arg-type]
    assert caught.value.code == "bundle.key"


@given(st.text(max_size=120))
def test_any_text_gives_keys_or_a_bundle_error(text: str) -> None:
    try:
        PublicKeys.from_text("sigap-pub1:" + text)
    except BundleError as exc:
        assert exc.code == "bundle.key"


@pytest.mark.parametrize(("signing", "exchange"), [(b"x" * 31, b"y" * 32), (b"x" * 32, b"")])
def test_public_keys_must_be_32_bytes(signing: bytes, exchange: bytes) -> None:
    with pytest.raises(BundleError) as caught:
        PublicKeys(signing, exchange)
    assert caught.value.code == "bundle.key"


@pytest.mark.parametrize("data", [b"", b"\x00" * 63, b"\x00" * 65])
def test_private_bytes_of_the_wrong_length_are_refused(data: bytes) -> None:
    with pytest.raises(BundleError) as caught:
        DeviceKeys.from_private_bytes(data)
    assert caught.value.code == "bundle.key"


def test_repr_never_shows_private_material() -> None:
    keys = DeviceKeys.generate()
    private = keys.to_private_bytes()
    shown = [repr(keys), str(keys), f"{keys}", repr([keys])]
    forms = [
        private.hex(),
        private[:32].hex(),
        private[32:].hex(),
        base64.b64encode(private[:32]).decode()[:20],
        base64.urlsafe_b64encode(private[32:]).decode()[:20],
        repr(private[:8]),
    ]
    for text in shown:
        assert keys.public.fingerprint in text
        for form in forms:
            assert form not in text
