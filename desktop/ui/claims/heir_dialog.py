"""An heir (ahli waris) of a claim: name, NIK, relationship, and for the payee the bank
account the money goes to. Checked as it is typed; saved by the caller's ``submit``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QWidget,
)

from desktop.domain.benefits import SchoolLevel
from desktop.domain.heirs import Relationship
from desktop.domain.identifiers import normalize_number
from desktop.domain.nik import check_nik
from desktop.services.claims import HeirDetail
from desktop.ui import messages
from desktop.ui.dialogs.form_rows import (
    ErrorLine,
    FormGrid,
    ReasonLine,
    lay_out_form_dialog,
    required_legend,
)
from desktop.ui.dialogs.sizing import open_size
from desktop.ui.i18n import finding_text, translate
from desktop.ui.roster.form_parts import FieldMessage, blocked_reason

OPEN_WIDTH = 520

# What the dialog sends: name, relationship, nik, payee, school_level, bank, account, holder
# (account left out while a masked number stands unchanged); the callback returns a refusal
# or None.
HeirSubmit = Callable[[dict[str, Any]], str | None]


class HeirDialog(QDialog):
    """Add an heir (no *heir*) or change one."""

    def __init__(
        self,
        heir: HeirDetail | None = None,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._heir = heir
        self._today = today
        self.setWindowTitle(
            self.tr("Tambah ahli waris") if heir is None else self.tr("Ubah ahli waris")
        )
        self.submit: HeirSubmit = lambda _values: None
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(24)
        self.nik_edit.setPlaceholderText(self.tr("16 angka"))
        self.nik_message = FieldMessage(lines=2)
        self.relationship_combo = QComboBox()
        self.relationship_combo.setPlaceholderText(self.tr("Pilih hubungan"))
        for relationship in Relationship:
            self.relationship_combo.addItem(
                translate("Relationship", relationship.label), relationship.value
            )
        self.relationship_combo.setCurrentIndex(-1)
        self.school_combo = QComboBox()
        self.school_combo.addItem(self.tr("Tidak bersekolah / tidak dihitung"), None)
        for level in SchoolLevel:
            self.school_combo.addItem(translate("SchoolLevel", level.label), level.value)
        self.school_combo.setToolTip(
            self.tr(
                "Beasiswa anak JKM dihitung untuk dua anak pertama yang bersekolah, bila masa "
                "iuran almarhum sudah 3 tahun."
            )
        )
        self.payee_check = QCheckBox(self.tr("&Penerima pembayaran"))
        self.bank_edit = QLineEdit()
        self.bank_edit.setMaxLength(100)
        self.bank_edit.setPlaceholderText(self.tr("mis. Bank Sumsel Babel"))
        self.account_edit = QLineEdit()
        self.account_edit.setMaxLength(40)
        self.account_message = FieldMessage(lines=1)
        self.holder_edit = QLineEdit()
        self.holder_edit.setMaxLength(200)
        self.message = ErrorLine(lines=3)
        self.reason_line = ReasonLine(lines=2)

        form = FormGrid()
        form.add_row(self.tr("&Nama:"), self.name_edit, required=True)
        form.add_row(self.tr("N&IK:"), self.nik_edit)
        form.add_line(self.nik_message)
        form.add_row(self.tr("&Hubungan:"), self.relationship_combo, required=True)
        self.school_caption = form.add_row(self.tr("&Jenjang sekolah:"), self.school_combo)
        form.add_full_width(self.payee_check)
        self.bank_caption = form.add_row(self.tr("Nama ban&k:"), self.bank_edit, required=True)
        self.account_caption = form.add_row(
            self.tr("Nomor &rekening:"), self.account_edit, required=True
        )
        form.add_line(self.account_message)
        self.holder_caption = form.add_row(
            self.tr("Pe&milik rekening:"), self.holder_edit, required=True
        )
        form.add_full_width(required_legend())
        self.save_button = lay_out_form_dialog(
            self, form, self.message, self.reason_line,
            accept=self.tr("&Simpan"), cancel=self.tr("&Batal"), on_accept=self._save,
        )  # fmt: skip

        if heir is not None:
            self._fill(heir)
        for edit in (
            self.name_edit,
            self.nik_edit,
            self.bank_edit,
            self.account_edit,
            self.holder_edit,
        ):
            edit.textChanged.connect(self._check)
        self.relationship_combo.currentIndexChanged.connect(self._relationship_changed)
        self.school_combo.currentIndexChanged.connect(self._check)
        self._relationship_changed()
        self.payee_check.toggled.connect(self._payee_toggled)
        self._payee_toggled(self.payee_check.isChecked())
        self._initial = self.snapshot()
        open_size(self, OPEN_WIDTH)

    def _fill(self, heir: HeirDetail) -> None:
        self.name_edit.setText(heir.name)
        self.nik_edit.setText(heir.nik or "")
        self.relationship_combo.setCurrentIndex(self.relationship_combo.findData(heir.relationship))
        self.school_combo.setCurrentIndex(max(self.school_combo.findData(heir.school_level), 0))
        self.payee_check.setChecked(heir.is_payee)
        self.bank_edit.setText(heir.bank_name or "")
        self.holder_edit.setText(heir.holder or "")
        if heir.account_masked:
            # The full number is not shown: typing one replaces it, leaving it keeps it.
            self.account_edit.setPlaceholderText(
                self.tr("{account} (isi untuk mengganti)").format(account=heir.account or "")
            )
        else:
            self.account_edit.setText(heir.account or "")

    def snapshot(self) -> tuple[object, ...]:
        """What the form holds now (to tell whether it was changed)."""
        return (
            self.name_edit.text(),
            self.nik_edit.text(),
            self.relationship_combo.currentData(),
            self.school_combo.currentData(),
            self.payee_check.isChecked(),
            self.bank_edit.text(),
            self.account_edit.text(),
            self.holder_edit.text(),
        )

    def is_dirty(self) -> bool:
        """True when the user changed anything."""
        return self.snapshot() != self._initial

    def reject(self) -> None:
        """Batal, Esc or the window's close button: unsaved changes are asked about first
        (Simpan / Buang perubahan / Batal), so nothing typed is lost by a key."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save":
                self._save()  # closes when it saved; stays open with the refusal
                return
        super().reject()

    @Slot()
    def _relationship_changed(self) -> None:
        """A school level is a child's: the field is open for a child only."""
        child = self.relationship_combo.currentData() == Relationship.ANAK.value
        self.school_combo.setEnabled(child)
        self.school_caption.setEnabled(child)
        if not child:
            self.school_combo.setCurrentIndex(0)
        self._check()

    @Slot(bool)
    def _payee_toggled(self, on: bool) -> None:
        for widget in (
            self.bank_edit,
            self.account_edit,
            self.holder_edit,
            self.bank_caption,
            self.account_caption,
            self.holder_caption,
        ):
            widget.setEnabled(on)
        if on and not self.holder_edit.text().strip():
            self.holder_edit.setText(self.name_edit.text().strip())
        self._check()

    def _keeps_masked_account(self) -> bool:
        return (
            self._heir is not None
            and self._heir.account_masked
            and not self.account_edit.text().strip()
        )

    @Slot()
    def _check(self) -> None:
        """Every field checked as it is typed; Simpan says why it is grey."""
        self.message.show_error("")
        missing: list[str] = []
        wrong: list[str] = []
        if not self.name_edit.text().strip():
            missing.append(self.tr("Nama"))
        nik = self.nik_edit.text().strip()
        if nik:
            checked = check_nik(nik, today=self._today())
            if checked.errors:
                self.nik_message.show_error(finding_text(checked.errors[0]))
                wrong.append(self.tr("NIK"))
            elif checked.warnings:
                self.nik_message.show_warning(finding_text(checked.warnings[0]))
            else:
                self.nik_message.clear_message()
        else:
            self.nik_message.show_hint(self.tr("Boleh dikosongkan bila belum diketahui."))
        if self.relationship_combo.currentIndex() < 0:
            missing.append(self.tr("Hubungan"))
        account = self.account_edit.text().strip()
        if account and not normalize_number(account).isdigit():
            self.account_message.show_error(
                self.tr("Nomor rekening hanya boleh berisi angka (spasi, titik dan - boleh).")
            )
            wrong.append(self.tr("Nomor rekening"))
        else:
            self.account_message.clear_message()
        if self.payee_check.isChecked():
            if not self.bank_edit.text().strip():
                missing.append(self.tr("Nama bank"))
            if not account and not self._keeps_masked_account():
                missing.append(self.tr("Nomor rekening"))
            if not self.holder_edit.text().strip():
                missing.append(self.tr("Pemilik rekening"))
        reason = blocked_reason(missing, wrong)
        self.reason_line.show_reason(reason)
        self.save_button.setEnabled(not reason)
        self.save_button.setToolTip(reason)

    def values(self) -> dict[str, Any]:
        """What the form holds, as the claim service's add_heir / update_heir take it."""
        values: dict[str, Any] = {
            "name": self.name_edit.text().strip(),
            "relationship": self.relationship_combo.currentData(),
            "nik": self.nik_edit.text().strip() or None,
            "payee": self.payee_check.isChecked(),
            "school_level": self.school_combo.currentData(),
            "bank": self.bank_edit.text().strip() or None,
            "holder": self.holder_edit.text().strip() or None,
        }
        if not self._keeps_masked_account():
            values["account"] = self.account_edit.text().strip() or None
        return values

    def show_refusal(self, text: str) -> None:
        """Show a refusal under the fields (what was typed stays)."""
        self.reason_line.show_reason("")
        self.message.show_error(text)

    @Slot()
    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        problem = self.submit(self.values())
        if problem:
            self.show_refusal(problem)
            messages.warn(self, self.windowTitle(), problem)
            return
        self.accept()


__all__ = ["HeirDialog", "HeirSubmit"]
