"""The read-only sections of the claim detail: the subject, the status and its clock, the
amount's breakdown and the timeline of steps (the view adds their buttons)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop.domain.claim_rules import event_label
from desktop.domain.claims import ClaimKind
from desktop.domain.roles import Role
from desktop.services.claims import ClaimDetail, TimelineEntry
from desktop.ui.claims.sections import (
    ERROR_COLOR,
    WARNING_COLOR,
    FieldGrid,
    Section,
    days_left_text,
    mute,
    muted_label,
    rupiah,
    short_date,
    shown_number,
    value_label,
)
from desktop.ui.i18n import finding_text, number, translate


def fill_subject(section: Section, detail: ClaimDetail, full: bool) -> None:
    """Who the claim is for, where, and what happened when."""
    section.clear()
    grid = FieldGrid()
    grid.add(
        translate("ClaimDetail", "Nama:"),
        value_label(detail.subject_name, bold=True),
        wide_value=True,
    )
    grid.add(translate("ClaimDetail", "NIK:"), shown_number(detail.subject_nik, full))
    grid.add(translate("ClaimDetail", "No. KK:"), shown_number(detail.subject_kk, full))
    grid.add(translate("ClaimDetail", "Lahir:"), short_date(detail.subject_birth_date))
    grid.add(
        translate("ClaimDetail", "Peserta:"),
        translate("ClaimDetail", "ya, di daftar peserta")
        if detail.worker_id
        else translate("ClaimDetail", "bukan peserta"),
    )
    place = ", ".join(
        p
        for p in (
            detail.village_name,
            translate("ClaimDetail", "Kec. {name}").format(name=detail.district_name)
            if detail.district_name
            else "",
        )
        if p
    )
    grid.add(
        translate("ClaimDetail", "Desa:"),
        f"{place} ({detail.village_code})" if place else detail.village_code,
        wide_value=True,
    )
    event = translate("ClaimRules", event_label(detail.kind))
    grid.add(event + ":", short_date(detail.event_date))
    grid.add(translate("ClaimDetail", "Dilaporkan:"), short_date(detail.reported_date))
    if detail.kind.is_death:
        grid.add(translate("ClaimDetail", "Akta kematian:"), detail.death_certificate_no or "–")
    if detail.kind is ClaimKind.SANTUNAN:
        decile = (
            str(detail.dtsen_decile)
            if detail.dtsen_decile is not None
            else translate("ClaimDetail", "belum dicatat")
        )
        grid.add(translate("ClaimDetail", "Desil DTSEN:"), decile)
    if detail.kind.is_jkk:
        grid.add(
            translate("ClaimDetail", "Kecelakaan lalu lintas:"),
            translate("ClaimDetail", "ya")
            if detail.accident_is_traffic
            else translate("ClaimDetail", "tidak"),
        )
    if detail.kind is ClaimKind.JKK_TEMPORARY:
        grid.add(
            translate("ClaimDetail", "Tidak mampu bekerja:"),
            translate("ClaimDetail", "{days} hari").format(days=number(detail.days_off))
            if detail.days_off is not None
            else translate("ClaimDetail", "belum dicatat"),
        )
    section.add(grid)


def fill_status(section: Section, detail: ClaimDetail) -> None:
    """The state, the days the file was complete and verified, and the deadline."""
    section.clear()
    grid = FieldGrid()
    grid.add(
        translate("ClaimDetail", "Status:"),
        value_label(translate("ClaimStatus", detail.status.label), bold=True),
        wide_value=True,
    )
    grid.add(translate("ClaimDetail", "Berkas lengkap:"), short_date(detail.completed_on))
    grid.add(translate("ClaimDetail", "Diverifikasi:"), short_date(detail.verified_on))
    color = ERROR_COLOR if detail.overdue else WARNING_COLOR if detail.due_soon else ""
    grid.add(
        translate("ClaimDetail", "Batas waktu:"),
        value_label(short_date(detail.deadline), color=color),
    )
    stopped = detail.deadline is not None and detail.days_left is None
    left = value_label(
        translate("ClaimDetail", "jam berhenti")
        if stopped
        else days_left_text(detail.days_left, detail.working_days),
        bold=bool(color),
        color=color,
    )
    left.setObjectName("daysLeft")
    grid.add(translate("ClaimDetail", "Sisa waktu:"), left)
    section.add(grid)
    if detail.deadline is None and not detail.status.is_final:
        section.add_muted(
            (
                translate(
                    "ClaimDetail",
                    "Batas waktu mulai dihitung saat berkas lengkap dan diverifikasi: "
                    "pembayaran paling lambat {days} hari kerja sesudahnya.",
                )
                if detail.working_days
                else translate(
                    "ClaimDetail",
                    "Batas waktu mulai dihitung saat berkas lengkap dan diverifikasi: "
                    "pembayaran paling lambat {days} hari sesudahnya.",
                )
            ).format(days=detail.clock_days)
        )
    elif detail.overdue:
        section.add_text(
            translate(
                "ClaimDetail", "Batas waktu sudah lewat: segera putuskan dan bayarkan klaim ini."
            ),
            color=ERROR_COLOR,
        )
    elif detail.due_soon:
        section.add_text(translate("ClaimDetail", "Batas waktu sudah dekat."), color=WARNING_COLOR)


def fill_amount(section: Section, detail: ClaimDetail) -> None:
    """The breakdown of the rules, its notes, an override, what was approved and paid."""
    section.clear()
    amount = detail.amount
    if amount is None:
        section.add_muted(translate("ClaimDetail", "Jumlah belum dapat dihitung untuk klaim ini."))
        return
    grid = QGridLayout()
    grid.setHorizontalSpacing(12)
    grid.setVerticalSpacing(2)
    grid.setColumnStretch(0, 1)
    row = 0
    for line in amount.breakdown.lines:
        grid.addWidget(value_label(line.render(translate)), row, 0)
        grid.addWidget(_money(line.amount), row, 1)
        row += 1
    total_caption = (
        translate("ClaimDetail", "Jumlah menurut aturan")
        if amount.override
        else translate("ClaimDetail", "Jumlah")
    )
    grid.addWidget(value_label(total_caption, bold=True), row, 0)
    grid.addWidget(_money(amount.computed, bold=True), row, 1)
    row += 1
    if amount.override is not None:
        grid.addWidget(
            value_label(translate("ClaimDetail", "Jumlah diubah admin"), bold=True), row, 0
        )
        grid.addWidget(_money(amount.override.amount, bold=True, color=WARNING_COLOR), row, 1)
        row += 1
    for caption, value in (
        (translate("ClaimDetail", "Disetujui"), detail.amount_approved),
        (translate("ClaimDetail", "Dibayarkan"), detail.amount_paid),
    ):
        if value:
            grid.addWidget(value_label(caption), row, 0)
            grid.addWidget(_money(value), row, 1)
            row += 1
    section.add(grid)
    if amount.override is not None:
        section.add_text(
            translate("ClaimDetail", "Alasan perubahan: {reason}").format(
                reason=amount.override.reason
            ),
            color=WARNING_COLOR,
        )
    for note in amount.notes:
        section.add_muted(finding_text(note))


def _money(amount: int, *, bold: bool = False, color: str = "") -> QLabel:
    label = value_label(rupiah(amount), bold=bold, color=color)
    label.setWordWrap(False)
    label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    return label


def fill_timeline(section: Section, detail: ClaimDetail) -> None:
    """Each step: its day, the state it led to, who took it in which role, and why; a step
    that did not take effect greyed, with a note saying so."""
    section.clear()
    if not detail.timeline:
        section.add_muted(translate("ClaimDetail", "Belum ada langkah."))
        return
    for entry in detail.timeline:
        section.add(_entry(entry))


def _role_text(entry: TimelineEntry) -> str:
    if entry.role is None:
        return ""
    try:
        return translate("Role", Role(entry.role).label)
    except ValueError:
        return entry.role_label or entry.role


def _entry(entry: TimelineEntry) -> QWidget:
    widget = QWidget()
    widget.setObjectName("timelineEntry" if entry.applied else "timelineEntrySkipped")
    lines = QVBoxLayout(widget)
    lines.setContentsMargins(0, 0, 0, 4)
    lines.setSpacing(0)
    day = entry.on or entry.at.astimezone().date()
    status = translate("ClaimStatus", entry.status.label)
    head = value_label(
        translate("ClaimDetail", "{date} · {status}").format(date=short_date(day), status=status),
        bold=entry.applied,
    )
    head.setToolTip(
        translate("ClaimDetail", "Dicatat {time}").format(
            time=entry.at.astimezone().strftime("%d-%m-%Y %H:%M")
        )
    )
    lines.addWidget(head)
    role = _role_text(entry)
    who = (
        translate("ClaimDetail", "oleh {name} ({role})").format(name=entry.actor_name, role=role)
        if role
        else translate("ClaimDetail", "oleh {name}").format(name=entry.actor_name)
    )
    lines.addWidget(muted_label(who))
    if entry.reason:
        reason = value_label(
            translate("ClaimDetail", "Alasan: {reason}").format(reason=entry.reason)
        )
        if not entry.applied:
            mute(reason)
        lines.addWidget(reason)
    if not entry.applied:
        mute(head)
        lines.addWidget(
            muted_label(
                translate(
                    "ClaimDetail",
                    "Tidak berlaku: langkah ini tidak boleh diambil dari status klaim saat "
                    "itu (misalnya dicatat kantor lain sebelum sinkronisasi).",
                )
            )
        )
    return widget


__all__ = ["fill_amount", "fill_status", "fill_subject", "fill_timeline"]
