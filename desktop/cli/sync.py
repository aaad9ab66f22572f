"""The sync commands: enroll, join, export, import, status, conflicts, revoke."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.cli.common import (
    EXIT_ATTENTION,
    EXIT_OK,
    TextProgress,
    UsageError,
    add_command,
    add_db,
    add_subcommands,
    number,
    open_services,
)
from desktop.cli.words import file_size, translate

if TYPE_CHECKING:
    from desktop.services.app import AppServices
    from desktop.services.sync import SyncService


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add these commands to the top-level parser."""
    code = translate("CliHelp", "KODE")
    file = translate("CliHelp", "BERKAS")
    sync = add_command(
        commands, "sync", translate("CliHelp", "sinkronisasi antarkantor lewat paket flashdisk")
    )
    add_db(sync)
    sync_commands = add_subcommands(sync, "sync_command")
    enroll = add_command(
        sync_commands,
        "enroll",
        translate("CliHelp", "(kabupaten) daftarkan kecamatan; mencetak kode sekali pakai"),
    )
    add_db(enroll)
    enroll.add_argument(
        "--kecamatan",
        required=True,
        metavar=code,
        help=translate("CliHelp", "kode kecamatan yang didaftarkan, mis. 16.02.05"),
    )
    enroll.add_argument(
        "--out",
        required=True,
        type=Path,
        metavar=file,
        help=translate("CliHelp", "berkas pendaftaran yang ditulis, mis. E:/daftar.sigap"),
    )
    enroll.add_argument(
        "--name",
        default=None,
        metavar=translate("CliHelp", "TEKS"),
        help=translate("CliHelp", "nama kantor kecamatan"),
    )
    join = add_command(
        sync_commands,
        "join",
        translate("CliHelp", "(laptop kecamatan) bergabung memakai berkas pendaftaran"),
    )
    add_db(join)
    join.add_argument(
        "file",
        type=Path,
        metavar=file,
        help=translate("CliHelp", "berkas pendaftaran dari kantor kabupaten"),
    )
    join.add_argument(
        "--code",
        required=True,
        metavar=code,
        help=translate("CliHelp", "kode sekali pakai yang diberikan kantor kabupaten"),
    )
    sync_export = add_command(
        sync_commands, "export", translate("CliHelp", "tulis paket ke flashdisk/folder")
    )
    add_db(sync_export)
    sync_export.add_argument(
        "--to",
        required=True,
        type=Path,
        metavar=translate("CliHelp", "FOLDER"),
        help=translate("CliHelp", "folder tujuan, mis. flashdisk E:/"),
    )
    sync_export.add_argument(
        "--device",
        default=None,
        metavar="ID",
        help=translate("CliHelp", "(kabupaten) hanya untuk perangkat ini"),
    )
    sync_import = add_command(
        sync_commands, "import", translate("CliHelp", "impor paket dari kantor lain")
    )
    add_db(sync_import)
    sync_import.add_argument(
        "file", type=Path, metavar=file, help=translate("CliHelp", "paket .sigap yang diimpor")
    )
    sync_import.add_argument(
        "--preview",
        action="store_true",
        help=translate("CliHelp", "hanya tampilkan ringkasan, jangan terapkan"),
    )
    sync_status = add_command(
        sync_commands, "status", translate("CliHelp", "keadaan sinkronisasi dan perangkat")
    )
    add_db(sync_status)
    sync_conflicts = add_command(
        sync_commands,
        "conflicts",
        translate("CliHelp", "daftar konflik yang menunggu keputusan"),
    )
    add_db(sync_conflicts)
    sync_conflicts.add_argument(
        "--full",
        action="store_true",
        help=translate(
            "CliHelp", "nomor KPJ dan rekening lengkap (perlu hak melihat nomor lengkap)"
        ),
    )
    revoke = add_command(
        sync_commands, "revoke", translate("CliHelp", "(kabupaten) cabut perangkat kecamatan")
    )
    add_db(revoke)
    revoke.add_argument(
        "device",
        metavar="ID",
        help=translate("CliHelp", "perangkat yang dicabut (8 huruf terakhir cukup)"),
    )
    enroll.set_defaults(handler=cmd_sync_enroll)
    join.set_defaults(handler=cmd_sync_join)
    sync_export.set_defaults(handler=cmd_sync_export)
    sync_import.set_defaults(handler=cmd_sync_import)
    sync_status.set_defaults(handler=cmd_sync_status)
    sync_conflicts.set_defaults(handler=cmd_sync_conflicts)
    revoke.set_defaults(handler=cmd_sync_revoke)


def _sync(args: argparse.Namespace, *, create: bool = False) -> tuple[AppServices, SyncService]:
    services = open_services(args, create=create)
    return services, services.sync


