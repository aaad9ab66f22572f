"""The headless commands: parse, call one service, print.

Exit codes are a contract for every command:
0 done; 1 done, but some items were rejected or need attention (count on stderr);
2 unusable input or usage (one line in Bahasa Indonesia on stderr, no traceback);
3 an internal error (a bug: details in the log file named on stderr);
130 cancelled with Ctrl+C (nothing was written).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO

from desktop import __version__
from desktop.domain.categories import Sex, parse_sex
from desktop.domain.dates import long_date
from desktop.domain.findings import DomainError
from desktop.services.paths import default_db_path

EXIT_OK = 0
EXIT_ATTENTION = 1
EXIT_UNUSABLE = 2
EXIT_INTERNAL = 3
EXIT_CANCELLED = 130

log = logging.getLogger("desktop.cli")


class UsageError(Exception):
    """Bad command-line usage; the message is shown as is."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Indonesian with exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}. Lihat: python -m desktop {self._sub_hint()}--help")

    def _sub_hint(self) -> str:
        words = self.prog.split()[3:] if self.prog.startswith("python -m desktop") else []
        return " ".join(words) + " " if words else ""


def _add_db(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # Sub-commands must not reset a --db given before the command name.
    parser.add_argument(
        "--db",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        metavar="PATH",
        help="berkas basis data (bawaan: $SIGAP_DB atau sigap.db di folder data pengguna)",
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every command."""
    parser = _Parser(
        prog="python -m desktop",
        description="Sigap: data peserta, klaim dan surat jaminan sosial ketenagakerjaan "
        "kabupaten. Tanpa perintah: membuka aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"Sigap {__version__}")
    _add_db(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=_Parser)

    init = commands.add_parser("init", help="siapkan basis data untuk kantor kabupaten/kecamatan")
    _add_db(init)
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
        dest="regions_command", metavar="PERINTAH", parser_class=_Parser, required=True
    )
    regions_import = region_commands.add_parser(
        "import", help="impor daftar wilayah CSV/XLSX dengan kolom kode dan nama"
    )
    _add_db(regions_import)
    regions_import.add_argument("file", type=Path, metavar="BERKAS")

    demo = commands.add_parser("demo", help="isi basis data kosong dengan data contoh")
    _add_db(demo)
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
    _add_db(nik)
    nik.add_argument("number", metavar="NIK")
    nik.add_argument(
        "--birth-date",
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="tanggal lahir di data, untuk dibandingkan",
    )
    nik.add_argument(
        "--sex",
        type=_sex,
        default=None,
        metavar="L|P",
        help="jenis kelamin di data, untuk dibandingkan",
    )

    roster = commands.add_parser("roster", help="data peserta")
    roster_commands = roster.add_subparsers(
        dest="roster_command", metavar="PERINTAH", parser_class=_Parser, required=True
    )
    search = roster_commands.add_parser(
        "search", help="cari peserta menurut NIK (atau awalannya) atau nama"
    )
    _add_db(search)
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
    _add_db(roster_import)
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
    _add_db(export)
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

    check = commands.add_parser("check", help="periksa keutuhan basis data")
    _add_db(check)

    sync = commands.add_parser("sync", help="sinkronisasi antarkantor lewat paket flashdisk")
    _add_db(sync)
    sync_commands = sync.add_subparsers(dest="sync_command", required=True, metavar="PERINTAH")
    enroll = sync_commands.add_parser(
        "enroll", help="(kabupaten) daftarkan kecamatan; mencetak kode sekali pakai"
    )
    _add_db(enroll)
    enroll.add_argument("--kecamatan", required=True, metavar="KODE")
    enroll.add_argument("--out", required=True, type=Path, metavar="BERKAS")
    enroll.add_argument("--name", default=None, metavar="TEKS", help="nama kantor kecamatan")
    join = sync_commands.add_parser(
        "join", help="(laptop kecamatan) bergabung memakai berkas pendaftaran"
    )
    _add_db(join)
    join.add_argument("file", type=Path, metavar="BERKAS")
    join.add_argument("--code", required=True, metavar="KODE")
    sync_export = sync_commands.add_parser("export", help="tulis paket ke flashdisk/folder")
    _add_db(sync_export)
    sync_export.add_argument("--to", required=True, type=Path, metavar="FOLDER")
    sync_export.add_argument(
        "--device", default=None, metavar="ID", help="(kabupaten) hanya untuk perangkat ini"
    )
    sync_import = sync_commands.add_parser("import", help="impor paket dari kantor lain")
    _add_db(sync_import)
    sync_import.add_argument("file", type=Path, metavar="BERKAS")
    sync_import.add_argument(
        "--preview", action="store_true", help="hanya tampilkan ringkasan, jangan terapkan"
    )
    sync_status = sync_commands.add_parser("status", help="keadaan sinkronisasi dan perangkat")
    _add_db(sync_status)
    sync_conflicts = sync_commands.add_parser("conflicts", help="daftar konflik yang menunggu")
    _add_db(sync_conflicts)
    revoke = sync_commands.add_parser("revoke", help="(kabupaten) cabut perangkat kecamatan")
    _add_db(revoke)
    revoke.add_argument("device", metavar="ID")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"tanggal {text!r} tidak sah; tulis sebagai TAHUN-BULAN-TANGGAL, mis. 1980-09-02"
        ) from exc


def _sex(text: str) -> Sex:
    sex = parse_sex(text)
    if sex is None:
        raise argparse.ArgumentTypeError(f"jenis kelamin {text!r} tidak dikenal; pakai L atau P")
    return sex


# ---- running --------------------------------------------------------------------------------


class TextProgress:
    """A one-line progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._enabled = stream.isatty()
        self._last = 0.0
        self._stage = ""

    def __call__(self, done: int, total: int, stage: str) -> None:
        if not self._enabled:
            return
        now = time.monotonic()
        if stage == self._stage and now - self._last < 0.2 and done < total:
            return
        if stage != self._stage and self._stage:
            self._stream.write("\n")
        self._stage, self._last = stage, now
        if total > 0:
            width = 30
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            self._stream.write(f"\r{stage} [{bar}] {done:,}/{total:,}".replace(",", "."))
        else:
            self._stream.write(f"\r{stage} …")
        self._stream.flush()

    def finish(self) -> None:
        """End the line."""
        if self._enabled and self._stage:
            self._stream.write("\n")
            self._stream.flush()


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _db_path(args: argparse.Namespace) -> Path:
    return Path(args.db) if args.db is not None else default_db_path()


def _open(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    from desktop.services.app import AppServices

    return AppServices.open(_db_path(args), create=create)


def cmd_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Set up a database for an office."""
    from desktop.services.office import OfficeKind

    services = _open(args, create=True)
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
    services = _open(args)
    progress = TextProgress(err)
    try:
        actor = services.office.local_actor()
        result = services.regions.import_file(args.file, actor=actor, progress=progress)
    finally:
        progress.finish()
        services.close()
    out.write(
        f"ditambah {_number(result.added)}, diperbarui {_number(result.updated)}, "
        f"tetap {_number(result.unchanged)}, ditolak {_number(len(result.rejected))}\n"
    )
    if result.rejected:
        for problem in result.rejected[:20]:
            err.write(f"baris {problem.row}: {problem.finding.message}\n")
        if len(result.rejected) > 20:
            err.write(f"… dan {_number(len(result.rejected) - 20)} baris lain\n")
        err.write(f"{_number(len(result.rejected))} baris ditolak; perbaiki lalu impor lagi.\n")
        return EXIT_ATTENTION
    return EXIT_OK


def cmd_demo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Generate demo data."""
    services = _open(args, create=True)
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
        f"{_number(result.workers)} peserta, {_number(result.regions)} wilayah, "
        f"{_number(result.targets)} target, {_number(result.claims)} klaim "
        f"({_number(result.claim_events)} langkah, {_number(result.heirs)} ahli waris, "
        f"{_number(result.documents)} dokumen) dalam {seconds:.1f} detik\n"
    )
    return EXIT_OK


def cmd_nik(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Say what a NIK means."""
    from desktop.services.identity import describe_nik

    services = _open(args) if args.db is not None else None
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
    services = _open(args)
    try:
        report = services.health.check()
    finally:
        services.close()
    out.write(f"Basis data    : {services.path}\n")
    out.write(f"Skema         : {report.schema_revision} (terbaru {report.schema_head})\n")
    out.write(f"SQLite        : {report.sqlite_version}, jurnal {report.journal_mode}\n")
    for table, count in report.counts.items():
        out.write(f"  {table:<16}{_number(count):>14}\n")
    if report.sound:
        out.write("Keadaan       : baik\n")
        return EXIT_OK
    for problem in report.problems:
        err.write(f"masalah: {problem.message}\n")
    err.write(f"{len(report.problems)} masalah ditemukan.\n")
    return EXIT_ATTENTION


def cmd_roster_search(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the workers matching a NIK prefix or name words, one per line."""
    from desktop.domain.identifiers import mask_kpj
    from desktop.services.roster import RosterFilter

    if args.limit < 0:
        raise UsageError("--limit tidak boleh negatif")
    services = _open(args)
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
            f"{_number(len(rows))} dari {_number(len(ids))} peserta ditampilkan; "
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
    services = _open(args)
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
        err.write(f"{_number(result.skipped)} NIK yang sudah ada dilewati.\n")
    if not result.rejected:
        return EXIT_OK
    for verdict in result.rejected[:20]:
        reasons = "; ".join(f.message for f in verdict.errors)
        err.write(f"baris {verdict.row}: {reasons}\n")
    if len(result.rejected) > 20:
        err.write(f"… dan {_number(len(result.rejected) - 20)} baris lain\n")
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
    err.write(f"{_number(len(result.rejected))} baris ditolak; perbaiki lalu impor lagi.\n")
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
    services = _open(args)
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
    out.write(f"{_number(result.rows)} peserta diekspor ke {result.path} (nomor KPJ {kind})\n")
    return EXIT_OK


def _sync(args: argparse.Namespace, *, create: bool = False):  # type: ignore[no-untyped-def]
    from desktop.services.sync import SyncService

    services = _open(args, create=create)
    return services, SyncService(services.database.engine, services.path)


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
        f"{info.device_short}; diterima {_number(s.new_rows)} data baru dari {result.sender_name}\n"
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
            f"untuk {result.peer_name}: {_number(result.changes)} perubahan, "
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
        f"paket dari {result.sender_name} ({verb} diterapkan): baru {_number(s.new_rows)}, "
        f"berubah {_number(s.changed_rows)}, tetap {_number(s.unchanged_rows)}, "
        f"konflik {_number(s.conflicts)}, kemungkinan ganda {_number(s.duplicates)}\n"
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
        f"sidik kunci {status.fingerprint}\n"
    )
    out.write(
        f"perubahan lokal {_number(status.device_seq)}; konflik terbuka {status.open_conflicts}; "
        f"kemungkinan ganda {status.open_duplicates}\n"
    )
    for device in status.devices:
        state = "dicabut" if device.revoked_at else ("aktif" if device.pinned else "menunggu paket")
        last = device.last_bundle_at.strftime("%Y-%m-%d %H:%M") if device.last_bundle_at else "-"
        out.write(
            f"{device.device_id[-8:]}  {device.region_code:<10} {device.name}  [{state}]  "
            f"paket terakhir {last}; tertinggal {_number(device.behind)} perubahan\n"
        )
    return EXIT_OK


def cmd_sync_conflicts(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """List open conflicts; exit 1 when there are any."""
    services, sync = _sync(args)
    try:
        conflicts = sync.conflicts(services.office.local_actor())
    finally:
        services.close()
    for c in conflicts:
        out.write(
            f"{c.id[-8:]}  {c.row_label} · {c.field}: terpakai {c.winner.value!r} "
            f"({c.winner.device_name}), lain {c.loser.value!r} ({c.loser.device_name})\n"
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


Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


def _handler(args: argparse.Namespace) -> Handler:
    if args.command == "regions":
        return cmd_regions_import
    if args.command == "roster":
        return {
            "search": cmd_roster_search,
            "import": cmd_roster_import,
            "export": cmd_roster_export,
        }[args.roster_command]
    if args.command == "sync":
        return {
            "enroll": cmd_sync_enroll,
            "join": cmd_sync_join,
            "export": cmd_sync_export,
            "import": cmd_sync_import,
            "status": cmd_sync_status,
            "conflicts": cmd_sync_conflicts,
            "revoke": cmd_sync_revoke,
        }[args.sync_command]
    handlers: dict[str, Handler] = {
        "init": cmd_init,
        "demo": cmd_demo,
        "nik": cmd_nik,
        "check": cmd_check,
    }
    return handlers[args.command]


def _log_file() -> Path:
    from platformdirs import user_log_dir

    folder = Path(user_log_dir("Sigap", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "sigap-cli.log"


def run(
    argv: Sequence[str],
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    gui: Callable[[Path | None], int] | None = None,
) -> int:
    """Run one command; return its exit code (never raises for bad input).

    Without a command, *gui* opens the window on ``--db`` (or the default database).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
        if args.command is None:
            if gui is None:
                raise UsageError("tidak ada perintah. Lihat: python -m desktop --help")
            return gui(args.db)
        return _handler(args)(args, out, err)
    except UsageError as exc:
        err.write(f"sigap: {exc}\n")
        return EXIT_UNUSABLE
    except DomainError as exc:
        err.write(f"sigap: {exc.finding.message}\n")
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        err.write("\nsigap: dibatalkan; tidak ada data yang diubah.\n")
        return EXIT_CANCELLED
    except Exception:
        try:
            path = _log_file()
            with path.open("a", encoding="utf-8") as fh:
                fh.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(argv[:2])}\n")
                fh.write(traceback.format_exc())
            where = f" Rincian dicatat di {path}."
        except OSError:
            where = ""
        err.write(f"sigap: terjadi kesalahan di dalam aplikasi.{where} Laporkan ke pengembang.\n")
        return EXIT_INTERNAL
