"""The Klaim tab on a demo regency, in a real window at 1366×768 and 1920×1080 (issue 12):
the list on the 7-day clock beside a claim's detail, nothing cut, no horizontal scrolling,
the clock counts in the status bar. Run once per screen size::

    Xvfb :91 -screen 0 1366x768x24 &
    Xvfb :92 -screen 0 1920x1080x24 &
    DISPLAY=:91 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest \
        tests/e2e/test_claims_screens.py -o addopts="" -q
    DISPLAY=:92 QT_QPA_PLATFORM=xcb .venv/bin/python -m pytest \
        tests/e2e/test_claims_screens.py -o addopts="" -q

The PNGs land in docs/screenshots/claims-<1366|1920>.png (and claims-<...>-filter.png).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.claims.model import COLUMNS, ObjectRole
from desktop.ui.main_window import MainWindow
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.e2e.test_main_window_screens import maximised, screen_tag
from tests.gui.fit import cut_texts

pytestmark = REAL_DISPLAY

WORKERS = 5_000


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("claims") / "sigap-contoh.db"
    made = AppServices.open(path)
    made.demo.generate(workers=WORKERS, seed=1)
    made.close()
    return path


@pytest.fixture
def services(template: Path, tmp_path: Path) -> Iterator[AppServices]:
    path = tmp_path / template.name
    shutil.copy(template, path)
    opened = AppServices.open(path)
    yield opened
    opened.close()


def assert_list_side_whole(window: MainWindow) -> None:
    """Nothing of the tab's own (heading, filters, list) nor the status bar is cut short;
    the detail beside the list is checked by its own screenshots."""
    QApplication.processEvents()
    tab = window.claims_tab
    cut = cut_texts(tab.filters) + cut_texts(window.statusBar())
    cut += [
        w.text()
        for w in (tab.count_label, tab.total_label, tab.new_button)
        if w.isVisible() and w.width() + 1 < w.minimumSizeHint().width()
    ]
    assert not cut, cut


def test_the_claims_tab(qtbot: QtBot, services: AppServices) -> None:
    tag = screen_tag()
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.setGeometry(maximised())
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentIndex(1)
    tab = window.claims_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=30_000)
    tab.wait_for_queries()
    QCursor.setPos(window.screen().availableGeometry().bottomRight())

    # A claim on the clock, chosen: its detail beside the list.
    rows = [tab.model.claim(r) for r in range(min(40, tab.model.rowCount()))]
    chosen = next(c for c in rows if c is not None and c.overdue and c.flags_open == 0)
    tab.show_claim(chosen.id)
    qtbot.waitUntil(
        lambda: (
            (c := tab.model.data(tab.table.currentIndex(), ObjectRole)) is not None
            and c.id == chosen.id
        ),
        timeout=10_000,
    )
    tab.wait_for_queries()
    QApplication.processEvents()

    shoot(qtbot, f"claims-{tag}")
    header = tab.table.horizontalHeader()
    widths = tab.columns.content_widths()
    for column in range(len(COLUMNS)):
        assert header.sectionSize(column) > 0, COLUMNS[column]
    assert tab.table.horizontalScrollBar().maximum() == 0, [
        (COLUMNS[c], header.sectionSize(c), widths[c]) for c in range(len(COLUMNS))
    ]
    assert window.clock_label.isVisible()
    assert window.screen().geometry().contains(window.frameGeometry())
    assert_list_side_whole(window)

    # Perlu diperiksa: the flagged claims, one of them chosen.
    with qtbot.waitSignal(tab.idsLoaded, timeout=10_000):
        tab.filters.flagged_check.setChecked(True)
    tab.wait_for_queries()
    flagged = tab.model.claim(0)
    assert flagged is not None and flagged.flags_open
    tab.table.selectRow(0)
    qtbot.waitUntil(lambda: tab.shown_claim() == flagged.id, timeout=10_000)
    assert_list_side_whole(window)
    shoot(qtbot, f"claims-{tag}-diperiksa")
    tab.wait_for_queries()
    window.close()
