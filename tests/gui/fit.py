"""Does a window fit the screens of the office? (issue 18, item 6)

The smallest screen Sigap meets is 1366×768 with a taskbar of up to ~68 px: a window or
dialog must fit in 1366×700 at the size it opens at, and its layout must let it (a minimum
size above that can never fit)."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

SCREEN_WIDTH = 1366
SCREEN_HEIGHT_LESS_TASKBAR = 700


def assert_fits(
    widget: QWidget, width: int = SCREEN_WIDTH, height: int = SCREEN_HEIGHT_LESS_TASKBAR
) -> None:
    """Assert that the shown top-level window of *widget* fits in *width* × *height*.

    Checks the frame geometry (title bar included when a window manager draws one) and the
    smallest size the window's layout allows.
    """
    window = widget.window()
    assert window.isVisible(), f"{type(window).__name__} is not shown"
    QApplication.processEvents()
    name = f"{type(window).__name__} ({window.windowTitle()!r})"
    frame = window.frameGeometry()
    assert frame.width() <= width and frame.height() <= height, (
        f"{name} opens at {frame.width()}×{frame.height()}, more than {width}×{height}"
    )
    layout = window.layout()
    smallest = window.minimumSize().expandedTo(window.minimumSizeHint())
    if layout is not None:
        smallest = smallest.expandedTo(layout.totalMinimumSize())
    assert smallest.width() <= width and smallest.height() <= height, (
        f"{name} cannot be smaller than {smallest.width()}×{smallest.height()}, "
        f"more than {width}×{height}"
    )


def cut_texts(widget: QWidget) -> list[str]:
    """The texts of *widget*'s shown labels and buttons that their room cuts short: a label on
    one line narrower than its text, a wrapped one lower than its lines, a button narrower
    than its caption. Labels that elide on purpose (their tooltip holds the whole text) are
    left out."""
    cut: list[str] = []
    for label in widget.findChildren(QLabel):
        if not label.isVisibleTo(widget.window()) or not label.text() or label.pixmap():
            continue
        if label.wordWrap():
            if label.height() + 1 < label.heightForWidth(label.width()):
                cut.append(label.text())
        elif label.width() + 1 < label.minimumSizeHint().width() and not label.toolTip():
            cut.append(label.text())
    for button in widget.findChildren(QAbstractButton):
        shown = button.isVisibleTo(widget.window()) and button.text()
        if shown and button.width() + 1 < button.minimumSizeHint().width():
            cut.append(button.text())
    return cut


def assert_nothing_cut(widget: QWidget) -> None:
    """Assert that no shown label or button of *widget* has its text cut short."""
    QApplication.processEvents()
    cut = cut_texts(widget)
    assert not cut, f"cut short in {type(widget).__name__}: {cut}"
