"""Row verdicts of a roster spreadsheet: normalised values, and errors never guessed away."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.categories import Category, Sex
from desktop.domain.names import name_key
from desktop.domain.nik import make_nik
from desktop.spreadsheets import roster_rows
from desktop.spreadsheets.columns import ColumnMapping, guess_mapping
from desktop.spreadsheets.roster_rows import (
    RegionMaster,
    RowReader,
    count,
    fast_name_key,
    place_key,
    read_nik_cell,
    read_rows,
)

TODAY = date(2026, 11, 25)
NIK = make_nik("16.02.05", date(1980, 9, 2), Sex.MALE, 1)
NIK_F = make_nik("16.02.05", date(1985, 3, 15), Sex.FEMALE, 12)

MASTER = RegionMaster(
    "16.02",
    [("16.02.05", "Kayu Agung"), ("16.02.06", "Pampangan")],
    [
        ("16.02.05.1001", "Kayuagung"),
        ("16.02.05.2001", "Tanjung Rancing"),
        ("16.02.05.2002", "Sukadana"),
        ("16.02.06.2001", "Sukadana"),
        ("16.02.06.2002", "Menggeris"),
    ],
)
HEADER = ["NIK", "Nama", "Tgl Lahir", "JK", "Desa", "Kecamatan", "Jabatan", "Kategori"]


def reader(category: Category | None = None, header: list[str] = HEADER) -> RowReader:
    return RowReader(guess_mapping(header), MASTER, category=category, known_area=None, today=TODAY)


def row(**cells: object) -> list[object]:
    base: dict[str, object] = {
        "NIK": NIK,
        "Nama": "Budi  Santoso ",
        "Tgl Lahir": "02-09-1980",
        "JK": "L",
        "Desa": "Tanjung Rancing",
        "Kecamatan": "Kayu Agung",
        "Jabatan": "Ketua RT 01",
        "Kategori": "",
    }
    base.update({k.replace("_", " "): v for k, v in cells.items()})
    return [base[name] for name in HEADER]


def codes(verdict) -> list[str]:
    return [f.code for f in verdict.findings]


# -- NIK cells --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "digits"),
    [
        (float(NIK), NIK),  # calamine: every number is a float
        (int(NIK), NIK),
        (NIK, NIK),
        (f"{NIK[:4]} {NIK[4:8]} {NIK[8:12]} {NIK[12:]}", NIK),
        (f"{NIK[:6]}.{NIK[6:12]}.{NIK[12:]}", NIK),
        ("'" + NIK, NIK),
    ],
)
def test_nik_as_number_or_text_with_separators_is_accepted(cell, digits):
    text, problem = read_nik_cell(cell)
    assert problem is None
    verdict = reader().read(5, row(NIK=cell))
    assert verdict.verdict == "ok", codes(verdict)
    assert verdict.values["nik"] == digits


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        (1.60205020980000e15, "nik.lost_digits"),  # Excel's 15 digits: last one became 0
        (float(NIK[:15] + "0"), "nik.lost_digits"),
        (9.6e15 + 1, "nik.lost_digits"),  # above 2**53 a double is not exact
        (1602050209800001.5, "nik.decimal"),
        ("1.60205E+15", "nik.scientific"),
        ("1,60205020980000E+15", "nik.scientific"),
        ("1602050209800000.0", "nik.decimal"),
        ("160205020980001", "nik.length"),
        ("", "nik.empty"),
    ],
)
def test_nik_excel_mangled_is_rejected_with_that_reason(cell, code):
    verdict = reader().read(7, row(NIK=cell))
    assert verdict.verdict == "error"
    assert code in codes(verdict)
    assert verdict.values["nik"] == ""
    assert NIK not in verdict.reasons()


def test_nik_birth_date_mismatch_warns_and_sex_mismatch_warns():
    verdict = reader().read(5, row(Tgl_Lahir="03-09-1980", JK="P"))
    assert verdict.verdict == "warning"
    assert set(codes(verdict)) == {"nik.birth_date_mismatch", "nik.sex_mismatch"}


def test_blank_sex_is_taken_from_the_nik_with_a_warning():
    verdict = reader().read(5, row(JK=""))
    assert verdict.values["sex"] == "L"
    assert codes(verdict) == ["import.sex_from_nik"]


@pytest.mark.parametrize(
    ("text", "sex"), [("L", "L"), ("Laki-laki", "L"), ("M", "L"), ("lk", "L"), ("P", "P"),
                      ("Perempuan", "P"), ("F", "P"), ("wanita", "P")]
)  # fmt: skip
def test_sex_variants(text, sex):
    nik = NIK if sex == "L" else NIK_F
    born = "02-09-1980" if sex == "L" else "15-03-1985"
    verdict = reader().read(5, row(NIK=nik, JK=text, Tgl_Lahir=born))
    assert verdict.values["sex"] == sex
    assert verdict.verdict == "ok", codes(verdict)


def test_unknown_sex_is_an_error():
    assert "import.sex" in codes(reader().read(5, row(JK="X")))


@pytest.mark.parametrize(
    "cell",
    ["02-09-1980", "02/09/1980", "1980-09-02", 29466.0, "29466", "2 September 1980",
     "02-Sep-80", date(1980, 9, 2)],
)  # fmt: skip
def test_birth_dates_in_every_format(cell):
    verdict = reader().read(5, row(Tgl_Lahir=cell))
    assert verdict.values["birth_date"] == date(1980, 9, 2)
    assert verdict.verdict == "ok", codes(verdict)


def test_bad_or_missing_birth_date_is_an_error():
    assert "value.date" in codes(reader().read(5, row(Tgl_Lahir="31-02-1980")))
    assert "import.birth_date_empty" in codes(reader().read(5, row(Tgl_Lahir="")))


def test_place_and_date_of_birth_in_one_cell():
    header = ["NIK", "Nama", "Tempat/Tgl Lahir", "JK", "Desa", "Kecamatan", "Jabatan"]
    verdict = reader(header=header).read(
        5, [NIK, "Budi", "Palembang, 02-09-1980", "L", "Sukadana", "Kayu Agung", "Kader PKK"]
    )
    assert verdict.verdict == "ok", codes(verdict)
    assert verdict.values["birth_place"] == "Palembang"
    assert verdict.values["birth_date"] == date(1980, 9, 2)


# -- regions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("village", "district", "code", "found"),
    [
        ("Tanjung Rancing", "Kayu Agung", "16.02.05.2001", []),
        ("Desa Tanjung Rancing", "", "16.02.05.2001", []),
        ("TANJUNG  RANCING", "16.02.05", "16.02.05.2001", []),
        ("16.02.05.2001", "", "16.02.05.2001", []),
        ("1602052001", "", "16.02.05.2001", []),
        ("Tanjung Rancinng", "Kayu Agung", "16.02.05.2001", ["import.village_variant"]),
        ("Kel. Kayuagung", "Kec. Kayu Agung", "16.02.05.1001", []),
        ("Sukadana", "Pampangan", "16.02.06.2001", []),
        ("Sukadana", "Kayuagung", "16.02.05.2002", []),  # district written without a space
        ("Sukadana", "", None, ["import.village_ambiguous"]),
        ("Sukamaju", "", None, ["import.village_unknown"]),
        ("Menggeris", "Kayu Agung", None, ["import.village_district"]),
        ("16.02.09.2001", "", None, ["import.village_code"]),
        ("Sukadana", "Lempuing", None, ["import.district_unknown"]),
        ("", "Kayu Agung", None, ["import.village_empty"]),
    ],
)
def test_villages_by_code_or_name(village, district, code, found):
    verdict = reader().read(5, row(Desa=village, Kecamatan=district))
    assert verdict.values["village_code"] == code
    assert [c for c in codes(verdict) if c.startswith("import.")] == found
    if code is not None:
        assert verdict.values["district_code"] == code.rsplit(".", 1)[0]


def test_ambiguous_village_names_the_candidates():
    verdict = reader().read(5, row(Desa="Sukadana", Kecamatan=""))
    message = verdict.reasons()
    assert "16.02.05.2002" in message and "16.02.06.2001" in message
    assert "Pampangan" in message and "Kayu Agung" in message


def test_place_key_drops_prefixes_case_and_spaces():
    assert place_key("Desa Tanjung-Rancing") == place_key("tanjung rancing") == "tanjungrancing"
    assert place_key("Desa") == "desa"


# -- category -----------------------------------------------------------------------------


def test_category_from_column_then_position_then_file():
    assert reader().read(5, row(Kategori="Perangkat Desa")).values["category"] == "perangkat_desa"
    assert reader().read(5, row()).values["category"] == "rt_rw"
    assert reader().read(5, row()).values["subcategory"] == "ketua_rt"
    unknown = row(Jabatan="Penjaga Kebun")
    verdict = reader().read(5, unknown)
    assert verdict.values["category"] is None
    assert codes(verdict) == ["import.category_missing"]
    assert "kategori tidak dapat ditentukan" in verdict.reasons().casefold()
    filed = reader(Category.PEKERJA_RENTAN).read(5, unknown)
    assert filed.values["category"] == "pekerja_rentan"
    assert filed.verdict == "ok"


def test_unknown_category_label_is_an_error_not_a_guess():
    verdict = reader(Category.PEKERJA_RENTAN).read(5, row(Kategori="Lain-lain"))
    assert codes(verdict) == ["import.category_unknown"]


# -- whole sheet ----------------------------------------------------------------------------


def test_blank_lines_and_totals_are_skipped_and_duplicates_name_the_first_row():
    rows = [
        HEADER,
        row(),
        ["", None, "", "", "", "", "", ""],
        row(Nama="Budi lagi"),
        row(NIK=NIK_F, Tgl_Lahir="15-03-1985", JK="P", Nama="Siti"),
        ["", "", "", "", "", "", "", ""],
        ["JUMLAH", "", "", "", "", "", "", "3"],
    ]
    verdicts = read_rows(rows, 0, reader())
    assert [v.row for v in verdicts] == [2, 4, 5]
    assert codes(verdicts[1]) == ["import.nik_duplicate"]
    assert "baris 2" in verdicts[1].reasons()
    totals = count(verdicts)
    assert (totals.ok, totals.warning, totals.error) == (2, 0, 1)


def test_a_row_with_a_name_but_no_nik_is_not_a_totals_row():
    verdicts = read_rows([HEADER, row(NIK="", Nama="Total Sejahtera")], 0, reader())
    assert codes(verdicts[0]) == ["nik.empty"]


def test_kpj_and_kk_and_coverage_are_checked():
    header = [*HEADER, "No. KPJ", "No KK", "Mulai", "Akhir"]
    good = reader(header=header).read(
        5, [*row(), 12345678901.0, "1602050101100001", "01-10-2025", "31-12-2025"]
    )
    assert good.verdict == "ok", codes(good)
    assert good.values["kpj"] == "12345678901"
    assert good.values["coverage_end"] == date(2025, 12, 31)
    bad = reader(header=header).read(5, [*row(), "123", "", "31-12-2025", "01-10-2025"])
    assert set(codes(bad)) == {"kpj.length", "import.coverage_order"}


def test_mapping_with_a_column_beyond_the_row_reads_as_empty():
    mapping = ColumnMapping({"nik": 0, "name": 1, "birth_date": 9})
    verdict = RowReader(mapping, MASTER, today=TODAY).read(5, [NIK, "Budi"])
    assert "import.birth_date_empty" in codes(verdict)


@pytest.mark.parametrize(
    "name", ["Budi  Santoso", "Hendra Gunawan, S.Pd.", "M. Ali-Akbar", "Dédi Kurniawan", "ÅSA", ""]
)
def test_fast_name_key_matches_name_key(name):
    assert fast_name_key(name) == name_key(name)


# -- the short paths agree with the full checks ------------------------------------------

KNOWN_DISTRICTS = {"16.02.05", "16.02.06"}
FULL_HEADER = [*HEADER, "No. KPJ", "No KK"]


def full_reader(known: bool) -> RowReader:
    return RowReader(
        guess_mapping(FULL_HEADER),
        MASTER,
        known_area=KNOWN_DISTRICTS.__contains__ if known else None,
        today=TODAY,
    )


def ddmmyy(day: date, sex: Sex = Sex.MALE) -> str:
    shown = day.day + (40 if sex is Sex.FEMALE else 0)
    return f"{shown:02d}{day.month:02d}{day.year % 100:02d}"


@st.composite
def identity_rows(draw: st.DrawFn) -> tuple[list[object], bool]:
    """A row whose NIK, KPJ and KK are plain digits: mostly right, often a little wrong."""
    good_areas = ["160205", "160206"] * 3
    area = draw(st.sampled_from([*good_areas, "160299", "990205", "160005", "000000"]))
    born = draw(st.dates(date(1925, 1, 1), TODAY + timedelta(days=40)))
    sex = draw(st.sampled_from([Sex.MALE, Sex.FEMALE]))
    nik_date = draw(
        st.one_of(
            st.just(ddmmyy(born, sex)),
            st.just(ddmmyy(born, sex)),
            st.just(ddmmyy(born, Sex.MALE if sex is Sex.FEMALE else Sex.FEMALE)),
            st.just(ddmmyy(born.replace(year=born.year - 1) if born.day < 29 else born, sex)),
            st.text("0123456789", min_size=6, max_size=6),
        )
    )
    serial = draw(st.sampled_from(["0001", "4321", "9999", "0000"]))
    right = born.strftime("%d-%m-%Y")
    written_born = draw(
        st.sampled_from([right, right, right, "", "31-02-1980", born.replace(day=1).isoformat()])
    )
    written_sex = draw(st.sampled_from([sex.value, sex.value, "L", "P", "", "X"]))
    issued = draw(st.dates(date(1960, 1, 1), TODAY + timedelta(days=40)))
    kk_date = draw(
        st.one_of(
            st.just(ddmmyy(issued)),
            st.just(ddmmyy(TODAY + timedelta(days=3))),
            st.text("0123456789", min_size=6, max_size=6),
        )
    )
    kk_area = draw(st.sampled_from(["160205", "160205", "990205", "160200"]))
    kk = kk_area + kk_date + draw(st.text("0123456789", min_size=4, max_size=4))
    kpj = draw(st.text("0123456789", min_size=10, max_size=12))
    cells = row(NIK=f"{area}{nik_date}{serial}", Tgl_Lahir=written_born, JK=written_sex)
    return [*cells, kpj, kk], draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(identity_rows())
def test_plain_digit_numbers_read_the_same_as_through_the_full_checks(case) -> None:
    """A NIK, KPJ or KK of plain digits takes a short path; written with Excel's apostrophe
    the same number goes through the domain's checks. Both must say the same."""
    cells, known = case
    quoted = [*cells]
    for column in (0, len(HEADER), len(HEADER) + 1):  # NIK, KPJ, KK
        quoted[column] = "'" + str(cells[column])
    short = full_reader(known).read(5, cells)
    full = full_reader(known).read(5, quoted)
    assert short.values == full.values
    assert short.findings == full.findings


