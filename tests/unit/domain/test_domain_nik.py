"""NIK checks: every error and warning path."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.findings import DomainError, Severity
from desktop.domain.nik import (
    PROVINCE_CODES,
    NikInfo,
    Sex,
    check_nik,
    make_nik,
    normalize_nik,
    parse_nik,
)

TODAY = date(2025, 9, 2)
WOMAN = "1602054209800001"  # born 2 September 1980 (42 = 2 + 40), Kayu Agung
MAN = "1602050209800002"


def codes(text: str, **kwargs: object) -> list[str]:
    result = check_nik(text, today=TODAY, **kwargs)  # type: ignore[arg-type]
    return [f.code for f in result.errors]


def test_reexports() -> None:
    assert "16" in PROVINCE_CODES
    assert Sex.FEMALE.value == "P"


def test_real_woman_nik() -> None:
    result = check_nik(WOMAN, today=TODAY)
    assert result.ok
    assert result.errors == () and result.warnings == ()
    assert result.info == NikInfo(
        nik=WOMAN,
        province_code="16",
        regency_code="16.02",
        district_code="16.02.05",
        birth_date=date(1980, 9, 2),
        sex=Sex.FEMALE,
        serial=1,
    )
    assert result.info.masked == "1602\u2022\u2022\u2022\u2022\u2022\u2022\u2022\u20220001"
    assert str(result.info.district) == "16.02.05"


def test_man_keeps_the_day() -> None:
    info = parse_nik(MAN, today=TODAY)
    assert info.sex is Sex.MALE
    assert info.birth_date == date(1980, 9, 2)
    assert info.serial == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" 1602 0542 0980 0001 ", WOMAN),
        ("16.02.05.420980.0001", WOMAN),
        ("1602-0542-0980-0001", WOMAN),
        ("'1602054209800001", WOMAN),
        ("\u20191602054209800001", WOMAN),
        ("1602\u00a005420980\t0001", WOMAN),
        ("1.60205E+15", "160205E+15"),  # not repaired
        ("abc", "abc"),
    ],
)
def test_normalize_nik(text: str, expected: str) -> None:
    assert normalize_nik(text) == expected


def test_normalized_input_is_accepted() -> None:
    assert parse_nik("'1602 0542 0980 0001", today=TODAY).nik == WOMAN


@pytest.mark.parametrize("text", ["", "   ", "'", " - . "])
def test_empty(text: str) -> None:
    assert codes(text) == ["nik.empty"]
    assert check_nik(text, today=TODAY).errors[0].message == "NIK belum diisi."


@pytest.mark.parametrize(("text", "count"), [("160205420980001", 15), ("16020542098000011", 17)])
def test_wrong_length_says_the_count(text: str, count: int) -> None:
    result = check_nik(text, today=TODAY)
    assert [f.code for f in result.errors] == ["nik.length"]
    assert result.errors[0].message == f"NIK harus 16 angka, bukan {count}."
    assert result.info is None


def test_non_digits() -> None:
    result = check_nik("16020542098O0001", today=TODAY)  # letter O
    assert [f.code for f in result.errors] == ["nik.not_digits"]
    assert '"O"' in result.errors[0].message


def test_non_digits_and_wrong_length_both_reported() -> None:
    assert codes("16020542098X") == ["nik.not_digits", "nik.length"]


@pytest.mark.parametrize(
    "text", ["1.60205E+15", "1,60205E+15", "1.602054E+15", "1602054E15", "'1.6E+15"]
)
def test_scientific_notation(text: str) -> None:
    result = check_nik(text, today=TODAY)
    assert [f.code for f in result.errors] == ["nik.scientific"]
    message = result.errors[0].message
    assert "Excel" in message and "teks" in message


@pytest.mark.parametrize("text", ["1602054209800001.0", "1602054209800000,00"])
def test_decimal_from_excel(text: str) -> None:
    result = check_nik(text, today=TODAY)
    assert [f.code for f in result.errors] == ["nik.decimal"]
    assert "Excel" in result.errors[0].message


def test_unknown_province() -> None:
    result = check_nik("9902054209800001", today=TODAY)
    assert [f.code for f in result.errors] == ["nik.province"]
    assert result.errors[0].message == "Kode provinsi 99 pada NIK tidak dikenal."


@pytest.mark.parametrize("text", ["1600054209800001", "1602004209800001"])
def test_zero_regency_or_district(text: str) -> None:
    assert codes(text) == ["nik.area_zero"]


@pytest.mark.parametrize(
    "ddmmyy",
    [
        "000980",  # day 0
        "320980",  # day 32
        "400980",  # 40: neither a man's nor a woman's day
        "720980",  # 72 = 32 + 40
        "990980",
        "021380",  # month 13
        "020080",  # month 0
        "300280",  # 30 February
        "700280",  # 30 February for a woman
        "290281",  # 1981 is not a leap year
        "310480",  # 31 April
    ],
)
def test_impossible_birth_dates(ddmmyy: str) -> None:
    result = check_nik(f"160205{ddmmyy}0001", today=TODAY)
    assert [f.code for f in result.errors] == ["nik.birth_date"]
    assert ddmmyy in result.errors[0].message


def test_leap_day_is_fine() -> None:
    assert parse_nik("1602056902800001", today=TODAY).birth_date == date(1980, 2, 29)
    assert parse_nik("1602052902000001", today=TODAY).birth_date == date(2000, 2, 29)


def test_birth_date_in_the_future() -> None:
    result = check_nik("1602051212250001", today=TODAY)  # 12 Dec 2025
    assert [f.code for f in result.errors] == ["nik.future"]
    assert "12 Desember 2025" in result.errors[0].message


def test_born_today_is_fine() -> None:
    assert parse_nik("1602050209250001", today=TODAY).birth_date == TODAY


def test_serial_zero() -> None:
    result = check_nik("1602054209800000", today=TODAY)
    assert [f.code for f in result.errors] == ["nik.serial"]
    assert "0000" in result.errors[0].message


def test_several_errors_are_reported_together() -> None:
    assert codes("9902053209800000") == ["nik.province", "nik.birth_date", "nik.serial"]


@pytest.mark.parametrize(
    ("yy", "year"),
    [("00", 2000), ("24", 2024), ("25", 2025), ("26", 1926), ("80", 1980), ("99", 1999)],
)
def test_century_is_not_in_the_future(yy: str, year: int) -> None:
    assert parse_nik(f"1602050101{yy}0001", today=TODAY).birth_date == date(year, 1, 1)


def test_record_birth_date_settles_the_century() -> None:
    # 1 January 1925: read as 2025 by default, but the record says 1925.
    result = check_nik("1602050101250001", birth_date=date(1925, 1, 1), today=TODAY)
    assert result.ok and not result.warnings
    assert result.info is not None and result.info.birth_date == date(1925, 1, 1)
    # A December 1925 birth would be in the future if read as 2025.
    assert check_nik("1602051212250001", birth_date=date(1925, 12, 12), today=TODAY).ok


def test_record_birth_date_in_the_future_is_not_trusted() -> None:
    result = check_nik("1602050101800001", birth_date=date(2080, 1, 1), today=TODAY)
    assert result.ok
    assert result.info is not None and result.info.birth_date == date(1980, 1, 1)
    assert [f.code for f in result.warnings] == ["nik.birth_date_mismatch"]


def test_default_today_is_used() -> None:
    assert check_nik(WOMAN).ok


def test_known_area_warning() -> None:
    asked: list[str] = []

    def known(code: str) -> bool:
        asked.append(code)
        return False

    result = check_nik(WOMAN, known_area=known, today=TODAY)
    assert result.ok
    assert result.info is not None
    assert asked == ["16.02.05"]
    assert [f.code for f in result.warnings] == ["nik.area_unknown"]
    assert result.warnings[0].severity is Severity.WARNING
    assert "16.02.05" in result.warnings[0].message
    assert "pemekaran" in result.warnings[0].message


def test_known_area_no_warning() -> None:
    assert check_nik(WOMAN, known_area=lambda code: True, today=TODAY).warnings == ()


def test_birth_date_mismatch_warning() -> None:
    result = check_nik(WOMAN, birth_date=date(1980, 9, 3), today=TODAY)
    assert result.ok
    assert [f.code for f in result.warnings] == ["nik.birth_date_mismatch"]
    message = result.warnings[0].message
    assert "2 September 1980" in message and "3 September 1980" in message


def test_sex_mismatch_warning() -> None:
    result = check_nik(WOMAN, sex=Sex.MALE, today=TODAY)
    assert result.ok
    assert [f.code for f in result.warnings] == ["nik.sex_mismatch"]
    assert "Perempuan" in result.warnings[0].message
    assert "Laki-laki" in result.warnings[0].message


def test_matching_record_gives_no_warning() -> None:
    result = check_nik(
        WOMAN,
        birth_date=date(1980, 9, 2),
        sex=Sex.FEMALE,
        known_area=lambda code: True,
        today=TODAY,
    )
    assert result.ok and result.warnings == ()


def test_all_warnings_together_and_findings_order() -> None:
    result = check_nik(
        WOMAN,
        birth_date=date(1981, 1, 1),
        sex=Sex.MALE,
        known_area=lambda code: False,
        today=TODAY,
    )
    assert [f.code for f in result.findings] == [
        "nik.area_unknown",
        "nik.birth_date_mismatch",
        "nik.sex_mismatch",
    ]


def test_no_warnings_on_rejected_nik() -> None:
    result = check_nik("9902054209800001", sex=Sex.MALE, known_area=lambda c: False, today=TODAY)
    assert not result.ok
    assert result.warnings == ()
    assert result.info is None


def test_messages_do_not_contain_the_nik() -> None:
    result = check_nik(WOMAN, birth_date=date(1981, 1, 1), sex=Sex.MALE, known_area=lambda c: False)
    assert all(WOMAN not in f.message for f in result.findings)


def test_parse_nik_raises_first_error() -> None:
    with pytest.raises(DomainError) as info:
        parse_nik("1602", today=TODAY)
    assert info.value.finding.code == "nik.length"
    assert str(info.value) == "NIK harus 16 angka, bukan 4."


def test_make_nik() -> None:
    assert make_nik("16.02.05", date(1980, 9, 2), Sex.FEMALE, 1) == WOMAN
    assert make_nik("160205", date(1980, 9, 2), Sex.MALE, 2) == MAN
    assert make_nik("16.02.05", date(2001, 12, 31), Sex.FEMALE, 9999) == "1602057112019999"


@pytest.mark.parametrize(
    ("district", "serial", "code"),
    [
        ("16.02", 1, "nik.make.district"),
        ("16.02.05.2001", 1, "nik.make.district"),
        ("99.01.01", 1, "nik.province"),
        ("16.2.5", 1, "region.invalid"),
        ("16.02.05", 0, "nik.make.serial"),
        ("16.02.05", 10_000, "nik.make.serial"),
        ("16.02.05", -1, "nik.make.serial"),
    ],
)
def test_make_nik_validates(district: str, serial: int, code: str) -> None:
    with pytest.raises(DomainError) as info:
        make_nik(district, date(1980, 9, 2), Sex.MALE, serial)
    assert info.value.finding.code == code


def test_make_nik_rejects_bool_serial() -> None:
    with pytest.raises(DomainError):
        make_nik("16.02.05", date(1980, 9, 2), Sex.MALE, True)
