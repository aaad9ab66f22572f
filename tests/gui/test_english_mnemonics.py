"""In English too, no Alt+letter opens two things (issue 18, item 7): the main window's menu
titles, tab titles and buttons, each menu's items, the worker form, its status dialog, the
import wizard's pages and the Sync dialog's tabs all carry distinct English mnemonics."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from desktop.services.roster_import import RosterImportService
from desktop.spreadsheets.columns import MappingMemory
from desktop.ui.i18n import install_translator
from desktop.ui.main_window import MainWindow
from desktop.ui.roster.import_wizard import PAGE_DONE, PAGE_MAPPING, PAGE_PREVIEW, ImportWizard
from desktop.ui.roster.status_dialog import StatusDialog
from desktop.ui.sync import SyncDialog, drives
from tests import fixtures_messy as messy
from tests.gui.mnemonics import (
    Mnemonic,
    all_menus,
    clashes,
    menu_mnemonics,
    window_mnemonics,
)
from tests.gui.worker_form_steps import demo, new_form, open_record, template
from tests.integration.sync_helpers import (
    Office,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)

__all__ = ["demo", "template"]  # fixtures


@pytest.fixture
def english(qapp: QApplication) -> Iterator[None]:
    """The English translation installed for the test, Indonesian again after it."""
    translator = install_translator(qapp, "en")
    assert translator is not None
    yield
    qapp.removeTranslator(translator)
    install_translator(qapp, "id")


def _window(qtbot: QtBot, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _texts(found: list[Mnemonic]) -> set[str]:
    """The texts carrying the mnemonics, without a required field's red "*"."""
    return {re.sub(r"<[^>]*>|\*", "", m.text).strip() for m in found}


def test_the_main_window_in_english_has_distinct_mnemonics(
    qtbot: QtBot, office_services: AppServices, english: None
) -> None:
    window = _window(qtbot, office_services)
    assert window.roster_tab.import_regions_button.isVisibleTo(window)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        found = window_mnemonics(window)
        assert clashes(found) == {}, window.tabs.tabText(index)
    window.tabs.setCurrentIndex(0)
    shown = _texts(window_mnemonics(window))
    assert {"&File", "&Sync", "Se&ttings", "&Help", "&Workers", "&Add worker…"} <= shown
    window.roster_tab.wait_for_queries()


def test_every_menu_in_english_has_distinct_mnemonics(
    qtbot: QtBot, office_services: AppServices, english: None
) -> None:
    window = _window(qtbot, office_services)
    menus = all_menus(window.menuBar())
    assert "&Language" in {menu.title() for menu in menus}
    for menu in menus:
        assert clashes(menu_mnemonics(menu)) == {}, menu.title()
    window.roster_tab.wait_for_queries()


def test_the_no_match_message_in_english_adds_no_clash(
    qtbot: QtBot, services: AppServices, english: None
) -> None:
    services.demo.generate(workers=20, seed=2)
    window = _window(qtbot, services)
    roster = window.roster_tab
    with qtbot.waitSignal(roster.idsLoaded, timeout=5000):
        qtbot.keyClicks(roster.search_edit, "nobody of this name")
    assert roster.empty_message.isVisibleTo(window)
    found = window_mnemonics(window)
    assert "Cl&ear filters" in _texts(found)
    assert clashes(found) == {}
    roster.wait_for_queries()


def test_the_worker_form_in_english_has_distinct_mnemonics(
    qtbot: QtBot, demo: AppServices, english: None
) -> None:
    dialog = new_form(qtbot, demo)
    found = window_mnemonics(dialog)
    assert clashes(found) == {}
    assert {"&NIK", "Full na&me", "S&ex", "Date of &birth", "&Save", "&Close"} <= _texts(found)

    worker = demo.roster.rows(demo.roster.matching_ids(RosterFilter()))[0].id
    stored = open_record(qtbot, demo, worker)
    assert stored.status_button.isVisible()
    found = window_mnemonics(stored)
    assert clashes(found) == {}
    assert "Change s&tatus…" in _texts(found)
    stored.tabs.setCurrentIndex(1)  # Change history
    assert clashes(window_mnemonics(stored)) == {}

    status = StatusDialog(demo.workers.get(worker), stored)
    qtbot.addWidget(status)
    status.show()
    found = window_mnemonics(status)
    assert clashes(found) == {}
    assert {"S&tatus", "&Reason", "&Save", "&Cancel"} <= _texts(found)


def test_the_import_wizard_in_english_has_distinct_mnemonics(
    qtbot: QtBot,
    office_services: AppServices,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    hub = office_services
    hub.regions.import_file(messy.write_regions(tmp_path), actor=hub.office.local_actor())
    path = messy.write_messy_xlsx(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    parent = QWidget()
    qtbot.addWidget(parent)
    wizard = ImportWizard(
        RosterImportService(hub.database.engine),
        hub.office.local_actor(),
        memory=MappingMemory(tmp_path / "maps.json"),
        parent=parent,
    )
    wizard.resize(1200, 680)
    wizard.open()
    qtbot.waitExposed(wizard)

    def click(button: QWidget) -> None:
        assert button.isEnabled() and button.isVisible()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    seen: set[str] = set()

    def check_page() -> None:
        found = window_mnemonics(wizard)
        assert clashes(found) == {}, wizard.pages.currentIndex()
        seen.update(_texts(found))

    check_page()
    click(wizard.choose_button)
    check_page()
    with qtbot.waitSignal(wizard.previewReady, timeout=60_000):
        click(wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_MAPPING
    check_page()
    click(wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_PREVIEW
    check_page()
    with qtbot.waitSignal(wizard.imported, timeout=30_000):
        click(wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_DONE
    check_page()
    assert {"&Choose file…", "&Next >", "&Show:", "&Finish"} <= seen


@pytest.fixture
def network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Office, Office]]:
    """A hub and one kecamatan laptop joined to it; no USB stick plugged in."""
    monkeypatch.setattr(drives, "removable_drives", lambda: [])
    hub = make_hub(tmp_path / "net", workers=40)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path / "net", district, "kec-a")
    yield hub, laptop
    laptop.close()
    hub.close()


def test_the_sync_dialog_in_english_has_distinct_mnemonics(
    qtbot: QtBot,
    network: tuple[Office, Office],
    monkeypatch: pytest.MonkeyPatch,
    english: None,
) -> None:
    hub, laptop = network
    bundle = laptop.export()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    for office in (laptop, hub):
        dialog = SyncDialog(office.app)
        qtbot.addWidget(dialog)
        dialog.show()
        for index in range(dialog.tabs.count()):
            dialog.tabs.setCurrentIndex(index)
            assert clashes(window_mnemonics(dialog)) == {}, dialog.tabs.tabText(index)
    dialog.tabs.setCurrentIndex(0)
    tab = dialog.exchange_tab
    qtbot.mouseClick(tab.choose_bundle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.summary.isVisible(), timeout=20_000)
    assert clashes(window_mnemonics(dialog)) == {}
    with qtbot.waitSignal(dialog.dataChanged, timeout=20_000):
        qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.apply_button.isEnabled(), timeout=20_000)
    found = window_mnemonics(dialog)
    assert clashes(found) == {}
    assert {"Choose &bundle…", "&Open backup folder"} <= _texts(found)
