"""Sync in real windows on a real X display: a hub and a kecamatan laptop, one USB stick.

The kabupaten office (the hub, demo data) enrols a kecamatan; a new laptop joins with the
enrolment file and the one-time code; both offices change the same worker's phone; the
laptop's bundle brings a conflict to the hub, the admin settles it there, and the hub's
bundle brings the decision back. Every step is done with clicks and typing in the windows;
only the file dialogs are answered by the test.

On the way the hub's clerk enters one person twice (the Data ganda tab lists the pair) and
a damaged copy of the laptop's bundle is refused (the Perangkat tab says so). At every
screenshot the dialog on the screen must fit it (less a taskbar) with nothing cut.

Not part of the default run (pyproject ignores tests/e2e). Run it on Xvfb, once per screen::

    Xvfb :105 -screen 0 1366x768x24 &
    Xvfb :106 -screen 0 1920x1080x24 &
    DISPLAY=:105 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest tests/e2e/test_sync_screens.py \
        -o addopts="" -q
    DISPLAY=:106 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest tests/e2e/test_sync_screens.py \
        -o addopts="" -q

The PNGs land in docs/screenshots/sync-*.png, sync-*-1920.png on the big screen
(``SIGAP_SCREENSHOTS`` chooses another folder).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCursor, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.jobs import Job
from desktop.ui.main_window import MainWindow
from desktop.ui.sync import JoinDialog, SyncDialog, drives
from desktop.ui.sync.enroll import PAGE_CODE, EnrollDialog
from desktop.ui.sync.join import PAGE_DONE
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.gui.fit import assert_fits, assert_nothing_cut

CODE = re.compile(r"^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")
JOB_TIMEOUT = 60_000
LAPTOP_PHONE = "081234567801"
HUB_PHONE = "085277889900"

pytestmark = REAL_DISPLAY


@pytest.fixture
def stick(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A USB stick "plugged in" to both computers: a short folder that Sigap lists as a drive."""
    folder = Path(tempfile.mkdtemp(prefix="sigap-")) / "FLASHDISK"
    folder.mkdir()
    plugged = [drives.Drive(folder, "FLASHDISK", 7_300 * 1024**2, 7_450 * 1024**2)]
    monkeypatch.setattr(drives, "removable_drives", lambda: list(plugged))
    yield folder
    assert Job.cancel_all_and_wait(10_000)
    shutil.rmtree(folder.parent, ignore_errors=True)


# ---- driving the windows ---------------------------------------------------------------------


def big_screen() -> bool:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.geometry().width() > 1366


def photo(qtbot: QtBot, name: str) -> None:
    """Check that the window in front fits the screen less a taskbar and cuts no text, then
    photograph the screen (``<name>.png``; ``<name>-1920.png`` on the big screen)."""
    front = QApplication.activeModalWidget() or QApplication.activeWindow()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, QDialog)]
    dialog: QWidget | None = front if isinstance(front, QDialog) else (shown[-1] if shown else None)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    QCursor.setPos(screen.availableGeometry().bottomRight())  # no hover look
    if dialog is not None:
        qtbot.waitExposed(dialog)
        frame = dialog.frameGeometry()
        assert screen.availableGeometry().contains(frame), f"{name}: {frame} leaves the screen"
        if big_screen():
            assert_fits(dialog, 1920, 1040)
        else:
            assert_fits(dialog)
        assert_nothing_cut(dialog)
    shoot(qtbot, f"{name}-1920" if big_screen() else name)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not Job.running(), timeout=JOB_TIMEOUT)


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), _plain(button.text())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose_menu(qtbot: QtBot, window: MainWindow, title: str, action: QAction) -> None:
    """Click a menu of the menu bar, then one of its entries."""
    bar = window.menuBar()
    entry = next(a for a in bar.actions() if _plain(a.text()) == title)
    menu = entry.menu()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(entry).center())
    qtbot.waitUntil(menu.isVisible)
    assert action in menu.actions() and action.isEnabled()
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: not menu.isVisible())


