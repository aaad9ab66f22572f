"""Berkas → Buka data contoh… does what the welcome's "Buka data contoh" does (issue 18,
item 8): demo data goes into a separate file, made and filled on first use, opened as is
later; the database the clerk works in is never touched; the status bar names the file."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.dialogs.demo import DemoDialog
from desktop.ui.jobs import Job
from desktop.ui.main_window import MainWindow


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[DemoDialog]:
    """The demo dialog answered with 50 workers instead of waiting for a click."""
    dialogs: list[DemoDialog] = []

    def answer(dialog: DemoDialog) -> int:
        dialogs.append(dialog)
        dialog.workers_spin.setValue(50)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(DemoDialog, "exec", answer)
    return dialogs


def test_the_menu_opens_a_separate_demo_file_and_leaves_the_work_alone(
    qtbot: QtBot, services: AppServices, asked: list[DemoDialog]
) -> None:
    services.demo.generate(workers=20, seed=3)  # the office's own work, not empty
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    assert window.demo_action.text() == "Buka data &contoh…"

    window.demo_action.trigger()
    qtbot.waitUntil(lambda: not Job.running(), timeout=60_000)

    assert [d.path for d in asked] == [services.path.with_name("x-contoh.db")]
    assert window.services.path.name == "x-contoh.db"
    assert window.db_label.text() == "Basis data: x-contoh.db"
    assert window.statusBar().currentMessage() == (
        "Data contoh dimuat ke x-contoh.db: 50 peserta dan 0 klaim."
    )
    qtbot.waitUntil(lambda: window.roster_tab.model.rowCount() == 50, timeout=5000)
    original = AppServices.open(services.path)
    try:
        assert original.health.counts()["worker"] == 20
    finally:
        original.close()
    window.roster_tab.wait_for_queries()


def test_the_menu_reopens_demo_data_made_earlier(
    qtbot: QtBot, services: AppServices, asked: list[DemoDialog]
) -> None:
    made = AppServices.open(services.path.with_name("x-contoh.db"))
    made.demo.generate(workers=30, seed=3)
    made.close()
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()

    window.demo_action.trigger()

    assert Job.running() == []  # nothing made again
    assert window.services.path.name == "x-contoh.db"
    assert window.statusBar().currentMessage() == (
        "Basis data contoh x-contoh.db dibuka; data contoh di dalamnya dipakai lagi."
    )
    assert window.roster_tab.workers_card.value_label.text() == "30"
    window.roster_tab.wait_for_queries()
