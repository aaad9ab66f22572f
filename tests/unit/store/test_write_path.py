"""The one write path: stamping, change log, audit, and refusal of every bypass."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from desktop.services.app import AppServices
from desktop.store import models
from desktop.store.hlc import HlcStamp, vv_loads
from desktop.store.unit_of_work import UnitOfWork, WriteCancelled, WriteRefused, table_of


def _raw(services: AppServices) -> sqlite3.Connection:
    return sqlite3.connect(services.path)


def _sample_rows(uow: UnitOfWork) -> dict[str, dict[str, Any]]:
    """One valid row for every synced table, inserted through the unit of work."""
    ids: dict[str, dict[str, Any]] = {}
    region = {"code": "16.02.05", "name": "Kayu Agung", "level": 3, "parent_code": "16.02"}
    ids["region"] = {"id": uow.insert(models.Region, region), **region}
    worker = {
        "nik": "1602054209800001",
        "name": "Siti Aminah",
        "name_key": "siti aminah",
        "sex": "P",
        "birth_date": date(1980, 9, 2),
        "village_code": "16.02.05.2001",
        "district_code": "16.02.05",
        "category": "rt_rw",
    }
    ids["worker"] = {"id": uow.insert(models.Worker, worker), **worker}
    target = {"region_code": "16.02.05", "category": "rt_rw", "year": 2026, "target": 10}
    ids["coverage_target"] = {"id": uow.insert(models.CoverageTarget, target), **target}
    claim = {
        "worker_id": ids["worker"]["id"],
        "kind": "santunan_kematian",
        "event_date": date(2026, 3, 1),
        "reported_date": date(2026, 3, 3),
        "village_code": "16.02.05.2001",
    }
    ids["claim"] = {"id": uow.insert(models.Claim, claim), **claim}
    claim_id = ids["claim"]["id"]
    from desktop.store.unit_of_work import utc_now

    event = {
        "claim_id": claim_id,
        "status": "diusulkan",
        "at": utc_now(),
        "actor_user_id": uow.actor.user_id,
        "actor_name": "Admin",
        "device_id": uow.actor.device_id,
    }
    ids["claim_event"] = {"id": uow.insert(models.ClaimEvent, event), **event}
    heir = {"claim_id": claim_id, "name": "Budi", "relationship": "suami"}
    ids["heir"] = {"id": uow.insert(models.Heir, heir), **heir}
    document = {"claim_id": claim_id, "item": "akta_kematian"}
    ids["claim_document"] = {"id": uow.insert(models.ClaimDocument, document), **document}
    clearance = {
        "claim_id": claim_id,
        "code": "flag.early_death",
        "evidence": '["2026-02-20/2026-03-01"]',
        "at": utc_now(),
        "actor_user_id": uow.actor.user_id,
        "actor_name": "Admin",
        "reason": "Diperiksa di lapangan",
    }
    ids["claim_flag_clearance"] = {
        "id": uow.insert(models.ClaimFlagClearance, clearance),
        **clearance,
    }
    letter = {
        "number": "400.9/001/DINSOS/IX/2026",
        "kind": "rekomendasi",
        "year": 2026,
        "sequence": 1,
        "issued_on": date(2026, 9, 2),
        "signer_name": "Camat",
        "signer_position": "Camat Kayu Agung",
        "content_hash": "0" * 64,
    }
    ids["letter"] = {"id": uow.insert(models.Letter, letter), **letter}
    user = {
        "username": "operator",
        "full_name": "Operator",
        "role": "pemantau",
        "office_region": "16.02",
    }
    ids["app_user"] = {"id": uow.insert(models.AppUser, user), **user}
    setting = {"key": "letter.pattern", "value": "400.9/{seq:03}"}
    ids["setting"] = {"id": uow.insert(models.Setting, setting), **setting}
    holiday = {"day": date(2026, 8, 17), "name": "Hari Kemerdekaan"}
    ids["holiday"] = {"id": uow.insert(models.Holiday, holiday), **holiday}
    return ids


@pytest.fixture
def rows(services: AppServices) -> dict[str, dict[str, Any]]:
    actor = services.office.local_actor()
    with UnitOfWork(services.database.engine, actor, action="test.seed") as uow:
        return _sample_rows(uow)


def test_sample_covers_every_synced_table(rows: dict[str, dict[str, Any]]) -> None:
    assert set(rows) == models.SYNCED_TABLE_NAMES


@pytest.mark.parametrize("table", sorted(models.SYNCED_TABLE_NAMES))
def test_bypassing_insert_is_refused(
    services: AppServices, rows: dict[str, dict[str, Any]], table: str
) -> None:
    con = _raw(services)
    original = con.execute(f"SELECT * FROM {table} WHERE id = ?", (rows[table]["id"],)).fetchone()
    columns = [c[1] for c in con.execute(f"PRAGMA table_info({table})")]
    copy = list(original)
    copy[columns.index("id")] = "bypass-id"
    # Even a copy with a fresh stamp but no change-log entry is refused.
    copy[columns.index("hlc")] = "9999999999999.000000.forged"
    for unique in ("code", "number", "username", "key", "item"):
        if unique in columns:
            copy[columns.index(unique)] = f"{copy[columns.index(unique)]}-x"
    placeholders = ", ".join("?" for _ in columns)
    with pytest.raises(sqlite3.IntegrityError, match="write outside the unit of work"):
        con.execute(f"INSERT INTO {table} VALUES ({placeholders})", copy)
    con.rollback()


@pytest.mark.parametrize("table", sorted(models.SYNCED_TABLE_NAMES))
def test_bypassing_update_is_refused(
    services: AppServices, rows: dict[str, dict[str, Any]], table: str
) -> None:
    con = _raw(services)
    row_id = rows[table]["id"]
    with pytest.raises(sqlite3.IntegrityError, match="write outside the unit of work"):
        con.execute(f"UPDATE {table} SET updated_at = updated_at WHERE id = ?", (row_id,))
    # Reusing an older stamp that exists in the log for another row does not help either.
    other = con.execute("SELECT hlc FROM change_log WHERE row_id != ? LIMIT 1", (row_id,))
    with pytest.raises(sqlite3.IntegrityError, match="write outside the unit of work"):
        con.execute(f"UPDATE {table} SET hlc = ? WHERE id = ?", (other.fetchone()[0], row_id))
    con.rollback()


@pytest.mark.parametrize("table", sorted(models.SYNCED_TABLE_NAMES))
def test_deleting_a_synced_row_is_refused(
    services: AppServices, rows: dict[str, dict[str, Any]], table: str
) -> None:
    con = _raw(services)
    with pytest.raises(sqlite3.IntegrityError, match="write outside the unit of work"):
        con.execute(f"DELETE FROM {table} WHERE id = ?", (rows[table]["id"],))


@pytest.mark.parametrize("table", ["audit_entry", "change_log"])
def test_logs_are_append_only(services: AppServices, rows: Any, table: str) -> None:
    con = _raw(services)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute(f"UPDATE {table} SET user_id = 'someone else'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        con.execute(f"DELETE FROM {table}")


def test_check_detects_rows_written_without_the_guards(
    services: AppServices, rows: dict[str, dict[str, Any]]
) -> None:
    """A writer that drops the triggers first is still caught by the database check."""
    assert services.health.check().sound
    con = _raw(services)
    con.execute("DROP TRIGGER guard_worker_update")
    con.execute(
        "UPDATE worker SET name = 'Orang Lain', hlc = 'x' WHERE id = ?", (rows["worker"]["id"],)
    )
    con.commit()
    problems = services.health.check().problems
    assert any("worker" in p.message and "Pengaman" in p.message for p in problems)
    assert any("di luar jalur tulis" in p.message for p in problems)


def test_insert_update_delete_are_logged_and_audited(services: AppServices) -> None:
    actor = services.office.local_actor()
    engine = services.database.engine
    with UnitOfWork(engine, actor, action="worker.create", summary="Tambah peserta") as uow:
        row_id = _sample_rows(uow)["worker"]["id"]
    with UnitOfWork(engine, actor, action="worker.edit") as uow:
        assert uow.update(models.Worker, row_id, {"name": "Siti Aminah Saputri"})
        assert not uow.update(models.Worker, row_id, {"name": "Siti Aminah Saputri"})
    with UnitOfWork(engine, actor, action="worker.remove") as uow:
        assert uow.delete(models.Worker, row_id)

    con = _raw(services)
    log = con.execute(
        "SELECT op, fields, vv, hlc, device_id, device_seq, user_id, audit_id FROM change_log "
        "WHERE row_id = ? ORDER BY local_seq",
        (row_id,),
    ).fetchall()
    assert [entry[0] for entry in log] == ["insert", "update", "delete"]
    inserted = json.loads(log[0][1])
    assert inserted["nik"] == [None, "1602054209800001"]
    assert inserted["birth_date"] == [None, "1980-09-02"]
    assert json.loads(log[1][1]) == {"name": ["Siti Aminah", "Siti Aminah Saputri"]}
    assert json.loads(log[2][1]) == {"deleted": [False, True]}
    seqs = [entry[5] for entry in log]
    assert seqs == sorted(seqs) and len(set(seqs)) == 3
    stamps = [HlcStamp.decode(entry[3]) for entry in log]
    assert stamps == sorted(stamps)
    assert vv_loads(log[2][2]) == {actor.device_id: seqs[2]}
    assert {entry[6] for entry in log} == {actor.user_id}

    row = con.execute(
        "SELECT hlc, vv, deleted, name FROM worker WHERE id = ?", (row_id,)
    ).fetchone()
    assert row == (log[2][3], log[2][2], 1, "Siti Aminah Saputri")

    audits = dict(
        con.execute("SELECT id, action FROM audit_entry WHERE username = 'admin'").fetchall()
    )
    assert audits[log[0][7]] == "worker.create"
    assert audits[log[1][7]] == "worker.edit"
    assert audits[log[2][7]] == "worker.remove"
    state = con.execute("SELECT device_seq FROM local_state").fetchone()
    assert state[0] == max(s for (s,) in con.execute("SELECT device_seq FROM change_log"))


def test_failure_rolls_back_rows_log_and_audit(services: AppServices) -> None:
    actor = services.office.local_actor()
    con = _raw(services)
    before = con.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    with (
        pytest.raises(RuntimeError),
        UnitOfWork(services.database.engine, actor, action="x") as uow,
    ):
        uow.insert(models.Region, {"code": "16", "name": "Sumatera Selatan", "level": 1})
        raise RuntimeError("boom")
    assert con.execute("SELECT COUNT(*) FROM region").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM change_log").fetchone()[0] == before
    assert con.execute("SELECT COUNT(*) FROM audit_entry WHERE action='x'").fetchone()[0] == 0


def test_bulk_insert_logs_each_row_and_cancels_cleanly(services: AppServices) -> None:
    actor = services.office.local_actor()
    engine = services.database.engine
    rows = [
        {"code": f"16.02.{i:02d}", "name": f"Kecamatan {i}", "level": 3, "parent_code": "16.02"}
        for i in range(1, 41)
    ]
    calls: list[tuple[int, int]] = []
    with UnitOfWork(engine, actor, action="bulk") as uow:
        ids = uow.bulk_insert(
            models.Region, rows, total=40, batch_size=15, progress=lambda d, t: calls.append((d, t))
        )
    assert calls == [(15, 40), (30, 40), (40, 40)]
    con = _raw(services)
    assert con.execute("SELECT COUNT(*) FROM region").fetchone()[0] == 40
    logged = con.execute(
        "SELECT row_id, fields FROM change_log WHERE table_name = 'region' ORDER BY device_seq"
    ).fetchall()
    assert [r for r, _ in logged] == ids
    assert json.loads(logged[0][1])["name"] == [None, "Kecamatan 1"]
    assert con.execute("SELECT change_count FROM audit_entry WHERE action='bulk'").fetchone() == (
        40,
    )

    more = [dict(r, code=r["code"] + ".2001", level=4) for r in rows]
    state_before = con.execute("SELECT device_seq, hlc_ms FROM local_state").fetchone()
    with pytest.raises(WriteCancelled), UnitOfWork(engine, actor, action="bulk2") as uow:
        seen = iter(range(10))
        uow.bulk_insert(
            models.Region, more, batch_size=10, cancel=lambda: next(seen) >= 2, defer_indexes=True
        )
    assert con.execute("SELECT COUNT(*) FROM region").fetchone()[0] == 40
    assert con.execute("SELECT device_seq, hlc_ms FROM local_state").fetchone() == state_before
    indexes = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ix_region_parent", "ix_region_level_name"} <= indexes


def test_bulk_insert_with_deferred_indexes_rebuilds_them(services: AppServices) -> None:
    actor = services.office.local_actor()
    rows = [{"code": f"16.02.{i:02d}", "name": f"K{i}", "level": 3} for i in range(1, 30)]
    con = _raw(services)
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    before = con.execute(schema).fetchall()
    with UnitOfWork(services.database.engine, actor, action="bulk") as uow:
        # A load bigger than the change log: its look-up indexes are rebuilt too.
        uow.bulk_insert(models.Region, rows, defer_indexes=True, total=len(rows))
    assert con.execute(schema).fetchall() == before
    indexes = {n for (n,) in con.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ix_region_parent", "ix_region_level_name", "ix_change_row"} <= indexes
    plan = con.execute(
        "EXPLAIN QUERY PLAN SELECT 1 FROM change_log WHERE row_id = 'x' AND hlc = 'y'"
    ).fetchall()
    assert "ix_change_row" in str(plan)
    assert services.health.check().sound


def test_unit_of_work_refuses_non_synced_tables_and_sync_columns(services: AppServices) -> None:
    actor = services.office.local_actor()
    with UnitOfWork(services.database.engine, actor, action="x") as uow:
        with pytest.raises(WriteRefused):
            uow.insert(models.Device, {"id": "d"})
        row_id = uow.insert(models.Region, {"code": "16", "name": "Sumsel", "level": 1})
        with pytest.raises(WriteRefused):
            uow.update(models.Region, row_id, {"hlc": "forged"})
        with pytest.raises(WriteRefused):
            uow.update(models.Region, "missing", {"name": "x"})


def test_actor_must_belong_to_this_device(services: AppServices) -> None:
    from dataclasses import replace

    actor = replace(services.office.local_actor(), device_id="another-device")
    with pytest.raises(WriteRefused), UnitOfWork(services.database.engine, actor, action="x"):
        pass


def test_reads_inside_the_unit_see_its_writes(services: AppServices, tmp_path: Path) -> None:
    actor = services.office.local_actor()
    with UnitOfWork(services.database.engine, actor, action="x") as uow:
        uow.insert(models.Region, {"code": "16", "name": "Sumsel", "level": 1})
        table = table_of(models.Region)
        assert uow.connection.execute(select(table.c.name)).scalar() == "Sumsel"


def _journal(services: AppServices) -> str:
    return str(sqlite3.connect(services.path).execute("PRAGMA journal_mode").fetchone()[0])


def test_a_big_load_with_a_rollback_journal_returns_to_wal_with_its_guards(
    services: AppServices,
) -> None:
    actor = services.office.local_actor()
    engine = services.database.engine
    engine.dispose()
    rows = [{"code": f"16.02.{i:02d}", "name": f"K{i}", "level": 3} for i in range(1, 60)]
    with UnitOfWork(engine, actor, action="bulk", rollback_journal=True) as uow:
        assert uow.connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        uow.bulk_insert(models.Region, rows, defer_indexes=True)
    assert _journal(services) == "wal"
    assert services.health.check().sound  # guards and indexes back, every row logged
    con = _raw(services)
    with pytest.raises(sqlite3.IntegrityError, match="write outside the unit of work"):
        con.execute("UPDATE region SET name = 'x'")
    con.rollback()
    con.close()

    engine.dispose()
    more = [{"code": f"16.03.{i:02d}", "name": f"L{i}", "level": 3} for i in range(1, 60)]
    with (
        pytest.raises(WriteCancelled),
        UnitOfWork(engine, actor, action="bulk2", rollback_journal=True) as uow,
    ):
        calls = iter(range(10))
        uow.bulk_insert(models.Region, more, batch_size=10, defer_indexes=True,
                        cancel=lambda: next(calls) >= 2)  # fmt: skip
    assert _journal(services) == "wal"
    assert services.health.counts()["region"] == 59
    assert services.health.check().sound


def test_a_rollback_journal_is_not_forced_on_a_shared_file(services: AppServices) -> None:
    """Another connection reading the file keeps it in WAL; the load still works."""
    actor = services.office.local_actor()
    reader = _raw(services)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM region").fetchone()
    with UnitOfWork(services.database.engine, actor, action="bulk", rollback_journal=True) as uow:
        uow.bulk_insert(models.Region, [{"code": "16", "name": "Sumsel", "level": 1}])
    reader.rollback()
    assert _journal(services) == "wal"
    assert services.health.counts()["region"] == 1


def test_ids_of_a_bulk_load_are_version_7_uuids_all_different() -> None:
    import uuid

    from desktop.store.ids import new_id, new_ids

    batch = new_ids(5_000)
    assert len(set(batch)) == len(batch)
    for text in [*batch[:50], new_id()]:
        parsed = uuid.UUID(text)
        assert str(parsed) == text
        assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    # Time-ordered with single ids: the millisecond prefix is the same as new_id's.
    assert new_ids(1)[0][:13] <= new_id()[:13]
    assert new_ids(0) == []


# Text no JSON encoder may mangle: quotes, backslashes, every control character SQLite and
# orjson escape (short forms and \u00XX, NUL included), DEL, non-ASCII, a line separator,
# an emoji, the empty string, and a value that looks like JSON.
_AWKWARD = [
    'Siti "Ami" \\ Nah',
    "".join(chr(c) for c in range(0x20)),
    "tab\there\nline\r\x7f",
    "Ñoño Müller \u2028 Çelik 😀",
    "",
    '{"not": "json"}',
    "[null,1]",
]


def _workers(count: int, tag: str) -> list[dict[str, Any]]:
    rows = []
    for i in range(count):
        text = _AWKWARD[i % len(_AWKWARD)]
        rows.append(
            {
                "nik": f"{1602054209800000 + i}",
                "name": f"{tag} {text}",
                "name_key": text,
                "sex": "LP"[i % 2],
                "birth_date": date(1950 + i % 50, 1 + i % 12, 1 + i % 28),
                "village_code": "16.02.05.2001",
                "district_code": "16.02.05",
                "category": "rt_rw",
                # Nullable columns: set on some rows, None (left out of the log) on others.
                "address": text if i % 3 else None,
                "kk": None if i % 2 else "",
                "declared_income": [0, 1, 2_000_000_000_000, 7][i % 4],
                "coverage_end": date(2026, 12, 31) if i % 4 else None,
            }
        )
    return rows


def _logged_fields(services: AppServices, ids: list[str]) -> list[str]:
    con = _raw(services)
    by_id = dict(con.execute("SELECT row_id, fields FROM change_log WHERE table_name='worker'"))
    return [by_id[row_id] for row_id in ids]


def test_sqlite_writes_the_same_change_log_text_as_python(
    services: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big load lets SQLite write each row's change-log entry from the inserted row; the
    text must be exactly what the row-by-row path writes, whatever the values hold."""
    from desktop.store import unit_of_work

    statements: list[str] = []
    original = unit_of_work._change_log_select

    def spy(table_name: str, names: Any) -> str:
        statements.append(table_name)
        return original(table_name, names)

    monkeypatch.setattr(unit_of_work, "_change_log_select", spy)
    actor = services.office.local_actor()
    engine = services.database.engine
    with UnitOfWork(engine, actor, action="by-python") as uow:
        by_python = uow.bulk_insert(models.Worker, _workers(60, "A"), batch_size=25)
    with UnitOfWork(engine, actor, action="by-sqlite") as uow:
        by_sqlite = uow.bulk_insert(
            models.Worker, _workers(60, "A"), batch_size=25, defer_indexes=True, total=60
        )
    assert statements == ["worker"]  # the second load only
    python_text = _logged_fields(services, by_python)
    sqlite_text = _logged_fields(services, by_sqlite)
    assert sqlite_text == python_text
    first = json.loads(sqlite_text[1])
    assert first["name"] == [None, "A " + _AWKWARD[1]]
    assert "address" in first and "kk" not in first  # None is left out, "" is kept
    assert json.loads(sqlite_text[0])["kk"] == [None, ""]
    assert json.loads(sqlite_text[2])["declared_income"] == [None, 2_000_000_000_000]

    con = _raw(services)
    logged = con.execute(
        "SELECT c.device_seq, c.vv, c.hlc, w.vv, w.hlc, c.audit_id, c.op, c.user_id "
        "FROM change_log c JOIN worker w ON w.id = c.row_id "
        "JOIN audit_entry a ON a.id = c.audit_id AND a.action = 'by-sqlite' "
        "ORDER BY c.local_seq"
    ).fetchall()
    assert len(logged) == 60
    seqs = [row[0] for row in logged]
    assert seqs == list(range(seqs[0], seqs[0] + 60))  # numbered in row order, as integers
    for seq, vv, hlc, row_vv, row_hlc, _audit, op, user in logged:
        assert (vv, hlc, op, user) == (row_vv, row_hlc, "insert", actor.user_id)
        assert vv_loads(vv) == {actor.device_id: seq}
    assert services.health.check().sound


