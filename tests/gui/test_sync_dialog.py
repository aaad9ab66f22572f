"""The Sinkronisasi screens driven as an admin would: a hub and a kecamatan laptop."""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.jobs import Job
from desktop.ui.main_window import MainWindow
from desktop.ui.sync import JoinDialog, SyncDialog, drives
from desktop.ui.sync.enroll import PAGE_CODE, EnrollDialog
from desktop.ui.sync.join import PAGE_DONE
from tests.gui.conftest import MessageBoxes
from tests.integration.sync_helpers import (
    Office,
    districts_with_workers,
    enrolled_apart,
    join_kecamatan,
    make_hub,
)

CODE = re.compile(r"^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$")
JOB_TIMEOUT = 20_000


@pytest.fixture(autouse=True)
def no_sticks(monkeypatch: pytest.MonkeyPatch) -> list[drives.Drive]:
    """No USB stick unless a test plugs one in (append a Drive to the returned list)."""
    plugged: list[drives.Drive] = []
    monkeypatch.setattr(drives, "removable_drives", lambda: list(plugged))
    return plugged


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    """A hub with demo data and one kecamatan laptop joined to it (keys pinned both ways)."""
    hub = make_hub(tmp_path / "net", workers=40)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path / "net", district, "kec-a")
    yield hub, laptop
    laptop.close()
    hub.close()


def _dialog(qtbot: QtBot, office: Office) -> SyncDialog:
    dialog = SyncDialog(office.app)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _idle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not Job.running(), timeout=JOB_TIMEOUT)


def _worker_in(office: Office) -> str:
    district = office.app.office.require_info().region_code
    conn = sqlite3.connect(office.app.path)
    try:
        row = conn.execute(
            "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 ORDER BY id LIMIT 1",
            (district,),
        ).fetchone()
        return str(row[0])
    finally:
        conn.close()


def _value(office: Office, worker_id: str, column: str) -> Any:
    conn = sqlite3.connect(office.app.path)
    try:
        return conn.execute(f"SELECT {column} FROM worker WHERE id = ?", (worker_id,)).fetchone()[0]
    finally:
        conn.close()


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _device_row(dialog: SyncDialog, name: str) -> int:
    tab = dialog.devices_tab
    assert tab is not None
    for row in range(tab.proxy.rowCount()):
        if tab.proxy.index(row, 1).data() == name:
            return row
    raise AssertionError(f"{name} not in the devices list")


# ---- the window's hooks ------------------------------------------------------------------------


def test_the_sync_menu_opens_one_dialog(qtbot: QtBot, office_services: AppServices) -> None:
    window = MainWindow(office_services)
    qtbot.addWidget(window)
    window.show()
    menus = {
        _plain(action.text()): action.menu()
        for action in window.menuBar().actions()
        if isinstance(action.menu(), QMenu)
    }
    assert list(menus) == ["Berkas", "Sinkronisasi", "Pengaturan", "Bantuan"]
    sync_actions = [
        _plain(a.text()) for a in menus["Sinkronisasi"].actions() if not a.isSeparator()
    ]
    assert sync_actions == ["Sinkronisasi…", "Bergabung dengan kantor kabupaten…"]
    file_actions = [_plain(a.text()) for a in menus["Berkas"].actions() if not a.isSeparator()]
    assert file_actions[2:4] == ["Siapkan kantor…", "Bergabung dengan kantor kabupaten…"]
    assert window.sync_action.isEnabled() and not window.join_action.isEnabled()

    window.sync_action.trigger()
    first = window.sync_dialog
    assert isinstance(first, SyncDialog) and first.isVisible()
    assert [_plain(first.tabs.tabText(i)) for i in range(first.tabs.count())] == [
        "Kirim & Terima",
        "Konflik",
        "Data ganda",
        "Perangkat",
    ]
    assert first.devices_tab is not None and first.devices_tab.model.rowCount() == 0
    window.sync_action.trigger()
    assert window.sync_dialog is first  # brought to the front, not opened twice
    first.reject()
    assert window.sync_dialog is None


