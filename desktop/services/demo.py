"""Realistic synthetic data: a regency's region tree, roster, targets and claims.

Deterministic: the same seed (and reference year) gives the same people, numbers and claims
(row ids included); only the write timestamps differ. Workers follow OKI's 2025 proportions
across the categories; every NIK is valid and agrees with the worker's kecamatan, birth date
and sex. Everything is written by one bulk unit of work: all or nothing.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from desktop.domain.categories import OKI_2025_COUNTS, Category, SubCategory
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.domain.names import name_key
from desktop.domain.regions import RegionCode
from desktop.services.office import OfficeKind, OfficeService
from desktop.services.permissions import Permission, require
from desktop.services.progress import Cancelled, CancelToken, ProgressFn, no_progress
from desktop.services.regions import RegionService
from desktop.store import models, queries
from desktop.store.ids import stable_id, uuid7_from
from desktop.store.unit_of_work import Actor, UnitOfWork, WriteCancelled

MAX_WORKERS = 5_000_000
BIG_LOAD = 100_000  # from here the load runs with a rollback journal (see UnitOfWork)
DEFAULT_REGENCY = "16.02"
LIVING_FOR_CLAIMS = 3_000  # the last workers, among whom accident claims find their subjects

# ---- vocabulary ---------------------------------------------------------------------------

MALE_NAMES = tuple(  # noqa: SIM905
    [
        "Ahmad",
        "Budi",
        "Dedi",
        "Eko",
        "Fajar",
        "Hendra",
        "Iwan",
        "Joko",
        "Kurniawan",
        "Lukman",
        "Muhammad",
        "Nanang",
        "Oki",
        "Putra",
        "Rudi",
        "Slamet",
        "Taufik",
        "Usman",
        "Wahyu",
        "Yusuf",
        "Zainal",
        "Agus",
        "Bambang",
        "Darmawan",
        "Edi",
        "Firman",
        "Gunawan",
        "Hadi",
        "Irfan",
        "Jamal",
        "Khairul",
        "Mulyadi",
        "Nurdin",
        "Rahmat",
        "Saiful",
        "Syamsul",
        "Tono",
        "Yanto",
        "Zulkifli",
        "Anwar",
        "Bahrun",
        "Candra",
        "Dodi",
        "Erwin",
        "Ferry",
        "Herman",
        "Indra",
        "Junaidi",
        "Kemas",
        "Marzuki",
        "Novri",
        "Rizal",
        "Sukri",
    ]
)
FEMALE_NAMES = tuple(  # noqa: SIM905
    [
        "Aisyah",
        "Aminah",
        "Ani",
        "Dewi",
        "Eka",
        "Fitri",
        "Hasanah",
        "Ika",
        "Juwita",
        "Kartini",
        "Lestari",
        "Maryam",
        "Nur",
        "Rina",
        "Sari",
        "Siti",
        "Tuti",
        "Umi",
        "Wati",
        "Yanti",
        "Yuliana",
        "Zahra",
        "Desi",
        "Elly",
        "Farida",
        "Halimah",
        "Indah",
        "Jamilah",
        "Khodijah",
        "Lina",
        "Maimunah",
        "Nurhayati",
        "Puspita",
        "Rahmawati",
        "Sri",
        "Suryani",
        "Titin",
        "Wulan",
        "Yeni",
        "Zubaidah",
        "Anisah",
        "Badriah",
        "Cici",
        "Dian",
        "Erna",
        "Fatimah",
        "Herlina",
        "Intan",
        "Kurnia",
        "Laila",
        "Mega",
        "Nining",
        "Ratna",
        "Suci",
    ]
)
FAMILY_NAMES = tuple(  # noqa: SIM905
    [
        "Saputra",
        "Wijaya",
        "Pratama",
        "Hidayat",
        "Kusuma",
        "Santoso",
        "Siregar",
        "Nasution",
        "Harahap",
        "Lubis",
        "Simanjuntak",
        "Susanto",
        "Gunawan",
        "Setiawan",
        "Rahman",
        "Hakim",
        "Syahputra",
        "Firmansyah",
        "Ramadhan",
        "Maulana",
        "Hasibuan",
        "Effendi",
        "Alamsyah",
        "Irawan",
        "Kurniawati",
        "Lestari",
        "Marlina",
        "Puspitasari",
        "Anggraini",
        "Wulandari",
        "Sembiring",
        "Tarigan",
        "Ginting",
        "Rangkuti",
        "Daulay",
        "Panjaitan",
        "Sinaga",
        "Situmorang",
        "Hutapea",
        "Manurung",
        "Bin-Abdullah",
        "Binti-Ahmad",
        "Zulkarnain",
        "Mansyur",
        "Kholik",
        "Somad",
        "Fauzi",
        "Hamzah",
        "Azhari",
        "Rasyid",
    ]
)
PLACES = tuple(  # noqa: SIM905
    [
        "Kayuagung",
        "Palembang",
        "Pedamaran",
        "Tanjung",
        "Lubuk",
        "Mesuji",
        "Lempuing",
        "Pampangan",
        "Jejawi",
        "Cengal",
        "Tulung",
        "Selapan",
        "Indralaya",
        "Prabumulih",
        "Baturaja",
        "Lahat",
        "Muara",
        "Enim",
        "Sekayu",
        "Martapura",
        "Lubuklinggau",
    ]
)
PLACE_PARTS = tuple(  # noqa: SIM905
    [
        "Sungai",
        "Talang",
        "Tanjung",
        "Muara",
        "Lubuk",
        "Teluk",
        "Pulau",
        "Suka",
        "Air",
        "Bukit",
        "Ulak",
        "Kuto",
        "Sri",
        "Karya",
        "Mekar",
        "Tebing",
        "Rantau",
        "Padang",
        "Simpang",
    ]
)
PLACE_TAILS = tuple(  # noqa: SIM905
    [
        "Jaya",
        "Makmur",
        "Baru",
        "Indah",
        "Sari",
        "Pinang",
        "Batu",
        "Raya",
        "Agung",
        "Mulya",
        "Lama",
        "Harapan",
        "Dalam",
        "Tengah",
        "Rejo",
        "Kembang",
        "Jati",
        "Asri",
        "Subur",
        "Damai",
    ]
)
NONAKTIF_REASONS = (
    "Berhenti dari jabatan",
    "Pindah domisili ke luar kabupaten",
    "Iuran tidak dibayar lebih dari 3 bulan",
)

# Sub-category mix inside each category, and the positions that go with them.
SUBCATEGORY_MIX: Mapping[Category, tuple[tuple[SubCategory | None, int, str], ...]] = {
    Category.NON_ASN_GTK: (
        (SubCategory.PEGAWAI_NON_ASN, 45, "Tenaga Honorer"),
        (SubCategory.GTK, 55, "Guru Honorer"),
    ),
    Category.PERANGKAT_DESA: (
        (SubCategory.KEPALA_DESA, 8, "Kepala Desa"),
        (SubCategory.SEKRETARIS_DESA, 8, "Sekretaris Desa"),
        (SubCategory.KEPALA_URUSAN, 28, "Kaur Keuangan"),
        (SubCategory.KEPALA_SEKSI, 26, "Kasi Pemerintahan"),
        (SubCategory.KEPALA_DUSUN, 30, "Kepala Dusun"),
    ),
    Category.BPD: (
        (SubCategory.KETUA_BPD, 20, "Ketua BPD"),
        (SubCategory.ANGGOTA_BPD, 80, "Anggota BPD"),
    ),
    Category.RT_RW: (
        (SubCategory.KETUA_RT, 80, "Ketua RT"),
        (SubCategory.KETUA_RW, 20, "Ketua RW"),
    ),
    Category.KELEMBAGAAN_DESA: (
        (SubCategory.LPM, 15, "Anggota LPM"),
        (SubCategory.LEMBAGA_ADAT, 8, "Pemangku Adat"),
        (SubCategory.LINMAS, 22, "Anggota Linmas"),
        (SubCategory.PKK, 20, "Kader PKK"),
        (SubCategory.KARANG_TARUNA, 10, "Pengurus Karang Taruna"),
        (SubCategory.KADER_POSYANDU, 25, "Kader Posyandu"),
    ),
    Category.PEKERJA_RENTAN: (
        (SubCategory.GURU_NGAJI, 25, "Guru Ngaji"),
        (SubCategory.MARBOT, 15, "Marbot Masjid"),
        (SubCategory.RELAWAN_DAMKAR, 5, "Relawan Damkar"),
        (SubCategory.PETANI_SAWIT, 25, "Petani Sawit"),
        (SubCategory.RENTAN_LAINNYA, 30, "Pekerja Informal"),
    ),
}



@dataclass
class DemoResult:
    """What the demo generator wrote."""

    regency_code: str
    year: int
    regions: int = 0
    workers: int = 0
    targets: int = 0
    claims: int = 0
    claim_events: int = 0
    heirs: int = 0
    documents: int = 0
    by_category: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Village:
    code: str
    district: str  # dotted kecamatan code
    district_digits: str  # 6 digits for NIK/KK
    name: str


@dataclass
class DemoPeople:
    """Roster rows the worker generator set aside for claims (copies of the rows written)."""

    deceased: list[dict[str, Any]] = field(default_factory=list)
    living: list[dict[str, Any]] = field(default_factory=list)


def demo_today(year: int, today: date | None = None) -> date:
    """The day the demo's clocks count from: *today* when given, the real today in the
    reference year, else the year's last day."""
    if today is not None:
        return today
    real = date.today()
    return real if real.year == year else date(year, 12, 31)


