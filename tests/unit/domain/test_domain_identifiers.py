"""KK, KPJ, NIP and account numbers."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.categories import Sex
from desktop.domain.findings import DomainError
from desktop.domain.identifiers import (
    NipInfo,
    check_kk,
    check_kpj,
    check_nip,
    expand_two_digit_year,
    format_nip,
    looks_like_decimal,
    looks_like_scientific,
    mask_account,
    mask_kpj,
    normalize_number,
    parse_nip,
)

TODAY = date(2025, 9, 2)
BULLET = "\u2022"


def kk_codes(text: str) -> list[str]:
    return [f.code for f in check_kk(text, today=TODAY)]


# --- shared helpers ---


def test_normalize_number() -> None:
    assert normalize_number(" '1602-0501.0120 0001 ") == "1602050101200001"
    assert normalize_number("12 345-678.90") == "1234567890"
    assert normalize_number("\u2018123") == "123"
    assert normalize_number("") == ""


def test_excel_shapes() -> None:
    assert looks_like_scientific("1.60205E+15")
    assert looks_like_scientific(" 1,6e15 ")
    assert not looks_like_scientific("1602054209800001")
    assert not looks_like_scientific("E15")
    assert looks_like_decimal("1602054209800001.0")
    assert not looks_like_decimal("16.02.05.420980.0001")
    assert not looks_like_decimal("1602054209800001")


def test_expand_two_digit_year() -> None:
    assert expand_two_digit_year(25, TODAY) == 2025
    assert expand_two_digit_year(26, TODAY) == 1926
    assert expand_two_digit_year(0, date(2000, 1, 1)) == 2000
    assert expand_two_digit_year(1, date(2000, 1, 1)) == 1901
    with pytest.raises(ValueError):
        expand_two_digit_year(100, TODAY)


# --- KK ---


def test_valid_kk() -> None:
    assert check_kk("1602050101200001", today=TODAY) == ()
    assert check_kk("'1602 0501 0120 0001", today=TODAY) == ()
    assert check_kk("1602050101200001") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["kk.empty"]),
        ("1.60205E+15", ["kk.scientific"]),
        ("1602050101200001.0", ["kk.decimal"]),
        ("160205010120", ["kk.length"]),
        ("16020501012000A1", ["kk.not_digits"]),
        ("9902050101200001", ["kk.province"]),
        ("1600050101200001", ["kk.area_zero"]),
        ("1602054101200001", ["kk.date"]),  # no +40 on a KK
        ("1602053002200001", ["kk.date"]),
        ("1602050113200001", ["kk.date"]),
        ("1602050112250001", ["kk.future"]),  # 1 December 2025
    ],
)
def test_kk_errors(text: str, expected: list[str]) -> None:
    assert kk_codes(text) == expected
    assert all(f.message for f in check_kk(text, today=TODAY))


def test_kk_length_message() -> None:
    (finding,) = check_kk("123", today=TODAY)
    assert finding.message == "Nomor KK harus 16 angka, bukan 3."


# --- KPJ ---


def test_kpj() -> None:
    assert check_kpj("12345678901") == ()
    assert check_kpj("123 4567 8901") == ()
    assert [f.code for f in check_kpj("")] == ["kpj.empty"]
    assert [f.code for f in check_kpj("1234567890")] == ["kpj.length"]
    assert check_kpj("1234567890")[0].message == "Nomor KPJ harus 11 angka, bukan 10."
    assert [f.code for f in check_kpj("1234567890X")] == ["kpj.not_digits"]
    assert [f.code for f in check_kpj("1.23457E+10")] == ["kpj.scientific"]


def test_mask_kpj() -> None:
    assert mask_kpj("12345671234") == BULLET * 7 + "1234"
    assert mask_kpj("123 4567 1234") == BULLET * 7 + "1234"
    assert mask_kpj("1234") == BULLET * 4
    assert mask_kpj("") == ""


def test_mask_account() -> None:
    assert mask_account("1234567890") == BULLET * 6 + "7890"
    assert mask_account("0123-01-234567-50-1") == BULLET * 11 + "7501"
    assert mask_account("12") == BULLET * 2


# --- NIP ---

NIP = "198009022005011001"


def test_parse_nip() -> None:
    info = parse_nip(NIP)
    assert info == NipInfo(date(1980, 9, 2), 2005, 1, Sex.MALE, 1)
    assert not info.is_pppk
    assert parse_nip("19800902 200501 2 015").sex is Sex.FEMALE
    assert parse_nip("19800902 200501 2 015").serial == 15


def test_pppk_nip() -> None:
    info = parse_nip("199203152023212012")
    assert info.is_pppk
    assert info.appointment_year == 2023
    assert info.sex is Sex.FEMALE


def test_format_nip() -> None:
    assert format_nip(NIP) == "19800902 200501 1 001"
    assert format_nip("19800902-200501-1-001") == "19800902 200501 1 001"
    with pytest.raises(DomainError):
        format_nip("123")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["nip.empty"]),
        ("1.98009E+17", ["nip.scientific"]),
        ("19800902200501100", ["nip.length"]),
        ("19800902200501100A", ["nip.not_digits"]),
        ("198002302005011001", ["nip.birth_date"]),
        ("180009022005011001", ["nip.birth_date"]),
        ("198009022005131001", ["nip.appointment"]),
        ("198009022005001001", ["nip.appointment"]),
        ("198009021975011001", ["nip.appointment_before_birth"]),
        ("198009022005013001", ["nip.sex"]),
        ("198009022005011000", ["nip.serial"]),
        ("198002302005133000", ["nip.birth_date", "nip.appointment", "nip.sex", "nip.serial"]),
    ],
)
def test_nip_errors(text: str, expected: list[str]) -> None:
    assert [f.code for f in check_nip(text)] == expected


def test_valid_nip_has_no_findings() -> None:
    assert check_nip(NIP) == ()


def test_parse_nip_raises_first_error() -> None:
    with pytest.raises(DomainError) as info:
        parse_nip("198009022005013001")
    assert info.value.finding.code == "nip.sex"
    assert "1 atau 2" in str(info.value)
