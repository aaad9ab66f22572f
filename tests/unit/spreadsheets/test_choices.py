"""Labels and codes of a roster sheet read back: sub-category, status, funding, programmes,
income; in any case and spacing, and a message that says what to write when unknown."""

from __future__ import annotations

import pytest

from desktop.domain.categories import (
    Category,
    FundingSource,
    Programme,
    SubCategory,
    WorkerStatus,
)
from desktop.domain.findings import Finding
from desktop.spreadsheets.choices import (
    parse_funding,
    parse_income,
    parse_programmes,
    parse_status,
    parse_subcategory,
)


@pytest.mark.parametrize("sub", list(SubCategory))
def test_every_sub_category_reads_back_from_its_label_or_its_code(sub: SubCategory) -> None:
    for text in (sub.label, sub.value, sub.label.upper(), f"  {sub.label.lower()} ", sub.value):
        assert parse_subcategory(text, None) is sub
    assert parse_subcategory(sub.value.replace("_", " ").title(), sub.category) is sub


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("ketua rt", SubCategory.KETUA_RT),
        ("KETUA-RW", SubCategory.KETUA_RW),
        ("Linmas", SubCategory.LINMAS),
        ("LPM", SubCategory.LPM),
        ("Sekdes", SubCategory.SEKRETARIS_DESA),
    ],
)
def test_sub_categories_as_clerks_write_them(text: str, sub: SubCategory) -> None:
    assert parse_subcategory(text, None) is sub


def test_an_unknown_sub_category_lists_its_category_s_choices() -> None:
    found = parse_subcategory("Ketua Adat Besar", Category.RT_RW)
    assert isinstance(found, Finding) and found.is_error
    assert found.code == "import.subcategory_unknown"
    assert "Ketua RT, Ketua RW" in found.message and "Ketua Adat Besar" in found.message
    assert isinstance(parse_subcategory("xyz", None), Finding)
    assert parse_subcategory("", None) is None and parse_subcategory(None, None) is None


@pytest.mark.parametrize("status", list(WorkerStatus))
def test_every_status_reads_back(status: WorkerStatus) -> None:
    for text in (status.label, status.value, status.label.upper(), f" {status.value} "):
        assert parse_status(text) is status


def test_status_as_clerks_write_it_and_an_unknown_one() -> None:
    assert parse_status("Non Aktif") is WorkerStatus.NONAKTIF
    assert parse_status("Non-aktif") is WorkerStatus.NONAKTIF
    assert parse_status("meninggal") is WorkerStatus.MENINGGAL
    found = parse_status("Cuti")
    assert isinstance(found, Finding) and found.code == "import.status_unknown"
    assert "Aktif, Nonaktif, Meninggal Dunia" in found.message
    assert parse_status("  ") is None


@pytest.mark.parametrize("source", list(FundingSource))
def test_every_funding_source_reads_back(source: FundingSource) -> None:
    for text in (source.label, source.value, source.label.lower(), source.value.upper()):
        assert parse_funding(text) is source
    found = parse_funding("CSR")
    assert isinstance(found, Finding) and "APBD Kabupaten" in found.message


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("JKK, JKM", "JKK,JKM"),
        ("JKK,JKM,JHT", "JKK,JKM,JHT"),
        ("jkm jkk", "JKK,JKM"),  # stored in the usual order
        ("JKK + JKM + JHT", "JKK,JKM,JHT"),
        ("JKK dan JKM", "JKK,JKM"),
        ("Jaminan Kecelakaan Kerja (JKK), Jaminan Kematian (JKM)", "JKK,JKM"),
        ("JHT", "JHT"),
    ],
)
def test_programmes(text: str, stored: str) -> None:
    assert parse_programmes(text) == stored
    assert all(p in {q.abbreviation for q in Programme} for p in stored.split(","))


def test_unknown_programmes_are_refused() -> None:
    found = parse_programmes("JKK, JKN")
    assert isinstance(found, Finding) and found.code == "import.programmes_unknown"
    assert parse_programmes("") is None


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        (1_500_000, 1_500_000),
        (1_500_000.0, 1_500_000),
        ("1500000", 1_500_000),
        ("1.500.000", 1_500_000),
        ("Rp 1.500.000", 1_500_000),
        ("Rp. 1.500.000,00", 1_500_000),
        ("1,500,000", 1_500_000),
        ("1,500,000.00", 1_500_000),
        ("0", 0),
    ],
)
def test_income_as_written(cell: object, amount: int) -> None:
    assert parse_income(cell) == amount  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "cell", ["satu juta", "1,5 juta", "1.500.000,50", -5, 1500.5, "-100", True]
)
def test_income_that_is_no_rupiah_amount_is_refused(cell: object) -> None:
    found = parse_income(cell)  # type: ignore[arg-type]
    assert isinstance(found, Finding) and found.code == "import.income"
    assert "1.500.000" in found.message


def test_an_empty_income_is_none() -> None:
    assert parse_income(None) is None and parse_income("") is None and parse_income("  ") is None
