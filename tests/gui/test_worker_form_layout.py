"""The worker form's layout helps (issue 18, item 7): required fields are marked, a grey
Simpan says why, error lines never push a field down, no Alt+letter opens two things, and
the form fits a 1366×768 screen with a taskbar."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Programme, Sex
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from desktop.ui.roster.status_dialog import StatusDialog
from desktop.ui.roster.worker_dialog import OPEN_WIDTH, WorkerDialog
from tests.gui.mnemonics import clashes, window_mnemonics
from tests.gui.worker_form_steps import (
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

REQUIRED = ("nik", "name", "birth_date", "sex", "district", "village", "category", "programmes")
OPTIONAL = ("kk", "birth_place", "address", "phone", "subcategory", "position", "kpj", "income")
# Screen 768 px high, less a taskbar (~40) and the dialog's title bar (~30).
MOST_HEIGHT = 700 - 30


def test_required_fields_are_marked_with_a_legend(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    captions = dialog.form.captions
    for key in REQUIRED:
        assert captions[key].text().rstrip().endswith("*</span>"), key
        assert captions[key].accessibleName().endswith("(wajib diisi)"), key
    for key in OPTIONAL:
        assert "*" not in captions[key].text(), key
    legend = dialog.findChild(QLabel, "requiredLegend")
    assert legend is not None and legend.isVisible()
    assert "wajib diisi" in legend.text()


def test_a_grey_simpan_says_which_fields_are_missing(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    assert not dialog.save_button.isEnabled()
    assert dialog.reason_line.isVisible()
    assert dialog.reason_line.text() == (
        "Untuk menyimpan, isi NIK, Nama lengkap, Tanggal lahir, Jenis kelamin, Kecamatan, "
        "Desa, dan Kategori."
    )
    assert dialog.save_button.toolTip() == dialog.reason_line.text()
    qtbot.keyClicks(form.nik_edit, NIK_WOMAN)  # birth date and sex come with it
    assert dialog.reason_line.text() == (
        "Untuk menyimpan, isi Nama lengkap, Kecamatan, Desa, dan Kategori."
    )
    qtbot.keyClicks(form.name_edit, "Siti Rahma")
    choose(qtbot, form.district_combo, "16.02.05")
    choose(qtbot, form.village_combo, form.village_combo.itemText(0).split(" ")[0])
    assert dialog.reason_line.text() == "Untuk menyimpan, isi Kategori."
    choose(qtbot, form.category_combo, "Pekerja Rentan")
    assert dialog.save_button.isEnabled()
    assert not dialog.reason_line.isVisible()
    assert dialog.save_button.toolTip() == ""
    for programme in (Programme.JKK, Programme.JKM):
        form.programme_checks[programme].click()
    assert dialog.reason_line.text() == "Untuk menyimpan, isi Program."
    type_into(qtbot, form.kk_edit, "1602")
    assert dialog.reason_line.text() == "Untuk menyimpan, isi Program, lalu perbaiki No. KK."


def positions(dialog: WorkerDialog) -> dict[str, int]:
    """Where each field and button stands in the dialog, by its place in the tree."""
    QApplication.processEvents()
    found = {}
    kinds = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractButton)
    widgets = [w for w in dialog.findChildren(QWidget) if isinstance(w, kinds)]
    for i, widget in enumerate(w for w in widgets if w.isVisibleTo(dialog)):
        point = widget.mapTo(dialog, QPoint(0, 0))
        found[f"{i}:{type(widget).__name__}:{widget.objectName()}"] = point.y()
    return found


def test_error_lines_do_not_move_the_fields(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    fill_required(qtbot, dialog, NIK_WOMAN, "Siti Rahma")
    quiet = positions(dialog)
    assert len(quiet) > 20

    # Every line under a field at once, long ones among them.
    unknown_area = make_nik("16.02.99", date(1990, 7, 1), Sex.FEMALE, 9873)
    type_into(qtbot, form.nik_edit, unknown_area)
    assert form.nik_message.kind() == "warning"
    type_date(qtbot, form.birth_date_edit, date.today() + timedelta(days=3))
    type_into(qtbot, form.kk_edit, "1602")
    type_into(qtbot, form.kpj_edit, "12")
    type_date(qtbot, form.coverage_start_edit, date(2099, 1, 1))
    type_date(qtbot, form.coverage_end_edit, date(2099, 12, 31))
    shown = [form.nik_message, form.birth_message, form.kk_message, form.kpj_message]
    assert all(line.isVisible() and line.message() for line in shown)
    assert form.coverage_message.kind() == "warning"
    assert positions(dialog) == quiet

    type_into(qtbot, form.nik_edit, "1602")  # an error instead of a warning
    assert form.nik_message.kind() == "error"
    assert positions(dialog) == quiet

    # And all gone again.
    type_into(qtbot, form.nik_edit, NIK_WOMAN)
    type_date(qtbot, form.birth_date_edit, date(1990, 7, 1))
    for field in (form.kk_edit, form.kpj_edit):
        type_into(qtbot, field, "")
    for field in (form.coverage_start_edit, form.coverage_end_edit):
        type_date(qtbot, field, "")
    assert [line.kind() for line in shown] == ["", "hint", "", ""]  # "diisi menurut NIK"
    assert positions(dialog) == quiet


def test_a_text_longer_than_its_room_ends_in_an_ellipsis_and_is_whole_in_the_tooltip(
    qtbot: QtBot, demo: AppServices
) -> None:
    dialog = new_form(qtbot, demo)
    line = dialog.form.kk_message  # one line of room
    height = line.height()
    text = "Kalimat panjang tentang nomor KK ini. " * 6
    line.show_error(text.strip())
    assert line.height() == height
    assert line.text().endswith("…")
    assert line.toolTip() == text.strip()
    assert line.message() == text.strip()


def first_worker(services: AppServices) -> str:
    return services.roster.rows(services.roster.matching_ids(RosterFilter()))[0].id


def test_no_alt_letter_opens_two_things(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    found = window_mnemonics(dialog)
    assert clashes(found) == {}
    # The checker sees the captions of the fields and the buttons.
    assert {m.letter for m in found} >= set("nkmelhacdogjpirbst")

    worker = first_worker(demo)
    stored = open_record(qtbot, demo, worker)
    assert stored.status_button.isVisible()
    assert clashes(window_mnemonics(stored)) == {}
    stored.tabs.setCurrentIndex(1)  # Riwayat perubahan
    assert clashes(window_mnemonics(stored)) == {}

    status = StatusDialog(demo.workers.get(worker), stored)
    qtbot.addWidget(status)
    status.show()
    assert clashes(window_mnemonics(status)) == {}


def test_the_form_fits_a_1366x768_screen(qtbot: QtBot, demo: AppServices) -> None:
    for dialog in (
        new_form(qtbot, demo),
        open_record(qtbot, demo, first_worker(demo)),
    ):
        layout = dialog.layout()
        assert layout is not None
        assert layout.totalHeightForWidth(OPEN_WIDTH) <= MOST_HEIGHT
        assert dialog.minimumSizeHint().height() <= MOST_HEIGHT
        assert dialog.minimumSizeHint().width() <= 1366 - 40
        assert OPEN_WIDTH <= 1366 - 40


def test_tab_goes_down_the_first_column_then_the_second(qtbot: QtBot, demo: AppServices) -> None:
    dialog = new_form(qtbot, demo)
    form = dialog.form
    expected = [
        form.nik_edit,
        form.kk_edit,
        form.name_edit,
        form.birth_date_edit,
        form.sex_combo,
        form.birth_place_edit,
        form.address_edit,
        form.district_combo,
        form.village_combo,
        form.phone_edit,
        form.category_combo,
        form.subcategory_combo,
        form.position_edit,
        form.kpj_edit,
        *form.programme_checks.values(),
        form.income_spin,
        form.coverage_start_edit,
        form.coverage_end_edit,
        form.funding_combo,
    ]
    form.nik_edit.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        # A spin box's focus rests in its line edit.
        seen.append(
            focused.parentWidget()
            if isinstance(focused.parentWidget(), QAbstractSpinBox)
            else focused
        )
    assert seen == expected
