"""Finding the header of a roster spreadsheet and guessing its columns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.spreadsheets.columns import (
    ColumnMapping,
    MappingMemory,
    find_roster_header,
    guess_field,
    guess_mapping,
    mapping_key,
    normalise_header,
    two_row_header,
)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("NIK", "nik"),
        ("No. KTP", "nik"),
        ("No KTP", "nik"),
        ("  nomor   induk  kependudukan ", "nik"),
        ("NIK (16 digit)", "nik"),
        ("Nama", "name"),
        ("NAMA LENGKAP", "name"),
        ("Name", "name"),
        ("Tempat Lahir", "birth_place"),
        ("Tgl. Lahir", "birth_date"),
        ("Tanggal Lahir", "birth_date"),
        ("Date of Birth", "birth_date"),
        ("Tempat/Tgl Lahir", "birth_place_date"),
        ("TTL", "birth_place_date"),
        ("JK", "sex"),
        ("L/P", "sex"),
        ("Jenis Kelamin", "sex"),
        ("Sex", "sex"),
        ("Gender", "sex"),
        ("Alamat", "address"),
        ("Desa", "village"),
        ("Kelurahan", "village"),
        ("Desa/Kelurahan", "village"),
        ("Kecamatan", "district"),
        ("Jabatan", "position"),
        ("Posisi", "position"),
        ("Position", "position"),
        ("Kategori", "category"),
        ("No. KPJ", "kpj"),
        ("KPJ", "kpj"),
        ("Mulai", "coverage_start"),
        ("Tgl Mulai", "coverage_start"),
        ("Awal Kepesertaan", "coverage_start"),
        ("Akhir", "coverage_end"),
        ("Tgl. Akhir", "coverage_end"),
        ("Berakhir", "coverage_end"),
        ("No KK", "kk"),
        ("No. HP", "phone"),
        ("Kode Desa", "village_code"),
        ("Kode Desa/Kelurahan", "village_code"),
        ("Kode Kecamatan", "district_code"),
        ("Kode Kec.", "district_code"),
        ("Sub-kategori", "subcategory"),
        ("Subkategori", "subcategory"),
        ("Sub Kategori Peserta", "subcategory"),
        ("Program", "programmes"),
        ("Penghasilan", "declared_income"),
        ("Upah yang dilaporkan", "declared_income"),
        ("Sumber Dana", "funding_source"),
        ("Status", "status"),
        ("Status Peserta", "status"),
        ("Alasan Status", "status_reason"),
        ("Tanggal Meninggal", "death_date"),
        ("Tgl. Meninggal Dunia", "death_date"),
        ("No", None),
        ("Keterangan", None),
        ("Alasan", None),  # an error report's reasons, not a status reason
        ("Status Perkawinan", None),
        ("Gaji", None),
        ("Baris asal", None),
        ("", None),
        (None, None),
    ],
)
def test_header_names_in_indonesian_and_english(header, field):
    assert guess_field(header) == field


def test_normalise_header_ignores_case_punctuation_and_spaces():
    assert normalise_header("  No.  KTP ") == normalise_header("no ktp") == "no ktp"
    assert normalise_header("L/P") == "l p"


def test_header_found_under_title_rows_and_merged_cells():
    rows = [
        ["DAFTAR PESERTA BPJS KETENAGAKERJAAN", "", "", ""],  # merged: value in first cell
        ["DESA TANJUNG RANCING (NIK DAN NAMA SESUAI KTP)", None, None, None],
        ["", "", "", ""],
        ["No", "NIK", "Nama Lengkap", "L/P"],
        [1, "1602050209800001", "Budi", "L"],
    ]
    guess = find_roster_header(rows)
    assert guess is not None
    assert guess.row_index == 3
    assert guess.mapping.columns == {"nik": 1, "name": 2, "sex": 3}


def test_no_header_without_a_nik_column():
    assert find_roster_header([["Nama", "Alamat"], ["Budi", "Jl. Mawar"]]) is None


def test_first_column_naming_a_field_wins_and_ttl_gives_way_to_a_date_column():
    mapping = guess_mapping(["NIK", "Nama", "Nama Desa", "TTL", "Tgl Lahir", "NIK KTP"])
    assert mapping.columns == {"nik": 0, "name": 1, "village": 2, "birth_date": 4}


def test_user_corrects_the_mapping():
    mapping = guess_mapping(["NIK", "Nama", "Ket"])
    corrected = mapping.with_column("position", 2).with_column("name", None)
    assert corrected.columns == {"nik": 0, "position": 2}
    # A column holds one field: mapping it again moves it.
    assert corrected.with_column("category", 2).columns == {"nik": 0, "category": 2}
    with pytest.raises(ValueError):
        mapping.with_column("salary", 3)


def test_mapping_key_is_stable_across_spelling_of_the_same_header():
    a = mapping_key(["NIK", "Nama Lengkap", "L/P", "", None])
    b = mapping_key(["nik", " nama  lengkap", "L / P"])
    c = mapping_key(["NIK", "Nama", "L/P"])
    assert a == b != c
    assert len(a) == 32


def test_mapping_memory_round_trip(tmp_path: Path):
    path = tmp_path / "conf" / "mappings.json"
    memory = MappingMemory(path)
    key = mapping_key(["NIK", "Nama", "Ket"])
    assert memory.get(key) is None
    memory.remember(key, ColumnMapping({"nik": 0, "name": 1, "position": 2}))
    memory.save()
    again = MappingMemory(path)
    assert again.get(key) == ColumnMapping({"nik": 0, "name": 1, "position": 2})
    saved = json.loads(path.read_text())[key]
    assert saved["columns"] == {"nik": 0, "name": 1, "position": 2}
    assert "status" in saved["known"]


def test_a_mapping_remembered_before_new_fields_takes_their_guess(tmp_path: Path):
    """A mapping an older Sigap remembered for its own export never chose to leave the
    Sub-kategori and Status columns out: it did not know them. Today's guess fills them."""
    header = ["NIK", "Nama", "Sub-kategori", "Status", "Catatan"]
    key = mapping_key(header)
    path = tmp_path / "mappings.json"
    path.write_text(json.dumps({key: {"nik": 0, "name": 1}}))  # the older file's shape
    memory = MappingMemory(path)
    assert memory.get(key, header) == ColumnMapping(
        {"nik": 0, "name": 1, "subcategory": 2, "status": 3}
    )
    # Confirmed again without Status: the user's choice now, kept.
    memory.remember(key, ColumnMapping({"nik": 0, "name": 1, "subcategory": 2}))
    memory.save()
    assert MappingMemory(path).get(key, header) == ColumnMapping(
        {"nik": 0, "name": 1, "subcategory": 2}
    )


