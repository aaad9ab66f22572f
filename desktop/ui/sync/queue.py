"""The layout the Konflik and Data ganda tabs share: a queue of open items, one in detail.

The open items are in a table on top and the chosen one is shown in detail below; when the
queue is empty a single line says so instead. After each decision the queue is read again
from the service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QItemSelection, QObject, Qt, Slot
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import DomainError
from desktop.ui import messages
from desktop.ui.i18n import error_text
from desktop.ui.sync.models import ViewListModel
from desktop.ui.sync.views import list_view, sortable
from desktop.ui.widgets import HintLabel


class Queued(Protocol):
    """What every item of a queue has: the id that finds it again after a reload."""

    @property
    def id(self) -> str: ...


Item = TypeVar("Item", bound=Queued)


class QueueTab(QWidget, Generic[Item]):
    """Open items in a table on top, the chosen one in detail below, a note when none are open.

    A subclass builds its detail widget, hands it to :meth:`_lay_out`, and implements
    :meth:`_open_items` (ask the service) and :meth:`_show` (fill the detail; None when
    nothing is chosen).
    """

    empty_label: QLabel
    pages: QStackedWidget

    def __init__(
        self,
        model: Callable[[QObject], ViewListModel[Item]],
        *,
        table_name: str,
        stretch_columns: Sequence[int],
        fit_columns: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """*stretch_columns* share the table's width, the others fit their content.

        With *fit_columns* every reload sizes the columns to the new rows at once.
        """
        super().__init__(parent)
        self._fit_columns = fit_columns
        self.model = model(self)
        self.proxy = sortable(self.model, self)
        self.table = list_view(self.proxy)
        self.table.setObjectName(table_name)
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column in stretch_columns
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _lay_out(
        self,
        *,
        hint: str,
        detail: QWidget,
        stretch: tuple[int, int],
        empty_text: str,
        empty_name: str,
    ) -> None:
        """Put *hint* on top, then the table over *detail* (sized by *stretch*) or the note."""
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])

        self.empty_label = QLabel(empty_text)
        self.empty_label.setObjectName(empty_name)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty_label)
        self.pages.addWidget(splitter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(HintLabel(hint))
        layout.addWidget(self.pages, 1)

    # ---- to implement --------------------------------------------------------------------

    def _open_items(self) -> Sequence[Item]:
        """The open items, from the service."""
        raise NotImplementedError

    def _show(self, item: Item | None) -> None:
        """Show *item* in the detail (None: nothing chosen)."""
        raise NotImplementedError

    # ---- data ----------------------------------------------------------------------------

    def reload(self) -> int:
        """Read the open items again, keeping the chosen one chosen; return how many there are."""
        chosen = self.current()
        items = self._open_items()
        self.model.set_rows(items)
        self.pages.setCurrentIndex(1 if items else 0)
        if self._fit_columns:
            self.table.resizeColumnsToContents()
        self._select(chosen.id if chosen is not None else None)
        return len(items)

    def _item_at(self, row: int) -> Item:
        return self.model.row_object(self.proxy.mapToSource(self.proxy.index(row, 0)).row())

    def _select(self, item_id: str | None) -> None:
        rows = self.proxy.rowCount()
        target = next((row for row in range(rows) if self._item_at(row).id == item_id), 0)
        if rows:
            self.table.selectRow(target)
        else:
            self._show(None)

    def current(self) -> Item | None:
        """The item shown in detail."""
        indexes = self.table.selectionModel().selectedRows()
        return self._item_at(indexes[0].row()) if indexes else None

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.current())

    # ---- decisions -----------------------------------------------------------------------

    def _decide(
        self, decision: Callable[[], object], *, title: str, keep_position: bool = False
    ) -> None:
        """Carry out *decision*, warn (under *title*) if it is refused, and read the queue again.

        With *keep_position* the row where the decided item was is chosen next.
        """
        indexes = self.table.selectionModel().selectedRows()
        row = indexes[0].row() if indexes else 0
        try:
            decision()
        except DomainError as exc:
            messages.warn(self, title, error_text(exc))
        self.reload()
        if keep_position and self.proxy.rowCount():
            self.table.selectRow(min(row, self.proxy.rowCount() - 1))
