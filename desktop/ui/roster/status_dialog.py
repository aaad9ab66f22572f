"""A worker's status: aktif, nonaktif with a reason, or meninggal with the date of death
(refused at the field when it is after today or before the birth)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLineEdit,
    QWidget,
)

from desktop.domain.categories import WorkerStatus
from desktop.services.workers import WorkerRecord
from desktop.ui import messages
from desktop.ui.dialogs.form_rows import (
    ErrorLine,
    FormGrid,
    ReasonLine,
    lay_out_form_dialog,
    required_legend,
)
from desktop.ui.i18n import translate
from desktop.ui.roster.form_parts import DateField, FieldMessage, blocked_reason


class StatusDialog(QDialog):
    """Aktif, nonaktif with a reason, or meninggal with the date of death."""

    def __init__(self, record: WorkerRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah status peserta"))
        self.submit: Callable[[WorkerStatus, str, date | None], str | None] = lambda *a: None
        self.saved_status: WorkerStatus | None = None  # the status saved, once it is
        self.status_combo = QComboBox()
        for status in WorkerStatus:
            self.status_combo.addItem(translate("WorkerStatus", status.label), status.value)
        self.status_combo.setCurrentIndex(self.status_combo.findData(record.status))
        self.reason_edit = QLineEdit(record.status_reason or "")
        self.reason_edit.setMaxLength(300)
        self.death_date_edit = DateField(
            self.tr("Tanggal meninggal"), latest=date.today, earliest=record.birth_date
        )
        self.death_date_edit.setDate(record.death_date)
        self.death_message = FieldMessage(lines=2)
        self.message = ErrorLine(lines=2)
        self.reason_line = ReasonLine(lines=2)
        form = FormGrid()
        form.add_row(self.tr("S&tatus"), self.status_combo, required=True)
        self.reason_caption = form.add_row(self.tr("&Alasan"), self.reason_edit)
        self.death_caption = form.add_row(
            self.tr("Tanggal &meninggal"), self.death_date_edit, required=True
        )
        form.add_line(self.death_message)
        form.add_full_width(required_legend())
        self.save_button = lay_out_form_dialog(
            self, form, self.message, self.reason_line, stretch=False,
            accept=self.tr("&Simpan"), cancel=self.tr("&Batal"), on_accept=self._save,
        )  # fmt: skip
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self.reason_edit.textChanged.connect(self._check)
        self.death_date_edit.checkNeeded.connect(self._check)
        self._status_changed()
        self._initial = self._snapshot()
        self.resize(max(self.sizeHint().width(), 460), self.sizeHint().height())

    def _snapshot(self) -> tuple[object, ...]:
        return (
            self.status_combo.currentData(),
            self.reason_edit.text(),
            self.death_date_edit.text(),
        )

    def is_dirty(self) -> bool:
        """True when the user changed the status, its reason or the date of death."""
        return self._snapshot() != self._initial

    def reject(self) -> None:
        """Batal, Esc or the window's close button: a change is asked about first
        (Simpan / Buang perubahan / Batal), as in the worker form."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save":
                self._save()  # closes when it saved; stays open with the reason otherwise
                return
        super().reject()

    def _status(self) -> WorkerStatus:
        return WorkerStatus(self.status_combo.currentData())

    @Slot()
    def _status_changed(self) -> None:
        status = self._status()
        self.death_date_edit.setEnabled(status is WorkerStatus.MENINGGAL)
        self.reason_edit.setEnabled(status is not WorkerStatus.AKTIF)
        if status is WorkerStatus.MENINGGAL and self.death_date_edit.is_empty():
            self.death_date_edit.setDate(date.today())
        self._check()

    @Slot()
    def _check(self) -> None:
        """The date of death is checked as it is typed; Simpan says why it is grey."""
        self.message.show_error("")
        missing: list[str] = []
        wrong: list[str] = []
        status = self._status()
        if status is WorkerStatus.MENINGGAL:
            problem = self.death_date_edit.problem()
            self.death_message.show_error(problem)
            if problem or not self.death_date_edit.is_acceptable():
                wrong.append(self.death_date_edit.name)
            elif self.death_date_edit.is_empty():
                missing.append(self.death_date_edit.name)
        else:
            self.death_message.clear_message()
        if status is WorkerStatus.NONAKTIF and not self.reason_edit.text().strip():
            missing.append(self.tr("Alasan"))
        reason = blocked_reason(missing, wrong)
        self.reason_line.show_reason(reason)
        self.save_button.setEnabled(not reason)
        self.save_button.setToolTip(reason)

    @Slot()
    def _save(self) -> None:
        if not self.save_button.isEnabled():
            return
        status = self._status()
        died = self.death_date_edit.date() if status is WorkerStatus.MENINGGAL else None
        problem = self.submit(status, self.reason_edit.text(), died)
        if problem:
            self.reason_line.show_reason("")
            self.message.show_error(problem)
            return
        self.saved_status = status
        self.accept()
