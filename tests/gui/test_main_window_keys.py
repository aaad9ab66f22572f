"""No Alt+letter of the main window opens two things (issue 18, item 7): the menu titles,
the tab titles and the buttons of the tab shown differ, and so do the items of each menu."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.main_window import MainWindow
from tests.gui.mnemonics import all_menus, clashes, menu_mnemonics, window_mnemonics


def _window(qtbot: QtBot, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_tab_with_the_menus_has_distinct_mnemonics(
    qtbot: QtBot, office_services: AppServices
) -> None:
    window = _window(qtbot, office_services)
    roster = window.roster_tab
    assert roster.import_regions_button.isVisibleTo(window)  # no regions yet: one more key
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        found = window_mnemonics(window)
        assert clashes(found) == {}, window.tabs.tabText(index)
        assert {"menu", "tab"} <= {m.kind for m in found}
    window.tabs.setCurrentIndex(0)
    assert {m.text for m in window_mnemonics(window)} >= {"&Tambah peserta…", "B&antuan"}


def test_the_no_match_message_adds_no_clash(qtbot: QtBot, services: AppServices) -> None:
    services.demo.generate(workers=20, seed=2)
    window = _window(qtbot, services)
    roster = window.roster_tab
    with qtbot.waitSignal(roster.idsLoaded, timeout=5000):
        qtbot.keyClicks(roster.search_edit, "tidak ada orang ini")
    assert roster.empty_message.isVisibleTo(window)
    found = window_mnemonics(window)
    assert "&Hapus filter" in {m.text for m in found}
    assert clashes(found) == {}


def test_every_menu_has_distinct_mnemonics(qtbot: QtBot, office_services: AppServices) -> None:
    window = _window(qtbot, office_services)
    menus = all_menus(window.menuBar())
    assert len(menus) >= 5  # Berkas, Sinkronisasi, Pengaturan, Bahasa, Bantuan
    for menu in menus:
        assert clashes(menu_mnemonics(menu)) == {}, menu.title()
