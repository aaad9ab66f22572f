"""The roster commands: search, import, export."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TextIO

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
    whole_number,
)
from desktop.cli.words import finding, translate

# Rows listed on the terminal before "… dan N baris lain".
SHOWN_ROWS = 20


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add these commands to the top-level parser."""
    file = translate("CliHelp", "BERKAS")
    category_metavar = translate("CliHelp", "KATEGORI")
    roster = add_command(commands, "roster", translate("CliHelp", "data peserta"))
    roster_commands = add_subcommands(roster, "roster_command")
    search = add_command(
        roster_commands,
        "search",
        translate("CliHelp", "cari peserta menurut NIK (atau awalannya) atau nama"),
        translate(
            "CliHelp",
            "Cari peserta menurut NIK (atau awalannya) atau nama; satu peserta per baris, "
            "dipisah tab, nomor KPJ disamarkan.",
        ),
    )
    add_db(search)
    search.add_argument(
        "text",
        metavar=translate("CliHelp", "TEKS"),
        help=translate("CliHelp", "angka NIK (boleh sebagian awal) atau kata dari nama"),
    )
    search.add_argument(
        "--limit",
        type=whole_number,
        default=50,
        metavar="N",
        help=translate("CliHelp", "paling banyak N baris (bawaan: 50; 0 = semua)"),
    )

    roster_import = add_command(
        roster_commands,
        "import",
        translate("CliHelp", "impor peserta dari berkas XLSX, XLS, ODS atau CSV"),
        translate(
            "CliHelp",
            "Impor peserta dari berkas XLSX, XLS, ODS atau CSV. Baris yang sah disimpan, "
            "baris yang ditolak didaftar dengan nomor baris dan alasannya.",
        ),
    )
    add_db(roster_import)
    roster_import.add_argument(
        "file",
        type=Path,
        metavar=file,
        help=translate("CliHelp", "berkas peserta yang diimpor"),
    )
    existing = roster_import.add_mutually_exclusive_group()
    existing.add_argument(
        "--update",
        action="store_true",
        help=translate("CliHelp", "NIK yang sudah ada diperbarui (bawaan)"),
    )
    existing.add_argument(
        "--skip-existing",
        action="store_true",
        help=translate("CliHelp", "NIK yang sudah ada dilewati"),
    )
    roster_import.add_argument(
        "--category",
        default=None,
        metavar=category_metavar,
        help=translate("CliHelp", "kategori untuk semua baris, mis. rt_rw"),
    )
    roster_import.add_argument(
        "--errors",
        type=Path,
        default=None,
        metavar=translate("CliHelp", "LAPORAN.xlsx"),
        help=translate("CliHelp", "tulis baris yang ditolak beserta alasannya ke berkas ini"),
    )

    export = add_command(
        roster_commands,
        "export",
        translate("CliHelp", "ekspor peserta (tersaring) ke berkas XLSX atau CSV"),
    )
    add_db(export)
    export.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar=file,
        help=translate("CliHelp", "berkas tujuan .xlsx atau .csv"),
    )
    export.add_argument(
        "--kecamatan",
        default=None,
        metavar=translate("CliHelp", "KODE"),
        help=translate("CliHelp", "hanya peserta kecamatan ini, mis. 16.02.05"),
    )
    export.add_argument(
        "--desa",
        default=None,
        metavar=translate("CliHelp", "KODE"),
        help=translate("CliHelp", "hanya peserta desa ini, mis. 16.02.05.2001"),
    )
    export.add_argument(
        "--category",
        default=None,
        metavar=category_metavar,
        help=translate("CliHelp", "hanya kategori ini, mis. rt_rw, perangkat_desa, pekerja_rentan"),
    )
    export.add_argument(
        "--status",
        default=None,
        choices=("aktif", "nonaktif", "meninggal"),
        help=translate("CliHelp", "hanya peserta dengan status ini"),
    )
    export.add_argument(
        "--full",
        action="store_true",
        help=translate("CliHelp", "nomor KPJ lengkap (perlu hak melihat nomor lengkap)"),
    )

    search.set_defaults(handler=cmd_roster_search)
    roster_import.set_defaults(handler=cmd_roster_import)
    export.set_defaults(handler=cmd_roster_export)