def open_sync(qtbot: QtBot, window: MainWindow) -> SyncDialog:
    choose_menu(qtbot, window, "Sinkronisasi", window.sync_action)
    qtbot.waitUntil(lambda: window.sync_dialog is not None and window.sync_dialog.isVisible())
    dialog = window.sync_dialog
    assert isinstance(dialog, SyncDialog)
    qtbot.waitExposed(dialog)
    return dialog


def click_tab(qtbot: QtBot, dialog: SyncDialog, name: str) -> None:
    index = dialog.tab_index(name)
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def close_sync(qtbot: QtBot, window: MainWindow, dialog: SyncDialog) -> None:
    click(qtbot, dialog.close_button)
    qtbot.waitUntil(lambda: window.sync_dialog is None)


def button_named(dialog: QDialog, text: str) -> QPushButton:
    return next(
        b for b in dialog.findChildren(QPushButton) if _plain(b.text()) == text and b.isVisible()
    )


def switch_to(qtbot: QtBot, leaving: MainWindow | None, coming: MainWindow) -> None:
    """Walk from one computer to the other: only one window on the screen at a time."""
    if leaving is not None:
        leaving.hide()
    if coming.property("shown_once"):
        coming.show()
    else:  # as Sigap opens its window: sized to the screen
        coming.setProperty("shown_once", True)
        coming.show_on_screen()
    coming.raise_()
    coming.activateWindow()
    qtbot.waitExposed(coming)


# ---- reading the databases -------------------------------------------------------------------