def test_a_table_with_booleans_keeps_python_writing_its_log(services: AppServices) -> None:
    """SQLite would write a boolean as 0/1; such tables stay on the Python path (true)."""
    from desktop.store.unit_of_work import _loggable_in_sql

    heir = table_of(models.Heir)
    assert not _loggable_in_sql(heir, ["is_payee"])
    assert _loggable_in_sql(table_of(models.Worker), ["nik", "birth_date", "declared_income"])
    worker = {
        "nik": "1602054209800001",
        "name": "Siti",
        "name_key": "siti",
        "sex": "P",
        "birth_date": date(1980, 9, 2),
        "village_code": "16.02.05.2001",
        "district_code": "16.02.05",
        "category": "rt_rw",
    }
    engine = services.database.engine
    with UnitOfWork(engine, services.office.local_actor(), action="x") as uow:
        worker_id = uow.insert(models.Worker, worker)
        claim_id = uow.insert(
            models.Claim,
            {
                "worker_id": worker_id,
                "kind": "santunan_kematian",
                "event_date": date(2026, 3, 1),
                "reported_date": date(2026, 3, 3),
                "village_code": "16.02.05.2001",
            },
        )
        heirs = [
            {"claim_id": claim_id, "name": f"Ahli {i}", "relationship": "anak", "is_payee": i == 0}
            for i in range(3)
        ]
        ids = uow.bulk_insert(models.Heir, heirs, defer_indexes=True, total=3)
    con = _raw(services)
    payee = con.execute("SELECT fields FROM change_log WHERE row_id = ?", (ids[0],)).fetchone()
    assert json.loads(payee[0])["is_payee"] == [None, True]
    assert '"is_payee":[null,true]' in payee[0]