# ---- Kirim & Terima ------------------------------------------------------------------------


def test_export_to_a_stick_says_it_is_safe_to_remove(
    qtbot: QtBot, network: tuple[Office, Office], tmp_path: Path, no_sticks: list[drives.Drive]
) -> None:
    hub, laptop = network
    stick = tmp_path / "FLASHDISK"
    stick.mkdir()
    no_sticks.append(drives.Drive(stick, "FLASHDISK", 3 * 1024**3, 8 * 1024**3))
    laptop.app.workers.update(laptop.actor, _worker_in(laptop), {"phone": "081234567890"})
    dialog = _dialog(qtbot, laptop)
    tab = dialog.exchange_tab
    assert _plain(dialog.tabs.tabText(0)) == "Kirim & Terima"
    assert dialog.devices_tab is None  # the devices list is the hub's
    assert tab.drive_list.currentItem().text().replace("\u00a0", " ") == (
        f"FLASHDISK ({stick}) — kosong 3,0 GB dari 8,0 GB"
    )
    assert tab.peer_label.text() == hub.app.office.require_info().name  # the only peer

    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "aman dicabut" in tab.export_result.text(), timeout=JOB_TIMEOUT)

    [bundle] = list(stick.glob("*.sigap"))
    assert not list(stick.glob("*.partial"))
    assert bundle.name in tab.export_result.text()
    assert "perubahan" in tab.export_result.text()
    assert dialog.fact_labels["last_export"].text() != "belum ada"


def test_export_to_a_chosen_folder(
    qtbot: QtBot,
    network: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub, _laptop = network
    folder = tmp_path / "kiriman"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    dialog = _dialog(qtbot, hub)
    tab = dialog.exchange_tab
    assert not tab.export_button.isEnabled()  # no stick, no folder yet
    assert tab.drive_list.item(0).text().startswith("Tidak ada flashdisk terpasang")

    qtbot.mouseClick(tab.choose_folder_button, Qt.MouseButton.LeftButton)
    assert tab.target() == folder
    assert tab.export_button.isEnabled()
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "aman dicabut" in tab.export_result.text(), timeout=JOB_TIMEOUT)
    assert len(list(folder.glob("*.sigap"))) == 1


