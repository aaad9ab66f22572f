"""Claim use cases that write: open a claim, take a step, keep its file, clear a flag, set
an amount by hand.

Every write checks the acting user's role (desktop.services.permissions and the domain's
step table), runs the domain's rules inside the same transaction it writes in (so two
writers cannot both pass a check the other would fail), goes through
:class:`~desktop.store.unit_of_work.UnitOfWork` (change log, audit entry, hybrid clock) and
ends by recomputing the claim's derived columns from its file (desktop.services.claims.file).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

import orjson
from sqlalchemy import Connection, Engine

from desktop.domain.authority import WITH_KECAMATAN
from desktop.domain.claim_amounts import make_override
from desktop.domain.claim_flags import clear_flag as clearance_for
from desktop.domain.claim_rules import (
    ClaimFacts,
    check_eligibility,
    decile_refusals,
)
from desktop.domain.claim_steps import check_step
from desktop.domain.claims import INITIAL_STATUS, ClaimKind, ClaimStatus, event_day
from desktop.domain.dates import long_date
from desktop.domain.documents import checklist
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.domain.identifiers import normalize_number
from desktop.domain.money import format_rupiah
from desktop.domain.names import clean_name, name_key
from desktop.domain.regions import RegionCode, RegionLevel
from desktop.services.claims.dossier import ClaimDossier
from desktop.services.claims.errors import error, not_found
from desktop.services.claims.file import (
    ClaimFile,
    OfficeContext,
    amount_of,
    change_mark,
    claims_changed_since,
    derive,
    file_of,
    flags_of,
    load_file,
    office_context,
    subject_of,
    worker_subject,
)
from desktop.services.claims.reading import stored_override
from desktop.services.claims.writing import (
    Resident,
    claim_kind,
    claim_status,
    not_future,
    text_or_none,
)
from desktop.services.permissions import Permission, require
from desktop.store import claims as store
from desktop.store import models
from desktop.store import workers as worker_store
from desktop.store.unit_of_work import Actor, UnitOfWork, utc_now

# The most days of temporary inability one claim records (the benefit pays them all; more
# than ten years is a typing slip).
MAX_DAYS_OFF = 3650
# The most a claim's amount set by hand may be (Rp1 trillion: far above any benefit, well
# inside what the database stores; more is a typing slip).
MAX_AMOUNT = 10**12


class ClaimService(ClaimDossier):
    """Use cases of the Klaim tab and the ``claims`` command."""

    def __init__(self, engine: Engine, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(engine, today=today)

    # ---- opening -------------------------------------------------------------------------

    def open_claim(
        self,
        actor: Actor,
        kind: ClaimKind | str,
        *,
        event_date: date,
        worker_id: str | None = None,
        subject: Resident | None = None,
        akta: str | None = None,
        decile: int | None = None,
        accident_is_traffic: bool = False,
        reported_date: date | None = None,
    ) -> str:
        """Open a claim (diusulkan) and return its id.

        JKM/JKK need a roster worker (*worker_id*); a santunan kematian may be for a worker or
        for any resident (*subject*). Refused with every reason at once
        (:class:`~desktop.domain.claim_rules.ClaimNotEligible`) when the rules say no.
        Recording a JKM/JKK death also sets the worker's status to meninggal.
        """
        require(actor, Permission.PROPOSE_CLAIMS)
        kind = claim_kind(kind)
        check_step(kind, None, INITIAL_STATUS, actor.role)
        today = self._today()
        reported = reported_date or today
        not_future(reported, today, QT_TRANSLATE_NOOP("ClaimService", "Tanggal lapor"))
        with UnitOfWork(self._engine, actor, action="claim.open") as uow:
            conn = uow.connection
            office = office_context(conn)
            worker = None
            if worker_id is not None:
                worker = worker_store.worker_by_id(conn, worker_id)
                if worker is None or worker["deleted"]:
                    raise error(
                        "claim.worker_not_found",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "Peserta klaim tidak ditemukan; mungkin sudah dihapus atau digabung.",
                        ),
                    )
                columns = {
                    "worker_id": worker["id"],
                    "village_code": worker["village_code"],
                    **worker_subject(worker),
                }
            elif subject is not None:
                columns = self._resident_columns(subject)
            else:
                raise error(
                    "claim.no_subject",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Pilih peserta yang diklaim, atau untuk santunan kematian isi NIK, nama "
                        "dan desa almarhum.",
                    ),
                )
            self._check_area(office, str(columns["village_code"]))
            if worker is None:
                self._check_village_known(conn, office, str(columns["village_code"]))
            claim_subject = subject_of({**columns, "dtsen_decile": decile}, worker)
            others = store.claims_of_person(
                conn, worker_id=claim_subject.worker_id, nik=claim_subject.nik
            )
            check_eligibility(
                claim_subject,
                ClaimFacts(kind, event_date, reported),
                today=today,
                others=others,
                regency_code=office.regency_code,
            )
            uow.summary = f"Klaim {kind.label} dibuka untuk {claim_subject.name}"
            claim_id = uow.insert(
                models.Claim,
                {
                    **columns,
                    "kind": kind.value,
                    "event_date": event_date,
                    "reported_date": reported,
                    "proposer": actor.username,
                    "death_certificate_no": text_or_none(akta),
                    "dtsen_decile": decile,
                    "accident_is_traffic": bool(accident_is_traffic),
                    "status": INITIAL_STATUS.value,
                },
            )
            self._append_event(uow, claim_id, INITIAL_STATUS, on=reported, reason=None, extra={})
            for item in checklist(kind.value):
                uow.insert(
                    models.ClaimDocument,
                    {"claim_id": claim_id, "item": item.value, "received": False},
                )
            if (
                worker is not None
                and kind.is_bpjs
                and kind.is_death
                and (worker["status"] != "meninggal" or worker.get("death_date") is None)
            ):
                uow.update(
                    models.Worker,
                    str(worker["id"]),
                    {"status": "meninggal", "death_date": event_date},
                )
            file = self._settle(uow, claim_id, office)
            amount = amount_of(file)
            if amount is not None:
                uow.update(models.Claim, claim_id, {"amount_proposed": amount.total})
        return claim_id

    @staticmethod
    def _resident_columns(subject: Resident) -> dict[str, Any]:
        name = clean_name(subject.name or "")
        if not name:
            raise error(
                "claim.subject_name",
                QT_TRANSLATE_NOOP("Finding", "Nama almarhum wajib diisi."),
            )
        try:
            village = RegionCode.parse(subject.village_code or "")
        except DomainError:
            village = None
        if village is None or village.level is not RegionLevel.VILLAGE:
            raise error(
                "claim.subject_village",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Desa almarhum belum dipilih atau kodenya tidak sah ({code}). Pilih desa "
                    "tempat tinggalnya.",
                ),
                code=(subject.village_code or "").strip() or "–",
            )
        return {
            "worker_id": None,
            "village_code": village.dotted,
            "subject_nik": normalize_number(subject.nik or ""),
            "subject_name": name,
            "subject_name_key": name_key(name),
            "subject_birth_date": subject.birth_date,
            "subject_kk": normalize_number(subject.kk) if subject.kk else None,
        }

    @staticmethod
    def _check_village_known(conn: Connection, office: OfficeContext, village_code: str) -> None:
        """A village of this regency must be on the region list (a typing slip would put the
        claim nowhere); one outside the regency may not be listed, and is flagged."""
        if not village_code.startswith(office.regency_code + "."):
            return
        if worker_store.region_level(conn, village_code) == RegionLevel.VILLAGE.value:
            return
        raise error(
            "claim.village_unknown",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Desa {code} tidak ada di daftar wilayah kabupaten ini. Pilih desa tempat "
                "tinggal almarhum dari daftar.",
            ),
            code=village_code,
        )

    @staticmethod
    def _check_area(office: OfficeContext, village_code: str) -> None:
        """A kecamatan laptop opens claims of its own villages only (the hub would refuse
        its bundle otherwise); the hub any (one outside the regency is flagged)."""
        if office.is_hub or village_code.startswith(office.region + "."):
            return
        raise error(
            "claim.outside_area",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Desa {village} ada di luar kecamatan kantor ini ({region}). Laptop kecamatan "
                "hanya membuka klaim warga kecamatannya sendiri; minta kecamatan itu atau "
                "kantor kabupaten membukanya.",
            ),
            village=village_code,
            region=office.region,
        )

    # ---- particulars ---------------------------------------------------------------------

    PARTICULARS = frozenset({"akta", "decile", "accident_is_traffic", "days_off"})

    def update_particulars(self, actor: Actor, claim_id: str, **changes: Any) -> bool:
        """Record what the file learned after the claim was opened: any of ``akta`` (the
        akta kematian number), ``decile`` (the DTSEN decile; None while not known),
        ``accident_is_traffic`` (a JKK accident on the road) and ``days_off`` (the STMB days
        a worker could not work). The kecamatan while the file is with it, the regency's
        admin at any time. Flags, the checklist's needs and the amount follow."""
        unknown = set(changes) - self.PARTICULARS
        if unknown:
            raise ValueError(f"not claim particulars: {sorted(unknown)}")
        with UnitOfWork(self._engine, actor, action="claim.particulars") as uow:
            file = self._file_for_edit(uow, claim_id)
            values: dict[str, Any] = {}
            if "akta" in changes:
                values["death_certificate_no"] = text_or_none(changes["akta"])
            if "decile" in changes:
                decile = changes["decile"]
                for finding in decile_refusals(decile):
                    raise DomainError(finding)
                values["dtsen_decile"] = decile
            if "accident_is_traffic" in changes:
                traffic = bool(changes["accident_is_traffic"])
                if traffic and not file.kind.is_jkk:
                    raise error(
                        "claim.traffic_not_jkk",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            "Kecelakaan lalu lintas hanya dicatat pada klaim JKK; klaim ini "
                            "{kind}.",
                        ),
                        kind=file.kind.label,
                    )
                values["accident_is_traffic"] = traffic
            if "days_off" in changes:
                values["days_off"] = self._days_off(file.kind, changes["days_off"])
            uow.summary = f"Data klaim {file.subject.name}"
            changed = uow.update(models.Claim, claim_id, values) if values else False
            self._propose_amount(uow, self._settle(uow, claim_id, file.office))
            return changed

    @staticmethod
    def _days_off(kind: ClaimKind, given: object) -> int | None:
        if given is None or given == "":
            return None
        if kind is not ClaimKind.JKK_TEMPORARY:
            raise error(
                "claim.days_off_not_stmb",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Jumlah hari tidak mampu bekerja hanya dicatat pada klaim {stmb}; klaim "
                    "ini {kind}.",
                ),
                stmb=ClaimKind.JKK_TEMPORARY.label,
                kind=kind.label,
            )
        if isinstance(given, bool) or not isinstance(given, int) or not 0 <= given <= MAX_DAYS_OFF:
            raise error(
                "claim.days_off_range",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Jumlah hari tidak mampu bekerja {days} tidak sah: tulis angka 0 sampai "
                    "{max}.",
                ),
                days=given,
                max=MAX_DAYS_OFF,
            )
        return given

    # ---- steps ---------------------------------------------------------------------------

    def step(
        self,
        actor: Actor,
        claim_id: str,
        new_state: ClaimStatus | str,
        reason: str | None = None,
        on: date | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> ClaimStatus:
        """Take a step of the workflow; return the claim's status after it.

        Refused (DomainError, the domain's message naming the current state and the steps
        this role may take) when the step does not follow, this role may not take it, a
        reason is missing, or to recommend or verify while a required document is missing.
        """
        new = claim_status(new_state)
        today = self._today()
        day = on or today
        not_future(day, today, QT_TRANSLATE_NOOP("ClaimService", "Tanggal langkah"))
        with UnitOfWork(self._engine, actor, action="claim.step") as uow:
            file = load_file(uow.connection, claim_id)
            state = file.state()
            check_step(
                file.kind,
                state.status,
                new,
                actor.role,
                reason,
                state.missing,
                payee_missing=file.payee_missing,
            )
            previous = event_day(state.events[-1]) if state.events else None
            if previous is not None and day < previous:
                raise error(
                    "claim.step_before_previous",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Tanggal langkah {date} lebih awal dari langkah sebelumnya ({status}, "
                        "{previous}). Tulis tanggal {previous} atau sesudahnya.",
                    ),
                    date=long_date(day),
                    status=state.status.label,
                    previous=long_date(previous),
                )
            uow.summary = f"Klaim {file.subject.name}: {state.status.value} -> {new.value}"
            self._append_event(
                uow, claim_id, new, on=day, reason=text_or_none(reason), extra=dict(extra or {})
            )
            settled = self._settle(uow, claim_id, file.office)
            self._record_money(uow, settled, new, day, extra or {})
            return settled.status

    def _record_money(
        self,
        uow: UnitOfWork,
        file: ClaimFile,
        new: ClaimStatus,
        day: date,
        extra: Mapping[str, Any],
    ) -> None:
        """The decision's and the payment's columns, for the steps that make them."""
        changes: dict[str, Any] = {}
        if file.status is not new:
            return
        if new is ClaimStatus.DISETUJUI:
            amount = amount_of(file, override=stored_override(file.claim))
            changes["amount_approved"] = amount.total if amount is not None else 0
            if extra.get("decision_number"):
                changes["decision_number"] = text_or_none(extra["decision_number"])
        elif new.is_paid:
            approved = int(file.claim.get("amount_approved") or 0)
            changes["amount_paid"] = approved
            changes["paid_on"] = day
            if extra.get("transfer_reference"):
                changes["transfer_reference"] = text_or_none(extra["transfer_reference"])
        if changes:
            uow.update(models.Claim, file.id, changes)

    def recompute(self, actor: Actor, claim_ids: Iterable[str]) -> list[str]:
        """Recompute the derived columns of these claims from their files (after a sync
        merge brought events, documents, heirs or clearances); return the ids that changed.

        A kecamatan laptop rewrites only the claims whose file is with it: the others' are
        the hub's to derive (the hub would refuse the laptop's values), and come with the
        hub's next bundle. A claim this office no longer holds is skipped.
        """
        require(actor, Permission.VIEW)
        changed: list[str] = []
        with UnitOfWork(self._engine, actor, action="claim.recompute") as uow:
            office = office_context(uow.connection)
            for claim_id in dict.fromkeys(claim_ids):
                row = store.claim_by_id(uow.connection, claim_id)
                if row is None or row["deleted"]:
                    continue
                if not office.is_hub and row["status"] not in WITH_KECAMATAN:
                    continue
                file = file_of(uow.connection, row, office)
                if uow.update(models.Claim, claim_id, derive(uow.connection, file)):
                    changed.append(claim_id)
            uow.summary = f"{len(changed)} klaim dihitung ulang"
        return changed

    def change_mark(self) -> int:
        """Where the change log stands now; give it to :meth:`recompute_since` after a sync
        import (or any bulk write) to recompute the claims it touched."""
        with self._engine.connect() as conn:
            return change_mark(conn)

    def recompute_since(self, actor: Actor, mark: int) -> list[str]:
        """Recompute the claims whose file changed after *mark* (:meth:`change_mark`), and
        those sharing a payee account with a changed heir; return the ids that changed.

        The hub calls it after merging a bundle: the status, the clock and the flags are
        then the merged events' and files', never the last writer's."""
        require(actor, Permission.VIEW)
        with self._engine.connect() as conn:
            touched = claims_changed_since(conn, mark)
        return self.recompute(actor, sorted(touched)) if touched else []

    def fill_subjects(self, actor: Actor, limit: int = 1_000) -> int:
        """Copy the worker's NIK, name, birth date and KK into claims that reached this
        office without them (opened by an older Sigap); return how many were filled."""
        require(actor, Permission.VIEW)
        filled = 0
        with UnitOfWork(self._engine, actor, action="claim.fill_subject") as uow:
            office = office_context(uow.connection)
            for claim_id, worker_id in store.claims_without_subject(uow.connection, limit):
                row = store.claim_by_id(uow.connection, claim_id)
                worker = worker_store.worker_by_id(uow.connection, worker_id)
                if row is None or worker is None:
                    continue
                if not office.is_hub and row["status"] not in WITH_KECAMATAN:
                    continue
                filled += uow.update(models.Claim, claim_id, worker_subject(worker))
            uow.summary = f"Data almarhum/peserta {filled} klaim dilengkapi dari data peserta"
        return filled

    # ---- the regency's admin: flags and amounts ------------------------------------------

    def clear_flag(self, actor: Actor, claim_id: str, code: str, reason: str | None) -> str:
        """Clear an open review flag for the evidence it has now, with a reason (the
        regency's admin only); return the clearance's id."""
        require(actor, Permission.DECIDE_CLAIMS)
        with UnitOfWork(self._engine, actor, action="claim.clear_flag") as uow:
            file = load_file(uow.connection, claim_id)
            _raised, still_open = flags_of(uow.connection, file)
            flag = next((f for f in still_open if f.code == code), None)
            if flag is None:
                raise error(
                    "flag.not_open",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Klaim {name} tidak punya tanda {code} yang masih terbuka. Muat ulang "
                        "klaim untuk melihat tanda yang ada.",
                    ),
                    name=file.subject.name,
                    code=code,
                )
            now = utc_now()
            clearance = clearance_for(flag, by=actor.username, at=now, reason=reason)
            uow.summary = f"Tanda {code} klaim {file.subject.name} dihapus: {clearance.reason}"
            clearance_id = uow.insert(
                models.ClaimFlagClearance,
                {
                    "claim_id": claim_id,
                    "code": clearance.code,
                    "evidence": orjson.dumps(sorted(clearance.evidence)).decode(),
                    "at": now,
                    "actor_user_id": actor.user_id,
                    "actor_name": actor.username,
                    "reason": clearance.reason,
                },
            )
            self._settle(uow, claim_id, file.office)
            return clearance_id

    def override_amount(self, actor: Actor, claim_id: str, amount: int, reason: str | None) -> bool:
        """Set the claim's amount by hand in place of the computed one, with a reason (the
        regency's admin only; the audit entry names who and the reason)."""
        require(actor, Permission.DECIDE_CLAIMS)
        override = make_override(amount, reason, by=actor.username, at=utc_now())
        if override.amount > MAX_AMOUNT:
            raise error(
                "amount.too_large",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Jumlah {amount} terlalu besar untuk satu klaim (paling banyak {max}). "
                    "Periksa lagi angkanya.",
                ),
                amount=format_rupiah(override.amount, cents=False),
                max=format_rupiah(MAX_AMOUNT, cents=False),
            )
        with UnitOfWork(self._engine, actor, action="claim.amount") as uow:
            file = load_file(uow.connection, claim_id)
            status = file.status
            if status is ClaimStatus.DISETUJUI or status.is_final or status in (
                ClaimStatus.DIAJUKAN_BPJS,
            ):
                raise error(
                    "amount.decided",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Klaim berstatus {status}: jumlahnya sudah diputuskan dan tidak dapat "
                        "diubah lagi. Ubah jumlah sebelum klaim disetujui.",
                    ),
                    status=status.label,
                )
            uow.summary = (
                f"Jumlah klaim {file.subject.name} diubah menjadi {override.amount}: "
                f"{override.reason}"
            )
            return uow.update(
                models.Claim,
                claim_id,
                {"amount_override": override.amount, "amount_override_reason": override.reason},
            )


__all__ = ["ClaimService", "Resident", "not_found"]
