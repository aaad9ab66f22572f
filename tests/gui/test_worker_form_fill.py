"""A new worker's birth date and sex start empty and follow the NIK (issue 18, item 7): the
form no longer starts at 01-01-1980 and Laki-laki and then warns that the NIK disagrees."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from tests.gui.worker_form_steps import (
    NIK_MAN,
    NIK_WOMAN,
    choose,
    demo,
    fill_required,
    new_form,
    open_record,
    template,
    type_date,
    type_into,
)

__all__ = ["demo", "template"]  # fixtures


def test_a_new_form_starts_with_no_birth_date_and_no_sex(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    assert form.birth_date_edit.is_empty()
    assert not any(c.isdigit() for c in form.birth_date_edit.displayText())
    assert form.sex_combo.currentIndex() == -1
    assert form.sex_combo.currentText() == ""
    assert form.values()["birth_date"] is None
    assert form.values()["sex"] is None
    assert form.birth_message.message() == ""  # nothing to disagree with yet


def test_a_valid_nik_fills_birth_date_and_sex(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    qtbot.keyClicks(form.nik_edit, NIK_WOMAN[:15])
    assert form.birth_date_edit.is_empty()  # fifteen digits are not a NIK yet
    qtbot.keyClicks(form.nik_edit, NIK_WOMAN[15:])
    assert form.birth_date_edit.displayText() == "01-07-1990"
    assert form.sex_combo.currentText() == "Perempuan"
    assert form.birth_message.kind() == "hint"
    assert form.birth_message.message() == "Tanggal lahir dan jenis kelamin diisi menurut NIK."
    assert form.nik_message.message() == ""

    # Another NIK typed in its place: the values follow it, with no warning.
    type_into(qtbot, form.nik_edit, NIK_MAN)
    assert form.birth_date_edit.displayText() == "12-03-1985"
    assert form.sex_combo.currentText() == "Laki-laki"
    assert form.birth_message.kind() == "hint"

    # A NIK no longer valid takes back what it filled.
    qtbot.keyClick(form.nik_edit, Qt.Key.Key_Backspace)
    assert form.birth_date_edit.is_empty()
    assert form.sex_combo.currentIndex() == -1
    assert form.nik_message.kind() == "error"


def test_a_date_set_by_hand_stays_and_the_nik_warns(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    type_date(qtbot, form.birth_date_edit, date(1990, 7, 2))
    qtbot.keyClicks(form.nik_edit, NIK_WOMAN)
    assert form.birth_date_edit.displayText() == "02-07-1990"  # the clerk's, not the NIK's
    assert form.sex_combo.currentText() == "Perempuan"  # not set by hand: from the NIK
    assert form.birth_message.kind() == "warning"
    assert form.birth_message.message() == (
        "Berbeda dengan NIK (lahir 1 Juli 1990). Periksa lagi KTP-nya; bila memang begitu, "
        "data tetap dapat disimpan."
    )

    # Changed by hand after the NIK filled it: stays too, and the warning goes when it agrees.
    type_date(qtbot, form.birth_date_edit, date(1990, 7, 1))
    assert form.birth_message.message() == "Jenis kelamin diisi menurut NIK."
    type_into(qtbot, form.nik_edit, NIK_MAN)
    assert form.birth_date_edit.displayText() == "01-07-1990"
    assert form.sex_combo.currentText() == "Laki-laki"
    assert form.birth_message.message().startswith("Berbeda dengan NIK (lahir 12 Maret 1985)")


def test_a_sex_chosen_by_hand_stays(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    choose(qtbot, form.sex_combo, "Laki-laki")
    qtbot.keyClicks(form.nik_edit, NIK_WOMAN)
    assert form.sex_combo.currentText() == "Laki-laki"
    assert form.birth_date_edit.displayText() == "01-07-1990"
    assert form.birth_message.message().startswith("Berbeda dengan NIK (perempuan).")


def test_a_stored_record_is_not_rewritten_by_a_new_nik(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    fill_required(qtbot, dialog, NIK_WOMAN, "Siti Rahma")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved_id is not None
    stored = open_record(qtbot, demo, dialog.saved_id)
    form = stored.form
    assert form.birth_message.message() == ""  # no "filled from the NIK" on a stored record
    type_into(qtbot, form.nik_edit, NIK_MAN)
    assert form.birth_date_edit.displayText() == "01-07-1990"
    assert form.sex_combo.currentText() == "Perempuan"
    assert form.birth_message.message().startswith(
        "Berbeda dengan NIK (lahir 12 Maret 1985, laki-laki)."
    )
