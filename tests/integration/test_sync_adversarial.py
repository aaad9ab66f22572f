"""Sync against bundles that lie, come from elsewhere, or meet a wrong clock or a killed process.

Forged bundles are real bundle files: written with desktop.sync.bundle.write_bundle and signed
with the sender's own keys (read from its device_secret table) unless the case is a key that
nobody enrolled. Every refusal must leave the receiver's database exactly as it was.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.services.sync import SyncRefused
from desktop.store import models
from desktop.store.database import head_revision
from desktop.store.ids import new_id
from desktop.store.unit_of_work import UnitOfWork
from desktop.sync import bundle as bundles
from desktop.sync.changes import CHANGE_FIELDS, encode_audit, encode_change
from desktop.sync.keys import DeviceKeys
from tests.integration.sync_helpers import (
    Office,
    checkpoint,
    device_of,
    district_of,
    districts_with_workers,
    divergences,
    enrolled_apart,
    exchange_rounds,
    join_kecamatan,
    make_hub,
    own_keys_of,
    waiting_rows,
)

ROOT = Path(__file__).resolve().parents[2]


# ---- forging -----------------------------------------------------------------------------


def own_keys(office: Office) -> DeviceKeys:
    """The office's private keys, straight from its database."""
    return own_keys_of(office)


def change_rows(office: Office, where: str = "1 = 1") -> list[tuple[Any, ...]]:
    """Change-log rows of the office, in CHANGE_FIELDS order (as bundles carry them)."""
    conn = sqlite3.connect(office.app.path)
    try:
        return conn.execute(
            f"SELECT {', '.join(CHANGE_FIELDS)} FROM change_log WHERE {where} "
            "ORDER BY device_id, device_seq"
        ).fetchall()
    finally:
        conn.close()


def forge(
    sender: Office,
    receiver: Office,
    changes: Sequence[tuple[Any, ...]],
    out: Path,
    *,
    keys: DeviceKeys | None = None,
    sender_device: str | None = None,
    regency: str | None = None,
) -> Path:
    """Write a bundle from *sender* to *receiver* carrying exactly *changes*."""
    keys = keys or own_keys(sender)
    info = sender.app.office.require_info()
    path = out / f"forged-{new_id()}.sigap"
    bundles.write_bundle(
        path,
        bundle_id=new_id(),
        sender_device=sender_device or info.device_id,
        recipient_device=device_of(receiver),
        regency_code=regency or info.regency_code,
        schema_version=head_revision(),
        sender_keys=keys,
        recipient_exchange_public=receiver.app.sync.keys().public.exchange,
        records=[encode_change(tuple(row)) for row in changes],
        manifest={
            "base": {},
            "have": {},
            "sender_hlc": "",
            "scope": "*",
            "changes": len(changes),
            "audits": 0,
            "per_table": {},
            "ranges": {},
            "extra": {"sender_public": keys.public.to_text()},
        },
    )
    return path


def worker_of(office: Office) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        row = conn.execute(
            "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 ORDER BY id LIMIT 1",
            (district_of(office),),
        ).fetchone()
        return str(row[0])
    finally:
        conn.close()


def refused(receiver: Office, bundle: Path) -> str:
    """Import *bundle*, expect a refusal that changes nothing, and return its code."""
    before = receiver.dump()
    with pytest.raises(SyncRefused) as refusal:
        receiver.receive(bundle)
    assert receiver.dump() == before
    assert receiver.integrity() == "ok"
    return str(refusal.value.code)


# ---- change ids that repeat with other content --------------------------------------------


