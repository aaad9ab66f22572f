"""Reading identity numbers against the region master (NIK now; KK, KPJ and NIP later)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from desktop.domain.categories import Sex
from desktop.domain.nik import NikCheck, check_nik
from desktop.store import queries


@dataclass(frozen=True)
class NikReport:
    """A NIK check with the names of the areas it points to (when the master knows them)."""

    check: NikCheck
    province_name: str | None = None
    regency_name: str | None = None
    district_name: str | None = None


def describe_nik(
    text: str,
    *,
    engine: Engine | None = None,
    birth_date: date | None = None,
    sex: Sex | None = None,
) -> NikReport:
    """Check a NIK; with a database, also check its area against the region master."""
    if engine is None:
        return NikReport(check_nik(text, birth_date=birth_date, sex=sex))
    with engine.connect() as conn:
        has_master = bool(queries.regions_under(conn, "", 1))
        result = check_nik(
            text,
            birth_date=birth_date,
            sex=sex,
            known_area=(lambda code: queries.region_name(conn, code) is not None)
            if has_master
            else None,
        )
        info = result.info
        if info is None:
            return NikReport(result)
        return NikReport(
            result,
            province_name=queries.region_name(conn, info.province_code),
            regency_name=queries.region_name(conn, info.regency_code),
            district_name=queries.region_name(conn, info.district_code),
        )
