"""Claim use cases that write: open a claim, take a step, keep its file, clear a flag, set
an amount by hand.

Every write checks the acting user's role (desktop.services.permissions and the domain's
step table), runs the domain's rules inside the same transaction it writes in (so two
writers cannot both pass a check the other would fail), goes through
:class:`~desktop.store.unit_of_work.UnitOfWork` (change log, audit entry, hybrid clock) and
ends by recomputing the claim's derived columns from its file (desktop.services.claims.file).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Engine, select

from desktop.domain.authority import WITH_KECAMATAN
from desktop.domain.claim_amounts import make_override
from desktop.domain.claim_flags import clear_flag as clearance_for
from desktop.domain.claim_rules import (
    ClaimFacts,
    ClaimSubject,
    check_eligibility,
    event_label,
)
from desktop.domain.claim_steps import check_step
from desktop.domain.claims import INITIAL_STATUS, ClaimKind, ClaimStatus
from desktop.domain.dates import long_date
from desktop.domain.documents import DocumentItem, checklist, document_labels
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.domain.heirs import HeirView, Relationship, heir_findings, relationship_of
from desktop.domain.identifiers import normalize_number
from desktop.domain.names import clean_name, name_key
from desktop.domain.nik import check_nik
from desktop.domain.regions import RegionCode, RegionLevel
from desktop.services.claims.errors import error, not_found
from desktop.services.claims.file import (
    ClaimFile,
    OfficeContext,
    amount_of,
    derive,
    flags_of,
    load_file,
    office_context,
)
from desktop.services.claims.reading import ClaimReads, stored_override
from desktop.services.permissions import Permission, can, require
from desktop.store import claims as store
from desktop.store import models
from desktop.store import workers as worker_store
from desktop.store.unit_of_work import Actor, UnitOfWork, utc_now

_ACCOUNT_SEPARATORS = frozenset(" .-")


@dataclass(frozen=True)
class Resident:
    """The person a santunan kematian is for when they are not in the roster."""

    nik: str
    name: str
    village_code: str
    birth_date: date | None = None
    kk: str | None = None


def _text(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _kind(kind: ClaimKind | str) -> ClaimKind:
    try:
        return ClaimKind(kind)
    except ValueError:
        raise error(
            "claim.kind",
            QT_TRANSLATE_NOOP(
                "Finding", "Jenis klaim {kind} tidak dikenal. Pilih salah satu: {known}."
            ),
            kind=kind,
            known=", ".join(k.value for k in ClaimKind),
        ) from None


def _status(status: ClaimStatus | str) -> ClaimStatus:
    try:
        return ClaimStatus(status)
    except ValueError:
        raise error(
            "claim.status_unknown",
            QT_TRANSLATE_NOOP(
                "Finding", "Status klaim {status} tidak dikenal. Pilih salah satu: {known}."
            ),
            status=status,
            known=", ".join(s.value for s in ClaimStatus),
        ) from None


def _not_future(day: date, today: date, what: str) -> None:
    if day > today:
        raise error(
            "claim.day_future",
            QT_TRANSLATE_NOOP(
                "Finding", "{what} {date} belum terjadi (hari ini {today}). Periksa tanggalnya."
            ),
            what=what,
            date=long_date(day),
            today=long_date(today),
        )


def _account(text: str | None) -> str | None:
    """A bank account number as stored: digits only (spaces, dots and dashes dropped)."""
    if text is None or not text.strip():
        return None
    if not all(ch.isdigit() or ch in _ACCOUNT_SEPARATORS for ch in text.strip()):
        raise error(
            "heir.account_digits",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Nomor rekening hanya boleh berisi angka (spasi, titik dan tanda hubung boleh "
                "sebagai pemisah). Periksa nomor rekening ahli waris.",
            ),
        )
    return normalize_number(text)


class ClaimService(ClaimReads):
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
        kind = _kind(kind)
        check_step(kind, None, INITIAL_STATUS, actor.role)
        today = self._today()
        reported = reported_date or today
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
                    "subject_nik": worker["nik"],
                    "subject_name": worker["name"],
                    "subject_name_key": worker["name_key"],
                    "subject_birth_date": worker["birth_date"],
                    "subject_kk": worker.get("kk"),
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
            claim_subject = ClaimSubject(
                nik=str(columns["subject_nik"]),
                name=str(columns["subject_name"]),
                birth_date=columns.get("subject_birth_date"),
                village_code=str(columns["village_code"]),
                worker_id=None if worker is None else str(worker["id"]),
                kk=columns.get("subject_kk"),
                coverage_start=None if worker is None else worker.get("coverage_start"),
                coverage_end=None if worker is None else worker.get("coverage_end"),
                exit_date=(
                    worker.get("coverage_end")
                    if worker is not None and worker.get("status") == "nonaktif"
                    else None
                ),
                programmes=(
                    None
                    if worker is None
                    else frozenset(
                        p.strip().lower() for p in str(worker["programmes"]).split(",") if p
                    )
                ),
                dtsen_decile=decile,
            )
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
                    "death_certificate_no": _text(akta),
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
        new = _status(new_state)
        today = self._today()
        day = on or today
        _not_future(day, today, QT_TRANSLATE_NOOP("ClaimService", "Tanggal langkah"))
        with UnitOfWork(self._engine, actor, action="claim.step") as uow:
            file = load_file(uow.connection, claim_id)
            state = file.state()
            check_step(file.kind, state.status, new, actor.role, reason, state.missing)
            uow.summary = f"Klaim {file.subject.name}: {state.status.value} -> {new.value}"
            self._append_event(
                uow, claim_id, new, on=day, reason=_text(reason), extra=dict(extra or {})
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
                changes["decision_number"] = _text(extra["decision_number"])
        elif new.is_paid:
            approved = int(file.claim.get("amount_approved") or 0)
            changes["amount_paid"] = approved
            changes["paid_on"] = day
            if extra.get("transfer_reference"):
                changes["transfer_reference"] = _text(extra["transfer_reference"])
        if changes:
            uow.update(models.Claim, file.id, changes)

    def _append_event(
        self,
        uow: UnitOfWork,
        claim_id: str,
        status: ClaimStatus,
        *,
        on: date,
        reason: str | None,
        extra: dict[str, Any],
    ) -> str:
        actor = uow.actor
        # After every event this copy holds: the derivation orders by time, and a step
        # taken now follows what is already here even if the wall clock went back.
        latest = uow.connection.execute(
            select(store.EVENT.c.at)
            .where(store.EVENT.c.claim_id == claim_id)
            .order_by(store.EVENT.c.at.desc())
            .limit(1)
        ).scalar()
        at = utc_now()
        if isinstance(latest, datetime):
            latest = latest if latest.tzinfo is not None else latest.replace(tzinfo=UTC)
            at = max(at, latest + timedelta(milliseconds=1))
        data = {**extra, "on": on.isoformat(), "role": actor.role}
        return uow.insert(
            models.ClaimEvent,
            {
                "claim_id": claim_id,
                "status": status.value,
                "at": at,
                "actor_user_id": actor.user_id,
                "actor_name": actor.username,
                "device_id": actor.device_id,
                "reason": reason,
                "data": orjson.dumps(data, default=str).decode(),
            },
        )

    # ---- derived columns -----------------------------------------------------------------

    def _settle(
        self, uow: UnitOfWork, claim_id: str, office: OfficeContext | None = None
    ) -> ClaimFile:
        """Recompute and store the claim's derived columns; return its file as it is now."""
        file = load_file(uow.connection, claim_id, office)
        uow.update(models.Claim, claim_id, derive(uow.connection, file))
        return load_file(uow.connection, claim_id, file.office)

    def _settle_sharing(
        self, uow: UnitOfWork, accounts: set[str], claim_id: str, office: OfficeContext
    ) -> None:
        """The other claims paid to one of *accounts*: their shared-account flag may have
        come or gone. A laptop rewrites only those whose file it still holds."""
        wanted = {a for a in accounts if a}
        if not wanted:
            return
        for other in {p.claim_id for p in store.payee_accounts(uow.connection, wanted)}:
            if other == claim_id:
                continue
            row = store.claim_by_id(uow.connection, other)
            if row is None or (not office.is_hub and row["status"] not in WITH_KECAMATAN):
                continue
            self._settle(uow, other, office)

    def recompute(self, actor: Actor, claim_id: str) -> bool:
        """Recompute a claim's derived columns from its file (after a sync merge, say);
        True when any changed."""
        require(actor, Permission.VIEW)
        with UnitOfWork(self._engine, actor, action="claim.recompute") as uow:
            file = load_file(uow.connection, claim_id)
            return uow.update(models.Claim, claim_id, derive(uow.connection, file))

    # ---- the file: documents and heirs ---------------------------------------------------

    def _file_for_edit(self, uow: UnitOfWork, claim_id: str) -> ClaimFile:
        """The claim's file, when this actor may change it now: the regency's admin always,
        the kecamatan's operator while the file is with the kecamatan."""
        actor = uow.actor
        require(actor, Permission.PROPOSE_CLAIMS)
        file = load_file(uow.connection, claim_id)
        status = file.state().status
        if not can(actor, Permission.DECIDE_CLAIMS) and status.value not in WITH_KECAMATAN:
            raise error(
                "claim.file_with_regency",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Klaim berstatus {current}: berkasnya sudah di kantor kabupaten. Dokumen dan "
                    "ahli waris hanya dapat diubah kecamatan selama klaim berstatus {states}; "
                    "minta admin kabupaten mengubahnya atau mengembalikan klaim.",
                ),
                current=status.label,
                states=", ".join(ClaimStatus(s).label for s in sorted(WITH_KECAMATAN)),
            )
        return file

    def receive(
        self,
        actor: Actor,
        claim_id: str,
        item: DocumentItem | str,
        *,
        on: date | None = None,
        note: str | None = None,
    ) -> bool:
        """Mark a document of the checklist as received on *on* (today by default)."""
        today = self._today()
        day = on or today
        _not_future(day, today, QT_TRANSLATE_NOOP("ClaimService", "Tanggal dokumen diterima"))
        return self._set_document(actor, claim_id, item, received_on=day, note=note)

    def unreceive(self, actor: Actor, claim_id: str, item: DocumentItem | str) -> bool:
        """Mark a document as not received (a wrong tick, or one taken back)."""
        return self._set_document(actor, claim_id, item, received_on=None, note=None)

    def _set_document(
        self,
        actor: Actor,
        claim_id: str,
        item: DocumentItem | str,
        *,
        received_on: date | None,
        note: str | None,
    ) -> bool:
        with UnitOfWork(self._engine, actor, action="claim.document") as uow:
            file = self._file_for_edit(uow, claim_id)
            wanted = checklist(file.kind.value)
            try:
                known = DocumentItem(item)
            except ValueError:
                known = None
            if known is None or known not in wanted:
                raise error(
                    "claim.document_item",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Dokumen {item} bukan bagian dari berkas klaim {kind}. Dokumen yang "
                        "diperlukan: {items}.",
                    ),
                    item=item,
                    kind=file.kind.label,
                    items=document_labels(wanted),
                )
            uow.summary = f"Dokumen klaim {file.subject.name}: {known.label}"
            values: dict[str, Any] = {
                "received": received_on is not None,
                "received_on": received_on,
            }
            if received_on is not None or note is not None:
                values["note"] = _text(note)
            row = next((d for d in file.documents if d["item"] == known.value), None)
            if row is None:
                uow.insert(
                    models.ClaimDocument, {"claim_id": claim_id, "item": known.value, **values}
                )
                changed = True
            else:
                changed = uow.update(models.ClaimDocument, str(row["id"]), values)
            self._settle(uow, claim_id, file.office)
            return changed

    def add_heir(
        self,
        actor: Actor,
        claim_id: str,
        *,
        name: str,
        relationship: Relationship | str,
        nik: str | None = None,
        payee: bool = False,
        bank: str | None = None,
        account: str | None = None,
        holder: str | None = None,
    ) -> str:
        """Add an heir (ahli waris); return its id. One heir at most is the payee."""
        values = self._heir_values(
            name=name,
            relationship=relationship,
            nik=nik,
            payee=payee,
            bank=bank,
            account=account,
            holder=holder,
        )
        with UnitOfWork(self._engine, actor, action="claim.heir") as uow:
            file = self._file_for_edit(uow, claim_id)
            new = HeirView(
                name=values["name"],
                relationship=values["relationship"],
                nik=values["nik"],
                is_payee=values["is_payee"],
                bank_account=values["bank_account"],
            )
            self._check_heirs((*file.heir_views, new))
            uow.summary = f"Ahli waris klaim {file.subject.name}: {values['name']}"
            heir_id = uow.insert(models.Heir, {"claim_id": claim_id, **values})
            self._settle(uow, claim_id, file.office)
            self._settle_sharing(uow, {values["bank_account"] or ""}, claim_id, file.office)
            return heir_id

    def update_heir(self, actor: Actor, heir_id: str, **changes: Any) -> bool:
        """Change an heir: any of name, relationship, nik, payee, bank, account, holder."""
        allowed = {"name", "relationship", "nik", "payee", "bank", "account", "holder"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"not heir fields: {sorted(unknown)}")
        with UnitOfWork(self._engine, actor, action="claim.heir") as uow:
            row = self._heir_row(uow, heir_id)
            claim_id = str(row["claim_id"])
            file = self._file_for_edit(uow, claim_id)
            merged = {
                "name": row["name"],
                "relationship": row["relationship"],
                "nik": row["nik"],
                "payee": bool(row["is_payee"]),
                "bank": row["bank_name"],
                "account": row["bank_account"],
                "holder": row["account_holder"],
                **changes,
            }
            values = self._heir_values(**merged)
            listed = tuple(
                HeirView(
                    name=values["name"],
                    relationship=values["relationship"],
                    nik=values["nik"],
                    is_payee=values["is_payee"],
                    bank_account=values["bank_account"],
                    key=heir_id,
                )
                if h.key == heir_id
                else h
                for h in file.heir_views
            )
            self._check_heirs(listed)
            uow.summary = f"Ahli waris klaim {file.subject.name}: {values['name']}"
            changed = uow.update(models.Heir, heir_id, values)
            self._settle(uow, claim_id, file.office)
            self._settle_sharing(
                uow,
                {values["bank_account"] or "", str(row["bank_account"] or "")},
                claim_id,
                file.office,
            )
            return changed

    def remove_heir(self, actor: Actor, heir_id: str) -> bool:
        """Remove an heir from the claim."""
        with UnitOfWork(self._engine, actor, action="claim.heir") as uow:
            row = self._heir_row(uow, heir_id)
            claim_id = str(row["claim_id"])
            file = self._file_for_edit(uow, claim_id)
            uow.summary = f"Ahli waris klaim {file.subject.name} dihapus: {row['name']}"
            removed = uow.delete(models.Heir, heir_id)
            self._settle(uow, claim_id, file.office)
            self._settle_sharing(uow, {str(row["bank_account"] or "")}, claim_id, file.office)
            return removed

    @staticmethod
    def _heir_row(uow: UnitOfWork, heir_id: str) -> dict[str, Any]:
        row = (
            uow.connection.execute(select(store.HEIR).where(store.HEIR.c.id == heir_id))
            .mappings()
            .first()
        )
        if row is None or row["deleted"]:
            raise error(
                "heir.not_found",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Ahli waris tidak ditemukan; mungkin sudah dihapus. Muat ulang klaim.",
                ),
            )
        return dict(row)

    def _heir_values(
        self,
        *,
        name: str,
        relationship: Relationship | str,
        nik: str | None,
        payee: bool,
        bank: str | None,
        account: str | None,
        holder: str | None,
    ) -> dict[str, Any]:
        cleaned = clean_name(name or "")
        if not cleaned:
            raise error("heir.name", QT_TRANSLATE_NOOP("Finding", "Nama ahli waris wajib diisi."))
        known = relationship_of(str(relationship or ""))
        digits = normalize_number(nik) if nik and nik.strip() else None
        if digits is not None:
            checked = check_nik(digits, today=self._today())
            if checked.errors:
                raise DomainError(checked.errors[0])
        return {
            "name": cleaned,
            "relationship": known.value if known is not None else str(relationship or ""),
            "nik": digits,
            "is_payee": bool(payee),
            "bank_name": _text(bank),
            "bank_account": _account(account),
            "account_holder": _text(holder),
        }

    @staticmethod
    def _check_heirs(heirs: tuple[HeirView, ...]) -> None:
        for finding in heir_findings(heirs):
            if finding.is_error:
                raise DomainError(finding)

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
        with UnitOfWork(self._engine, actor, action="claim.amount") as uow:
            file = load_file(uow.connection, claim_id)
            uow.summary = (
                f"Jumlah klaim {file.subject.name} diubah menjadi {override.amount}: "
                f"{override.reason}"
            )
            return uow.update(
                models.Claim,
                claim_id,
                {"amount_override": override.amount, "amount_override_reason": override.reason},
            )


def event_date_label(kind: ClaimKind) -> str:
    """What the event date of a claim of *kind* is called (for forms)."""
    return event_label(kind)


__all__ = ["ClaimService", "Resident", "event_date_label", "not_found"]
