"""Progress reporting and cancellation shared by long service calls (CLI and GUI alike)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.store.unit_of_work import WriteCancelled

ProgressFn = Callable[[int, int, str], None]
"""progress(done, total, stage): *stage* is a short Indonesian label of the current step."""


def no_progress(_done: int, _total: int, _stage: str) -> None:
    """A progress callback that ignores everything."""


@dataclass
class CancelToken:
    """Set by the UI (or Ctrl+C); long work checks it between batches."""

    cancelled: bool = False
    reason: str = field(default="")

    def cancel(self) -> None:
        """Ask the work to stop at its next check."""
        self.cancelled = True

    def __call__(self) -> bool:
        return self.cancelled


class Cancelled(DomainError):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__(
            Finding.error(
                "work.cancelled",
                QT_TRANSLATE_NOOP("Finding", "Dibatalkan. Tidak ada data yang diubah."),
            )
        )


__all__ = ["CancelToken", "Cancelled", "ProgressFn", "WriteCancelled", "no_progress"]
