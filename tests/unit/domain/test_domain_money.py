"""Rupiah formatting, words and parsing."""

from __future__ import annotations

import pytest

from desktop.domain.findings import DomainError
from desktop.domain.money import (
    format_rupiah,
    parse_rupiah,
    rupiah_in_words,
    rupiah_with_words,
)


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (8_330_000_000, "Rp8.330.000.000,00"),
        (1_000_000, "Rp1.000.000,00"),
        (16_800, "Rp16.800,00"),
        (0, "Rp0,00"),
        (999, "Rp999,00"),
        (-42_000_000, "-Rp42.000.000,00"),
    ],
)
def test_format_rupiah(amount: int, text: str) -> None:
    assert format_rupiah(amount) == text


def test_format_rupiah_without_cents() -> None:
    assert format_rupiah(8_330_000_000, cents=False) == "Rp8.330.000.000"
    assert format_rupiah(0, cents=False) == "Rp0"
    assert format_rupiah(-500, cents=False) == "-Rp500"


@pytest.mark.parametrize("bad", [1.5, True, "1000", None])
def test_format_rupiah_rejects_non_int(bad: object) -> None:
    with pytest.raises(TypeError):
        format_rupiah(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        (8_330_000_000, "delapan miliar tiga ratus tiga puluh juta rupiah"),
        (0, "nol rupiah"),
        (1, "satu rupiah"),
        (1_000, "seribu rupiah"),
        (1_000_000, "satu juta rupiah"),
        (42_000_000, "empat puluh dua juta rupiah"),
        (174_000_000, "seratus tujuh puluh empat juta rupiah"),
        (16_800, "enam belas ribu delapan ratus rupiah"),
    ],
)
def test_rupiah_in_words(amount: int, words: str) -> None:
    assert rupiah_in_words(amount) == words


def test_rupiah_with_words() -> None:
    assert rupiah_with_words(1_000_000) == "Rp1.000.000,00 (satu juta rupiah)"


@pytest.mark.parametrize("bad", [1.0, True, False, "5", None])
def test_rupiah_in_words_rejects_non_int(bad: object) -> None:
    with pytest.raises(TypeError):
        rupiah_in_words(bad)  # type: ignore[arg-type]


def test_rupiah_in_words_rejects_negative_and_huge() -> None:
    with pytest.raises(DomainError) as info:
        rupiah_in_words(-1)
    assert info.value.finding.code == "money.negative"
    with pytest.raises(ValueError):
        rupiah_in_words(10**18)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp1.000.000", 1_000_000),
        ("1.000.000,00", 1_000_000),
        ("1000000", 1_000_000),
        ("Rp8.330.000.000,00", 8_330_000_000),
        ("Rp 1.000.000,-", 1_000_000),
        ("Rp. 16.800", 16_800),
        ("rp16.800,0", 16_800),
        ("IDR 500", 500),
        ("  Rp\u00a01.000  ", 1_000),
        ("0", 0),
        ("Rp0,00", 0),
        ("-Rp42.000.000,00", -42_000_000),
        ("Rp-5.000", -5_000),
        ("999", 999),
    ],
)
def test_parse_rupiah(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize(
    "text",
    ["Rp", "abc", "1.5", "1,000,000", "1.0000", "1.00.000", "--5", "Rp1.000,5x", "1e6", "½"],
)
def test_parse_rupiah_rejects(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_rupiah(text)
    assert info.value.finding.code == "money.invalid"


def test_parse_rupiah_empty() -> None:
    with pytest.raises(DomainError) as info:
        parse_rupiah("  ")
    assert info.value.finding.code == "money.empty"


@pytest.mark.parametrize("text", ["1.000,50", "Rp1.000.000,01", "10,5"])
def test_parse_rupiah_rejects_nonzero_cents(text: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_rupiah(text)
    assert info.value.finding.code == "money.cents"
    assert "sen" in str(info.value)


def test_parse_rupiah_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        parse_rupiah(1000)  # type: ignore[arg-type]