def test_a_bulk_load_hands_the_gil_over_quickly_and_restores_the_interval(
    services: AppServices,
) -> None:
    import sys

    from desktop.store.process import QUICK_SWITCH_S

    before = sys.getswitchinterval()
    seen: list[float] = []
    rows = [{"code": f"16.02.{i:02d}", "name": f"K{i}", "level": 3} for i in range(1, 30)]
    with UnitOfWork(services.database.engine, services.office.local_actor(), action="x") as uow:
        uow.bulk_insert(
            models.Region,
            rows,
            batch_size=10,
            progress=lambda _done, _total: seen.append(sys.getswitchinterval()),
        )
    assert seen and max(seen) <= QUICK_SWITCH_S
    assert sys.getswitchinterval() == before


def test_a_shared_setting_is_restored_by_the_last_holder_only() -> None:
    from desktop.store.process import SharedSetting

    state = {"value": "default"}

    def change() -> str:
        saved, state["value"] = state["value"], "changed"
        return saved

    def restore(saved: str) -> None:
        state["value"] = saved

    setting = SharedSetting(change, restore)
    with setting.held():
        assert state["value"] == "changed"
        with setting.held():
            assert state["value"] == "changed"
        assert state["value"] == "changed"  # the outer holder still needs it
    assert state["value"] == "default"
    with pytest.raises(RuntimeError), setting.held():
        raise RuntimeError
    assert state["value"] == "default"


