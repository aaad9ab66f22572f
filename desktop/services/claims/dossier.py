"""A claim's file: its document checklist and its heirs (ahli waris), kept by the
kecamatan while the file is with it and by the regency's admin at any time."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from desktop.domain.benefits import SchoolLevel
from desktop.domain.dates import long_date
from desktop.domain.documents import DocumentItem, checklist, document_labels
from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError
from desktop.domain.heirs import HeirView, Relationship, heir_findings, relationship_of
from desktop.domain.identifiers import normalize_number
from desktop.domain.names import clean_name
from desktop.domain.nik import check_nik
from desktop.services.claims.errors import error
from desktop.services.claims.file import heir_view
from desktop.services.claims.writing import (
    ClaimWrites,
    account_digits,
    not_future,
    text_or_none,
)
from desktop.store import claims as store
from desktop.store import models
from desktop.store.unit_of_work import Actor, UnitOfWork

# The earliest day a claim's file records: the hub refuses a kecamatan's bundle whole for
# an earlier one (desktop.sync.authority.EARLIEST_DAY), which its laptop would send again
# with every bundle.
EARLIEST_DAY = date(1900, 1, 1)


class ClaimDossier(ClaimWrites):
    """Documents and heirs of a claim."""

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
        not_future(day, today, QT_TRANSLATE_NOOP("ClaimService", "Tanggal dokumen diterima"))
        if day < EARLIEST_DAY:
            raise error(
                "claim.day_too_early",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Tanggal dokumen diterima {date} terlalu lama (paling awal {earliest}). "
                    "Periksa tahunnya.",
                ),
                date=long_date(day),
                earliest=long_date(EARLIEST_DAY),
            )
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
                values["note"] = text_or_none(note)
            row = next((d for d in file.documents if d["item"] == known.value), None)
            if row is None:
                # One item per claim, removed rows included: a removed one comes back.
                gone = (
                    uow.connection.execute(
                        select(store.DOCUMENT.c.id).where(
                            store.DOCUMENT.c.claim_id == claim_id,
                            store.DOCUMENT.c.item == known.value,
                        )
                    )
                    .scalars()
                    .first()
                )
                if gone is not None:
                    row = {"id": gone}
                    values["deleted"] = False
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
        school_level: SchoolLevel | str | None = None,
    ) -> str:
        """Add an heir (ahli waris); return its id. One heir at most is the payee. A child
        in school has a *school_level* (the JKM scholarship)."""
        values = self._heir_values(
            name=name,
            relationship=relationship,
            nik=nik,
            payee=payee,
            bank=bank,
            account=account,
            holder=holder,
            school_level=school_level,
        )
        with UnitOfWork(self._engine, actor, action="claim.heir") as uow:
            file = self._file_for_edit(uow, claim_id)
            self._check_heirs((*file.heir_views, heir_view({**values, "id": ""})))
            uow.summary = f"Ahli waris klaim {file.subject.name}: {values['name']}"
            heir_id = uow.insert(models.Heir, {"claim_id": claim_id, **values})
            self._propose_amount(uow, self._settle(uow, claim_id, file.office))
            self._settle_sharing(uow, {values["bank_account"] or ""}, claim_id, file.office)
            return heir_id

    def update_heir(self, actor: Actor, heir_id: str, **changes: Any) -> bool:
        """Change an heir: any of name, relationship, nik, payee, bank, account, holder,
        school_level."""
        allowed = {
            "name", "relationship", "nik", "payee", "bank", "account", "holder", "school_level"
        }
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
                "school_level": row.get("school_level"),
                **changes,
            }
            values = self._heir_values(**merged)
            edited = heir_view({**values, "id": heir_id})
            listed = tuple(edited if h.key == heir_id else h for h in file.heir_views)
            self._check_heirs(listed)
            uow.summary = f"Ahli waris klaim {file.subject.name}: {values['name']}"
            changed = uow.update(models.Heir, heir_id, values)
            self._propose_amount(uow, self._settle(uow, claim_id, file.office))
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
            self._propose_amount(uow, self._settle(uow, claim_id, file.office))
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
        school_level: SchoolLevel | str | None = None,
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
        level = self._school_level(school_level, known)
        return {
            "name": cleaned,
            "school_level": level,
            "relationship": known.value if known is not None else str(relationship or ""),
            "nik": digits,
            "is_payee": bool(payee),
            "bank_name": text_or_none(bank),
            "bank_account": account_digits(account),
            "account_holder": text_or_none(holder),
        }

    @staticmethod
    def _school_level(
        given: SchoolLevel | str | None, relationship: Relationship | None
    ) -> str | None:
        """The heir's school level as stored: only a child's, one of SchoolLevel."""
        text = str(given or "").strip()
        if not text:
            return None
        try:
            level = SchoolLevel(text)
        except ValueError:
            raise error(
                "heir.school_level",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Jenjang sekolah {level} tidak dikenal. Pilih salah satu: {levels}.",
                ),
                level=text,
                levels=", ".join(known.label for known in SchoolLevel),
            ) from None
        if relationship is not Relationship.ANAK:
            raise error(
                "heir.school_level_not_child",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "Jenjang sekolah hanya diisi untuk ahli waris anak (beasiswa anak JKM). "
                    "Kosongkan jenjang sekolah, atau ubah hubungannya menjadi Anak.",
                ),
            )
        return level.value

    @staticmethod
    def _check_heirs(heirs: tuple[HeirView, ...]) -> None:
        for finding in heir_findings(heirs):
            if finding.is_error:
                raise DomainError(finding)