def _demo_error(code: str, template: str, /, **params: object) -> DomainError:
    return DomainError(Finding.error(code, template, **params))


class DemoService:
    """Generates demo data into an empty roster."""

    def __init__(self, engine: Engine, *, read_only: Finding | None = None) -> None:
        self._engine = engine
        self._office = OfficeService(engine, read_only=read_only)
        self._regions = RegionService(engine)

    def generate(
        self,
        *,
        workers: int,
        seed: int,
        actor: Actor | None = None,
        regions_file: Path | None = None,
        year: int | None = None,
        today: date | None = None,
        progress: ProgressFn = no_progress,
        cancel: CancelToken | None = None,
    ) -> DemoResult:
        """Fill an empty roster with a synthetic regency; set up a demo hub office if needed."""
        if not 1 <= workers <= MAX_WORKERS:
            raise _demo_error(
                "demo.workers",
                QT_TRANSLATE_NOOP("Finding", "Jumlah peserta contoh harus antara 1 dan {limit}."),
                limit=f"{MAX_WORKERS:,}".replace(",", "."),
            )
        token = cancel or CancelToken()
        if self._office.read_only is not None:
            raise DomainError(self._office.read_only)
        info = self._office.info()
        regency = info.regency_code if info else DEFAULT_REGENCY
        if info is None:
            # Read and check the file before touching the database.
            if regions_file is not None:
                self._regions.read_file(regions_file)
            info = self._office.set_up(
                kind=OfficeKind.HUB,
                region=regency,
                name="Dinas Sosial Kabupaten Ogan Komering Ilir (data contoh)",
            )
        actor = actor or self._office.local_actor()
        require(actor, Permission.LOAD_DEMO_DATA)
        if self._has_workers():
            raise _demo_error(
                "demo.not_empty",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Basis data ini sudah berisi data peserta. Data contoh hanya dimuat ke basis "
                    "data yang kosong; buat berkas baru untuk data contoh.",
                ),
            )
        if regions_file is not None:
            self._regions.import_file(regions_file, actor=actor, progress=progress, cancel=token)
        # Claims are written by their own module, which reads this one's vocabulary.
        from desktop.services.demo_claims import write_demo_claims

        ref_year = year or date.today().year
        day = demo_today(ref_year, today)
        rng = random.Random(seed)
        # Idle pooled connections would keep SQLite from leaving WAL for this big load.
        self._engine.dispose()
        try:
            with UnitOfWork(
                self._engine,
                actor,
                action="demo.generate",
                summary=f"Data contoh: {workers} peserta, benih {seed}",
                rollback_journal=workers >= BIG_LOAD,
            ) as uow:
                villages = self._villages(uow, regency, rng)
                result = DemoResult(regency_code=regency, year=ref_year)
                result.regions = len(queries.region_index(uow.connection))
                people = DemoPeople()
                counts = _category_counts(workers)
                stage = QT_TRANSLATE_NOOP("Progress", "Membuat data peserta")
                progress(0, workers, stage)
                uow.bulk_insert(
                    models.Worker,
                    _workers(rng, seed, villages, counts, ref_year, day, people),
                    total=workers,
                    progress=lambda done, total: progress(done, total, stage),
                    cancel=token,
                    batch_size=10_000,
                    defer_indexes=True,
                )
                result.workers = workers
                result.by_category = {c.value: n for c, n in counts.items()}
                stage = QT_TRANSLATE_NOOP("Progress", "Membuat target cakupan dan klaim")
                progress(0, 1, stage)
                targets = _targets(rng, villages, counts, ref_year)
                uow.bulk_insert(models.CoverageTarget, targets, cancel=token)
                result.targets = len(targets)
                write_demo_claims(
                    uow, rng, seed, people, villages, workers, ref_year, day, result
                )
                progress(1, 1, stage)
        except WriteCancelled as exc:
            raise Cancelled from exc
        return result

    def _has_workers(self) -> bool:
        with self._engine.connect() as conn:
            return queries.table_counts(conn, ("worker",))["worker"] > 0

    def _villages(self, uow: UnitOfWork, regency: str, rng: random.Random) -> list[_Village]:
        conn = uow.connection
        existing = queries.regions_under(conn, regency + ".", 4)
        if not existing:
            _synthetic_tree(uow, regency, rng)
            existing = queries.regions_under(conn, regency + ".", 4)
        if not existing:
            raise _demo_error(
                "demo.no_villages",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Data wilayah tidak berisi desa/kelurahan untuk kabupaten {code}. "
                    "Impor daftar wilayah yang memuat kabupaten itu.",
                ),
                code=regency,
            )
        villages = []
        for code, name in existing:
            district = code.rsplit(".", 1)[0]
            villages.append(_Village(code, district, district.replace(".", ""), name))
        return villages


