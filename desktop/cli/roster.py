"""The roster commands: search, import, export."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TextIO

from desktop.cli.common import (
    EXIT_ATTENTION,
    EXIT_OK,
    Parser,
    TextProgress,
    UsageError,
    add_db,
    number,
    open_services,
)


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add these commands to the top-level parser."""
    roster = commands.add_parser("roster", help="data peserta")
    roster_commands = roster.add_subparsers(
        dest="roster_command", metavar="PERINTAH", parser_class=Parser, required=True
    )
    search = roster_commands.add_parser(
        "search", help="cari peserta menurut NIK (atau awalannya) atau nama"
    )
    add_db(search)
    search.add_argument("text", metavar="TEKS")
    search.add_argument(
        "--limit",
        type=int,
        default=50,
        metavar="N",
        help="paling banyak N baris (bawaan 50; 0 = semua)",
    )

    roster_import = roster_commands.add_parser(
        "import", help="impor peserta dari berkas XLSX, XLS, ODS atau CSV"
    )
    add_db(roster_import)
    roster_import.add_argument("file", type=Path, metavar="BERKAS")
    existing = roster_import.add_mutually_exclusive_group()
    existing.add_argument(
        "--update", action="store_true", help="NIK yang sudah ada diperbarui (bawaan)"
    )
    existing.add_argument(
        "--skip-existing", action="store_true", help="NIK yang sudah ada dilewati"
    )
    roster_import.add_argument(
        "--category",
        default=None,
        metavar="KATEGORI",
        help="kategori untuk semua baris, mis. rt_rw",
    )
    roster_import.add_argument(
        "--errors",
        type=Path,
        default=None,
        metavar="LAPORAN.xlsx",
        help="tulis baris yang ditolak beserta alasannya ke berkas ini",
    )

    export = roster_commands.add_parser(
        "export", help="ekspor peserta (tersaring) ke berkas XLSX atau CSV"
    )
    add_db(export)
    export.add_argument(
        "--out", type=Path, required=True, metavar="BERKAS", help="berkas tujuan .xlsx atau .csv"
    )
    export.add_argument("--kecamatan", default=None, metavar="KODE")
    export.add_argument("--desa", default=None, metavar="KODE")
    export.add_argument(
        "--category",
        default=None,
        metavar="KATEGORI",
        help="mis. rt_rw, perangkat_desa, pekerja_rentan",
    )
    export.add_argument("--status", default=None, choices=("aktif", "nonaktif", "meninggal"))
    export.add_argument(
        "--full", action="store_true", help="nomor KPJ lengkap (perlu hak melihat nomor lengkap)"
    )

    search.set_defaults(handler=cmd_roster_search)
    roster_import.set_defaults(handler=cmd_roster_import)
    export.set_defaults(handler=cmd_roster_export)


def cmd_roster_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the workers matching a NIK prefix or name words, one per line."""
    from desktop.domain.identifiers import mask_kpj
    from desktop.services.roster import RosterFilter

    if args.limit < 0:
        raise UsageError("--limit tidak boleh negatif")
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
            f"{number(len(rows))} dari {number(len(ids))} peserta ditampilkan; "
            "pakai --limit 0 untuk semua.\n"
        )
    elif not rows:
        err.write("Tidak ada peserta yang cocok.\n")
    return EXIT_OK


def _check_report_path(path: Path) -> None:
    """Refuse an error-report path that cannot be written, before anything is imported."""
    if path.suffix.lower() != ".xlsx":
        raise UsageError("--errors harus berkas .xlsx")
    folder = path.parent
    if path.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK):
        raise UsageError(
            f"--errors: folder {folder} tidak ada atau tidak dapat ditulisi. "
            "Pilih folder lain untuk laporan baris yang ditolak."
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise UsageError(f"--errors: berkas {path} tidak dapat ditimpa. Pilih nama lain.")


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
    out.write(result.summary() + "\n")
    if result.skipped:
        err.write(f"{number(result.skipped)} NIK yang sudah ada dilewati.\n")
    warned = result.warned
    for verdict in warned[:20]:
        notes = "; ".join(f.message for f in verdict.findings)
        err.write(f"baris {verdict.row} (diimpor, periksa): {notes}\n")
    if len(warned) > 20:
        err.write(f"… dan {number(len(warned) - 20)} baris lain dengan peringatan\n")
    if warned:
        err.write(f"{number(len(warned))} baris diimpor dengan peringatan; periksa datanya.\n")
    if not result.rejected:
        return EXIT_OK
    for verdict in result.rejected[:20]:
        reasons = "; ".join(f.message for f in verdict.errors)
        err.write(f"baris {verdict.row}: {reasons}\n")
    if len(result.rejected) > 20:
        err.write(f"… dan {number(len(result.rejected) - 20)} baris lain\n")
    if args.errors is not None:
        try:
            write_error_report(args.errors, result.header, result.rejected)
        except OSError as exc:  # checked before the import, but a disk can still fill up
            err.write(
                f"Laporan baris yang ditolak tidak dapat ditulis ke {args.errors} "
                f"({exc.strerror or exc}). Data sudah diimpor; jalankan impor lagi dengan "
                "--errors ke folder lain untuk mendapat laporannya.\n"
            )
        else:
            err.write(f"Laporan baris yang ditolak: {args.errors}\n")
    err.write(f"{number(len(result.rejected))} baris ditolak; perbaiki lalu impor lagi.\n")
    return EXIT_ATTENTION


def cmd_roster_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Export the filtered roster."""
    from desktop.domain.categories import Category
    from desktop.domain.regions import RegionCode
    from desktop.services.roster import RosterFilter

    if args.category is not None and args.category not in {c.value for c in Category}:
        raise UsageError(
            f"kategori {args.category!r} tidak dikenal; pilih salah satu: "
            + ", ".join(c.value for c in Category)
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
    kind = "lengkap" if result.full_numbers else "disamarkan"
    out.write(f"{number(result.rows)} peserta diekspor ke {result.path} (nomor KPJ {kind})\n")
    return EXIT_OK
