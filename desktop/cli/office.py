"""Setting up an office and its database: init, regions import, demo, nik, check."""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TextIO

from desktop.cli.common import (
    EXIT_ATTENTION,
    EXIT_OK,
    EXIT_UNUSABLE,
    Parser,
    TextProgress,
    UsageError,
    add_db,
    iso_date,
    number,
    open_services,
    sex_arg,
)
from desktop.domain.dates import long_date


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add these commands to the top-level parser."""
    init = commands.add_parser("init", help="siapkan basis data untuk kantor kabupaten/kecamatan")
    add_db(init)
    init.add_argument(
        "--office",
        choices=("hub", "kecamatan"),
        required=True,
        help="hub = kantor kabupaten (pusat), kecamatan = kantor kecamatan",
    )
    init.add_argument(
        "--region",
        required=True,
        metavar="KODE",
        help="kode wilayah Kemendagri: kabupaten (16.02) atau kecamatan (16.02.05)",
    )
    init.add_argument("--name", required=True, metavar="TEKS", help="nama kantor")

    regions = commands.add_parser("regions", help="data wilayah (kode Kemendagri)")
    region_commands = regions.add_subparsers(
        dest="regions_command", metavar="PERINTAH", parser_class=Parser, required=True
    )
    regions_import = region_commands.add_parser(
        "import", help="impor daftar wilayah CSV/XLSX dengan kolom kode dan nama"
    )
    add_db(regions_import)
    regions_import.add_argument("file", type=Path, metavar="BERKAS")

    demo = commands.add_parser("demo", help="isi basis data kosong dengan data contoh")
    add_db(demo)
    demo.add_argument("--workers", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")
    demo.add_argument(
        "--regions",
        type=Path,
        default=None,
        metavar="BERKAS",
        help="daftar wilayah nyata (bawaan: wilayah buatan)",
    )
    demo.add_argument(
        "--year", type=int, default=None, metavar="TAHUN", help="tahun acuan (bawaan: tahun ini)"
    )

    nik = commands.add_parser("nik", help="baca arti sebuah NIK")
    add_db(nik)
    nik.add_argument("number", metavar="NIK")
    nik.add_argument(
        "--birth-date",
        type=iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="tanggal lahir di data, untuk dibandingkan",
    )
    nik.add_argument(
        "--sex",
        type=sex_arg,
        default=None,
        metavar="L|P",
        help="jenis kelamin di data, untuk dibandingkan",
    )

    check = commands.add_parser("check", help="periksa keutuhan basis data")
    add_db(check)
    check.add_argument(
        "--repair",
        action="store_true",
        help="(laptop kecamatan) hapus peserta yang terlanjur dibuat di kecamatan lain",
    )

    settings = commands.add_parser(
        "settings", help="lihat pengaturan kantor, atau ubah satu (di kantor kabupaten)"
    )
    add_db(settings)
    settings.add_argument("key", nargs="?", default=None, metavar="KUNCI")
    settings.add_argument("value", nargs="?", default=None, metavar="NILAI")
    settings.set_defaults(handler=cmd_settings)
    init.set_defaults(handler=cmd_init)
    regions_import.set_defaults(handler=cmd_regions_import)
    demo.set_defaults(handler=cmd_demo)
    nik.set_defaults(handler=cmd_nik)
    check.set_defaults(handler=cmd_check)


def cmd_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Set up a database for an office."""
    from desktop.services.office import OfficeKind

    services = open_services(args, create=True)
    try:
        info = services.office.set_up(
            kind=OfficeKind(args.office), region=args.region, name=args.name
        )
    finally:
        services.close()
    out.write(
        f"Kantor disiapkan: {info.name} ({info.kind.label}, wilayah {info.region_code}); "
        f"perangkat {info.device_short}; basis data {services.path}\n"
    )
    return EXIT_OK


