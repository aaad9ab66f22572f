"""Importing the roster spreadsheets villages really send: preview, all or nothing, report."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.services.progress import Cancelled, CancelToken
from desktop.services.roster_import import ImportPreview, RosterImportService
from desktop.spreadsheets.reader import UnreadableSheet
from desktop.spreadsheets.report import write_error_report
from desktop.store import queries
from desktop.store import roster_import as roster_store
from desktop.store.roster_import import IMPORTED_COLUMNS
from tests import fixtures_messy as messy


@pytest.fixture
def hub(services, tmp_path: Path):
    """The OKI hub with a small region master (two kecamatan, a Sukadana in each)."""
    services.regions.import_file(messy.write_regions(tmp_path), actor=services.office.local_actor())
    return services


@pytest.fixture
def importer(hub) -> RosterImportService:
    return RosterImportService(hub.database.engine)


def counts(app) -> dict[str, int]:
    with app.database.engine.connect() as conn:
        return queries.table_counts(conn, ("worker", "change_log", "audit_entry"))


def workers(app) -> dict[str, dict]:
    with app.database.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT nik, name, name_key, sex, birth_date, village_code, district_code, category,"
            " subcategory, programmes, declared_income, funding_source, status, kpj FROM worker"
        ).mappings()
        return {row["nik"]: dict(row) for row in rows}


def write_csv(path: Path, rows: list[list[object]]) -> Path:
    """*rows* under the messy file's header, as a semicolon CSV."""
    path.write_text(
        "\n".join(";".join(str(c) for c in r) for r in [messy.HEADER, *rows]), encoding="utf-8"
    )
    return path


def known_and_new(tmp_path: Path, new: int, name: str) -> Path:
    """The messy file's rows (row 16 renamed: an update) and *new* workers more."""
    rows = messy.data_rows("csv")
    rows[11][2] = "Hendra Baru"
    for i in range(new):
        born = date(1970 + i % 30, 1 + i % 12, 1 + i % 28)
        nik = make_nik("16.02.05", born, Sex.MALE, 100 + i % 9000)
        rows.append([i, nik, f"Warga {i}", "", born.strftime("%d-%m-%Y"), "L", "Sukadana",
                     "Kayu Agung", "Marbot Masjid", "", ""])  # fmt: skip
    return write_csv(tmp_path / name, rows)


def check_preview(preview: ImportPreview, kind: str) -> None:
    assert preview.header_row == messy.HEADER_ROW
    assert [r.row for r in preview.accepted] == sorted(messy.IMPORTED_ROWS)
    rejected = {r.row: [f.code for f in r.errors] for r in preview.rejected}
    assert rejected == {row: [code] for row, code in messy.expected_rejected(kind).items()}
    assert {r.row for r in preview.rows if r.verdict == "warning"} == messy.WARNED_ROWS
    assert (preview.counts.ok, preview.counts.warning, preview.counts.error) == (5, 1, 5)


def check_imported(app) -> None:
    found = workers(app)
    assert set(found) == {
        messy.NIK_NUMBER, messy.NIK_SPACES, messy.NIK_DOTS, messy.NIK_APOSTROPHE,
        messy.NIK_SEP, messy.NIK_PLAIN,
    }  # fmt: skip
    budi = found[messy.NIK_NUMBER]
    assert budi["name"] == "Budi Santoso"
    assert budi["name_key"] == "budi santoso"
    assert (budi["birth_date"], budi["sex"]) == ("1980-09-02", "L")
    assert (budi["village_code"], budi["district_code"]) == ("16.02.05.2001", "16.02.05")
    assert (budi["category"], budi["subcategory"]) == ("rt_rw", "ketua_rt")
    assert (budi["programmes"], budi["declared_income"]) == ("JKK,JKM", 1_000_000)
    assert (budi["funding_source"], budi["status"]) == ("apbd", "aktif")
    assert found[messy.NIK_SPACES]["kpj"] == "12345678901"
    assert found[messy.NIK_SPACES]["category"] == "kelembagaan_desa"
    assert found[messy.NIK_DOTS]["name"] == "Dédi Kurniawan"  # Windows-1252 é survives
    assert found[messy.NIK_DOTS]["village_code"] == "16.02.05.1001"
    assert found[messy.NIK_APOSTROPHE]["birth_date"] == "1975-04-17"  # Excel serial
    assert found[messy.NIK_SEP]["village_code"] == "16.02.06.2001"  # settled by kecamatan
    assert found[messy.NIK_SEP]["birth_date"] == "1980-09-02"  # "02-Sep-80"
    plain = found[messy.NIK_PLAIN]  # kecamatan by code
    assert (plain["village_code"], plain["district_code"]) == ("16.02.06.2002", "16.02.06")
    assert found[messy.NIK_APOSTROPHE]["category"] == "pekerja_rentan"  # Guru Ngaji


