"""What each column of a synced table may hold, as the change log writes it.

A value a receiver cannot read back (a date that is not a date, a name of 100,000
characters, an object for a text) is refused while a bundle is decoded, before anything is
staged (desktop.sync.changes); ``check`` finds any already stored
(:func:`desktop.store.queries.unreadable_values`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlmodel import SQLModel

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.store import models

UNBOUNDED_TEXT = 65_536  # JSON columns without a declared length (vv, data, claim_ids ...)
MAX_INTEGER = 2**63 - 1
_EXPECTED = {
    "text": QT_TRANSLATE_NOOP("Finding", "teks paling panjang {length} huruf"),
    "integer": QT_TRANSLATE_NOOP("Finding", "bilangan bulat"),
    "boolean": QT_TRANSLATE_NOOP("Finding", "ya/tidak"),
    "date": QT_TRANSLATE_NOOP("Finding", "tanggal (TAHUN-BULAN-TANGGAL)"),
    "datetime": QT_TRANSLATE_NOOP("Finding", "waktu"),
}


@dataclass(frozen=True)
class ColumnSpec:
    """What a column may hold: ``kind`` (text, integer, boolean, date, datetime)."""

    kind: str
    length: int
    nullable: bool

    def accepts(self, value: Any) -> bool:
        """True when *value*, as a change log holds it, fits the column."""
        if value is None:
            return self.nullable
        kind = self.kind
        kind_of = type(value)
        if kind == "text":
            return kind_of is str and len(value) <= self.length
        if kind == "integer":
            return kind_of is int and -MAX_INTEGER <= value <= MAX_INTEGER
        if kind == "boolean":
            return kind_of is bool
        if kind_of is not str:
            return False
        try:
            if kind == "date":
                return len(value) == 10 and date.fromisoformat(value) is not None
            return 19 <= len(value) <= 32 and datetime.fromisoformat(value) is not None
        except ValueError:
            return False

    def expected(self) -> str:
        """What the column holds, in Indonesian (for the refusal)."""
        return _EXPECTED[self.kind].format(length=f"{self.length:,}".replace(",", "."))


def column_spec(column: Any) -> ColumnSpec:
    """The :class:`ColumnSpec` of a SQLAlchemy column."""
    sql_type = column.type
    # A TypeDecorator (sqlmodel's aware UTC datetime) says what it stores through its impl.
    python_type = getattr(sql_type, "impl", sql_type).python_type
    if python_type is bool:
        kind = "boolean"
    elif python_type is int:
        kind = "integer"
    elif python_type is datetime:
        kind = "datetime"
    elif python_type is date:
        kind = "date"
    else:
        kind = "text"
    length = getattr(sql_type, "length", None) or UNBOUNDED_TEXT
    return ColumnSpec(kind, int(length), bool(column.nullable))


_SPEC_TABLES: tuple[type[SQLModel], ...] = (*models.SYNCED_TABLES, models.AuditEntry)
COLUMN_SPECS: dict[str, dict[str, ColumnSpec]] = {
    str(table.__tablename__): {
        column.name: column_spec(column)
        for column in table.__table__.columns  # type: ignore[attr-defined]
    }
    for table in _SPEC_TABLES
}
