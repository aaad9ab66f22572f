"""The database check: integrity, schema version, write guards and counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.domain.tables import table_name
from desktop.store import queries
from desktop.store.database import current_revision, head_revision


@dataclass
class HealthReport:
    """What ``check`` found."""

    schema_revision: str | None
    schema_head: str
    sqlite_version: str
    journal_mode: str
    counts: dict[str, int]
    problems: list[Finding] = field(default_factory=list)
    # Data that needs a person's attention but is no fault of the database (two active
    # records of one NIK, which offices apart can make and the duplicates queue settles).
    notices: list[Finding] = field(default_factory=list)
    # Why the database could only be read, when it could not be written (not a problem of
    # the database itself: its file or folder is write-protected).
    read_only: Finding | None = None

    @property
    def sound(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


class HealthService:
    """Checks that a database is sound."""

    def __init__(self, engine: Engine, *, read_only: Finding | None = None) -> None:
        self._engine = engine
        self._read_only = read_only

    def counts(self) -> dict[str, int]:
        """Return the number of rows per table (cheap; no integrity check)."""
        with self._engine.connect() as conn:
            return queries.table_counts(conn)

    def check(self) -> HealthReport:
        """Run SQLite's integrity and foreign-key checks and Sigap's own invariants."""
        revision = current_revision(self._engine)
        head = head_revision()
        with self._engine.connect() as conn:
            report = HealthReport(
                schema_revision=revision,
                schema_head=head,
                sqlite_version=queries.sqlite_version(conn),
                journal_mode=queries.journal_mode(conn),
                counts=queries.table_counts(conn),
                read_only=self._read_only,
            )
            for detail in queries.integrity_problems(conn):
                report.problems.append(
                    Finding.error(
                        "check.integrity",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "SQLite menemukan kerusakan: {detail}. Pulihkan dari cadangan.",
                        ),
                        detail=detail,
                    )
                )
            missing = queries.missing_write_guards(conn)
            if missing:
                report.problems.append(
                    Finding.error(
                        "check.guards",
                        QT_TRANSLATE_NOOP("Finding", "Pengaman tulis hilang pada tabel: {tables}."),
                        tables=", ".join(missing),
                    )
                )
            unlogged = queries.unlogged_rows(conn)
            if unlogged:
                report.problems.append(
                    Finding.error(
                        "check.unlogged",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "{count} baris ditulis di luar jalur tulis (tabel: {tables}).",
                        ),
                        count=len(unlogged),
                        tables=", ".join(sorted({table for table, _ in unlogged})),
                    )
                )
            unreadable = queries.unreadable_values(conn)
            if unreadable:
                report.problems.append(
                    Finding.error(
                        "check.unreadable",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "{count} nilai tersimpan tidak dapat dibaca (jenis atau panjangnya "
                            "tidak sesuai kolomnya), mis. {table} {row}, kolom {column}. "
                            "Data itu tidak dapat ditampilkan atau diekspor; laporkan ke "
                            "pengembang, atau pulihkan dari cadangan sebelum data itu masuk.",
                        ),
                        count=f"{len(unreadable)}+" if len(unreadable) >= 20 else len(unreadable),
                        table=table_name(unreadable[0][0]),
                        row=unreadable[0][1][-8:],
                        column=unreadable[0][2],
                    )
                )
            twins, names = queries.active_duplicate_niks(conn)
            if twins:
                report.notices.append(
                    Finding.error(
                        "check.active_duplicates",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "{count} NIK dipakai lebih dari satu peserta aktif (mis. {names}). "
                            "Satu orang hanya boleh punya satu data aktif: gabungkan di "
                            "Sinkronisasi, tab Data ganda, atau nonaktifkan data yang salah.",
                        ),
                        count=twins,
                        names=", ".join(names),
                    )
                )
            state = queries.local_state(conn)
            if state is not None and state["office_kind"] == "kecamatan":
                misplaced = queries.misplaced_workers(conn, str(state["office_region"]))
                if misplaced:
                    report.problems.append(
                        Finding.error(
                            "check.misplaced",
                            QT_TRANSLATE_NOOP(
                                "Finding",
                                "{count} peserta dibuat di laptop ini dengan desa di kecamatan "
                                "lain ({names}); kantor kabupaten menolak setiap paket yang "
                                "memuatnya. Tekan Perbaiki di Periksa basis data (atau "
                                "perintah check --repair) untuk menghapusnya dari laptop ini "
                                "agar pekerjaan lain terkirim, lalu daftarkan orang itu di "
                                "kecamatan yang benar.",
                            ),
                            count=len(misplaced),
                            names=", ".join(name for _, name in misplaced[:5])
                            + (" …" if len(misplaced) > 5 else ""),
                        )
                    )
            if queries.local_state(conn) is None:
                report.problems.append(
                    Finding.error(
                        "check.no_office",
                        QT_TRANSLATE_NOOP(
                            "Finding", "Kantor belum disiapkan (jalankan perintah init)."
                        ),
                    )
                )
        if revision != head:
            report.problems.append(
                Finding.error(
                    "check.schema",
                    QT_TRANSLATE_NOOP("Finding", "Skema {revision} belum dimigrasi ke {head}."),
                    revision=str(revision),
                    head=head,
                )
            )
        # Read from a write-protected folder, SQLite reads the file as it is and reports the
        # rollback journal whatever the file says: not a finding about the database.
        if report.journal_mode.lower() != "wal" and self._read_only is None:
            report.problems.append(
                Finding.error(
                    "check.journal",
                    QT_TRANSLATE_NOOP("Finding", "Mode jurnal {mode}, seharusnya wal."),
                    mode=report.journal_mode,
                )
            )
        return report