def test_a_new_field_guess_never_takes_a_column_the_user_mapped(tmp_path: Path):
    header = ["NIK", "Nama", "Status"]
    key = mapping_key(header)
    path = tmp_path / "mappings.json"
    path.write_text(json.dumps({key: {"nik": 0, "name": 1, "position": 2}}))
    assert MappingMemory(path).get(key, header) == ColumnMapping(
        {"nik": 0, "name": 1, "position": 2}
    )


def test_a_damaged_memory_file_is_an_empty_memory(tmp_path: Path):
    path = tmp_path / "mappings.json"
    path.write_text("{not json")
    assert MappingMemory(path).get("x") is None
    path.write_text(json.dumps({"k": {"nik": 0, "bogus": 3, "name": "x"}, "j": [1]}))
    memory = MappingMemory(path)
    assert memory.get("k") == ColumnMapping({"nik": 0})
    assert memory.get("j") is None


# -- a header over two rows ---------------------------------------------------------------

TOP = ["No", "NIK", "Nama", "Tempat/Tgl Lahir", "", "L/P", "Desa"]


@pytest.mark.parametrize(
    ("below", "names"),
    [
        (["Tempat", "Tgl Lahir"], ("Tempat Lahir", "Tgl Lahir")),
        (["Tempat Lahir", "Tanggal Lahir"], ("Tempat Lahir", "Tanggal Lahir")),
        (["Tmp", "Tgl"], ("Tmp Lahir", "Tgl Lahir")),
    ],
)
def test_a_merged_group_over_two_columns_is_named_by_the_row_below(below, names):
    rows = [
        ["DAFTAR PESERTA", "", "", "", "", "", ""],
        TOP,
        ["", "", "", *below, "", ""],
        [1, "1602050209800001", "Budi", "Palembang", "02-09-1980", "L", "Sukadana"],
    ]
    guess = find_roster_header(rows)
    assert guess is not None
    assert guess.row_index == 2  # data starts under the second header row
    assert guess.mapping.columns == {
        "nik": 1, "name": 2, "birth_place": 3, "birth_date": 4, "sex": 5, "village": 6,
    }  # fmt: skip
    # As one row, the header means the same (an error report carries it).
    assert guess.cells == ("No", "NIK", "Nama", *names, "L/P", "Desa")
    assert guess_mapping(guess.cells) == guess.mapping


def test_a_group_name_is_completed_only_where_the_name_below_says_nothing():
    top = ["NIK", "Nama", "Masa Kepesertaan", "", "Nomor", ""]
    below = ["", "", "Mulai", "Akhir", "KPJ", "KK"]
    assert two_row_header(top, below) == (
        ("NIK", "Nama", "Mulai", "Akhir", "KPJ", "KK"),
        ColumnMapping(
            {"nik": 0, "name": 1, "coverage_start": 2, "coverage_end": 3, "kpj": 4, "kk": 5}
        ),
    )


@pytest.mark.parametrize(
    "below",
    [
        ["", "1602050209800001", "Budi", "Palembang", "02-09-1980", "L", "Sukadana"],  # data
        ["", "", "Budi", "Palembang", "02-09-1980", "L", "Sukadana"],  # data without a NIK
        ["", "", "", "Kota", "Tgl Lahir", "", ""],  # a name that says nothing
        ["", "", "", "", "", "", ""],
    ],
)
def test_a_row_under_the_header_that_is_no_second_header_row_is_data(below):
    assert two_row_header(TOP, below) is None
    guess = find_roster_header([TOP, below])
    assert guess is not None
    assert guess.row_index == 0
    assert guess.cells == tuple(TOP)
    assert guess.mapping.get("birth_place_date") == 3


def test_names_and_codes_of_regions_are_columns_of_their_own():
    mapping = guess_mapping(["NIK", "Desa/Kelurahan", "Kecamatan", "Kode Desa", "Kode Kecamatan"])
    assert mapping.columns == {
        "nik": 0, "village": 1, "district": 2, "village_code": 3, "district_code": 4
    }  # fmt: skip
