"""Enrolling a kecamatan against people who should not get in: a late or superseded file and
code, a reader of the hub's database, and a copy of the stick that reached the hub first.

Forged first bundles are real bundle files, written with desktop.sync.bundle.write_bundle;
every refusal must leave the hub's database exactly as it was.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import hmac
import io
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.cli import run
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.sync import Enrollment, SyncRefused, codes
from desktop.store.database import head_revision
from desktop.store.ids import new_id
from desktop.sync import bundle as bundles
from desktop.sync.keys import DeviceKeys
from tests.integration.sync_helpers import (
    Office,
    device_of,
    districts_with_workers,
    make_hub,
)


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Office]:
    office = make_hub(tmp_path / "hub", workers=30)
    yield office
    office.close()


def enrol(hub: Office, district: str, name: str) -> Enrollment:
    return hub.app.sync.enroll(hub.actor, district=district, out=hub.stick / f"{name}.sigap")


def laptop(folder: Path, name: str, enrolment: Enrollment) -> Office:
    """A new laptop database joined with *enrolment*'s file and code."""
    folder.mkdir(parents=True, exist_ok=True)
    app = AppServices.open(folder / f"{name}.db")
    app.sync.join(enrolment.path, enrolment.code)
    stick = folder / f"stick-{name}"
    stick.mkdir(exist_ok=True)
    return Office(name, app, stick)


def refused(hub: Office, bundle: Path) -> SyncRefused:
    """Import *bundle* at the hub, expect a refusal that changes nothing, return it."""
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(bundle)
    assert hub.dump() == before
    assert hub.integrity() == "ok"
    return refusal.value


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def grouped(fingerprint: str) -> str:
    text = fingerprint.upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def device_row(office: Office, device_id: str) -> dict[str, Any]:
    conn = sqlite3.connect(office.app.path)
    conn.row_factory = sqlite3.Row
    try:
        return dict(conn.execute("SELECT * FROM device WHERE id = ?", (device_id,)).fetchone())
    finally:
        conn.close()


def first_bundle(hub: Office, device_id: str, keys: DeviceKeys, proof: str, out: Path) -> Path:
    """A first bundle as an enrolled laptop sends it: no changes, its public keys and a
    proof of the code, signed with *keys* in the name of the pending *device_id*."""
    info = hub.app.office.require_info()
    path = out / f"first-{new_id()}.sigap"
    bundles.write_bundle(
        path,
        bundle_id=new_id(),
        sender_device=device_id,
        recipient_device=info.device_id,
        regency_code=info.regency_code,
        schema_version=head_revision(),
        sender_keys=keys,
        recipient_exchange_public=hub.app.sync.keys().public.exchange,
        records=[],
        manifest={
            "base": {},
            "have": {},
            "sender_hlc": "",
            "scope": "*",
            "changes": 0,
            "audits": 0,
            "per_table": {},
            "ranges": {},
            "extra": {"sender_public": keys.public.to_text(), "enrollment_proof": proof},
        },
    )
    return path


# ---- an enrolment expires ------------------------------------------------------------------

# The modules of desktop.services.sync that read utc_now.
SYNC_CLOCK_READERS = (
    "applying",
    "backups",
    "base",
    "enrolment",
    "export",
    "receiving",
    "results",
    "review",
)


