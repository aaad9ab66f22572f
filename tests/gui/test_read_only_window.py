"""The window on a write-protected database: it says why, shows the data, offers nothing
that would write, and can switch to another file instead."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.ui import app as ui_app
from desktop.ui.main_window import MainWindow
from tests.gui.conftest import OFFICE_NAME, MessageBoxes
from tests.write_protect import closed_cleanly, write_protected


@pytest.fixture
def protected_db(tmp_path: Path) -> Iterator[Path]:
    db = tmp_path / "stick" / "oki.db"
    db.parent.mkdir()
    services = AppServices.open(db)
    services.office.set_up(kind=OfficeKind.HUB, region="16.02", name=OFFICE_NAME)
    services.demo.generate(workers=30, seed=1, year=2026)
    services.close()
    closed_cleanly(db)
    with write_protected(db):
        yield db


def test_opening_a_read_only_database_asks_and_then_shows_it_read_only(
    qtbot: QtBot, protected_db: Path, message_boxes: MessageBoxes
) -> None:
    services = ui_app.open_services(protected_db)
    assert services is not None
    shown = message_boxes.shown[-1]
    assert shown.title == "Basis data hanya-baca"
    assert "hanya dapat dibaca (read-only)" in shown.text
    assert shown.buttons == ["Lihat saja (hanya-baca)", "Pilih berkas lain…"]
    window = MainWindow(services)
    qtbot.addWidget(window)
    try:
        assert window.read_only_label.isVisibleTo(window)
        assert "read-only" in window.read_only_label.toolTip()
        for action in (
            window.sync_action,
            window.set_up_action,
            window.demo_action,
            window.import_regions_action,
            window.join_action,
        ):
            assert not action.isEnabled(), action.text()
        assert window.check_action.isEnabled()
        roster = window.roster_tab
        assert not roster.add_button.isEnabled()
        assert not roster.import_button.isEnabled()
        assert "read-only" in roster.add_button.toolTip()
        assert roster.export_button.isEnabled()
        qtbot.waitUntil(lambda: roster.model.rowCount() == 30, timeout=5000)
    finally:
        window.close()
        services.close()


def test_a_writable_database_shows_no_read_only_mark(
    qtbot: QtBot, office_services: AppServices
) -> None:
    window = MainWindow(office_services)
    qtbot.addWidget(window)
    assert not window.read_only_label.isVisibleTo(window)
    assert window.sync_action.isEnabled()
    assert window.roster_tab.add_button.isEnabled()


def test_choosing_another_file_instead_of_read_only(
    qtbot: QtBot,
    protected_db: Path,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path / "lain.db"
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # "Pilih berkas lain…"
    monkeypatch.setattr(ui_app.QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(other), ""))
    services = ui_app.open_services(protected_db)
    assert services is not None
    try:
        assert services.path == other
        assert services.read_only is None
    finally:
        services.close()
