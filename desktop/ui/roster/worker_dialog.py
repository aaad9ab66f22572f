"""One worker in a dialog: the form (:mod:`desktop.ui.roster.worker_form`), its history,
status changes, and saving.

Questions before saving (the NIK, dates far ahead, possible duplicates) are asked about what
THIS edit raised, never again about what the clerk already answered: a record's old
warnings and duplicate pairs were settled when they arose (issue 18, item 1).
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.categories import WorkerStatus
from desktop.domain.claims import ClaimKind
from desktop.domain.findings import DomainError
from desktop.domain.identifiers import mask_kpj
from desktop.services.permissions import Actor, Permission, can
from desktop.services.regions import RegionService
from desktop.services.workers import ActiveNikTaken, WorkerRecord, WorkerService
from desktop.ui import messages
from desktop.ui.dialogs.form_rows import ReasonLine
from desktop.ui.dialogs.sizing import open_size
from desktop.ui.i18n import error_text, translate
from desktop.ui.roster.model import short_date
from desktop.ui.roster.status_dialog import StatusDialog
from desktop.ui.roster.worker_form import WorkerForm

__all__ = ["StatusDialog", "WorkerDialog", "WorkerForm"]

OPEN_WIDTH = 1080  # two columns of fields side by side; fits 1366 with room to spare


class WorkerDialog(QDialog):
    """Add a worker (no *record*) or show and change one."""

    saved = Signal(str)  # worker id
    openRequested = Signal(str)  # another worker's id (a duplicate the user wants to see)
    # A claim for this worker (id), of a kind (ClaimKind) or None to choose in its dialog.
    claimRequested = Signal(str, object)

    def __init__(
        self,
        workers: WorkerService,
        regions: RegionService,
        actor: Actor | None,
        *,
        record: WorkerRecord | None = None,
        full_numbers: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workers = workers
        self._regions = regions
        self._actor = actor
        self._record = record
        self._full_numbers = full_numbers or record is None
        self.saved_id: str | None = record.id if record else None
        self.status_dialog: StatusDialog | None = None
        self.setWindowTitle(
            self.tr("Tambah peserta") if record is None else self.tr("Data peserta")
        )

        self.tabs = QTabWidget()
        self.form = WorkerForm(workers, regions, record=record, full_numbers=full_numbers)
        self.tabs.addTab(self.form, self.tr("Data"))
        self.history_table = QTableWidget(0, 5)
        self.history_table.setHorizontalHeaderLabels(
            [
                self.tr("Waktu"),
                self.tr("Pengguna"),
                self.tr("Kolom"),
                self.tr("Sebelumnya"),
                self.tr("Menjadi"),
            ]
        )
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history_table.horizontalHeader().setStretchLastSection(True)
        if record is not None:
            self.tabs.addTab(self.history_table, self.tr("Riwayat perubahan"))

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.status_button = QPushButton(self.tr("&Ubah status…"))
        self.status_button.setVisible(record is not None)
        self.status_button.clicked.connect(self.change_status)
        # Every letter of "Buka klaim" is taken by the form's fields: no mnemonic.
        self.claim_button = QPushButton(self.tr("Buka klaim…"))
        self.claim_button.setToolTip(self.tr("Buka klaim JKM, JKK atau santunan untuk peserta ini"))
        self.claim_button.setVisible(record is not None)
        self.claim_button.clicked.connect(self.request_claim)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        # Why Simpan is grey, beside it; two lines of room kept so nothing moves.
        self.reason_line = ReasonLine(lines=2)
        self.reason_line.setFixedHeight(2 * self.reason_line.fontMetrics().lineSpacing() + 2)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_button)
        bottom.addWidget(self.claim_button)
        bottom.addWidget(self.reason_line, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        if record is not None:
            self._show_history()
        can_edit = actor is not None and _can_edit(actor)
        self.save_button.setVisible(can_edit)
        self.status_button.setEnabled(can_edit)
        self.claim_button.setEnabled(actor is not None and can(actor, Permission.PROPOSE_CLAIMS))
        self.form.checked.connect(self._show_reason)
        self._show_reason(self.form.reason)
        # What the form held when it opened: closing with other values asks first, and
        # the warnings it already had were answered when they arose (not asked again).
        self._initial = self.form.snapshot()
        self._initial_warnings = set(self.form.nik_warnings() + self.form.date_warnings())
        open_size(self, OPEN_WIDTH)

    # ---- history ---------------------------------------------------------------------------

    def _show_history(self) -> None:
        if self._record is None:
            return
        rows: list[tuple[str, str, str, str, str]] = []
        for entry in reversed(self._workers.history(self._record.id)):
            when = entry.at.astimezone().strftime("%d-%m-%Y %H:%M")
            if entry.op == "insert":
                rows.append((when, entry.username, self.tr("(data dibuat)"), "", ""))
                continue
            for change in entry.changes:
                rows.append(
                    (
                        when,
                        entry.username,
                        change.field,
                        self._history_value(change.field, change.old),
                        self._history_value(change.field, change.new),
                    )
                )
        self.history_table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.history_table.setItem(r, c, QTableWidgetItem(value))

    def _history_value(self, field: str, value: Any) -> str:
        if value is None:
            return "–"
        if field == "kpj" and not self._full_numbers:
            return mask_kpj(str(value))
        return value if isinstance(value, str) else json.dumps(value)

    @Slot(str)
    def _show_reason(self, reason: str) -> None:
        """Simpan is grey while the form says why; the line beside it says it too."""
        self.save_button.setEnabled(not reason)
        self.save_button.setToolTip(reason)
        self.reason_line.show_reason(reason if self.save_button.isVisibleTo(self) else "")

    def values(self) -> dict[str, Any]:
        """What the form holds, as the worker service takes it."""
        return self.form.values()

    # ---- saving --------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Save the form; what this edit raised (NIK warnings, dates far ahead, possible
        duplicates) is asked about first."""
        if self._actor is None or not self.save_button.isEnabled():
            return
        warnings = [w for w in self.form.nik_warnings() if w not in self._initial_warnings]
        if warnings and not messages.ask(
            self,
            self.tr("Periksa NIK"),
            self.tr("NIK ini perlu diperiksa:\n\n{warnings}\n\nTetap simpan?").format(
                warnings="\n".join(warnings)
            ),
            yes=self.tr("Tetap simpan"),
        ):
            return
        dates = [w for w in self.form.date_warnings() if w not in self._initial_warnings]
        if dates and not messages.ask(
            self,
            self.tr("Periksa tanggal"),
            self.tr("Tanggal ini perlu diperiksa:\n\n{warnings}\n\nTetap simpan?").format(
                warnings="\n".join(dates)
            ),
            yes=self.tr("Tetap simpan"),
        ):
            return
        values = self.form.values()
        if not self._duplicates_settled(values):
            return
        try:
            if self._record is None:
                self.saved_id = self._workers.create(self._actor, values)
            else:
                self._workers.update(self._actor, self._record.id, values)
        except ActiveNikTaken as taken:
            # One person, one active record: offer the record that has the NIK.
            self.form.show_refusal(error_text(taken))
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("NIK sudah dipakai"))
            box.setText(error_text(taken))
            open_button = box.addButton(
                self.tr("Buka data yang ada"), QMessageBox.ButtonRole.ActionRole
            )
            box.addButton(self.tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(open_button)
            if messages.run_box(box) == QMessageBox.ButtonRole.ActionRole:
                self.openRequested.emit(taken.other_id)
            return
        except DomainError as exc:
            self.form.show_refusal(error_text(exc))
            messages.warn(self, self.tr("Simpan data peserta"), error_text(exc))
            return
        assert self.saved_id is not None
        self.saved.emit(self.saved_id)
        self.accept()

    def is_dirty(self) -> bool:
        """True when the form holds something the user typed and did not save."""
        return self.save_button.isVisible() and self.form.snapshot() != self._initial

    def reject(self) -> None:
        """Tutup, Esc or the window's close button: unsaved changes are asked about first
        (Simpan / Buang perubahan / Batal), so nothing typed is lost by a key."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save":
                self.save()  # closes the form when it saved; stays open on a refusal
                return
        super().reject()

    def _duplicates_settled(self, values: dict[str, Any]) -> bool:
        """Show the workers this save would newly pair the record with (same NIK, or name
        and birth date); True to go on saving. A pair the record already had was answered
        when it arose and is not asked about again."""
        others = self._workers.duplicates_to_confirm(
            values, worker_id=self._record.id if self._record else None
        )
        if not others:
            return True
        lines = [
            self.tr("{name}, NIK {nik}, lahir {born}, desa {village} ({status})").format(
                name=o.name,
                nik=o.nik,
                born=short_date(o.birth_date),
                village=self._regions.name_of(o.village_code) or o.village_code,
                status=translate("WorkerStatus", WorkerStatus(o.status).label),
            )
            for o in others
        ]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Mungkin data ganda"))
        box.setText(
            self.tr(
                "Peserta dengan NIK yang sama, atau nama dan tanggal lahir yang sama, sudah ada:"
            )
        )
        box.setInformativeText("\n".join(lines))
        box.addButton(self.tr("Buka data itu"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Tetap simpan"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        # Saving a possible second record of a person is never what Enter does.
        box.setDefaultButton(cancel)
        role = messages.run_box(box)
        if role == QMessageBox.ButtonRole.ActionRole:
            self.openRequested.emit(others[0].id)
            return False
        return role == QMessageBox.ButtonRole.AcceptRole

    # ---- status --------------------------------------------------------------------------

    @Slot()
    def change_status(self) -> None:
        """Ask for the new status (and its reason or date) and record it."""
        if self._record is None or self._actor is None:
            return
        dialog = StatusDialog(self._record, self)
        dialog.submit = lambda status, reason, died: self._set_status(status, reason, died)
        was = WorkerStatus(self._record.status)
        dialog.accepted.connect(lambda: self._offer_claim(was, dialog.saved_status))
        dialog.open()
        self.status_dialog = dialog

    @Slot()
    def request_claim(self) -> None:
        """Ask for the claim dialog of this worker (the tab opens it)."""
        if self._record is not None:
            self.claimRequested.emit(self._record.id, None)

    def _offer_claim(self, was: WorkerStatus, status: WorkerStatus | None) -> None:
        """A worker just recorded as deceased: offer to open the JKM claim at once."""
        if (
            status is not WorkerStatus.MENINGGAL
            or was is WorkerStatus.MENINGGAL
            or self._record is None
            or self._actor is None
            or not can(self._actor, Permission.PROPOSE_CLAIMS)
        ):
            return
        if messages.ask(
            self,
            self.tr("Buka klaim JKM"),
            self.tr(
                "{name} tercatat meninggal dunia. Buka klaim JKM (Jaminan Kematian) sekarang?"
            ).format(name=self._record.name),
            yes=self.tr("Buka klaim JKM"),
            no=self.tr("Nanti saja"),
            default_no=True,
        ):
            self.claimRequested.emit(self._record.id, ClaimKind.JKM)

    def refresh_record(self) -> None:
        """The worker changed elsewhere (a JKM claim recorded the death): show its status
        and history as stored now."""
        if self._record is None:
            return
        try:
            self._record = self._workers.get(self._record.id)
        except DomainError:
            return
        self.form.show_status(self._record)
        self._show_history()

    def _set_status(self, status: WorkerStatus, reason: str, died: date | None) -> str | None:
        assert self._record is not None and self._actor is not None
        try:
            self._workers.set_status(
                self._actor, self._record.id, status, reason=reason, death_date=died
            )
        except DomainError as exc:
            return error_text(exc)
        self._record = self._workers.get(self._record.id)
        self.form.show_status(self._record)
        self._show_history()
        self.saved.emit(self._record.id)
        return None


def _can_edit(actor: Actor) -> bool:
    return can(actor, Permission.EDIT_ROSTER)
