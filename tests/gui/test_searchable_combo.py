"""Kecamatan and desa pickers find a place by any part of its name, as a clerk types it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.ui.widgets import SearchableCombo

PLACES = [
    ("16.02.01", "16.02.01 \u2014 Lempuing"),
    ("16.02.05", "16.02.05 \u2014 Kayu Agung"),
    ("16.02.06", "16.02.06 \u2014 Kayu Aro Baru"),
    ("16.02.07", "16.02.07 \u2014 Tanjung Lubuk"),
]


def _combo(qtbot: QtBot, *, all_item: bool = False) -> SearchableCombo:
    combo = SearchableCombo()
    qtbot.addWidget(combo)
    if all_item:
        combo.addItem("Semua kecamatan", None)
    for code, label in PLACES:
        combo.addItem(label, code)
    combo.setCurrentIndex(0 if all_item else -1)
    combo.setPlaceholderText("(pilih kecamatan)")
    other = QLineEdit()
    qtbot.addWidget(other)
    combo.show()
    other.show()
    combo.setFocus()
    combo.other = other  # type: ignore[attr-defined]
    return combo


def _offered(combo: SearchableCombo) -> list[str]:
    completer = combo.completer()
    assert completer is not None
    model = completer.completionModel()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_typing_part_of_a_name_offers_only_the_places_that_contain_it(qtbot: QtBot) -> None:
    combo = _combo(qtbot)
    qtbot.keyClicks(combo.lineEdit(), "agung")
    assert _offered(combo) == ["16.02.05 \u2014 Kayu Agung"]
    qtbot.keyClicks(combo.lineEdit(), "")
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), "kayu")
    assert _offered(combo) == ["16.02.05 \u2014 Kayu Agung", "16.02.06 \u2014 Kayu Aro Baru"]


def test_choosing_an_offer_picks_that_place(qtbot: QtBot) -> None:
    combo = _combo(qtbot)
    qtbot.keyClicks(combo.lineEdit(), "lubuk")
    completer = combo.completer()
    assert completer is not None
    popup = completer.popup()
    qtbot.waitUntil(popup.isVisible)
    popup.setCurrentIndex(completer.completionModel().index(0, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert combo.currentData() == "16.02.07"


def test_one_match_left_is_chosen_when_the_clerk_moves_on(qtbot: QtBot) -> None:
    combo = _combo(qtbot)
    qtbot.keyClicks(combo.lineEdit(), "LEMPU")
    combo.other.setFocus()  # type: ignore[attr-defined]
    QApplication.processEvents()
    combo.lineEdit().editingFinished.emit()
    assert combo.currentData() == "16.02.01"
    assert combo.lineEdit().text() == "16.02.01 \u2014 Lempuing"


def test_text_that_names_no_place_is_not_kept(qtbot: QtBot) -> None:
    combo = _combo(qtbot)
    combo.setCurrentIndex(1)
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), "Palembang")
    combo.lineEdit().editingFinished.emit()
    assert combo.currentData() == "16.02.05"
    assert combo.lineEdit().text() == "16.02.05 \u2014 Kayu Agung"


def test_an_ambiguous_part_keeps_the_chosen_place(qtbot: QtBot) -> None:
    combo = _combo(qtbot)
    qtbot.keyClicks(combo.lineEdit(), "kayu")
    combo.lineEdit().editingFinished.emit()
    assert combo.currentIndex() == -1
    assert combo.lineEdit().text() == ""


def test_emptying_a_filter_goes_back_to_all(qtbot: QtBot) -> None:
    combo = _combo(qtbot, all_item=True)
    combo.setCurrentIndex(2)
    combo.lineEdit().clear()
    combo.lineEdit().editingFinished.emit()
    assert combo.currentIndex() == 0 and combo.currentData() is None
    assert combo.lineEdit().text() == "Semua kecamatan"
