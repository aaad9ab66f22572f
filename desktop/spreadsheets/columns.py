"""Finding the header row of a roster spreadsheet and guessing which column holds what.

Villages send files with title rows above the header, merged title cells (calamine returns a
merged cell's value in its first cell only) and headers in Indonesian or English, in any case
and punctuation. The guess is a :class:`ColumnMapping` the user can correct; a mapping the user
confirmed is remembered, keyed by :func:`mapping_key`, in a small JSON file (not the database).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.spreadsheets.reader import Cell, cell_text

HEADER_SCAN_ROWS = 30

# The fields of a roster row, in the order a user sees them.
FIELDS: tuple[str, ...] = (
    "nik",
    "name",
    "birth_place",
    "birth_date",
    "birth_place_date",
    "sex",
    "address",
    "village",
    "village_code",
    "district",
    "district_code",
    "position",
    "category",
    "subcategory",
    "kpj",
    "coverage_start",
    "coverage_end",
    "kk",
    "phone",
    "programmes",
    "declared_income",
    "funding_source",
    "status",
    "status_reason",
    "death_date",
)

FIELD_LABELS: Mapping[str, str] = {
    "nik": QT_TRANSLATE_NOOP("RosterField", "NIK"),
    "name": QT_TRANSLATE_NOOP("RosterField", "Nama"),
    "birth_place": QT_TRANSLATE_NOOP("RosterField", "Tempat lahir"),
    "birth_date": QT_TRANSLATE_NOOP("RosterField", "Tanggal lahir"),
    "birth_place_date": QT_TRANSLATE_NOOP("RosterField", "Tempat/tanggal lahir"),
    "sex": QT_TRANSLATE_NOOP("RosterField", "Jenis kelamin"),
    "address": QT_TRANSLATE_NOOP("RosterField", "Alamat"),
    "village": QT_TRANSLATE_NOOP("RosterField", "Desa/kelurahan"),
    "district": QT_TRANSLATE_NOOP("RosterField", "Kecamatan"),
    "position": QT_TRANSLATE_NOOP("RosterField", "Jabatan"),
    "category": QT_TRANSLATE_NOOP("RosterField", "Kategori"),
    "kpj": QT_TRANSLATE_NOOP("RosterField", "No. KPJ"),
    "coverage_start": QT_TRANSLATE_NOOP("RosterField", "Mulai kepesertaan"),
    "coverage_end": QT_TRANSLATE_NOOP("RosterField", "Akhir kepesertaan"),
    "kk": QT_TRANSLATE_NOOP("RosterField", "No. KK"),
    "phone": QT_TRANSLATE_NOOP("RosterField", "No. HP"),
    "village_code": QT_TRANSLATE_NOOP("RosterField", "Kode desa/kelurahan"),
    "district_code": QT_TRANSLATE_NOOP("RosterField", "Kode kecamatan"),
    "subcategory": QT_TRANSLATE_NOOP("RosterField", "Sub-kategori"),
    "programmes": QT_TRANSLATE_NOOP("RosterField", "Program"),
    "declared_income": QT_TRANSLATE_NOOP("RosterField", "Penghasilan"),
    "funding_source": QT_TRANSLATE_NOOP("RosterField", "Sumber dana"),
    "status": QT_TRANSLATE_NOOP("RosterField", "Status"),
    "status_reason": QT_TRANSLATE_NOOP("RosterField", "Alasan status"),
    "death_date": QT_TRANSLATE_NOOP("RosterField", "Tanggal meninggal"),
}

# Exact header names (after normalise_header) for each field.
_ALIASES: Mapping[str, tuple[str, ...]] = {
    "nik": (
        "nik", "no nik", "nomor nik", "nik ktp", "nik peserta", "no ktp", "nomor ktp", "ktp",
        "no e ktp", "nomor induk kependudukan", "national id", "id number", "nik e ktp",
    ),
    "name": (
        "nama", "nama lengkap", "name", "full name", "nama peserta", "nama pekerja",
        "nama tenaga kerja", "nama sesuai ktp", "nama anggota",
    ),
    "birth_place": ("tempat lahir", "tmp lahir", "tmpt lahir", "place of birth", "birth place"),
    "birth_date": (
        "tgl lahir", "tanggal lahir", "tgl lhr", "tanggal lhr", "date of birth", "birth date",
        "dob", "tgl lahir dd mm yyyy", "tanggal lahir dd mm yyyy",
    ),
    "birth_place_date": (
        "ttl", "tempat tgl lahir", "tempat tanggal lahir", "tempat dan tanggal lahir",
        "tempat tgl lhr",
    ),
    "sex": (
        "jk", "l p", "lp", "jenis kelamin", "sex", "gender", "kelamin", "jns kelamin",
        "jenis kel", "j k",
    ),
    "address": ("alamat", "alamat lengkap", "address", "alamat rumah", "alamat domisili"),
    "village": (
        "desa", "kelurahan", "desa kelurahan", "desa kel", "kel desa", "kelurahan desa",
        "village", "nama desa", "nama desa kelurahan", "nama kelurahan",
    ),
    "village_code": (
        "kode desa", "kode desa kelurahan", "kode kelurahan", "kode desa kel",
        "desa kelurahan kode", "kode wilayah desa", "village code",
    ),
    "district": ("kecamatan", "kec", "nama kecamatan", "district"),
    "district_code": ("kode kecamatan", "kode kec", "district code"),
    "position": (
        "jabatan", "posisi", "position", "pekerjaan", "jenis pekerjaan", "jabatan pekerjaan",
        "occupation", "job", "tugas",
    ),
    "category": ("kategori", "kategori peserta", "kelompok", "category", "golongan"),
    "subcategory": (
        "sub kategori", "subkategori", "sub kategori peserta", "subcategory", "sub category",
    ),
    "kpj": (
        "kpj", "no kpj", "nomor kpj", "no kartu kpj", "nomor kartu kpj", "no peserta bpjs",
        "no kartu bpjs", "nomor peserta", "no peserta", "no bpjs", "bpjs number",
    ),
    "coverage_start": (
        "mulai", "tgl mulai", "tanggal mulai", "awal kepesertaan", "mulai kepesertaan",
        "tmt", "tgl kepesertaan", "tanggal kepesertaan", "periode mulai", "start", "start date",
    ),
    "coverage_end": (
        "akhir", "tgl akhir", "tanggal akhir", "berakhir", "akhir kepesertaan",
        "tgl berakhir", "tanggal berakhir", "periode akhir", "end", "end date", "sampai",
    ),
    "kk": ("kk", "no kk", "nomor kk", "no kartu keluarga", "nomor kartu keluarga"),
    "phone": (
        "hp", "no hp", "nomor hp", "no telp", "no telepon", "telepon", "telp", "phone",
        "no wa", "nomor telepon", "no hp wa", "handphone",
    ),
    # Exact names only from here: "Status Perkawinan", a "Gaji" column or the "Alasan" of an
    # error report are not these fields.
    "programmes": (
        "program", "program bpjs", "program jaminan", "jenis program", "programmes",
        "programs",
    ),
    "declared_income": (
        "penghasilan", "penghasilan dilaporkan", "penghasilan yang dilaporkan", "upah",
        "upah dilaporkan", "upah yang dilaporkan", "declared income", "income",
    ),
    "funding_source": (
        "sumber dana", "sumber pendanaan", "sumber pembiayaan", "funding source", "funding",
    ),
    "status": ("status", "status peserta", "status kepesertaan", "worker status"),
    "status_reason": (
        "alasan status", "alasan nonaktif", "alasan status peserta", "status reason",
    ),
    "death_date": (
        "tanggal meninggal", "tgl meninggal", "tanggal meninggal dunia", "tgl meninggal dunia",
        "tanggal wafat", "tgl wafat", "date of death",
    ),
}  # fmt: skip

_ALIAS_INDEX: Mapping[str, str] = {
    alias: name for name, aliases in _ALIASES.items() for alias in aliases
}

# When no alias matches exactly, these word patterns decide (first match wins).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("death_date", r"\b(tgl|tanggal)\b.*\b(meninggal|wafat)\b"),
        ("birth_place_date", r"\btempat\b.*\b(tgl|tanggal)\b.*\blahir\b"),
        ("birth_place", r"\b(tempat|tmp|tmpt)\b.*\blahir\b"),
        ("birth_date", r"\b(tgl|tanggal)\b.*\b(lahir|lhr)\b|\bbirth\b"),
        ("nik", r"\bnik\b|\bktp\b|\bkependudukan\b"),
        ("kpj", r"\bkpj\b"),
        ("kk", r"\bkk\b|\bkartu keluarga\b"),
        ("sex", r"\bkelamin\b|\bgender\b"),
        ("coverage_start", r"\b(mulai|awal)\b"),
        ("coverage_end", r"\b(akhir|berakhir|selesai)\b"),
        ("village_code", r"\bkode\b.*\b(desa|kelurahan)\b"),
        ("district_code", r"\bkode\b.*\bkecamatan\b"),
        ("village", r"\b(desa|kelurahan)\b"),
        ("district", r"\bkecamatan\b"),
        ("name", r"^nama\b"),
        ("position", r"\bjabatan\b|\bposisi\b"),
        ("subcategory", r"\bsub ?kategori\b"),
        ("category", r"\bkategori\b"),
        ("address", r"\balamat\b"),
        ("phone", r"\b(hp|telp|telepon|wa)\b"),
    )
)


def normalise_header(value: Cell) -> str:
    """A header cell as lower-case words: "No. KTP" → "no ktp", "L/P" → "l p"."""
    text = cell_text(value).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def guess_field(header: Cell) -> str | None:
    """The roster field a header names, or None when it names none we know."""
    key = normalise_header(header)
    if not key:
        return None
    found = _ALIAS_INDEX.get(key)
    if found is not None:
        return found
    for name, pattern in _PATTERNS:
        if pattern.search(key):
            return name
    return None


@dataclass(frozen=True)
class ColumnMapping:
    """Which column (0-based) holds each roster field; the user may correct it."""

    columns: Mapping[str, int] = field(default_factory=dict)

    def get(self, name: str) -> int | None:
        """The column of *name*, or None when the file has none."""
        return self.columns.get(name)

    def with_column(self, name: str, column: int | None) -> ColumnMapping:
        """A copy with *name* mapped to *column* (None: not mapped); a column maps once."""
        if name not in FIELDS:
            raise ValueError(name)
        columns = {k: v for k, v in self.columns.items() if k != name and v != column}
        if column is not None:
            columns[name] = column
        return ColumnMapping(columns)

    def to_json(self) -> dict[str, int]:
        """The mapping as plain JSON data."""
        return dict(sorted(self.columns.items(), key=lambda item: item[1]))

    @classmethod
    def from_json(cls, data: object) -> ColumnMapping | None:
        """Read a mapping written by :meth:`to_json`; None when the data is not one."""
        if not isinstance(data, dict):
            return None
        columns = {
            str(k): v
            for k, v in data.items()
            if k in FIELDS and isinstance(v, int) and not isinstance(v, bool) and v >= 0
        }
        return cls(columns)


def guess_mapping(header: Sequence[Cell]) -> ColumnMapping:
    """Guess the mapping from a header row; the first column naming a field wins."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        name = guess_field(cell)
        if name is not None and name not in columns:
            columns[name] = index
    if "birth_place_date" in columns and "birth_date" in columns:
        del columns["birth_place_date"]
    return ColumnMapping(columns)


