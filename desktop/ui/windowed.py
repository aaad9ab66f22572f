"""Lists too long to hold whole: the pieces every such tab (Peserta, Klaim, and the ones to
come) is built from.

- :class:`WindowedRowsModel`: a table model holding only the sorted row ids; the rows are
  fetched by rowid a page at a time as the view paints them, the last pages kept.
- :class:`BackgroundIds`: the ids queried on a pool thread (a million of them take about a
  second to read), so typing in a search box never freezes the window; a newer question
  makes the answer to an older one stale.
- :func:`windowed_table`: the table view over such a model, sorted in SQL by a header click.

A tab keeps what is its own: its columns, texts and colours (a model subclass), its
filters, and the function that reads the ids with them. The sizes the user gives its
splitter and columns are kept by desktop.ui.remembered_sizes.
"""

from __future__ import annotations

import contextlib
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from desktop.ui.i18n import translate

SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex

_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class HasRowid(Protocol):
    """A row of a list: known by its rowid."""

    @property
    def rowid(self) -> int: ...


RowT = TypeVar("RowT", bound=HasRowid)
SortT = TypeVar("SortT")


class WindowedRowsModel(QAbstractTableModel, Generic[RowT, SortT]):
    """Rows in display order, fetched by rowid a page at a time as the view scrolls.

    With a million rows the model holds 8 MB of ids and a few pages of rows. Sorting and
    filtering happen in SQL: :meth:`sort` only records the order asked for and emits
    :attr:`sortRequested`; the tab queries the ids again and hands them over with
    :meth:`set_ids`.

    A subclass names its columns (``context``, ``columns``, ``column_tips``: texts marked
    with QT_TRANSLATE_NOOP in that context), the service's sort key of each sortable column
    (``sorts``), the column sorted at first, and implements :meth:`_fetch` (the rows of some
    rowids) and :meth:`data`; it may read its cells' texts through :meth:`row_texts`.

    What the view asks for at every paint is read from the instance, not the class: on a
    Qt object an attribute of its class takes several times longer to find.
    """

    sortRequested = Signal()

    context: ClassVar[str]
    columns: ClassVar[tuple[str, ...]]
    column_tips: ClassVar[tuple[str, ...]]
    sorts: Mapping[int, SortT]
    default_sort_column: ClassVar[int]

    def __init__(
        self, parent: QObject | None = None, *, page_size: int = 256, max_pages: int = 32
    ) -> None:
        """*page_size* rows are fetched at a time; the last *max_pages* pages are kept."""
        super().__init__(parent)
        self.page_size = page_size
        self.max_pages = max_pages
        self._column_count = len(self.columns)
        self._ids: array[int] = array("q")
        self._pages: OrderedDict[int, dict[int, RowT]] = OrderedDict()
        # The texts of the rows painted, worked out once (the view asks many times); only
        # for a model whose data() reads them through row_texts().
        self._texts: dict[int, tuple[str | None, ...]] = {}
        self.sort_key: SortT = self.sorts[self.default_sort_column]
        self.descending = False
        self.sort_column = self.default_sort_column

    # ---- for the subclass ----------------------------------------------------------------

    def _fetch(self, rowids: array[int]) -> Iterable[RowT]:
        """The rows of *rowids* (one page), in any order."""
        raise NotImplementedError

    def _display(self, item: RowT, column: int) -> str | None:
        """The text of *item*'s cell in *column* (for :meth:`row_texts`)."""
        raise NotImplementedError

    # ---- state ---------------------------------------------------------------------------

    def set_ids(self, ids: array[int]) -> None:
        """Show these rows (row ids in display order)."""
        self.beginResetModel()
        self._ids = ids
        self._forget()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Forget the fetched rows (after a change) and repaint with fresh ones."""
        self._forget()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, self._column_count - 1)
            )

    def _forget(self) -> None:
        self._pages.clear()
        self._texts.clear()

    @property
    def ids(self) -> array[int]:
        """The row ids shown, in display order."""
        return self._ids

    def row_at(self, row: int) -> RowT | None:
        """The item on *row*, fetching its page when needed."""
        if not 0 <= row < len(self._ids):
            return None
        size = self.page_size
        number = row // size
        page = self._pages.get(number)
        if page is None:
            chunk = self._ids[number * size : (number + 1) * size]
            page = {item.rowid: item for item in self._fetch(chunk)}
            self._pages[number] = page
            while len(self._pages) > self.max_pages:
                _number, dropped = self._pages.popitem(last=False)
                if self._texts:
                    for rowid in dropped:
                        self._texts.pop(rowid, None)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])

    def row_of(self, rowid: int) -> int:
        """The row showing *rowid*, -1 when it is not shown."""
        try:
            return self._ids.index(rowid)
        except ValueError:
            return -1

    def row_texts(self, item: RowT) -> tuple[str | None, ...]:
        """The texts of *item*'s cells, worked out once while its page is kept."""
        texts = self._texts.get(item.rowid)
        if texts is None:
            texts = self._texts[item.rowid] = tuple(
                self._display(item, n) for n in range(self._column_count)
            )
        return texts

    # ---- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._column_count

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < self._column_count:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate(self.context, self.columns[section])
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate(self.context, self.column_tips[section])
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the ids again in this column's order (the tab runs the query)."""
        key = self.sorts.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending, self.sort_column = key, descending, column
        self.sortRequested.emit()


