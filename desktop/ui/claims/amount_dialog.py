"""Set a claim's amount by hand (the regency's admin), with the reason the audit keeps."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QWidget,
)

from desktop.domain.findings import DomainError
from desktop.domain.money import format_rupiah, parse_rupiah
from desktop.ui import messages
from desktop.ui.dialogs.form_rows import (
    ErrorLine,
    FormGrid,
    ReasonLine,
    lay_out_form_dialog,
    required_legend,
)
from desktop.ui.dialogs.sizing import open_size, wide
from desktop.ui.i18n import error_text
from desktop.ui.roster.form_parts import FieldMessage, blocked_reason
from desktop.ui.widgets import HintLabel

OPEN_WIDTH = 480


class AmountDialog(QDialog):
    """The amount to pay in place of the computed one, and why."""

    def __init__(self, computed: int, current: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah jumlah klaim"))
        # amount, reason -> a refusal's text or None
        self.submit: Callable[[int, str], str | None] = lambda _amount, _reason: None
        self.intro = HintLabel(
            self.tr(
                "Jumlah menurut aturan: {computed}. Jumlah yang Anda tulis menggantikannya; "
                "alasannya dicatat bersama nama Anda."
            ).format(computed=format_rupiah(computed, cents=False))
        )
        wide(self.intro)
        self.amount_edit = QLineEdit()
        self.amount_edit.setMaxLength(30)
        self.amount_edit.setPlaceholderText(self.tr("mis. 1.000.000"))
        if current is not None:
            self.amount_edit.setText(format_rupiah(current, cents=False))
        self.amount_message = FieldMessage(lines=2)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setPlaceholderText(self.tr("mis. nomor surat keputusan"))
        self.message = ErrorLine(lines=3)
        self.reason_line = ReasonLine(lines=2)
        form = FormGrid()
        form.add_row(self.tr("&Jumlah (Rp):"), self.amount_edit, required=True)
        form.add_line(self.amount_message)
        form.add_row(self.tr("&Alasan:"), self.reason_edit, required=True)
        form.add_full_width(required_legend())
        self.save_button = lay_out_form_dialog(
            self, form, self.message, self.reason_line, intro=self.intro,
            accept=self.tr("&Simpan"), cancel=self.tr("&Batal"), on_accept=self._save,
        )  # fmt: skip
        self.amount_edit.textChanged.connect(self._check)
        self.reason_edit.textChanged.connect(self._check)
        self._check()
        self._initial = (self.amount_edit.text(), self.reason_edit.text())
        open_size(self, OPEN_WIDTH)

    def amount(self) -> int | None:
        """The amount typed, None while it cannot be read."""
        try:
            return parse_rupiah(self.amount_edit.text())
        except DomainError:
            return None

    def is_dirty(self) -> bool:
        """True when the amount or the reason was changed."""
        return (self.amount_edit.text(), self.reason_edit.text()) != self._initial

    def reject(self) -> None:
        """Batal or Esc: what was typed is asked about first."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save":
                self._save()
                return
        super().reject()

    @Slot()
    def _check(self) -> None:
        self.message.show_error("")
        missing: list[str] = []
        wrong: list[str] = []
        text = self.amount_edit.text().strip()
        if not text:
            self.amount_message.clear_message()
            missing.append(self.tr("Jumlah"))
        else:
            try:
                value = parse_rupiah(text)
            except DomainError as exc:
                self.amount_message.show_error(error_text(exc))
                wrong.append(self.tr("Jumlah"))
            else:
                if value < 0:
                    self.amount_message.show_error(self.tr("Jumlah tidak boleh kurang dari Rp0."))
                    wrong.append(self.tr("Jumlah"))
                else:
                    self.amount_message.show_hint(format_rupiah(value, cents=False))
        if not self.reason_edit.text().strip():
            missing.append(self.tr("Alasan"))
        reason = blocked_reason(missing, wrong)
        self.reason_line.show_reason(reason)
        self.save_button.setEnabled(not reason)
        self.save_button.setToolTip(reason)

    def show_refusal(self, text: str) -> None:
        """Show a refusal under the fields (what was typed stays)."""
        self.reason_line.show_reason("")
        self.message.show_error(text)

    @Slot()
    def _save(self) -> None:
        value = self.amount()
        if not self.save_button.isEnabled() or value is None:
            return
        problem = self.submit(value, self.reason_edit.text().strip())
        if problem:
            self.show_refusal(problem)
            messages.warn(self, self.windowTitle(), problem)
            return
        self.accept()


__all__ = ["AmountDialog"]
