"""The roster follows the data under it (issue 18, item 4): after a merge of duplicates (or
any change the sync dialog reports) the table, its count and the figure beside it agree at
once, counting the same live workers."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from desktop.ui.main_window import MainWindow
from desktop.ui.roster.model import COL_NAME, ObjectRole
from desktop.ui.sync import drives


@pytest.fixture
def ten(services: AppServices) -> AppServices:
    """A demo hub with ten workers."""
    services.demo.generate(workers=10, seed=4)
    return services


@pytest.fixture
def window(qtbot: QtBot, ten: AppServices) -> Iterator[MainWindow]:
    shown = MainWindow(ten)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.roster_tab.model.rowCount() == 10, timeout=5000)
    yield shown
    shown.roster_tab.wait_for_queries()


def _ids(window: MainWindow) -> list[str]:
    model = window.roster_tab.model
    return [model.index(r, 0).data(ObjectRole).id for r in range(model.rowCount())]


def _merge(services: AppServices, keep: str, other: str) -> None:
    """What Data ganda → Gabungkan does: a pair waiting for a decision, then the merge."""
    pair = str(uuid.uuid4())
    a, b = sorted((keep, other))
    with sqlite3.connect(services.path) as conn:
        conn.execute(
            "INSERT INTO duplicate_pair (id, worker_a, worker_b, reason, detected_at) "
            "VALUES (?, ?, ?, 'name_birth', '2026-01-05 10:00:00.000000')",
            (pair, a, b),
        )
    services.sync.merge_duplicate(services.office.local_actor(), pair, keep=keep)


def test_a_merge_leaves_the_roster_at_once_and_both_counts_agree(
    qtbot: QtBot, window: MainWindow, ten: AppServices
) -> None:
    tab = window.roster_tab
    assert tab.count_label.text() == "10 peserta"
    assert tab.workers_card.value_label.text() == "10"
    keep, gone = _ids(window)[:2]

    _merge(ten, keep, gone)
    assert ten.health.counts()["worker"] == 10  # the merged record stays, as a redirect
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        window.refresh()  # what the sync dialog's dataChanged calls

    assert tab.model.rowCount() == 9
    assert gone not in _ids(window) and keep in _ids(window)
    assert tab.count_label.text() == "9 peserta"
    assert tab.workers_card.value_label.text() == "9"
    assert not tab.total_label.isVisible()


def test_the_sync_dialog_refreshes_the_window(
    qtbot: QtBot, window: MainWindow, ten: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A merge in the sync dialog reaches the roster through dataChanged, the dialog open."""
    monkeypatch.setattr(drives, "removable_drives", lambda: [])
    window.sync_action.trigger()
    dialog = window.sync_dialog
    assert dialog is not None and dialog.isVisible()
    keep, gone = _ids(window)[:2]
    _merge(ten, keep, gone)
    with qtbot.waitSignal(window.roster_tab.idsLoaded, timeout=5000):
        dialog.dataChanged.emit()
    assert window.roster_tab.model.rowCount() == 9
    assert window.roster_tab.workers_card.value_label.text() == "9"
    dialog.reject()


def test_a_filtered_view_counts_its_rows_out_of_the_live_workers(
    qtbot: QtBot, window: MainWindow, ten: AppServices
) -> None:
    tab = window.roster_tab
    first = tab.model.index(0, COL_NAME).data()
    expected = ten.roster.count(RosterFilter(text=first))
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        qtbot.keyClicks(tab.search_edit, first)
    assert tab.count_label.text() == f"{expected} peserta"
    assert tab.total_label.isVisible() and tab.total_label.text() == "dari 10 terdaftar"
    assert tab.workers_card.value_label.text() == "10"


def test_the_selected_worker_stays_selected_after_a_refresh(
    qtbot: QtBot, window: MainWindow
) -> None:
    tab = window.roster_tab
    tab.table.setCurrentIndex(tab.model.index(6, COL_NAME))
    chosen = tab.model.index(6, 0).data(ObjectRole).id
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        window.refresh()
    assert tab.model.index(tab.table.currentIndex().row(), 0).data(ObjectRole).id == chosen


def test_changes_in_one_go_ask_for_one_query(
    qtbot: QtBot, window: MainWindow, ten: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save refreshes the tab and then the window: one query, not two."""
    asked: list[RosterFilter] = []
    original = ten.roster.matching_ids

    def counting(flt: RosterFilter, **kwargs: object) -> object:
        asked.append(flt)
        return original(flt, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ten.roster, "matching_ids", counting)
    tab = window.roster_tab
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        tab._worker_saved(_ids(window)[0])
    qtbot.wait(200)
    assert len(asked) == 1