@dataclass(frozen=True)
class HeaderGuess:
    """Where the header row is (0-based index into the sheet's rows) and the guessed mapping."""

    row_index: int
    cells: tuple[Cell, ...]
    mapping: ColumnMapping


def find_roster_header(
    rows: Sequence[Sequence[Cell]], *, scan: int = HEADER_SCAN_ROWS
) -> HeaderGuess | None:
    """Find the header: the row within *scan* rows that names a NIK column and most fields.

    Title rows ("DAFTAR PESERTA BPJS KETENAGAKERJAAN DESA ...", often one merged cell) name
    at most one field and lose to the real header. A header split over two rows (see
    :func:`two_row_header`) is taken when its second row names more fields. None when no row
    names a NIK column and at least one other field.
    """
    best: HeaderGuess | None = None
    best_score = 1
    for index, row in enumerate(rows[:scan]):
        mapping = guess_mapping(row)
        if "nik" not in mapping.columns:
            continue
        guess = HeaderGuess(index, tuple(row), mapping)
        if index + 1 < len(rows):
            split = two_row_header(row, rows[index + 1])
            if split is not None and len(split[1].columns) > len(mapping.columns):
                guess = HeaderGuess(index + 1, *split)
        score = len(guess.mapping.columns)
        if score > best_score:
            best, best_score = guess, score
    return best


