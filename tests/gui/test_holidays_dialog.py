"""The holiday list dialog, driven as the regency admin and as a kecamatan laptop would."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.ui.dialogs.holidays import HolidaysDialog
from tests.gui.conftest import MessageBoxes


def shown_rows(dialog: HolidaysDialog) -> list[tuple[str, str]]:
    """(date, name) of every holiday in the list, by year."""
    rows = []
    for y in range(dialog.tree.topLevelItemCount()):
        year = dialog.tree.topLevelItem(y)
        for c in range(year.childCount()):
            item = year.child(c)
            rows.append((item.text(0), item.text(2)))
    return rows


def type_holiday(qtbot: QtBot, dialog: HolidaysDialog, typed_date: str, name: str) -> None:
    dialog.date_edit.setFocus()
    qtbot.keyClicks(dialog.date_edit, typed_date)
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, name)


def test_the_admin_adds_and_removes_a_holiday(
    qtbot: QtBot, office_services: AppServices, message_boxes: MessageBoxes
) -> None:
    admin = office_services.office.local_actor()
    office_services.holidays.add_holiday(admin, date(2025, 12, 25), "Natal 2025")
    dialog = HolidaysDialog(office_services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.read_only_hint.isVisible()
    assert not dialog.add_button.isEnabled()
    assert "Tanggal" in dialog.add_button.toolTip()
    type_holiday(qtbot, dialog, "17082026", "Hari Kemerdekaan")
    assert dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert shown_rows(dialog) == [
        ("25-12-2025", "Natal 2025"),
        ("17-08-2026", "Hari Kemerdekaan"),
    ]
    assert dialog.date_edit.is_empty() and dialog.name_edit.text() == ""
    assert "17 Agustus 2026" in dialog.add_message.message()
    # The year's line counts its days.
    assert dialog.tree.topLevelItem(1).text(0) == "2026"
    assert dialog.tree.topLevelItem(1).text(1) == "1 hari libur"

    # A second holiday on the same day: refused under the fields, which keep what was typed.
    type_holiday(qtbot, dialog, "17082026", "HUT RI")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    assert "sudah ada di daftar hari libur" in dialog.add_message.message()
    assert dialog.add_message.kind() == "error"
    assert dialog.name_edit.text() == "HUT RI"
    assert dialog.date_edit.text() == "17-08-2026"

    # Remove: asked first (No is what Enter answers); answered No, nothing goes.
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0).child(0))
    assert dialog.remove_button.isEnabled()
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "Hapus 25 Desember 2025 (Natal 2025)" in message_boxes.texts[-1]
    assert len(shown_rows(dialog)) == 2
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0).child(0))
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert shown_rows(dialog) == [("17-08-2026", "Hari Kemerdekaan")]
    assert [h.name for h in office_services.holidays.list_holidays(admin)] == ["Hari Kemerdekaan"]


def test_an_empty_name_keeps_the_button_grey_and_esc_asks_about_a_typed_day(
    qtbot: QtBot, office_services: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = HolidaysDialog(office_services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.date_edit.setFocus()
    qtbot.keyClicks(dialog.date_edit, "25122026")
    assert not dialog.add_button.isEnabled()
    assert dialog.add_button.toolTip() == "Untuk menambah, isi Nama."
    assert dialog.add_message.message() == "Untuk menambah, isi Nama."  # said, not only hovered
    qtbot.keyClicks(dialog.date_edit, "")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal: back to the dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_boxes.texts[-1] == "Ada perubahan yang belum disimpan. Simpan dulu?"
    assert dialog.isVisible()
    assert dialog.date_edit.text() == "25-12-2026"


def test_a_kecamatan_laptop_reads_the_list_and_is_told_why(qtbot: QtBot, tmp_path: Path) -> None:
    laptop = AppServices.open(tmp_path / "laptop.db")
    try:
        laptop.office.set_up(kind=OfficeKind.KECAMATAN, region="16.02.05", name="Kec. Kayu Agung")
        dialog = HolidaysDialog(laptop)
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.read_only_hint.isVisible()
        assert "admin kantor kabupaten" in dialog.read_only_hint.text()
        assert not dialog.add_panel.isVisible()
        assert not dialog.remove_button.isVisible()
        assert dialog.empty_message.isVisible()
        assert dialog.empty_message.label.text() == "Belum ada hari libur di daftar."
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing to ask about
        assert not dialog.isVisible()
    finally:
        laptop.close()


def test_a_holiday_moves_running_deadlines_off_the_window_thread(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """In working-day mode the running claims' deadlines follow the list: recomputed by a
    background job after the day is added, and the window is told when they are."""
    import shutil

    from desktop.services.claims import ClaimService
    from desktop.ui.jobs import Job
    from tests.gui.test_claim_detail import add_payee, santunan

    template = tmp_path / "template.db"
    made = AppServices.open(template)
    made.demo.generate(workers=60, seed=11)
    made.close()
    shutil.copy(template, tmp_path / "hub.db")
    app = AppServices.open(tmp_path / "hub.db")
    try:
        app.claims = ClaimService(app.database.engine, today=lambda: date(2026, 11, 16))
        admin = app.office.local_actor()
        app.office.set_setting(admin, "claim.working_days", "1")
        claim = santunan(app, admin)
        for document in app.claims.detail(admin, claim).documents:
            app.claims.receive(admin, claim, document.item, on=date(2026, 11, 12))
        add_payee(app, admin, claim)
        app.claims.step(admin, claim, "direkomendasikan", on=date(2026, 11, 12))
        app.claims.step(admin, claim, "diverifikasi", on=date(2026, 11, 13))  # a Friday
        assert app.claims.detail(admin, claim).deadline == date(2026, 11, 24)

        dialog = HolidaysDialog(app)
        qtbot.addWidget(dialog)
        told: list[bool] = []
        dialog.deadlines_moved = lambda: told.append(True)
        dialog.show()
        type_holiday(qtbot, dialog, "17112026", "Libur daerah")
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        assert dialog.recompute_job is not None
        qtbot.waitUntil(lambda: told == [True] and not Job.running(), timeout=10_000)
        assert app.claims.detail(admin, claim).deadline == date(2026, 11, 25)
    finally:
        app.close()
