"""The language is chosen in the window (issue 18, item 8): Pengaturan → Bahasa keeps the
choice for the next start, SIGAP_LANG still decides when set; the Sex column is words of
the language, not L/P codes alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.app import startup_language
from desktop.ui.i18n import chosen_language, install_translator
from desktop.ui.main_window import MainWindow
from desktop.ui.roster.model import COL_SEX, ObjectRole
from desktop.ui.settings import saved_language
from tests.gui.conftest import MessageBoxes


def _menu(window: MainWindow, title: str) -> QMenu:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text().replace("&", "") == title:
            return menu
    raise AssertionError(title)


def test_the_language_menu_keeps_the_choice_for_the_next_start(
    qtbot: QtBot,
    office_services: AppServices,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("SIGAP_LANG", raising=False)
    window = MainWindow(office_services)
    qtbot.addWidget(window)
    settings = _menu(window, "Pengaturan")
    [language] = [a.menu() for a in settings.actions() if a.menu() is not None]
    assert language.title() == "&Bahasa"
    names = [a.text() for a in language.actions()]
    assert names == ["Bahasa &Indonesia", "&English"]
    assert window.language_actions["id"].isChecked()

    window.language_actions["en"].trigger()

    assert saved_language() == "en"
    assert window.language_actions["en"].isChecked()
    assert not window.language_actions["id"].isChecked()
    assert message_boxes.shown[-1].title == "Bahasa"
    assert message_boxes.texts[-1] == "Sigap akan memakai English setelah ditutup dan dibuka lagi."
    assert startup_language() == "en"

    window.language_actions["id"].trigger()  # back to the language in use: nothing to restart
    assert saved_language() == "id" and len(message_boxes.shown) == 1
    assert window.statusBar().currentMessage() == "Sigap sudah memakai Bahasa Indonesia."


def test_sigap_lang_still_decides_and_the_menu_says_so(
    qtbot: QtBot,
    office_services: AppServices,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SIGAP_LANG", "id")
    window = MainWindow(office_services)
    qtbot.addWidget(window)
    window.language_actions["en"].trigger()
    assert saved_language() == "en"
    assert "SIGAP_LANG" in message_boxes.texts[-1]
    assert startup_language() == "id"


@pytest.mark.parametrize(
    ("env", "saved", "expected"),
    [
        ({}, "en", "en"),
        ({}, "id", "id"),
        ({}, None, "id"),
        ({"SIGAP_LANG": "id"}, "en", "id"),
        ({"SIGAP_LANG": "en"}, "id", "en"),
        ({}, "fr", "id"),
    ],
)
def test_the_saved_language_comes_after_sigap_lang(env, saved, expected):
    assert chosen_language(env, ["id-ID"], saved=saved) == expected


def test_the_sex_column_speaks_the_language(
    qtbot: QtBot, qapp: QApplication, services: AppServices
) -> None:
    services.demo.generate(workers=30, seed=8)
    window = MainWindow(services)
    qtbot.addWidget(window)
    model = window.roster_tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 30, timeout=5000)
    shown = {
        (model.index(r, 0).data(ObjectRole).sex, model.index(r, COL_SEX).data(),
         model.index(r, COL_SEX).data(Qt.ItemDataRole.ToolTipRole))
        for r in range(30)
    }  # fmt: skip
    assert shown == {("L", "L", "Laki-laki"), ("P", "P", "Perempuan")}
    window.roster_tab.wait_for_queries()

    translator = install_translator(qapp, "en")
    assert translator is not None
    try:
        english = MainWindow(services)
        qtbot.addWidget(english)
        model = english.roster_tab.model
        qtbot.waitUntil(lambda: model.rowCount() == 30, timeout=5000)
        tips = {model.index(r, COL_SEX).data(Qt.ItemDataRole.ToolTipRole) for r in range(30)}
        assert tips == {"Male", "Female"}
        english.roster_tab.wait_for_queries()
    finally:
        qapp.removeTranslator(translator)
