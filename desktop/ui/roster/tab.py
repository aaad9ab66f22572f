"""The Peserta tab: for now an overview of the roster and the region master of this database."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.services.regions import RegionService
from desktop.ui.i18n import number, translate
from desktop.ui.widgets import FigureCard, HintLabel, heading_label

REGION_COLUMNS = (
    QT_TRANSLATE_NOOP("RosterTab", "Wilayah"),
    QT_TRANSLATE_NOOP("RosterTab", "Kode"),
)
COL_NAME, COL_CODE = range(len(REGION_COLUMNS))
VILLAGE_LEVEL = 4
_CODE_ROLE = Qt.ItemDataRole.UserRole
_LOADED_ROLE = Qt.ItemDataRole.UserRole + 1


class RegionTree(QTreeWidget):
    """The region master as a tree, each level read from the service when it is opened."""

    def __init__(self, regions: RegionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions = regions
        self.setColumnCount(len(REGION_COLUMNS))
        self.setHeaderLabels([translate("RosterTab", c) for c in REGION_COLUMNS])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CODE, QHeaderView.ResizeMode.ResizeToContents)
        self.itemExpanded.connect(self._load_children)

    def reload(self) -> None:
        """Read the provinces again and open the tree down to the first regency."""
        self.clear()
        self.addTopLevelItems(self._items(None))
        item = self.topLevelItem(0) if self.topLevelItemCount() == 1 else None
        while item is not None and item.childCount() and item.data(COL_NAME, _CODE_ROLE):
            item.setExpanded(True)  # loads the children
            item = item.child(0) if item.childCount() == 1 else None

    def _items(self, parent_code: str | None) -> list[QTreeWidgetItem]:
        items = []
        for row in self._regions.children(parent_code):
            item = QTreeWidgetItem([row.name, row.code])
            item.setData(COL_NAME, _CODE_ROLE, row.code)
            item.setTextAlignment(COL_CODE, Qt.AlignmentFlag.AlignLeft)
            if row.level < VILLAGE_LEVEL:
                item.addChild(QTreeWidgetItem())  # placeholder until the level is opened
            items.append(item)
        return items

    @Slot(QTreeWidgetItem)
    def _load_children(self, item: QTreeWidgetItem) -> None:
        if item.data(COL_NAME, _LOADED_ROLE):
            return
        item.setData(COL_NAME, _LOADED_ROLE, True)
        item.takeChildren()
        item.addChildren(self._items(item.data(COL_NAME, _CODE_ROLE)))


class RosterTab(QWidget):
    """Workers in the database, the region master, and what to do next."""

    importRegionsRequested = Signal()

    def __init__(self, regions: RegionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._region_count = -1
        self.workers_card = FigureCard(self.tr("peserta terdaftar"))
        self.regions_card = FigureCard(self.tr("wilayah tercatat"))
        self.hint = HintLabel()
        self.region_tree = RegionTree(regions)
        self.region_hint = HintLabel(
            self.tr(
                "Belum ada data wilayah. Impor daftar wilayah Kemendagri (berkas CSV atau "
                "XLSX dengan kolom kode dan nama) agar desa dan kecamatan peserta dikenali."
            )
        )

        left = QVBoxLayout()
        left.setSpacing(14)
        left.addWidget(self.workers_card)
        left.addWidget(self.regions_card)
        left.addWidget(self.hint)
        left.addStretch(1)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setFixedWidth(300)
        left.setContentsMargins(0, 0, 0, 0)

        regions_box = QGroupBox(self.tr("Data wilayah"))
        self.import_regions_button = QPushButton(self.tr("&Impor data wilayah…"))
        self.import_regions_button.clicked.connect(self.importRegionsRequested)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.import_regions_button)
        empty_row.addStretch(1)
        box_layout = QVBoxLayout(regions_box)
        box_layout.addWidget(self.region_hint)
        box_layout.addLayout(empty_row)
        box_layout.addWidget(self.region_tree, 1)
        box_layout.addStretch(0)  # keeps the hint at the top while the tree is hidden

        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(left_widget)
        body.addWidget(regions_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(14)
        layout.addWidget(heading_label(self.tr("Peserta")))
        layout.addLayout(body, 1)

    def update_counts(self, counts: Mapping[str, int]) -> None:
        """Show the row counts of the database (from HealthService.counts)."""
        workers = counts.get("worker", 0)
        regions = counts.get("region", 0)
        self.workers_card.set_value(number(workers))
        self.regions_card.set_value(number(regions))
        if regions != self._region_count:
            self._region_count = regions
            self.region_tree.reload()
        self.region_tree.setVisible(bool(regions))
        self.region_hint.setVisible(not regions)
        self.import_regions_button.setVisible(not regions)
        if workers:
            self.hint.setText(
                self.tr(
                    "Daftar peserta dengan pencarian, penambahan dan impor dari desa "
                    "akan tampil di tab ini."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "Belum ada peserta. Untuk mencoba Sigap dengan data rekaan, pilih "
                    "Berkas → Muat data contoh… pada basis data baru."
                )
            )
