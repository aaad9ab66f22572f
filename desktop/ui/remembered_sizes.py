"""Sizes the user chooses in a list tab, remembered for the next start (per user, in
QSettings): where a splitter stands, and the widths of a table's columns.

Until the user chooses, the sizes follow the window and the font: a splitter is shared by
the tab's own rule, and each column is as wide as what it can hold (its header and the
labels or typical values of its kind, never a scan of the rows), one column (the name)
taking the width left.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QSplitter, QTableView, QWidget

from desktop.ui.settings import save_bytes, save_widths, saved_bytes, saved_widths

CELL_PADDING = 10  # pixels around a cell's text (frame and focus margins, a little air)
MIN_WIDTH = 24


def text_width(metrics: QFontMetrics, texts: Iterable[str]) -> int:
    """The width of the widest of *texts*."""
    return max((metrics.horizontalAdvance(t) for t in texts), default=0)


class RememberedSplitter(QSplitter):
    """Panes side by side, never collapsed; where the user moves the handle is kept.

    Until the user moves it (now or on an earlier day), *share* gives the panes' sizes for
    the splitter's width, each time it changes.
    """

    def __init__(
        self,
        settings_key: str,
        panes: Sequence[tuple[QWidget, int]],
        share: Callable[[int], list[int]],
        parent: QWidget | None = None,
    ) -> None:
        """*panes*: each widget with its stretch factor, left to right."""
        super().__init__(parent)
        self._key = settings_key
        self._share = share
        for pane, _stretch in panes:
            self.addWidget(pane)
        for number, (_pane, stretch) in enumerate(panes):
            self.setStretchFactor(number, stretch)
        self.setChildrenCollapsible(False)
        state = saved_bytes(settings_key)
        self.chosen = state is not None and self.restoreState(state)
        self.splitterMoved.connect(self._moved)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Share the width between the panes (until the user chooses)."""
        super().resizeEvent(event)
        if not self.chosen:
            self.setSizes(self._share(self.width()))

    @Slot()
    def _moved(self) -> None:
        self.chosen = True

    def save(self) -> None:
        """Remember where the handle stands."""
        save_bytes(self._key, self.saveState())


class ColumnWidths(QObject):
    """Sizes the columns of a table from the font and remembers the ones the user drags.

    A table's subclass measures what each column holds (``content_widths``, through
    :meth:`padded`), fills :attr:`_base` with it in its ``apply`` and calls :meth:`fit`;
    :meth:`share` says how the table's width is shared. The *rest* column (the name) takes
    what is left: its width is never remembered.
    """

    def __init__(
        self, table: QTableView, settings_key: str, keys: Mapping[int, str], rest: int
    ) -> None:
        """*keys*: each column's name in the settings file (stable whatever the language or
        order)."""
        super().__init__(table)
        self._table = table
        self._key = settings_key
        self._keys = keys
        self._rest = rest
        self._adjusting = False
        self._base: dict[int, int] = {}
        saved = saved_widths(settings_key)
        self._user = {
            column: width
            for column, key in keys.items()
            if column != rest and (width := saved.get(key, 0)) > 0
        }
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)

    def padded(self, samples: Mapping[int, int]) -> dict[int, int]:
        """Each column's width for its texts' width in *samples*: with the cell's padding,
        never narrower than its header."""
        header = self._table.horizontalHeader()
        return {
            column: max(MIN_WIDTH, width + CELL_PADDING, header.sectionSizeHint(column))
            for column, width in samples.items()
        }

    def share(self, widths: dict[int, int], available: int) -> dict[int, int]:
        """Every column's width, given the width of each but the rest column (its content's
        or the user's) and the *available* width of the table."""
        raise NotImplementedError

    def fit(self) -> None:
        """Share the table's width again (see :meth:`share`)."""
        if not self._base:
            return
        header = self._table.horizontalHeader()
        chosen = {c: self._user.get(c, w) for c, w in self._base.items() if c != self._rest}
        widths = self.share(chosen, self._table.viewport().width())
        self._adjusting = True
        try:
            for column, width in widths.items():
                if header.sectionSize(column) != width:
                    self._table.setColumnWidth(column, width)
        finally:
            self._adjusting = False

    @Slot(int, int, int)
    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._adjusting or column == self._rest:
            return  # a drag of the rest column stands until the table changes width
        self._user[column] = new
        self.fit()

    def save(self) -> None:
        """Remember the widths the user dragged (the others follow the font next time)."""
        save_widths(self._key, {self._keys[c]: w for c, w in self._user.items()})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Share the width again whenever the table changes width."""
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False
