"""What a claim's file learns after it was opened: the akta kematian number, the DTSEN
decile of a santunan subject, whether a JKK accident happened on the road, and the STMB days
a worker could not work. Only the fields of the claim's kind are shown; only what changed is
sent to the claim service, whose refusals are said under their field (what was typed stays).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.claims import ClaimDetail
from desktop.services.claims.service import MAX_DAYS_OFF
from desktop.services.permissions import Actor
from desktop.ui import messages
from desktop.ui.dialogs.form_rows import ErrorLine, FormGrid, ReasonLine
from desktop.ui.dialogs.sizing import open_size, wide
from desktop.ui.i18n import error_text, finding_text, number, translate
from desktop.ui.roster.form_parts import FieldMessage, blocked_reason
from desktop.ui.widgets import HintLabel

OPEN_WIDTH = 660
DECILES = range(1, 11)
AKTA_MAX_LENGTH = 100
# The refusals of the claim service said under the days field (the others under the form).
DAYS_CODES = frozenset({"claim.days_off_range", "claim.days_off_not_stmb"})


class ParticularsDialog(QDialog):
    """Change the akta, decile, road accident and days off of one claim."""

    saved = Signal(str)  # the claim's id, after a save that the service took

    def __init__(
        self, services: AppServices, claim_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._claim_id = claim_id
        self.setWindowTitle(self.tr("Data klaim"))
        self._actor: Actor | None = None
        self._detail: ClaimDetail | None = None
        self._locked = False
        load_problem = ""
        try:
            self._actor = services.office.local_actor()
            self._detail = services.claims.detail(self._actor, claim_id)
        except DomainError as exc:
            load_problem = error_text(exc)
        kind = self._detail.kind if self._detail is not None else None

        self.subject_label = QLabel()
        self.subject_label.setWordWrap(True)
        font = self.subject_label.font()
        font.setBold(True)
        self.subject_label.setFont(font)
        wide(self.subject_label)
        self.intro = HintLabel(
            self.tr(
                "Isi yang baru diketahui setelah klaim dibuka. Setelah disimpan, tanda "
                "\u201cperlu diperiksa\u201d, dokumen wajib dan jumlah klaim dihitung ulang."
            )
        )
        wide(self.intro)

        self.akta_edit = QLineEdit()
        self.akta_edit.setMaxLength(AKTA_MAX_LENGTH)
        self.akta_edit.setPlaceholderText(self.tr("mis. 1602-KM-0001; kosongkan bila belum ada"))

        self.decile_combo = QComboBox()
        self.decile_combo.addItem(self.tr("Belum diketahui"), None)
        for decile in DECILES:
            self.decile_combo.addItem(number(decile), decile)
        self.decile_hint = HintLabel(
            self.tr(
                "Tanpa desil, klaim tetap ditandai \u201cperlu diperiksa\u201d. Desil di atas "
                "batas yang ditetapkan kabupaten juga ditandai \u201cperlu diperiksa\u201d."
            )
        )

        self.traffic_check = QCheckBox(self.tr("Kecelakaan &lalu lintas"))
        self.traffic_hint = HintLabel(
            self.tr("Bila dicentang, laporan polisi menjadi dokumen wajib klaim ini.")
        )

        self.days_edit = QLineEdit()
        self.days_edit.setMaxLength(6)
        self.days_edit.setPlaceholderText(self.tr("belum dicatat"))
        self.days_edit.setMaximumWidth(
            self.days_edit.fontMetrics().horizontalAdvance(self.tr("belum dicatat")) + 24
        )
        self.days_unit = QLabel(self.tr("hari"))
        self.days_hint = HintLabel(
            self.tr(
                "Santunan STMB dihitung dari jumlah hari ini. Kosongkan bila belum diketahui."
            )
        )
        self.days_message = FieldMessage(lines=1)

        self.message = ErrorLine(lines=3)
        self.reason_line = ReasonLine(lines=2)

        form = FormGrid()
        shows_akta = kind is not None and kind.is_death
        shows_decile = kind is ClaimKind.SANTUNAN
        shows_traffic = kind is not None and kind.is_jkk
        shows_days = kind is ClaimKind.JKK_TEMPORARY
        if shows_akta:
            form.add_row(self.tr("Nomor &akta kematian:"), self.akta_edit)
        else:
            self._leave_out(self.akta_edit)
        if shows_decile:
            form.add_row(self.tr("&Desil DTSEN:"), self.decile_combo)
            form.add_line(self.decile_hint)
        else:
            self._leave_out(self.decile_combo, self.decile_hint)
        if shows_days:
            days_row = QHBoxLayout()
            days_row.setSpacing(6)
            days_row.addWidget(self.days_edit)
            days_row.addWidget(self.days_unit)
            days_row.addStretch(1)
            form.add_row(
                self.tr("&Hari tidak mampu bekerja:"), days_row, buddy=self.days_edit
            )
            form.add_line(self.days_hint)
            form.add_line(self.days_message)
        else:
            self._leave_out(self.days_edit, self.days_unit, self.days_hint, self.days_message)
        if shows_traffic:
            form.add_line(self.traffic_check)
            form.add_line(self.traffic_hint)
        else:
            self._leave_out(self.traffic_check, self.traffic_hint)

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.close_button = self.buttons.addButton(
            self.tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lines = QGridLayout()
        lines.addWidget(self.message, 0, 0)
        lines.addWidget(self.reason_line, 0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject_label)
        layout.addWidget(self.intro)
        layout.addSpacing(6)
        layout.addLayout(form)
        layout.addLayout(lines)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        if self._detail is not None:
            self._fill(self._detail)
        self._initial = self.snapshot()
        self.akta_edit.textChanged.connect(self._check)
        self.days_edit.textChanged.connect(self._check)
        self.decile_combo.currentIndexChanged.connect(self._check)
        self.traffic_check.toggled.connect(self._check)
        self._check()
        if load_problem:
            self._lock(load_problem, refusal=True)
        elif self._actor is not None and self._actor.read_only is not None:
            self._lock(finding_text(self._actor.read_only), refusal=False)
        open_size(self, OPEN_WIDTH)

    # ---- filling -------------------------------------------------------------------------

    def _leave_out(self, *widgets: QWidget) -> None:
        """Keep a field of another kind of claim out of sight (and out of the layout)."""
        for widget in widgets:
            widget.setParent(self)
            widget.hide()

    def _fill(self, detail: ClaimDetail) -> None:
        self.subject_label.setText(
            self.tr("{name} \u2014 {kind}, status {status}").format(
                name=detail.subject_name,
                kind=translate("ClaimKind", ClaimKind(detail.kind).label),
                status=translate("ClaimStatus", ClaimStatus(detail.status).label),
            )
        )
        self.akta_edit.setText(detail.death_certificate_no or "")
        self.decile_combo.setCurrentIndex(max(0, self.decile_combo.findData(detail.dtsen_decile)))
        self.traffic_check.setChecked(detail.accident_is_traffic)
        self.days_edit.setText("" if detail.days_off is None else str(detail.days_off))

    def _lock(self, text: str, *, refusal: bool) -> None:
        """Nothing can be saved here: say why and leave the fields to be read."""
        self._locked = True
        for widget in (self.akta_edit, self.decile_combo, self.traffic_check, self.days_edit):
            widget.setEnabled(False)
        self.save_button.setEnabled(False)
        self.save_button.setToolTip(text)
        if refusal:
            self.reason_line.show_reason("")
            self.message.show_error(text)
        else:
            self.reason_line.show_reason(text)

    # ---- what the form holds -------------------------------------------------------------

    def snapshot(self) -> tuple[object, ...]:
        """What the fields hold now, as typed (to tell whether anything was changed)."""
        return (
            self.akta_edit.text().strip(),
            self.decile_combo.currentData(),
            self.traffic_check.isChecked(),
            self.days_edit.text().strip(),
        )

    def is_dirty(self) -> bool:
        """True when a field holds something the user changed and did not save."""
        return not self._locked and self.snapshot() != self._initial

    def days_off(self) -> int | None:
        """The days typed (None while empty); raises ValueError while they cannot be read."""
        text = self.days_edit.text().strip()
        if not text:
            return None
        if not text.isdigit():
            raise ValueError(text)
        return int(text)

    def changes(self) -> dict[str, Any]:
        """The particulars that differ from the claim's, as update_particulars takes them."""
        detail = self._detail
        if detail is None:
            return {}
        changes: dict[str, Any] = {}
        if self.akta_edit.isVisibleTo(self):
            akta = self.akta_edit.text().strip()
            if akta != (detail.death_certificate_no or "").strip():
                changes["akta"] = akta or None
        if self.decile_combo.isVisibleTo(self):
            decile = self.decile_combo.currentData()
            if decile != detail.dtsen_decile:
                changes["decile"] = decile
        if self.traffic_check.isVisibleTo(self):
            traffic = self.traffic_check.isChecked()
            if traffic != detail.accident_is_traffic:
                changes["accident_is_traffic"] = traffic
        if self.days_edit.isVisibleTo(self):
            days = self.days_off()
            if days != detail.days_off:
                changes["days_off"] = days
        return changes

    @Slot()
    def _check(self) -> None:
        """The days are checked as they are typed; Simpan says why it is grey."""
        self.message.show_error("")
        wrong: list[str] = []
        try:
            days = self.days_off()
        except ValueError:
            self.days_message.show_error(
                self.tr(
                    "Tulis angka saja, 0 sampai {max}, atau kosongkan bila belum diketahui."
                ).format(max=number(MAX_DAYS_OFF))
            )
            wrong.append(self.tr("Hari tidak mampu bekerja"))
        else:
            if days is not None and days > MAX_DAYS_OFF:
                self.days_message.show_error(
                    self.tr("Paling banyak {max} hari; periksa lagi jumlahnya.").format(
                        max=number(MAX_DAYS_OFF)
                    )
                )
                wrong.append(self.tr("Hari tidak mampu bekerja"))
            else:
                self.days_message.clear_message()
        reason = blocked_reason([], wrong) if self.days_edit.isVisibleTo(self) else ""
        self.reason_line.show_reason(reason)
        self.save_button.setEnabled(not self._locked and self._detail is not None and not reason)
        self.save_button.setToolTip(reason)

    # ---- saving --------------------------------------------------------------------------

    def show_refusal(self, error: DomainError) -> None:
        """Say the service's refusal under its field, or under the form (typed values stay)."""
        text = error_text(error)
        self.reason_line.show_reason("")
        if error.code in DAYS_CODES and self.days_edit.isVisibleTo(self):
            self.days_message.show_error(text)
        else:
            self.message.show_error(text)

    @Slot()
    def save(self) -> None:
        """Send what changed to the claim service; close when it took it, stay open with its
        refusal when it did not."""
        if not self.save_button.isEnabled() or self._actor is None:
            return
        changes = self.changes()
        if not changes:
            super().accept()  # nothing to record
            return
        try:
            self._services.claims.update_particulars(self._actor, self._claim_id, **changes)
        except DomainError as exc:
            self.show_refusal(exc)
            messages.warn(self, self.windowTitle(), error_text(exc))
            return
        self.saved.emit(self._claim_id)
        super().accept()

    def reject(self) -> None:
        """Tutup, Esc or the window's close button: unsaved changes are asked about first
        (Simpan / Buang perubahan / Batal), so nothing typed is lost by a key."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save":
                self.save()  # closes when it saved; stays open with the refusal
                return
        super().reject()


__all__ = ["ParticularsDialog"]
