"""The office settings Sigap knows: their keys, Indonesian names, defaults and limits.

Rules that differ between regencies or offices are data, with Kabupaten Ogan Komering
Ilir's as the defaults; they live in the synced ``setting`` table (set at the hub, sent to
every laptop) and are read through :func:`parse_setting`, which falls back to the default
for a value that is missing or unreadable. The claims, letters and reports issues add rows
to :data:`SETTINGS`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError


@dataclass(frozen=True)
class IntSetting:
    """A whole-number setting with its limits."""

    key: str
    label: str
    default: int
    minimum: int
    maximum: int

    def parse(self, text: str) -> int:
        """The value of *text*, or :class:`DomainError` naming the setting and its limits."""
        cleaned = text.strip()
        value = int(cleaned) if cleaned.isascii() and cleaned.isdigit() else None
        if value is None or not self.minimum <= value <= self.maximum:
            raise DomainError.of(
                "setting.range",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    'Nilai "{value}" untuk pengaturan {key} ({label}) tidak sah: tulis bilangan '
                    "bulat {minimum} sampai {maximum}.",
                ),
                value=text,
                key=self.key,
                label=self.label,
                minimum=self.minimum,
                maximum=self.maximum,
            )
        return value


BACKUPS_KEPT = IntSetting(
    key="backup.keep_last",
    label=QT_TRANSLATE_NOOP("Setting", "Jumlah cadangan terakhir yang disimpan"),
    default=10,
    minimum=1,
    maximum=1000,
)

# How long a kecamatan's enrolment (its file and one-time code) stays usable: the hub
# refuses a laptop's first bundle that arrives later (counted from the enrolment, by the
# hub's clock), so a file and code found on an old stick open nothing.
ENROLMENT_VALID_DAYS = IntSetting(
    key="enrolment.valid_days",
    label=QT_TRANSLATE_NOOP("Setting", "Masa berlaku pendaftaran kecamatan (hari)"),
    default=7,
    minimum=1,
    maximum=90,
)

# --- Claims -----------------------------------------------------------------------------
# What the law fixes per regency (the santunan's amount, who qualifies, the days to pay) is
# the regency's rule set (desktop.domain.benefits.SantunanRules), versioned by date. These
# settings are the office's own choices: how to count days, when to warn, what to flag.

# Days the regency gives itself to file a complete, verified JKM/JKK claim with BPJS (the
# santunan kematian's days come from its rule set: 7 under Perbup OKI 17/2025).
CLAIM_DEADLINE_DAYS = IntSetting(
    key="claim.deadline_days",
    label=QT_TRANSLATE_NOOP("Setting", "Tenggat klaim JKM/JKK setelah berkas lengkap (hari)"),
    default=7,
    minimum=1,
    maximum=90,
)

# 1: deadlines are counted in working days (Monday to Friday less the holiday list);
# 0: in calendar days.
CLAIM_WORKING_DAYS = IntSetting(
    key="claim.working_days",
    label=QT_TRANSLATE_NOOP(
        "Setting", "Hitung tenggat klaim dalam hari kerja (1 = hari kerja, 0 = hari kalender)"
    ),
    default=0,
    minimum=0,
    maximum=1,
)

# A claim whose deadline is this many days away or fewer is shown as due soon.
CLAIM_DUE_SOON_DAYS = IntSetting(
    key="claim.due_soon_days",
    label=QT_TRANSLATE_NOOP("Setting", "Tandai klaim yang tenggatnya tinggal (hari)"),
    default=2,
    minimum=0,
    maximum=30,
)

# A death this many days or fewer after the coverage started is flagged for review.
CLAIM_EARLY_DEATH_DAYS = IntSetting(
    key="claim.early_death_days",
    label=QT_TRANSLATE_NOOP(
        "Setting", "Periksa kematian yang terjadi sekian hari sejak kepesertaan mulai"
    ),
    default=30,
    minimum=0,
    maximum=365,
)

SETTINGS: Mapping[str, IntSetting] = {
    s.key: s
    for s in (
        BACKUPS_KEPT,
        ENROLMENT_VALID_DAYS,
        CLAIM_DEADLINE_DAYS,
        CLAIM_WORKING_DAYS,
        CLAIM_DUE_SOON_DAYS,
        CLAIM_EARLY_DEATH_DAYS,
    )
}


def setting_named(key: str) -> IntSetting:
    """The setting called *key*, or :class:`DomainError` listing the known ones."""
    try:
        return SETTINGS[key]
    except KeyError:
        raise DomainError.of(
            "setting.unknown",
            QT_TRANSLATE_NOOP(
                "Finding", "Pengaturan {key} tidak dikenal. Pengaturan yang ada: {known}."
            ),
            key=key,
            known=", ".join(sorted(SETTINGS)),
        ) from None


def parse_setting(setting: IntSetting, stored: Mapping[str, str]) -> int:
    """The setting's value among the *stored* ones, its default when missing or unreadable
    (a hub running a newer Sigap may send a value this one cannot read)."""
    text = stored.get(setting.key)
    if text is None:
        return setting.default
    try:
        return setting.parse(text)
    except DomainError:
        return setting.default
