"""Sync between a hub and kecamatan laptops through real bundle files."""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path

import pytest

from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.services.sync import SyncRefused
from tests.integration.sync_helpers import (
    Office,
    districts_with_workers,
    enrolled_apart,
    join_kecamatan,
    make_hub,
)


def worker_in(office: Office) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        district = office.app.office.require_info().region_code
        row = conn.execute(
            "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 ORDER BY id LIMIT 1",
            (district,),
        ).fetchone()
        return str(row[0])
    finally:
        conn.close()


def value(office: Office, worker_id: str, column: str) -> object:
    conn = sqlite3.connect(office.app.path)
    try:
        return conn.execute(f"SELECT {column} FROM worker WHERE id = ?", (worker_id,)).fetchone()[0]
    finally:
        conn.close()


def count(office: Office, sql: str) -> int:
    conn = sqlite3.connect(office.app.path)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def test_join_takes_the_kecamatan_scope_only(offices: tuple[Office, Office, Office]) -> None:
    hub, a, _b = offices
    district = a.app.office.require_info().region_code
    assert a.app.office.require_info().kind.value == "kecamatan"
    assert a.rows("worker") == hub.rows("worker", scope=district)
    assert a.rows("region") == hub.rows("region")
    assert (
        count(
            a, "SELECT count(*) FROM worker WHERE district_code <> ?".replace("?", f"'{district}'")
        )
        == 0
    )
    status = hub.app.sync.status(hub.actor)
    assert all(d.pinned for d in status.devices)


