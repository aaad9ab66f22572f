"""The claims commands that read: naming a claim by its id or a prefix of it, ``claims
list`` and ``claims show`` (and the lines the writing commands print about a claim)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC
from typing import TYPE_CHECKING, TextIO

from desktop.cli.common import EXIT_OK, UsageError, number, open_services
from desktop.cli.words import finding, long_date, translate
from desktop.domain.findings import DomainError

if TYPE_CHECKING:
    from desktop.services.app import AppServices
    from desktop.services.claims import ClaimDetail, DocumentDetail
    from desktop.store.unit_of_work import Actor

# Claim rows read from the service at a time (the list is never loaded whole).
LIST_CHUNK = 2_000
# Matches named in an "ambiguous id" message.
SHOWN_MATCHES = 5
# The most days --due-within looks ahead (ten years; more reached past the last date).
MAX_DUE_WITHIN = 3650
_ID_CHARS = frozenset("0123456789abcdef-")
_FULL_ID_LENGTH = 36


# ---- naming a claim ----------------------------------------------------------------------


def resolve_claim(services: AppServices, actor: Actor, text: str) -> ClaimDetail:
    """The claim named by its id or a unique prefix of it (as ``claims list`` prints it);
    UsageError when none or more than one claim matches."""
    wanted = text.strip().lower()
    if not wanted or not set(wanted) <= _ID_CHARS:
        raise UsageError(
            translate(
                "Cli",
                "nomor klaim {text} tidak sah; salin nomor klaim (atau beberapa huruf awalnya) "
                "dari: python -m desktop claims list",
            ).format(text=repr(text))
        )
    claims = services.claims
    if len(wanted) >= _FULL_ID_LENGTH:
        return _detail_or_unknown(services, actor, wanted, text)
    matches = claims.ids_with_prefix(actor, wanted, limit=SHOWN_MATCHES + 1)
    if not matches:
        raise _unknown(text)
    if len(matches) > 1:
        more = " …" if len(matches) > SHOWN_MATCHES else ""
        raise UsageError(
            translate(
                "Cli",
                "nomor klaim {text} cocok dengan lebih dari satu klaim ({ids}{more}); tulis "
                "lebih banyak huruf dari nomor klaimnya.",
            ).format(text=repr(text), ids=", ".join(matches[:SHOWN_MATCHES]), more=more)
        )
    return _detail_or_unknown(services, actor, matches[0], text)


def _unknown(text: str) -> UsageError:
    return UsageError(
        translate(
            "Cli",
            "klaim {text} tidak ditemukan; mungkin sudah dihapus atau nomornya salah. Lihat "
            "nomor klaim dengan: python -m desktop claims list",
        ).format(text=repr(text))
    )


def _detail_or_unknown(
    services: AppServices, actor: Actor, claim_id: str, text: str
) -> ClaimDetail:
    try:
        return services.claims.detail(actor, claim_id)
    except DomainError as exc:
        if exc.code == "claim.not_found":
            raise _unknown(text) from None
        raise


# ---- list --------------------------------------------------------------------------------


def _district(text: str | None) -> str | None:
    """The --kecamatan option as a dotted kecamatan code."""
    from desktop.domain.regions import RegionCode, RegionLevel

    if text is None:
        return None
    try:
        code = RegionCode.parse(text)
    except DomainError:
        code = None
    if code is None or code.level is not RegionLevel.DISTRICT:
        raise UsageError(
            translate(
                "Cli", "--kecamatan: kode {text} bukan kode kecamatan; tulis mis. 16.02.05"
            ).format(text=repr(text))
        )
    return code.dotted


def cmd_claims_list(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the matching claims, one per line, nearest deadline first (read and printed in
    chunks of rows)."""
    district = _district(args.kecamatan)
    if args.due_within is not None and args.due_within < 0:
        raise UsageError(translate("Cli", "--due-within tidak boleh negatif; tulis mis. 3"))
    if args.due_within is not None and args.due_within > MAX_DUE_WITHIN:
        raise UsageError(
            translate("Cli", "--due-within paling banyak {max} hari; tulis mis. 3").format(
                max=MAX_DUE_WITHIN
            )
        )
    services = open_services(args)
    try:
        actor = services.office.local_actor()
        claims = services.claims
        criteria = claims.criteria(
            kinds=args.kind or (),
            statuses=args.state or (),
            district_code=district,
            overdue=args.overdue,
            due_within=args.due_within,
            flagged=args.flagged,
        )
        ids = claims.ids(actor, criteria)
        for start in range(0, len(ids), LIST_CHUNK):
            lines = []
            for row in claims.rows(actor, ids[start : start + LIST_CHUNK]):
                fields = (
                    row.id,
                    row.kind.value,
                    row.name,
                    row.status.value,
                    "-" if row.days_left is None else str(row.days_left),
                    row.village_name or row.village_code,
                    ",".join(row.flag_codes) or "-",
                )
                lines.append("\t".join(fields) + "\n")
            out.write("".join(lines))
    except BrokenPipeError:  # the reader stopped early (| head): not an error
        _silence(out)
        return EXIT_OK
    finally:
        services.close()
    if not ids:
        err.write(translate("Cli", "Tidak ada klaim yang cocok.") + "\n")
    return EXIT_OK


