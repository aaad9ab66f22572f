"""The roster as the Peserta tab and ``roster search`` see it: filter, search, sort, page."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.identifiers import mask_kpj, normalize_number
from desktop.domain.names import name_key
from desktop.services.permissions import Actor, Permission, require
from desktop.services.progress import Cancelled, CancelToken, ProgressFn, no_progress
from desktop.spreadsheets.writer import write_table
from desktop.store import roster as store

MAX_NAME_WORDS = 6


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


EXPORT_HEADER: tuple[str, ...] = (
    "NIK",
    "Nama",
    "Jenis Kelamin",
    "Tempat Lahir",
    "Tanggal Lahir",
    "Alamat",
    "Kode Desa",
    "Kode Kecamatan",
    "Kategori",
    "Subkategori",
    "Jabatan",
    "No. KPJ",
    "No. KK",
    "Mulai",
    "Akhir",
    "Status",
    "No. HP",
)
"""Export columns: headers the roster import recognises, so an export re-imports as is."""


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

            def lines() -> Iterator[tuple[str | int | date | None, ...]]:
                for done, r in enumerate(store.iter_matching(conn, criteria, today=day), 1):
                    if done % 2_000 == 0:
                        if token():
                            raise Cancelled
                        progress(done, total, stage)
                    kpj = r["kpj"]
                    yield (
                        r["nik"],
                        r["name"],
                        r["sex"],
                        r["birth_place"],
                        r["birth_date"],
                        r["address"],
                        r["village_code"],
                        r["district_code"],
                        r["category"],
                        r["subcategory"],
                        r["position"],
                        kpj if full_numbers or not kpj else mask_kpj(kpj),
                        r["kk"],
                        r["coverage_start"],
                        r["coverage_end"],
                        r["status"],
                        r["phone"],
                    )

            try:
                count = write_table(path, EXPORT_HEADER, lines(), sheet="Peserta")
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
