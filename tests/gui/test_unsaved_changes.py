"""Edits are never thrown away by a key (issue 18, item 3): Esc, Tutup or the window's
close button on a changed worker form asks Simpan / Buang perubahan / Batal."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.roster.worker_dialog import WorkerDialog
from tests.gui.conftest import MessageBoxes


def open_first_worker(qtbot: QtBot, services: AppServices) -> tuple[WorkerDialog, str]:
    conn = sqlite3.connect(services.path)
    (worker_id,) = conn.execute("SELECT id FROM worker ORDER BY id LIMIT 1").fetchone()
    conn.close()
    record = services.workers.get(str(worker_id))
    actor = services.office.local_actor()
    dialog = WorkerDialog(services.workers, services.regions, actor, record=record)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, str(worker_id)


def phone_of(services: AppServices, worker_id: str) -> str | None:
    return services.workers.get(worker_id).phone


def demo_services(services: AppServices) -> AppServices:
    services.demo.generate(workers=20, seed=3, year=2026)
    return services


def test_esc_on_a_changed_form_asks_and_batal_keeps_it_open(
    qtbot: QtBot, services: AppServices, message_boxes: MessageBoxes
) -> None:
    demo_services(services)
    dialog, worker = open_first_worker(qtbot, services)
    before = phone_of(services, worker)
    dialog.form.phone_edit.clear()
    qtbot.keyClicks(dialog.form.phone_edit, "081299988877")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    asked = message_boxes.shown[-1]
    assert asked.text == "Ada perubahan yang belum disimpan. Simpan dulu?"
    assert sorted(asked.buttons) == ["Batal", "Buang perubahan", "Simpan"]
    assert dialog.isVisible()
    assert dialog.form.phone_edit.text() == "081299988877"  # nothing typed is lost
    assert phone_of(services, worker) == before


def test_simpan_from_the_question_saves_and_buang_discards(
    qtbot: QtBot, services: AppServices, message_boxes: MessageBoxes
) -> None:
    demo_services(services)
    dialog, worker = open_first_worker(qtbot, services)
    dialog.form.phone_edit.clear()
    qtbot.keyClicks(dialog.form.phone_edit, "081211122233")
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole  # Simpan
    dialog.close()
    assert not dialog.isVisible()
    assert phone_of(services, worker) == "081211122233"

    dialog, worker = open_first_worker(qtbot, services)
    dialog.form.phone_edit.clear()
    qtbot.keyClicks(dialog.form.phone_edit, "089900000000")
    message_boxes.answer = QMessageBox.ButtonRole.DestructiveRole  # Buang perubahan
    dialog.reject()
    assert not dialog.isVisible()
    assert phone_of(services, worker) == "081211122233"


def test_an_unchanged_form_closes_without_a_question(
    qtbot: QtBot, services: AppServices, message_boxes: MessageBoxes
) -> None:
    demo_services(services)
    dialog, _ = open_first_worker(qtbot, services)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert message_boxes.shown == []


def test_an_active_nik_already_present_offers_the_record_that_has_it(
    qtbot: QtBot, services: AppServices, message_boxes: MessageBoxes
) -> None:
    demo_services(services)
    existing, worker = open_first_worker(qtbot, services)
    record = services.workers.get(worker)
    existing.reject()
    dialog = WorkerDialog(services.workers, services.regions, services.office.local_actor())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.form.nik_edit, record.nik)
    qtbot.keyClicks(dialog.form.name_edit, "Orang Yang Sama")
    dialog.form.birth_date_edit.setDate(existing.form.birth_date_edit.date())
    dialog.form.district_combo.setCurrentIndex(
        dialog.form.district_combo.findData(record.district_code)
    )
    dialog.form.village_combo.setCurrentIndex(
        dialog.form.village_combo.findData(record.village_code)
    )
    dialog.form.category_combo.setCurrentIndex(dialog.form.category_combo.findData(record.category))
    opened: list[str] = []
    dialog.openRequested.connect(opened.append)
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole  # "Tetap simpan" / go on
    dialog.save()
    refusal = message_boxes.shown[-1]
    assert refusal.title == "NIK sudah dipakai"
    assert sorted(refusal.buttons) == ["Buka data yang ada", "Tutup"]
    assert record.name in refusal.text
    assert dialog.isVisible()  # nothing typed is lost
    message_boxes.answer = QMessageBox.ButtonRole.ActionRole
    dialog.save()
    assert opened == [worker]


def test_esc_on_a_changed_status_asks_before_the_reason_is_lost(
    qtbot: QtBot, services: AppServices, message_boxes: MessageBoxes
) -> None:
    from desktop.ui.roster.status_dialog import StatusDialog

    demo_services(services)
    _form, worker = open_first_worker(qtbot, services)
    record = services.workers.get(worker)
    dialog = StatusDialog(record)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing changed: closes without a word
    assert not dialog.isVisible() and message_boxes.shown == []

    dialog = StatusDialog(record)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("nonaktif"))
    qtbot.keyClicks(dialog.reason_edit, "Pindah ke luar kabupaten")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal: back to the dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_boxes.shown[-1].text == "Ada perubahan yang belum disimpan. Simpan dulu?"
    assert dialog.isVisible()
    assert dialog.reason_edit.text() == "Pindah ke luar kabupaten"
