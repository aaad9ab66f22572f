"""Editing one worker: read, check, create, change, set the status, and show the history.

Every write is checked against the acting user's role and the domain rules, then goes
through :class:`~desktop.store.unit_of_work.UnitOfWork` (change log and audit entry in the
same transaction). Warnings (a NIK whose birth date or sex disagrees with the record, an area
the region master does not know) are the UI's to confirm; errors are refused here with a
:class:`~desktop.domain.findings.DomainError` in Indonesian.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import Engine

from desktop.domain.categories import (
    Category,
    FundingSource,
    Programme,
    Sex,
    SubCategory,
    WorkerStatus,
)
from desktop.domain.dates import far_ahead_warning, is_far_ahead
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.identifiers import check_kk, check_kpj, normalize_number
from desktop.domain.names import clean_name, name_key
from desktop.domain.nik import check_nik
from desktop.domain.regions import RegionLevel
from desktop.services.permissions import Permission, require
from desktop.store import models, queries
from desktop.store import workers as store
from desktop.store.unit_of_work import Actor, UnitOfWork

# The fields a user types in the worker form (status has its own use case).
EDITABLE_FIELDS: tuple[str, ...] = (
    "nik",
    "kk",
    "name",
    "sex",
    "birth_place",
    "birth_date",
    "address",
    "village_code",
    "category",
    "subcategory",
    "position",
    "kpj",
    "programmes",
    "declared_income",
    "coverage_start",
    "coverage_end",
    "funding_source",
    "phone",
)
REQUIRED_FIELDS = frozenset({"nik", "name", "sex", "birth_date", "village_code", "category"})
_OPTIONAL_TEXT = ("kk", "birth_place", "address", "subcategory", "position", "kpj", "phone")
_PHONE_CHARS = frozenset("0123456789+")


@dataclass(frozen=True)
class WorkerRecord:
    """Everything stored about one worker, as the form shows it."""

    id: str
    nik: str
    kk: str | None
    name: str
    sex: str
    birth_place: str | None
    birth_date: date
    address: str | None
    village_code: str
    district_code: str
    category: str
    subcategory: str | None
    position: str | None
    kpj: str | None
    programmes: str
    declared_income: int
    coverage_start: date | None
    coverage_end: date | None
    funding_source: str
    status: str
    status_reason: str | None
    death_date: date | None
    phone: str | None
    created_at: datetime
    updated_at: datetime

    def values(self) -> dict[str, Any]:
        """The editable fields, as `create` and `update` take them."""
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}


_RECORD_FIELDS = tuple(f.name for f in fields(WorkerRecord))


@dataclass(frozen=True)
class FieldChange:
    """One field of one change: its value before and after."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class HistoryEntry:
    """One change to the record: when, by whom, as part of which action, which fields."""

    at: datetime
    username: str
    action: str
    op: str
    changes: tuple[FieldChange, ...]


def _error(code: str, template: str, /, **params: object) -> DomainError:
    return DomainError(Finding.error(code, template, **params))


def _not_found() -> DomainError:
    return _error(
        "worker.not_found",
        QT_TRANSLATE_NOOP(
            "Finding", "Data peserta tidak ditemukan; mungkin sudah dihapus atau digabung."
        ),
    )


class ActiveNikTaken(DomainError):
    """Another active worker already has this NIK: one person, one active record."""

    def __init__(self, finding: Finding, other_id: str) -> None:
        super().__init__(finding)
        self.other_id = other_id


def _record(row: Mapping[str, Any]) -> WorkerRecord:
    return WorkerRecord(**{name: row[name] for name in _RECORD_FIELDS})


