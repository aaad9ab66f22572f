"""The parts the claim detail is drawn with: a titled section that can be emptied and
refilled, a grid of captions and values that wraps in a narrow panel, and the text of the
things a claim shows (numbers masked, dates, money, days left)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.identifiers import mask_account
from desktop.domain.money import format_rupiah
from desktop.ui.dialogs.form_rows import ERROR_COLOR
from desktop.ui.dialogs.sizing import wide
from desktop.ui.i18n import translate
from desktop.ui.roster.form_parts import WARNING_COLOR
from desktop.ui.roster.model import short_date
from desktop.ui.widgets import HintLabel

OK_COLOR = "#1b6e20"


def rupiah(amount: int) -> str:
    """Whole rupiah as "Rp1.000.000"."""
    return format_rupiah(amount, cents=False)


def shown_number(text: str | None, full: bool) -> str:
    """A NIK, KK or account number as the screen shows it: all but its last 4 digits hidden
    unless *full* (the user asked, and may)."""
    if not text:
        return "–"
    return text if full else mask_account(text)


def days_left_text(days: int | None, working: bool = False) -> str:
    """Days left in words: "3 hari lagi", "hari ini batasnya", "lewat 2 hari" (with
    "hari kerja" when the deadline is counted in working days)."""
    if days is None:
        return "–"
    if days > 0:
        if working:
            return translate("ClaimDetail", "{days} hari kerja lagi").format(days=days)
        return translate("ClaimDetail", "{days} hari lagi").format(days=days)
    if days == 0:
        return translate("ClaimDetail", "hari ini batasnya")
    if working:
        return translate("ClaimDetail", "lewat {days} hari kerja").format(days=-days)
    return translate("ClaimDetail", "lewat {days} hari").format(days=-days)


def value_label(text: str, *, bold: bool = False, color: str = "") -> QLabel:
    """A value: wrapped, selectable, in *color* when given."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    wide(label)
    if bold:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)
    if color:
        label.setStyleSheet(f"color: {color};")
    return label


def mute(widget: QWidget) -> None:
    """Draw *widget*'s text in the muted colour of hints."""
    palette = widget.palette()
    palette.setColor(widget.foregroundRole(), palette.color(palette.ColorRole.PlaceholderText))
    widget.setPalette(palette)


def muted_label(text: str) -> QLabel:
    """A wrapped, muted line (a hint, a note, a step that did not count)."""
    label = HintLabel(text)
    wide(label)
    return label


class FieldGrid(QGridLayout):
    """Captions and values, two pairs to a row; a *wide* value takes the whole row."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalSpacing(10)
        self.setVerticalSpacing(4)
        self.setColumnStretch(1, 1)
        self.setColumnStretch(3, 1)
        self._row = 0
        self._column = 0

    def add(self, caption: str, value: QLabel | str, *, wide_value: bool = False) -> QLabel:
        """Add a caption and its value; return the value's label."""
        label = value if isinstance(value, QLabel) else value_label(value)
        if wide_value and self._column:
            self._row, self._column = self._row + 1, 0
        caption_label = QLabel(caption)
        caption_label.setTextFormat(Qt.TextFormat.PlainText)
        caption_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        mute(caption_label)
        caption_label.setBuddy(label)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.addWidget(caption_label, self._row, self._column)
        span = 3 if wide_value else 1
        self.addWidget(label, self._row, self._column + 1, 1, span)
        if wide_value or self._column:
            self._row, self._column = self._row + 1, 0
        else:
            self._column = 2
        return label


class Section(QWidget):
    """A titled part of the detail (a bold heading over a framed body), emptied and filled
    again each time a claim is shown."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(title)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.title.setFont(font)
        self.frame = QFrame()
        self.frame.setFrameShape(QFrame.Shape.StyledPanel)
        self.body = QVBoxLayout(self.frame)
        self.body.setContentsMargins(10, 8, 10, 8)
        self.body.setSpacing(6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(3)
        outer.addWidget(self.title)
        outer.addWidget(self.frame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def clear(self) -> None:
        """Remove everything the section shows."""
        _empty(self.body)

    def add(self, item: QWidget | QLayout) -> None:
        """Add a widget or a layout under what is there."""
        if isinstance(item, QWidget):
            self.body.addWidget(item)
        else:
            self.body.addLayout(item)

    def add_text(self, text: str, *, color: str = "", bold: bool = False) -> QLabel:
        """Add a wrapped line of text."""
        label = value_label(text, bold=bold, color=color)
        self.body.addWidget(label)
        return label

    def add_muted(self, text: str) -> QLabel:
        """Add a muted line."""
        label = muted_label(text)
        self.body.addWidget(label)
        return label


def _empty(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.setParent(None)  # out of the tree now, not only when it is deleted
            widget.deleteLater()
            continue
        child = item.layout()
        if child is not None:
            _empty(child)
            child.deleteLater()


def button_row(*widgets: QWidget) -> QHBoxLayout:
    """Widgets in a row, pushed to the right."""
    row = QHBoxLayout()
    row.addStretch(1)
    for widget in widgets:
        row.addWidget(widget)
    return row


__all__ = [
    "ERROR_COLOR",
    "OK_COLOR",
    "WARNING_COLOR",
    "FieldGrid",
    "Section",
    "button_row",
    "days_left_text",
    "mute",
    "muted_label",
    "rupiah",
    "short_date",
    "shown_number",
    "value_label",
]
