"""The Klaim tab's list (issue 12, "The tab" and "The clock"): demo claims listed over SQL,
each filter and the search narrowing them as the service counts, sorted by days left,
overdue and due-soon rows coloured, flagged rows marked, the detail following the
selection, the status bar's clock counts, and the empty states."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QTextDocumentFragment
from pytestqt.qtbot import QtBot

from desktop.domain.findings import Finding
from desktop.services.app import AppServices
from desktop.services.claims import ClaimRow
from desktop.services.office import OfficeService
from desktop.store.unit_of_work import Actor
from desktop.ui.claims import ClaimsTab
from desktop.ui.claims.model import (
    COL_DAYS,
    COL_FLAGS,
    COL_NAME,
    DUE_SOON_BACKGROUND,
    OVERDUE_BACKGROUND,
    ObjectRole,
)
from desktop.ui.claims.new_claim import NewClaimDialog
from desktop.ui.dialogs.holidays import HolidaysDialog
from desktop.ui.main_window import MainWindow
from tests.gui.fit import assert_fits
from tests.gui.mnemonics import clashes, window_mnemonics

WORKERS = 200  # rosters under 100 workers get no demo claims


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("claims-tab") / "demo.db"
    made = AppServices.open(path)
    made.demo.generate(workers=WORKERS, seed=5)
    made.close()
    return path


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[AppServices]:
    path = tmp_path / "demo.db"
    shutil.copy(template, path)
    opened = AppServices.open(path)
    yield opened
    opened.close()


def shown_tab(qtbot: QtBot, services: AppServices) -> ClaimsTab:
    tab = ClaimsTab(services)
    qtbot.addWidget(tab)
    tab.resize(1300, 650)
    tab.show()
    with qtbot.waitSignal(tab.idsLoaded, timeout=10_000):
        tab.update_counts(services.health.counts())
    return tab


def settle(qtbot: QtBot, tab: ClaimsTab, change: Callable[[], object]) -> None:
    """Make a change in the filter row and wait for the list it asks for."""
    with qtbot.waitSignal(tab.idsLoaded, timeout=10_000):
        change()
    tab.wait_for_queries()


def rows(tab: ClaimsTab) -> list[ClaimRow]:
    found = [tab.model.claim(r) for r in range(tab.model.rowCount())]
    assert all(c is not None for c in found)
    return [c for c in found if c is not None]


def wait_selected(qtbot: QtBot, tab: ClaimsTab, claim_id: str) -> None:
    """Wait until the list's current row is the claim *claim_id*."""
    qtbot.waitUntil(
        lambda: (
            (c := tab.model.data(tab.table.currentIndex(), ObjectRole)) is not None
            and c.id == claim_id
        ),
        timeout=5000,
    )


def actor(services: AppServices) -> Actor:
    return services.office.local_actor()


def count(services: AppServices, **criteria: Any) -> int:
    claims = services.claims
    return claims.count(actor(services), claims.criteria(**criteria))


def choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_the_list_shows_every_demo_claim(qtbot: QtBot, demo: AppServices) -> None:
    tab = shown_tab(qtbot, demo)
    total = count(demo)
    assert total > 20
    assert tab.model.rowCount() == total
    assert tab.count_label.text() == f"{total} klaim"
    assert not tab.total_label.isVisible()
    assert not tab.empty_message.isVisible()
    assert tab.new_button.isEnabled()
    first = tab.model.claim(0)
    assert first is not None
    assert tab.model.data(tab.model.index(0, COL_NAME)) == first.name
    tip = tab.model.data(tab.model.index(0, COL_NAME), Qt.ItemDataRole.ToolTipRole)
    assert tip == f"{first.name}\nNIK {'•' * 12}{first.nik[-4:]}"  # masked, as in the detail


