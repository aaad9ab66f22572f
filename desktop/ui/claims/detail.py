"""One claim's detail: subject, heirs, documents, amounts, flags, timeline, next steps.

Interface stub (the detail view is being built): ``ClaimDetailView(services)`` shows the
claim given to :meth:`show_claim` and emits ``claimChanged(id)`` after any write."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.services.app import AppServices


class ClaimDetailView(QWidget):
    """The detail of the claim chosen in the list."""

    claimChanged = Signal(str)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.claim_id: str | None = None
        QVBoxLayout(self)

    def show_claim(self, claim_id: str | None) -> None:
        """Show *claim_id* (None: nothing chosen)."""
        self.claim_id = claim_id