# ---- the view ------------------------------------------------------------------------------


def windowed_table(model: WindowedRowsModel[Any, Any]) -> QTableView:
    """A read-only table over *model*: whole rows chosen one at a time, each one line of the
    same height, sorted by a click on a header (the model asks its tab for the ids in that
    order; the arrow stays where the order is when the column cannot be sorted by)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    # The indicator first: enabling sorting sorts by the indicator's column at once.
    header.setSortIndicator(model.sort_column, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    header.setHighlightSections(False)
    _SortArrow(table, model)
    vertical = table.verticalHeader()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
    vertical.setVisible(False)
    return table


class _SortArrow(QObject):
    """A click on a column the list cannot sort by puts the arrow back where the order is."""

    def __init__(self, table: QTableView, model: WindowedRowsModel[Any, Any]) -> None:
        super().__init__(table)
        self._header = table.horizontalHeader()
        self._model = model
        self._header.sortIndicatorChanged.connect(self._changed)

    @Slot(int, Qt.SortOrder)
    def _changed(self, column: int, _order: Qt.SortOrder) -> None:
        model = self._model
        if column in model.sorts:
            return
        order = Qt.SortOrder.DescendingOrder if model.descending else Qt.SortOrder.AscendingOrder
        blocked = self._header.blockSignals(True)
        self._header.setSortIndicator(model.sort_column, order)
        self._header.blockSignals(blocked)


def select_row(table: QTableView, row: int) -> None:
    """Make *row* current (in the column the cursor is in) and scroll to it."""
    index = table.model().index(row, max(0, table.currentIndex().column()))
    table.setCurrentIndex(index)
    table.scrollTo(index)


SEARCH_SHOWN_CHARS = 40  # a longer search is cut short in the no-match message


def shown_search(text: str) -> str:
    """A search as a no-match message quotes it: cut short with "…" past 40 characters."""
    if len(text) > SEARCH_SHOWN_CHARS:
        return text[: SEARCH_SHOWN_CHARS - 1] + "…"
    return text


# ---- the ids, off the GUI thread -----------------------------------------------------------

IdsWork = Callable[[], "tuple[array[int], int]"]


class _Answers(QObject):
    """Carries a background query's outcome back to the GUI thread."""

    ready = Signal(int, object, int, float)  # generation, ids, total, seconds
    failed = Signal(int, object)  # generation, the exception


class _IdsQuery(QRunnable):
    """Run one question for the ids on the pool thread."""

    def __init__(self, work: IdsWork, generation: int, answers: _Answers) -> None:
        super().__init__()
        self._work = work
        self._generation = generation
        self._answers = answers

    def run(self) -> None:
        started = time.perf_counter()
        try:
            ids, total = self._work()
        except Exception as exc:  # reported on the GUI thread
            with contextlib.suppress(RuntimeError):  # the tab was closed meanwhile
                self._answers.failed.emit(self._generation, exc)
            return
        with contextlib.suppress(RuntimeError):  # the tab was closed meanwhile
            self._answers.ready.emit(self._generation, ids, total, time.perf_counter() - started)


class BackgroundIds(QObject):
    """A list's ids read on a pool thread, one question at a time, the newest one counting.

    :meth:`start` runs a *work* function (the ids in display order and a total, whatever
    the tab counts) on the pool thread. Asked again while one runs, the running one's answer
    is dropped and, once it ended, *reload* is called (the tab's: it asks afresh with what
    the tab shows then). :meth:`reload_soon` calls it once the events of the moment are
    handled. The answer that counts comes by :attr:`ready` or :attr:`failed`.
    """

    ready = Signal(object, int, float)  # ids, total, seconds
    failed = Signal(object)  # the exception

    def __init__(self, reload: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._reload = reload
        self._generation = 0
        self._running = False
        self._pending = False
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._answers = _Answers(self)
        self._answers.ready.connect(self._ready)
        self._answers.failed.connect(self._failed)
        # Several changes in one go (a save, then the window's refresh) ask once.
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(reload)

    def reload_soon(self) -> None:
        """Have the tab reload once the events of the moment are handled."""
        self._soon.start()

    def start(self, work: IdsWork) -> None:
        """Run *work* now, or ask again once the running question ended."""
        self._soon.stop()
        self._generation += 1
        if self._running:
            self._pending = True
            return
        self._running = True
        self._pending = False
        self._pool.start(_IdsQuery(work, self._generation, self._answers))

    def drop_answers(self) -> None:
        """The question running (if any) is stale: the tab set its list without asking."""
        self._soon.stop()
        self._generation += 1

    def wait(self, timeout_ms: int) -> bool:
        """Wait until no question runs (tests, closing)."""
        return self._pool.waitForDone(timeout_ms)

    def _ended(self, generation: int) -> bool:
        """Ask again if asked meanwhile; True when this answer counts."""
        self._running = False
        if self._pending:
            self._reload()
            return False
        return generation == self._generation

    @Slot(int, object, int, float)
    def _ready(self, generation: int, ids: array[int], total: int, seconds: float) -> None:
        if self._ended(generation):
            self.ready.emit(ids, total, seconds)

    @Slot(int, object)
    def _failed(self, generation: int, error: object) -> None:
        if self._ended(generation):
            self.failed.emit(error)
