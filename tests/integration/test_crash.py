"""A process killed in the middle of a big load leaves the database as it was."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop.services.app import AppServices

ROOT = Path(__file__).resolve().parents[2]


def test_killed_demo_load_rolls_back_on_next_open(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    assert subprocess.run(
        [sys.executable, "-m", "desktop", "init", "--db", str(db), "--office", "hub",
         "--region", "16.02", "--name", "Dinas"],
        cwd=ROOT, capture_output=True,
    ).returncode == 0  # fmt: skip
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM change_log").fetchone()
    load = subprocess.Popen(
        [sys.executable, "-m", "desktop", "demo", "--db", str(db), "--workers", "400000"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    journal = db.with_name(db.name + "-journal")
    wal = db.with_name(db.name + "-wal")
    # Kill it once the big load has started writing (its journal or WAL is growing).
    while time.monotonic() < deadline and load.poll() is None:
        if (journal.exists() and journal.stat().st_size > 0) or (
            wal.exists() and wal.stat().st_size > 4_000_000
        ):
            break
        time.sleep(0.05)
    time.sleep(1.0)
    assert load.poll() is None, "the load ended before it could be killed"
    load.send_signal(signal.SIGKILL)
    load.wait()

    services = AppServices.open(db)
    try:
        counts = services.health.counts()
        assert counts["worker"] == 0
        report = services.health.check()
        assert report.sound, [p.message for p in report.problems]
        assert report.journal_mode == "wal"
    finally:
        services.close()
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM change_log").fetchone() == before
