"""The Sinkronisasi screens agree with the data under them (issue 18, items 1, 4 and 8).

Pairs a clerk made at the hub are in the hub's Data ganda tab; a bundle's preview counts the
pairs its import finds; the result text follows the conflicts and duplicates as they are
settled, and every change to rows is announced (dataChanged) for the roster to refresh; the
Perangkat tab shows a refused bundle; a revocation asks with Batal as the default; a wrong
join code shows only its error; the enrolment path can be typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.ui import messages
from desktop.ui.jobs import Job
from desktop.ui.sync import JoinDialog, SyncDialog, drives
from desktop.ui.sync.enroll import PAGE_CODE, EnrollDialog
from desktop.ui.sync.models import REFUSED
from tests.integration.sync_helpers import (
    Office,
    device_of,
    district_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)
from tests.integration.test_sync_adversarial import forge, laptop_change, worker_of
from tests.integration.test_sync_duplicates import _made_twice_at_the_hub

JOB_TIMEOUT = 20_000


@pytest.fixture(autouse=True)
def no_sticks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(drives, "removable_drives", lambda: [])


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
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


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _tab_text(dialog: SyncDialog, name: str) -> str:
    return _plain(dialog.tabs.tabText(dialog.tab_index(name)))


def test_the_hub_lists_the_pairs_its_clerks_made(
    qtbot: QtBot, network: tuple[Office, Office]
) -> None:
    hub, laptop = network
    (first, typo), (second, again) = _made_twice_at_the_hub(hub, district_of(laptop))
    dialog = _dialog(qtbot, hub)
    assert _tab_text(dialog, "duplicates") == "Data ganda (2)"
    tab = dialog.duplicates_tab
    shown = {
        frozenset({tab._item_at(row).first["id"], tab._item_at(row).second["id"]})
        for row in range(tab.proxy.rowCount())
    }
    assert shown == {frozenset({first, typo}), frozenset({second, again})}
    hub_name = hub.app.office.require_info().name
    rows = {tab.compare.item(r, 0).text(): r for r in range(tab.compare.rowCount())}
    registered = rows["Didaftarkan oleh"]
    assert tab.compare.item(registered, 1).text() == hub_name
    assert tab.compare.item(registered, 2).text() == hub_name


def test_preview_counts_and_the_result_follows_every_decision(
    qtbot: QtBot, network: tuple[Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = network
    # One conflict (both offices change one phone) and two pairs made at the hub.
    worker = worker_of(laptop)
    laptop.app.workers.update(laptop.actor, worker, {"phone": "081111111111"})
    hub.app.workers.update(hub.actor, worker, {"phone": "082222222222"})
    _made_twice_at_the_hub(hub, district_of(laptop))
    bundle = hub.export(peer=device_of(laptop))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    dialog = _dialog(qtbot, laptop)
    tab = dialog.exchange_tab

    qtbot.mouseClick(tab.choose_bundle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.summary.isVisible, timeout=JOB_TIMEOUT)
    assert tab.count_labels["conflicts"].text() == "1"
    assert tab.count_labels["duplicates"].text() == "2"
    assert laptop.app.sync.duplicates(laptop.actor) == []  # the preview changed nothing

    with qtbot.waitSignal(dialog.dataChanged, timeout=JOB_TIMEOUT):
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not Job.running(), timeout=JOB_TIMEOUT)
    assert tab.count_labels["duplicates"].text() == "2"  # as the preview said
    result = tab.import_result.text()
    assert re.search(
        r"sudah diterapkan: \d+ ditambahkan, \d+ diperbarui, \d+ tidak berubah\.", result
    )
    assert "Paket ini membawa 1 konflik dan 2 kemungkinan data ganda." in result
    assert "Menunggu keputusan Anda: 1 konflik dan 2 kemungkinan data ganda." in result
    assert _tab_text(dialog, "conflicts") == "Konflik (1)"
    assert _tab_text(dialog, "duplicates") == "Data ganda (2)"
    assert _plain(tab.review_button.text()) == "Tinjau konflik"

    qtbot.mouseClick(tab.review_button, Qt.MouseButton.LeftButton)
    conflicts = dialog.conflicts_tab
    assert dialog.tabs.currentWidget() is conflicts
    with qtbot.waitSignal(dialog.dataChanged):
        qtbot.mouseClick(conflicts.loser_card.keep_button, Qt.MouseButton.LeftButton)
    assert "Menunggu keputusan Anda: 0 konflik dan 2 kemungkinan data ganda." in (
        tab.import_result.text()
    )
    assert _plain(tab.review_button.text()) == "Tinjau data ganda"

    duplicates = dialog.duplicates_tab
    dialog.show_tab("duplicates")
    with qtbot.waitSignal(dialog.dataChanged):
        qtbot.mouseClick(duplicates.merge_left_button, Qt.MouseButton.LeftButton)
    assert "Menunggu keputusan Anda: 0 konflik dan 1 kemungkinan data ganda." in (
        tab.import_result.text()
    )
    with qtbot.waitSignal(dialog.dataChanged):
        qtbot.mouseClick(duplicates.distinct_button, Qt.MouseButton.LeftButton)

    result = tab.import_result.text()
    assert "menunggu" not in result.lower()
    assert "Semua konflik dan kemungkinan data ganda sudah selesai diputuskan." in result
    assert not tab.review_button.isVisible()
    assert _tab_text(dialog, "conflicts") == "Konflik"
    assert _tab_text(dialog, "duplicates") == "Data ganda"


def test_the_devices_tab_shows_a_refused_bundle(
    qtbot: QtBot, network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, laptop = network
    name = laptop.app.office.require_info().name
    honest = laptop_change(
        laptop, laptop, "worker", worker_of(laptop), "update", {"phone": [None, "0899"]}
    )
    bundle = forge(laptop, hub, [(*honest[:7], "9999999999999.000001", *honest[8:])], tmp_path)
    dialog = _dialog(qtbot, hub)
    tab = dialog.devices_tab
    assert tab is not None
    headers = [
        tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())
    ]
    column = headers.index("Paket ditolak")
    row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 1).data() == name)
    assert tab.proxy.index(row, column).data() == "tidak ada"

    with pytest.raises(Exception, match="masa depan"):
        hub.receive(bundle)
    dialog.reload()
    row = next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 1).data() == name)
    cell = tab.proxy.index(row, column)
    assert re.fullmatch(r"\d\d-\d\d-\d{4} \d\d:\d\d · jam laptop salah", cell.data())
    tip = cell.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"{bundle.name}: Paket {bundle.name} dari {name}")
    assert cell.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(REFUSED)


def test_revoking_asks_with_batal_as_the_default(
    qtbot: QtBot, network: tuple[Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = network
    asked: list[tuple[list[str], str]] = []

    def answer(box: QMessageBox) -> QMessageBox.ButtonRole:
        default = box.defaultButton()
        asked.append(([b.text() for b in box.buttons()], default.text() if default else ""))
        return QMessageBox.ButtonRole.RejectRole

    monkeypatch.setattr(messages, "run_box", answer)
    dialog = _dialog(qtbot, hub)
    tab = dialog.devices_tab
    assert tab is not None
    name = laptop.app.office.require_info().name
    tab.table.selectRow(
        next(r for r in range(tab.proxy.rowCount()) if tab.proxy.index(r, 1).data() == name)
    )
    qtbot.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    assert asked == [(["Cabut perangkat", "Batal"], "Batal")]
    assert all(d.revoked_at is None for d in hub.app.sync.status(hub.actor).devices)


def test_a_wrong_join_code_shows_only_its_error(
    qtbot: QtBot, services: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.services.app import AppServices

    assert isinstance(services, AppServices)
    hub = make_hub(tmp_path / "hub", workers=30)
    try:
        [district] = districts_with_workers(hub, 1)
        enrolment = hub.app.sync.enroll(hub.actor, district=district, out=hub.stick / "e.sigap")
    finally:
        hub.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(enrolment.path), ""))
    join = JoinDialog(services)
    qtbot.addWidget(join)
    join.show()
    qtbot.mouseClick(join.choose_button, Qt.MouseButton.LeftButton)
    wrong = enrolment.code[:-1] + ("A" if enrolment.code[-1] != "A" else "B")
    qtbot.keyClicks(join.code_edit, wrong)
    assert join.code_hint.isVisible() and join.code_hint.text() == "Kode lengkap."

    qtbot.mouseClick(join.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(join.error_label.isVisible, timeout=JOB_TIMEOUT)
    qtbot.waitUntil(lambda: not Job.running(), timeout=JOB_TIMEOUT)
    assert join.error_label.text().startswith("Kode sekali pakai tidak cocok")
    assert not join.code_hint.isVisible()  # no green "Kode lengkap." above the red error

    qtbot.keyClick(join.code_edit, Qt.Key.Key_Backspace)
    assert not join.error_label.isVisible()
    assert join.code_hint.isVisible() and join.code_hint.text() == "11 dari 12 huruf/angka."
    join.reject()


def test_the_enrolment_path_can_be_typed_and_is_checked(
    qtbot: QtBot, network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, _laptop = network
    dialog = _dialog(qtbot, hub)
    assert dialog.devices_tab is not None
    qtbot.mouseClick(dialog.devices_tab.enroll_button, Qt.MouseButton.LeftButton)
    enroll = dialog.devices_tab.enroll_dialog
    assert isinstance(enroll, EnrollDialog)
    assert not enroll.path_edit.isReadOnly()

    enroll.path_edit.clear()
    qtbot.keyClicks(enroll.path_edit, str(tmp_path / "tidak-ada" / "daftar"))
    qtbot.mouseClick(enroll.create_button, Qt.MouseButton.LeftButton)
    assert enroll.error_label.isVisible()
    assert enroll.error_label.text().startswith(f"Folder {tmp_path / 'tidak-ada'} tidak ada.")
    assert enroll.pages.currentIndex() != PAGE_CODE

    enroll.path_edit.clear()
    qtbot.keyClicks(enroll.path_edit, str(tmp_path / "daftar"))
    assert not enroll.error_label.isVisible()  # typing clears the old error
    qtbot.mouseClick(enroll.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: enroll.pages.currentIndex() == PAGE_CODE, timeout=JOB_TIMEOUT)
    assert (tmp_path / "daftar.sigap").is_file()  # ".sigap" added to what was typed
    assert str(tmp_path / "daftar.sigap") in enroll.file_label.text()
    enroll.accept()