def test_each_filter_narrows_the_list_as_the_service_counts(
    qtbot: QtBot, demo: AppServices
) -> None:
    tab = shown_tab(qtbot, demo)
    total = tab.model.rowCount()
    some = rows(tab)
    kind = some[0].kind.value
    status = some[-1].status.value
    village = some[0].village_code
    district = ".".join(village.split(".")[:3])
    f = tab.filters
    cases: list[tuple[Callable[[], object], dict[str, Any]]] = [
        (lambda: choose(f.kind_combo, kind), {"kinds": (kind,)}),
        (lambda: choose(f.status_combo, status), {"statuses": (status,)}),
        (lambda: choose(f.district_combo, district), {"district_code": district}),
        (lambda: f.overdue_check.setChecked(True), {"overdue": True}),
        (lambda: f.due_check.setChecked(True), {"due_within": f.due_spin.value()}),
        (lambda: f.flagged_check.setChecked(True), {"flagged": True}),
    ]
    for change, criteria in cases:
        settle(qtbot, tab, change)
        expected = count(demo, **criteria)
        assert 0 < expected < total, criteria
        assert tab.model.rowCount() == expected, criteria
        assert tab.count_label.text() == f"{expected} klaim"
        assert tab.total_label.text() == f"dari {total} tercatat"
        settle(qtbot, tab, tab.filters.clear_button.click)
        assert tab.model.rowCount() == total

    # The desa offered are those of the chosen kecamatan.
    settle(qtbot, tab, lambda: choose(f.district_combo, district))
    assert f.village_combo.isEnabled()
    settle(qtbot, tab, lambda: choose(f.village_combo, village))
    assert tab.model.rowCount() == count(demo, village_code=village) > 0
    assert {c.village_code for c in rows(tab)} == {village}

    # Due within more days lists more claims.
    settle(qtbot, tab, tab.filters.clear_button.click)
    settle(qtbot, tab, lambda: f.due_check.setChecked(True))
    settle(qtbot, tab, lambda: f.due_spin.setValue(20))
    assert tab.model.rowCount() == count(demo, due_within=20)
    assert all(c.days_left is not None and 0 <= c.days_left <= 20 for c in rows(tab))


def test_search_by_name_and_by_nik(qtbot: QtBot, demo: AppServices) -> None:
    tab = shown_tab(qtbot, demo)
    target = rows(tab)[3]
    word = target.name.split()[0]
    settle(qtbot, tab, lambda: qtbot.keyClicks(tab.filters.search_edit, word))
    found = rows(tab)
    assert target.id in {c.id for c in found}
    assert all(word.casefold() in c.name.casefold() for c in found)
    assert len(found) == count(demo, search=word)

    tab.filters.search_edit.clear()
    settle(qtbot, tab, lambda: qtbot.keyClicks(tab.filters.search_edit, target.nik[:12]))
    found = rows(tab)
    assert target.id in {c.id for c in found}
    assert all(c.nik.startswith(target.nik[:12]) for c in found)


