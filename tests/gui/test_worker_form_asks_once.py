"""A question answered is not asked again (issue 18, item 1: "every later edit asks again"):
once the clerk has saved past "Mungkin data ganda" or "Periksa NIK", later edits that leave
the NIK, name and birth date as they were save without a word; an edit that makes a new
pair is asked about that pair only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from tests.gui.conftest import MessageBoxes
from tests.gui.worker_form_steps import (
    BORN,
    NIK_WOMAN,
    demo,
    fill_required,
    new_form,
    open_record,
    template,
    type_date,
    type_into,
)

__all__ = ["demo", "template"]  # fixtures

NAME = "Siti Rahma Sekali"


def save(qtbot: QtBot, dialog: object) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def edit_phone(qtbot: QtBot, services: AppServices, worker_id: str, phone: str) -> None:
    dialog = open_record(qtbot, services, worker_id)
    type_into(qtbot, dialog.form.phone_edit, phone)
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        save(qtbot, dialog)


def test_a_pair_saved_past_the_question_is_not_asked_about_again(
    qtbot: QtBot, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    admin = demo.office.local_actor()
    first = new_form(qtbot, demo)
    fill_required(qtbot, first, NIK_WOMAN, NAME)
    with qtbot.waitSignal(first.saved, timeout=3000):
        save(qtbot, first)
    assert message_boxes.shown == []

    # The same name and birth date, another NIK: asked, and saved past the question.
    second = new_form(qtbot, demo)
    fill_required(qtbot, second, make_nik("16.02.05", BORN, Sex.FEMALE, 9875), NAME)
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole  # Tetap simpan
    with qtbot.waitSignal(second.saved, timeout=3000):
        save(qtbot, second)
    assert [m.title for m in message_boxes.shown] == ["Mungkin data ganda"]
    assert second.saved_id is not None and first.saved_id is not None

    # Later edits of either record that leave the identity alone: not a word.
    message_boxes.shown.clear()
    edit_phone(qtbot, demo, second.saved_id, "081200000001")
    edit_phone(qtbot, demo, first.saved_id, "081200000002")
    assert message_boxes.shown == []
    assert demo.workers.get(second.saved_id).phone == "081200000001"

    # An edit that makes a NEW pair is asked about that pair only.
    third = demo.workers.create(
        admin,
        {
            "nik": make_nik("16.02.05", date(1988, 2, 3), Sex.FEMALE, 9876),
            "name": "Dewi Lestari",
            "sex": "P",
            "birth_date": date(1988, 2, 3),
            "village_code": demo.regions.children("16.02.05")[0].code,
            "category": "pekerja_rentan",
        },
    )
    dialog = open_record(qtbot, demo, second.saved_id)
    type_into(qtbot, dialog.form.nik_edit, make_nik("16.02.05", date(1988, 2, 3), Sex.FEMALE, 9877))
    type_into(qtbot, dialog.form.name_edit, "Dewi Lestari")
    type_date(qtbot, dialog.form.birth_date_edit, date(1988, 2, 3))
    assert dialog.form.birth_message.kind() == ""  # the NIK agrees: only the pair to ask
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal
    save(qtbot, dialog)
    asked = [m for m in message_boxes.shown if m.title == "Mungkin data ganda"]
    assert len(asked) == 1
    assert "Dewi Lestari" in asked[0].details
    assert NAME not in asked[0].details  # the pair it already had is not asked about
    assert demo.workers.get(third).name == "Dewi Lestari"
    assert demo.workers.get(second.saved_id).name == NAME  # Batal saved nothing


def test_a_nik_warning_answered_once_is_not_asked_at_every_edit(
    qtbot: QtBot, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = new_form(qtbot, demo)
    fill_required(qtbot, dialog, NIK_WOMAN, NAME)
    type_date(qtbot, dialog.form.birth_date_edit, date(1990, 7, 2))  # the KTP says so
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        save(qtbot, dialog)
    assert [m.title for m in message_boxes.shown] == ["Periksa NIK"]
    assert dialog.saved_id is not None

    message_boxes.shown.clear()
    edit_phone(qtbot, demo, dialog.saved_id, "081299990000")
    assert message_boxes.shown == []

    # A new disagreement (another date typed) is asked about again.
    again = open_record(qtbot, demo, dialog.saved_id)
    assert again.form.birth_message.kind() == "warning"  # still shown under the field
    type_date(qtbot, again.form.birth_date_edit, date(1990, 7, 3))
    with qtbot.waitSignal(again.saved, timeout=3000):
        save(qtbot, again)
    assert [m.title for m in message_boxes.shown] == ["Periksa NIK"]