def test_the_same_cell_read_twice_gives_the_same_verdict():
    reader_ = reader()
    rows = [row(), row(Desa="Sukadana", Kecamatan=""), row(JK="X"), row(Tgl_Lahir="31-02-1980")]
    first = [reader_.read(5, r) for r in rows]
    again = [reader_.read(5, r) for r in rows]
    fresh = [reader().read(5, r) for r in rows]
    assert [(v.values, v.findings) for v in first] == [(v.values, v.findings) for v in again]
    assert [(v.values, v.findings) for v in first] == [(v.values, v.findings) for v in fresh]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (1, "1"),  # equal in Python, read differently: no cache mixes them up
        (1.0, "1"),
        (True, "True"),
    ],
)
def test_cells_equal_in_python_but_of_another_type_are_not_confused(cells, expected):
    reader_ = reader()
    for value in (1, 1.0, True):
        reader_.read(5, row(Nama=value))
    assert reader_.read(5, row(Nama=cells)).values["name"] == expected


def test_a_clean_row_needs_no_full_nik_or_kk_check(monkeypatch):
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the short path should have answered")

    monkeypatch.setattr(roster_rows, "check_nik", refuse)
    monkeypatch.setattr(roster_rows, "check_kk", refuse)
    monkeypatch.setattr(roster_rows, "check_kpj", refuse)
    female = row(NIK=NIK_F, Tgl_Lahir="15-03-1985", JK="P")
    for cells in (row(), female, row(JK="")):
        verdict = full_reader(True).read(5, [*cells, "12345678901", "1602050101100001"])
        assert verdict.values["kk"] == "1602050101100001"
        assert verdict.values["sex"] in ("L", "P")
        assert [f.code for f in verdict.findings if f.code != "import.sex_from_nik"] == []


