"""The parts of a small form that help (issue 18, item 7): captions that mark required
fields with a red "*" and a legend that says what it means, error lines that keep their
room so nothing below them moves as they come and go, and a line that says why the form's
button is still grey.

A grid, not a QFormLayout: QFormLayout gives a wrapped line the height of its narrowest
wrapping, so hints and errors under a field stand in a gap twice their height.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialogs.sizing import wide
from desktop.ui.i18n import translate
from desktop.ui.widgets import HintLabel

ERROR_COLOR = "#b3261e"
REQUIRED_MARK = f'<span style="color: {ERROR_COLOR};">*</span>'


def caption_label(text: str, *, required: bool = False) -> QLabel:
    """The caption of a field ("&Kode wilayah:"), with a red "*" when the field is required.

    The mnemonic of *text* still works: give the label its field with ``setBuddy``.
    """
    label = QLabel()
    if required:
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(f"{_escaped(text)} {REQUIRED_MARK}")
        label.setAccessibleName(text.replace("&", "").rstrip(":") + " " + _required_word())
    else:
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
    return label


def required_legend() -> QLabel:
    """The line that says what the red "*" means."""
    label = HintLabel()
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(translate("FormRows", "{mark} wajib diisi").format(mark=REQUIRED_MARK))
    label.setObjectName("requiredLegend")
    return label


def _required_word() -> str:
    return translate("FormRows", "(wajib diisi)")


def _escaped(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


class ErrorLine(QLabel):
    """A red line under a field that keeps room for *lines* lines while empty, so the fields
    below stay where the clerk expects them (a click never lands in the wrong field)."""

    def __init__(self, lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        wide(self)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(lines * self.fontMetrics().lineSpacing())
        self.setVisible(False)

    def show_error(self, text: str) -> None:
        """Show *text*; an empty text clears the line (its room stays)."""
        self.setText(text)
        self.setVisible(bool(text))


class ReasonLine(HintLabel):
    """A muted line beside a grey button saying why it cannot be pressed yet; its room
    stays while it is empty."""

    def __init__(self, lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        wide(self)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(lines * self.fontMetrics().lineSpacing())
        self.setVisible(False)

    def show_reason(self, text: str) -> None:
        """Say *text*; an empty text clears the line."""
        self.setText(text)
        self.setVisible(bool(text))


class FormGrid(QGridLayout):
    """Captions in the first column, fields in the second, lines under a field beside no
    caption; the field column takes the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnStretch(1, 1)
        self.setVerticalSpacing(4)

    def add_row(
        self,
        caption: str,
        field: QWidget | QLayout,
        *,
        required: bool = False,
        buddy: QWidget | None = None,
    ) -> QLabel:
        """Add a field (or a row of them, *buddy* the one the caption's mnemonic focuses)
        with its caption; return the caption label."""
        row = self.rowCount()
        label = caption_label(caption, required=required)
        label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.addWidget(label, row, 0)
        if isinstance(field, QWidget):
            self.addWidget(field, row, 1)
        else:
            self.addLayout(field, row, 1)
        target = buddy or (field if isinstance(field, QWidget) else None)
        if target is not None:
            label.setBuddy(target)
        return label

    def add_line(self, *widgets: QWidget) -> int:
        """Put *widgets* under the last field, in one cell (show one at a time); return the row."""
        row = self.rowCount()
        for widget in widgets:
            if isinstance(widget, QLabel) and widget.wordWrap():
                wide(widget)
            self.addWidget(widget, row, 1)
        return row

    def add_full_width(self, widget: QWidget) -> int:
        """Put *widget* across both columns; return the row."""
        row = self.rowCount()
        self.addWidget(widget, row, 0, 1, 2)
        return row


__all__ = [
    "ERROR_COLOR",
    "ErrorLine",
    "FormGrid",
    "ReasonLine",
    "caption_label",
    "required_legend",
]


def lay_out_form_dialog(
    dialog: QDialog,
    form: QLayout,
    message: ErrorLine,
    reason_line: ReasonLine,
    *,
    accept: str,
    cancel: str,
    on_accept: Callable[[], None],
    intro: QWidget | None = None,
    stretch: bool = True,
) -> QPushButton:
    """The layout every form dialog shares: an optional intro, the form, one place under it
    for a refusal by the service and for why the accept button is grey (the two never show
    at once), and the buttons (*accept* calls *on_accept*, *cancel* the dialog's reject,
    which asks about unsaved changes). The texts are the caller's, translated in its own
    context. Returns the accept button."""
    buttons = QDialogButtonBox()
    accept_button = buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(on_accept)
    buttons.rejected.connect(dialog.reject)
    lines = QGridLayout()
    lines.addWidget(message, 0, 0)
    lines.addWidget(reason_line, 0, 0)
    layout = QVBoxLayout(dialog)
    if intro is not None:
        layout.addWidget(intro)
    layout.addLayout(form)
    layout.addLayout(lines)
    if stretch:
        layout.addStretch(1)
    layout.addWidget(buttons)
    return accept_button
