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
    add_db,
    number,
    open_services,
)

if TYPE_CHECKING:
    from desktop.services.app import AppServices
    from desktop.services.sync import SyncService


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add these commands to the top-level parser."""
    sync = commands.add_parser("sync", help="sinkronisasi antarkantor lewat paket flashdisk")
    add_db(sync)
    sync_commands = sync.add_subparsers(dest="sync_command", required=True, metavar="PERINTAH")
    enroll = sync_commands.add_parser(
        "enroll", help="(kabupaten) daftarkan kecamatan; mencetak kode sekali pakai"
    )
    add_db(enroll)
    enroll.add_argument("--kecamatan", required=True, metavar="KODE")
    enroll.add_argument("--out", required=True, type=Path, metavar="BERKAS")
    enroll.add_argument("--name", default=None, metavar="TEKS", help="nama kantor kecamatan")
    join = sync_commands.add_parser(
        "join", help="(laptop kecamatan) bergabung memakai berkas pendaftaran"
    )
    add_db(join)
    join.add_argument("file", type=Path, metavar="BERKAS")
    join.add_argument("--code", required=True, metavar="KODE")
    sync_export = sync_commands.add_parser("export", help="tulis paket ke flashdisk/folder")
    add_db(sync_export)
    sync_export.add_argument("--to", required=True, type=Path, metavar="FOLDER")
    sync_export.add_argument(
        "--device", default=None, metavar="ID", help="(kabupaten) hanya untuk perangkat ini"
    )
    sync_import = sync_commands.add_parser("import", help="impor paket dari kantor lain")
    add_db(sync_import)
    sync_import.add_argument("file", type=Path, metavar="BERKAS")
    sync_import.add_argument(
        "--preview", action="store_true", help="hanya tampilkan ringkasan, jangan terapkan"
    )
    sync_status = sync_commands.add_parser("status", help="keadaan sinkronisasi dan perangkat")
    add_db(sync_status)
    sync_conflicts = sync_commands.add_parser("conflicts", help="daftar konflik yang menunggu")
    add_db(sync_conflicts)
    sync_conflicts.add_argument(
        "--full",
        action="store_true",
        help="nomor KPJ dan rekening lengkap (perlu hak melihat nomor lengkap)",
    )
    revoke = sync_commands.add_parser("revoke", help="(kabupaten) cabut perangkat kecamatan")
    add_db(revoke)
    revoke.add_argument("device", metavar="ID")
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
        f"Berkas pendaftaran kecamatan {enrolment.district}: {enrolment.path}\n"
        f"Kode sekali pakai: {enrolment.code}\n"
        "Berikan kode ini terpisah dari flashdisk (lisan atau telepon).\n"
    )
    if enrolment.valid_until is not None:
        out.write(
            f"Berlaku sampai {_moment(enrolment.valid_until)}: paket pertama laptop harus "
            "diimpor di sini sebelum itu.\n"
        )
    for withdrawn in enrolment.withdrawn:
        out.write(
            f"Pendaftaran lama {withdrawn[-8:]} yang belum dipakai dibatalkan; "
            "berkas dan kodenya tidak berlaku lagi.\n"
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
    s = result.summary
    out.write(
        f"Bergabung sebagai {info.name} (wilayah {info.region_code}), perangkat "
        f"{info.device_short}; diterima {number(s.new_rows)} data baru dari {result.sender_name}\n"
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
            f"untuk {result.peer_name}: {number(result.changes)} perubahan, "
            f"{result.size / 1e6:,.1f} MB; aman dicabut.\n"
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
            f"paket {result.bundle_id[-8:]} dari {result.sender_name} sudah pernah diimpor; "
            "tidak ada yang berubah\n"
        )
        return EXIT_OK
    verb = "akan" if args.preview else "sudah"
    out.write(
        f"paket dari {result.sender_name} ({verb} diterapkan): baru {number(s.new_rows)}, "
        f"berubah {number(s.changed_rows)}, tetap {number(s.unchanged_rows)}, "
        f"konflik {number(s.conflicts)}, kemungkinan ganda {number(s.duplicates)}\n"
    )
    if result.pinned and result.pinned_fingerprint:
        out.write(
            f"kunci {result.sender_name} disematkan: sidik kunci "
            f"{_grouped(result.pinned_fingerprint)}; cocokkan dengan layar laptop itu\n"
        )
    if s.future_stamps or s.past_stamps:
        err.write(
            "perhatian: jam perangkat pengirim tampak salah "
            f"({s.future_stamps} cap waktu di masa depan, {s.past_stamps} sebelum 2020)\n"
        )
    if result.needs_review:
        err.write("Ada konflik atau data ganda yang menunggu keputusan admin.\n")
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
        f"{office.name} ({office.kind.label}), perangkat {office.device_short}, "
        f"sidik kunci {_grouped(status.fingerprint)}\n"
    )
    out.write(
        f"perubahan lokal {number(status.device_seq)}; konflik terbuka {status.open_conflicts}; "
        f"kemungkinan ganda {status.open_duplicates}\n"
    )
    for device in status.devices:
        if device.revoked_at:
            state = "dicabut"
        elif device.pinned:
            state = "aktif"
        elif device.expired:
            state = "kedaluwarsa"
        else:
            state = "menunggu paket"
        last = device.last_bundle_at.strftime("%Y-%m-%d %H:%M") if device.last_bundle_at else "-"
        out.write(
            f"{device.device_id[-8:]}  {device.region_code:<10} {device.name}  [{state}]  "
            f"paket terakhir {last}; tertinggal {number(device.behind)} perubahan\n"
        )
        if device.fingerprint:
            pinned = f" (disematkan {_moment(device.pinned_at)})" if device.pinned_at else ""
            out.write(f"    sidik kunci {_grouped(device.fingerprint)}{pinned}\n")
        elif device.valid_until is not None and not device.revoked_at:
            verb = "kedaluwarsa" if device.expired else "berlaku sampai"
            out.write(f"    pendaftaran {verb} {_moment(device.valid_until)}\n")
    return EXIT_OK


def _moment(value: datetime) -> str:
    """A moment in this computer's time, as people read it."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def _grouped(fingerprint: str) -> str:
    """A key fingerprint in groups of four, as the window shows it."""
    text = fingerprint.upper()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


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

    def shown(field: str, value: object) -> object:
        return value if args.full else mask_column(field, value)

    for c in conflicts:
        winner, loser = shown(c.field, c.winner.value), shown(c.field, c.loser.value)
        out.write(
            f"{c.id[-8:]}  {c.row_label} · {c.field}: terpakai {winner!r} "
            f"({c.winner.device_name}), lain {loser!r} ({c.loser.device_name})\n"
        )
    if not conflicts:
        out.write("tidak ada konflik\n")
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
            raise UsageError(f"perangkat {args.device!r} tidak dikenal atau tidak unik")
        sync.revoke(actor, matches[0])
    finally:
        services.close()
    out.write(f"perangkat {matches[0][-8:]} dicabut; paketnya akan ditolak\n")
    return EXIT_OK
