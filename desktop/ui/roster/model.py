"""The roster table model: sorted row ids in memory, rows fetched a page at a time.

With a million workers the model holds 8 MB of ids and a few pages of rows; the view asks
only for the rows it paints. Sorting and filtering happen in SQL (the tab re-queries the ids
and hands them over with :meth:`RosterModel.set_ids`).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.domain.categories import Category, Sex, SubCategory, WorkerStatus
from desktop.domain.dates import age_on
from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.domain.identifiers import mask_kpj
from desktop.services.roster import RosterService, RosterSort, WorkerRow
from desktop.ui.i18n import translate

COLUMNS = (
    QT_TRANSLATE_NOOP("RosterModel", "NIK"),
    QT_TRANSLATE_NOOP("RosterModel", "Nama"),
    QT_TRANSLATE_NOOP("RosterModel", "JK"),
    QT_TRANSLATE_NOOP("RosterModel", "Lahir (umur)"),
    QT_TRANSLATE_NOOP("RosterModel", "Desa"),
    QT_TRANSLATE_NOOP("RosterModel", "Kecamatan"),
    QT_TRANSLATE_NOOP("RosterModel", "Kategori"),
    QT_TRANSLATE_NOOP("RosterModel", "Jabatan"),
    QT_TRANSLATE_NOOP("RosterModel", "Status"),
    QT_TRANSLATE_NOOP("RosterModel", "Akhir"),
    QT_TRANSLATE_NOOP("RosterModel", "KPJ"),
)
# The header's tooltip: what a short header stands for.
COLUMN_TIPS = (
    QT_TRANSLATE_NOOP("RosterModel", "Nomor Induk Kependudukan (16 angka, dari KTP)"),
    QT_TRANSLATE_NOOP("RosterModel", "Nama lengkap"),
    QT_TRANSLATE_NOOP("RosterModel", "Jenis kelamin"),
    QT_TRANSLATE_NOOP("RosterModel", "Tanggal lahir dan umur hari ini"),
    QT_TRANSLATE_NOOP("RosterModel", "Desa atau kelurahan"),
    QT_TRANSLATE_NOOP("RosterModel", "Kecamatan"),
    QT_TRANSLATE_NOOP("RosterModel", "Kategori peserta (subkategori di tooltip baris)"),
    QT_TRANSLATE_NOOP("RosterModel", "Jabatan atau pekerjaan"),
    QT_TRANSLATE_NOOP("RosterModel", "Status kepesertaan"),
    QT_TRANSLATE_NOOP(
        "RosterModel", "Akhir kepesertaan: perlindungan berlaku sampai tanggal ini"
    ),
    QT_TRANSLATE_NOOP(
        "RosterModel",
        "Nomor Kartu Peserta Jamsostek (KPJ); tampil lengkap dengan Tampilkan nomor lengkap",
    ),
)
# Short forms for the table (the full label is in the cell's tooltip).
SEX_SHORT = {
    Sex.MALE: QT_TRANSLATE_NOOP("RosterModel", "L"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("RosterModel", "P"),
}
CATEGORY_SHORT = {
    Category.NON_ASN_GTK: QT_TRANSLATE_NOOP("RosterModel", "Non-ASN/GTK"),
    Category.PERANGKAT_DESA: QT_TRANSLATE_NOOP("RosterModel", "Perangkat Desa"),
    Category.BPD: QT_TRANSLATE_NOOP("RosterModel", "BPD"),
    Category.RT_RW: QT_TRANSLATE_NOOP("RosterModel", "Ketua RT/RW"),
    Category.KELEMBAGAAN_DESA: QT_TRANSLATE_NOOP("RosterModel", "Lembaga Desa"),
    Category.PEKERJA_RENTAN: QT_TRANSLATE_NOOP("RosterModel", "Pekerja Rentan"),
}
STATUS_SHORT = {
    WorkerStatus.AKTIF: QT_TRANSLATE_NOOP("RosterModel", "Aktif"),
    WorkerStatus.NONAKTIF: QT_TRANSLATE_NOOP("RosterModel", "Nonaktif"),
    WorkerStatus.MENINGGAL: QT_TRANSLATE_NOOP("RosterModel", "Meninggal"),
}
(
    COL_NIK,
    COL_NAME,
    COL_SEX,
    COL_BIRTH,
    COL_VILLAGE,
    COL_DISTRICT,
    COL_CATEGORY,
    COL_POSITION,
    COL_STATUS,
    COL_COVERAGE_END,
    COL_KPJ,
) = range(len(COLUMNS))

SORTS: dict[int, RosterSort] = {
    COL_NIK: RosterSort.NIK,
    COL_NAME: RosterSort.NAME,
    COL_SEX: RosterSort.SEX,
    COL_BIRTH: RosterSort.BIRTH_DATE,
    COL_VILLAGE: RosterSort.VILLAGE,
    COL_DISTRICT: RosterSort.DISTRICT,
    COL_CATEGORY: RosterSort.CATEGORY,
    COL_POSITION: RosterSort.POSITION,
    COL_STATUS: RosterSort.STATUS,
    COL_COVERAGE_END: RosterSort.COVERAGE_END,
}

SortRole = Qt.ItemDataRole.UserRole + 1
ObjectRole = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 256
MAX_PAGES = 32

AnyIndex = QModelIndex | QPersistentModelIndex


def short_date(value: date | None) -> str:
    """A date as dd-mm-yyyy, or a dash."""
    return value.strftime("%d-%m-%Y") if value is not None else "–"


def category_text(code: str) -> str:
    """The translated label of a category code (the code itself when unknown)."""
    try:
        return translate("Category", Category(code).label)
    except ValueError:
        return code


def category_short(code: str) -> str:
    """The category as the table shows it, short (the code itself when unknown)."""
    try:
        return translate("RosterModel", CATEGORY_SHORT[Category(code)])
    except ValueError:
        return code


def subcategory_text(code: str) -> str:
    """The translated label of a sub-category code (the code itself when unknown)."""
    try:
        return translate("SubCategory", SubCategory(code).label)
    except ValueError:
        return code


def sex_short(code: str) -> str:
    """L or P in Indonesian, M or F in English (the code itself when unknown)."""
    try:
        return translate("RosterModel", SEX_SHORT[Sex(code)])
    except ValueError:
        return code


def sex_text(code: str) -> str:
    """Laki-laki or Perempuan, translated."""
    try:
        return translate("Sex", Sex(code).label)
    except ValueError:
        return code


def status_text(code: str) -> str:
    """The translated label of a worker status code."""
    try:
        return translate("WorkerStatus", WorkerStatus(code).label)
    except ValueError:
        return code


def status_short(code: str) -> str:
    """A worker status as the table shows it, short (the code itself when unknown)."""
    try:
        return translate("RosterModel", STATUS_SHORT[WorkerStatus(code)])
    except ValueError:
        return code


def header_text(column: int) -> str:
    """A column's header, translated."""
    return translate("RosterModel", COLUMNS[column])