def _silence(out: TextIO) -> None:
    """After the reader of stdout went away, send what is left (Python's final flush
    included) nowhere instead of failing on it."""
    if out is sys.stdout:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


# ---- show --------------------------------------------------------------------------------


def cmd_claims_show(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print everything about one claim."""
    from desktop.services.permissions import Permission, require

    services = open_services(args)
    try:
        actor = services.office.local_actor()
        if args.full:
            require(actor, Permission.VIEW_FULL_NUMBERS)
        detail = resolve_claim(services, actor, args.claim)
        if args.full:  # read again with the account numbers unmasked
            detail = services.claims.detail(actor, detail.id, full_numbers=True)
    finally:
        services.close()
    write_detail(out, detail)
    return EXIT_OK


def rupiah(amount: int) -> str:
    """An amount of rupiah with the language's grouping ("Rp1.000.000")."""
    return f"Rp{number(amount)}"


def days_left_text(detail: ClaimDetail) -> str:
    """How the claim stands against its deadline, in words."""
    left = detail.days_left
    if left is None:
        return translate("Cli", "waktu berhenti")
    if left < 0:
        return translate("Cli", "terlambat {days} hari").format(days=number(-left))
    if left == 0:
        return translate("Cli", "hari ini")
    return translate("Cli", "{days} hari lagi").format(days=number(left))


def document_line(document: DocumentDetail) -> str:
    """One checklist item: ticked or not, with its day and note."""
    label = translate("Document", document.label)
    needed = "" if document.required else " " + translate("Cli", "(tidak wajib)")
    if document.received_on is not None:
        line = f"[x] {label}{needed} ({document.item.value}): " + translate(
            "Cli", "diterima {date}"
        ).format(date=long_date(document.received_on))
    else:
        line = f"[ ] {label}{needed} ({document.item.value}): " + translate("Cli", "belum diterima")
    if document.note:
        line += " — " + document.note
    return line


def _fields(out: TextIO, lines: list[tuple[str, str]]) -> None:
    width = max(len(name) for name, _ in lines)
    for name, value in lines:
        out.write(f"{name:<{width}} : {value}\n")


def write_detail(out: TextIO, detail: ClaimDetail) -> None:
    """Everything the detail view shows of a claim, NIKs masked."""
    from desktop.domain.claim_rules import event_label, mask_nik

    place = detail.village_name or detail.village_code
    if detail.district_name:
        place += f", {detail.district_name}"
    lines = [
        (translate("Cli", "Klaim"), detail.id),
        (
            translate("Cli", "Jenis"),
            f"{translate('ClaimKind', detail.kind.label)} ({detail.kind.value})",
        ),
        (
            translate("Cli", "Status"),
            f"{translate('ClaimStatus', detail.status.label)} ({detail.status.value})",
        ),
        (translate("Cli", "Nama"), detail.subject_name),
        ("NIK", mask_nik(detail.subject_nik)),
    ]
    if detail.subject_birth_date is not None:
        lines.append((translate("Cli", "Tanggal lahir"), long_date(detail.subject_birth_date)))
    lines.append((translate("Cli", "Desa"), f"{place} ({detail.village_code})"))
    roster = translate("Cli", "ya") if detail.worker_id else translate("Cli", "bukan peserta")
    lines.append((translate("Cli", "Peserta"), roster))
    lines.append((translate("ClaimRules", event_label(detail.kind)), long_date(detail.event_date)))
    lines.append((translate("Cli", "Dilaporkan"), long_date(detail.reported_date)))
    if detail.death_certificate_no:
        lines.append((translate("Cli", "Akta kematian"), detail.death_certificate_no))
    if detail.dtsen_decile is not None:
        lines.append((translate("Cli", "Desil DTSEN"), str(detail.dtsen_decile)))
    if detail.accident_is_traffic:
        lines.append((translate("Cli", "Kecelakaan"), translate("Cli", "lalu lintas")))
    if detail.completed_on is not None:
        lines.append((translate("Cli", "Berkas lengkap"), long_date(detail.completed_on)))
    if detail.verified_on is not None:
        lines.append((translate("Cli", "Diverifikasi"), long_date(detail.verified_on)))
    if detail.deadline is not None:
        lines.append(
            (
                translate("Cli", "Tenggat"),
                f"{long_date(detail.deadline)} ({days_left_text(detail)})",
            )
        )
    else:
        lines.append((translate("Cli", "Tenggat"), translate("Cli", "belum berjalan")))
    steps = ", ".join(step.value for step in detail.allowed_steps) or "-"
    lines.append((translate("Cli", "Langkah berikutnya"), steps))
    _fields(out, lines)
    _write_heirs(out, detail)
    _write_documents(out, detail)
    _write_amount(out, detail)
    _write_flags(out, detail)
    _write_timeline(out, detail)


def _section(out: TextIO, title: str) -> None:
    out.write(f"\n{title}:\n")


def _write_heirs(out: TextIO, detail: ClaimDetail) -> None:
    from desktop.domain.claim_rules import mask_nik

    _section(out, translate("Cli", "Ahli waris"))
    if not detail.heirs:
        out.write("  " + translate("Cli", "belum ada") + "\n")
    for heir in detail.heirs:
        relationship = translate("Relationship", heir.relationship_label)
        nik = mask_nik(heir.nik) if heir.nik else "-"
        line = f"  {heir.name} ({relationship}), NIK {nik}"
        if heir.is_payee or heir.account:
            role = translate("Cli", "penerima pembayaran") if heir.is_payee else ""
            account = " ".join(part for part in (heir.bank_name, heir.account, heir.holder) if part)
            line += "; " + " ".join(part for part in (role, account) if part)
        out.write(line + "\n")


def _write_documents(out: TextIO, detail: ClaimDetail) -> None:
    _section(out, translate("Cli", "Dokumen"))
    for document in detail.documents:
        out.write("  " + document_line(document) + "\n")
    if detail.missing:
        out.write(
            "  "
            + translate("Cli", "Belum lengkap: {items}").format(
                items=", ".join(item.value for item in detail.missing)
            )
            + "\n"
        )


def _write_amount(out: TextIO, detail: ClaimDetail) -> None:
    _section(out, translate("Cli", "Jumlah"))
    amount = detail.amount
    lines: list[tuple[str, str]] = []
    if amount is None:
        out.write("  " + translate("Cli", "tidak dapat dihitung") + "\n")
    else:
        lines.extend(
            ("  " + line.render(translate), rupiah(line.amount))
            for line in amount.breakdown.lines
        )
        lines.append(("  " + translate("Cli", "Jumlah menurut aturan"), rupiah(amount.computed)))
        if amount.override is not None:
            lines.append(
                (
                    "  " + translate("Cli", "Diubah manual"),
                    translate("Cli", "{amount}, alasan: {reason}").format(
                        amount=rupiah(amount.override.amount), reason=amount.override.reason
                    ),
                )
            )
    if detail.amount_approved:
        lines.append(("  " + translate("Cli", "Disetujui"), rupiah(detail.amount_approved)))
    if detail.amount_paid:
        lines.append(("  " + translate("Cli", "Dibayar"), rupiah(detail.amount_paid)))
    if lines:
        _fields(out, lines)
    if amount is not None:
        for note in amount.notes:
            out.write("  " + translate("Cli", "catatan: {note}").format(note=finding(note)) + "\n")


def _write_flags(out: TextIO, detail: ClaimDetail) -> None:
    _section(out, translate("Cli", "Perlu diperiksa"))
    if not detail.flags:
        out.write("  " + translate("Cli", "tidak ada") + "\n")
    for flag in detail.flags:
        out.write(f"  {flag.code}: {finding(flag.finding)}\n")


def _write_timeline(out: TextIO, detail: ClaimDetail) -> None:
    _section(out, translate("Cli", "Riwayat"))
    for entry in detail.timeline:
        day = long_date(entry.on) if entry.on is not None else "-"
        at = entry.at if entry.at.tzinfo is not None else entry.at.replace(tzinfo=UTC)
        status = translate("ClaimStatus", entry.status.label)
        who = entry.actor_name
        if entry.role_label:
            who += f" ({translate('Role', entry.role_label)})"
        recorded = at.astimezone().strftime("%Y-%m-%d %H:%M")
        line = "  " + translate("Cli", "{day}  {status}  oleh {who}, dicatat {at}").format(
            day=day, status=status, who=who, at=recorded
        )
        if entry.reason:
            line += " — " + translate("Cli", "alasan: {reason}").format(reason=entry.reason)
        if not entry.applied:
            line += " " + translate("Cli", "[tidak berlaku: langkah ini tidak diizinkan saat tiba]")
        out.write(line + "\n")
