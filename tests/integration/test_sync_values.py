"""A valid bundle of an enrolled laptop cannot store what the hub cannot read back: every
incoming value is checked against its column's type and limits while the bundle is
decoded (issue 17, item 3), and ``check`` finds such values if they are already stored."""

from __future__ import annotations

import io
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import run
from desktop.services.sync import SyncRefused
from tests.integration.sync_helpers import (
    Office,
)
from tests.integration.test_sync_adversarial import forge, laptop_change, refused, worker_of

BAD_VALUES: list[tuple[str, Any]] = [
    ("birth_date", "bukan tanggal"),
    ("birth_date", "2026-02-30"),
    ("birth_date", 19800101),
    ("name", {"nama": "objek JSON"}),
    ("name", ["daftar"]),
    ("name", "A" * 100_000),
    ("name", None),
    ("declared_income", "satu juta"),
    ("declared_income", 1.5),
    ("declared_income", True),
    ("declared_income", 2**63),
    ("coverage_start", "2026-13-01"),
    ("phone", 81234567890),
]


@pytest.mark.parametrize(
    ("column", "value"), BAD_VALUES, ids=[f"{c}={v!r}"[:40] for c, v in BAD_VALUES]
)
def test_a_value_of_the_wrong_type_or_size_is_refused_naming_the_field(
    network: tuple[Office, Office], tmp_path: Path, column: str, value: Any
) -> None:
    hub, a = network
    worker = worker_of(a)
    change = laptop_change(a, hub, "worker", worker, "update", {column: [None, value]})
    code = refused(hub, forge(a, hub, [change], tmp_path))
    assert code in {"sync.bad_value", "sync.manifest"}, code
    if code == "sync.bad_value":
        with pytest.raises(SyncRefused) as refusal:
            hub.receive(forge(a, hub, [change], tmp_path))
        message = str(refusal.value)
        assert f"kolom {column}" in message and "Peserta" in message and worker[-8:] in message
    # Nothing is stuck: the laptop's genuine bundle still arrives, and the hub reads all.
    assert hub.receive(a.export()).applied
    db = str(hub.app.path)
    for argv in (
        ["check", "--db", db],
        ["roster", "search", "--db", db, "a"],
        ["roster", "export", "--db", db, "--out", str(tmp_path / "semua.csv")],
    ):
        out, err = io.StringIO(), io.StringIO()
        assert run(argv, out, err) == 0, err.getvalue()


def test_a_value_in_range_is_accepted(network: tuple[Office, Office], tmp_path: Path) -> None:
    hub, a = network
    worker = worker_of(a)
    change = laptop_change(
        a, hub, "worker", worker, "update", {"address": [None, "Jl. Merdeka " + "x" * 280]}
    )
    assert hub.receive(forge(a, hub, [change], tmp_path)).applied


def test_check_finds_a_value_it_cannot_read(tmp_path: Path) -> None:
    db = tmp_path / "oki.db"
    out, err = io.StringIO(), io.StringIO()
    assert run(["demo", "--db", str(db), "--workers", "20"], out, err) == 0
    broken = tmp_path / "rusak.db"
    shutil.copy(db, broken)
    conn = sqlite3.connect(broken)
    (trigger,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'guard_worker_update'"
    ).fetchone()
    conn.execute("DROP TRIGGER guard_worker_update")
    conn.execute(
        "UPDATE worker SET birth_date = 'bukan tanggal' "
        "WHERE rowid = (SELECT min(rowid) FROM worker)"
    )
    conn.execute(trigger)
    conn.commit()
    conn.close()
    out, err = io.StringIO(), io.StringIO()
    assert run(["check", "--db", str(broken)], out, err) == 1
    assert "tidak dapat dibaca" in err.getvalue() and "birth_date" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert run(["check", "--db", str(db)], out, err) == 0, err.getvalue()
