"""NIK (Nomor Induk Kependudukan): 16 digits PP KK CC DDMMYY SSSS, day + 40 for women."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.domain.categories import Sex
from desktop.domain.dates import long_date
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.identifiers import (
    MASK,
    area_findings,
    expand_two_digit_year,
    make_date,
    normalize_number,
    read_number,
)
from desktop.domain.regions import PROVINCE_CODES, RegionCode, RegionLevel

__all__ = [
    "FEMALE_DAY_OFFSET",
    "PROVINCE_CODES",
    "NikCheck",
    "NikInfo",
    "Sex",
    "check_nik",
    "make_nik",
    "normalize_nik",
    "parse_nik",
]

FEMALE_DAY_OFFSET = 40


@dataclass(frozen=True)
class NikInfo:
    """What a valid NIK says: area of registration, birth date, sex and serial."""

    nik: str
    province_code: str
    regency_code: str
    district_code: str
    birth_date: date
    sex: Sex
    serial: int

    @property
    def masked(self) -> str:
        """The NIK with its middle 8 digits hidden, e.g. "1602••••••••0001"."""
        return self.nik[:4] + MASK * 8 + self.nik[12:]

    @property
    def district(self) -> RegionCode:
        """The district (kecamatan) of registration as a region code."""
        return RegionCode(self.district_code)


@dataclass(frozen=True)
class NikCheck:
    """The result of checking a NIK: errors reject it, warnings only flag it."""

    info: NikInfo | None
    errors: tuple[Finding, ...]
    warnings: tuple[Finding, ...]

    @property
    def ok(self) -> bool:
        """True when the NIK has no errors (it may still have warnings)."""
        return not self.errors

    @property
    def findings(self) -> tuple[Finding, ...]:
        """Errors first, then warnings."""
        return self.errors + self.warnings


def normalize_nik(text: str) -> str:
    """Drop spaces, dots, dashes and a leading apostrophe; nothing else is repaired."""
    return normalize_number(text)


def _birth_and_sex(
    digits: str, record_birth: date | None, today: date
) -> tuple[date | None, Sex | None]:
    """The birth date and sex in a NIK's DDMMYY part; (None, None) when impossible."""
    dd, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    if 1 <= dd <= 31:
        day, sex = dd, Sex.MALE
    elif 1 + FEMALE_DAY_OFFSET <= dd <= 31 + FEMALE_DAY_OFFSET:
        day, sex = dd - FEMALE_DAY_OFFSET, Sex.FEMALE
    else:
        return None, None
    year = expand_two_digit_year(yy, today)
    # The NIK keeps two digits of the year; a record that agrees on day, month and
    # those two digits settles the century (someone born in 1925 in 2025).
    if (
        record_birth is not None
        and record_birth <= today
        and (record_birth.day, record_birth.month, record_birth.year % 100) == (day, month, yy)
    ):
        year = record_birth.year
    born = make_date(year, month, day)
    return (born, sex) if born is not None else (None, None)


def check_nik(
    text: str,
    *,
    birth_date: date | None = None,
    sex: Sex | None = None,
    known_area: Callable[[str], bool] | None = None,
    today: date | None = None,
) -> NikCheck:
    """Check a NIK, and compare it with the record's birth date, sex and region list."""
    today = today or date.today()
    digits, format_errors = read_number(text, "nik")
    if format_errors:
        return NikCheck(None, format_errors, ())
    errors = list(area_findings(digits, "nik"))
    born, nik_sex = _birth_and_sex(digits, birth_date, today)
    if born is None or nik_sex is None:
        errors.append(
            Finding.error(
                "nik.birth_date",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Tanggal lahir pada NIK (angka ke-7 sampai ke-12: {ddmmyy}) bukan tanggal yang ada. Ingat: untuk perempuan tanggalnya ditambah 40.",  # noqa: E501
                ),
                ddmmyy=digits[6:12],
            )
        )
    elif born > today:
        errors.append(
            Finding.error(
                "nik.future",
                QT_TRANSLATE_NOOP("Finding", "Tanggal lahir pada NIK ({date}) belum terjadi."),
                date=long_date(born),
            )
        )
    serial = int(digits[12:16])
    if serial == 0:
        errors.append(
            Finding.error(
                "nik.serial",
                QT_TRANSLATE_NOOP("Finding", "Nomor urut NIK (4 angka terakhir) tidak boleh 0000."),
            )
        )
    if errors or born is None or nik_sex is None:
        return NikCheck(None, tuple(errors), ())

    info = NikInfo(
        nik=digits,
        province_code=digits[0:2],
        regency_code=f"{digits[0:2]}.{digits[2:4]}",
        district_code=f"{digits[0:2]}.{digits[2:4]}.{digits[4:6]}",
        birth_date=born,
        sex=nik_sex,
        serial=serial,
    )
    return NikCheck(info, (), _warnings(info, birth_date, sex, known_area))


