"""Reading the rows of a roster spreadsheet: normalised values and a verdict per row.

Each row gets a :class:`RowVerdict`: ok, warning (imported, but look at it) or error (not
imported), with the reasons as :class:`Finding` objects. Nothing is guessed where a guess
could be wrong: a NIK Excel rounded, a village that could be one of two, a category that
neither the file nor the user gives are errors.

This module reads one row (:class:`RowReader`); the region matching is in roster_regions,
what one cell holds in roster_cells, the verdicts of a whole sheet in roster_verdicts (their
names are re-exported here).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import Any

from desktop.domain.categories import (
    Category,
    Sex,
    category_from_label,
    category_from_position,
    parse_sex,
    subcategory_from_position,
)
from desktop.domain.dates import FAR_AHEAD_DAYS, far_ahead_warning, long_date
from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.domain.identifiers import (
    MASK,
    area_findings,
    check_kk,
    check_kpj,
    expand_two_digit_year,
    make_date,
    normalize_number,
)
from desktop.domain.names import clean_name, name_key
from desktop.domain.nik import FEMALE_DAY_OFFSET, check_nik
from desktop.spreadsheets.choices import parse_subcategory, subcategory_mismatch
from desktop.spreadsheets.columns import FIELD_LABELS, ColumnMapping
from desktop.spreadsheets.reader import Cell
from desktop.spreadsheets.roster_cells import EXACT_FLOAT_LIMIT as EXACT_FLOAT_LIMIT
from desktop.spreadsheets.roster_cells import KK_LOST_DIGITS as _KK_LOST_DIGITS
from desktop.spreadsheets.roster_cells import cache_key as _key
from desktop.spreadsheets.roster_cells import fast_name_key as fast_name_key
from desktop.spreadsheets.roster_cells import number_text as _number_text
from desktop.spreadsheets.roster_cells import read_nik_cell as read_nik_cell
from desktop.spreadsheets.roster_cells import rounded_long_number as _rounded_long_number
from desktop.spreadsheets.roster_cells import words as _text
from desktop.spreadsheets.roster_details import DetailsReader
from desktop.spreadsheets.roster_regions import FUZZY_CUTOFF as FUZZY_CUTOFF
from desktop.spreadsheets.roster_regions import RegionMaster as RegionMaster
from desktop.spreadsheets.roster_regions import place_key as place_key
from desktop.spreadsheets.roster_verdicts import ROUNDED_NIKS_MIN as ROUNDED_NIKS_MIN
from desktop.spreadsheets.roster_verdicts import RowCounts as RowCounts
from desktop.spreadsheets.roster_verdicts import RowVerdict as RowVerdict
from desktop.spreadsheets.roster_verdicts import Verdict as Verdict
from desktop.spreadsheets.roster_verdicts import count as count
from desktop.spreadsheets.roster_verdicts import data_rows as data_rows
from desktop.spreadsheets.roster_verdicts import iter_verdicts as iter_verdicts
from desktop.spreadsheets.roster_verdicts import nik_of_row as nik_of_row
from desktop.spreadsheets.roster_verdicts import niks_look_rounded as niks_look_rounded
from desktop.spreadsheets.roster_verdicts import read_rows as read_rows
from desktop.spreadsheets.values import parse_date

_TOTALS = re.compile(r"^(jumlah|jml|total|sub ?total|grand total)\b")


def _err(code: str, template: str, /, **params: object) -> Finding:
    return Finding.error(code, template, **params)


def _warn(code: str, template: str, /, **params: object) -> Finding:
    return Finding.warning(code, template, **params)


def _sex_from_nik(sex: Sex) -> Finding:
    return _warn(
        "import.sex_from_nik",
        QT_TRANSLATE_NOOP("Finding", "Jenis kelamin kosong; diisi {sex} menurut NIK."),
        sex=sex.label,
    )


_SEX_FROM_NIK = {sex: _sex_from_nik(sex) for sex in Sex}
_SEX_VALUES = {sex: sex.value for sex in Sex}
_NOT_PHONE = re.compile(r"[^\d+]")
# An unmapped field reads from a column no row reaches: its cell is empty.
_UNMAPPED = sys.maxsize
_UNREAD: Any = object()  # not in a cache yet (None is a result)
# The fields in the order RowReader.read unpacks their columns.
_READ_FIELDS = (
    "nik", "name", "birth_place", "birth_date", "birth_place_date", "sex", "address",
    "village", "district", "position", "category", "kpj", "coverage_start", "coverage_end",
    "kk", "phone", "village_code", "district_code", "subcategory",
)  # fmt: skip

# What one cell says, worked out once per distinct cell (see _key).
_Name = tuple[str, str, Finding | None]  # name, name key, error
_Birth = tuple[date | None, Finding | None]
_SexCell = tuple[str, Sex | None, Finding | None]  # text, sex, error
_Region = tuple[str | None, str | None, tuple[Finding, ...]]  # village, district, findings
# position, category, sub-category, findings
_Category = tuple[str | None, str | None, str | None, tuple[Finding, ...]]


class RowReader:
    """Turns the cells of one row into worker values and findings.

    A 120,000-row file repeats the same villages, positions, dates and spellings thousands
    of times, so what such a cell says is worked out once per distinct cell and kept. A NIK
    or KK of plain digits that agrees with its row takes a short path that builds nothing;
    anything else goes through the full checks of the domain.
    """

    def __init__(
        self,
        mapping: ColumnMapping,
        regions: RegionMaster,
        *,
        category: Category | None = None,
        known_area: Callable[[str], bool] | None = None,
        today: date | None = None,
    ) -> None:
        self.mapping = mapping
        self.regions = regions
        self.category = category
        self.known_area = known_area
        self.today = today or date.today()
        self.far_ahead = self.today + timedelta(days=FAR_AHEAD_DAYS)
        self._columns = list(mapping.columns.values())
        self._index = dict(mapping.columns)
        self._at = tuple(mapping.columns.get(name, _UNMAPPED) for name in _READ_FIELDS)
        self._date_cache: dict[tuple[str, bool, str], date | Finding | None] = {}
        self._positions: dict[str, tuple[Category | None, str | None]] = {}
        self._names: dict[object, _Name] = {}
        self._places: dict[object, str] = {}
        self._births: dict[object, _Birth] = {}
        self._sexes: dict[object, _SexCell] = {}
        self._regions: dict[tuple[object, ...], _Region] = {}
        self._categories: dict[tuple[object, ...], _Category] = {}
        # A Sub-kategori column speaks for every row: an empty cell there is no sub-category,
        # not one to read from the position.
        self._sub_column = "subcategory" in mapping.columns
        self.details = DetailsReader(mapping, today=self.today)
        self._starts: dict[object, date | Finding | None] = {}
        self._ends: dict[object, date | Finding | None] = {}
        self._nik_areas: dict[str, bool] = {}
        self._kk_areas: dict[str, bool] = {}
        self._kk_dates: dict[str, bool] = {}

    def _cell(self, cells: Sequence[Cell], name: str) -> Cell:
        index = self._index.get(name)
        if index is None or index >= len(cells):
            return None
        value = cells[index]
        return None if value == "" else value

    def _position(self, text: str) -> tuple[Category | None, str | None]:
        """The category and sub-category a position names (cached per distinct text)."""
        found = self._positions.get(text)
        if found is None:
            sub = subcategory_from_position(text)
            found = self._positions[text] = (
                category_from_position(text),
                sub.value if sub is not None else None,
            )
        return found

    def _date(self, value: Cell, name: str, *, past: bool) -> date | Finding | None:
        label = FIELD_LABELS[name]
        if isinstance(value, str):
            key = (value, past, label)
            found = self._date_cache.get(key, self)
            if found is self:
                found = self._date_cache[key] = parse_date(
                    value, field=label, past=past, today=self.today
                )
            return found  # type: ignore[return-value]
        return parse_date(value, field=label, past=past, today=self.today)

    def is_blank(self, cells: Sequence[Cell]) -> bool:
        """True when no mapped column of the row holds anything (spaces count as nothing)."""
        width = len(cells)
        for index in self._columns:
            if index < width:
                value = cells[index]
                if value is not None and (
                    not isinstance(value, str) or (value and not value.isspace())
                ):
                    return False
        return True

    def is_totals(self, cells: Sequence[Cell]) -> bool:
        """True for a "Jumlah"/"Total" line: no NIK digits, no birth date, and a first text
        cell that starts with such a word."""
        nik = self._cell(cells, "nik")
        if nik is not None and (
            not isinstance(nik, str) or nik.isdigit() or any(ch.isdigit() for ch in nik)
        ):
            return False
        if self._cell(cells, "birth_date") is not None:
            return False
        for value in cells:
            if isinstance(value, str) and value.strip():
                return _TOTALS.match(name_key(value)) is not None
        return False

    def read(self, row: int, cells: Sequence[Cell]) -> RowVerdict:
        """Read one non-blank row (*row* is its spreadsheet row number)."""
        (
            at_nik, at_name, at_place, at_birth, at_place_date, at_sex, at_address,
            at_village, at_district, at_position, at_category, at_kpj, at_start, at_end,
            at_kk, at_phone, at_village_code, at_district_code, at_sub,
        ) = self._at  # fmt: skip
        width = len(cells)
        findings: list[Finding] = []

        # Name.
        value = cells[at_name] if at_name < width else None
        key = value if type(value) is str else _key(value)
        name_found = self._names.get(key)
        if name_found is None:
            name_found = self._names[key] = self._read_name(value)
        name, key_of_name, problem = name_found
        if problem is not None:
            findings.append(problem)

        # Birth place and date, possibly in one "Tempat, tanggal lahir" cell.
        value = cells[at_place] if at_place < width else None
        key = value if type(value) is str else _key(value)
        place = self._places.get(key)
        if place is None:
            place = self._places[key] = _text(value)
        birth_cell = cells[at_birth] if at_birth < width else None
        if birth_cell == "":
            birth_cell = None
        if birth_cell is None and at_place_date < width:
            combined = cells[at_place_date]
            if combined is not None and combined != "":
                if isinstance(combined, str) and "," in combined:
                    head, _sep, tail = combined.rpartition(",")
                    place = place or " ".join(head.split())
                    birth_cell = tail.strip() or None
                else:
                    birth_cell = combined
        key = birth_cell if type(birth_cell) is str else _key(birth_cell)
        birth_found = self._births.get(key)
        if birth_found is None:
            birth_found = self._births[key] = self._read_birth(birth_cell)
        birth, problem = birth_found
        if problem is not None:
            findings.append(problem)

        # Sex.
        value = cells[at_sex] if at_sex < width else None
        key = value if type(value) is str else _key(value)
        sex_found = self._sexes.get(key)
        if sex_found is None:
            sex_found = self._sexes[key] = self._read_sex(value)
        sex_text, sex, problem = sex_found
        if problem is not None:
            findings.append(problem)

        # NIK, checked against the birth date and sex.
        value = cells[at_nik] if at_nik < width else None
        nik = ""
        nik_problem: Finding | None = None
        nik_sex: Sex | None = None
        if type(value) is str and len(value) == 16 and value.isdigit() and value.isascii():
            nik_sex = self._clean_nik_sex(value, birth, sex)
        if nik_sex is not None:
            nik = value  # type: ignore[assignment]  # a str, checked above
        else:
            nik_text, nik_problem = read_nik_cell(None if value == "" else value)
            if nik_problem is not None:
                findings.append(nik_problem)
            else:
                check = check_nik(
                    nik_text,
                    birth_date=birth,
                    sex=sex,
                    known_area=self.known_area,
                    today=self.today,
                )
                findings.extend(check.findings)
                if check.info is not None:
                    nik, nik_sex = check.info.nik, check.info.sex
        if nik_sex is not None and sex is None and not sex_text:
            sex = nik_sex
            findings.append(_SEX_FROM_NIK[sex])
        if sex is None and not sex_text and nik_problem is None and not nik:
            findings.append(
                _err(
                    "import.sex_empty",
                    QT_TRANSLATE_NOOP(
                        "Finding", "Jenis kelamin belum diisi. Tulis L (laki-laki) atau P."
                    ),
                )
            )

        # Region: by code when the row gives one, else by name.
        region_cells = (
            cells[at_district] if at_district < width else None,
            cells[at_village] if at_village < width else None,
            cells[at_district_code] if at_district_code < width else None,
            cells[at_village_code] if at_village_code < width else None,
        )
        region_key = tuple(c if type(c) is str else _key(c) for c in region_cells)
        region = self._regions.get(region_key)
        if region is None:
            region = self._regions[region_key] = self._read_region(*region_cells)
        village_code, district_code, found = region
        if found:
            findings.extend(found)

        # Category: the Kategori column, else the sub-category's, else the position's, else
        # the file's category.
        category_cells = (
            cells[at_position] if at_position < width else None,
            cells[at_category] if at_category < width else None,
            cells[at_sub] if at_sub < width else None,
        )
        category_key = tuple(c if type(c) is str else _key(c) for c in category_cells)
        categorised = self._categories.get(category_key)
        if categorised is None:
            categorised = self._categories[category_key] = self._read_category(*category_cells)
        position, category, subcategory, found = categorised
        if found:
            findings.extend(found)

        # Other identity numbers and details.
        value = cells[at_kpj] if at_kpj < width else None
        if type(value) is str and len(value) == 11 and value.isdigit() and value.isascii():
            kpj: str | None = value
        else:
            kpj = self._number(value, check_kpj, findings)
        value = cells[at_kk] if at_kk < width else None
        if (
            type(value) is str
            and len(value) == 16
            and value.isdigit()
            and value.isascii()
            and self._clean_kk(value)
        ):
            kk: str | None = value
        elif type(value) is float or type(value) is int:
            kk = None  # a number Excel may have rounded, like a NIK: never repaired
            if _rounded_long_number(value):
                findings.append(_KK_LOST_DIGITS)
            else:
                kk = self._number(value, self._check_kk, findings)
        else:
            kk = self._number(value, self._check_kk, findings)
        value = cells[at_address] if at_address < width else None
        address = (" ".join(value.split()) if type(value) is str else _text(value))[:300]
        value = cells[at_phone] if at_phone < width else None
        if value is None or value == "":
            phone = ""
        elif type(value) is str and value.isdigit() and value.isascii():
            phone = value[:20]
        else:
            phone = _NOT_PHONE.sub("", _number_text(value))[:20]

        # Coverage period.
        value = cells[at_start] if at_start < width else None
        start = self._starts.get(value if type(value) is str else _key(value), _UNREAD)
        if start is _UNREAD:
            start = self._coverage_date(value, "coverage_start")
        value = cells[at_end] if at_end < width else None
        end = self._ends.get(value if type(value) is str else _key(value), _UNREAD)
        if end is _UNREAD:
            end = self._coverage_date(value, "coverage_end")
        if isinstance(start, Finding):
            findings.append(start)
            start = None
        if isinstance(end, Finding):
            findings.append(end)
            end = None
        if start is not None and start > self.far_ahead:
            findings.append(far_ahead_warning(start, FIELD_LABELS["coverage_start"]))
        if end is not None and end > self.far_ahead:
            findings.append(far_ahead_warning(end, FIELD_LABELS["coverage_end"]))
        if start is not None and end is not None and end < start:
            findings.append(
                _err(
                    "import.coverage_order",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Akhir kepesertaan ({end}) lebih awal dari mulainya ({start}). "
                        "Periksa kedua tanggal.",
                    ),
                    end=long_date(end),
                    start=long_date(start),
                )
            )
        details = self.details.read(cells, birth)
        if details.findings:
            findings.extend(details.findings)
        values = {
            **details.values,
            "name": name,
            "name_key": key_of_name,
            "birth_place": place[:100] or None,
            "birth_date": birth,
            "nik": nik,
            "sex": None if sex is None else _SEX_VALUES[sex],
            "village_code": village_code,
            "district_code": district_code,
            "position": position,
            "category": category,
            "subcategory": subcategory,
            "kpj": kpj,
            "kk": kk,
            "address": address or None,
            "phone": phone or None,
            "coverage_start": start,
            "coverage_end": end,
        }
        return RowVerdict(row, tuple(cells), values, tuple(findings))

    # -- what one cell says, worked out once per distinct cell ------------------------------

    @staticmethod
    def _read_name(value: Cell) -> _Name:
        name = clean_name(_text(None if value == "" else value))
        problem = (
            None
            if name
            else _err(
                "import.name_empty",
                QT_TRANSLATE_NOOP("Finding", "Nama belum diisi. Isi nama sesuai KTP."),
            )
        )
        return name[:200], fast_name_key(name)[:200], problem

    def _read_birth(self, value: Cell) -> _Birth:
        birth = self._date(value, "birth_date", past=True)
        if isinstance(birth, Finding):
            return None, birth
        if birth is None:
            return None, _err(
                "import.birth_date_empty",
                QT_TRANSLATE_NOOP(
                    "Finding", "Tanggal lahir belum diisi. Tulis seperti 02-09-1980."
                ),
            )
        if birth > self.today:
            return None, _err(
                "import.birth_date_future",
                QT_TRANSLATE_NOOP(
                    "Finding", "Tanggal lahir {date} belum terjadi. Periksa tahunnya."
                ),
                date=long_date(birth),
            )
        return birth, None

    @staticmethod
    def _read_sex(value: Cell) -> _SexCell:
        sex_text = _text(None if value == "" else value)
        sex = parse_sex(sex_text) if sex_text else None
        if sex_text and sex is None:
            return (
                sex_text,
                None,
                _err(
                    "import.sex",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        'Jenis kelamin "{text}" tidak dikenali. Tulis L (laki-laki) atau P '
                        "(perempuan).",
                    ),
                    text=sex_text[:20],
                ),
            )
        return sex_text, sex, None

    def _read_category(self, position_cell: Cell, label_cell: Cell, sub_cell: Cell) -> _Category:
        findings: list[Finding] = []
        position = _text(None if position_cell == "" else position_cell)[:120]
        label = _text(None if label_cell == "" else label_cell)
        category: Category | None = None
        sub = parse_subcategory(sub_cell, category_from_label(label) if label else None)
        if isinstance(sub, Finding):
            findings.append(sub)
            sub = None
        if label:
            category = category_from_label(label)
            if category is None:
                findings.append(
                    _err(
                        "import.category_unknown",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            'Kategori "{text}" tidak dikenali. Pakai salah satu: {choices}.',
                        ),
                        text=label[:60],
                        choices=", ".join(c.label for c in Category),
                    )
                )
            elif sub is not None and sub.category is not category:
                findings.append(subcategory_mismatch(sub, category))
                sub = None
        elif sub is not None:
            category = sub.category
        else:
            category = self._position(position)[0] if position else None
            category = category or self.category
            if category is None:
                findings.append(
                    _err(
                        "import.category_missing",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "Kategori tidak dapat ditentukan dari kolom Kategori maupun Jabatan. "
                            "Isi kolom Kategori, atau pilih kategori untuk seluruh berkas.",
                        ),
                    )
                )
        if self._sub_column:
            subcategory = sub.value if sub is not None and category is not None else None
        else:
            position_category, derived = self._position(position) if position else (None, None)
            subcategory = derived if category and position_category is category else None
        return position or None, category.value if category else None, subcategory, tuple(findings)

    def _coverage_date(self, value: Cell, name: str) -> date | Finding | None:
        cache = self._starts if name == "coverage_start" else self._ends
        found = cache[_key(value)] = self._date(None if value == "" else value, name, past=False)
        return found

    def _clean_nik_sex(self, nik: str, birth: date | None, sex: Sex | None) -> Sex | None:
        """The sex a 16-digit NIK gives, when :func:`check_nik` would find nothing to say.

        The short path of the common row: the NIK's area is known, its DDMMYY is the row's
        birth date (day + 40 for women), its sex is the row's (or the row gives none) and its
        serial is not 0000. None sends the NIK through :func:`check_nik` itself.
        """
        if birth is None or nik.endswith("0000"):
            return None
        area = self._nik_areas.get(nik[:6])
        if area is None:
            known = self.known_area
            area = self._nik_areas[nik[:6]] = not area_findings(nik, "nik") and (
                known is None or known(f"{nik[0:2]}.{nik[2:4]}.{nik[4:6]}")
            )
        if not area:
            return None
        day, nik_sex = int(nik[6:8]), Sex.MALE
        if day > FEMALE_DAY_OFFSET:
            day, nik_sex = day - FEMALE_DAY_OFFSET, Sex.FEMALE
        if (day, int(nik[8:10]), int(nik[10:12])) != (birth.day, birth.month, birth.year % 100):
            return None
        if sex is not None and sex is not nik_sex:
            return None
        return nik_sex

    def _clean_kk(self, kk: str) -> bool:
        """True when :func:`check_kk` finds nothing wrong with a 16-digit KK (else: unsure)."""
        area = self._kk_areas.get(kk[:6])
        if area is None:
            area = self._kk_areas[kk[:6]] = not area_findings(kk, "kk")
        issued = self._kk_dates.get(kk[6:12])
        if issued is None:
            day, month, year = int(kk[6:8]), int(kk[8:10]), int(kk[10:12])
            on = make_date(expand_two_digit_year(year, self.today), month, day)
            issued = self._kk_dates[kk[6:12]] = on is not None and on <= self.today
        return area and issued

    def _check_kk(self, text: str) -> tuple[Finding, ...]:
        return check_kk(text, today=self.today)

    @staticmethod
    def _number(
        value: Cell, check: Callable[[str], tuple[Finding, ...]], findings: list[Finding]
    ) -> str | None:
        if value is None or value == "":
            return None
        text = _number_text(value)
        if not text.strip():
            return None
        if text.strip().startswith(MASK):
            # A number Sigap masked on export ("•••••••1234"): not given, keep the stored one.
            return None
        problems = check(text)
        if problems:
            findings.extend(problems)
            return None
        return normalize_number(text)

    def _read_region(
        self,
        district_cell: Cell,
        village_cell: Cell,
        district_code_cell: Cell = None,
        village_code_cell: Cell = None,
    ) -> _Region:
        """The desa and kecamatan of a row: by their codes when the row gives them (a name
        beside a code that names another place is warned about), else by their names."""
        findings: list[Finding] = []
        district_name = _text(None if district_cell == "" else district_cell)
        village_name = _number_text(None if village_cell == "" else village_cell).strip()
        district_code = _text(None if district_code_cell == "" else district_code_cell)
        village_code = _number_text(None if village_code_cell == "" else village_code_cell).strip()
        district_text = district_code or district_name
        village_text = village_code or village_name
        district: str | None = None
        if district_text:
            match = self.regions.district(district_text)
            findings.extend(match.findings)
            district = match.code
            if district is None:
                return None, None, tuple(findings)
            if district_code and district_name:
                findings.extend(self.regions.other_name("district", district_name, district))
        if not village_text:
            findings.append(
                _err(
                    "import.village_empty",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Desa/kelurahan belum diisi. Tulis nama atau kode desa/kelurahan.",
                    ),
                )
            )
            return None, None, tuple(findings)
        village = self.regions.village(village_text, district)
        findings.extend(village.findings)
        code = village.code
        if code is not None and village_code and village_name:
            findings.extend(self.regions.other_name("village", village_name, code))
        return code, code.rsplit(".", 1)[0] if code else None, tuple(findings)
