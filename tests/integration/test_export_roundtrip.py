"""An export comes back whole: export → import into a fresh database gives every field back.

Issue 18, item 2: the export wrote internal codes (``rt_rw``, ``ketua_rt``, ``aktif``) and
region codes without names, and importing the app's own export left Sub-kategori and Status
unmapped, so they were lost. The export now writes what the screen shows (labels, kecamatan
and desa names with their codes in their own columns) and the import reads every column of
it back; a file of the older format (codes in its cells) still imports.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.categories import (
    Category,
    FundingSource,
    Programme,
    Sex,
    SubCategory,
    WorkerStatus,
)
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.services.roster import EXPORT_HEADER, RosterFilter
from desktop.services.roster_import import RosterImportService
from desktop.spreadsheets.reader import read_sheet
from desktop.spreadsheets.writer import write_table
from desktop.store import models
from tests import fixtures_messy as messy

VILLAGES = (
    "16.02.05.1001",  # Kayuagung
    "16.02.05.2001",  # Tanjung Rancing
    "16.02.05.2002",  # Sukadana (a namesake in Pampangan)
    "16.02.06.2001",  # Sukadana (a namesake in Kayu Agung)
    "16.02.06.2002",  # Menggeris
)
NAMES = (
    "Ma'ruf Amin", "Dédi Kurniawan", "Siti Nur'aini", "Ayu Ningsih", "Hj. Siti Ma'rifah",
    "Andrés Putra", "Nyoman Sukarné", "Budi Santoso", "Rina Wati", "Ahmad Fauzi",
    "Joko Susilo", "Maya Sari", "Hendra Gunawan, S.Pd.", "Sri Rahayu", "Made Wirawan",
    "Dewi Lestari", "Rudi Hartono", "Kadek Ayu", "Fitri Handayani", "Eko Prasetyo",
    "Wahyuni", "Teuku Umar", "Cut Nyak", "Yohanes O'Neil", "Siti Aisyah",
)  # fmt: skip
POSITIONS = {
    SubCategory.PEGAWAI_NON_ASN: "Staf Honorer Dinas Sosial",
    SubCategory.GTK: "Guru Kelas SD",
    SubCategory.KEPALA_DESA: "Kepala Desa",
    SubCategory.SEKRETARIS_DESA: "Sekretaris Desa",
    SubCategory.KEPALA_URUSAN: "Kaur Keuangan",
    SubCategory.KEPALA_SEKSI: "Kasi Pemerintahan",
    SubCategory.KEPALA_DUSUN: "Kepala Dusun II",
    SubCategory.KETUA_BPD: "Ketua BPD",
    SubCategory.ANGGOTA_BPD: "Anggota BPD",
    SubCategory.KETUA_RT: "Ketua RT 01",
    SubCategory.KETUA_RW: "Ketua RW 03",
    SubCategory.LPM: "Ketua LPM",
    SubCategory.LEMBAGA_ADAT: "Pemangku Adat",
    SubCategory.LINMAS: "Anggota Linmas",
    SubCategory.PKK: "Bendahara TP PKK",
    SubCategory.KARANG_TARUNA: "Ketua Karang Taruna",
    SubCategory.KADER_POSYANDU: "Kader Posyandu Melati",
    SubCategory.GURU_NGAJI: "Guru Ngaji TPA",
    SubCategory.MARBOT: "Marbot Masjid Al-Ikhlas",
    SubCategory.RELAWAN_DAMKAR: "Relawan Damkar",
    SubCategory.PETANI_SAWIT: "Petani Sawit",
    SubCategory.RENTAN_LAINNYA: "Buruh Harian",
}
REGION_NAMES = {code: name for code, name in messy.REGIONS[1:]}
# The worker columns that are data about the person (not sync bookkeeping, not a merge).
SYNC_COLUMNS = set(models.SyncedRow.model_fields) | {"merged_into"}
PERSON_COLUMNS = sorted(set(models.Worker.model_fields) - SYNC_COLUMNS)


def open_office(folder: Path) -> AppServices:
    """A new OKI regency hub in *folder*, with the small region list loaded."""
    folder.mkdir(parents=True, exist_ok=True)
    app = AppServices.open(folder / "sigap.db")
    app.office.set_up(kind=OfficeKind.HUB, region="16.02", name="Dinas Sosial OKI")
    app.regions.import_file(messy.write_regions(folder), actor=app.office.local_actor())
    return app


def person(serial: int, sub: SubCategory | None, category: Category) -> dict[str, Any]:
    """The form values of worker *serial*: every optional field filled on most, women too."""
    sex = Sex.FEMALE if serial % 2 else Sex.MALE
    born = date(1960 + serial, 1 + serial % 12, 1 + serial % 28)
    village = VILLAGES[serial % len(VILLAGES)]
    district = village.rsplit(".", 1)[0]
    programmes = [Programme.JKK, Programme.JKM] + ([Programme.JHT] if serial % 3 == 0 else [])
    return {
        "nik": make_nik(district, born, sex, serial),
        "kk": f"{district.replace('.', '')}0101{15 + serial % 9:02d}{serial:04d}",
        "name": NAMES[serial % len(NAMES)],
        "sex": sex.value,
        "birth_place": ("Kayuagung", "Palembang", "Tanjung Raja, Sumsel")[serial % 3],
        "birth_date": born,
        "address": f"Jl. Ma'arif No. {serial}, RT 0{serial % 9 + 1}/RW 02, Désa",
        "village_code": village,
        "category": category.value,
        "subcategory": sub.value if sub else None,
        "position": POSITIONS[sub] if sub else None,
        "kpj": f"{12345678000 + serial:011d}",
        "programmes": ",".join(p.abbreviation for p in programmes),
        "declared_income": (1_000_000, 2_750_000, 0, 4_100_500)[serial % 4],
        "coverage_start": date(2025, 1 + serial % 12, 1),
        "coverage_end": date(2026, 12, 31) if serial % 4 else None,
        "funding_source": list(FundingSource)[serial % len(FundingSource)].value,
        "phone": ("081234567890", "+6281377788899", "0711-123456")[serial % 3],
    }


def every_kind() -> Iterator[dict[str, Any]]:
    """One worker per sub-category (so every category), and the odd ones."""
    serial = 0
    for sub in SubCategory:
        serial += 1
        yield person(serial, sub, sub.category)
    # A Ketua RT filed with no sub-category: the position must not put one back.
    serial += 1
    yield {**person(serial, None, Category.RT_RW), "position": "Ketua RT 05"}
    # Every optional field empty.
    serial += 1
    empty = person(serial, None, Category.PEKERJA_RENTAN)
    for name in ("kk", "birth_place", "address", "position", "kpj", "coverage_start",
                 "coverage_end", "phone"):  # fmt: skip
        empty[name] = None
    yield empty


def add_workers(app: AppServices) -> list[str]:
    """Every kind of worker through the form's service; three of them not active."""
    actor = app.office.local_actor()
    ids = [app.workers.create(actor, values) for values in every_kind()]
    app.workers.set_status(actor, ids[2], WorkerStatus.NONAKTIF, reason="Pindah ke Palembang")
    app.workers.set_status(
        actor, ids[5], WorkerStatus.MENINGGAL, death_date=date(2025, 6, 14), reason="Sakit"
    )
    app.workers.set_status(actor, ids[8], WorkerStatus.MENINGGAL, death_date=date(2024, 2, 29))
    return ids


