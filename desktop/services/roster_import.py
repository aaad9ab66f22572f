"""Importing the roster spreadsheets villages send: preview first, then all or nothing.

``preview`` reads a file, finds its header, guesses (or takes) the column mapping and gives
every data row a verdict, writing nothing. ``run`` writes the good rows in one unit of work:
new NIKs are inserted in bulk, known NIKs update their worker with the fields that changed
(or are skipped), and rows with errors are returned for the error report. Cancelling or a
failure leaves the database as it was. Given a file rather than a preview, ``run`` judges the
rows as it writes them, so that Python judging a batch and SQLite writing the last one keep
both cores busy.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import Engine

from desktop.domain.categories import Category, FundingSource, WorkerStatus
from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.services.office import OfficeService
from desktop.services.permissions import Permission, require
from desktop.services.progress import Cancelled, CancelToken, ProgressFn, no_progress
from desktop.spreadsheets.columns import (
    HEADER_SCAN_ROWS,
    ColumnMapping,
    HeaderGuess,
    find_roster_header,
    guess_mapping,
)
from desktop.spreadsheets.reader import Cell, UnreadableSheet, read_sheet
from desktop.spreadsheets.roster_rows import (
    RegionMaster,
    RowCounts,
    RowReader,
    RowVerdict,
    count,
    data_rows,
    iter_verdicts,
    nik_of_row,
    niks_look_rounded,
)
from desktop.store import models, queries
from desktop.store import roster_import as store
from desktop.store.process import COLLECTOR_PAUSED
from desktop.store.unit_of_work import Actor, UnitOfWork, WriteCancelled

ExistingPolicy = Literal["update", "skip"]

DEFAULT_PROGRAMMES = "JKK,JKM"
DEFAULT_DECLARED_INCOME = 1_000_000
UPDATE_CHECK_EVERY = 500
DEFER_INDEXES_FROM = 20_000
BIG_LOAD = 50_000  # from here the import runs with a rollback journal (see UnitOfWork)
# New workers per batch: one is written while the next is prepared (and, from a file, judged).
BATCH = 10_000


def _sheet_error(code: str, template: str, /, **params: object) -> UnreadableSheet:
    return UnreadableSheet(Finding.error(code, template, **params))


@dataclass(frozen=True)
class ImportPreview:
    """What a file would import: nothing has been written."""

    path: Path
    kind: str
    header_row: int  # spreadsheet row number (1-based) of the header
    header: tuple[Cell, ...]
    mapping: ColumnMapping
    rows: Sequence[RowVerdict]
    counts: RowCounts
    category: Category | None = None

    @property
    def accepted(self) -> list[RowVerdict]:
        """Rows that would be imported (ok or warning)."""
        return [r for r in self.rows if r.ok]

    @property
    def rejected(self) -> list[RowVerdict]:
        """Rows with errors, which are not imported."""
        return [r for r in self.rows if not r.ok]


@dataclass
class ImportResult:
    """What an import did; *rejected* rows go to the error report."""

    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0  # known NIKs left alone (existing="skip")
    rejected: list[RowVerdict] = field(default_factory=list)
    header: tuple[Cell, ...] = ()
    # Imported rows with something to look at again (a date far ahead, a NIK that
    # disagrees with the birth date ...).
    warned: list[RowVerdict] = field(default_factory=list)


def _as_category(category: str | Category | None) -> Category | None:
    if category is None or category == "":
        return None
    if isinstance(category, Category):
        return category
    from desktop.domain.categories import category_from_label

    found = category_from_label(category)
    if found is None:
        raise _sheet_error(
            "import.file_category",
            QT_TRANSLATE_NOOP(
                "Finding", 'Kategori "{text}" tidak dikenali. Pakai salah satu: {choices}.'
            ),
            text=str(category)[:60],
            choices=", ".join(c.value for c in Category),
        )
    return found


def _defer_indexes(uow: UnitOfWork, new_rows: int) -> bool:
    """Rebuild the worker indexes after the load when it outgrows the roster already there.

    Keeping seven indexes up to date row by row costs more than building them once when the
    load is big and the table small (a first import of a whole regency); for a small import
    into a big roster, the rebuild would cost more than it saves.
    """
    if new_rows < DEFER_INDEXES_FROM:
        return False
    existing = queries.table_counts(uow.connection, ("worker",))["worker"]
    return new_rows > existing


class RosterImportService:
    """Roster import from CSV, XLSX, XLS and ODS files."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._office = OfficeService(engine)

    # -- preview ---------------------------------------------------------------------------

    def preview(
        self,
        path: Path,
        *,
        category: str | Category | None = None,
        mapping: ColumnMapping | None = None,
        today: date | None = None,
        need_nik: bool = True,
    ) -> ImportPreview:
        """Read *path* and judge every row; raise :class:`UnreadableSheet` for an unusable file.

        *mapping* (e.g. corrected by the user, or remembered) replaces the guessed one;
        *category* is used for rows whose category neither a Kategori column nor the
        position gives. With *need_nik* False, a file whose NIK column is not known (by its
        header or *mapping*) is still previewed, every row rejected for want of a NIK, so
        that the user can pick the column.
        """
        with COLLECTOR_PAUSED.held():
            plan = self._plan(
                Path(path), category=category, mapping=mapping, today=today, need_nik=need_nik
            )
            verdicts = list(iter_verdicts(plan.rows, plan.data_rows, plan.reader))
        return ImportPreview(
            path=plan.path,
            kind=plan.kind,
            header_row=plan.header_index + 1,
            header=plan.header,
            mapping=plan.reader.mapping,
            rows=verdicts,
            counts=count(verdicts),
            category=plan.category,
        )

    def _plan(
        self,
        path: Path,
        *,
        category: str | Category | None,
        mapping: ColumnMapping | None,
        today: date | None = None,
        need_nik: bool = True,
    ) -> _Plan:
        """Read *path*, find its header, data rows and mapping: all but judging the rows."""
        file_category = _as_category(category)
        sheet = read_sheet(path)
        if not any(any(c not in (None, "") for c in row) for row in sheet.rows):
            raise _sheet_error(
                "sheet.empty",
                QT_TRANSLATE_NOOP(
                    "Finding", "Berkas {file} kosong. Pilih berkas yang berisi data."
                ),
                file=path.name,
            )
        guess = find_roster_header(sheet.rows)
        if guess is None:
            # No row names a NIK column beside another field: a row that names the NIK
            # alone, else the one that names the most fields (under title rows too).
            guess = _best_named_row(sheet.rows)
        if mapping is not None:
            header_index, header = guess.row_index, guess.cells
        else:
            header_index, header, mapping = guess.row_index, guess.cells, guess.mapping
        if mapping.get("nik") is None and need_nik:
            raise _sheet_error(
                "import.no_nik_column",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Berkas {file} tidak punya kolom NIK di baris judulnya (dicari di 30 baris "
                    'pertama). Beri judul "NIK" pada kolom itu, atau pilih kolomnya sendiri.',
                ),
                file=path.name,
            )
        info = self._office.require_info()
        scope = info.region_code
        with self._engine.connect() as conn:
            districts = store.regions_in_scope(conn, scope, 3)
            villages = store.regions_in_scope(conn, scope, 4)
            known = store.district_codes(conn)
        master = RegionMaster(scope, districts, villages)
        reader = RowReader(
            mapping,
            master,
            category=file_category,
            known_area=known.__contains__ if known else None,
            today=today,
        )
        indexes = data_rows(sheet.rows, header_index, reader)
        if not indexes:
            raise _sheet_error(
                "import.no_rows",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Berkas {file} tidak berisi satu pun baris data di bawah baris judul "
                    "(baris {row}).",
                ),
                file=path.name,
                row=header_index + 1,
            )
        rounded = (
            niks_look_rounded(sheet.rows, indexes, mapping.columns["nik"])
            if mapping.get("nik") is not None
            else 0
        )
        if rounded:
            raise _sheet_error(
                "import.nik_rounded",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Semua {count} NIK di berkas {file} berakhir dengan angka 0: tanda Excel "
                    "membulatkannya ke 15 angka, jadi angka terakhirnya hilang. Ambil NIK dari "
                    "sumber aslinya, format kolom NIK sebagai Teks, lalu simpan lagi.",
                ),
                count=rounded,
                file=path.name,
            )
        return _Plan(
            path=path,
            kind=sheet.kind,
            rows=sheet.rows,
            header_index=header_index,
            header=header,
            data_rows=indexes,
            reader=reader,
            category=file_category,
        )

    # -- run -------------------------------------------------------------------------------

    def run(
        self,
        source: ImportPreview | Path,
        *,
        actor: Actor,
        existing: ExistingPolicy = "update",
        category: str | Category | None = None,
        mapping: ColumnMapping | None = None,
        progress: ProgressFn = no_progress,
        cancel: CancelToken | None = None,
    ) -> ImportResult:
        """Import the good rows of a preview (or of a file) in one transaction.

        A NIK already in the database updates that worker with the fields that differ
        (``existing="update"``; none differ → "unchanged") or is left alone
        (``existing="skip"``). Cancel → :class:`Cancelled`, database unchanged.

        Given a file, the rows are judged while they are written: each batch of new workers
        is written by SQLite on a second thread while the next batch is judged here.
        """
        require(actor, Permission.EDIT_ROSTER)
        with COLLECTOR_PAUSED.held():
            return self._run(
                source,
                actor=actor,
                existing=existing,
                category=category,
                mapping=mapping,
                progress=progress,
                token=cancel or CancelToken(),
            )

    def _run(
        self,
        source: ImportPreview | Path,
        *,
        actor: Actor,
        existing: ExistingPolicy,
        category: str | Category | None,
        mapping: ColumnMapping | None,
        progress: ProgressFn,
        token: CancelToken,
    ) -> ImportResult:
        if isinstance(source, ImportPreview):
            good = source.accepted
            return self._write(
                source.path,
                good,
                [r.values["nik"] for r in good],
                ImportResult(
                    rejected=source.rejected,
                    header=source.header,
                    warned=[r for r in good if r.findings],
                ),
                actor=actor,
                existing=existing,
                progress=progress,
                token=token,
            )
        progress(0, 0, QT_TRANSLATE_NOOP("Progress", "Membaca berkas"))
        plan = self._plan(Path(source), category=category, mapping=mapping)
        rows, reader = plan.rows, plan.reader
        return self._write(
            plan.path,
            iter_verdicts(rows, plan.data_rows, reader),
            [nik_of_row(rows[index], reader) for index in plan.data_rows],
            ImportResult(header=plan.header),
            actor=actor,
            existing=existing,
            progress=progress,
            token=token,
        )

    def _write(
        self,
        path: Path,
        verdicts: Iterable[RowVerdict],
        niks: Sequence[str],
        result: ImportResult,
        *,
        actor: Actor,
        existing: ExistingPolicy,
        progress: ProgressFn,
        token: CancelToken,
    ) -> ImportResult:
        """Write the good rows among *verdicts* as they come (a generator may judge them
        only now); rejected ones go to *result*. *niks* has one NIK per verdict: the row's,
        or the one it would have if valid."""
        if token():
            raise Cancelled
        expected = len(niks)
        big = expected >= BIG_LOAD
        if big:
            self._engine.dispose()  # idle pooled connections would keep SQLite in WAL
        try:
            with UnitOfWork(
                self._engine,
                actor,
                action="roster.import",
                summary=f"Impor peserta dari {path.name}",
                rollback_journal=big,
            ) as uow:
                progress(0, expected, QT_TRANSLATE_NOOP("Progress", "Mencocokkan NIK"))
                known = store.workers_by_nik(uow.connection, niks)
                # Exact for a preview's good rows (their NIKs differ); from a file, an upper
                # bound until the rows are judged (rejected rows are counted in).
                new = max(expected - len(known), 0)
                changes: list[tuple[str, dict[str, Any]]] = []

                def new_workers() -> Iterator[dict[str, Any]]:
                    for verdict in verdicts:
                        if not verdict.ok:
                            result.rejected.append(verdict)
                            continue
                        if verdict.findings:
                            result.warned.append(verdict)
                        values = verdict.values
                        current = known.get(values["nik"])
                        if current is None:
                            yield _new_worker(values)
                        elif existing == "skip":
                            result.skipped += 1
                        else:
                            diff = _changed(current, values)
                            if diff:
                                changes.append((str(current["id"]), diff))
                            else:
                                result.unchanged += 1

                stage = QT_TRANSLATE_NOOP("Progress", "Menyimpan peserta baru")
                progress(0, new, stage)
                result.imported = len(
                    uow.bulk_insert(
                        models.Worker,
                        new_workers(),
                        total=new,
                        progress=lambda done, all_: progress(done, max(done, all_), stage),
                        cancel=token,
                        batch_size=BATCH,
                        defer_indexes=_defer_indexes(uow, new),
                    )
                )
                if result.imported != new:
                    progress(result.imported, result.imported, stage)
                if token():
                    raise WriteCancelled
                stage = QT_TRANSLATE_NOOP("Progress", "Memperbarui peserta")
                for done, (row_id, diff) in enumerate(changes, start=1):
                    if done % UPDATE_CHECK_EVERY == 0:
                        if token():
                            raise WriteCancelled
                        progress(done, len(changes), stage)
                    if uow.update(models.Worker, row_id, diff):
                        result.updated += 1
                    else:
                        result.unchanged += 1
                if token():
                    raise WriteCancelled
        except WriteCancelled as exc:
            raise Cancelled from exc
        return result


