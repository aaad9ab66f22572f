"""Sizes for dialogs: wide enough to read, as tall as their wrapped text needs, and always
inside the screen (1366×768 with a taskbar is the smallest an office has)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

# Room left around a dialog on its screen: its title bar and the desktop's taskbar when the
# available area does not already leave it out.
SCREEN_MARGIN_X = 40
SCREEN_MARGIN_Y = 80


def wide(label: QLabel) -> QLabel:
    """Let a wrapped label take its column's whole width (a form gives it a narrow one
    otherwise) and no more height than its lines need, keeping its height-for-width."""
    policy = label.sizePolicy()
    policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
    policy.setVerticalPolicy(QSizePolicy.Policy.Maximum)
    label.setSizePolicy(policy)
    return label


def open_size(dialog: QWidget, width: int, height: int | None = None) -> None:
    """Give *dialog* the size it opens at: *width* wide and *height* tall (by default as tall
    as its wrapped texts need at that width), within its screen's available area."""
    dialog.ensurePolished()
    anchor = dialog.parentWidget() or dialog
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    layout = dialog.layout()
    smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    chosen_width = max(min(width, available.width() - SCREEN_MARGIN_X), smallest.width())
    if height is None:
        if layout is not None and layout.hasHeightForWidth():
            height = layout.totalHeightForWidth(chosen_width)
        else:
            height = dialog.sizeHint().height()
    chosen_height = max(min(height, available.height() - SCREEN_MARGIN_Y), smallest.height())
    dialog.resize(chosen_width, chosen_height)