def people(app: AppServices) -> dict[str, dict[str, Any]]:
    """Every live worker by NIK: every column that is data about the person."""
    with app.database.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            f"SELECT {', '.join(PERSON_COLUMNS)} FROM worker "
            "WHERE deleted = 0 AND merged_into IS NULL"
        ).mappings()
        return {row["nik"]: dict(row) for row in rows}


@pytest.fixture
def source(tmp_path: Path) -> Iterator[AppServices]:
    app = open_office(tmp_path / "asal")
    add_workers(app)
    yield app
    app.close()


def test_the_workers_cover_every_kind() -> None:
    workers = list(every_kind())
    assert {w["subcategory"] for w in workers} == {s.value for s in SubCategory} | {None}
    assert {w["category"] for w in workers} == {c.value for c in Category}
    assert {w["funding_source"] for w in workers} == {f.value for f in FundingSource}
    assert {w["sex"] for w in workers} == {"L", "P"}
    assert "declared_income" in PERSON_COLUMNS and "death_date" in PERSON_COLUMNS


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_an_export_imported_into_a_fresh_database_gives_every_field_back(
    source: AppServices, tmp_path: Path, kind: str
) -> None:
    before = people(source)
    assert {w["status"] for w in before.values()} == {s.value for s in WorkerStatus}
    target = tmp_path / f"peserta.{kind}"
    exported = source.roster.export(
        RosterFilter(), target, actor=source.office.local_actor(), full_numbers=True
    )
    assert exported.rows == len(before)

    fresh = open_office(tmp_path / "baru")
    try:
        importer = RosterImportService(fresh.database.engine)
        preview = importer.preview(target)
        header = [str(cell) for cell in preview.header]
        assert header == list(EXPORT_HEADER)
        unmapped = [h for i, h in enumerate(header) if i not in preview.mapping.columns.values()]
        assert unmapped == []  # no column left "(abaikan)"
        problems = {r.row: r.reasons() for r in preview.rows if r.findings}
        assert problems == {}
        result = importer.run(preview, actor=fresh.office.local_actor())
        assert (result.imported, result.updated, len(result.rejected)) == (len(before), 0, 0)
        after = people(fresh)
        assert set(after) == set(before)
        for nik, worker in before.items():
            differ = {
                column: (worker[column], after[nik][column])
                for column in PERSON_COLUMNS
                if worker[column] != after[nik][column]
            }
            assert differ == {}, worker["name"]
    finally:
        fresh.close()

    # Into the database it came from: nothing to change.
    again = RosterImportService(source.database.engine).run(
        target, actor=source.office.local_actor()
    )
    assert (again.imported, again.updated, again.unchanged) == (0, 0, len(before))
    assert people(source) == before


