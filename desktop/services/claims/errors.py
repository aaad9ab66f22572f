"""The claim service's own refusals (the rules' are the domain's findings)."""

from __future__ import annotations

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError

# A refusal with its finding.
error = DomainError.of


def not_found() -> DomainError:
    """No such live claim."""
    return error(
        "claim.not_found",
        QT_TRANSLATE_NOOP(
            "Finding", "Klaim tidak ditemukan; mungkin sudah dihapus. Muat ulang daftar klaim."
        ),
    )
