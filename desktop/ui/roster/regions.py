"""The Data wilayah tree of the Peserta tab: the office's area, a level read when opened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.services.regions import RegionService
from desktop.ui.i18n import translate

REGION_COLUMNS = (
    QT_TRANSLATE_NOOP("RosterTab", "Wilayah"),
    QT_TRANSLATE_NOOP("RosterTab", "Kode"),
)
COL_REGION_NAME, COL_REGION_CODE = range(len(REGION_COLUMNS))
DISTRICT_LEVEL = 3
VILLAGE_LEVEL = 4
INDENTATION = 12  # pixels a level; four levels deep, names still have the room
_CODE_ROLE = Qt.ItemDataRole.UserRole
_LOADED_ROLE = Qt.ItemDataRole.UserRole + 1
_LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2


def region_code(item: QTreeWidgetItem) -> str | None:
    """The region code of a tree item."""
    code = item.data(0, _CODE_ROLE)
    return str(code) if code else None


def region_level(item: QTreeWidgetItem) -> int | None:
    """The level of a tree item (1 province … 4 desa)."""
    level = item.data(0, _LEVEL_ROLE)
    return int(level) if level is not None else None


class RegionTree(QTreeWidget):
    """The region master as a tree, each level read from the service when it is opened.

    A name too long for the panel is cut short; its tooltip gives it whole, with the code.
    """

    def __init__(self, regions: RegionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions = regions
        self.setColumnCount(len(REGION_COLUMNS))
        self.setHeaderLabels([translate("RosterTab", c) for c in REGION_COLUMNS])
        self.setUniformRowHeights(True)
        self.setIndentation(INDENTATION)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_REGION_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_REGION_CODE, QHeaderView.ResizeMode.ResizeToContents)
        # The panel is narrow (the table needs the room): names only, codes in the tooltip.
        self.setColumnHidden(COL_REGION_CODE, True)
        self.setHeaderHidden(True)
        self.itemExpanded.connect(self._load_children)

    def reload(self) -> None:
        """Read the provinces again and open the tree down to the first regency."""
        self.clear()
        self.addTopLevelItems(self._items(None))
        item = self.topLevelItem(0) if self.topLevelItemCount() == 1 else None
        while item is not None and item.childCount() and item.data(0, _CODE_ROLE):
            item.setExpanded(True)  # loads the children
            item = item.child(0) if item.childCount() == 1 else None

    def _items(self, parent_code: str | None) -> list[QTreeWidgetItem]:
        items = []
        for row in self._regions.area_children(parent_code):
            item = QTreeWidgetItem([row.name, row.code])
            item.setData(0, _CODE_ROLE, row.code)
            item.setData(0, _LEVEL_ROLE, row.level)
            tip = self.tr("{name}\nKode wilayah {code}").format(name=row.name, code=row.code)
            item.setToolTip(COL_REGION_NAME, tip)
            item.setToolTip(COL_REGION_CODE, tip)
            if row.level < VILLAGE_LEVEL:
                item.addChild(QTreeWidgetItem())  # placeholder until the level is opened
            items.append(item)
        return items

    @Slot(QTreeWidgetItem)
    def _load_children(self, item: QTreeWidgetItem) -> None:
        if item.data(0, _LOADED_ROLE):
            return
        item.setData(0, _LOADED_ROLE, True)
        item.takeChildren()
        item.addChildren(self._items(item.data(0, _CODE_ROLE)))
