"""The Klaim tab: for now an overview of the claims held in this database."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from desktop.ui.i18n import number
from desktop.ui.widgets import FigureCard, HintLabel, heading_label


class ClaimsTab(QWidget):
    """Claims, their steps and heirs in the database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.claims_card = FigureCard(self.tr("klaim tercatat"))
        self.events_card = FigureCard(self.tr("langkah klaim tercatat"))
        self.heirs_card = FigureCard(self.tr("ahli waris tercatat"))
        self.hint = HintLabel()
        cards = QHBoxLayout()
        cards.addWidget(self.claims_card)
        cards.addWidget(self.events_card)
        cards.addWidget(self.heirs_card)
        cards.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(heading_label(self.tr("Klaim")))
        layout.addLayout(cards)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def update_counts(self, counts: Mapping[str, int]) -> None:
        """Show the row counts of the database (from HealthService.counts)."""
        claims = counts.get("claim", 0)
        self.claims_card.set_value(number(claims))
        self.events_card.set_value(number(counts.get("claim_event", 0)))
        self.heirs_card.set_value(number(counts.get("heir", 0)))
        if claims:
            self.hint.setText(
                self.tr(
                    "Daftar klaim dengan tahapannya, kelengkapan dokumen dan batas waktu "
                    "7 hari akan tampil di tab ini."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "Belum ada klaim. Klaim JKM, JKK dan santunan kematian yang diusulkan "
                    "desa akan dicatat di sini."
                )
            )
