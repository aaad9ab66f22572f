"""Kemendagri region codes."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest

from desktop.domain.findings import DomainError
from desktop.domain.regions import (
    PROVINCE_CODES,
    RegionCode,
    RegionLevel,
    parent_code,
    region_level_of,
)


def _wilayah_csv() -> Path | None:
    candidates = [
        os.environ.get("SIGAP_WILAYAH_CSV", ""),
        str(Path(__file__).resolve().parents[3] / "data" / "wilayah" / "indonesia.csv"),
        "/work/shared/data/wilayah/indonesia.csv",
    ]
    return next((Path(c) for c in candidates if c and Path(c).is_file()), None)


@pytest.mark.wilayah
def test_province_codes_match_the_region_list() -> None:
    path = _wilayah_csv()
    if path is None:
        pytest.skip("the Kemendagri region list is not available here")
    with path.open(encoding="utf-8") as handle:
        provinces = {row["kode"] for row in csv.DictReader(handle) if row["level"] == "1"}
    assert provinces == PROVINCE_CODES


def test_province_codes() -> None:
    assert len(PROVINCE_CODES) == 38
    assert {"11", "16", "31", "96"} <= PROVINCE_CODES
    assert "20" not in PROVINCE_CODES


@pytest.mark.parametrize(
    ("text", "dotted", "level"),
    [
        ("16", "16", RegionLevel.PROVINCE),
        ("16.02", "16.02", RegionLevel.REGENCY),
        ("1602", "16.02", RegionLevel.REGENCY),
        ("16.02.05", "16.02.05", RegionLevel.DISTRICT),
        ("160205", "16.02.05", RegionLevel.DISTRICT),
        ("16.02.05.2001", "16.02.05.2001", RegionLevel.VILLAGE),
        ("1602052001", "16.02.05.2001", RegionLevel.VILLAGE),
        ("  16.02.05.2001\n", "16.02.05.2001", RegionLevel.VILLAGE),
        ("16. 02 .05", "16.02.05", RegionLevel.DISTRICT),
        ("99", "99", RegionLevel.PROVINCE),  # province validity is the NIK's business
    ],
)
def test_parse(text: str, dotted: str, level: RegionLevel) -> None:
    code = RegionCode.parse(text)
    assert code.dotted == dotted
    assert str(code) == dotted
    assert code.level is level
    assert region_level_of(text) is level


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1",
        "160",
        "16.2",
        "16.02.5",
        "16.02.05.201",
        "16.02.05.20011",
        "1602052",
        "16020520011",
        "16..02",
        ".16",
        "16.",
        "16-02",
        "ab.cd",
        "16.02.05.2001.01",
        "\u0661\u0666",  # Arabic-Indic digits
    ],
)
def test_parse_rejects_malformed(text: str) -> None:
    with pytest.raises(DomainError) as info:
        RegionCode.parse(text)
    assert info.value.finding.code == "region.invalid"
    assert "Kode wilayah" in str(info.value)


@pytest.mark.parametrize("text", ["00", "16.00", "16.02.00", "16.02.05.0000"])
def test_zero_segments_are_rejected(text: str) -> None:
    with pytest.raises(DomainError) as info:
        RegionCode.parse(text)
    assert info.value.finding.code == "region.zero"


def test_constructor_validates() -> None:
    with pytest.raises(DomainError):
        RegionCode("1602")
    assert RegionCode("16.02") == RegionCode.parse("1602")


def test_hierarchy() -> None:
    village = RegionCode.parse("1602052001")
    assert village.parent == RegionCode("16.02.05")
    assert village.province == RegionCode("16")
    assert village.regency == RegionCode("16.02")
    assert village.district == RegionCode("16.02.05")
    assert village.ancestors() == (RegionCode("16"), RegionCode("16.02"), RegionCode("16.02.05"))
    assert village.segments == ("16", "02", "05", "2001")
    province = RegionCode("16")
    assert province.parent is None
    assert province.regency is None
    assert province.district is None
    assert province.ancestors() == ()
    assert RegionCode("16.02").district is None
    assert RegionCode("16.02").regency == RegionCode("16.02")
    assert village.at_level(RegionLevel.VILLAGE) == village


def test_contains() -> None:
    assert RegionCode("16.02").contains(RegionCode("16.02.05.2001"))
    assert RegionCode("16.02").contains(RegionCode("16.02"))
    assert not RegionCode("16.02").contains(RegionCode("16.03.01"))
    assert not RegionCode("16.02.05").contains(RegionCode("16.02"))


def test_kinds_of_village_and_city() -> None:
    assert RegionCode("16.02.05.1002").is_kelurahan
    assert not RegionCode("16.02.05.1002").is_desa
    assert RegionCode("16.02.05.2001").is_desa
    assert not RegionCode("16.02.05").is_desa
    assert not RegionCode("16.02.05").is_kelurahan
    assert RegionCode("16.71").is_city  # Kota Palembang
    assert RegionCode("16.71.01.1001").is_city
    assert not RegionCode("16.02").is_city
    assert not RegionCode("16").is_city


def test_format_and_undotted() -> None:
    code = RegionCode("16.02.05.2001")
    assert code.undotted == "1602052001"
    assert code.format() == "16.02.05.2001"
    assert code.format(dotted=False) == "1602052001"


def test_ordering_and_hashing() -> None:
    codes = [RegionCode("16.02.05"), RegionCode("11"), RegionCode("16"), RegionCode("16.02")]
    assert [c.dotted for c in sorted(codes)] == ["11", "16", "16.02", "16.02.05"]
    assert len({RegionCode("16.02"), RegionCode.parse("1602")}) == 1


def test_parent_code() -> None:
    assert parent_code("1602052001") == "16.02.05"
    assert parent_code("16.02") == "16"
    assert parent_code("16") is None


def test_level_labels() -> None:
    assert RegionLevel.PROVINCE.label == "Provinsi"
    assert RegionLevel.REGENCY.label == "Kabupaten/Kota"
    assert RegionLevel.DISTRICT.label == "Kecamatan"
    assert RegionLevel.VILLAGE.label == "Desa/Kelurahan"