def test_edit_on_a_laptop_reaches_the_hub_and_the_replay_changes_nothing(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, _b = offices
    worker = worker_in(a)
    a.app.workers.update(a.actor, worker, {"phone": "081234567890"})
    bundle = a.export()
    result = hub.receive(bundle)
    assert result.applied and result.summary.changed_rows == 1
    assert value(hub, worker, "phone") == "081234567890"
    before = hub.dump()
    again = hub.receive(bundle)
    assert again.replayed
    assert hub.dump() == before


def test_hub_relays_a_change_to_the_kecamatan_only(offices: tuple[Office, Office, Office]) -> None:
    hub, a, b = offices
    worker = worker_in(a)
    hub.app.workers.update(hub.actor, worker, {"position": "Kepala Dusun"})
    for office in (a, b):
        office.receive(hub.export(peer=office.app.office.require_info().device_id))
    assert value(a, worker, "position") == "Kepala Dusun"
    assert count(b, f"SELECT count(*) FROM worker WHERE id = '{worker}'") == 0


def test_same_field_on_both_sides_is_a_conflict_that_converges_and_settles(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, _b = offices
    worker = worker_in(a)
    a.app.workers.update(a.actor, worker, {"phone": "081111111111"})
    hub.app.workers.update(hub.actor, worker, {"phone": "082222222222"})
    to_hub = a.export()
    to_a = hub.export(peer=a.app.office.require_info().device_id)
    result_hub = hub.receive(to_hub)
    result_a = a.receive(to_a)
    assert result_hub.summary.conflicts == 1 and result_a.summary.conflicts == 1
    assert value(hub, worker, "phone") == value(a, worker, "phone")
    [conflict] = hub.app.sync.conflicts(hub.actor)
    assert conflict.field == "phone"
    assert {conflict.winner.value, conflict.loser.value} == {"081111111111", "082222222222"}
    assert {conflict.winner.device_name, conflict.loser.device_name} >= {
        hub.app.office.require_info().name
    }
    # The admin keeps the value that lost: a new change that wins everywhere.
    hub.app.sync.settle(hub.actor, conflict.id, keep="loser")
    assert hub.app.sync.conflicts(hub.actor) == []
    assert value(hub, worker, "phone") == conflict.loser.value
    a.receive(hub.export(peer=a.app.office.require_info().device_id))
    assert value(a, worker, "phone") == conflict.loser.value
    assert a.app.sync.conflicts(a.actor) == []


def test_different_fields_merge_without_conflict(offices: tuple[Office, Office, Office]) -> None:
    hub, a, _b = offices
    worker = worker_in(a)
    a.app.workers.update(a.actor, worker, {"phone": "081333333333"})
    hub.app.workers.update(hub.actor, worker, {"address": "Jl. Merdeka 1"})
    hub.receive(a.export())
    a.receive(hub.export(peer=a.app.office.require_info().device_id))
    for office in (hub, a):
        assert value(office, worker, "phone") == "081333333333"
        assert value(office, worker, "address") == "Jl. Merdeka 1"
        assert office.app.sync.conflicts(office.actor) == []


def test_delete_against_edit_keeps_the_edit_everywhere(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, _b = offices
    worker = worker_in(a)
    from desktop.store import models
    from desktop.store.unit_of_work import UnitOfWork

    with UnitOfWork(hub.app.database.engine, hub.actor, action="test.delete") as uow:
        uow.delete(models.Worker, worker)
    a.app.workers.update(a.actor, worker, {"phone": "081444444444"})
    hub.receive(a.export())
    a.receive(hub.export(peer=a.app.office.require_info().device_id))
    for office in (hub, a):
        assert value(office, worker, "deleted") == 0
        assert value(office, worker, "phone") == "081444444444"
        [conflict] = office.app.sync.conflicts(office.actor)
        assert conflict.field == "deleted"


def test_bundles_in_any_order_give_the_same_database(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, _b = offices
    worker = worker_in(a)
    a.app.workers.update(a.actor, worker, {"phone": "081555555555"})
    first = a.export()
    a.app.workers.update(a.actor, worker, {"address": "Dusun II"})
    second = a.export()
    hub.receive(second)
    hub.receive(first)
    assert value(hub, worker, "phone") == "081555555555"
    assert value(hub, worker, "address") == "Dusun II"
    assert hub.rows("worker", scope=a.app.office.require_info().region_code) == a.rows("worker")


def test_a_lost_bundle_heals_with_the_next(offices: tuple[Office, Office, Office]) -> None:
    hub, a, _b = offices
    worker = worker_in(a)
    a.app.workers.update(a.actor, worker, {"phone": "081666666666"})
    a.export().unlink()  # the stick was lost
    a.app.workers.update(a.actor, worker, {"address": "Dusun III"})
    hub.receive(a.export())
    assert value(hub, worker, "phone") == "081666666666"
    assert value(hub, worker, "address") == "Dusun III"


def test_same_nik_enrolled_twice_goes_to_the_duplicates_queue(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, _b = offices
    # Both offices enrol the same person while apart (each form refuses a NIK it already
    # holds as active, so neither knew of the other's record).
    record = a.app.workers.get(worker_in(a)).values()
    born = date(1979, 5, 17)
    district = a.app.office.require_info().region_code
    values = {
        "nik": make_nik(district, born, Sex.FEMALE, 4321),
        "name": "Siti Aminah",
        "sex": "P",
        "birth_date": born,
        "village_code": record["village_code"],
        "category": record["category"],
        "position": record["position"],
    }
    worker = a.app.workers.create(a.actor, values)
    twin = enrolled_apart(hub, {**values, "name": "Siti Aminah Binti Ahmad"})
    result = a.receive(hub.export(peer=a.app.office.require_info().device_id))
    assert result.summary.duplicates == 1
    [pair] = a.app.sync.duplicates(a.actor)
    assert {pair.first["id"], pair.second["id"]} == {worker, twin}
    a.app.sync.merge_duplicate(a.actor, pair.id, keep=worker)
    assert a.app.sync.duplicates(a.actor) == []
    assert value(a, twin, "merged_into") == worker
    hub.receive(a.export())
    assert value(hub, twin, "merged_into") == worker


def test_refused_bundles_leave_the_database_unchanged(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, b = offices
    a.app.workers.update(a.actor, worker_in(a), {"phone": "081777777777"})
    bundle = a.export()
    before_b = b.dump()
    with pytest.raises(SyncRefused) as wrong:
        b.receive(bundle)  # meant for the hub
    assert wrong.value.code == "sync.wrong_recipient"
    assert b.dump() == before_b
    # A flipped bit in the payload.
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x10
    tampered = tmp_path / "tampered.sigap"
    tampered.write_bytes(bytes(data))
    before = hub.dump()
    with pytest.raises(SyncRefused):
        hub.receive(tampered)
    assert hub.dump() == before
    # Truncated.
    truncated = tmp_path / "truncated.sigap"
    truncated.write_bytes(bundle.read_bytes()[: len(data) - 100])
    with pytest.raises(SyncRefused):
        hub.receive(truncated)
    assert hub.dump() == before
    # Not a bundle at all.
    junk = tmp_path / "junk.sigap"
    junk.write_bytes(b"%PDF-1.4 not a bundle")
    with pytest.raises(SyncRefused) as not_bundle:
        hub.receive(junk)
    assert not_bundle.value.code == "sync.not_a_bundle"
    assert hub.dump() == before
    assert hub.integrity() == "ok"
    # The genuine bundle still imports afterwards.
    assert hub.receive(bundle).applied


def test_a_revoked_device_is_refused(offices: tuple[Office, Office, Office]) -> None:
    hub, a, _b = offices
    a.app.workers.update(a.actor, worker_in(a), {"phone": "081888888888"})
    bundle = a.export()
    hub.app.sync.revoke(hub.actor, a.app.office.require_info().device_id)
    before = hub.dump()
    with pytest.raises(SyncRefused) as refused:
        hub.receive(bundle)
    assert refused.value.code == "sync.revoked"
    assert hub.dump() == before


def test_wrong_code_refuses_to_join(tmp_path: Path) -> None:
    from desktop.services.app import AppServices

    hub = make_hub(tmp_path, workers=20)
    [district] = districts_with_workers(hub, 1)
    enrolment = hub.app.sync.enroll(hub.actor, district=district, out=hub.stick / "e.sigap")
    laptop = AppServices.open(tmp_path / "laptop.db")
    try:
        with pytest.raises(SyncRefused) as refused:
            laptop.sync.join(enrolment.path, "AAAA-BBBB-CCCC")
        assert refused.value.code == "sync.bad_code"
        assert laptop.office.info() is None
        laptop.sync.join(enrolment.path, enrolment.code.lower().replace("-", " "))
        assert laptop.office.require_info().region_code == district
    finally:
        laptop.close()
        hub.close()


def test_laptop_clock_a_day_ahead_is_flagged_and_still_converges(
    offices: tuple[Office, Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, a, _b = offices
    worker = worker_in(a)
    ahead = int(time.time() * 1000) + 3 * 24 * 3600 * 1000  # three days fast
    with monkeypatch.context() as patch:
        patch.setattr("desktop.store.hlc.wall_clock_ms", lambda: ahead)
        a.app.workers.update(a.actor, worker, {"phone": "081999999999"})
        bundle = a.export()
    hub.app.workers.update(hub.actor, worker, {"phone": "082999999999"})
    result = hub.receive(bundle)
    assert result.summary.future_stamps >= 1
    a.receive(hub.export(peer=a.app.office.require_info().device_id))
    assert value(hub, worker, "phone") == value(a, worker, "phone")
    # The hub's own clock did not jump ahead.
    state = count(hub, "SELECT hlc_ms FROM local_state")
    assert state < ahead


def test_laptop_clock_in_2035_is_refused_naming_the_bundle(
    offices: tuple[Office, Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A stamp far ahead would win every tie against the hub's edits: refused (issue 17)."""
    hub, a, _b = offices
    worker = worker_in(a)
    future = int(date(2035, 1, 1).strftime("%s")) * 1000
    with monkeypatch.context() as patch:
        patch.setattr("desktop.store.hlc.wall_clock_ms", lambda: future)
        a.app.workers.update(a.actor, worker, {"phone": "081999999999"})
        bundle = a.export()
    before = value(hub, worker, "phone")
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(bundle)
    assert refusal.value.code == "sync.clock"
    assert bundle.name in str(refusal.value) and "01-01-2035" in str(refusal.value)
    assert value(hub, worker, "phone") == before


def test_everything_converges_after_a_round(offices: tuple[Office, Office, Office]) -> None:
    hub, a, b = offices
    a.app.workers.update(a.actor, worker_in(a), {"phone": "081212121212"})
    b.app.workers.update(b.actor, worker_in(b), {"phone": "081313131313"})
    hub.receive(a.export())
    hub.receive(b.export())
    for office in (a, b):
        office.receive(hub.export(peer=office.app.office.require_info().device_id))
    for office in (a, b):
        district = office.app.office.require_info().region_code
        for table in ("worker", "claim", "claim_event", "heir", "claim_document"):
            assert office.rows(table) == hub.rows(table, scope=district), table
        for table in ("region", "setting", "coverage_target"):
            assert office.rows(table) == hub.rows(table), table
    assert a.rows("claim"), "kecamatan A holds the claims of its villages"
    for office in (hub, a, b):
        assert office.app.health.check().sound, office.name


def test_a_cancelled_join_leaves_the_new_database_empty_and_joining_works_after(
    tmp_path: Path,
) -> None:
    from desktop.services.app import AppServices
    from desktop.services.progress import Cancelled

    hub = make_hub(tmp_path, workers=40)
    [district] = districts_with_workers(hub, 1)
    enrolment = hub.app.sync.enroll(hub.actor, district=district, out=hub.stick / "e.sigap")
    laptop = AppServices.open(tmp_path / "laptop.db")
    try:
        with pytest.raises(Cancelled):
            laptop.sync.join(enrolment.path, enrolment.code, cancel=lambda: True)
        assert laptop.office.info() is None
        assert count(Office("l", laptop, tmp_path), "SELECT count(*) FROM change_log") == 0
        laptop.sync.join(enrolment.path, enrolment.code)
        assert laptop.office.require_info().region_code == district
    finally:
        laptop.close()
        hub.close()


def test_merging_duplicates_keeps_what_only_the_other_record_knew(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, _b = offices
    worker = worker_in(a)
    record = a.app.workers.get(worker).values()
    values = {
        k: record[k]
        for k in ("nik", "name", "sex", "birth_date", "village_code", "category", "position")
    }
    values["address"] = "Dusun Sukamaju RT 02"
    a.app.workers.update(a.actor, worker, {"address": None})
    twin = enrolled_apart(hub, values)
    a.receive(hub.export(peer=a.app.office.require_info().device_id))
    [pair] = a.app.sync.duplicates(a.actor)
    a.app.sync.merge_duplicate(a.actor, pair.id, keep=worker)
    assert value(a, worker, "address") == "Dusun Sukamaju RT 02"
    assert value(a, twin, "merged_into") == worker


def test_export_to_every_kecamatan_skips_those_still_waiting(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, b = offices
    districts = districts_with_workers(hub, 3)
    hub.app.sync.enroll(hub.actor, district=districts[2], out=hub.stick / "c.sigap")
    results = hub.app.sync.export(hub.actor, hub.stick)
    assert {r.peer_device for r in results} == {
        o.app.office.require_info().device_id for o in (a, b)
    }
    for result in results:
        peek = a.app.sync.peek(result.path)
        assert peek.sender_name == hub.app.office.require_info().name
        assert peek.for_this_office == (result.peer_device == a.app.office.require_info().device_id)
        region = a.app.office.require_info().region_code
        assert (region in result.path.name) == peek.for_this_office


# ---- a bundle received once, previewed, then applied ----------------------------------------


def test_a_received_bundle_is_previewed_then_applied_without_reading_it_again(
    offices: tuple[Office, Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, a, _ = offices
    worker = worker_in(a)
    a.app.workers.update(a.actor, worker, {"phone": "081277700011"})
    bundle = a.export()
    with hub.app.sync.receive(bundle) as received:
        # From here on the file is never opened again: preview and apply use the staging.
        monkeypatch.setattr(
            "desktop.services.sync.SyncService._fetch",
            lambda *_: pytest.fail("the bundle was read twice"),
        )
        preview = hub.app.sync.preview(received)
        assert preview.summary.changed_rows == 1 and not preview.applied
        assert value(hub, worker, "phone") != "081277700011"
        # A second preview of the same staging says the same.
        assert hub.app.sync.preview(received).summary.changed_rows == 1
        result = hub.app.sync.import_bundle(hub.actor, received)
        assert result.applied and result.summary.changed_rows == 1
        assert value(hub, worker, "phone") == "081277700011"
        # Applying it again is a replay: nothing changes.
        assert hub.app.sync.import_bundle(hub.actor, received).replayed
    work = hub.app.sync.work_dir
    assert not list(work.glob("stage-*")) and not list(work.glob("fetch-*"))


def test_a_received_bundle_imported_meanwhile_is_a_replay(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, _ = offices
    a.app.workers.update(a.actor, worker_in(a), {"phone": "081277700012"})
    bundle = a.export()
    with hub.app.sync.receive(bundle) as received:
        assert hub.receive(bundle).applied  # by another way (the command line)
        before = hub.dump()
        assert hub.app.sync.import_bundle(hub.actor, received).replayed
        assert hub.dump() == before


def test_a_received_bundle_of_a_device_revoked_meanwhile_is_refused(
    offices: tuple[Office, Office, Office],
) -> None:
    hub, a, _ = offices
    a.app.workers.update(a.actor, worker_in(a), {"phone": "081277700013"})
    with hub.app.sync.receive(a.export()) as received:
        hub.app.sync.revoke(hub.actor, a.app.office.require_info().device_id)
        before = hub.dump()
        with pytest.raises(SyncRefused) as refused:
            hub.app.sync.import_bundle(hub.actor, received)
        assert refused.value.code == "sync.revoked"
        assert hub.dump() == before


# ---- a lost laptop replaced ---------------------------------------------------------------


def test_a_laptop_replacing_a_lost_one_takes_over_the_kecamatan_and_its_admin_account(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, _ = offices
    district = a.app.office.require_info().region_code
    worker = worker_in(a)
    a.app.workers.update(a.actor, worker, {"phone": "081211100001"})
    assert hub.receive(a.export()).applied
    old_admin = a.actor.user_id
    # The laptop is lost: the hub revokes it and enrols the kecamatan again.
    hub.app.sync.revoke(hub.actor, a.app.office.require_info().device_id)
    (tmp_path / "new").mkdir()
    replacement = join_kecamatan(hub, tmp_path / "new", district, "kec-a-baru")
    try:
        # One admin account for the kecamatan, the one the hub knew, on both offices.
        assert replacement.actor.user_id == old_admin
        for office in (hub, replacement):
            assert (
                count(
                    office,
                    "SELECT count(*) FROM app_user WHERE username = 'admin' "
                    f"AND office_region = '{district}'",
                )
                == 1
            )
        assert value(replacement, worker, "phone") == "081211100001"
        # Work goes on: an edit on the new laptop reaches the hub, and back.
        replacement.app.workers.update(replacement.actor, worker, {"phone": "081211100002"})
        assert hub.receive(replacement.export()).applied
        assert value(hub, worker, "phone") == "081211100002"
        hub.app.workers.update(hub.actor, worker, {"phone": "081211100003"})
        assert replacement.receive(hub.export(peer=replacement.app.office.require_info().device_id))
        assert value(replacement, worker, "phone") == "081211100003"
        # The lost laptop's bundles stay refused.
        a.app.workers.update(a.actor, worker, {"phone": "089999999999"})
        with pytest.raises(SyncRefused) as refused:
            hub.receive(a.export())
        assert refused.value.code == "sync.revoked"
    finally:
        replacement.close()


def test_a_closed_received_bundle_cannot_be_used_and_old_scratch_files_are_swept(
    offices: tuple[Office, Office, Office],
) -> None:
    import os
    import time

    hub, a, _ = offices
    a.app.workers.update(a.actor, worker_in(a), {"phone": "081277700014"})
    bundle = a.export()
    received = hub.app.sync.receive(bundle)
    received.close()
    with pytest.raises(RuntimeError):
        hub.app.sync.import_bundle(hub.actor, received)
    # Leftovers of a crash (decrypted data): old ones go at the next receive, fresh ones
    # (another import running now) stay.
    work = hub.app.sync.work_dir
    old, fresh = work / "stage-old.db", work / "fetch-now.sigap"
    old.write_bytes(b"x")
    fresh.write_bytes(b"x")
    long_ago = time.time() - 2 * 24 * 3600
    os.utime(old, (long_ago, long_ago))
    assert hub.receive(bundle).applied
    assert not old.exists() and fresh.exists()


def test_a_received_bundle_nobody_closed_leaves_no_decrypted_files(
    offices: tuple[Office, Office, Office],
) -> None:
    import gc

    hub, a, _ = offices
    a.app.workers.update(a.actor, worker_in(a), {"phone": "081277700015"})
    received = hub.app.sync.receive(a.export())
    work = hub.app.sync.work_dir
    assert list(work.glob("stage-*")) and list(work.glob("fetch-*"))
    del received
    gc.collect()
    assert not list(work.glob("stage-*")) and not list(work.glob("fetch-*"))
