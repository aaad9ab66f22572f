"""Starting Sigap on a database from an older version, in a real window."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from desktop.store import database
from desktop.ui.app import open_services
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.old_database import make_old_database

pytestmark = REAL_DISPLAY


def test_an_old_database_opens_under_a_progress_dialog(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_old_database(tmp_path / "sigap.db")
    migrate = database.migrate

    def slow_migrate(engine: object) -> None:
        time.sleep(2)  # a big file's migration, long enough to see
        migrate(engine)  # type: ignore[arg-type]

    monkeypatch.setattr(database, "migrate", slow_migrate)
    seen: list[str] = []

    def look() -> None:
        dialogs = [w for w in qapp.topLevelWidgets() if isinstance(w, QProgressDialog)]
        seen.extend(d.labelText() for d in dialogs if d.isVisible())
        shoot(qtbot, "upgrade-progress")

    QTimer.singleShot(1500, look)
    services = open_services(path)
    assert services is not None
    assert seen == ["Memperbarui susunan basis data"]
    assert services.health.check().schema_revision == database.SCHEMA_HEAD
    services.close()