def _best_named_row(rows: Sequence[Sequence[Cell]]) -> HeaderGuess:
    """The header of a file :func:`find_roster_header` found none in: among the first rows,
    one that names a NIK column (with no other field we know), else the one that names the
    most fields; the first row on a tie or when none names any."""

    def rank(guess: HeaderGuess) -> tuple[bool, int]:
        return "nik" in guess.mapping.columns, len(guess.mapping.columns)

    best = HeaderGuess(0, tuple(rows[0]) if rows else (), guess_mapping(rows[0] if rows else ()))
    for index, row in enumerate(rows[1:HEADER_SCAN_ROWS], start=1):
        guess = HeaderGuess(index, tuple(row), guess_mapping(row))
        if rank(guess) > rank(best):
            best = guess
    return best


@dataclass(frozen=True)
class _Plan:
    """A file read and understood, its rows not judged yet."""

    path: Path
    kind: str
    rows: Sequence[Sequence[Cell]]
    header_index: int  # 0-based index of the (last) header row; data follows it
    header: tuple[Cell, ...]
    data_rows: list[int]
    reader: RowReader
    category: Category | None


# What a new worker gets when its row leaves the cell empty (or the file has no such column).
_NEW_WORKER = {
    "programmes": DEFAULT_PROGRAMMES,
    "declared_income": DEFAULT_DECLARED_INCOME,
    "funding_source": FundingSource.APBD.value,
    "status": WorkerStatus.AKTIF.value,
}


