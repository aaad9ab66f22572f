"""The one place where long work leaves the GUI thread.

A :class:`Job` runs ``work(progress, cancel)`` — a service call that reports progress and
checks its :class:`CancelToken` — on a one-worker thread pool (one writer at a time, like
Anki's ``CollectionOp``). Progress and the outcome come back to the GUI thread by signal;
a progress dialog with a Cancel button appears when the work takes more than half a second.

The work must never touch widgets. Typical use::

    Job(self, lambda progress, cancel: services.health.check(), title=self.tr("..."))
        .on_done(self._show_report)
        .start()

Errors: a :class:`DomainError` is shown with its (translated) Indonesian message; anything
else gets a generic message, and its traceback goes to the log with long digit runs (NIK,
KPJ, bank accounts) masked.
"""

from __future__ import annotations

import itertools
import logging
import re
import time
import traceback
from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from shiboken6 import Shiboken

from desktop.domain.findings import DomainError
from desktop.services.progress import Cancelled, CancelToken, ProgressFn
from desktop.ui import messages
from desktop.ui.i18n import number, translate

log = logging.getLogger(__name__)

Work = Callable[[ProgressFn, CancelToken], Any]

SHOW_AFTER_MS = 500
_EMIT_INTERVAL_S = 0.05  # at most ~20 progress updates a second reach the GUI thread
_LONG_DIGITS = re.compile(r"\d{8,}")


def mask_personal_numbers(text: str) -> str:
    """Hide runs of 8 or more digits (NIK, KK, KPJ, bank accounts) in a log text."""
    return _LONG_DIGITS.sub(lambda m: "#" * len(m.group()), text)


class _Dispatcher(QObject):
    """Lives in the GUI thread for the whole run and is never deleted: the worker threads
    emit only through it, so no object they touch can disappear under them. It routes
    each event to its job by number."""

    progressed = Signal(int, int, int, str)  # job number, done, total, stage
    succeeded = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, Job] = {}
        self.pool = QThreadPool()
        self.pool.setMaxThreadCount(1)  # one writer at a time; jobs queue behind each other
        self.progressed.connect(self._route_progress)
        self.succeeded.connect(self._route_success)
        self.failed.connect(self._route_failure)

    @Slot(int, int, int, str)
    def _route_progress(self, number: int, done: int, total: int, stage: str) -> None:
        job = self.jobs.get(number)
        if job is not None:
            job._on_progress(done, total, stage)

    @Slot(int, object)
    def _route_success(self, number: int, result: object) -> None:
        job = self.jobs.pop(number, None)
        if job is not None:
            job._on_success(result)

    @Slot(int, object)
    def _route_failure(self, number: int, error: object) -> None:
        job = self.jobs.pop(number, None)
        if job is not None:
            assert isinstance(error, BaseException)
            job._on_failure(error)


_DISPATCHER: _Dispatcher | None = None


def _dispatcher() -> _Dispatcher:
    global _DISPATCHER
    if _DISPATCHER is None:
        _DISPATCHER = _Dispatcher()
    return _DISPATCHER


class _Runnable(QRunnable):
    """Runs the work on a pool thread; only emits through the dispatcher, never touches widgets."""

    def __init__(self, number: int, work: Work, token: CancelToken, title: str) -> None:
        super().__init__()
        self._number = number
        self._work = work
        self._token = token
        self._title = title
        self._dispatcher = _dispatcher()
        self._last_emit = 0.0
        self._last_stage = ""

    def _progress(self, done: int, total: int, stage: str) -> None:
        now = time.monotonic()
        finished = total > 0 and done >= total
        if stage != self._last_stage or finished or now - self._last_emit >= _EMIT_INTERVAL_S:
            self._last_emit = now
            self._last_stage = stage
            self._dispatcher.progressed.emit(self._number, done, total, stage)

    def run(self) -> None:
        try:
            result = self._work(self._progress, self._token)
        except DomainError as exc:
            # Drop the worker's frames: they may hold connections and rows until collected.
            self._dispatcher.failed.emit(self._number, exc.with_traceback(None))
        except Exception as exc:
            details = "".join(traceback.format_exception(exc))
            log.error("%s failed:\n%s", self._title, mask_personal_numbers(details))
            self._dispatcher.failed.emit(self._number, exc.with_traceback(None))
        else:
            self._dispatcher.succeeded.emit(self._number, result)


