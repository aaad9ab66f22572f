"""Dates far ahead: coverage a year or more after today is a likely slip (2099 for 2029),
imported or saved with a warning; a birth date or date of death after today stays an error."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.categories import Sex
from desktop.domain.findings import DomainError, Severity
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.services.roster_import import RosterImportService
from desktop.spreadsheets.roster_rows import RowVerdict
from tests import fixtures_messy as messy

TODAY = date(2026, 11, 25)
HEADER = [*messy.HEADER, "Mulai", "Akhir"]
FIRST_ROW = 2  # spreadsheet row of the first data row (the header is row 1)


@pytest.fixture
def hub(services: AppServices, tmp_path: Path) -> Iterator[AppServices]:
    """The OKI hub with the messy files' small region master."""
    services.regions.import_file(messy.write_regions(tmp_path), actor=services.office.local_actor())
    yield services


def nik_of(number: int, born: date) -> str:
    return make_nik("16.02.05", born, Sex.MALE, 700 + number)


def roster_row(number: int, start: str = "", end: str = "", born: date | None = None) -> list[str]:
    """A clean row (NIK, birth date and sex agree; a known village; a category from the
    position) with the given coverage cells."""
    born = born or date(1970 + number, 1 + number % 12, 1 + number % 28)
    return [str(number), nik_of(number, born), f"Warga Nomor {number}", "",
            born.strftime("%d-%m-%Y"), "L", "Tanjung Rancing", "Kayu Agung", "Ketua RT 01",
            "", "", start, end]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text("\n".join(";".join(r) for r in [HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def findings_of(verdict: RowVerdict) -> list[tuple[str, Severity]]:
    return [(f.code, f.severity) for f in verdict.findings]


def stored(app: AppServices) -> dict[str, dict[str, Any]]:
    with app.database.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT nik, coverage_start, coverage_end FROM worker"
        ).mappings()
        return {row["nik"]: dict(row) for row in rows}


FAR = ("date.far_ahead", Severity.WARNING)


# -- import -------------------------------------------------------------------------------


def test_coverage_in_2099_is_imported_with_a_warning(hub: AppServices, tmp_path: Path) -> None:
    soon = TODAY + timedelta(days=335)  # eleven months ahead: a planned start, no warning
    path = write_csv(
        tmp_path / "kepesertaan.csv",
        [
            roster_row(1, start="01-01-2099"),
            roster_row(2, start="01-10-2026", end="31-12-2099"),
            roster_row(3, start=soon.strftime("%d-%m-%Y"), end=soon.strftime("%d-%m-%Y")),
            roster_row(4, start="01-01-2026", end="31-12-2026"),
        ],
    )
    importer = RosterImportService(hub.database.engine)
    preview = importer.preview(path, today=TODAY)
    verdicts = {v.row: v for v in preview.rows}
    first, second, third, fourth = (verdicts[FIRST_ROW + i] for i in range(4))

    assert findings_of(first) == [FAR]
    assert (first.verdict, first.ok) == ("warning", True)
    assert first.values["coverage_start"] == date(2099, 1, 1)
    message = first.findings[0].message
    assert message.startswith("Mulai kepesertaan 1 Januari 2099 lebih dari setahun")
    assert "Periksa tahunnya" in message

    assert findings_of(second) == [FAR]
    assert second.findings[0].message.startswith("Akhir kepesertaan 31 Desember 2099")
    assert (third.verdict, fourth.verdict) == ("ok", "ok")
    assert (preview.counts.ok, preview.counts.warning, preview.counts.error) == (2, 2, 0)

    result = importer.run(preview, actor=hub.office.local_actor())
    assert (result.imported, result.rejected) == (4, [])
    saved = stored(hub)
    assert saved[nik_of(1, date(1971, 2, 2))]["coverage_start"] == "2099-01-01"
    assert saved[nik_of(2, date(1972, 3, 3))]["coverage_end"] == "2099-12-31"


@pytest.mark.parametrize(
    ("ahead", "warned"),
    [(0, False), (300, False), (366, False), (367, True), (400, True), (365 * 73, True)],
)
def test_more_than_a_year_ahead_is_where_the_warning_starts(
    hub: AppServices, tmp_path: Path, ahead: int, warned: bool
) -> None:
    day = (TODAY + timedelta(days=ahead)).strftime("%d-%m-%Y")
    path = write_csv(tmp_path / "batas.csv", [roster_row(1, start=day), roster_row(2, end=day)])
    preview = RosterImportService(hub.database.engine).preview(path, today=TODAY)
    for verdict in preview.rows:
        assert findings_of(verdict) == ([FAR] if warned else []), verdict.row


def test_coverage_2099_imports_from_the_file_as_the_cli_does(
    hub: AppServices, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "langsung.csv", [roster_row(1, start="01-01-2099")])
    result = RosterImportService(hub.database.engine).run(path, actor=hub.office.local_actor())
    assert (result.imported, result.rejected) == (1, [])
    assert stored(hub)[nik_of(1, date(1971, 2, 2))]["coverage_start"] == "2099-01-01"


@pytest.mark.parametrize("born", [TODAY + timedelta(days=1), date(2099, 1, 1)])
def test_a_birth_date_after_today_stays_an_error(
    hub: AppServices, tmp_path: Path, born: date
) -> None:
    path = write_csv(
        tmp_path / "lahir.csv",
        [roster_row(1), roster_row(2, born=born), roster_row(3, start="01-01-2099")],
    )
    importer = RosterImportService(hub.database.engine)
    preview = importer.preview(path, today=TODAY)
    unborn = {v.row: v for v in preview.rows}[FIRST_ROW + 1]
    assert unborn.verdict == "error"
    assert "import.birth_date_future" in [f.code for f in unborn.errors]
    assert "date.far_ahead" not in [f.code for f in unborn.findings]
    assert "belum terjadi" in unborn.reasons()
    result = importer.run(preview, actor=hub.office.local_actor())
    assert result.imported == 2
    assert [r.row for r in result.rejected] == [FIRST_ROW + 1]
    assert nik_of(2, born) not in stored(hub)


# -- editing one worker ---------------------------------------------------------------------


def worker_values(app: AppServices, **over: Any) -> dict[str, Any]:
    born = date(1990, 7, 1)
    values: dict[str, Any] = {
        "nik": make_nik("16.02.05", born, Sex.FEMALE, 31),
        "name": "Siti Rahma",
        "sex": "P",
        "birth_date": born,
        "village_code": "16.02.05.2001",
        "category": "pekerja_rentan",
    }
    values.update(over)
    return values


def test_worker_service_warns_of_coverage_far_ahead(hub: AppServices) -> None:
    warnings = hub.workers.warnings(
        {"coverage_start": date(2099, 1, 1), "coverage_end": date(2099, 12, 31)}, today=TODAY
    )
    assert [(f.code, f.severity) for f in warnings] == [FAR, FAR]
    assert warnings[0].message.startswith("Mulai kepesertaan 1 Januari 2099 lebih dari setahun")
    assert warnings[1].message.startswith("Akhir kepesertaan 31 Desember 2099")
    soon = TODAY + timedelta(days=335)
    assert hub.workers.warnings({"coverage_start": soon, "coverage_end": soon}, today=TODAY) == []
    assert hub.workers.warnings({"coverage_start": None, "coverage_end": None}) == []
    assert hub.workers.warnings({}) == []
    # Without *today*, today's date.
    assert len(hub.workers.warnings({"coverage_end": date.today() + timedelta(days=400)})) == 1


def test_a_worker_with_coverage_in_2099_still_saves(hub: AppServices) -> None:
    actor = hub.office.local_actor()
    values = worker_values(hub, coverage_start=date(2099, 1, 1))
    assert hub.workers.warnings(values) != []
    worker_id = hub.workers.create(actor, values)
    assert hub.workers.get(worker_id).coverage_start == date(2099, 1, 1)


def test_a_worker_born_after_today_is_refused(hub: AppServices) -> None:
    actor = hub.office.local_actor()
    for born in (date.today() + timedelta(days=1), date(2099, 1, 1)):
        with pytest.raises(DomainError) as caught:
            hub.workers.create(actor, worker_values(hub, birth_date=born))
        assert caught.value.code == "worker.birth_future"


@pytest.mark.parametrize("died", [date.today() + timedelta(days=1), date(2099, 1, 1)])
def test_a_date_of_death_after_today_stays_an_error(hub: AppServices, died: date) -> None:
    actor = hub.office.local_actor()
    worker_id = hub.workers.create(actor, worker_values(hub))
    with pytest.raises(DomainError) as caught:
        hub.workers.set_status(actor, worker_id, "meninggal", death_date=died)
    assert caught.value.code == "worker.death_date_range"
    record = hub.workers.get(worker_id)
    assert (record.status, record.death_date) == ("aktif", None)


def test_the_command_line_names_the_rows_imported_with_a_warning(
    hub: AppServices, tmp_path: Path
) -> None:
    import io

    from desktop.cli import run

    path = write_csv(
        tmp_path / "cli.csv", [roster_row(1, start="01-01-2099"), roster_row(2, start="")]
    )
    db = str(hub.path)
    hub.close()
    out, err = io.StringIO(), io.StringIO()
    assert run(["roster", "import", "--db", db, str(path)], out, err) == 0
    lines = err.getvalue().splitlines()
    assert lines[0].startswith(f"baris {FIRST_ROW} (diimpor, periksa): Mulai kepesertaan")
    assert "2099" in lines[0]
    assert lines[-1] == "1 baris diimpor dengan peringatan; periksa datanya."
