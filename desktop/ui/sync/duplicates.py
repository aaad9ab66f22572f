"""Data ganda: two worker records that may be one person, side by side; merge or keep both."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.services.permissions import Actor, Permission, can
from desktop.services.regions import RegionService
from desktop.services.sync import DuplicateView, SyncService
from desktop.ui import messages
from desktop.ui.i18n import translate
from desktop.ui.sync.models import DuplicateModel, reason_text
from desktop.ui.sync.queue import QueueTab
from desktop.ui.sync.text import value_text
from desktop.ui.widgets import heading_label

# The rows of the comparison: (card key, label).
CARD_ROWS = (
    ("name", QT_TRANSLATE_NOOP("DuplicatesTab", "Nama")),
    ("nik", QT_TRANSLATE_NOOP("DuplicatesTab", "NIK")),
    ("kk", QT_TRANSLATE_NOOP("DuplicatesTab", "No. KK")),
    ("sex", QT_TRANSLATE_NOOP("DuplicatesTab", "Jenis kelamin")),
    ("birth_place", QT_TRANSLATE_NOOP("DuplicatesTab", "Tempat lahir")),
    ("birth_date", QT_TRANSLATE_NOOP("DuplicatesTab", "Tanggal lahir")),
    ("address", QT_TRANSLATE_NOOP("DuplicatesTab", "Alamat")),
    ("village_code", QT_TRANSLATE_NOOP("DuplicatesTab", "Desa/kelurahan")),
    ("category", QT_TRANSLATE_NOOP("DuplicatesTab", "Kategori")),
    ("position", QT_TRANSLATE_NOOP("DuplicatesTab", "Jabatan")),
    ("kpj", QT_TRANSLATE_NOOP("DuplicatesTab", "No. KPJ")),
    ("status", QT_TRANSLATE_NOOP("DuplicatesTab", "Status")),
    ("phone", QT_TRANSLATE_NOOP("DuplicatesTab", "No. HP")),
    ("registered_by", QT_TRANSLATE_NOOP("DuplicatesTab", "Didaftarkan oleh")),
    ("created_at", QT_TRANSLATE_NOOP("DuplicatesTab", "Dicatat")),
)
DIFFERENT = QColor("#fff3cd")
DIFFERENT_TEXT = QColor("#212529")


class DuplicatesTab(QueueTab[DuplicateView]):
    """Open duplicate pairs; the chosen pair compared field by field."""

    decided = Signal(str)  # pair id

    def __init__(
        self,
        sync: SyncService,
        regions: RegionService,
        actor: Actor,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            DuplicateModel,
            table_name="duplicateTable",
            stretch_columns=(0, 1),
            parent=parent,
        )
        self._sync = sync
        self._regions = regions
        self._actor = actor
        self._merge_allowed = can(actor, Permission.EDIT_ROSTER) and can(
            actor, Permission.MANAGE_OFFICE
        )
        self._distinct_allowed = can(actor, Permission.EDIT_ROSTER)
        self._village_names: dict[str, str] = {}

        self.pair_title = heading_label("", 1.15)
        self.pair_title.setObjectName("pairTitle")
        self.pair_title.setWordWrap(True)
        self.compare = QTableWidget(len(CARD_ROWS), 3)
        self.compare.setObjectName("compareTable")
        self.compare.setHorizontalHeaderLabels(
            [self.tr("Kolom"), self.tr("Data kiri"), self.tr("Data kanan")]
        )
        self.compare.verticalHeader().setVisible(False)
        self.compare.verticalHeader().setDefaultSectionSize(self.compare.fontMetrics().height() + 8)
        self.compare.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.compare.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        compare_header = self.compare.horizontalHeader()
        compare_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        compare_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        compare_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        bold = QFont(self.compare.font())
        bold.setBold(True)
        for row, (_key, label) in enumerate(CARD_ROWS):
            item = QTableWidgetItem(translate("DuplicatesTab", label))
            item.setFont(bold)
            self.compare.setItem(row, 0, item)

        self.merge_left_button = QPushButton(self.tr("Gabungkan ke &kiri"))
        self.merge_left_button.setToolTip(
            self.tr("Data kiri tetap; data kanan digabung ke dalamnya.")
        )
        self.merge_right_button = QPushButton(self.tr("Gabungkan ke k&anan"))
        self.merge_right_button.setToolTip(
            self.tr("Data kanan tetap; data kiri digabung ke dalamnya.")
        )
        self.distinct_button = QPushButton(self.tr("&Bukan orang yang sama"))
        self.distinct_button.setToolTip(self.tr("Kedua data tetap ada sebagai dua peserta."))
        self.merge_left_button.clicked.connect(lambda: self.merge("first"))
        self.merge_right_button.clicked.connect(lambda: self.merge("second"))
        self.distinct_button.clicked.connect(self.mark_distinct)
        buttons = QHBoxLayout()
        buttons.addWidget(self.merge_left_button)
        buttons.addWidget(self.merge_right_button)
        buttons.addStretch(1)
        buttons.addWidget(self.distinct_button)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 6, 0, 0)
        detail_layout.addWidget(self.pair_title)
        detail_layout.addWidget(self.compare, 1)
        detail_layout.addLayout(buttons)

        hint = self.tr(
            "Dua data peserta dengan NIK sama, atau dengan nama dan tanggal lahir sama, mungkin "
            "orang yang sama (dari dua kantor, atau dua kali didaftarkan di satu kantor). Bila "
            "keduanya orang yang sama, gabungkan ke data yang paling benar: klaim data lainnya "
            "ikut pindah, dan data itu tidak tampil lagi di daftar peserta. Kolom yang berbeda "
            "diberi warna."
        )
        if not self._merge_allowed:
            hint += " " + self.tr("Hanya admin yang dapat menggabungkan data.")
        self._lay_out(
            hint=hint,
            detail=detail,
            stretch=(1, 3),
            empty_text=self.tr("Tidak ada data ganda yang menunggu keputusan."),
            empty_name="noDuplicates",
        )
        self._show(None)

    # ---- data ----------------------------------------------------------------------------

    def _open_items(self) -> list[DuplicateView]:
        return self._sync.duplicates(self._actor)

    def _show(self, pair: DuplicateView | None) -> None:
        for button in (self.merge_left_button, self.merge_right_button):
            button.setEnabled(pair is not None and self._merge_allowed)
        self.distinct_button.setEnabled(pair is not None and self._distinct_allowed)
        if pair is None:
            self.pair_title.setText("")
            for row in range(self.compare.rowCount()):
                for column in (1, 2):
                    self.compare.setItem(row, column, QTableWidgetItem(""))
            return
        self.pair_title.setText(
            self.tr("{reason}: {first} dan {second}").format(
                reason=reason_text(pair.reason),
                first=pair.first.get("name") or "–",
                second=pair.second.get("name") or "–",
            )
        )
        for row, (key, _label) in enumerate(CARD_ROWS):
            left = self._cell(key, pair.first)
            right = self._cell(key, pair.second)
            differ = key not in ("registered_by", "created_at") and left != right
            for column, text in ((1, left), (2, right)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if differ:
                    item.setBackground(QBrush(DIFFERENT))
                    item.setForeground(QBrush(DIFFERENT_TEXT))
                self.compare.setItem(row, column, item)

    def _cell(self, key: str, card: dict[str, Any]) -> str:
        value = card.get(key)
        if key == "village_code" and value:
            code = str(value)
            if code not in self._village_names:
                self._village_names[code] = self._regions.name_of(code) or ""
            name = self._village_names[code]
            return self.tr("{name} ({code})").format(name=name, code=code) if name else code
        if key == "registered_by":
            return str(value) if value else "–"
        return value_text(key, value)

    # ---- decisions -----------------------------------------------------------------------

    def merge(self, side: str) -> None:
        """Merge the shown pair into its *side* record ("first" = left, "second" = right)."""
        pair = self.current()
        if pair is None:
            return
        keep, other = (pair.first, pair.second) if side == "first" else (pair.second, pair.first)
        if side == "first":
            text = self.tr(
                "Data kanan ({other}) digabung ke data kiri ({keep}). Klaim milik data kanan "
                "dipindah ke data kiri, dan data kanan tidak tampil lagi di daftar peserta. "
                "Keputusan ini dikirim ke semua kantor. Lanjutkan?"
            )
        else:
            text = self.tr(
                "Data kiri ({other}) digabung ke data kanan ({keep}). Klaim milik data kiri "
                "dipindah ke data kanan, dan data kiri tidak tampil lagi di daftar peserta. "
                "Keputusan ini dikirim ke semua kantor. Lanjutkan?"
            )
        if not messages.ask(
            self,
            self.tr("Gabungkan data peserta"),
            text.format(other=other.get("name") or "–", keep=keep.get("name") or "–"),
            yes=self.tr("Gabungkan"),
        ):
            return
        self._decide(
            lambda: self._sync.merge_duplicate(self._actor, pair.id, keep=str(keep["id"])),
            title=self.tr("Data ganda"),
        )
        self.decided.emit(pair.id)

    @Slot()
    def mark_distinct(self) -> None:
        """Record that the shown pair are two different people."""
        pair = self.current()
        if pair is None:
            return
        self._decide(
            lambda: self._sync.mark_distinct(self._actor, pair.id), title=self.tr("Data ganda")
        )
        self.decided.emit(pair.id)
