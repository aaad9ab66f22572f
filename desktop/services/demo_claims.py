"""Demo claims: a few hundred claims of every kind, in every state their kind can reach.

Each claim is what the claim service would have written had a kecamatan operator and the
regency's admin taken its steps one by one: its subject filled (from the worker for JKM and
JKK; typed in for a santunan kematian of a resident, some of them not in the roster, with
the akta number and DTSEN decile), its events dated with ``{"on", "role"}`` by the role
that may take each step, its documents received before the file was recommended, its heirs
with the payee's account. Some deadlines have passed and some are near (relative to the
demo's today), and some claims are flagged (a payee account shared by two unrelated
claims, a decile above the limit, a death soon after coverage began). The derived columns
come from the same domain rules :func:`desktop.services.claims.file.derive` applies, so
``ClaimService.recompute`` changes nothing.

Deterministic for a seed, a reference year and a today.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson

from desktop.domain.benefits import SchoolLevel
from desktop.domain.categories import Sex
from desktop.domain.claim_flags import PayeeAccount, claim_flags, open_flags
from desktop.domain.claim_state import clock_stops
from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.dates import age_on
from desktop.domain.documents import DocumentCondition, DocumentItem, checklist
from desktop.domain.heirs import payee_of
from desktop.domain.names import name_key
from desktop.domain.nik import make_nik
from desktop.domain.roles import Role
from desktop.domain.settings import CLAIM_EARLY_DEATH_DAYS, parse_setting
from desktop.services.claims.file import (
    ClaimFile,
    OfficeContext,
    amount_of,
    office_context,
    worker_subject,
)
from desktop.services.demo import (
    FAMILY_NAMES,
    FEMALE_NAMES,
    MALE_NAMES,
    DemoPeople,
    DemoResult,
    _Village,
)
from desktop.store import models
from desktop.store.claims import VOID_STATUSES
from desktop.store.ids import stable_id, uuid7_from
from desktop.store.unit_of_work import UnitOfWork

BANKS = ("Bank Sumsel Babel", "BRI", "BNI", "Bank Mandiri", "BSI")

_S = ClaimStatus
_U, _K, _R, _V = _S.DIUSULKAN, _S.DIKEMBALIKAN, _S.DIREKOMENDASIKAN, _S.DIVERIFIKASI
_OK, _NO, _PAID, _CANCEL = _S.DISETUJUI, _S.DITOLAK, _S.DICAIRKAN, _S.DIBATALKAN
_FILED, _BPJS_PAID = _S.DIAJUKAN_BPJS, _S.DIBAYAR_BPJS

# Each claim walks one of these paths; the first block of claims takes each path of its
# kind once, so every state of every kind is present.
SANTUNAN_PATHS: tuple[tuple[ClaimStatus, ...], ...] = (
    (_U,),
    (_U, _K),
    (_U, _R),
    (_U, _R, _V),
    (_U, _R, _V, _OK),
    (_U, _R, _V, _NO),
    (_U, _R, _V, _OK, _PAID),
    (_U, _CANCEL),
    (_U, _K, _U, _R, _V, _OK, _PAID),
)
BPJS_PATHS: tuple[tuple[ClaimStatus, ...], ...] = (
    (_U,),
    (_U, _K),
    (_U, _R),
    (_U, _R, _V),
    (_U, _R, _V, _OK),
    (_U, _R, _V, _NO),
    (_U, _R, _V, _OK, _FILED),
    (_U, _R, _V, _OK, _FILED, _BPJS_PAID),
    (_U, _CANCEL),
    (_U, _K, _U, _R, _V, _OK, _FILED, _BPJS_PAID),
)
CLAIM_KINDS: tuple[tuple[ClaimKind, int], ...] = (
    (ClaimKind.SANTUNAN, 40),
    (ClaimKind.JKM, 35),
    (ClaimKind.JKK_DEATH, 10),
    (ClaimKind.JKK_TOTAL_DISABILITY, 5),
    (ClaimKind.JKK_TEMPORARY, 10),
)
_RETURN_REASONS = {
    True: "Akta kematian belum dilampirkan",
    False: "Formulir dokter belum dilampirkan",
}
_MISSING_WHEN_RETURNED = {True: DocumentItem.AKTA_KEMATIAN, False: DocumentItem.FORMULIR_DOKTER}
_REJECT_REASONS = {
    ClaimKind.SANTUNAN: "Keluarga almarhum tidak termasuk desil 1-5 DTSEN",
    ClaimKind.JKM: "Surat keterangan ahli waris tidak sah; nama ahli waris tidak sesuai KK",
    ClaimKind.JKK_DEATH: "Kecelakaan tidak terjadi dalam hubungan kerja menurut BPJS",
    ClaimKind.JKK_TOTAL_DISABILITY: "Formulir dokter tidak menyatakan cacat total tetap",
    ClaimKind.JKK_TEMPORARY: "Masa tidak mampu bekerja tidak didukung surat dokter",
}
_CANCEL_REASON = "Diusulkan ganda oleh desa"
# The steps a kecamatan's operator takes (the rest are the regency admin's); a withdrawal
# is the operator's while the file is still with the kecamatan.
_KECAMATAN_STEPS = frozenset({_U, _R, _CANCEL})
# Where a verified claim's clock stands today: passed, due in 0..2 days, or running.
_CLOCK_SLOTS = ("overdue", "due_soon", "running")
_HIGH_DECILE = 7
MIN_WORKERS = 100


@dataclass
class _Rows:
    claims: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    heirs: list[dict[str, Any]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    workers: dict[str, dict[str, Any] | None] = field(default_factory=dict)


class _Generator:
    def __init__(
        self,
        uow: UnitOfWork,
        rng: random.Random,
        seed: int,
        people: DemoPeople,
        villages: Sequence[_Village],
        year: int,
        today: date,
    ) -> None:
        self.uow = uow
        self.rng = rng
        self.seed = seed
        self.people = people
        self.living = people.living[::-1]
        self.villages = villages
        self.year = year
        self.today = today
        self.office: OfficeContext = office_context(uow.connection)
        self.used: set[str] = set()
        self.rows = _Rows()
        self.ms0 = int(datetime(year, 1, 1, tzinfo=UTC).timestamp() * 1000)
        self.admin_id = uow.actor.user_id
        self.slot = 0
        self.early_wanted = True
        self.high_decile_wanted = True

    # ---- subjects ----------------------------------------------------------------------

    def _take(
        self, pool: list[dict[str, Any]], latest: date, early: bool = False
    ) -> dict[str, Any] | None:
        for row in pool:
            if row["id"] in self.used:
                continue
            day = row.get("death_date") or row["coverage_start"]
            if day > latest:
                continue
            if early and not self._is_early(row):
                continue
            self.used.add(row["id"])
            return row
        return None

    def _resident(self, n: int, latest: date) -> dict[str, Any]:
        rng = self.rng
        village = rng.choice(self.villages)
        female = rng.random() < 0.45
        first = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        name = f"{first} {rng.choice(FAMILY_NAMES)}"
        death = latest - timedelta(days=rng.randrange(0, 40))
        birth = date(death.year - rng.randrange(45, 86), rng.randrange(1, 13), rng.randrange(1, 29))
        sex = Sex.FEMALE if female else Sex.MALE
        kk_day = birth + timedelta(days=rng.randrange(7000, 12000))
        return {
            "village": village,
            "nik": make_nik(village.district, birth, sex, 9000 + n),
            "name": name,
            "birth_date": birth,
            "sex": sex,
            "kk": f"{village.district_digits}{kk_day:%d%m%y}{rng.randrange(1, 10000):04d}",
            "death_date": death,
        }

    # ---- one claim ---------------------------------------------------------------------

    def _days(
        self, path: Sequence[ClaimStatus], kind: ClaimKind
    ) -> tuple[date | None, dict[int, date]]:
        """The pinned step's day (None: a claim that ran its course) and the pin."""
        today, rng = self.today, self.rng
        stops = clock_stops(kind)
        if path[-1] in stops:
            return None, {}
        if _V in path:
            slot = _CLOCK_SLOTS[self.slot % len(_CLOCK_SLOTS)]
            self.slot += 1
            back = {"overdue": 7 + rng.randrange(1, 15), "due_soon": 7 - rng.randrange(0, 3)}
            verified = today - timedelta(days=back.get(slot, rng.randrange(0, 4)))
            return verified, {path.index(_V): verified}
        last = today - timedelta(days=rng.randrange(0, 30))
        return last, {len(path) - 1: last}

    def _schedule(
        self, path: Sequence[ClaimStatus], reported: date, pin: dict[int, date]
    ) -> list[date]:
        rng, today = self.rng, self.today
        if not pin:
            days = [reported]
            for _ in path[1:]:
                days.append(min(today, days[-1] + timedelta(days=rng.randrange(1, 5))))
            return days
        (index, pinned), = pin.items()
        span = max(0, (pinned - reported).days)
        before = sorted(rng.randrange(0, span + 1) for _ in range(max(0, index - 1)))
        days = [reported, *(reported + timedelta(days=d) for d in before)]
        if index > 0:
            days.append(pinned)
        while len(days) < len(path):
            days.append(min(today, days[-1] + timedelta(days=rng.randrange(0, 3))))
        return days

    def claim(self, n: int, kind: ClaimKind, path: tuple[ClaimStatus, ...]) -> bool:
        rng, today = self.rng, self.today
        anchor, pin = self._days(path, kind)
        latest = (anchor or today - timedelta(days=20)) - timedelta(days=3)
        worker: dict[str, Any] | None = None
        resident: dict[str, Any] | None = None
        if kind is ClaimKind.SANTUNAN:
            if rng.random() < 0.3:
                worker = self._take(self.people.deceased, latest)
            if worker is None:
                resident = self._resident(n, latest)
        elif kind.is_death:
            early = kind is ClaimKind.JKM and self.early_wanted and _CANCEL not in path
            worker = self._take(self.people.deceased, latest, early=early)
            if worker is None and early:
                worker = self._take(self.people.deceased, latest)
            self.early_wanted = self.early_wanted and not (
                worker is not None and early and self._is_early(worker)
            )
        else:
            # The roster's last workers first (tests pick the first ones by id).
            worker = self._take(self.living, latest)
        if worker is None and resident is None:
            return False
        if worker is not None:
            if kind.is_death:
                event_date = worker["death_date"]
            else:
                first = worker["coverage_start"]
                event_date = first + timedelta(days=rng.randrange(0, max(1, (latest - first).days)))
        else:
            assert resident is not None
            event_date = resident["death_date"]
        if anchor is None:
            reported = event_date + timedelta(days=rng.randrange(1, 15))
        else:  # a claim still under way was reported a few weeks before its last step
            reported = anchor - timedelta(days=rng.randrange(3, 25))
        reported = max(event_date, min(reported, latest + timedelta(days=3)))
        days = self._schedule(path, reported, pin)
        claim_id = uuid7_from(self.ms0 + n, rng.getrandbits(74))
        self._events(n, claim_id, kind, path, days, worker, resident)
        heirs = self._heirs(n, claim_id, kind, worker, resident)
        traffic = kind.is_bpjs and kind is not ClaimKind.JKM and rng.random() < 0.4
        conditions = {DocumentCondition.TRAFFIC_ACCIDENT} if traffic else set()
        if heirs:
            conditions.add(DocumentCondition.SPOUSE_HEIR)
        akta = self._documents(claim_id, kind, path, days, conditions)
        self.rows.claims.append(
            self._claim_row(n, claim_id, kind, path, days, event_date, worker, resident, akta)
        )
        self.rows.claims[-1]["accident_is_traffic"] = traffic
        self.rows.workers[claim_id] = worker
        return True

    @staticmethod
    def _is_early(worker: dict[str, Any]) -> bool:
        days: int = (worker["death_date"] - worker["coverage_start"]).days
        return 0 <= days < 30

    def _events(
        self,
        n: int,
        claim_id: str,
        kind: ClaimKind,
        path: Sequence[ClaimStatus],
        days: Sequence[date],
        worker: dict[str, Any] | None,
        resident: dict[str, Any] | None,
    ) -> None:
        district = str((worker or {}).get("district_code") or (resident or {})["village"].district)
        operator_id = stable_id("demo_operator", district)
        previous: ClaimStatus | None = None
        for step, (status, day) in enumerate(zip(path, days, strict=True)):
            by_kecamatan = status in _KECAMATAN_STEPS and previous in (None, _U, _K)
            role = Role.OPERATOR_KECAMATAN if by_kecamatan else Role.ADMIN_KABUPATEN
            reason = None
            if status is _K:
                reason = _RETURN_REASONS[kind.is_death]
            elif status is _NO:
                reason = _REJECT_REASONS[kind]
            elif status is _CANCEL:
                reason = _CANCEL_REASON
            at = datetime(day.year, day.month, day.day, 2, tzinfo=UTC) + timedelta(
                minutes=17 * step + self.rng.randrange(0, 15)
            )
            self.rows.events.append(
                {
                    "id": uuid7_from(self.ms0 + n, self.rng.getrandbits(74)),
                    "claim_id": claim_id,
                    "status": status.value,
                    "at": at,
                    "actor_user_id": operator_id if by_kecamatan else self.admin_id,
                    "actor_name": "Operator Kecamatan" if by_kecamatan else "Admin Kabupaten",
                    "device_id": self.uow.actor.device_id,
                    "reason": reason,
                    "data": orjson.dumps({"on": day.isoformat(), "role": role.value}).decode(),
                }
            )
            previous = status

    def _heirs(
        self,
        n: int,
        claim_id: str,
        kind: ClaimKind,
        worker: dict[str, Any] | None,
        resident: dict[str, Any] | None,
    ) -> list[dict[str, Any]]:
        if not kind.is_death:
            return []
        rng = self.rng
        person = worker or resident or {}
        female = str(person.get("sex")) in ("P", Sex.FEMALE.value)
        name = str(person["name"])
        family = name.rsplit(" ", 1)[-1] if " " in name else rng.choice(FAMILY_NAMES)
        district = str(person.get("district_code") or (resident or {})["village"].district)
        birth: date = person["birth_date"]
        spouse_birth = birth + timedelta(days=rng.randrange(-1500, 1500))
        spouse_sex = Sex.MALE if female else Sex.FEMALE
        first = rng.choice(MALE_NAMES if female else FEMALE_NAMES)
        heirs = [
            {
                "id": uuid7_from(self.ms0 + n, rng.getrandbits(74)),
                "claim_id": claim_id,
                "name": f"{first} {rng.choice(FAMILY_NAMES)}",
                "nik": make_nik(district, spouse_birth, spouse_sex, 5000 + 4 * n),
                "relationship": "suami" if female else "istri",
                "is_payee": True,
                "bank_name": rng.choice(BANKS),
                "bank_account": f"{rng.randrange(10**14, 10**15)}",
                "account_holder": None,
            }
        ]
        for k in range(rng.randrange(0, 3)):
            child_sex = Sex.FEMALE if rng.random() < 0.5 else Sex.MALE
            child_birth = birth + timedelta(days=rng.randrange(7300, 12000) + k * 400)
            if child_birth >= self.today - timedelta(days=365):
                break
            names = FEMALE_NAMES if child_sex is Sex.FEMALE else MALE_NAMES
            heirs.append(
                {
                    "id": uuid7_from(self.ms0 + n, rng.getrandbits(74)),
                    "claim_id": claim_id,
                    "name": f"{rng.choice(names)} {family}",
                    "nik": make_nik(district, child_birth, child_sex, 5001 + 4 * n + k),
                    "relationship": "anak",
                    "is_payee": False,
                    "school_level": _school_level(child_birth, self.today),
                }
            )
        self.rows.heirs.extend(heirs)
        return heirs

    def _documents(
        self,
        claim_id: str,
        kind: ClaimKind,
        path: Sequence[ClaimStatus],
        days: Sequence[date],
        conditions: set[DocumentCondition],
    ) -> bool:
        """Write the checklist; return whether the akta kematian was received."""
        rng = self.rng
        reported = days[0]
        if _R in path:
            # Complete on or before the (last) recommendation.
            until = days[len(path) - 1 - path[::-1].index(_R)]
            chance = 1.0
        else:
            until, chance = days[-1], 0.6
        missing = _MISSING_WHEN_RETURNED[kind.is_death] if path[-1] is _K else None
        akta = False
        for item in checklist(kind.value):
            needed = (
                item is not DocumentItem.LAPORAN_POLISI
                or DocumentCondition.TRAFFIC_ACCIDENT in conditions
            )
            received = needed and item is not missing and rng.random() < chance
            span = max(0, (until - reported).days)
            on = reported + timedelta(days=rng.randrange(0, span + 1)) if received else None
            akta = akta or (received and item is DocumentItem.AKTA_KEMATIAN)
            self.rows.documents.append(
                {
                    "id": stable_id("claim_document", claim_id, item.value),
                    "claim_id": claim_id,
                    "item": item.value,
                    "received": received,
                    "received_on": on,
                }
            )
        return akta

    def _claim_row(
        self,
        n: int,
        claim_id: str,
        kind: ClaimKind,
        path: Sequence[ClaimStatus],
        days: Sequence[date],
        event_date: date,
        worker: dict[str, Any] | None,
        resident: dict[str, Any] | None,
        akta: bool,
    ) -> dict[str, Any]:
        rng = self.rng
        if worker is not None:
            subject = {
                "worker_id": worker["id"],
                "village_code": worker["village_code"],
                **worker_subject(worker),
            }
            district = str(worker["district_code"]).replace(".", "")[:4]
        else:
            assert resident is not None
            subject = {
                "worker_id": None,
                "village_code": resident["village"].code,
                "subject_nik": resident["nik"],
                "subject_name": resident["name"],
                "subject_name_key": name_key(resident["name"]),
                "subject_birth_date": resident["birth_date"],
                "subject_kk": resident["kk"],
            }
            district = resident["village"].district_digits[:4]
        decile = None
        if kind is ClaimKind.SANTUNAN:
            decile = rng.randrange(1, 6)
            if path[-1] is _NO or (self.high_decile_wanted and path[-1] is _R):
                decile = _HIGH_DECILE
                self.high_decile_wanted = self.high_decile_wanted and path[-1] is not _R
        return {
            **subject,
            "id": claim_id,
            "kind": kind.value,
            "event_date": event_date,
            "reported_date": days[0],
            "proposer": "Kepala Desa",
            "death_certificate_no": (
                f"{district}-KM-{event_date:%d%m%Y}-{1 + n:04d}" if akta else None
            ),
            "dtsen_decile": decile,
            # Days off after the accident, for the STMB benefit (no draw: the demo's other
            # claims stay as they were).
            "days_off": 14 + (n * 37) % 100 if kind is ClaimKind.JKK_TEMPORARY else None,
            "decision_number": (
                f"400.9/{n + 1:03d}/DINSOS/{self.year}" if _OK in path else None
            ),
            "transfer_reference": (
                f"TRF{self.seed % 1000:03d}{n:06d}" if path[-1] is _PAID else None
            ),
            "paid_on": days[-1] if path[-1] in (_PAID, _BPJS_PAID) else None,
        }

    # ---- derived columns -------------------------------------------------------------------

    def settle(self) -> None:
        """Fill the derived columns and the amounts as the claim service would."""
        rows = self.rows
        events: dict[str, list[dict[str, Any]]] = {}
        for row in rows.events:
            events.setdefault(row["claim_id"], []).append(row)
        heirs: dict[str, list[dict[str, Any]]] = {}
        for row in rows.heirs:
            heirs.setdefault(row["claim_id"], []).append(row)
        documents: dict[str, list[dict[str, Any]]] = {}
        for row in rows.documents:
            documents.setdefault(row["claim_id"], []).append(row)
        files = []
        for claim in rows.claims:
            file = ClaimFile(
                claim=claim,
                worker=rows.workers[claim["id"]],
                events=tuple(events.get(claim["id"], ())),
                heirs=tuple(heirs.get(claim["id"], ())),
                documents=tuple(documents.get(claim["id"], ())),
                office=self.office,
            )
            state = file.state()
            claim.update(
                status=state.status.value,
                verified_on=state.verified_on,
                completed_on=state.completed_on,
                deadline=state.deadline,
            )
            amount = amount_of(file)
            total = amount.total if amount is not None else 0
            reached = {ClaimStatus(e.status) for e in state.events}
            claim["amount_proposed"] = total
            claim["amount_approved"] = total if _OK in reached else 0
            claim["amount_paid"] = total if state.status.is_paid else 0
            files.append(file)
        # The shared-account flag reads the payees of the other claims not cancelled.
        payees: dict[str, list[PayeeAccount]] = {}
        for file in files:
            if file.claim["status"] in VOID_STATUSES:
                continue
            for heir in file.heirs:
                if heir["is_payee"] and heir.get("bank_account"):
                    payees.setdefault(str(heir["bank_account"]), []).append(
                        PayeeAccount(
                            claim_id=file.id,
                            account=str(heir["bank_account"]),
                            subject_name=str(file.claim["subject_name"]),
                            subject_nik=file.claim["subject_nik"],
                            subject_kk=file.claim["subject_kk"],
                        )
                    )
        early_days = parse_setting(CLAIM_EARLY_DEATH_DAYS, self.office.settings)
        for file in files:
            views = file.heir_views
            payee = payee_of(views)
            others = payees.get(payee.account_digits, []) if payee is not None else []
            raised = claim_flags(
                file.subject,
                file.facts,
                views,
                claim_id=file.id,
                other_payees=others,
                regency_code=self.office.regency_code,
                early_death_days=early_days,
            )
            codes = [flag.code for flag in open_flags(raised, ())]
            file.claim["flags_open"] = len(codes)
            file.claim["flag_codes"] = ",".join(sorted(set(codes))) or None

    def share_an_account(self) -> None:
        """Give two unrelated claims (a resident's santunan, a worker's JKM), neither
        cancelled, the same payee account: the shared-account flag."""
        by_claim = {row["id"]: row for row in self.rows.claims}
        last = {row["claim_id"]: row["status"] for row in self.rows.events}
        chosen: list[dict[str, Any]] = []
        for kind in (ClaimKind.SANTUNAN.value, ClaimKind.JKM.value):
            for heir in self.rows.heirs:
                claim = by_claim[heir["claim_id"]]
                if (
                    heir["is_payee"]
                    and claim["kind"] == kind
                    and last[claim["id"]] not in (_CANCEL.value, _U.value)
                ):
                    chosen.append(heir)
                    break
        if len(chosen) == 2:
            chosen[1]["bank_account"] = chosen[0]["bank_account"]
            chosen[1]["bank_name"] = chosen[0]["bank_name"]



