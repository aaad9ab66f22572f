"""Dates refused at the field (issue 18, item 7): a birth date after today is red under the
field at once and keeps Simpan grey (no "Tetap simpan?" about the NIK first), and the red
goes as soon as the date is fixed; unfinished and impossible dates are named too."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from tests.gui.conftest import MessageBoxes
from tests.gui.worker_form_steps import (
    NIK_WOMAN,
    demo,
    fill_required,
    new_form,
    template,
    type_date,
    type_into,
)

__all__ = ["demo", "template"]  # fixtures

NAME = "Siti Tanggal Depan"


def saved(services: AppServices) -> int:
    return services.roster.count(RosterFilter(text=NAME.lower()))


def test_a_birth_date_after_today_is_refused_at_the_field(
    qtbot: QtBot, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    fill_required(qtbot, dialog, NIK_WOMAN, NAME)
    assert dialog.save_button.isEnabled()
    tomorrow = date.today() + timedelta(days=1)
    type_date(qtbot, form.birth_date_edit, tomorrow)

    # At once, before any button: red under the field, Simpan grey and saying why.
    assert form.birth_message.isVisible()
    assert form.birth_message.kind() == "error"
    assert form.birth_message.message() == "Tanggal lahir tidak boleh setelah hari ini."
    assert not dialog.save_button.isEnabled()
    assert dialog.reason_line.text() == "Untuk menyimpan, perbaiki Tanggal lahir."
    assert dialog.save_button.toolTip() == dialog.reason_line.text()
    assert form.nik_message.message() == ""  # the NIK is not blamed for the date

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(form.name_edit, Qt.Key.Key_Return)
    assert message_boxes.shown == []  # no "Periksa NIK … Tetap simpan?"
    assert saved(demo) == 0
    assert dialog.isVisible()

    # Fixed: the red goes at once and Simpan comes back.
    type_date(qtbot, form.birth_date_edit, date(1990, 7, 1))
    assert form.birth_message.kind() == "hint"  # "Jenis kelamin diisi menurut NIK."
    assert dialog.save_button.isEnabled()
    assert not dialog.reason_line.isVisible()
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown == []
    assert saved(demo) == 1


def test_unfinished_and_impossible_dates_are_named(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    fill_required(qtbot, dialog, NIK_WOMAN, NAME)
    type_date(qtbot, form.birth_date_edit, "0107")
    assert form.birth_message.kind() != "error"  # still being typed: not an error yet
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(form.birth_date_edit, Qt.Key.Key_Tab)  # left unfinished
    assert form.birth_message.kind() == "error"
    assert form.birth_message.message() == (
        "Tanggal lahir belum lengkap: ketik hari, bulan dan tahun (hh-bb-tttt)."
    )
    type_date(qtbot, form.birth_date_edit, "31021990")
    assert form.birth_message.message() == (
        "Tanggal lahir 31-02-1990 bukan tanggal yang ada: periksa hari dan bulannya."
    )
    assert not dialog.save_button.isEnabled()
    type_date(qtbot, form.birth_date_edit, "")
    assert form.birth_date_edit.is_empty()
    assert form.birth_message.kind() != "error"
    assert dialog.reason_line.text() == "Untuk menyimpan, isi Tanggal lahir."


@pytest.mark.qt_log_ignore("This plugin does not support")  # the popup, offscreen
def test_the_calendar_fills_the_field_and_stops_at_today(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    field = dialog.form.birth_date_edit
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert isinstance(calendar, QCalendarWidget) and calendar.isVisible()
    assert calendar.maximumDate() == QDate.currentDate()  # no day after today to pick
    calendar.setSelectedDate(QDate(1991, 5, 17))
    calendar.activated.emit(calendar.selectedDate())  # Enter on the day
    assert field.displayText() == "17-05-1991"
    assert field.calendar is None or not field.calendar.isVisible()


def test_coverage_ending_before_it_starts_is_refused_at_the_field(
    qtbot: QtBot, demo: AppServices
) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    fill_required(qtbot, dialog, NIK_WOMAN, NAME)
    type_date(qtbot, form.coverage_start_edit, date(2026, 3, 1))
    type_date(qtbot, form.coverage_end_edit, date(2026, 2, 1))
    assert form.coverage_message.kind() == "error"
    assert form.coverage_message.message() == (
        "Akhir kepesertaan tidak boleh sebelum mulai kepesertaan."
    )
    assert dialog.reason_line.text() == "Untuk menyimpan, perbaiki Masa kepesertaan."
    type_date(qtbot, form.coverage_end_edit, date(2026, 12, 31))
    assert form.coverage_message.message() == ""
    assert dialog.save_button.isEnabled()


def test_a_refusal_under_the_form_goes_when_the_form_changes(
    qtbot: QtBot, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    other = demo.roster.rows(demo.roster.matching_ids(RosterFilter(status="aktif")))[0]
    dialog = new_form(qtbot, demo)
    form = dialog.form
    fill_required(qtbot, dialog, other.nik, NAME)
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole  # go on past every question
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown[-1].title == "NIK sudah dipakai"
    assert form.form_message.kind() == "error"
    assert other.name in form.form_message.message()
    type_into(qtbot, form.nik_edit, NIK_WOMAN)
    assert form.form_message.message() == ""


def test_an_unfinished_date_is_a_change_esc_asks_about(
    qtbot: QtBot, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = new_form(qtbot, demo)
    type_date(qtbot, dialog.form.birth_date_edit, "0107")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal: back to the form
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_boxes.shown[-1].text == "Ada perubahan yang belum disimpan. Simpan dulu?"
    assert dialog.isVisible()


def test_entering_an_empty_date_field_is_no_change(
    qtbot: QtBot, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = new_form(qtbot, demo)
    field = dialog.form.birth_date_edit
    assert field.displayText() == "" and field.placeholderText() == "hh-bb-tttt"
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert field.displayText() == "  -  -    "  # the dashes in place for typing
    assert field.cursorPosition() == 0
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.displayText() == ""  # left empty: the placeholder again
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_boxes.shown == []
    assert not dialog.isVisible()