def test_sorted_by_days_left_and_by_a_click_on_a_header(qtbot: QtBot, demo: AppServices) -> None:
    tab = shown_tab(qtbot, demo)
    header = tab.table.horizontalHeader()
    assert header.sortIndicatorSection() == COL_DAYS
    left = [c.days_left for c in rows(tab)]
    running = [d for d in left if d is not None]
    assert running and running == sorted(running)
    assert left[: len(running)] == running  # running claims first, the rest after

    def click_header(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    settle(qtbot, tab, lambda: click_header(COL_DAYS))
    running = [c.days_left for c in rows(tab) if c.days_left is not None]
    assert running == sorted(running, reverse=True)
    assert tab.model.data(tab.model.index(0, COL_DAYS)) == f"{running[0]} hari"

    settle(qtbot, tab, lambda: click_header(COL_NAME))
    names = [c.name.casefold() for c in rows(tab)]
    assert names[0] <= names[-1]


def test_overdue_and_due_soon_rows_are_coloured_and_flagged_rows_marked(
    qtbot: QtBot, demo: AppServices
) -> None:
    tab = shown_tab(qtbot, demo)
    model = tab.model
    listed = rows(tab)

    def background(row: int) -> object:
        brush = model.data(model.index(row, COL_NAME), Qt.ItemDataRole.BackgroundRole)
        return brush.color() if isinstance(brush, QBrush) else None

    overdue = [r for r, c in enumerate(listed) if c.overdue]
    due = [r for r, c in enumerate(listed) if c.due_soon]
    plain = [r for r, c in enumerate(listed) if not (c.overdue or c.due_soon)]
    assert overdue and due and plain
    assert background(overdue[0]) == OVERDUE_BACKGROUND
    assert model.data(model.index(overdue[0], COL_DAYS)).startswith("lewat ")
    assert "sudah lewat" in model.data(
        model.index(overdue[0], COL_DAYS), Qt.ItemDataRole.ToolTipRole
    )
    assert background(due[0]) == DUE_SOON_BACKGROUND
    assert background(plain[0]) is None

    flagged = [r for r, c in enumerate(listed) if c.flags_open]
    assert flagged
    index = model.index(flagged[0], COL_FLAGS)
    assert model.data(index) == ""
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Perlu diperiksa:")
    assert "•" in tip and "flag." not in tip  # each flag named in words
    unflagged = next(r for r, c in enumerate(listed) if not c.flags_open)
    assert model.data(model.index(unflagged, COL_FLAGS)) == ""


def test_choosing_a_row_shows_its_claim_in_the_detail(
    qtbot: QtBot, demo: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = shown_tab(qtbot, demo)
    shown: list[str | None] = []
    monkeypatch.setattr(tab.detail, "show_claim", shown.append)
    rect = tab.table.visualRect(tab.model.index(2, COL_NAME))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    chosen = tab.model.claim(2)
    assert chosen is not None
    assert shown == [chosen.id]
    assert tab.shown_claim() == chosen.id

    # The detail changed the claim: the list is read again and the claim stays chosen.
    with qtbot.waitSignal(tab.claimsChanged):
        settle(qtbot, tab, lambda: tab.detail.claimChanged.emit(chosen.id))
    current = tab.model.data(tab.table.currentIndex(), ObjectRole)
    assert current is not None and current.id == chosen.id
    assert shown == [chosen.id]  # not shown again for nothing

    # A filter that hides it clears the detail.
    other = next(c for c in rows(tab) if c.kind != chosen.kind)
    settle(qtbot, tab, lambda: choose(tab.filters.kind_combo, other.kind.value))
    assert shown[-1] is None and tab.shown_claim() is None


def test_show_claim_clears_the_filters_that_hide_it(
    qtbot: QtBot, demo: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = shown_tab(qtbot, demo)
    shown: list[str | None] = []
    monkeypatch.setattr(tab.detail, "show_claim", shown.append)
    listed = rows(tab)
    target = listed[-1]
    other = next(c for c in listed if c.kind != target.kind)
    settle(qtbot, tab, lambda: choose(tab.filters.kind_combo, other.kind.value))
    assert target.id not in {c.id for c in rows(tab)}

    tab.show_claim(target.id)
    qtbot.waitUntil(lambda: tab.filters.kind_combo.currentIndex() == 0, timeout=5000)
    wait_selected(qtbot, tab, target.id)
    tab.wait_for_queries()
    assert shown[0] == target.id and tab.shown_claim() == target.id
    assert tab.model.rowCount() == len(listed)


def test_the_status_bar_counts_the_clock_and_the_window_shows_a_claim(
    qtbot: QtBot, demo: AppServices
) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    counts = demo.claims.clock_counts(actor(demo))
    assert counts.overdue > 0
    label = window.clock_label
    assert label.isVisibleTo(window)
    said = QTextDocumentFragment.fromHtml(label.text()).toPlainText()
    assert said == f"{counts.overdue} klaim lewat batas · {counts.due_soon} jatuh tempo"
    assert "#b3261e" in label.text()

    tab = window.claims_tab
    tab.wait_for_queries()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    window.tabs.setCurrentWidget(tab)
    no_clash(window)

    target = next(c for c in rows(tab) if c.overdue)
    window.tabs.setCurrentIndex(0)
    window.show_claim(target.id)
    assert window.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: tab.shown_claim() == target.id, timeout=5000)
    tab.wait_for_queries()
    wait_selected(qtbot, tab, target.id)


def test_no_alt_key_clash_with_a_claim_chosen(qtbot: QtBot, demo: AppServices) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    tab = window.claims_tab
    tab.wait_for_queries()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    target = next(c for c in rows(tab) if c.overdue)  # a running claim: its steps offered
    window.show_claim(target.id)
    qtbot.waitUntil(lambda: tab.shown_claim() == target.id, timeout=5000)
    tab.wait_for_queries()
    qtbot.wait(300)  # the detail may fill itself after the list
    no_clash(window)  # the detail's buttons shown too


def no_clash(window: MainWindow) -> None:
    """No Alt+letter of the window with the Klaim tab shown opens two things."""
    found = window_mnemonics(window)
    assert clashes(found) == {}
    assert {"Kla&im baru…", "Hap&us filter"} <= {m.text for m in found}


def test_the_holiday_menu_item_opens_the_dialog(qtbot: QtBot, demo: AppServices) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    assert window.holidays_action.isEnabled()
    assert window.holidays_action.text() == "&Hari libur…"
    window.holidays_action.trigger()
    dialog = window.findChild(HolidaysDialog)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(window.claims_tab.idsLoaded, timeout=10_000):
        dialog.reject()


def test_empty_states(qtbot: QtBot, services: AppServices, demo: AppServices) -> None:
    # No office yet: say where to begin.
    bare = shown_tab(qtbot, services)
    assert bare.empty_message.isVisible()
    assert bare.empty_message.label.text().startswith("Belum ada klaim. Siapkan kantor dulu")
    assert not bare.empty_message.button.isVisible()
    assert not bare.new_button.isEnabled()

    # Claims, none matching: say why and offer to clear the filters.
    tab = shown_tab(qtbot, demo)
    settle(qtbot, tab, lambda: qtbot.keyClicks(tab.filters.search_edit, "tidak ada orang ini"))
    assert tab.model.rowCount() == 0
    assert tab.empty_message.isVisible()
    assert tab.empty_message.label.text() == (
        "Tidak ada klaim yang cocok dengan pencarian “tidak ada orang ini”."
    )
    settle(qtbot, tab, lambda: tab.filters.flagged_check.setChecked(True))
    assert "dan filter yang dipilih" in tab.empty_message.label.text()
    assert tab.empty_message.button.isVisible()
    settle(qtbot, tab, tab.empty_message.button.click)
    assert tab.model.rowCount() == count(demo) > 0
    assert tab.filters.search_edit.text() == "" and not tab.filters.flagged_check.isChecked()
    assert not tab.empty_message.isVisible()


def test_an_office_without_claims_points_to_klaim_baru(
    qtbot: QtBot, office_services: AppServices
) -> None:
    tab = shown_tab(qtbot, office_services)
    assert tab.count_label.text() == "0 klaim"
    assert tab.empty_message.label.text().startswith(
        "Belum ada klaim di basis data ini. Catat klaim yang dilaporkan desa dengan Klaim baru…"
    )
    assert tab.new_button.isEnabled()


def test_a_read_only_database_offers_no_new_claim(
    qtbot: QtBot, demo: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    why = Finding.error("db.read_only", "Berkas ini hanya dapat dibaca (read-only).")
    local = OfficeService.local_actor
    monkeypatch.setattr(
        OfficeService, "local_actor", lambda self: replace(local(self), read_only=why)
    )
    tab = shown_tab(qtbot, demo)
    assert tab.model.rowCount() == count(demo) > 0  # still shown
    assert not tab.new_button.isEnabled()
    assert "read-only" in tab.new_button.toolTip()
    assert tab.open_new_claim() is None


def test_a_claim_opened_from_the_roster_is_shown_in_the_klaim_tab(
    qtbot: QtBot, demo: AppServices
) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    tab = window.claims_tab
    tab.wait_for_queries()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5000)
    target = rows(tab)[-1]
    assert window.tabs.currentWidget() is window.roster_tab
    window.roster_tab.claimOpened.emit(target.id)
    assert window.tabs.currentWidget() is tab
    wait_selected(qtbot, tab, target.id)
    assert tab.shown_claim() == target.id
    tab.wait_for_queries()


def test_the_window_with_the_klaim_tab_fits_a_laptop_screen(
    qtbot: QtBot, demo: AppServices
) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.claims_tab)
    qtbot.waitExposed(window)
    assert_fits(window)
    window.claims_tab.wait_for_queries()


def test_klaim_baru_opens_the_dialog_and_shows_the_claim_it_opened(
    qtbot: QtBot, demo: AppServices
) -> None:
    tab = shown_tab(qtbot, demo)
    target = rows(tab)[-1]
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(NewClaimDialog)
    assert dialog is not None and dialog.isVisible()
    with qtbot.waitSignal(tab.claimsChanged):
        dialog.claimOpened.emit(target.id)  # as the dialog does once the claim is saved
    wait_selected(qtbot, tab, target.id)
    assert tab.shown_claim() == target.id
    dialog.reject()
    tab.wait_for_queries()


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, demo: AppServices, qtmodeltester: Any
) -> None:
    tab = shown_tab(qtbot, demo)
    qtmodeltester.check(tab.model)


def test_clicking_the_status_bar_clock_lists_the_overdue_claims(
    qtbot: QtBot, demo: AppServices
) -> None:
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    tab = window.claims_tab
    tab.wait_for_queries()
    tab.filters.search_edit.setText("zzz")  # a filter the click clears
    window.tabs.setCurrentIndex(0)
    window.clock_label.linkActivated.emit("overdue")  # what a click on the link sends
    assert window.tabs.currentWidget() is tab
    assert tab.filters.overdue_check.isChecked() and not tab.filters.search_edit.text()
    tab.wait_for_queries()
    counts = demo.claims.clock_counts(actor(demo))
    qtbot.waitUntil(lambda: tab.model.rowCount() == counts.overdue, timeout=5000)
    assert all(c.overdue for c in rows(tab))
    window.show_clock_claims("due")
    assert tab.filters.due_check.isChecked() and not tab.filters.overdue_check.isChecked()
