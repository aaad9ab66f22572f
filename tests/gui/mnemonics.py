"""Keyboard mnemonics (Alt+letter) of a window, by the scope in which they must differ
(issue 18, item 7: no Alt+letter may open two things).

A window's scope holds its menu bar titles, its tab titles and every button, check box,
group box and label-with-buddy visible at once; each menu's items are a scope of their own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)


def mnemonic(text: str) -> str | None:
    """The letter after the first single "&" of *text* ("&&" is a plain ampersand)."""
    i = 0
    while (i := text.find("&", i)) != -1 and i + 1 < len(text):
        if text[i + 1] == "&":
            i += 2
            continue
        return text[i + 1].casefold()
    return None


@dataclass(frozen=True)
class Mnemonic:
    """One Alt+letter and what carries it."""

    letter: str
    text: str
    kind: str


def window_mnemonics(window: QWidget) -> list[Mnemonic]:
    """The mnemonics a user can press in *window* as it is shown now."""
    found: list[Mnemonic] = []

    def add(text: str, kind: str) -> None:
        letter = mnemonic(text)
        if letter is not None:
            found.append(Mnemonic(letter, text, kind))

    for bar in window.findChildren(QMenuBar):
        if bar.isVisibleTo(window):
            for action in bar.actions():
                if action.isVisible():
                    add(action.text(), "menu")
    for tabs in window.findChildren(QTabBar):
        if tabs.isVisibleTo(window):
            for i in range(tabs.count()):
                if tabs.isTabVisible(i):
                    add(tabs.tabText(i), "tab")
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and not isinstance(button.parent(), QTabBar):
            add(button.text(), type(button).__name__)
    for box in window.findChildren(QGroupBox):
        if box.isVisibleTo(window):
            add(box.title(), "QGroupBox")
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.buddy() is not None:
            add(label.text(), "QLabel")
    return found


def menu_mnemonics(menu: QMenu) -> list[Mnemonic]:
    """The mnemonics of one menu's items."""
    found = []
    for action in menu.actions():
        letter = mnemonic(action.text())
        if letter is not None and action.isVisible():
            found.append(Mnemonic(letter, action.text(), "item"))
    return found


def clashes(found: list[Mnemonic]) -> dict[str, list[str]]:
    """The letters carried by more than one thing, with the texts that carry them."""
    by_letter: dict[str, list[str]] = defaultdict(list)
    for item in found:
        by_letter[item.letter].append(f"{item.kind}: {item.text}")
    return {letter: texts for letter, texts in by_letter.items() if len(texts) > 1}


def all_menus(bar: QMenuBar) -> list[QMenu]:
    """Every menu and submenu of a menu bar."""
    menus: list[QMenu] = []
    pending = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    while pending:
        menu = pending.pop(0)
        assert isinstance(menu, QMenu)
        menus.append(menu)
        pending.extend(a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu))
    return menus