def cmd_roster_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the workers matching a NIK prefix or name words, one per line."""
    from desktop.domain.identifiers import mask_kpj
    from desktop.services.roster import RosterFilter

    if args.limit < 0:
        raise UsageError(translate("Cli", "--limit tidak boleh negatif"))
    services = open_services(args)
    try:
        services.office.require_info()
        flt = RosterFilter(text=args.text)
        ids = services.roster.matching_ids(flt)
        shown = ids if args.limit == 0 else ids[: args.limit]
        rows = services.roster.rows(shown)
    finally:
        services.close()
    for row in rows:
        fields = (
            row.nik,
            row.name,
            row.sex,
            row.birth_date.isoformat(),
            row.village_name or row.village_code,
            row.district_name or row.district_code,
            row.category,
            row.status,
            mask_kpj(row.kpj) if row.kpj else "-",
        )
        out.write("\t".join(fields) + "\n")
    if len(ids) > len(rows):
        err.write(
            translate(
                "Cli", "{shown} dari {total} peserta ditampilkan; pakai --limit 0 untuk semua."
            ).format(shown=number(len(rows)), total=number(len(ids)))
            + "\n"
        )
    elif not rows:
        err.write(translate("Cli", "Tidak ada peserta yang cocok.") + "\n")
    return EXIT_OK


def _check_report_path(path: Path) -> None:
    """Refuse an error-report path that cannot be written, before anything is imported."""
    if path.suffix.lower() != ".xlsx":
        raise UsageError(translate("Cli", "--errors harus berkas .xlsx"))
    folder = path.parent
    if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise UsageError(
            translate(
                "Cli",
                "--errors: folder {folder} tidak ada atau tidak dapat ditulisi. "
                "Pilih folder lain untuk laporan baris yang ditolak.",
            ).format(folder=folder)
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise UsageError(
            translate(
                "Cli", "--errors: berkas {path} tidak dapat ditimpa. Pilih nama lain."
            ).format(path=path)
        )


def cmd_roster_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Import workers from a spreadsheet; rejected rows are listed and can be reported."""
    from desktop.services.roster_import import RosterImportService
    from desktop.spreadsheets.report import write_error_report

    if args.errors is not None:
        _check_report_path(args.errors)
    services = open_services(args)
    progress = TextProgress(err)
    try:
        actor = services.office.local_actor()
        importer = RosterImportService(services.database.engine)
        # From the file itself (no separate preview): rows are judged while earlier ones
        # are written.
        result = importer.run(
            args.file,
            actor=actor,
            existing="skip" if args.skip_existing else "update",
            category=args.category,
            progress=progress,
        )
    finally:
        progress.finish()
        services.close()
    out.write(
        translate(
            "Cli",
            "ditambahkan {added}, diperbarui {updated}, tidak berubah {unchanged}, "
            "ditolak {rejected}",
        ).format(
            added=number(result.imported),
            updated=number(result.updated),
            unchanged=number(result.unchanged),
            rejected=number(len(result.rejected)),
        )
        + "\n"
    )
    if result.skipped:
        err.write(
            translate("Cli", "{count} NIK yang sudah ada dilewati.").format(
                count=number(result.skipped)
            )
            + "\n"
        )
    warned = result.warned
    for verdict in warned[:SHOWN_ROWS]:
        notes = "; ".join(finding(f) for f in verdict.findings)
        err.write(
            translate("Cli", "baris {row} (diimpor, periksa): {notes}").format(
                row=verdict.row, notes=notes
            )
            + "\n"
        )
    if len(warned) > SHOWN_ROWS:
        err.write(
            translate("Cli", "… dan {count} baris lain dengan peringatan").format(
                count=number(len(warned) - SHOWN_ROWS)
            )
            + "\n"
        )
    if warned:
        err.write(
            translate("Cli", "{count} baris diimpor dengan peringatan; periksa datanya.").format(
                count=number(len(warned))
            )
            + "\n"
        )
    if not result.rejected:
        return EXIT_OK
    for verdict in result.rejected[:SHOWN_ROWS]:
        reasons = "; ".join(finding(f) for f in verdict.errors)
        err.write(
            translate("Cli", "baris {row}: {reason}").format(row=verdict.row, reason=reasons) + "\n"
        )
    if len(result.rejected) > SHOWN_ROWS:
        more = number(len(result.rejected) - SHOWN_ROWS)
        err.write(translate("Cli", "… dan {count} baris lain").format(count=more) + "\n")
    if args.errors is not None:
        try:
            write_error_report(args.errors, result.header, result.rejected)
        except OSError as exc:  # checked before the import, but a disk can still fill up
            err.write(
                translate(
                    "Cli",
                    "Laporan baris yang ditolak tidak dapat ditulis ke {path} ({reason}). Data "
                    "sudah diimpor; jalankan impor lagi dengan --errors ke folder lain untuk "
                    "mendapat laporannya.",
                ).format(path=args.errors, reason=exc.strerror or exc)
                + "\n"
            )
        else:
            err.write(
                translate("Cli", "Laporan baris yang ditolak: {path}").format(path=args.errors)
                + "\n"
            )
    err.write(
        translate("Cli", "{count} baris ditolak; perbaiki lalu impor lagi.").format(
            count=number(len(result.rejected))
        )
        + "\n"
    )
    return EXIT_ATTENTION


def cmd_roster_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export the filtered roster."""
    from desktop.domain.categories import Category
    from desktop.domain.regions import RegionCode
    from desktop.services.roster import RosterFilter

    if args.category is not None and args.category not in {c.value for c in Category}:
        raise UsageError(
            translate("Cli", "kategori {text} tidak dikenal; pilih salah satu: {choices}").format(
                text=repr(args.category), choices=", ".join(c.value for c in Category)
            )
        )
    district = RegionCode.parse(args.kecamatan).dotted if args.kecamatan else None
    village = RegionCode.parse(args.desa).dotted if args.desa else None
    services = open_services(args)
    progress = TextProgress(err)
    try:
        actor = services.office.local_actor()
        result = services.roster.export(
            RosterFilter(
                district_code=district,
                village_code=village,
                category=args.category,
                status=args.status,
            ),
            args.out,
            actor=actor,
            full_numbers=args.full,
            progress=progress,
        )
    finally:
        progress.finish()
        services.close()
    if result.full_numbers:
        text = translate("Cli", "{count} peserta diekspor ke {path} (nomor KPJ lengkap)")
    else:
        text = translate("Cli", "{count} peserta diekspor ke {path} (nomor KPJ disamarkan)")
    out.write(text.format(count=number(result.rows), path=result.path) + "\n")
    return EXIT_OK