def cmd_sync_enroll(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Hub: enrol a kecamatan and print the one-time code."""
    services, sync = _sync(args)
    progress = TextProgress(err)
    try:
        actor = services.office.local_actor()
        enrolment = sync.enroll(
            actor, district=args.kecamatan, out=args.out, name=args.name, progress=progress
        )
    finally:
        progress.finish()
        services.close()
    out.write(
        translate(
            "Cli",
            "Berkas pendaftaran kecamatan {district}: {path}\n"
            "Kode sekali pakai: {code}\n"
            "Berikan kode ini terpisah dari flashdisk (lisan atau telepon).",
        ).format(district=enrolment.district, path=enrolment.path, code=enrolment.code)
        + "\n"
    )
    if enrolment.valid_until is not None:
        out.write(
            translate(
                "Cli",
                "Berlaku sampai {moment}: paket pertama laptop harus diimpor di sini sebelum itu.",
            ).format(moment=_moment(enrolment.valid_until))
            + "\n"
        )
    for withdrawn in enrolment.withdrawn:
        out.write(
            translate(
                "Cli",
                "Pendaftaran lama {device} yang belum dipakai dibatalkan; berkas dan kodenya "
                "tidak berlaku lagi.",
            ).format(device=withdrawn[-8:])
            + "\n"
        )
    return EXIT_OK


def cmd_sync_join(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Laptop: join the hub with the enrolment file and code."""
    services, sync = _sync(args, create=True)
    progress = TextProgress(err)
    try:
        result = sync.join(args.file, args.code, progress=progress)
        info = services.office.require_info()
    finally:
        progress.finish()
        services.close()
    out.write(
        translate(
            "Cli",
            "Bergabung sebagai {name} (wilayah {region}), perangkat {device}; diterima "
            "{count} data baru dari {sender}",
        ).format(
            name=info.name,
            region=info.region_code,
            device=info.device_short,
            count=number(result.summary.new_rows),
            sender=result.sender_name,
        )
        + "\n"
    )
    return EXIT_OK


def cmd_sync_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Write a bundle per peer and print each path."""
    services, sync = _sync(args)
    progress = TextProgress(err)
    try:
        actor = services.office.local_actor()
        results = sync.export(actor, args.to, peer=args.device, progress=progress)
    finally:
        progress.finish()
        services.close()
    for result in results:
        out.write(f"{result.path}\n")
        err.write(
            translate("Cli", "untuk {peer}: {changes} perubahan, {size}; aman dicabut.").format(
                peer=result.peer_name, changes=number(result.changes), size=file_size(result.size)
            )
            + "\n"
        )
    return EXIT_OK


def cmd_sync_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import (or preview) a bundle; exit 1 when conflicts or duplicates were queued."""
    services, sync = _sync(args)
    progress = TextProgress(err)
    try:
        actor = services.office.local_actor()
        if args.preview:
            result = sync.preview(args.file, progress=progress)
        else:
            # One-shot process with the file to itself: a big bundle may skip the WAL.
            result = sync.import_bundle(actor, args.file, progress=progress, exclusive=True)
    finally:
        progress.finish()
        services.close()
    s = result.summary
    if result.replayed:
        out.write(
            translate(
                "Cli",
                "paket {bundle} dari {sender} sudah pernah diimpor; tidak ada yang berubah",
            ).format(bundle=result.bundle_id[-8:], sender=result.sender_name)
            + "\n"
        )
        return EXIT_OK
    if args.preview:
        heading = translate("Cli", "paket dari {sender} (akan diterapkan)")
    else:
        heading = translate("Cli", "paket dari {sender} (sudah diterapkan)")
    counts = translate(
        "Cli",
        "ditambahkan {added}, diperbarui {updated}, tidak berubah {unchanged}, "
        "konflik {conflicts}, kemungkinan ganda {duplicates}",
    ).format(
        added=number(s.new_rows),
        updated=number(s.changed_rows),
        unchanged=number(s.unchanged_rows),
        conflicts=number(s.conflicts),
        duplicates=number(s.duplicates),
    )
    out.write(f"{heading.format(sender=result.sender_name)}: {counts}\n")
    if result.pinned and result.pinned_fingerprint:
        out.write(
            translate(
                "Cli",
                "kunci {sender} disematkan: sidik kunci {fingerprint}; cocokkan dengan layar "
                "laptop itu",
            ).format(sender=result.sender_name, fingerprint=_grouped(result.pinned_fingerprint))
            + "\n"
        )
    if s.future_stamps or s.past_stamps:
        err.write(
            translate(
                "Cli",
                "perhatian: jam perangkat pengirim tampak salah ({future} cap waktu di masa "
                "depan, {past} sebelum 2020)",
            ).format(future=number(s.future_stamps), past=number(s.past_stamps))
            + "\n"
        )
    if result.needs_review:
        err.write(
            translate("Cli", "Ada konflik atau data ganda yang menunggu keputusan admin.") + "\n"
        )
        return EXIT_ATTENTION
    return EXIT_OK


def cmd_sync_status(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print this office's sync state and its devices."""
    services, sync = _sync(args)
    try:
        status = sync.status(services.office.local_actor())
    finally:
        services.close()
    office = status.office
    out.write(
        translate("Cli", "{name} ({kind}), perangkat {device}, sidik kunci {fingerprint}").format(
            name=office.name,
            kind=translate("OfficeKind", office.kind.label),
            device=office.device_short,
            fingerprint=_grouped(status.fingerprint),
        )
        + "\n"
    )
    out.write(
        translate(
            "Cli",
            "perubahan lokal {changes}; konflik menunggu keputusan {conflicts}; "
            "kemungkinan ganda {duplicates}",
        ).format(
            changes=number(status.device_seq),
            conflicts=number(status.open_conflicts),
            duplicates=number(status.open_duplicates),
        )
        + "\n"
    )
    for device in status.devices:
        if device.revoked_at:
            state = translate("Cli", "dicabut")
        elif device.pinned:
            state = translate("Cli", "aktif")
        elif device.expired:
            state = translate("Cli", "kedaluwarsa")
        else:
            state = translate("Cli", "menunggu paket")
        last = device.last_bundle_at.strftime("%Y-%m-%d %H:%M") if device.last_bundle_at else "-"
        out.write(
            f"{device.device_id[-8:]}  {device.region_code:<10} {device.name}  [{state}]  "
            + translate("Cli", "paket terakhir {last}; tertinggal {behind} perubahan").format(
                last=last, behind=number(device.behind)
            )
            + "\n"
        )
        if device.fingerprint:
            line = translate("Cli", "sidik kunci {fingerprint}").format(
                fingerprint=_grouped(device.fingerprint)
            )
            if device.pinned_at:
                pinned = translate("Cli", "(disematkan {moment})").format(
                    moment=_moment(device.pinned_at)
                )
                line = f"{line} {pinned}"
            out.write(f"    {line}\n")
        elif device.valid_until is not None and not device.revoked_at:
            if device.expired:
                text = translate("Cli", "pendaftaran kedaluwarsa {moment}")
            else:
                text = translate("Cli", "pendaftaran berlaku sampai {moment}")
            out.write(f"    {text.format(moment=_moment(device.valid_until))}\n")
    return EXIT_OK


def _moment(value: datetime) -> str:
    """A moment in this computer's time, as people read it."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _grouped(fingerprint: str) -> str:
    """A key fingerprint in groups of four, as the window shows it."""
    text = fingerprint.upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))




def _field_label(field: str) -> str:
    """The name people know a synced column by, as the conflict view writes it."""
    from desktop.domain.tables import column_label
    from desktop.spreadsheets.columns import FIELD_LABELS

    return column_label(field, FIELD_LABELS, translate)


def _value_text(field: str, value: object) -> str:
    """One side of a conflict: texts quoted (so spaces show), no value "(kosong)"."""
    from desktop.domain.categories import Sex

    if value is None or value == "":
        return translate("SyncText", "(kosong)")
    if isinstance(value, bool):
        return translate("SyncText", "ya") if value else translate("SyncText", "tidak")
    if field == "sex" and value in {s.value for s in Sex}:
        return translate("Sex", Sex(str(value)).label)
    if isinstance(value, int):
        return number(value)
    return repr(value) if isinstance(value, str) else str(value)


def cmd_sync_conflicts(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List open conflicts; exit 1 when there are any. KPJ and bank account numbers are
    masked as the window masks them; ``--full`` shows them to a user allowed to see them."""
    from desktop.domain.identifiers import mask_column
    from desktop.services.permissions import Permission, require

    services, sync = _sync(args)
    try:
        actor = services.office.local_actor()
        if args.full:
            require(actor, Permission.VIEW_FULL_NUMBERS)
        conflicts = sync.conflicts(actor)
    finally:
        services.close()

    def shown(field: str, value: object) -> str:
        return _value_text(field, value if args.full else mask_column(field, value))

    for c in conflicts:
        out.write(
            f"{c.id[-8:]}  {c.row_label} · {_field_label(c.field)}: "
            + translate(
                "Cli", "terpakai {winner} ({winner_device}), lain {loser} ({loser_device})"
            ).format(
                winner=shown(c.field, c.winner.value),
                winner_device=c.winner.device_name,
                loser=shown(c.field, c.loser.value),
                loser_device=c.loser.device_name,
            )
            + "\n"
        )
    if not conflicts:
        out.write(translate("Cli", "tidak ada konflik yang menunggu keputusan") + "\n")
        return EXIT_OK
    return EXIT_ATTENTION


def cmd_sync_revoke(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Revoke a kecamatan device."""
    services, sync = _sync(args)
    try:
        actor = services.office.local_actor()
        matches = [
            d.device_id
            for d in sync.status(actor).devices
            if d.device_id.endswith(args.device) or d.device_id.startswith(args.device)
        ]
        if len(matches) != 1:
            raise UsageError(
                translate("Cli", "perangkat {device} tidak dikenal atau tidak unik").format(
                    device=repr(args.device)
                )
            )
        sync.revoke(actor, matches[0])
    finally:
        services.close()
    out.write(
        translate("Cli", "perangkat {device} dicabut; paketnya akan ditolak").format(
            device=matches[0][-8:]
        )
        + "\n"
    )
    return EXIT_OK