def cmd_regions_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import a region list."""
    services = open_services(args)
    progress = TextProgress(err)
    try:
        actor = services.office.local_actor()
        result = services.regions.import_file(args.file, actor=actor, progress=progress)
    finally:
        progress.finish()
        services.close()
    out.write(
        f"ditambah {number(result.added)}, diperbarui {number(result.updated)}, "
        f"tetap {number(result.unchanged)}, ditolak {number(len(result.rejected))}\n"
    )
    if result.rejected:
        for problem in result.rejected[:20]:
            err.write(f"baris {problem.row}: {problem.finding.message}\n")
        if len(result.rejected) > 20:
            err.write(f"… dan {number(len(result.rejected) - 20)} baris lain\n")
        err.write(f"{number(len(result.rejected))} baris ditolak; perbaiki lalu impor lagi.\n")
        return EXIT_ATTENTION
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Generate demo data."""
    services = open_services(args, create=True)
    progress = TextProgress(err)
    started = time.perf_counter()
    try:
        result = services.demo.generate(
            workers=args.workers,
            seed=args.seed,
            regions_file=args.regions,
            year=args.year,
            progress=progress,
        )
    finally:
        progress.finish()
        services.close()
    seconds = time.perf_counter() - started
    out.write(
        f"Data contoh kabupaten {result.regency_code} tahun {result.year}: "
        f"{number(result.workers)} peserta, {number(result.regions)} wilayah, "
        f"{number(result.targets)} target, {number(result.claims)} klaim "
        f"({number(result.claim_events)} langkah, {number(result.heirs)} ahli waris, "
        f"{number(result.documents)} dokumen) dalam {seconds:.1f} detik\n"
    )
    return EXIT_OK


def cmd_nik(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Say what a NIK means."""
    from desktop.services.identity import describe_nik

    services = open_services(args) if args.db is not None else None
    try:
        report = describe_nik(
            args.number,
            engine=services.database.engine if services else None,
            birth_date=args.birth_date,
            sex=args.sex,
        )
    finally:
        if services is not None:
            services.close()
    check = report.check
    info = check.info
    if info is not None:

        def named(code: str, name: str | None) -> str:
            return f"{code} ({name})" if name else code

        out.write(f"Provinsi      : {named(info.province_code, report.province_name)}\n")
        out.write(f"Kabupaten/Kota: {named(info.regency_code, report.regency_name)}\n")
        out.write(f"Kecamatan     : {named(info.district_code, report.district_name)}\n")
        out.write(f"Tanggal lahir : {long_date(info.birth_date)}\n")
        out.write(f"Jenis kelamin : {info.sex.label}\n")
        out.write(f"Nomor urut    : {info.serial:04d}\n")
    for finding in check.errors:
        err.write(f"galat: {finding.message}\n")
    for finding in check.warnings:
        err.write(f"peringatan: {finding.message}\n")
    if check.errors:
        return EXIT_UNUSABLE
    if check.warnings:
        err.write(f"{len(check.warnings)} peringatan perlu diperiksa.\n")
        return EXIT_ATTENTION
    return EXIT_OK


def cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Check a database."""
    services = open_services(args)
    try:
        repaired: list[str] = []
        if args.repair:
            repaired = services.workers.repair_misplaced(services.office.local_actor())
        report = services.health.check()
    finally:
        services.close()
    for name in repaired:
        err.write(
            f"dihapus dari laptop ini: {name} (desanya di kecamatan lain); "
            "daftarkan lagi di kecamatan yang benar\n"
        )
    out.write(f"Basis data    : {services.path}\n")
    out.write(f"Skema         : {report.schema_revision} (terbaru {report.schema_head})\n")
    out.write(f"SQLite        : {report.sqlite_version}, jurnal {report.journal_mode}\n")
    if report.read_only is not None:
        out.write(f"Akses         : hanya-baca. {report.read_only.message}\n")
    for table, count in report.counts.items():
        out.write(f"  {table:<16}{number(count):>14}\n")
    for notice in report.notices:
        err.write(f"perhatian: {notice.message}\n")
    if report.sound:
        out.write("Keadaan       : baik\n")
        return EXIT_ATTENTION if report.notices else EXIT_OK
    for problem in report.problems:
        err.write(f"masalah: {problem.message}\n")
    err.write(f"{len(report.problems)} masalah ditemukan.\n")
    return EXIT_ATTENTION


def cmd_settings(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List the settings, or set one (KEY VALUE)."""
    services = open_services(args)
    try:
        actor = services.office.local_actor()
        if args.key is not None and args.value is None:
            raise UsageError(f"nilai untuk {args.key} belum diberikan: settings KUNCI NILAI")
        if args.key is not None:
            value = services.office.set_setting(actor, args.key, args.value)
            out.write(f"{args.key} = {value}\n")
            return EXIT_OK
        for setting, value, default in services.office.known_settings(actor):
            note = " (bawaan)" if default else ""
            out.write(f"{setting.key} = {value}{note}\t{setting.label}\n")
    finally:
        services.close()
    return EXIT_OK