def test_the_export_writes_what_the_screen_shows(source: AppServices, tmp_path: Path) -> None:
    target = tmp_path / "peserta.xlsx"
    source.roster.export(RosterFilter(), target, actor=source.office.local_actor())
    rows = read_sheet(target).rows
    header = [str(c) for c in rows[0]]
    by_nik = {str(r[0]): dict(zip(header, r, strict=False)) for r in rows[1:]}
    rt = next(w for w in every_kind() if w["subcategory"] == SubCategory.KETUA_RT.value)
    line = by_nik[rt["nik"]]
    assert line["Kategori"] == "Ketua RT/RW"
    assert line["Sub-kategori"] == "Ketua RT"
    assert line["Status"] == "Aktif"
    assert line["Jenis Kelamin"] in {"Laki-laki", "Perempuan"}
    assert line["Kode Desa"] == rt["village_code"]
    assert line["Desa/Kelurahan"] == REGION_NAMES[rt["village_code"]]
    assert line["Kecamatan"] == REGION_NAMES[rt["village_code"][:8]]
    assert line["Kode Kecamatan"] == rt["village_code"][:8]
    assert isinstance(line["Tanggal Lahir"], date)  # a real date cell in XLSX
    assert str(line["No. KPJ"]).startswith("•")  # masked unless asked
    dead = [w for w in by_nik.values() if w["Status"] == "Meninggal Dunia"]
    assert len(dead) == 2 and all(isinstance(w["Tanggal Meninggal"], date) for w in dead)
    codes = {c.value for c in Category} | {s.value for s in SubCategory} | {"aktif"}
    assert not [c for r in rows[1:] for c in r if isinstance(c, str) and c in codes]

    csv_target = tmp_path / "peserta.csv"
    source.roster.export(RosterFilter(), csv_target, actor=source.office.local_actor())
    with csv_target.open(encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh, delimiter=";"))
    at = lines[0].index("Tanggal Lahir")
    assert lines[1:] and all(
        len(r[at]) == 10 and r[at][2] == r[at][5] == "-" for r in lines[1:]
    )  # dd-mm-yyyy, as the roster shows dates


# The roster export of Sigap before issue 18: internal codes in its cells, region codes only.
OLD_HEADER = (
    "NIK", "Nama", "Jenis Kelamin", "Tempat Lahir", "Tanggal Lahir", "Alamat", "Kode Desa",
    "Kode Kecamatan", "Kategori", "Subkategori", "Jabatan", "No. KPJ", "No. KK", "Mulai",
    "Akhir", "Status", "No. HP",
)  # fmt: skip