def test_messy_xlsx_with_merged_title_imports_exactly_the_good_rows(hub, importer, tmp_path):
    path = messy.write_messy_xlsx(tmp_path)
    before = counts(hub)
    preview = importer.preview(path)
    assert counts(hub) == before  # a preview writes nothing
    check_preview(preview, "xlsx")
    result = importer.run(preview, actor=hub.office.local_actor())
    assert (result.imported, result.updated, result.unchanged) == (6, 0, 0)
    assert sorted(r.row for r in result.rejected) == [9, 10, 11, 13, 15]
    assert (result.imported, result.updated, result.unchanged) == (6, 0, 0)
    assert len(result.rejected) == 5
    check_imported(hub)
    after = counts(hub)
    assert after["change_log"] == before["change_log"] + 6
    assert after["audit_entry"] == before["audit_entry"] + 1


@pytest.mark.parametrize(
    ("writer", "name", "kind"),
    [
        (messy.write_messy_ods, "peserta.ods", "ods"),
        (messy.write_messy_xls, "peserta.xls", "xls"),
        # Renamed on the way: the content decides, not the suffix.
        (messy.write_messy_ods, "peserta-dari-calc.xlsx", "ods"),
        (messy.write_messy_xls, "peserta-lama.xlsx", "xls"),
        (messy.write_messy_xlsx, "peserta.ods", "xlsx"),
    ],
)
def test_messy_ods_and_xls_import_like_the_xlsx(hub, importer, tmp_path, writer, name, kind):
    path = writer(tmp_path, name=name)
    preview = importer.preview(path)
    assert preview.kind == kind
    check_preview(preview, "xlsx")  # typed cells, as in the XLSX
    result = importer.run(path, actor=hub.office.local_actor())
    assert (result.imported, len(result.rejected)) == (6, 5)
    check_imported(hub)


@pytest.mark.parametrize(("delimiter", "encoding"), messy.CSV_VARIANTS)
def test_messy_csv_variants(hub, importer, tmp_path, delimiter, encoding):
    path = messy.write_messy_csv(tmp_path, delimiter=delimiter, encoding=encoding)
    preview = importer.preview(path)
    check_preview(preview, "csv")
    result = importer.run(path, actor=hub.office.local_actor())
    assert (result.imported, len(result.rejected)) == (6, 5)
    check_imported(hub)


def test_rejection_messages_say_what_to_do_and_hide_the_nik(importer, tmp_path):
    preview = importer.preview(messy.write_messy_xlsx(tmp_path))
    reasons = {r.row: r.reasons() for r in preview.rejected}
    assert "notasi ilmiah" in reasons[9]
    assert "15 angka" in reasons[10]
    assert "Sukadana" in reasons[11] and "Kecamatan" in reasons[11]
    assert "kategori tidak dapat ditentukan" in reasons[13].casefold()
    assert "baris 5" in reasons[15]
    for text in reasons.values():
        assert messy.NIK_NUMBER not in text


def test_file_wide_category_fills_rows_without_one(hub, importer, tmp_path):
    preview = importer.preview(messy.write_messy_xlsx(tmp_path), category="pekerja_rentan")
    assert 13 in {r.row for r in preview.accepted}
    result = importer.run(preview, actor=hub.office.local_actor())
    assert result.imported == 7
    assert workers(hub)[messy.NIK_NO_CATEGORY]["category"] == "pekerja_rentan"
    # Rows whose position names a category keep it.
    assert workers(hub)[messy.NIK_NUMBER]["category"] == "rt_rw"
    with pytest.raises(UnreadableSheet):
        importer.preview(messy.write_messy_xlsx(tmp_path), category="astronaut")


def test_importing_the_same_file_twice_changes_nothing(hub, importer, tmp_path):
    path = messy.write_messy_xlsx(tmp_path)
    actor = hub.office.local_actor()
    importer.run(path, actor=actor)
    before = counts(hub)
    second = importer.run(path, actor=actor)
    assert (second.imported, second.updated, second.unchanged) == (0, 0, 6)
    assert counts(hub) == before  # no change-log rows, no audit entry


