"""The claims commands that write: ``claims new``, ``set``, ``step``, ``doc`` and ``heir``.

Each acts as the office's own user through the claim service. What the rules refuse exits 2
with their reason (and, on the command line, what to type next); a claim left with a review
flag this command raised exits 1 with the flags on stderr (the claim is recorded).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, TextIO

from desktop.cli.claims_read import days_left_text, document_line, resolve_claim, rupiah
from desktop.cli.common import EXIT_ATTENTION, EXIT_OK, UsageError, open_services
from desktop.cli.words import finding, long_date, translate
from desktop.domain.claims import ClaimStatus
from desktop.domain.documents import DocumentItem
from desktop.domain.findings import DomainError
from desktop.domain.heirs import Relationship

if TYPE_CHECKING:
    from desktop.services.claims import ClaimDetail


def _blank(*options: tuple[str, str | None]) -> list[str]:
    """The options (name, value) left out or given only spaces."""
    return [name for name, value in options if not (value and value.strip())]


def _flags_said(err: TextIO, detail: ClaimDetail, before: set[str]) -> int:
    """Write the claim's review flags raised since *before* on stderr; the exit code."""
    raised = [flag for flag in detail.flags if flag.code not in before]
    for flag in raised:
        said = finding(flag.finding)
        err.write(translate("Cli", "perlu diperiksa: {message}").format(message=said) + "\n")
    if not raised:
        return EXIT_OK
    err.write(
        translate(
            "Cli",
            "Klaim tetap tercatat, dengan {count} tanda perlu diperiksa; admin kabupaten "
            "memeriksanya dan menghapus tandanya dengan alasan.",
        ).format(count=len(raised))
        + "\n"
    )
    return EXIT_ATTENTION


