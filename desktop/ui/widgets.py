"""Small widgets shared by the tabs and dialogs (they never call services)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QFrame,
    QLabel,
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
        self.setMinimumWidth(200)
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
