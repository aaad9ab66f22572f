"""The claims of the Klaim tab and the ``claims`` command: open, step, file, flags, amounts,
the list and the detail (desktop.services.claims.service and .reading)."""

from desktop.services.claims.reading import (
    ClaimDetail,
    ClaimRow,
    DocumentDetail,
    FlagDetail,
    HeirDetail,
    TimelineEntry,
)
from desktop.services.claims.service import ClaimService
from desktop.services.claims.writing import Resident

__all__ = [
    "ClaimDetail",
    "ClaimRow",
    "ClaimService",
    "DocumentDetail",
    "FlagDetail",
    "HeirDetail",
    "Resident",
    "TimelineEntry",
]
