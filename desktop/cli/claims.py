"""The claims commands: list, show, new, set, step, doc, heir (their parsers; the commands are
in :mod:`desktop.cli.claims_read` and :mod:`desktop.cli.claims_write`).

Every command acts as the office's own user (``office.local_actor``) through the claim
service (``AppServices.claims``). A claim is named by its id or a unique prefix of it
(:func:`desktop.cli.claims_read.resolve_claim`). NIKs are masked everywhere; bank accounts
unless ``show --full`` is asked by a user allowed to see them. What the rules refuse exits
2 with their reason; a claim left with a new review flag ("perlu diperiksa") exits 1 with
the flags on stderr.
"""

from __future__ import annotations

import argparse

from desktop.cli.claims_read import cmd_claims_list, cmd_claims_show
from desktop.cli.claims_write import (
    cmd_claims_doc,
    cmd_claims_heir,
    cmd_claims_new,
    cmd_claims_set,
    cmd_claims_step,
)
from desktop.cli.common import add_command, add_db, add_subcommands, iso_date, whole_number
from desktop.cli.words import translate
from desktop.domain.benefits import SchoolLevel
from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.documents import DocumentItem
from desktop.domain.heirs import Relationship

Choices = type[ClaimKind | ClaimStatus | DocumentItem | Relationship | SchoolLevel]


def _values(enum: Choices) -> list[str]:
    return [member.value for member in enum]


