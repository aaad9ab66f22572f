"""The fit helpers catch what they are meant to: a dialog too tall for 1366×768 with a
taskbar, a label or a button whose text is cut short."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout
from pytestqt.qtbot import QtBot

from tests.gui.fit import assert_fits, assert_nothing_cut, cut_texts


def test_a_dialog_taller_than_the_screen_less_its_taskbar_does_not_fit(qtbot: QtBot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setMinimumHeight(720)
    dialog.show()
    with pytest.raises(AssertionError, match="more than 1366×700"):
        assert_fits(dialog)


def test_cut_labels_and_buttons_are_found(qtbot: QtBot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    one_line = QLabel("Pegawai Non-ASN dan tenaga kontrak desa")
    wrapped = QLabel("Kalimat panjang yang dibungkus " * 6)
    wrapped.setWordWrap(True)
    button = QPushButton("Muat data contoh sekarang juga")
    for widget in (one_line, wrapped, button):
        layout.addWidget(widget)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_nothing_cut(dialog)
    assert_fits(dialog)

    layout.setEnabled(False)  # the layout no longer gives them their room
    one_line.resize(40, one_line.height())
    wrapped.resize(wrapped.width(), 10)
    button.resize(30, button.height())
    assert sorted(cut_texts(dialog)) == sorted([one_line.text(), wrapped.text(), button.text()])
    one_line.setToolTip(one_line.text())  # elided on purpose, whole in the tooltip
    assert one_line.text() not in cut_texts(dialog)