class RosterModel(QAbstractTableModel):
    """Workers in display order, fetched from :class:`RosterService` as the view scrolls."""

    sortRequested = Signal()

    def __init__(self, roster: RosterService, parent: Any = None) -> None:
        super().__init__(parent)
        self._roster = roster
        self._ids: array[int] = array("q")
        self._pages: OrderedDict[int, dict[int, WorkerRow]] = OrderedDict()
        self._full_kpj = False
        self._today = date.today()
        self.sort_key = RosterSort.NAME
        self.descending = False
        self.sort_column = COL_NAME

    # ---- state ---------------------------------------------------------------------------

    def set_ids(self, ids: array[int]) -> None:
        """Show these workers (row ids in display order)."""
        self.beginResetModel()
        self._ids = ids
        self._pages.clear()
        self._today = date.today()
        self.endResetModel()

    def refresh_rows(self) -> None:
        """Forget the fetched rows (after an edit) and repaint with fresh ones."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def set_full_kpj(self, full: bool) -> None:
        """Show KPJ numbers in full (True) or masked."""
        self._full_kpj = full
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_KPJ), self.index(len(self._ids) - 1, COL_KPJ))

    @property
    def ids(self) -> array[int]:
        """The row ids shown, in display order."""
        return self._ids

    def worker(self, row: int) -> WorkerRow | None:
        """The worker on *row*, fetching its page when needed."""
        if not 0 <= row < len(self._ids):
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            chunk = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
            page = {w.rowid: w for w in self._roster.rows(chunk)}
            self._pages[number] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page.get(self._ids[row])

    # ---- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return header_text(section)
            if role == Qt.ItemDataRole.ToolTipRole:
                return translate("RosterModel", COLUMN_TIPS[section])
            return None
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            SortRole,
            ObjectRole,
        ):
            return None
        w = self.worker(index.row())
        if w is None:
            return None
        if role == ObjectRole:
            return w
        column = index.column()
        if role == SortRole:
            return self._sort_value(w, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(w, column)
        return self._display(w, column)

    @staticmethod
    def _tooltip(w: WorkerRow, column: int) -> str | None:
        """The whole of what a cell may show cut short or abbreviated."""
        if column == COL_NAME:
            return w.name
        if column == COL_SEX:
            return sex_text(w.sex)
        if column == COL_VILLAGE:
            return f"{w.village_name or ''} ({w.village_code})".strip()
        if column == COL_DISTRICT:
            return f"{w.district_name or ''} ({w.district_code})".strip()
        if column == COL_CATEGORY:
            label = category_text(w.category)
            if w.subcategory:
                return f"{label}\n{subcategory_text(w.subcategory)}"
            return label
        if column == COL_POSITION:
            return w.position or None
        if column == COL_STATUS:
            return status_text(w.status)
        return None

    def _display(self, w: WorkerRow, column: int) -> str | None:
        if column == COL_NIK:
            return w.nik
        if column == COL_NAME:
            return w.name
        if column == COL_SEX:
            return sex_short(w.sex)
        if column == COL_BIRTH:
            return f"{short_date(w.birth_date)} ({age_on(w.birth_date, self._today)})"
        if column == COL_VILLAGE:
            return w.village_name or w.village_code
        if column == COL_DISTRICT:
            return w.district_name or w.district_code
        if column == COL_CATEGORY:
            return category_short(w.category)
        if column == COL_POSITION:
            return w.position or ""
        if column == COL_STATUS:
            return status_short(w.status)
        if column == COL_COVERAGE_END:
            return short_date(w.coverage_end)
        if column == COL_KPJ:
            if not w.kpj:
                return ""
            return w.kpj if self._full_kpj else mask_kpj(w.kpj)
        return None

    @staticmethod
    def _sort_value(w: WorkerRow, column: int) -> Any:
        values: dict[int, Any] = {
            COL_NIK: w.nik,
            COL_NAME: w.name.casefold(),
            COL_SEX: w.sex,
            COL_BIRTH: w.birth_date.isoformat(),
            COL_VILLAGE: w.village_code,
            COL_DISTRICT: w.district_code,
            COL_CATEGORY: w.category,
            COL_POSITION: w.position or "",
            COL_STATUS: w.status,
            COL_COVERAGE_END: w.coverage_end.isoformat() if w.coverage_end else "",
            COL_KPJ: w.kpj or "",
        }
        return values.get(column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask for the ids again in this column's order (the tab runs the query)."""
        key = SORTS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self.sort_key, self.descending):
            return
        self.sort_key, self.descending, self.sort_column = key, descending, column
        self.sortRequested.emit()