def test_import_shows_a_summary_before_anything_changes(
    qtbot: QtBot,
    network: tuple[Office, Office],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub, laptop = network
    worker = _worker_in(laptop)
    before = _value(hub, worker, "phone")
    laptop.app.workers.update(laptop.actor, worker, {"phone": "081298765432"})
    bundle = laptop.export()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    # The bundle is decrypted and staged once, for the preview and the apply together.
    reads: list[Path] = []
    receive = hub.app.sync.receive
    monkeypatch.setattr(hub.app.sync, "receive", lambda path: reads.append(path) or receive(path))
    window = MainWindow(hub.app)
    qtbot.addWidget(window)
    window.show()
    assert window.sync_action.shortcut() == QKeySequence("Ctrl+Shift+S")
    window.sync_action.trigger()
    dialog = window.sync_dialog
    assert dialog is not None and dialog.isVisible()
    tab = dialog.exchange_tab

    qtbot.mouseClick(tab.choose_bundle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.summary.isVisible(), timeout=JOB_TIMEOUT)
    counts = {key: label.text() for key, label in tab.count_labels.items()}
    assert counts["changed_rows"] == "1"
    assert counts["new_rows"] == "0"
    assert counts["conflicts"] == "0"
    assert counts["duplicates"] == "0"
    assert tab.source_label.text().startswith(f"Dari {laptop.app.office.require_info().name}")
    assert tab.per_table.item(0, 0).text() == "Peserta"
    assert _value(hub, worker, "phone") == before  # a preview changes nothing
    assert tab.apply_button.isEnabled()

    with qtbot.waitSignal(dialog.dataChanged, timeout=JOB_TIMEOUT):
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    _idle(qtbot)
    assert "sudah diterapkan: 0 ditambahkan, 1 diperbarui, 0 tidak berubah." in (
        tab.import_result.text()
    )
    assert _value(hub, worker, "phone") == "081298765432"
    assert not tab.apply_button.isEnabled()
    assert reads == [bundle]
    work = hub.app.sync.work_dir
    assert not list(work.glob("stage-*")) and not list(work.glob("fetch-*"))

    # The same stick again: recognised, nothing to apply.
    qtbot.mouseClick(tab.choose_bundle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.summary.isVisible(), timeout=JOB_TIMEOUT)
    assert "sudah pernah diimpor" in tab.preview_note.text()
    assert not tab.apply_button.isEnabled()
    dialog.reject()
    assert window.sync_dialog is None


def test_a_bundle_for_another_office_is_refused_in_plain_words(
    qtbot: QtBot, network: tuple[Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = network
    bundle = hub.export(peer=laptop.app.office.require_info().device_id)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    dialog = _dialog(qtbot, hub)  # the hub opens its own bundle for the laptop
    tab = dialog.exchange_tab
    qtbot.mouseClick(tab.choose_bundle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.import_result.text()), timeout=JOB_TIMEOUT)
    assert "ditujukan ke perangkat lain" in tab.import_result.text()
    assert not tab.summary.isVisible()
    assert not tab.apply_button.isEnabled()


# ---- Konflik ---------------------------------------------------------------------------------


def test_a_conflict_is_shown_with_both_sides_and_settled(
    qtbot: QtBot, network: tuple[Office, Office]
) -> None:
    hub, laptop = network
    worker = _worker_in(laptop)
    laptop.app.workers.update(laptop.actor, worker, {"phone": "081111111111"})
    hub.app.workers.update(hub.actor, worker, {"phone": "082222222222"})
    hub.receive(laptop.export())
    dialog = _dialog(qtbot, hub)
    tab = dialog.conflicts_tab
    index = dialog.tab_index("conflicts")
    assert dialog.tabs.tabText(index) == "Konflik (1)"
    dialog.tabs.setCurrentIndex(index)

    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, 1).data() == "No. HP"
    assert tab.detail_title.text().startswith("Peserta: ")
    assert tab.detail_title.text().endswith("— kolom No. HP")
    cards = {
        card.title_label.text(): card for card in (tab.base_card, tab.winner_card, tab.loser_card)
    }
    assert set(cards) == {"Nilai awal", "Nilai terpakai", "Nilai lain"}
    shown = {tab.winner_card.value_label.text(), tab.loser_card.value_label.text()}
    assert shown == {"081111111111", "082222222222"}
    offices = {tab.winner_card.office_label.text(), tab.loser_card.office_label.text()}
    assert offices == {
        hub.app.office.require_info().name,
        laptop.app.office.require_info().name,
    }
    assert tab.winner_card.user_label.text() == "admin"
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d", tab.loser_card.time_label.text())
    assert not tab.base_card.keep_button.isVisible()
    kept = tab.loser_card.value_label.text()

    with qtbot.waitSignal(dialog.dataChanged):
        qtbot.mouseClick(tab.loser_card.keep_button, Qt.MouseButton.LeftButton)

    assert _value(hub, worker, "phone") == kept
    assert hub.app.sync.conflicts(hub.actor) == []
    assert dialog.tabs.tabText(index) == "Konflik"
    assert tab.pages.currentWidget() is tab.empty_label


# ---- Data ganda ------------------------------------------------------------------------------


def _twin(hub: Office, laptop: Office) -> tuple[str, str]:
    """The hub enrols a worker of the laptop's kecamatan a second time; the laptop gets it."""
    worker = _worker_in(laptop)
    record = laptop.app.workers.get(worker).values()
    values = {
        k: record[k]
        for k in ("nik", "name", "sex", "birth_date", "village_code", "category", "position")
    }
    values["name"] = values["name"] + " Binti Ahmad"
    twin = enrolled_apart(hub, values)
    result = laptop.receive(hub.export(peer=laptop.app.office.require_info().device_id))
    assert result.summary.duplicates == 1
    return worker, twin


def test_duplicates_side_by_side_and_merged(
    qtbot: QtBot, network: tuple[Office, Office], message_boxes: MessageBoxes
) -> None:
    hub, laptop = network
    worker, twin = _twin(hub, laptop)
    dialog = _dialog(qtbot, laptop)
    tab = dialog.duplicates_tab
    index = dialog.tab_index("duplicates")
    assert dialog.tabs.tabText(index) == "Data ganda (1)"
    dialog.tabs.setCurrentIndex(index)
    pair = tab.current()
    assert pair is not None
    assert tab.pair_title.text().startswith("NIK sama: ")

    rows = {
        tab.compare.item(r, 0).text(): (tab.compare.item(r, 1), tab.compare.item(r, 2))
        for r in range(tab.compare.rowCount())
    }
    left, right = rows["NIK"]
    assert left.text() == right.text() == pair.first["nik"]  # the NIK in full, on screen only
    name_left, name_right = rows["Nama"]
    assert {name_left.text(), name_right.text()} == {pair.first["name"], pair.second["name"]}
    assert name_left.background().color().name() == "#fff3cd"  # the names differ
    assert left.background().style() == Qt.BrushStyle.NoBrush  # the NIKs do not
    assert rows["Desa/kelurahan"][0].text().endswith(f"({pair.first['village_code']})")
    keep = str(pair.first["id"])
    gone = str(pair.second["id"])

    qtbot.mouseClick(tab.merge_left_button, Qt.MouseButton.LeftButton)

    [question] = message_boxes.shown
    assert question.title == "Gabungkan data peserta"
    assert question.buttons == ["Gabungkan", "Batal"]
    assert f"digabung ke data kiri ({pair.first['name']})" in question.text
    assert laptop.app.sync.duplicates(laptop.actor) == []
    assert _value(laptop, gone, "merged_into") == keep
    assert {keep, gone} == {worker, twin}
    assert dialog.tabs.tabText(index) == "Data ganda"
    assert tab.pages.currentWidget() is tab.empty_label


def test_duplicates_marked_as_two_people(
    qtbot: QtBot, network: tuple[Office, Office], message_boxes: MessageBoxes
) -> None:
    hub, laptop = network
    worker, twin = _twin(hub, laptop)
    dialog = _dialog(qtbot, laptop)
    tab = dialog.duplicates_tab
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    qtbot.mouseClick(tab.merge_right_button, Qt.MouseButton.LeftButton)
    assert len(laptop.app.sync.duplicates(laptop.actor)) == 1  # "Batal": nothing merged

    qtbot.mouseClick(tab.distinct_button, Qt.MouseButton.LeftButton)
    assert laptop.app.sync.duplicates(laptop.actor) == []
    assert _value(laptop, worker, "merged_into") is None
    assert _value(laptop, twin, "merged_into") is None


# ---- Perangkat, enrolment, revocation ---------------------------------------------------------


def test_hub_lists_devices_and_enrols_a_kecamatan(
    qtbot: QtBot,
    network: tuple[Office, Office],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub, laptop = network
    laptop_name = laptop.app.office.require_info().name
    target = tmp_path / "untuk-kecamatan" / "pendaftaran.sigap"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog = _dialog(qtbot, hub)
    tab = dialog.devices_tab
    assert tab is not None
    dialog.tabs.setCurrentIndex(dialog.tab_index("devices"))
    row = _device_row(dialog, laptop_name)
    assert tab.proxy.index(row, 3).data() == "Aktif"
    assert tab.proxy.index(row, 5).data() == "mutakhir"
    assert re.fullmatch(r"([0-9A-F]{4} ){7}[0-9A-F]{4}", tab.proxy.index(row, 2).data())

    qtbot.mouseClick(tab.enroll_button, Qt.MouseButton.LeftButton)
    enroll = tab.enroll_dialog
    assert isinstance(enroll, EnrollDialog) and enroll.isVisible()
    combo = enroll.district_combo
    laptop_district = laptop.app.office.require_info().region_code
    taken = combo.findData(laptop_district)
    assert combo.itemText(taken).endswith("(sudah terdaftar)")
    assert combo.currentData() != laptop_district  # the first free kecamatan is offered
    chosen = combo.currentData()
    assert enroll.name_edit.text().startswith("Kecamatan ")
    qtbot.mouseClick(enroll.choose_button, Qt.MouseButton.LeftButton)
    assert enroll.path_edit.text() == str(target)

    qtbot.mouseClick(enroll.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: enroll.pages.currentIndex() == PAGE_CODE, timeout=JOB_TIMEOUT)

    code = enroll.code_label.text()
    assert CODE.fullmatch(code)
    assert target.exists()
    assert str(target) in enroll.file_label.text()
    qtbot.mouseClick(enroll.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == code
    new_row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 0).data() == chosen)
    assert tab.proxy.index(new_row, 3).data() == "Menunggu paket pertama"
    enroll.accept()
    assert tab.enroll_dialog is None


def test_revoking_a_device_asks_first(
    qtbot: QtBot, network: tuple[Office, Office], message_boxes: MessageBoxes
) -> None:
    hub, laptop = network
    name = laptop.app.office.require_info().name
    dialog = _dialog(qtbot, hub)
    tab = dialog.devices_tab
    assert tab is not None
    assert not tab.revoke_button.isEnabled()  # nothing chosen yet
    tab.table.selectRow(_device_row(dialog, name))
    assert tab.revoke_button.isEnabled()

    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    qtbot.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    [question] = message_boxes.shown
    assert question.title == "Cabut perangkat"
    assert question.text.startswith(f"Cabut perangkat {name} (")
    assert question.buttons == ["Cabut perangkat", "Batal"]
    assert all(d.revoked_at is None for d in hub.app.sync.status(hub.actor).devices)

    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole
    qtbot.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    row = _device_row(dialog, name)
    assert tab.proxy.index(row, 3).data().startswith("Dicabut ")
    assert not tab.revoke_button.isEnabled()
    with pytest.raises(Exception, match="sudah dicabut"):
        hub.receive(laptop.export())


# ---- Bergabung ---------------------------------------------------------------------------------


def test_join_from_the_welcome_dialog_keeps_what_was_typed_on_a_wrong_code(
    qtbot: QtBot,
    services: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub = make_hub(tmp_path / "hub", workers=30)
    try:
        [district] = districts_with_workers(hub, 1)
        enrolment = hub.app.sync.enroll(hub.actor, district=district, out=hub.stick / "e.sigap")
    finally:
        hub.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(enrolment.path), ""))
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    assert not window.sync_action.isEnabled()  # no office, nothing to sync yet
    assert window.join_action.isEnabled()
    window.show_welcome()
    welcome = window.welcome_dialog
    assert welcome is not None
    qtbot.mouseClick(welcome.join_button, Qt.MouseButton.LeftButton)
    join = window.join_dialog
    assert isinstance(join, JoinDialog) and join.isVisible()
    assert window.welcome_dialog is None

    qtbot.mouseClick(join.choose_button, Qt.MouseButton.LeftButton)
    assert join.file_edit.text() == str(enrolment.path)
    qtbot.keyClicks(join.code_edit, "abcd-efgh-jk")
    assert join.code_hint.text() == "10 dari 12 huruf/angka."
    assert not join.join_button.isEnabled()
    qtbot.keyClicks(join.code_edit, "O")
    assert join.code_hint.text().startswith("Kode tidak memakai O")
    qtbot.keyClick(join.code_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(join.code_edit, "LM")
    assert join.code_hint.text() == "Kode lengkap."
    wrong = join.code_edit.text()
    assert wrong == "abcd-efgh-jkLM"

    qtbot.mouseClick(join.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: join.error_label.isVisible(), timeout=JOB_TIMEOUT)
    assert join.error_label.text().startswith("Kode sekali pakai tidak cocok")
    assert join.code_edit.text() == wrong  # nothing typed is lost
    assert join.file_edit.text() == str(enrolment.path)
    assert services.office.info() is None

    join.code_edit.selectAll()
    qtbot.keyClicks(join.code_edit, enrolment.code.lower().replace("-", " "))
    qtbot.mouseClick(join.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: join.pages.currentIndex() == PAGE_DONE, timeout=JOB_TIMEOUT)

    info = services.office.require_info()
    assert info.region_code == district
    assert join.done_title.text() == f"Laptop ini sekarang {info.name}"
    assert "Sidik kunci kantor kabupaten:" in join.done_label.text()
    assert window.windowTitle() == f"Sigap — {info.name}"
    assert window.sync_action.isEnabled() and not window.join_action.isEnabled()
    assert window.roster_tab.workers_card.value_label.text() != "0"
    join.accept()
    assert window.join_dialog is None and window.welcome_dialog is None


def test_join_from_the_file_menu_and_cancel(qtbot: QtBot, services: AppServices) -> None:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    window.join_action.trigger()
    join = window.join_dialog
    assert isinstance(join, JoinDialog) and join.isVisible()
    assert join.code_hint.text() == "Tanda hubung dan spasi boleh ditulis atau tidak."
    assert not join.join_button.isEnabled()
    qtbot.mouseClick(join.cancel_button, Qt.MouseButton.LeftButton)
    assert window.join_dialog is None
    assert window.welcome_dialog is None  # not opened from the welcome dialog
    assert services.office.info() is None


def test_join_refuses_a_database_that_has_an_office(
    qtbot: QtBot, office_services: AppServices, message_boxes: MessageBoxes
) -> None:
    window = MainWindow(office_services)
    qtbot.addWidget(window)
    assert not window.join_action.isEnabled()
    window.join_hub()
    assert window.join_dialog is None
    assert message_boxes.texts[0].startswith("Basis data ini sudah menjadi milik ")


# ---- models ------------------------------------------------------------------------------------


def test_the_models_pass_the_model_tester(
    qtbot: QtBot, network: tuple[Office, Office], qtmodeltester: Any
) -> None:
    hub, laptop = network
    worker = _worker_in(laptop)
    laptop.app.workers.update(laptop.actor, worker, {"phone": "081111111111"})
    hub.app.workers.update(hub.actor, worker, {"phone": "082222222222"})
    hub.receive(laptop.export())
    _twin(hub, laptop)
    dialog = _dialog(qtbot, hub)
    assert dialog.devices_tab is not None
    assert dialog.conflicts_tab.model.rowCount() == 1
    assert dialog.devices_tab.model.rowCount() == 1
    qtmodeltester.check(dialog.conflicts_tab.model)
    qtmodeltester.check(dialog.devices_tab.model)
    laptop_dialog = _dialog(qtbot, laptop)
    assert laptop_dialog.duplicates_tab.model.rowCount() == 1
    qtmodeltester.check(laptop_dialog.duplicates_tab.model)


@pytest.mark.skipif(sys.platform == "win32", reason="mount points of Linux and macOS")
@pytest.mark.parametrize(
    ("root", "file_system", "removable"),
    [
        ("/media/budi/FLASHDISK", "vfat", True),
        ("/run/media/budi/KINGSTON", "exfat", True),
        ("/Volumes/SIGAP", "msdos", True),
        ("/mnt/usb", "ext4", True),
        ("/", "ext4", False),
        ("/home", "ext4", False),
        ("/boot/efi", "btrfs", False),
        ("/srv/kartu", "vfat", True),
    ],
)
def test_which_drives_look_like_sticks(root: str, file_system: str, removable: bool) -> None:
    assert drives._looks_removable(root, file_system) is removable
