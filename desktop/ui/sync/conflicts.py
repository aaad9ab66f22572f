"""Konflik: two offices changed the same field; the admin keeps one of the two values."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.permissions import Actor, Permission, can
from desktop.services.sync import ChangeInfo, ConflictView, SyncService
from desktop.ui.sync.models import ConflictModel
from desktop.ui.sync.queue import QueueTab
from desktop.ui.sync.text import field_label, local_time, record_label, value_text
from desktop.ui.widgets import HintLabel, heading_label


class ValueCard(QFrame):
    """One side of a conflict: the value, and which office and user wrote it, when."""

    chosen = Signal()

    def __init__(self, title: str, *, choosable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title_label = QLabel(title)
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.value_label = heading_label("–", 1.35)
        self.value_label.setObjectName("value")
        self.value_label.setWordWrap(True)
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.office_label = QLabel()
        self.user_label = QLabel()
        self.time_label = QLabel()
        for label in (self.office_label, self.user_label, self.time_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Office names are long ("Dinas Sosial Kabupaten Ogan Komering Ilir") and wrap; a
        # form row does not grow for a wrapped label, so two lines are reserved up front.
        self.office_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 2)
        self.facts = QFormLayout()
        self.facts.setContentsMargins(0, 4, 0, 0)
        self.facts.setVerticalSpacing(2)
        self.facts.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.facts.addRow(self.tr("Kantor:"), self.office_label)
        self.facts.addRow(self.tr("Pengguna:"), self.user_label)
        self.facts.addRow(self.tr("Waktu:"), self.time_label)
        self.note = HintLabel()
        self.keep_button = QPushButton(self.tr("Pakai nilai ini"))
        self.keep_button.clicked.connect(self.chosen)
        self.keep_button.setVisible(choosable)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addLayout(self.facts)
        layout.addWidget(self.note)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        layout.addLayout(buttons)

    def show_change(self, text: str, change: ChangeInfo | None, note: str = "") -> None:
        """Show a value and its origin (None: the base value, which has no single origin)."""
        self.value_label.setText(text)
        for label in (self.office_label, self.user_label, self.time_label):
            self.facts.setRowVisible(label, change is not None)
        if change is not None:
            self.office_label.setText(change.device_name)
            self.user_label.setText(change.username or "–")
            self.time_label.setText(local_time(change.at))
        self.note.setText(note)
        self.note.setVisible(bool(note))


class ConflictsTab(QueueTab[ConflictView]):
    """Open conflicts in a table; the chosen one in detail with base / applied / other."""

    settled = Signal(str)  # conflict id

    def __init__(self, sync: SyncService, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(
            ConflictModel,
            table_name="conflictTable",
            stretch_columns=(0,),
            fit_columns=True,
            parent=parent,
        )
        self._sync = sync
        self._actor = actor
        self._allowed = can(actor, Permission.SYNC) and can(actor, Permission.MANAGE_OFFICE)

        self.detail_title = heading_label("", 1.15)
        self.detail_title.setObjectName("conflictTitle")
        self.detail_title.setWordWrap(True)
        self.base_card = ValueCard(self.tr("Nilai awal"), choosable=False)
        self.winner_card = ValueCard(self.tr("Nilai terpakai"), choosable=True)
        self.loser_card = ValueCard(self.tr("Nilai lain"), choosable=True)
        self.winner_card.chosen.connect(lambda: self.settle("winner"))
        self.loser_card.chosen.connect(lambda: self.settle("loser"))
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in (self.base_card, self.winner_card, self.loser_card):
            cards.addWidget(card, 1)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 6, 0, 0)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addLayout(cards)
        detail_layout.addStretch(1)
        # Room for the cards' wrapped lines (a long office name takes two): a splitter does
        # not ask word-wrapped labels for the height they need at their width.
        detail.setMinimumHeight(self.fontMetrics().lineSpacing() * 14)

        hint = self.tr(
            "Dua kantor mengubah kolom yang sama sebelum saling menerima paket. Sementara itu "
            "semua kantor memakai nilai terpakai (dipilih dengan aturan yang sama di setiap "
            "kantor). Pilih nilai yang benar; pilihan Anda ikut terkirim ke semua kantor pada "
            "paket berikutnya."
        )
        if not self._allowed:
            hint += " " + self.tr("Hanya admin yang dapat memutuskan konflik.")
        self._lay_out(
            hint=hint,
            detail=detail,
            stretch=(3, 2),
            empty_text=self.tr("Tidak ada konflik yang menunggu keputusan."),
            empty_name="noConflicts",
        )

    # ---- data ----------------------------------------------------------------------------

    def _open_items(self) -> list[ConflictView]:
        return self._sync.conflicts(self._actor)

    def _show(self, conflict: ConflictView | None) -> None:
        if conflict is None:
            self.detail_title.setText("")
            for card in (self.base_card, self.winner_card, self.loser_card):
                card.show_change("–", None)
                card.keep_button.setEnabled(False)
            return
        field = conflict.field
        self.detail_title.setText(
            self.tr("{kind}: {record} — kolom {field}").format(
                kind=record_label(conflict.table_name),
                record=conflict.row_label,
                field=field_label(conflict.table_name, field),
            )
        )
        self.base_card.show_change(
            value_text(field, conflict.base),
            None,
            self.tr("Nilai sebelum kedua perubahan."),
        )
        if conflict.late_claim_edit:
            applied = self.tr(
                "Nilai kantor kabupaten, yang sudah memproses klaim ini. Tetap dipakai di semua "
                "kantor sampai Anda memilih."
            )
            other = self.tr(
                "Diubah kecamatan, menurut laptopnya ketika berkas masih di kecamatan, tetapi "
                "baru tiba setelah kantor kabupaten memproses klaim ini. Periksa sebelum "
                "memakainya. Disimpan, tidak dipakai."
            )
        else:
            applied = self.tr("Dipakai sekarang di semua kantor.")
            other = self.tr("Disimpan, tidak dipakai.")
        self.winner_card.show_change(
            value_text(field, conflict.winner.value), conflict.winner, applied
        )
        self.loser_card.show_change(value_text(field, conflict.loser.value), conflict.loser, other)
        for card in (self.winner_card, self.loser_card):
            card.keep_button.setEnabled(self._allowed)

    # ---- settling ------------------------------------------------------------------------

    def settle(self, keep: str) -> None:
        """Keep the applied value (``"winner"``) or the other one for the shown conflict."""
        conflict = self.current()
        if conflict is None:
            return
        self._decide(
            lambda: self._sync.settle(self._actor, conflict.id, keep=keep),
            title=self.tr("Selesaikan konflik"),
            keep_position=True,
        )
        self.settled.emit(conflict.id)
