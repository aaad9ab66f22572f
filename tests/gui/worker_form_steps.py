"""What the worker-form tests do as a clerk would: open the form, type a NIK, a date, pick a
kecamatan by typing its code (test helpers for tests/gui/test_worker_form_*.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.ui.roster.form_parts import DateField
from desktop.ui.roster.worker_dialog import WorkerDialog
from desktop.ui.widgets import SearchableCombo

BORN = date(1990, 7, 1)
NIK_WOMAN = make_nik("16.02.05", BORN, Sex.FEMALE, 9871)  # "1602054107909871"
NIK_MAN = make_nik("16.02.05", date(1985, 3, 12), Sex.MALE, 9872)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("worker-form") / "demo.db"
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


def show(qtbot: QtBot, dialog: WorkerDialog) -> WorkerDialog:
    qtbot.addWidget(dialog)
    with qtbot.waitActive(dialog):  # focus moves (Tab, leaving a field) as in a real window
        dialog.show()
        dialog.activateWindow()
    return dialog


def new_form(qtbot: QtBot, services: AppServices) -> WorkerDialog:
    """The Tambah peserta form, shown."""
    return show(
        qtbot, WorkerDialog(services.workers, services.regions, services.office.local_actor())
    )


def open_record(qtbot: QtBot, services: AppServices, worker_id: str) -> WorkerDialog:
    """The Data peserta form of one worker, shown."""
    record = services.workers.get(worker_id)
    return show(
        qtbot,
        WorkerDialog(
            services.workers, services.regions, services.office.local_actor(), record=record
        ),
    )


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Click into *widget*, select what it holds, and type *text* over it."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(widget, text)
    else:
        qtbot.keyClick(widget, Qt.Key.Key_Delete)


def type_date(qtbot: QtBot, field: DateField, day: date | str) -> None:
    """Type a date as a clerk does: its eight digits (the dashes are in place)."""
    type_into(qtbot, field, day if isinstance(day, str) else day.strftime("%d%m%Y"))


def choose(qtbot: QtBot, combo: QComboBox, start: str) -> None:
    """Pick the item of *combo* whose text starts with *start*, by typing it (up to its
    first space: a space opens the list). A place picker (typed into, its list narrowed to
    what contains the text) takes the one place left when the clerk moves on with Tab."""
    combo.setFocus()
    if isinstance(combo, SearchableCombo):
        line = combo.lineEdit()
        assert line is not None
        line.selectAll()
        qtbot.keyClicks(line, start)
        qtbot.keyClick(line, Qt.Key.Key_Tab)
        shown = combo.itemText(combo.currentIndex())
    else:
        qtbot.keyClicks(combo, start.split(" ")[0])
        shown = combo.currentText()
    assert shown.startswith(start), (shown, start)


def fill_required(qtbot: QtBot, dialog: WorkerDialog, nik: str, name: str) -> None:
    """Type the NIK and name, pick kecamatan 16.02.05, its first desa and a category."""
    form = dialog.form
    qtbot.keyClicks(form.nik_edit, nik)
    qtbot.keyClicks(form.name_edit, name)
    choose(qtbot, form.district_combo, "16.02.05")
    choose(qtbot, form.village_combo, form.village_combo.itemText(0).split(" ")[0])
    choose(qtbot, form.category_combo, "Pekerja Rentan")