@pytest.mark.parametrize(
    ("cell", "kk", "found"),
    [
        (1602050101100001.0, "1602050101100001", []),  # a number, all 16 digits exact
        (1602050101100010.0, None, ["kk.lost_digits"]),  # Excel's 16th digit, 0
        (1602050101100001.5, None, ["kk.lost_digits"]),
        (9.7e15, None, ["kk.lost_digits"]),  # past what a float holds exactly
        ("1602050101100010", "1602050101100010", []),  # as text it is what was typed
    ],
)
def test_a_kk_number_excel_may_have_rounded_is_rejected_never_repaired(cell, kk, found):
    header = [*HEADER, "No KK"]
    verdict = reader(header=header).read(5, [*row(), cell])
    assert verdict.values["kk"] == kk
    assert codes(verdict) == found


# -- the columns of Sigap's own export: sub-category, status, details, region codes ----------

FULL = [
    "NIK", "Nama", "Tgl Lahir", "JK", "Desa/Kelurahan", "Kecamatan", "Kode Desa",
    "Kode Kecamatan", "Kategori", "Sub-kategori", "Jabatan", "Program", "Penghasilan",
    "Sumber Dana", "Status", "Alasan Status", "Tanggal Meninggal",
]  # fmt: skip


def full_row(**cells: object) -> list[object]:
    base: dict[str, object] = {
        "NIK": NIK, "Nama": "Budi Santoso", "Tgl Lahir": "02-09-1980", "JK": "Laki-laki",
        "Desa/Kelurahan": "Sukadana", "Kecamatan": "Kayu Agung", "Kode Desa": "16.02.05.2002",
        "Kode Kecamatan": "16.02.05", "Kategori": "Ketua RT/RW", "Sub-kategori": "Ketua RT",
        "Jabatan": "Ketua RT 01", "Program": "JKK, JKM, JHT", "Penghasilan": 2_500_000,
        "Sumber Dana": "APBDes", "Status": "Aktif", "Alasan Status": "", "Tanggal Meninggal": "",
    }  # fmt: skip
    base.update({k.replace("_", " ").replace("Sub kategori", "Sub-kategori"): v
                 for k, v in cells.items()})  # fmt: skip
    return [base[name] for name in FULL]


