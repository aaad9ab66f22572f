"""The worker form and dates far ahead: coverage in 2099 is shown as a warning and asked about
before saving; a date of death after today is refused at its field."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from desktop.ui.roster import RosterTab
from desktop.ui.roster.model import ObjectRole
from desktop.ui.roster.worker_dialog import StatusDialog, WorkerDialog
from tests.gui.conftest import MessageBoxes

BORN = date(1990, 7, 1)
NIK = make_nik("16.02.05", BORN, Sex.FEMALE, 9871)
NAME = "Siti Jauh Kedepan"
IN_2099 = date(2099, 1, 1)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("far-dates") / "demo.db"
    made = AppServices.open(path)
    made.demo.generate(workers=30, seed=5)
    made.close()
    return path


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[AppServices]:
    path = tmp_path / "demo.db"
    shutil.copy(template, path)
    opened = AppServices.open(path)
    yield opened
    opened.close()


@pytest.fixture
def tab(qtbot: QtBot, demo: AppServices) -> Iterator[RosterTab]:
    widget = RosterTab(demo)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitSignal(widget.idsLoaded, timeout=5000):
        widget.update_counts(demo.health.counts())
    yield widget
    widget.wait_for_queries()


def new_worker(tab: RosterTab, born: date = BORN) -> WorkerDialog:
    """The form for a new worker, filled in so that nothing but the dates needs a word."""
    dialog = tab.add_worker()
    QTest.keyClicks(dialog.form.nik_edit, NIK)  # fills the birth date and sex
    QTest.keyClicks(dialog.form.name_edit, NAME)
    if born != BORN:
        dialog.form.birth_date_edit.setFocus()
        dialog.form.birth_date_edit.selectAll()
        QTest.keyClicks(dialog.form.birth_date_edit, born.strftime("%d%m%Y"))
    dialog.form.district_combo.setCurrentIndex(dialog.form.district_combo.findData("16.02.05"))
    dialog.form.village_combo.setCurrentIndex(0)
    dialog.form.category_combo.setCurrentIndex(
        dialog.form.category_combo.findData("pekerja_rentan")
    )
    return dialog


def saved(demo: AppServices) -> int:
    return demo.roster.count(RosterFilter(text=NAME.lower()))


def test_coverage_in_2099_warns_and_asks_before_saving(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = new_worker(tab)
    assert dialog.form.nik_message.text() == ""
    assert not dialog.form.coverage_message.isVisible()
    dialog.form.coverage_start_edit.setDate(IN_2099)
    assert dialog.form.coverage_message.isVisible()
    assert dialog.form.coverage_message.message().startswith(
        "Mulai kepesertaan 1 Januari 2099 lebih dari setahun lagi."
    )
    assert dialog.save_button.isEnabled()  # a warning, not an error

    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [m.title for m in message_boxes.shown] == ["Periksa tanggal"]
    question = message_boxes.shown[-1]
    assert question.icon == QMessageBox.Icon.Question
    assert "Mulai kepesertaan 1 Januari 2099" in question.text
    assert sorted(question.buttons) == ["Batal", "Tetap simpan"]
    assert saved(demo) == 0
    assert dialog.isVisible() and dialog.form.name_edit.text() == NAME

    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole
    saved_ids: list[str] = []
    dialog.saved.connect(saved_ids.append)
    with qtbot.waitSignal(tab.idsLoaded, timeout=3000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [m.title for m in message_boxes.shown] == ["Periksa tanggal", "Periksa tanggal"]
    assert saved(demo) == 1
    [worker_id] = saved_ids
    assert demo.workers.get(worker_id).coverage_start == date(2099, 1, 1)
    assert tab.findChildren(WorkerDialog) == []  # closed


def test_the_warning_follows_the_dates_as_they_are_typed(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = new_worker(tab)
    dialog.form.coverage_start_edit.setDate(IN_2099)
    assert dialog.form.coverage_message.isVisible()
    soon = date.today() + timedelta(days=335)  # eleven months ahead: planned, no warning
    dialog.form.coverage_start_edit.setDate(soon)
    assert not dialog.form.coverage_message.isVisible()
    assert dialog.form.coverage_message.text() == ""
    dialog.form.coverage_end_edit.setDate(date(2099, 12, 31))
    assert dialog.form.coverage_message.isVisible()
    assert dialog.form.coverage_message.message().startswith("Akhir kepesertaan 31 Desember 2099")
    dialog.form.coverage_start_edit.setDate(IN_2099)
    assert dialog.form.coverage_message.message().startswith(  # both dates named
        "Mulai 1 Januari 2099 dan akhir 31 Desember 2099 lebih dari setahun lagi."
    )
    dialog.form.coverage_start_edit.setDate(soon)
    dialog.form.coverage_end_edit.setDate(None)  # emptied
    assert not dialog.form.coverage_message.isVisible()

    with qtbot.waitSignal(tab.idsLoaded, timeout=3000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown == []  # nothing to ask about
    assert saved(demo) == 1


def test_the_nik_question_comes_first_and_batal_there_asks_nothing_more(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    # The NIK says 1 July 1990; the form says 2 July: a NIK warning as well.
    dialog = new_worker(tab, born=date(1990, 7, 2))
    assert dialog.form.birth_message.message().startswith("Berbeda dengan NIK (lahir 1 Juli 1990)")
    dialog.form.coverage_end_edit.setDate(IN_2099)
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [m.title for m in message_boxes.shown] == ["Periksa NIK"]
    assert saved(demo) == 0

    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole
    with qtbot.waitSignal(tab.idsLoaded, timeout=3000):
        QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [m.title for m in message_boxes.shown] == [
        "Periksa NIK",
        "Periksa NIK",
        "Periksa tanggal",
    ]
    assert saved(demo) == 1


def open_first(qtbot: QtBot, tab: RosterTab) -> WorkerDialog:
    tab.show()
    qtbot.waitExposed(tab)
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    QTest.keyClick(tab.table, Qt.Key.Key_Return)
    dialogs = tab.findChildren(WorkerDialog)
    assert len(dialogs) == 1
    return dialogs[0]


def test_editing_a_worker_into_2099_can_be_called_off(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    worker = tab.model.index(0, 0).data(ObjectRole)
    dialog = open_first(qtbot, tab)
    before = demo.workers.get(worker.id)
    history = len(demo.workers.history(worker.id))
    dialog.form.coverage_end_edit.setDate(IN_2099)
    assert "Akhir kepesertaan 1 Januari 2099" in dialog.form.coverage_message.message()
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    QTest.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown[-1].title == "Periksa tanggal"
    assert demo.workers.get(worker.id) == before
    assert len(demo.workers.history(worker.id)) == history
    assert dialog.isVisible()


@pytest.mark.parametrize("ahead", [1, 365 * 73])
def test_the_status_dialog_refuses_a_date_of_death_after_today(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, message_boxes: MessageBoxes, ahead: int
) -> None:
    worker = tab.model.index(0, 0).data(ObjectRole)
    dialog = open_first(qtbot, tab)
    before = demo.workers.get(worker.id)
    dialog.change_status()
    status = dialog.findChild(StatusDialog)
    assert status is not None
    status.status_combo.setCurrentIndex(status.status_combo.findData("meninggal"))
    field = status.death_date_edit
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, (date.today() + timedelta(days=ahead)).strftime("%d%m%Y"))
    # Refused at the field, at once: red under it, Simpan grey and saying why.
    assert status.death_message.isVisible()
    assert status.death_message.message() == "Tanggal meninggal tidak boleh setelah hari ini."
    assert not status.save_button.isEnabled()
    assert status.reason_line.text() == "Untuk menyimpan, perbaiki Tanggal meninggal."
    QTest.mouseClick(status.save_button, Qt.MouseButton.LeftButton)
    assert status.isVisible()
    assert message_boxes.shown == []  # an error, not a question that lets it through
    assert demo.workers.get(worker.id) == before
    # Fixed, the red line goes at once.
    field.selectAll()
    QTest.keyClicks(field, date.today().strftime("%d%m%Y"))
    assert not status.death_message.isVisible()
    assert status.save_button.isEnabled()
