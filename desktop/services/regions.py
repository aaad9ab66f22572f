"""The region master: importing Kemendagri region lists and looking regions up."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from desktop.domain.authority import may_set
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.regions import RegionCode
from desktop.services.permissions import Permission, require
from desktop.services.progress import Cancelled, CancelToken, ProgressFn, no_progress
from desktop.spreadsheets.reader import UnreadableSheet, cell_text, find_header, read_sheet
from desktop.store import models, queries
from desktop.store.ids import stable_id
from desktop.store.unit_of_work import Actor, UnitOfWork, WriteCancelled


@dataclass(frozen=True)
class RowProblem:
    """A row of an input file that was not taken, and why."""

    row: int  # 1-based row number as the spreadsheet shows it
    finding: Finding


@dataclass
class RegionImportResult:
    """What a region import did."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowProblem] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Rows read from the file (rejected included)."""
        return self.added + self.updated + self.unchanged + len(self.rejected)


@dataclass(frozen=True)
class RegionRow:
    """A region as the UI shows it."""

    code: str
    name: str
    level: int


def _sheet_error(code: str, template: str, **params: object) -> UnreadableSheet:
    return UnreadableSheet(Finding.error(code, template, **params))


class RegionService:
    """Region master import and look-ups."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def read_file(self, path: Path) -> tuple[dict[str, str], list[RowProblem]]:
        """Read and check a region list: code → name for the good rows, problems for the rest."""
        sheet = read_sheet(path)
        header = find_header(sheet.rows, ("kode", "nama"))
        if header is None:
            raise _sheet_error(
                "regions.no_header",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    'Berkas {file} tidak punya kolom "kode" dan "nama" di baris judulnya. '
                    "Tambahkan kedua judul kolom itu lalu impor lagi.",
                ),
                file=Path(path).name,
            )
        header_index, columns = header
        code_col, name_col = columns["kode"], columns["nama"]
        regions: dict[str, str] = {}
        first_row: dict[str, int] = {}
        problems: list[RowProblem] = []
        for index in range(header_index + 1, len(sheet.rows)):
            row = sheet.rows[index]
            raw_code = cell_text(row[code_col]) if code_col < len(row) else ""
            name = " ".join(cell_text(row[name_col]).split()) if name_col < len(row) else ""
            line = index + 1
            if not raw_code and not name:
                continue  # blank line
            try:
                code = RegionCode.parse(raw_code).dotted
            except DomainError as exc:
                problems.append(RowProblem(line, exc.finding))
                continue
            if not name:
                problems.append(
                    RowProblem(
                        line,
                        Finding.error(
                            "regions.name_empty",
                            QT_TRANSLATE_NOOP(
                                "Finding", "Baris {row}: nama wilayah {code} kosong. Isi namanya."
                            ),
                            row=line,
                            code=code,
                        ),
                    )
                )
                continue
            if code in regions:
                if regions[code] != name:
                    problems.append(
                        RowProblem(
                            line,
                            Finding.error(
                                "regions.duplicate",
                                QT_TRANSLATE_NOOP(
                                    "Finding",
                                    "Baris {row}: kode {code} sudah ada di baris {first} dengan "
                                    "nama lain ({other}). Hapus salah satu.",
                                ),
                                row=line,
                                code=code,
                                first=first_row[code],
                                other=regions[code],
                            ),
                        )
                    )
                continue
            regions[code] = name
            first_row[code] = line
        if not regions and not problems:
            raise _sheet_error(
                "regions.empty",
                QT_TRANSLATE_NOOP(
                    "Finding", "Berkas {file} tidak berisi satu pun wilayah di bawah judul kolom."
                ),
                file=Path(path).name,
            )
        return regions, problems

    def import_file(
        self,
        path: Path,
        *,
        actor: Actor,
        progress: ProgressFn = no_progress,
        cancel: CancelToken | None = None,
    ) -> RegionImportResult:
        """Import a region list (CSV/XLSX with ``kode`` and ``nama``): add new codes, rename.

        All or nothing: a cancel or failure leaves the database as it was.
        """
        require(actor, Permission.MANAGE_REGIONS)
        with self._engine.connect() as conn:
            state = queries.local_state(conn)
        if state is not None and not may_set(str(state["office_kind"]), "region", "code", None):
            # A laptop's bundle carrying region rows would be refused whole at the hub.
            raise DomainError(
                Finding.error(
                    "regions.hub_only",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Data wilayah diatur oleh kantor kabupaten dan dikirim ke laptop "
                        "kecamatan lewat sinkronisasi. Minta kantor kabupaten mengimpor daftar "
                        "wilayah itu, lalu terima paketnya.",
                    ),
                )
            )
        progress(0, 0, QT_TRANSLATE_NOOP("Progress", "Membaca berkas"))
        regions, problems = self.read_file(path)
        result = RegionImportResult(rejected=problems)
        token = cancel or CancelToken()
        if token():
            raise Cancelled
        try:
            with UnitOfWork(
                self._engine,
                actor,
                action="regions.import",
                summary=f"Impor wilayah dari {Path(path).name}",
            ) as uow:
                existing = queries.region_index(uow.connection)
                new_rows: list[Mapping[str, Any]] = []
                for code, name in sorted(regions.items(), key=lambda item: _sort_key(item[0])):
                    known = existing.get(code)
                    if known is None:
                        parsed = RegionCode.parse(code)
                        parent = parsed.parent
                        new_rows.append(
                            {
                                "id": stable_id("region", code),
                                "code": code,
                                "name": name,
                                "level": int(parsed.level),
                                "parent_code": parent.dotted if parent else None,
                            }
                        )
                    elif known[1] != name:
                        uow.update(models.Region, known[0], {"name": name, "deleted": False})
                        result.updated += 1
                    else:
                        result.unchanged += 1
                total = len(new_rows)
                stage = QT_TRANSLATE_NOOP("Progress", "Menyimpan wilayah")
                progress(0, total, stage)
                uow.bulk_insert(
                    models.Region,
                    new_rows,
                    total=total,
                    progress=lambda done, all_: progress(done, all_, stage),
                    cancel=token,
                )
                result.added = total
        except WriteCancelled as exc:
            raise Cancelled from exc
        return result

    def children(self, parent_code: str | None) -> list[RegionRow]:
        """Return the regions directly under *parent_code* (provinces for None)."""
        with self._engine.connect() as conn:
            return [RegionRow(c, n, lv) for c, n, lv in queries.region_children(conn, parent_code)]

    def area_children(self, parent_code: str | None) -> list[RegionRow]:
        """:meth:`children`, kept to the office's own area: the way down to its regency (the
        hub) or kecamatan (a laptop), and everything below it, whatever else the region
        list holds (such as all of Indonesia)."""
        with self._engine.connect() as conn:
            state = queries.local_state(conn)
            rows = queries.region_children(conn, parent_code)
        if state is None:
            return [RegionRow(c, n, lv) for c, n, lv in rows]
        own = str(state["office_region"])
        return [
            RegionRow(c, n, lv)
            for c, n, lv in rows
            if c == own or own.startswith(c + ".") or c.startswith(own + ".")
        ]

    def name_of(self, code: str) -> str | None:
        """Return the name of a region code, or None when unknown."""
        with self._engine.connect() as conn:
            return queries.region_name(conn, code)

    def office_districts(self) -> list[tuple[str, str]]:
        """The kecamatan this office works in, as (code, "16.02.05 — Kayu Agung"): a
        kecamatan laptop its own, the regency hub those of its regency (whatever else the
        region list holds, such as the whole national list)."""
        with self._engine.connect() as conn:
            state = queries.local_state(conn)
            if state is None:
                rows = queries.regions_under(conn, "", 3)
            elif state["office_kind"] == "kecamatan":
                own = str(state["office_region"])
                rows = [
                    (code, name)
                    for code, name in queries.regions_under(conn, own, 3)
                    if code == own
                ]
            else:
                rows = queries.regions_under(conn, str(state["office_region"]) + ".", 3)
        return [(code, f"{code} \u2014 {name}") for code, name in rows]

    def known_area(self) -> set[str]:
        """Return every district (kecamatan) code in the master, for NIK area checks."""
        with self._engine.connect() as conn:
            return {code for code, _ in queries.regions_under(conn, "", 3)}


def _sort_key(code: str) -> tuple[int, str]:
    # Parents before children, so a tree is always whole at every point of the insert.
    return code.count("."), code