def test_a_value_of_the_wrong_type_is_refused_when_sqlite_logs_the_load(
    services: AppServices,
) -> None:
    """SQLite would log "0120" given for an integer column as 120; Python as "0120"."""
    rows = _workers(3, "T")
    rows[0]["declared_income"] = "0120"
    before = _raw(services).execute("SELECT COUNT(*) FROM change_log").fetchone()
    with (
        pytest.raises(WriteRefused, match=r"worker.declared_income is given a str"),
        UnitOfWork(services.database.engine, services.office.local_actor(), action="x") as uow,
    ):
        uow.bulk_insert(models.Worker, rows, defer_indexes=True, total=3)
    assert _raw(services).execute("SELECT COUNT(*) FROM change_log").fetchone() == before
    assert services.health.check().sound


def test_a_failure_in_a_later_batch_of_a_deferred_load_rolls_everything_back(
    services: AppServices,
) -> None:
    """The second batch breaks a CHECK constraint after the first was written and logged by
    SQLite: nothing stays, and the dropped indexes and insert guard are back."""
    con = _raw(services)
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    before_schema = con.execute(schema).fetchall()
    before = con.execute("SELECT COUNT(*) FROM change_log").fetchone()
    rows = _workers(40, "F")
    rows[30]["sex"] = "X"
    from sqlalchemy.exc import IntegrityError

    with (
        pytest.raises(IntegrityError) as failed,
        UnitOfWork(services.database.engine, services.office.local_actor(), action="x") as uow,
    ):
        uow.bulk_insert(models.Worker, rows, batch_size=25, defer_indexes=True, total=40)
    assert "ck_worker_sex" in str(failed.value)
    assert "1602054209800030" not in str(failed.value)  # no NIK in the message
    assert con.execute("SELECT COUNT(*) FROM worker").fetchone() == (0,)
    assert con.execute("SELECT COUNT(*) FROM change_log").fetchone() == before
    assert con.execute(schema).fetchall() == before_schema
    assert services.health.check().sound
