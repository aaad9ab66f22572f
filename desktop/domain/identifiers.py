"""Identity numbers other than the NIK: KK, KPJ, NIP and bank accounts, plus shared checks."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Literal

from desktop.domain.categories import Sex
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.regions import PROVINCE_CODES

NumberKind = Literal["nik", "kk", "kpj", "nip"]

MASK = "\u2022"  # bullet used to hide digits on screen

_LENGTHS: Mapping[NumberKind, int] = MappingProxyType({"nik": 16, "kk": 16, "kpj": 11, "nip": 18})

# One literal per identifier and problem, so that every message can be translated whole.
_TEMPLATES: Mapping[NumberKind, Mapping[str, str]] = MappingProxyType(
    {
        "nik": {
            "empty": QT_TRANSLATE_NOOP("Finding", "NIK belum diisi."),
            "scientific": QT_TRANSLATE_NOOP(
                "Finding",
                "NIK berubah menjadi notasi ilmiah (mis. 1,6E+15) karena Excel membacanya sebagai angka, dan angka terakhirnya hilang. Ketik ulang NIK sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
            ),
            "decimal": QT_TRANSLATE_NOOP(
                "Finding",
                "NIK terbaca sebagai angka desimal karena Excel membacanya sebagai angka, dan angka terakhirnya bisa hilang. Ketik ulang NIK sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
            ),
            "not_digits": QT_TRANSLATE_NOOP(
                "Finding", "NIK hanya boleh berisi angka; ditemukan {char}."
            ),
            "length": QT_TRANSLATE_NOOP("Finding", "NIK harus 16 angka, bukan {count}."),
        },
        "kk": {
            "empty": QT_TRANSLATE_NOOP("Finding", "Nomor KK belum diisi."),
            "scientific": QT_TRANSLATE_NOOP(
                "Finding",
                "Nomor KK berubah menjadi notasi ilmiah (mis. 1,6E+15) karena Excel membacanya sebagai angka, dan angka terakhirnya hilang. Ketik ulang nomor KK sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
            ),
            "decimal": QT_TRANSLATE_NOOP(
                "Finding",
                "Nomor KK terbaca sebagai angka desimal karena Excel membacanya sebagai angka, dan angka terakhirnya bisa hilang. Ketik ulang nomor KK sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
            ),
            "not_digits": QT_TRANSLATE_NOOP(
                "Finding", "Nomor KK hanya boleh berisi angka; ditemukan {char}."
            ),
            "length": QT_TRANSLATE_NOOP("Finding", "Nomor KK harus 16 angka, bukan {count}."),
        },
        "kpj": {
            "empty": QT_TRANSLATE_NOOP("Finding", "Nomor KPJ belum diisi."),
            "scientific": QT_TRANSLATE_NOOP(
                "Finding",
                "Nomor KPJ berubah menjadi notasi ilmiah (mis. 1,2E+10) karena Excel membacanya sebagai angka. Ketik ulang nomor KPJ sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
            ),
            "decimal": QT_TRANSLATE_NOOP(
                "Finding",
                "Nomor KPJ terbaca sebagai angka desimal karena Excel membacanya sebagai angka. Ketik ulang nomor KPJ sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
            ),
            "not_digits": QT_TRANSLATE_NOOP(
                "Finding", "Nomor KPJ hanya boleh berisi angka; ditemukan {char}."
            ),
            "length": QT_TRANSLATE_NOOP("Finding", "Nomor KPJ harus 11 angka, bukan {count}."),
        },
        "nip": {
            "empty": QT_TRANSLATE_NOOP("Finding", "NIP belum diisi."),
            "scientific": QT_TRANSLATE_NOOP(
                "Finding",
                "NIP berubah menjadi notasi ilmiah (mis. 1,9E+17) karena Excel membacanya sebagai angka, dan angka terakhirnya hilang. Ketik ulang NIP sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
            ),
            "decimal": QT_TRANSLATE_NOOP(
                "Finding",
                "NIP terbaca sebagai angka desimal karena Excel membacanya sebagai angka, dan angka terakhirnya bisa hilang. Ketik ulang NIP sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
            ),
            "not_digits": QT_TRANSLATE_NOOP(
                "Finding", "NIP hanya boleh berisi angka; ditemukan {char}."
            ),
            "length": QT_TRANSLATE_NOOP("Finding", "NIP harus 18 angka, bukan {count}."),
        },
    }
)

_APOSTROPHES = "'\u2018\u2019`"
_SEPARATORS = re.compile(r"[\s.\-\u2010-\u2015\u00a0\u200b]+")
_SCIENTIFIC = re.compile(r"[0-9]+(?:[.,][0-9]*)?\s*[eE]\s*[+-]?\s*[0-9]+")
_DECIMAL = re.compile(r"[0-9]{8,}[.,]0+")


def _strip_apostrophe(text: str) -> str:
    text = text.strip()
    if text[:1] and text[0] in _APOSTROPHES:
        text = text[1:].strip()
    return text


def normalize_number(text: str) -> str:
    """Drop spaces, dots, dashes and a leading apostrophe (Excel's text marker)."""
    return _SEPARATORS.sub("", _strip_apostrophe(text))


def looks_like_scientific(text: str) -> bool:
    """True for a number that Excel turned into scientific notation, e.g. "1.60205E+15"."""
    return _SCIENTIFIC.fullmatch(_strip_apostrophe(text)) is not None


def looks_like_decimal(text: str) -> bool:
    """True for a long number that Excel turned into a decimal, e.g. "1602054209800001.0"."""
    return _DECIMAL.fullmatch(_strip_apostrophe(text)) is not None


def read_number(text: str, kind: NumberKind) -> tuple[str, tuple[Finding, ...]]:
    """Normalize an identity number; return its digits and any format errors found."""
    templates = _TEMPLATES[kind]
    code = kind
    if looks_like_scientific(text):
        return "", (Finding.error(f"{code}.scientific", templates["scientific"]),)
    if looks_like_decimal(text):
        return "", (Finding.error(f"{code}.decimal", templates["decimal"]),)
    digits = normalize_number(text)
    if not digits:
        return "", (Finding.error(f"{code}.empty", templates["empty"]),)
    errors: list[Finding] = []
    bad = next((ch for ch in digits if ch not in "0123456789"), None)
    if bad is not None:
        shown = f'"{bad}"' if bad.isprintable() else f"U+{ord(bad):04X}"
        errors.append(Finding.error(f"{code}.not_digits", templates["not_digits"], char=shown))
    if len(digits) != _LENGTHS[kind]:
        errors.append(Finding.error(f"{code}.length", templates["length"], count=len(digits)))
    return digits, tuple(errors)


def expand_two_digit_year(yy: int, today: date) -> int:
    """The full year for a two-digit year, choosing the century that is not in the future."""
    if not 0 <= yy <= 99:
        raise ValueError(yy)
    century = today.year - today.year % 100
    return century + yy if yy <= today.year % 100 else century - 100 + yy


def make_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (e.g. 30 February)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def area_findings(digits: str, kind: Literal["nik", "kk"]) -> tuple[Finding, ...]:
    """Errors in the 6-digit area prefix of a NIK or KK: unknown province, part 00."""
    province = digits[:2]
    errors: list[Finding] = []
    if province not in PROVINCE_CODES:
        template = (
            QT_TRANSLATE_NOOP("Finding", "Kode provinsi {province} pada NIK tidak dikenal.")
            if kind == "nik"
            else QT_TRANSLATE_NOOP(
                "Finding", "Kode provinsi {province} pada nomor KK tidak dikenal."
            )
        )
        errors.append(Finding.error(f"{kind}.province", template, province=province))
    if digits[2:4] == "00" or digits[4:6] == "00":
        template = (
            QT_TRANSLATE_NOOP(
                "Finding", "Kode kabupaten/kota dan kecamatan pada NIK tidak boleh 00."
            )
            if kind == "nik"
            else QT_TRANSLATE_NOOP(
                "Finding", "Kode kabupaten/kota dan kecamatan pada nomor KK tidak boleh 00."
            )
        )
        errors.append(Finding.error(f"{kind}.area_zero", template))
    return tuple(errors)


# --- KK (Kartu Keluarga) -------------------------------------------------------------


def check_kk(text: str, *, today: date | None = None) -> tuple[Finding, ...]:
    """Errors in a KK number (area code, issue date DDMMYY, serial); empty when valid."""
    digits, errors = read_number(text, "kk")
    if errors:
        return errors
    found = list(area_findings(digits, "kk"))
    today = today or date.today()
    day, month, yy = int(digits[6:8]), int(digits[8:10]), int(digits[10:12])
    issued = make_date(expand_two_digit_year(yy, today), month, day)
    if issued is None:
        found.append(
            Finding.error(
                "kk.date",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Tanggal terbit pada nomor KK (angka ke-7 sampai ke-12: {ddmmyy}) bukan tanggal yang ada.",  # noqa: E501
                ),
                ddmmyy=digits[6:12],
            )
        )
    elif issued > today:
        found.append(
            Finding.error(
                "kk.future",
                QT_TRANSLATE_NOOP("Finding", "Tanggal terbit pada nomor KK belum terjadi."),
            )
        )
    return tuple(found)


