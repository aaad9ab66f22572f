"""The roster table model: sorted row ids in memory, rows fetched a page at a time.

With a million workers the model holds 8 MB of ids and a few pages of rows; the view asks
only for the rows it paints. Sorting and filtering happen in SQL (the tab re-queries the ids
and hands them over with :meth:`RosterModel.set_ids`). The paging, the header and the sort
are common to the list tabs (desktop.ui.windowed); the roster's columns and texts are here.
"""

from __future__ import annotations

from array import array
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt

from desktop.domain.categories import Category, Sex, SubCategory, WorkerStatus
from desktop.domain.dates import age_on
from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.domain.identifiers import mask_kpj
from desktop.services.roster import RosterService, RosterSort, WorkerRow
from desktop.ui.i18n import translate
from desktop.ui.windowed import AnyIndex, WindowedRowsModel
from desktop.ui.windowed import ObjectRole as ObjectRole  # the roles, for the model's users
from desktop.ui.windowed import SortRole as SortRole

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

PAGE_SIZE = 256
MAX_PAGES = 32


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


class RosterModel(WindowedRowsModel[WorkerRow, RosterSort]):
    """Workers in display order, fetched from :class:`RosterService` as the view scrolls."""

    context = "RosterModel"
    columns = COLUMNS
    column_tips = COLUMN_TIPS
    sorts = SORTS
    default_sort_column = COL_NAME

    def __init__(self, roster: RosterService, parent: QObject | None = None) -> None:
        super().__init__(parent, page_size=PAGE_SIZE, max_pages=MAX_PAGES)
        self._roster = roster
        self._full_kpj = False
        self._today = date.today()

    def _fetch(self, rowids: array[int]) -> list[WorkerRow]:
        return self._roster.rows(rowids)

    # ---- state ---------------------------------------------------------------------------

    def set_ids(self, ids: array[int]) -> None:
        """Show these workers (row ids in display order)."""
        self._today = date.today()
        super().set_ids(ids)

    def set_full_kpj(self, full: bool) -> None:
        """Show KPJ numbers in full (True) or masked."""
        self._full_kpj = full
        if self._ids:
            self.dataChanged.emit(self.index(0, COL_KPJ), self.index(len(self._ids) - 1, COL_KPJ))

    # The worker on a row, its page fetched when needed: row_at under the roster's own
    # name (data() finds it faster here than on the base class, at every paint).
    worker = WindowedRowsModel.row_at

    # ---- Qt model ------------------------------------------------------------------------

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