_WORDS = re.compile(r"[0-9A-Za-z]+")


def two_row_header(
    top: Sequence[Cell], below: Sequence[Cell]
) -> tuple[tuple[Cell, ...], ColumnMapping] | None:
    """Read *top* and the row *below* it as one header, as villages make them.

    A group name over several columns (a merged "Tempat/Tgl Lahir") has the names of its
    columns in the row below ("Tempat" | "Tgl Lahir"); the other columns are named in the top
    row only (merged down, so the row below is empty there). A name below is read on its own,
    else completed with the last word of its group's name: "Tempat" under "Tempat/Tgl Lahir"
    is "Tempat Lahir". Returns the header as one row — each column named by the one-row name
    that means the same, so an error report with that header reads back the same way — and
    its mapping.

    None when the row below is not such a row: a cell under the NIK column, or one whose name
    means no field (a data row, most likely).
    """
    nik = guess_mapping(top).columns.get("nik")
    if nik is None or (nik < len(below) and normalise_header(below[nik])):
        return None
    cells: list[Cell] = []
    group: list[str] = []  # the words of the group over the current column
    named_below = False
    for index in range(max(len(top), len(below))):
        upper = top[index] if index < len(top) else None
        lower = below[index] if index < len(below) else None
        upper_text = cell_text(upper)
        lower_text = " ".join(cell_text(lower).split())
        if not lower_text:
            cells.append(upper)
            group = []
            continue
        if upper_text:
            group = _WORDS.findall(upper_text)
        name = _completed(lower_text, group)
        if name is None:
            return None
        cells.append(lower if name == lower_text else name)
        named_below = True
    if not named_below:
        return None
    return tuple(cells), guess_mapping(cells)


