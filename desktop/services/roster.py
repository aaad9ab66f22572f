"""The roster as the Peserta tab and ``roster search`` see it: filter, search, sort, page."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from desktop.domain.categories import Category, FundingSource, Sex, SubCategory, WorkerStatus
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.identifiers import mask_kpj, normalize_number
from desktop.domain.names import name_key
from desktop.services.permissions import Actor, Permission, require
from desktop.services.progress import Cancelled, CancelToken, ProgressFn, no_progress
from desktop.spreadsheets.writer import write_table
from desktop.store import roster as store

MAX_NAME_WORDS = 6
ExportValue = str | int | date | None


class RosterSort(StrEnum):
    """Columns the roster can be sorted by."""

    NAME = "name"
    NIK = "nik"
    SEX = "sex"
    BIRTH_DATE = "birth_date"
    VILLAGE = "village"
    DISTRICT = "district"
    CATEGORY = "category"
    POSITION = "position"
    STATUS = "status"
    COVERAGE_END = "coverage_end"


@dataclass(frozen=True)
class RosterFilter:
    """What the user asked to see."""

    district_code: str | None = None
    village_code: str | None = None
    category: str | None = None
    status: str | None = None
    ends_within_days: int | None = None
    text: str = ""


@dataclass(frozen=True)
class WorkerRow:
    """One line of the roster table."""

    rowid: int
    id: str
    nik: str
    name: str
    sex: str
    birth_date: date
    village_code: str
    village_name: str | None
    district_code: str
    district_name: str | None
    category: str
    subcategory: str | None
    position: str | None
    kpj: str | None
    status: str
    coverage_start: date | None
    coverage_end: date | None


def criteria_for(flt: RosterFilter) -> store.RosterCriteria:
    """Turn the user's filter and search text into query criteria.

    Text made of digits (spaces, dots and a leading apostrophe allowed) searches NIKs by
    prefix; anything else searches names by words, in any order, ignoring case and accents.
    """
    text = flt.text.strip()
    nik_prefix = None
    words: tuple[str, ...] = ()
    if text:
        digits = normalize_number(text)
        if digits.isdigit():
            nik_prefix = digits  # more than 16 digits: no NIK starts so, nothing is found
        else:
            words = tuple(dict.fromkeys(name_key(text).split()))[:MAX_NAME_WORDS]
    return store.RosterCriteria(
        district_code=flt.district_code or None,
        village_code=flt.village_code or None,
        category=flt.category or None,
        status=flt.status or None,
        ends_within_days=flt.ends_within_days,
        nik_prefix=nik_prefix,
        name_words=words,
    )


# The export's columns: (header, the store's column it shows). What the roster shows, in
# Indonesian: labels, not codes; the desa and kecamatan by name, with their codes beside them;
# dates as dd-mm-yyyy (real date cells in XLSX). Every header is one the roster import
# recognises, and every value one it reads back, so an export imports whole.
EXPORT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("NIK", "nik"),
    ("Nama", "name"),
    ("Jenis Kelamin", "sex"),
    ("Tempat Lahir", "birth_place"),
    ("Tanggal Lahir", "birth_date"),
    ("Alamat", "address"),
    ("Desa/Kelurahan", "village_name"),
    ("Kecamatan", "district_name"),
    ("Kode Desa", "village_code"),
    ("Kode Kecamatan", "district_code"),
    ("Kategori", "category"),
    ("Sub-kategori", "subcategory"),
    ("Jabatan", "position"),
    ("No. KPJ", "kpj"),
    ("No. KK", "kk"),
    ("Program", "programmes"),
    ("Penghasilan", "declared_income"),
    ("Sumber Dana", "funding_source"),
    ("Mulai Kepesertaan", "coverage_start"),
    ("Akhir Kepesertaan", "coverage_end"),
    ("Status", "status"),
    ("Alasan Status", "status_reason"),
    ("Tanggal Meninggal", "death_date"),
    ("No. HP", "phone"),
)
EXPORT_HEADER: tuple[str, ...] = tuple(header for header, _ in EXPORT_COLUMNS)
# Column widths of the XLSX (characters), so that it reads without widening columns.
_EXPORT_WIDTHS = {
    "NIK": 19, "Nama": 28, "Jenis Kelamin": 12, "Tempat Lahir": 16, "Tanggal Lahir": 12,
    "Alamat": 32, "Desa/Kelurahan": 20, "Kecamatan": 18, "Kode Desa": 14,
    "Kode Kecamatan": 11, "Kategori": 24, "Sub-kategori": 26, "Jabatan": 24, "No. KPJ": 13,
    "No. KK": 19, "Program": 14, "Penghasilan": 12, "Sumber Dana": 15,
    "Mulai Kepesertaan": 12, "Akhir Kepesertaan": 12, "Status": 15, "Alasan Status": 24,
    "Tanggal Meninggal": 12, "No. HP": 15,
}  # fmt: skip
# Labels by stored code: the Indonesian text the roster shows (see domain.categories).
_LABELS: dict[str, dict[str, str]] = {
    "sex": {s.value: s.label for s in Sex},
    "category": {c.value: c.label for c in Category},
    "subcategory": {s.value: s.label for s in SubCategory},
    "funding_source": {f.value: f.label for f in FundingSource},
    "status": {s.value: s.label for s in WorkerStatus},
}


def _day_month_year(iso: str) -> str:
    """A stored date ("1980-09-02") as the roster shows it: "02-09-1980"."""
    return f"{iso[8:10]}-{iso[5:7]}-{iso[:4]}"


def _export_lines(
    rows: Iterable[Sequence[Any]], *, xlsx: bool, full_numbers: bool
) -> Iterator[tuple[ExportValue, ...]]:
    """The file's cells of each row of the store's export columns (see EXPORT_COLUMNS)."""
    sexes, categories, subs = _LABELS["sex"], _LABELS["category"], _LABELS["subcategory"]
    funding, statuses = _LABELS["funding_source"], _LABELS["status"]
    day: Callable[[str], ExportValue] = date.fromisoformat if xlsx else _day_month_year
    for (
        nik, name, sex, place, born, address, village_name, district_name, village, district,
        category, sub, position, kpj, kk, programmes, income, fund, start, end, status,
        reason, death, phone,
    ) in rows:  # fmt: skip
        yield (
            nik, name, sexes.get(sex, sex), place, day(born), address, village_name,
            district_name, village, district, categories.get(category, category),
            subs.get(sub, sub) if sub else None, position,
            kpj if full_numbers or not kpj else mask_kpj(kpj), kk,
            ", ".join(programmes.split(",")) if programmes else None, income,
            funding.get(fund, fund), day(start) if start else None,
            day(end) if end else None, statuses.get(status, status), reason,
            day(death) if death else None, phone,
        )  # fmt: skip


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    rows: int
    full_numbers: bool


class RosterService:
    """Read access to the roster for tables, searches and exports."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def matching_ids(
        self,
        flt: RosterFilter,
        *,
        sort: RosterSort = RosterSort.NAME,
        descending: bool = False,
        today: date | None = None,
    ) -> array[int]:
        """Return the row ids of the matching workers in display order."""
        with self._engine.connect() as conn:
            return store.matching_rowids(
                conn,
                criteria_for(flt),
                sort=sort.value,
                descending=descending,
                today=today or date.today(),
            )

    def count(self, flt: RosterFilter, *, today: date | None = None) -> int:
        """Return how many workers match."""
        with self._engine.connect() as conn:
            return store.count_matching(conn, criteria_for(flt), today=today or date.today())

    def export(
        self,
        flt: RosterFilter,
        path: Path,
        *,
        actor: Actor,
        full_numbers: bool = False,
        progress: ProgressFn = no_progress,
        cancel: CancelToken | None = None,
        today: date | None = None,
    ) -> ExportResult:
        """Write the filtered roster to XLSX or CSV (by suffix), KPJ masked unless allowed.

        Full KPJ numbers need the VIEW_FULL_NUMBERS permission. The file appears only once
        complete; a cancel leaves no file.
        """
        require(actor, Permission.VIEW)
        if full_numbers:
            require(actor, Permission.VIEW_FULL_NUMBERS)
        path = Path(path)
        if path.suffix.lower() not in {".xlsx", ".csv"}:
            raise DomainError(
                Finding.error(
                    "export.format",
                    QT_TRANSLATE_NOOP(
                        "Finding", "Ekspor hanya ke berkas .xlsx atau .csv, bukan {file}."
                    ),
                    file=path.name,
                )
            )
        if not path.parent.is_dir():
            raise DomainError(
                Finding.error(
                    "export.folder",
                    QT_TRANSLATE_NOOP(
                        "Finding", "Folder {folder} tidak ada. Pilih folder lain untuk ekspor."
                    ),
                    folder=str(path.parent),
                )
            )
        token = cancel or CancelToken()
        criteria = criteria_for(flt)
        day = today or date.today()
        stage = QT_TRANSLATE_NOOP("Progress", "Mengekspor peserta")
        with self._engine.connect() as conn:
            total = store.count_matching(conn, criteria, today=day)
            progress(0, total, stage)

            def rows() -> Iterator[Sequence[Any]]:
                for done, r in enumerate(store.iter_export(conn, criteria, today=day), 1):
                    if done % 2_000 == 0:
                        if token():
                            raise Cancelled
                        progress(done, total, stage)
                    yield r

            xlsx = path.suffix.lower() == ".xlsx"
            lines = _export_lines(rows(), xlsx=xlsx, full_numbers=full_numbers)

            widths = {i: _EXPORT_WIDTHS[h] for i, h in enumerate(EXPORT_HEADER)}
            try:
                count = write_table(path, EXPORT_HEADER, lines, sheet="Peserta", widths=widths)
            except OSError as exc:
                raise DomainError(
                    Finding.error(
                        "export.write",
                        QT_TRANSLATE_NOOP(
                            "Finding", "Berkas {file} tidak dapat ditulis ({reason})."
                        ),
                        file=path.name,
                        reason=exc.strerror or type(exc).__name__,
                    )
                ) from exc
        progress(count, total, stage)
        return ExportResult(path=path, rows=count, full_numbers=full_numbers)

    def rows(self, rowids: Sequence[int]) -> list[WorkerRow]:
        """Return the workers with these row ids, in the order given."""
        with self._engine.connect() as conn:
            found = store.rows_by_rowid(conn, rowids)
        return [
            WorkerRow(
                rowid=r["rowid"],
                id=r["id"],
                nik=r["nik"],
                name=r["name"],
                sex=r["sex"],
                birth_date=r["birth_date"],
                village_code=r["village_code"],
                village_name=r["village_name"],
                district_code=r["district_code"],
                district_name=r["district_name"],
                category=r["category"],
                subcategory=r["subcategory"],
                position=r["position"],
                kpj=r["kpj"],
                status=r["status"],
                coverage_start=r["coverage_start"],
                coverage_end=r["coverage_end"],
            )
            for r in found
        ]
