"""The pieces the list tabs share (desktop.ui.windowed, desktop.ui.remembered_sizes), on a
list of their own: the ids in the background, the windowed model, the remembered sizes."""

from __future__ import annotations

import threading
from array import array
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QTableView
from pytestqt.qtbot import QtBot

from desktop.ui.remembered_sizes import ColumnWidths, RememberedSplitter
from desktop.ui.windowed import BackgroundIds, ObjectRole, WindowedRowsModel, windowed_table


@dataclass(frozen=True)
class Item:
    rowid: int
    name: str


class ItemsModel(WindowedRowsModel[Item, str]):
    """Items named after their rowid; counts the pages read."""

    context = "ItemsModel"
    columns = ("Id", "Nama")
    column_tips = ("Nomor", "Nama lengkap")
    sorts = {1: "name"}
    default_sort_column = 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent, page_size=10, max_pages=2)
        self.fetched: list[list[int]] = []

    def _fetch(self, rowids: array[int]) -> list[Item]:
        self.fetched.append(list(rowids))
        return [Item(rowid, f"item {rowid}") for rowid in reversed(rowids)]

    def _display(self, item: Item, column: int) -> str | None:
        return str(item.rowid) if column == 0 else item.name

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == ObjectRole:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row_texts(item)[index.column()]
        return None


def test_the_model_reads_a_page_at_a_time_and_keeps_the_last_ones(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = ItemsModel()
    model.set_ids(array("q", range(100, 150)))
    qtmodeltester.check(model)
    model.fetched.clear()
    model.refresh_rows()
    assert model.index(3, 1).data() == "item 103"
    assert model.index(9, 0).data() == "109"
    assert model.fetched == [list(range(100, 110))]  # one page for both rows
    assert model.index(25, 1).data() == "item 125"
    assert model.index(45, 1).data() == "item 145"
    assert model.index(3, 1).data() == "item 103"  # its page was dropped: read again
    assert len(model.fetched) == 4 and len(model._pages) == 2
    assert set(model._texts) <= {*range(100, 110), *range(140, 150)}  # texts go with pages
    assert model.row_of(131) == 31 and model.row_of(99) == -1
    assert model.index(5, 0).data(ObjectRole) == Item(105, "item 105")
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Nama"
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Nama lengkap"
    )


def test_a_click_on_a_header_asks_for_the_ids_in_its_order_unless_it_cannot_sort(
    qtbot: QtBot,
) -> None:
    owner = QLabel()  # the tab: the model and the view are its children
    qtbot.addWidget(owner)
    model = ItemsModel(owner)
    table = windowed_table(model)
    table.setParent(owner)
    header = table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.AscendingOrder,
    )
    with qtbot.waitSignal(model.sortRequested, timeout=1000):
        table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    assert (model.sort_key, model.descending, model.sort_column) == ("name", True, 1)
    with qtbot.assertNotEmitted(model.sortRequested):
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    # The arrow stays on the column the list is sorted by.
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )


def test_a_question_asked_while_one_runs_is_asked_again_and_only_its_answer_counts(
    qtbot: QtBot,
) -> None:
    owner = QLabel()
    qtbot.addWidget(owner)
    answers: list[tuple[list[int], int]] = []
    reloads: list[int] = []
    release = threading.Event()

    def slow() -> tuple[array[int], int]:
        release.wait(5)
        return array("q", [1]), 1

    ids = BackgroundIds(lambda: reloads.append(1) or ids.start(fast), owner)

    def fast() -> tuple[array[int], int]:
        return array("q", [2, 3]), 7

    ids.ready.connect(lambda got, total, _seconds: answers.append((list(got), total)))
    ids.start(slow)
    ids.start(slow)  # asked meanwhile: the first answer is stale
    release.set()
    qtbot.waitUntil(lambda: bool(answers), timeout=5000)
    assert ids.wait(5000)
    qtbot.wait(50)
    assert reloads == [1]
    assert answers == [([2, 3], 7)]


def test_a_failed_question_is_reported_and_a_dropped_one_is_not(qtbot: QtBot) -> None:
    owner = QLabel()
    qtbot.addWidget(owner)
    failures: list[object] = []
    answers: list[object] = []
    ids = BackgroundIds(lambda: None, owner)
    ids.failed.connect(failures.append)
    ids.ready.connect(lambda got, _total, _seconds: answers.append(got))

    def broken() -> tuple[array[int], int]:
        raise OSError("disk")

    with qtbot.waitSignal(ids.failed, timeout=5000):
        ids.start(broken)
    assert [str(f) for f in failures] == ["disk"]
    ids.start(lambda: (array("q", [1]), 1))
    ids.drop_answers()  # the list was set without asking
    assert ids.wait(5000)
    qtbot.wait(50)
    assert answers == []


def test_the_splitter_follows_its_rule_until_moved_and_is_remembered(qtbot: QtBot) -> None:
    def panes() -> list[tuple[QLabel, int]]:
        return [(QLabel("kiri"), 0), (QLabel("kanan"), 1)]

    def quarter(width: int) -> list[int]:
        return [width // 4, width - width // 4]

    splitter = RememberedSplitter("test/splitter", panes(), quarter)
    qtbot.addWidget(splitter)
    splitter.resize(800, 200)
    splitter.show()
    qtbot.waitExposed(splitter)
    assert splitter.sizes()[0] == pytest.approx(200, abs=4)
    splitter.moveSplitter(500, 1)
    splitter.resize(1000, 200)
    qtbot.wait(10)
    assert splitter.chosen and splitter.sizes()[0] == 500
    splitter.save()
    again = RememberedSplitter("test/splitter", panes(), quarter)
    qtbot.addWidget(again)
    assert again.chosen


class TwoColumns(ColumnWidths):
    """Column 0 as wide as 20 pixels of text, column 1 (the rest) what is left."""

    def apply(self) -> None:
        self._base = self.padded({0: 20, 1: 50})
        self.fit()

    def share(self, widths: dict[int, int], available: int) -> dict[int, int]:
        widths[1] = max(40, available - sum(widths.values()))
        return widths


def test_column_widths_dragged_by_the_user_are_remembered_but_not_the_rest(
    qtbot: QtBot,
) -> None:
    owners: list[QLabel] = []  # the tabs, kept while the test runs

    def table() -> QTableView:
        owner = QLabel()
        qtbot.addWidget(owner)
        owners.append(owner)
        view = windowed_table(ItemsModel(owner))
        view.setParent(owner)
        owner.resize(400, 200)
        owner.show()
        view.resize(400, 200)
        view.show()
        qtbot.waitExposed(owner)
        return view

    first = table()
    columns = TwoColumns(first, "test/columns", {0: "id", 1: "name"}, rest=1)
    columns.apply()
    viewport = first.viewport().width()
    assert first.columnWidth(0) == max(30, first.horizontalHeader().sectionSizeHint(0))
    assert first.columnWidth(0) + first.columnWidth(1) == viewport
    first.horizontalHeader().resizeSection(0, 120)
    assert first.columnWidth(1) == viewport - 120  # the rest column gives way
    first.horizontalHeader().resizeSection(1, 60)
    columns.save()
    second = table()
    TwoColumns(second, "test/columns", {0: "id", 1: "name"}, rest=1).apply()
    assert second.columnWidth(0) == 120
    assert second.columnWidth(1) == second.viewport().width() - 120
