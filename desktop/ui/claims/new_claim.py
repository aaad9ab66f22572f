"""The dialog that opens a claim (for a roster worker, or a resident for santunan).

Interface stub (being built): ``NewClaimDialog(services, worker_id=None, kind=None)``
emits ``claimOpened(id)`` once the claim is saved."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.domain.claims import ClaimKind
from desktop.services.app import AppServices


class NewClaimDialog(QDialog):
    """Open a claim."""

    claimOpened = Signal(str)

    def __init__(
        self,
        services: AppServices,
        *,
        worker_id: str | None = None,
        kind: ClaimKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._worker_id = worker_id
        self._kind = kind