def _completed(name: str, group: Sequence[str]) -> str | None:
    """*name* if it names a field, else *name* and the last word of its *group* if that names
    one ("Tempat" + "Lahir"); None when neither does.

    Only the last word: more of the group would bring in its other columns' names ("Kota"
    under "Tempat/Tgl Lahir" is no "Kota Tgl Lahir").
    """
    if guess_field(name) is not None:
        return name
    if group:
        candidate = f"{name} {group[-1]}"
        if guess_field(candidate) is not None:
            return candidate
    return None


# The two columns an error report (spreadsheets.report) adds after the file's own header.
REPORT_COLUMNS = ("Baris asal", "Alasan")


def mapping_key(header_cells: Iterable[Cell]) -> str:
    """A stable key for a header: the same normalised headers give the same key.

    An error report's header is the file's header and :data:`REPORT_COLUMNS`; it has the
    file's key, so that a report fixed and imported again finds the mapping the user chose.

    >>> mapping_key(["NIK", "Nama", "Baris asal", "Alasan"]) == mapping_key(["NIK", "Nama"])
    True
    """
    names = [normalise_header(cell) for cell in header_cells]
    while names and not names[-1]:
        names.pop()
    tail = [normalise_header(name) for name in REPORT_COLUMNS]
    while names[-len(tail) :] == tail:  # a report of a report has them twice
        del names[-len(tail) :]
        while names and not names[-1]:
            names.pop()
    return hashlib.sha256("\x1f".join(names).encode()).hexdigest()[:32]


# The fields the wizard knew before the export carried codes, sub-categories and statuses
# (December 2026): a mapping remembered with only these never chose to leave the others out.
FIELDS_BEFORE_2026_12: frozenset[str] = frozenset(
    {
        "nik", "name", "birth_place", "birth_date", "birth_place_date", "sex", "address",
        "village", "district", "position", "category", "kpj", "coverage_start",
        "coverage_end", "kk", "phone",
    }
)  # fmt: skip


class MappingMemory:
    """Mappings the user confirmed, by :func:`mapping_key`, in a JSON file.

    Each entry also keeps the fields Sigap knew when the user confirmed it (an entry of an
    older file: :data:`FIELDS_BEFORE_2026_12`). A field added since was never left out by
    the user, so :meth:`get` takes today's guess for it when its column is free.

    A missing or damaged file is an empty memory: remembering is a convenience, never a
    reason to refuse an import.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._entries: dict[str, dict[str, object]] = {}
        self.load()

    def load(self) -> None:
        """(Re)read the file."""
        self._entries = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(data, dict):
            return
        for key, value in data.items():
            if not isinstance(key, str) or not isinstance(value, dict):
                continue
            if "columns" in value:  # {"columns": {...}, "known": [...]}
                mapping = ColumnMapping.from_json(value.get("columns"))
                known_list = value.get("known")
                known = (
                    sorted(str(f) for f in known_list if f in FIELDS)
                    if isinstance(known_list, list)
                    else sorted(FIELDS_BEFORE_2026_12)
                )
            else:  # an older file: the mapping alone
                mapping = ColumnMapping.from_json(value)
                known = sorted(FIELDS_BEFORE_2026_12)
            if mapping is not None:
                self._entries[key] = {"columns": mapping.to_json(), "known": known}

    def get(self, key: str, header: Sequence[Cell] | None = None) -> ColumnMapping | None:
        """The remembered mapping for a header key, or None.

        With *header* (the file's header row), fields unknown when the mapping was confirmed
        take today's guess where that column is not already mapped.
        """
        entry = self._entries.get(key)
        if entry is None:
            return None
        columns = dict(entry["columns"])  # type: ignore[call-overload]
        if header is not None:
            known = set(entry["known"])  # type: ignore[call-overload]
            taken = set(columns.values())
            for name, column in guess_mapping(header).columns.items():
                if name not in known and name not in columns and column not in taken:
                    columns[name] = column
                    taken.add(column)
        return ColumnMapping(columns)

    def remember(self, key: str, mapping: ColumnMapping) -> None:
        """Keep *mapping* for *key* (call :meth:`save` to write it)."""
        self._entries[key] = {"columns": mapping.to_json(), "known": list(FIELDS)}

    def save(self) -> None:
        """Write the file atomically (a crash leaves the old file or the new one)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".mappings-", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self._entries, fh, indent=1, sort_keys=True)
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
