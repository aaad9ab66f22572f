"""Reading what a roster row says beyond who and where: programmes, declared income, funding
source, and the status with its reason and date of death.

An empty cell gives None: a new worker then takes the default (JKK and JKM, Rp 1.000.000,
APBD Kabupaten, Aktif) and a known one keeps what is stored. The status is read with its
reason and date of death as the status form takes them: Aktif has neither, Nonaktif a reason
(warned when missing), Meninggal Dunia a date of death (warned when missing, refused when it
is after today or before the birth date).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.domain.categories import WorkerStatus
from desktop.domain.dates import long_date
from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.spreadsheets.choices import (
    parse_funding,
    parse_income,
    parse_programmes,
    parse_status,
)
from desktop.spreadsheets.columns import FIELD_LABELS, ColumnMapping
from desktop.spreadsheets.reader import Cell
from desktop.spreadsheets.roster_cells import cache_key, words
from desktop.spreadsheets.values import parse_date

# The columns a DetailsReader reads, in the order it unpacks them.
DETAIL_FIELDS = (
    "programmes", "declared_income", "funding_source", "status", "status_reason", "death_date",
)  # fmt: skip
_UNMAPPED = sys.maxsize

_REASON_MISSING = Finding.warning(
    "import.status_reason_missing",
    QT_TRANSLATE_NOOP(
        "Finding",
        "Status Nonaktif tanpa alasan. Isi kolom Alasan status, atau lengkapi nanti lewat "
        "Ubah status pada data peserta.",
    ),
)
_DEATH_MISSING = Finding.warning(
    "import.death_date_missing",
    QT_TRANSLATE_NOOP(
        "Finding",
        "Status Meninggal Dunia tanpa tanggal meninggal. Isi kolom Tanggal meninggal, atau "
        "lengkapi nanti lewat Ubah status pada data peserta.",
    ),
)


def _death_ignored(text: str) -> Finding:
    return Finding.warning(
        "import.death_date_ignored",
        QT_TRANSLATE_NOOP(
            "Finding",
            'Tanggal meninggal "{text}" tidak diimpor karena Status bukan Meninggal Dunia. '
            "Isi Status Meninggal Dunia bila peserta sudah meninggal.",
        ),
        text=text[:20],
    )


def _death_out_of_range(day: date) -> Finding:
    return Finding.error(
        "import.death_date_range",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Tanggal meninggal {date} harus di antara tanggal lahir dan hari ini. "
            "Periksa tanggalnya.",
        ),
        date=long_date(day),
    )


@dataclass(frozen=True)
class Details:
    """The values of a row's detail columns and what is wrong with them."""

    values: Mapping[str, Any]
    findings: tuple[Finding, ...] = ()


class DetailsReader:
    """Reads the detail columns of rows; the same cells are read once (a 120,000-row file
    repeats a handful of them)."""

    def __init__(self, mapping: ColumnMapping, *, today: date) -> None:
        self.today = today
        self._at = tuple(mapping.columns.get(name, _UNMAPPED) for name in DETAIL_FIELDS)
        self._cache: dict[tuple[object, ...], Details] = {}

    def read(self, cells: Sequence[Cell], birth: date | None) -> Details:
        """The details of one row (*birth*: its birth date, when read)."""
        width = len(cells)
        own = tuple(cells[at] if at < width else None for at in self._at)
        key = tuple(c if type(c) is str else cache_key(c) for c in own)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = self._read(*own)
        death = found.values["death_date"]
        if death is not None and birth is not None and death < birth:
            return Details(found.values, (*found.findings, _death_out_of_range(death)))
        return found

    def _read(
        self,
        programmes_cell: Cell,
        income_cell: Cell,
        funding_cell: Cell,
        status_cell: Cell,
        reason_cell: Cell,
        death_cell: Cell,
    ) -> Details:
        findings: list[Finding] = []
        programmes = parse_programmes(programmes_cell)
        if isinstance(programmes, Finding):
            findings.append(programmes)
            programmes = None
        income = parse_income(income_cell)
        if isinstance(income, Finding):
            findings.append(income)
            income = None
        funding = parse_funding(funding_cell)
        if isinstance(funding, Finding):
            findings.append(funding)
            funding = None
        status = parse_status(status_cell)
        refused = isinstance(status, Finding)
        if isinstance(status, Finding):
            findings.append(status)
            status = None
        reason = words(None if reason_cell == "" else reason_cell)[:300] or None
        death_text = words(None if death_cell == "" else death_cell)
        death = parse_date(
            None if death_cell == "" else death_cell,
            field=FIELD_LABELS["death_date"],
            past=True,
            today=self.today,
        )
        if status is not WorkerStatus.MENINGGAL:
            if death_text and not refused:  # (a refused status says enough)
                findings.append(_death_ignored(death_text))
            death = None
            if status is None or status is WorkerStatus.AKTIF:
                reason = None
            elif not reason:
                findings.append(_REASON_MISSING)
        elif isinstance(death, Finding):
            findings.append(death)
            death = None
        elif death is None:
            findings.append(_DEATH_MISSING)
        elif death > self.today:
            findings.append(_death_out_of_range(death))
            death = None
        return Details(
            {
                "programmes": programmes,
                "declared_income": income,
                "funding_source": funding.value if funding is not None else None,
                "status": status.value if status is not None else None,
                "status_reason": reason,
                "death_date": death,
            },
            tuple(findings),
        )