def full(**cells: object):
    return reader(header=FULL).read(5, full_row(**cells))


def test_a_row_of_sigap_s_export_reads_whole():
    verdict = full()
    assert verdict.verdict == "ok", verdict.reasons()
    values = verdict.values
    assert (values["category"], values["subcategory"]) == ("rt_rw", "ketua_rt")
    assert (values["village_code"], values["district_code"]) == ("16.02.05.2002", "16.02.05")
    assert (values["programmes"], values["declared_income"]) == ("JKK,JKM,JHT", 2_500_000)
    assert (values["funding_source"], values["status"]) == ("apbdes", "aktif")
    assert (values["status_reason"], values["death_date"]) == (None, None)


def test_codes_in_the_cells_read_as_labels_do():
    verdict = full(Kategori="rt_rw", Sub_kategori="ketua_rw", Status="aktif", Sumber_Dana="apbd")
    assert verdict.verdict == "ok", verdict.reasons()
    assert (verdict.values["subcategory"], verdict.values["funding_source"]) == ("ketua_rw", "apbd")


def test_the_sub_category_column_speaks_for_every_row():
    # Empty: no sub-category, whatever the position suggests.
    assert full(Sub_kategori="").values["subcategory"] is None
    # Without a Kategori, the sub-category gives it.
    verdict = full(Kategori="", Sub_kategori="Kader Posyandu", Jabatan="")
    assert verdict.verdict == "ok", verdict.reasons()
    assert (verdict.values["category"], verdict.values["subcategory"]) == (
        "kelembagaan_desa", "kader_posyandu"
    )  # fmt: skip
    wrong = full(Sub_kategori="Guru Ngaji")
    assert codes(wrong) == ["import.subcategory_category"]
    assert "Guru Ngaji bukan bagian dari kategori Ketua RT/RW" in wrong.reasons()
    assert codes(full(Sub_kategori="Ketua RT Baru")) == ["import.subcategory_unknown"]


