"""Starting the application: language choice, the English translation, refused databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.app import open_services, run_gui
from desktop.ui.i18n import chosen_language, install_translator, number
from desktop.ui.main_window import MainWindow
from tests.old_database import make_old_database


@pytest.mark.parametrize(
    ("env", "ui_languages", "expected"),
    [
        ({}, ["id-ID"], "id"),
        ({}, ["en-US", "id-ID"], "en"),
        ({}, ["de-DE", "en-GB"], "en"),
        ({}, ["C"], "id"),
        ({"SIGAP_LANG": "en"}, ["id-ID"], "en"),
        ({"SIGAP_LANG": "id"}, ["en-GB"], "id"),
        ({"SIGAP_LANG": "fr"}, ["en-GB"], "id"),
    ],
)
def test_language_choice(env, ui_languages, expected):
    assert chosen_language(env, ui_languages) == expected


def test_english_translation_loads(
    qtbot: QtBot, qapp: QApplication, office_services: AppServices, monkeypatch
):
    monkeypatch.setenv("SIGAP_LANG", "en")
    translator = install_translator(qapp, chosen_language())
    assert translator is not None
    try:
        window = MainWindow(office_services)
        qtbot.addWidget(window)
        assert window.open_action.text() == "&Open database…"
        assert [window.tabs.tabText(i) for i in range(3)] == ["&Workers", "&Claims", "&Reports"]
        assert window.office_label.text().endswith(" · Regency office (hub)")
        assert window.db_label.text() == "Database: x.db"
        assert window.reports_tab.table.item(1, 0).text() == "Workers"
        assert number(2000) == "2,000"
    finally:
        qapp.removeTranslator(translator)


def test_qt_own_strings_are_indonesian(qtbot: QtBot, qapp: QApplication):
    translator = install_translator(qapp, "id")
    assert translator is not None
    try:
        field = QLineEdit()
        qtbot.addWidget(field)
        menu = field.createStandardContextMenu()
        texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
        assert "T&empel" in texts and "Pilih semua" in texts
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
        assert number(2000) == "2.000"
    finally:
        qapp.removeTranslator(translator)


def test_a_refused_database_is_explained(tmp_path: Path, message_boxes):
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"PK\x03\x04 ini arsip zip")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole

    assert open_services(junk) is None

    shown = message_boxes.shown[0]
    assert shown.text == (
        f"Berkas {junk} bukan basis data Sigap. Pilih berkas .db yang dibuat oleh Sigap."
    )
    assert shown.buttons == ["Pilih berkas lain…", "Keluar"]


def test_another_file_can_be_chosen_after_a_refusal(
    tmp_path: Path, message_boxes, monkeypatch: pytest.MonkeyPatch
):
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"PK\x03\x04 ini arsip zip")
    good = tmp_path / "baik.db"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    AppServices.open(good).close()

    services = open_services(junk)

    assert services is not None
    try:
        assert services.path == good
    finally:
        services.close()


def test_run_gui_opens_the_window_and_offers_the_welcome(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SIGAP_DB", str(tmp_path / "baru.db"))
    seen = {}

    def look_and_quit():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen["titles"] = [w.windowTitle() for w in windows if w.isVisible()]
        seen["welcome"] = [w.welcome_dialog is not None for w in windows if w.isVisible()]
        for window in windows:
            if window.welcome_dialog is not None:
                window.welcome_dialog.reject()
            window.close()  # the last window: exec() returns (an extra quit() would linger)

    QTimer.singleShot(300, look_and_quit)
    assert run_gui(None, []) == 0
    assert seen == {"titles": ["Sigap — kantor belum disiapkan"], "welcome": [True]}
    assert (tmp_path / "baru.db").exists()


def test_an_old_database_is_upgraded_in_the_background(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Backing up and migrating a big old file takes minutes: the GUI thread stays free
    (the progress dialog is shown and painted) while a pool thread does it."""
    import threading

    from desktop.store.database import SCHEMA_HEAD
    from desktop.ui.app import open_with_progress

    path = make_old_database(tmp_path / "lama.db")
    assert AppServices.needs_upgrade(path)
    seen: list[tuple[str, str]] = []
    original = AppServices.open.__func__  # type: ignore[attr-defined]

    def watched(cls, path, *, create=True, progress=None):  # type: ignore[no-untyped-def]
        def record(done: int, total: int, stage: str) -> None:
            seen.append((threading.current_thread().name, stage))
            if progress is not None:
                progress(done, total, stage)

        return original(cls, path, create=create, progress=record)

    monkeypatch.setattr(AppServices, "open", classmethod(watched))
    services = open_with_progress(path, create=True, parent=None)
    try:
        assert [stage for _thread, stage in seen] == [
            "Membuat cadangan basis data",
            "Memperbarui susunan basis data",
        ]
        assert all(thread != threading.main_thread().name for thread, _stage in seen)
        assert services.health.check().schema_revision == SCHEMA_HEAD
        assert list(tmp_path.glob("lama.backup-schema0001-*.db"))
        assert not AppServices.needs_upgrade(path)
    finally:
        services.close()


def test_a_failed_upgrade_reaches_the_caller(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.domain.findings import DomainError, Finding
    from desktop.store import database
    from desktop.ui.app import open_with_progress

    path = make_old_database(tmp_path / "lama.db")

    def broken(_engine: object) -> None:
        raise database.DatabaseUnusable(Finding.error("db.test", "Gagal memperbarui."))

    monkeypatch.setattr(database, "migrate", broken)
    with pytest.raises(DomainError, match="Gagal memperbarui"):
        open_with_progress(path, create=True, parent=None)
    assert AppServices.needs_upgrade(path)  # the file is as it was
