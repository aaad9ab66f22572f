"""The common ground of the claim service's writes: appending an event, recomputing a
claim's derived columns after a change, who may change a claim's file now, and the small
readings of typed values."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import select

from desktop.domain.authority import WITH_KECAMATAN
from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.dates import long_date
from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.domain.identifiers import normalize_number
from desktop.services.claims.errors import error
from desktop.services.claims.file import (
    ClaimFile,
    OfficeContext,
    amount_of,
    derive,
    load_file,
)
from desktop.services.claims.reading import ClaimReads, stored_override
from desktop.services.permissions import Permission, can, require
from desktop.store import claims as store
from desktop.store import models
from desktop.store.unit_of_work import UnitOfWork, utc_now

_ACCOUNT_SEPARATORS = frozenset(" .-")


@dataclass(frozen=True)
class Resident:
    """The person a santunan kematian is for when they are not in the roster."""

    nik: str
    name: str
    village_code: str
    birth_date: date | None = None
    kk: str | None = None


def text_or_none(value: object) -> str | None:
    """Typed text with its spaces tidied; None when blank."""
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def claim_kind(kind: ClaimKind | str) -> ClaimKind:
    """The kind named, or a refusal listing the known ones."""
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


def claim_status(status: ClaimStatus | str) -> ClaimStatus:
    """The status named, or a refusal listing the known ones."""
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


def not_future(day: date, today: date, what: str) -> None:
    """Refuse a day after today, naming what it is the day of."""
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


def account_digits(text: str | None) -> str | None:
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


class ClaimWrites(ClaimReads):
    """What every writing use case of claims shares."""

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
        derived = derive(uow.connection, file)
        uow.update(models.Claim, claim_id, derived)
        return replace(file, claim={**file.claim, **derived})

    def _propose_amount(self, uow: UnitOfWork, file: ClaimFile) -> None:
        """While the claim is proposed (its file with the kecamatan), the proposed amount
        follows the file it is computed from (heirs in school, days off ...)."""
        if file.status.value not in WITH_KECAMATAN:
            return
        amount = amount_of(file, override=stored_override(file.claim))
        if amount is not None:
            uow.update(models.Claim, file.id, {"amount_proposed": amount.total})

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
                    "Klaim berstatus {current}: berkasnya sudah di kantor kabupaten. Data klaim, "
                    "dokumen dan ahli waris hanya dapat diubah kecamatan selama klaim berstatus "
                    "{states}; "
                    "minta admin kabupaten mengubahnya atau mengembalikan klaim.",
                ),
                current=status.label,
                states=", ".join(ClaimStatus(s).label for s in sorted(WITH_KECAMATAN)),
            )
        return file