# --- KPJ (BPJS Ketenagakerjaan membership number) ---------------------------------------


def check_kpj(text: str) -> tuple[Finding, ...]:
    """Errors in a KPJ number (11 digits, no public check digit); empty when valid."""
    return read_number(text, "kpj")[1]


def _mask(text: str) -> str:
    visible = 4 if len(text) > 4 else 0
    return MASK * (len(text) - visible) + text[len(text) - visible :]


def mask_kpj(kpj: str) -> str:
    """The KPJ with all but its last 4 digits hidden, e.g. "•••••••1234"."""
    return _mask(normalize_number(kpj))


def mask_account(text: str) -> str:
    """A bank account number with all but its last 4 characters hidden."""
    return _mask(normalize_number(text))


# Columns whose numbers a user sees in full only with the right to (Permission
# VIEW_FULL_NUMBERS): everywhere else, on screen or printed, they are masked.
MASKED_COLUMNS: Mapping[str, Callable[[str], str]] = MappingProxyType(
    {"kpj": mask_kpj, "bank_account": mask_account}
)


def mask_column(column: str, value: object) -> object:
    """*value* of *column* as shown to a user who may not see it in full: the numbers of
    :data:`MASKED_COLUMNS` masked (all but their last 4 characters), anything else as it is."""
    mask = MASKED_COLUMNS.get(column)
    if mask is None or value is None or value == "":
        return value
    return mask(str(value))