def test_a_known_change_id_with_other_content_raises_the_alarm(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    a.app.workers.update(a.actor, worker_of(a), {"phone": "081234000001"})
    hub.receive(a.export())
    # The change the hub now holds, rewritten with another phone number but the same id
    # (a laptop restored from an old backup, or a copied database, would do this).
    latest = change_rows(a, f"device_id = '{device_of(a)}'")[-1]
    fields = orjson.loads(latest[5])
    fields["phone"] = [fields["phone"][0], "089999999999"]
    twin = list(latest)
    twin[5] = orjson.dumps(fields).decode()
    assert refused(hub, forge(a, hub, [tuple(twin)], tmp_path)) == "sync.alarm"
    # Same id, same content: an ordinary replay, accepted.
    assert hub.receive(forge(a, hub, [latest], tmp_path)).summary.already_known == 1


def test_one_change_id_twice_in_a_bundle_with_other_content_raises_the_alarm(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    a.app.workers.update(a.actor, worker_of(a), {"phone": "081234000002"})
    latest = change_rows(a, f"device_id = '{device_of(a)}'")[-1]
    twin = list(latest)
    twin[7] = "2030000000000.000000"  # another stamp
    assert refused(hub, forge(a, hub, [latest, tuple(twin)], tmp_path)) == "sync.alarm"
    # The genuine bundle still goes through.
    assert hub.receive(a.export()).applied


# ---- bundles from elsewhere ----------------------------------------------------------------


def test_a_bundle_from_another_regency_is_refused(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, _a = network
    other_folder = tmp_path / "musi-banyuasin"
    other_folder.mkdir()
    other_app = AppServices.open(other_folder / "hub.db")
    other_app.office.set_up(kind=OfficeKind.HUB, region="16.06", name="Dinas Sosial Muba")
    other_app.demo.generate(workers=30, seed=11, year=2026)
    other_hub = Office("other-hub", other_app, other_folder)
    try:
        [district] = districts_with_workers(other_hub, 1)
        assert district.startswith("16.06.")
        laptop = join_kecamatan(other_hub, other_folder, district, "other-kec")
        try:
            bundle = laptop.export()  # a genuine bundle, for that regency's hub
            assert refused(hub, bundle) == "sync.wrong_regency"
            enrolment = other_hub.app.sync.enroll(
                other_hub.actor, district=f"{district[:5]}.02", out=other_folder / "e.sigap"
            )
            assert refused(hub, enrolment.path) == "sync.wrong_regency"
        finally:
            laptop.close()
    finally:
        other_hub.close()


def test_a_bundle_of_another_regency_signed_by_an_enrolled_laptop_is_refused(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    changes = change_rows(a, f"device_id = '{device_of(a)}'")
    assert refused(hub, forge(a, hub, changes, tmp_path, regency="16.06")) == "sync.wrong_regency"


def test_a_bundle_from_another_schema_version_is_refused(
    network: tuple[Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, a = network
    a.app.workers.update(a.actor, worker_of(a), {"phone": "081234000003"})
    with monkeypatch.context() as patch:
        # The laptop runs a Sigap with a newer schema; the hub does not.
        patch.setattr("desktop.services.sync.export.head_revision", lambda: "9999_future")
        bundle = a.export()
    assert refused(hub, bundle) == "sync.schema"
    # Once both run the same version, the laptop's next bundle carries the edit.
    assert hub.receive(a.export()).summary.changed_rows == 1


def test_a_bundle_signed_by_a_key_nobody_enrolled_is_refused(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    a.app.workers.update(a.actor, worker_of(a), {"phone": "081234000004"})
    changes = change_rows(a, f"device_id = '{device_of(a)}'")
    stranger = DeviceKeys.generate()
    # The laptop's device id, someone else's key.
    assert refused(hub, forge(a, hub, changes, tmp_path, keys=stranger)) == "sync.signature"
    # A device the hub never enrolled.
    unknown = forge(a, hub, changes, tmp_path, keys=stranger, sender_device=new_id())
    assert refused(hub, unknown) == "sync.unknown_sender"
    # The hub's own id, as if it sent the bundle to itself.
    mirror = forge(a, hub, changes, tmp_path, keys=stranger, sender_device=device_of(hub))
    assert refused(hub, mirror) == "sync.unknown_sender"
    # The laptop's genuine bundle is still welcome.
    assert hub.receive(a.export()).applied


def laptop_change(
    a: Office, hub: Office, table: str, row_id: str, op: str, fields: dict[str, Any]
) -> tuple[Any, ...]:
    """A well-formed change, authored and signed by the laptop, following the hub's copy
    of the row (as if the laptop held it)."""
    conn = sqlite3.connect(hub.app.path)
    try:
        row = conn.execute(f"SELECT vv FROM {table} WHERE id = ?", (row_id,)).fetchone()
    finally:
        conn.close()
    conn = sqlite3.connect(a.app.path)
    try:
        seq = (
            1
            + conn.execute(
                "SELECT max(device_seq) FROM change_log WHERE device_id = ?", (device_of(a),)
            ).fetchone()[0]
        )
    finally:
        conn.close()
    vector = {**(orjson.loads(row[0]) if row else {}), device_of(a): seq}
    return (
        device_of(a),
        seq,
        table,
        row_id,
        op,
        orjson.dumps(fields).decode(),
        orjson.dumps(dict(sorted(vector.items()))).decode(),
        "1795600000000.000001",
        a.actor.user_id,
        new_id(),
        "2026-11-25 12:00:00.000000",
    )


def other_worker(hub: Office, a: Office) -> tuple[str, str, str, str]:
    """(id, name, phone, district) of a worker of another kecamatan, at the hub."""
    conn = sqlite3.connect(hub.app.path)
    try:
        return conn.execute(
            "SELECT id, name, phone, district_code FROM worker WHERE district_code <> ? "
            "ORDER BY id LIMIT 1",
            (district_of(a),),
        ).fetchone()
    finally:
        conn.close()


def scope_refusal(hub: Office, a: Office, change: tuple[Any, ...], tmp_path: Path) -> str:
    """Import a forged laptop bundle carrying *change*; expect the write-scope refusal and
    return its message. The laptop's genuine bundle is still welcome afterwards."""
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(forge(a, hub, [change], tmp_path))
    assert refusal.value.code == "sync.scope"
    assert hub.dump() == before and hub.integrity() == "ok"
    # The preview says the same, before anything is applied.
    with pytest.raises(SyncRefused) as preview:
        hub.app.sync.preview(forge(a, hub, [change], tmp_path))
    assert preview.value.code == "sync.scope"
    return str(refusal.value)


def test_a_laptop_cannot_change_a_worker_of_another_kecamatan(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    worker, name, phone, _ = other_worker(hub, a)
    change = laptop_change(a, hub, "worker", worker, "update", {"phone": [phone, "0899000000"]})
    message = scope_refusal(hub, a, change, tmp_path)
    assert name in message, message
    assert a.app.office.require_info().name in message
    assert hub.receive(a.export()).applied


def test_a_laptop_cannot_pull_a_worker_into_its_kecamatan(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    worker, _, _, district = other_worker(hub, a)
    change = laptop_change(
        a, hub, "worker", worker, "update", {"district_code": [district, district_of(a)]}
    )
    scope_refusal(hub, a, change, tmp_path)


def test_a_laptop_cannot_create_a_worker_in_another_kecamatan(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    _, _, _, district = other_worker(hub, a)
    fields = {
        "nik": [None, "1602114107800001"],
        "name": [None, "Orang Luar"],
        "village_code": [None, district + ".2001"],
        "district_code": [None, district],
    }
    scope_refusal(hub, a, laptop_change(a, hub, "worker", new_id(), "insert", fields), tmp_path)


def test_a_laptop_cannot_change_regions_or_settings(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    conn = sqlite3.connect(hub.app.path)
    try:
        region = conn.execute("SELECT id, name FROM region ORDER BY id LIMIT 1").fetchone()
    finally:
        conn.close()
    renamed = laptop_change(a, hub, "region", region[0], "update", {"name": [region[1], "X"]})
    scope_refusal(hub, a, renamed, tmp_path)
    fields = {"key": [None, "letter.signer_name"], "value": [None, "Orang Lain"]}
    setting = laptop_change(a, hub, "setting", new_id(), "insert", fields)
    scope_refusal(hub, a, setting, tmp_path)


def test_a_laptop_cannot_create_an_account_of_the_regency(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    fields = {
        "username": [None, "admin2"],
        "full_name": [None, "Admin Palsu"],
        "role": [None, "admin_kabupaten"],
        "office_region": [None, hub.app.office.require_info().region_code],
    }
    change = laptop_change(a, hub, "app_user", new_id(), "insert", fields)
    scope_refusal(hub, a, change, tmp_path)


def test_a_laptop_cannot_open_a_claim_for_a_worker_of_another_kecamatan(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    worker, _, _, district = other_worker(hub, a)
    fields = {"worker_id": [None, worker], "village_code": [None, district + ".2001"]}
    change = laptop_change(a, hub, "claim", new_id(), "insert", fields)
    scope_refusal(hub, a, change, tmp_path)


@pytest.mark.parametrize(
    "fields",
    [
        # A column the table does not have (an escaped name is read unescaped: claim_id).
        '{"claim\\u005fid":[null,"x"],"phone":[null,"0811"]}',
        '{"no_such_column":[null,"x"]}',
        # Not [old, new] pairs; not an object at all.
        '{"phone":[null]}',
        '{"phone":"0811"}',
        '[["phone",[null,"0811"]]]',
    ],
    ids=["escaped-key", "unknown-column", "short-pair", "no-pair", "not-an-object"],
)
def test_change_fields_that_are_not_a_change_logs_are_refused(
    network: tuple[Office, Office], tmp_path: Path, fields: str
) -> None:
    hub, a = network
    change = list(laptop_change(a, hub, "worker", worker_of(a), "update", {}))
    change[5] = fields
    assert refused(hub, forge(a, hub, [tuple(change)], tmp_path)) == "sync.manifest"


def test_change_fields_are_stored_as_read_so_every_reader_agrees(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    worker = worker_of(a)
    change = list(laptop_change(a, hub, "worker", worker, "update", {}))
    # Duplicate keys, an escaped key name, spaces: read once, stored as read.
    change[5] = '{ "phone" : [null, "0811"], "ph\\u006fne": [null, "0822"] }'
    assert hub.receive(forge(a, hub, [tuple(change)], tmp_path)).applied
    conn = sqlite3.connect(hub.app.path)
    try:
        stored = conn.execute(
            "SELECT fields FROM change_log WHERE device_id = ? AND device_seq = ?",
            (change[0], change[1]),
        ).fetchone()[0]
        phone = conn.execute("SELECT phone FROM worker WHERE id = ?", (worker,)).fetchone()[0]
        extracted = conn.execute("SELECT json_extract(?, '$.phone[1]')", (stored,)).fetchone()[0]
    finally:
        conn.close()
    assert stored == '{"phone":[null,"0822"]}'
    assert phone == extracted == "0822"


def test_a_row_id_under_another_table_is_refused(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    worker, _, _, _ = other_worker(hub, a)
    # An "heir" of one of the laptop's own claims, but with another kecamatan's worker's id.
    change = laptop_change(a, hub, "heir", worker, "update", {"name": [None, "X"]})
    assert refused(hub, forge(a, hub, [change], tmp_path)) == "sync.manifest"
    # Two new rows of two tables under one new id, in one bundle.
    twin = new_id()
    first = laptop_change(a, hub, "app_user", twin, "insert", {"username": [None, "x"]})
    second = list(laptop_change(a, hub, "heir", twin, "insert", {"name": [None, "X"]}))
    second[1] = first[1] + 1
    bundle = forge(a, hub, [first, tuple(second)], tmp_path)
    assert refused(hub, bundle) == "sync.manifest"


def test_new_changes_in_another_devices_name_are_refused(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    worker = worker_of(a)
    for author in (device_of(hub), new_id()):  # the hub itself, another laptop
        change = list(laptop_change(a, hub, "worker", worker, "update", {"phone": [None, "1"]}))
        change[0] = author
        change[1] = 10_000_000
        code = refused(hub, forge(a, hub, [tuple(change)], tmp_path))
        assert code == "sync.author"
    # An audit entry in another user's device's name, too.
    audit = (
        new_id(),
        "2026-11-25 12:00:00.000000",
        "u",
        "admin",
        "admin_kabupaten",
        device_of(hub),
        "worker.update",
        "palsu",
        1,
    )
    path = tmp_path / "audit.sigap"
    info = a.app.office.require_info()
    keys = own_keys(a)
    bundles.write_bundle(
        path,
        bundle_id=new_id(),
        sender_device=info.device_id,
        recipient_device=device_of(hub),
        regency_code=info.regency_code,
        schema_version=head_revision(),
        sender_keys=keys,
        recipient_exchange_public=hub.app.sync.keys().public.exchange,
        records=[encode_audit(audit)],
        manifest={
            "base": {},
            "have": {},
            "sender_hlc": "",
            "scope": "*",
            "changes": 0,
            "audits": 1,
            "per_table": {},
            "ranges": {},
            "extra": {"sender_public": keys.public.to_text()},
        },
    )
    assert refused(hub, path) == "sync.author"
    assert hub.receive(a.export()).applied


def test_a_laptop_cannot_give_its_claim_to_a_worker_of_another_kecamatan(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    stranger, _, _, _ = other_worker(hub, a)
    claim = new_id()
    fields = {
        "worker_id": [None, stranger],
        "village_code": [None, district_of(a) + ".2001"],
    }
    change = laptop_change(a, hub, "claim", claim, "insert", fields)
    assert refused(hub, forge(a, hub, [change], tmp_path)) == "sync.scope"


def test_an_account_name_taken_twice_is_refused_in_plain_words(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, a = network
    district = district_of(a)
    account = {
        "username": [None, "admin"],
        "full_name": [None, "Admin Kedua"],
        "role": [None, "operator_kecamatan"],
        "office_region": [None, district],
    }
    # A second "admin" of the kecamatan: a new row (written in one statement) ...
    second = laptop_change(a, hub, "app_user", new_id(), "insert", account)
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(forge(a, hub, [second], tmp_path))
    assert refusal.value.code == "sync.unique"
    assert "username" in str(refusal.value) and "Paket ditolak" in str(refusal.value)
    assert hub.dump() == before and hub.integrity() == "ok"
    # ... or an existing account renamed to a name another one has (folded row by row).
    renamed = laptop_change(
        a, hub, "app_user", a.actor.user_id, "update", {"username": ["admin", "budi"]}
    )
    budi = laptop_change(
        a, hub, "app_user", new_id(), "insert", {**account, "username": [None, "budi"]}
    )
    budi = (*budi[:1], renamed[1] + 1, *budi[2:])
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(forge(a, hub, [renamed, budi], tmp_path))
    assert refusal.value.code == "sync.unique"
    assert hub.dump() == before and hub.integrity() == "ok"
    assert hub.receive(a.export()).applied


def test_a_laptop_may_move_its_worker_out_and_edit_one_the_hub_moved_away(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    conn = sqlite3.connect(hub.app.path)
    try:
        elsewhere = conn.execute(
            "SELECT code FROM region WHERE level = 4 AND code NOT LIKE ? ORDER BY code LIMIT 1",
            (district_of(a) + ".%",),
        ).fetchone()[0]
        first, second = (
            r[0]
            for r in conn.execute(
                "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 ORDER BY id LIMIT 2",
                (district_of(a),),
            )
        )
    finally:
        conn.close()
    # The laptop moves one worker to another kecamatan (the person moved house) and edits
    # a second that the hub, meanwhile, moved away: both were the laptop's when it wrote.
    assert a.app.workers.update(a.actor, first, {"village_code": elsewhere})
    assert a.app.workers.update(a.actor, second, {"phone": "081200000002"})
    assert hub.app.workers.update(hub.actor, second, {"village_code": elsewhere})
    result = hub.receive(a.export())
    assert result.applied
    conn = sqlite3.connect(hub.app.path)
    try:
        rows = dict(
            conn.execute(
                "SELECT id, district_code || ' ' || coalesce(phone, '') FROM worker "
                "WHERE id IN (?, ?)",
                (first, second),
            ).fetchall()
        )
    finally:
        conn.close()
    moved_to = elsewhere.rsplit(".", 1)[0]
    assert rows[first].startswith(moved_to)
    assert rows[second] == f"{moved_to} 081200000002"


# ---- a laptop whose clock says 1999 ----------------------------------------------------------


def test_laptop_clock_in_1999_is_flagged_and_still_converges(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = make_hub(tmp_path)
    [district] = districts_with_workers(hub, 1)
    past = int(datetime(1999, 6, 1, tzinfo=UTC).timestamp() * 1000)
    enrolment = hub.app.sync.enroll(hub.actor, district=district, out=hub.stick / "e.sigap")
    app = AppServices.open(tmp_path / "kec-a.db")
    a = Office("kec-a", app, tmp_path / "stick-a")
    a.stick.mkdir()
    try:
        with monkeypatch.context() as patch:
            patch.setattr("desktop.store.hlc.wall_clock_ms", lambda: past)
            app.sync.join(enrolment.path, enrolment.code)
            worker = worker_of(a)
            app.workers.update(a.actor, worker, {"phone": "081999000001"})
            first = a.export()
        result = hub.receive(first)
        # The hybrid clock moved past the hub's stamps when the laptop joined (before its
        # first write): none of its writes is stamped 1999, and the hub's clock never
        # went back.
        assert result.applied and result.summary.past_stamps == 0
        conn = sqlite3.connect(a.app.path)
        try:
            stamp = conn.execute(
                "SELECT hlc FROM change_log WHERE device_id = ? ORDER BY device_seq DESC LIMIT 1",
                (device_of(a),),
            ).fetchone()[0]
        finally:
            conn.close()
        plausible = int(datetime(2020, 1, 1, tzinfo=UTC).timestamp() * 1000)
        assert int(str(stamp).split(".")[0]) > plausible
        conn = sqlite3.connect(hub.app.path)
        try:
            assert conn.execute("SELECT hlc_ms FROM local_state").fetchone()[0] > plausible
        finally:
            conn.close()
        # A change that does carry a 1999 stamp (its clock state lost, as in a database
        # file put back from an old copy) is flagged in the summary, and still merged.
        conn = sqlite3.connect(a.app.path)
        try:
            conn.execute("UPDATE local_state SET hlc_ms = ?, hlc_counter = 0", (past,))
            conn.commit()
        finally:
            conn.close()
        with monkeypatch.context() as patch:
            patch.setattr("desktop.store.hlc.wall_clock_ms", lambda: past)
            app.workers.update(a.actor, worker, {"address": "Jl. Lama 1999"})
        flagged = hub.receive(a.export())
        assert flagged.applied and flagged.summary.past_stamps == 1
        # Concurrent edits of the same field still settle on one value everywhere.
        with monkeypatch.context() as patch:
            patch.setattr("desktop.store.hlc.wall_clock_ms", lambda: past)
            app.workers.update(a.actor, worker, {"phone": "081999000002"})
        hub.app.workers.update(hub.actor, worker, {"phone": "082999000002"})
        exchange_rounds(hub, [a], rounds=2)
        assert divergences(hub, [a]) == []
        for office in (hub, a):
            assert office.app.health.check().sound, office.name
    finally:
        a.close()
        hub.close()


# ---- found by the convergence proof (tests/property/test_sync_convergence.py) ------------


def open_conflict_keys(office: Office) -> set[tuple[str, str, str, str]]:
    conn = sqlite3.connect(office.app.path)
    try:
        return set(
            conn.execute(
                "SELECT row_id, field, winner_change, loser_change FROM conflict "
                "WHERE resolved_at IS NULL"
            ).fetchall()
        )
    finally:
        conn.close()


def test_an_edit_after_a_laptop_clock_ran_ahead_leaves_the_same_row_everywhere(
    network: tuple[Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The row's stamp is its latest change's in causal order, as a local write leaves it,
    # not the greatest stamp among its changes (here the laptop's, ten days ahead: still
    # accepted; a month ahead is refused).
    hub, a = network
    worker = worker_of(a)
    future = int((datetime.now(UTC) + timedelta(days=10)).timestamp() * 1000)
    with monkeypatch.context() as patch:
        patch.setattr("desktop.store.hlc.wall_clock_ms", lambda: future)
        a.app.workers.update(a.actor, worker, {"phone": "081235000001"})
    hub.receive(a.export())
    hub.app.workers.update(hub.actor, worker, {"address": "Jl. Sudirman 5"})
    exchange_rounds(hub, [a], rounds=2)
    assert divergences(hub, [a]) == []


def test_settling_an_old_conflict_of_a_deleted_worker_keeps_it_deleted_everywhere(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    worker = worker_of(a)
    a.app.workers.update(a.actor, worker, {"phone": "081235000002"})
    hub.app.workers.update(hub.actor, worker, {"phone": "082235000002"})
    exchange_rounds(hub, [a], rounds=1)
    [conflict] = hub.app.sync.conflicts(hub.actor)
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.delete") as uow:
        uow.delete(models.Worker, worker)
    # The admin settles the phone number of the worker deleted since: an edit that follows
    # the delete, which leaves the row deleted here and must do so on every office.
    hub.app.sync.settle(hub.actor, conflict.id, keep="loser")
    exchange_rounds(hub, [a], rounds=2)
    assert divergences(hub, [a]) == []
    deleted = sqlite3.connect(a.app.path).execute(
        "SELECT deleted FROM worker WHERE id = ?", (worker,)
    )
    assert deleted.fetchone()[0] == 1


def test_an_edit_its_own_office_deleted_since_does_not_undo_another_delete(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    worker = worker_of(a)
    # The laptop edits, then deletes; the hub deletes without having seen either.
    a.app.workers.update(a.actor, worker, {"phone": "081235000003"})
    hub.receive(a.export())  # the hub learns of the edit only...
    with UnitOfWork(a.app.database.engine, a.actor, action="test.delete") as uow:
        uow.delete(models.Worker, worker)
    conn = sqlite3.connect(hub.app.path)
    assert conn.execute("SELECT deleted FROM worker WHERE id = ?", (worker,)).fetchone()[0] == 0
    conn.close()
    exchange_rounds(hub, [a], rounds=2)
    assert divergences(hub, [a]) == []
    for office in (hub, a):
        conn = sqlite3.connect(office.app.path)
        try:
            row = conn.execute("SELECT deleted FROM worker WHERE id = ?", (worker,)).fetchone()
        finally:
            conn.close()
        assert row[0] == 1, office.name


def test_a_conflict_overtaken_on_the_side_that_lost_closes_on_every_office(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    worker = worker_of(a)
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.delete") as uow:
        uow.delete(models.Worker, worker)
    a.app.workers.update(a.actor, worker, {"phone": "081235000004"})
    # The hub hears of the edit first: it wins over the delete, a conflict is kept.
    hub.receive(a.export())
    assert [c.field for c in hub.app.sync.conflicts(hub.actor)] == ["deleted"]
    # Then the laptop deletes the worker too, before it ever hears of the hub's delete.
    with UnitOfWork(a.app.database.engine, a.actor, action="test.delete") as uow:
        uow.delete(models.Worker, worker)
    exchange_rounds(hub, [a], rounds=2)
    assert divergences(hub, [a]) == []
    # Both offices deleted the worker: nothing is left to settle, on either side.
    assert open_conflict_keys(hub) == open_conflict_keys(a) == set()


def test_an_edit_made_knowing_both_sides_of_a_delete_conflict_settles_it(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    worker = worker_of(a)
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.delete") as uow:
        uow.delete(models.Worker, worker)
    a.app.workers.update(a.actor, worker, {"phone": "081235000005"})
    exchange_rounds(hub, [a], rounds=1)
    assert [c.field for c in hub.app.sync.conflicts(hub.actor)] == ["deleted"]
    # The laptop, which kept the worker, edits it again: the conflict is over, there and
    # on the hub.
    a.app.workers.update(a.actor, worker, {"address": "Dusun IV"})
    assert a.app.sync.conflicts(a.actor) == []
    hub.receive(a.export())
    assert hub.app.sync.conflicts(hub.actor) == []


def test_a_local_edit_closes_the_conflict_it_overtakes(network: tuple[Office, Office]) -> None:
    hub, a = network
    worker = worker_of(a)
    a.app.workers.update(a.actor, worker, {"phone": "081235000006"})
    hub.app.workers.update(hub.actor, worker, {"phone": "082235000006"})
    exchange_rounds(hub, [a], rounds=1)
    # The admin types the right number in the form instead of settling the conflict.
    hub.app.workers.update(hub.actor, worker, {"phone": "083235000006"})
    exchange_rounds(hub, [a], rounds=1)
    assert a.app.sync.conflicts(a.actor) == []  # the merge closed it on the laptop
    assert hub.app.sync.conflicts(hub.actor) == []  # the local edit settled it on the hub


@pytest.fixture
def two_laptops(tmp_path: Path) -> Iterator[tuple[Office, Office, Office]]:
    hub = make_hub(tmp_path)
    first, second = districts_with_workers(hub, 2)  # the first holds the claims
    a = join_kecamatan(hub, tmp_path, first, "kec-a")
    b = join_kecamatan(hub, tmp_path, second, "kec-b")
    yield hub, a, b
    for office in (hub, a, b):
        office.close()


def worker_with_claims(office: Office) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        row = conn.execute(
            "SELECT w.id FROM worker w JOIN claim c ON c.worker_id = w.id "
            "WHERE w.district_code = ? ORDER BY w.id LIMIT 1",
            (district_of(office),),
        ).fetchone()
        return str(row[0])
    finally:
        conn.close()


def village_of(office: Office) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        return str(
            conn.execute(
                "SELECT code FROM region WHERE parent_code = ? AND level = 4 ORDER BY code",
                (district_of(office),),
            ).fetchone()[0]
        )
    finally:
        conn.close()


def test_a_worker_moving_to_another_kecamatan_brings_its_claims(
    two_laptops: tuple[Office, Office, Office],
) -> None:
    hub, a, b = two_laptops
    worker = worker_with_claims(a)
    hub.app.workers.update(hub.actor, worker, {"village_code": village_of(b)})
    exchange_rounds(hub, [a, b], rounds=1)
    # The claim is now the new kecamatan's too: a later change of it finds it there.
    conn = sqlite3.connect(hub.app.path)
    try:
        claim = conn.execute(
            "SELECT id FROM claim WHERE worker_id = ? ORDER BY id LIMIT 1", (worker,)
        ).fetchone()[0]
    finally:
        conn.close()
    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.claim") as uow:
        uow.update(models.Claim, str(claim), {"note": "Ahli waris pindah"})
    exchange_rounds(hub, [a, b], rounds=1)
    for office in (hub, a, b):
        assert waiting_rows(office) == [], office.name
    assert divergences(hub, [a, b], moved={worker}) == []


def test_merging_duplicates_across_kecamatan_keeps_both_laptops_syncing(
    two_laptops: tuple[Office, Office, Office],
) -> None:
    hub, a, b = two_laptops
    worker = worker_with_claims(a)
    record = a.app.workers.get(worker).values()
    twin_values = {k: record[k] for k in ("nik", "name", "sex", "birth_date", "category")}
    twin = b.app.workers.create(b.actor, {**twin_values, "village_code": village_of(b)})
    hub.receive(b.export())
    [pair] = hub.app.sync.duplicates(hub.actor)
    # The record of kecamatan B is kept: kecamatan A's claims now belong to B's worker.
    hub.app.sync.merge_duplicate(hub.actor, pair.id, keep=twin)
    exchange_rounds(hub, [a, b], rounds=2)
    for office in (hub, a, b):
        assert waiting_rows(office) == [], office.name
        assert office.app.health.check().sound, office.name
    assert divergences(hub, [a, b]) == []
    for office in (a, b):  # both hold the claims, with their worker
        conn = sqlite3.connect(office.app.path)
        try:
            held = conn.execute(
                "SELECT count(*) FROM claim c JOIN worker w ON w.id = c.worker_id "
                "WHERE c.worker_id = ?",
                (twin,),
            ).fetchone()[0]
        finally:
            conn.close()
        assert held > 0, office.name


def test_merging_a_duplicate_of_another_category_leaves_a_record_that_can_be_edited(
    network: tuple[Office, Office],
) -> None:
    hub, a = network
    conn = sqlite3.connect(a.app.path)
    try:
        worker = str(
            conn.execute(
                "SELECT id FROM worker WHERE subcategory IS NOT NULL ORDER BY id LIMIT 1"
            ).fetchone()[0]
        )
    finally:
        conn.close()
    record = a.app.workers.get(worker).values()
    assert record["category"] != "rt_rw"
    # The same person enrolled again, as an RT head (another category, no sub-category).
    values = {k: record[k] for k in ("nik", "name", "sex", "birth_date", "village_code")}
    twin = enrolled_apart(hub, {**values, "category": "rt_rw"})
    a.receive(hub.export(peer=device_of(a)))
    [pair] = a.app.sync.duplicates(a.actor)
    a.app.sync.merge_duplicate(a.actor, pair.id, keep=twin)
    kept = a.app.workers.get(twin)
    assert (kept.category, kept.subcategory) == ("rt_rw", None)
    assert a.app.workers.update(a.actor, twin, {"phone": "081235000007"})


# ---- a process killed while importing -------------------------------------------------------

IMPORT_SCRIPT = """
import sys
from pathlib import Path
from desktop.services.app import AppServices

if len(sys.argv) > 3:  # the big-bundle path (rollback journal, indexes rebuilt) from N rows
    import desktop.services.sync.applying, desktop.sync.merge
    desktop.services.sync.applying.BIG_BUNDLE_CHANGES = int(sys.argv[3])
    desktop.sync.merge.REBUILD_INDEXES_FROM = int(sys.argv[3])
app = AppServices.open(Path(sys.argv[1]), create=False)
print("opened", flush=True)
app.sync.import_bundle(app.office.local_actor(), Path(sys.argv[2]), exclusive=len(sys.argv) > 3)
print("imported", flush=True)
"""


def big_laptop_bundle(tmp_path: Path, workers: int, *, new_rows: bool) -> tuple[Path, Path]:
    """A hub database (closed) and a laptop's bundle that changes *workers* of its workers.

    The laptop enrols *workers* new workers. With *new_rows*, the bundle carries them: the
    hub creates them in one statement. Otherwise they are sent to the hub first, and the
    laptop then edits every one of them: each edit is a change the hub folds one row at a
    time, the slow path of a merge.
    """
    hub = make_hub(tmp_path / "net")
    [district] = districts_with_workers(hub, 1)
    a = join_kecamatan(hub, tmp_path / "net", district, "kec-a")
    villages = [
        str(row[0])
        for row in sqlite3.connect(a.app.path).execute(
            "SELECT code FROM region WHERE parent_code = ? AND level = 4", (district,)
        )
    ]
    born = date(1980, 5, 17)
    rows = [
        {
            "nik": make_nik(district, born, Sex.MALE, n + 1),
            "name": f"Peserta Banyak {n}",
            "name_key": f"peserta banyak {n}",
            "sex": "L",
            "birth_date": born,
            "village_code": villages[n % len(villages)],
            "district_code": district,
            "category": "rt_rw",
            "position": "Ketua RT",
        }
        for n in range(workers)
    ]
    with UnitOfWork(a.app.database.engine, a.actor, action="test.bulk") as uow:
        ids = uow.bulk_insert(models.Worker, rows)
    if new_rows:
        bundle = a.export()
        a.close()
        hub.close()
        checkpoint(tmp_path / "net" / "hub.db")
        return tmp_path / "net" / "hub.db", bundle
    hub.receive(a.export())
    with UnitOfWork(a.app.database.engine, a.actor, action="test.edit_all") as uow:
        for n, worker in enumerate(ids):
            uow.update(models.Worker, worker, {"phone": f"0812{n:08d}", "address": f"Blok {n}"})
    bundle = a.export()
    a.close()
    hub.close()
    checkpoint(tmp_path / "net" / "hub.db")
    return tmp_path / "net" / "hub.db", bundle


def state(path: Path) -> tuple[object, ...]:
    """What an import changes: the workers, the change log's size, the bundle receipts, and
    the schema (the indexes a big import drops and rebuilds)."""
    conn = sqlite3.connect(path)
    try:
        workers = conn.execute("SELECT * FROM worker ORDER BY id").fetchall()
        changes = conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        receipts = conn.execute(
            "SELECT bundle_id FROM bundle_log WHERE direction = 'in' ORDER BY bundle_id"
        ).fetchall()
        schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        return (workers, changes, receipts, schema)
    finally:
        conn.close()


def fresh_copy(pristine: Path, folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    target = folder / "hub.db"
    shutil.copyfile(pristine, target)
    return target


@pytest.mark.parametrize("new_rows", [False, True], ids=["edits", "new-rows-big-path"])
def test_an_import_killed_midway_leaves_the_database_before_or_after_and_can_be_redone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_rows: bool
) -> None:
    pristine, bundle = big_laptop_bundle(tmp_path, workers=3000, new_rows=new_rows)
    # New rows go the way of a big bundle: rollback journal, worker indexes rebuilt.
    big = ["1000"] if new_rows else []
    if new_rows:
        monkeypatch.setattr("desktop.services.sync.applying.BIG_BUNDLE_CHANGES", 1000)
        monkeypatch.setattr("desktop.sync.merge.REBUILD_INDEXES_FROM", 1000)
    before = state(pristine)
    # What a complete import gives (workers with their local timestamps set aside).
    reference = fresh_copy(pristine, tmp_path / "reference")
    app = AppServices.open(reference, create=False)
    try:
        started = time.perf_counter()
        app.sync.import_bundle(app.office.local_actor(), bundle, exclusive=new_rows)
        took = time.perf_counter() - started
    finally:
        app.close()
    after = state(reference)
    assert after != before
    outcomes = set()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Kill at several moments: while staging, backing up, merging, and near the end.
    for fraction in (0.0, 0.25, 0.5, 0.8, 1.2):
        target = fresh_copy(pristine, tmp_path / f"run-{fraction}")
        work = target.with_name("hub-sync")
        process = subprocess.Popen(
            [sys.executable, "-c", IMPORT_SCRIPT, str(target), str(bundle), *big],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            assert process.stdout is not None and process.stderr is not None
            if process.stdout.readline().strip() != b"opened":
                pytest.fail(process.stderr.read().decode(errors="replace"))
            # The import has begun once its local copy of the bundle shows up.
            deadline = time.monotonic() + 30
            while not any(work.glob("fetch-*")) and process.poll() is None:
                assert time.monotonic() < deadline, "the import never started"
                time.sleep(0.002)
            time.sleep(fraction * took)
            process.send_signal(signal.SIGKILL)
        finally:
            process.wait()
            for stream in (process.stdout, process.stderr):
                if stream is not None:
                    stream.close()
        conn = sqlite3.connect(target)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
        now = state(target)
        assert now in (before, after), f"killed after {fraction:.0%}: a partial import"
        outcomes.add("after" if now == after else "before")
        # Importing the bundle again completes the job (or finds it done).
        app = AppServices.open(target, create=False)
        try:
            result = app.sync.import_bundle(app.office.local_actor(), bundle)
            assert result.applied or result.replayed
            assert app.health.check().sound
        finally:
            app.close()
        assert state(target) == after
    assert "before" in outcomes, "no kill landed before the commit"
