"""Files that break spreadsheet readers: every message the user reads is Indonesian, names
the file (and the row or line) and says what to do; no English library text gets through."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.cli import run
from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.spreadsheets.reader import UnreadableSheet, read_sheet
from tests import fixtures_messy as messy

# What csv, codecs, zipfile, calamine and the OS say in their own words.
ENGLISH = (
    "field larger",
    "field limit",
    "codec",
    "can't decode",
    "invalid start byte",
    "invalid continuation",
    "truncated data",
    "surrogate",
    "position",
    "line contains",
    "NUL",
    "expected",
    "Error",
    "error",
    "unexpected",
    "Traceback",
    "Errno",
    "zip file",
    "File is not",
    "calamine",
    "Invalid",
    "invalid",
    "not supported",
    "No such file",
    "0x",
)

FIVE_MB = 5 * 1024 * 1024
HEADER = b"NIK;Nama;Desa\n"


def english_in(message: str) -> list[str]:
    return [fragment for fragment in ENGLISH if fragment in message]


def check_message(error: UnreadableSheet, path: Path) -> str:
    """The message: Indonesian, names the file, says what to do."""
    message = str(error)
    assert message == error.finding.message
    assert english_in(message) == [], message
    assert path.name in message, message
    assert "coba lagi" in message, message
    return message


# -- the files ---------------------------------------------------------------------------


def huge_cell(tmp_path: Path) -> Path:
    """Row 3 holds a 5 MB cell (a pasted document, no quotes at all)."""
    path = tmp_path / "sel-raksasa.csv"
    path.write_bytes(HEADER + b"1;Budi;Sukadana\n2;" + b"x" * FIVE_MB + b";Sukadana\n3;Siti;X\n")
    return path


def unclosed_quote_big(tmp_path: Path) -> Path:
    """Row 2 opens a quote never closed; the 3 MB after it become one cell."""
    path = tmp_path / "kutip-besar.csv"
    path.write_bytes(HEADER + b'1;"Budi;Sukadana\n' + b"2;Siti Aminah;Sukadana\n" * 150_000)
    return path


def unclosed_quote_small(tmp_path: Path) -> Path:
    """Row 3 opens a quote never closed in a file small enough to stay under the cell limit."""
    path = tmp_path / "kutip-kecil.csv"
    rows = [b"%d;Warga %d;Sukadana\n" % (i, i) for i in range(40)]
    rows[1] = b'1;"Warga satu;Sukadana\n'
    path.write_bytes(HEADER + b"".join(rows))
    return path


def bad_cp1252_byte(tmp_path: Path) -> Path:
    """Windows-1252 names, then on line 4 the byte 0x81, which Windows-1252 does not define."""
    path = tmp_path / "huruf-asing.csv"
    path.write_bytes(
        HEADER
        + "1;Dédi;Sukadana\n2;Bérta;Menggeris\n".encode("cp1252")
        + b"3;Bu\x81di;Sukadana\n4;Siti;Sukadana\n"
    )
    return path


def utf16_cut_short(tmp_path: Path) -> Path:
    """UTF-16 with its BOM, cut through the middle of a character on line 3."""
    path = tmp_path / "utf16-terpotong.csv"
    text = "NIK;Nama;Desa\n1;Budi;Sukadana\n2;Siti;Sukadana\n"
    data = b"\xff\xfe" + text.encode("utf-16-le")
    path.write_bytes(data[: data.index("Siti".encode("utf-16-le")) + 1])
    return path


def utf16_lone_surrogate(tmp_path: Path) -> Path:
    """UTF-16 with half a surrogate pair on line 2."""
    path = tmp_path / "utf16-rusak.csv"
    data = b"\xff\xfe" + "NIK;Nama\n1;".encode("utf-16-le") + b"\x00\xd8"
    path.write_bytes(data + "Budi\n2;Siti\n".encode("utf-16-le"))
    return path


def nul_at_start(tmp_path: Path) -> Path:
    """NUL bytes at the start without a UTF-16 mark: not a text file at all."""
    path = tmp_path / "biner.csv"
    path.write_bytes(b"NIK\x00;\x00Nama\x00\n" * 20)
    return path


def truncated_xlsx(tmp_path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["NIK", "Nama", "Desa"])
    for i in range(300):
        sheet.append([f"16020501018{i:05d}", f"Warga nomor {i}", "Sukadana"])
    whole = tmp_path / "utuh.xlsx"
    book.save(whole)
    path = tmp_path / "terpotong.xlsx"
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def zip_not_xlsx(tmp_path: Path) -> Path:
    """A zip of photos, named as a workbook."""
    path = tmp_path / "foto-ktp.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("ktp/budi.jpg", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
        archive.writestr("catatan.txt", "bukan lembar kerja")
    return path


UNREADABLE: list[tuple[Callable[[Path], Path], tuple[str, ...], tuple[str, ...]]] = [
    # (file, acceptable codes, what the message must also say)
    (huge_cell, ("sheet.cell_too_long",), ("baris 3", "131.072")),
    (unclosed_quote_big, ("sheet.cell_too_long",), ("baris 2", "tanda kutip")),
    (unclosed_quote_small, ("sheet.unclosed_quote",), ("baris 3", "tanda kutip")),
    (bad_cp1252_byte, ("sheet.encoding",), ("baris 4", "UTF-8")),
    (utf16_cut_short, ("sheet.encoding",), ("baris 3",)),
    (utf16_lone_surrogate, ("sheet.encoding",), ("baris 2",)),
    (nul_at_start, ("sheet.format",), ("CSV",)),
    (truncated_xlsx, ("sheet.broken",), ("rusak",)),
    (zip_not_xlsx, ("sheet.broken", "sheet.format"), ()),
]
IDS = [make.__name__ for make, _codes, _says in UNREADABLE]


@pytest.mark.parametrize(("make", "codes", "says"), UNREADABLE, ids=IDS)
def test_an_unreadable_file_is_refused_in_indonesian_naming_where(
    tmp_path: Path,
    make: Callable[[Path], Path],
    codes: tuple[str, ...],
    says: tuple[str, ...],
) -> None:
    path = make(tmp_path)
    with pytest.raises(UnreadableSheet) as caught:
        read_sheet(path)
    assert caught.value.code in codes
    message = check_message(caught.value, path)
    for words in says:
        assert words in message, message


def test_the_5_mb_cell_is_not_shown_back(tmp_path: Path) -> None:
    with pytest.raises(UnreadableSheet) as caught:
        read_sheet(huge_cell(tmp_path))
    assert "xxxx" not in str(caught.value)
    assert len(str(caught.value)) < 400


# -- files that look hostile but must read ------------------------------------------------


def test_ragged_rows_read_each_as_long_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "tidak-rata.csv"
    path.write_text(
        "DAFTAR PESERTA\n"  # a title line without a single delimiter
        "KABUPATEN OGAN KOMERING ILIR\n"
        "NIK;Nama;Desa;Kecamatan\n"
        "1;Budi\n"
        "2;Siti;Sukadana;Kayu Agung;lebih;lagi\n"
        "\n"
        "3;Ahmad;Menggeris;Pampangan\n"
        "4\n",
        encoding="utf-8",
    )
    sheet = read_sheet(path)
    assert sheet.delimiter == ";"
    assert sheet.rows == [
        ["DAFTAR PESERTA"],
        ["KABUPATEN OGAN KOMERING ILIR"],
        ["NIK", "Nama", "Desa", "Kecamatan"],
        ["1", "Budi"],
        ["2", "Siti", "Sukadana", "Kayu Agung", "lebih", "lagi"],
        [],
        ["3", "Ahmad", "Menggeris", "Pampangan"],
        ["4"],
    ]


def test_a_closed_quote_over_two_lines_in_the_last_row_reads(tmp_path: Path) -> None:
    path = tmp_path / "alamat.csv"
    for ending in ("\n", ""):
        path.write_text(
            'NIK;Nama;Alamat\n1;Budi;Sukadana\n2;Siti;"Jl. Merdeka\nNo. 5"' + ending,
            encoding="utf-8",
        )
        rows = read_sheet(path).rows
        assert rows[-1] == ["2", "Siti", "Jl. Merdeka\nNo. 5"]
        assert len(rows) == 3


def test_a_file_mixing_utf8_and_windows_1252_keeps_both_accents(tmp_path: Path) -> None:
    path = tmp_path / "gabungan.csv"
    path.write_bytes(
        "\ufeffNIK;Nama;Wilayah\n".encode()
        + "1;Budi;Sumatera Selatan — Ogan Komering Ilir ñ é\n".encode()
        + "2;Dédi Kurniawan;Kayuagung é\r\n".encode("cp1252")
        + "3;Ñoman;Pampangan\n".encode()
    )
    sheet = read_sheet(path)
    assert sheet.rows == [
        ["NIK", "Nama", "Wilayah"],
        ["1", "Budi", "Sumatera Selatan — Ogan Komering Ilir ñ é"],
        ["2", "Dédi Kurniawan", "Kayuagung é"],
        ["3", "Ñoman", "Pampangan"],
    ]
    assert sheet.encoding == "utf-8+cp1252"
    assert not any("\ufffd" in str(cell) or "Ã" in str(cell) for row in sheet.rows for cell in row)


def test_windows_1252_alone_still_reads(tmp_path: Path) -> None:
    path = tmp_path / "excel-windows.csv"
    path.write_bytes("NIK;Nama\n1;Dédi Kurniawan\n2;Rahmat Ñ\n".encode("cp1252"))
    sheet = read_sheet(path)
    assert sheet.rows[1:] == [["1", "Dédi Kurniawan"], ["2", "Rahmat Ñ"]]
    assert sheet.encoding == "cp1252"


def test_nul_bytes_late_in_the_file_do_not_stop_it(tmp_path: Path) -> None:
    path = tmp_path / "nul-di-akhir.csv"
    rows = b"".join(b"%d;Warga %d;Sukadana\n" % (i, i) for i in range(1, 1001))
    path.write_bytes(HEADER + rows + b"1001;Si\x00ti;Suka\x00dana\n")
    try:
        sheet = read_sheet(path)
    except UnreadableSheet as exc:  # refusing is fine too, in Indonesian
        check_message(exc, path)
        return
    assert len(sheet.rows) == 1002
    assert sheet.rows[1000] == ["1000", "Warga 1000", "Sukadana"]
    assert sheet.rows[-1][0] == "1001"


# -- the same files through ``roster import`` ---------------------------------------------


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


@pytest.fixture
def hub_db(tmp_path: Path) -> Path:
    db = tmp_path / "hub.db"
    assert cli("init", "--db", str(db), "--office", "hub", "--region", "16.02",
               "--name", "Dinas Sosial OKI")[0] == 0  # fmt: skip
    assert cli("regions", "import", "--db", str(db), str(messy.write_regions(tmp_path)))[0] == 0
    return db


def change_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        count: int = conn.execute("SELECT COUNT(*) FROM change_log").fetchone()[0]
    return count


def test_roster_import_refuses_each_file_in_one_indonesian_line(
    hub_db: Path, tmp_path: Path
) -> None:
    before = change_count(hub_db)
    for make, _codes, says in UNREADABLE:
        path = make(tmp_path)
        code, out, err = cli("roster", "import", "--db", str(hub_db), str(path))
        assert (code, out) == (2, ""), (path.name, err)
        assert err.startswith("sigap: ") and err.count("\n") == 1, err
        assert english_in(err) == [], err
        assert path.name in err and "coba lagi" in err, err
        for words in says:
            assert words in err, err
    assert change_count(hub_db) == before


def roster_line(number: int, born: date, name: str) -> str:
    nik = make_nik("16.02.05", born, Sex.MALE, 500 + number)
    return ";".join([str(number), nik, name, "", born.strftime("%d-%m-%Y"), "L",
                     "Sukadana", "Kayu Agung", "Marbot Masjid", "", ""])  # fmt: skip


def test_roster_import_of_a_mixed_encoding_file_keeps_every_name(
    hub_db: Path, tmp_path: Path
) -> None:
    path = tmp_path / "peserta-gabungan.csv"
    path.write_bytes(
        (";".join(messy.HEADER) + "\n").encode()
        + (roster_line(1, date(1980, 9, 2), "Ñoman Séptiani — Ilir") + "\n").encode()
        + (roster_line(2, date(1985, 3, 15), "Dédi Kurniawan") + "\r\n").encode("cp1252")
    )
    code, out, err = cli("roster", "import", "--db", str(hub_db), str(path))
    assert code == 0, err
    assert out.strip() == "ditambahkan 2, diperbarui 0, tidak berubah 0, ditolak 0"
    with sqlite3.connect(hub_db) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM worker")}
    assert names == {"Ñoman Séptiani — Ilir", "Dédi Kurniawan"}
