"""What other services need of the claim service to keep claims' derived columns true after
they write what a claim's file or clock reads (a sync merge, a clock setting): given to them
by the services' assembly (desktop.services.app), so that no service imports another."""

from __future__ import annotations

from typing import Protocol

from desktop.store.unit_of_work import Actor


class ClaimRecompute(Protocol):
    """Recompute the derived columns (status, clock, flags) of every claim whose file
    changed in the change log after a mark (:meth:`ClaimService.change_mark`), and of every
    running claim when the holiday list or a clock setting changed after it."""

    def change_mark(self) -> int: ...

    def recompute_since(self, actor: Actor, mark: int) -> list[str]: ...
