"""Where the new-claim dialog says a refusal of the claim service: under the field the
refusal's code concerns (the subject, the event date, the report date, ...), so the clerk
sees at once what to change."""

from __future__ import annotations

SUBJECT, NIK, NAME, VILLAGE, KK, EVENT, REPORTED, DECILE, FORM = (
    "subject", "nik", "name", "village", "kk", "event", "reported", "decile", "form"
)  # fmt: skip
_TARGETS: dict[str, str] = {
    **dict.fromkeys(
        (
            "claim.no_worker",
            "claim.not_enrolled",
            "claim.no_coverage",
            "claim.duplicate",
            "claim.worker_not_found",
            "claim.no_subject",
            "claim.outside_area",
        ),
        SUBJECT,
    ),
    **dict.fromkeys(
        (
            "claim.outside_coverage",
            "claim.after_exit",
            "claim.event_future",
            "claim.event_before_birth",
            "claim.jkk_lapsed",
            "santunan.no_rules",
        ),
        EVENT,
    ),
    **dict.fromkeys(
        ("claim.filed_before_event", "claim.santunan_window", "claim.day_future"), REPORTED
    ),
    "claim.decile_range": DECILE,
    "claim.subject_name": NAME,
    "claim.subject_village": VILLAGE,
    "claim.village_unknown": VILLAGE,
}


def refusal_target(code: str, resident: bool) -> str:
    """The field a refusal's *code* concerns (for a resident, the NIK stands for the
    person: a duplicate claim is said under it)."""
    if code.startswith("nik."):
        return NIK
    if code.startswith("kk."):
        return KK
    target = _TARGETS.get(code, FORM)
    if resident and target == SUBJECT:
        return NIK
    if not resident and target in (NAME, VILLAGE):
        return SUBJECT
    if target == NAME:
        return FORM  # an empty name keeps Simpan grey; the service's word goes below
    return target


__all__ = [
    "DECILE",
    "EVENT",
    "FORM",
    "KK",
    "NAME",
    "NIK",
    "REPORTED",
    "SUBJECT",
    "VILLAGE",
    "refusal_target",
]