def test_a_first_bundle_after_the_enrolment_expired_is_refused_with_what_to_do(
    hub: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [district] = districts_with_workers(hub, 1)
    enrolment = enrol(hub, district, "e")
    a = laptop(tmp_path / "a", "kec-a", enrolment)
    try:
        bundle = a.export()
        real_now = datetime.now(UTC)
        # Eight days later by the hub's clock: past the default of 7. Every part of the sync
        # service that reads the clock sees it (the refusal, and the devices list below).
        for part in SYNC_CLOCK_READERS:
            monkeypatch.setattr(
                f"desktop.services.sync.{part}.utc_now", lambda: real_now + timedelta(days=8)
            )
        refusal = refused(hub, bundle)
        assert refusal.code == "sync.enrolment_expired"
        message = refusal.finding.message
        office = device_row(hub, enrolment.device_id)["name"]
        assert office in message and district in message, message
        assert "kedaluwarsa" in message and "Daftarkan ulang" in message, message
        assert "7 hari" in message, message
        code, out, err = cli("sync", "status", "--db", str(hub.app.path))
        assert code == 0, err
        [line] = [x for x in out.splitlines() if x.startswith(enrolment.device_id[-8:])]
        assert "[kedaluwarsa]" in line, out
        # The validity is a setting of the hub: at 10 days, the same bundle is welcome.
        hub.app.office.set_setting(hub.actor, "enrolment.valid_days", "10")
        result = hub.receive(bundle)
        assert result.applied and result.pinned
        assert result.pinned_fingerprint == a.app.sync.fingerprint()
    finally:
        a.close()


def test_the_validity_setting_has_limits(hub: Office) -> None:
    for text in ("0", "91", "tujuh"):
        with pytest.raises(DomainError) as refusal:
            hub.app.office.set_setting(hub.actor, "enrolment.valid_days", text)
        assert refusal.value.code == "setting.range"
    assert hub.app.office.set_setting(hub.actor, "enrolment.valid_days", "90") == 90


# ---- enrolling again withdraws the older file and code --------------------------------------


def test_enrolling_a_kecamatan_again_makes_the_first_file_and_code_unusable(
    hub: Office, tmp_path: Path
) -> None:
    [district] = districts_with_workers(hub, 1)
    first = enrol(hub, district, "first")
    second = enrol(hub, district, "second")
    old = laptop(tmp_path / "old", "kec-old", first)
    new = laptop(tmp_path / "new", "kec-new", second)
    try:
        refusal = refused(hub, old.export())
        assert refusal.code == "sync.enrolment_void"
        assert district in refusal.finding.message
        # The hub withdrew it (and says so), keeping no verifier for it.
        assert second.withdrawn == (first.device_id,)
        assert device_row(hub, first.device_id)["enrollment_verifier"] is None
        assert device_row(hub, first.device_id)["revoked_at"] is not None
        # The newest file and code work.
        assert hub.receive(new.export()).applied
        # And the first stays refused afterwards too.
        assert refused(hub, old.export()).code == "sync.enrolment_void"
    finally:
        old.close()
        new.close()


# ---- the hub's database holds nothing to enrol with -----------------------------------------


def test_what_the_hub_stores_of_an_enrolment_cannot_make_its_proof(
    hub: Office, tmp_path: Path
) -> None:
    [district] = districts_with_workers(hub, 1)
    enrolment = enrol(hub, district, "e")
    # Someone who read the hub's database (a copied file, a backup) but has not the code.
    row = device_row(hub, enrolment.device_id)
    stored = [str(v) for k, v in row.items() if isinstance(v, str) and k != "id"]
    intruder = DeviceKeys.generate()
    signed = intruder.public.to_text().encode()
    attempts = []
    for value in stored:
        attempts.append(value)  # the stored value itself, as the proof
        for key in (value.encode(), *_hex_and_base64(value)):
            # The proof as an older Sigap made it: a MAC keyed with the stored secret.
            attempts.append(hmac.new(key, signed, hashlib.sha256).hexdigest())
            if len(key) == 32:  # or the stored bytes used as the proof's signing key
                made = Ed25519PrivateKey.from_private_bytes(key)
                signature = made.sign(_message(enrolment, intruder))
                attempts.append("ed25519:" + base64.b64encode(signature).decode())
    assert len(attempts) > 5
    for proof in attempts:
        forged = first_bundle(hub, enrolment.device_id, intruder, proof, tmp_path)
        assert refused(hub, forged).code == "sync.signature", proof
    # A genuine laptop's proof is bound to its own keys: copied into another's bundle, no use.
    a = laptop(tmp_path / "a", "kec-a", enrolment)
    try:
        own = device_row(a, device_of(hub))["enrollment_verifier"]
        forged = first_bundle(hub, enrolment.device_id, intruder, str(own), tmp_path)
        assert refused(hub, forged).code == "sync.signature"
        # The same forged bundle with a proof made from the code is welcome: the refusals
        # above were the proof's, not a malformed bundle's.
        _x, proof_key = codes._code_keys(codes._code_secret(enrolment.code, enrolment.device_id))
        proof = codes._proof(proof_key, enrolment.device_id, intruder.public)
        assert hub.receive(first_bundle(hub, enrolment.device_id, intruder, proof, tmp_path))
        assert device_row(hub, enrolment.device_id)["signing_public_key"] is not None
    finally:
        a.close()


def _hex_and_base64(value: str) -> list[bytes]:
    """Bytes a stored text may stand for (after an ``ed25519:``-like prefix, too)."""
    found = []
    for text in {value, value.split(":", 1)[-1]}:
        with contextlib.suppress(ValueError):
            found.append(bytes.fromhex(text))
        with contextlib.suppress(binascii.Error, ValueError):
            found.append(base64.b64decode(text, validate=True))
    return found


def _message(enrolment: Enrollment, keys: DeviceKeys) -> bytes:
    return f"sigap-enrol-proof:2\n{enrolment.device_id}\n{keys.public.to_text()}".encode()


def test_a_pending_enrolment_made_by_the_previous_release_is_void(
    hub: Office, tmp_path: Path
) -> None:
    [district] = districts_with_workers(hub, 1)
    enrolment = enrol(hub, district, "e")
    a = laptop(tmp_path / "a", "kec-a", enrolment)
    try:
        # What schema 0004 of the previous release kept: the proof key itself, in hex.
        conn = sqlite3.connect(hub.app.path)
        conn.execute(
            "UPDATE device SET enrollment_verifier = ? WHERE id = ?",
            (bytes(range(32)).hex(), enrolment.device_id),
        )
        conn.commit()
        conn.close()
        assert refused(hub, a.export()).code == "sync.enrolment_void"
    finally:
        a.close()


# ---- the pinned key, shown on both sides ------------------------------------------------------


def test_the_pinned_fingerprint_shows_in_sync_status_at_the_hub_and_matches_the_laptop(
    hub: Office, tmp_path: Path
) -> None:
    [district] = districts_with_workers(hub, 1)
    enrolment = enrol(hub, district, "e")
    a = laptop(tmp_path / "a", "kec-a", enrolment)
    try:
        code, out, err = cli("sync", "status", "--db", str(hub.app.path))
        assert code == 0, err
        assert "berlaku sampai" in out, out  # waiting for its first bundle
        result = hub.receive(a.export())
        assert result.pinned and result.pinned_fingerprint == a.app.sync.fingerprint()
        expected = grouped(a.app.sync.fingerprint())
        code, out, err = cli("sync", "status", "--db", str(hub.app.path))
        assert code == 0, err
        lines = out.splitlines()
        [at] = [i for i, x in enumerate(lines) if x.startswith(enrolment.device_id[-8:])]
        assert "[aktif]" in lines[at]
        assert f"sidik kunci {expected}" in lines[at + 1], out
        # The laptop's own status says the same fingerprint (its header line).
        code, mine, err = cli("sync", "status", "--db", str(a.app.path))
        assert code == 0, err
        assert f"sidik kunci {expected}" in mine.splitlines()[0], mine
        [device] = [
            d for d in hub.app.sync.status(hub.actor).devices if d.device_id == enrolment.device_id
        ]
        assert device.fingerprint == a.app.sync.fingerprint()
    finally:
        a.close()


def test_a_copy_that_reached_the_hub_first_is_caught_by_the_fingerprints(
    hub: Office, tmp_path: Path
) -> None:
    """The stick was copied with its code: the copy sends its first bundle first and is
    pinned. The real laptop is refused, with both fingerprints, and the admin starts over."""
    [district] = districts_with_workers(hub, 1)
    enrolment = enrol(hub, district, "e")
    thief = laptop(tmp_path / "thief", "thief", enrolment)
    real = laptop(tmp_path / "real", "real", enrolment)
    try:
        assert hub.receive(thief.export()).pinned
        # A second, different key for the pinned enrolment is refused.
        refusal = refused(hub, real.export())
        assert refusal.code == "sync.signature"
        message = refusal.finding.message
        assert grouped(real.app.sync.fingerprint()) in message, message
        assert grouped(thief.app.sync.fingerprint()) in message, message
        assert district in message and "daftarkan ulang" in message, message
        # The admin compares, revokes the copy and enrols the kecamatan again.
        hub.app.sync.revoke(hub.actor, enrolment.device_id)
        again = enrol(hub, district, "again")
        replacement = laptop(tmp_path / "real2", "real2", again)
        try:
            assert hub.receive(replacement.export()).applied
        finally:
            replacement.close()
        assert refused(hub, thief.export()).code == "sync.revoked"
    finally:
        thief.close()
        real.close()


def test_the_enrolment_says_until_when_it_is_valid(hub: Office) -> None:
    [district] = districts_with_workers(hub, 1)
    before = datetime.now().astimezone()
    enrolment = enrol(hub, district, "e")
    assert enrolment.valid_until is not None
    assert timedelta(days=7) <= enrolment.valid_until - before < timedelta(days=7, minutes=5)