def _school_level(birth: date, today: date) -> str | None:
    """The school level of a child born on *birth* (none before 5 or after 22)."""
    age = age_on(birth, today)
    for upto, level in ((12, SchoolLevel.TK_SD), (15, SchoolLevel.SMP), (18, SchoolLevel.SMA)):
        if 5 <= age <= upto:
            return level.value
    return SchoolLevel.PERGURUAN_TINGGI.value if 18 < age <= 22 else None


def write_demo_claims(
    uow: UnitOfWork,
    rng: random.Random,
    seed: int,
    people: DemoPeople,
    villages: Sequence[_Village],
    workers: int,
    year: int,
    today: date,
    result: DemoResult,
) -> None:
    """Generate the demo's claims and write them through *uow*'s bulk inserts (none for a
    roster under :data:`MIN_WORKERS` workers: too few to be a regency's, and tests use such
    a roster for an empty claim list)."""
    if workers < MIN_WORKERS:
        return
    wanted = max(60, min(500, workers // 2000))
    gen = _Generator(uow, rng, seed, people, villages, year, today)
    kinds = [kind for kind, weight in CLAIM_KINDS for _ in range(weight)]
    plan: list[tuple[ClaimKind, tuple[ClaimStatus, ...]]] = []
    for kind, _weight in CLAIM_KINDS:
        paths = SANTUNAN_PATHS if kind is ClaimKind.SANTUNAN else BPJS_PATHS
        plan.extend((kind, path) for path in paths)
    turn: dict[ClaimKind, int] = {}
    for n in range(len(plan), wanted):
        kind = kinds[(n * 37) % len(kinds)]
        paths = SANTUNAN_PATHS if kind is ClaimKind.SANTUNAN else BPJS_PATHS
        index = turn.get(kind, 0)
        turn[kind] = index + 1
        plan.append((kind, paths[(index * 5 + 3) % len(paths)]))
    for n, (kind, path) in enumerate(plan):
        # A roster with no worker left to claim for: a resident's santunan instead (always
        # possible), so the number of claims depends on the roster's size alone.
        if not gen.claim(n, kind, path):
            gen.claim(n, ClaimKind.SANTUNAN, SANTUNAN_PATHS[n % len(SANTUNAN_PATHS)])
    gen.share_an_account()
    gen.settle()
    rows = gen.rows
    uow.bulk_insert(models.Claim, rows.claims)
    uow.bulk_insert(models.ClaimEvent, rows.events)
    uow.bulk_insert(models.Heir, rows.heirs)
    uow.bulk_insert(models.ClaimDocument, rows.documents)
    result.claims = len(rows.claims)
    result.claim_events = len(rows.events)
    result.heirs = len(rows.heirs)
    result.documents = len(rows.documents)