def cmd_claims_new(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Open a claim; print its id."""
    from desktop.domain.claim_rules import ClaimNotEligible, mask_nik
    from desktop.services.claims import Resident

    if args.nik is not None:
        missing = _blank(("--name", args.name), ("--village", args.village))
        if missing:
            raise UsageError(
                translate(
                    "Cli",
                    "klaim untuk warga yang bukan peserta perlu {options}: nama dan kode desa "
                    "almarhum.",
                ).format(options=" dan ".join(missing))
            )
    elif args.name is not None or args.village is not None:
        raise UsageError(
            translate(
                "Cli",
                "--name dan --village hanya dipakai bersama --nik (warga yang bukan peserta); "
                "untuk peserta cukup --worker NIK.",
            )
        )
    services = open_services(args)
    try:
        actor = services.office.local_actor()
        claims = services.claims
        worker_id = None
        subject = None
        if args.worker is not None:
            worker_id = claims.worker_for_nik(actor, args.worker)
            if worker_id is None:
                raise UsageError(
                    translate(
                        "Cli",
                        "--worker: tidak ada peserta dengan NIK {nik} di data peserta. Periksa "
                        "NIK-nya; untuk santunan kematian warga yang bukan peserta pakai --nik, "
                        "--name dan --village.",
                    ).format(nik=mask_nik(args.worker) or "–")
                )
        else:
            subject = Resident(nik=args.nik, name=args.name, village_code=args.village)
        try:
            claim_id = claims.open_claim(
                actor,
                args.kind,
                event_date=args.event_date,
                worker_id=worker_id,
                subject=subject,
                akta=args.akta,
                decile=args.decile,
                accident_is_traffic=args.traffic,
                reported_date=args.reported,
            )
        except ClaimNotEligible as exc:
            raise UsageError(
                translate("Cli", "klaim tidak dapat dibuka: {reasons}").format(
                    reasons=" ".join(finding(item) for item in exc.findings)
                )
            ) from None
        detail = claims.detail(actor, claim_id)
    finally:
        services.close()
    out.write(claim_id + "\n")
    return _flags_said(err, detail, set())


def cmd_claims_step(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Take a step of the workflow."""
    new = ClaimStatus(args.state)
    services = open_services(args)
    try:
        actor = services.office.local_actor()
        claims = services.claims
        detail = resolve_claim(services, actor, args.claim)
        try:
            claims.step(actor, detail.id, new, reason=args.reason, on=args.on)
        except DomainError as exc:
            raise UsageError(_step_refusal(exc, detail, args.claim)) from None
        after = claims.detail(actor, detail.id)
    finally:
        services.close()
    status = translate("ClaimStatus", after.status.label)
    line = translate("Cli", "Klaim {name}: {old} → {new}").format(
        name=after.subject_name,
        old=translate("ClaimStatus", detail.status.label),
        new=status,
    )
    if after.deadline is not None:
        line += "; " + translate("Cli", "tenggat {date} ({left})").format(
            date=long_date(after.deadline), left=days_left_text(after)
        )
    out.write(line + "\n")
    return EXIT_OK


def _step_refusal(exc: DomainError, detail: ClaimDetail, named: str) -> str:
    """The rules' refusal of a step, with what to type next on the command line: the steps
    this claim can take, or the documents still missing."""
    text = finding(exc.finding)
    if exc.code in {"claim.step_state", "claim.step_role"} and detail.allowed_steps:
        text += " " + translate("Cli", "Tulis salah satu: {steps}.").format(
            steps=", ".join(step.value for step in detail.allowed_steps)
        )
    elif exc.code == "claim.documents_missing" and detail.missing:
        text += " " + translate(
            "Cli",
            "Contoh: python -m desktop claims doc {claim} {item} --on TAHUN-BULAN-TANGGAL "
            "(dokumen yang kurang: {items}).",
        ).format(
            claim=named.strip(),
            item=detail.missing[0].value,
            items=", ".join(item.value for item in detail.missing),
        )
    elif exc.code == "claim.payee_missing":
        text += " " + translate(
            "Cli",
            "Contoh: python -m desktop claims heir {claim} --name NAMA --nik NIK "
            "--relationship anak --payee --bank BANK --account NOMOR",
        ).format(claim=named.strip())
    elif exc.code == "claim.reason_required":
        text += " " + translate("Cli", "Tulis alasannya dengan --reason.")
    return text


def cmd_claims_doc(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Tick a document as received (or untick it with --remove)."""
    if args.remove and (args.on is not None or args.note is not None):
        raise UsageError(
            translate(
                "Cli",
                "--remove tidak dipakai bersama --on atau --note: dokumen yang dicabut "
                "centangnya tidak punya tanggal terima.",
            )
        )
    item = DocumentItem(args.item)
    services = open_services(args)
    try:
        actor = services.office.local_actor()
        claims = services.claims
        detail = resolve_claim(services, actor, args.claim)
        if args.remove:
            claims.unreceive(actor, detail.id, item)
        else:
            claims.receive(actor, detail.id, item, on=args.on, note=args.note)
        after = claims.detail(actor, detail.id)
    finally:
        services.close()
    document = next((d for d in after.documents if d.item is item), None)
    if document is not None:
        out.write(document_line(document) + "\n")
    if after.missing:
        out.write(
            translate("Cli", "Dokumen wajib yang belum diterima: {items}").format(
                items=", ".join(
                    f"{translate('Document', m.label)} ({m.value})" for m in after.missing
                )
            )
            + "\n"
        )
    else:
        out.write(translate("Cli", "Semua dokumen wajib sudah diterima.") + "\n")
    return EXIT_OK


def cmd_claims_set(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Record a claim's particulars learned after it was opened."""
    changes: dict[str, object] = {}
    if args.akta is not None:
        changes["akta"] = args.akta
    if args.no_decile:
        changes["decile"] = None
    elif args.decile is not None:
        changes["decile"] = args.decile
    if args.traffic is not None:
        changes["accident_is_traffic"] = args.traffic
    if args.days_off is not None:
        changes["days_off"] = args.days_off
    if not changes:
        raise UsageError(
            translate(
                "Cli",
                "tidak ada yang dicatat; beri salah satu dari --akta, --decile, --no-decile, "
                "--traffic, --no-traffic, --days-off.",
            )
        )
    services = open_services(args)
    try:
        actor = services.office.local_actor()
        claims = services.claims
        detail = resolve_claim(services, actor, args.claim)
        claims.update_particulars(actor, detail.id, **changes)
        after = claims.detail(actor, detail.id)
    finally:
        services.close()
    out.write(
        translate("Cli", "Data klaim {name} dicatat.").format(name=after.subject_name) + "\n"
    )
    if after.amount is not None:
        out.write(
            translate("Cli", "Jumlah menurut aturan: {amount}").format(
                amount=rupiah(after.amount.computed)
            )
            + "\n"
        )
    return _flags_said(err, after, {flag.code for flag in detail.flags})


def cmd_claims_heir(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Add an heir (the payee with --payee)."""
    from desktop.domain.claim_rules import mask_nik
    from desktop.domain.identifiers import mask_account

    if args.payee:
        missing = _blank(("--bank", args.bank), ("--account", args.account))
        if missing:
            raise UsageError(
                translate(
                    "Cli",
                    "penerima pembayaran (--payee) perlu {options}: nama bank dan nomor "
                    "rekeningnya.",
                ).format(options=" dan ".join(missing))
            )
    services = open_services(args)
    try:
        actor = services.office.local_actor()
        claims = services.claims
        detail = resolve_claim(services, actor, args.claim)
        claims.add_heir(
            actor,
            detail.id,
            name=args.name,
            relationship=args.relationship,
            nik=args.nik,
            payee=args.payee,
            bank=args.bank,
            account=args.account,
            holder=args.holder,
            school_level=args.school_level,
        )
        after = claims.detail(actor, detail.id)
    finally:
        services.close()
    relationship = translate("Relationship", Relationship(args.relationship).label)
    line = translate("Cli", "Ahli waris {name} ({relationship}, NIK {nik}) ditambahkan.").format(
        name=args.name.strip(), relationship=relationship, nik=mask_nik(args.nik)
    )
    if args.payee:
        line += " " + translate("Cli", "Penerima pembayaran: {bank} {account}.").format(
            bank=args.bank.strip(), account=mask_account(args.account)
        )
    out.write(line + "\n")
    return _flags_said(err, after, {flag.code for flag in detail.flags})
