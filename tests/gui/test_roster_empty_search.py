"""A search or filter that matches nobody says so over the empty table, with the way back
(issue 18, item 8)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.roster import RosterTab


@pytest.fixture
def tab(qtbot: QtBot, services: AppServices) -> Iterator[RosterTab]:
    services.demo.generate(workers=40, seed=6)
    widget = RosterTab(services)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    with qtbot.waitSignal(widget.idsLoaded, timeout=5000):
        widget.update_counts(services.health.counts())
    yield widget
    widget.wait_for_queries()


def test_a_search_without_a_match_says_so_and_clears(qtbot: QtBot, tab: RosterTab) -> None:
    assert not tab.empty_message.isVisible()
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        qtbot.keyClicks(tab.search_edit, "Zulkarnaen Xyz")
    assert tab.model.rowCount() == 0
    message = tab.empty_message
    assert message.isVisible()
    assert message.label.text() == (
        "Tidak ada peserta yang cocok dengan pencarian “Zulkarnaen Xyz”."
    )
    assert message.button.isVisible() and message.button.text() == "&Hapus filter"
    assert message.geometry() == tab.table.viewport().rect()  # over the table, header kept

    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        qtbot.mouseClick(message.button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 40
    assert tab.search_edit.text() == ""
    assert not message.isVisible()
    assert tab.search_edit.hasFocus()


def test_filters_without_a_match_name_the_filters_and_clear_all(
    qtbot: QtBot, tab: RosterTab
) -> None:
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        tab.status_combo.setCurrentIndex(tab.status_combo.findData("meninggal"))
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        tab.ends_check.setChecked(True)
    tab.ends_spin.setValue(0)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0 and tab.empty_message.isVisible())
    assert tab.empty_message.label.text() == (
        "Tidak ada peserta yang cocok dengan filter yang dipilih."
    )
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        qtbot.keyClicks(tab.search_edit, "Siti")
    assert tab.empty_message.label.text() == (
        "Tidak ada peserta yang cocok dengan pencarian “Siti” dan filter yang dipilih."
    )

    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        tab.empty_message.button.click()
    assert tab.model.rowCount() == 40
    assert tab.status_combo.currentData() is None
    assert not tab.ends_check.isChecked() and not tab.ends_spin.isEnabled()
    assert not tab.empty_message.isVisible()


def test_an_empty_roster_says_how_to_fill_it(qtbot: QtBot, office_services: AppServices) -> None:
    tab = RosterTab(office_services)
    qtbot.addWidget(tab)
    tab.show()
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        tab.update_counts(office_services.health.counts())
    assert tab.empty_message.isVisible()
    assert tab.empty_message.label.text().startswith("Belum ada peserta di basis data ini.")
    assert not tab.empty_message.button.isVisible()
    tab.wait_for_queries()


def test_before_an_office_exists_the_empty_roster_points_to_setting_one_up(
    qtbot: QtBot, tmp_path
) -> None:
    """The buttons the usual message names are grey until an office is set up."""
    bare = AppServices.open(tmp_path / "kosong.db")
    try:
        tab = RosterTab(bare)
        qtbot.addWidget(tab)
        tab.show()
        with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
            tab.update_counts(bare.health.counts())
        assert not tab.add_button.isEnabled()
        assert tab.empty_message.isVisible()
        assert "Siapkan kantor" in tab.empty_message.label.text()
        assert "Tambah peserta" not in tab.empty_message.label.text()
        tab.wait_for_queries()
    finally:
        bare.close()