def test_status_with_its_reason_and_date_of_death():
    gone = full(Status="Nonaktif", Alasan_Status="Pindah ke Palembang")
    assert gone.verdict == "ok"
    assert (gone.values["status"], gone.values["status_reason"]) == (
        "nonaktif",
        "Pindah ke Palembang",
    )
    assert codes(full(Status="Nonaktif")) == ["import.status_reason_missing"]
    assert full(Status="Nonaktif").verdict == "warning"
    dead = full(Status="Meninggal Dunia", Tanggal_Meninggal="14-06-2025")
    assert dead.verdict == "ok"
    assert (dead.values["status"], dead.values["death_date"]) == ("meninggal", date(2025, 6, 14))
    assert codes(full(Status="Meninggal Dunia")) == ["import.death_date_missing"]
    assert codes(full(Status="meninggal", Tanggal_Meninggal="01-01-2027")) == [
        "import.death_date_range"
    ]
    assert codes(full(Status="meninggal", Tanggal_Meninggal="01-01-1979")) == [
        "import.death_date_range"
    ]  # before the birth date
    assert codes(full(Status="Meninggal Dunia", Tanggal_Meninggal="kemarin")) == ["value.date"]
    # A date of death beside another status is not imported, and said so.
    alive = full(Status="Aktif", Tanggal_Meninggal="14-06-2025", Alasan_Status="lama")
    assert codes(alive) == ["import.death_date_ignored"]
    assert (alive.values["death_date"], alive.values["status_reason"]) == (None, None)
    assert codes(full(Status="Cuti", Tanggal_Meninggal="14-06-2025")) == ["import.status_unknown"]