def _query(services: AppServices, sql: str, *args: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(services.path)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def phone_of(services: AppServices, worker_id: str) -> object:
    [(phone,)] = _query(services, "SELECT phone FROM worker WHERE id = ?", worker_id)
    return phone


# ---- the walk-through --------------------------------------------------------------------------


def test_enrol_join_send_conflict_settle_and_back(
    qtbot: QtBot,
    tmp_path: Path,
    stick: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_blocking_message_boxes: list[str],
) -> None:
    chosen_file: list[Path] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(chosen_file[-1]), ""))

    # ---- 1. the hub enrols a kecamatan ---------------------------------------------------------
    (tmp_path / "kabupaten").mkdir()
    hub_services = AppServices.open(tmp_path / "kabupaten" / "sigap.db")
    hub_services.demo.generate(workers=2_000, seed=1, year=2026)
    hub_info = hub_services.office.require_info()
    hub_actor = hub_services.office.local_actor()
    [(district, district_workers)] = _query(
        hub_services,
        "SELECT district_code, count(*) FROM worker WHERE deleted = 0 "
        "GROUP BY district_code ORDER BY 2 DESC, 1 LIMIT 1",
    )
    assert int(district_workers) > 50

    hub = MainWindow(hub_services)
    qtbot.addWidget(hub)
    switch_to(qtbot, None, hub)
    dialog = open_sync(qtbot, hub)
    assert dialog.devices_tab is not None
    click_tab(qtbot, dialog, "devices")
    assert dialog.devices_tab.model.rowCount() == 0
    click(qtbot, dialog.devices_tab.enroll_button)
    enroll = dialog.devices_tab.enroll_dialog
    assert isinstance(enroll, EnrollDialog)
    qtbot.waitExposed(enroll)
    combo = enroll.district_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    while combo.currentData() != district:  # down the list, as with the arrow key
        assert combo.currentIndex() < combo.count() - 1, f"{district} is not offered"
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    district_name = enroll.name_edit.text()
    assert district_name.startswith("Kecamatan ")
    enrolment = stick / f"pendaftaran-{district}.sigap"
    assert enroll.path_edit.text() == str(enrolment)  # the stick is proposed
    photo(qtbot, "sync-01-daftarkan-kecamatan")

    click(qtbot, enroll.create_button)
    qtbot.waitUntil(lambda: enroll.pages.currentIndex() == PAGE_CODE, timeout=JOB_TIMEOUT)
    _idle(qtbot)
    code = enroll.code_label.text()
    assert CODE.fullmatch(code)
    assert enrolment.is_file()
    assert enroll.done_title.text() == f"{district_name} sudah didaftarkan"
    assert str(enrolment) in enroll.file_label.text()
    assert "data kecamatan di dalamnya" in enroll.file_label.text()
    photo(qtbot, "sync-02-kode-pendaftaran")
    click(qtbot, button_named(enroll, "Selesai"))
    qtbot.waitUntil(lambda: dialog.devices_tab.enroll_dialog is None)
    assert dialog.devices_tab.proxy.index(0, 3).data() == "Menunggu paket pertama"
    close_sync(qtbot, hub, dialog)

    # ---- 2. a new laptop joins -------------------------------------------------------------------
    (tmp_path / "kecamatan").mkdir()
    laptop_services = AppServices.open(tmp_path / "kecamatan" / "sigap.db")
    laptop = MainWindow(laptop_services)
    qtbot.addWidget(laptop)
    switch_to(qtbot, hub, laptop)
    laptop.show_welcome()  # what run_gui does for a database without an office
    welcome = laptop.welcome_dialog
    assert welcome is not None
    qtbot.waitExposed(welcome)
    click(qtbot, welcome.join_button)
    qtbot.waitUntil(lambda: laptop.join_dialog is not None and laptop.join_dialog.isVisible())
    join = laptop.join_dialog
    assert isinstance(join, JoinDialog)
    chosen_file.append(enrolment)
    click(qtbot, join.choose_button)
    assert join.file_edit.text() == str(enrolment)
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    qtbot.keyClicks(join.code_edit, wrong.lower())
    assert join.code_hint.text() == "Kode lengkap."
    click(qtbot, join.join_button)
    qtbot.waitUntil(join.error_label.isVisible, timeout=JOB_TIMEOUT)
    _idle(qtbot)
    assert join.error_label.text().startswith("Kode sekali pakai tidak cocok")
    assert laptop_services.office.info() is None
    photo(qtbot, "sync-03-bergabung-kode-salah")

    join.code_edit.selectAll()
    qtbot.keyClicks(join.code_edit, code.replace("-", " "))
    click(qtbot, join.join_button)
    qtbot.waitUntil(lambda: join.pages.currentIndex() == PAGE_DONE, timeout=JOB_TIMEOUT)
    _idle(qtbot)
    laptop_info = laptop_services.office.require_info()
    assert laptop_info.region_code == district
    assert join.done_title.text() == f"Laptop ini sekarang {laptop_info.name}"
    assert "Sidik kunci kantor kabupaten:" in join.done_label.text()
    photo(qtbot, "sync-04-bergabung-selesai")
    click(qtbot, button_named(join, "Selesai"))
    qtbot.waitUntil(lambda: laptop.join_dialog is None)
    assert laptop.welcome_dialog is None

    roster = laptop.roster_tab
    assert roster.wait_for_queries()
    qtbot.waitUntil(lambda: roster.model.rowCount() == district_workers, timeout=JOB_TIMEOUT)
    assert laptop.windowTitle() == f"Sigap — {laptop_info.name}"
    assert _query(
        laptop_services, "SELECT DISTINCT district_code FROM worker WHERE deleted = 0"
    ) == [(district,)]
    photo(qtbot, "sync-05-laptop-peserta")

    # ---- 3. both offices change the same phone; the laptop sends ---------------------------------
    [(worker,)] = _query(
        laptop_services, "SELECT id FROM worker WHERE deleted = 0 ORDER BY name, id LIMIT 1"
    )
    laptop_actor = laptop_services.office.local_actor()
    assert laptop_services.workers.update(laptop_actor, worker, {"phone": LAPTOP_PHONE})
    assert hub_services.workers.update(hub_actor, worker, {"phone": HUB_PHONE})
    # The hub's clerk enters that person again, under a mistyped NIK.
    record = hub_services.workers.get(worker).values()
    twin_values = {
        k: record[k] for k in ("name", "sex", "birth_date", "village_code", "category", "position")
    }
    twin_values["nik"] = str(record["nik"])[:12] + (
        "9876" if record["nik"][-4:] != "9876" else "9875"
    )
    twin = hub_services.workers.create(hub_actor, twin_values)

    dialog = open_sync(qtbot, laptop)
    exchange = dialog.exchange_tab
    assert dialog.devices_tab is None
    assert exchange.peer_label.text() == hub_info.name
    assert exchange.target() == stick
    click(qtbot, exchange.export_button)
    qtbot.waitUntil(lambda: "aman dicabut" in exchange.export_result.text(), timeout=JOB_TIMEOUT)
    _idle(qtbot)
    [sent] = exchange.last_exports
    assert sent.path.parent == stick and sent.path.is_file()
    assert sent.path.name in exchange.export_result.text()
    assert dialog.fact_labels["last_export"].text() != "belum ada"
    photo(qtbot, "sync-06-laptop-kirim")
    close_sync(qtbot, laptop, dialog)

    # ---- 4. the hub receives: one conflict, settled with the laptop's value ------------------
    switch_to(qtbot, laptop, hub)
    dialog = open_sync(qtbot, hub)
    exchange = dialog.exchange_tab
    chosen_file.append(sent.path)
    click(qtbot, exchange.choose_bundle_button)
    qtbot.waitUntil(exchange.summary.isVisible, timeout=JOB_TIMEOUT)
    _idle(qtbot)
    counts = {key: label.text() for key, label in exchange.count_labels.items()}
    assert counts["conflicts"] == "1", counts
    assert counts["duplicates"] == "0", counts
    assert exchange.source_label.text().startswith(f"Dari {laptop_info.name}")
    assert "menunggu keputusan Anda di tab Konflik" in exchange.preview_note.text()
    assert phone_of(hub_services, worker) == HUB_PHONE  # a preview changes nothing
    photo(qtbot, "sync-07-hub-pratinjau")

    with qtbot.waitSignal(dialog.dataChanged, timeout=JOB_TIMEOUT):
        click(qtbot, exchange.apply_button)
    _idle(qtbot)
    assert "sudah diterapkan" in exchange.import_result.text()
    assert "1 konflik dan 0 kemungkinan data ganda" in exchange.import_result.text()
    assert _plain(dialog.tabs.tabText(dialog.tab_index("conflicts"))) == "Konflik (1)"
    assert not exchange.apply_button.isEnabled()
    assert "10 salinan terakhir dan yang pertama tiap bulan" in exchange.import_result.text()
    assert exchange.backups_button.isVisible()
    photo(qtbot, "sync-08-hub-diterapkan")

    click(qtbot, exchange.review_button)
    conflicts = dialog.conflicts_tab
    assert dialog.tabs.currentWidget() is conflicts
    assert conflicts.proxy.rowCount() == 1
    assert conflicts.detail_title.text().endswith("— kolom No. HP")
    sides = {
        conflicts.winner_card.value_label.text(): conflicts.winner_card,
        conflicts.loser_card.value_label.text(): conflicts.loser_card,
    }
    assert set(sides) == {LAPTOP_PHONE, HUB_PHONE}
    other = conflicts.loser_card
    kept = other.value_label.text()
    assert phone_of(hub_services, worker) == conflicts.winner_card.value_label.text()
    photo(qtbot, "sync-09-hub-konflik")

    with qtbot.waitSignal(dialog.dataChanged):
        click(qtbot, other.keep_button)
    assert conflicts.pages.currentWidget() is conflicts.empty_label
    assert _plain(dialog.tabs.tabText(dialog.tab_index("conflicts"))) == "Konflik"
    assert hub_services.sync.conflicts(hub_actor) == []
    assert phone_of(hub_services, worker) == kept
    assert "selesai diputuskan" not in exchange.import_result.text()  # the pair still waits
    photo(qtbot, "sync-10-hub-konflik-selesai")

    # The pair the hub's clerk made is in the hub's own Data ganda tab.
    assert _plain(dialog.tabs.tabText(dialog.tab_index("duplicates"))) == "Data ganda (1)"
    click_tab(qtbot, dialog, "duplicates")
    pair = dialog.duplicates_tab.current()
    assert pair is not None and {pair.first["id"], pair.second["id"]} == {worker, twin}
    photo(qtbot, "sync-13-hub-data-ganda")

    # A damaged copy of the laptop's bundle is refused; Perangkat says so.
    damaged = stick / f"rusak-{sent.path.name}"
    data = bytearray(sent.path.read_bytes())
    data[-100] ^= 0xFF
    damaged.write_bytes(bytes(data))
    click_tab(qtbot, dialog, "exchange")
    chosen_file.append(damaged)
    click(qtbot, exchange.choose_bundle_button)
    qtbot.waitUntil(lambda: bool(exchange.import_result.text()), timeout=JOB_TIMEOUT)
    _idle(qtbot)
    assert "ditolak" in exchange.import_result.text()
    photo(qtbot, "sync-14-hub-paket-ditolak")
    assert dialog.devices_tab is not None
    click_tab(qtbot, dialog, "devices")
    dialog.reload()
    devices = dialog.devices_tab
    column = next(
        c
        for c in range(devices.model.columnCount())
        if devices.model.headerData(c, Qt.Orientation.Horizontal) == "Paket ditolak"
    )
    assert devices.proxy.index(0, column).data() != "tidak ada"
    photo(qtbot, "sync-15-hub-perangkat-ditolak")

    # ---- 5. the hub sends back; the laptop applies the decision --------------------------------
    click_tab(qtbot, dialog, "exchange")
    assert exchange.peer_label.text().startswith(district_name)
    assert exchange.target() == stick
    click(qtbot, exchange.export_button)
    qtbot.waitUntil(lambda: "aman dicabut" in exchange.export_result.text(), timeout=JOB_TIMEOUT)
    _idle(qtbot)
    [back] = exchange.last_exports
    assert back.path.parent == stick and back.path.is_file()
    close_sync(qtbot, hub, dialog)

    switch_to(qtbot, hub, laptop)
    dialog = open_sync(qtbot, laptop)
    exchange = dialog.exchange_tab
    chosen_file.append(back.path)
    click(qtbot, exchange.choose_bundle_button)
    qtbot.waitUntil(exchange.summary.isVisible, timeout=JOB_TIMEOUT)
    _idle(qtbot)
    assert exchange.source_label.text().startswith(f"Dari {hub_info.name}")
    assert exchange.count_labels["duplicates"].text() == "1"
    with qtbot.waitSignal(dialog.dataChanged, timeout=JOB_TIMEOUT):
        click(qtbot, exchange.apply_button)
    _idle(qtbot)
    assert "sudah diterapkan" in exchange.import_result.text()
    photo(qtbot, "sync-11-laptop-terima")

    click_tab(qtbot, dialog, "conflicts")
    assert dialog.conflicts_tab.pages.currentWidget() is dialog.conflicts_tab.empty_label
    assert _plain(dialog.tabs.tabText(dialog.tab_index("conflicts"))) == "Konflik"
    assert laptop_services.sync.conflicts(laptop_actor) == []
    assert phone_of(laptop_services, worker) == phone_of(hub_services, worker) == kept
    photo(qtbot, "sync-12-laptop-konflik-kosong")
    click_tab(qtbot, dialog, "duplicates")
    pair = dialog.duplicates_tab.current()
    assert pair is not None and {pair.first["id"], pair.second["id"]} == {worker, twin}
    photo(qtbot, "sync-16-laptop-data-ganda")
    close_sync(qtbot, laptop, dialog)
    assert no_blocking_message_boxes == []

    laptop.close()
    hub.close()
