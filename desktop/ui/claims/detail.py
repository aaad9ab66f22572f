"""One claim's detail: subject, clock, heirs, documents, amounts, flags, timeline, next steps.

``ClaimDetailView(services)`` shows the claim given to :meth:`show_claim` in a scrollable
panel that fits beside the claim list (~600 px), with a button for each step the user may
take now. Every write goes through the claim service, which is the real check: a refusal is
shown in Indonesian, in the dialog that asked (what was typed stays). After a write the view
emits ``claimChanged(id)`` and shows the claim again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.authority import WITH_KECAMATAN
from desktop.domain.claims import ClaimStatus
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.claims import ClaimDetail, DocumentDetail, FlagDetail, HeirDetail
from desktop.services.permissions import Actor, Permission, can
from desktop.ui import messages
from desktop.ui.claims.amount_dialog import AmountDialog
from desktop.ui.claims.heir_dialog import HeirDialog
from desktop.ui.claims.panels import fill_amount, fill_status, fill_subject, fill_timeline
from desktop.ui.claims.particulars_dialog import ParticularsDialog
from desktop.ui.claims.sections import (
    ERROR_COLOR,
    OK_COLOR,
    Section,
    button_row,
    muted_label,
    short_date,
    shown_number,
    value_label,
)
from desktop.ui.claims.step_dialog import (
    ReasonDialog,
    ReasonRequest,
    flag_request,
    step_action,
    step_request,
)
from desktop.ui.dialogs.form_rows import REQUIRED_MARK
from desktop.ui.i18n import error_text, finding_text, translate
from desktop.ui.widgets import HintLabel, heading_label

ActorSource = Callable[[], Actor | None]


class ClaimDetailView(QWidget):
    """The detail of the claim chosen in the list."""

    claimChanged = Signal(str)

    def __init__(
        self,
        services: AppServices,
        parent: QWidget | None = None,
        *,
        actor: ActorSource | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._actor_source = actor or self._local_actor
        self._today = today
        self.claim_id: str | None = None
        self.detail: ClaimDetail | None = None
        self.dialog: QDialog | None = None  # the last dialog opened (tests read it)
        self.step_buttons: dict[ClaimStatus, QPushButton] = {}
        self.document_checks: dict[str, QCheckBox] = {}

        self.title = heading_label("", 1.3)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = HintLabel()
        self.steps_row = QHBoxLayout()
        self.steps_row.setSpacing(6)
        self.steps_hint = HintLabel()
        self.full_numbers_check = QCheckBox(self.tr("Tampilkan nomor lengkap"))
        self.full_numbers_check.toggled.connect(lambda _on: self.refresh())
        self.placeholder = HintLabel(self.tr("Pilih klaim di daftar untuk melihat rinciannya."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.subject_section = Section(self.tr("Subjek"))
        self.status_section = Section(self.tr("Status dan batas waktu"))
        self.heirs_section = Section(self.tr("Ahli waris"))
        self.documents_section = Section(self.tr("Dokumen"))
        self.amount_section = Section(self.tr("Jumlah"))
        self.flags_section = Section(self.tr("Tanda periksa"))
        self.timeline_section = Section(self.tr("Riwayat"))
        self.sections = (
            self.subject_section,
            self.status_section,
            self.heirs_section,
            self.documents_section,
            self.amount_section,
            self.flags_section,
            self.timeline_section,
        )
        panel = QWidget()
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(0, 0, 6, 0)
        panel_layout.setSpacing(10)
        for section in self.sections:
            panel_layout.addWidget(section)
        panel_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(panel)

        self.header = QWidget()
        header = QVBoxLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(4)
        header.addWidget(self.title)
        subtitle = QHBoxLayout()
        subtitle.addWidget(self.subtitle, 1)
        subtitle.addWidget(self.full_numbers_check, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(subtitle)
        header.addLayout(self.steps_row)
        header.addWidget(self.steps_hint)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll_area, 1)
        self._show_nothing()

    # ---- who acts --------------------------------------------------------------------------

    def _local_actor(self) -> Actor | None:
        try:
            return self._services.office.local_actor()
        except DomainError:
            return None

    def actor(self) -> Actor | None:
        """The user acting now (None before the office is set up)."""
        return self._actor_source()

    def _may(self, permission: Permission) -> bool:
        actor = self.actor()
        return actor is not None and can(actor, permission)

    def _may_edit_file(self, detail: ClaimDetail) -> bool:
        """The regency's admin always, the kecamatan while the file is with it (the service
        says so again, and why, if the button is pressed anyway)."""
        if self._may(Permission.DECIDE_CLAIMS):
            return True
        return self._may(Permission.PROPOSE_CLAIMS) and detail.status.value in WITH_KECAMATAN

    # ---- showing ---------------------------------------------------------------------------

    def show_claim(self, claim_id: str | None) -> None:
        """Show *claim_id* (None: nothing chosen)."""
        self.claim_id = claim_id
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the claim again and show it."""
        actor = self.actor()
        full = self._may(Permission.VIEW_FULL_NUMBERS)
        self.full_numbers_check.setEnabled(full)
        if not full and self.full_numbers_check.isChecked():
            self.full_numbers_check.blockSignals(True)
            self.full_numbers_check.setChecked(False)
            self.full_numbers_check.blockSignals(False)
        if self.claim_id is None or actor is None:
            self._show_nothing()
            return
        try:
            detail = self._services.claims.detail(
                actor, self.claim_id, full_numbers=self.full_numbers_check.isChecked()
            )
        except DomainError as exc:
            self._show_nothing(error_text(exc))
            return
        bar = self.scroll_area.verticalScrollBar()
        same = self.detail is not None and self.detail.id == detail.id
        kept = bar.value() if same else 0
        self.detail = detail
        self.setUpdatesEnabled(False)  # one layout and paint for the whole claim
        self.placeholder.hide()
        self.header.show()
        self.scroll_area.show()
        self._show_header(detail)
        full_shown = self.full_numbers_check.isChecked()
        fill_subject(self.subject_section, detail, full_shown)
        self._show_particulars_button(detail)
        fill_status(self.status_section, detail)
        self._show_heirs(detail, full_shown)
        self._show_documents(detail)
        fill_amount(self.amount_section, detail)
        self._show_amount_button(detail)
        self._show_flags(detail)
        fill_timeline(self.timeline_section, detail)
        self.setUpdatesEnabled(True)
        # Shown again after a write, the claim stays where the user was reading it.
        QTimer.singleShot(0, lambda: bar.setValue(kept))

    def _show_nothing(self, why: str = "") -> None:
        self.detail = None
        self.placeholder.setText(why or self.tr("Pilih klaim di daftar untuk melihat rinciannya."))
        self.placeholder.show()
        self.header.hide()
        self.scroll_area.hide()

    def _show_header(self, detail: ClaimDetail) -> None:
        kind = translate("ClaimKind", detail.kind.label)
        self.title.setText(detail.subject_name)
        self.subtitle.setText(
            self.tr("{kind} · {status}").format(
                kind=kind, status=translate("ClaimStatus", detail.status.label)
            )
        )
        while self.steps_row.count():
            item = self.steps_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self.step_buttons = {}
        actor = self.actor()
        read_only = actor.read_only if actor is not None else None
        for status in detail.allowed_steps:
            button = QPushButton(step_action(status))
            button.setObjectName(f"step_{status.value}")
            button.clicked.connect(lambda _checked=False, s=status: self.take_step(s))
            button.setEnabled(read_only is None)
            self.steps_row.addWidget(button)
            self.step_buttons[status] = button
        self.steps_row.addStretch(1)
        if read_only is not None:
            self.steps_hint.setText(finding_text(read_only))
            self.steps_hint.show()
        elif detail.allowed_steps:
            self.steps_hint.hide()
        elif detail.status.is_final:
            self.steps_hint.setText(self.tr("Klaim sudah selesai: tidak ada langkah lagi."))
            self.steps_hint.show()
        else:
            self.steps_hint.setText(
                self.tr("Tidak ada langkah yang boleh Anda ambil pada status ini.")
            )
            self.steps_hint.show()

    # ---- steps -----------------------------------------------------------------------------

    def take_step(self, status: ClaimStatus) -> ReasonDialog | None:
        """Ask for the step's day (and reason) and take it; return the dialog."""
        detail = self.detail
        if detail is None:
            return None
        applied = [e.on for e in detail.timeline if e.applied and e.on is not None]
        dialog = ReasonDialog(
            step_request(status, detail.subject_name),
            today=self._today,
            earliest=max(applied) if applied else None,
            parent=self,
        )
        claim_id = detail.id  # the dialog's claim, whatever the detail shows meanwhile
        dialog.submit = lambda reason, day, extra: self._step(
            claim_id, status, reason, day, extra
        )
        self._open(dialog)
        return dialog

    def _step(
        self, claim_id: str, status: ClaimStatus, reason: str, day: date | None, extra: str
    ) -> str | None:
        values: dict[str, Any] = {}
        if extra and status is ClaimStatus.DISETUJUI:
            values["decision_number"] = extra
        elif extra and status.is_paid:
            values["transfer_reference"] = extra
        return self._write(
            lambda actor, claim: self._services.claims.step(
                actor, claim, status, reason=reason or None, on=day, extra=values
            ),
            claim_id,
        )

    def _write(
        self, write: Callable[[Actor, str], object], claim_id: str | None = None
    ) -> str | None:
        """Run a write of the claim service on *claim_id* (the claim a dialog was opened
        for; by default the one shown); return its refusal's text, or None when it was done
        (then the claim is shown again and claimChanged said so)."""
        actor = self.actor()
        claim_id = claim_id or self.claim_id
        if claim_id is None:
            return None
        if actor is None:
            return self.tr("Kantor belum disiapkan: siapkan kantor dulu.")
        try:
            write(actor, claim_id)
        except DomainError as exc:
            return error_text(exc)
        self.claimChanged.emit(claim_id)
        if self.claim_id == claim_id:
            self.refresh()
        return None

    def _write_or_warn(
        self, title: str, write: Callable[[Actor, str], object], claim_id: str | None = None
    ) -> bool:
        problem = self._write(write, claim_id)
        if problem:
            messages.warn(self, title, problem)
            return False
        return True

    def _open(self, dialog: QDialog) -> None:
        """Show *dialog* (window-modal); the one before it, closed by now, goes."""
        if self.dialog is not None and self.dialog is not dialog:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.open()

    # ---- heirs -----------------------------------------------------------------------------

    def _show_heirs(self, detail: ClaimDetail, full: bool) -> None:
        section = self.heirs_section
        section.clear()
        editable = self._may_edit_file(detail)
        if not detail.heirs:
            section.add_muted(self.tr("Belum ada ahli waris."))
        if detail.payee_missing and not detail.status.is_final:
            needed = value_label(
                self.tr(
                    "Penerima pembayaran belum dicatat: wajib sebelum klaim direkomendasikan "
                    "atau diverifikasi."
                ),
                color=ERROR_COLOR,
            )
            needed.setObjectName("payeeMissing")
            section.add(needed)
        for heir in detail.heirs:
            section.add(self._heir_row(heir, full, editable))
        self.add_heir_button = QPushButton(self.tr("Tambah ahli &waris…"))
        self.add_heir_button.clicked.connect(lambda: self.edit_heir(None))
        self.add_heir_button.setEnabled(editable)
        section.add(button_row(self.add_heir_button))

    def _heir_row(self, heir: HeirDetail, full: bool, editable: bool) -> QFrame:
        frame = QFrame()
        frame.setObjectName(f"heir_{heir.id}")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        lines = QVBoxLayout()
        lines.setSpacing(2)
        relationship = translate("Relationship", heir.relationship_label)
        lines.addWidget(
            value_label(
                self.tr("{name} — {relationship}").format(
                    name=heir.name, relationship=relationship
                ),
                bold=True,
            )
        )
        lines.addWidget(
            value_label(self.tr("NIK {nik}").format(nik=shown_number(heir.nik, full)))
        )
        if heir.school_level_label:
            school = value_label(
                self.tr("Bersekolah: {level}").format(
                    level=translate("SchoolLevel", heir.school_level_label)
                )
            )
            school.setObjectName("heirSchool")
            lines.addWidget(school)
        if heir.is_payee or heir.account:
            parts = [
                heir.bank_name or "",
                self.tr("rekening {account}").format(account=heir.account or "–"),
                self.tr("a.n. {holder}").format(holder=heir.holder) if heir.holder else "",
            ]
            text = ", ".join(part for part in parts if part)
            payee = value_label(
                self.tr("Penerima pembayaran: {account}").format(account=text)
                if heir.is_payee
                else text,
                color=OK_COLOR if heir.is_payee else "",
            )
            payee.setObjectName("heirAccount")
            lines.addWidget(payee)
        edit = QPushButton(self.tr("Ubah…"))
        edit.setEnabled(editable)
        edit.clicked.connect(lambda: self.edit_heir(heir))
        remove = QPushButton(self.tr("Hapus"))
        remove.setEnabled(editable)
        remove.clicked.connect(lambda: self.remove_heir(heir))
        buttons = QVBoxLayout()
        buttons.addWidget(edit)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        row = QHBoxLayout(frame)
        row.setContentsMargins(8, 6, 8, 6)
        row.addLayout(lines, 1)
        row.addLayout(buttons)
        return frame

    def edit_heir(self, heir: HeirDetail | None) -> HeirDialog:
        """Open the heir dialog: a new heir (None) or a change of *heir*."""
        dialog = HeirDialog(heir, today=self._today, parent=self)
        claim_id = self.claim_id
        if heir is None:
            dialog.submit = lambda values: self._write(
                lambda actor, claim: self._services.claims.add_heir(actor, claim, **values),
                claim_id,
            )
        else:
            dialog.submit = lambda values: self._write(
                lambda actor, _claim: self._services.claims.update_heir(actor, heir.id, **values),
                claim_id,
            )
        self._open(dialog)
        return dialog

    def remove_heir(self, heir: HeirDetail) -> bool:
        """Ask, then remove *heir* from the claim."""
        title = self.tr("Hapus ahli waris")
        claim_id = self.claim_id
        if not messages.ask(
            self,
            title,
            self.tr("Hapus {name} dari daftar ahli waris klaim ini?").format(name=heir.name),
            yes=self.tr("Hapus"),
            default_no=True,
        ):
            return False
        return self._write_or_warn(
            title,
            lambda actor, _claim: self._services.claims.remove_heir(actor, heir.id),
            claim_id,
        )

    # ---- documents -------------------------------------------------------------------------

    def _show_documents(self, detail: ClaimDetail) -> None:
        section = self.documents_section
        section.clear()
        self.document_checks = {}
        editable = self._may_edit_file(detail)
        if detail.missing:
            names = ", ".join(translate("Document", item.label) for item in detail.missing)
            section.add_text(
                self.tr("Belum diterima: {items}.").format(items=names), color=ERROR_COLOR
            )
        elif detail.completed_on is not None:
            section.add_text(
                self.tr("Berkas lengkap sejak {date}.").format(
                    date=short_date(detail.completed_on)
                ),
                color=OK_COLOR,
            )
        legend = QLabel(self.tr("{mark} wajib untuk klaim ini").format(mark=REQUIRED_MARK))
        legend.setTextFormat(Qt.TextFormat.RichText)
        section.add(legend)
        for document in detail.documents:
            section.add(self._document_row(document, editable))

    def _document_row(self, document: DocumentDetail, editable: bool) -> QWidget:
        row = QWidget()
        lines = QVBoxLayout(row)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(0)
        top = QHBoxLayout()
        check = QCheckBox(translate("Document", document.label))
        check.setObjectName(f"document_{document.item.value}")
        check.setChecked(document.received_on is not None)
        check.setEnabled(editable)
        check.clicked.connect(lambda on, d=document: self._document_clicked(d, on))
        self.document_checks[document.item.value] = check
        top.addWidget(check)
        if document.required:
            mark = QLabel(REQUIRED_MARK)
            mark.setTextFormat(Qt.TextFormat.RichText)
            mark.setAccessibleName(self.tr("wajib"))
            top.addWidget(mark)
        top.addStretch(1)
        if document.received_on is not None:
            received = value_label(
                self.tr("diterima {date}").format(date=short_date(document.received_on))
            )
            received.setWordWrap(False)
            received.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            top.addWidget(received)
        lines.addLayout(top)
        note = document.note or ""
        if note:
            indent = QHBoxLayout()
            indent.addSpacing(24)
            indent.addWidget(muted_label(self.tr("Catatan: {note}").format(note=note)))
            lines.addLayout(indent)
        return row

    def _document_clicked(self, document: DocumentDetail, on: bool) -> None:
        check = self.document_checks.get(document.item.value)
        if check is not None:  # the box shows what the file holds until the write is done
            check.setChecked(not on)
        if on:
            self.receive_document(document)
        else:
            self.unreceive_document(document)

    def receive_document(self, document: DocumentDetail) -> ReasonDialog:
        """Ask the day the document came (today by default) and a note; record it."""
        label = translate("Document", document.label)
        dialog = ReasonDialog(
            ReasonRequest(
                title=self.tr("Dokumen diterima"),
                intro=self.tr("{document} diterima untuk klaim ini.").format(document=label),
                action=self.tr("&Tandai diterima"),
                reason_required=False,
                date_caption=self.tr("Tanggal diterima"),
                text=document.note or "",  # kept when it was unticked: saved again
            ),
            today=self._today,
            parent=self,
        )
        claim_id = self.claim_id
        dialog.submit = lambda note, day, _extra: self._write(
            lambda actor, claim: self._services.claims.receive(
                actor, claim, document.item, on=day, note=note or None
            ),
            claim_id,
        )
        self._open(dialog)
        return dialog

    def unreceive_document(self, document: DocumentDetail) -> bool:
        """Ask, then mark the document as not received."""
        label = translate("Document", document.label)
        title = self.tr("Dokumen belum diterima")
        claim_id = self.claim_id
        if not messages.ask(
            self,
            title,
            self.tr(
                "Tandai {document} sebagai belum diterima? Tanggal terimanya dihapus; "
                "catatannya tetap."
            ).format(document=label),
            yes=self.tr("Tandai belum diterima"),
            default_no=True,
        ):
            return False
        return self._write_or_warn(
            title,
            lambda actor, claim: self._services.claims.unreceive(actor, claim, document.item),
            claim_id,
        )

    # ---- particulars -----------------------------------------------------------------------

    def _show_particulars_button(self, detail: ClaimDetail) -> None:
        self.particulars_button = QPushButton(self.tr("Ubah &data klaim…"))
        self.particulars_button.setObjectName("editParticulars")
        self.particulars_button.setEnabled(self._may_edit_file(detail))
        self.particulars_button.setToolTip(
            self.tr("Akta kematian, desil DTSEN, kecelakaan lalu lintas, hari tidak mampu bekerja")
        )
        self.particulars_button.clicked.connect(self.edit_particulars)
        self.subject_section.add(button_row(self.particulars_button))

    @Slot()
    def edit_particulars(self) -> ParticularsDialog | None:
        """Record what the file learned after the claim was opened."""
        if self.claim_id is None:
            return None
        dialog = ParticularsDialog(self._services, self.claim_id, parent=self)
        dialog.saved.connect(self._written)
        self._open(dialog)
        return dialog

    @Slot(str)
    def _written(self, claim_id: str) -> None:
        self.refresh()
        self.claimChanged.emit(claim_id)

    # ---- amount ----------------------------------------------------------------------------

    def _show_amount_button(self, detail: ClaimDetail) -> None:
        self.amount_button = QPushButton(self.tr("Ubah &jumlah…"))
        self.amount_button.setVisible(self._may(Permission.DECIDE_CLAIMS))
        decided = detail.status.is_final or detail.status in (
            ClaimStatus.DISETUJUI,
            ClaimStatus.DIAJUKAN_BPJS,
        )
        self.amount_button.setEnabled(detail.amount is not None and not decided)
        if decided:
            self.amount_button.setToolTip(
                self.tr("Jumlah klaim yang sudah diputuskan tidak dapat diubah lagi.")
            )
        self.amount_button.clicked.connect(self.override_amount)
        self.amount_section.add(button_row(self.amount_button))

    @Slot()
    def override_amount(self) -> AmountDialog | None:
        """Ask the amount to pay in place of the computed one, and why."""
        detail = self.detail
        if detail is None or detail.amount is None:
            return None
        override = detail.amount.override
        dialog = AmountDialog(
            detail.amount.computed, override.amount if override else None, parent=self
        )
        claim_id = detail.id
        dialog.submit = lambda amount, reason: self._write(
            lambda actor, claim: self._services.claims.override_amount(
                actor, claim, amount, reason
            ),
            claim_id,
        )
        self._open(dialog)
        return dialog

    # ---- flags -----------------------------------------------------------------------------

    def _show_flags(self, detail: ClaimDetail) -> None:
        section = self.flags_section
        section.clear()
        if not detail.flags:
            section.add_muted(self.tr("Tidak ada tanda periksa yang terbuka."))
            return
        admin = self._may(Permission.DECIDE_CLAIMS)
        for flag in detail.flags:
            row = QHBoxLayout()
            text = value_label(finding_text(flag.finding), color=ERROR_COLOR)
            text.setObjectName(f"flag_{flag.code}")
            row.addWidget(text, 1)
            button = QPushButton(self.tr("Hapus tanda…"))
            button.setObjectName(f"clear_{flag.code}")
            button.setVisible(admin)
            button.clicked.connect(lambda _checked=False, f=flag: self.clear_flag(f))
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            section.add(row)
        if not admin:
            section.add_muted(self.tr("Admin kabupaten memeriksa dan menghapus tanda ini."))

    def clear_flag(self, flag: FlagDetail) -> ReasonDialog:
        """Ask why the flag may be cleared, then clear it."""
        request = flag_request(finding_text(flag.finding))
        dialog = ReasonDialog(request, today=self._today, parent=self)
        claim_id = self.claim_id
        dialog.submit = lambda reason, _day, _extra: self._write(
            lambda actor, claim: self._services.claims.clear_flag(actor, claim, flag.code, reason),
            claim_id,
        )
        self._open(dialog)
        return dialog


__all__ = ["ClaimDetailView"]
