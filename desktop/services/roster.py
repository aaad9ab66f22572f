"""The roster as the Peserta tab and ``roster search`` see it: filter, search, sort, page."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from sqlalchemy import Engine

from desktop.domain.identifiers import normalize_number
from desktop.domain.names import name_key
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
            nik_prefix = digits[:16]
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