def district_of(village_code: str) -> str:
    """The kecamatan code of a desa code: "16.02.05.2001" → "16.02.05"."""
    return ".".join(village_code.split(".")[:3])


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def normalize_values(values: Mapping[str, Any]) -> dict[str, Any]:
    """Trim the typed values: blank text becomes None, numbers lose spaces and dots."""
    unknown = set(values) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable worker fields: {sorted(unknown)}")
    out = dict(values)
    for name in _OPTIONAL_TEXT:
        if name in out:
            out[name] = _text(out[name])
    for name in ("nik", "kk", "kpj"):
        if out.get(name):
            out[name] = normalize_number(str(out[name]))
    if "name" in out:
        out["name"] = clean_name(str(out["name"] or ""))
    if out.get("phone"):
        out["phone"] = "".join(str(out["phone"]).replace("-", " ").split())
    return out


class WorkerService:
    """Use cases of the worker form."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    # ---- reading -------------------------------------------------------------------------

    def get(self, worker_id: str) -> WorkerRecord:
        """Return the worker with this id; DomainError when there is none."""
        with self._engine.connect() as conn:
            row = store.worker_by_id(conn, worker_id)
        if row is None or row["deleted"]:
            raise _not_found()
        return _record(row)

    def find_duplicates(
        self,
        nik: str | None,
        name: str | None,
        birth_date: date | None,
        exclude_id: str | None = None,
    ) -> list[WorkerRecord]:
        """Return other workers with this NIK, or with the same name and birth date."""
        digits = normalize_number(nik) if nik else None
        key = name_key(name) if name else None
        with self._engine.connect() as conn:
            rows = store.possible_duplicates(
                conn, nik=digits, name_key=key, birth_date=birth_date, exclude_id=exclude_id
            )
        return [_record(row) for row in rows]

    def duplicates_to_confirm(
        self, values: Mapping[str, Any], *, worker_id: str | None = None
    ) -> list[WorkerRecord]:
        """The possible duplicates the user should see before saving *values*: the workers
        with the same NIK, or the same name and birth date, that the stored record (when
        *worker_id* is given) did not already match.

        A pair is asked about when an edit makes it; one the record already had was answered
        then (or came by sync) and stays in the duplicates view, so a later edit that leaves
        the NIK, name and birth date as they were asks nothing.
        """
        found = self.find_duplicates(
            values.get("nik"), values.get("name"), values.get("birth_date"), exclude_id=worker_id
        )
        if worker_id is None or not found:
            return found
        current = self.get(worker_id)
        known = {
            other.id
            for other in self.find_duplicates(
                current.nik, current.name, current.birth_date, exclude_id=worker_id
            )
        }
        return [other for other in found if other.id not in known]

    def history(self, worker_id: str) -> list[HistoryEntry]:
        """Return the changes of the record, oldest first, from the change log and audit."""
        with self._engine.connect() as conn:
            rows = store.changes_of(conn, "worker", worker_id)
        entries = []
        for row in rows:
            changed = orjson.loads(row["fields"])
            entries.append(
                HistoryEntry(
                    at=row["at"] or row["recorded_at"],
                    username=row["username"] or "",
                    action=row["action"] or "",
                    op=row["op"],
                    changes=tuple(
                        FieldChange(name, pair[0], pair[1])
                        for name, pair in changed.items()
                        if name not in ("name_key", "district_code")
                    ),
                )
            )
        return entries

    # ---- checking ------------------------------------------------------------------------

    def check(self, values: Mapping[str, Any], *, today: date | None = None) -> None:
        """Raise DomainError for the first rule a complete set of worker values breaks."""
        today = today or date.today()
        missing = [name for name in sorted(REQUIRED_FIELDS) if not values.get(name)]
        if "name" in missing:
            raise _error(
                "worker.name_empty", QT_TRANSLATE_NOOP("Finding", "Nama peserta wajib diisi.")
            )
        nik = check_nik(str(values.get("nik") or ""), today=today)
        if nik.errors:
            raise DomainError(nik.errors[0])
        if values.get("sex") not in {s.value for s in Sex}:
            raise _error(
                "worker.sex",
                QT_TRANSLATE_NOOP(
                    "Finding", "Jenis kelamin harus Laki-laki (L) atau Perempuan (P)."
                ),
            )
        born = values.get("birth_date")
        if not isinstance(born, date):
            raise _error(
                "worker.birth_date", QT_TRANSLATE_NOOP("Finding", "Tanggal lahir wajib diisi.")
            )
        if born > today:
            raise _error(
                "worker.birth_future",
                QT_TRANSLATE_NOOP("Finding", "Tanggal lahir tidak boleh setelah hari ini."),
            )
        if values.get("kk"):
            errors = check_kk(str(values["kk"]), today=today)
            if errors:
                raise DomainError(errors[0])
        if values.get("kpj"):
            errors = check_kpj(str(values["kpj"]))
            if errors:
                raise DomainError(errors[0])
        self._check_village(str(values.get("village_code") or ""))
        self._check_category(values.get("category"), values.get("subcategory"))
        programmes = str(values.get("programmes") or "").split(",")
        known = {p.abbreviation for p in Programme}
        if not programmes or not all(p in known for p in programmes):
            raise _error(
                "worker.programmes",
                QT_TRANSLATE_NOOP("Finding", "Pilih paling sedikit satu program (JKK, JKM, JHT)."),
            )
        income = values.get("declared_income", 0)
        if isinstance(income, bool) or not isinstance(income, int) or income < 0:
            raise _error(
                "worker.income",
                QT_TRANSLATE_NOOP(
                    "Finding", "Penghasilan harus berupa angka rupiah, tidak negatif."
                ),
            )
        start, end = values.get("coverage_start"), values.get("coverage_end")
        if start is not None and end is not None and end < start:
            raise _error(
                "worker.coverage_order",
                QT_TRANSLATE_NOOP(
                    "Finding", "Akhir kepesertaan tidak boleh sebelum mulai kepesertaan."
                ),
            )
        if values.get("funding_source") not in {f.value for f in FundingSource}:
            raise _error(
                "worker.funding", QT_TRANSLATE_NOOP("Finding", "Sumber dana belum dipilih.")
            )
        phone = values.get("phone")
        if phone and (not set(phone) <= _PHONE_CHARS or "+" in phone[1:] or len(phone) > 20):
            raise _error(
                "worker.phone",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Nomor telepon hanya boleh berisi angka (boleh diawali +), paling banyak 20.",
                ),
            )

    def warnings(self, values: Mapping[str, Any], *, today: date | None = None) -> list[Finding]:
        """What the user should look at again before saving; saving stays allowed.

        Coverage dates more than a year ahead (a slip such as 2099 for 2029). The NIK's own
        warnings come from :func:`check_nik` against the form.
        """
        today = today or date.today()
        found = []
        for name, label in (
            ("coverage_start", QT_TRANSLATE_NOOP("RosterField", "Mulai kepesertaan")),
            ("coverage_end", QT_TRANSLATE_NOOP("RosterField", "Akhir kepesertaan")),
        ):
            day = values.get(name)
            if isinstance(day, date) and is_far_ahead(day, today):
                found.append(far_ahead_warning(day, label))
        return found

    def repair_misplaced(self, actor: Actor) -> list[str]:
        """On a kecamatan laptop: remove the workers it created in another kecamatan (an
        older form allowed it), which make the hub refuse its bundles. Each is put back into
        this kecamatan and removed in the same change, so the hub receives a removed record
        of this kecamatan instead. Return their names (to enter them again where they
        belong)."""
        require(actor, Permission.EDIT_ROSTER)
        with self._engine.connect() as conn:
            state = queries.local_state(conn)
            if state is None or state["office_kind"] != "kecamatan":
                return []
            district = str(state["office_region"])
            misplaced = queries.misplaced_workers(conn, district)
            village = store.first_village(conn, district)
        if not misplaced:
            return []
        if village is None:
            raise _error(
                "worker.no_village",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Daftar wilayah laptop ini tidak memuat desa kecamatan {district}. "
                    "Minta kantor kabupaten mengirim paket terbaru, lalu ulangi.",
                ),
                district=district,
            )
        with UnitOfWork(
            self._engine,
            actor,
            action="worker.repair",
            summary=f"{len(misplaced)} peserta di luar kecamatan dihapus dari laptop",
        ) as uow:
            for worker_id, _name in misplaced:
                uow.update(
                    models.Worker, worker_id, {"village_code": village, "district_code": district}
                )
                uow.delete(models.Worker, worker_id)
        return [name for _, name in misplaced]

    def _check_one_active(self, nik: str, worker_id: str | None) -> None:
        """One person, one active record: an active worker with this NIK is refused, naming
        the record that has it (the form offers to open it)."""
        digits = normalize_number(nik)
        with self._engine.connect() as conn:
            others = store.possible_duplicates(
                conn, nik=digits, name_key=None, birth_date=None, exclude_id=worker_id
            )
            active = [o for o in others if o["status"] == WorkerStatus.AKTIF.value]
            village = queries.region_name(conn, active[0]["village_code"]) if active else None
        if active:
            other = active[0]
            raise ActiveNikTaken(
                Finding.error(
                    "worker.nik_active",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "NIK ini sudah dipakai peserta aktif lain: {name} (desa {village}). "
                        "Satu orang hanya boleh punya satu data aktif: buka data yang ada dan "
                        "perbarui di sana, atau nonaktifkan data itu lebih dulu.",
                    ),
                    name=other["name"],
                    village=village or other["village_code"],
                ),
                str(other["id"]),
            )

    def _check_area(self, current: str | None, new: str) -> None:
        """The office's own area, checked below every form and command (a sync bundle with a
        worker outside it would be refused whole at the hub): a kecamatan office adds and
        edits the workers of its kecamatan (it may move one out, when the person moves); the
        regency hub those of its regency."""
        with self._engine.connect() as conn:
            state = queries.local_state(conn)
        if state is None:
            return
        kind, region = str(state["office_kind"]), str(state["office_region"])
        if kind == "hub":
            if not new.startswith(region + "."):
                raise _error(
                    "worker.outside_regency",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Kecamatan {district} ada di luar kabupaten kantor ini ({region}). "
                        "Pilih desa di kabupaten ini.",
                    ),
                    district=new,
                    region=region,
                )
            return
        if current is not None and current != region:
            raise _error(
                "worker.not_ours",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Peserta ini sudah tercatat di kecamatan lain ({district}). Perubahannya "
                    "dilakukan oleh kecamatan itu atau oleh kantor kabupaten.",
                ),
                district=current,
            )
        if current is None and new != region:
            raise _error(
                "worker.outside_area",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Desa yang dipilih ada di kecamatan lain ({district}), di luar wilayah "
                    "kantor ini ({region}). Laptop kecamatan hanya menambah peserta di "
                    "kecamatannya sendiri; pilih desa di kecamatan ini, atau minta kecamatan "
                    "itu atau kantor kabupaten mendaftarkannya.",
                ),
                district=new,
                region=region,
            )

    def _check_village(self, code: str) -> None:
        with self._engine.connect() as conn:
            level = store.region_level(conn, code) if code else None
        if level != RegionLevel.VILLAGE.value:
            raise _error(
                "worker.village",
                QT_TRANSLATE_NOOP(
                    "Finding", "Desa belum dipilih atau tidak ada di daftar wilayah ({code})."
                ),
                code=code or "–",
            )

    @staticmethod
    def _check_category(category: Any, subcategory: Any) -> None:
        try:
            chosen = Category(category)
        except ValueError:
            raise _error(
                "worker.category", QT_TRANSLATE_NOOP("Finding", "Kategori peserta belum dipilih.")
            ) from None
        if subcategory is None:
            return
        try:
            sub = SubCategory(subcategory)
        except ValueError:
            sub = None
        if sub is None or sub.category is not chosen:
            raise _error(
                "worker.subcategory",
                QT_TRANSLATE_NOOP(
                    "Finding", "Sub-kategori {subcategory} bukan bagian dari kategori ini."
                ),
                subcategory=subcategory,
            )

    # ---- writing -------------------------------------------------------------------------

    def create(self, actor: Actor, values: Mapping[str, Any]) -> str:
        """Add a worker; return its id."""
        require(actor, Permission.EDIT_ROSTER)
        data = {
            "programmes": "JKK,JKM",
            "declared_income": models.Worker.model_fields["declared_income"].default,
            "funding_source": FundingSource.APBD.value,
        }
        data.update(normalize_values(values))
        self.check(data)
        data.update(_derived(data))
        self._check_area(None, data["district_code"])
        data["status"] = WorkerStatus.AKTIF.value
        self._check_one_active(data["nik"], None)
        with UnitOfWork(
            self._engine, actor, action="worker.create", summary=f"Tambah peserta {data['name']}"
        ) as uow:
            return uow.insert(models.Worker, data)

    def update(self, actor: Actor, worker_id: str, values: Mapping[str, Any]) -> bool:
        """Change fields of a worker; return False when nothing actually changed."""
        require(actor, Permission.EDIT_ROSTER)
        current = self.get(worker_id)
        changes = normalize_values(values)
        merged = current.values() | changes
        self.check(merged)
        changes.update(_derived(merged))
        self._check_area(current.district_code, changes["district_code"])
        # A NIK typed anew must not be another active person's (an existing pair, which sync
        # can bring, is settled in the duplicates view, not by refusing every later edit).
        if merged["nik"] != current.nik and current.status == WorkerStatus.AKTIF.value:
            self._check_one_active(str(merged["nik"]), worker_id)
        with UnitOfWork(
            self._engine, actor, action="worker.update", summary=f"Ubah peserta {merged['name']}"
        ) as uow:
            return uow.update(models.Worker, worker_id, changes)

    def set_status(
        self,
        actor: Actor,
        worker_id: str,
        status: WorkerStatus | str,
        *,
        reason: str | None = None,
        death_date: date | None = None,
        today: date | None = None,
    ) -> bool:
        """Make a worker aktif, nonaktif (with a reason) or meninggal (with the date)."""
        require(actor, Permission.EDIT_ROSTER)
        today = today or date.today()
        current = self.get(worker_id)
        self._check_area(current.district_code, current.district_code)
        if WorkerStatus(status) is WorkerStatus.AKTIF and current.status != status:
            self._check_one_active(current.nik, worker_id)
        new = WorkerStatus(status)
        reason = _text(reason)
        changes: dict[str, Any] = {"status": new.value}
        if new is WorkerStatus.NONAKTIF:
            if not reason:
                raise _error(
                    "worker.status_reason",
                    QT_TRANSLATE_NOOP("Finding", "Tuliskan alasan peserta dinonaktifkan."),
                )
            changes.update(status_reason=reason, death_date=None)
        elif new is WorkerStatus.MENINGGAL:
            if death_date is None:
                raise _error(
                    "worker.death_date",
                    QT_TRANSLATE_NOOP("Finding", "Isi tanggal peserta meninggal dunia."),
                )
            if death_date > today or death_date < current.birth_date:
                raise _error(
                    "worker.death_date_range",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Tanggal meninggal harus di antara tanggal lahir dan hari ini.",
                    ),
                )
            changes.update(status_reason=reason, death_date=death_date)
        else:
            changes.update(status_reason=None, death_date=None)
        with UnitOfWork(
            self._engine,
            actor,
            action="worker.status",
            summary=f"Status peserta {current.name}: {new.value}",
        ) as uow:
            return uow.update(models.Worker, worker_id, changes)


def _derived(values: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "name_key": name_key(values["name"]),
        "district_code": district_of(values["village_code"]),
    }