def _category_counts(total: int) -> dict[Category, int]:
    """Split *total* workers across the categories in OKI's 2025 proportions."""
    oki_total = sum(OKI_2025_COUNTS.values())
    counts = {c: total * n // oki_total for c, n in OKI_2025_COUNTS.items()}
    remainder = total - sum(counts.values())
    for category in sorted(OKI_2025_COUNTS, key=lambda c: -OKI_2025_COUNTS[c])[:remainder]:
        counts[category] += 1
    return counts


def _synthetic_tree(uow: UnitOfWork, regency: str, rng: random.Random) -> None:
    """Write a province, the regency, 18 kecamatan and their villages (synthetic names)."""
    code = RegionCode.parse(regency)
    province = code.province.dotted
    known = queries.region_index(uow.connection)
    rows: list[dict[str, Any]] = []

    def add(region: str, name: str, level: int, parent: str | None) -> None:
        if region not in known:
            rows.append(
                {
                    "id": stable_id("region", region),
                    "code": region,
                    "name": name,
                    "level": level,
                    "parent_code": parent,
                }
            )

    add(province, "Sumatera Selatan" if province == "16" else f"Provinsi {province}", 1, None)
    add(
        regency,
        "Kabupaten Ogan Komering Ilir" if regency == "16.02" else f"Kabupaten {regency}",
        2,
        province,
    )
    used: set[str] = set()

    def place_name() -> str:
        while True:
            name = f"{rng.choice(PLACE_PARTS)} {rng.choice(PLACE_TAILS)}"
            if name not in used:
                used.add(name)
                return name

    for d in range(1, 19):
        district = f"{regency}.{d:02d}"
        add(district, place_name(), 3, regency)
        for v in range(1, rng.randrange(14, 24)):
            village = f"{district}.{1000 + v if v <= 2 else 2000 + v:04d}"
            add(village, place_name(), 4, district)
    uow.bulk_insert(models.Region, rows)


def _workers(
    rng: random.Random,
    seed: int,
    villages: list[_Village],
    counts: Mapping[Category, int],
    year: int,
    today: date,
    people: DemoPeople,
) -> Iterator[dict[str, Any]]:
    """Yield worker rows, shuffled across categories; set aside the deceased and some of
    the last living workers for claims (copies of their rows).

    A worker who died did so during their coverage, at least three weeks before *today*
    where the year allows; one whose coverage began late in the year mostly soon after it
    began."""
    categories = [c for c, n in counts.items() for _ in range(n)]
    rng.shuffle(categories)
    mixes = {
        c: [(sub, pos) for sub, weight, pos in SUBCATEGORY_MIX[c] for _ in range(weight)]
        for c in Category
    }
    village_weights = [rng.uniform(0.4, 1.6) for _ in villages]
    chosen = rng.choices(villages, weights=village_weights, k=len(categories))
    serials: dict[str, int] = {}
    ref = date(year, 7, 1).toordinal()
    ms0 = int(datetime(year - 1, 12, 1, tzinfo=UTC).timestamp() * 1000)
    full_start, full_end = date(year, 1, 1), date(year, 12, 31)
    late_start = date(year, 10, 1)
    last_kk = date(year - 1, 12, 31).toordinal()
    # The days after coverage began within which a worker may have died: before three
    # weeks ago (so the claims can follow), within ~300 days, at least one day.
    last_death = today.toordinal() - 21
    death_span = {
        start: max(1, min(span, last_death - start.toordinal()))
        for start, span in ((full_start, 300), (late_start, 60))
    }
    living_from = len(categories) - LIVING_FOR_CLAIMS
    keys: dict[str, str] = {}
    rnd = rng.random
    getrandbits = rng.getrandbits
    fromordinal = date.fromordinal
    # Plain strings and tuples up front: enum attribute access is slow in a million-row loop.
    plain_mixes = {
        c: [(sub.value if sub else None, sub, pos) for sub, pos in mixes[c]] for c in Category
    }
    female_share = {c: 0.62 if c is Category.KELEMBAGAAN_DESA else 0.3 for c in Category}
    funding = {c: "apbdes" if c is Category.PERANGKAT_DESA else "apbd" for c in Category}
    n_female, n_male, n_family = len(FEMALE_NAMES), len(MALE_NAMES), len(FAMILY_NAMES)
    n_places = len(PLACES)

    def pick(seq: Sequence[Any]) -> Any:
        return seq[int(rnd() * len(seq))]

    for i, (category, village) in enumerate(zip(categories, chosen, strict=True)):
        female = rnd() < female_share[category]
        first = FEMALE_NAMES[int(rnd() * n_female)] if female else MALE_NAMES[int(rnd() * n_male)]
        name = f"{first} {FAMILY_NAMES[int(rnd() * n_family)]}" if rnd() < 0.8 else first
        key = keys.get(name)
        if key is None:
            key = keys[name] = name_key(name)
        birth = fromordinal(ref - 6935 - int(rnd() * 17885))  # aged 19 to 68
        day = birth.day + 40 if female else birth.day
        prefix = f"{village.district_digits}{day:02d}{birth.month:02d}{birth.year % 100:02d}"
        serial = serials.get(prefix, 0) + 1
        serials[prefix] = serial
        mix = plain_mixes[category]
        sub_value, sub, position = mix[int(rnd() * len(mix))]
        if sub is SubCategory.KETUA_RT:
            position = f"Ketua RT {1 + int(rnd() * 29):03d}"
        elif sub is SubCategory.KETUA_RW:
            position = f"Ketua RW {1 + int(rnd() * 9):02d}"
        start = late_start if rnd() < 0.12 else full_start
        roll = rnd()
        status, reason, death = "aktif", None, None
        if roll < 0.015:
            status = "meninggal"
            death = fromordinal(start.toordinal() + int(rnd() * death_span[start]))
        elif roll < 0.04:
            status, reason = "nonaktif", pick(NONAKTIF_REASONS)
        income = 1_000_000 if rnd() < 0.85 else pick((1_500_000, 2_000_000, 2_500_000))
        worker_id = uuid7_from(ms0 + i, getrandbits(74))
        kk_date = fromordinal(min(birth.toordinal() + 6570 + int(rnd() * 4380), last_kk))
        row = {
            "id": worker_id,
            "nik": f"{prefix}{serial:04d}",
            "kk": f"{village.district_digits}{kk_date.day:02d}{kk_date.month:02d}"
            f"{kk_date.year % 100:02d}{1 + int(rnd() * 9999):04d}",
            "name": name,
            "name_key": key,
            "sex": "P" if female else "L",
            "birth_place": PLACES[int(rnd() * n_places)],
            "birth_date": birth,
            "address": f"RT {1 + int(rnd() * 29):03d} RW {1 + int(rnd() * 9):02d}, "
            f"{village.name}",
            "village_code": village.code,
            "district_code": village.district,
            "category": category.value,
            "subcategory": sub_value,
            "position": position,
            "kpj": None if rnd() < 0.03 else str(21_000_000_000 + i * 53 + int(rnd() * 53)),
            "programmes": "JKK,JKM",
            "declared_income": income,
            "coverage_start": start,
            "coverage_end": full_end,
            "funding_source": funding[category],
            "status": status,
            "status_reason": reason,
            "death_date": death,
            "phone": f"08{1_000_000_000 + int(rnd() * 8_999_999_999)}" if rnd() < 0.5 else None,
        }
        if death is not None:
            people.deceased.append(dict(row))
        elif i >= living_from and status == "aktif":
            people.living.append(dict(row))
        yield row


def _targets(
    rng: random.Random, villages: list[_Village], counts: Mapping[Category, int], year: int
) -> list[dict[str, Any]]:
    """Targets per kecamatan and category: 100% reached except kelembagaan and rentan."""
    districts = sorted({v.district for v in villages})
    rows = []
    for category, total in counts.items():
        share = total / len(districts)
        for district in districts:
            factor = {Category.KELEMBAGAAN_DESA: 1.12, Category.PEKERJA_RENTAN: 1.6}.get(
                category, 1.0
            )
            target = max(1, round(share * factor * rng.uniform(0.97, 1.03)))
            rows.append(
                {
                    "id": stable_id("coverage_target", district, category.value, str(year)),
                    "region_code": district,
                    "category": category.value,
                    "year": year,
                    "target": target,
                }
            )
    return rows