def test_existing_niks_update_only_what_changed_or_are_skipped(hub, importer, tmp_path):
    actor = hub.office.local_actor()
    importer.run(messy.write_messy_xlsx(tmp_path), actor=actor)
    rows = messy.data_rows("csv")
    rows[11][2] = "Hendra Gunawan, S.Pd."  # row 16: a new name
    rows[1][10] = ""  # row 6: an emptied KPJ cell keeps the stored KPJ
    changed = write_csv(tmp_path / "changed.csv", rows)
    before = counts(hub)
    skipped = importer.run(changed, actor=actor, existing="skip")
    assert (skipped.imported, skipped.updated, skipped.skipped) == (0, 0, 6)
    assert counts(hub) == before
    updated = importer.run(changed, actor=actor, existing="update")
    assert (updated.imported, updated.updated, updated.unchanged) == (0, 1, 5)
    found = workers(hub)
    assert found[messy.NIK_PLAIN]["name"] == "Hendra Gunawan, S.Pd."
    assert found[messy.NIK_PLAIN]["name_key"] == "hendra gunawan s pd"
    assert found[messy.NIK_SPACES]["kpj"] == "12345678901"
    after = counts(hub)
    assert after["change_log"] == before["change_log"] + 1
    assert after["worker"] == before["worker"]


def test_a_new_category_takes_the_old_sub_category_away(hub, importer, tmp_path):
    """Budi (row 5) is a Ketua RT: rt_rw / ketua_rt. Filed again as Pekerja Rentan, he is no
    longer a ketua_rt; filed again with only a new position, the sub-category follows it."""
    actor = hub.office.local_actor()
    importer.run(messy.write_messy_xlsx(tmp_path), actor=actor)
    assert (workers(hub)[messy.NIK_NUMBER]["subcategory"]) == "ketua_rt"

    def budi_again(position: str, label: str) -> Path:
        row = messy.data_rows("csv")[0]
        row[8], row[9] = position, label
        return write_csv(tmp_path / "budi.csv", [row])

    result = importer.run(budi_again("Ketua RT 01", "Pekerja Rentan"), actor=actor)
    assert (result.updated, result.unchanged) == (1, 0)
    budi = workers(hub)[messy.NIK_NUMBER]
    assert (budi["category"], budi["subcategory"]) == ("pekerja_rentan", None)

    importer.run(budi_again("Ketua RW 04", ""), actor=actor)  # the position gives rt_rw
    budi = workers(hub)[messy.NIK_NUMBER]
    assert (budi["category"], budi["subcategory"]) == ("rt_rw", "ketua_rw")
    assert importer.run(budi_again("Ketua RW 04", ""), actor=actor).unchanged == 1


def test_cancel_mid_way_leaves_the_database_as_it_was(hub, importer, tmp_path):
    actor = hub.office.local_actor()
    importer.run(messy.write_messy_xlsx(tmp_path), actor=actor)
    # A bigger file: the six known workers (one renamed) and 10,100 new ones, so that the
    # update is done and a first batch of new workers written before the cancel.
    big = known_and_new(tmp_path, 10_100, "big.csv")
    preview = importer.preview(big)
    assert len(preview.accepted) == 10_106
    before, snapshot = counts(hub), workers(hub)
    token = CancelToken()
    seen: list[tuple[int, int, str]] = []

    def progress(done: int, total: int, stage: str) -> None:
        seen.append((done, total, stage))
        if stage == "Menyimpan peserta baru" and done > 0:
            token.cancel()  # after the first batch of new workers was written

    with pytest.raises(Cancelled):
        importer.run(preview, actor=actor, progress=progress, cancel=token)
    assert ("Menyimpan peserta baru", 10_000) in {(stage, done) for done, _t, stage in seen}
    assert counts(hub) == before
    assert workers(hub) == snapshot  # the renamed worker was rolled back too


