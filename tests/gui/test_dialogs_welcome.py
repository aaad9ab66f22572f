"""The welcome dialog by keyboard (issue 18, item 7): the focused choice is plain to see, the
first choice has the focus and is the default, Tab and the arrow keys walk the choices and
Enter opens the focused one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.dialogs.welcome import ChoiceButton, WelcomeChoice, WelcomeDialog
from tests.gui.fit import assert_fits, assert_nothing_cut


def shown_welcome(qtbot: QtBot, services: AppServices) -> WelcomeDialog:
    dialog = WelcomeDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def highlight_pixels(button: ChoiceButton) -> int:
    """How many pixels along the button's left edge are in the highlight colour."""
    image: QImage = button.grab().toImage()
    highlight = button.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    ratio = image.width() / button.width()
    x = int(1 * ratio)
    count = 0
    for y in range(image.height()):
        pixel = QColor(image.pixel(x, y))
        if all(
            abs(a - b) < 40 for a, b in zip(pixel.getRgb()[:3], highlight.getRgb()[:3], strict=True)
        ):
            count += 1
    return count


def test_the_first_choice_has_a_visible_focus_and_is_the_default(
    qtbot: QtBot, services: AppServices
):
    dialog = shown_welcome(qtbot, services)
    assert dialog.focusWidget() is dialog.set_up_button
    assert dialog.set_up_button.hasFocus()
    assert dialog.set_up_button.isDefault()
    # The focused choice wears a frame in the highlight colour; the others do not.
    assert highlight_pixels(dialog.set_up_button) > dialog.set_up_button.height() // 2
    assert highlight_pixels(dialog.join_button) == 0
    assert_fits(dialog)
    assert_nothing_cut(dialog)


def test_arrow_keys_and_tab_walk_the_choices(qtbot: QtBot, services: AppServices):
    dialog = shown_welcome(qtbot, services)
    order = [dialog.set_up_button, dialog.join_button, dialog.demo_button, dialog.open_button]
    for expected in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
        assert QApplication.focusWidget() is expected
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert QApplication.focusWidget() is dialog.open_button  # the last stays the last
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)
    assert QApplication.focusWidget() is dialog.demo_button
    assert dialog.demo_button.isDefault()  # Enter opens the choice that shows the focus
    assert highlight_pixels(dialog.demo_button) > 0
    assert highlight_pixels(dialog.set_up_button) == 0
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.open_button
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.later_button
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier
    )
    assert QApplication.focusWidget() is dialog.demo_button


def test_enter_opens_the_focused_choice(qtbot: QtBot, services: AppServices):
    dialog = shown_welcome(qtbot, services)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.pages.currentIndex() == dialog.PAGE_SET_UP
    assert QApplication.focusWidget() is dialog.form.region_edit
    assert_fits(dialog)
    assert_nothing_cut(dialog)

    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == dialog.PAGE_CHOICES
    assert QApplication.focusWidget() is dialog.set_up_button
    assert dialog.set_up_button.isDefault() and not dialog.submit_button.isDefault()

    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.choice is WelcomeChoice.DEMO
    assert not dialog.isVisible()
