"""The regency admin's list of public holidays (counted out of working-day deadlines).

Interface stub (being built): ``HolidaysDialog(services)``."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from desktop.services.app import AppServices


class HolidaysDialog(QDialog):
    """Add and remove the holidays the claim clock skips."""

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