def _new_worker(values: Mapping[str, Any]) -> dict[str, Any]:
    # A row's values hold exactly the imported columns (RowReader.read fills every one).
    worker = dict(values)
    for name, default in _NEW_WORKER.items():
        if worker[name] is None:
            worker[name] = default
    return worker


def _stored(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _changed(current: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """The imported fields that differ from the stored worker; an empty cell changes nothing.

    Some fields follow another even to none. The sub-category follows the category and the
    position: when either changes, it is the row's (a Ketua RT filed again as Pekerja Rentan
    is no longer a ketua_rt). The reason and the date of death follow the status, as the
    status form sets them (a worker made Aktif again keeps neither).
    """
    diff: dict[str, Any] = {}
    for name in store.IMPORTED_COLUMNS:
        new = values.get(name)
        if new is None or new == "":
            continue
        if _stored(new) != current.get(name):
            diff[name] = new
    for leader, followers in _FOLLOWERS:
        if any(name in diff for name in leader):
            for name in followers:
                if name not in diff and values.get(name) is None and current.get(name):
                    diff[name] = None
    return diff


# (fields, the fields that follow them even to none): see _changed.
_FOLLOWERS = (
    (("category", "position"), ("subcategory",)),
    (("status",), ("status_reason", "death_date")),
)
