"""Message boxes with Indonesian buttons (Qt ships no Indonesian translation of its own).

Every message box of the application goes through this module, so tests can replace
:func:`run_box` to read what the user would see and to choose a button.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.findings import DomainError
from desktop.ui.i18n import error_text, translate


def run_box(box: QMessageBox) -> QMessageBox.ButtonRole:
    """Show *box* modally and return the role of the button pressed (tests replace this)."""
    box.exec()
    clicked = box.clickedButton()
    return box.buttonRole(clicked) if clicked is not None else QMessageBox.ButtonRole.RejectRole


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    return box


def inform(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    """Show an information message with a Tutup button."""
    box = _box(parent, QMessageBox.Icon.Information, title, text)
    if details:
        box.setInformativeText(details)
    box.addButton(translate("Messages", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
    run_box(box)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    """Show a warning with a Tutup button."""
    box = _box(parent, QMessageBox.Icon.Warning, title, text)
    box.addButton(translate("Messages", "Tutup"), QMessageBox.ButtonRole.AcceptRole)
    run_box(box)


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str,
    no: str = "",
    default_no: bool = False,
) -> bool:
    """Ask a yes/no question; True when the user chose *yes*. With *default_no* (a step that
    cannot be undone), Enter answers *no*."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    no_button = box.addButton(
        no or translate("Messages", "Batal"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(no_button if default_no else yes_button)
    return run_box(box) == QMessageBox.ButtonRole.AcceptRole


def domain_error_text(error: DomainError) -> str:
    """The translated message of a domain error."""
    return error_text(error)


def ask_unsaved(parent: QWidget | None, title: str) -> str:
    """Ask what to do with a form's unsaved changes: "save", "discard" or "cancel" (back to
    the form). Simpan is the default; Esc is Batal, so nothing typed is lost by a key."""
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        title,
        translate("Messages", "Ada perubahan yang belum disimpan. Simpan dulu?"),
    )
    save = box.addButton(translate("Messages", "Simpan"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Messages", "Buang perubahan"), QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(translate("Messages", "Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    role = run_box(box)
    if role == QMessageBox.ButtonRole.AcceptRole:
        return "save"
    if role == QMessageBox.ButtonRole.DestructiveRole:
        return "discard"
    return "cancel"
