"""The database check: integrity, schema version, write guards and counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Engine

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
    problems: list[str] = field(default_factory=list)

    @property
    def sound(self) -> bool:
        """True when nothing is wrong."""
        return not self.problems


class HealthService:
    """Checks that a database is sound."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

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
            )
            report.problems.extend(queries.integrity_problems(conn))
            missing = queries.missing_write_guards(conn)
            if missing:
                report.problems.append("pengaman tulis hilang pada tabel: " + ", ".join(missing))
            unlogged = queries.unlogged_rows(conn)
            if unlogged:
                tables = sorted({table for table, _ in unlogged})
                report.problems.append(
                    f"{len(unlogged)} baris ditulis di luar jalur tulis (tabel: "
                    + ", ".join(tables)
                    + ")"
                )
            if queries.local_state(conn) is None:
                report.problems.append("kantor belum disiapkan (jalankan init)")
        if revision != head:
            report.problems.append(f"skema {revision} belum dimigrasi ke {head}")
        if report.journal_mode.lower() != "wal":
            report.problems.append(f"mode jurnal {report.journal_mode}, seharusnya wal")
        return report
