"""The small dialogs of a claim that ask for a reason: a step of the workflow (its day, its
reason where the rules need one, the decision's or the transfer's number where it makes
one) and the clearing of a review flag.

A dialog does not write: its ``submit`` callback does, and returns the refusal's text (or
None). A refusal stays in the dialog, under the fields, with everything typed kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QWidget,
)

from desktop.domain.claim_steps import STEP_ACTIONS
from desktop.domain.claims import ClaimStatus
from desktop.ui import messages
from desktop.ui.dialogs.form_rows import (
    ErrorLine,
    FormGrid,
    ReasonLine,
    lay_out_form_dialog,
    required_legend,
)
from desktop.ui.dialogs.sizing import open_size, wide
from desktop.ui.i18n import translate
from desktop.ui.roster.form_parts import DateField, FieldMessage, blocked_reason
from desktop.ui.widgets import HintLabel

# What the dialog sends: the reason typed, the day chosen (None without a date field) and
# the extra number typed ("" when none); the callback returns a refusal's text or None.
Submit = Callable[[str, date | None, str], str | None]

OPEN_WIDTH = 480


@dataclass(frozen=True)
class ReasonRequest:
    """What a reason dialog asks for."""

    title: str
    intro: str
    action: str  # the text of the button that does it ("Tolak", "Hapus tanda")
    reason_required: bool
    with_date: bool = True
    date_caption: str = ""
    extra_caption: str = ""  # an optional number to note ("Nomor SK"); "" for none
    text: str = ""  # the reason or note the field starts with (a document's kept note)


class ReasonDialog(QDialog):
    """Ask for a reason (and a day, and a number) before a write the caller does."""

    def __init__(
        self,
        request: ReasonRequest,
        *,
        today: Callable[[], date] = date.today,
        earliest: date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.request = request
        self.setWindowTitle(request.title)
        self.submit: Submit = lambda _reason, _day, _extra: None
        self.intro = HintLabel(request.intro)
        wide(self.intro)
        date_name = request.date_caption or self.tr("Tanggal")
        self.date_edit = DateField(date_name, latest=today, earliest=earliest)
        self.date_edit.setDate(today())
        self.date_message = FieldMessage(lines=1)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(500)
        self.reason_edit.setText(request.text)
        if not request.reason_required:
            self.reason_edit.setPlaceholderText(self.tr("Boleh dikosongkan"))
        self.extra_edit = QLineEdit()
        self.extra_edit.setMaxLength(100)
        self.extra_edit.setPlaceholderText(self.tr("Boleh dikosongkan"))
        self.message = ErrorLine(lines=3)
        self.reason_line = ReasonLine(lines=2)

        form = FormGrid()
        if request.with_date:
            form.add_row(date_name + ":", self.date_edit, required=True)
            form.add_line(self.date_message)
        self.reason_caption = form.add_row(
            self.tr("&Alasan:") if request.reason_required else self.tr("&Catatan:"),
            self.reason_edit,
            required=request.reason_required,
        )
        if request.extra_caption:
            form.add_row(request.extra_caption + ":", self.extra_edit)
        form.add_full_width(required_legend())
        self.ok_button = lay_out_form_dialog(
            self, form, self.message, self.reason_line, intro=self.intro,
            accept=request.action, cancel=self.tr("&Batal"), on_accept=self._save,
        )  # fmt: skip
        self.reason_edit.textChanged.connect(self._check)
        self.date_edit.checkNeeded.connect(self._check)
        self._check()
        self._initial = self._snapshot()
        if request.with_date:
            self.date_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.reason_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        open_size(self, OPEN_WIDTH)

    def _snapshot(self) -> tuple[str, str, str]:
        return self.date_edit.text(), self.reason_edit.text(), self.extra_edit.text()

    def is_dirty(self) -> bool:
        """True when the user changed the day, or typed a reason or a number."""
        return self._snapshot() != self._initial

    def reject(self) -> None:
        """Batal, Esc or the window's close button: what was typed is asked about first."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save":
                self._save()  # closes when it was done; stays open with the refusal
                return
        super().reject()

    @Slot()
    def _check(self) -> None:
        """The day is checked as it is typed; the button says why it is grey."""
        self.message.show_error("")
        missing: list[str] = []
        wrong: list[str] = []
        if self.request.with_date:
            problem = self.date_edit.problem()
            self.date_message.show_error(problem)
            if problem or not self.date_edit.is_acceptable():
                wrong.append(self.date_edit.name)
            elif self.date_edit.is_empty():
                missing.append(self.date_edit.name)
        if self.request.reason_required and not self.reason_edit.text().strip():
            missing.append(self.tr("Alasan"))
        reason = blocked_reason(missing, wrong)
        self.reason_line.show_reason(reason)
        self.ok_button.setEnabled(not reason)
        self.ok_button.setToolTip(reason)

    def show_refusal(self, text: str) -> None:
        """Show a refusal under the fields (what was typed stays)."""
        self.reason_line.show_reason("")
        self.message.show_error(text)

    @Slot()
    def _save(self) -> None:
        if not self.ok_button.isEnabled():
            return
        day = self.date_edit.date() if self.request.with_date else None
        problem = self.submit(self.reason_edit.text().strip(), day, self.extra_edit.text().strip())
        if problem:
            self.show_refusal(problem)
            messages.warn(self, self.windowTitle(), problem)
            return
        self.accept()


def step_action(status: ClaimStatus) -> str:
    """What the button that takes the step to *status* says ("Rekomendasikan")."""
    return translate("ClaimStep", STEP_ACTIONS[status])


def step_request(status: ClaimStatus, subject: str) -> ReasonRequest:
    """The dialog of the step to *status* for the claim of *subject*."""
    action = step_action(status)
    label = translate("ClaimStatus", status.label)
    intro = translate("ClaimStepDialog", "Klaim {name} akan berstatus {status}.").format(
        name=subject, status=label
    )
    if status.needs_reason:
        intro += " " + translate(
            "ClaimStepDialog", "Tuliskan alasannya: kantor lain dan ahli waris membacanya."
        )
    extra = ""
    if status is ClaimStatus.DISETUJUI:
        extra = translate("ClaimStepDialog", "Nomor SK")
    elif status.is_paid:
        extra = translate("ClaimStepDialog", "Referensi transfer")
    return ReasonRequest(
        title=action,
        intro=intro,
        action=action,
        reason_required=status.needs_reason,
        date_caption=translate("ClaimStepDialog", "Tanggal langkah"),
        extra_caption=extra,
    )


def flag_request(message: str) -> ReasonRequest:
    """The dialog that clears a review flag (its message shown), with a reason."""
    return ReasonRequest(
        title=translate("ClaimStepDialog", "Hapus tanda periksa"),
        intro=translate(
            "ClaimStepDialog",
            "Tanda ini: {message}\n\nTuliskan apa yang sudah diperiksa dan hasilnya; "
            "alasan ini dicatat bersama nama Anda.",
        ).format(message=message),
        action=translate("ClaimStepDialog", "Hapus tanda"),
        reason_required=True,
        with_date=False,
    )


__all__ = [
    "ReasonDialog",
    "ReasonRequest",
    "Submit",
    "flag_request",
    "step_action",
    "step_request",
]