class Job(QObject):
    """Background work with progress, cancel and results delivered on the GUI thread.

    A job is owned by Python (no Qt parent) and kept alive until it has finished; the
    *parent* widget only carries the progress dialog and the error message.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _running: ClassVar[set[Job]] = set()
    _numbers: ClassVar[itertools.count[int]] = itertools.count(1)

    def __init__(self, parent: QWidget | None, work: Work, *, title: str, cancellable: bool = True):
        super().__init__()
        self._parent = parent
        self._work = work
        self._title = title
        self._cancellable = cancellable
        self._number = next(Job._numbers)
        self.token = CancelToken()
        self._done_callbacks: list[Callable[[Any], None]] = []
        self._error_callbacks: list[Callable[[BaseException], None]] = []
        self._finally_callbacks: list[Callable[[], None]] = []
        self._dialog: QProgressDialog | None = None
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self._show_dialog)
        self._last = (0, 0, "")
        self.result: Any = None
        self.error: BaseException | None = None
        self.is_running = False

    # ---- building ------------------------------------------------------------------------

    def on_done(self, callback: Callable[[Any], None]) -> Job:
        """Call *callback(result)* on the GUI thread when the work succeeds."""
        self._done_callbacks.append(callback)
        return self

    def on_error(self, callback: Callable[[BaseException], None]) -> Job:
        """Handle failures with *callback(error)* instead of the standard message box."""
        self._error_callbacks.append(callback)
        return self

    def on_finished(self, callback: Callable[[], None]) -> Job:
        """Call *callback()* after the work ends, whatever the outcome."""
        self._finally_callbacks.append(callback)
        return self

    def start(self) -> Job:
        """Queue the work on the background pool."""
        dispatcher = _dispatcher()
        Job._running.add(self)
        dispatcher.jobs[self._number] = self
        self.is_running = True
        self._show_timer.start()
        dispatcher.pool.start(_Runnable(self._number, self._work, self.token, self._title))
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self.token.cancel()

    @classmethod
    def running(cls) -> list[Job]:
        """Return the jobs that have not finished yet."""
        return list(cls._running)

    @classmethod
    def cancel_all_and_wait(cls, timeout_ms: int = 30_000) -> bool:
        """Cancel every job, wait for the pool and drop their outcomes (closing the window).

        Returns True when every job stopped within *timeout_ms*.
        """
        jobs = cls.running()
        for job in jobs:
            job.cancel()
        dispatcher = _dispatcher()
        stopped = dispatcher.pool.waitForDone(timeout_ms)
        if stopped:
            for job in jobs:
                dispatcher.jobs.pop(job._number, None)
                job._end()
                cls._running.discard(job)
        return stopped

    # ---- progress dialog -----------------------------------------------------------------

    def _show_dialog(self) -> None:
        if not self.is_running:
            return
        if self._parent is not None and not Shiboken.isValid(self._parent):
            return  # its window closed meanwhile (None: a dialog of its own, at start-up)
        dialog = QProgressDialog(self._parent)
        dialog.setWindowTitle(self._title)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(420)
        if self._cancellable:
            dialog.setCancelButtonText(translate("Job", "Batal"))
            dialog.canceled.connect(self._on_cancel_clicked)
        else:
            dialog.setCancelButton(None)
        self._dialog = dialog
        self._update_dialog(*self._last)
        dialog.open()  # window-modal over the parent: no second job while this one runs

    def _update_dialog(self, done: int, total: int, stage: str) -> None:
        dialog = self._dialog
        if dialog is None or not Shiboken.isValid(dialog):
            return
        if self.token.cancelled:
            return
        label = translate("Progress", stage) if stage else translate("Job", "Sedang bekerja…")
        if total > 0:
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))
            label = translate("Job", "{stage}: {done} dari {total}").format(
                stage=label, done=number(done), total=number(total)
            )
        else:
            dialog.setRange(0, 0)  # busy indicator while the total is unknown
        dialog.setLabelText(label)

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self.token.cancel()
        dialog = self._dialog
        if dialog is None or not self.is_running:
            return
        # QProgressDialog hides itself on cancel; keep it up until the work has stopped.
        dialog.setLabelText(translate("Job", "Membatalkan… Tunggu sebentar."))
        dialog.setRange(0, 0)
        button = dialog.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)
        dialog.show()

    def _close_dialog(self) -> None:
        self._show_timer.stop()
        dialog, self._dialog = self._dialog, None
        if dialog is not None and Shiboken.isValid(dialog):
            dialog.hide()
            dialog.deleteLater()

    # ---- outcome (GUI thread) ------------------------------------------------------------

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        self._last = (done, total, stage)
        self._update_dialog(done, total, stage)
        self.progressed.emit(done, total, stage)

    def _on_success(self, result: object) -> None:
        self._end()
        self.result = result
        for callback in self._done_callbacks:
            callback(result)
        self.succeeded.emit(result)
        self._finish()

    def _on_failure(self, error: BaseException) -> None:
        self._end()
        self.error = error
        if self._error_callbacks:
            for callback in self._error_callbacks:
                callback(error)
        elif self._parent is None or Shiboken.isValid(self._parent):
            show_error(self._parent, error, title=self._title)
        self.failed.emit(error)
        self._finish()

    def _end(self) -> None:
        self.is_running = False
        self._close_dialog()

    def _finish(self) -> None:
        for callback in self._finally_callbacks:
            callback()
        self.finished.emit()
        Job._running.discard(self)


def show_error(parent: QWidget | None, error: BaseException, *, title: str) -> None:
    """Tell the user what went wrong: the finding of a domain error, else a generic text."""
    if isinstance(error, Cancelled):
        messages.inform(parent, title, translate("Finding", error.finding.template))
    elif isinstance(error, DomainError):
        messages.warn(parent, title, messages.domain_error_text(error))
    else:
        messages.warn(
            parent,
            title,
            translate(
                "Job",
                "Terjadi kesalahan yang tidak terduga, dan pekerjaan ini dihentikan. "
                "Rinciannya sudah dicatat di log untuk petugas teknis.",
            ),
        )