def old_rows() -> list[tuple[Any, ...]]:
    rt = make_nik("16.02.05", date(1980, 9, 2), Sex.MALE, 1)
    posyandu = make_nik("16.02.06", date(1985, 3, 15), Sex.FEMALE, 2)
    gone = make_nik("16.02.06", date(1970, 1, 1), Sex.MALE, 3)
    return [
        (rt, "Budi Santoso", "L", "Kayuagung", date(1980, 9, 2), "Jl. Mawar 1",
         "16.02.05.2002", "16.02.05", "rt_rw", "ketua_rt", "Ketua RT 01", "12345678901",
         "1602050101150001", date(2025, 1, 1), date(2026, 12, 31), "aktif", "081234567890"),
        (posyandu, "Siti Aminah", "P", None, date(1985, 3, 15), None, "16.02.06.2001",
         "16.02.06", "kelembagaan_desa", "kader_posyandu", "Kader Posyandu", None, None, None,
         None, "aktif", None),
        (gone, "Slamet Riyadi", "L", None, date(1970, 1, 1), None, "16.02.06.2002",
         "16.02.06", "pekerja_rentan", None, None, None, None, None, None, "nonaktif", None),
    ]  # fmt: skip


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_an_export_of_the_older_format_still_imports(tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"lama.{kind}"
    if kind == "csv":  # the older export wrote ISO dates in its CSV
        rows = [tuple(c.isoformat() if isinstance(c, date) else c for c in r) for r in old_rows()]
    else:
        rows = old_rows()
    write_table(target, OLD_HEADER, rows, sheet="Peserta")
    app = open_office(tmp_path / "baru")
    try:
        importer = RosterImportService(app.database.engine)
        preview = importer.preview(target)
        assert sorted(preview.mapping.columns.values()) == list(range(len(OLD_HEADER)))
        assert [r.row for r in preview.rejected] == []
        importer.run(preview, actor=app.office.local_actor())
        found = people(app)
        budi, siti, slamet = (found[r[0]] for r in old_rows())
        assert (budi["category"], budi["subcategory"], budi["status"]) == (
            "rt_rw", "ketua_rt", "aktif"
        )  # fmt: skip
        assert (budi["village_code"], budi["district_code"]) == ("16.02.05.2002", "16.02.05")
        assert (budi["kk"], budi["kpj"], budi["phone"]) == (
            "1602050101150001", "12345678901", "081234567890"
        )  # fmt: skip
        assert (budi["coverage_start"], budi["coverage_end"]) == ("2025-01-01", "2026-12-31")
        assert (siti["sex"], siti["subcategory"], siti["village_code"]) == (
            "P", "kader_posyandu", "16.02.06.2001"
        )  # fmt: skip
        assert slamet["status"] == "nonaktif"
        [warned] = [r for r in preview.rows if r.findings]  # nonaktif, but no reason given
        assert warned.values["nik"] == slamet["nik"]
        assert [f.code for f in warned.findings] == ["import.status_reason_missing"]
    finally:
        app.close()


def test_an_export_edited_in_a_spreadsheet_updates_what_was_changed(
    source: AppServices, tmp_path: Path
) -> None:
    before = people(source)
    target = tmp_path / "peserta.csv"
    source.roster.export(RosterFilter(), target, actor=source.office.local_actor())
    with target.open(encoding="utf-8-sig", newline="") as fh:
        header, *lines = list(csv.reader(fh, delimiter=";"))
    at = {title: header.index(title) for title in header}
    gone = next(r for r in lines if r[at["Status"]] == "Nonaktif")
    gone[at["Status"]] = "aktif"  # made active again, as a clerk types it
    rt = next(r for r in lines if r[at["Sub-kategori"]] == "Ketua RT")
    rt[at["Sub-kategori"]] = "KETUA RW"
    rt[at["Sumber Dana"]] = "Mandiri"
    with target.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([header, *lines])

    result = RosterImportService(source.database.engine).run(
        target, actor=source.office.local_actor()
    )
    assert (result.imported, result.updated, result.unchanged) == (0, 2, len(before) - 2)
    after = people(source)
    back = after[gone[at["NIK"]]]
    assert (back["status"], back["status_reason"], back["death_date"]) == ("aktif", None, None)
    moved = after[rt[at["NIK"]]]
    assert (moved["subcategory"], moved["funding_source"]) == ("ketua_rw", "mandiri")
    assert moved["kpj"] == before[rt[at["NIK"]]]["kpj"]  # masked in the file: kept
    changed = {nik for nik in after if after[nik] != before[nik]}
    assert changed == {gone[at["NIK"]], rt[at["NIK"]]}