# --- NIP (civil servant number) -------------------------------------------------------

# PPPK (contract civil servants) carry 21 in the month place of the appointment part.
PPPK_APPOINTMENT_MONTH = 21


@dataclass(frozen=True)
class NipInfo:
    """What an 18-digit NIP says about its holder."""

    birth_date: date
    appointment_year: int
    appointment_month: int
    sex: Sex
    serial: int

    @property
    def is_pppk(self) -> bool:
        """True for a PPPK NIP (21 in the appointment month place)."""
        return self.appointment_month == PPPK_APPOINTMENT_MONTH


def _nip(text: str) -> tuple[NipInfo | None, tuple[Finding, ...]]:
    digits, errors = read_number(text, "nip")
    if errors:
        return None, errors
    found: list[Finding] = []
    birth = make_date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    if birth is None or birth.year < 1900:
        found.append(
            Finding.error(
                "nip.birth_date",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Tanggal lahir pada NIP (8 angka pertama: {yyyymmdd}) bukan tanggal yang ada.",
                ),
                yyyymmdd=digits[0:8],
            )
        )
    year, month = int(digits[8:12]), int(digits[12:14])
    if year < 1900 or not (1 <= month <= 12 or month == PPPK_APPOINTMENT_MONTH):
        found.append(
            Finding.error(
                "nip.appointment",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Tahun dan bulan pengangkatan pada NIP (angka ke-9 sampai ke-14: {yyyymm}) tidak sah.",  # noqa: E501
                ),
                yyyymm=digits[8:14],
            )
        )
    elif birth is not None and year <= birth.year:
        found.append(
            Finding.error(
                "nip.appointment_before_birth",
                QT_TRANSLATE_NOOP(
                    "Finding", "Tahun pengangkatan pada NIP tidak mungkin sebelum tahun lahir."
                ),
            )
        )
    sex = {"1": Sex.MALE, "2": Sex.FEMALE}.get(digits[14])
    if sex is None:
        found.append(
            Finding.error(
                "nip.sex",
                QT_TRANSLATE_NOOP(
                    "Finding", "Angka ke-15 NIP (jenis kelamin) harus 1 atau 2, bukan {digit}."
                ),
                digit=digits[14],
            )
        )
    serial = int(digits[15:18])
    if serial == 0:
        found.append(
            Finding.error(
                "nip.serial",
                QT_TRANSLATE_NOOP("Finding", "Nomor urut NIP (3 angka terakhir) tidak boleh 000."),
            )
        )
    if found or birth is None or sex is None:
        return None, tuple(found)
    return NipInfo(birth, year, month, sex, serial), ()


def check_nip(text: str) -> tuple[Finding, ...]:
    """Errors in an 18-digit NIP; empty when valid."""
    return _nip(text)[1]


def parse_nip(text: str) -> NipInfo:
    """Read a NIP, raising DomainError on its first error."""
    info, errors = _nip(text)
    if info is None:
        raise DomainError(errors[0])
    return info


def format_nip(nip: str) -> str:
    """A valid NIP grouped as written in signature blocks: "19800902 200501 1 001"."""
    parse_nip(nip)
    digits = normalize_number(nip)
    return f"{digits[0:8]} {digits[8:14]} {digits[14]} {digits[15:18]}"
