"""A dialog whose main button runs one background job; a failure is shown inside the dialog.

The enrolment and the join dialogs work this way: while the job runs the dialog is busy
(its inputs are disabled and it cannot be closed: the work is not stopped half-way), the
job's progress dialog shows over it, and what went wrong appears in a red line of the form
instead of a message box, so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from desktop.domain.findings import DomainError
from desktop.ui.i18n import error_text, translate
from desktop.ui.jobs import Job, Work
from desktop.ui.sync.views import fit_height

ERROR_STYLE = "color: #b3261e;"


class JobDialog(QDialog):
    """Runs its work with :meth:`run_job`; shows errors in :attr:`error_label`.

    The subclass places :attr:`error_label` in its form and enables its inputs in
    :meth:`_update_buttons` from :attr:`busy`.
    """

    def __init__(self, parent: QWidget | None = None, *, error_name: str) -> None:
        super().__init__(parent)
        self._busy = False
        self.error_label = QLabel()
        self.error_label.setObjectName(error_name)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setVisible(False)

    @property
    def busy(self) -> bool:
        """True while the job runs."""
        return self._busy

    def _update_buttons(self) -> None:
        """Enable the inputs that fit the current state (:attr:`busy` among it)."""

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def done(self, result: int) -> None:
        """Close, but not while the job runs."""
        if not self._busy:
            super().done(result)

    def run_job(
        self,
        work: Work,
        *,
        title: str,
        on_done: Callable[[Any], None],
        cancellable: bool = True,
    ) -> Job:
        """Hide the last error, become busy and start *work*; *on_done(result)* on success."""
        self.error_label.setVisible(False)
        self._set_busy(True)
        job = Job(self, work, title=title, cancellable=cancellable)
        job.on_done(on_done)
        job.on_error(self._failed)
        job.on_finished(lambda: self._set_busy(False))
        return job.start()

    def show_error(self, text: str) -> None:
        """Show *text* in the error line."""
        self.error_label.setText(text)
        self.error_label.setVisible(True)
        self.adjustSize()
        fit_height(self)  # adjustSize makes room for the tallest page, not the shown one

    def _failed(self, error: BaseException) -> None:
        """Show why the job failed: the finding of a domain error, else a generic text."""
        if isinstance(error, DomainError):
            self.show_error(error_text(error))
        else:
            # Not self.tr(): that looks the text up under the subclass's name.
            self.show_error(
                translate(
                    "JobDialog",
                    "Terjadi kesalahan yang tidak terduga. Rinciannya sudah dicatat di log "
                    "untuk petugas teknis.",
                )
            )