def add_parsers(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add these commands to the top-level parser."""
    claim_id = translate("CliHelp", "KLAIM")
    claim_id_help = translate(
        "CliHelp", "nomor klaim dari claims list (cukup beberapa huruf awalnya yang unik)"
    )
    date_metavar = translate("CliHelp", "TAHUN-BULAN-TANGGAL")
    text = translate("CliHelp", "TEKS")
    claims = add_command(
        commands,
        "claims",
        translate("CliHelp", "klaim JKM, JKK dan santunan kematian"),
    )
    add_db(claims)
    claim_commands = add_subcommands(claims, "claims_command")

    listing = add_command(
        claim_commands,
        "list",
        translate("CliHelp", "daftar klaim, tenggat terdekat lebih dulu"),
        translate(
            "CliHelp",
            "Daftar klaim, tenggat terdekat lebih dulu; satu klaim per baris, dipisah tab: "
            "nomor klaim, jenis, nama, status, sisa hari (negatif bila terlambat, - bila tidak "
            "ada tenggat yang berjalan), desa, tanda perlu diperiksa.",
        ),
    )
    add_db(listing)
    listing.add_argument(
        "--state",
        action="append",
        choices=_values(ClaimStatus),
        default=None,
        metavar=translate("CliHelp", "STATUS"),
        help=translate(
            "CliHelp",
            "hanya klaim berstatus ini (boleh diulang): {choices}",
        ).format(choices=", ".join(_values(ClaimStatus))),
    )
    listing.add_argument(
        "--kind",
        action="append",
        choices=_values(ClaimKind),
        default=None,
        metavar=translate("CliHelp", "JENIS"),
        help=translate("CliHelp", "hanya klaim jenis ini (boleh diulang): {choices}").format(
            choices=", ".join(_values(ClaimKind))
        ),
    )
    listing.add_argument(
        "--kecamatan",
        default=None,
        metavar=translate("CliHelp", "KODE"),
        help=translate("CliHelp", "hanya klaim warga kecamatan ini, mis. 16.02.05"),
    )
    clock = listing.add_mutually_exclusive_group()
    clock.add_argument(
        "--overdue",
        action="store_true",
        help=translate("CliHelp", "hanya klaim yang sudah melewati tenggatnya"),
    )
    clock.add_argument(
        "--due-within",
        type=whole_number,
        default=None,
        metavar="N",
        help=translate("CliHelp", "hanya klaim yang tenggatnya dalam N hari (belum terlambat)"),
    )
    listing.add_argument(
        "--flagged",
        action="store_true",
        help=translate("CliHelp", "hanya klaim yang perlu diperiksa (ada tanda terbuka)"),
    )

    show = add_command(
        claim_commands,
        "show",
        translate("CliHelp", "rincian satu klaim"),
        translate(
            "CliHelp",
            "Rincian satu klaim: almarhum atau peserta, ahli waris, dokumen, jumlah, tanda "
            "perlu diperiksa, riwayat langkah, tenggat dan langkah berikutnya. NIK disamarkan; "
            "nomor rekening disamarkan kecuali dengan --full.",
        ),
    )
    add_db(show)
    show.add_argument("claim", metavar=claim_id, help=claim_id_help)
    show.add_argument(
        "--full",
        action="store_true",
        help=translate("CliHelp", "nomor rekening lengkap (perlu hak melihat nomor lengkap)"),
    )

    new = add_command(
        claim_commands,
        "new",
        translate("CliHelp", "buka klaim baru; mencetak nomor klaimnya"),
        translate(
            "CliHelp",
            "Buka klaim baru (status diusulkan) dan cetak nomor klaimnya. JKM dan JKK untuk "
            "peserta (--worker NIK); santunan kematian juga untuk warga yang bukan peserta "
            "(--nik, --name, --village). Klaim yang tidak memenuhi aturan ditolak dengan "
            "alasannya (kode keluar 2); klaim yang perlu diperiksa tetap dibuka (kode keluar 1).",
        ),
    )
    add_db(new)
    new.add_argument(
        "--kind",
        required=True,
        choices=_values(ClaimKind),
        metavar=translate("CliHelp", "JENIS"),
        help=translate("CliHelp", "jenis klaim: {choices}").format(
            choices=", ".join(_values(ClaimKind))
        ),
    )
    subject = new.add_mutually_exclusive_group(required=True)
    subject.add_argument(
        "--worker",
        default=None,
        metavar="NIK",
        help=translate("CliHelp", "NIK peserta yang diklaim (dari data peserta)"),
    )
    subject.add_argument(
        "--nik",
        default=None,
        metavar="NIK",
        help=translate(
            "CliHelp",
            "NIK almarhum yang bukan peserta (santunan kematian; perlu --name, --village)",
        ),
    )
    new.add_argument(
        "--name",
        default=None,
        metavar=text,
        help=translate("CliHelp", "nama almarhum (bersama --nik)"),
    )
    new.add_argument(
        "--village",
        default=None,
        metavar=translate("CliHelp", "KODE"),
        help=translate("CliHelp", "kode desa tempat tinggal almarhum (bersama --nik)"),
    )
    new.add_argument(
        "--event-date",
        type=iso_date,
        required=True,
        metavar=date_metavar,
        help=translate("CliHelp", "tanggal meninggal atau tanggal kecelakaan"),
    )
    new.add_argument(
        "--akta",
        default=None,
        metavar=translate("CliHelp", "NOMOR"),
        help=translate("CliHelp", "nomor akta kematian"),
    )
    new.add_argument(
        "--decile",
        type=whole_number,
        default=None,
        metavar="N",
        help=translate(
            "CliHelp",
            "desil DTSEN rumah tangga almarhum, 1 sampai 10 (santunan kematian; tanpa ini "
            "klaim ditandai perlu diperiksa)",
        ),
    )
    new.add_argument(
        "--reported",
        type=iso_date,
        default=None,
        metavar=date_metavar,
        help=translate("CliHelp", "tanggal laporan desa (bawaan: hari ini)"),
    )
    new.add_argument(
        "--traffic",
        action="store_true",
        help=translate("CliHelp", "(JKK) kecelakaan lalu lintas: perlu laporan polisi"),
    )

    step = add_command(
        claim_commands,
        "step",
        translate("CliHelp", "ambil langkah berikutnya pada klaim"),
        translate(
            "CliHelp",
            "Ambil langkah berikutnya pada klaim (mis. direkomendasikan, diverifikasi, "
            "disetujui, dicairkan). Langkah yang tidak diizinkan dari status sekarang, atau "
            "saat dokumen wajib belum lengkap, ditolak dengan alasannya (kode keluar 2).",
        ),
    )
    add_db(step)
    step.add_argument("claim", metavar=claim_id, help=claim_id_help)
    step.add_argument(
        "state",
        choices=_values(ClaimStatus),
        metavar=translate("CliHelp", "STATUS"),
        help=translate("CliHelp", "status baru: {choices}").format(
            choices=", ".join(_values(ClaimStatus))
        ),
    )
    step.add_argument(
        "--reason",
        default=None,
        metavar=text,
        help=translate("CliHelp", "alasan (wajib untuk dikembalikan, ditolak dan dibatalkan)"),
    )
    step.add_argument(
        "--on",
        type=iso_date,
        default=None,
        metavar=date_metavar,
        help=translate("CliHelp", "tanggal langkah (bawaan: hari ini)"),
    )

    doc = add_command(
        claim_commands,
        "doc",
        translate("CliHelp", "tandai dokumen klaim sudah diterima (atau belum, dengan --remove)"),
    )
    add_db(doc)
    doc.add_argument("claim", metavar=claim_id, help=claim_id_help)
    doc.add_argument(
        "item",
        choices=_values(DocumentItem),
        metavar=translate("CliHelp", "DOKUMEN"),
        help=translate("CliHelp", "dokumen: {choices}").format(
            choices=", ".join(_values(DocumentItem))
        ),
    )
    doc.add_argument(
        "--on",
        type=iso_date,
        default=None,
        metavar=date_metavar,
        help=translate("CliHelp", "tanggal dokumen diterima (bawaan: hari ini)"),
    )
    doc.add_argument(
        "--note",
        default=None,
        metavar=text,
        help=translate("CliHelp", "catatan tentang dokumen ini"),
    )
    doc.add_argument(
        "--remove",
        action="store_true",
        help=translate("CliHelp", "tandai dokumen belum diterima (mencabut centang yang salah)"),
    )

    heir = add_command(
        claim_commands,
        "heir",
        translate("CliHelp", "tambahkan ahli waris pada klaim"),
        translate(
            "CliHelp",
            "Tambahkan ahli waris pada klaim; dengan --payee dia penerima pembayaran "
            "(perlu --bank dan --account). Nomor rekening disamarkan dalam keluaran.",
        ),
    )
    add_db(heir)
    heir.add_argument("claim", metavar=claim_id, help=claim_id_help)
    heir.add_argument(
        "--name", required=True, metavar=text, help=translate("CliHelp", "nama ahli waris")
    )
    heir.add_argument(
        "--nik", required=True, metavar="NIK", help=translate("CliHelp", "NIK ahli waris")
    )
    heir.add_argument(
        "--relationship",
        required=True,
        choices=_values(Relationship),
        metavar=translate("CliHelp", "HUBUNGAN"),
        help=translate("CliHelp", "hubungan dengan almarhum: {choices}").format(
            choices=", ".join(_values(Relationship))
        ),
    )
    heir.add_argument(
        "--payee",
        action="store_true",
        help=translate("CliHelp", "ahli waris ini penerima pembayaran"),
    )
    heir.add_argument(
        "--bank", default=None, metavar=text, help=translate("CliHelp", "nama bank penerima")
    )
    heir.add_argument(
        "--account",
        default=None,
        metavar=translate("CliHelp", "NOMOR"),
        help=translate("CliHelp", "nomor rekening penerima"),
    )
    heir.add_argument(
        "--holder",
        default=None,
        metavar=text,
        help=translate("CliHelp", "nama pemilik rekening, bila bukan ahli waris sendiri"),
    )
    heir.add_argument(
        "--school-level",
        choices=_values(SchoolLevel),
        default=None,
        metavar=translate("CliHelp", "JENJANG"),
        help=translate(
            "CliHelp",
            "jenjang sekolah anak (beasiswa JKM untuk dua anak pertama, setelah 3 tahun "
            "iuran): {choices}",
        ).format(choices=", ".join(_values(SchoolLevel))),
    )

    particulars = add_command(
        claim_commands,
        "set",
        translate("CliHelp", "catat data klaim yang baru diketahui"),
        translate(
            "CliHelp",
            "Catat data klaim yang baru diketahui sesudah klaim dibuka: nomor akta kematian, "
            "desil DTSEN, kecelakaan lalu lintas (JKK), hari tidak mampu bekerja (STMB). "
            "Kecamatan dapat mengubahnya selama berkas ada di kecamatan.",
        ),
    )
    add_db(particulars)
    particulars.add_argument("claim", metavar=claim_id, help=claim_id_help)
    particulars.add_argument(
        "--akta",
        default=None,
        metavar=translate("CliHelp", "NOMOR"),
        help=translate("CliHelp", "nomor akta kematian"),
    )
    decile = particulars.add_mutually_exclusive_group()
    decile.add_argument(
        "--decile",
        type=whole_number,
        default=None,
        metavar="N",
        help=translate("CliHelp", "desil DTSEN rumah tangga almarhum, 1 sampai 10"),
    )
    decile.add_argument(
        "--no-decile",
        action="store_true",
        help=translate("CliHelp", "desil DTSEN belum diketahui (klaim ditandai perlu diperiksa)"),
    )
    particulars.add_argument(
        "--traffic",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=translate("CliHelp", "kecelakaan kerja terjadi di jalan (klaim JKK)"),
    )
    particulars.add_argument(
        "--days-off",
        type=whole_number,
        default=None,
        metavar="N",
        help=translate("CliHelp", "hari tidak mampu bekerja (klaim JKK STMB)"),
    )

    listing.set_defaults(handler=cmd_claims_list)
    show.set_defaults(handler=cmd_claims_show)
    new.set_defaults(handler=cmd_claims_new)
    particulars.set_defaults(handler=cmd_claims_set)
    step.set_defaults(handler=cmd_claims_step)
    doc.set_defaults(handler=cmd_claims_doc)
    heir.set_defaults(handler=cmd_claims_heir)