def test_empty_detail_cells_are_none():
    verdict = full(Program="", Penghasilan="", Sumber_Dana="", Status="")
    assert verdict.verdict == "ok"
    assert [verdict.values[k] for k in ("programmes", "declared_income", "funding_source",
                                        "status")] == [None] * 4  # fmt: skip


def test_a_region_code_beats_the_name_beside_it():
    # Sukadana is in both kecamatan: the code settles it, with no question asked.
    verdict = full(Kecamatan="", Kode_Kecamatan="", Kode_Desa="16.02.06.2001")
    assert verdict.verdict == "ok", verdict.reasons()
    assert verdict.values["village_code"] == "16.02.06.2001"
    # A name that names another place than the code: the code, and a warning.
    moved = full(**{"Desa/Kelurahan": "Tanjung Rancing"})
    assert moved.values["village_code"] == "16.02.05.2002"
    assert codes(moved) == ["import.region_name_code"]
    assert "dipakai kodenya" in moved.reasons()
    kec = full(Kecamatan="Pampangan")
    assert codes(kec) == ["import.region_name_code"]
    assert kec.values["district_code"] == "16.02.05"
    # No code: by name within the kecamatan, as before.
    by_name = full(Kode_Desa="", Kode_Kecamatan="", Kecamatan="Pampangan")
    assert by_name.values["village_code"] == "16.02.06.2001"
    # A code of a village of another kecamatan than the kecamatan code.
    assert codes(full(Kode_Kecamatan="16.02.06", Kecamatan="")) == ["import.village_district"]
