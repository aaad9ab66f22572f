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
    TextProgress,
    UsageError,
    add_command,
    add_db,
    add_subcommands,
    iso_date,
    number,
    open_services,
    sex_arg,
    whole_number,
)
from desktop.cli.words import decimal, finding, long_date, translate
from desktop.domain.tables import TABLE_LABELS

# Rows listed on the terminal before "… dan N baris lain".
SHOWN_ROWS = 20


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add these commands to the top-level parser."""
    code = translate("CliHelp", "KODE")
    file = translate("CliHelp", "BERKAS")
    init = add_command(
        commands,
        "init",
        translate("CliHelp", "siapkan basis data untuk kantor kabupaten atau kecamatan"),
    )
    add_db(init)
    init.add_argument(
        "--office",
        choices=("hub", "kecamatan"),
        required=True,
        help=translate("CliHelp", "hub = kantor kabupaten (pusat), kecamatan = kantor kecamatan"),
    )
    init.add_argument(
        "--region",
        required=True,
        metavar=code,
        help=translate(
            "CliHelp", "kode wilayah Kemendagri: kabupaten (16.02) atau kecamatan (16.02.05)"
        ),
    )
    init.add_argument(
        "--name",
        required=True,
        metavar=translate("CliHelp", "TEKS"),
        help=translate("CliHelp", "nama kantor"),
    )

    regions = add_command(
        commands, "regions", translate("CliHelp", "data wilayah (kode Kemendagri)")
    )
    region_commands = add_subcommands(regions, "regions_command")
    regions_import = add_command(
        region_commands,
        "import",
        translate("CliHelp", "impor daftar wilayah CSV/XLSX dengan kolom kode dan nama"),
        translate(
            "CliHelp",
            "Impor daftar wilayah (CSV, XLSX, XLS atau ODS) dengan kolom kode dan nama. Wilayah "
            "yang sudah ada diperbarui namanya; mencetak jumlah yang ditambahkan, diperbarui, "
            "tidak berubah dan ditolak.",
        ),
    )
    add_db(regions_import)
    regions_import.add_argument(
        "file",
        type=Path,
        metavar=file,
        help=translate("CliHelp", "berkas daftar wilayah (.csv, .xlsx, .xls atau .ods)"),
    )

    demo = add_command(
        commands,
        "demo",
        translate("CliHelp", "isi basis data kosong dengan data contoh"),
        translate(
            "CliHelp",
            "Isi basis data kosong dengan data contoh buatan: peserta dengan NIK yang sah, "
            "target, klaim, ahli waris dan dokumen. Basis data yang belum disiapkan menjadi "
            "kantor kabupaten contoh (Ogan Komering Ilir).",
        ),
    )
    add_db(demo)
    demo.add_argument(
        "--workers",
        type=whole_number,
        required=True,
        metavar="N",
        help=translate(
            "CliHelp", "jumlah peserta yang dibuat (wajib; 1 sampai 5.000.000, mis. 120000)"
        ),
    )
    demo.add_argument(
        "--seed",
        type=whole_number,
        default=1,
        metavar="S",
        help=translate(
            "CliHelp",
            "bilangan awal pengacak: angka yang sama memberi data contoh yang sama persis, "
            "angka lain memberi data lain (bawaan: 1)",
        ),
    )
    demo.add_argument(
        "--regions",
        type=Path,
        default=None,
        metavar=file,
        help=translate("CliHelp", "daftar wilayah nyata (bawaan: wilayah buatan)"),
    )
    demo.add_argument(
        "--year",
        type=whole_number,
        default=None,
        metavar=translate("CliHelp", "TAHUN"),
        help=translate("CliHelp", "tahun acuan (bawaan: tahun ini)"),
    )

    nik = add_command(
        commands,
        "nik",
        translate("CliHelp", "baca arti sebuah NIK"),
        translate(
            "CliHelp",
            "Baca arti sebuah NIK: wilayah, tanggal lahir dan jenis kelamin. Dengan --db, nama "
            "wilayahnya diambil dari basis data.",
        ),
    )
    add_db(nik)
    nik.add_argument("number", metavar="NIK", help=translate("CliHelp", "NIK 16 angka"))
    nik.add_argument(
        "--birth-date",
        type=iso_date,
        default=None,
        metavar=translate("CliHelp", "TAHUN-BULAN-TANGGAL"),
        help=translate("CliHelp", "tanggal lahir di data, untuk dibandingkan"),
    )
    nik.add_argument(
        "--sex",
        type=sex_arg,
        default=None,
        metavar="L|P",
        help=translate("CliHelp", "jenis kelamin di data, untuk dibandingkan"),
    )

    check = add_command(
        commands,
        "check",
        translate("CliHelp", "periksa keutuhan basis data"),
        translate(
            "CliHelp",
            "Periksa keutuhan basis data dan hitung isinya. Keluar dengan 1 bila ada masalah "
            "atau hal yang perlu diperiksa.",
        ),
    )
    add_db(check)
    check.add_argument(
        "--repair",
        action="store_true",
        help=translate(
            "CliHelp", "(laptop kecamatan) hapus peserta yang terlanjur dibuat di kecamatan lain"
        ),
    )

    settings = add_command(
        commands,
        "settings",
        translate("CliHelp", "lihat pengaturan kantor, atau ubah satu (di kantor kabupaten)"),
    )
    add_db(settings)
    settings.add_argument(
        "key",
        nargs="?",
        default=None,
        metavar=translate("CliHelp", "KUNCI"),
        help=translate("CliHelp", "nama pengaturan yang diubah, mis. backup.keep_last"),
    )
    settings.add_argument(
        "value",
        nargs="?",
        default=None,
        metavar=translate("CliHelp", "NILAI"),
        help=translate("CliHelp", "nilai barunya"),
    )
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
        translate(
            "Cli",
            "Kantor disiapkan: {name} ({kind}, wilayah {region}); perangkat {device}; "
            "basis data {path}",
        ).format(
            name=info.name,
            kind=translate("OfficeKind", info.kind.label),
            region=info.region_code,
            device=info.device_short,
            path=services.path,
        )
        + "\n"
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
        translate(
            "Cli",
            "ditambahkan {added}, diperbarui {updated}, tidak berubah {unchanged}, "
            "ditolak {rejected}",
        ).format(
            added=number(result.added),
            updated=number(result.updated),
            unchanged=number(result.unchanged),
            rejected=number(len(result.rejected)),
        )
        + "\n"
    )
    if result.rejected:
        for problem in result.rejected[:SHOWN_ROWS]:
            err.write(
                translate("Cli", "baris {row}: {reason}").format(
                    row=problem.row, reason=finding(problem.finding)
                )
                + "\n"
            )
        if len(result.rejected) > SHOWN_ROWS:
            more = number(len(result.rejected) - SHOWN_ROWS)
            err.write(translate("Cli", "… dan {count} baris lain").format(count=more) + "\n")
        err.write(
            translate("Cli", "{count} baris ditolak; perbaiki lalu impor lagi.").format(
                count=number(len(result.rejected))
            )
            + "\n"
        )
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
        translate(
            "Cli",
            "Data contoh kabupaten {regency} tahun {year}: {workers} peserta, {regions} wilayah, "
            "{targets} target, {claims} klaim ({steps} langkah, {heirs} ahli waris, "
            "{documents} dokumen) dalam {seconds} detik",
        ).format(
            regency=result.regency_code,
            year=result.year,
            workers=number(result.workers),
            regions=number(result.regions),
            targets=number(result.targets),
            claims=number(result.claims),
            steps=number(result.claim_events),
            heirs=number(result.heirs),
            documents=number(result.documents),
            seconds=decimal(seconds, 1),
        )
        + "\n"
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

        lines = (
            (translate("Cli", "Provinsi"), named(info.province_code, report.province_name)),
            (translate("Cli", "Kabupaten/Kota"), named(info.regency_code, report.regency_name)),
            (translate("Cli", "Kecamatan"), named(info.district_code, report.district_name)),
            (translate("Cli", "Tanggal lahir"), long_date(info.birth_date)),
            (translate("Cli", "Jenis kelamin"), translate("Sex", info.sex.label)),
            (translate("Cli", "Nomor urut"), f"{info.serial:04d}"),
        )
        _write_fields(out, lines)
    for item in check.errors:
        err.write(translate("Cli", "galat: {message}").format(message=finding(item)) + "\n")
    for item in check.warnings:
        err.write(translate("Cli", "peringatan: {message}").format(message=finding(item)) + "\n")
    if check.errors:
        return EXIT_UNUSABLE
    if check.warnings:
        err.write(
            translate("Cli", "{count} peringatan perlu diperiksa.").format(
                count=number(len(check.warnings))
            )
            + "\n"
        )
        return EXIT_ATTENTION
    return EXIT_OK


def _write_fields(out: TextIO, lines: tuple[tuple[str, str], ...]) -> None:
    """Write "name : value" lines with the names padded to one width."""
    width = max(len(name) for name, _ in lines)
    for name, value in lines:
        out.write(f"{name:<{width}} : {value}\n")


def _table_label(name: str) -> str:
    """The name people know a table by (the raw name when unknown)."""
    label = TABLE_LABELS.get(name)
    return translate("Table", label) if label else name


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
            translate(
                "Cli",
                "dihapus dari laptop ini: {name} (desanya di kecamatan lain); "
                "daftarkan lagi di kecamatan yang benar",
            ).format(name=name)
            + "\n"
        )
    names = {
        "db": translate("Cli", "Basis data"),
        "schema": translate("Cli", "Skema"),
        "sqlite": "SQLite",
        "access": translate("Cli", "Akses"),
        "state": translate("Cli", "Keadaan"),
    }
    width = max(len(name) for name in names.values())

    def field(key: str, value: str) -> None:
        out.write(f"{names[key]:<{width}} : {value}\n")

    field("db", str(services.path))
    field(
        "schema",
        translate("Cli", "{revision} (terbaru {head})").format(
            revision=report.schema_revision, head=report.schema_head
        ),
    )
    field(
        "sqlite",
        translate("Cli", "{version}, jurnal {mode}").format(
            version=report.sqlite_version, mode=report.journal_mode
        ),
    )
    if report.read_only is not None:
        reason = finding(report.read_only)
        field("access", translate("Cli", "hanya-baca. {reason}").format(reason=reason))
    known = [name for name in TABLE_LABELS if name in report.counts]
    tables = known + sorted(name for name in report.counts if name not in TABLE_LABELS)
    labels = {name: _table_label(name) for name in tables}
    label_width = max((len(label) for label in labels.values()), default=0)
    for name in tables:
        out.write(f"  {labels[name]:<{label_width}}  {number(report.counts[name]):>10}\n")
    for notice in report.notices:
        err.write(translate("Cli", "perhatian: {message}").format(message=finding(notice)) + "\n")
    if report.sound:
        field("state", translate("Cli", "baik"))
        return EXIT_ATTENTION if report.notices else EXIT_OK
    for problem in report.problems:
        err.write(translate("Cli", "masalah: {message}").format(message=finding(problem)) + "\n")
    err.write(
        translate("Cli", "{count} masalah ditemukan.").format(count=number(len(report.problems)))
        + "\n"
    )
    return EXIT_ATTENTION


def cmd_settings(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List the settings, or set one (KEY VALUE)."""
    services = open_services(args)
    try:
        actor = services.office.local_actor()
        if args.key is not None and args.value is None:
            raise UsageError(
                translate(
                    "Cli", "nilai untuk {key} belum diberikan; tulis: settings KUNCI NILAI"
                ).format(key=args.key)
            )
        if args.key is not None:
            value = services.office.set_setting(actor, args.key, args.value)
            out.write(f"{args.key} = {value}\n")
            return EXIT_OK
        default_note = translate("Cli", "(bawaan)")
        for setting, value, default in services.office.known_settings(actor):
            note = f" {default_note}" if default else ""
            label = translate("Setting", setting.label)
            out.write(f"{setting.key} = {value}{note}\t{label}\n")
    finally:
        services.close()
    return EXIT_OK