def test_a_failure_mid_way_leaves_the_database_as_it_was(hub, importer, tmp_path, monkeypatch):
    """Not a cancel: the disk fails (here: the update after the new workers raises)."""
    from desktop.store.unit_of_work import UnitOfWork

    actor = hub.office.local_actor()
    importer.run(messy.write_messy_xlsx(tmp_path), actor=actor)
    path = known_and_new(tmp_path, 300, "gagal.csv")  # the update comes after the new rows
    before, snapshot = counts(hub), workers(hub)

    def broken_disk(self, *args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(UnitOfWork, "update", broken_disk)
    with pytest.raises(OSError, match="No space left"):
        importer.run(path, actor=actor)
    assert counts(hub) == before
    assert workers(hub) == snapshot
    assert hub.health.check().sound


def test_error_report_round_trip(hub, importer, tmp_path):
    actor = hub.office.local_actor()
    result = importer.run(messy.write_messy_xlsx(tmp_path), actor=actor)
    report = write_error_report(tmp_path / "ditolak.xlsx", result.header, result.rejected)
    sheet = load_workbook(report).active
    header = [c.value for c in sheet[1]]
    assert header == [*messy.HEADER, "Baris asal", "Alasan"]
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [r[-2] for r in rows] == [9, 10, 11, 13, 15]
    by_row = {r[-2]: r for r in rows}
    assert by_row[9][1] == "1.60205E+15"
    assert by_row[10][1] == messy.NIK_LOST[:15] + "0"  # shown as text, digits visible
    assert sheet.cell(row=3, column=2).number_format == "@"
    assert by_row[11][6] == "Sukadana"
    assert "notasi ilmiah" in by_row[9][-1]
    assert "baris 5" in by_row[15][-1]

    # The user fixes the rows in the report and imports it again.
    fixes = {
        9: {2: messy.NIK_SCIENTIFIC},
        10: {2: messy.NIK_LOST},
        11: {8: "Kayu Agung"},
        13: {10: "Pekerja Rentan"},
    }
    for index, r in enumerate(sheet.iter_rows(min_row=2), start=2):
        for column, value in fixes.get(r[-2].value, {}).items():
            sheet.cell(row=index, column=column, value=value)
    sheet.delete_rows(6)  # row 15 duplicated row 5: the user deletes it
    sheet.parent.save(report)
    again = importer.run(report, actor=actor)
    assert (again.imported, again.updated, again.unchanged, len(again.rejected)) == (4, 0, 0, 0)
    found = workers(hub)
    assert found[messy.NIK_AMBIGUOUS]["village_code"] == "16.02.05.2002"
    assert found[messy.NIK_NO_CATEGORY]["category"] == "pekerja_rentan"
    assert len(found) == 10


def test_unusable_files_are_refused_with_a_message(importer, tmp_path):
    no_nik = tmp_path / "no-nik.csv"
    no_nik.write_text("Nama;Alamat\nBudi;Jl. Mawar\n", encoding="utf-8")
    with pytest.raises(UnreadableSheet, match="kolom NIK"):
        importer.preview(no_nik)
    header_only = tmp_path / "header.csv"
    header_only.write_text("NIK;Nama\n;\n", encoding="utf-8")
    with pytest.raises(UnreadableSheet, match="tidak berisi satu pun baris"):
        importer.preview(header_only)
    pdf = tmp_path / "peserta.xlsx"
    pdf.write_bytes(b"%PDF-1.4\x00\x01\x02" * 100)
    with pytest.raises(UnreadableSheet):
        importer.preview(pdf)


def _niks_file(tmp_path: Path, niks: list[str], name: str = "desa.csv") -> Path:
    path = tmp_path / name
    lines = ["NIK;Nama;Tgl Lahir;JK;Desa;Kecamatan;Jabatan"]
    lines += [f"{nik};Warga {i};01-01-1970;L;Menggeris;Pampangan;Marbot Masjid"
              for i, nik in enumerate(niks)]  # fmt: skip
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_csv_whose_niks_excel_rounded_is_refused(hub, importer, tmp_path):
    """Saved from a number column, every NIK lost its 16th digit to a 0: plain digits that
    each look like a NIK. Twenty or more, all ending in 0, refuse the file and say why."""
    born = date(1970, 1, 1)
    # Thirty NIKs ending in 0, distinct (as rounded ones from different serials would be).
    rounded = [make_nik("16.02.06", born, Sex.MALE, 10 * (i + 1)) for i in range(30)]
    other = make_nik("16.02.06", born, Sex.MALE, 7)
    before = counts(hub)
    with pytest.raises(UnreadableSheet) as refused:
        importer.preview(_niks_file(tmp_path, rounded))
    finding = refused.value.finding
    assert finding.code == "import.nik_rounded"
    assert "Semua 30 NIK" in finding.message and "15 angka" in finding.message
    with pytest.raises(UnreadableSheet):
        importer.run(_niks_file(tmp_path, rounded), actor=hub.office.local_actor())
    assert counts(hub) == before
    # Real NIKs that happen to end in 0 are not refused: a few, or among others.
    few = importer.preview(_niks_file(tmp_path, rounded[:19], "sedikit.csv"))
    assert few.counts.error == 0
    mixed = importer.preview(_niks_file(tmp_path, [*rounded[:25], other], "campur.csv"))
    assert mixed.counts.error == 0


def test_a_user_corrected_mapping_is_used(hub, importer, tmp_path):
    path = tmp_path / "odd.csv"
    nik = messy.NIK_PLAIN
    path.write_text(
        f"NIK;Nama;Lahir;Ket;Desa;Kec\n{nik};Hendra;31-12-1988;Relawan Damkar;Menggeris;"
        "Pampangan\n",
        encoding="utf-8",
    )
    guessed = importer.preview(path)
    assert guessed.mapping.get("birth_date") is None
    mapping = guessed.mapping.with_column("birth_date", 2).with_column("position", 3)
    preview = importer.preview(path, mapping=mapping)
    assert preview.counts.warning == 1  # sex taken from the NIK
    result = importer.run(preview, actor=hub.office.local_actor())
    assert result.imported == 1
    assert workers(hub)[nik]["category"] == "pekerja_rentan"


def test_an_error_report_keeps_the_key_of_the_mapping_chosen_for_its_file(hub, importer, tmp_path):
    """The user corrected the columns of a file; its error report, fixed and imported
    again, is recognised as the same header and gets the same remembered mapping."""
    from desktop.spreadsheets import report
    from desktop.spreadsheets.columns import REPORT_COLUMNS, mapping_key
    from desktop.spreadsheets.reader import read_sheet

    assert (report.ROW_HEADER, report.REASON_HEADER) == REPORT_COLUMNS
    path = tmp_path / "odd.csv"
    path.write_text(
        f"NIK;Nama;Lahir;Ket;Desa;Kec;\n{messy.NIK_PLAIN};Hendra;31-12-1988;Relawan Damkar;"
        "Menggeris;Pampangan;\n1602;Tono;01-01-1970;Guru Ngaji;Menggeris;Pampangan;\n",
        encoding="utf-8",
    )
    guessed = importer.preview(path)
    mapping = guessed.mapping.with_column("birth_date", 2).with_column("position", 3)
    result = importer.run(importer.preview(path, mapping=mapping), actor=hub.office.local_actor())
    assert (result.imported, len(result.rejected)) == (1, 1)
    errors = write_error_report(tmp_path / "ditolak.xlsx", result.header, result.rejected)
    header = read_sheet(errors).rows[0]
    assert [str(c) for c in header[-2:]] == list(REPORT_COLUMNS)
    assert mapping_key(header) == mapping_key(guessed.header)
    assert mapping_key(["NIK", "Nama", "Baris asal"]) != mapping_key(["NIK", "Nama"])

    # The report imported again, still wrong: its own report is the file's header again,
    # without the first report's row numbers and reasons.
    again = importer.run(importer.preview(errors, mapping=mapping), actor=hub.office.local_actor())
    assert len(again.rejected) == 1
    second = write_error_report(tmp_path / "ditolak-lagi.xlsx", again.header, again.rejected)
    rows = read_sheet(second).rows
    assert [str(c) for c in rows[0]] == [*[str(c) for c in header[:-2]], *REPORT_COLUMNS]
    assert len(rows[1]) == len(rows[0])
    assert mapping_key(rows[0]) == mapping_key(guessed.header)


def test_a_title_row_does_not_beat_a_header_that_names_only_the_nik(hub, importer, tmp_path):
    """ "NIK" with columns whose names we do not know: still the header, not the title."""
    path = tmp_path / "judul.csv"
    path.write_text(
        f"DAFTAR PESERTA DESA MENGGERIS\nNIK;Peserta;Lahir\n{messy.NIK_PLAIN};Hendra;31-12-1988\n",
        encoding="utf-8",
    )
    preview = importer.preview(path)
    assert preview.header_row == 2
    assert preview.mapping.get("nik") == 0 and len(preview.mapping.columns) == 1
    assert [r.row for r in preview.rows] == [3]


# -- a header over two rows ---------------------------------------------------------------


@pytest.mark.parametrize("parts", ["short", "long"])
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_header_over_two_rows_with_merged_cells(hub, importer, tmp_path, kind, parts):
    write = messy.write_two_row_xlsx if kind == "xlsx" else messy.write_two_row_csv
    path = write(tmp_path, parts)
    preview = importer.preview(path)
    assert preview.header_row == messy.TWO_ROW_HEADER_ROW
    place, born = messy.BIRTH_COLUMNS
    assert (preview.mapping.get("birth_place"), preview.mapping.get("birth_date")) == (place, born)
    assert preview.mapping.get("birth_place_date") is None
    assert [r.row for r in preview.accepted] == sorted(messy.two_row_shifted(messy.IMPORTED_ROWS))
    rejected = {r.row: [f.code for f in r.errors] for r in preview.rejected}
    assert rejected == {row + 1: [code] for row, code in messy.expected_rejected(kind).items()}
    assert "baris 6" in {r.row: r.reasons() for r in preview.rejected}[16]  # the first Budi
    result = importer.run(path, actor=hub.office.local_actor())
    assert (result.imported, len(result.rejected)) == (6, 5)
    check_imported(hub)
    with hub.database.engine.connect() as conn:
        places = dict(conn.exec_driver_sql("SELECT nik, birth_place FROM worker").all())
    assert places[messy.NIK_NUMBER] == "Kayuagung"
    assert places[messy.NIK_SPACES] == "Palembang"
    # The error report has the header as one row, which reads back the same way.
    report = write_error_report(tmp_path / "ditolak.xlsx", result.header, result.rejected)
    again = importer.preview(report)
    assert again.header_row == 1
    assert again.mapping.get("birth_place") == place
    assert again.mapping.get("birth_date") == born


# -- a file judged while it is written -----------------------------------------------------


def test_a_file_read_while_it_is_written_gives_what_its_preview_gives(hub, importer, tmp_path):
    path = messy.write_messy_xlsx(tmp_path)
    preview = importer.preview(path)
    result = importer.run(path, actor=hub.office.local_actor())
    assert [(r.row, r.findings) for r in result.rejected] == [
        (r.row, r.findings) for r in preview.rejected
    ]
    assert result.header == preview.header
    assert set(workers(hub)) == {r.values["nik"] for r in preview.accepted}
    # Every value a row gives is a column the import writes, and the other way round.
    assert all(set(r.values) == set(IMPORTED_COLUMNS) for r in preview.rows)


def test_cancelling_a_file_import_mid_way_leaves_the_database_as_it_was(hub, importer, tmp_path):
    actor = hub.office.local_actor()
    importer.run(messy.write_messy_xlsx(tmp_path), actor=actor)
    big = known_and_new(tmp_path, 20_100, "big.csv")
    before, snapshot = counts(hub), workers(hub)
    token = CancelToken()
    seen: list[tuple[int, str]] = []

    def progress(done: int, _total: int, stage: str) -> None:
        seen.append((done, stage))
        if stage == "Menyimpan peserta baru" and done > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        importer.run(big, actor=actor, progress=progress, cancel=token)
    assert (10_000, "Menyimpan peserta baru") in seen  # a first batch was written
    assert counts(hub) == before
    assert workers(hub) == snapshot


def test_known_workers_are_found_by_nik_in_a_big_roster_or_a_small_one(hub, importer, tmp_path):
    importer.run(messy.write_messy_xlsx(tmp_path), actor=hub.office.local_actor())
    with hub.database.engine.connect() as conn:
        few = roster_store.workers_by_nik(conn, [messy.NIK_PLAIN, "1602050101800001"])
        many = roster_store.workers_by_nik(
            conn, [messy.NIK_PLAIN, messy.NIK_NUMBER, *(f"16020501018{i:05d}" for i in range(20))]
        )
        none = roster_store.workers_by_nik(conn, [])
    assert set(few) == {messy.NIK_PLAIN}  # fewer NIKs than workers: looked up by NIK
    assert set(many) == {messy.NIK_PLAIN, messy.NIK_NUMBER}  # more: one pass over the table
    assert many[messy.NIK_PLAIN] == few[messy.NIK_PLAIN]
    assert few[messy.NIK_PLAIN]["name"] == "Hendra Gunawan"
    assert none == {}
