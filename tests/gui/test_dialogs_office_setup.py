"""Berkas → Siapkan kantor (issue 18, item 7): required fields wear a red "*" that a legend
explains, the grey button says why it is grey, and an error line under a field never moves
the fields below it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.dialogs.office_setup import OfficeSetupDialog
from tests.gui.fit import assert_fits, assert_nothing_cut


def shown_dialog(qtbot: QtBot, services: AppServices) -> OfficeSetupDialog:
    dialog = OfficeSetupDialog(services.office, services.regions)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_required_fields_are_marked_and_the_grey_button_says_why(
    qtbot: QtBot, services: AppServices
):
    dialog = shown_dialog(qtbot, services)
    form = dialog.form
    captions = {label.buddy(): label for label in dialog.findChildren(QLabel) if label.buddy()}
    assert "*" in captions[form.region_edit].text()
    assert "*" in captions[form.name_edit].text()
    assert "*" not in captions[form.kind_combo].text()
    legend = dialog.findChild(QLabel, "requiredLegend")
    assert legend is not None and legend.isVisible()
    assert "* wajib diisi" in _plain(legend.text())
    assert QApplication.focusWidget() is form.region_edit

    assert not dialog.ok_button.isEnabled()
    assert form.reason_line.isVisible()
    assert form.reason_line.text() == (
        "Isi Kode wilayah dan Nama kantor (bertanda *) untuk melanjutkan."
    )
    assert_fits(dialog)
    assert_nothing_cut(dialog)

    qtbot.keyClicks(form.region_edit, "1602")
    assert form.reason_line.text() == "Isi Nama kantor (bertanda *) untuk melanjutkan."
    assert not dialog.ok_button.isEnabled()
    # Alt+N goes to the name, as the caption's underlined letter says.
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is form.name_edit
    qtbot.keyClicks(form.name_edit, "Dinas Sosial OKI")
    assert dialog.ok_button.isEnabled()
    assert not form.reason_line.isVisible()

    form.region_edit.clear()
    assert not dialog.ok_button.isEnabled()
    assert form.reason_line.text() == "Isi Kode wilayah (bertanda *) untuk melanjutkan."


def test_an_error_line_never_moves_the_fields_below(qtbot: QtBot, services: AppServices):
    dialog = shown_dialog(qtbot, services)
    form = dialog.form
    name_at = form.name_edit.mapTo(dialog, form.name_edit.rect().topLeft())
    buttons_at = dialog.ok_button.mapTo(dialog, dialog.ok_button.rect().topLeft())

    qtbot.keyClicks(form.region_edit, "16.2")
    qtbot.keyClicks(form.name_edit, "Dinas Sosial Kabupaten Ogan Komering Ilir")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert form.region_error.isVisible()
    assert form.region_error.text().startswith("Kode wilayah 16.2 tidak dikenali.")
    assert form.region_error.height() >= form.region_error.heightForWidth(
        form.region_error.width()
    )  # the whole message shows, nothing cut
    assert form.name_edit.mapTo(dialog, form.name_edit.rect().topLeft()) == name_at
    assert dialog.ok_button.mapTo(dialog, dialog.ok_button.rect().topLeft()) == buttons_at
    assert_fits(dialog)
    assert_nothing_cut(dialog)

    # A kecamatan code for a regency office: another error in the same place.
    form.region_edit.clear()
    qtbot.keyClicks(form.region_edit, "16.02.05")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "kode kecamatan" in form.region_error.text()
    assert form.name_edit.mapTo(dialog, form.name_edit.rect().topLeft()) == name_at

    form.region_edit.clear()
    qtbot.keyClicks(form.region_edit, "1602")
    assert not form.region_error.isVisible()
    assert form.name_edit.mapTo(dialog, form.name_edit.rect().topLeft()) == name_at
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    info = services.office.info()
    assert info is not None and info.region_code == "16.02"


def _plain(html: str) -> str:
    label = QLabel()
    label.setText(html)
    return label.text().replace('<span style="color: #b3261e;">', "").replace("</span>", "")