def _warnings(
    info: NikInfo,
    birth_date: date | None,
    sex: Sex | None,
    known_area: Callable[[str], bool] | None,
) -> tuple[Finding, ...]:
    warnings: list[Finding] = []
    if known_area is not None and not known_area(info.district_code):
        warnings.append(
            Finding.warning(
                "nik.area_unknown",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Kode wilayah {code} pada NIK tidak ada di daftar wilayah. Bisa jadi kode lama dari sebelum pemekaran wilayah; periksa kembali NIK-nya.",  # noqa: E501
                ),
                code=info.district_code,
            )
        )
    if birth_date is not None and birth_date != info.birth_date:
        warnings.append(
            Finding.warning(
                "nik.birth_date_mismatch",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Tanggal lahir menurut NIK ({nik_date}) berbeda dengan tanggal lahir yang dicatat ({record_date}).",  # noqa: E501
                ),
                nik_date=long_date(info.birth_date),
                record_date=long_date(birth_date),
            )
        )
    if sex is not None and sex is not info.sex:
        warnings.append(
            Finding.warning(
                "nik.sex_mismatch",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Jenis kelamin menurut NIK ({nik_sex}) berbeda dengan yang dicatat ({record_sex}). Pada NIK perempuan, tanggal lahir ditambah 40.",  # noqa: E501
                ),
                nik_sex=info.sex.label,
                record_sex=sex.label,
            )
        )
    return tuple(warnings)


def parse_nik(text: str, *, today: date | None = None) -> NikInfo:
    """Read a NIK, raising DomainError on its first error."""
    result = check_nik(text, today=today)
    if result.info is None:
        raise DomainError(result.errors[0])
    return result.info


def make_nik(district_code: str, birth_date: date, sex: Sex, serial: int) -> str:
    """Build a NIK for synthetic data; only two digits of the birth year are kept."""
    district = RegionCode.parse(district_code)
    if district.level is not RegionLevel.DISTRICT:
        raise DomainError.of(
            "nik.make.district",
            QT_TRANSLATE_NOOP(
                "Finding", "NIK dibuat dari kode kecamatan (mis. 16.02.05), bukan {code}."
            ),
            code=district.dotted,
        )
    if district.segments[0] not in PROVINCE_CODES:
        raise DomainError.of(
            "nik.province",
            QT_TRANSLATE_NOOP("Finding", "Kode provinsi {province} pada NIK tidak dikenal."),
            province=district.segments[0],
        )
    if isinstance(serial, bool) or not isinstance(serial, int) or not 1 <= serial <= 9999:
        raise DomainError.of(
            "nik.make.serial",
            QT_TRANSLATE_NOOP("Finding", "Nomor urut NIK harus 1 sampai 9999, bukan {serial}."),
            serial=serial,
        )
    day = birth_date.day + (FEMALE_DAY_OFFSET if Sex(sex) is Sex.FEMALE else 0)
    return (
        f"{district.undotted}{day:02d}{birth_date.month:02d}{birth_date.year % 100:02d}{serial:04d}"
    )
