"""Small view helpers shared by the sync tabs."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QWidget,
)

from desktop.ui.sync.models import SortRole


def sortable(model: QAbstractItemModel, parent: QWidget) -> QSortFilterProxyModel:
    """A proxy that sorts *model* by its SortRole."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    return proxy


def list_view(proxy: QSortFilterProxyModel) -> QTableView:
    """A read-only, row-selecting, sortable table with one-line rows."""
    view = QTableView()
    view.setModel(proxy)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    # Keep the service's order (oldest first) until the user sorts by a column.
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def show_page(stack: QStackedWidget, index: int) -> None:
    """Show one page of *stack* and let only that page decide the stack's size.

    A stacked widget is as big as its biggest page; a dialog whose pages differ in height
    then shows an empty band under the smaller one.
    """
    for i in range(stack.count()):
        policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
        page = stack.widget(i)
        if page is not None:
            page.setSizePolicy(policy, policy)
    stack.setCurrentIndex(index)
    stack.adjustSize()


def fit_height(widget: QWidget) -> None:
    """Shrink *widget* to the height its layout needs at its current width.

    Word-wrapped labels report a size hint measured at a narrow width, which makes a dialog
    taller than it needs (an empty band above the buttons); the layout's height-for-width
    is the real need. A stacked widget of pages answers that with its tallest page, shown or
    not: only the shown page counts.
    """
    layout = widget.layout()
    if layout is None or not layout.hasHeightForWidth():
        return
    height = layout.totalHeightForWidth(widget.width())
    for stack in widget.findChildren(
        QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
    ):
        page = stack.currentWidget()
        if page is None:
            continue
        width = stack.width()
        shown = page.heightForWidth(width) if page.hasHeightForWidth() else -1
        tallest = stack.heightForWidth(width)
        if 0 < shown < tallest:
            height -= tallest - shown
    if 0 < height < widget.height():
        widget.resize(widget.width(), max(height, widget.minimumHeight()))
