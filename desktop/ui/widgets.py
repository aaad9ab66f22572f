"""Small widgets shared by the tabs and dialogs (they never call services)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)


def heading_label(text: str, scale: float = 1.5) -> QLabel:
    """A bold label, *scale* times the normal font size."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


class FigureCard(QFrame):
    """One big number with a caption under it, e.g. "2.000" / "peserta terdaftar"."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(150)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        self.value_label = heading_label("–", 2.4)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption_label = QLabel(caption)
        self.caption_label.setWordWrap(True)
        layout.addWidget(self.value_label)
        layout.addWidget(self.caption_label)

    def set_value(self, text: str) -> None:
        """Show *text* (an already formatted number) as the figure."""
        self.value_label.setText(text)


class HintLabel(QLabel):
    """A wrapped, muted sentence that tells the user what to do next."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        palette = self.palette()
        palette.setColor(self.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
        self.setPalette(palette)


def compact_rows(table: QTableWidget) -> None:
    """Give a table rows one text line high (Fusion's default leaves them half empty)."""
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)


def read_only_table(table: QTableWidget) -> None:
    """A table that only shows figures: no editing, no selection, as tall as its rows."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)


class EmptyMessage(QFrame):
    """A sentence (and one button) centred over an empty list, saying why it is empty.

    It lies over the view's viewport, so the header stays; shown with :meth:`show_message`,
    hidden with :meth:`hide` once rows come.
    """

    actionClicked = Signal()

    def __init__(self, view: QAbstractScrollArea, action_text: str = "") -> None:
        super().__init__(view.viewport())
        self.setObjectName("emptyMessage")
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.label = QLabel()
        self.label.setObjectName("emptyMessageText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.label.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        self.button = QPushButton(action_text)
        self.button.setObjectName("emptyMessageAction")
        self.button.clicked.connect(self.actionClicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        layout.addStretch(2)
        view.viewport().installEventFilter(self)
        self.hide()

    def show_message(self, text: str, *, action: bool = True) -> None:
        """Show *text* over the view; the button only with *action*."""
        self.label.setText(text)
        self.button.setVisible(action)
        self._fit()
        self.show()
        self.raise_()

    def _fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Cover the whole viewport as it changes size."""
        if event.type() == QEvent.Type.Resize:
            self._fit()
        return False


class SearchableCombo(QComboBox):
    """A picker of many names (kecamatan, desa) that finds an item by any part of its text.

    Typing "agung" offers "16.02.05 — Kayu Agung"; the list offers only items that contain
    what was typed, ignoring case. Text that names no item is never kept: leaving the field
    puts back the chosen item's text (or nothing), so the value is always one of the items.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self.model(), self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated[QModelIndex].connect(self._completed)  # type: ignore[index]
        self.setCompleter(completer)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        line = self.lineEdit()
        assert line is not None
        line.editingFinished.connect(self._settle)

    def setPlaceholderText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        """The grey text while nothing is chosen."""
        super().setPlaceholderText(text)
        line = self.lineEdit()
        if line is not None:
            line.setPlaceholderText(text)

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """Leaving the picker (Tab, a click elsewhere) settles it on an item.

        Watched on the application, not in focusOutEvent: while its list is open the
        completer eats the picker's focus-out.
        """
        mine = (self, self.lineEdit())
        if old in mine and new not in mine:
            completer = self.completer()
            if completer is None or new is not completer.popup():
                self._settle()

    def _completed(self, index: QModelIndex) -> None:
        completer = self.completer()
        assert completer is not None
        proxy = completer.completionModel()
        if isinstance(proxy, QAbstractProxyModel):
            index = proxy.mapToSource(index)
        if index.isValid():
            self.setCurrentIndex(index.row())

    def _settle(self) -> None:
        """Keep the field on an item: the exactly named one (any case), else the chosen one."""
        line = self.lineEdit()
        assert line is not None
        typed = line.text().strip().casefold()
        if typed:
            for row in range(self.count()):
                if self.itemText(row).casefold() == typed:
                    if row != self.currentIndex():
                        self.setCurrentIndex(row)
                    break
            else:
                matches = [
                    row for row in range(self.count()) if typed in self.itemText(row).casefold()
                ]
                if len(matches) == 1 and matches[0] != self.currentIndex():
                    self.setCurrentIndex(matches[0])
        else:  # emptied: the "all" item of a filter (no data), else nothing chosen
            empty = self.findData(None)
            if empty != self.currentIndex():
                self.setCurrentIndex(empty)
        line.setText(self.itemText(self.currentIndex()) if self.currentIndex() >= 0 else "")
