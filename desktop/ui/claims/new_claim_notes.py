"""What the new-claim dialog tells once a claim is open: the review flags it raised (the
claim is open, and the regency's admin will look at them) and the worker now recorded as
deceased."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.permissions import Actor
from desktop.ui import messages
from desktop.ui.i18n import finding_text, translate


def tell_flags(
    parent: QWidget,
    services: AppServices,
    actor: Actor | None,
    claim_id: str,
    *,
    worker_deceased: bool,
) -> None:
    """Tell the flags the new claim raised, and that its worker is now deceased."""
    if actor is None:
        return
    try:
        detail = services.claims.detail(actor, claim_id)
    except DomainError:
        return
    if not detail.flags:
        return
    notes: list[str] = []
    if worker_deceased:
        notes.append(
            translate("NewClaimDialog", "Status {name} di data peserta kini Meninggal.").format(
                name=detail.subject_name
            )
        )
    messages.inform(
        parent,
        translate("NewClaimDialog", "Klaim dibuka"),
        translate(
            "NewClaimDialog",
            "Klaim {kind} untuk {name} sudah dibuka, dan ditandai “perlu diperiksa”: "
            "admin kabupaten memeriksa tanda ini sebelum klaim diputuskan.",
        ).format(kind=translate("ClaimKind", detail.kind.label), name=detail.subject_name),
        "\n".join(["• " + finding_text(flag.finding) for flag in detail.flags] + notes),
    )
